//! The one walk over a query's algebra that the checks share: the children of a node, in the
//! order the evaluator computes them (a pattern before the expressions that read what it
//! binds). Each check recurses through [`children`] and handles only the nodes it cares about.

use spargebra::algebra::{
    AggregateExpression, Expression, GraphPattern, OrderExpression, PropertyPathExpression,
};
use spargebra::Query;

/// A node of a query's algebra.
#[derive(Clone, Copy)]
pub enum Node<'q> {
    Pattern(&'q GraphPattern),
    Expression(&'q Expression),
    Path(&'q PropertyPathExpression),
}

/// The pattern a query evaluates (its WHERE clause).
pub fn root(query: &Query) -> &GraphPattern {
    match query {
        Query::Select { pattern, .. }
        | Query::Ask { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Construct { pattern, .. } => pattern,
    }
}

/// Calls `visit` on each direct child of `node`, in evaluation order; stops at the first error.
pub fn children<'q, E>(
    node: Node<'q>,
    mut visit: impl FnMut(Node<'q>) -> Result<(), E>,
) -> Result<(), E> {
    use Node::{Expression as E_, Path as P, Pattern as G};
    match node {
        G(p) => match p {
            GraphPattern::Bgp { .. } | GraphPattern::Values { .. } => Ok(()),
            GraphPattern::Path { path, .. } => visit(P(path)),
            GraphPattern::Join { left, right }
            | GraphPattern::Lateral { left, right }
            | GraphPattern::Union { left, right }
            | GraphPattern::Minus { left, right } => {
                visit(G(left))?;
                visit(G(right))
            }
            GraphPattern::LeftJoin {
                left,
                right,
                expression,
            } => {
                visit(G(left))?;
                visit(G(right))?;
                expression.iter().try_for_each(|e| visit(E_(e)))
            }
            GraphPattern::Filter { expr, inner } => {
                visit(G(inner))?;
                visit(E_(expr))
            }
            GraphPattern::Extend {
                inner, expression, ..
            } => {
                visit(G(inner))?;
                visit(E_(expression))
            }
            GraphPattern::OrderBy { inner, expression } => {
                visit(G(inner))?;
                expression.iter().try_for_each(|e| match e {
                    OrderExpression::Asc(e) | OrderExpression::Desc(e) => visit(E_(e)),
                })
            }
            GraphPattern::Group {
                inner, aggregates, ..
            } => {
                visit(G(inner))?;
                aggregates
                    .iter()
                    .try_for_each(|(_, aggregate)| match aggregate {
                        AggregateExpression::FunctionCall { expr, .. } => visit(E_(expr)),
                        AggregateExpression::CountSolutions { .. } => Ok(()),
                    })
            }
            GraphPattern::Graph { inner, .. }
            | GraphPattern::Project { inner, .. }
            | GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner }
            | GraphPattern::Slice { inner, .. }
            | GraphPattern::Service { inner, .. } => visit(G(inner)),
        },
        E_(e) => match e {
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
                visit(E_(a))?;
                visit(E_(b))
            }
            Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => {
                visit(E_(a))
            }
            Expression::In(a, list) => {
                visit(E_(a))?;
                list.iter().try_for_each(|e| visit(E_(e)))
            }
            Expression::If(a, b, c) => {
                visit(E_(a))?;
                visit(E_(b))?;
                visit(E_(c))
            }
            Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
                list.iter().try_for_each(|e| visit(E_(e)))
            }
            Expression::Exists(p) => visit(G(p)),
        },
        P(p) => match p {
            PropertyPathExpression::NamedNode(_)
            | PropertyPathExpression::NegatedPropertySet(_) => Ok(()),
            PropertyPathExpression::Reverse(a)
            | PropertyPathExpression::ZeroOrMore(a)
            | PropertyPathExpression::OneOrMore(a)
            | PropertyPathExpression::ZeroOrOne(a) => visit(P(a)),
            PropertyPathExpression::Sequence(a, b) | PropertyPathExpression::Alternative(a, b) => {
                visit(P(a))?;
                visit(P(b))
            }
        },
    }
}
