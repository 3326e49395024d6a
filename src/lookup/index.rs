//! The index: entities, their labels and texts, and the vocabulary of their words, built once
//! from the graph's resource view ([`crate::graph::Views`]).

use std::collections::{HashMap, HashSet};

use oxigraph::model::{Term, Triple};

use super::*;
use crate::graph::vocab::{rdf, sco, skos};
use crate::graph::{ResourceView, Views};
use crate::store::KnowledgeGraph;

/// Term flags: how a query word matched a vocabulary term.
pub(super) const FUZZY: u8 = 1;
pub(super) const PREFIX: u8 = 2;
pub(super) const STEM: u8 = 4;
pub(super) const SURFACE: u8 = 8;
pub(super) const WHOLE: u8 = SURFACE | STEM;

pub(super) fn top_flag(f: u8) -> u8 {
    if f == 0 {
        0
    } else {
        1 << (7 - f.leading_zeros())
    }
}

pub(super) struct Entity {
    pub(super) iri: String,
    pub(super) kind: ResourceKind,
    pub(super) number: Option<u32>,
    /// The prefLabel in each language, by `lang_index`.
    pub(super) pref: [Option<String>; 3],
    /// 0–399: how often the graph links to the entity.
    pub(super) prior: u32,
    /// Position in the natural order of IRIs: the last tie-breaker.
    pub(super) rank: u32,
    /// From outside the SCO (`outside` in data/lookup/): ranked after the SCO's own.
    pub(super) outside: bool,
}

impl Entity {
    pub(super) fn label(&self, lang: Lang) -> Option<(&str, Lang)> {
        lang.fallback_chain()
            .into_iter()
            .find_map(|l| self.pref[lang_index(l)].as_deref().map(|t| (t, l)))
    }
}

pub(super) struct Label {
    pub(super) entity: u32,
    pub(super) lang: Lang,
    pub(super) field: Field,
    pub(super) text: String,
    /// Folded tokens joined by single spaces.
    pub(super) norm: String,
    /// Term of each word token, in order.
    pub(super) words: Vec<u32>,
    /// Every folded letter and digit, without separators (for Chinese substrings).
    pub(super) compact: String,
    pub(super) cjk_chars: u32,
    pub(super) chars: u32,
}

pub(super) struct Text {
    pub(super) entity: u32,
    pub(super) lang: Lang,
    pub(super) text: String,
    /// (term, byte start, byte end) of each word token.
    pub(super) words: Vec<(u32, u32, u32)>,
    /// Letters and digits without separators, with the byte offset of each in `text`; only for
    /// texts with Chinese characters.
    pub(super) compact: Option<(String, Vec<u32>)>,
}

#[derive(Default)]
pub(super) struct Vocab {
    pub(super) surface: Vec<Box<str>>,
    pub(super) stem_of: Vec<u32>,
    pub(super) chars: Vec<u32>,
    pub(super) by_surface: HashMap<Box<str>, Vec<u32>>,
    pub(super) stems: HashMap<Box<str>, u32>,
    pub(super) stem_terms: Vec<Vec<u32>>,
    /// Term ids sorted by surface, for prefixes.
    pub(super) sorted: Vec<u32>,
}

impl Vocab {
    pub(super) fn intern(&mut self, surface: &str, stem: &str) -> u32 {
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

    pub(super) fn len(&self) -> usize {
        self.surface.len()
    }
}

/// The lookup index. Build it once ([`LookupIndex::new`]) and share it (it is `Send + Sync`).
pub struct LookupIndex {
    pub(super) entities: Vec<Entity>,
    pub(super) labels: Vec<Label>,
    pub(super) texts: Vec<Text>,
    pub(super) vocab: Vocab,
    pub(super) label_postings: Vec<Vec<u32>>,
    pub(super) text_postings: Vec<Vec<u32>>,
    pub(super) cjk_labels: Vec<u32>,
    pub(super) cjk_texts: Vec<u32>,
    /// Fuzzy strings (surfaces and stems) and the terms each stands for.
    pub(super) fuzzy: FuzzyIndex,
    pub(super) fuzzy_terms: Vec<Vec<u32>>,
    pub(super) measures: HashMap<u32, u32>,
    pub(super) by_iri: HashMap<String, u32>,
    pub(super) analyzer: Analyzer,
    /// Expansions, extra names and outside entities from data/lookup/.
    pub(super) data: LookupData,
}

/// Natural order of IRIs: runs of digits compare as numbers ("measure/9" < "measure/10").
pub(super) fn natural_key(s: &str) -> Vec<(String, u64)> {
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

pub(super) fn compact_of(text: &str) -> (String, Vec<u32>) {
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

/// A resource's first prefLabel in each language, by `lang_index`.
fn pref_labels(view: &ResourceView) -> [Option<String>; 3] {
    let mut pref = [None, None, None];
    for lang in Lang::ALL {
        pref[lang_index(lang)] = view.label_exact(lang).map(str::to_string);
    }
    pref
}

impl LookupIndex {
    /// The index of a knowledge graph, built from its resource view ([`KnowledgeGraph::views`]:
    /// the same one the pages, `/api/entity` and `/id/` read).
    pub fn new(kg: &KnowledgeGraph) -> Self {
        Self::from_views(&kg.views())
    }

    /// The index of the resources of the nine types in `triples` (through their
    /// [`Views`]; a graph at hand should rather give its own to [`LookupIndex::from_views`]).
    pub fn from_triples(triples: &[Triple]) -> Self {
        Self::from_views(&Views::from_triples(&triples.to_vec().into()))
    }

    /// The index of the resources of the nine types ([`ResourceKind::searchable`]) in `views`:
    /// each one's kind, number, labels and texts as its view gives them, and its prior from
    /// how many resources point at it (its inbound triples, but `rdf:type`).
    pub fn from_views(views: &Views) -> Self {
        // The data is embedded and checked by the tests of `expand`: it cannot fail at run time
        // unless the binary was built from broken files.
        let data = LookupData::embedded().unwrap_or_else(|e| panic!("lookup data: {e}"));

        // Which resources are entities, and of what type.
        let mut found: Vec<(&str, ResourceKind, &ResourceView)> = views
            .iter()
            .filter_map(|(iri, view)| {
                let kind = view.kind.filter(|k| k.searchable())?;
                Some((iri, kind, view))
            })
            .collect();
        found.sort_by_cached_key(|(iri, _, _)| natural_key(iri));
        let by_iri: HashMap<String, u32> = found
            .iter()
            .enumerate()
            .map(|(i, (iri, _, _))| (iri.to_string(), i as u32))
            .collect();
        let mut entities: Vec<Entity> = found
            .iter()
            .enumerate()
            .map(|(rank, &(iri, kind, view))| Entity {
                iri: iri.to_string(),
                kind,
                number: view.number,
                pref: pref_labels(view),
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

        // Labels and texts, the entities taken in the order of their IRIs and each one's
        // literals in its view's (the graph's) order: the order of the graph's triples, which
        // decides the order of the vocabulary's terms.
        let mut in_iri_order: Vec<u32> = (0..found.len() as u32).collect();
        in_iri_order.sort_by_key(|&e| found[e as usize].0);
        for e in in_iri_order {
            for edge in found[e as usize].2.out() {
                let Term::Literal(lit) = edge.term else {
                    continue;
                };
                let Some(lang) = lit.language().and_then(literal_lang) else {
                    continue;
                };
                let value = lit.value();
                let field = if edge.pred == skos::prefLabel {
                    Field::PrefLabel
                } else if edge.pred == skos::altLabel {
                    Field::AltLabel
                } else if edge.pred == sco::text || edge.pred == sco::preamble {
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
                    continue;
                } else {
                    continue;
                };
                labels.push(make_label(&mut vocab, e, lang, field, value));
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

        for e in &mut entities {
            if !matches!(e.kind, ResourceKind::Measure | ResourceKind::Section) {
                // Only measures and sections are known by their numbers.
                e.number = None;
            }
            // The resources linking to it (by anything but rdf:type), each once.
            let linkers: HashSet<&Term> = found[e.rank as usize]
                .2
                .inbound()
                .filter(|edge| edge.pred != rdf::TYPE)
                .map(|edge| edge.term)
                .collect();
            let d = linkers.len() as f64;
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
            .filter(|(_, e)| e.kind == ResourceKind::Measure)
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

    /// Whether the index holds no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The type of an entity of the index.
    pub fn kind(&self, iri: &str) -> Option<ResourceKind> {
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
}
