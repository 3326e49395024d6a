//! The VoID description of the dataset at `/.well-known/void` (RFC 5785, VoID §7.2): its size,
//! vocabularies, dumps, endpoint, source and licence, with the server's public URL.

use std::collections::BTreeSet;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{Literal, NamedNode, Term, Triple};

use crate::export::write_rdf;
use crate::export::DumpFormat;
use crate::graph::vocab::{self, dcterms, owl, skos};
use crate::server::http::cache::{etag, short_hash, Representation};
use crate::server::http::error::AppError;
use crate::server::http::formats::{self, rdf_name};
use crate::server::http::negotiate::{accept_header, negotiate};
use crate::server::http::origin::PublicUrl;
use crate::server::state::AppState;
use crate::store::KnowledgeGraph;

pub const VOID: &str = "http://rdfs.org/ns/void#";
pub const LICENSE: &str = "https://creativecommons.org/licenses/by/4.0/";

/// Counts of the graph, computed once at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statistics {
    pub triples: usize,
    pub distinct_subjects: usize,
    pub distinct_objects: usize,
    /// Distinct objects of rdf:type.
    pub classes: usize,
    /// Distinct predicates.
    pub properties: usize,
    /// Namespaces of the vocabularies whose terms the graph uses as predicates or classes.
    pub vocabularies: Vec<String>,
}

impl Statistics {
    pub fn of(triples: &[Triple]) -> Self {
        // FxHash, not SipHash: at ×100 these sets hash 2.6 million terms before a server's
        // first answer.
        use rustc_hash::FxHashSet as HashSet;
        let subjects: HashSet<_> = triples.iter().map(|t| &t.subject).collect();
        let objects: HashSet<_> = triples.iter().map(|t| &t.object).collect();
        let predicates: HashSet<_> = triples.iter().map(|t| &t.predicate).collect();
        let classes: HashSet<_> = triples
            .iter()
            .filter(|t| t.predicate.as_ref() == rdf::TYPE)
            .map(|t| &t.object)
            .collect();
        let terms = predicates
            .iter()
            .map(|p| p.as_str())
            .chain(classes.iter().filter_map(|c| match c {
                Term::NamedNode(n) => Some(n.as_str()),
                _ => None,
            }));
        let mut vocabularies = BTreeSet::new();
        for term in terms {
            if let Some((_, namespace)) = vocab::prefix_of(&vocab::PREFIXES, term) {
                vocabularies.insert(namespace.to_string());
            }
        }
        Self {
            triples: triples.len(),
            distinct_subjects: subjects.len(),
            distinct_objects: objects.len(),
            classes: classes.len(),
            properties: predicates.len(),
            vocabularies: vocabularies.into_iter().collect(),
        }
    }
}

fn iri(s: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn count(n: usize) -> Term {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER).into()
}

/// The IRI of the dataset VoID describes.
pub fn dataset_iri(public: &PublicUrl) -> NamedNode {
    iri(public.join("/.well-known/void#sco-kg"))
}

/// The triples of the description, in a fixed order.
pub fn description(
    graph: &KnowledgeGraph,
    statistics: &Statistics,
    version: &str,
    public: &PublicUrl,
) -> Vec<Triple> {
    let void = |local: &str| iri(format!("{VOID}{local}"));
    let dataset = dataset_iri(public);
    let mut out = Vec::new();
    let mut add = |p: NamedNode, o: Term| out.push(Triple::new(dataset.clone(), p, o));
    add(rdf::TYPE.into(), void("Dataset").into());
    // The plan's titles name the dataset.
    for t in graph
        .triples
        .iter()
        .filter(|t| t.subject == graph.iris.plan.clone().into() && t.predicate == skos::prefLabel)
    {
        add(dcterms::title.into(), t.object.clone());
    }
    add(
        owl::versionInfo.into(),
        Literal::new_simple_literal(format!("sha256:{version}")).into(),
    );
    add(void("triples"), count(statistics.triples));
    add(void("entities"), count(statistics.distinct_subjects));
    add(void("classes"), count(statistics.classes));
    add(void("properties"), count(statistics.properties));
    add(
        void("distinctSubjects"),
        count(statistics.distinct_subjects),
    );
    add(void("distinctObjects"), count(statistics.distinct_objects));
    for format in DumpFormat::ALL {
        add(
            void("dataDump"),
            iri(public.join(&format!("/dump/{}", format.file_name()))).into(),
        );
    }
    add(void("sparqlEndpoint"), iri(public.join("/sparql")).into());
    add(
        void("uriSpace"),
        Literal::new_simple_literal(graph.base.as_str()).into(),
    );
    add(void("rootResource"), graph.iris.plan.clone().into());
    add(dcterms::source.into(), iri(public.join("/source")).into());
    add(dcterms::license.into(), iri(LICENSE).into());
    for namespace in &statistics.vocabularies {
        add(void("vocabulary"), iri(namespace.as_str()).into());
    }
    out
}

/// `GET /.well-known/void`
pub async fn void(
    State(state): State<AppState>,
    public: PublicUrl,
    headers: HeaderMap,
) -> Result<Representation, AppError> {
    let (content_type, format) = negotiate(accept_header(&headers).as_deref(), formats::RDF)
        .ok_or_else(|| AppError::NotAcceptable(formats::listed(formats::RDF)))?;
    let statistics = state.statistics.get().await?;
    let triples = description(&state.graph, &statistics, &state.version, &public);
    // The vocabularies' prefixes; resources stay full IRIs.
    let prefixes: Vec<(String, String)> = std::iter::once(("void", VOID))
        .chain(vocab::PREFIXES)
        .map(|(p, ns)| (p.to_string(), ns.to_string()))
        .collect();
    let body =
        write_rdf(&triples, format, &prefixes).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Representation {
        body: Bytes::from(body),
        content_type,
        etag: etag(
            &state.version,
            &[&short_hash(&[public.0.as_bytes()]), rdf_name(format)],
        ),
        negotiated: true,
    })
}
