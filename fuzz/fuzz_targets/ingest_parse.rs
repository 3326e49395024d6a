//! The ingest parser on arbitrary bytes: `sco_kg::ingest::parse` returns a plan or a typed
//! error and never panics; a plan's fragments lie inside their source lines, on character
//! boundaries (what the accounting and the RDF source spans rely on).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sco_kg::ingest::{self, Fragment, Lexicon, Plan};

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| sco_kg::data::lexicon().expect("the embedded lexicon"));

fuzz_target!(|data: &[u8]| {
    match ingest::parse(data, &LEXICON) {
        Ok(plan) => check_fragments(data, &plan),
        Err(error) => {
            // The error names a line of the input (1-based).
            let lines = data.split(|&b| b == b'\n').count();
            assert!(
                error.line >= 1 && error.line <= lines.max(1),
                "line {} of {lines}: {error}",
                error.line
            );
            let _ = error.to_string();
        }
    }
});

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
