//! Running queries under the server's limits: the queue and its slots, the worker threads,
//! the bytes in flight and the answer cache.

pub mod answers;
pub mod in_flight;
pub mod query;
pub mod workers;
