//! `sco-kg query`'s own behaviour: a query from a file and from stdin, Turtle for DESCRIBE,
//! `--format xml`, and a syntax error's message and exit code (what the queries answer is
//! tested through the library, in tests/library/graph_queries.rs).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sco_kg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sco-kg"))
        .args(args)
        .output()
        .expect("run sco-kg")
}

#[test]
fn query_from_a_file_and_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.rq");
    std::fs::write(
        &path,
        "ASK { measure:139 sco:executor body:sco-secretariat }",
    )
    .unwrap();
    let out = sco_kg(&["query", "--format", "json", &format!("@{}", path.display())]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["boolean"], true);

    let mut child = Command::new(env!("CARGO_BIN_EXE_sco-kg"))
        .args(["query", "--format", "tsv", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"SELECT ?n WHERE { section:8 sco:number ?n }")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "?n\n8\n");
}

#[test]
fn construct_and_describe_print_turtle() {
    let out = sco_kg(&["query", "DESCRIBE body:rats"]);
    assert!(out.status.success());
    let turtle = String::from_utf8(out.stdout).unwrap();
    assert!(turtle.contains("@prefix"), "{turtle}");
    assert!(
        turtle.contains("\"RATS\"@en") || turtle.contains("Regional Anti-Terrorist Structure"),
        "{turtle}"
    );
}

#[test]
fn xml_results() {
    let out = sco_kg(&[
        "query",
        "--format",
        "xml",
        "SELECT ?n WHERE { measure:1 sco:number ?n }",
    ]);
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(
        xml.contains("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">"),
        "{xml}"
    );
    assert!(xml.contains(">1</literal>"), "{xml}");
}

#[test]
fn syntax_error_reports_its_position() {
    let out = sco_kg(&["query", "SELECT ?x WHERE { ?x ?y }"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    // The object is missing: the text ends where it cannot, past the `}` at column 25; the
    // message names the place and shows the line with a caret under it.
    assert!(err.contains("line 1, column 26"), "{err}");
    assert!(err.contains("1 | SELECT ?x WHERE { ?x ?y }\n"), "{err}");
}
