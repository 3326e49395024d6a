//! Embedding sco-kg: build the graph, query it in-process, serve it over SPARQL 1.1.
//!
//! The code of the README's "Using the library", compiled by `cargo test` so that it cannot
//! drift from the API. `cargo run --example embed`; Enter stops the server.

use std::sync::Arc;
use std::time::Duration;

use sco_kg::graph::Base;
use sco_kg::server::{spawn, Config};
use sco_kg::store::{KnowledgeGraph, QueryError, QueryOptions, ResultFormat};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let graph = Arc::new(KnowledgeGraph::embedded(Base::default())?);
    // The graph's prefixes are declared; the checks apply unless `unchecked: true`.
    let options = QueryOptions {
        timeout: Some(Duration::from_secs(5)),
        ..Default::default()
    };
    let query = "SELECT ?n WHERE { ?m sco:executor body:interbank-consortium ; sco:number ?n }
                 ORDER BY ?n";
    match graph.query(query, &options) {
        Ok(answer) => {
            if let Some(table) = answer.write(ResultFormat::Table, &graph.prefixes()) {
                print!("{}", String::from_utf8_lossy(&table?));
            }
        }
        Err(QueryError::Refused(refusal)) => eprintln!("refused before it ran: {refusal}"),
        Err(e) => return Err(e.into()),
    }
    // The same graph on HTTP, on a thread of its own (port 0: any free port).
    let config = Config {
        bind: "127.0.0.1:0".into(),
        ..Config::default()
    };
    let server = spawn(config, graph)?;
    println!("{}/sparql (Enter stops it)", server.url());
    std::io::stdin().read_line(&mut String::new())?;
    server.shutdown()?;
    Ok(())
}
