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
//! Upstream, the evaluator checked the cancellation token only when it read the store, not
//! while it combined rows it held in memory: for `{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }` over
//! this graph (6454² ≈ 4·10⁷ combinations between two reads) a cancelled query ran on for 93 s,
//! and `{ ?a ?b ?c . ?d (!ex:x)* ?f }` for 9.5 minutes. Our patched evaluator
//! (`vendor/spareval/PATCH.md`) checks it before every row each operator hands on, and a
//! query's memory is bounded (`store::budget`); these estimates remain the first line:
//! what could not finish in time or fit in memory is refused before it runs, with a message
//! that says why — products beyond [`MAX_PRODUCT`], parts held whole in memory beyond
//! [`MAX_GATHERED`] ([`check_products`]).
//!
//! `KnowledgeGraph` applies them to every query it runs unless told not to
//! ([`crate::store::QueryOptions::unchecked`]); [`check_text`] and [`check`] are what it calls.
//!
//! One file a check: `text` (nesting, on the text, before parsing), `shape` (depth and size of
//! the parsed query), [`growth`] (strings too long to build), `products` (Cartesian products and
//! sorts, estimated from the store's counts); `walk` is the one walk over the query's algebra
//! they share, `refusal` what they answer. `light` is no refusal: what is cheap enough to run
//! without a worker thread.

pub mod growth;
mod light;
mod products;
mod refusal;
mod shape;
mod text;
mod walk;

pub use light::{
    asks_service, light_text, Weight, LIGHT_DEPTH, LIGHT_PARENTHESES, LIGHT_TEXT_BYTES, LIGHT_WORK,
};
pub use products::{check_products, estimate_rows, estimate_work, matches, Position, Statistics};
pub use refusal::Refusal;
pub use shape::check_query;
pub use text::check_text;

use spargebra::Query;

/// Every check of a parsed query: its depth and size, the strings it can build, its products
/// and sorts as estimated from `statistics`; and, for a query they let through, its
/// [`Weight`] from the same estimates. [`check_text`] comes before parsing.
pub fn check(query: &Query, statistics: &dyn Statistics) -> Result<Weight, Refusal> {
    check_query(query)?;
    growth::check_strings(query)?;
    let work = products::check_products_and_estimate_work(query, statistics)?;
    Ok(Weight::of(query, work))
}

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

/// The most rows a part of a query that the evaluator holds whole in memory may be estimated
/// to have: the right side of OPTIONAL and MINUS, the closure of a path with `*` or `+`. `OPTIONAL { ?d ?e ?f . ?g ?h ?i }` over this graph would hold 4·10⁷ rows
/// (7 GB in 9 s); the memory budget of a query would stop it, this refuses it before it runs.
pub const MAX_GATHERED: u64 = 4_000_000;

/// The most rows an ORDER BY may be estimated to sort. The evaluator gathers every row before
/// sorting and sorts without checking the cancellation token: an ORDER BY over the graph
/// squared, stopped at a 1 s timeout, went on sorting what it had gathered for 10 to 18 s more.
pub const MAX_SORTED: u64 = 1_000_000;

/// The stack of a query's worker thread: room to parse any query of the default length and
/// to evaluate any query within the limits above, with a wide margin. Reserved, not committed:
/// untouched pages cost nothing.
pub const WORKER_STACK: usize = 256 << 20;

/// A parser with the prefix `ex:`, for the checks' tests.
#[cfg(test)]
fn parse(text: &str) -> spargebra::Query {
    spargebra::SparqlParser::new()
        .with_prefix("ex", "http://example.org/")
        .unwrap()
        .parse_query(text)
        .unwrap()
}
