//! The graph ×N (src/store/scale.rs, `--scale`): the plan and N − 1 copies of its triples under
//! `{base}copy/{k}/`, the same shape, their language-tagged literals marked " [k]". Checked
//! against the source: the plan has 139 measures, and an analyst question that counts measures
//! (the gallery's answers, read from the source by a person) counts three times as many in the
//! graph ×3.

use std::collections::BTreeSet;
use std::num::NonZeroUsize;
use std::sync::LazyLock;

use oxigraph::model::NamedOrBlankNode;
use sco_kg::examples;
use sco_kg::graph::Base;
use sco_kg::store::{Answer, KnowledgeGraph, QueryOptions};

use crate::support::embedded;

/// The measures of the plan's table (data/source/: numbered 1 to 139).
const MEASURES: usize = 139;

static TIMES_THREE: LazyLock<KnowledgeGraph> = LazyLock::new(|| {
    KnowledgeGraph::embedded_scaled(Base::default(), NonZeroUsize::new(3).unwrap())
        .expect("the graph ×3")
});

fn one_number(graph: &KnowledgeGraph, query: &str) -> String {
    match graph.query(query, &QueryOptions::default()).unwrap() {
        Answer::Solutions { rows, .. } => {
            assert_eq!(rows.len(), 1, "{query}");
            examples::term_string(rows[0][0].as_ref().expect("bound"))
        }
        other => panic!("{query}: {other:?}"),
    }
}

#[test]
fn times_one_is_the_graph_itself() {
    let once =
        KnowledgeGraph::embedded_scaled(Base::default(), NonZeroUsize::new(1).unwrap()).unwrap();
    assert_eq!(once.triples, embedded().triples);
}

#[test]
fn times_three_has_three_times_the_triples_all_distinct() {
    let graph = &*TIMES_THREE;
    assert_eq!(graph.triples.len(), 3 * embedded().triples.len());
    let distinct: BTreeSet<String> = graph.triples.iter().map(|t| t.to_string()).collect();
    assert_eq!(distinct.len(), graph.triples.len(), "a triple repeated");
    // Every triple of the store, too.
    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    assert_eq!(one_number(graph, count), graph.triples.len().to_string());
}

#[test]
fn times_three_has_three_times_139_measures() {
    let measures = "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a sco:Measure }";
    assert_eq!(one_number(embedded(), measures), MEASURES.to_string());
    assert_eq!(
        one_number(&TIMES_THREE, measures),
        (3 * MEASURES).to_string()
    );
    // Each copy numbers them 1 to 139, like the plan.
    let numbers = "SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { ?m a sco:Measure ; sco:number ?n }";
    assert_eq!(one_number(&TIMES_THREE, numbers), MEASURES.to_string());
}

#[test]
fn each_copy_has_iris_of_its_own_under_the_base() {
    let base = Base::default();
    let subjects = |graph: &KnowledgeGraph| -> BTreeSet<String> {
        graph
            .triples
            .iter()
            .filter_map(|t| match &t.subject {
                NamedOrBlankNode::NamedNode(n) => Some(n.as_str().to_string()),
                _ => None,
            })
            .collect()
    };
    let real = subjects(embedded());
    let all = subjects(&TIMES_THREE);
    assert_eq!(all.len(), 3 * real.len(), "each copy's subjects distinct");
    for k in 1..3 {
        let namespace = format!("{}copy/{k}/", base.as_str());
        let copy: BTreeSet<String> = all
            .iter()
            .filter_map(|s| s.strip_prefix(&namespace))
            .map(|rest| format!("{}{rest}", base.as_str()))
            .collect();
        assert_eq!(copy, real, "copy {k}: the real subjects under {namespace}");
    }
    // Outside the base nothing is copied: the classes are the ontology's.
    let classes = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }";
    assert_eq!(
        one_number(&TIMES_THREE, classes),
        one_number(embedded(), classes)
    );
}

#[test]
fn a_copy_marks_its_texts_and_keeps_its_numbers() {
    let base = Base::default();
    // Measure 14 of copy 2: the number and the executors of measure 14, its texts marked.
    let measure = format!("{}copy/2/plan/2021-2025/measure/14", base.as_str());
    let query = format!(
        "SELECT ?n ?text WHERE {{ <{measure}> sco:number ?n ; sco:text ?text FILTER(LANG(?text) = \"ru\") }}"
    );
    let rows = examples::run(&TIMES_THREE, &query).unwrap();
    let real = examples::run(
        embedded(),
        "SELECT ?n ?text WHERE { measure:14 sco:number ?n ; sco:text ?text FILTER(LANG(?text) = \"ru\") }",
    )
    .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "14");
    assert_eq!(rows[0][1], format!("{} [2]", real[0][1]));
    // sco:label reads the labels of every copy, each with its marker.
    let label = format!(
        "SELECT (sco:label(<{}copy/1/body/rats>, \"en\") AS ?l) (sco:label(body:rats, \"en\") AS ?r) {{}}",
        base.as_str()
    );
    let rows = examples::run(&TIMES_THREE, &label).unwrap();
    assert_eq!(rows[0][0], format!("{} [1]", rows[0][1]));
    // A typed literal is the same value in every copy.
    let years = "SELECT (COUNT(DISTINCT ?y) AS ?n) WHERE { ?d sco:year ?y }";
    assert_eq!(
        one_number(&TIMES_THREE, years),
        one_number(embedded(), years)
    );
}

#[test]
fn a_gallery_count_triples() {
    // Measures per section, grouped by the section's number: each copy's sections have the
    // plan's numbers, so every count of the written answer is three times as large.
    let example = examples::all()
        .unwrap()
        .into_iter()
        .find(|e| e.id == "01-measures-per-section")
        .expect("the example 01-measures-per-section");
    let tripled: Vec<Vec<String>> = example
        .expected
        .iter()
        .map(|row| {
            let count: usize = row[1].parse().expect("a count");
            vec![row[0].clone(), (3 * count).to_string()]
        })
        .collect();
    let total: usize = example
        .expected
        .iter()
        .map(|row| row[1].parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, MEASURES, "the written answer counts every measure");
    assert_eq!(example.run(&TIMES_THREE).unwrap(), tripled);
}

#[test]
fn the_lookup_finds_a_body_in_every_copy() {
    use sco_kg::lookup::{Lang, LookupOptions};
    let base = Base::default();
    let mut options = LookupOptions::new(Lang::En);
    options.limit = 10;
    let hits: BTreeSet<String> = TIMES_THREE
        .lookup()
        .search("RATS", &options)
        .into_iter()
        .map(|hit| hit.iri)
        .collect();
    for k in 1..3 {
        let copy = format!("{}copy/{k}/body/rats", base.as_str());
        assert!(hits.contains(&copy), "no {copy} among {hits:?}");
    }
    assert!(hits.contains(&format!("{}body/rats", base.as_str())));
}
