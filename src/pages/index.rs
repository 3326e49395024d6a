//! The index the pages read: the library's description of every resource
//! ([`crate::graph::view`]), of which the pages show those under the base, the ontology's
//! labels of its terms, and the plan's reading order.

use std::collections::HashMap;
use std::sync::Arc;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Literal, NamedOrBlankNode, Term};

use crate::graph::vocab::{compact, rdfs};
use crate::graph::ResourceKind;
use crate::graph::Views;
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

/// A resource under the base, as the library describes it.
pub(crate) use crate::graph::{Edge, ResourceView as Node};

/// Labels of one IRI by language.
pub(crate) type Labels = Vec<(Lang, String)>;

/// The pages' view of one knowledge graph. Build it once per graph (the server does, in the
/// background after it starts); it is `Send + Sync`.
pub struct Pages {
    pub(crate) base: String,
    pub(crate) plan: String,
    pub(crate) decision: String,
    pub(crate) source_text: String,
    /// Every resource's description; the pages show those under the base.
    pub(crate) views: Arc<Views>,
    /// Every resource under the base, in a stable reading order.
    pub(crate) order: Vec<String>,
    /// `rdfs:label` of the ontology's terms (the graph's resources have theirs in `views`).
    pub(crate) term_labels: HashMap<String, Labels>,
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
        let views = kg.views();
        let nodes: Vec<(&str, &Node)> = views
            .iter()
            .filter(|(iri, _)| iri.starts_with(&base))
            .collect();
        let mut term_labels: HashMap<String, Labels> = HashMap::new();

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
                        term_labels
                            .entry(s.as_str().to_string())
                            .or_default()
                            .push((lang, l.value().to_string()));
                    }
                }
            }
        }

        let by_kind = |kind: ResourceKind| {
            let mut v: Vec<&(&str, &Node)> =
                nodes.iter().filter(|(_, n)| n.kind == Some(kind)).collect();
            v.sort_by(|a, b| a.1.number.cmp(&b.1.number).then(a.0.cmp(b.0)));
            v.into_iter()
                .map(|(i, _)| i.to_string())
                .collect::<Vec<_>>()
        };
        let sections = by_kind(ResourceKind::Section);
        let measures = by_kind(ResourceKind::Measure);
        let mut order = nodes;
        order.sort_by(|a, b| {
            (reading_rank(a.1.kind), a.1.number, a.0.len(), a.0).cmp(&(
                reading_rank(b.1.kind),
                b.1.number,
                b.0.len(),
                b.0,
            ))
        });
        let order = order.into_iter().map(|(i, _)| i.to_string()).collect();

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
            term_labels,
            views,
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
        self.node(iri).is_some()
    }

    /// The resource `iri` if it is under the base.
    pub(crate) fn node(&self, iri: &str) -> Option<&Node> {
        self.views.get(iri).filter(|_| iri.starts_with(&self.base))
    }

    /// Every resource under the base, in no particular order.
    pub(crate) fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.views
            .iter()
            .filter(|(iri, _)| iri.starts_with(&self.base))
            .map(|(_, node)| node)
    }

    /// The labels of a resource of the graph (its `skos:prefLabel`s) or of a term of the
    /// ontology (its `rdfs:label`s).
    pub(crate) fn labels_of(&self, iri: &str) -> Option<&[(Lang, String)]> {
        self.views
            .get(iri)
            .map(|v| v.labels.as_slice())
            .filter(|l| !l.is_empty())
            .or_else(|| self.term_labels.get(iri).map(Vec::as_slice))
    }

    /// What the resource is.
    pub fn kind(&self, iri: &str) -> Option<ResourceKind> {
        self.node(iri).and_then(|n| n.kind)
    }

    /// The resource's `skos:prefLabel` in `lang`, or along the fallback chain (en, then ru):
    /// the label and the language it is in.
    pub fn label(&self, iri: &str, lang: Lang) -> Option<(&str, Lang)> {
        let labels = self.labels_of(iri)?;
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
        let node = self.node(iri)?;
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

/// The resource `iri` under the base, which the caller knows is one (it came from
/// [`Pages::iris`] or names the plan).
impl std::ops::Index<&str> for Pages {
    type Output = Node;

    fn index(&self, iri: &str) -> &Node {
        self.node(iri)
            .unwrap_or_else(|| panic!("{iri} is not a resource under the base"))
    }
}
