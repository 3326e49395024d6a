//! A message for people, not yet in any language: a Fluent id and its arguments. Errors carry
//! one, so that the same error reads in Russian, English or Chinese depending on who reads it
//! (the HTTP client's `Accept-Language`, the terminal's locale), and so that no sentence of
//! ours lives in Rust code.

use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::{FluentArgs, FluentValue};

use super::{Lang, Localizer};

/// A Fluent message id with its arguments. Build it with a literal id,
/// `Message::new("id").arg("name", value)`: the test of message ids finds the ids the code
/// uses by reading `Message::new("id"` in `src/`.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument: text is inserted as is, a number goes through Fluent's plural rules and number
/// formatting.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, inserted as is (quoted source text, paths, language tags …).
    Text(String),
    /// A number: measure and line numbers, counts.
    Number(f64),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

impl Message {
    /// The message `id` (a literal, see above), with no arguments yet.
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the argument `name` (`{ $name }` in the `.ftl` files).
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The Fluent message id ("ingest-empty").
    pub fn id(&self) -> &'static str {
        self.id
    }

    fn fluent_args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                Arg::Text(s) => args.set(*name, FluentValue::from(s.as_str())),
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
            }
        }
        args
    }

    /// The message in `lang`, from `localizer`.
    pub fn render(&self, localizer: &Localizer, lang: Lang) -> String {
        localizer.message(lang, self.id, Some(&self.fluent_args()))
    }

    /// The message in `lang`, from the locales embedded in the binary.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.render(embedded(), lang)
    }
}

/// In English, the language of logs.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// The locales embedded in the binary, parsed once. The test suite proves they load (every
/// file parses, the three languages define the same ids), so failing here is a broken build.
pub fn embedded() -> &'static Localizer {
    static EMBEDDED: OnceLock<Localizer> = OnceLock::new();
    EMBEDDED.get_or_init(|| {
        Localizer::embedded().unwrap_or_else(|e| panic!("the embedded locales are broken: {e}"))
    })
}
