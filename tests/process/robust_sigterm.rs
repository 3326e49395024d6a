//! SIGTERM while the real binary is busy: the queries in flight are answered in full (200,
//! every byte of their bodies, the right count), no new connection is taken from the moment
//! the signal arrives, and the process exits with code 0.

use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::support::raw::*;
use crate::support::*;
use reqwest::StatusCode;

/// How many slow queries are in flight when the signal comes; also the server's query slots,
/// so that a probe turned away proves every one of them is being evaluated.
const IN_FLIGHT: usize = 4;

/// A query of a few seconds in a debug build: every triple times every rdf:type triple,
/// counted.
const SLOW_ISH: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d a ?t }";

fn count(url: &str, query: &str) -> u64 {
    let response = client()
        .get(format!("{url}/sparql?query={}", encode(query)))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().unwrap();
    body["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .expect("a count")
        .parse()
        .unwrap()
}

#[test]
fn sigterm_under_load_finishes_the_queries_in_flight_and_exits_0() {
    let mut binary = Binary::serve(
        &[
            "--timeout",
            "120",
            "--max-concurrent",
            &IN_FLIGHT.to_string(),
            // A probe finds the slots taken by its 503 at once, not after a wait in the queue.
            "--queue-wait",
            "0",
        ],
        &[("RUST_LOG", "warn")],
    );
    let (url, addr) = (binary.url.clone(), binary.addr());

    // What the slow query must answer: the two sides of its product, counted quickly.
    let expected = count(&url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c }")
        * count(&url, "SELECT (COUNT(*) AS ?n) WHERE { ?d a ?t }");

    let mut queries: Vec<RawQuery> = (0..IN_FLIGHT)
        .map(|i| RawQuery::send(addr, &format!("{SLOW_ISH} # in flight {i}")))
        .collect();
    // Every slot is taken: all of them are being evaluated…
    assert!(
        eventually(NO_HANG, || {
            for query in &mut queries {
                query.resend_if_refused();
            }
            client()
                .get(format!("{url}/sparql?query={}", encode(&fresh_query())))
                .send()
                .unwrap()
                .status()
                == StatusCode::SERVICE_UNAVAILABLE
        }),
        "the slow queries never took every slot"
    );
    // …and none is answered yet.
    for (i, query) in queries.iter().enumerate() {
        let head = query.answer_so_far();
        assert!(
            head.is_empty(),
            "query {i} was answered before the signal: {:?}",
            String::from_utf8_lossy(&head)
        );
    }

    let signalled = Instant::now();
    binary.terminate();

    // No new connections: the listener is closed at once (connections are refused).
    assert!(
        eventually(NO_HANG, || TcpStream::connect(addr).is_err()),
        "the server still accepts connections after SIGTERM"
    );
    let refused_after = signalled.elapsed();

    // The queries in flight are answered in full.
    for (i, query) in queries.iter_mut().enumerate() {
        let reply = read_reply(&mut query.stream);
        assert_eq!(reply.status, Some(200), "query {i}: {:.300}", reply.text);
        let head = reply
            .text
            .split("\r\n\r\n")
            .next()
            .unwrap()
            .to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .expect("Content-Length")
            .trim()
            .parse()
            .unwrap();
        assert_eq!(reply.body().len(), length, "query {i}: a truncated body");
        let body: serde_json::Value = serde_json::from_str(reply.body()).unwrap();
        let n: u64 = body["results"]["bindings"][0]["n"]["value"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(n, expected, "query {i}");
    }
    let answered_after = signalled.elapsed();

    // And the process exits, with 0.
    let exit = loop {
        if let Some(exit) = binary.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            signalled.elapsed() < NO_HANG * 2,
            "sco-kg serve did not exit after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(exit.code(), Some(0), "{exit}");
    println!(
        "refusing connections {refused_after:?} after SIGTERM; {IN_FLIGHT} queries answered \
         {answered_after:?} after it"
    );
}

/// A server whose log has no reader any more (`sco-kg serve 2>&1 | head`, a log collector that
/// died): each line it logs fails to be written. It still answers every request, and SIGTERM
/// still stops it, with 0. (Before: the log's report of its own failed write panicked on the
/// same closed stderr, in every request and in the task that stops the server, which then ran
/// on, deaf, until killed.)
#[test]
fn a_server_whose_log_is_closed_still_answers_and_stops_on_sigterm() {
    let mut binary = Binary::serve_with(&[], |command| {
        command
            .env("RUST_LOG", "info")
            .stderr(std::process::Stdio::piped());
    });
    drop(binary.child.stderr.take());
    let url = binary.url.clone();
    for _ in 0..3 {
        assert_eq!(
            count(&url, "SELECT (COUNT(*) AS ?n) WHERE { ?m a sco:Measure }"),
            139,
            "the plan's 139 measures"
        );
    }
    binary.terminate();
    let signalled = Instant::now();
    let exit = loop {
        if let Some(exit) = binary.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            signalled.elapsed() < NO_HANG,
            "sco-kg serve did not exit after SIGTERM with its log closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(exit.code(), Some(0), "{exit}");
}
