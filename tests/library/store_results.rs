//! `KnowledgeGraph::write_results`, which the endpoint uses for SELECT and ASK: solutions are
//! written as they come, never collected. Every example of the gallery (answers read from the
//! source by a person) reads back its expected rows, the bytes are those of the collected
//! answer in every results format, and the row limit holds.

use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};
use sco_kg::examples;
use sco_kg::store::{KnowledgeGraph, QueryError, QueryOptions, ResultFormat};

use crate::support::embedded;

const FORMATS: [QueryResultsFormat; 4] = [
    QueryResultsFormat::Json,
    QueryResultsFormat::Xml,
    QueryResultsFormat::Csv,
    QueryResultsFormat::Tsv,
];

fn parse(graph: &KnowledgeGraph, text: &str) -> spargebra::Query {
    graph
        .parser()
        .parse_query(text)
        .expect("the example parses")
}

#[test]
fn every_example_streamed_reads_back_its_expected_rows_and_the_collected_bytes() {
    let graph = embedded();
    let options = QueryOptions::default();
    let mut checked = 0;
    for example in examples::all().expect("examples") {
        let query = parse(graph, &example.query);
        if !matches!(
            query,
            spargebra::Query::Select { .. } | spargebra::Query::Ask { .. }
        ) {
            continue;
        }
        let json = graph
            .write_results(query.clone(), &options, QueryResultsFormat::Json)
            .unwrap_or_else(|e| panic!("{}: {e}", example.id));
        let rows = match QueryResultsParser::from_format(QueryResultsFormat::Json)
            .for_reader(json.as_slice())
            .expect("JSON results")
        {
            ReaderQueryResultsParserOutput::Solutions(solutions) => solutions
                .map(|s| {
                    s.expect("a solution")
                        .values()
                        .iter()
                        .map(|t| t.as_ref().map(examples::term_string).unwrap_or_default())
                        .collect()
                })
                .collect::<Vec<Vec<String>>>(),
            ReaderQueryResultsParserOutput::Boolean(value) => vec![vec![value.to_string()]],
        };
        if let Err(difference) = example.check(&rows) {
            panic!("{}: {difference}", example.id);
        }
        let collected = graph.evaluate(query.clone(), &options).expect("answer");
        for format in FORMATS {
            let streamed = graph
                .write_results(query.clone(), &options, format)
                .expect("written");
            let written = collected
                .write(ResultFormat::Results(format), &[])
                .expect("a results format")
                .expect("written");
            assert_eq!(streamed, written, "{} in {format:?}", example.id);
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} SELECT or ASK examples");
}

#[test]
fn the_row_limit_holds_and_graphs_are_not_results() {
    let graph = embedded();
    // 139 measures in the table: a limit of 138 is one short, 139 is enough.
    let measures = "SELECT ?m WHERE { ?m a sco:Measure }";
    let short = QueryOptions {
        max_results: Some(138),
        ..QueryOptions::default()
    };
    assert!(matches!(
        graph.write_results(parse(graph, measures), &short, QueryResultsFormat::Csv),
        Err(QueryError::TooLarge { limit: 138 })
    ));
    let enough = QueryOptions {
        max_results: Some(139),
        ..QueryOptions::default()
    };
    let csv = graph
        .write_results(parse(graph, measures), &enough, QueryResultsFormat::Csv)
        .expect("139 rows");
    // A header line and one line per measure.
    assert_eq!(
        csv.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count(),
        140
    );
    let ask = graph
        .write_results(
            parse(graph, "ASK { ?m sco:number 139 }"),
            &enough,
            QueryResultsFormat::Json,
        )
        .expect("a boolean");
    let ask: serde_json::Value = serde_json::from_slice(&ask).unwrap();
    assert_eq!(ask["boolean"], true);
    assert!(matches!(
        graph.write_results(
            parse(graph, "DESCRIBE ?m WHERE { ?m sco:number 14 }"),
            &enough,
            QueryResultsFormat::Json,
        ),
        Err(QueryError::Evaluation(_))
    ));
}

/// The rows of a SELECT on the shared graph, each value as N-Triples ("" for unbound).
fn rows_of(text: &str) -> Vec<Vec<String>> {
    let graph = embedded();
    match graph
        .evaluate(parse(graph, text), &QueryOptions::default())
        .unwrap_or_else(|e| panic!("{text}: {e}"))
    {
        sco_kg::store::Answer::Solutions { rows, .. } => rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|v| v.as_ref().map_or(String::new(), ToString::to_string))
                    .collect()
            })
            .collect(),
        _ => panic!("{text}: not solutions"),
    }
}

#[test]
fn sco_label_gives_the_label_in_the_asked_languages_in_order() {
    // RATS (data/registry/bodies.toml) has a label in each language, and so has a signatory of
    // the decision (India's: data/translations/en.toml and zh.toml).
    let rows = rows_of(
        r#"SELECT (sco:label(body:rats, "zh") AS ?zh) (sco:label(body:rats, "zh,en") AS ?zhen)
                  (sco:label(body:rats) AS ?default) (sco:label(body:rats, "ru") AS ?ru)
                  (sco:label(?s, "zh") AS ?szh) (sco:label(?s) AS ?sdefault)
                  (sco:label(?s, "zh,en") AS ?szhen) (sco:label(body:rats, "xx") AS ?unknown)
                  (sco:label(state:zz) AS ?none)
           WHERE { decision:1 sco:signatory ?s . ?s sco:state state:in }"#,
    );
    assert_eq!(
        rows,
        [[
            "\"上海合作组织地区反恐怖机构\"@zh",
            "\"上海合作组织地区反恐怖机构\"@zh",
            "\"Regional Anti-Terrorist Structure of the SCO\"@en",
            "\"Региональная антитеррористическая структура ШОС\"@ru",
            "\"印度共和国总理\"@zh",
            "\"Prime Minister of the Republic of India\"@en",
            "\"印度共和国总理\"@zh",
            // A listed order tries the listed languages only.
            "",
            "",
        ]]
    );
}

#[test]
fn sco_label_joins_graph_patterns() {
    // Measure 12's executors in the source: "Компетентные органы государств-членов ШОС, РАТС
    // ШОС"; their Chinese labels in data/registry/bodies.toml.
    let rows = rows_of(
        r#"SELECT ?l WHERE { measure:12 sco:executor ?x BIND(sco:label(?x, "zh") AS ?l) } ORDER BY ?l"#,
    );
    assert_eq!(
        rows,
        [
            ["\"上合组织成员国主管机关\"@zh"],
            ["\"上海合作组织地区反恐怖机构\"@zh"],
        ]
    );
}

#[test]
fn service_sco_search_answers_the_lookups_hits_in_its_order() {
    use sco_kg::graph::ResourceKind;
    use sco_kg::lookup::{Lang, LookupOptions};
    let index = embedded().lookup();
    // (query, more of the pattern, and the same as the lookup's options)
    let cases = [
        ("RATS", "", Lang::En, None, 10),
        (
            "RATS",
            r#"; sco:lang "zh" ; sco:limit "3""#,
            Lang::Zh,
            None,
            3,
        ),
        (
            "беспилотники",
            r#"; sco:type "measure" ; sco:lang "zh""#,
            Lang::Zh,
            Some(vec![ResourceKind::Measure]),
            10,
        ),
        (
            "беспилотные летательные аппараты",
            r#"; sco:type "measure""#,
            Lang::En,
            Some(vec![ResourceKind::Measure]),
            10,
        ),
        (
            "Секретариат",
            r#"; sco:type "body,document" ; sco:lang "ru" ; sco:limit "5""#,
            Lang::Ru,
            Some(vec![ResourceKind::Body, ResourceKind::Document]),
            5,
        ),
    ];
    for (q, extra, lang, types, limit) in cases {
        let rows = rows_of(&format!(
            r#"SELECT ?e ?score ?l ?m WHERE {{
                 SERVICE sco:search {{ ?e sco:query "{q}" ; sco:score ?score ; sco:label ?l ;
                                       sco:matched ?m {extra} }} }}"#
        ));
        let hits = index.respond(q, &LookupOptions { lang, types, limit }).hits;
        assert!(!hits.is_empty(), "{q}: the lookup finds something");
        let expected: Vec<Vec<String>> = hits
            .iter()
            .map(|h| {
                vec![
                    format!("<{}>", h.iri),
                    format!(
                        "\"{}\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                        h.score
                    ),
                    format!("\"{}\"@{}", h.label, h.label_lang),
                    match h.matched.lang {
                        Some(l) => format!("{:?}@{l}", h.matched.text),
                        None => format!("{:?}", h.matched.text),
                    },
                ]
            })
            .collect();
        assert_eq!(rows, expected, "{q} {extra}");
    }
    // Read from the source: measure 12 is on unmanned aerial vehicles ("беспилотных летательных
    // аппаратов"), and its number joins with the graph.
    let rows = rows_of(
        r#"SELECT ?n WHERE { SERVICE sco:search { ?e sco:query "беспилотные летательные аппараты" ;
                                                 sco:type "measure" ; sco:limit "1" }
                            ?e sco:number ?n }"#,
    );
    assert_eq!(
        rows,
        [["\"12\"^^<http://www.w3.org/2001/XMLSchema#integer>"]]
    );
}

#[test]
fn other_services_and_unreadable_search_patterns_are_errors() {
    let graph = embedded();
    for text in [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        // The query must be written in the pattern: the service is asked before ?q is bound.
        r#"SELECT * WHERE { BIND("RATS" AS ?q) SERVICE sco:search { ?e sco:query ?q } }"#,
        r#"SELECT * WHERE { SERVICE sco:search { ?e sco:score ?s } }"#,
        r#"SELECT * WHERE { SERVICE sco:search { ?e sco:query "RATS" ; sco:lang "fr" } }"#,
        r#"SELECT * WHERE { SERVICE sco:search { ?e sco:query "RATS" ; sco:colour ?c } }"#,
    ] {
        let result = graph.evaluate(parse(graph, text), &QueryOptions::default());
        assert!(
            matches!(result, Err(QueryError::Evaluation(_))),
            "{text}: {:?}",
            result.map(|_| ())
        );
    }
}
