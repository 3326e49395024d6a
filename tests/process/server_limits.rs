//! The limits of the real binary: SIGTERM stops `sco-kg serve` gracefully, and its allocator
//! holds a query to its memory budget (`--max-query-mb`), the process staying small.

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

#[test]
fn sigterm_stops_the_binary_gracefully() {
    let mut binary = Binary::serve(&[], &[("RUST_LOG", "warn")]);
    let url = binary.url.clone();
    assert!(!url.ends_with(":0"), "{url} is the bound port");
    assert_eq!(simple_query(&url).status(), StatusCode::OK);
    binary.terminate();
    let start = std::time::Instant::now();
    let exit = loop {
        if let Some(exit) = binary.child.try_wait().unwrap() {
            break exit;
        }
        assert!(start.elapsed() < NO_HANG, "sco-kg serve ignored SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit}");
}

/// The peak resident memory of a process, from /proc (VmHWM), in bytes.
fn peak_resident(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kilobytes: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("VmHWM");
    kilobytes * 1024
}

/// The real binary (its allocator counts each query's memory) with a 64 MB budget a query:
/// queries that would take gigabytes are stopped with a message, the process stays small, and
/// it answers on. The hardening issue measured 2.2 GB for the GROUP_CONCAT over a product.
#[test]
fn the_binary_stops_a_query_at_its_memory_budget() {
    let binary = Binary::serve(
        &["--max-query-mb", "64", "--timeout", "60"],
        &[("RUST_LOG", "warn")],
    );
    let url = binary.url.clone();
    let before = peak_resident(binary.child.id());
    for query in [
        "SELECT (GROUP_CONCAT(STR(?c)) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?f }",
        "SELECT (GROUP_CONCAT(CONCAT(STR(?a), STR(?c), STR(?f))) AS ?all) \
         WHERE { ?a ?b ?c . ?d ?e ?f }",
    ] {
        let response = client()
            .get(format!("{url}/sparql?query={}", encode(query)))
            .send()
            .expect("answers");
        let status = response.status();
        let body = response.text().unwrap();
        assert_eq!(
            status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "{query}: {body:.300}"
        );
        assert!(body.contains("more than 64 MB of memory"), "{body}");
    }
    let peak = peak_resident(binary.child.id());
    assert_eq!(simple_query(&url).status(), StatusCode::OK);
    drop(binary);
    // The budget, its overshoot by one row, and the allocator's slack: far from gigabytes.
    assert!(
        peak < before + (256 << 20),
        "peak {} MB, {} MB at start",
        peak >> 20,
        before >> 20
    );
}
