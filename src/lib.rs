//! sco-kg: the SCO Action Plan 2021–2025 as a multilingual knowledge graph.
//!
//! Data flows one way, one stage a module:
//! source text → [`ingest`] (typed model) → [`link`] (entities) → [`graph`] (triples) →
//! [`store`] (an index, Oxigraph's SPARQL evaluator over it, under the [`store::checks`]) →
//! [`server`] / the CLI. Beside
//! them: [`data`] (the embedded files), [`i18n`] (every user-facing string, Fluent),
//! [`lookup`] (finding entities by name), [`pages`] (HTML), [`export`] (dumps), [`examples`]
//! (the query gallery).
//!
//! Each stage keeps its files private and re-exports what others use; the types most programs
//! need are re-exported here:
//!
//! ```no_run
//! use sco_kg::{Base, KnowledgeGraph, QueryOptions};
//!
//! let graph = KnowledgeGraph::embedded(Base::default())?;
//! let answer = graph.query("ASK { ?m a sco:Measure }", &QueryOptions::default())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Queries are checked before they run (nesting, size, Cartesian products, string growth) and
//! bounded in time and memory by [`QueryOptions`]; `examples/embed.rs` also serves the graph.

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

pub use graph::Base;
pub use ingest::Plan;
pub use server::{router, spawn, Config};
pub use store::{Answer, KnowledgeGraph, QueryError, QueryOptions};
