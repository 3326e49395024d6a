//! The index the pages read: every resource under the base with its outbound and inbound
//! triples, and every label, built once from the graph's triples and the ontology.

use std::collections::HashMap;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Literal, NamedNode, NamedOrBlankNode, Term};

use crate::graph::vocab::{compact, rdf, rdfs, sco, skos};
use crate::graph::ResourceKind;
use crate::i18n::{Lang, Localizer};
use crate::store::KnowledgeGraph;

/// The order pages list resources in: the plan and its parts, then what they name.
const READING_ORDER: [ResourceKind; 12] = [
    ResourceKind::Plan,
    ResourceKind::Decision,
    ResourceKind::Section,
    ResourceKind::Measure,
    ResourceKind::Body,
    ResourceKind::State,
    ResourceKind::Document,
    ResourceKind::Place,
    ResourceKind::Initiative,
    ResourceKind::Signatory,
    ResourceKind::SourceText,
    ResourceKind::SourceSpan,
];

/// A kind's place in [`READING_ORDER`]; resources of no kind last.
fn reading_rank(kind: Option<ResourceKind>) -> usize {
    kind.and_then(|k| READING_ORDER.iter().position(|r| *r == k))
        .unwrap_or(READING_ORDER.len())
}

/// One triple seen from a resource: the predicate (full IRI and compact form) and the other end.
#[derive(Debug, Clone)]
pub(crate) struct Edge {
    pub pred: NamedNode,
    /// "sco:executor", or the full IRI where no prefix fits.
    pub curie: String,
    pub term: Term,
}

/// A resource under the base.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// `None` for a resource of none of the kinds.
    pub kind: Option<ResourceKind>,
    /// `sco:number`, for ordering sections and measures.
    pub number: Option<u32>,
    pub out: Vec<Edge>,
    /// Triples whose object is this resource; `term` is their subject.
    pub inbound: Vec<Edge>,
}

/// Labels of one IRI by language.
pub(crate) type Labels = Vec<(Lang, String)>;

/// The pages' view of one knowledge graph. Build it once at start; it is `Send + Sync`.
pub struct Pages {
    pub(crate) base: String,
    pub(crate) plan: String,
    pub(crate) decision: String,
    pub(crate) source_text: String,
    pub(crate) nodes: HashMap<String, Node>,
    /// Every resource under the base, in a stable reading order.
    pub(crate) order: Vec<String>,
    /// `skos:prefLabel` of the graph's resources and `rdfs:label` of the ontology's terms.
    pub(crate) labels: HashMap<String, Labels>,
    pub(crate) prefixes: Vec<(String, String)>,
    /// The source text's lines (for the excerpts of source spans).
    pub(crate) source_lines: Vec<String>,
    /// Sections and measures by number.
    pub(crate) sections: Vec<String>,
    pub(crate) measures: Vec<String>,
    /// The ontology's terms and their uses in the graph, for its page.
    pub(crate) ontology_index: super::ontology::OntologyIndex,
}

fn lang_of(literal: &Literal) -> Option<Lang> {
    literal.language().and_then(Lang::from_tag)
}

impl Pages {
    /// Indexes `kg`: a few milliseconds for the whole graph.
    pub fn new(kg: &KnowledgeGraph) -> Self {
        let base = kg.base.as_str().to_string();
        let prefixes = kg.prefixes();
        let mut nodes: HashMap<String, Node> = HashMap::new();
        let mut labels: HashMap<String, Labels> = HashMap::new();
        let mut inbound: Vec<(String, Edge)> = Vec::new();
        let empty = || Node {
            kind: None,
            number: None,
            out: Vec::new(),
            inbound: Vec::new(),
        };

        for triple in &kg.triples {
            let NamedOrBlankNode::NamedNode(subject) = &triple.subject else {
                continue;
            };
            let subject = subject.as_str().to_string();
            let pred = triple.predicate.as_str();
            if triple.predicate == skos::prefLabel {
                if let Term::Literal(l) = &triple.object {
                    if let Some(lang) = lang_of(l) {
                        labels
                            .entry(subject.clone())
                            .or_default()
                            .push((lang, l.value().to_string()));
                    }
                }
            }
            if !subject.starts_with(&base) {
                continue;
            }
            let node = nodes.entry(subject.clone()).or_insert_with(empty);
            if triple.predicate == rdf::TYPE {
                if let Term::NamedNode(class) = &triple.object {
                    if let Some(kind) = ResourceKind::of_class(class.as_str()) {
                        node.kind = Some(kind);
                    }
                }
            }
            if triple.predicate == sco::number {
                if let Term::Literal(l) = &triple.object {
                    node.number = l.value().parse().ok();
                }
            }
            let edge = Edge {
                pred: triple.predicate.clone(),
                curie: compact(&prefixes, pred),
                term: triple.object.clone(),
            };
            if let Term::NamedNode(object) = &triple.object {
                if object.as_str().starts_with(&base) {
                    inbound.push((
                        object.as_str().to_string(),
                        Edge {
                            term: Term::NamedNode(NamedNode::new_unchecked(subject.clone())),
                            ..edge.clone()
                        },
                    ));
                }
            }
            node.out.push(edge);
        }
        for (object, edge) in inbound {
            nodes.entry(object).or_insert_with(empty).inbound.push(edge);
        }

        // The ontology's labels of its classes, properties and individuals.
        if let Ok(file) = crate::data::ontology("sco-kg.ttl") {
            for quad in RdfParser::from_format(RdfFormat::Turtle)
                .for_slice(file.contents.as_bytes())
                .flatten()
            {
                if quad.predicate != rdfs::LABEL {
                    continue;
                }
                if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) =
                    (&quad.subject, &quad.object)
                {
                    if let Some(lang) = lang_of(l) {
                        labels
                            .entry(s.as_str().to_string())
                            .or_default()
                            .push((lang, l.value().to_string()));
                    }
                }
            }
        }

        let by_kind = |kind: ResourceKind| {
            let mut v: Vec<(&String, &Node)> =
                nodes.iter().filter(|(_, n)| n.kind == Some(kind)).collect();
            v.sort_by(|a, b| a.1.number.cmp(&b.1.number).then(a.0.cmp(b.0)));
            v.into_iter().map(|(i, _)| i.clone()).collect::<Vec<_>>()
        };
        let sections = by_kind(ResourceKind::Section);
        let measures = by_kind(ResourceKind::Measure);
        let mut order: Vec<(&String, &Node)> = nodes.iter().collect();
        order.sort_by(|a, b| {
            (reading_rank(a.1.kind), a.1.number, a.0.len(), a.0).cmp(&(
                reading_rank(b.1.kind),
                b.1.number,
                b.0.len(),
                b.0,
            ))
        });
        let order = order.into_iter().map(|(i, _)| i.clone()).collect();

        Self {
            ontology_index: super::ontology::OntologyIndex::new(kg),
            plan: kg.iris.plan.as_str().to_string(),
            decision: kg.iris.decision.as_str().to_string(),
            source_text: kg.iris.source.as_str().to_string(),
            base,
            order,
            sections,
            measures,
            source_lines: kg.source.lines().map(str::to_string).collect(),
            prefixes,
            labels,
            nodes,
        }
    }

    /// The base of the resources' IRIs.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Every resource that has a page, in reading order (plan, decision, sections, measures
    /// by number, bodies, states, documents …).
    pub fn iris(&self) -> &[String] {
        &self.order
    }

    /// The IRI of the page `/page/{path}`: `{base}{path}`.
    pub fn iri_of_path(&self, path: &str) -> String {
        format!("{}{}", self.base, path.trim_start_matches('/'))
    }

    /// The path under the base of a resource's IRI ("body/rats"), if it is under the base.
    pub fn path_of<'a>(&self, iri: &'a str) -> Option<&'a str> {
        iri.strip_prefix(self.base.as_str())
    }

    /// Whether `iri` has a page.
    pub fn contains(&self, iri: &str) -> bool {
        self.nodes.contains_key(iri)
    }

    /// What the resource is.
    pub fn kind(&self, iri: &str) -> Option<ResourceKind> {
        self.nodes.get(iri).and_then(|n| n.kind)
    }

    /// The resource's `skos:prefLabel` in `lang`, or along the fallback chain (en, then ru):
    /// the label and the language it is in.
    pub fn label(&self, iri: &str, lang: Lang) -> Option<(&str, Lang)> {
        let labels = self.labels.get(iri)?;
        lang.fallback_chain().into_iter().find_map(|l| {
            labels
                .iter()
                .find(|(ll, _)| *ll == l)
                .map(|(_, text)| (text.as_str(), l))
        })
    }

    /// The home page.
    pub fn home(&self, loc: &Localizer, lang: Lang, public_url: &str) -> String {
        super::render::home(&super::render::Cx::new(self, loc, lang, public_url))
    }

    /// The page of the resource `iri`; `None` when `iri` is not a resource under the base.
    pub fn resource(
        &self,
        loc: &Localizer,
        lang: Lang,
        iri: &str,
        public_url: &str,
    ) -> Option<String> {
        let node = self.nodes.get(iri)?;
        Some(super::render::resource(
            &super::render::Cx::new(self, loc, lang, public_url),
            iri,
            node,
        ))
    }

    /// A localised "not found" page for `/page/{path}` (to send with status 404).
    pub fn not_found(&self, loc: &Localizer, lang: Lang, public_url: &str, path: &str) -> String {
        super::render::not_found(&super::render::Cx::new(self, loc, lang, public_url), path)
    }

    pub(crate) fn compact(&self, iri: &str) -> String {
        compact(&self.prefixes, iri)
    }
}
