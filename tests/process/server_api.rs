//! The operator's and the API client's side of a real service: the log the binary writes
//! (`--log-format`), and the OpenAPI description checked by openapi-spec-validator and the live
//! service held to it by schemathesis (Python tools `scripts/test` installs).

use crate::support::*;

/// Runs `sco-kg serve` with `extra` options and RUST_LOG=info, stderr piped (not a terminal),
/// asks it for `/healthz` and a query, stops it with SIGTERM, and returns its stderr's lines.
fn log_of_the_binary(extra: &[&str]) -> Vec<String> {
    use std::io::Read;
    use std::process::Stdio;

    let mut binary = Binary::serve_with(extra, |command| {
        command
            .env("RUST_LOG", "info")
            .env_remove("NO_COLOR")
            .stderr(Stdio::piped());
    });
    let url = binary.url.clone();
    let client = client();
    assert_eq!(
        client
            .get(format!("{url}/healthz"))
            .send()
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        client
            .get(format!("{url}/sparql?query={}", encode("ASK { ?s ?p ?o }")))
            .send()
            .unwrap()
            .status(),
        200
    );
    binary.terminate();
    let mut stderr = String::new();
    binary
        .child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let exit = binary.child.wait().unwrap();
    assert_eq!(exit.code(), Some(0), "{exit}: {stderr}");
    let lines: Vec<String> = stderr.lines().map(str::to_string).collect();
    assert!(
        lines.iter().any(|l| l.contains("/healthz")),
        "no line of the request: {stderr}"
    );
    lines
}

#[test]
fn the_binary_logs_json_lines_or_plain_text_off_a_terminal() {
    let json = log_of_the_binary(&["--log-format", "json"]);
    for line in &json {
        let object: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        assert!(object["level"].is_string(), "{line}");
        assert!(object["timestamp"].is_string(), "{line}");
    }
    let request = json
        .iter()
        .find(|l| l.contains("/sparql"))
        .expect("a line of the query");
    let request: serde_json::Value = serde_json::from_str(request).unwrap();
    assert_eq!(request["level"], "INFO");

    // Without the option, and with stderr not a terminal: text without colour codes.
    let text = log_of_the_binary(&[]);
    for line in &text {
        assert!(
            !line.contains("\x1b["),
            "a colour code off a terminal: {line:?}"
        );
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_err(),
            "{line}"
        );
    }
}

/// Runs a Python tool installed by `scripts/test`, failing the test with its output unless it
/// exits 0.
fn run_tool(program: &str, args: &[&str], dir: &std::path::Path) {
    let output = std::process::Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not be run ({e}): scripts/test installs it"));
    assert!(
        output.status.success(),
        "{program} {args:?}: {}\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn openapi_document_is_valid_and_the_live_service_keeps_to_it() {
    let server = start(config());
    let base = server.url();
    let spec = format!("{base}/api/openapi.json");
    let dir = tempfile::tempdir().unwrap();

    // The document against the OpenAPI 3.1 meta-schema, by a validator nobody here wrote.
    run_tool(
        "python3",
        &[
            "-c",
            "import sys, json, urllib.request\n\
             from openapi_spec_validator import validate\n\
             validate(json.load(urllib.request.urlopen(sys.argv[1])))",
            &spec,
        ],
        dir.path(),
    );
    // The live service against the document: schemathesis sends requests generated from it,
    // valid and invalid, and checks every answer (status, media type, headers, body schema;
    // valid requests accepted, invalid ones refused). Bounded (30 examples per operation,
    // a fixed seed, no example database) so that a run is short and repeatable.
    let bounded = [
        "--max-examples",
        "30",
        "--seed",
        "1",
        "--generation-database",
        "none",
        "--no-color",
        "--request-timeout",
        "60",
    ];
    let mut args = vec!["run", spec.as_str(), "--checks", "all"];
    args.extend(bounded);
    args.extend(["--include-path-regex", "^/(api/|healthz|readyz)"]);
    run_tool("schemathesis", &args, dir.path());
    // /sparql too, every check but one: no JSON Schema can say which strings are SPARQL, so
    // a "valid" query string generated from `type: string` is refused with a 400, rightly.
    // The SPARQL side has its own tests (tests/http/server_sparql.rs, tests/process/clients.rs).
    let mut args = vec!["run", spec.as_str(), "--checks", "all"];
    args.extend(bounded);
    args.extend([
        "--include-path",
        "/sparql",
        "--exclude-checks",
        "positive_data_acceptance",
    ]);
    run_tool("schemathesis", &args, dir.path());
}
