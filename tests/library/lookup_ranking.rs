//! Ranking and the language fallback, on small graphs made here: every expectation follows from
//! the triples below.

use oxigraph::model::{Literal, NamedNode, Triple};
use sco_kg::graph::ResourceKind;
use sco_kg::lookup::{Field, Lang, LookupIndex, LookupOptions, MatchKind};

const SCO: &str = "https://w3id.org/sco-kg/ontology#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const ID: &str = "https://example.org/id/";

struct Graph(Vec<Triple>);

impl Graph {
    fn entity(&mut self, path: &str, class: &str) -> &mut Self {
        self.0.push(Triple::new(
            NamedNode::new(format!("{ID}{path}")).unwrap(),
            NamedNode::new(RDF_TYPE).unwrap(),
            NamedNode::new(format!("{SCO}{class}")).unwrap(),
        ));
        self
    }

    fn literal(&mut self, path: &str, property: &str, text: &str, lang: &str) -> &mut Self {
        self.0.push(Triple::new(
            NamedNode::new(format!("{ID}{path}")).unwrap(),
            NamedNode::new(property).unwrap(),
            Literal::new_language_tagged_literal(text, lang).unwrap(),
        ));
        self
    }

    fn pref(&mut self, path: &str, text: &str, lang: &str) -> &mut Self {
        self.literal(path, &format!("{SKOS}prefLabel"), text, lang)
    }

    fn alt(&mut self, path: &str, text: &str, lang: &str) -> &mut Self {
        self.literal(path, &format!("{SKOS}altLabel"), text, lang)
    }

    fn link(&mut self, from: &str, to: &str) -> &mut Self {
        self.0.push(Triple::new(
            NamedNode::new(format!("{ID}{from}")).unwrap(),
            NamedNode::new(format!("{SCO}mentions")).unwrap(),
            NamedNode::new(format!("{ID}{to}")).unwrap(),
        ));
        self
    }
}

fn paths(hits: &[sco_kg::lookup::Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.iri.trim_start_matches(ID)).collect()
}

#[test]
fn exact_beats_prefix_beats_fuzzy_beats_text() {
    let mut g = Graph(Vec::new());
    g.entity("body/fuzzy", "Body")
        .pref("body/fuzzy", "Secretariet of Typos", "en")
        .entity("body/prefix", "Body")
        .pref("body/prefix", "Secretariat of the Council", "en")
        .entity("body/exact", "Body")
        .pref("body/exact", "Other Name", "en")
        .alt("body/exact", "Secretariat", "en")
        .entity("m/1", "Measure")
        .pref("m/1", "Measure 1", "en")
        .literal(
            "m/1",
            &format!("{SCO}text"),
            "Meetings held by the secretariat every year.",
            "en",
        )
        .entity("m/2", "Measure")
        .pref("m/2", "Measure 2", "en")
        .literal("m/2", &format!("{SCO}text"), "Nothing to see here.", "en");
    // Many links to the fuzzy and prefix ones: importance never lifts a hit out of its band.
    for i in 0..50 {
        g.link(&format!("m/{}", i + 10), "body/fuzzy");
        g.link(&format!("m/{}", i + 10), "body/prefix");
    }
    let index = LookupIndex::from_triples(&g.0);
    let hits = index.search("secretariat", &LookupOptions::new(Lang::En));
    assert_eq!(
        paths(&hits),
        ["body/exact", "body/prefix", "body/fuzzy", "m/1"]
    );
    let kinds: Vec<MatchKind> = hits.iter().map(|h| h.match_kind).collect();
    assert_eq!(
        kinds,
        [
            MatchKind::Exact,
            MatchKind::Prefix,
            MatchKind::Fuzzy,
            MatchKind::Text
        ]
    );
    assert_eq!(hits[0].matched.field, Field::AltLabel);
    assert_eq!(hits[0].matched.text, "Secretariat");
    assert_eq!(hits[0].label, "Other Name");
    assert_eq!(hits[3].matched.field, Field::Text);
    assert_eq!(
        hits[3].matched.text,
        "Meetings held by the secretariat every year."
    );
    assert!(hits.windows(2).all(|w| w[0].score > w[1].score));
}

#[test]
fn ties_go_to_the_shorter_label_then_the_iri() {
    let mut g = Graph(Vec::new());
    for (path, label) in [
        ("place/b", "Alpha Town"),
        ("place/a", "Alpha Burg"),
        ("place/c", "Alpha Village"),
        ("place/10", "Alpha Ld"),
        ("place/9", "Alpha Ld"),
    ] {
        g.entity(path, "Place").pref(path, label, "en");
    }
    let index = LookupIndex::from_triples(&g.0);
    let hits = index.search("alpha", &LookupOptions::new(Lang::En));
    // Same score (the same share of two-word labels); "Alpha Ld" is the shortest label, and
    // place/9 < place/10 as numbers; then "Alpha Burg" (place/a) before "Alpha Town" (place/b),
    // both of 10 characters; "Alpha Village" is the longest.
    assert_eq!(
        paths(&hits),
        ["place/9", "place/10", "place/a", "place/b", "place/c"]
    );
    assert_eq!(hits[0].score, hits[1].score);
}

#[test]
fn labels_fall_back_zh_en_ru() {
    let mut g = Graph(Vec::new());
    g.entity("doc/ru-en", "Document")
        .pref("doc/ru-en", "Хартия", "ru")
        .pref("doc/ru-en", "Charter", "en")
        .entity("doc/ru", "Document")
        .pref("doc/ru", "Хартия вторая", "ru")
        .entity("doc/en-zh", "Document")
        .pref("doc/en-zh", "Charter three", "en")
        .pref("doc/en-zh", "宪章三", "zh");
    let index = LookupIndex::from_triples(&g.0);
    let find = |q: &str, lang: Lang| {
        let hits = index.search(q, &LookupOptions::new(lang));
        (hits[0].label.clone(), hits[0].label_lang)
    };
    // zh → en → ru.
    assert_eq!(find("Хартия", Lang::Zh), ("Charter".to_string(), Lang::En));
    assert_eq!(
        find("Хартия вторая", Lang::Zh),
        ("Хартия вторая".to_string(), Lang::Ru)
    );
    // en → ru (→ zh).
    assert_eq!(
        find("Хартия вторая", Lang::En),
        ("Хартия вторая".to_string(), Lang::Ru)
    );
    assert_eq!(
        find("宪章三", Lang::En),
        ("Charter three".to_string(), Lang::En)
    );
    // ru → en (→ zh).
    assert_eq!(
        find("Charter three", Lang::Ru),
        ("Charter three".to_string(), Lang::En)
    );
    assert_eq!(find("Charter", Lang::Ru), ("Хартия".to_string(), Lang::Ru));
    assert_eq!(Lang::Zh.fallback_chain(), [Lang::Zh, Lang::En, Lang::Ru]);
    assert_eq!(Lang::En.fallback_chain(), [Lang::En, Lang::Ru, Lang::Zh]);
    assert_eq!(Lang::Ru.fallback_chain(), [Lang::Ru, Lang::En, Lang::Zh]);
}

#[test]
fn only_the_nine_types_are_indexed() {
    let mut g = Graph(Vec::new());
    g.entity("signatory/1", "Signatory")
        .pref("signatory/1", "President", "en")
        .entity("state/x", "MemberState")
        .pref("state/x", "President Land", "en");
    let index = LookupIndex::from_triples(&g.0);
    assert_eq!(index.len(), 1);
    let hits = index.search("president", &LookupOptions::new(Lang::En));
    assert_eq!(paths(&hits), ["state/x"]);
    assert_eq!(hits[0].kind, ResourceKind::State);
}
