//! Lookup: finds the graph's entities by label, alias, text or number, in Russian, English and
//! Chinese, for autocomplete and search boxes (`sco-kg lookup`, `GET /api/lookup`).
//!
//! The [`LookupIndex`] is built once from the graph's triples ([`LookupIndex::new`]) and answers
//! [`LookupIndex::search`] in a few microseconds. It holds every resource of the types body,
//! state, document, place, initiative (the registry), measure, section, plan and decision, with
//! each `skos:prefLabel` and `skos:altLabel` in every language, and the texts (`sco:text`,
//! `sco:preamble`) of the measures, the plan and the decision.
//!
//! # How a query matches
//!
//! Query and labels are folded the same way: Unicode NFKC (full-width letters and digits become
//! ASCII), lower case, `ё` → `е`, accents dropped; punctuation, quotes and hyphens separate
//! words. A word of Cyrillic letters is also compared by its Snowball Russian stem, a word of
//! Latin letters by its Snowball English stem ("Секретариатом" = "Секретариат",
//! "Межбанковского" = "Межбанковское"); words written in capitals (abbreviations: "RATS",
//! "МБО") and numbers are never stemmed. A run of Chinese characters is matched as a substring
//! of the label or text with spaces and punctuation removed ("反恐" is in
//! "上海合作组织地区反恐怖机构").
//!
//! Every word of the query must match one label (all in the same label, in any order) or one
//! text. What kind of match a hit is:
//!
//! | `match`  | when |
//! |----------|------|
//! | `exact`  | the query is the whole label ("RATS", "Душанбе", "Зеленый пояс"), or the label word for word up to inflection ("Секретариатом ШОС"); or the query is a bare measure number ("14") |
//! | `prefix` | every query word is a label word, its stem, or the beginning of a label word ("Secre", "Межбан", "interbank", "Секретариатом"); a Chinese query is a substring of the label |
//! | `fuzzy`  | as `prefix`, but a query word matched a label word with typos: one in words of 4 to 7 letters, two in words of 8 or more (the shorter of the two words counts); a letter inserted, deleted or replaced, or two neighbours swapped, is one typo ("Secretariet", "Inida", "Kirgizstan"). Words of up to 3 letters, short words in capitals (abbreviations: "RATZ") and numbers get none |
//! | `text`   | no label matched, but every query word occurs (as a whole word, by stem, or with typos as above) in one text of the entity — a measure's Russian, English or Chinese text ("Душанбе" → measure 22) |
//!
//! Expansions (`data/lookup/`, see its README): a query is also searched with its short forms,
//! abbreviations and everyday words replaced by what they stand for ("上合秘书处" as
//! "上合组织秘书处", "ШОС RATS" as "SCO RATS", "drones" as "unmanned aerial vehicles"); an
//! entity keeps its best match over these searches. The same folder gives some entities more
//! names (the decision: "Decision No. 1", «Решение № 1», "第1号决议"), matched as altLabels.
//!
//! Numbers: the bare number "14" (also "№ 14", "#14") is an `exact` hit on measure 14;
//! "measure 14", "мероприятие 14" and "第14项措施" are its labels and match as labels do.
//!
//! Options: `types` limits the hits to some types (`None` or an empty list: all); `limit` is the
//! most hits returned (0: none); `lang` only chooses the language of the hits' labels.
//!
//! Bounds: a query of more than [`MAX_QUERY_CHARS`] characters or [`MAX_QUERY_WORDS`] words, or
//! with a control character, is refused by [`check_query`] (the server's 400, the command's
//! exit code 2) and finds nothing in [`LookupIndex::search`]; see `limits.rs` for why.
//!
//! Not handled: transliteration or translation of a word into another script ("Интербанк" does
//! not find "Interbank"; a query finds another language's label only through the labels and
//! aliases the registry gives, and through `data/lookup/`); typos in words shorter than 4
//! letters, in abbreviations, in numbers and in Chinese;
//! beginnings of words inside measure texts (texts match whole words only).
//!
//! # Ranking
//!
//! `score` = band × 1000 + a sub-score below 1000, band 3 = exact, 2 = prefix, 1 = fuzzy,
//! 0 = text; so every exact hit outranks every prefix hit, and so on. Within a band the
//! sub-score prefers: for labels, a larger share of the label covered by the query, a match at
//! the label's start, whole words over beginnings of words, a prefLabel over an altLabel, and
//! entities the graph links to more often (the number of resources linking to it); for texts,
//! whole-word over typo matches, the text in the requested language, and more occurrences. Equal
//! scores are ordered by the shorter label, then by IRI (numbers in IRIs compared as numbers).
//! Within its band, a hit found only through an expansion loses 5 points (what was typed wins a
//! tie), and a hit on an entity from outside the SCO (`data/lookup/outside.toml`: the UN, its
//! Charter …) loses 120, so that "Charter" gives the SCO Charter before the UN Charter.
//! Scores compare hits of one query only.
//!
//! # JSON
//!
//! A [`Hit`] serialises as (one hit; `GET /api/lookup` returns a [`LookupResponse`]):
//!
//! ```json
//! {
//!   "iri": "https://w3id.org/sco-kg/id/body/rats",
//!   "type": "body",
//!   "label": "Regional Anti-Terrorist Structure of the SCO",
//!   "label_lang": "en",
//!   "matched": { "text": "上海合作组织地区反恐怖机构", "lang": "zh", "field": "prefLabel" },
//!   "match": "prefix",
//!   "score": 2563
//! }
//! ```
//!
//! - `type`: `body`, `state`, `document`, `place`, `initiative`, `measure`, `section`, `plan`
//!   or `decision`.
//! - `label`, `label_lang`: the entity's prefLabel in the requested language or, failing that,
//!   in the next language of its fallback chain (zh → en → ru, en → ru → zh, ru → en → zh);
//!   `label_lang` says which one was given.
//! - `matched`: what the query matched. `field` is `prefLabel`, `altLabel`, `text` (then `text`
//!   is a snippet of the measure text around the match, cut with "…") or `number` (then `lang`
//!   is `null`).
//! - `match`: `exact`, `prefix`, `fuzzy` or `text`; `score`: see Ranking.
//! - `number`: only for measures and sections, their number.
//!
//! A [`LookupResponse`]:
//!
//! ```json
//! { "query": "反恐", "lang": "en", "types": null, "limit": 10, "hits": [ … ] }
//! ```
//!
//! `types` is `null` or the list of types asked for (`["body","document"]`).

mod entity;
mod expand;
mod fuzzy;
mod highlight;
mod limits;
mod text;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use oxigraph::model::{Term, Triple};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::graph::vocab::{RDF, SCO, SKOS};
use crate::store::KnowledgeGraph;
use expand::LookupData;
use fuzzy::FuzzyIndex;
use text::{Analyzer, Script};

pub use entity::{entity_iri, entity_json};
pub use limits::{check_query, QueryRefusal, MAX_QUERY_CHARS, MAX_QUERY_WORDS};

/// The languages of labels and texts: the service's [`crate::i18n::Lang`] (`ru`, `en`, `zh`;
/// parse a `?lang=` value with `Lang::from_tag` or `str::parse`). Its
/// [`fallback_chain`](Lang::fallback_chain) is the label fallback of lookup: zh → en → ru,
/// en → ru → zh, ru → en → zh.
pub use crate::i18n::Lang;

/// The position of a language in per-language arrays.
fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Ru => 0,
        Lang::En => 1,
        Lang::Zh => 2,
    }
}

/// The language of an RDF literal's tag: exactly "ru", "en" or "zh".
fn literal_lang(tag: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.as_str() == tag)
}

/// Serde for [`Lang`] as its tag ("ru", "en", "zh").
mod lang_tag {
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
    fn band(self) -> u32 {
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

// ───────────────────────────── The index ─────────────────────────────

/// What a hit of an expanded query (a short form, abbreviation or synonym replaced) loses
/// within its band: the query as typed wins a tie.
const VARIANT_PENALTY: u32 = 5;
/// What a hit on an entity from outside the SCO loses within its band: the SCO Charter before
/// the Charter of the United Nations for "Charter". Less than the gap between a whole label and
/// a word of it, so that "UN Charter" still finds the UN's first.
const OUTSIDE_PENALTY: u32 = 120;

/// Term flags: how a query word matched a vocabulary term.
const FUZZY: u8 = 1;
const PREFIX: u8 = 2;
const STEM: u8 = 4;
const SURFACE: u8 = 8;
const WHOLE: u8 = SURFACE | STEM;

fn top_flag(f: u8) -> u8 {
    if f == 0 {
        0
    } else {
        1 << (7 - f.leading_zeros())
    }
}

struct Entity {
    iri: String,
    kind: EntityKind,
    number: Option<u32>,
    /// The prefLabel in each language, by `lang_index`.
    pref: [Option<String>; 3],
    /// 0–399: how often the graph links to the entity.
    prior: u32,
    /// Position in the natural order of IRIs: the last tie-breaker.
    rank: u32,
    /// From outside the SCO (`outside` in data/lookup/): ranked after the SCO's own.
    outside: bool,
}

impl Entity {
    fn label(&self, lang: Lang) -> Option<(&str, Lang)> {
        lang.fallback_chain()
            .into_iter()
            .find_map(|l| self.pref[lang_index(l)].as_deref().map(|t| (t, l)))
    }
}

struct Label {
    entity: u32,
    lang: Lang,
    field: Field,
    text: String,
    /// Folded tokens joined by single spaces.
    norm: String,
    /// Term of each word token, in order.
    words: Vec<u32>,
    /// Every folded letter and digit, without separators (for Chinese substrings).
    compact: String,
    cjk_chars: u32,
    chars: u32,
}

struct Text {
    entity: u32,
    lang: Lang,
    text: String,
    /// (term, byte start, byte end) of each word token.
    words: Vec<(u32, u32, u32)>,
    /// Letters and digits without separators, with the byte offset of each in `text`; only for
    /// texts with Chinese characters.
    compact: Option<(String, Vec<u32>)>,
}

#[derive(Default)]
struct Vocab {
    surface: Vec<Box<str>>,
    stem_of: Vec<u32>,
    chars: Vec<u32>,
    by_surface: HashMap<Box<str>, Vec<u32>>,
    stems: HashMap<Box<str>, u32>,
    stem_terms: Vec<Vec<u32>>,
    /// Term ids sorted by surface, for prefixes.
    sorted: Vec<u32>,
}

impl Vocab {
    fn intern(&mut self, surface: &str, stem: &str) -> u32 {
        let stem_id = match self.stems.get(stem) {
            Some(&id) => id,
            None => {
                let id = self.stems.len() as u32;
                self.stems.insert(stem.into(), id);
                self.stem_terms.push(Vec::new());
                id
            }
        };
        // Most words are seen before: look them up without allocating.
        if let Some(&id) = self
            .by_surface
            .get(surface)
            .and_then(|ids| ids.iter().find(|&&id| self.stem_of[id as usize] == stem_id))
        {
            return id;
        }
        let id = self.surface.len() as u32;
        self.surface.push(surface.into());
        self.stem_of.push(stem_id);
        self.chars.push(surface.chars().count() as u32);
        self.by_surface.entry(surface.into()).or_default().push(id);
        self.stem_terms[stem_id as usize].push(id);
        id
    }

    fn len(&self) -> usize {
        self.surface.len()
    }
}

/// The lookup index. Build it once ([`LookupIndex::new`]) and share it (it is `Send + Sync`).
pub struct LookupIndex {
    entities: Vec<Entity>,
    labels: Vec<Label>,
    texts: Vec<Text>,
    vocab: Vocab,
    label_postings: Vec<Vec<u32>>,
    text_postings: Vec<Vec<u32>>,
    cjk_labels: Vec<u32>,
    cjk_texts: Vec<u32>,
    /// Fuzzy strings (surfaces and stems) and the terms each stands for.
    fuzzy: FuzzyIndex,
    fuzzy_terms: Vec<Vec<u32>>,
    measures: HashMap<u32, u32>,
    by_iri: HashMap<String, u32>,
    analyzer: Analyzer,
    /// Expansions, extra names and outside entities from data/lookup/.
    data: LookupData,
}

/// Natural order of IRIs: runs of digits compare as numbers ("measure/9" < "measure/10").
fn natural_key(s: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                out.push((
                    std::mem::take(&mut text),
                    digits.parse().unwrap_or(u64::MAX),
                ));
                digits.clear();
            }
            text.push(c);
        }
    }
    out.push((text, digits.parse().unwrap_or(0)));
    out
}

fn compact_of(text: &str) -> (String, Vec<u32>) {
    let mut compact = String::new();
    let mut offsets = Vec::new();
    let mut folded = String::new();
    for (i, c) in text.char_indices() {
        folded.clear();
        folded.push_str(&text::fold(c.encode_utf8(&mut [0; 4])));
        for f in folded.chars() {
            if f.is_alphanumeric() {
                compact.push(f);
                offsets.push(i as u32);
            }
        }
    }
    (compact, offsets)
}

impl LookupIndex {
    /// The index of a knowledge graph.
    pub fn new(kg: &KnowledgeGraph) -> Self {
        Self::from_triples(&kg.triples)
    }

    /// The index of the resources of the nine types in `triples`.
    pub fn from_triples(triples: &[Triple]) -> Self {
        let rdf_type = format!("{RDF}type");
        let pref = format!("{SKOS}prefLabel");
        let alt = format!("{SKOS}altLabel");
        let text_props = [format!("{SCO}text"), format!("{SCO}preamble")];
        let number = format!("{SCO}number");

        // The data is embedded and checked by the tests of `expand`: it cannot fail at run time
        // unless the binary was built from broken files.
        let data = LookupData::embedded().unwrap_or_else(|e| panic!("lookup data: {e}"));

        // Which subjects are entities, and of what type.
        let mut kinds: HashMap<&str, EntityKind> = HashMap::new();
        for t in triples {
            if t.predicate.as_str() == rdf_type {
                if let Term::NamedNode(class) = &t.object {
                    if let Some(kind) = EntityKind::of_class(class.as_str()) {
                        kinds.insert(t.subject_str(), kind);
                    }
                }
            }
        }
        let mut iris: Vec<&str> = kinds.keys().copied().collect();
        iris.sort_by_cached_key(|i| natural_key(i));
        let by_iri: HashMap<String, u32> = iris
            .iter()
            .enumerate()
            .map(|(i, iri)| (iri.to_string(), i as u32))
            .collect();
        let mut entities: Vec<Entity> = iris
            .iter()
            .enumerate()
            .map(|(rank, iri)| Entity {
                iri: iri.to_string(),
                kind: kinds[iri],
                number: None,
                pref: [None, None, None],
                prior: 0,
                rank: rank as u32,
                outside: data.outside.iter().any(|o| iri.ends_with(o.as_str())),
            })
            .collect();

        let analyzer = Analyzer::new();
        let mut vocab = Vocab::default();
        let make_label = |vocab: &mut Vocab, e: u32, lang: Lang, field: Field, value: &str| {
            let tokens = text::tokenize(value);
            let words = tokens
                .iter()
                .filter(|t| t.script == Script::Word)
                .map(|t| vocab.intern(&t.norm, &analyzer.stem(t)))
                .collect();
            let compact: String = tokens.iter().map(|t| t.norm.as_str()).collect();
            Label {
                entity: e,
                lang,
                field,
                text: value.to_string(),
                norm: tokens
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                words,
                cjk_chars: compact.chars().filter(|&c| text::is_cjk(c)).count() as u32,
                compact,
                chars: value.chars().count() as u32,
            }
        };
        let mut labels: Vec<Label> = Vec::new();
        let mut texts: Vec<Text> = Vec::new();
        let mut linkers: HashSet<(&str, &str)> = HashSet::new();

        for t in triples {
            let subject = t.subject_str();
            if let Term::NamedNode(o) = &t.object {
                if t.predicate.as_str() != rdf_type && by_iri.contains_key(o.as_str()) {
                    linkers.insert((o.as_str(), subject));
                }
            }
            let Some(&e) = by_iri.get(subject) else {
                continue;
            };
            let Term::Literal(lit) = &t.object else {
                continue;
            };
            let p = t.predicate.as_str();
            if p == number {
                entities[e as usize].number = lit.value().parse().ok();
                continue;
            }
            let Some(lang) = lit.language().and_then(literal_lang) else {
                continue;
            };
            let value = lit.value();
            if p == pref || p == alt {
                let field = if p == pref {
                    if entities[e as usize].pref[lang_index(lang)].is_none() {
                        entities[e as usize].pref[lang_index(lang)] = Some(value.to_string());
                    }
                    Field::PrefLabel
                } else {
                    Field::AltLabel
                };
                labels.push(make_label(&mut vocab, e, lang, field, value));
            } else if text_props.iter().any(|tp| tp == p) {
                let words = text::tokenize(value)
                    .iter()
                    .filter(|t| t.script == Script::Word)
                    .map(|t| {
                        (
                            vocab.intern(&t.norm, &analyzer.stem(t)),
                            t.start as u32,
                            t.end as u32,
                        )
                    })
                    .collect();
                let compact = value.chars().any(text::is_cjk).then(|| compact_of(value));
                texts.push(Text {
                    entity: e,
                    lang,
                    text: value.to_string(),
                    words,
                    compact,
                });
            }
        }

        // The names data/lookup/ gives, as altLabels of the entities whose IRIs end so.
        for (end, lang, name) in &data.names {
            for (e, entity) in entities.iter().enumerate() {
                if entity.iri.ends_with(end.as_str()) {
                    labels.push(make_label(
                        &mut vocab,
                        e as u32,
                        *lang,
                        Field::AltLabel,
                        name,
                    ));
                }
            }
        }

        let mut degree: HashMap<&str, u32> = HashMap::new();
        for (o, _) in &linkers {
            *degree.entry(o).or_default() += 1;
        }
        for e in &mut entities {
            if !matches!(e.kind, EntityKind::Measure | EntityKind::Section) {
                // Only measures and sections are known by their numbers.
                e.number = None;
            }
            let d = degree.get(e.iri.as_str()).copied().unwrap_or(0) as f64;
            e.prior = ((80.0 * (1.0 + d).ln()).round() as u32).min(399);
        }

        let mut label_postings = vec![Vec::new(); vocab.len()];
        for (i, l) in labels.iter().enumerate() {
            for &w in &l.words {
                label_postings[w as usize].push(i as u32);
            }
        }
        let mut text_postings = vec![Vec::new(); vocab.len()];
        for (i, t) in texts.iter().enumerate() {
            for &(w, _, _) in &t.words {
                text_postings[w as usize].push(i as u32);
            }
        }
        for p in label_postings.iter_mut().chain(text_postings.iter_mut()) {
            p.dedup();
            p.shrink_to_fit();
        }
        let cjk_labels = (0..labels.len() as u32)
            .filter(|&i| labels[i as usize].cjk_chars > 0)
            .collect();
        let cjk_texts = (0..texts.len() as u32)
            .filter(|&i| texts[i as usize].compact.is_some())
            .collect();

        let mut sorted: Vec<u32> = (0..vocab.len() as u32).collect();
        sorted.sort_by(|&a, &b| vocab.surface[a as usize].cmp(&vocab.surface[b as usize]));
        vocab.sorted = sorted;

        // Fuzzy strings: every surface and every stem, with the terms each stands for.
        let mut fuzzy_ids: HashMap<Box<str>, u32> = HashMap::new();
        let mut fuzzy_strings: Vec<Box<str>> = Vec::new();
        let mut fuzzy_terms: Vec<Vec<u32>> = Vec::new();
        let mut stem_strings: Vec<&str> = vec![""; vocab.stems.len()];
        for (s, &id) in &vocab.stems {
            stem_strings[id as usize] = s;
        }
        for term in 0..vocab.len() {
            let surface = &*vocab.surface[term];
            let stem = stem_strings[vocab.stem_of[term] as usize];
            for s in [surface, stem] {
                if !fuzzy::eligible(s, fuzzy::MIN_QUERY_CHARS - 1) {
                    continue;
                }
                let next = fuzzy_strings.len() as u32;
                let id = *fuzzy_ids.entry(s.into()).or_insert(next);
                if id == next {
                    fuzzy_strings.push(s.into());
                    fuzzy_terms.push(Vec::new());
                }
                if fuzzy_terms[id as usize].last() != Some(&(term as u32)) {
                    fuzzy_terms[id as usize].push(term as u32);
                }
            }
        }

        let measures = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Measure)
            .filter_map(|(i, e)| e.number.map(|n| (n, i as u32)))
            .collect();

        Self {
            entities,
            labels,
            texts,
            vocab,
            label_postings,
            text_postings,
            cjk_labels,
            cjk_texts,
            fuzzy: FuzzyIndex::new(fuzzy_strings),
            fuzzy_terms,
            measures,
            by_iri,
            analyzer,
            data,
        }
    }

    /// How many entities the index holds.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The type of an entity of the index.
    pub fn kind(&self, iri: &str) -> Option<EntityKind> {
        self.by_iri
            .get(iri)
            .map(|&e| self.entities[e as usize].kind)
    }

    /// An entity's prefLabel in `lang` or its fallbacks, with the language given.
    pub fn label(&self, iri: &str, lang: Lang) -> Option<(&str, Lang)> {
        self.by_iri
            .get(iri)
            .and_then(|&e| self.entities[e as usize].label(lang))
    }

    /// [`LookupIndex::search`] with its parameters, ready to serialise.
    pub fn respond(&self, q: &str, opts: &LookupOptions) -> LookupResponse {
        LookupResponse {
            query: q.to_string(),
            lang: opts.lang,
            types: opts.types.clone(),
            limit: opts.limit,
            hits: self.search(q, opts),
        }
    }

    /// The entities matching `q`, best first, at most `opts.limit`. A query that
    /// [`check_query`] refuses finds nothing: its cost is bounded whoever calls.
    pub fn search(&self, q: &str, opts: &LookupOptions) -> Vec<Hit> {
        if opts.limit == 0 || check_query(q).is_err() {
            return Vec::new();
        }
        let nfc: String = q.nfc().collect();
        // The query as typed, then as its short forms, abbreviations and synonyms expand
        // (data/lookup/); an entity keeps its best match over all of them.
        let queries: Vec<Query> = self
            .data
            .variants(&nfc)
            .iter()
            .map(|v| self.analyse(v))
            .collect();
        if queries[0].tokens.is_empty() {
            return Vec::new();
        }
        let mut best: Vec<Option<Candidate>> = vec![None; self.entities.len()];
        for (i, query) in queries.iter().enumerate() {
            if !query.tokens.is_empty() {
                self.gather(query, i as u8, opts, &mut best);
            }
        }

        let mut found: Vec<(u32, Candidate, &str, Lang, usize)> = best
            .into_iter()
            .enumerate()
            .filter_map(|(e, c)| c.map(|c| (e as u32, c)))
            .map(|(e, c)| {
                let (label, lang) = self.entities[e as usize]
                    .label(opts.lang)
                    .unwrap_or(("", opts.lang));
                (e, c, label, lang, label.chars().count())
            })
            .collect();
        found.sort_by(|a, b| {
            b.1.score.cmp(&a.1.score).then(a.4.cmp(&b.4)).then(
                self.entities[a.0 as usize]
                    .rank
                    .cmp(&self.entities[b.0 as usize].rank),
            )
        });
        found.truncate(opts.limit);
        found
            .into_iter()
            .map(|(e, c, label, label_lang, _)| {
                let entity = &self.entities[e as usize];
                Hit {
                    iri: entity.iri.clone(),
                    kind: entity.kind,
                    label: label.to_string(),
                    label_lang,
                    matched: self.matched(&c.source, &queries[c.variant as usize], q),
                    match_kind: c.kind,
                    score: c.score,
                    number: entity.number,
                }
            })
            .collect()
    }

    /// Offers every entity `query` matches to `best`. `variant` 0 is the query as typed; an
    /// expansion's hits lose [`VARIANT_PENALTY`] within their band, so that what was typed wins
    /// a tie. Outside entities lose [`OUTSIDE_PENALTY`] within theirs.
    fn gather(
        &self,
        query: &Query,
        variant: u8,
        opts: &LookupOptions,
        best: &mut [Option<Candidate>],
    ) {
        let allowed = |kind: EntityKind| {
            opts.types
                .as_ref()
                .is_none_or(|t| t.is_empty() || t.contains(&kind))
        };
        let mut offer = |entity: u32, mut c: Candidate| {
            let floor = c.kind.band() * 1000;
            let mut penalty = if variant > 0 { VARIANT_PENALTY } else { 0 };
            if self.entities[entity as usize].outside {
                penalty += OUTSIDE_PENALTY;
            }
            c.score = c.score.saturating_sub(penalty).max(floor);
            c.variant = variant;
            let slot = &mut best[entity as usize];
            if slot.as_ref().is_none_or(|b| c.beats(b)) {
                *slot = Some(c);
            }
        };
        // A bare number: the measure of that number.
        if let [QToken::Word(w)] = query.tokens.as_slice() {
            if let Some(&e) = w
                .norm
                .parse::<u32>()
                .ok()
                .and_then(|n| self.measures.get(&n))
            {
                if allowed(EntityKind::Measure) {
                    offer(
                        e,
                        Candidate {
                            score: 3 * 1000 + 950,
                            kind: MatchKind::Exact,
                            source: Source::Number,
                            in_lang: true,
                            chars: 0,
                            variant: 0,
                        },
                    );
                }
            }
        }

        // Labels.
        let mut seen = vec![false; self.labels.len()];
        let mut consider = |l: u32, offer: &mut dyn FnMut(u32, Candidate)| {
            if std::mem::replace(&mut seen[l as usize], true) {
                return;
            }
            let label = &self.labels[l as usize];
            let entity = &self.entities[label.entity as usize];
            if !allowed(entity.kind) {
                return;
            }
            if let Some((kind, sub)) = self.score_label(label, entity, query) {
                offer(
                    label.entity,
                    Candidate {
                        score: kind.band() * 1000 + sub,
                        kind,
                        source: Source::Label(l),
                        in_lang: label.lang == opts.lang,
                        chars: label.chars,
                        variant: 0,
                    },
                );
            }
        };
        match query.rarest_word(|t| &self.label_postings[t as usize], 0xff) {
            Some(w) => {
                for &t in &w.terms {
                    for &l in &self.label_postings[t as usize] {
                        consider(l, &mut offer);
                    }
                }
            }
            None => {
                for &l in &self.cjk_labels {
                    consider(l, &mut offer);
                }
            }
        }

        // Texts.
        let mut seen = vec![false; self.texts.len()];
        let mut consider = |x: u32, offer: &mut dyn FnMut(u32, Candidate)| {
            if std::mem::replace(&mut seen[x as usize], true) {
                return;
            }
            let text = &self.texts[x as usize];
            if !allowed(self.entities[text.entity as usize].kind) {
                return;
            }
            if let Some(sub) = self.score_text(text, query, opts.lang) {
                offer(
                    text.entity,
                    Candidate {
                        score: sub,
                        kind: MatchKind::Text,
                        source: Source::Text(x),
                        in_lang: text.lang == opts.lang,
                        chars: 0,
                        variant: 0,
                    },
                );
            }
        };
        match query.rarest_word(|t| &self.text_postings[t as usize], WHOLE | FUZZY) {
            Some(w) => {
                for &t in &w.terms {
                    if w.flags[t as usize] & (WHOLE | FUZZY) != 0 {
                        for &x in &self.text_postings[t as usize] {
                            consider(x, &mut offer);
                        }
                    }
                }
            }
            None if query.has_word => {}
            None => {
                for &x in &self.cjk_texts {
                    consider(x, &mut offer);
                }
            }
        }
    }

    fn analyse(&self, q: &str) -> Query {
        let q: String = q.nfc().collect();
        let tokens = text::tokenize(&q);
        let mut out = Query {
            norm: tokens
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            compact: tokens.iter().map(|t| t.norm.as_str()).collect(),
            has_cjk: tokens.iter().any(|t| t.script == Script::Cjk),
            has_word: tokens.iter().any(|t| t.script == Script::Word),
            tokens: Vec::with_capacity(tokens.len()),
        };
        for t in tokens {
            if t.script == Script::Cjk {
                out.tokens.push(QToken::Cjk(t.norm));
                continue;
            }
            let stem = self.analyzer.stem(&t);
            let mut flags = vec![0u8; self.vocab.len()];
            let mut terms = Vec::new();
            let mut mark = |term: u32, flag: u8| {
                let f = &mut flags[term as usize];
                if *f == 0 {
                    terms.push(term);
                }
                *f |= flag;
            };
            for &term in self
                .vocab
                .by_surface
                .get(t.norm.as_str())
                .into_iter()
                .flatten()
            {
                mark(term, SURFACE);
            }
            // Same stem; or the stem of one is the other as written, where Snowball cuts the
            // two forms differently ("Казахстаном" → "казахстан", "Казахстан" → "казахста").
            for key in [stem.as_str(), t.norm.as_str()] {
                if let Some(&s) = self.vocab.stems.get(key) {
                    for &term in &self.vocab.stem_terms[s as usize] {
                        mark(term, STEM);
                    }
                }
            }
            if stem != t.norm {
                for &term in self
                    .vocab
                    .by_surface
                    .get(stem.as_str())
                    .into_iter()
                    .flatten()
                {
                    mark(term, STEM);
                }
            }
            let sorted = &self.vocab.sorted;
            let from = sorted.partition_point(|&x| *self.vocab.surface[x as usize] < *t.norm);
            for &term in sorted[from..]
                .iter()
                .take_while(|&&x| self.vocab.surface[x as usize].starts_with(t.norm.as_str()))
            {
                mark(term, PREFIX);
            }
            // A short word in capitals is an abbreviation, meant as written: "RATZ" is no typo
            // of "RATS".
            let abbreviation = t.abbreviation && t.norm.chars().count() <= 5;
            if !abbreviation && fuzzy::eligible(&t.norm, fuzzy::MIN_QUERY_CHARS) {
                for s in [t.norm.as_str(), stem.as_str()] {
                    self.fuzzy.matches(s, |id| {
                        for &term in &self.fuzzy_terms[id as usize] {
                            mark(term, FUZZY);
                        }
                    });
                    if stem == t.norm {
                        break;
                    }
                }
            }
            out.tokens.push(QToken::Word(QWord {
                chars: t.norm.chars().count() as u32,
                norm: t.norm,
                flags,
                terms,
            }));
        }
        out
    }

    fn score_label(&self, label: &Label, entity: &Entity, q: &Query) -> Option<(MatchKind, u32)> {
        let n = label.words.len();
        let mut frac = vec![0f32; n];
        let (mut whole, mut fuzzy, mut starts, mut cjk) = (0u32, false, false, 0u32);
        for (i, token) in q.tokens.iter().enumerate() {
            match token {
                QToken::Word(w) => {
                    let mut best = 0u8;
                    for (p, &term) in label.words.iter().enumerate() {
                        let f = top_flag(w.flags[term as usize]);
                        if f == 0 {
                            continue;
                        }
                        let share = if f == PREFIX {
                            w.chars as f32 / self.vocab.chars[term as usize].max(1) as f32
                        } else {
                            1.0
                        };
                        frac[p] = frac[p].max(share);
                        best = best.max(f);
                        starts |= i == 0 && p == 0;
                    }
                    match best {
                        0 => return None,
                        FUZZY => fuzzy = true,
                        f if f & WHOLE != 0 => whole += 1,
                        _ => {}
                    }
                }
                QToken::Cjk(s) => {
                    let at = label.compact.find(s.as_str())?;
                    starts |= i == 0 && at == 0;
                    whole += 1;
                    cjk += s.chars().count() as u32;
                }
            }
        }
        let pref = label.field == Field::PrefLabel;
        let surface_exact = label.norm == q.norm || (q.has_cjk && label.compact == q.compact);
        let inflected_exact = !q.has_cjk
            && label.cjk_chars == 0
            && q.tokens.len() == n
            && q.tokens.iter().zip(&label.words).all(|(t, &term)| match t {
                QToken::Word(w) => w.flags[term as usize] & WHOLE != 0,
                QToken::Cjk(_) => false,
            });
        if surface_exact || inflected_exact {
            let sub = 500
                + if surface_exact { 250 } else { 0 }
                + if pref { 100 } else { 0 }
                + entity.prior / 3;
            return Some((MatchKind::Exact, sub.min(999)));
        }
        let units = n as f32 + label.cjk_chars as f32 / 2.0;
        let covered = frac.iter().sum::<f32>() + cjk.min(label.cjk_chars) as f32 / 2.0;
        let coverage = if units > 0.0 {
            (covered / units).min(1.0)
        } else {
            0.0
        };
        let sub = (350.0 * coverage).round() as u32
            + if starts { 100 } else { 0 }
            + (100 * whole) / q.tokens.len() as u32
            + if pref { 50 } else { 0 }
            + entity.prior;
        let kind = if fuzzy {
            MatchKind::Fuzzy
        } else {
            MatchKind::Prefix
        };
        Some((kind, sub.min(999)))
    }

    fn score_text(&self, text: &Text, q: &Query, lang: Lang) -> Option<u32> {
        let (mut whole, mut hits) = (0u32, 0u32);
        for token in &q.tokens {
            match token {
                QToken::Word(w) => {
                    let mut best = 0u8;
                    for &(term, _, _) in &text.words {
                        let f = w.flags[term as usize] & (WHOLE | FUZZY);
                        if f != 0 {
                            hits += 1;
                            best |= f;
                        }
                    }
                    match best {
                        0 => return None,
                        f if f & WHOLE != 0 => whole += 1,
                        _ => {}
                    }
                }
                QToken::Cjk(s) => {
                    let (compact, _) = text.compact.as_ref()?;
                    let n = compact.matches(s.as_str()).count() as u32;
                    if n == 0 {
                        return None;
                    }
                    hits += n;
                    whole += 1;
                }
            }
        }
        Some(
            (600 * whole) / q.tokens.len() as u32
                + if text.lang == lang { 200 } else { 0 }
                + (25 * hits).min(199),
        )
    }

    fn matched(&self, source: &Source, q: &Query, raw: &str) -> Matched {
        match *source {
            Source::Number => Matched {
                text: raw.trim().to_string(),
                lang: None,
                field: Field::Number,
            },
            Source::Label(l) => {
                let label = &self.labels[l as usize];
                Matched {
                    text: label.text.clone(),
                    lang: Some(label.lang),
                    field: label.field,
                }
            }
            Source::Text(x) => {
                let text = &self.texts[x as usize];
                Matched {
                    text: snippet(&text.text, self.text_match(text, q)),
                    lang: Some(text.lang),
                    field: Field::Text,
                }
            }
        }
    }

    /// The byte range of the first match of `q` in `text`.
    fn text_match(&self, text: &Text, q: &Query) -> (usize, usize) {
        for token in &q.tokens {
            match token {
                QToken::Word(w) => {
                    let first = text
                        .words
                        .iter()
                        .find(|&&(term, _, _)| w.flags[term as usize] & (WHOLE | FUZZY) != 0);
                    if let Some(&(_, start, end)) = first {
                        return (start as usize, end as usize);
                    }
                }
                QToken::Cjk(s) => {
                    if let Some((compact, offsets)) = &text.compact {
                        if let Some(at) = compact.find(s.as_str()) {
                            let first = compact[..at].chars().count();
                            let last = first + s.chars().count() - 1;
                            let end = offsets[last] as usize;
                            let end =
                                end + text.text[end..].chars().next().map_or(0, char::len_utf8);
                            return (offsets[first] as usize, end);
                        }
                    }
                }
            }
        }
        (0, 0)
    }
}

/// A window of `text` around the byte range `at`, with "…" where it is cut, on one line.
fn snippet(text: &str, at: (usize, usize)) -> String {
    const BEFORE: usize = 40;
    const AFTER: usize = 60;
    let start = text[..at.0]
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    let end = text[at.1..]
        .char_indices()
        .nth(AFTER)
        .map_or(text.len(), |(i, _)| at.1 + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(
        &text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    if end < text.len() {
        out.push('…');
    }
    out
}

struct QWord {
    norm: String,
    chars: u32,
    /// Flags by term id: how this word matches each vocabulary term.
    flags: Vec<u8>,
    /// The terms with a flag.
    terms: Vec<u32>,
}

enum QToken {
    Word(QWord),
    Cjk(String),
}

struct Query {
    tokens: Vec<QToken>,
    norm: String,
    compact: String,
    has_cjk: bool,
    has_word: bool,
}

impl Query {
    /// The word whose matching terms (with one of `mask`'s flags) have the fewest postings.
    fn rarest_word<'a>(&self, postings: impl Fn(u32) -> &'a Vec<u32>, mask: u8) -> Option<&QWord> {
        self.tokens
            .iter()
            .filter_map(|t| match t {
                QToken::Word(w) => Some(w),
                QToken::Cjk(_) => None,
            })
            .min_by_key(|w| {
                w.terms
                    .iter()
                    .filter(|&&t| w.flags[t as usize] & mask != 0)
                    .map(|&t| postings(t).len())
                    .sum::<usize>()
            })
    }
}

#[derive(Debug, Clone, Copy)]
enum Source {
    Number,
    Label(u32),
    Text(u32),
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    score: u32,
    kind: MatchKind,
    source: Source,
    /// The matched label or text is in the requested language.
    in_lang: bool,
    chars: u32,
    /// Which of the search's queries matched (0: as typed; see `LookupData::variants`).
    variant: u8,
}

impl Candidate {
    fn beats(&self, other: &Candidate) -> bool {
        (self.score, self.in_lang, std::cmp::Reverse(self.chars))
            > (other.score, other.in_lang, std::cmp::Reverse(other.chars))
    }
}

/// The subject of a triple as a string (IRI or blank node id).
trait SubjectStr {
    fn subject_str(&self) -> &str;
}

impl SubjectStr for Triple {
    fn subject_str(&self) -> &str {
        match &self.subject {
            oxigraph::model::NamedOrBlankNode::NamedNode(n) => n.as_str(),
            oxigraph::model::NamedOrBlankNode::BlankNode(b) => b.as_str(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_sort_naturally() {
        let mut iris = ["m/10", "m/9", "m/100", "m/a", "n/1"];
        iris.sort_by_cached_key(|i| natural_key(i));
        assert_eq!(iris, ["m/9", "m/10", "m/100", "m/a", "n/1"]);
    }

    #[test]
    fn snippets_cut_around_the_match() {
        let text = format!("{}Душанбе{}", "а ".repeat(50), " б".repeat(50));
        let at = text.find("Душанбе").unwrap();
        let s = snippet(&text, (at, at + "Душанбе".len()));
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("Душанбе"));
        assert_eq!(s.chars().count(), 1 + 40 + 7 + 60 + 1);
        assert_eq!(snippet("Душанбе", (0, "Душанбе".len())), "Душанбе");
        // Line breaks become spaces.
        assert_eq!(snippet("a\nb  c", (0, 1)), "a b c");
    }

    #[test]
    fn flags_rank_surface_stem_prefix_fuzzy() {
        assert_eq!(top_flag(FUZZY | PREFIX), PREFIX);
        assert_eq!(top_flag(STEM | FUZZY), STEM);
        assert_eq!(top_flag(SURFACE | STEM | PREFIX), SURFACE);
        assert_eq!(top_flag(0), 0);
    }
}
