//! Lookup over the whole index: ~60 realistic queries in the three languages.
//!
//! `cargo bench --bench lookup` prints, before criterion's means, the p50, p99 and maximum of
//! single queries measured with `std::time::Instant` (every query of the list, many rounds).

/// The binary's allocator (src/main.rs), so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};

use sco_kg::graph::Base;
use sco_kg::lookup::{EntityKind, Lang, LookupIndex, LookupOptions};
use sco_kg::store::KnowledgeGraph;

/// (query, language of the labels wanted).
const QUERIES: [(&str, Lang); 58] = [
    // Russian: labels, inflected forms, abbreviations, prefixes, typos, text words.
    ("Секретариат ШОС", Lang::Ru),
    ("Секретариатом", Lang::Ru),
    ("РАТС", Lang::Ru),
    ("Межбанковского объединения", Lang::Ru),
    ("МБО", Lang::Ru),
    ("ОДКБ", Lang::Ru),
    ("МФЦА", Lang::Ru),
    ("Зеленый пояс", Lang::Ru),
    ("Душанбе", Lang::Ru),
    ("Межбан", Lang::Ru),
    ("Секрет", Lang::Ru),
    ("Совет министров иностранных дел", Lang::Ru),
    ("Деловой совет", Lang::Ru),
    ("Казахстан", Lang::Ru),
    ("Секретарият", Lang::Ru),
    ("терроризм", Lang::Ru),
    ("наркотических средств", Lang::Ru),
    ("туризма", Lang::Ru),
    ("с", Lang::Ru),
    ("Мероприятие 14", Lang::Ru),
    // English.
    ("interbank", Lang::En),
    ("Secre", Lang::En),
    ("Secretariet", Lang::En),
    ("RATS", Lang::En),
    ("AIFC", Lang::En),
    ("CSTO", Lang::En),
    ("Dushanbe", Lang::En),
    ("green belt", Lang::En),
    ("Council of Heads of State", Lang::En),
    ("anti-drug", Lang::En),
    ("Business Council", Lang::En),
    ("India", Lang::En),
    ("Security cooperation", Lang::En),
    ("cooperation", Lang::En),
    ("the", Lang::En),
    ("measure 14", Lang::En),
    ("14", Lang::En),
    ("Action Plan 2021-2025", Lang::En),
    ("tourism", Lang::En),
    ("Interbnk", Lang::En),
    // Chinese.
    ("反恐", Lang::Zh),
    ("上海合作组织秘书处", Lang::Zh),
    ("杜尚别", Lang::Zh),
    ("银联体", Lang::Zh),
    ("绿色之带", Lang::Zh),
    ("禁毒", Lang::Zh),
    ("元首理事会", Lang::Zh),
    ("哈萨克斯坦", Lang::Zh),
    ("第14项措施", Lang::Zh),
    ("合作", Lang::Zh),
    // Expansions from data/lookup/ (each runs several searches) and typos by word length.
    ("上合", Lang::Zh),
    ("上合秘书处", Lang::Zh),
    ("ШОС RATS", Lang::En),
    ("ДС ШОС", Lang::Ru),
    ("Решение № 1", Lang::Ru),
    ("drones", Lang::En),
    ("Kirgizstan", Lang::En),
    ("Charter", Lang::En),
];

fn percentiles(index: &LookupIndex) {
    let rounds = 200;
    let mut samples: Vec<Duration> = Vec::with_capacity(rounds * QUERIES.len());
    let mut per_query: Vec<Vec<Duration>> = vec![Vec::with_capacity(rounds); QUERIES.len()];
    for (q, lang) in QUERIES {
        // Warm up.
        std::hint::black_box(index.search(q, &LookupOptions::new(lang)));
    }
    for _ in 0..rounds {
        for (i, (q, lang)) in QUERIES.iter().enumerate() {
            let opts = LookupOptions::new(*lang);
            let start = Instant::now();
            std::hint::black_box(index.search(std::hint::black_box(q), &opts));
            let took = start.elapsed();
            samples.push(took);
            per_query[i].push(took);
        }
    }
    let at = |samples: &mut Vec<Duration>, p: f64| {
        samples.sort();
        samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)]
    };
    println!(
        "lookup, single queries ({} queries × {rounds} rounds = {} samples): p50 {:?}, p90 {:?}, p99 {:?}, max {:?}",
        QUERIES.len(),
        samples.len(),
        at(&mut samples, 0.50),
        at(&mut samples, 0.90),
        at(&mut samples, 0.99),
        samples[samples.len() - 1]
    );
    let mut by_query: Vec<(Duration, Duration, &str)> = per_query
        .iter_mut()
        .zip(QUERIES)
        .map(|(s, (q, _))| (at(s, 0.5), at(s, 0.99), q))
        .collect();
    by_query.sort_by_key(|q| std::cmp::Reverse(q.0));
    let slowest: Vec<String> = by_query
        .iter()
        .take(5)
        .map(|(p50, p99, q)| format!("{q:?} p50 {p50:?} p99 {p99:?}"))
        .collect();
    println!("slowest queries: {}", slowest.join("; "));
}

fn lookup(c: &mut Criterion) {
    let kg = KnowledgeGraph::embedded(Base::default()).unwrap();
    let start = Instant::now();
    let index = LookupIndex::new(&kg);
    println!(
        "lookup index: {} entities, built in {:?}",
        index.len(),
        start.elapsed()
    );
    percentiles(&index);

    c.bench_function("lookup: build the index", |b| {
        b.iter(|| LookupIndex::new(std::hint::black_box(&kg)))
    });
    c.bench_function(
        &format!("lookup: the {} queries, one after another", QUERIES.len()),
        |b| {
            b.iter(|| {
                for (q, lang) in QUERIES {
                    std::hint::black_box(index.search(q, &LookupOptions::new(lang)));
                }
            })
        },
    );
    for (q, lang) in [
        ("Секретариатом", Lang::Ru),
        ("反恐", Lang::Zh),
        ("Secretariet", Lang::En),
    ] {
        c.bench_function(&format!("lookup: {q}"), |b| {
            b.iter(|| index.search(std::hint::black_box(q), &LookupOptions::new(lang)))
        });
    }
    let measures = LookupOptions {
        types: Some(vec![EntityKind::Measure]),
        ..LookupOptions::new(Lang::En)
    };
    c.bench_function("lookup: Dushanbe, measures only", |b| {
        b.iter(|| index.search(std::hint::black_box("Dushanbe"), &measures))
    });
    c.bench_function("lookup: entity_json of RATS", |b| {
        b.iter(|| {
            sco_kg::lookup::entity_json(&kg, "https://w3id.org/sco-kg/id/body/rats", Lang::Zh)
        })
    });
}

criterion_group!(benches, lookup);
criterion_main!(benches);
