//! The library's behaviour through its API, in one test binary: ingest, link, graph, store,
//! lookup, pages, i18n, translations, the example gallery and the fuzz regressions. No server,
//! no subprocess: one graph for the whole binary (`support::graph`).

#[path = "../support/mod.rs"]
mod support;

mod examples;
mod fidelity;
mod fuzz_regressions;
mod glossary;
mod graph_queries;
mod i18n_messages;
mod ingest_accounting;
mod ingest_plan;
mod link_errors;
mod lookup_entity;
mod lookup_ranking;
mod lookup_relevance;
mod lookup_search;
mod pages_render;
mod places;
mod registry_reread;
mod reread_first_half;
mod reread_second_half;
mod scale;
mod store_checks;
mod store_limits;
mod store_results;
mod translations;
