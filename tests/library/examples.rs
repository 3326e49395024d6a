//! The example gallery (data/examples/): every example is complete in three languages, parses,
//! runs on the embedded graph and returns exactly the answer written beside it, which was read
//! from data/source/sco-action-plan-2021-2025.ru.txt by a person.

use std::collections::BTreeSet;

use sco_kg::data::DataFile;
use sco_kg::examples::{self, Example, ExampleError, ExampleFault, View, LANGUAGES};
use sco_kg::i18n::Lang;

use crate::support::embedded;

fn gallery() -> Vec<Example> {
    examples::all().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn at_least_twenty_examples_with_unique_ids() {
    let all = gallery();
    assert!(all.len() >= 20, "only {} examples", all.len());
    let ids: BTreeSet<&str> = all.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "repeated ids");
    let sorted: Vec<&str> = all.iter().map(|e| e.id.as_str()).collect();
    assert!(
        sorted.windows(2).all(|w| w[0] < w[1]),
        "not sorted: {sorted:?}"
    );
    for e in &all {
        assert!(
            e.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}: an id is [a-z0-9-]+",
            e.id
        );
    }
}

#[test]
fn every_example_has_titles_and_descriptions_in_three_languages() {
    for e in gallery() {
        for lang in LANGUAGES {
            for (field, texts) in [("title", &e.title), ("description", &e.description)] {
                let text = texts.get(lang).map(|t| t.trim()).unwrap_or_default();
                assert!(!text.is_empty(), "{}: no {lang} {field}", e.id);
            }
        }
        assert_eq!(e.title.len(), 3, "{}: {:?}", e.id, e.title.keys());
        assert_eq!(
            e.description.len(),
            3,
            "{}: {:?}",
            e.id,
            e.description.keys()
        );
        // The Russian texts are Russian, the Chinese ones Chinese.
        for field in [&e.title, &e.description] {
            assert!(
                field["ru"]
                    .chars()
                    .any(|c| ('\u{400}'..='\u{4ff}').contains(&c)),
                "{}: {:?}",
                e.id,
                field["ru"]
            );
            assert!(
                field["zh"]
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}: {:?}",
                e.id,
                field["zh"]
            );
        }
        assert!(!e.title("en").is_empty());
        assert_eq!(e.title("fr"), e.title("en"));
    }
}

#[test]
fn every_view_is_valid_and_every_view_is_used() {
    let all = gallery();
    let used: BTreeSet<&str> = all.iter().map(|e| e.view.as_str()).collect();
    for view in View::ALL {
        assert!(used.contains(view.as_str()), "no example uses {:?}", view);
    }
    // An unknown view is refused when the file is read.
    let bad = DataFile {
        path: "data/examples/99-bad.toml".into(),
        contents: "title = { ru = \"а\", en = \"a\", zh = \"中\" }\n\
                   description = { ru = \"а\", en = \"a\", zh = \"中\" }\n\
                   view = \"pie\"\n\
                   ordered = true\n\
                   query = 'ASK {}'\n\
                   expected = [[\"true\"]]\n",
    };
    let err = Example::from_file(&bad).unwrap_err().to_string();
    assert!(err.starts_with("data/examples/99-bad.toml:3:"), "{err}");
}

#[test]
fn a_missing_language_is_refused_with_its_line() {
    let bad = DataFile {
        path: "data/examples/99-bad.toml".into(),
        contents: "title = { ru = \"а\", en = \"a\", zh = \"中\" }\n\
                   description = { ru = \"а\", en = \"a\" }\n\
                   view = \"table\"\n\
                   ordered = true\n\
                   query = 'ASK {}'\n\
                   expected = [[\"true\"]]\n",
    };
    let err = Example::from_file(&bad).unwrap_err();
    assert_eq!(
        err,
        ExampleError::Invalid {
            path: "data/examples/99-bad.toml".into(),
            line: Some(2),
            fault: ExampleFault::NoText {
                field: "description",
                lang: "zh",
            },
        }
    );
    assert_eq!(
        err.to_string(),
        "data/examples/99-bad.toml:2: description has no \"zh\" text"
    );
    assert_eq!(
        err.message().in_lang(Lang::Ru),
        "у description нет текста на языке \"zh\""
    );
    assert_eq!(
        err.message().in_lang(Lang::Zh),
        "description 缺少 \"zh\" 文本"
    );
}

/// The text of an example file whose line `number` (1-based) is `line`, the others complete
/// and valid.
fn example_with(number: usize, line: &str) -> String {
    let mut lines = [
        "title = { ru = \"а\", en = \"a\", zh = \"中\" }",
        "description = { ru = \"а\", en = \"a\", zh = \"中\" }",
        "view = \"table\"",
        "ordered = true",
        "query = 'ASK {}'",
        "expected = [[\"true\"]]",
    ];
    lines[number - 1] = line;
    lines.join("\n") + "\n"
}

/// `contents` as the file `data/examples/99-bad.toml`.
fn bad_file(contents: &str) -> DataFile<'_> {
    DataFile {
        path: "data/examples/99-bad.toml".into(),
        contents,
    }
}

#[test]
fn a_text_in_another_language_and_an_empty_query_are_refused_with_their_lines() {
    let other = example_with(
        1,
        "title = { ru = \"а\", en = \"a\", zh = \"中\", fr = \"b\" }",
    );
    let err = Example::from_file(&bad_file(&other)).unwrap_err();
    assert_eq!(
        err,
        ExampleError::Invalid {
            path: "data/examples/99-bad.toml".into(),
            line: Some(1),
            fault: ExampleFault::OtherLanguage {
                field: "title",
                lang: "fr".into(),
            },
        }
    );
    assert_eq!(
        err.to_string(),
        "data/examples/99-bad.toml:1: title has a text in \"fr\", which is not one of ru, en, zh"
    );
    let empty = example_with(5, "query = '  '");
    let err = Example::from_file(&bad_file(&empty)).unwrap_err();
    assert_eq!(
        (err.path(), err.line()),
        ("data/examples/99-bad.toml", Some(5))
    );
    assert_eq!(
        err.to_string(),
        "data/examples/99-bad.toml:5: the query is empty"
    );
    assert_eq!(err.message().in_lang(Lang::Ru), "запрос пуст");
    // Not TOML of an example's shape: the parser's line and column.
    let unknown = example_with(4, "ordered = true\ncolour = \"red\"");
    let err = Example::from_file(&bad_file(&unknown)).unwrap_err();
    assert!(matches!(err, ExampleError::Read(_)), "{err:?}");
    assert_eq!((err.line(), err.column()), (Some(5), Some(1)));
}

#[test]
fn a_mismatch_says_which_rows_differ() {
    let example = Example {
        id: "99-rows".into(),
        title: Default::default(),
        description: Default::default(),
        query: "SELECT ?x {}".into(),
        view: View::Table,
        expected: vec![vec!["1".into()], vec!["2".into()]],
        ordered: false,
        extension: false,
    };
    let rows = |r: &[&str]| -> Vec<Vec<String>> { r.iter().map(|x| vec![x.to_string()]).collect() };
    assert_eq!(example.check(&rows(&["2", "1"])), Ok(()));
    let err = example.check(&rows(&["2", "3", "3"])).unwrap_err();
    assert_eq!(err.missing(), [&vec!["1".to_string()]]);
    assert_eq!(
        err.to_string(),
        "99-rows: expected 2 rows, got 3\n  missing: [[\"1\"]]\n  unexpected: [[\"3\"], [\"3\"]]"
    );
    let ordered = Example {
        ordered: true,
        ..example
    };
    let err = ordered.check(&rows(&["2", "1"])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "99-rows: expected 2 rows, got 2\n  \
         the same rows in another order or with other repeats:\n  \
         expected: [[\"1\"], [\"2\"]]\n  \
         got:      [[\"2\"], [\"1\"]]"
    );
    let russian: Vec<String> = err.messages().iter().map(|m| m.in_lang(Lang::Ru)).collect();
    assert_eq!(russian[0], "99-rows: ожидалось строк: 2, получено: 2");
}

#[test]
fn every_query_declares_its_prefixes() {
    // The queries must also work pasted into another endpoint, where our prefixes are unknown.
    let prefixed = regex::Regex::new(r"(?:^|[\s(/^,;])([a-z][a-z0-9]*):[A-Za-z0-9_]").unwrap();
    let declaration = regex::Regex::new(r"(?i)PREFIX\s+([a-z0-9]*):\s*<").unwrap();
    for e in gallery() {
        let body: String = e
            .query
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .map(|l| {
                // Leave out string literals: "…:…" is not a prefixed name.
                let mut out = String::new();
                let mut in_string = false;
                for c in l.chars() {
                    if c == '"' {
                        in_string = !in_string;
                    } else if !in_string {
                        out.push(c);
                    }
                }
                out + "\n"
            })
            .collect();
        let declared: BTreeSet<String> = declaration
            .captures_iter(&e.query)
            .map(|c| c[1].to_string())
            .collect();
        for c in prefixed.captures_iter(&body) {
            assert!(
                declared.contains(&c[1]),
                "{}: the prefix {}: is used but not declared",
                e.id,
                &c[1]
            );
        }
        if declared.contains("sco") {
            assert!(
                e.query
                    .contains("PREFIX sco: <https://w3id.org/sco-kg/ontology#>"),
                "{}",
                e.id
            );
        }
        for line in e
            .query
            .lines()
            .filter(|l| l.trim_start().starts_with("PREFIX"))
        {
            let iri = line.split('<').nth(1).unwrap_or_default();
            assert!(
                !iri.starts_with("https://w3id.org/sco-kg/")
                    || iri.starts_with("https://w3id.org/sco-kg/id/")
                    || iri == "https://w3id.org/sco-kg/ontology#>",
                "{}: {line}",
                e.id
            );
        }
    }
}

#[test]
fn every_example_returns_its_expected_answer() {
    let mut failures = Vec::new();
    for e in gallery() {
        match e.run(embedded()) {
            Ok(rows) => {
                if let Err(message) = e.check(&rows) {
                    failures.push(message.to_string());
                }
            }
            Err(err) => failures.push(format!("{}: the query fails: {err}", e.id)),
        }
        assert!(!e.expected.is_empty(), "{}: no expected rows", e.id);
        let width = e.expected[0].len();
        assert!(
            e.expected.iter().all(|r| r.len() == width),
            "{}: rows of different widths",
            e.id
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_queries_run_without_our_predeclared_prefixes() {
    // Oxigraph alone, as another endpoint would run them: no prefix but those declared.
    let store = oxigraph::store::Store::new().unwrap();
    store
        .extend(embedded().triples.iter().map(|t| {
            t.as_ref()
                .in_graph(oxigraph::model::GraphNameRef::DefaultGraph)
                .into_owned()
        }))
        .unwrap();
    let mut extensions = Vec::new();
    for e in gallery() {
        // Our extensions are answered by this endpoint only: skipped here, and counted below.
        if e.extension {
            extensions.push(e.id);
            continue;
        }
        let results = oxigraph::sparql::SparqlEvaluator::new()
            .parse_query(&e.query)
            .unwrap_or_else(|err| panic!("{}: {err}", e.id))
            .on_store(&store)
            .execute()
            .unwrap_or_else(|err| panic!("{}: {err}", e.id));
        let oxigraph::sparql::QueryResults::Solutions(solutions) = results else {
            panic!("{}: not a SELECT", e.id)
        };
        let rows: Vec<Vec<String>> = solutions
            .map(|s| {
                s.unwrap()
                    .values()
                    .iter()
                    .map(|t| t.as_ref().map(examples::term_string).unwrap_or_default())
                    .collect()
            })
            .collect();
        e.check(&rows).unwrap_or_else(|m| panic!("{m}"));
    }
    assert_eq!(
        extensions,
        [
            "26-search-unmanned-aerial-vehicles",
            "27-executors-in-chinese"
        ],
        "the examples that only this endpoint answers"
    );
}

#[test]
fn the_examples_marked_extension_are_those_that_use_our_extensions() {
    for e in gallery() {
        let uses = e.query.contains("sco:label(") || e.query.contains("SERVICE sco:search");
        assert_eq!(uses, e.extension, "{}: extension = {}", e.id, e.extension);
    }
}

#[test]
fn the_label_fallback_is_shown_in_at_least_three_examples() {
    let all = gallery();
    let fallback: Vec<&str> = all
        .iter()
        .filter(|e| {
            let q = &e.query;
            q.contains("COALESCE(")
                && q.contains("LANG(")
                && q.contains("\"en\"")
                && q.contains("\"ru\"")
                && q.contains("# Label fallback")
        })
        .map(|e| e.id.as_str())
        .collect();
    assert!(fallback.len() >= 3, "{fallback:?}");
}

#[test]
fn the_fallback_reaches_russian_where_a_label_is_russian_only() {
    // The signatories have English offices and labels (data/translations/en.toml); in a graph
    // built from translations that leave them out, their offices and signature lines are in
    // Russian only: asked in English, they come back in Russian, the states in English.
    let mut linked = sco_kg::link::embedded().unwrap();
    for t in linked.translations.by_language.values_mut() {
        t.decision.signatories.clear();
    }
    let graph = sco_kg::store::KnowledgeGraph::new(
        linked,
        String::from_utf8(sco_kg::data::source().to_vec()).unwrap(),
        sco_kg::graph::Base::default(),
    )
    .unwrap();
    let signatories = gallery()
        .into_iter()
        .find(|e| e.id.ends_with("-signatories"))
        .expect("the signatories example");
    let rows = signatories.run(&graph).unwrap();
    assert_eq!(rows.len(), 8, "{rows:?}");
    assert!(rows.iter().all(|r| r[1].is_ascii()), "{rows:?}");
    let cyrillic = |s: &str| s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    assert!(
        rows.iter().all(|r| cyrillic(&r[2]) && cyrillic(&r[3])),
        "{rows:?}"
    );
    // On the graph itself they are in English.
    let rows = signatories.run(embedded()).unwrap();
    assert!(
        rows.iter().all(|r| r.iter().all(|v| v.is_ascii())),
        "{rows:?}"
    );
}

#[test]
fn every_view_fits_its_answer() {
    // The views fit the answers: a bar chart counts, a time line has dates, a network has pairs.
    for e in gallery() {
        match e.view {
            View::Bar => assert!(
                e.expected
                    .iter()
                    .all(|r| r.iter().any(|v| !v.is_empty() && v.parse::<u64>().is_ok())),
                "{}: a bar chart needs a count in every row",
                e.id
            ),
            View::Timeline => assert!(
                e.expected.iter().all(|r| r
                    .iter()
                    .any(|v| v.len() >= 4 && v[..4].chars().all(|c| c.is_ascii_digit()))),
                "{}: a time line needs a date in every row",
                e.id
            ),
            View::Network => assert!(
                e.expected
                    .iter()
                    .all(|r| r.iter().filter(|v| v.starts_with("https://")).count() >= 2),
                "{}: a network needs two nodes in every row",
                e.id
            ),
            View::Map => assert!(
                e.expected.iter().all(|r| {
                    let numbers: Vec<f64> = r.iter().filter_map(|v| v.parse().ok()).collect();
                    numbers.len() >= 2
                        && numbers.iter().all(|n| (-180.0..=180.0).contains(n))
                        && numbers.iter().any(|n| (-90.0..=90.0).contains(n))
                }),
                "{}: a map needs a latitude and a longitude in every row",
                e.id
            ),
            View::Table => {}
        }
    }
}
