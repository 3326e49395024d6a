//! Clients nobody here wrote, used as analysts use them, against a server this test starts:
//! SPARQLWrapper on `/sparql` (every return format, SELECT, ASK, CONSTRUCT, DESCRIBE, and the
//! exceptions it raises for our 400 and 500) and rdflib on the linked data (a resource's URL per
//! format, its IRI negotiated by rdflib, the Turtle dump). The scripts are `tests/clients/*.py`;
//! their expected values come from the repository's data (the registry, the source text), never
//! from the service. `scripts/test` installs both libraries; without them the test fails.

use crate::support::*;

/// Runs `tests/clients/{script}` with `args`, failing the test with its output unless it
/// exits 0. The output is printed either way (`cargo test -- --nocapture` shows the counts).
fn run_script(script: &str, args: &[&str]) {
    let path = format!("{}/tests/clients/{script}", env!("CARGO_MANIFEST_DIR"));
    let output = std::process::Command::new("python3")
        .arg(&path)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("python3 could not be run ({e}): scripts/test installs it"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{script}:\n{stdout}{stderr}");
    assert!(
        output.status.success(),
        "{script} {args:?}: {}\n{stdout}\n{stderr}",
        output.status
    );
    // A script that ran no check has proved nothing.
    assert!(
        stdout.contains(" checks passed, 0 failed"),
        "{script}: no count of checks\n{stdout}"
    );
}

#[test]
fn sparqlwrapper_gets_every_format_and_the_right_exceptions() {
    let server = start(config());
    // A server whose answers may hold 5 rows or triples: a SELECT of every triple is refused
    // with the 500 that tells how to page.
    let limited = start(Config {
        max_results: 5,
        ..config()
    });
    run_script(
        "sparqlwrapper_client.py",
        &[
            &format!("{}/sparql", server.url()),
            &format!("{}/sparql", limited.url()),
        ],
    );
}

#[test]
fn rdflib_loads_resources_and_the_dump() {
    let server = start(config());
    run_script("rdflib_client.py", &[&server.url()]);
}

/// The gallery's questions in rdflib over the Turtle dump give the rows the examples write, as
/// the endpoint does: a consumer who loads the dump gets the analysts' answers.
#[test]
fn the_gallery_gives_the_same_answers_in_rdflib_over_the_dump() {
    let server = start(config());
    run_script("rdflib_gallery.py", &[&server.url()]);
}
