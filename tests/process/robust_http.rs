//! What the real binary logs of requests with huge targets: short lines, no ERROR for a refusal.

use crate::support::raw::*;
use crate::support::*;

/// The binary's log, at INFO, of requests with 20 KB targets: no line longer than 1 KB, the
/// cut says so, and the refusals among them are no ERROR lines.
#[test]
fn long_targets_do_not_flood_the_log() {
    use std::io::Read;
    use std::process::Stdio;

    let mut binary = Binary::serve_with(&[], |command| {
        command
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .stderr(Stdio::piped());
    });
    // Read the log as it comes, so that the server never waits on a full pipe.
    let mut stderr = binary.child.stderr.take().unwrap();
    let log = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let addr = binary.addr();

    let padding = "x".repeat(20_000);
    // Answered (three times: the third is replayed), refused as not SPARQL, not found.
    let answered = format!("/sparql?query=ASK%7B%7D%23{padding}");
    for _ in 0..3 {
        assert_eq!(get_raw(addr, answered.as_bytes(), &[]).status, Some(200));
    }
    let refused = format!("/sparql?query={padding}");
    assert_eq!(get_raw(addr, refused.as_bytes(), &[]).status, Some(400));
    let missing = format!("/page/{padding}");
    assert_eq!(get_raw(addr, missing.as_bytes(), &[]).status, Some(404));

    // Ending the process closes its stderr, which ends the reader.
    drop(binary);
    let log = log.join().unwrap();
    assert!(log.contains("more bytes not logged"), "{log:.2000}");
    assert!(log.contains("replayed"), "{log:.2000}");
    for line in log.lines() {
        assert!(
            line.len() <= 1024,
            "a log line of {} bytes: {line:.300}…",
            line.len()
        );
        assert!(!line.contains("ERROR"), "{line}");
    }
}
