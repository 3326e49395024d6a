//! Why the graph could not be built, or a query's answer not evaluated or written. Each says
//! what in a [`Message`] (`locales/*/pipeline.ftl`, `locales/*/errors.ftl`), rendered by whoever
//! reports it (the CLI, the server) in its reader's language; `Display` writes it in English,
//! for logs and tests.

use std::fmt;

use oxigraph::sparql::QueryEvaluationError;

use crate::i18n::Message;
use crate::link::LoadError;

/// Why [`super::KnowledgeGraph`] could not be built.
#[derive(Debug)]
pub enum GraphError {
    /// The embedded plan could not be read and linked: the file and line are the error's.
    Load(LoadError),
    /// The graph has more triples than the query index numbers ([`super::MAX_TRIPLES`]).
    TooLarge {
        /// How many triples the graph has.
        triples: usize,
    },
    /// A prefix of the graph's vocabularies is not an IRI a query may use (a base that makes
    /// no IRI, say).
    Prefix {
        /// The prefix, without its colon.
        prefix: String,
        /// The namespace it was to stand for.
        namespace: String,
        /// The parser's reason, in English.
        detail: String,
    },
}

impl GraphError {
    /// The file and line (`data/source/….txt:1494`) of an error in the data, if it is one.
    pub fn location(&self) -> Option<String> {
        match self {
            Self::Load(e) => Some(e.location()),
            Self::TooLarge { .. } | Self::Prefix { .. } => None,
        }
    }

    /// Whether the data (the embedded files, or a source given to the pipeline) is at fault,
    /// not the program.
    pub fn in_the_data(&self) -> bool {
        matches!(self, Self::Load(_))
    }

    /// What is wrong, in no language yet (the location is the caller's to add).
    pub fn message(&self) -> Message {
        match self {
            Self::Load(e) => e.message(),
            Self::TooLarge { triples } => Message::new("graph-too-large")
                .arg("triples", *triples)
                .arg("most", super::MAX_TRIPLES),
            Self::Prefix {
                prefix,
                namespace,
                detail,
            } => Message::new("graph-prefix")
                .arg("prefix", prefix.as_str())
                .arg("namespace", namespace.as_str())
                .arg("detail", detail.as_str()),
        }
    }
}

impl From<LoadError> for GraphError {
    fn from(e: LoadError) -> Self {
        Self::Load(e)
    }
}

/// `location: message`, in English.
impl fmt::Display for GraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location() {
            Some(location) => write!(f, "{location}: {}", self.message()),
            None => self.message().fmt(f),
        }
    }
}

impl std::error::Error for GraphError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Load(e) => Some(e),
            Self::TooLarge { .. } | Self::Prefix { .. } => None,
        }
    }
}

/// Why a parsed query could not be evaluated, or its answer not written (other than for a
/// limit: those are variants of [`super::QueryError`] of their own).
#[derive(Debug)]
pub enum EvaluationError {
    /// The evaluator's refusal: an unsupported SERVICE, a dataset the query names, …
    Store(QueryEvaluationError),
    /// A CONSTRUCT or DESCRIBE query was asked for query results.
    GraphAsResults,
    /// A SELECT or ASK query was asked for a graph.
    ResultsAsGraph,
    /// Writing the answer failed.
    Write(std::io::Error),
}

impl EvaluationError {
    /// What went wrong, in no language yet.
    pub fn message(&self) -> Message {
        match self {
            Self::Store(e) => Message::new("api-error-evaluation").arg("detail", e.to_string()),
            Self::GraphAsResults => Message::new("query-evaluation-graph-as-results"),
            Self::ResultsAsGraph => Message::new("query-evaluation-results-as-graph"),
            Self::Write(e) => {
                Message::new("query-evaluation-unwritable").arg("detail", e.to_string())
            }
        }
    }
}

/// In English, for logs and tests.
impl fmt::Display for EvaluationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for EvaluationError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Store(e) => Some(e),
            Self::Write(e) => Some(e),
            Self::GraphAsResults | Self::ResultsAsGraph => None,
        }
    }
}
