//! Query shapes the evaluator cannot survive or cannot stop, refused with 400 before it sees
//! them.
//!
//! Oxigraph parses, optimises and evaluates by recursion over the query's tree, and its
//! optimiser (join ordering) neither checks the cancellation token nor scales well: measured
//! with this graph, a 1000-deep nesting of `{ }` or 40 chained `+` overflow a 2 MiB thread
//! stack (the process aborts), and 100 triple patterns in one group keep the optimiser busy
//! for seconds, out of the token's reach. So a query is evaluated on a thread with a large
//! stack ([`WORKER_STACK`]) and must stay within [`MAX_DEPTH`] levels of nesting and
//! [`MAX_PATTERNS`] patterns. Real queries are far below both.
//!
//! The evaluator checks the cancellation token when it reads the store, not while it combines
//! rows it holds in memory. A Cartesian product of three or more unrelated patterns combines
//! the product of all but one of them between two reads: for
//! `{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }` over this graph, 6454² ≈ 4·10⁷ combinations, and a
//! cancelled query ran on for 93 s (debug build). Parts that do not read the store at all
//! (VALUES) are combined without a single check: two VALUES of 5000 rows each ran on for 26 s
//! after their 1 s timeout. So such products are estimated from the store's counts and refused
//! beyond [`MAX_PRODUCT`] ([`check_products`]).

use crate::i18n::Message;
use std::cell::RefCell;
use std::collections::HashMap;

use oxigraph::model::TermRef;
use spargebra::algebra::{
    AggregateExpression, Expression, GraphPattern, OrderExpression, PropertyPathExpression,
};
use spargebra::term::{NamedNodePattern, TermPattern, TriplePattern};
use spargebra::Query;

use super::error::AppError;
use crate::store::PatternCounts;

/// The deepest nesting of groups, expressions and paths a query may have.
pub const MAX_DEPTH: usize = 128;

/// The deepest nesting of parentheses. The SPARQL parser backtracks through nested
/// parentheses in time exponential in their depth, and parsing cannot be cancelled: 312 bytes of
/// `(!sco:CT (!sco:CTLECT44:1111 …` nested 21 deep took 4.7 s to refuse, 24 deep 73 s, holding
/// a query slot throughout (found by the `sparql_guard` fuzz target). 16 deep costs at most
/// about 0.5 s, and real queries nest expressions a few levels.
pub const MAX_PARENTHESES: usize = 16;

/// The most triple patterns, path steps and VALUES blocks a query may have: what the optimiser
/// orders.
pub const MAX_PATTERNS: usize = 100;

/// The most combinations a Cartesian product of unrelated parts may make between two checks of
/// the cancellation token (the product of all parts but the largest that reads the store).
pub const MAX_PRODUCT: u64 = 1_000_000;

/// The most rows an ORDER BY may be estimated to sort. The evaluator gathers every row before
/// sorting and sorts without checking the cancellation token: an ORDER BY over the graph
/// squared, stopped at a 1 s timeout, went on sorting what it had gathered for 10 to 18 s more.
pub const MAX_SORTED: u64 = 1_000_000;

/// The stack of a query's worker thread: room to parse any query of the default length and
/// to evaluate any query within the limits above, with a wide margin. Reserved, not committed:
/// untouched pages cost nothing.
pub const WORKER_STACK: usize = 256 << 20;

fn too_deep() -> AppError {
    AppError::BadRequest(Message::new("api-error-too-deep").arg("limit", MAX_DEPTH))
}

/// Brackets nest at most [`MAX_DEPTH`] deep, and parentheses [`MAX_PARENTHESES`], outside
/// strings, IRIs and comments: checked on the text, before the parser sees it.
pub fn check_text(text: &str) -> Result<(), AppError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut parentheses = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'(' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep());
                }
                if bytes[i] == b'(' {
                    parentheses += 1;
                    if parentheses > MAX_PARENTHESES {
                        return Err(AppError::BadRequest(
                            Message::new("api-error-parentheses-too-deep")
                                .arg("limit", MAX_PARENTHESES),
                        ));
                    }
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b')' => {
                depth = depth.saturating_sub(1);
                parentheses = parentheses.saturating_sub(1);
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            quote @ (b'"' | b'\'') => {
                let long = bytes[i..].starts_with(&[quote; 3]);
                i += if long { 3 } else { 1 };
                while i < bytes.len() {
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if long && bytes[i..].starts_with(&[quote; 3]) {
                        i += 2;
                        break;
                    }
                    if !long && (bytes[i] == quote || bytes[i] == b'\n') {
                        break;
                    }
                    i += 1;
                }
            }
            // An IRI, if what follows up to '>' could be one; otherwise a comparison.
            b'<' => {
                if let Some(end) = bytes[i + 1..]
                    .iter()
                    .position(|&b| b == b'>' || b <= b' ' || b"<\"{}|^`\\".contains(&b))
                {
                    if bytes[i + 1 + end] == b'>' {
                        i += end + 1;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Depth and size of a parsed query.
#[derive(Default)]
struct Measure {
    deepest: usize,
    patterns: usize,
}

impl Measure {
    fn enter(&mut self, depth: usize) -> Result<(), AppError> {
        self.deepest = self.deepest.max(depth);
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        Ok(())
    }

    fn count(&mut self, n: usize) -> Result<(), AppError> {
        self.patterns += n;
        if self.patterns > MAX_PATTERNS {
            return Err(AppError::BadRequest(
                Message::new("api-error-too-many-patterns").arg("limit", MAX_PATTERNS),
            ));
        }
        Ok(())
    }

    fn pattern(&mut self, p: &GraphPattern, depth: usize) -> Result<(), AppError> {
        self.enter(depth)?;
        let d = depth + 1;
        match p {
            GraphPattern::Bgp { patterns } => self.count(patterns.len()),
            GraphPattern::Path { path, .. } => self.path(path, d),
            GraphPattern::Join { left, right }
            | GraphPattern::Lateral { left, right }
            | GraphPattern::Union { left, right }
            | GraphPattern::Minus { left, right } => {
                self.pattern(left, d)?;
                self.pattern(right, d)
            }
            GraphPattern::LeftJoin {
                left,
                right,
                expression,
            } => {
                self.pattern(left, d)?;
                self.pattern(right, d)?;
                expression.iter().try_for_each(|e| self.expression(e, d))
            }
            GraphPattern::Filter { expr, inner } => {
                self.expression(expr, d)?;
                self.pattern(inner, d)
            }
            GraphPattern::Extend {
                inner, expression, ..
            } => {
                self.expression(expression, d)?;
                self.pattern(inner, d)
            }
            GraphPattern::OrderBy { inner, expression } => {
                for e in expression {
                    match e {
                        OrderExpression::Asc(e) | OrderExpression::Desc(e) => {
                            self.expression(e, d)?
                        }
                    }
                }
                self.pattern(inner, d)
            }
            GraphPattern::Group {
                inner, aggregates, ..
            } => {
                for (_, aggregate) in aggregates {
                    if let AggregateExpression::FunctionCall { expr, .. } = aggregate {
                        self.expression(expr, d)?;
                    }
                }
                self.pattern(inner, d)
            }
            GraphPattern::Graph { inner, .. }
            | GraphPattern::Project { inner, .. }
            | GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner }
            | GraphPattern::Slice { inner, .. }
            | GraphPattern::Service { inner, .. } => self.pattern(inner, d),
            GraphPattern::Values { .. } => self.count(1),
        }
    }

    fn expression(&mut self, e: &Expression, depth: usize) -> Result<(), AppError> {
        self.enter(depth)?;
        let d = depth + 1;
        match e {
            Expression::NamedNode(_)
            | Expression::Literal(_)
            | Expression::Variable(_)
            | Expression::Bound(_) => Ok(()),
            Expression::Or(a, b)
            | Expression::And(a, b)
            | Expression::Equal(a, b)
            | Expression::SameTerm(a, b)
            | Expression::Greater(a, b)
            | Expression::GreaterOrEqual(a, b)
            | Expression::Less(a, b)
            | Expression::LessOrEqual(a, b)
            | Expression::Add(a, b)
            | Expression::Subtract(a, b)
            | Expression::Multiply(a, b)
            | Expression::Divide(a, b) => {
                self.expression(a, d)?;
                self.expression(b, d)
            }
            Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => {
                self.expression(a, d)
            }
            Expression::In(a, list) => {
                self.expression(a, d)?;
                list.iter().try_for_each(|e| self.expression(e, d))
            }
            Expression::If(a, b, c) => {
                self.expression(a, d)?;
                self.expression(b, d)?;
                self.expression(c, d)
            }
            Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
                list.iter().try_for_each(|e| self.expression(e, d))
            }
            Expression::Exists(p) => self.pattern(p, d),
        }
    }

    fn path(&mut self, p: &PropertyPathExpression, depth: usize) -> Result<(), AppError> {
        self.enter(depth)?;
        let d = depth + 1;
        match p {
            PropertyPathExpression::NamedNode(_)
            | PropertyPathExpression::NegatedPropertySet(_) => self.count(1),
            PropertyPathExpression::Reverse(a)
            | PropertyPathExpression::ZeroOrMore(a)
            | PropertyPathExpression::OneOrMore(a)
            | PropertyPathExpression::ZeroOrOne(a) => self.path(a, d),
            PropertyPathExpression::Sequence(a, b) | PropertyPathExpression::Alternative(a, b) => {
                self.path(a, d)?;
                self.path(b, d)
            }
        }
    }
}

/// The parsed query stays within [`MAX_DEPTH`] and [`MAX_PATTERNS`]. Recursive, but stops at
/// `MAX_DEPTH`: safe on any stack that could parse the query.
pub fn check_query(query: &Query) -> Result<(), AppError> {
    let mut measure = Measure::default();
    match query {
        Query::Select { pattern, .. }
        | Query::Ask { pattern, .. }
        | Query::Describe { pattern, .. } => measure.pattern(pattern, 0),
        Query::Construct { pattern, .. } => measure.pattern(pattern, 0),
    }
}

/// A part of a join group: its variables, an estimate of its rows, and whether evaluating it
/// reads the store (and so checks the cancellation token) — VALUES does not.
struct Operand<'q> {
    variables: Vec<Name<'q>>,
    rows: u64,
    reads: bool,
}

/// A variable of a group, borrowed from the query: a blank node of a pattern is one too, and
/// never the same as a variable of the same name.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Name<'q> {
    Variable(&'q str),
    BlankNode(&'q str),
}

fn variable(term: &TermPattern) -> Option<Name<'_>> {
    match term {
        TermPattern::Variable(v) => Some(Name::Variable(v.as_str())),
        TermPattern::BlankNode(b) => Some(Name::BlankNode(b.as_str())),
        _ => None,
    }
}

/// The row estimates of a query's triple patterns. A group nested in another is estimated as a
/// part of it and then checked on its own, so each pattern is counted once and remembered (a
/// 99-branch UNION counted its patterns 5000 times when counting read the store).
struct Counter<'q> {
    rows: &'q dyn Fn(&TriplePattern) -> u64,
    counted: RefCell<HashMap<&'q TriplePattern, u64>>,
}

impl<'q> Counter<'q> {
    fn pattern(&self, t: &'q TriplePattern) -> u64 {
        if let Some(&n) = self.counted.borrow().get(t) {
            return n;
        }
        let n = (self.rows)(t);
        self.counted.borrow_mut().insert(t, n);
        n
    }

    /// A path of one step is its triple pattern; a longer one may reach any pair: as many rows
    /// as the graph has triples.
    fn path(
        &self,
        subject: &TermPattern,
        path: &PropertyPathExpression,
        object: &TermPattern,
    ) -> u64 {
        let any = || spargebra::term::Variable::new_unchecked("any");
        let pattern = match path {
            PropertyPathExpression::NamedNode(n) => TriplePattern {
                subject: subject.clone(),
                predicate: n.clone().into(),
                object: object.clone(),
            },
            _ => TriplePattern {
                subject: any().into(),
                predicate: any().into(),
                object: any().into(),
            },
        };
        (self.rows)(&pattern)
    }
}

/// How many triples of the graph match a pattern (its constants bound).
pub fn matches(counts: &PatternCounts, pattern: &TriplePattern) -> u64 {
    let subject: Option<TermRef<'_>> = match &pattern.subject {
        TermPattern::NamedNode(n) => Some(n.as_ref().into()),
        TermPattern::Literal(_) => return 0,
        _ => None,
    };
    let predicate = match &pattern.predicate {
        NamedNodePattern::NamedNode(n) => Some(n.as_ref()),
        NamedNodePattern::Variable(_) => None,
    };
    let object: Option<TermRef<'_>> = match &pattern.object {
        TermPattern::NamedNode(n) => Some(n.as_ref().into()),
        TermPattern::Literal(l) => Some(l.as_ref().into()),
        _ => None,
    };
    counts.count(subject, predicate, object)
}

/// Cartesian products the evaluator could not stop in time are refused: in every join group
/// (triple patterns, property paths and the groups joined with them), the parts that share no
/// variable are multiplied; the product of all but the largest part that reads the store (of
/// all, when none does) must stay within [`MAX_PRODUCT`]. `rows` estimates a triple pattern's
/// rows.
pub fn check_products<'q>(
    query: &'q Query,
    rows: &'q dyn Fn(&TriplePattern) -> u64,
) -> Result<(), AppError> {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Ask { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Construct { pattern, .. } => pattern,
    };
    let counter = Counter {
        rows,
        counted: RefCell::new(HashMap::new()),
    };
    let mut groups = vec![pattern];
    while let Some(group) = groups.pop() {
        let mut operands = Vec::new();
        flatten(group, &counter, &mut operands, &mut groups);
        check_group(&operands)?;
    }
    check_sorts(pattern, &counter)
}

/// Every ORDER BY sorts at most [`MAX_SORTED`] rows, as estimated.
fn check_sorts<'q>(p: &'q GraphPattern, counter: &Counter<'q>) -> Result<(), AppError> {
    match p {
        GraphPattern::OrderBy { inner, .. } => {
            let estimated = estimate(inner, counter).rows;
            if estimated > MAX_SORTED {
                return Err(AppError::BadRequest(
                    Message::new("api-error-sort-too-large")
                        .arg("rows", estimated)
                        .arg("limit", MAX_SORTED),
                ));
            }
            check_sorts(inner, counter)
        }
        GraphPattern::Join { left, right }
        | GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            check_sorts(left, counter)?;
            check_sorts(right, counter)
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => check_sorts(inner, counter),
        GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => {
            Ok(())
        }
    }
}

/// Collects the parts of the join group `p` heads; the groups nested in it go to `nested`.
fn flatten<'q>(
    p: &'q GraphPattern,
    counter: &Counter<'q>,
    operands: &mut Vec<Operand<'q>>,
    nested: &mut Vec<&'q GraphPattern>,
) {
    match p {
        GraphPattern::Bgp { patterns } => {
            for t in patterns {
                let mut variables: Vec<Name<'q>> = [variable(&t.subject), variable(&t.object)]
                    .into_iter()
                    .flatten()
                    .collect();
                if let NamedNodePattern::Variable(v) = &t.predicate {
                    variables.push(Name::Variable(v.as_str()));
                }
                operands.push(Operand {
                    variables,
                    rows: counter.pattern(t),
                    reads: true,
                });
            }
        }
        GraphPattern::Path {
            subject,
            path,
            object,
        } => operands.push(Operand {
            variables: [variable(subject), variable(object)]
                .into_iter()
                .flatten()
                .collect(),
            rows: counter.path(subject, path, object),
            reads: true,
        }),
        GraphPattern::Join { left, right } => {
            flatten(left, counter, operands, nested);
            flatten(right, counter, operands, nested);
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::Graph { inner, .. } => flatten(inner, counter, operands, nested),
        // Any other pattern is one part of this group, and heads groups of its own.
        other => {
            operands.push(estimate(other, counter));
            match other {
                GraphPattern::LeftJoin { left, right, .. }
                | GraphPattern::Lateral { left, right }
                | GraphPattern::Union { left, right }
                | GraphPattern::Minus { left, right } => {
                    nested.push(left);
                    nested.push(right);
                }
                GraphPattern::OrderBy { inner, .. }
                | GraphPattern::Project { inner, .. }
                | GraphPattern::Distinct { inner }
                | GraphPattern::Reduced { inner }
                | GraphPattern::Slice { inner, .. }
                | GraphPattern::Group { inner, .. }
                | GraphPattern::Service { inner, .. } => nested.push(inner),
                _ => {}
            }
        }
    }
}

/// The variables and a rough row count of a pattern taken as one part of a join.
fn estimate<'q>(p: &'q GraphPattern, counter: &Counter<'q>) -> Operand<'q> {
    let union = |a: Operand<'q>, b: Operand<'q>, rows: u64| Operand {
        variables: a.variables.into_iter().chain(b.variables).collect(),
        rows,
        reads: a.reads || b.reads,
    };
    match p {
        GraphPattern::Union { left, right } => {
            let (a, b) = (estimate(left, counter), estimate(right, counter));
            let n = a.rows.saturating_add(b.rows);
            union(a, b, n)
        }
        GraphPattern::LeftJoin { left, right, .. } | GraphPattern::Minus { left, right } => {
            let (a, b) = (estimate(left, counter), estimate(right, counter));
            let n = a.rows;
            union(a, b, n)
        }
        GraphPattern::Lateral { left, right } => {
            let (a, b) = (estimate(left, counter), estimate(right, counter));
            let n = a.rows.saturating_mul(b.rows);
            union(a, b, n)
        }
        GraphPattern::Project { inner, variables } => {
            let inner = estimate(inner, counter);
            Operand {
                variables: variables
                    .iter()
                    .map(|v| Name::Variable(v.as_str()))
                    .collect(),
                rows: inner.rows,
                reads: inner.reads,
            }
        }
        GraphPattern::Group {
            inner,
            variables,
            aggregates,
        } => {
            let inner = estimate(inner, counter);
            Operand {
                variables: variables
                    .iter()
                    .chain(aggregates.iter().map(|(v, _)| v))
                    .map(|v| Name::Variable(v.as_str()))
                    .collect(),
                rows: if variables.is_empty() { 1 } else { inner.rows },
                reads: inner.reads,
            }
        }
        GraphPattern::Slice {
            inner,
            length: Some(length),
            ..
        } => {
            let mut inner = estimate(inner, counter);
            inner.rows = inner.rows.min(*length as u64);
            inner
        }
        GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. } => estimate(inner, counter),
        GraphPattern::Values {
            variables,
            bindings,
        } => Operand {
            variables: variables
                .iter()
                .map(|v| Name::Variable(v.as_str()))
                .collect(),
            rows: bindings.len() as u64,
            reads: false,
        },
        // SERVICE is refused when evaluated.
        GraphPattern::Service { .. } => Operand {
            variables: Vec::new(),
            rows: 1,
            reads: false,
        },
        // A join group: its parts multiplied, each connected part as large as its largest.
        group => {
            let mut operands = Vec::new();
            let mut ignored = Vec::new();
            flatten(group, counter, &mut operands, &mut ignored);
            let rows = parts(&operands)
                .into_iter()
                .fold(1u64, |p, (n, _)| p.saturating_mul(n.max(1)));
            Operand {
                reads: operands.iter().any(|o| o.reads),
                variables: operands.into_iter().flat_map(|o| o.variables).collect(),
                rows,
            }
        }
    }
}

/// The rows of each connected part of a join group (parts related by shared variables), and
/// whether it reads the store.
fn parts(operands: &[Operand]) -> Vec<(u64, bool)> {
    let mut parent: Vec<usize> = (0..operands.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Parts that share a variable are one: sorted by name, the holders of a variable are
    // neighbours (sorting costs less than hashing the names, and stays n log n).
    let mut names: Vec<(Name<'_>, usize)> = operands
        .iter()
        .enumerate()
        .flat_map(|(i, operand)| operand.variables.iter().map(move |&v| (v, i)))
        .collect();
    names.sort_unstable();
    for pair in names.windows(2) {
        if pair[0].0 == pair[1].0 {
            let (a, b) = (root(&mut parent, pair[0].1), root(&mut parent, pair[1].1));
            parent[a] = b;
        }
    }
    // A connected part has about as many rows as its largest pattern.
    let mut parts: Vec<Option<(u64, bool)>> = vec![None; operands.len()];
    for (i, operand) in operands.iter().enumerate() {
        let (rows, reads) = parts[root(&mut parent, i)].get_or_insert((0, false));
        *rows = (*rows).max(operand.rows);
        *reads |= operand.reads;
    }
    parts.into_iter().flatten().collect()
}

/// The evaluator checks the token as it reads the store: it iterates one part that reads the
/// store (the largest, at best) and, between two of its rows, combines all the other parts. A
/// group none of whose parts reads the store (VALUES × VALUES) is combined without a single
/// check: all of it counts.
fn check_group(operands: &[Operand]) -> Result<(), AppError> {
    let mut parts = parts(operands);
    if parts.len() < 2 {
        return Ok(());
    }
    let count = parts.len();
    parts.sort_unstable();
    if let Some(iterated) = parts.iter().rposition(|&(_, reads)| reads) {
        parts.remove(iterated);
    }
    let product = parts
        .iter()
        .fold(1u64, |p, &(n, _)| p.saturating_mul(n.max(1)));
    if product > MAX_PRODUCT {
        return Err(AppError::BadRequest(
            Message::new("api-error-cartesian-product")
                .arg("parts", count)
                .arg("combinations", product),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Query {
        spargebra::SparqlParser::new()
            .with_prefix("ex", "http://example.org/")
            .unwrap()
            .parse_query(text)
            .unwrap()
    }

    #[test]
    fn text_depth_ignores_strings_iris_and_comments() {
        let deep = format!("SELECT * {{ {} }}", "{".repeat(MAX_DEPTH + 1));
        assert!(check_text(&deep).is_err());
        let fine = format!(
            "SELECT * {}{}",
            "{".repeat(MAX_DEPTH),
            "}".repeat(MAX_DEPTH)
        );
        assert!(check_text(&fine).is_ok());
        let opening = "(".repeat(MAX_DEPTH * 2);
        // Parentheses have their own, lower limit; side by side they are fine.
        let nested = |n: usize| format!("SELECT ({}1{} AS ?x) {{}}", "(".repeat(n), ")".repeat(n));
        assert!(check_text(&nested(MAX_PARENTHESES - 1)).is_ok());
        assert!(check_text(&nested(MAX_PARENTHESES)).is_err());
        let side_by_side = format!(
            "SELECT * {{ {} }}",
            "FILTER((?a))".repeat(MAX_PARENTHESES * 4)
        );
        assert!(check_text(&side_by_side).is_ok());
        for quoted in [
            format!("SELECT * {{ FILTER(?x = \"{opening}\") }}"),
            format!("SELECT * {{ FILTER(?x = '{opening}') }}"),
            format!("SELECT * {{ FILTER(?x = \"\"\"{opening}\n{opening}\"\"\") }}"),
            format!("SELECT * {{ FILTER(?x = \"a\\\"{opening}\") }}"),
            format!("SELECT * {{ ?s <http://example.org/{opening}> ?o }}"),
            format!("SELECT * {{ ?s ?p ?o }} # {opening}"),
        ] {
            assert!(check_text(&quoted).is_ok(), "{quoted}");
        }
        // '<' as a comparison does not hide what follows.
        let compare = format!(
            "SELECT * {{ FILTER(?a < ?b) {} }}",
            "{".repeat(MAX_DEPTH + 1)
        );
        assert!(check_text(&compare).is_err());
        // Nor does an IRI with a '#'.
        let iri = format!(
            "SELECT * {{ ?s <http://x/#a> ?o {} }}",
            "{".repeat(MAX_DEPTH + 1)
        );
        assert!(check_text(&iri).is_err());
    }

    #[test]
    fn cartesian_products_of_three_large_parts_are_refused() {
        let rows = |t: &TriplePattern| match &t.predicate {
            NamedNodePattern::Variable(_) => 6454,
            NamedNodePattern::NamedNode(_) => 100,
        };
        let check = |q: &str| check_products(&parse(q), &rows);
        assert!(check("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }").is_err());
        assert!(check("SELECT * { { ?a ?b ?c } { ?d ?e ?f } ?g ?h ?i }").is_err());
        assert!(check("SELECT * { OPTIONAL { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } }").is_err());
        assert!(check("SELECT * { { SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } } }").is_err());
        // Two parts, related parts, small parts: fine.
        assert!(check("SELECT * { ?a ?b ?c . ?d ?e ?f }").is_ok());
        assert!(check("SELECT * { ?a ?b ?c . ?c ?e ?f . ?f ?h ?i }").is_ok());
        assert!(check("SELECT * { ?a ex:p ?c . ?d ex:p ?f . ?g ex:p ?i }").is_ok());
        assert!(check("SELECT * { ?a ?b ?c . ?d ex:p ?f . ?g ex:p ?i }").is_ok());
        assert!(check("SELECT * { { ?a ?b ?c } UNION { ?d ?e ?f } ?g ?h ?i }").is_ok());
        // Parts that are groups of their own count with their estimated rows.
        assert!(check("SELECT * { { ?a ?b ?c } UNION { ?x ?y ?z } ?d ?e ?f . ?g ?h ?i }").is_err());
        assert!(check("SELECT * { { SELECT ?a { ?a ?b ?c } } ?d ?e ?f . ?g ?h ?i }").is_err());
        assert!(
            check("SELECT * { { SELECT (COUNT(*) AS ?n) { ?a ?b ?c } } ?d ?e ?f . ?g ?h ?i }")
                .is_ok()
        );
        assert!(check("SELECT * { VALUES ?v { 1 2 } ?d ?e ?f . ?g ?h ?i }").is_ok());
        // VALUES are combined without reading the store: two large ones are refused, one with
        // the store's triples is not (the token is checked at each triple).
        let values = |name: &str| {
            let numbers: Vec<String> = (0..2000).map(|i| i.to_string()).collect();
            format!("VALUES ?{name} {{ {} }}", numbers.join(" "))
        };
        assert!(check(&format!("SELECT * {{ {} {} }}", values("x"), values("y"))).is_err());
        assert!(check(&format!("SELECT * {{ {} ?a ?b ?c }}", values("x"))).is_ok());
        assert!(check(&format!(
            "SELECT * {{ {} {} ?a ?b ?x }}",
            values("x"),
            values("x")
        ))
        .is_ok());
    }

    #[test]
    fn sorts_of_large_products_are_refused() {
        let rows = |t: &TriplePattern| match &t.predicate {
            NamedNodePattern::Variable(_) => 6454,
            NamedNodePattern::NamedNode(_) => 100,
        };
        let check = |q: &str| check_products(&parse(q), &rows);
        assert!(check("SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c").is_err());
        assert!(
            check("SELECT * { { SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c LIMIT 1 } }").is_err()
        );
        assert!(check("SELECT * { ?a ?b ?c } ORDER BY ?c").is_ok());
        assert!(check("SELECT * { ?a ex:p ?c . ?d ex:p ?f } ORDER BY ?c").is_ok());
        assert!(check("SELECT ?c (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?c").is_ok());
    }

    #[test]
    fn each_pattern_is_counted_once() {
        let calls = std::cell::Cell::new(0);
        let rows = |_: &TriplePattern| {
            calls.set(calls.get() + 1);
            100
        };
        let unions = vec!["{ ?s ex:p ?o }"; 99].join(" UNION ");
        let query = parse(&format!("SELECT * {{ {unions} ?a ex:q ?b }}"));
        assert!(check_products(&query, &rows).is_ok());
        assert_eq!(calls.get(), 2);
    }

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
