//! Queries the checks accept, evaluated within a deadline and a memory budget: see
//! `checks::query_bounds`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

// As in the server: each query's allocations are counted against its budget.
#[global_allocator]
static ALLOCATOR: sco_kg::store::CountingAllocator<std::alloc::System> =
    sco_kg::store::CountingAllocator(std::alloc::System);

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::query_bounds(data));
