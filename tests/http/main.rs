//! The service's handlers, in one test binary: the SPARQL protocol, linked data, pages, the API,
//! dumps, caches, limits and refusals. Every server serves the one state of the binary
//! (`support::state`: dumps, version, pages and lookup index computed once) under its test's
//! settings; through the router in-process where no connection is under test.

#[path = "../support/mod.rs"]
mod support;

mod robust_http;
mod robust_queries;
mod robust_sparql_syntax;
mod server_api;
mod server_cache;
mod server_dumps;
mod server_limits;
mod server_linked_data;
mod server_messages;
mod server_pages;
mod server_replay;
mod server_sparql;
