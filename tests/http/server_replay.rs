//! Whole responses of repeated `GET /sparql` requests are kept (the second time they are asked
//! for) and replayed: the same status, headers and bytes as before, per value of the headers the
//! answer varies on; never for conditional requests, other methods, refusals, or with the
//! caches turned off.
//! In-process, through the router, so that what was kept can be counted.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};

use crate::support::*;

// The table has 139 measures.
const QUESTION: &str = "PREFIX sco: <https://w3id.org/sco-kg/ontology#>
SELECT (COUNT(?m) AS ?n) WHERE { ?m a sco:Measure }";

fn get(query: &str, headers: &[(header::HeaderName, &str)]) -> Request<Body> {
    let mut request = Request::builder()
        .method(Method::GET)
        .uri(format!("/sparql?query={}", encode(query)));
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    request.body(Body::empty()).unwrap()
}

/// The same response, but for `Content-Length`: a compressed answer first goes out in chunks,
/// and with its length once kept (both right; the length, when given, is the body's).
fn same(a: &Answer, b: &Answer) {
    let without_length = |answer: &Answer| {
        if let Some(length) = answer.headers.get(header::CONTENT_LENGTH) {
            assert_eq!(length.to_str().unwrap(), answer.body.len().to_string());
        }
        let mut headers = answer.headers.clone();
        headers.remove(header::CONTENT_LENGTH);
        headers
    };
    assert_eq!(a.status, b.status);
    assert_eq!(without_length(a), without_length(b));
    assert_eq!(a.body, b.body);
}

#[test]
fn a_repeated_get_gets_a_copy_of_the_first_response() {
    let state = in_process(config());
    let csv = [(header::ACCEPT, "text/csv")];
    let first = oneshot(&state, get(QUESTION, &csv));
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.body, b"n\r\n139\r\n");
    // Asked for once: not kept. Twice: kept. Then replayed, the same each time.
    assert_eq!(state.responses.len(), 0);
    let second = oneshot(&state, get(QUESTION, &csv));
    same(&first, &second);
    assert_eq!(state.responses.len(), 1);
    let third = oneshot(&state, get(QUESTION, &csv));
    same(&first, &third);
    assert_eq!(state.responses.len(), 1);

    // Another Accept is another response: JSON, kept beside the CSV.
    let json_accept = [(header::ACCEPT, "application/sparql-results+json")];
    let json = oneshot(&state, get(QUESTION, &json_accept));
    assert_eq!(
        json.headers[header::CONTENT_TYPE],
        "application/sparql-results+json"
    );
    let value: serde_json::Value = serde_json::from_slice(&json.body).unwrap();
    assert_eq!(value["results"]["bindings"][0]["n"]["value"], "139");
    same(&json, &oneshot(&state, get(QUESTION, &json_accept)));
    assert_eq!(state.responses.len(), 2);
    // So is another Origin: CORS answers vary on it.
    let cors = [
        (header::ACCEPT, "text/csv"),
        (header::ORIGIN, "https://example.org"),
    ];
    let from_elsewhere = oneshot(&state, get(QUESTION, &cors));
    assert_eq!(
        from_elsewhere.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "*"
    );
    same(&from_elsewhere, &oneshot(&state, get(QUESTION, &cors)));
    assert_eq!(state.responses.len(), 3);
    same(&from_elsewhere, &oneshot(&state, get(QUESTION, &cors)));
}

#[test]
fn a_compressed_answer_is_kept_compressed() {
    let state = in_process(config());
    let gzip = [
        (header::ACCEPT, "text/csv"),
        (header::ACCEPT_ENCODING, "gzip"),
    ];
    // An answer long enough to be compressed: every measure's number.
    let numbers = "PREFIX sco: <https://w3id.org/sco-kg/ontology#>
SELECT ?n WHERE { ?m a sco:Measure ; sco:number ?n } ORDER BY ?n";
    let first = oneshot(&state, get(numbers, &gzip));
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.headers[header::CONTENT_ENCODING], "gzip");
    // The gzip magic number, then 139 numbers once inflated (checked through the identity
    // answer below, which must differ from the compressed bytes).
    assert_eq!(&first.body[..2], &[0x1f, 0x8b]);
    same(&first, &oneshot(&state, get(numbers, &gzip)));
    same(&first, &oneshot(&state, get(numbers, &gzip)));
    let plain = oneshot(&state, get(numbers, &[(header::ACCEPT, "text/csv")]));
    same(
        &plain,
        &oneshot(&state, get(numbers, &[(header::ACCEPT, "text/csv")])),
    );
    assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());
    assert_eq!(
        plain
            .body
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        140
    );
    assert_ne!(plain.body, first.body);
    assert_eq!(state.responses.len(), 2);
}

#[test]
fn conditional_requests_still_get_their_304() {
    let state = in_process(config());
    let csv = [(header::ACCEPT, "text/csv")];
    let first = oneshot(&state, get(QUESTION, &csv));
    same(&first, &oneshot(&state, get(QUESTION, &csv)));
    assert_eq!(state.responses.len(), 1);
    let etag = first.headers[header::ETAG].to_str().unwrap().to_string();
    let conditional = oneshot(
        &state,
        get(
            QUESTION,
            &[(header::ACCEPT, "text/csv"), (header::IF_NONE_MATCH, &etag)],
        ),
    );
    assert_eq!(conditional.status, StatusCode::NOT_MODIFIED);
    assert!(conditional.body.is_empty());
    // A validator that does not match gets the answer.
    let stale = oneshot(
        &state,
        get(
            QUESTION,
            &[
                (header::ACCEPT, "text/csv"),
                (header::IF_NONE_MATCH, "\"old\""),
            ],
        ),
    );
    assert_eq!(stale.status, StatusCode::OK);
    assert_eq!(stale.body, first.body);
    assert_eq!(state.responses.len(), 1);
}

#[test]
fn refusals_other_methods_and_other_paths_are_not_kept() {
    let state = in_process(config());
    for _ in 0..3 {
        let syntax = oneshot(&state, get("SELEC ?x", &[]));
        assert_eq!(syntax.status, StatusCode::BAD_REQUEST);
        let unacceptable = oneshot(&state, get(QUESTION, &[(header::ACCEPT, "image/png")]));
        assert_eq!(unacceptable.status, StatusCode::NOT_ACCEPTABLE);
    }
    let head = Request::builder()
        .method(Method::HEAD)
        .uri(format!("/sparql?query={}", encode(QUESTION)))
        .body(Body::empty())
        .unwrap();
    assert_eq!(oneshot(&state, head).status, StatusCode::OK);
    let post = Request::builder()
        .method(Method::POST)
        .uri("/sparql")
        .header(header::CONTENT_TYPE, "application/sparql-query")
        .body(Body::from(QUESTION))
        .unwrap();
    assert_eq!(oneshot(&state, post).status, StatusCode::OK);
    let page = Request::builder()
        .uri("/page/plan/2021-2025/measure/1")
        .body(Body::empty())
        .unwrap();
    assert_eq!(oneshot(&state, page).status, StatusCode::OK);
    assert_eq!(state.responses.len(), 0);
}

#[test]
fn no_response_is_kept_without_a_cache() {
    let state = in_process(Config {
        cache_bytes: 0,
        ..config()
    });
    let csv = [(header::ACCEPT, "text/csv")];
    let first = oneshot(&state, get(QUESTION, &csv));
    assert_eq!(first.body, b"n\r\n139\r\n");
    same(&first, &oneshot(&state, get(QUESTION, &csv)));
    same(&first, &oneshot(&state, get(QUESTION, &csv)));
    assert_eq!(state.responses.len(), 0);
}
