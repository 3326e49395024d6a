//! How long each stage of the pipeline takes on the embedded data, and each analyst question of
//! the example gallery in-process.
// criterion_group! defines a public function without a doc comment, which missing_docs
// ([lints] in Cargo.toml) would refuse.
#![allow(missing_docs)]

/// The binary's allocator (src/main.rs), so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, Criterion};

use sco_kg::graph::Base;
use sco_kg::store::{KnowledgeGraph, QueryOptions};
use sco_kg::{data, examples, graph, ingest, link};

fn stages(c: &mut Criterion) {
    let lexicon = data::lexicon().unwrap();
    let source = data::source();
    let text = std::str::from_utf8(source).unwrap().to_string();
    c.bench_function("ingest: parse the whole plan", |b| {
        b.iter(|| ingest::parse(std::hint::black_box(source), &lexicon).unwrap())
    });
    c.bench_function("link: registry + translations + linking", |b| {
        b.iter(|| link::link_plan(ingest::parse(source, &lexicon).unwrap()).unwrap())
    });
    let linked = link::embedded().unwrap();
    c.bench_function("graph: build the triples", |b| {
        b.iter(|| graph::build(&linked, &text, &Base::default()))
    });
    c.bench_function(
        "whole graph: parse, link, build, index (labels, counts, version beside)",
        |b| b.iter(|| KnowledgeGraph::embedded(Base::default()).unwrap()),
    );
}

/// Every analyst question of the example gallery, evaluated and its rows read, in-process.
fn analyst_queries(c: &mut Criterion) {
    let kg = KnowledgeGraph::embedded(Base::default()).unwrap();
    let mut group = c.benchmark_group("query");
    for example in examples::all().unwrap() {
        group.bench_function(example.id.as_str(), |b| {
            b.iter(|| examples::run(&kg, &example.query).unwrap())
        });
    }
    group.finish();
    let options = QueryOptions::default();
    c.bench_function("query: co-executors of RATS", |b| {
        b.iter(|| {
            kg.query("SELECT DISTINCT ?body WHERE { ?m sco:executor body:rats , ?body FILTER(?body != body:rats) }", &options)
                .unwrap()
        })
    });
}

criterion_group!(benches, stages, analyst_queries);
criterion_main!(benches);
