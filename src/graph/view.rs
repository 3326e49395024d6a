//! The description of every resource, computed once from the graph's triples: its kind, its
//! labels by language, what it says (its triples, in the graph's order) and what points at it.
//! The pages, `/api/entity` and `/id/` all read it.

use std::collections::HashMap;

use oxigraph::model::{Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};

use super::kind::ResourceKind;
use super::vocab::{rdf, sco, skos};
use crate::i18n::Lang;

/// One triple seen from a resource: the predicate and the other end (the object of an outbound
/// triple, the subject of an inbound one).
#[derive(Debug, Clone)]
pub struct Edge {
    /// The triple's predicate.
    pub pred: NamedNode,
    /// The other end: the object of an outbound triple, the subject of an inbound one.
    pub term: Term,
}

/// One resource: everything the graph says about it and everything pointing at it.
#[derive(Debug, Clone, Default)]
pub struct ResourceView {
    /// By its `rdf:type`; `None` for a resource of none of the kinds.
    pub kind: Option<ResourceKind>,
    /// `sco:number`, for ordering sections and measures.
    pub number: Option<u32>,
    /// Its `skos:prefLabel`s in ru, en and zh, in the graph's order.
    pub labels: Vec<(Lang, String)>,
    /// The triples whose subject it is, in the graph's order.
    pub out: Vec<Edge>,
    /// The triples whose object it is, in the graph's order; `term` is their subject.
    pub inbound: Vec<Edge>,
}

/// The IRIs at the other end of `edges` of `predicate`.
fn named<'a>(edges: &'a [Edge], predicate: NamedNodeRef<'_>) -> Vec<&'a str> {
    edges
        .iter()
        .filter(|e| e.pred == predicate)
        .filter_map(|e| match &e.term {
            Term::NamedNode(n) => Some(n.as_str()),
            _ => None,
        })
        .collect()
}

impl ResourceView {
    /// Objects of `predicate` that are IRIs.
    pub fn iris(&self, predicate: NamedNodeRef<'_>) -> Vec<&str> {
        named(&self.out, predicate)
    }

    /// Subjects of inbound triples of `predicate`.
    pub fn subjects(&self, predicate: NamedNodeRef<'_>) -> Vec<&str> {
        named(&self.inbound, predicate)
    }

    /// Literal objects of `predicate`.
    pub fn literals(&self, predicate: NamedNodeRef<'_>) -> Vec<&Literal> {
        self.out
            .iter()
            .filter(|e| e.pred == predicate)
            .filter_map(|e| match &e.term {
                Term::Literal(l) => Some(l),
                _ => None,
            })
            .collect()
    }

    /// The literal of `predicate` in `lang`, or along the fallback chain.
    pub fn text_in(&self, predicate: NamedNodeRef<'_>, lang: Lang) -> Option<(&str, Lang)> {
        let literals = self.literals(predicate);
        lang.fallback_chain().into_iter().find_map(|l| {
            literals
                .iter()
                .find(|x| x.language().and_then(Lang::from_tag) == Some(l))
                .map(|x| (x.value(), l))
        })
    }

    /// The literal of `predicate` in exactly `lang`.
    pub fn text_exact(&self, predicate: NamedNodeRef<'_>, lang: Lang) -> Option<&str> {
        self.literals(predicate)
            .into_iter()
            .find(|x| x.language().and_then(Lang::from_tag) == Some(lang))
            .map(Literal::value)
    }

    /// The first label in `lang`.
    pub fn label_exact(&self, lang: Lang) -> Option<&str> {
        self.labels
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, text)| text.as_str())
    }

    /// The label in `lang` or along its fallback chain: the label and its language.
    pub fn label(&self, lang: Lang) -> Option<(&str, Lang)> {
        lang.fallback_chain()
            .into_iter()
            .find_map(|l| self.label_exact(l).map(|text| (text, l)))
    }
}

/// Every resource of a graph: each IRI that is the subject or the object of a triple.
#[derive(Debug, Default)]
pub struct Views(HashMap<String, ResourceView>);

impl Views {
    /// The view of every IRI of `triples` (blank-node subjects are skipped).
    pub fn from_triples(triples: &[Triple]) -> Self {
        let mut views: HashMap<String, ResourceView> = HashMap::new();
        let mut inbound: Vec<(&str, Edge)> = Vec::new();
        for triple in triples {
            let NamedOrBlankNode::NamedNode(subject) = &triple.subject else {
                continue;
            };
            let view = views.entry(subject.as_str().to_string()).or_default();
            match &triple.object {
                Term::NamedNode(class) if triple.predicate == rdf::TYPE => {
                    if let Some(kind) = ResourceKind::of_class(class.as_str()) {
                        view.kind = Some(kind);
                    }
                }
                Term::Literal(l) if triple.predicate == skos::prefLabel => {
                    if let Some(lang) = l.language().and_then(Lang::from_tag) {
                        view.labels.push((lang, l.value().to_string()));
                    }
                }
                Term::Literal(l) if triple.predicate == sco::number => {
                    view.number = l.value().parse().ok();
                }
                _ => {}
            }
            view.out.push(Edge {
                pred: triple.predicate.clone(),
                term: triple.object.clone(),
            });
            if let Term::NamedNode(object) = &triple.object {
                inbound.push((
                    object.as_str(),
                    Edge {
                        pred: triple.predicate.clone(),
                        term: subject.clone().into(),
                    },
                ));
            }
        }
        for (object, edge) in inbound {
            views
                .entry(object.to_string())
                .or_default()
                .inbound
                .push(edge);
        }
        Self(views)
    }

    /// The resource `iri`; `None` when no triple names it.
    pub fn get(&self, iri: &str) -> Option<&ResourceView> {
        self.0.get(iri)
    }

    /// Every resource, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ResourceView)> {
        self.0.iter().map(|(iri, view)| (iri.as_str(), view))
    }

    /// The triples describing `iri` for linked-data clients: its own, those pointing at it,
    /// and the `skos:prefLabel`s of every IRI those name (subjects, predicates, objects);
    /// sorted, without repeats. Empty when the graph does not know `iri`.
    pub fn describe(&self, iri: &NamedNode) -> Vec<Triple> {
        let Some(view) = self
            .get(iri.as_str())
            .filter(|v| !v.out.is_empty() || !v.inbound.is_empty())
        else {
            return Vec::new();
        };
        let mut out: Vec<Triple> = view
            .out
            .iter()
            .map(|e| Triple::new(iri.clone(), e.pred.clone(), e.term.clone()))
            .chain(view.inbound.iter().filter_map(|e| match &e.term {
                Term::NamedNode(s) => Some(Triple::new(s.clone(), e.pred.clone(), iri.clone())),
                _ => None,
            }))
            .collect();
        let mut mentioned: Vec<&NamedNode> = vec![iri];
        for e in view.out.iter().chain(&view.inbound) {
            mentioned.push(&e.pred);
            if let Term::NamedNode(n) = &e.term {
                mentioned.push(n);
            }
        }
        mentioned.sort_unstable();
        mentioned.dedup();
        for n in mentioned {
            let Some(other) = self.get(n.as_str()) else {
                continue;
            };
            out.extend(
                other
                    .out
                    .iter()
                    .filter(|e| e.pred == skos::prefLabel)
                    .map(|e| Triple::new(n.clone(), e.pred.clone(), e.term.clone())),
            );
        }
        out.sort_by_cached_key(|t| t.to_string());
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iri(s: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("https://example.org/{s}"))
    }

    /// A measure executed by a body: each sees the other, with its kind and labels.
    fn views() -> Views {
        let (measure, body) = (iri("measure/1"), iri("body/rats"));
        let label =
            |text: &str, lang: &str| Literal::new_language_tagged_literal_unchecked(text, lang);
        Views::from_triples(&[
            Triple::new(measure.clone(), rdf::TYPE, sco::Measure),
            Triple::new(measure.clone(), sco::number, Literal::from(1)),
            Triple::new(measure.clone(), sco::executor, body.clone()),
            Triple::new(body.clone(), rdf::TYPE, sco::Body),
            Triple::new(body.clone(), skos::prefLabel, label("РАТС", "ru")),
            Triple::new(body.clone(), skos::prefLabel, label("RATS", "en")),
        ])
    }

    #[test]
    fn a_view_has_its_kind_labels_and_triples_both_ways() {
        let views = views();
        let measure = views.get(iri("measure/1").as_str()).unwrap();
        assert_eq!(measure.kind, Some(ResourceKind::Measure));
        assert_eq!(measure.number, Some(1));
        assert_eq!(measure.out.len(), 3);
        assert_eq!(measure.iris(sco::executor), [iri("body/rats").as_str()]);
        let body = views.get(iri("body/rats").as_str()).unwrap();
        assert_eq!(body.kind, Some(ResourceKind::Body));
        assert_eq!(body.subjects(sco::executor), [iri("measure/1").as_str()]);
        assert_eq!(body.label(Lang::Zh), Some(("RATS", Lang::En)));
        assert_eq!(body.label_exact(Lang::Ru), Some("РАТС"));
    }

    #[test]
    fn a_description_holds_the_labels_of_what_it_names() {
        let views = views();
        let described = views.describe(&iri("measure/1"));
        // Its three triples and the body's two labels; not the body's type.
        assert_eq!(described.len(), 5);
        assert!(described
            .iter()
            .all(|t| t.predicate != rdf::TYPE || t.subject == iri("measure/1").into()));
        assert!(views.describe(&iri("nothing")).is_empty());
    }
}
