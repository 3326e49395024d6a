//! The whole graph validates against ontology/shapes.ttl (SHACL, checked by pySHACL, which
//! scripts/test installs), and the shapes do catch a broken graph.

use std::path::Path;
use std::process::Command;

use oxigraph::io::RdfFormat;
use oxigraph::model::Triple;
use sco_kg::graph::Base;
use sco_kg::store::{write_triples, KnowledgeGraph};

/// Runs pySHACL over `triples`; returns (conforms, report).
fn validate(triples: &[Triple]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("graph.nt");
    std::fs::write(
        &data,
        write_triples(triples, RdfFormat::NTriples, &[]).unwrap(),
    )
    .unwrap();
    let shapes = Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology/shapes.ttl");
    let out = Command::new("python3")
        .args(["-m", "pyshacl", "-s"])
        .arg(&shapes)
        .args(["-sf", "turtle", "-df", "nt"])
        .arg(&data)
        .output()
        .expect("python3 with pyshacl (scripts/test installs it)");
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        report.contains("Conforms:"),
        "pySHACL did not run: {report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (report.contains("Conforms: True"), report)
}

#[test]
fn the_graph_has_no_shape_violations() {
    let kg = KnowledgeGraph::embedded(Base::default()).unwrap();
    let (conforms, report) = validate(&kg.triples);
    assert!(conforms, "{report}");
}

#[test]
fn the_shapes_catch_a_missing_label_and_a_measure_without_executors() {
    let kg = KnowledgeGraph::embedded(Base::default()).unwrap();
    let rats = "<https://w3id.org/sco-kg/id/body/rats>";
    let measure_46 = "<https://w3id.org/sco-kg/id/plan/2021-2025/measure/46>";
    let broken: Vec<Triple> = kg
        .triples
        .iter()
        .filter(|t| {
            let s = t.subject.to_string();
            let p = t.predicate.as_str();
            let zh_label =
                s == rats && p.ends_with("core#prefLabel") && t.object.to_string().ends_with("@zh");
            let executor = s == measure_46 && p.ends_with("#executor");
            !(zh_label || executor)
        })
        .cloned()
        .collect();
    assert_eq!(broken.len() + 2, kg.triples.len());
    let (conforms, report) = validate(&broken);
    assert!(!conforms);
    assert!(report.contains("body/rats"), "{report}");
    assert!(report.contains("measure/46"), "{report}");
}
