//! Lookup over the whole index: ~60 realistic queries in the three languages; and the search
//! inside SPARQL (`SERVICE sco:search` joined with graph patterns, `sco:label`), in-process
//! through `KnowledgeGraph::query` as `sco-kg query` and the endpoint run it.
//!
//! `cargo bench --bench lookup` prints, before criterion's means, the p50, p99 and maximum of
//! single queries measured with `std::time::Instant` (every query of the list, many rounds), for
//! the lookup and for the SPARQL queries with search.
// criterion_group! defines a public function without a doc comment, which missing_docs
// ([lints] in Cargo.toml) would refuse.
#![allow(missing_docs)]

/// The binary's allocator (src/main.rs), so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};

use sco_kg::graph::Base;
use sco_kg::graph::ResourceKind;
use sco_kg::lookup::{Lang, LookupIndex, LookupOptions};
use sco_kg::store::{Answer, KnowledgeGraph, QueryOptions};

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

/// SPARQL queries that combine the search service with graph patterns, as analysts write them:
/// (what it asks, the query).
const SEARCH_QUERIES: [(&str, &str); 5] = [
    (
        "measures on drones, with their numbers (README)",
        r#"SELECT ?number ?score WHERE {
  SERVICE sco:search { ?m sco:query "беспилотники" ; sco:type "measure" ; sco:score ?score }
  ?m sco:number ?number
}"#,
    ),
    (
        "what RATS executes, labels in Chinese",
        r#"SELECT ?n (sco:label(?m, "zh") AS ?label) WHERE {
  SERVICE sco:search { ?b sco:query "RATS" ; sco:type "body" ; sco:limit "1" }
  ?m sco:executor ?b ; sco:number ?n
} ORDER BY ?n"#,
    ),
    (
        "上合: every hit with its label and score",
        r#"SELECT ?e ?score (sco:label(?e, "zh,en") AS ?label) WHERE {
  SERVICE sco:search { ?e sco:query "上合" ; sco:lang "zh" ; sco:score ?score ; sco:limit "20" }
} ORDER BY DESC(?score)"#,
    ),
    (
        "documents cited by the measures on terrorism, counted",
        r#"SELECT ?doc (COUNT(?m) AS ?measures) WHERE {
  SERVICE sco:search { ?m sco:query "терроризм" ; sco:type "measure" ; sco:limit "100" }
  ?m sco:references ?doc
} GROUP BY ?doc ORDER BY DESC(?measures)"#,
    ),
    (
        "co-executors of the bodies found for Secretariat",
        r#"SELECT DISTINCT ?other (sco:label(?other) AS ?label) WHERE {
  SERVICE sco:search { ?b sco:query "Secretariat" ; sco:type "body" ; sco:limit "3" }
  ?m sco:executor ?b , ?other FILTER(?other != ?b)
}"#,
    ),
];

fn rows(kg: &KnowledgeGraph, sparql: &str) -> usize {
    match kg.query(sparql, &QueryOptions::default()) {
        Ok(Answer::Solutions { rows, .. }) => rows.len(),
        Ok(_) => panic!("a SELECT answers solutions"),
        Err(e) => panic!("{sparql}: {e}"),
    }
}

fn search_percentiles(kg: &KnowledgeGraph) {
    let rounds = 100;
    let mut samples: Vec<Duration> = Vec::with_capacity(rounds * SEARCH_QUERIES.len());
    let mut per_query: Vec<Vec<Duration>> = vec![Vec::with_capacity(rounds); SEARCH_QUERIES.len()];
    for (what, q) in SEARCH_QUERIES {
        // Warm up (the first builds the lookup index); every query finds something.
        let n = rows(kg, q);
        assert!(n > 0, "{what}: no rows");
        println!("search in SPARQL: {what}: {n} rows");
    }
    for _ in 0..rounds {
        for (i, (_, q)) in SEARCH_QUERIES.iter().enumerate() {
            let start = Instant::now();
            std::hint::black_box(rows(kg, std::hint::black_box(q)));
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
        "search in SPARQL, single queries ({} queries × {rounds} rounds = {} samples): p50 {:?}, p90 {:?}, p99 {:?}, max {:?}",
        SEARCH_QUERIES.len(),
        samples.len(),
        at(&mut samples, 0.50),
        at(&mut samples, 0.90),
        at(&mut samples, 0.99),
        samples[samples.len() - 1]
    );
    for (s, (what, _)) in per_query.iter_mut().zip(SEARCH_QUERIES) {
        println!("  {what}: p50 {:?}, p99 {:?}", at(s, 0.5), at(s, 0.99));
    }
}

fn search_in_sparql(c: &mut Criterion) {
    let kg = KnowledgeGraph::embedded(Base::default()).unwrap();
    search_percentiles(&kg);
    for (what, q) in SEARCH_QUERIES {
        c.bench_function(&format!("search in SPARQL: {what}"), |b| {
            b.iter(|| rows(&kg, std::hint::black_box(q)))
        });
    }
}

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
        types: Some(vec![ResourceKind::Measure]),
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

criterion_group!(benches, lookup, search_in_sparql);
criterion_main!(benches);
