//! How long the strings a query builds can grow, bounded before evaluation.
//!
//! The evaluator computes `BIND`, `FILTER`, projection and `ORDER BY` expressions without
//! checking the cancellation token, and a query of a kilobyte can ask for a string of a
//! terabyte: each of 40 chained `BIND(CONCAT(?a, ?a) AS ?b)` doubles the last, and nothing
//! stops the worker thread before the allocator fails and the process aborts (measured: a 1.3 KB
//! query of 40 doublings aborted `sco-kg query` on "memory allocation of 1073741824 bytes
//! failed" within seconds). A timeout cannot help: the worker is inside one expression.
//!
//! So every expression of a query gets an upper bound of the bytes its value can have —
//! literals and IRIs their own length, a variable bound by the data at most [`DATA_BYTES`] (or
//! the query's length, if longer), `CONCAT` the sum of its arguments, `REPLACE` what its
//! replacement can do at every match, case mappings and `ENCODE_FOR_URI` three bytes a byte, a
//! `GROUP_CONCAT` [`GROUP_CONCAT_VALUES`] values — and a query one of whose expressions could
//! exceed [`MAX_STRING_BYTES`] is refused. Variables bound by expressions carry their bound to
//! where they are used, through groups and subqueries (a name reused in another scope keeps
//! the larger bound: conservative).
//!
//! What this does not bound: the number of rows a query materialises (ORDER BY, GROUP BY,
//! DISTINCT) times their sizes; that is bounded by the timeout only.

use std::collections::HashMap;

use spargebra::algebra::{
    AggregateExpression, AggregateFunction, Expression, Function, GraphPattern,
};
use spargebra::Query;

use super::walk::{children, root, Node};
use super::Refusal;

/// The longest string an expression of a query may be able to build.
pub const MAX_STRING_BYTES: u64 = 16 << 20;

/// What a value read from the data is assumed to be at most: the longest literal of this graph
/// is under 2 KB, and a query may bring literals as long as itself.
pub const DATA_BYTES: u64 = 64 << 10;

/// How many values a `GROUP_CONCAT` is counted as joining. Its real size depends on the rows;
/// the bound is there so that what is built from it is bounded relative to it.
pub const GROUP_CONCAT_VALUES: u64 = 64;

/// The size of a value that is not a string built from others (numbers, booleans, dates,
/// hashes, UUIDs, language tags).
const SMALL: u64 = 128;

/// Checks that no expression of `query` can build a string longer than [`MAX_STRING_BYTES`].
pub fn check_strings(query: &Query) -> Result<(), Refusal> {
    let pattern = root(query);
    let mut longest = 0;
    longest_value(Node::Pattern(pattern), &mut longest);
    let mut bounds = Bounds {
        variables: HashMap::new(),
        data: DATA_BYTES.max(longest),
    };
    bounds.pattern(pattern)
}

/// The longest value a `VALUES` block of the query binds: a variable bound by the data may be
/// as long as it.
fn longest_value(node: Node<'_>, longest: &mut u64) {
    if let Node::Pattern(GraphPattern::Values { bindings, .. }) = node {
        for term in bindings.iter().flatten().flatten() {
            *longest = (*longest).max(term.to_string().len() as u64);
        }
    }
    let _ = children(node, |child| {
        longest_value(child, longest);
        Ok::<(), ()>(())
    });
}

struct Bounds {
    /// Variables bound by expressions (BIND, SELECT expressions, aggregates): their bound.
    variables: HashMap<String, u64>,
    /// A variable bound by the data or by VALUES.
    data: u64,
}

impl Bounds {
    fn bind(&mut self, variable: &str, bytes: u64) {
        let bound = self.variables.entry(variable.to_string()).or_insert(0);
        *bound = (*bound).max(bytes);
    }

    /// Walks the pattern in evaluation order (what an expression reads is bound before it).
    fn pattern(&mut self, p: &GraphPattern) -> Result<(), Refusal> {
        match p {
            GraphPattern::Extend {
                inner,
                variable,
                expression,
            } => {
                self.pattern(inner)?;
                let bytes = self.expression(expression)?;
                self.bind(variable.as_str(), bytes);
                Ok(())
            }
            GraphPattern::Group {
                inner, aggregates, ..
            } => {
                self.pattern(inner)?;
                for (variable, aggregate) in aggregates {
                    let bytes = self.aggregate(aggregate)?;
                    self.bind(variable.as_str(), bytes);
                }
                Ok(())
            }
            _ => children(Node::Pattern(p), |child| self.visit(child)),
        }
    }

    fn aggregate(&mut self, aggregate: &AggregateExpression) -> Result<u64, Refusal> {
        match aggregate {
            AggregateExpression::CountSolutions { .. } => Ok(SMALL),
            AggregateExpression::FunctionCall { name, expr, .. } => {
                let value = self.expression(expr)?;
                let bytes = match name {
                    AggregateFunction::GroupConcat { separator } => {
                        let separator = separator.as_deref().map_or(1, str::len) as u64;
                        value
                            .saturating_add(separator)
                            .saturating_mul(GROUP_CONCAT_VALUES)
                    }
                    AggregateFunction::Count | AggregateFunction::Sum | AggregateFunction::Avg => {
                        SMALL
                    }
                    _ => value,
                };
                limit(bytes)
            }
        }
    }

    /// Checks a node whose own bound does not matter to its parent.
    fn visit(&mut self, node: Node<'_>) -> Result<(), Refusal> {
        match node {
            Node::Pattern(p) => self.pattern(p),
            Node::Expression(e) => self.expression(e).map(drop),
            Node::Path(_) => Ok(()),
        }
    }

    /// The bound of an expression's value; an error if it, or any part of it, exceeds the limit.
    fn expression(&mut self, e: &Expression) -> Result<u64, Refusal> {
        let bytes = match e {
            Expression::NamedNode(n) => n.as_str().len() as u64,
            Expression::Literal(l) => l.value().len() as u64,
            Expression::Variable(v) => self.variables.get(v.as_str()).copied().unwrap_or(self.data),
            // Booleans, numbers and comparisons: small, whatever their operands (each still
            // checked, through the shared walk).
            Expression::Bound(_)
            | Expression::Or(..)
            | Expression::And(..)
            | Expression::Equal(..)
            | Expression::SameTerm(..)
            | Expression::Greater(..)
            | Expression::GreaterOrEqual(..)
            | Expression::Less(..)
            | Expression::LessOrEqual(..)
            | Expression::Add(..)
            | Expression::Subtract(..)
            | Expression::Multiply(..)
            | Expression::Divide(..)
            | Expression::UnaryPlus(_)
            | Expression::UnaryMinus(_)
            | Expression::Not(_)
            | Expression::In(..)
            | Expression::Exists(_) => {
                children(Node::Expression(e), |child| self.visit(child))?;
                SMALL
            }
            Expression::If(condition, then, otherwise) => {
                self.expression(condition)?;
                self.expression(then)?.max(self.expression(otherwise)?)
            }
            Expression::Coalesce(list) => {
                let mut bytes = 0;
                for e in list {
                    bytes = self.expression(e)?.max(bytes);
                }
                bytes
            }
            Expression::FunctionCall(function, arguments) => {
                let mut bounds = Vec::with_capacity(arguments.len());
                for a in arguments {
                    bounds.push(self.expression(a)?);
                }
                call(function, arguments, &bounds)
            }
        };
        limit(bytes)
    }
}

fn limit(bytes: u64) -> Result<u64, Refusal> {
    if bytes > MAX_STRING_BYTES {
        Err(Refusal::StringGrowth {
            bytes,
            limit: MAX_STRING_BYTES,
        })
    } else {
        Ok(bytes)
    }
}

/// The bound of a function's value from the bounds of its arguments.
fn call(function: &Function, arguments: &[Expression], bounds: &[u64]) -> u64 {
    let first = bounds.first().copied().unwrap_or(0);
    let sum = || bounds.iter().fold(0u64, |s, b| s.saturating_add(*b));
    match function {
        Function::Concat => sum(),
        // Every match (at most one a byte, and one more at the end) becomes the replacement,
        // in which each `$n` stands for at most the whole input.
        Function::Replace => {
            let replacement = bounds.get(2).copied().unwrap_or(0);
            let references = match arguments.get(2) {
                Some(Expression::Literal(l)) => l.value().matches('$').count() as u64,
                // A computed replacement may hold any number of `$n`.
                _ => replacement,
            };
            first
                .saturating_add(1)
                .saturating_mul(replacement)
                .saturating_add(first.saturating_mul(references))
                .saturating_add(first)
        }
        // Case mappings and percent-encoding: at most three bytes for one.
        Function::UCase | Function::LCase | Function::EncodeForUri => first.saturating_mul(3),
        // Parts of the first argument, or the argument itself as another kind of term.
        Function::Str
        | Function::SubStr
        | Function::StrBefore
        | Function::StrAfter
        | Function::StrLang
        | Function::StrDt
        | Function::Iri => first,
        Function::Lang
        | Function::LangMatches
        | Function::Datatype
        | Function::BNode
        | Function::Rand
        | Function::Abs
        | Function::Ceil
        | Function::Floor
        | Function::Round
        | Function::StrLen
        | Function::Contains
        | Function::StrStarts
        | Function::StrEnds
        | Function::Year
        | Function::Month
        | Function::Day
        | Function::Hours
        | Function::Minutes
        | Function::Seconds
        | Function::Timezone
        | Function::Tz
        | Function::Now
        | Function::Uuid
        | Function::StrUuid
        | Function::Md5
        | Function::Sha1
        | Function::Sha256
        | Function::Sha384
        | Function::Sha512
        | Function::IsIri
        | Function::IsBlank
        | Function::IsLiteral
        | Function::IsNumeric
        | Function::Regex => SMALL,
        // Casts (xsd:string(?x)) and anything else: no longer than all its arguments together.
        _ => sum().max(SMALL),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<(), Refusal> {
        let query = spargebra::SparqlParser::new()
            .parse_query(text)
            .expect("parses");
        check_strings(&query)
    }

    fn doublings(n: usize) -> String {
        let binds: String = (0..n)
            .map(|i| format!("BIND(CONCAT(?a{i}, ?a{i}) AS ?a{}) ", i + 1))
            .collect();
        format!("SELECT (STRLEN(?a{n}) AS ?n) {{ BIND(\"ab\" AS ?a0) {binds}}}")
    }

    #[test]
    fn chained_doublings_are_refused_past_the_limit() {
        // "ab" doubled 23 times is 16 MiB: the limit.
        assert!(check(&doublings(23)).is_ok());
        let error = check(&doublings(24)).unwrap_err();
        assert_eq!(
            error,
            Refusal::StringGrowth {
                bytes: 32 << 20,
                limit: MAX_STRING_BYTES
            }
        );
        assert!(error.to_string().contains("16 MiB"), "{error}");
        assert!(check(&doublings(40)).is_err());
        // Doubling data values: 64 KiB each, so 8 doublings reach 16 MiB.
        let data = |n: usize| {
            let binds: String = (0..n)
                .map(|i| format!("BIND(CONCAT(?a{i}, ?a{i}) AS ?a{}) ", i + 1))
                .collect();
            format!("SELECT ?a{n} {{ ?s ?p ?a0 {binds}}}")
        };
        assert!(check(&data(8)).is_ok());
        assert!(check(&data(9)).is_err());
    }

    #[test]
    fn growth_through_subqueries_filters_and_aggregates_is_seen() {
        // Through subqueries.
        let mut query = "SELECT ?a0 { ?s ?p ?a0 }".to_string();
        for i in 0..12 {
            query = format!("SELECT (CONCAT(?a{i}, ?a{i}) AS ?a{}) {{ {query} }}", i + 1);
        }
        assert!(check(&query).is_err());
        // Inside a FILTER, where nothing is bound.
        let filter = format!(
            "SELECT * {{ ?s ?p ?o FILTER(STRLEN(CONCAT({})) > 1) }}",
            vec!["?o"; 300].join(", ")
        );
        assert!(check(&filter).is_err());
        // A GROUP_CONCAT doubled and doubled again.
        let gc = "SELECT ?b { { SELECT (GROUP_CONCAT(?o) AS ?g) { ?s ?p ?o } } \
                  BIND(CONCAT(?g, ?g) AS ?a) BIND(CONCAT(?a, ?a) AS ?b) }";
        assert!(check(gc).is_err());
        // REPLACE with a replacement that repeats every match.
        let replace = format!(
            "SELECT (REPLACE(?o, \"\", \"{}\") AS ?x) {{ ?s ?p ?o }}",
            "x".repeat(300)
        );
        assert!(check(&replace).is_err());
        let references = format!(
            "SELECT ?y {{ ?s ?p ?o BIND(REPLACE(?o, \".\", \"{}\") AS ?x) \
             BIND(REPLACE(?x, \".\", \"$0$0\") AS ?y) }}",
            "$0".repeat(100)
        );
        assert!(check(&references).is_err());
        // Case mappings and percent-encoding, chained.
        let encode = format!(
            "SELECT ?x {{ ?s ?p ?o BIND({}?o{} AS ?x) }}",
            "ENCODE_FOR_URI(UCASE(".repeat(3),
            "))".repeat(3)
        );
        assert!(check(&encode).is_err());
        // Through EXISTS, OPTIONAL's condition, ORDER BY and IF.
        let big = vec!["?o"; 300].join(", ");
        for q in [
            format!("ASK {{ ?s ?p ?o FILTER EXISTS {{ BIND(CONCAT({big}) AS ?x) }} }}"),
            format!("SELECT * {{ ?s ?p ?o OPTIONAL {{ ?o ?q ?r FILTER(CONCAT({big}) = \"\") }} }}"),
            format!("SELECT * {{ ?s ?p ?o }} ORDER BY (CONCAT({big}))"),
            format!("SELECT (IF(true, CONCAT({big}), \"\") AS ?x) {{ }}"),
        ] {
            assert!(check(&q).is_err(), "{q}");
        }
    }

    #[test]
    fn ordinary_string_building_passes() {
        for q in [
            "SELECT ?label WHERE { ?s ?p ?o BIND(CONCAT(STR(?s), \" — \", STR(?o), \" (\", \
             LANG(?o), \")\") AS ?label) }",
            "SELECT (GROUP_CONCAT(DISTINCT ?o; SEPARATOR=\", \") AS ?all) WHERE { ?s ?p ?o } \
             GROUP BY ?s",
            "SELECT ?x WHERE { ?s ?p ?o BIND(REPLACE(REPLACE(REPLACE(LCASE(STR(?o)), \" \", \"_\"), \
             \"-\", \"_\"), \"[^a-z_]\", \"\") AS ?x) }",
            "SELECT ?x WHERE { ?s ?p ?o BIND(ENCODE_FOR_URI(UCASE(STR(?o))) AS ?x) } ORDER BY ?x",
            "SELECT ?s (SAMPLE(?o) AS ?one) (COUNT(*) AS ?n) (MAX(STRLEN(?o)) AS ?m) \
             WHERE { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(*) > 2)",
            "SELECT ?s WHERE { ?s ?p ?o FILTER(CONTAINS(LCASE(STR(?o)), \"шос\")) }",
            "SELECT ?x WHERE { ?s ?p ?o BIND(CONCAT(?o, ?o) AS ?x) }",
        ] {
            assert!(check(q).is_ok(), "{q}");
        }
    }
}
