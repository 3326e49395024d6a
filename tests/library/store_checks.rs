//! The query checks are the library's: `KnowledgeGraph` refuses, before evaluating, what the
//! server refuses — by default, whichever method runs the query — and `QueryOptions::unchecked`
//! is the documented way out, under which the timeout still holds.

use std::time::{Duration, Instant};

use oxigraph::sparql::results::QueryResultsFormat;
use sco_kg::store::checks::{Refusal, MAX_DEPTH, MAX_PATTERNS, MAX_PRODUCT};
use sco_kg::store::{QueryError, QueryOptions};

use crate::support::graph;

/// "ab" doubled `n` times by chained BINDs: 2^(n+1) bytes at the end.
fn doublings(n: usize) -> String {
    let binds: String = (0..n)
        .map(|i| format!("BIND(CONCAT(?a{i}, ?a{i}) AS ?a{}) ", i + 1))
        .collect();
    format!("SELECT (STRLEN(?a{n}) AS ?n) {{ BIND(\"ab\" AS ?a0) {binds}}}")
}

/// Four parts that share no variable: every triple of the graph four times over.
const FOUR_WAY_PRODUCT: &str = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

fn refusal(result: Result<impl std::fmt::Debug, QueryError>) -> Refusal {
    match result {
        Err(QueryError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn string_growth_is_refused_before_it_is_built() {
    let graph = graph();
    // 36 doublings of two bytes, 2^37 bytes at the end, where the CLI used to run until the
    // allocator aborted it. The refusal names the first expression past the 16 MiB limit: the
    // 24th doubling, 2^25 bytes.
    let text = doublings(36);
    match refusal(graph.query(&text, &QueryOptions::default())) {
        Refusal::StringGrowth { bytes, limit } => {
            assert_eq!(bytes, 32 << 20);
            assert_eq!(limit, 16 << 20);
        }
        other => panic!("{other:?}"),
    }
    // A few doublings build a short string and are answered.
    assert!(graph.query(&doublings(3), &QueryOptions::default()).is_ok());
}

#[test]
fn every_evaluating_method_checks_by_default() {
    let graph = graph();
    let parsed = || graph.parse(FOUR_WAY_PRODUCT).expect("parses");
    let options = QueryOptions::default();
    let expect_product = |refusal: Refusal| match refusal {
        Refusal::CartesianProduct {
            parts,
            combinations,
        } => {
            assert_eq!(parts, 4);
            assert!(combinations > MAX_PRODUCT, "{combinations}");
        }
        other => panic!("{other:?}"),
    };
    expect_product(refusal(graph.query(FOUR_WAY_PRODUCT, &options)));
    expect_product(refusal(graph.evaluate(parsed(), &options)));
    expect_product(refusal(graph.write_results(
        parsed(),
        &options,
        QueryResultsFormat::Json,
    )));
    // The refusal says why in words.
    let message = refusal(graph.query(FOUR_WAY_PRODUCT, &options)).to_string();
    assert!(message.contains("4 unrelated parts"), "{message}");
}

#[test]
fn nesting_and_size_are_refused_on_the_text_and_the_parsed_query() {
    let graph = graph();
    let deep = format!(
        "SELECT * {}?s ?p ?o{}",
        "{ ".repeat(MAX_DEPTH + 1),
        " }".repeat(MAX_DEPTH + 1)
    );
    assert_eq!(
        refusal(graph.query(&deep, &QueryOptions::default())),
        Refusal::TooDeep { limit: MAX_DEPTH }
    );
    let many: String = (0..=MAX_PATTERNS)
        .map(|i| format!("?s{i} <http://example.org/p> ?o . "))
        .collect();
    assert_eq!(
        refusal(graph.query(&format!("ASK {{ {many} }}"), &QueryOptions::default())),
        Refusal::TooManyPatterns {
            limit: MAX_PATTERNS
        }
    );
}

#[test]
fn unchecked_queries_still_stop_at_their_timeout() {
    let graph = graph();
    let options = QueryOptions {
        unchecked: true,
        timeout: Some(Duration::from_millis(200)),
        ..QueryOptions::default()
    };
    let started = Instant::now();
    let result = graph.query(
        "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
        &options,
    );
    match result {
        Err(QueryError::Timeout(limit)) => assert_eq!(limit, Duration::from_millis(200)),
        other => panic!("expected a timeout, got {other:?}"),
    }
    // A generous bound for a debug build on a loaded machine: the product alone would run for
    // hours.
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn a_query_within_its_timeout_is_answered() {
    let graph = graph();
    let options = QueryOptions {
        timeout: Some(Duration::from_secs(60)),
        ..QueryOptions::default()
    };
    // The plan has 139 measures (source: the table's last row is measure 139).
    let answer = graph
        .query("SELECT (COUNT(?m) AS ?n) { ?m a sco:Measure }", &options)
        .expect("answered");
    let sco_kg::store::Answer::Solutions { rows, .. } = answer else {
        panic!("solutions expected");
    };
    let n = rows[0][0].as_ref().expect("bound").to_string();
    assert!(n.starts_with("\"139\""), "{n}");
}
