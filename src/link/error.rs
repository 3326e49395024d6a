//! Why the plan could not be linked, or the registry and translations not read. Each problem is
//! a [`Message`] (`locales/*/link.ftl`) for whoever maintains the data, in their language;
//! `Display` writes it in English, for logs and tests.

use std::fmt;

use super::registry::EntityType;
use crate::data::DataError;
use crate::i18n::Message;
use crate::ingest::IngestError;

/// What could not be linked, and where in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    /// 1-based line of the source.
    pub line: usize,
    /// What could not be linked.
    pub kind: LinkErrorKind,
}

/// The kinds of link failure: the plan names something the registry or the translations do
/// not have. Texts are the plan's, as written (spaces collapsed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkErrorKind {
    /// An item of a participants cell that is neither a collective designation nor a state.
    UnknownParticipant {
        /// The measure's number.
        measure: u32,
        /// The item of the cell.
        text: String,
    },
    /// An executor that is no `match` form of a body in `data/registry/bodies.toml`.
    UnknownExecutor {
        /// The measure's number.
        measure: u32,
        /// The executor as written.
        text: String,
    },
    /// The decision's issuing body ("СОВЕТ ГЛАВ ГОСУДАРСТВ") is no body's `match` form.
    UnknownIssuingBody {
        /// The issuing body as written.
        text: String,
    },
    /// The decision's place ("Москва") is no place's `match` form.
    UnknownPlace {
        /// The place as written.
        text: String,
    },
    /// A signatory's state ("Республики Индии") is no state's `match` form.
    UnknownSignatoryState {
        /// The state as written (genitive).
        text: String,
    },
    /// The plan's title contains no document's `match` form, so the plan implements nothing.
    TitleNamesNoDocument {
        /// The plan's title.
        title: String,
    },
    /// A measure with no text (or a blank one) in a translation file; `lang` is one of
    /// [`TRANSLATED`](super::TRANSLATED).
    MissingTranslation {
        /// The measure's number.
        measure: u32,
        /// The language whose file lacks it ("en" or "zh").
        lang: &'static str,
    },
}

/// A text of the data as Rust writes a string: quoted, with invisible characters escaped, the
/// same in every language.
fn quoted(text: &str) -> String {
    format!("{text:?}")
}

impl LinkErrorKind {
    /// What could not be linked, in no language yet (the line is the caller's to add).
    pub fn message(&self) -> Message {
        match self {
            Self::UnknownParticipant { measure, text } => Message::new("link-unknown-participant")
                .arg("measure", *measure)
                .arg("text", quoted(text)),
            Self::UnknownExecutor { measure, text } => Message::new("link-unknown-executor")
                .arg("measure", *measure)
                .arg("text", quoted(text))
                .arg("file", format!("data/{}", EntityType::Body.file())),
            Self::UnknownIssuingBody { text } => {
                Message::new("link-unknown-issuing-body").arg("text", quoted(text))
            }
            Self::UnknownPlace { text } => {
                Message::new("link-unknown-place").arg("text", quoted(text))
            }
            Self::UnknownSignatoryState { text } => {
                Message::new("link-unknown-signatory-state").arg("text", quoted(text))
            }
            Self::TitleNamesNoDocument { title } => {
                Message::new("link-title-names-no-document").arg("title", quoted(title))
            }
            Self::MissingTranslation { measure, lang } => Message::new("link-missing-translation")
                .arg("measure", *measure)
                .arg("lang", *lang)
                .arg("file", format!("data/translations/{lang}.toml")),
        }
    }
}

/// In English, for logs and tests.
impl fmt::Display for LinkErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl std::error::Error for LinkError {}

/// A registry or translation file that could not be read, or that breaks a rule of the data.
#[derive(Debug)]
pub enum DataFileError {
    /// Missing, not UTF-8 or not TOML of the expected shape.
    Read(DataError),
    /// `path`, at `line` where known, breaks a rule.
    Invalid {
        /// The file, as `data/…`.
        path: String,
        /// The 1-based line of the entry, where known.
        line: Option<usize>,
        /// The rule broken.
        problem: Problem,
    },
}

/// A rule of the registry or translations broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// An entry of the registry, by its id.
    Entity {
        /// The entry's `id`.
        id: String,
        /// What is wrong with it.
        fault: EntityFault,
    },
    /// A translation file's `language` is not one of the translated languages.
    TranslationLanguage {
        /// The `language` the file gives.
        lang: String,
    },
    /// `labels.toml` has no measure label in `lang`.
    NoMeasureLabel {
        /// One of the registry's [`LANGUAGES`](super::LANGUAGES).
        lang: &'static str,
    },
}

/// What is wrong with a registry entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityFault {
    /// The `id` is empty or has characters other than `a-z`, `0-9` and `-`.
    NotASlug,
    /// No `label` (or a blank one) in one of the three languages.
    NoLabel {
        /// The language without a label.
        lang: &'static str,
    },
    /// A `label`, `alt` or `official` in a language other than ru, en and zh.
    UnknownLanguage {
        /// The language key as written.
        lang: String,
    },
    /// `wikidata` is not a Q-identifier ("Q" and digits).
    NotAQid {
        /// The value as written.
        wikidata: String,
    },
    /// `date` is neither `YYYY` nor a valid `YYYY-MM-DD`.
    BadDate {
        /// The value as written.
        date: String,
    },
    /// A document without `doc_kind` or `status`.
    DocumentFields,
    /// Not a document, with `doc_kind`, `status` or `date`.
    NotADocument,
    /// Another entry of the same type has this `id`.
    IdTwice,
    /// A `match` form that already belongs to another entity of the same type.
    SharedForm {
        /// The form as written.
        form: String,
        /// The `id` of the entity it also belongs to.
        other: String,
    },
    /// An `executor_scope` form that is not one of the body's `match` forms.
    ScopeNotAMatchForm {
        /// The form as written.
        form: String,
    },
    /// An `executor_scope` form scoped `named` in which no state's `match` form is found.
    ScopeNamesNoState {
        /// The form as written.
        form: String,
    },
    /// An `executor_scope` form that no measure of the source has as an executor.
    ScopeNotAnExecutor {
        /// The form as written.
        form: String,
    },
    /// `parent` is no `id` of the same file.
    UnknownParent {
        /// The `parent` as written.
        parent: String,
    },
    /// Only some of `lat`, `long` and `coordinates_source` (or a blank source): a point needs
    /// both numbers and where they come from.
    CoordinatesIncomplete,
    /// `lat` or `long` outside its range (−90…90, −180…180) or not a number.
    CoordinateOutOfRange {
        /// `lat` or `long`.
        field: &'static str,
        /// The value as read.
        value: String,
    },
    /// Not a place, with coordinates.
    CoordinatesNotAPlace,
}

impl Problem {
    /// What rule is broken, in no language yet (the location is the caller's to add).
    pub fn message(&self) -> Message {
        match self {
            Self::Entity { id, fault } => fault.message().arg("id", quoted(id)),
            Self::TranslationLanguage { lang } => {
                Message::new("link-translation-language").arg("lang", quoted(lang))
            }
            Self::NoMeasureLabel { lang } => {
                Message::new("link-no-measure-label").arg("lang", quoted(lang))
            }
        }
    }
}

impl EntityFault {
    /// The message without the entity's `id`, which [`Problem::message`] adds.
    fn message(&self) -> Message {
        match self {
            Self::NotASlug => Message::new("link-entity-not-a-slug"),
            Self::NoLabel { lang } => {
                Message::new("link-entity-no-label").arg("lang", quoted(lang))
            }
            Self::UnknownLanguage { lang } => {
                Message::new("link-entity-unknown-language").arg("lang", quoted(lang))
            }
            Self::NotAQid { wikidata } => {
                Message::new("link-entity-not-a-qid").arg("wikidata", quoted(wikidata))
            }
            Self::BadDate { date } => {
                Message::new("link-entity-bad-date").arg("date", quoted(date))
            }
            Self::DocumentFields => Message::new("link-entity-document-fields"),
            Self::NotADocument => Message::new("link-entity-not-a-document"),
            Self::IdTwice => Message::new("link-entity-id-twice"),
            Self::SharedForm { form, other } => Message::new("link-entity-shared-form")
                .arg("form", quoted(form))
                .arg("other", quoted(other)),
            Self::ScopeNotAMatchForm { form } => {
                Message::new("link-entity-scope-not-a-match-form").arg("form", quoted(form))
            }
            Self::ScopeNamesNoState { form } => {
                Message::new("link-entity-scope-names-no-state").arg("form", quoted(form))
            }
            Self::ScopeNotAnExecutor { form } => {
                Message::new("link-entity-scope-not-an-executor").arg("form", quoted(form))
            }
            Self::UnknownParent { parent } => {
                Message::new("link-entity-unknown-parent").arg("parent", quoted(parent))
            }
            Self::CoordinatesIncomplete => Message::new("link-entity-coordinates-incomplete"),
            Self::CoordinateOutOfRange { field, value } => {
                Message::new("link-entity-coordinate-out-of-range")
                    .arg("field", *field)
                    .arg("value", value.as_str())
            }
            Self::CoordinatesNotAPlace => Message::new("link-entity-coordinates-not-a-place"),
        }
    }
}

impl DataFileError {
    /// The file, and the line (and column) where known: `data/registry/bodies.toml:12`.
    pub fn location(&self) -> String {
        match self {
            Self::Read(e) => e.location(),
            Self::Invalid {
                path,
                line: Some(line),
                ..
            } => format!("{path}:{line}"),
            Self::Invalid { path, .. } => path.clone(),
        }
    }

    /// The file.
    pub fn path(&self) -> &str {
        match self {
            Self::Read(e) => &e.path,
            Self::Invalid { path, .. } => path,
        }
    }

    /// The line of the file, where known.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::Read(e) => e.line,
            Self::Invalid { line, .. } => *line,
        }
    }

    /// The column of the line, where known.
    pub fn column(&self) -> Option<usize> {
        match self {
            Self::Read(e) => e.column,
            Self::Invalid { .. } => None,
        }
    }

    /// What is wrong, in no language yet (the location is the caller's to add).
    pub fn message(&self) -> Message {
        match self {
            Self::Read(e) => e.message(),
            Self::Invalid { problem, .. } => problem.message(),
        }
    }
}

impl From<DataError> for DataFileError {
    fn from(e: DataError) -> Self {
        Self::Read(e)
    }
}

/// `location: message`, in English.
impl fmt::Display for DataFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message())
    }
}

impl std::error::Error for DataFileError {}

/// Why the embedded plan could not be read and linked: the source, a data file or a link,
/// each with its file and line as data.
#[derive(Debug)]
pub enum LoadError {
    /// The source text is not a plan: `path` is the source's, the line is the error's.
    Ingest {
        /// The source's path, `data/source/….txt`.
        path: String,
        /// What is wrong, at which line.
        error: IngestError,
    },
    /// A data file (the lexicon's, the registry, the translations) could not be read or breaks
    /// a rule.
    Data(DataFileError),
    /// The plan names what the registry does not have: `path` is the source's.
    Link {
        /// The source's path, `data/source/….txt`.
        path: String,
        /// What could not be linked, at which line of the source.
        error: LinkError,
    },
}

impl LoadError {
    /// The file.
    pub fn path(&self) -> &str {
        match self {
            Self::Ingest { path, .. } | Self::Link { path, .. } => path,
            Self::Data(e) => e.path(),
        }
    }

    /// The line of the file, where known.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::Ingest { error, .. } => Some(error.line),
            Self::Link { error, .. } => Some(error.line),
            Self::Data(e) => e.line(),
        }
    }

    /// The column of the line, where known.
    pub fn column(&self) -> Option<usize> {
        match self {
            Self::Data(e) => e.column(),
            Self::Ingest { .. } | Self::Link { .. } => None,
        }
    }

    /// The file, and the line where known: `data/source/….txt:1494`.
    pub fn location(&self) -> String {
        match self {
            Self::Data(e) => e.location(),
            _ => match self.line() {
                Some(line) => format!("{}:{line}", self.path()),
                None => self.path().to_string(),
            },
        }
    }

    /// What is wrong, in no language yet (the location is the caller's to add).
    pub fn message(&self) -> Message {
        match self {
            Self::Ingest { error, .. } => error.kind.message(),
            Self::Data(e) => e.message(),
            Self::Link { error, .. } => error.kind.message(),
        }
    }
}

impl From<DataFileError> for LoadError {
    fn from(e: DataFileError) -> Self {
        Self::Data(e)
    }
}

impl From<DataError> for LoadError {
    fn from(e: DataError) -> Self {
        Self::Data(DataFileError::Read(e))
    }
}

/// `location: message`, in English.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message())
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Ingest { error, .. } => Some(error),
            Self::Data(e) => Some(e),
            Self::Link { error, .. } => Some(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::DataErrorKind;
    use crate::i18n::Lang;

    #[test]
    fn link_errors_read_in_every_language() {
        let executor = LinkErrorKind::UnknownExecutor {
            measure: 46,
            text: "Межбанковское объединение ШОС".into(),
        };
        assert_eq!(
            executor.message().in_lang(Lang::Ru),
            "мероприятие 46: исполнителя \"Межбанковское объединение ШОС\" нет среди органов в \
             data/registry/bodies.toml"
        );
        assert_eq!(
            executor.message().in_lang(Lang::Zh),
            "第46项措施：执行机构 \"Межбанковское объединение ШОС\" 不是 \
             data/registry/bodies.toml 中的机构"
        );
        let translation = LinkErrorKind::MissingTranslation {
            measure: 7,
            lang: "zh",
        };
        assert_eq!(
            translation.to_string(),
            "measure 7 has no zh text in data/translations/zh.toml"
        );
        assert_eq!(
            translation.message().in_lang(Lang::Ru),
            "у мероприятия 7 нет китайского текста в data/translations/zh.toml"
        );
        assert_eq!(
            translation.message().in_lang(Lang::Zh),
            "第7项措施在 data/translations/zh.toml 中没有中文文本"
        );
    }

    #[test]
    fn every_data_problem_reads_in_every_language_with_all_its_arguments() {
        let faults = [
            EntityFault::NotASlug,
            EntityFault::NoLabel { lang: "zh" },
            EntityFault::UnknownLanguage { lang: "fr".into() },
            EntityFault::NotAQid {
                wikidata: "P31".into(),
            },
            EntityFault::BadDate {
                date: "16.06.2009".into(),
            },
            EntityFault::DocumentFields,
            EntityFault::NotADocument,
            EntityFault::IdTwice,
            EntityFault::SharedForm {
                form: "ШОС".into(),
                other: "sco".into(),
            },
            EntityFault::ScopeNotAMatchForm { form: "x".into() },
            EntityFault::ScopeNamesNoState { form: "x".into() },
            EntityFault::ScopeNotAnExecutor { form: "x".into() },
            EntityFault::UnknownParent { parent: "x".into() },
            EntityFault::CoordinatesIncomplete,
            EntityFault::CoordinateOutOfRange {
                field: "lat",
                value: "95.5".into(),
            },
            EntityFault::CoordinatesNotAPlace,
        ];
        let mut problems: Vec<Problem> = faults
            .into_iter()
            .map(|fault| Problem::Entity {
                id: "rats".into(),
                fault,
            })
            .collect();
        problems.push(Problem::TranslationLanguage { lang: "fr".into() });
        problems.push(Problem::NoMeasureLabel { lang: "zh" });
        let mut errors: Vec<DataFileError> = problems
            .into_iter()
            .map(|problem| DataFileError::Invalid {
                path: "data/registry/bodies.toml".into(),
                line: Some(12),
                problem,
            })
            .collect();
        errors.push(DataFileError::Read(DataError {
            line: Some(3),
            column: Some(7),
            ..DataError::new(
                "data/registry/bodies.toml",
                DataErrorKind::Toml {
                    detail: "invalid string".into(),
                },
            )
        }));
        for error in &errors {
            assert!(error.to_string().starts_with("data/registry/bodies.toml:"));
            for lang in Lang::ALL {
                let text = error.message().in_lang(lang);
                assert!(
                    !text.contains('{') && !text.starts_with("link-"),
                    "{lang} {error:?}: {text}"
                );
            }
        }
        let kinds = [
            LinkErrorKind::UnknownParticipant {
                measure: 1,
                text: "Франция".into(),
            },
            LinkErrorKind::UnknownIssuingBody { text: "x".into() },
            LinkErrorKind::UnknownPlace { text: "x".into() },
            LinkErrorKind::UnknownSignatoryState { text: "x".into() },
            LinkErrorKind::TitleNamesNoDocument { title: "x".into() },
        ];
        for kind in kinds {
            for lang in Lang::ALL {
                let text = kind.message().in_lang(lang);
                assert!(
                    !text.contains('{') && !text.starts_with("link-"),
                    "{lang} {kind:?}: {text}"
                );
            }
        }
    }
}
