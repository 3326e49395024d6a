//! The answer cache of /sparql: a query asked again is answered from memory, without a query
//! slot, in the format asked for, byte for byte the answer it first got; errors are never kept;
//! `cache_bytes = 0` turns it off.

use std::time::Duration;

use crate::support::*;
use reqwest::StatusCode;

const QUESTION: &str = "PREFIX sco: <https://w3id.org/sco-kg/ontology#>
SELECT (COUNT(?m) AS ?n) WHERE { ?m a sco:Measure }";

fn ask(url: &str, query: &str, accept: &str) -> reqwest::blocking::Response {
    client()
        .get(format!("{url}/sparql?query={}", encode(query)))
        .header("Accept", accept)
        .send()
        .expect("answers")
}

/// One query slot, and a timeout long enough for [`hold_the_slot`] to hold it while a test asks.
fn one_slot() -> Config {
    Config {
        timeout: Duration::from_secs(10),
        max_concurrent: 1,
        ..config()
    }
}

/// Occupies the only query slot for the server's timeout (the slow query runs until stopped).
fn hold_the_slot(url: &str) -> std::thread::JoinHandle<StatusCode> {
    let slow = {
        let url = url.to_string();
        std::thread::spawn(move || {
            for _ in 0..100 {
                let response = ask(&url, SLOW_QUERY, "application/json");
                let status = response.status();
                // A probe below may hold the slot when the slow query arrives: turned away, it
                // is sent again.
                let body = response.text().unwrap_or_default();
                if !(status == StatusCode::SERVICE_UNAVAILABLE && body.contains("too many")) {
                    return status;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            panic!("the slow query never found the slot free");
        })
    };
    // The slot is taken once a query never asked before gets 503.
    let taken = eventually(Duration::from_secs(30), || {
        ask(url, &fresh_query(), "application/json").status() == StatusCode::SERVICE_UNAVAILABLE
    });
    assert!(taken, "the slow query never took the slot");
    slow
}

#[test]
fn a_repeated_query_is_answered_without_a_query_slot() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(one_slot());
    let url = server.url();
    // 139 measures: the table's last number.
    let first = ask(&url, QUESTION, "text/csv");
    assert_eq!(first.status(), StatusCode::OK);
    let first_etag = header(&first, "etag");
    let first_body = first.bytes().unwrap();
    assert_eq!(&first_body[..], b"n\r\n139\r\n");

    let slow = hold_the_slot(&url);
    // Every slot is taken, yet the same question in the same format is answered, identically.
    let again = ask(&url, QUESTION, "text/csv");
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(header(&again, "etag"), first_etag);
    assert_eq!(
        header(&again, "content-type").as_deref(),
        Some("text/csv; charset=utf-8")
    );
    assert_eq!(again.bytes().unwrap(), first_body);
    // Another format of the same question is another answer: it needs a slot.
    let json = ask(&url, QUESTION, "application/sparql-results+json");
    assert_eq!(json.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(slow.join().unwrap(), StatusCode::SERVICE_UNAVAILABLE);

    // The refusals were not kept: with the slot free, the JSON answer comes. The slow query's
    // client has its 503 at the deadline, but the slot is free only once the evaluation has
    // seen the cancellation: until then a 503 says "too many", never a kept refusal.
    let mut answered = None;
    let freed = eventually(Duration::from_secs(30), || {
        let response = ask(&url, QUESTION, "application/sparql-results+json");
        if response.status() == StatusCode::OK {
            answered = Some(response);
            return true;
        }
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(response.text().unwrap_or_default().contains("too many"));
        false
    });
    assert!(freed, "the slot never came free, or a refusal was kept");
    let body: serde_json::Value = answered.expect("answered").json().unwrap();
    assert_eq!(body["results"]["bindings"][0]["n"]["value"], "139");
}

#[test]
fn the_answer_of_every_triple_is_kept_by_the_default_cache() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(one_slot());
    let url = server.url();
    let every_triple = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }";
    let first = ask(&url, every_triple, "application/sparql-results+json");
    assert_eq!(first.status(), StatusCode::OK);
    let first_body = first.bytes().unwrap();
    // More than an eighth of the default cache, no more than a quarter.
    let cache = Config::default().cache_bytes;
    assert!(
        first_body.len() > cache / 8 && first_body.len() <= cache / 4,
        "{} bytes",
        first_body.len()
    );
    let slow = hold_the_slot(&url);
    // No slot is free, yet it is answered again, the same bytes.
    let again = ask(&url, every_triple, "application/sparql-results+json");
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(again.bytes().unwrap(), first_body);
    slow.join().unwrap();
}

#[test]
fn without_a_cache_every_query_needs_a_slot() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(Config {
        cache_bytes: 0,
        ..one_slot()
    });
    let url = server.url();
    assert_eq!(ask(&url, QUESTION, "text/csv").status(), StatusCode::OK);
    let slow = hold_the_slot(&url);
    assert_eq!(
        ask(&url, QUESTION, "text/csv").status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    slow.join().unwrap();
}

#[test]
fn a_burst_of_the_same_query_is_evaluated_once() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(Config {
        timeout: Duration::from_secs(60),
        max_concurrent: 1,
        ..config()
    });
    let url = server.url();
    // Every triple against the 139 measures' numbers (and a few sections'): about a million
    // rows to count, long enough for the burst to arrive while the first evaluation runs.
    let heavy = "PREFIX sco: <https://w3id.org/sco-kg/ontology#>
SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d sco:number ?e }";
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
    let burst: Vec<_> = (0..8)
        .map(|_| {
            let (url, barrier) = (url.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let response = ask(&url, heavy, "text/csv");
                (response.status(), response.text().unwrap())
            })
        })
        .collect();
    let answers: Vec<(StatusCode, String)> = burst.into_iter().map(|t| t.join().unwrap()).collect();
    // One query slot, eight identical queries at once: none is refused, all get one answer.
    for (status, body) in &answers {
        assert_eq!(*status, StatusCode::OK, "{body}");
        assert_eq!(body, &answers[0].1);
    }
}

#[test]
fn with_a_queue_a_query_waits_for_a_slot_instead_of_a_503() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(Config {
        timeout: Duration::from_secs(3),
        max_concurrent: 1,
        queue_wait: Duration::from_secs(60),
        ..config()
    });
    let url = server.url();
    let slow = {
        let url = url.clone();
        std::thread::spawn(move || ask(&url, SLOW_QUERY, "application/json").status())
    };
    // While the slow query holds the only slot (until its 3 s timeout), a new query waits for
    // the slot and is answered once the slow one has been stopped (without the queue it gets
    // 503: `a_repeated_query_is_answered_without_a_query_slot`).
    std::thread::sleep(Duration::from_millis(500));
    let waited = ask(&url, QUESTION, "text/csv");
    assert_eq!(waited.status(), StatusCode::OK);
    assert_eq!(waited.text().unwrap(), "n\r\n139\r\n");
    assert_eq!(slow.join().unwrap(), StatusCode::SERVICE_UNAVAILABLE);
}
