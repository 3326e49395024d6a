//! The data the binary carries: the source text, the registry, translations, locales, the
//! ontology and the workbench's scripts and styles (`web/`), embedded at build time so that
//! `sco-kg` runs from any directory.

use std::fmt;

use include_dir::{include_dir, Dir};
use serde::de::DeserializeOwned;

use crate::i18n::Message;

static DATA: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/data");
static ONTOLOGY: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/ontology");
static LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/locales");
static WEB: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/web");

/// Path of the source text inside `data/`.
pub const SOURCE: &str = "source/sco-action-plan-2021-2025.ru.txt";

/// A data file with the path it is reported under.
#[derive(Debug, Clone)]
pub struct DataFile<'a> {
    /// The path errors name, from the repository root ("data/registry/bodies.toml").
    pub path: String,
    /// The file's text.
    pub contents: &'a str,
}

/// A data file that could not be read, or that breaks a rule of its reader: which file, and
/// the line and column where known. Plain data: the layers above say it in words
/// (`link::DataFileError::message`, in the reader's language); `Display` writes
/// `path:line:column: what` in English, for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file, from the repository root ("data/registry/bodies.toml").
    pub path: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column (in characters) on `line`, where known.
    pub column: Option<usize>,
    /// What is wrong.
    pub kind: DataErrorKind,
}

/// What is wrong with a data file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataErrorKind {
    /// Not among the files embedded in the binary.
    #[error("not among the embedded files")]
    Missing,
    /// Embedded, but not UTF-8 text.
    #[error("not UTF-8 text")]
    NotUtf8,
    /// Not TOML of the shape its reader expects: the TOML parser's own words, in English.
    #[error("not TOML of the expected shape: {detail}")]
    Toml {
        /// The parser's message.
        detail: String,
    },
    /// A rule of its reader broken: the reader's words, in English.
    #[error("{detail}")]
    Invalid {
        /// The reader's message.
        detail: String,
    },
}

impl DataError {
    /// An error of `kind` about the file at `path`, with no line or column.
    pub fn new(path: impl Into<String>, kind: DataErrorKind) -> Self {
        Self {
            path: path.into(),
            line: None,
            column: None,
            kind,
        }
    }

    /// The file, and the line and column where known: `data/registry/bodies.toml:12:5`.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.path),
            (Some(line), None) => format!("{}:{line}", self.path),
            _ => self.path.clone(),
        }
    }
}

impl DataError {
    /// What is wrong, in no language yet (the location is the caller's to add): the `data-*`
    /// messages of `locales/*/pipeline.ftl`.
    pub fn message(&self) -> Message {
        match &self.kind {
            DataErrorKind::Missing => Message::new("data-missing"),
            DataErrorKind::NotUtf8 => Message::new("data-not-utf8"),
            DataErrorKind::Toml { detail } => {
                Message::new("data-toml").arg("detail", detail.as_str())
            }
            DataErrorKind::Invalid { detail } => {
                Message::new("data-invalid").arg("detail", detail.as_str())
            }
        }
    }
}

/// `location: what`, in English.
impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.kind)
    }
}

impl std::error::Error for DataError {}

impl DataFile<'_> {
    /// Deserializes the file as TOML; an error names the line and column the parser points at.
    pub fn parse_toml<T: DeserializeOwned>(&self) -> Result<T, DataError> {
        toml::from_str(self.contents).map_err(|e| {
            let (line, column) = match e.span() {
                Some(span) => {
                    let (line, column) = line_and_column(self.contents, span.start);
                    (Some(line), Some(column))
                }
                None => (None, None),
            };
            DataError {
                path: self.path.clone(),
                line,
                column,
                kind: DataErrorKind::Toml {
                    detail: e.message().to_string(),
                },
            }
        })
    }

    /// The 1-based line and column (in characters) of byte `offset` of the file: where a span
    /// the TOML parser gives (`toml::Spanned`) begins.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        line_and_column(self.contents, offset)
    }

    /// A rule of the file's reader broken, at `line` where known.
    pub fn error(&self, line: Option<usize>, detail: impl Into<String>) -> DataError {
        DataError {
            line,
            ..DataError::new(
                self.path.clone(),
                DataErrorKind::Invalid {
                    detail: detail.into(),
                },
            )
        }
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

fn embedded<'a>(dir: &'a Dir<'a>, root: &str, path: &str) -> Result<DataFile<'a>, DataError> {
    let reported = format!("{root}/{path}");
    let file = dir
        .get_file(path)
        .ok_or_else(|| DataError::new(reported.clone(), DataErrorKind::Missing))?;
    let contents = file
        .contents_utf8()
        .ok_or_else(|| DataError::new(reported.clone(), DataErrorKind::NotUtf8))?;
    Ok(DataFile {
        path: reported,
        contents,
    })
}

/// A file of `data/`.
pub fn file(path: &str) -> Result<DataFile<'static>, DataError> {
    embedded(&DATA, "data", path)
}

/// The files of a folder of `data/` with the given extension, sorted by path.
pub fn files_in(folder: &str, extension: &str) -> Vec<DataFile<'static>> {
    let mut files: Vec<DataFile<'static>> = DATA
        .get_dir(folder)
        .map(|dir| {
            dir.files()
                .filter(|f| f.path().extension().is_some_and(|e| e == extension))
                .filter_map(|f| {
                    Some(DataFile {
                        path: format!("data/{}", f.path().display()),
                        contents: f.contents_utf8()?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// A file of `ontology/`.
pub fn ontology(path: &str) -> Result<DataFile<'static>, DataError> {
    embedded(&ONTOLOGY, "ontology", path)
}

/// A file of `locales/`.
pub fn locale(path: &str) -> Result<DataFile<'static>, DataError> {
    embedded(&LOCALES, "locales", path)
}

/// The locale folders (`en`, `ru`, `zh`) with their `.ftl` files, sorted.
pub fn locale_files() -> Vec<(String, Vec<DataFile<'static>>)> {
    let mut out: Vec<(String, Vec<DataFile<'static>>)> = LOCALES
        .dirs()
        .map(|dir| {
            let lang = dir.path().display().to_string();
            let mut files: Vec<DataFile<'static>> = dir
                .files()
                .filter(|f| f.path().extension().is_some_and(|e| e == "ftl"))
                .filter_map(|f| {
                    Some(DataFile {
                        path: format!("locales/{}", f.path().display()),
                        contents: f.contents_utf8()?,
                    })
                })
                .collect();
            files.sort_by(|a, b| a.path.cmp(&b.path));
            (lang, files)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Every file of `web/` (the query workbench's scripts and styles and the libraries it
/// vendors) with its path there ("vendor/echarts/echarts.min.js"), sorted by path.
pub fn web_files() -> Vec<(String, &'static [u8])> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for file in dir.files() {
            out.push((file.path().display().to_string(), file.contents()));
        }
        for sub in dir.dirs() {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    walk(&WEB, &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The embedded source text.
pub fn source() -> &'static [u8] {
    DATA.get_file(SOURCE)
        .map(|f| f.contents())
        .unwrap_or_default()
}

/// The files the ingest stage's lexicon of the participants column is built from: the
/// collective designations (`data/ingest/participants.toml`) and the member states
/// (`data/registry/states.toml`). This layer hands the files; the type built from them is the
/// reader's (`ingest::Lexicon`).
#[derive(Debug, Clone)]
pub struct LexiconFiles {
    /// `data/ingest/participants.toml`: the collective designations.
    pub participants: DataFile<'static>,
    /// `data/registry/states.toml`: the member states and their Russian forms.
    pub states: DataFile<'static>,
}

/// The embedded [`LexiconFiles`].
pub fn lexicon_files() -> Result<LexiconFiles, DataError> {
    Ok(LexiconFiles {
        participants: file("ingest/participants.toml")?,
        states: file("registry/states.toml")?,
    })
}

/// The lexicon of the participants column, of whichever type reads [`LexiconFiles`]
/// (`ingest::Lexicon`, which this layer does not know): `ingest::Lexicon::embedded()` says the
/// same with the type named.
pub fn lexicon<L>() -> Result<L, DataError>
where
    L: TryFrom<LexiconFiles, Error = DataError>,
{
    L::try_from(lexicon_files()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_toml_error_names_the_file_line_and_column() {
        let file = DataFile {
            path: "data/x.toml".into(),
            contents: "a = 1\nb = \"Ж\" c\n",
        };
        let error = file.parse_toml::<toml::Table>().unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(9)));
        assert!(matches!(error.kind, DataErrorKind::Toml { .. }));
        assert!(
            error.to_string().starts_with("data/x.toml:2:9: "),
            "{error}"
        );
    }

    #[test]
    fn a_missing_file_is_said_so() {
        let error = file("nothing/here.toml").unwrap_err();
        assert_eq!(
            error,
            DataError::new("data/nothing/here.toml", DataErrorKind::Missing)
        );
    }
}
