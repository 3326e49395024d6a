//! A query's answer and its serialisations: the SPARQL results formats for SELECT and ASK, RDF
//! formats for CONSTRUCT and DESCRIBE, and a plain table for people at a terminal.

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

use super::capped::Capped;
use super::json_results::{bound, SolutionsWriter};
use super::prefixed::Prefixed;

/// A collected answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The solutions of a SELECT.
    Solutions {
        /// The projected variables, in order.
        variables: Vec<Variable>,
        /// One row per solution, a term per variable (`None` where it is unbound).
        rows: Vec<Vec<Option<Term>>>,
    },
    /// The answer of an ASK.
    Boolean(bool),
    /// The triples of a CONSTRUCT or DESCRIBE.
    Graph(Vec<Triple>),
}

/// Every format an answer can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// A SPARQL results format (JSON, XML, CSV, TSV), for SELECT and ASK.
    Results(QueryResultsFormat),
    /// An RDF format, for CONSTRUCT and DESCRIBE.
    Rdf(RdfFormat),
    /// Aligned columns for a terminal.
    Table,
}

impl ResultFormat {
    /// The `Content-Type` of an answer written in the format.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Results(QueryResultsFormat::Json) => "application/sparql-results+json",
            Self::Results(QueryResultsFormat::Xml) => "application/sparql-results+xml",
            Self::Results(QueryResultsFormat::Csv) => "text/csv; charset=utf-8",
            Self::Results(QueryResultsFormat::Tsv) => "text/tab-separated-values; charset=utf-8",
            Self::Rdf(RdfFormat::Turtle) => "text/turtle; charset=utf-8",
            Self::Rdf(RdfFormat::NTriples) => "application/n-triples",
            Self::Rdf(RdfFormat::NQuads) => "application/n-quads",
            Self::Rdf(RdfFormat::TriG) => "application/trig",
            Self::Rdf(RdfFormat::RdfXml) => "application/rdf+xml",
            Self::Rdf(RdfFormat::JsonLd { .. }) => "application/ld+json",
            Self::Rdf(RdfFormat::N3) => "text/n3",
            Self::Results(_) | Self::Rdf(_) => "application/octet-stream",
            Self::Table => "text/plain; charset=utf-8",
        }
    }

    /// Whether it is an RDF format (for graph answers).
    pub fn is_rdf(self) -> bool {
        matches!(self, Self::Rdf(_))
    }
}

/// The JSON-LD format oxigraph writes (expanded document, prefixes as context).
pub const JSON_LD: RdfFormat = RdfFormat::JsonLd {
    profile: JsonLdProfileSet::empty(),
};

/// Writes triples with our prefixes declared where the syntax has them: Turtle, TriG and
/// RDF/XML through oxigraph's serialiser, JSON-LD with the prefixes as its "@context"
/// (oxigraph's generic serialiser would drop them), N-Triples and N-Quads plain.
pub fn write_triples(
    triples: &[Triple],
    format: RdfFormat,
    prefixes: &[(String, String)],
) -> std::io::Result<Vec<u8>> {
    write_triples_to(triples, format, prefixes, Vec::new())
}

/// [`write_triples`] into any writer, which is handed back.
pub fn write_triples_to<W: std::io::Write>(
    triples: &[Triple],
    format: RdfFormat,
    prefixes: &[(String, String)],
    output: W,
) -> std::io::Result<W> {
    if matches!(format, RdfFormat::JsonLd { .. }) {
        static KEPT: Prefixed<oxjsonld::JsonLdSerializer> = Prefixed::new();
        let serializer = KEPT.get(format, prefixes, || {
            prefixes.iter().try_fold(
                oxjsonld::JsonLdSerializer::new(),
                |serializer, (prefix, namespace)| {
                    serializer
                        .with_prefix(prefix, namespace)
                        .map_err(std::io::Error::other)
                },
            )
        })?;
        let mut writer = serializer.for_writer(output);
        for triple in triples {
            writer.serialize_quad(
                triple
                    .as_ref()
                    .in_graph(oxigraph::model::GraphNameRef::DefaultGraph),
            )?;
        }
        return writer.finish();
    }
    static KEPT: Prefixed<RdfSerializer> = Prefixed::new();
    let serializer = KEPT.get(format, prefixes, || {
        prefixes.iter().try_fold(
            RdfSerializer::from_format(format),
            |serializer, (prefix, namespace)| {
                serializer
                    .with_prefix(prefix, namespace)
                    .map_err(std::io::Error::other)
            },
        )
    })?;
    let mut writer = serializer.for_writer(output);
    for triple in triples {
        writer.serialize_triple(triple)?;
    }
    writer.finish()
}

/// A term as a person reads it: prefixed names for our vocabularies, literals as their text.
pub fn display_term(term: &Term, prefixes: &[(String, String)]) -> String {
    match term {
        Term::NamedNode(n) => crate::graph::vocab::compact(prefixes, n.as_str()),
        Term::Literal(l) => match l.language() {
            Some(lang) => format!("{}@{lang}", l.value()),
            None => l.value().to_string(),
        },
        other => other.to_string(),
    }
}

impl Answer {
    /// Serialises the answer; `None` when the format does not fit the answer's kind.
    pub fn write(
        &self,
        format: ResultFormat,
        prefixes: &[(String, String)],
    ) -> Option<std::io::Result<Vec<u8>>> {
        match (self, format) {
            (Answer::Graph(triples), ResultFormat::Rdf(rdf)) => {
                Some(write_triples(triples, rdf, prefixes))
            }
            (Answer::Graph(triples), ResultFormat::Table) => {
                Some(write_triples(triples, RdfFormat::Turtle, prefixes))
            }
            (Answer::Boolean(value), ResultFormat::Results(f)) => Some(
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(Vec::new(), *value),
            ),
            (Answer::Boolean(value), ResultFormat::Table) => {
                Some(Ok(format!("{value}\n").into_bytes()))
            }
            (Answer::Solutions { variables, rows }, ResultFormat::Results(f)) => Some((|| {
                let mut writer = SolutionsWriter::start(f, Capped::new(None), variables)?;
                for row in rows {
                    writer.serialize(bound(variables, row))?;
                }
                Ok(writer.finish()?.into_inner())
            })(
            )),
            (Answer::Solutions { variables, rows }, ResultFormat::Table) => {
                let mut table = comfy_table::Table::new();
                table.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
                table.set_header(variables.iter().map(|v| v.as_str().to_string()));
                for row in rows {
                    table.add_row(row.iter().map(|t| {
                        t.as_ref()
                            .map(|t| display_term(t, prefixes))
                            .unwrap_or_default()
                    }));
                }
                Some(Ok(format!("{table}\n").into_bytes()))
            }
            _ => None,
        }
    }

    /// Its size: the rows of solutions, the triples of a graph, 1 for a boolean.
    pub fn len(&self) -> usize {
        match self {
            Answer::Solutions { rows, .. } => rows.len(),
            Answer::Boolean(_) => 1,
            Answer::Graph(triples) => triples.len(),
        }
    }

    /// Whether it has no row or no triple (a boolean never is).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
