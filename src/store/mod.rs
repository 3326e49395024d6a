//! Store: the graph indexed for SPARQL (numbered terms, sorted three ways: `index.rs`), and
//! queries over it, evaluated by Oxigraph's evaluator (`vendor/spareval`).

mod answer;
mod budget;
mod capped;
pub mod checks;
mod counts;
mod error;
mod extensions;
mod index;
mod json_results;
mod prefixed;
mod scale;
mod syntax;

use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QueryResults};
use spareval::QueryEvaluator;
use spargebra::SparqlParser;

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use crate::graph::{self, vocab, Base};
use crate::link::LinkedPlan;
use crate::lookup::LookupIndex;

pub use answer::{display_term, write_triples, write_triples_to, Answer, ResultFormat, JSON_LD};
pub use budget::{is_counting, CountingAllocator};
pub use counts::{PatternCounts, Position};
pub use error::{EvaluationError, GraphError};
pub use extensions::{LABEL_FUNCTION, MAX_SEARCH_LIMIT, SEARCH_SERVICE};
pub use index::MAX_TRIPLES;
/// Stops a query from another thread: see [`QueryOptions::cancel`].
pub use oxigraph::sparql::CancellationToken;
pub use scale::scale_triples;
pub use syntax::{Problem, SyntaxError};

use capped::{Capped, TooManyBytes};
use index::TripleIndex;

/// The knowledge graph: the linked plan, its triples and the index that answers queries.
pub struct KnowledgeGraph {
    /// The linked plan the triples were built from.
    pub linked: LinkedPlan,
    /// The base of the resources' IRIs.
    pub base: Base,
    /// The IRIs of the plan, the decision and the source.
    pub iris: graph::Iris,
    /// Every triple, sorted: the order of every dump. Shared with [`KnowledgeGraph::views`]
    /// and the index queries read.
    pub triples: graph::Triples,
    /// The triples as queries read them, all in the default graph.
    index: TripleIndex,
    /// The source text the graph was built from.
    pub source: String,
    /// Parses queries with the graph's prefixes declared (see [`KnowledgeGraph::parser`]).
    parser: SparqlParser,
    /// Every subject's prefLabels by language: what `sco:label` reads.
    labels: Arc<extensions::Labels>,
    /// The entity lookup, built when first needed (see [`KnowledgeGraph::lookup`]).
    lookup: OnceLock<Arc<LookupIndex>>,
    /// Every resource's description, built when first needed (see [`KnowledgeGraph::views`]).
    views: OnceLock<Arc<graph::Views>>,
    /// What the checks estimate a query's cost from, counted beside the index's build.
    counts: PatternCounts,
    /// The dataset's version ([`crate::export::graph_version`]), computed beside the index's
    /// build; `None` if that failed (it is then computed again, and fails, where asked for).
    canonical_version: Option<String>,
}

/// Why a query got no answer.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The text is not SPARQL 1.1: where and why.
    #[error("{0}")]
    Syntax(SyntaxError),
    /// The query passes a limit of [`checks`]: refused before evaluation.
    #[error("{0}")]
    Refused(checks::Refusal),
    /// Cancelled through [`QueryOptions::cancel`].
    #[error("the query was cancelled")]
    Cancelled,
    /// Ran longer than [`QueryOptions::timeout`].
    #[error("the query ran longer than {0:?}")]
    Timeout(Duration),
    /// The answer has more rows or triples than [`QueryOptions::max_results`].
    #[error("the answer has more than {limit} rows or triples")]
    TooLarge {
        /// The most rows or triples allowed.
        limit: usize,
    },
    /// The answer, as written, would be longer than [`QueryOptions::max_answer_bytes`].
    #[error("the answer is longer than {limit} bytes")]
    AnswerTooLong {
        /// The most bytes allowed.
        limit: usize,
    },
    /// Evaluating took more than [`QueryOptions::max_memory`] bytes.
    #[error("the query needed more than {limit} bytes of memory")]
    OutOfMemory {
        /// The most bytes allowed.
        limit: usize,
    },
    /// The evaluator failed, the answer's kind does not fit the format asked, or writing failed.
    #[error("{0}")]
    Evaluation(EvaluationError),
}

/// Limits and dataset of one query.
///
/// Every query is checked before it runs ([`checks`]: nesting, size, Cartesian products,
/// sorts, string growth), so that a program embedding the library is as safe from a hostile
/// query as the server. `unchecked` is the way out, for a query the caller trusts.
#[derive(Clone, Default)]
pub struct QueryOptions {
    /// Stops the query when cancelled, from any thread.
    pub cancel: Option<CancellationToken>,
    /// The longest the query may run before it is cancelled ([`QueryError::Timeout`]).
    pub timeout: Option<Duration>,
    /// Skips the checks of [`checks`]; the timeout and the memory and answer limits still apply.
    pub unchecked: bool,
    /// The most rows or triples an answer may have.
    pub max_results: Option<usize>,
    /// The longest an answer may be once written, in bytes (checked as it is written).
    pub max_answer_bytes: Option<usize>,
    /// The most memory evaluating and writing may take, in bytes: past it the query is
    /// cancelled (enforced only where [`CountingAllocator`] is the global allocator).
    pub max_memory: Option<usize>,
    /// `default-graph-uri` of the SPARQL protocol.
    pub default_graphs: Vec<NamedNode>,
    /// `named-graph-uri` of the SPARQL protocol.
    pub named_graphs: Vec<NamedNode>,
}

impl KnowledgeGraph {
    /// Builds the graph from a linked plan and the source text it was parsed from.
    pub fn new(linked: LinkedPlan, source: String, base: Base) -> Result<Self, GraphError> {
        let triples = graph::build(&linked, &source, &base);
        Self::from_triples(linked, source, base, triples)
    }

    /// The graph of `triples`, built from `linked` and `source` under `base` (the plan's own,
    /// or more: see [`KnowledgeGraph::embedded_scaled`]): the index, the labels and the
    /// parser from them.
    fn from_triples(
        linked: LinkedPlan,
        source: String,
        base: Base,
        triples: Vec<Triple>,
    ) -> Result<Self, GraphError> {
        let triples = graph::Triples::from(triples);
        // The index and what is read from the triples beside it (the labels, the counts every
        // checked query needs and the version every ETag starts with) take two cores: on the
        // graph ×100 each takes a good part of a second before a server's first answer. Split
        // in two halves of about the same time there (index 0.6 s and counts 0.7 s; labels
        // 0.1 s and version 0.7–1.0 s): with the counts beside the version, that side alone
        // was 1.4–1.9 s of the start.
        let ((index, counts), (labels, canonical_version)) = std::thread::scope(|scope| {
            let beside = scope.spawn(|| {
                (
                    extensions::Labels::from_triples(&triples),
                    crate::export::triples_version(&triples).ok(),
                )
            });
            let index = TripleIndex::new(triples.clone());
            let counts = PatternCounts::new(&triples);
            let beside = match beside.join() {
                Ok(all) => all,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            ((index, counts), beside)
        });
        let index = index?;
        let iris = graph::Iris::new(&base, &linked);
        let mut parser = SparqlParser::new();
        let (plan, decision) = (path_of(&base, &iris.plan), path_of(&base, &iris.decision));
        for (prefix, namespace) in vocab::all_prefixes(base.as_str(), &plan, &decision) {
            parser = parser
                .with_prefix(&prefix, &namespace)
                .map_err(|e| GraphError::Prefix {
                    detail: e.to_string(),
                    prefix,
                    namespace,
                })?;
        }
        Ok(Self {
            linked,
            base,
            iris,
            index,
            source,
            parser,
            labels: Arc::new(labels),
            lookup: OnceLock::new(),
            views: OnceLock::new(),
            counts,
            canonical_version,
            triples,
        })
    }

    /// The graph of the embedded data.
    pub fn embedded(base: Base) -> Result<Self, GraphError> {
        let (linked, source) = Self::embedded_parts()?;
        Self::new(linked, source, base)
    }

    /// The embedded plan, linked, and the source text it was parsed from.
    fn embedded_parts() -> Result<(LinkedPlan, String), GraphError> {
        let linked = crate::link::embedded()?;
        // The plan was parsed from this text, so it decodes; if not, the same error as parsing.
        let source = crate::ingest::source::decode(crate::data::source())
            .map_err(|error| crate::link::LoadError::Ingest {
                path: format!("data/{}", crate::data::SOURCE),
                error,
            })?
            .to_string();
        Ok((linked, source))
    }

    /// The entity lookup of the graph, built on first use and shared: `/api/lookup`, the
    /// search page and `SERVICE sco:search` all read this one index.
    pub fn lookup(&self) -> Arc<LookupIndex> {
        Arc::clone(self.lookup.get_or_init(|| Arc::new(LookupIndex::new(self))))
    }

    /// Every resource's description (kind, labels, triples out and in), which the pages,
    /// `/api/entity` and `/id/` read; computed on first use and kept.
    pub fn views(&self) -> Arc<graph::Views> {
        Arc::clone(
            self.views
                .get_or_init(|| Arc::new(graph::Views::from_triples(&self.triples))),
        )
    }

    /// The dataset's version as computed beside the index: see [`crate::export::graph_version`].
    pub(crate) fn canonical_version(&self) -> Option<&str> {
        self.canonical_version.as_deref()
    }

    /// The SPARQL prefixes every query may use without declaring them, as a prologue of
    /// `PREFIX` lines.
    pub fn prologue(&self) -> String {
        vocab::sparql_prologue(
            self.base.as_str(),
            &self.plan_path(),
            &path_of(&self.base, &self.iris.decision),
        )
    }

    /// Every prefix the graph declares: vocabularies and resources.
    pub fn prefixes(&self) -> Vec<(String, String)> {
        vocab::all_prefixes(
            self.base.as_str(),
            &self.plan_path(),
            &path_of(&self.base, &self.iris.decision),
        )
    }

    /// The plan's path under the base ("plan/2021-2025").
    pub fn plan_path(&self) -> String {
        plan_path(&self.base, &self.iris)
    }

    /// A SPARQL parser that knows every prefix of [`KnowledgeGraph::prefixes`], so queries may
    /// use them undeclared. Parsing once with it and handing the parsed query to
    /// [`KnowledgeGraph::evaluate`] spares a second parse.
    pub fn parser(&self) -> SparqlParser {
        self.parser.clone()
    }

    /// Runs a SPARQL 1.1 query and collects its answer.
    pub fn query(&self, sparql: &str, options: &QueryOptions) -> Result<Answer, QueryError> {
        if !options.unchecked {
            checks::check_text(sparql).map_err(QueryError::Refused)?;
        }
        let query = self.parse(sparql).map_err(QueryError::Syntax)?;
        self.evaluate(query, options)
    }

    /// The checks of a parsed query ([`checks::check`]) against this graph's counts, and the
    /// weight of a query they let through; the evaluating methods apply them unless
    /// [`QueryOptions::unchecked`].
    pub fn check(&self, query: &spargebra::Query) -> Result<checks::Weight, checks::Refusal> {
        checks::check(query, self.counts())
    }

    /// How many triples match each kind of pattern: what the checks estimate costs from.
    pub fn counts(&self) -> &PatternCounts {
        &self.counts
    }

    /// Runs `run` with the checks, the timeout and the memory budget of `options` applied.
    fn guarded<T>(
        &self,
        query: spargebra::Query,
        options: &QueryOptions,
        run: impl FnOnce(spargebra::Query, &QueryOptions) -> Result<T, QueryError>,
    ) -> Result<T, QueryError> {
        if !options.unchecked {
            self.check(&query).map_err(QueryError::Refused)?;
        }
        within_time(options, |options| {
            within_budget(options, |options| run(query, options))
        })
    }

    /// Parses a query with the graph's prefixes declared; an error says where and why in words.
    pub fn parse(&self, sparql: &str) -> Result<spargebra::Query, SyntaxError> {
        self.parser()
            .parse_query(sparql)
            .map_err(|e| SyntaxError::new(sparql, &e.to_string(), &self.prefixes()))
    }

    /// Runs a query parsed by [`KnowledgeGraph::parser`] and collects its answer.
    pub fn evaluate(
        &self,
        query: spargebra::Query,
        options: &QueryOptions,
    ) -> Result<Answer, QueryError> {
        self.guarded(query, options, |query, options| {
            self.collect(query, options)
        })
    }

    fn collect(
        &self,
        query: spargebra::Query,
        options: &QueryOptions,
    ) -> Result<Answer, QueryError> {
        let limit = options.max_results.unwrap_or(usize::MAX);
        Ok(match self.execute(query, options)? {
            QueryResults::Boolean(value) => Answer::Boolean(value),
            QueryResults::Solutions(solutions) => Answer::Solutions {
                variables: solutions.variables().to_vec(),
                rows: within(solutions, limit)
                    .map(|solution| solution.map(|s| s.values().to_vec()))
                    .collect::<Result<_, _>>()?,
            },
            QueryResults::Graph(triples) => {
                Answer::Graph(within(triples, limit).collect::<Result<_, _>>()?)
            }
        })
    }

    /// Runs a SELECT or ASK query parsed by [`KnowledgeGraph::parser`] and writes its answer
    /// in `format` as the solutions come, never holding them all: the same bytes as
    /// [`Answer::write`] of [`KnowledgeGraph::evaluate`]'s answer, with less copying and memory.
    pub fn write_results(
        &self,
        query: spargebra::Query,
        options: &QueryOptions,
        format: QueryResultsFormat,
    ) -> Result<Vec<u8>, QueryError> {
        self.guarded(query, options, |query, options| {
            let limit = options.max_results.unwrap_or(usize::MAX);
            let output = Capped::new(options.max_answer_bytes);
            let serializer = QueryResultsSerializer::from_format(format);
            let written = match self.execute(query, options)? {
                QueryResults::Boolean(value) => serializer
                    .serialize_boolean_to_writer(output, value)
                    .map_err(|e| write_error(e, options)),
                QueryResults::Solutions(solutions) => {
                    let mut writer =
                        json_results::SolutionsWriter::start(format, output, solutions.variables())
                            .map_err(|e| write_error(e, options))?;
                    for solution in within(solutions, limit) {
                        writer
                            .serialize(&solution?)
                            .map_err(|e| write_error(e, options))?;
                    }
                    writer.finish().map_err(|e| write_error(e, options))
                }
                QueryResults::Graph(_) => {
                    Err(QueryError::Evaluation(EvaluationError::GraphAsResults))
                }
            }?;
            Ok(written.into_inner())
        })
    }

    /// Runs a CONSTRUCT or DESCRIBE query parsed by [`KnowledgeGraph::parser`] and writes its
    /// graph in `format` with `prefixes` declared, within the same limits as
    /// [`KnowledgeGraph::write_results`].
    pub fn write_graph(
        &self,
        query: spargebra::Query,
        options: &QueryOptions,
        format: oxigraph::io::RdfFormat,
        prefixes: &[(String, String)],
    ) -> Result<Vec<u8>, QueryError> {
        self.guarded(query, options, |query, options| {
            match self.collect(query, options)? {
                Answer::Graph(triples) => answer::write_triples_to(
                    &triples,
                    format,
                    prefixes,
                    Capped::new(options.max_answer_bytes),
                )
                .map(Capped::into_inner)
                .map_err(|e| write_error(e, options)),
                _ => Err(QueryError::Evaluation(EvaluationError::ResultsAsGraph)),
            }
        })
    }

    fn execute(
        &self,
        query: spargebra::Query,
        options: &QueryOptions,
    ) -> Result<QueryResults<'_>, QueryError> {
        // No HTTP client is compiled in and no default service handler is set: every SERVICE
        // but our own `sco:search`, answered from the lookup index, fails, and the store never
        // makes outbound requests.
        let labels = Arc::clone(&self.labels);
        let mut evaluator = QueryEvaluator::new().with_custom_function(
            NamedNode::new_unchecked(extensions::LABEL_FUNCTION),
            move |args| labels.evaluate(args),
        );
        // Building the index takes a while: a one-off `sco-kg query` that does not search
        // should not pay for it. The server builds it in the background as soon as it
        // listens; until then, and elsewhere, a query that asks any service gets it (another
        // service fails all the same; `SERVICE ?s` may be bound to ours). A search in that
        // first moment waits for the same build, on its worker (at ×100, up to 4 s). The query
        // is walked, not written out as text and searched (4 % of a light query's
        // instructions, and a false positive for the IRI in a string).
        if self.lookup.get().is_some() || checks::asks_service(&query) {
            evaluator = evaluator.with_service_handler(
                NamedNode::new_unchecked(extensions::SEARCH_SERVICE),
                extensions::SearchService(self.lookup()),
            );
        }
        if let Some(token) = options.cancel.clone() {
            evaluator = evaluator.with_cancellation_token(token);
        }
        let mut prepared = evaluator.prepare(&query);
        if !options.default_graphs.is_empty() {
            prepared.dataset_mut().set_default_graph(
                options
                    .default_graphs
                    .iter()
                    .cloned()
                    .map(GraphName::from)
                    .collect(),
            );
        }
        if !options.named_graphs.is_empty() {
            prepared.dataset_mut().set_available_named_graphs(
                options
                    .named_graphs
                    .iter()
                    .cloned()
                    .map(NamedOrBlankNode::from)
                    .collect(),
            );
        }
        prepared
            .execute(self.index.view())
            .map_err(evaluation_error)
    }
}

fn plan_path(base: &Base, iris: &graph::Iris) -> String {
    path_of(base, &iris.plan)
}

/// A resource's path under the base ("decision/2020/1").
fn path_of(base: &Base, iri: &NamedNode) -> String {
    iri.as_str().trim_start_matches(base.as_str()).to_string()
}

/// An answer's rows or triples, the evaluator's errors as ours, and an error in place of the
/// one past `limit`.
fn within<T>(
    items: impl Iterator<Item = Result<T, QueryEvaluationError>>,
    limit: usize,
) -> impl Iterator<Item = Result<T, QueryError>> {
    items.enumerate().map(move |(count, item)| {
        if count == limit {
            return Err(QueryError::TooLarge { limit });
        }
        item.map_err(evaluation_error)
    })
}

fn write_error(e: std::io::Error, options: &QueryOptions) -> QueryError {
    if e.get_ref().is_some_and(|inner| inner.is::<TooManyBytes>()) {
        return QueryError::AnswerTooLong {
            limit: options.max_answer_bytes.unwrap_or(usize::MAX),
        };
    }
    QueryError::Evaluation(EvaluationError::Write(e))
}

/// Runs `run` with a cancellation token pulled at `options.timeout` (if any): a query stopped
/// by it fails as [`QueryError::Timeout`]. The watchdog is a thread that waits for the deadline
/// or for `run` to end, whichever comes first.
fn within_time<T>(
    options: &QueryOptions,
    run: impl FnOnce(&QueryOptions) -> Result<T, QueryError>,
) -> Result<T, QueryError> {
    let Some(timeout) = options.timeout else {
        return run(options);
    };
    let token = options.cancel.clone().unwrap_or_default();
    let options = QueryOptions {
        cancel: Some(token.clone()),
        ..options.clone()
    };
    let (done, finished) = std::sync::mpsc::channel::<()>();
    std::thread::scope(|scope| {
        let watchdog = scope.spawn(move || {
            let expired = matches!(
                finished.recv_timeout(timeout),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout)
            );
            if expired {
                token.cancel();
            }
            expired
        });
        let result = run(&options);
        drop(done);
        let expired = watchdog.join().unwrap_or(false);
        match result {
            Err(QueryError::Cancelled) if expired => Err(QueryError::Timeout(timeout)),
            other => other,
        }
    })
}

/// Runs `run` under the memory budget of `options` (if any), with a cancellation token the
/// budget can pull: a query cancelled for crossing it fails as [`QueryError::OutOfMemory`].
fn within_budget<T>(
    options: &QueryOptions,
    run: impl FnOnce(&QueryOptions) -> Result<T, QueryError>,
) -> Result<T, QueryError> {
    let Some(limit) = options.max_memory else {
        return run(options);
    };
    let token = options.cancel.clone().unwrap_or_default();
    let budget = budget::Budget::enter(token.clone(), limit);
    let options = QueryOptions {
        cancel: Some(token),
        ..options.clone()
    };
    let result = run(&options);
    let crossed = budget.crossed();
    drop(budget);
    match result {
        Err(QueryError::Cancelled) | Err(QueryError::Evaluation(_)) if crossed => {
            Err(QueryError::OutOfMemory { limit })
        }
        other => other,
    }
}

fn evaluation_error(e: QueryEvaluationError) -> QueryError {
    match e {
        QueryEvaluationError::Cancelled => QueryError::Cancelled,
        other => QueryError::Evaluation(EvaluationError::Store(other)),
    }
}
