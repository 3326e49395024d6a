//! What the fuzz targets check, one function a target, shared with the regression tests of the
//! main crate (`tests/fuzz_regressions.rs` includes this file): a crashing input found by the
//! fuzzer is replayed through exactly the same code.
//!
//! - [`ingest_parse`]: `sco_kg::ingest::parse` on arbitrary bytes returns a plan or a typed
//!   error and never panics; an error names a line of the input; a plan's fragments lie inside
//!   their source lines, on character boundaries (what the accounting and the RDF source spans
//!   rely on).
//! - [`request_params`]: the `/sparql` protocol parameters and `format=`, `Accept` negotiation,
//!   `?lang=` / cookie / `Accept-Language` negotiation and `/api/lookup`'s query string through
//!   the real lookup index each return an answer or a typed refusal and never panic. The input
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

use axum::extract::Query;
use axum::http::Uri;
use sco_kg::graph::Base;
use sco_kg::i18n::{lang_cookie, negotiate as negotiate_lang, parse_accept_language};
use sco_kg::ingest::{self, Fragment, Lexicon, Plan};
use sco_kg::lookup::LookupIndex;
use sco_kg::server::http::formats::{self, from_parameter, negotiate_kind, AnswerKind, Requested};
use sco_kg::server::http::negotiate::{essence, negotiate, parse_accept};
use sco_kg::server::routes::api::{lookup_request, LookupParams};
use sco_kg::server::routes::sparql::read_parameters;
use sco_kg::store::checks;
use sco_kg::store::KnowledgeGraph;

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| sco_kg::data::lexicon().expect("the embedded lexicon"));

static GRAPH: LazyLock<KnowledgeGraph> =
    LazyLock::new(|| KnowledgeGraph::embedded(Base::default()).expect("the embedded graph"));

static PARSER: LazyLock<spargebra::SparqlParser> = LazyLock::new(|| GRAPH.parser());

static LOOKUP: LazyLock<LookupIndex> = LazyLock::new(|| LookupIndex::new(&GRAPH));

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

pub fn request_params(data: &[u8]) {
    let mut fields = data.split(|&b| b == 0);
    let mut next = || String::from_utf8_lossy(fields.next().unwrap_or_default()).into_owned();
    let (sparql, format, accept, lang, cookie, accept_language, lookup) =
        (next(), next(), next(), next(), next(), next(), next());

    // /sparql: the protocol's parameters (the raw bytes, as they come in a URL or a form).
    let _ = read_parameters(sparql.as_bytes());

    // format= and Accept, for both kinds of answer.
    for kind in [AnswerKind::Results, AnswerKind::Graph] {
        match from_parameter(&format, kind) {
            Requested::Format(media_type, _) => assert!(!media_type.is_empty()),
            Requested::Unfit | Requested::Unknown => {}
        }
        if let Some((media_type, _)) = negotiate_kind(Some(&accept), kind) {
            let offered = match kind {
                AnswerKind::Results => formats::listed(formats::RESULTS),
                AnswerKind::Graph => formats::listed(formats::RDF),
            };
            assert!(offered.contains(&essence(media_type)));
        }
    }
    // No well-formed range: the server's first choice.
    if parse_accept(&accept).is_empty() {
        assert_eq!(
            negotiate(Some(&accept), formats::RDF),
            formats::RDF.first().copied()
        );
    }

    // The language of a page.
    let from_cookie = lang_cookie(&cookie);
    if let Some(value) = from_cookie {
        assert!(cookie.contains(value));
    }
    let _ = negotiate_lang(Some(&lang), from_cookie, Some(&accept_language));
    let languages = parse_accept_language(&accept_language);
    for (i, l) in languages.iter().enumerate() {
        assert!(!languages[..i].contains(l), "{l:?} twice in {languages:?}");
    }

    // /api/lookup: the query string as axum reads it, then the lookup itself.
    if let Ok(uri) = format!("/api/lookup?{lookup}").parse::<Uri>() {
        if let Ok(Query(params)) = Query::<LookupParams>::try_from_uri(&uri) {
            if let Ok((q, options)) = lookup_request(&params) {
                let answer = LOOKUP.respond(q, &options);
                assert!(answer.hits.len() <= options.limit);
            }
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
