//! Depth and size of a parsed query: what the evaluator's recursion and its optimiser can take.

use spargebra::algebra::{
    AggregateExpression, Expression, GraphPattern, OrderExpression, PropertyPathExpression,
};
use spargebra::Query;

use super::{too_deep, MAX_DEPTH, MAX_PATTERNS};
use crate::i18n::Message;
use crate::server::http::error::AppError;

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
