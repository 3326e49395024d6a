//! The fuzz targets' inputs worth keeping, replayed through exactly the checks the targets run
//! (`fuzz/checks.rs`, included here): every crashing input the fuzzers found (see
//! `fuzz/README.md`), and hand-picked edge cases, in `fuzz/regressions/<target>/`.

#[path = "../../fuzz/checks.rs"]
mod checks;

use std::path::PathBuf;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    out.sort();
    out
}

/// Runs `check` on every input of `target`, naming the input that fails.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let inputs = inputs(target);
    for (path, bytes) in &inputs {
        if let Err(panic) = std::panic::catch_unwind(|| check(bytes)) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("{}: {message}", path.display());
        }
    }
    inputs.len()
}

#[test]
fn ingest_parse_inputs_parse_or_fail_with_a_typed_error() {
    assert!(replay("ingest_parse", checks::ingest_parse) >= 5);
}

#[test]
fn request_params_inputs_are_answered_or_refused() {
    assert!(replay("request_params", checks::request_params) >= 5);
}

#[test]
fn sparql_guard_inputs_are_accepted_or_refused() {
    assert!(replay("sparql_guard", checks::sparql_guard) >= 5);
}

#[test]
fn query_bounds_inputs_stop_in_time_and_keep_within_their_estimates() {
    assert!(replay("query_bounds", checks::query_bounds) >= 5);
}

/// The hand-picked ingest inputs fail the way they should, with the line they fail at.
#[test]
fn edge_cases_of_the_source_get_their_errors() {
    use sco_kg::ingest::{parse, IngestErrorKind};
    let lexicon = sco_kg::data::lexicon().unwrap();
    let read = |name: &str| {
        std::fs::read(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("fuzz/regressions/ingest_parse")
                .join(name),
        )
        .unwrap()
    };
    let error = parse(&read("empty"), &lexicon).unwrap_err();
    assert_eq!(error.kind, IngestErrorKind::Empty);
    let error = parse(&read("blank-lines"), &lexicon).unwrap_err();
    assert_eq!(error.kind, IngestErrorKind::Empty);
    let error = parse(&read("not-utf8-after-valid-lines"), &lexicon).unwrap_err();
    assert!(
        matches!(error.kind, IngestErrorKind::NotUtf8 { .. }),
        "{error}"
    );
    let error = parse(&read("cut-inside-a-character"), &lexicon).unwrap_err();
    assert!(
        matches!(error.kind, IngestErrorKind::NotUtf8 { .. }),
        "{error}"
    );
    // The front matter alone: a plan without its table.
    assert!(parse(&read("only-the-front-matter"), &lexicon).is_err());
}
