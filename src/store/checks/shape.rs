//! Depth and size of a parsed query: what the evaluator's recursion and its optimiser can take.

use spargebra::algebra::{GraphPattern, PropertyPathExpression};
use spargebra::Query;

use super::walk::{children, root, Node};
use super::{Refusal, MAX_DEPTH, MAX_PATTERNS};

/// Depth and size of a parsed query.
#[derive(Default)]
struct Measure {
    patterns: usize,
}

impl Measure {
    fn count(&mut self, n: usize) -> Result<(), Refusal> {
        self.patterns += n;
        if self.patterns > MAX_PATTERNS {
            return Err(Refusal::TooManyPatterns {
                limit: MAX_PATTERNS,
            });
        }
        Ok(())
    }

    fn node(&mut self, node: Node<'_>, depth: usize) -> Result<(), Refusal> {
        if depth > MAX_DEPTH {
            return Err(Refusal::TooDeep { limit: MAX_DEPTH });
        }
        match node {
            Node::Pattern(GraphPattern::Bgp { patterns }) => self.count(patterns.len())?,
            Node::Pattern(GraphPattern::Values { .. })
            | Node::Path(
                PropertyPathExpression::NamedNode(_)
                | PropertyPathExpression::NegatedPropertySet(_),
            ) => self.count(1)?,
            _ => {}
        }
        children(node, |child| self.node(child, depth + 1))
    }
}

/// The parsed query stays within [`MAX_DEPTH`] and [`MAX_PATTERNS`]. Recursive, but stops at
/// `MAX_DEPTH`: safe on any stack that could parse the query.
pub fn check_query(query: &Query) -> Result<(), Refusal> {
    Measure::default().node(Node::Pattern(root(query)), 0)
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn parsed_depth_and_size() {
        assert!(check_query(&parse(
            "SELECT * { ?s ex:p ?o . ?o ex:q/ex:r* ?x FILTER(?x > 1) }"
        ))
        .is_ok());
        let plus = format!("SELECT ({} AS ?x) {{}}", vec!["1"; MAX_DEPTH + 2].join("+"));
        assert!(check_query(&parse(&plus)).is_err());
        let triples: String = (0..=MAX_PATTERNS)
            .map(|i| format!("?s{i} ex:p ?o . "))
            .collect();
        assert!(check_query(&parse(&format!("SELECT * {{ {triples} }}"))).is_err());
        let path = vec!["ex:p"; MAX_PATTERNS + 1].join("/");
        assert!(check_query(&parse(&format!("SELECT * {{ ?s {path} ?o }}"))).is_err());
        let unions = vec!["{ ?s ex:p ?o }"; 40].join(" UNION ");
        assert!(check_query(&parse(&format!("SELECT * {{ {unions} }}"))).is_ok());
    }
}
