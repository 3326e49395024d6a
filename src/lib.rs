//! sco-kg: the SCO Action Plan 2021–2025 as a multilingual knowledge graph.
//!
//! Data flows one way, one stage a module:
//! source text → [`ingest`] (typed model) → `link` (entities) → `graph` (triples) →
//! `store` (Oxigraph) → `server` / the CLI.

pub mod data;
pub mod examples;
pub mod export;
pub mod graph;
pub mod i18n;
pub mod ingest;
pub mod link;
pub mod lookup;
pub mod pages;
pub mod server;
pub mod store;
