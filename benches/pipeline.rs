//! How long each stage of the pipeline takes on the embedded data.

use criterion::{criterion_group, criterion_main, Criterion};

use sco_kg::{data, ingest};

fn parse(c: &mut Criterion) {
    let lexicon = data::lexicon().unwrap();
    let source = data::source();
    c.bench_function("ingest: parse the whole plan", |b| {
        b.iter(|| ingest::parse(std::hint::black_box(source), &lexicon).unwrap())
    });
}

criterion_group!(benches, parse);
criterion_main!(benches);
