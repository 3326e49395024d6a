//! The media types the server offers, in its order of preference (the first wins ties and
//! answers a client that states no preference), and the `format=` names of `/sparql`.

use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;

use crate::store::ResultFormat;
use crate::store::JSON_LD;

/// RDF syntaxes for graphs: CONSTRUCT and DESCRIBE answers, resource descriptions, the
/// ontology, the service and dataset descriptions.
pub const RDF: &[(&str, RdfFormat)] = &[
    ("text/turtle; charset=utf-8", RdfFormat::Turtle),
    ("application/x-turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    ("application/rdf+xml", RdfFormat::RdfXml),
    ("application/ld+json", JSON_LD),
];

/// SPARQL results formats for SELECT and ASK.
pub const RESULTS: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/csv; charset=utf-8", QueryResultsFormat::Csv),
    (
        "text/tab-separated-values; charset=utf-8",
        QueryResultsFormat::Tsv,
    ),
    ("text/xml; charset=utf-8", QueryResultsFormat::Xml),
];

/// The media types listed in a 406 answer.
pub fn listed<T>(offers: &[(&'static str, T)]) -> Vec<&'static str> {
    offers
        .iter()
        .map(|(media_type, _)| crate::server::http::negotiate::essence(media_type))
        .collect()
}

/// What a query's answer is: solutions and booleans, or a graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// SELECT and ASK.
    Results,
    /// CONSTRUCT and DESCRIBE.
    Graph,
}

impl AnswerKind {
    /// What a query answers: solutions (or a boolean) or a graph.
    pub fn of(query: &spargebra::Query) -> Self {
        match query {
            spargebra::Query::Select { .. } | spargebra::Query::Ask { .. } => Self::Results,
            spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. } => Self::Graph,
        }
    }
}

/// What a `format=` value asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requested {
    /// The Content-Type and the format.
    Format(&'static str, ResultFormat),
    /// A known format that does not fit this kind of answer (CSV for a CONSTRUCT): 406.
    Unfit,
    /// Not a format name: 400.
    Unknown,
}

/// A `format=` value: a short name, or a media type negotiated like an `Accept` value.
pub fn from_parameter(name: &str, kind: AnswerKind) -> Requested {
    if name.contains('/') {
        return negotiate_kind(Some(name), kind)
            .map_or(Requested::Unfit, |(media_type, format)| {
                Requested::Format(media_type, format)
            });
    }
    let results = |f| match kind {
        AnswerKind::Results => {
            let format = ResultFormat::Results(f);
            Requested::Format(format.media_type(), format)
        }
        AnswerKind::Graph => Requested::Unfit,
    };
    let rdf = |f| match kind {
        AnswerKind::Graph => {
            let format = ResultFormat::Rdf(f);
            Requested::Format(format.media_type(), format)
        }
        AnswerKind::Results => Requested::Unfit,
    };
    match name.to_ascii_lowercase().as_str() {
        "csv" => results(QueryResultsFormat::Csv),
        "tsv" => results(QueryResultsFormat::Tsv),
        // SPARQL results XML for SELECT and ASK, RDF/XML for graphs.
        "xml" => match kind {
            AnswerKind::Results => results(QueryResultsFormat::Xml),
            AnswerKind::Graph => rdf(RdfFormat::RdfXml),
        },
        // A graph asked for as "json" is JSON-LD, as Fuseki and Virtuoso answer it.
        "json" => match kind {
            AnswerKind::Results => results(QueryResultsFormat::Json),
            AnswerKind::Graph => rdf(JSON_LD),
        },
        "turtle" | "ttl" => rdf(RdfFormat::Turtle),
        // Turtle is N3: SPARQLWrapper's setReturnFormat(N3) asks for "n3" and parses Turtle.
        "n3" => rdf(RdfFormat::Turtle),
        "ntriples" | "nt" | "n-triples" => rdf(RdfFormat::NTriples),
        "nquads" | "nq" | "n-quads" => rdf(RdfFormat::NQuads),
        "trig" => rdf(RdfFormat::TriG),
        "rdfxml" | "rdf" | "rdf+xml" => rdf(RdfFormat::RdfXml),
        "jsonld" | "json-ld" => rdf(JSON_LD),
        _ => Requested::Unknown,
    }
}

/// Negotiates the Content-Type and format of a query's answer on `Accept`.
pub fn negotiate_kind(
    accept: Option<&str>,
    kind: AnswerKind,
) -> Option<(&'static str, ResultFormat)> {
    match kind {
        AnswerKind::Results => crate::server::http::negotiate::negotiate(accept, RESULTS)
            .map(|(media_type, f)| (media_type, ResultFormat::Results(f))),
        AnswerKind::Graph => crate::server::http::negotiate::negotiate(accept, RDF)
            .map(|(media_type, f)| (media_type, ResultFormat::Rdf(f))),
    }
}

/// A short name of an RDF format, for ETags.
pub fn rdf_name(format: RdfFormat) -> &'static str {
    match format {
        RdfFormat::Turtle => "ttl",
        RdfFormat::NTriples => "nt",
        RdfFormat::NQuads => "nq",
        RdfFormat::TriG => "trig",
        RdfFormat::RdfXml => "rdf",
        RdfFormat::JsonLd { .. } => "jsonld",
        RdfFormat::N3 => "n3",
        _ => "rdf-other",
    }
}
