//! The answer cache of `/sparql`: a query asked again (same text, same dataset, same format
//! asked for) is answered from memory, with no parsing, no evaluation and no query slot.
//!
//! The graph never changes while the server runs, so an answer stays right for as long as the
//! server (and its [`AppState`](crate::server::AppState), built from one dataset version) lives; the
//! version is part of the key anyway, so that a cache shared across versions could never mix
//! them. Only complete, successful answers are kept; the cache is bounded by the bytes of the
//! answers it holds, and an answer larger than a quarter of it is never kept (at the default
//! 12 MB, the answer of every triple, 2.3 MB in SPARQL JSON, is kept: with an eighth it was
//! evaluated again each time, at 0.07 of what nginx sends of the same bytes).
//! A newly kept answer waits in quick_cache's cold part: asked for again, it stays; if not, it is
//! the first to go once the cache is full, so one-off queries pass through without pushing out
//! what is repeated.

use axum::body::Bytes;
use prometheus_client::metrics::counter::Counter;
use quick_cache::sync::{Cache, GuardResult};
use quick_cache::{OptionsBuilder, Weighter};

use crate::store::ResultFormat;

/// What makes an answer: the dataset, the query and its dataset parameters, and what decides
/// the format (the `format=` parameter, else the `Accept` header, as sent).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnswerKey {
    pub version: u64,
    pub query: String,
    pub default_graphs: Vec<String>,
    pub named_graphs: Vec<String>,
    pub format: Option<String>,
    pub accept: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CachedAnswer {
    pub body: Bytes,
    pub content_type: &'static str,
    pub format: ResultFormat,
    /// Computed with the answer, so that a hit hashes nothing.
    pub etag: String,
}

#[derive(Clone)]
struct ByBytes;

impl Weighter<AnswerKey, CachedAnswer> for ByBytes {
    fn weight(&self, key: &AnswerKey, answer: &CachedAnswer) -> u64 {
        // Everything the entry holds: the key's text (a cache of huge queries with tiny answers
        // stays bounded), its other strings, the ETag, and the cache's own bookkeeping. Counting
        // the body alone, 32 MB of answers of a few kilobytes held some 50 MB.
        let strings = key.query.len()
            + key
                .default_graphs
                .iter()
                .chain(&key.named_graphs)
                .map(String::len)
                .sum::<usize>()
            + key.format.as_ref().map_or(0, String::len)
            + key.accept.as_ref().map_or(0, String::len)
            + answer.etag.len();
        (answer.body.len() + strings + ENTRY_OVERHEAD) as u64
    }
}

pub struct AnswerCache {
    cache: Option<Cache<AnswerKey, CachedAnswer, ByBytes>>,
    largest: usize,
    version: u64,
    /// Answers given from the cache (after waiting for an identical query's, too); registered
    /// by [`crate::server::metrics`].
    pub hits: Counter,
    /// Answers the cache did not hold (every answer, when there is no cache).
    pub misses: Counter,
}

/// What an entry costs besides its bytes of text: the key's and the answer's headers, and the
/// cache's slot.
const ENTRY_OVERHEAD: usize = 256;

/// A typical answer of this graph is a few kilobytes (the caches' guess of their entry count).
pub(crate) const TYPICAL_ENTRY_BYTES: usize = 4 << 10;

/// The shards of the caches. quick_cache splits a cache's bytes into shards, four per CPU by
/// default, and refuses an entry larger than its shard's hot part (97 %): on 2 CPUs a 16 MB
/// cache took no answer above 1.9 MB, on 16 CPUs none above 250 KB, whatever the cache's own
/// bound said. With two, an entry of up to a quarter of the cache always fits.
const SHARDS: usize = 2;

/// A cache of at most `bytes`, weighed by `weighter`, in which an entry of up to a quarter of
/// `bytes` fits on any machine.
pub(crate) fn bounded_cache<K, V, W>(bytes: usize, weighter: W) -> Cache<K, V, W>
where
    K: Eq + std::hash::Hash,
    V: Clone,
    W: Weighter<K, V> + Clone,
{
    let options = OptionsBuilder::new()
        .estimated_items_capacity((bytes / TYPICAL_ENTRY_BYTES).max(16))
        .weight_capacity(bytes as u64)
        .shards(SHARDS)
        .build()
        .expect("both capacities are set");
    Cache::with_options(options, weighter, Default::default(), Default::default())
}

impl AnswerCache {
    /// A cache of at most `bytes` (0: none) for the dataset of this `version` (hex digits).
    pub fn new(bytes: usize, version: &str) -> Self {
        let cache = (bytes > 0).then(|| bounded_cache(bytes, ByBytes));
        Self {
            cache,
            largest: bytes / 4,
            version: version
                .get(..16)
                .and_then(|hex| u64::from_str_radix(hex, 16).ok())
                .unwrap_or_default(),
            hits: Counter::default(),
            misses: Counter::default(),
        }
    }

    /// The key of a request's answer (it keeps the query's text).
    pub fn key(
        &self,
        query: String,
        default_graphs: &[String],
        named_graphs: &[String],
        format: Option<&str>,
        accept: Option<&str>,
    ) -> AnswerKey {
        AnswerKey {
            version: self.version,
            query,
            default_graphs: default_graphs.to_vec(),
            named_graphs: named_graphs.to_vec(),
            format: format.map(str::to_string),
            accept: accept.map(str::to_string),
        }
    }

    /// The kept answer of `key`; not finding it counts no miss, since the caller goes on to
    /// [`Self::get_or_compute`], which counts it.
    pub fn get(&self, key: &AnswerKey) -> Option<CachedAnswer> {
        let hit = self.cache.as_ref()?.get(key);
        if hit.is_some() {
            self.hits.inc();
        }
        hit
    }

    /// The cached answer of `key`, else the answer `compute` gives, kept when it succeeds.
    /// Identical requests that arrive while it is computed wait for it instead of evaluating
    /// the query again (and taking query slots): a burst of the same query costs one
    /// evaluation. If it fails, the next waiter computes. A request that has to wait for
    /// another's answer first takes a place in the queue (`queue`, held while it waits): it
    /// waits as a query of its own would, and is refused as one when the queue is full. The
    /// caller bounds the whole call in time.
    pub async fn get_or_compute<E, F, T>(
        &self,
        key: &AnswerKey,
        queue: impl FnOnce() -> Result<T, E>,
        compute: F,
    ) -> Result<CachedAnswer, E>
    where
        F: std::future::Future<Output = Result<CachedAnswer, E>>,
    {
        let Some(cache) = &self.cache else {
            self.misses.inc();
            return compute.await;
        };
        // A zero timeout never waits: it tells a claim from another request's computation.
        let claim = match cache.get_value_or_guard(key, Some(std::time::Duration::ZERO)) {
            GuardResult::Value(hit) => {
                self.hits.inc();
                return Ok(hit);
            }
            GuardResult::Guard(claim) => claim,
            GuardResult::Timeout => {
                let _place = queue()?;
                match cache.get_value_or_guard_async(key).await {
                    Ok(hit) => {
                        self.hits.inc();
                        return Ok(hit);
                    }
                    Err(claim) => claim,
                }
            }
        };
        self.misses.inc();
        let answer = compute.await?;
        if answer.body.len() + key.query.len() <= self.largest {
            let _ = claim.insert(answer.clone());
        }
        Ok(answer)
    }

    /// The bytes held, for logs and tests.
    pub fn weight(&self) -> u64 {
        self.cache.as_ref().map_or(0, |c| c.weight())
    }

    pub fn len(&self) -> usize {
        self.cache.as_ref().map_or(0, |c| c.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone)]
    struct Length;

    impl Weighter<u32, Vec<u8>> for Length {
        fn weight(&self, _: &u32, value: &Vec<u8>) -> u64 {
            value.len() as u64
        }
    }

    #[test]
    fn an_entry_of_a_quarter_of_the_cache_is_kept_and_a_larger_whole_one_is_not() {
        let cache = bounded_cache(16 << 20, Length);
        cache.insert(1, vec![0; 4 << 20]);
        assert_eq!(cache.get(&1).map(|v| v.len()), Some(4 << 20));
        // The small entries beside it stay too.
        for key in 2..100 {
            cache.insert(key, vec![0; 4 << 10]);
        }
        assert!((2..100).all(|key| cache.get(&key).is_some()));
        assert_eq!(cache.get(&1).map(|v| v.len()), Some(4 << 20));
        // Nothing larger than the whole cache is ever kept.
        cache.insert(0, vec![0; 17 << 20]);
        assert!(cache.get(&0).is_none());
    }
}
