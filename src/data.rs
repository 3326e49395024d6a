//! The data the binary carries: the source text, the registry, translations, locales, the
//! ontology and the workbench's scripts and styles (`web/`), embedded at build time so that
//! `sco-kg` runs from any directory.

use include_dir::{include_dir, Dir};
use serde::de::DeserializeOwned;

use crate::ingest::Lexicon;

static DATA: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/data");
static ONTOLOGY: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/ontology");
static LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/locales");
static WEB: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/web");

/// Path of the source text inside `data/`.
pub const SOURCE: &str = "source/sco-action-plan-2021-2025.ru.txt";

/// A data file with the path it is reported under.
#[derive(Debug, Clone)]
pub struct DataFile<'a> {
    pub path: String,
    pub contents: &'a str,
}

/// A data file that could not be read; says which file and where.
#[derive(Debug, thiserror::Error)]
#[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct DataError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl DataFile<'_> {
    pub fn parse_toml<T: DeserializeOwned>(&self) -> Result<T, DataError> {
        toml::from_str(self.contents).map_err(|e| DataError {
            path: self.path.clone(),
            line: e
                .span()
                .map(|span| self.contents[..span.start].matches('\n').count() + 1),
            message: e.message().to_string(),
        })
    }

    pub fn error(&self, line: Option<usize>, message: impl Into<String>) -> DataError {
        DataError {
            path: self.path.clone(),
            line,
            message: message.into(),
        }
    }
}

fn embedded<'a>(dir: &'a Dir<'a>, root: &str, path: &str) -> Result<DataFile<'a>, DataError> {
    let file = dir.get_file(path).ok_or_else(|| DataError {
        path: format!("{root}/{path}"),
        line: None,
        message: "missing from the embedded data".into(),
    })?;
    let contents = file.contents_utf8().ok_or_else(|| DataError {
        path: format!("{root}/{path}"),
        line: None,
        message: "not UTF-8".into(),
    })?;
    Ok(DataFile {
        path: format!("{root}/{path}"),
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

/// The lexicon of the participants column.
pub fn lexicon() -> Result<Lexicon, DataError> {
    Lexicon::from_files(
        &file("ingest/participants.toml")?,
        &file("registry/states.toml")?,
    )
}
