//! The server's settings: where it listens, the origin it is known by, and its limits.

use std::time::Duration;

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

pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const DEFAULT_TIMEOUT_SECONDS: u64 = 10;
pub const DEFAULT_MAX_QUERY_BYTES: usize = 64 * 1024;
pub const DEFAULT_MAX_BODY_BYTES: usize = 256 * 1024;
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
/// Room for thousands of typical answers. With the response cache (a quarter more), a server
/// under a load of never-repeated queries stays under 100 MB resident (issue 7's note).
pub const DEFAULT_CACHE_MEGABYTES: usize = 16;
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

/// Checks a public URL: an absolute http(s) IRI without query or fragment; the trailing '/' is
/// dropped ("https://example.org/kg/" → "https://example.org/kg").
pub fn public_url(url: &str) -> Result<String, String> {
    let iri = oxigraph::model::NamedNode::new(url).map_err(|e| format!("{url:?}: {e}"))?;
    let url = iri.as_str();
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(|| format!("{url:?}: must start with http:// or https://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("{url:?}: has no host"));
    }
    if url.contains('?') || url.contains('#') {
        return Err(format!("{url:?}: must have no query or fragment"));
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
        for bad in [
            "example.org",
            "ftp://example.org",
            "https://",
            "https://a/?q",
            "not an iri",
        ] {
            assert!(public_url(bad).is_err(), "{bad}");
        }
    }
}
