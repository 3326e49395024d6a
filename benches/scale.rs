//! How cost grows with the corpus, in-process: the graph ×N (`KnowledgeGraph::embedded_scaled`,
//! src/store/scale.rs), the time of each stage of building it and of what the server builds at
//! start, then p50 and p99 of every analyst question of the gallery, run as the server runs
//! them (the checks on, the server's timeout and memory budget).
//!
//! ```sh
//! cargo bench --bench scale -- --scale 10 [--runs 200] [--seconds 3] [--stages-only]
//! ```
//!
//! Each query runs until `--runs` runs or `--seconds` seconds, whichever comes first (at least 5
//! runs). Lines scripts/bench-scale reads: `STAGE name ms`, `SIZE name bytes`, `QUERY id p50_ms p99_ms runs rows`
//! (rows of the last run; a refusal or an error prints `QUERY id - - 0 error: …`).

/// The binary's allocator (src/main.rs), so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: sco_kg::store::CountingAllocator<mimalloc::MiMalloc> =
    sco_kg::store::CountingAllocator(mimalloc::MiMalloc);

use std::num::NonZeroUsize;
use std::sync::Arc;
use std::time::{Duration, Instant};

use sco_kg::export::{self, DumpFormat};
use sco_kg::graph::Base;
use sco_kg::store::{Answer, KnowledgeGraph, QueryOptions};
use sco_kg::{examples, graph, link, server};

struct Settings {
    scale: NonZeroUsize,
    runs: usize,
    seconds: f64,
    stages_only: bool,
}

fn settings() -> Settings {
    let mut settings = Settings {
        scale: NonZeroUsize::MIN,
        runs: 200,
        seconds: 3.0,
        stages_only: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| panic!("{name} needs a value"))
        };
        match arg.as_str() {
            "--scale" => {
                settings.scale = value("--scale")
                    .parse()
                    .expect("--scale: a whole number, at least 1")
            }
            "--runs" => settings.runs = value("--runs").parse().expect("--runs: a number"),
            "--seconds" => {
                settings.seconds = value("--seconds").parse().expect("--seconds: a number")
            }
            "--stages-only" => settings.stages_only = true,
            // What `cargo bench` passes to every bench (and a name filter): not ours.
            _ => {}
        }
    }
    settings
}

/// Runs `f`, prints how long it took as a `STAGE` line, and returns its value.
fn stage<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let value = f();
    println!("STAGE {name} {:.1}", started.elapsed().as_secs_f64() * 1e3);
    value
}

/// The stages of `KnowledgeGraph::embedded_scaled` one by one, then the graph itself.
fn stages(scale: NonZeroUsize) -> Arc<KnowledgeGraph> {
    let base = Base::default();
    let linked = stage("link: parse and link the plan", || {
        link::embedded().unwrap()
    });
    let source = std::str::from_utf8(sco_kg::data::source())
        .unwrap()
        .to_string();
    let triples = stage("graph: the plan's triples", || {
        graph::build(&linked, &source, &base)
    });
    let scaled = stage("scale: copies, sorted", || {
        sco_kg::store::scale_triples(triples, &base, scale)
    });
    println!("TRIPLES {}", scaled.len());
    drop(scaled);
    let graph = Arc::new(stage(
        "graph ×N: whole (link, triples, copies, index, counts, version)",
        || KnowledgeGraph::embedded_scaled(base, scale).unwrap(),
    ));
    // The graph's own counts came with its index (on the other core); built again here, alone,
    // so that the stage says what they cost.
    stage("counts: pattern counts", || {
        sco_kg::store::PatternCounts::new(&graph.triples)
    });
    // The graph's own version came with its index too (beside its build); computed again here.
    stage("version: the canonical form's digest", || {
        export::triples_version(&graph.triples).unwrap()
    });
    stage("lookup: the entity index", || {
        graph.lookup();
    });
    stage("pages: the pages' index", || {
        sco_kg::pages::Pages::new(&graph)
    });
    for format in DumpFormat::ALL {
        let bytes = stage(&format!("dump: {}", format.file_name()), || {
            export::serialise(&graph, format).unwrap().len()
        });
        println!("SIZE dump: {} {bytes}", format.file_name());
    }
    graph
}

/// The percentile `p` (0 to 100) of sorted durations, in milliseconds.
fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1e3
}

fn rows(answer: &Answer) -> usize {
    match answer {
        Answer::Solutions { rows, .. } => rows.len(),
        Answer::Boolean(_) => 1,
        Answer::Graph(triples) => triples.len(),
    }
}

fn main() {
    let settings = settings();
    println!("SCALE {}", settings.scale);
    let started = Instant::now();
    let graph = stages(settings.scale);
    // What the server builds at start besides (dumps, version, pages, lookup, counts), as the
    // server does it: its state over this graph.
    let config = server::Config::default();
    let state = stage(
        "server state: everything the server builds at start",
        || {
            server::AppState::new(
                Arc::clone(&graph),
                config.clone(),
                "127.0.0.1:0".parse().unwrap(),
            )
            .unwrap()
        },
    );
    drop(state);
    println!(
        "STAGE all stages {:.1}",
        started.elapsed().as_secs_f64() * 1e3
    );
    if settings.stages_only {
        return;
    }
    // The server's limits on a query.
    let options = QueryOptions {
        timeout: Some(config.timeout),
        max_results: Some(config.max_results),
        max_memory: Some(config.max_query_memory),
        ..QueryOptions::default()
    };
    let budget = Duration::from_secs_f64(settings.seconds);
    for example in examples::all().unwrap() {
        let parsed = match graph.parse(&example.query) {
            Ok(parsed) => parsed,
            Err(e) => {
                println!("QUERY {} - - 0 error: {e}", example.id);
                continue;
            }
        };
        let mut times = Vec::new();
        let mut last = Ok(0);
        let began = Instant::now();
        while times.len() < 5 || (times.len() < settings.runs && began.elapsed() < budget) {
            let run = Instant::now();
            // Parsed once, evaluated and collected each time: what the server does for a
            // query it has not seen (its text is parsed once per request too, and quickly).
            last = graph
                .evaluate(parsed.clone(), &options)
                .map(|answer| rows(&answer));
            times.push(run.elapsed());
            if last.is_err() {
                break;
            }
        }
        match last {
            Ok(rows) => {
                times.sort();
                println!(
                    "QUERY {} {:.3} {:.3} {} {rows}",
                    example.id,
                    percentile(&times, 50.0),
                    percentile(&times, 99.0),
                    times.len()
                );
            }
            Err(e) => println!("QUERY {} - - 0 error: {e}", example.id),
        }
    }
}
