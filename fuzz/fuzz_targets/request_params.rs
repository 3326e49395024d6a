//! Request-parameter handling on arbitrary input: see `checks::request_params`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::request_params(data));
