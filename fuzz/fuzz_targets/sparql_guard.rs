//! The checks a query's text goes through before evaluation: see `checks::sparql_guard`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::sparql_guard(data));
