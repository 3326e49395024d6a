//! The fixed documents: the ontology and its shapes (negotiated RDF; Turtle is the file as
//! written, with its comments, the other syntaxes are re-serialised from it) and the source text.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Response};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{BlankNode, NamedOrBlankNode, Term, Triple};

use crate::export::write_rdf;
use crate::server::http::cache::{etag, short_hash, Representation};
use crate::server::http::error::AppError;
use crate::server::http::formats::{self, rdf_name};
use crate::server::http::negotiate::{accept_header, negotiate};
use crate::server::http::origin::PublicUrl;
use crate::server::state::AppState;

/// An RDF document of `ontology/`, in every syntax the server writes.
pub struct Document {
    variants: Vec<(RdfFormat, Bytes)>,
    /// Short hash of the Turtle text: the document's own version.
    hash: String,
}

/// Why an embedded RDF document (the ontology, the shapes) cannot be served.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The file is not Turtle: the parser's error carries its line and column.
    #[error("{path}: {error}")]
    Syntax {
        /// The file, from the repository root ("ontology/sco-kg.ttl").
        path: String,
        /// Where and why the parser stopped.
        error: oxigraph::io::RdfSyntaxError,
    },
    /// One of the other syntaxes could not be written.
    #[error("{path}: {error}")]
    Write {
        /// The file, from the repository root.
        path: String,
        /// The serialiser's error.
        error: std::io::Error,
    },
}

impl Document {
    /// Parses a Turtle file and serialises it once in each syntax. Blank nodes are renamed b0,
    /// b1, … in order of appearance, so the output is the same on every start.
    pub fn from_turtle(path: &str, text: &'static str) -> Result<Self, DocumentError> {
        let mut parser = RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes());
        let mut triples = Vec::new();
        for quad in parser.by_ref() {
            triples.push(Triple::from(quad.map_err(|error| {
                DocumentError::Syntax {
                    path: path.to_string(),
                    error,
                }
            })?));
        }
        let prefixes: Vec<(String, String)> = parser
            .prefixes()
            .map(|(p, ns)| (p.to_string(), ns.to_string()))
            .collect();
        let triples = relabel_blank_nodes(triples);
        let mut variants = vec![(RdfFormat::Turtle, Bytes::from_static(text.as_bytes()))];
        for (_, format) in formats::RDF {
            if !variants.iter().any(|(f, _)| f == format) {
                let bytes = write_rdf(&triples, *format, &prefixes).map_err(|error| {
                    DocumentError::Write {
                        path: path.to_string(),
                        error,
                    }
                })?;
                variants.push((*format, Bytes::from(bytes)));
            }
        }
        Ok(Self {
            variants,
            hash: short_hash(&[text.as_bytes()]),
        })
    }

    fn representation(
        &self,
        state: &AppState,
        headers: &HeaderMap,
    ) -> Result<Representation, AppError> {
        let (content_type, format) = negotiate(accept_header(headers).as_deref(), formats::RDF)
            .ok_or_else(|| AppError::NotAcceptable(formats::listed(formats::RDF)))?;
        self.in_format(state, content_type, format, true)
    }

    fn in_format(
        &self,
        state: &AppState,
        content_type: &'static str,
        format: RdfFormat,
        negotiated: bool,
    ) -> Result<Representation, AppError> {
        let body = self
            .variants
            .iter()
            .find(|(f, _)| *f == format)
            .map(|(_, bytes)| bytes.clone())
            .ok_or_else(|| AppError::Internal("a document lacks a format".into()))?;
        Ok(Representation {
            body,
            content_type,
            etag: etag(&state.version, &[&self.hash, rdf_name(format)]),
            negotiated,
        })
    }
}

fn relabel_blank_nodes(triples: Vec<Triple>) -> Vec<Triple> {
    let mut names: HashMap<BlankNode, BlankNode> = HashMap::new();
    let mut rename = |b: BlankNode| {
        let next = names.len();
        names
            .entry(b)
            .or_insert_with(|| BlankNode::new_unchecked(format!("b{next}")))
            .clone()
    };
    triples
        .into_iter()
        .map(|t| {
            let subject = match t.subject {
                NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::from(rename(b)),
                other => other,
            };
            let object = match t.object {
                Term::BlankNode(b) => Term::from(rename(b)),
                other => other,
            };
            Triple::new(subject, t.predicate, object)
        })
        .collect()
}

/// `GET /ontology`: the ontology's HTML page for a client that prefers HTML (a browser
/// following a term's IRI, `…/ontology#executor`, lands on the term's anchor), its RDF for any
/// other (Turtle when the client states no preference or takes anything).
pub async fn ontology(
    State(state): State<AppState>,
    public: PublicUrl,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    // HTML offered after every RDF syntax: `*/*` and `text/*` still get Turtle, as before the
    // page existed; only a range that prefers HTML picks it.
    let offers: Vec<(&'static str, Option<RdfFormat>)> = formats::RDF
        .iter()
        .map(|(media_type, format)| (*media_type, Some(*format)))
        .chain([("text/html", None), ("application/xhtml+xml", None)])
        .collect();
    match negotiate(accept_header(&headers).as_deref(), &offers) {
        Some((_, None)) => {
            Ok(crate::server::routes::page::ontology(&state, &public, &uri, &headers).await)
        }
        _ => state
            .ontology
            .representation(&state, &headers)
            .map(IntoResponse::into_response),
    }
}

/// `GET /ontology.{ttl,nt,rdf,jsonld}`: one syntax of the ontology at a URL of its own, which
/// a browser can follow and save (the links of the ontology's page).
pub async fn ontology_file(
    State(state): State<AppState>,
    uri: Uri,
) -> Result<Representation, AppError> {
    let extension = uri
        .path()
        .rsplit_once('.')
        .map(|(_, e)| e)
        .unwrap_or_default();
    let (content_type, format) = formats::RDF
        .iter()
        .find(|(_, format)| rdf_name(*format) == extension)
        .copied()
        .ok_or_else(|| AppError::NotAcceptable(formats::listed(formats::RDF)))?;
    state
        .ontology
        .in_format(&state, content_type, format, false)
}

/// `GET /ontology/shapes`
pub async fn shapes(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Representation, AppError> {
    state.shapes.representation(&state, &headers)
}

/// `GET /source`: the text the graph was read from.
pub async fn source(State(state): State<AppState>) -> Representation {
    Representation {
        body: state.source.clone(),
        content_type: "text/plain; charset=utf-8",
        etag: etag(&state.version, &["source"]),
        negotiated: false,
    }
}

/// `GET /prefixes`: the prefixes every query here may use undeclared, as a `PREFIX` block to
/// paste before a query sent to another endpoint or client, which do not know them; or, to a
/// client that prefers `application/json`, as a JSON object of namespaces by prefix in the same
/// order (what the workbench page embeds, [`crate::pages::Workbench::prefix_json`]). The block
/// is the default: for no `Accept`, `*/*`, or nothing acceptable.
pub async fn prefixes(State(state): State<AppState>, headers: HeaderMap) -> Representation {
    const TEXT: &str = "text/plain; charset=utf-8";
    const JSON: &str = "application/json";
    let accept = accept_header(&headers);
    let json =
        negotiate(accept.as_deref(), &[(TEXT, false), (JSON, true)]).is_some_and(|(_, json)| json);
    let (body, content_type, tag) = if json {
        let table = crate::pages::Workbench::prefix_json(&state.prefixes);
        (table.to_string(), JSON, "prefixes-json")
    } else {
        (state.graph.prologue(), TEXT, "prefixes")
    };
    Representation {
        body: axum::body::Bytes::from(body),
        content_type,
        etag: etag(&state.version, &[tag]),
        negotiated: true,
    }
}
