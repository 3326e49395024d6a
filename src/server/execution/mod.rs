//! Running queries under the server's limits: the queue and its slots, the worker threads and
//! the turn to run a light query in place, the bytes in flight and the answer cache.

pub(crate) mod answers;
pub(crate) mod in_flight;
pub(crate) mod in_place;
pub(crate) mod query;
pub(crate) mod workers;
