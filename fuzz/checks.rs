//! What the fuzz targets check, one function a target, shared with the regression tests of the
//! main crate (`tests/fuzz_regressions.rs` includes this file): a crashing input found by the
//! fuzzer is replayed through exactly the same code.
//!
//! - [`ingest_parse`]: `sco_kg::ingest::parse` on arbitrary bytes returns a plan or a typed
//!   error and never panics; an error names a line of the input; a plan's fragments lie inside
//!   their source lines, on character boundaries (what the accounting and the RDF source spans
//!   rely on).
//! - [`request_params`]: the `/sparql` protocol parameters and `format=`, `Accept` negotiation,
//!   `?lang=` / cookie / `Accept-Language` negotiation and `/api/lookup`'s query string, sent
//!   through the server's router in-process (its public API), each get an answer or a refusal
//!   the protocol gives, never a caught panic: a 200 from `/sparql` is in an offered type, a
//!   page in one of the three languages, a lookup has at most `limit` hits. The input
//!   is split at NUL bytes into the fields, in order: a `/sparql` query string, a `format=`
//!   value, an `Accept` value, a `?lang=` value, a `Cookie` header, an `Accept-Language` value,
//!   a `/api/lookup` query string.
//! - [`query_bounds`]: what the server's estimates promise of the queries they let through. A
//!   query the checks accept is evaluated with a deadline and a memory budget, as the server
//!   evaluates it: it must end within a margin of its cancellation, and where the estimate of
//!   its rows is an upper bound (`checks::estimate_rows`), no answer may have more rows.
//! - [`sparql_guard`]: what the server does with a query's text before evaluating it — the
//!   bracket depth on the text, the parser (with the graph's prefixes), the depth and size of
//!   the parsed query, the string growth bound, the product and sort estimates — on the stack
//!   of a query worker: each says yes or no, and nothing panics or overflows the stack.
#![allow(dead_code)]

use std::sync::LazyLock;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode, Uri};
use sco_kg::graph::Base;
use sco_kg::ingest::{self, Fragment, Lexicon, Plan};
use sco_kg::server::{router, AppState, Config};
use sco_kg::store::checks;
use sco_kg::store::KnowledgeGraph;
use tower::ServiceExt;

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| sco_kg::data::lexicon().expect("the embedded lexicon"));

static GRAPH: LazyLock<Arc<KnowledgeGraph>> = LazyLock::new(|| {
    Arc::new(KnowledgeGraph::embedded(Base::default()).expect("the embedded graph"))
});

static PARSER: LazyLock<spargebra::SparqlParser> = LazyLock::new(|| GRAPH.parser());

pub fn ingest_parse(data: &[u8]) {
    match ingest::parse(data, &LEXICON) {
        Ok(plan) => check_fragments(data, &plan),
        Err(error) => {
            let lines = data.split(|&b| b == b'\n').count();
            assert!(
                error.line >= 1 && error.line <= lines.max(1),
                "line {} of {lines}: {error}",
                error.line
            );
            let _ = error.to_string();
        }
    }
}

fn check_fragments(data: &[u8], plan: &Plan) {
    let text = std::str::from_utf8(data).expect("a parsed source is UTF-8");
    let lines: Vec<&str> = text.split('\n').collect();
    let fragments = plan
        .front_matter
        .iter()
        .chain(&plan.header)
        .chain(&plan.decision.fragments)
        .chain(plan.sections.iter().flat_map(|s| &s.fragments))
        .chain(plan.measures.iter().flat_map(|m| m.fields.all()));
    for &Fragment { line, start, end } in fragments {
        let raw = lines
            .get(line.wrapping_sub(1))
            .unwrap_or_else(|| panic!("fragment on line {line} of {}", lines.len()));
        assert!(
            start <= end && raw.get(start..end).is_some(),
            "fragment {start}..{end} of line {line} ({} bytes)",
            raw.len()
        );
    }
}

/// The media types `/sparql` may answer with: the SPARQL results and RDF syntaxes the README
/// lists (the service description is RDF).
const OFFERED: &[&str] = &[
    "application/sparql-results+json",
    "application/json",
    "application/sparql-results+xml",
    "application/xml",
    "text/csv",
    "text/tab-separated-values",
    "text/xml",
    "text/turtle",
    "application/x-turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
];

/// A server of the embedded graph, asked in-process through its router (no socket), with a
/// short query timeout: a fuzzed query may be a real one.
static STATE: LazyLock<AppState> = LazyLock::new(|| {
    let config = Config {
        timeout: std::time::Duration::from_millis(200),
        ..Config::default()
    };
    AppState::new(GRAPH.clone(), config, "127.0.0.1:8080".parse().unwrap()).expect("the state")
});

static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
});

/// Sends `GET target` with `headers` (those that are valid header values) through the router;
/// `None` when the target is no URI. Every answer must be one the protocol gives, not a
/// caught panic.
fn get(target: &str, headers: &[(&str, &str)]) -> Option<(StatusCode, HeaderMap, Vec<u8>)> {
    let uri: Uri = target.parse().ok()?;
    let mut request = Request::get(uri);
    for (name, value) in headers {
        if let Ok(value) = HeaderValue::from_str(value) {
            request = request.header(*name, value);
        }
    }
    let request = request.body(Body::empty()).ok()?;
    let (status, headers, body) = RUNTIME.block_on(async {
        let response = router(STATE.clone())
            .oneshot(request)
            .await
            .expect("the router answers");
        let (parts, body) = response.into_parts();
        let body = axum::body::to_bytes(body, usize::MAX)
            .await
            .expect("a body");
        (parts.status, parts.headers, body.to_vec())
    });
    let text = String::from_utf8_lossy(&body);
    assert!(
        !(status == StatusCode::INTERNAL_SERVER_ERROR && text.contains("internal error")),
        "{target}: {text}"
    );
    Some((status, headers, body))
}

pub fn request_params(data: &[u8]) {
    let mut fields = data.split(|&b| b == 0);
    let mut next = || String::from_utf8_lossy(fields.next().unwrap_or_default()).into_owned();
    let (sparql, format, accept, lang, cookie, accept_language, lookup) =
        (next(), next(), next(), next(), next(), next(), next());

    // /sparql: the protocol's parameters, format= and Accept. A 200 is in an offered type.
    let format: String = form_urlencoded::byte_serialize(format.as_bytes()).collect();
    if let Some((status, headers, _)) = get(
        &format!("/sparql?{sparql}&format={format}"),
        &[("accept", &accept)],
    ) {
        if status == StatusCode::OK {
            let content_type = headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let essence = content_type.split(';').next().unwrap_or_default().trim();
            assert!(OFFERED.contains(&essence), "{content_type}");
        }
    }

    // The language of a page: one of the three, whatever was asked.
    let lang: String = form_urlencoded::byte_serialize(lang.as_bytes()).collect();
    if let Some((status, headers, _)) = get(
        &format!("/page/body/rats?lang={lang}"),
        &[("cookie", &cookie), ("accept-language", &accept_language)],
    ) {
        if status == StatusCode::OK {
            let language = headers
                .get("content-language")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            assert!(["ru", "en", "zh"].contains(&language), "{language}");
        }
    }

    // /api/lookup: answered (at most `limit` hits) or refused with 400.
    if let Some((status, _, body)) = get(&format!("/api/lookup?{lookup}"), &[]) {
        assert!(
            status == StatusCode::OK || status == StatusCode::BAD_REQUEST,
            "{status}"
        );
        if status == StatusCode::OK {
            let answer: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
            let limit = answer["limit"].as_u64().expect("a limit");
            let hits = answer["hits"].as_array().expect("hits").len() as u64;
            assert!(hits <= limit, "{hits} > {limit}");
        }
    }
}

/// Runs `check` on a query worker's stack (`checks::WORKER_STACK`) with the query `data` parsed
/// as the server parses it — when its text passes the nesting check, it parses with the
/// graph's prefixes and its shape passes `checks::check_query` — and waits for it; a panic of
/// `check` fails the input.
fn on_a_worker(data: &[u8], check: fn(&str, spargebra::Query)) {
    let text = String::from_utf8_lossy(data).into_owned();
    // Built before the worker starts, so that its stack holds only the checks.
    LazyLock::force(&PARSER);
    GRAPH.counts();
    std::thread::Builder::new()
        .stack_size(checks::WORKER_STACK)
        .spawn(move || {
            if checks::check_text(&text).is_err() {
                return;
            }
            let Ok(query) = PARSER.clone().parse_query(&text) else {
                return;
            };
            if checks::check_query(&query).is_err() {
                return;
            }
            check(&text, query);
        })
        .expect("a worker thread")
        .join()
        .expect("the checks hold");
}

pub fn sparql_guard(data: &[u8]) {
    on_a_worker(data, |text, query| {
        let _ = text;
        let _ = GRAPH.check(&query);
    });
}

/// How long an accepted query may run in [`query_bounds`] before it is cancelled, and how long
/// after that it must have stopped.
const RUN_FOR: std::time::Duration = std::time::Duration::from_millis(500);
const STOPPED_WITHIN: std::time::Duration = std::time::Duration::from_secs(2);

pub fn query_bounds(data: &[u8]) {
    on_a_worker(data, |text, query| {
        if GRAPH.check(&query).is_err() {
            return;
        }
        let bound = checks::estimate_rows(&query, GRAPH.counts());
        let token = sco_kg::store::CancellationToken::new();
        // Cancels the query after RUN_FOR unless its answer comes first.
        let (answered, wait) = std::sync::mpsc::channel::<()>();
        let timer = {
            let token = token.clone();
            std::thread::spawn(move || {
                wait.recv_timeout(RUN_FOR).is_err().then(|| {
                    token.cancel();
                    std::time::Instant::now()
                })
            })
        };
        let options = sco_kg::store::QueryOptions {
            cancel: Some(token),
            max_results: Some(1_000_000),
            max_memory: Some(256 << 20),
            // Checked above, as the server checks.
            unchecked: true,
            ..Default::default()
        };
        let answer = GRAPH.evaluate(query, &options);
        let ended = std::time::Instant::now();
        let _ = answered.send(());
        if let Some(cancelled) = timer.join().expect("the timer") {
            let overrun = ended.saturating_duration_since(cancelled);
            assert!(
                overrun < STOPPED_WITHIN,
                "ran {overrun:?} past its cancellation: {text}"
            );
        }
        if let (Some(bound), Ok(sco_kg::store::Answer::Solutions { rows, .. })) = (bound, &answer) {
            assert!(
                rows.len() as u64 <= bound,
                "{} rows, estimated at most {bound}: {text}",
                rows.len()
            );
        }
    });
}
