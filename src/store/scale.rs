//! Synthetic copies of the graph, to measure how cost grows with the corpus (`sco-kg serve
//! --scale N`, `scripts/bench-scale`).
//!
//! The graph ×N is the real graph (copy 0) and N − 1 copies of its triples, each under a
//! namespace of its own: every IRI under the base, `{base}{rest}`, becomes
//! `{base}copy/{k}/{rest}` in copy k. IRIs outside the base (the ontology's terms, Wikidata,
//! SKOS …) stay, so every copy has the same shape and the same classes and properties, the way
//! new documents would. Typed literals (numbers, dates, years, line numbers, codes) stay too:
//! the gallery's queries group, sort and filter by them, and a copy's measure 14 is measure 14.
//!
//! Language-tagged literals (labels, titles, the measures' texts) get a copy marker, ` [k]`
//! at their end, in copies 1 and up. New documents bring new text: with the same strings in
//! every copy, the store and the lookup would keep each string once for all copies, which
//! understates their memory, and every name would name N resources at once (a lookup of
//! "RATS" a tie of N hits), which no real corpus has. At the end, the marker changes no answer
//! of the gallery within a copy: `CONTAINS`, `REGEX` and language filters match as before, and
//! the labels of one resource all grow by the same length.

use std::num::NonZeroUsize;

use oxigraph::model::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};

use super::{GraphError, KnowledgeGraph};
use crate::graph::{self, Base};

impl KnowledgeGraph {
    /// The embedded graph ×`copies` (see [`scale_triples`]): copy 0 is
    /// [`KnowledgeGraph::embedded`]'s graph, the others the same triples under
    /// `{base}copy/{k}/`. The lookup index, the labels of `sco:label` and the pattern counts
    /// come from all the triples, as for any graph; the plan, its IRIs and the prefixes are
    /// copy 0's.
    pub fn embedded_scaled(base: Base, copies: NonZeroUsize) -> Result<Self, GraphError> {
        let (linked, source) = Self::embedded_parts()?;
        let triples = scale_triples(graph::build(&linked, &source, &base), &base, copies);
        Self::from_triples(linked, source, base, triples)
    }
}

/// `triples` (a graph under `base`, sorted) and `copies − 1` copies of them under
/// `{base}copy/{k}/`, sorted in the order of every dump.
pub fn scale_triples(triples: Vec<Triple>, base: &Base, copies: NonZeroUsize) -> Vec<Triple> {
    let copies = copies.get();
    if copies == 1 {
        return triples;
    }
    // Copies in the order of their namespaces ("copy/1/", "copy/10/", …, "copy/2/"): each is
    // nearly in order already (the plan's order under one more prefix), so the stable sort
    // below, which merges the runs it finds, has little left to do. Sorting them unstably from
    // scratch took 2.4 s at ×100.
    let mut order: Vec<usize> = (1..copies).collect();
    order.sort_unstable_by_key(|k| k.to_string());
    let copy_all = |ks: &[usize], into: &mut Vec<Triple>| {
        for &k in ks {
            let copy = Copy::new(base, k);
            into.extend(triples.iter().map(|t| copy.triple(t)));
        }
    };
    // The copies' strings are most of the time (0.3–0.55 s of 0.4–0.65 s at ×100, the sort
    // the rest): the second half is built on a thread of its own.
    let (first, second) = order.split_at(order.len() / 2);
    let mut all = Vec::with_capacity(triples.len() * copies);
    let rest = std::thread::scope(|scope| {
        let rest = scope.spawn(|| {
            let mut rest = Vec::with_capacity(triples.len() * second.len());
            copy_all(second, &mut rest);
            rest
        });
        copy_all(first, &mut all);
        rest.join()
    })
    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    all.extend(rest);
    all.extend(triples);
    // The order of graph::build's triples (its `order_key`): by subject, predicate, then
    // object, each by kind and then by its strings.
    all.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
    all
}

/// The order of every dump (graph::build's): a total order on distinct triples that needs no
/// formatting.
fn order_key(t: &Triple) -> [(u8, &str, &str); 3] {
    let subject = match &t.subject {
        NamedOrBlankNode::NamedNode(n) => (0, n.as_str(), ""),
        NamedOrBlankNode::BlankNode(b) => (1, b.as_str(), ""),
    };
    let object = match &t.object {
        Term::NamedNode(n) => (0, n.as_str(), ""),
        Term::BlankNode(b) => (1, b.as_str(), ""),
        Term::Literal(l) => (
            2,
            l.value(),
            l.language().unwrap_or_else(|| l.datatype().as_str()),
        ),
        #[allow(unreachable_patterns)]
        _ => (3, "", ""),
    };
    [subject, (0, t.predicate.as_str(), ""), object]
}

/// How one copy renames: the base, the copy's namespace and its literals' marker.
struct Copy<'a> {
    base: &'a str,
    namespace: String,
    marker: String,
    /// Blank nodes get a suffix of their copy's (the graph has none today).
    blank: String,
}

impl<'a> Copy<'a> {
    fn new(base: &'a Base, k: usize) -> Self {
        Self {
            base: base.as_str(),
            namespace: format!("{}copy/{k}/", base.as_str()),
            marker: format!(" [{k}]"),
            blank: format!("c{k}"),
        }
    }

    fn triple(&self, t: &Triple) -> Triple {
        let subject: NamedOrBlankNode = match &t.subject {
            NamedOrBlankNode::NamedNode(n) => self.iri(n).into(),
            NamedOrBlankNode::BlankNode(b) => self.blank(b).into(),
        };
        Triple::new(subject, self.iri(&t.predicate), self.term(&t.object))
    }

    fn iri(&self, iri: &NamedNode) -> NamedNode {
        match iri.as_str().strip_prefix(self.base) {
            Some(rest) => {
                let mut renamed = String::with_capacity(self.namespace.len() + rest.len());
                renamed.push_str(&self.namespace);
                renamed.push_str(rest);
                NamedNode::new_unchecked(renamed)
            }
            None => iri.clone(),
        }
    }

    fn blank(&self, node: &BlankNode) -> BlankNode {
        BlankNode::new_unchecked(format!("{}{}", node.as_str(), self.blank))
    }

    fn term(&self, term: &Term) -> Term {
        match term {
            Term::NamedNode(n) => self.iri(n).into(),
            Term::BlankNode(b) => self.blank(b).into(),
            Term::Literal(l) => match l.language() {
                Some(language) => {
                    let mut marked = String::with_capacity(l.value().len() + self.marker.len());
                    marked.push_str(l.value());
                    marked.push_str(&self.marker);
                    Literal::new_language_tagged_literal_unchecked(marked, language).into()
                }
                None => l.clone().into(),
            },
            // Triple terms (RDF 1.2, on in the tests only): the graph has none.
            #[allow(unreachable_patterns)]
            other => other.clone(),
        }
    }
}
