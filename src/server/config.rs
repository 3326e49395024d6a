//! The server's settings: where it listens, the origin it is known by, and its limits.

use std::fmt;
use std::time::Duration;

use crate::i18n::Message;

/// Settings of one server. The base of resource IRIs is the graph's (`KnowledgeGraph::base`).
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to listen on ("127.0.0.1:8080"; port 0 picks a free port).
    pub bind: String,
    /// The externally visible origin (scheme, host, optional path, no trailing '/'), used in the
    /// service description, VoID and 303 locations. `None`: the request's Host, else the bound
    /// address.
    pub public_url: Option<String>,
    /// The longest a query may run before it is cancelled.
    pub timeout: Duration,
    /// The longest query text accepted, in bytes.
    pub max_query_bytes: usize,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// The most queries evaluated at once; beyond it: 503 with Retry-After.
    pub max_concurrent: usize,
    /// The most rows or triples an answer may have.
    pub max_results: usize,
    /// The bytes of answers kept for repeated queries (0: no cache).
    pub cache_bytes: usize,
    /// How long a query may wait for a free slot before it is refused with 503 (zero: refused
    /// at once). Waiting for the answer of the same query asked by another client counts too.
    pub queue_wait: Duration,
    /// The most queries waiting for a slot (or for another client's identical query) at once;
    /// beyond it a query is refused at once with 503 and Retry-After.
    pub max_queued: usize,
    /// The longest answer, in bytes, checked while it is written (SELECT, ASK, CONSTRUCT and
    /// DESCRIBE, every format).
    pub max_answer_bytes: usize,
    /// The most memory one query may take while it is evaluated and written; past it the query
    /// is stopped (enforced where the binary's counting allocator is in place).
    pub max_query_memory: usize,
    /// The most bytes of answers held for connections at once, across all of them.
    pub max_in_flight_bytes: usize,
    /// How long a connection may go without the client accepting a byte of what it is sent
    /// before it is closed: a client that asks for an answer and never reads it would
    /// otherwise keep the answer, and the connection, forever.
    pub write_stall_timeout: Duration,
}

/// Default of [`Config::bind`]: loopback only, port 8080.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
/// Default of [`Config::timeout`] (and of [`Config::queue_wait`]), in seconds.
pub const DEFAULT_TIMEOUT_SECONDS: u64 = 10;
/// Default of [`Config::max_query_bytes`]: 64 KiB of query text.
pub const DEFAULT_MAX_QUERY_BYTES: usize = 64 * 1024;
/// Default of [`Config::max_body_bytes`]: 256 KiB, four times the query's (a query sent
/// URL-encoded in a form is longer than its text).
pub const DEFAULT_MAX_BODY_BYTES: usize = 256 * 1024;
/// Default of [`Config::max_results`]: rows or triples of one answer.
pub const DEFAULT_MAX_RESULTS: usize = 100_000;
/// Far above any answer of this graph (the whole graph as N-Triples is about 2 MB), far below
/// what would hurt the server.
pub const DEFAULT_MAX_ANSWER_MEGABYTES: usize = 32;
/// Room for the largest answer twice over (a growing buffer doubles) and the evaluation's
/// working sets; with the default slots, a quarter of what four runaway queries could take
/// without it (1 GB a second each).
pub const DEFAULT_MAX_QUERY_MEGABYTES: usize = 256;
/// Eight answers of the largest size, or thousands of ordinary ones.
pub const DEFAULT_MAX_IN_FLIGHT_MEGABYTES: usize = 256;
/// Queries waiting for a slot: 64 clients each with a few queries in flight wait their turn
/// instead of being refused.
pub const DEFAULT_MAX_QUEUED: usize = 256;
/// Room for thousands of typical answers and for the answer of every triple (an answer of up to
/// a quarter of it is kept). With the response cache (a quarter more), a server under the whole
/// load benchmark stays under 100 MB resident: with 16 MB its peak was 100–106 MB once answers
/// were written faster (issue 20's note), with 12 MB 88 MB.
pub const DEFAULT_CACHE_MEGABYTES: usize = 12;
/// Long enough for a client on a slow, lossy link to take the next bytes of a large dump;
/// short enough that stalled connections cannot pile up.
pub const DEFAULT_WRITE_TIMEOUT_SECONDS: u64 = 30;

/// Two queries per CPU (at least four). Evaluation is CPU-bound, but a slot is also held while
/// its job goes to a worker and its answer comes back, and with one slot per CPU the CPUs sat
/// idle in those handoffs (never-seen 04-interbank at c=8 on 2 cores: 6.1k → 7.6k req/s in
/// single runs; 6.2k → 6.5k on average over 4 alternating runs, a smaller gain than first seen).
pub fn default_max_concurrent() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .max(2)
        * 2
}

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: DEFAULT_BIND.to_string(),
            public_url: None,
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECONDS),
            max_query_bytes: DEFAULT_MAX_QUERY_BYTES,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_concurrent: default_max_concurrent(),
            max_results: DEFAULT_MAX_RESULTS,
            cache_bytes: DEFAULT_CACHE_MEGABYTES << 20,
            // A query that finds every slot taken waits its turn for up to one query timeout:
            // under load, queries take turns instead of failing.
            queue_wait: Duration::from_secs(DEFAULT_TIMEOUT_SECONDS),
            max_queued: DEFAULT_MAX_QUEUED,
            max_answer_bytes: DEFAULT_MAX_ANSWER_MEGABYTES << 20,
            max_query_memory: DEFAULT_MAX_QUERY_MEGABYTES << 20,
            max_in_flight_bytes: DEFAULT_MAX_IN_FLIGHT_MEGABYTES << 20,
            write_stall_timeout: Duration::from_secs(DEFAULT_WRITE_TIMEOUT_SECONDS),
        }
    }
}

impl Config {
    /// Checks the settings a server cannot run with: a zero timeout, a zero limit of sizes,
    /// slots or rows, a public URL that is no http(s) origin. [`crate::server::bind`] checks
    /// again, so that no server starts with them; a front end (the CLI) checks first, to say
    /// so in its own terms.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let zero = [
            (Setting::Timeout, self.timeout.is_zero()),
            (
                Setting::WriteStallTimeout,
                self.write_stall_timeout.is_zero(),
            ),
            (Setting::MaxQueryBytes, self.max_query_bytes == 0),
            (Setting::MaxBodyBytes, self.max_body_bytes == 0),
            (Setting::MaxConcurrent, self.max_concurrent == 0),
            (Setting::MaxResults, self.max_results == 0),
            (Setting::MaxAnswerBytes, self.max_answer_bytes == 0),
            (Setting::MaxQueryMemory, self.max_query_memory == 0),
            (Setting::MaxInFlightBytes, self.max_in_flight_bytes == 0),
        ];
        if let Some((setting, _)) = zero.into_iter().find(|(_, zero)| *zero) {
            return Err(ConfigError::Zero(setting));
        }
        if let Some(url) = &self.public_url {
            public_url(url).map_err(ConfigError::PublicUrl)?;
        }
        Ok(())
    }
}

/// A setting of [`Config`] that must not be zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// [`Config::timeout`].
    Timeout,
    /// [`Config::write_stall_timeout`].
    WriteStallTimeout,
    /// [`Config::max_query_bytes`].
    MaxQueryBytes,
    /// [`Config::max_body_bytes`].
    MaxBodyBytes,
    /// [`Config::max_concurrent`].
    MaxConcurrent,
    /// [`Config::max_results`].
    MaxResults,
    /// [`Config::max_answer_bytes`].
    MaxAnswerBytes,
    /// [`Config::max_query_memory`].
    MaxQueryMemory,
    /// [`Config::max_in_flight_bytes`].
    MaxInFlightBytes,
}

impl Setting {
    /// The field of [`Config`].
    pub fn field(self) -> &'static str {
        match self {
            Self::Timeout => "timeout",
            Self::WriteStallTimeout => "write_stall_timeout",
            Self::MaxQueryBytes => "max_query_bytes",
            Self::MaxBodyBytes => "max_body_bytes",
            Self::MaxConcurrent => "max_concurrent",
            Self::MaxResults => "max_results",
            Self::MaxAnswerBytes => "max_answer_bytes",
            Self::MaxQueryMemory => "max_query_memory",
            Self::MaxInFlightBytes => "max_in_flight_bytes",
        }
    }
}

/// Settings a server cannot run with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// A duration or limit that is zero.
    Zero(Setting),
    /// [`Config::public_url`] is no http(s) origin.
    PublicUrl(PublicUrlError),
}

impl ConfigError {
    /// What is wrong, in no language yet.
    pub fn message(&self) -> Message {
        match self {
            Self::Zero(setting) => Message::new("config-zero").arg("setting", setting.field()),
            Self::PublicUrl(e) => e.message(),
        }
    }
}

impl From<PublicUrlError> for ConfigError {
    fn from(e: PublicUrlError) -> Self {
        Self::PublicUrl(e)
    }
}

/// In English, for logs and tests.
impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ConfigError {}

/// A public URL that is no http(s) origin: the URL as given, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrlError {
    /// The URL as given.
    pub url: String,
    /// What is wrong with it.
    pub problem: PublicUrlProblem,
}

/// What makes a public URL no http(s) origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicUrlProblem {
    /// Not an absolute IRI.
    NotAnIri {
        /// The IRI parser's words, in English.
        detail: String,
    },
    /// The scheme is neither `http` nor `https`.
    NotHttp,
    /// Nothing between `//` and the path: no host.
    NoHost,
    /// A `?query` or `#fragment`, which no origin has.
    QueryOrFragment,
}

impl PublicUrlError {
    /// What is wrong, in no language yet.
    pub fn message(&self) -> Message {
        // As Rust writes a string: quoted, with invisible characters escaped.
        let url = format!("{:?}", self.url);
        match &self.problem {
            PublicUrlProblem::NotAnIri { detail } => Message::new("config-public-url-not-an-iri")
                .arg("url", url)
                .arg("detail", detail.as_str()),
            PublicUrlProblem::NotHttp => Message::new("config-public-url-not-http").arg("url", url),
            PublicUrlProblem::NoHost => Message::new("config-public-url-no-host").arg("url", url),
            PublicUrlProblem::QueryOrFragment => {
                Message::new("config-public-url-query-or-fragment").arg("url", url)
            }
        }
    }
}

/// In English, for logs and tests.
impl fmt::Display for PublicUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for PublicUrlError {}

/// Checks a public URL: an absolute http(s) IRI without query or fragment; the trailing '/' is
/// dropped (`"https://example.org/kg/"` → `"https://example.org/kg"`).
pub fn public_url(url: &str) -> Result<String, PublicUrlError> {
    let refused = |problem| PublicUrlError {
        url: url.to_string(),
        problem,
    };
    let iri = oxigraph::model::NamedNode::new(url).map_err(|e| {
        refused(PublicUrlProblem::NotAnIri {
            detail: e.to_string(),
        })
    })?;
    let url = iri.as_str();
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(|| refused(PublicUrlProblem::NotHttp))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(refused(PublicUrlProblem::NoHost));
    }
    if url.contains('?') || url.contains('#') {
        return Err(refused(PublicUrlProblem::QueryOrFragment));
    }
    Ok(url.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls() {
        assert_eq!(
            public_url("https://example.org/").as_deref(),
            Ok("https://example.org")
        );
        assert_eq!(
            public_url("http://example.org:8080/kg").as_deref(),
            Ok("http://example.org:8080/kg")
        );
        for (bad, problem) in [
            ("ftp://example.org", PublicUrlProblem::NotHttp),
            ("https://", PublicUrlProblem::NoHost),
            ("https://a/?q", PublicUrlProblem::QueryOrFragment),
        ] {
            assert_eq!(public_url(bad).unwrap_err().problem, problem, "{bad}");
        }
        for bad in ["example.org", "not an iri"] {
            assert!(
                matches!(
                    public_url(bad).unwrap_err().problem,
                    PublicUrlProblem::NotAnIri { .. }
                ),
                "{bad}"
            );
        }
        assert_eq!(
            public_url("ftp://x").unwrap_err().to_string(),
            "\"ftp://x\": must start with http:// or https://"
        );
    }

    #[test]
    fn validation_names_the_first_setting_that_is_zero() {
        assert_eq!(Config::default().validate(), Ok(()));
        let config = Config {
            max_results: 0,
            max_in_flight_bytes: 0,
            ..Config::default()
        };
        assert_eq!(
            config.validate(),
            Err(ConfigError::Zero(Setting::MaxResults))
        );
        let config = Config {
            write_stall_timeout: Duration::ZERO,
            ..Config::default()
        };
        assert_eq!(
            config.validate(),
            Err(ConfigError::Zero(Setting::WriteStallTimeout))
        );
        // Zero is a setting of its own for the cache, the queue and the wait for a slot.
        let config = Config {
            cache_bytes: 0,
            max_queued: 0,
            queue_wait: Duration::ZERO,
            ..Config::default()
        };
        assert_eq!(config.validate(), Ok(()));
        let config = Config {
            public_url: Some("https://a/#x".into()),
            ..Config::default()
        };
        assert!(matches!(
            config.validate(),
            Err(ConfigError::PublicUrl(PublicUrlError {
                problem: PublicUrlProblem::QueryOrFragment,
                ..
            }))
        ));
    }
}
