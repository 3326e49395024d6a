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

/// Why the locales could not be loaded.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct I18nError {
    /// The locale folder or `.ftl` file ("locales/ru/pages.ftl").
    pub path: String,
    /// What is wrong: "missing" (no folder for a language), or Fluent's errors joined by "; "
    /// (parse errors with their line).
    pub message: String,
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
            let (_, files) = locales
                .iter()
                .find(|(folder, _)| folder == lang.as_str())
                .ok_or_else(|| I18nError {
                    path: format!("locales/{lang}"),
                    message: "missing".into(),
                })?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            // No Unicode isolation marks around placeables: none of the languages is written
            // right to left, and the marks would end up in terminals and in copied text.
            bundle.set_use_isolating(false);
            bundle.add_builtins().map_err(|e| I18nError {
                path: format!("locales/{lang}"),
                message: e.to_string(),
            })?;
            let mut ids = BTreeSet::new();
            for file in files {
                let resource =
                    FluentResource::try_new(file.contents.to_string()).map_err(|(_, errors)| {
                        I18nError {
                            path: file.path.clone(),
                            message: errors
                                .iter()
                                .map(|e| {
                                    let line = file.contents
                                        [..e.pos.start.min(file.contents.len())]
                                        .matches('\n')
                                        .count()
                                        + 1;
                                    format!("line {line}: {:?}", e.kind)
                                })
                                .collect::<Vec<_>>()
                                .join("; "),
                        }
                    })?;
                bundle.add_resource(resource).map_err(|errors| I18nError {
                    path: file.path.clone(),
                    message: errors
                        .iter()
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join("; "),
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
        let twice = Localizer::from_files(&files("a = A\na = B\n"))
            .err()
            .unwrap();
        assert_eq!(twice.path, "locales/ru/x.ftl");
        let ok = Localizer::from_files(&files("a = А\n")).unwrap();
        assert_eq!(ok.message(Lang::Ru, "a", None), "А");
        assert_eq!(ok.message(Lang::Ru, "missing", None), "missing");
        assert!(ok.format(Lang::Ru, "missing", None).is_err());
    }
}
