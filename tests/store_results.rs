//! `KnowledgeGraph::write_results`, which the endpoint uses for SELECT and ASK: solutions are
//! written as they come, never collected. Every example of the gallery (answers read from the
//! source by a person) reads back its expected rows, the bytes are those of the collected
//! answer in every results format, and the row limit holds.

use std::sync::LazyLock;

use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};
use sco_kg::examples;
use sco_kg::graph::Base;
use sco_kg::store::{KnowledgeGraph, QueryError, QueryOptions, ResultFormat};

/// Built once for the file's tests.
static GRAPH: LazyLock<KnowledgeGraph> =
    LazyLock::new(|| KnowledgeGraph::embedded(Base::default()).expect("graph"));

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
    let graph = &*GRAPH;
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
    let graph = &*GRAPH;
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
