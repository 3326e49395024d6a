//! The limits that keep a public endpoint alive, over real HTTP: a runaway query is stopped
//! (really: its slot comes back) while other queries are answered; a disconnecting client
//! cancels its query; too many queries at once get 503 with Retry-After; hostile query shapes
//! get an answer, not a crash; shutdown lets in-flight requests finish. (The real binary's
//! SIGTERM and memory budget: tests/process/server_limits.rs.)

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::support::*;
use reqwest::StatusCode;

/// How long anything may take before the test calls it a hang.
const NO_HANG: Duration = Duration::from_secs(60);

/// A quick query never asked before (see [`fresh_query`]): an answer from the cache would need
/// no slot, and say nothing of the slots.
fn simple_query(url: &str) -> reqwest::blocking::Response {
    client()
        .get(format!("{url}/sparql?query={}", encode(&fresh_query())))
        .send()
        .expect("answers")
}

fn slow_query(url: &str) -> reqwest::blocking::Response {
    client()
        .get(format!("{url}/sparql?query={}", encode(SLOW_QUERY)))
        .send()
        .expect("answers")
}

#[test]
fn a_runaway_query_times_out_while_a_simple_query_is_answered() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(Config {
        timeout: Duration::from_secs(1),
        max_concurrent: 2,
        ..config()
    });
    let url = server.url();
    let slow = {
        let url = url.clone();
        std::thread::spawn(move || slow_query(&url))
    };
    // While the slow query runs, a simple one is answered.
    std::thread::sleep(Duration::from_millis(200));
    let quick = simple_query(&url);
    assert_eq!(quick.status(), StatusCode::OK);
    assert!(quick.text().unwrap().contains("true"));
    let slow = slow.join().unwrap();
    assert_eq!(slow.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        header(&slow, "content-type").as_deref(),
        Some("text/plain; charset=utf-8")
    );
    let message = slow.text().unwrap();
    assert!(message.contains("stopped after 1 s"), "{message}");
}

#[test]
fn a_timed_out_query_really_stops_and_frees_its_slot() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(Config {
        timeout: Duration::from_secs(1),
        max_concurrent: 1,
        ..config()
    });
    let url = server.url();
    let response = slow_query(&url);
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    // The slot is held by the evaluating thread itself: it comes back only once the
    // evaluation has stopped. Were it still running, every query would get 503 Busy.
    assert!(eventually(NO_HANG, || simple_query(&url).status() == StatusCode::OK));
}

#[test]
fn beyond_the_concurrency_limit_queries_get_503_with_retry_after() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(Config {
        timeout: Duration::from_secs(1),
        max_concurrent: 1,
        ..config()
    });
    let url = server.url();
    // The slow query holds the only slot: the next query is turned away at once.
    let (mut slow, busy) = hold_the_only_slot(&server);
    let retry: u64 = header(&busy, "retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!(retry >= 1);
    assert!(busy.text().unwrap().contains("too many queries"));
    // Other routes do not queue behind queries.
    let dump = client()
        .get(format!("{url}/dump/sco-kg.nt"))
        .send()
        .unwrap();
    assert_eq!(dump.status(), StatusCode::OK);
    // The slow query times out, and its slot comes back.
    let mut answer = String::new();
    slow.set_read_timeout(Some(NO_HANG)).unwrap();
    slow.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("stopped after 1 s"), "{answer}");
    assert!(eventually(NO_HANG, || simple_query(&url).status() == StatusCode::OK));
}

/// Sends the slow query on a connection of its own and returns once it holds the only query
/// slot (a simple query is then refused, which is returned too).
fn hold_the_only_slot(server: &Background) -> (TcpStream, reqwest::blocking::Response) {
    let mut slow = RawQuery::send(server.local_addr(), SLOW_QUERY);
    let start = std::time::Instant::now();
    loop {
        assert!(
            start.elapsed() < NO_HANG,
            "the slow query never got the slot"
        );
        let response = simple_query(&server.url());
        if response.status() == StatusCode::SERVICE_UNAVAILABLE {
            return (slow.stream, response);
        }
        slow.resend_if_refused();
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_client_that_hangs_up_cancels_its_query() {
    let _one_at_a_time = crate::support::one_at_a_time();
    // A timeout far beyond the test's patience: only the disconnection can stop the query.
    let server = start(Config {
        timeout: Duration::from_secs(3600),
        max_concurrent: 1,
        ..config()
    });
    let url = server.url();
    let (stream, _busy) = hold_the_only_slot(&server);
    drop(stream);
    // Hanging up cancels it: the slot comes back long before the timeout.
    assert!(eventually(NO_HANG, || simple_query(&url).status() == StatusCode::OK));
}

#[test]
fn hostile_query_shapes_are_answered_not_crashed_on() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(config());
    let url = server.url();
    let depth = 20_000;
    let shapes = [
        format!("SELECT * WHERE {}{}", "{".repeat(depth), "}".repeat(depth)),
        format!(
            "SELECT * WHERE {{ FILTER({}1{}) }}",
            "(".repeat(depth),
            ")".repeat(depth)
        ),
        format!("SELECT ({}true AS ?x) {{}}", "!".repeat(depth * 2)),
        format!("SELECT ({} AS ?x) {{}}", vec!["1"; depth].join("+")),
        format!(
            "SELECT * WHERE {{ {} }}",
            vec!["{}"; depth / 4].join(" UNION ")
        ),
        format!(
            "SELECT * WHERE {{ ?s {} ?o }}",
            vec!["sco:x"; depth / 4].join("/")
        ),
        format!(
            "SELECT * WHERE {{ ?s sco:p {}1{} }}",
            "(".repeat(depth),
            ")".repeat(depth)
        ),
        format!(
            "SELECT * WHERE {}{}",
            "{SELECT * {".repeat(depth / 8),
            "}}".repeat(depth / 8)
        ),
    ];
    for query in shapes {
        let response = client()
            .post(format!("{url}/sparql"))
            .header("content-type", "application/sparql-query")
            .body(query.clone())
            .send()
            .expect("the server is still there");
        let status = response.status();
        assert!(
            status.is_success()
                || status.is_client_error()
                || status == StatusCode::SERVICE_UNAVAILABLE,
            "{status} for {:.40}",
            query
        );
    }
    assert_eq!(simple_query(&url).status(), StatusCode::OK);
}

#[test]
fn a_product_too_coarse_to_cancel_is_refused_before_evaluation() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(config());
    let response = client()
        .get(format!(
            "{}/sparql?query={}",
            server.url(),
            encode(CUBED_QUERY)
        ))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let message = response.text().unwrap();
    assert!(message.contains("Cartesian product"), "{message}");
    // Related patterns of the same size are fine.
    let related = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?c ?e ?f . ?f ?h ?i }";
    let response = client()
        .get(format!("{}/sparql?query={}", server.url(), encode(related)))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[test]
fn shutdown_lets_the_request_in_flight_finish() {
    let _one_at_a_time = crate::support::one_at_a_time();
    let server = start(config());
    let url = server.url();
    let query = "ASK { ?s ?p ?o }";
    // A request whose body is still arriving when the shutdown comes.
    let mut stream = TcpStream::connect(server.local_addr()).unwrap();
    write!(
        stream,
        "POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{}",
        query.len(),
        &query[..5]
    )
    .unwrap();
    stream.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let handle = server.shutdown_handle();
    handle.shutdown();
    std::thread::sleep(Duration::from_millis(300));
    // No new connections are taken.
    assert!(
        eventually(NO_HANG, || client()
            .get(format!("{url}/source"))
            .timeout(Duration::from_secs(2))
            .send()
            .is_err()),
        "the server still accepts connections after shutdown"
    );
    // The request in flight is answered in full.
    stream.write_all(&query.as_bytes()[5..]).unwrap();
    stream.flush().unwrap();
    stream.set_read_timeout(Some(NO_HANG)).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"boolean\":true"), "{answer}");
    // And the server stops.
    server.shutdown().expect("a clean stop");
}
