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

/// What a server runs in place, on a runtime thread of 2 MiB (`checks::light_text`, then the
/// weight the checks give, `checks::Weight::light`), is parsed, checked and evaluated within 1 MiB: the deepest and
/// longest texts the test lets through, in each shape the parser, the checks or the evaluator
/// recurse through. A stack overflow aborts the whole test binary.
#[test]
fn light_texts_run_within_a_small_stack() {
    use sco_kg::store::checks::{light_text, LIGHT_DEPTH, LIGHT_TEXT_BYTES};
    let graph = std::sync::Arc::new(graph());
    let prefix = "PREFIX sco: <https://w3id.org/sco-kg/ontology#>\n";
    // `unit` repeated, joined by `join`, as long as the text stays light.
    let fill = |head: &str, unit: &str, join: &str, tail: &str| {
        let room = LIGHT_TEXT_BYTES - prefix.len() - head.len() - tail.len();
        let n = (room + join.len()) / (unit.len() + join.len());
        format!("{prefix}{head}{}{tail}", vec![unit; n].join(join))
    };
    // `inner` inside `n` of `open` … `close`, between `head` and `tail`.
    let nest = |head: &str, open: &str, inner: &str, close: &str, tail: &str, n: usize| {
        format!(
            "{prefix}{head}{}{inner}{}{tail}",
            open.repeat(n),
            close.repeat(n)
        )
    };
    let deep = LIGHT_DEPTH;
    // One row, so that however deep it is nested the query stays light and is evaluated.
    let inner = "<https://w3id.org/sco-kg/id/plan/2021-2025/measure/1> sco:number ?n";
    let cases: Vec<(&str, String)> = vec![
        (
            "nested groups",
            nest("SELECT ?n ", "{ ", inner, " }", "", deep),
        ),
        (
            "nested OPTIONALs",
            nest(
                "SELECT * { ?m sco:number \"1\" ",
                "OPTIONAL { ",
                inner,
                " }",
                " }",
                deep - 2,
            ),
        ),
        (
            "nested subqueries",
            nest("SELECT ?n ", "{ SELECT ?n { ", inner, " } }", "", deep / 2),
        ),
        (
            "nested blank nodes",
            nest(
                "ASK { ?m sco:references ",
                "[ sco:p ",
                "?d",
                " ]",
                " }",
                deep - 1,
            ),
        ),
        (
            "a chain of additions",
            fill("SELECT (", "1", "+", " AS ?x) {}"),
        ),
        (
            "a chain of disjunctions",
            fill(
                "SELECT ?n { ?m sco:number ?n FILTER(",
                "?n=\"1\"",
                "||",
                ") }",
            ),
        ),
        (
            "a sequence path",
            fill("SELECT * { ?m ", "sco:p", "/", " ?x }"),
        ),
        (
            "an alternative path",
            fill("SELECT * { ?m ", "sco:p", "|", " ?x }"),
        ),
        (
            "a long VALUES",
            // Rows of two values: few enough rows to stay light, as long as the text allows.
            fill("SELECT ?n { VALUES (?n ?o) { ", "(\"1\" 2)", " ", " } }"),
        ),
    ];
    for (name, text) in cases {
        assert!(light_text(&text), "{name}: not a light text");
        let graph = std::sync::Arc::clone(&graph);
        let outcome = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                sco_kg::store::checks::check_text(&text).map_err(|e| format!("{e:?}"))?;
                let query = graph.parse(&text).map_err(|e| e.to_string())?;
                let weight = graph.check(&query).map_err(|e| format!("{e:?}"))?;
                if !weight.light() {
                    return Err("heavy".to_string());
                }
                let options = QueryOptions {
                    unchecked: true,
                    ..QueryOptions::default()
                };
                let body = graph
                    .write_results(query, &options, QueryResultsFormat::Json)
                    .map_err(|e| e.to_string())?;
                Ok::<_, String>(String::from_utf8(body).unwrap())
            })
            .unwrap()
            .join()
            .unwrap_or_else(|_| panic!("{name}: panicked"));
        match name {
            // Answered: the number "1" (measure 1's, section 1's) or the VALUES' own.
            "nested groups" | "nested subqueries" | "a long VALUES" => {
                let body = outcome.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(body.contains("\"value\":\"1\""), "{name}: {body}");
            }
            // Evaluated (light), whatever they answer.
            "nested OPTIONALs" | "nested blank nodes" => {
                assert!(outcome.is_ok(), "{name}: {outcome:?}");
            }
            // Deeper than the checks allow once parsed: refused, not evaluated.
            _ => assert!(
                outcome
                    .as_ref()
                    .is_err_and(|e| e.contains("TooDeep") || e.contains("TooManyPatterns")),
                "{name}: {outcome:?}"
            ),
        }
    }
}
