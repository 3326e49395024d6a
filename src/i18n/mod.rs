//! Localisation: the three languages of the service, language negotiation, and Fluent messages
//! loaded from `locales/{ru,en,zh}/*.ftl` (embedded in the binary).
//!
//! Every user-facing word of the pages, the API's messages and the CLI's messages for people
//! lives in those files; Rust code names messages by id only, through [`t!`](crate::t) or
//! [`Localizer::message`] with a literal id, so that a test can find every id the code uses.

mod message;
mod negotiate;

use std::collections::BTreeSet;
use std::fmt;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::{FluentArgs, FluentValue};
pub use message::{embedded, Arg, Message};
pub use negotiate::{lang_cookie, negotiate, parse_accept_language, terminal_lang};

use crate::data::{self, DataFile};

/// A language of the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// Russian, the language of the source text (`ru`).
    Ru,
    /// English (`en`), the default.
    En,
    /// Chinese in simplified characters (`zh`, `zh-Hans`).
    Zh,
}

impl Lang {
    /// Every language, in the order the language switch shows them.
    pub const ALL: [Lang; 3] = [Lang::Ru, Lang::En, Lang::Zh];

    /// The default when nothing says otherwise.
    pub const DEFAULT: Lang = Lang::En;

    /// The short tag: the `?lang=` value, the `lang` cookie, the language tag of the graph's
    /// literals and the folder under `locales/` ("ru", "en", "zh").
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The full BCP 47 tag, for `<html lang>` and `Content-Language` ("zh-Hans": the Chinese
    /// texts are in simplified characters, which also picks the right CJK glyphs).
    pub fn bcp47(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The language identifier Fluent's plural rules use.
    pub fn langid(self) -> LanguageIdentifier {
        self.as_str()
            .parse()
            .expect("ru, en and zh are valid language identifiers")
    }

    /// The language of a BCP 47 tag, by its primary language subtag, case-insensitively:
    /// "zh-CN", "zh-Hans", "ZH" → Zh; "en-GB" → En; "ru-RU" → Ru; anything else → None.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_', '.', '@']).next()?;
        match primary.to_ascii_lowercase().as_str() {
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The order in which a label is looked for: this language, then English, then Russian,
    /// then any other.
    pub fn fallback_chain(self) -> [Lang; 3] {
        match self {
            Lang::Ru => [Lang::Ru, Lang::En, Lang::Zh],
            Lang::En => [Lang::En, Lang::Ru, Lang::Zh],
            Lang::Zh => [Lang::Zh, Lang::En, Lang::Ru],
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_tag(s).ok_or_else(|| format!("unknown language {s:?}: ru, en or zh"))
    }
}

/// Why the locales could not be loaded: the folder or file, and each problem found in it with
/// its line and column where known.
///
/// `Display` writes `path:line:column: what` in English, from here and not through Fluent: the
/// locales it is about may be the ones that are broken (the embedded ones, which every other
/// message goes through).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct I18nError {
    /// The locale folder or `.ftl` file ("locales/ru/pages.ftl").
    pub path: String,
    /// What is wrong, in the file's order; at least one.
    pub problems: Vec<LocaleProblem>,
}

/// One problem of a locale folder or file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleProblem {
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column (in characters) on `line`, where known.
    pub column: Option<usize>,
    /// What is wrong.
    pub fault: LocaleFault,
}

/// What is wrong with a locale folder or file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocaleFault {
    /// No folder for one of the three languages.
    Missing,
    /// Not Fluent syntax: the Fluent parser's words, in English.
    Syntax {
        /// The parser's message.
        detail: String,
    },
    /// A message, term or function the language already defines (in this file or another).
    DefinedTwice {
        /// "message", "term" or "function".
        kind: String,
        /// The id defined twice.
        id: String,
    },
    /// Fluent refused the file for another reason: its words, in English.
    Fluent {
        /// Fluent's message.
        detail: String,
    },
}

impl fmt::Display for LocaleFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing => f.write_str("missing"),
            Self::Syntax { detail } => write!(f, "not Fluent syntax: {detail}"),
            Self::DefinedTwice { kind, id } => write!(f, "the {kind} {id:?} is defined twice"),
            Self::Fluent { detail } => f.write_str(detail),
        }
    }
}

impl fmt::Display for LocaleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{line}:{column}: {}", self.fault),
            (Some(line), None) => write!(f, "{line}: {}", self.fault),
            _ => self.fault.fmt(f),
        }
    }
}

/// `path:line:column: what`, each further problem after "; " as `line:column: what`.
impl fmt::Display for I18nError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        for (i, problem) in self.problems.iter().enumerate() {
            let separator = match (i, problem.line) {
                (0, Some(_)) => ":",
                (0, None) => ": ",
                _ => "; ",
            };
            write!(f, "{separator}{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for I18nError {}

impl I18nError {
    fn one(path: String, line: Option<usize>, column: Option<usize>, fault: LocaleFault) -> Self {
        Self {
            path,
            problems: vec![LocaleProblem {
                line,
                column,
                fault,
            }],
        }
    }
}

/// A problem Fluent found in a bundle, at the line and column of `file` where it can be placed.
fn fluent_problem(
    error: &fluent_bundle::FluentError,
    file: Option<&DataFile<'_>>,
) -> LocaleProblem {
    use fluent_bundle::FluentError;
    let (fault, at) = match error {
        FluentError::Overriding { kind, id } => {
            // Fluent names the kind ("message", "term", "function") but does not export its
            // type; a term is written with its '-'.
            let kind = kind.to_string();
            let written = if kind == "term" {
                format!("-{id}")
            } else {
                id.clone()
            };
            let at = file.and_then(|f| definition_line(f.contents, &written));
            (
                LocaleFault::DefinedTwice {
                    kind,
                    id: id.clone(),
                },
                at.map(|line| (line, 1)),
            )
        }
        FluentError::ParserError(e) => (
            LocaleFault::Syntax {
                detail: e.kind.to_string(),
            },
            file.map(|f| data::line_and_column(f.contents, e.pos.start)),
        ),
        other => (
            LocaleFault::Fluent {
                detail: other.to_string(),
            },
            None,
        ),
    };
    LocaleProblem {
        line: at.map(|(line, _)| line),
        column: at.map(|(_, column)| column),
        fault,
    }
}

/// The 1-based line of the last definition of `id` (a message's id, or a term's with its '-')
/// in an FTL text: the one that came second when the text defines it twice.
fn definition_line(ftl: &str, id: &str) -> Option<usize> {
    ftl.lines()
        .enumerate()
        .filter(|(_, line)| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(i, _)| i + 1)
        .last()
}

/// One language's messages.
struct Bundle {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    ids: BTreeSet<String>,
}

/// Fluent messages in every language. Built once (it parses every `.ftl` file) and shared:
/// it is `Send + Sync`.
pub struct Localizer {
    bundles: Vec<Bundle>,
}

/// The ids of the messages an FTL text defines (terms, which start with '-', are not messages).
pub fn message_ids(ftl: &str) -> Vec<String> {
    ftl.lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                .then(|| id.to_string())
        })
        .collect()
}

impl Localizer {
    /// The locales embedded in the binary (`locales/` at build time).
    pub fn embedded() -> Result<Self, I18nError> {
        Self::from_files(&data::locale_files())
    }

    /// Builds a localizer from locale folders and their files, as
    /// [`data::locale_files`] lists them. Every one of ru, en and zh must be there; a syntax
    /// error or an id defined twice in one language is an error naming the file.
    pub fn from_files(locales: &[(String, Vec<DataFile<'_>>)]) -> Result<Self, I18nError> {
        let mut bundles = Vec::new();
        for lang in Lang::ALL {
            let folder = format!("locales/{lang}");
            let (_, files) = locales
                .iter()
                .find(|(name, _)| name == lang.as_str())
                .ok_or_else(|| I18nError::one(folder.clone(), None, None, LocaleFault::Missing))?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            // No Unicode isolation marks around placeables: none of the languages is written
            // right to left, and the marks would end up in terminals and in copied text.
            bundle.set_use_isolating(false);
            bundle.add_builtins().map_err(|e| I18nError {
                path: folder.clone(),
                problems: vec![fluent_problem(&e, None)],
            })?;
            let mut ids = BTreeSet::new();
            for file in files {
                let resource =
                    FluentResource::try_new(file.contents.to_string()).map_err(|(_, errors)| {
                        I18nError {
                            path: file.path.clone(),
                            problems: errors
                                .into_iter()
                                .map(|e| fluent_problem(&e.into(), Some(file)))
                                .collect(),
                        }
                    })?;
                bundle.add_resource(resource).map_err(|errors| I18nError {
                    path: file.path.clone(),
                    problems: errors
                        .iter()
                        .map(|e| fluent_problem(e, Some(file)))
                        .collect(),
                })?;
                ids.extend(message_ids(file.contents));
            }
            bundles.push(Bundle { lang, bundle, ids });
        }
        Ok(Self { bundles })
    }

    fn bundle(&self, lang: Lang) -> &Bundle {
        self.bundles
            .iter()
            .find(|b| b.lang == lang)
            .expect("a bundle for every language")
    }

    /// The ids of the messages `lang` defines.
    pub fn ids(&self, lang: Lang) -> &BTreeSet<String> {
        &self.bundle(lang).ids
    }

    /// Whether `lang` defines the message `id`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).bundle.has_message(id)
    }

    /// Formats a message exactly as `lang` defines it: an error when the message is missing,
    /// has no value, or any placeable fails (an unknown variable, a failing function).
    pub fn format(
        &self,
        lang: Lang,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, Vec<String>> {
        let bundle = &self.bundle(lang).bundle;
        let message = bundle
            .get_message(id)
            .ok_or_else(|| vec![format!("no message {id:?} in {lang}")])?;
        let pattern = message
            .value()
            .ok_or_else(|| vec![format!("the message {id:?} in {lang} has no value")])?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(errors
                .iter()
                .map(|e| format!("{id} ({lang}): {e}"))
                .collect())
        }
    }

    /// The message `id` in `lang`, formatted with `args`. Never fails: a message missing in
    /// `lang` is taken from the fallback chain (en, then ru), a message missing everywhere
    /// gives its id, and a formatting error is logged and the best-effort text returned.
    /// The tests make sure none of this happens with the shipped locales.
    pub fn message(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
        for candidate in lang.fallback_chain() {
            let bundle = &self.bundle(candidate).bundle;
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(id, lang = %candidate, ?errors, "Fluent message formatted with errors");
            }
            if candidate != lang {
                tracing::warn!(id, lang = %lang, "Fluent message missing; fallback used");
            }
            return text.into_owned();
        }
        tracing::warn!(id, "Fluent message missing in every language");
        id.to_string()
    }
}

/// Something that formats messages in one language: `(&Localizer, Lang)` or a page context.
pub trait Translate {
    /// The message `id` in this language, formatted with `args`; never fails (see
    /// [`Localizer::message`]).
    fn t(&self, id: &str, args: Option<&FluentArgs>) -> String;
}

impl<T: Translate + ?Sized> Translate for &T {
    fn t(&self, id: &str, args: Option<&FluentArgs>) -> String {
        (**self).t(id, args)
    }
}

impl Translate for (&Localizer, Lang) {
    fn t(&self, id: &str, args: Option<&FluentArgs>) -> String {
        self.0.message(self.1, id, args)
    }
}

/// A localised message: `t!(cx, "id")` or `t!(cx, "id", "name" => value, …)`, where `cx`
/// implements [`Translate`] (`(&localizer, lang)` does). The id must be a string literal:
/// the test of message ids finds the ids the code uses by reading `t!(…, "id"` in `src/`.
#[macro_export]
macro_rules! t {
    ($cx:expr, $id:literal) => {
        $crate::i18n::Translate::t(&$cx, $id, None)
    };
    ($cx:expr, $id:literal, $($name:literal => $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set($name, $value); )+
        $crate::i18n::Translate::t(&$cx, $id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh_Hans"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::Zh.bcp47(), "zh-Hans");
        assert_eq!(Lang::Ru.langid().to_string(), "ru");
    }

    #[test]
    fn message_ids_skip_terms_comments_and_continuations() {
        let ftl = "# c\nhello = Hi { $x }\n    .title = T\n-term = X\nbye =\n    Bye\n";
        assert_eq!(message_ids(ftl), ["hello", "bye"]);
    }

    #[test]
    fn bad_locales_name_the_file() {
        let files = |ru: &'static str| {
            ["en", "ru", "zh"]
                .iter()
                .map(|l| {
                    (
                        l.to_string(),
                        vec![DataFile {
                            path: format!("locales/{l}/x.ftl"),
                            contents: if *l == "ru" { ru } else { "a = A\n" },
                        }],
                    )
                })
                .collect::<Vec<_>>()
        };
        let err = Localizer::from_files(&files("a = {\n")).err().unwrap();
        assert_eq!(err.path, "locales/ru/x.ftl");
        // The placeable opened on line 1 finds the end of the text on line 2.
        assert_eq!(
            (err.problems[0].line, err.problems[0].column),
            (Some(2), Some(1))
        );
        assert!(
            matches!(err.problems[0].fault, LocaleFault::Syntax { .. }),
            "{err:?}"
        );
        assert!(err
            .to_string()
            .starts_with("locales/ru/x.ftl:2:1: not Fluent syntax: "));
        let twice = Localizer::from_files(&files("a = A\na = B\n"))
            .err()
            .unwrap();
        assert_eq!(
            twice.problems,
            [LocaleProblem {
                line: Some(2),
                column: Some(1),
                fault: LocaleFault::DefinedTwice {
                    kind: "message".into(),
                    id: "a".into(),
                },
            }]
        );
        assert_eq!(
            twice.to_string(),
            "locales/ru/x.ftl:2:1: the message \"a\" is defined twice"
        );
        let term = Localizer::from_files(&files("-t = T\nb = B\n-t = U\n"))
            .err()
            .unwrap();
        assert_eq!(
            term.to_string(),
            "locales/ru/x.ftl:3:1: the term \"t\" is defined twice"
        );
        let no_zh: Vec<_> = files("a = A\n")
            .into_iter()
            .filter(|(lang, _)| lang != "zh")
            .collect();
        let missing = Localizer::from_files(&no_zh).err().unwrap();
        assert_eq!(missing.to_string(), "locales/zh: missing");
        let ok = Localizer::from_files(&files("a = А\n")).unwrap();
        assert_eq!(ok.message(Lang::Ru, "a", None), "А");
        assert_eq!(ok.message(Lang::Ru, "missing", None), "missing");
        assert!(ok.format(Lang::Ru, "missing", None).is_err());
    }
}
