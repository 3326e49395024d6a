//! Queries light enough to run on whichever thread received them. A server hands a query to a
//! worker thread so that a long evaluation blocks nothing else; for a query of a fraction of a
//! millisecond, that hand-off (waking the worker, then waking the receiver with the answer) is
//! most of the server's time (`server::execution::in_place` has the figures).
//!
//! Two tests, one on the text before parsing (parsing cannot be cancelled, and backtracks
//! through nested parentheses) and one on the parsed query (its estimated work). Both are
//! guesses of cost, not bounds: whoever runs a light query in place still needs a deadline.

use spargebra::algebra::GraphPattern;
use spargebra::Query;

use super::text::nesting;
use super::walk::{children, root, Node};

/// The longest text parsed in place (bytes): the gallery's longest is 1.4 KB. The parser
/// takes tens of microseconds a kilobyte of an ordinary query; what bounds the stack it needs
/// is [`LIGHT_DEPTH`], and this (a chain of 2000 `1+` is a tree 2000 deep, dropped by
/// recursion before the checks refuse it).
pub const LIGHT_TEXT_BYTES: usize = 4 << 10;

/// The deepest brackets of a text parsed in place: the parser recurses through each. With
/// these limits a query is parsed, checked and evaluated within the 2 MiB stack of a runtime
/// thread (`tests/library/store_checks.rs` does it within 1 MiB); deeper queries, within
/// [`super::MAX_DEPTH`], need a worker's.
pub const LIGHT_DEPTH: usize = 32;

/// The deepest parentheses of a text parsed in place: the parser's backtracking grows about
/// 2.5× a level (16 levels took 0.5 s, see [`super::MAX_PARENTHESES`]); 6 levels take
/// microseconds.
pub const LIGHT_PARENTHESES: usize = 6;

/// The most rows a light query is estimated to handle ([`super::estimate_work`]): the gallery's
/// queries under it take 0.1–0.4 ms in-process. Above it, queries of a few milliseconds
/// (documents being drafted at ×100: 5 400 estimated rows, 6 ms) gain little from skipping the
/// hand-off, and would be the first to pass the budget of a query in place.
pub const LIGHT_WORK: u64 = 2_000;

// A light text passes [`super::check_text`]: the server does not scan it a second time.
const _: () =
    assert!(LIGHT_DEPTH <= super::MAX_DEPTH && LIGHT_PARENTHESES <= super::MAX_PARENTHESES);

/// Whether `text` is short and shallow enough to parse in place; such a text always passes
/// [`super::check_text`].
pub fn light_text(text: &str) -> bool {
    if text.len() > LIGHT_TEXT_BYTES {
        return false;
    }
    let nesting = nesting(text);
    nesting.depth <= LIGHT_DEPTH && nesting.parentheses <= LIGHT_PARENTHESES
}

/// How heavy a query the checks let through is, as [`super::check`] estimated it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weight {
    /// [`super::estimate_work`]'s guess.
    pub work: u64,
    /// Whether the query asks a service.
    pub service: bool,
}

impl Weight {
    pub(super) fn of(query: &Query, work: u64) -> Self {
        Self {
            work,
            service: asks_service(query),
        }
    }

    /// Whether the query is light enough to evaluate on the thread that received it: estimated
    /// to handle at most [`LIGHT_WORK`] rows, and asking no service (`SERVICE sco:search` may
    /// wait for the lookup index to be built).
    pub fn light(&self) -> bool {
        !self.service && self.work <= LIGHT_WORK
    }
}

/// Whether a query has a `SERVICE` pattern anywhere (inside `EXISTS` too).
pub fn asks_service(query: &Query) -> bool {
    fn within(node: Node<'_>) -> bool {
        if let Node::Pattern(GraphPattern::Service { .. }) = node {
            return true;
        }
        children(node, |child| if within(child) { Err(()) } else { Ok(()) }).is_err()
    }
    within(Node::Pattern(root(query)))
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;
    use crate::store::checks::{Position, Statistics};
    use spargebra::term::{NamedNode, NamedNodePattern, TermPattern, TriplePattern};

    /// Ten thousand triples of each predicate (a hundred of `ex:few`), 100 000 in all; a term
    /// bound beside the predicate leaves one triple, and a subject or object has one triple of
    /// a predicate (a subject at most 1 500 in all).
    struct Flat;

    impl Statistics for Flat {
        fn rows(&self, pattern: &TriplePattern) -> u64 {
            let bound = !matches!(pattern.subject, TermPattern::Variable(_))
                || !matches!(pattern.object, TermPattern::Variable(_));
            match (&pattern.predicate, bound) {
                (_, true) => 1,
                (NamedNodePattern::NamedNode(p), false) if p.as_str().ends_with("few") => 100,
                (NamedNodePattern::NamedNode(_), false) => 10_000,
                (NamedNodePattern::Variable(_), false) => 100_000,
            }
        }

        fn nodes(&self, predicate: Option<&NamedNode>) -> u64 {
            if predicate.is_some() {
                10_000
            } else {
                100_000
            }
        }

        fn degree(&self, predicate: Option<&NamedNode>, position: Position) -> u64 {
            match (predicate, position) {
                (None, Position::Subject) => 1_500,
                _ => 1,
            }
        }
    }

    #[test]
    fn texts_short_and_shallow_are_light() {
        assert!(light_text("SELECT * { ?s ex:p ?o FILTER((?o > 1)) }"));
        let parentheses = |n: usize| {
            format!(
                "SELECT * {{ FILTER({}1{}) }}",
                "(".repeat(n - 1),
                ")".repeat(n - 1)
            )
        };
        assert!(light_text(&parentheses(LIGHT_PARENTHESES)));
        assert!(!light_text(&parentheses(LIGHT_PARENTHESES + 1)));
        // Parentheses inside a string are not the parser's.
        let quoted = format!("SELECT * {{ FILTER(?o = \"{}\") }}", "(".repeat(50));
        assert!(light_text(&quoted));
        let long = format!(
            "SELECT * {{ ?s ex:p ?o }} # {}",
            "x".repeat(LIGHT_TEXT_BYTES)
        );
        assert!(!light_text(&long));
        let braces = |n: usize| format!("SELECT * {}{}", "{".repeat(n), "}".repeat(n));
        assert!(light_text(&braces(LIGHT_DEPTH)));
        assert!(!light_text(&braces(LIGHT_DEPTH + 1)));
    }

    #[test]
    fn queries_of_few_rows_are_light() {
        let light = |text: &str| {
            super::super::check(&parse(text), &Flat)
                .expect("let through")
                .light()
        };
        assert!(light("SELECT ?o { ex:a ex:p ?o }"));
        assert!(light("ASK { ex:a ex:p ?o OPTIONAL { ?o ex:q ?x } }"));
        assert!(light(
            "CONSTRUCT { ?s ex:q ?o } WHERE { ?s ex:p ex:b . ?s ex:r ?o }"
        ));
        // A scan of a predicate's 10 000 rows, with what the scan's rows make besides.
        assert!(!light("SELECT (COUNT(*) AS ?n) { ?s ex:p ?o }"));
        assert!(!light("SELECT * { ?s ?p ?o } LIMIT 1"));
        // Two parts of 100 rows each are light alone, their product (10 000 rows) is not.
        assert!(light("SELECT * { ?a ex:few ?b }"));
        assert!(!light("SELECT * { ?a ex:few ?b . ?c ex:few ?d }"));
        // 100 rows on the left, each looking up 10 000 on the right (no shared variable).
        assert!(!light("SELECT * { ?a ex:few ?b OPTIONAL { ?c ex:p ?d } }"));
        // DESCRIBE reads, for each resource named, the triples of one subject (at most 1 500
        // here): one resource is light, two are not, nor those of a scan.
        assert!(light("DESCRIBE ex:a"));
        assert!(!light("DESCRIBE ex:a ex:b"));
        assert!(!light("DESCRIBE ?s { ?s ex:few ?o }"));
        // A service may wait for its index.
        assert!(!light(
            "SELECT * { SERVICE <https://w3id.org/sco-kg/ontology#search> { ex:a ex:p ?o } }"
        ));
        assert!(!light(
            "SELECT * { ex:a ex:p ?o FILTER EXISTS { SERVICE ex:s { ?o ex:q ?x } } }"
        ));
    }
}
