//! The ingest parser on arbitrary bytes: see `checks::ingest_parse`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::ingest_parse(data));
