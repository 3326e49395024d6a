//! The types lookup answers with: entity kinds, hits and how they matched, and the options of a
//! search.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::*;
use crate::graph::vocab::SCO;

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

/// A `type` parameter that is not one of the nine types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown type {0:?}: expected body, state, document, place, initiative, measure, section, plan or decision")]
pub struct ParamError(pub String);

/// The type of a resource lookup finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Body,
    State,
    Document,
    Place,
    Initiative,
    Measure,
    Section,
    Plan,
    Decision,
}

impl EntityKind {
    pub const ALL: [EntityKind; 9] = [
        EntityKind::Body,
        EntityKind::State,
        EntityKind::Document,
        EntityKind::Place,
        EntityKind::Initiative,
        EntityKind::Measure,
        EntityKind::Section,
        EntityKind::Plan,
        EntityKind::Decision,
    ];

    /// The stable lower-case name ("body").
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Body => "body",
            EntityKind::State => "state",
            EntityKind::Document => "document",
            EntityKind::Place => "place",
            EntityKind::Initiative => "initiative",
            EntityKind::Measure => "measure",
            EntityKind::Section => "section",
            EntityKind::Plan => "plan",
            EntityKind::Decision => "decision",
        }
    }

    /// The `sco:` class of the type's resources.
    pub fn class(self) -> &'static str {
        match self {
            EntityKind::Body => "Body",
            EntityKind::State => "MemberState",
            EntityKind::Document => "Document",
            EntityKind::Place => "Place",
            EntityKind::Initiative => "NamedInitiative",
            EntityKind::Measure => "Measure",
            EntityKind::Section => "Section",
            EntityKind::Plan => "ActionPlan",
            EntityKind::Decision => "Decision",
        }
    }

    /// The type whose `sco:` class is the IRI `class`.
    pub fn of_class(class: &str) -> Option<EntityKind> {
        let local = class.strip_prefix(SCO)?;
        EntityKind::ALL.into_iter().find(|k| k.class() == local)
    }

    /// A comma-separated list of types ("body,document"); empty items are skipped.
    pub fn parse_list(s: &str) -> Result<Vec<EntityKind>, ParamError> {
        s.split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::parse)
            .collect()
    }
}

impl FromStr for EntityKind {
    type Err = ParamError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str() == t)
            .ok_or_else(|| ParamError(s.to_string()))
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a hit matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    Exact,
    Prefix,
    Fuzzy,
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
    PrefLabel,
    AltLabel,
    Text,
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
    pub field: Field,
}

/// One entity found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub iri: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The prefLabel in the requested language, or in the first fallback language that has one.
    pub label: String,
    #[serde(with = "lang_tag")]
    pub label_lang: Lang,
    pub matched: Matched,
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
    pub query: String,
    #[serde(with = "lang_tag")]
    pub lang: Lang,
    pub types: Option<Vec<EntityKind>>,
    pub limit: usize,
    pub hits: Vec<Hit>,
}

/// Parameters of a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupOptions {
    /// The language of the hits' labels (the query itself may be in any language).
    pub lang: Lang,
    /// Only these types; `None` (or an empty list) for all.
    pub types: Option<Vec<EntityKind>>,
    /// The most hits returned.
    pub limit: usize,
}

impl LookupOptions {
    pub const DEFAULT_LIMIT: usize = 10;

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
