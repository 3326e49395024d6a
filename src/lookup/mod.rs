//! Lookup: finds the graph's entities by label, alias, text or number, in Russian, English and
//! Chinese, for autocomplete and search boxes (`sco-kg lookup`, `GET /api/lookup`).
//!
//! The [`LookupIndex`] is built once from the graph's resource view ([`LookupIndex::new`] reads
//! [`KnowledgeGraph::views`](crate::KnowledgeGraph::views), as the pages do) and answers
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
//!
//! # Files
//!
//! `model` (what a search answers), `index` (built from the triples), `text` (folding,
//! stemming, tokens), `analysis` (a query's words against the vocabulary), `fuzzy` (typos),
//! `expand` (data/lookup/), `scoring`, `search`, `highlight` (matched words on the search page),
//! `entity` (one entity as JSON), `limits` (what a query may be).

mod analysis;
mod entity;
mod expand;
mod fuzzy;
mod highlight;
mod index;
mod limits;
mod model;
mod scoring;
mod search;
mod text;

use crate::graph::ResourceKind;
use analysis::*;
use expand::LookupData;
use fuzzy::FuzzyIndex;
use index::*;
use model::{lang_index, literal_lang};
use scoring::*;
use search::*;
use text::{Analyzer, Script};

pub use entity::{entity_iri, entity_json};
pub use limits::{check_query, QueryRefusal, MAX_QUERY_CHARS, MAX_QUERY_WORDS};

/// The languages of labels and texts: the service's [`crate::i18n::Lang`] (`ru`, `en`, `zh`;
/// parse a `?lang=` value with `Lang::from_tag` or `str::parse`). Its
/// [`fallback_chain`](Lang::fallback_chain) is the label fallback of lookup: zh → en → ru,
/// en → ru → zh, ru → en → zh.
pub use crate::i18n::Lang;
pub use index::LookupIndex;
pub use model::{Field, Hit, LookupOptions, LookupResponse, MatchKind, Matched, ParamError};

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
