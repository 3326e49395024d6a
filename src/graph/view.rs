//! The description of every resource, computed once from the graph's triples: its kind, its
//! labels by language, what it says (its triples, in the graph's order) and what points at it.
//! The pages, `/api/entity` and `/id/` all read it.

use std::collections::HashMap;
use std::sync::Arc;

use oxigraph::model::{Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};

use super::kind::ResourceKind;
use super::vocab::{rdf, sco, skos};
use super::Triples;
use crate::i18n::Lang;

/// One triple seen from a resource: the predicate and the other end (the object of an outbound
/// triple, the subject of an inbound one). Both borrow from the graph's triples.
#[derive(Debug, Clone, Copy)]
pub struct Edge<'a> {
    /// The triple's predicate.
    pub pred: NamedNodeRef<'a>,
    /// The other end: the object of an outbound triple, the subject of an inbound one.
    pub term: &'a Term,
}

/// What every view's edges point into: the graph's triples, shared with the graph rather than
/// copied (at ×100 the copies took 350 MB), and each resource's IRI as a term (an inbound
/// edge's other end is its triple's subject, which is not a `Term`).
#[derive(Debug)]
struct Edges {
    triples: Triples,
    /// Each resource's IRI, by its number.
    iris: Vec<Term>,
    /// The indices of the triples, grouped by their subject, each group in the graph's order.
    out: Vec<u32>,
    /// (a triple's index, its subject's number), grouped by the triple's object, each group
    /// in the graph's order.
    inbound: Vec<(u32, u32)>,
}

/// One resource: everything the graph says about it and everything pointing at it.
#[derive(Debug, Clone)]
pub struct ResourceView {
    /// By its `rdf:type`; `None` for a resource of none of the kinds.
    pub kind: Option<ResourceKind>,
    /// `sco:number`, for ordering sections and measures.
    pub number: Option<u32>,
    /// Its `skos:prefLabel`s in ru, en and zh, in the graph's order.
    pub labels: Vec<(Lang, String)>,
    edges: Arc<Edges>,
    /// Its range of `edges.out`.
    out: (u32, u32),
    /// Its range of `edges.inbound`.
    inbound: (u32, u32),
}

/// The IRIs at the other end of `edges` of `predicate`.
fn named<'a>(edges: impl Iterator<Item = Edge<'a>>, predicate: NamedNodeRef<'_>) -> Vec<&'a str> {
    edges
        .filter(|e| e.pred == predicate)
        .filter_map(|e| match e.term {
            Term::NamedNode(n) => Some(n.as_str()),
            _ => None,
        })
        .collect()
}

impl ResourceView {
    /// The triples whose subject it is, in the graph's order.
    pub fn out(&self) -> impl ExactSizeIterator<Item = Edge<'_>> + Clone + '_ {
        let edges = &*self.edges;
        edges.out[self.out.0 as usize..self.out.1 as usize]
            .iter()
            .map(move |&i| {
                let t = &edges.triples[i as usize];
                Edge {
                    pred: t.predicate.as_ref(),
                    term: &t.object,
                }
            })
    }

    /// The triples whose object it is, in the graph's order; `term` is their subject.
    pub fn inbound(&self) -> impl ExactSizeIterator<Item = Edge<'_>> + Clone + '_ {
        let edges = &*self.edges;
        edges.inbound[self.inbound.0 as usize..self.inbound.1 as usize]
            .iter()
            .map(move |&(i, subject)| Edge {
                pred: edges.triples[i as usize].predicate.as_ref(),
                term: &edges.iris[subject as usize],
            })
    }

    /// Whether it is the subject of a triple.
    pub fn is_subject(&self) -> bool {
        self.out.0 < self.out.1
    }

    /// Whether it is the object of a triple.
    pub fn is_object(&self) -> bool {
        self.inbound.0 < self.inbound.1
    }

    /// Objects of `predicate` that are IRIs.
    pub fn iris(&self, predicate: NamedNodeRef<'_>) -> Vec<&str> {
        named(self.out(), predicate)
    }

    /// Subjects of inbound triples of `predicate`.
    pub fn subjects(&self, predicate: NamedNodeRef<'_>) -> Vec<&str> {
        named(self.inbound(), predicate)
    }

    /// Literal objects of `predicate`.
    pub fn literals(&self, predicate: NamedNodeRef<'_>) -> Vec<&Literal> {
        self.out()
            .filter(|e| e.pred == predicate)
            .filter_map(|e| match e.term {
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

/// What a resource's own triples say of it, gathered before its view is made.
#[derive(Default)]
struct Facts {
    kind: Option<ResourceKind>,
    number: Option<u32>,
    labels: Vec<(Lang, String)>,
}

/// `items`' values grouped by their key (below `keys`), each group in the items' order: the
/// values, and where each key's group starts (`keys + 1` offsets).
fn grouped<T: Copy + Default>(keys: usize, items: &[(u32, T)]) -> (Vec<T>, Vec<u32>) {
    let mut starts = vec![0u32; keys + 1];
    for &(key, _) in items {
        starts[key as usize + 1] += 1;
    }
    for k in 0..keys {
        starts[k + 1] += starts[k];
    }
    let mut next = starts.clone();
    let mut values = vec![T::default(); items.len()];
    for &(key, value) in items {
        values[next[key as usize] as usize] = value;
        next[key as usize] += 1;
    }
    (values, starts)
}

/// Every resource of a graph: each IRI that is the subject or the object of a triple.
#[derive(Debug, Default)]
pub struct Views(HashMap<String, ResourceView>);

impl Views {
    /// The view of every IRI of `triples` (blank-node subjects are skipped). The views share
    /// `triples` and hold indices into them.
    pub fn from_triples(triples: &Triples) -> Self {
        let mut numbers: HashMap<&str, u32> = HashMap::new();
        let mut names: Vec<&str> = Vec::new();
        // Typed by its first use, so that the IRIs it keeps borrow from `triples`.
        let mut number_of = |iri| -> u32 {
            *numbers.entry(iri).or_insert_with(|| {
                names.push(iri);
                (names.len() - 1) as u32
            })
        };
        // (subject, triple) and (object, (triple, subject)), in the graph's order.
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(triples.len());
        let mut inbound: Vec<(u32, (u32, u32))> = Vec::new();
        for (i, triple) in triples.iter().enumerate() {
            let NamedOrBlankNode::NamedNode(subject) = &triple.subject else {
                continue;
            };
            let s = number_of(subject.as_str());
            out.push((s, i as u32));
            if let Term::NamedNode(object) = &triple.object {
                inbound.push((number_of(object.as_str()), (i as u32, s)));
            }
        }
        let mut facts: Vec<Facts> = (0..names.len()).map(|_| Facts::default()).collect();
        for &(s, i) in &out {
            let triple = &triples[i as usize];
            let view = &mut facts[s as usize];
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
        }
        let (out, out_starts) = grouped(names.len(), &out);
        let (inbound, inbound_starts) = grouped(names.len(), &inbound);
        let edges = Arc::new(Edges {
            triples: triples.clone(),
            iris: names
                .iter()
                .map(|&iri| NamedNode::new_unchecked(iri).into())
                .collect(),
            out,
            inbound,
        });
        let views = names
            .iter()
            .zip(facts)
            .enumerate()
            .map(|(n, (&iri, facts))| {
                let view = ResourceView {
                    kind: facts.kind,
                    number: facts.number,
                    labels: facts.labels,
                    edges: Arc::clone(&edges),
                    out: (out_starts[n], out_starts[n + 1]),
                    inbound: (inbound_starts[n], inbound_starts[n + 1]),
                };
                (iri.to_string(), view)
            })
            .collect();
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
            .filter(|v| v.is_subject() || v.is_object())
        else {
            return Vec::new();
        };
        let mut out: Vec<Triple> = view
            .out()
            .map(|e| Triple::new(iri.clone(), e.pred.into_owned(), e.term.clone()))
            .chain(view.inbound().filter_map(|e| match e.term {
                Term::NamedNode(s) => {
                    Some(Triple::new(s.clone(), e.pred.into_owned(), iri.clone()))
                }
                _ => None,
            }))
            .collect();
        let mut mentioned: Vec<NamedNodeRef<'_>> = vec![iri.as_ref()];
        for e in view.out().chain(view.inbound()) {
            mentioned.push(e.pred);
            if let Term::NamedNode(n) = e.term {
                mentioned.push(n.as_ref());
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
                    .out()
                    .filter(|e| e.pred == skos::prefLabel)
                    .map(|e| Triple::new(n.into_owned(), e.pred.into_owned(), e.term.clone())),
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
        Views::from_triples(&Triples::from(vec![
            Triple::new(measure.clone(), rdf::TYPE, sco::Measure),
            Triple::new(measure.clone(), sco::number, Literal::from(1)),
            Triple::new(measure.clone(), sco::executor, body.clone()),
            Triple::new(body.clone(), rdf::TYPE, sco::Body),
            Triple::new(body.clone(), skos::prefLabel, label("РАТС", "ru")),
            Triple::new(body.clone(), skos::prefLabel, label("RATS", "en")),
        ]))
    }

    #[test]
    fn a_view_has_its_kind_labels_and_triples_both_ways() {
        let views = views();
        let measure = views.get(iri("measure/1").as_str()).unwrap();
        assert_eq!(measure.kind, Some(ResourceKind::Measure));
        assert_eq!(measure.number, Some(1));
        assert_eq!(measure.out().len(), 3);
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
