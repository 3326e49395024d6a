//! Dumps: every format served at /dump/… parses back, with oxigraph and with sophia, to a graph
//! isomorphic to the store's; the bytes are the same on every start and equal to what
//! `sco-kg export` writes; the export is atomic; the canonical form's SHA-256 is the version.
//!
//! Parsers: oxigraph's RdfParser for all seven files; sophia for all seven too: Turtle,
//! N-Triples, N-Quads, TriG and canonical N-Quads (sophia_turtle), JSON-LD (sophia_jsonld) and
//! RDF/XML (sophia_xml).

use std::collections::HashSet;
use std::process::Command;

use crate::support::*;
use oxigraph::io::RdfParser;
use reqwest::header::ACCEPT;
use reqwest::StatusCode;
use sco_kg::export::DumpFormat;
use sophia::api::prelude::*;
use sophia::api::quad::Spog;
use sophia::api::term::SimpleTerm;

type SophiaGraph = HashSet<[SimpleTerm<'static>; 3]>;
type SophiaDataset = HashSet<Spog<SimpleTerm<'static>>>;

/// The store's graph, read by sophia from our own N-Triples of `KnowledgeGraph::triples`.
fn reference() -> SophiaGraph {
    let ntriples: String = graph().triples.iter().map(|t| format!("{t} .\n")).collect();
    sophia::turtle::parser::nt::parse_str(&ntriples)
        .collect_triples()
        .expect("our N-Triples")
}

fn reference_dataset() -> SophiaDataset {
    reference()
        .into_iter()
        .map(|[s, p, o]| ([s, p, o], None))
        .collect()
}

fn isomorphic(graph: &SophiaGraph) -> bool {
    sophia::isomorphism::isomorphic_graphs(graph, &reference()).expect("comparable")
}

fn isomorphic_dataset(dataset: &SophiaDataset) -> bool {
    sophia::isomorphism::isomorphic_datasets(dataset, &reference_dataset()).expect("comparable")
}

fn sophia_parse(format: DumpFormat, text: &str) -> bool {
    use sophia::turtle::parser::{nq, nt, trig, turtle};
    match format {
        DumpFormat::Turtle => isomorphic(&turtle::parse_str(text).collect_triples().unwrap()),
        DumpFormat::NTriples => isomorphic(&nt::parse_str(text).collect_triples().unwrap()),
        DumpFormat::NQuads | DumpFormat::Canonical => {
            isomorphic_dataset(&nq::parse_str(text).collect_quads().unwrap())
        }
        DumpFormat::TriG => isomorphic_dataset(&trig::parse_str(text).collect_quads().unwrap()),
        DumpFormat::JsonLd => isomorphic_dataset(
            &sophia::jsonld::JsonLdParser::new()
                .parse_str(text)
                .collect_quads()
                .unwrap(),
        ),
        DumpFormat::RdfXml => isomorphic(
            &sophia_xml::parser::parse_str(text)
                .collect_triples()
                .unwrap(),
        ),
    }
}

fn dump(server: &Local, format: DumpFormat) -> Vec<u8> {
    let response = server
        .client()
        .get(format!("{}/dump/{}", server.url(), format.file_name()))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{}", format.file_name());
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some(format.media_type())
    );
    response.bytes().unwrap().to_vec()
}

#[test]
fn every_dump_parses_back_to_the_stores_graph_with_oxigraph_and_sophia() {
    let server = Local::new(config());
    let expected = graph_triples();
    assert_eq!(
        expected.len(),
        graph().triples.len(),
        "no duplicate triples"
    );
    for format in DumpFormat::ALL {
        let bytes = dump(&server, format);
        // oxigraph: the same set of triples (the graph has no blank nodes: equality is
        // isomorphism), every quad in the default graph.
        for quad in RdfParser::from_format(format.rdf_format()).for_slice(&bytes) {
            assert!(quad.expect("parses").graph_name.is_default_graph());
        }
        assert_eq!(
            parse_rdf(&bytes, format.rdf_format()),
            expected,
            "{}",
            format.file_name()
        );
        // sophia: isomorphic to the store's graph.
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(
            sophia_parse(format, &text),
            "{} (sophia)",
            format.file_name()
        );
    }
}

#[test]
fn dumps_declare_prefixes_and_json_ld_has_a_context() {
    let server = Local::new(config());
    let turtle = String::from_utf8(dump(&server, DumpFormat::Turtle)).unwrap();
    let trig = String::from_utf8(dump(&server, DumpFormat::TriG)).unwrap();
    for (prefix, namespace) in graph().prefixes() {
        let declaration = format!("@prefix {prefix}: <{namespace}> .");
        assert!(turtle.contains(&declaration), "{declaration}");
        assert!(trig.contains(&declaration), "{declaration}");
    }
    let jsonld: serde_json::Value =
        serde_json::from_slice(&dump(&server, DumpFormat::JsonLd)).unwrap();
    for (prefix, namespace) in graph().prefixes() {
        assert_eq!(
            jsonld["@context"][&prefix].as_str(),
            Some(namespace.as_str())
        );
    }
    // The canonical form: one quad a line, sorted by code point.
    let canonical = String::from_utf8(dump(&server, DumpFormat::Canonical)).unwrap();
    let lines: Vec<&str> = canonical.lines().collect();
    assert_eq!(lines.len(), graph().triples.len());
    assert!(lines.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn dumps_are_byte_identical_across_starts_and_equal_to_the_export() {
    let first = Local::new(config());
    // Another start from scratch: a graph built again, its dumps computed again (not the
    // binary's shared state).
    let second = Local::with_graph(
        config(),
        std::sync::Arc::new(
            sco_kg::store::KnowledgeGraph::embedded(sco_kg::graph::Base::default()).expect("graph"),
        ),
    );
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [
        (DumpFormat::Turtle, "ttl"),
        (DumpFormat::NTriples, "nt"),
        (DumpFormat::NQuads, "nq"),
        (DumpFormat::TriG, "trig"),
        (DumpFormat::RdfXml, "rdf"),
        (DumpFormat::JsonLd, "jsonld"),
        (DumpFormat::Canonical, "canonical"),
    ] {
        let served = dump(&first, format);
        assert_eq!(served, dump(&second, format), "{name} across starts");
        let mut exported = Vec::new();
        for run in 0..2 {
            let path = dir.path().join(format!("{run}.{name}"));
            let status = Command::new(env!("CARGO_BIN_EXE_sco-kg"))
                .args(["export", "--format", name, "-o"])
                .arg(&path)
                .status()
                .unwrap();
            assert!(status.success(), "export --format {name}");
            exported.push(std::fs::read(&path).unwrap());
        }
        assert_eq!(exported[0], exported[1], "export --format {name}, twice");
        assert_eq!(exported[0], served, "export --format {name} vs /dump");
    }
    // Without -o, the export goes to standard output.
    let output = Command::new(env!("CARGO_BIN_EXE_sco-kg"))
        .args(["export", "--format", "nt"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout, dump(&first, DumpFormat::NTriples));
    // Only the files asked for were written: no temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 14, "{names:?}");
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn the_version_is_the_sha256_of_the_canonical_form() {
    let server = Local::new(config());
    let canonical = dump(&server, DumpFormat::Canonical);
    let version = sco_kg::export::version(&canonical);
    assert_eq!(version.len(), 64);
    let response = server
        .client()
        .get(format!("{}/dump/sco-kg.ttl", server.url()))
        .send()
        .unwrap();
    let etag = header(&response, "etag").unwrap();
    assert_eq!(etag, format!("\"{}-ttl\"", &version[..16]));
    // VoID states it too.
    let void = server
        .client()
        .get(format!("{}/.well-known/void", server.url()))
        .header(ACCEPT, "application/n-triples")
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(void.contains(&format!("\"sha256:{version}\"")));
}

#[test]
fn the_negotiated_dump_names_its_file() {
    let server = Local::new(config());
    for (accept, format) in [
        (None, DumpFormat::Turtle),
        (Some("application/n-quads"), DumpFormat::NQuads),
        (Some("application/trig"), DumpFormat::TriG),
        (
            Some("application/ld+json;q=0.9, application/rdf+xml;q=0.5"),
            DumpFormat::JsonLd,
        ),
    ] {
        let mut request = server.client().get(format!("{}/dump/sco-kg", server.url()));
        if let Some(accept) = accept {
            request = request.header(ACCEPT, accept);
        }
        let response = request.send().unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            header(&response, "content-location"),
            Some(format!("/dump/{}", format.file_name()))
        );
        assert!(header_values(&response, "vary").contains(&"accept".to_string()));
        assert_eq!(response.bytes().unwrap().to_vec(), dump(&server, format));
    }
    let response = server
        .client()
        .get(format!("{}/dump/sco-kg", server.url()))
        .header(ACCEPT, "text/csv")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_ACCEPTABLE);
}
