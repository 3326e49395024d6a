//! The types lookup answers with: entity kinds, hits and how they matched, and the options of a
//! search.

use serde::{Deserialize, Serialize};

use super::*;

/// The position of a language in per-language arrays.
pub(super) fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Ru => 0,
        Lang::En => 1,
        Lang::Zh => 2,
    }
}

/// The language of an RDF literal's tag: exactly "ru", "en" or "zh".
pub(super) fn literal_lang(tag: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.as_str() == tag)
}

/// Serde for [`Lang`] as its tag ("ru", "en", "zh").
pub(super) mod lang_tag {
    use super::Lang;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(lang.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let tag = String::deserialize(d)?;
        Lang::from_tag(&tag).ok_or_else(|| D::Error::custom(format!("unknown language {tag:?}")))
    }

    /// The same for `Option<Lang>`, `null` for `None`.
    pub mod option {
        use super::Lang;
        use serde::{de::Error, Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(lang: &Option<Lang>, s: S) -> Result<S::Ok, S::Error> {
            match lang {
                Some(l) => s.serialize_str(l.as_str()),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
            Option::<String>::deserialize(d)?
                .map(|tag| {
                    Lang::from_tag(&tag)
                        .ok_or_else(|| D::Error::custom(format!("unknown language {tag:?}")))
                })
                .transpose()
        }
    }
}

pub use crate::graph::ParamError;
use crate::graph::ResourceKind;

/// How a hit matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The whole label, word for word up to inflection, or a bare measure number (band 3).
    Exact,
    /// Every query word is a label word, its stem or the start of one (band 2).
    Prefix,
    /// As `Prefix`, with typos in some word (band 1).
    Fuzzy,
    /// No label matched, but every query word occurs in one text of the entity (band 0).
    Text,
}

impl MatchKind {
    pub(super) fn band(self) -> u32 {
        match self {
            MatchKind::Exact => 3,
            MatchKind::Prefix => 2,
            MatchKind::Fuzzy => 1,
            MatchKind::Text => 0,
        }
    }
}

/// What part of the entity matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// A `skos:prefLabel`.
    PrefLabel,
    /// A `skos:altLabel`, or a name the lookup data adds.
    AltLabel,
    /// A measure's text (`sco:text`).
    Text,
    /// A measure's number, asked bare ("14").
    Number,
}

/// The label, alias or text that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matched {
    /// The label or alias as written, or a snippet of the text around the match.
    pub text: String,
    /// Its language; `None` for a number.
    #[serde(with = "lang_tag::option")]
    pub lang: Option<Lang>,
    /// Which of the entity's fields it is.
    pub field: Field,
}

/// One entity found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    /// The entity's IRI.
    pub iri: String,
    /// The entity's type (`type` in JSON).
    #[serde(rename = "type")]
    pub kind: ResourceKind,
    /// The prefLabel in the requested language, or in the first fallback language that has one.
    pub label: String,
    /// The language of `label`.
    #[serde(with = "lang_tag")]
    pub label_lang: Lang,
    /// What the query matched.
    pub matched: Matched,
    /// How it matched (`match` in JSON).
    #[serde(rename = "match")]
    pub match_kind: MatchKind,
    /// band × 1000 + sub-score (band 3 exact, 2 prefix, 1 fuzzy, 0 text); higher is better.
    pub score: u32,
    /// The number of a measure or section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
}

/// What a search returns: its hits with the parameters it ran with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupResponse {
    /// The query as given.
    pub query: String,
    /// The language of the hits' labels.
    #[serde(with = "lang_tag")]
    pub lang: Lang,
    /// The types asked for; `None` for all.
    pub types: Option<Vec<ResourceKind>>,
    /// The most hits asked for.
    pub limit: usize,
    /// The entities found, best first.
    pub hits: Vec<Hit>,
}

/// Parameters of a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupOptions {
    /// The language of the hits' labels (the query itself may be in any language).
    pub lang: Lang,
    /// Only these types; `None` (or an empty list) for all.
    pub types: Option<Vec<ResourceKind>>,
    /// The most hits returned.
    pub limit: usize,
}

impl LookupOptions {
    /// The most hits when no limit is given.
    pub const DEFAULT_LIMIT: usize = 10;

    /// Labels in `lang`, every type, [`Self::DEFAULT_LIMIT`] hits.
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            types: None,
            limit: Self::DEFAULT_LIMIT,
        }
    }
}

impl Default for LookupOptions {
    fn default() -> Self {
        Self::new(Lang::DEFAULT)
    }
}
