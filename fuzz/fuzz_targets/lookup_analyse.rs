//! The lookup's analysis and search on arbitrary text: `LookupIndex::search` (and `respond`,
//! `highlight`) on the real index, in every language, with any set of types and any limit.
//!
//! The input's first byte chooses the language of the labels (its value modulo 3), the next two
//! the types (a bit for each of the nine, in `ResourceKind::ALL`'s order; none set: all), the
//! fourth the limit (0 to 255, the cap of `/api/lookup` is 100); the rest, as UTF-8 (invalid
//! sequences replaced), is the query. What must hold, whatever the text: no panic (integer
//! overflow included: run with `-a`); nothing found for a query `check_query` refuses; at most
//! `limit` hits, each entity once, of the types asked for, best first, in the band of its kind
//! of match; a label in the language asked for or along its fallback; the matched text's marks
//! on character boundaries of it, in order, not overlapping.
#![no_main]

use std::collections::HashSet;
use std::sync::LazyLock;

use sco_kg::graph::Base;
use sco_kg::graph::ResourceKind;
use sco_kg::lookup::{check_query, Lang, LookupIndex, LookupOptions, MatchKind};
use sco_kg::store::KnowledgeGraph;

static LOOKUP: LazyLock<LookupIndex> = LazyLock::new(|| {
    let graph = KnowledgeGraph::embedded(Base::default()).expect("the embedded graph");
    LookupIndex::new(&graph)
});

fn band(kind: MatchKind) -> u32 {
    match kind {
        MatchKind::Exact => 3,
        MatchKind::Prefix => 2,
        MatchKind::Fuzzy => 1,
        MatchKind::Text => 0,
    }
}

fn check(data: &[u8]) {
    let [lang, t0, t1, limit, text @ ..] = data else {
        return;
    };
    let lang = Lang::ALL[*lang as usize % Lang::ALL.len()];
    let mask = u16::from(*t0) | (u16::from(*t1) << 8);
    let types: Vec<ResourceKind> = ResourceKind::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, k)| k)
        .collect();
    let query = String::from_utf8_lossy(text);
    let index = &*LOOKUP;
    let options = LookupOptions {
        lang,
        types: (!types.is_empty()).then(|| types.clone()),
        limit: *limit as usize,
    };

    let hits = index.search(&query, &options);
    if check_query(&query).is_err() {
        assert!(hits.is_empty(), "a refused query found {} hits", hits.len());
    }
    assert!(
        hits.len() <= options.limit,
        "{} hits past the limit",
        hits.len()
    );
    let mut seen = HashSet::new();
    for (i, hit) in hits.iter().enumerate() {
        assert!(seen.insert(hit.iri.as_str()), "{} twice", hit.iri);
        assert!(
            types.is_empty() || types.contains(&hit.kind),
            "{} is a {:?}, not asked for",
            hit.iri,
            hit.kind
        );
        assert_eq!(index.kind(&hit.iri), Some(hit.kind), "{}", hit.iri);
        assert_eq!(hit.score / 1000, band(hit.match_kind), "{hit:?}");
        if i > 0 {
            assert!(hits[i - 1].score >= hit.score, "not best first: {hits:?}");
        }
        assert!(
            lang.fallback_chain().contains(&hit.label_lang),
            "{} labelled in {:?}",
            hit.iri,
            hit.label_lang
        );
        assert_eq!(
            index.label(&hit.iri, lang).map_or("", |(l, _)| l),
            hit.label,
            "{}",
            hit.iri
        );
        let marked = &hit.matched.text;
        let marks = index.highlight(&query, marked);
        let mut at = 0;
        for range in &marks {
            assert!(
                range.start >= at && range.start < range.end && marked.get(range.clone()).is_some(),
                "mark {range:?} of {marked:?}"
            );
            at = range.end;
        }
    }
    // The query's marks in arbitrary text (the query's own): on boundaries, in order.
    let marks = index.highlight(&query, &query);
    let mut at = 0;
    for range in &marks {
        assert!(range.start >= at && query.get(range.clone()).is_some());
        at = range.end;
    }
    // `respond` says what was asked and answers as `search` does.
    let response = index.respond(&query, &options);
    assert_eq!(response.hits, hits);
    assert_eq!(response.limit, options.limit);
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| check(data));
