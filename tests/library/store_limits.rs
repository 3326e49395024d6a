//! The library's limits on one query, with no server and no guard in front: a cancelled query
//! stops whatever its shape (the patched evaluator, `vendor/spareval`), a query past its memory
//! budget is stopped (this binary counts its allocations, as the `sco-kg` binary does), and an
//! answer past its length in bytes is refused while it is written.
//!
//! Each bound is asserted with a deadline far above what it takes (a debug build on a loaded
//! machine), never as a measure of speed.

use std::sync::Arc;
use std::time::{Duration, Instant};

use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;
use oxigraph::sparql::CancellationToken;
use sco_kg::store::{is_counting, CountingAllocator, KnowledgeGraph, QueryError, QueryOptions};

#[global_allocator]
static ALLOCATOR: CountingAllocator<std::alloc::System> = CountingAllocator(std::alloc::System);

fn graph() -> Arc<KnowledgeGraph> {
    crate::support::graph()
}

/// How long after its cancellation a query may still run: the bound of the hardening issue is
/// one second in the server's release build; a debug build gets room.
const STOPPED_WITHIN: Duration = Duration::from_secs(3);

/// Runs `query` and cancels it after `after`; returns the error and how long the evaluation
/// went on past the cancellation.
fn cancelled_after(query: &str, after: Duration) -> (QueryError, Duration) {
    let graph = graph();
    let token = CancellationToken::new();
    let canceller = {
        let token = token.clone();
        std::thread::spawn(move || {
            std::thread::sleep(after);
            token.cancel();
            Instant::now()
        })
    };
    // Past the checks, which would refuse most of these before they run: this is the second
    // line, what stops a query that got through.
    let options = QueryOptions {
        cancel: Some(token),
        unchecked: true,
        ..QueryOptions::default()
    };
    let parsed = graph.parser().parse_query(query).expect("parses");
    let result = graph.write_results(parsed, &options, QueryResultsFormat::Json);
    let ended = Instant::now();
    let cancelled_at = canceller.join().unwrap();
    let error = match result {
        Err(e) => e,
        Ok(body) => panic!(
            "{query}: answered ({} bytes) instead of being cancelled",
            body.len()
        ),
    };
    (error, ended.saturating_duration_since(cancelled_at))
}

#[test]
fn a_cancelled_query_stops_whatever_its_shape() {
    let values = |name: &str| {
        let numbers: Vec<String> = (0..5000).map(|i| i.to_string()).collect();
        format!("VALUES ?{name} {{ {} }}", numbers.join(" "))
    };
    let shapes = [
        // The hardening issue's query: the path's closure from every node, joined with every
        // triple (upstream ran on for 9.5 minutes after its timeout).
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d (!<http://example.org/x>)* ?f }".to_string(),
        // The graph cubed: 4·10⁷ combinations of rows held in memory between two store reads.
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }".to_string(),
        // Two VALUES: no store read at all.
        format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ {} {} FILTER(?x != ?y) }}",
            values("x"),
            values("y")
        ),
        // A sort of the graph squared.
        "SELECT ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1".to_string(),
        // The right side of an OPTIONAL, built whole before the left is read.
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c OPTIONAL { ?d ?e ?f . ?g ?h ?i } }".to_string(),
    ];
    for query in shapes {
        let (error, overrun) = cancelled_after(&query, Duration::from_millis(300));
        assert!(
            matches!(error, QueryError::Cancelled),
            "{query}: {error:?} instead of Cancelled"
        );
        assert!(
            overrun < STOPPED_WITHIN,
            "{query}: ran {overrun:?} past its cancellation"
        );
    }
}

#[test]
fn this_binary_counts_its_allocations() {
    // Without it the memory tests below would prove nothing.
    assert!(is_counting());
}

#[test]
fn a_query_past_its_memory_budget_is_stopped() {
    let graph = graph();
    let limit = 32 << 20;
    // Past the checks, which refuse the OPTIONAL below before it runs: the budget is the
    // second line.
    let options = QueryOptions {
        max_memory: Some(limit),
        unchecked: true,
        ..QueryOptions::default()
    };
    let queries = [
        // The hardening issue's 70 bytes that took 7 GB in 9 s: the right side of the OPTIONAL
        // is the graph squared, held whole.
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . OPTIONAL { ?d ?e ?f . ?g ?h ?i } }",
        // A string grown from every row of a product.
        "SELECT (GROUP_CONCAT(STR(?c)) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?f }",
    ];
    for query in queries {
        let started = Instant::now();
        let parsed = graph.parser().parse_query(query).expect("parses");
        let result = graph.write_results(parsed, &options, QueryResultsFormat::Json);
        assert!(
            matches!(result, Err(QueryError::OutOfMemory { limit: l }) if l == limit),
            "{query}: {:?}",
            result.map(|body| body.len())
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{query}: stopped only after {:?}",
            started.elapsed()
        );
    }
    // The same budget answers an ordinary query.
    let parsed = graph
        .parser()
        .parse_query("SELECT ?m WHERE { ?m a sco:Measure }")
        .unwrap();
    let body = graph
        .write_results(parsed, &options, QueryResultsFormat::Json)
        .expect("answered within the budget");
    assert!(!body.is_empty());
}

#[test]
fn an_answer_longer_than_its_limit_is_refused_as_it_is_written() {
    let graph = graph();
    let limit = 10_000;
    let options = QueryOptions {
        max_answer_bytes: Some(limit),
        ..QueryOptions::default()
    };
    let everything = "SELECT * WHERE { ?s ?p ?o }";
    for format in [
        QueryResultsFormat::Json,
        QueryResultsFormat::Xml,
        QueryResultsFormat::Csv,
        QueryResultsFormat::Tsv,
    ] {
        let parsed = graph.parser().parse_query(everything).unwrap();
        let result = graph.write_results(parsed, &options, format);
        assert!(
            matches!(result, Err(QueryError::AnswerTooLong { limit: l }) if l == limit),
            "{format:?}: {:?}",
            result.map(|body| body.len())
        );
    }
    for (query, format) in [
        ("CONSTRUCT WHERE { ?s ?p ?o }", RdfFormat::Turtle),
        ("CONSTRUCT WHERE { ?s ?p ?o }", RdfFormat::NTriples),
        ("CONSTRUCT WHERE { ?s ?p ?o }", RdfFormat::RdfXml),
        (
            "DESCRIBE ?m WHERE { ?m a sco:Measure }",
            RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
        ),
    ] {
        let parsed = graph.parser().parse_query(query).unwrap();
        let result = graph.write_graph(parsed, &options, format, &graph.prefixes());
        assert!(
            matches!(result, Err(QueryError::AnswerTooLong { limit: l }) if l == limit),
            "{query} as {format:?}: {:?}",
            result.map(|body| body.len())
        );
    }
    // Within the limit: the whole answer (what has number 1, as N-Triples, is a few lines).
    let parsed = graph
        .parser()
        .parse_query("ASK { ?m a sco:Measure }")
        .unwrap();
    let body = graph
        .write_results(parsed, &options, QueryResultsFormat::Json)
        .unwrap();
    assert!(String::from_utf8(body).unwrap().contains("true"));
    let parsed = graph
        .parser()
        .parse_query("CONSTRUCT WHERE { ?s sco:number 1 }")
        .unwrap();
    let body = graph
        .write_graph(parsed, &options, RdfFormat::NTriples, &[])
        .unwrap();
    assert!(body.len() < limit && !body.is_empty());
}
