//! Whole responses of `GET /sparql`, kept and replayed. The answer cache ([`crate::server::execution::answers`])
//! spares a repeated query its evaluation; this spares it everything else as well — routing,
//! the handler's reading of the request, CORS, validators, compression — which is most of what
//! a repeated millisecond query costs: a request for the same URL, with the same values of the
//! headers the response varies on, gets a copy of the response sent the first time.
//!
//! A response is kept the second time it is asked for. Kept (RFC 9111 §3): 200 answers to GET with `Cache-Control: public`, no `Set-Cookie`, and a
//! `Vary` that names only headers of [`KEY_HEADERS`], which with the URL make the key (§4.1).
//! Requests with validators go the whole way, so that they get their 304 from the usual code.
//!
//! Everything kept is weighed — the key's path, query and header values as well as the
//! response — and keys beyond [`MAX_KEY_HEADER_BYTES`] of header values, or with a target longer
//! than the longest query accepted, are not kept: unique 50 KB Accept headers once made a
//! nominal 4 MB cache hold 2.5 GB.
//!
//! Without `--public-url`, the service description names the endpoint by the request's Host (or
//! the authority of an absolute-form target): the key then holds that authority too, so that a
//! client sending `Host: evil.example` gets back only what it asked for, and a response that
//! says `Vary: Host` may be kept.

use std::convert::Infallible;
use std::future::Future;
use std::hash::{BuildHasher, RandomState};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;
use prometheus_client::metrics::counter::Counter;
use quick_cache::sync::Cache;
use quick_cache::Weighter;
use tower::Service;

use crate::server::config::Config;
use crate::server::execution::answers::bounded_cache;
use crate::server::state::AppState;

/// The request headers a kept response may vary on, and so the ones its key records.
const KEY_HEADERS: [HeaderName; KEYED] = [
    header::ACCEPT,
    header::ACCEPT_ENCODING,
    header::ORIGIN,
    header::ACCESS_CONTROL_REQUEST_METHOD,
    header::ACCESS_CONTROL_REQUEST_HEADERS,
];

const KEYED: usize = 5;

/// The only path whose responses are kept.
const PATH: &str = "/sparql";

/// The most bytes of request header values (the authority included) a kept response's key may
/// hold. Browsers and SPARQL clients send a few hundred; a client sending more is not one whose
/// repeated requests are worth keeping copies for.
pub const MAX_KEY_HEADER_BYTES: usize = 1024;

/// What a kept response costs beyond the bytes of its strings: the entry, its maps and the
/// cache's own bookkeeping (a rough bound, so that many small entries are not weighed as nothing).
const ENTRY_OVERHEAD: usize = 160;
/// The same for each header (name, value and their place in the map).
const HEADER_OVERHEAD: usize = 48;

/// A request's key, borrowed from it: looking up costs no allocation.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Key<'a> {
    /// The target's authority, else the Host; `None` when a public URL is configured (answers
    /// do not depend on it then).
    authority: Option<&'a str>,
    path_and_query: &'a str,
    headers: [Option<&'a HeaderValue>; KEYED],
}

/// The key a kept response was stored under.
#[derive(Debug)]
struct OwnedKey {
    authority: Option<String>,
    path_and_query: String,
    headers: [Option<HeaderValue>; KEYED],
}

impl Key<'_> {
    /// Bytes of the request's header values (the authority included) in the key.
    fn header_bytes(&self) -> usize {
        self.authority.map_or(0, str::len)
            + self
                .headers
                .iter()
                .flatten()
                .map(|v| v.len())
                .sum::<usize>()
    }

    fn to_owned(&self) -> OwnedKey {
        OwnedKey {
            authority: self.authority.map(str::to_string),
            path_and_query: self.path_and_query.to_string(),
            headers: self.headers.map(|v| v.cloned()),
        }
    }

    fn is(&self, owned: &OwnedKey) -> bool {
        self.path_and_query == owned.path_and_query
            && self.authority == owned.authority.as_deref()
            && self
                .headers
                .iter()
                .zip(&owned.headers)
                .all(|(a, b)| *a == b.as_ref())
    }
}

impl OwnedKey {
    /// The bytes the key holds: target, authority and header values, each with its overhead.
    fn weight(&self) -> usize {
        self.path_and_query.len()
            + self
                .authority
                .as_ref()
                .map_or(0, |a| a.len() + HEADER_OVERHEAD)
            + self
                .headers
                .iter()
                .flatten()
                .map(|v| v.len() + HEADER_OVERHEAD)
                .sum::<usize>()
    }
}

struct Kept {
    /// Checked on every hit: the cache is indexed by a hash of the key.
    key: OwnedKey,
    headers: HeaderMap,
    body: Bytes,
}

impl Kept {
    /// Everything the entry holds: key, response headers and body.
    fn weight(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len() + HEADER_OVERHEAD)
            .sum();
        self.key.weight() + headers + self.body.len() + ENTRY_OVERHEAD
    }
}

#[derive(Clone)]
struct ByBytes;

impl Weighter<u64, Arc<Kept>> for ByBytes {
    fn weight(&self, _: &u64, kept: &Arc<Kept>) -> u64 {
        kept.weight() as u64
    }
}

pub struct ResponseCache {
    cache: Option<Cache<u64, Arc<Kept>, ByBytes>>,
    /// Hashes of the keys asked for once: a response is kept the second time it is asked for,
    /// so that queries never repeated (most of an endpoint's traffic) cost no copy of their
    /// answer here.
    seen_once: Cache<u64, ()>,
    hasher: RandomState,
    /// The heaviest entry kept (an eighth of the cache).
    largest: usize,
    /// The longest target kept: a query's text may be as long as the query limit, and is
    /// percent-encoded; a longer target is not a query the endpoint would answer.
    longest_target: usize,
    /// Whether answers may depend on the request's authority (no public URL): it is then part
    /// of the key.
    by_authority: bool,
    /// Requests answered with a kept response; registered by [`crate::server::metrics`].
    pub hits: Counter,
    /// Requests that could have been replayed but found no kept response.
    pub misses: Counter,
}

/// How many keys asked for once are remembered.
const SEEN_ONCE: usize = 4096;

impl ResponseCache {
    /// Whether a response under this key may be kept: not when the key would be oversized.
    fn may_keep(&self, key: &Key) -> bool {
        key.header_bytes() <= MAX_KEY_HEADER_BYTES
            && key.path_and_query.len() <= self.longest_target
    }
}

impl ResponseCache {
    /// At most a quarter of the answer cache's bytes of responses (0: none kept), none heavier
    /// than an eighth of that. Keyed by the request's authority too when no public URL is
    /// configured: answers may then name it.
    pub fn new(config: &Config) -> Self {
        // Mostly the same bodies as the answer cache's (shared, not copied), plus headers and
        // the compressed variants.
        let bytes = config.cache_bytes / 4;
        Self {
            cache: (bytes > 0).then(|| bounded_cache(bytes, ByBytes)),
            seen_once: Cache::new(SEEN_ONCE),
            hasher: RandomState::new(),
            largest: bytes / 8,
            longest_target: config.max_query_bytes.saturating_mul(3) + 1024,
            by_authority: config.public_url.is_none(),
            hits: Counter::default(),
            misses: Counter::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.cache.as_ref().map_or(0, |c| c.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes kept, as weighed.
    pub fn weight(&self) -> u64 {
        self.cache.as_ref().map_or(0, |c| c.weight())
    }

    /// The most bytes kept.
    pub fn capacity(&self) -> u64 {
        self.cache.as_ref().map_or(0, |c| c.capacity())
    }
}

/// The service in front of the router: replays a kept response, else lets the request through
/// and keeps what comes back when it may. A replayed response is ready at once: no routing, no
/// middleware, no boxed future.
#[derive(Clone)]
pub struct Replay<S> {
    inner: S,
    state: AppState,
}

impl<S> Replay<S> {
    /// `inner` (the router) behind the response cache of `state` (`state.responses`).
    pub fn new(inner: S, state: AppState) -> Self {
        Self { inner, state }
    }
}

impl<S> Service<Request> for Replay<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Replayed;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Replayed {
        let responses = &self.state.responses;
        let Some(cache) = &responses.cache else {
            return Replayed::pass(self.inner.call(request));
        };
        let (hash, key) = {
            let Some(key) =
                key(&request, responses.by_authority).filter(|key| responses.may_keep(key))
            else {
                return Replayed::pass(self.inner.call(request));
            };
            let hash = responses.hasher.hash_one(&key);
            if let Some(kept) = cache.get(&hash).filter(|kept| key.is(&kept.key)) {
                // The request log's line, which the trace layer inside would have written.
                tracing::info!(uri = %crate::server::http::log::target(request.uri()), status = 200, "replayed");
                // The router's request counter never sees it: counted here.
                responses.hits.inc();
                self.state.metrics.replayed();
                let mut response = Response::new(Body::from(kept.body.clone()));
                *response.headers_mut() = kept.headers.clone();
                return Replayed::Hit(std::future::ready(Ok(response)));
            }
            responses.misses.inc();
            if responses.seen_once.get(&hash).is_none() {
                responses.seen_once.insert(hash, ());
                return Replayed::pass(self.inner.call(request));
            }
            (hash, key.to_owned())
        };
        let answer = self.inner.call(request);
        let state = self.state.clone();
        Replayed::Pass(Box::pin(async move {
            let Ok(response) = answer.await;
            Ok(keep(&state.responses, hash, key, response).await)
        }))
    }
}

/// A replayed response, or the router's.
pub enum Replayed {
    Hit(std::future::Ready<Result<Response, Infallible>>),
    Pass(Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>),
}

impl Replayed {
    fn pass(future: impl Future<Output = Result<Response, Infallible>> + Send + 'static) -> Self {
        Self::Pass(Box::pin(future))
    }
}

impl Future for Replayed {
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.get_mut() {
            Replayed::Hit(response) => Pin::new(response).poll(cx),
            Replayed::Pass(future) => future.as_mut().poll(cx),
        }
    }
}

/// Keeps `response` under `key` when it may be kept, and hands it on.
async fn keep(responses: &ResponseCache, hash: u64, key: OwnedKey, response: Response) -> Response {
    let Some(cache) = &responses.cache else {
        return response;
    };
    if !keepable(&response, responses.by_authority) {
        return response;
    }
    // A kept answer is in memory already (the handler builds it whole), compressed or not:
    // gathering it costs no waiting on the network.
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(error) => {
            tracing::warn!("an answer could not be read back for the response cache: {error}");
            return Response::from_parts(parts, Body::empty());
        }
    };
    if body.len() <= responses.largest {
        let kept = Kept {
            key,
            headers: parts.headers.clone(),
            body: body.clone(),
        };
        if kept.weight() <= responses.largest {
            cache.insert(hash, Arc::new(kept));
        }
    }
    Response::from_parts(parts, Body::from(body))
}

/// The key of a request whose response may be kept; `None` for the others. With
/// `by_authority`, it holds the authority the answer may name (as [`crate::server::http::origin::PublicUrl`]
/// reads it: the target's, else the Host).
fn key(request: &Request, by_authority: bool) -> Option<Key<'_>> {
    let headers = request.headers();
    let conditional = headers.contains_key(header::IF_NONE_MATCH)
        || headers.contains_key(header::IF_MODIFIED_SINCE)
        || headers.contains_key(header::RANGE)
        || headers.contains_key(header::AUTHORIZATION);
    if request.method() != Method::GET || request.uri().path() != PATH || conditional {
        return None;
    }
    // A header sent twice is not a key's: such a request goes the whole way.
    let mut values: [Option<&HeaderValue>; KEYED] = Default::default();
    for (slot, name) in values.iter_mut().zip(&KEY_HEADERS) {
        let mut all = headers.get_all(name).iter();
        *slot = all.next();
        if all.next().is_some() {
            return None;
        }
    }
    let authority = match request.uri().authority() {
        _ if !by_authority => None,
        Some(authority) => Some(authority.as_str()),
        None => {
            let mut hosts = headers.get_all(header::HOST).iter();
            match (hosts.next(), hosts.next()) {
                (_, Some(_)) => return None,
                (None, None) => None,
                (Some(host), None) => Some(host.to_str().ok()?),
            }
        }
    };
    Some(Key {
        authority,
        path_and_query: request.uri().path_and_query()?.as_str(),
        headers: values,
    })
}

/// Whether a response may be kept: `by_authority` says that the key holds the authority, so
/// that a response varying on Host may be kept too.
fn keepable(response: &Response, by_authority: bool) -> bool {
    let headers = response.headers();
    let public = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|d| d.trim().eq_ignore_ascii_case("public"))
                && !v.to_ascii_lowercase().contains("no-store")
        });
    let varies_within_key = headers.get_all(header::VARY).iter().all(|v| {
        v.to_str().is_ok_and(|v| {
            v.split(',').all(|name| {
                let name = name.trim();
                KEY_HEADERS
                    .iter()
                    .any(|k| k.as_str().eq_ignore_ascii_case(name))
                    || (by_authority && name.eq_ignore_ascii_case("host"))
            })
        })
    });
    response.status() == StatusCode::OK
        && public
        && varies_within_key
        && !headers.contains_key(header::SET_COOKIE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// These cases do not involve the Host: the same with or without it in the key.
    fn keepable_anywhere(response: &Response) -> bool {
        let kept = keepable(response, false);
        assert_eq!(kept, keepable(response, true));
        kept
    }

    fn key_of(request: &Request) -> Option<Key<'_>> {
        key(request, true)
    }

    fn response(headers: &[(HeaderName, &str)]) -> Response {
        let mut response = Response::new(Body::empty());
        for (name, value) in headers {
            response
                .headers_mut()
                .append(name, HeaderValue::from_str(value).unwrap());
        }
        response
    }

    #[test]
    fn only_public_answers_that_vary_within_the_key_are_kept() {
        let public = (header::CACHE_CONTROL, "public, max-age=600");
        assert!(keepable_anywhere(&response(std::slice::from_ref(&public))));
        assert!(keepable_anywhere(&response(&[
            public.clone(),
            (header::VARY, "Accept"),
            (header::VARY, "accept-encoding"),
            (header::VARY, "origin, access-control-request-method"),
        ])));
        // Varying on what the key does not record, or on everything: not kept.
        assert!(!keepable_anywhere(&response(&[
            public.clone(),
            (header::VARY, "Accept-Language")
        ])));
        assert!(!keepable_anywhere(&response(&[
            public.clone(),
            (header::VARY, "*")
        ])));
        assert!(!keepable_anywhere(&response(&[
            public.clone(),
            (header::SET_COOKIE, "lang=zh")
        ])));
        assert!(!keepable_anywhere(&response(&[(
            header::CACHE_CONTROL,
            "no-store"
        )])));
        assert!(!keepable_anywhere(&response(&[(
            header::CACHE_CONTROL,
            "public, no-store"
        )])));
        assert!(!keepable_anywhere(&response(&[])));
        let mut refused = response(&[public]);
        *refused.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        assert!(!keepable_anywhere(&refused));
    }

    #[test]
    fn requests_with_validators_or_repeated_key_headers_have_no_key() {
        let request = |headers: &[(HeaderName, &str)]| {
            let mut builder = Request::builder().uri("/sparql?query=ASK%7B%7D");
            for (name, value) in headers {
                builder = builder.header(name, *value);
            }
            builder.body(Body::empty()).unwrap()
        };
        assert!(key_of(&request(&[(header::ACCEPT, "text/csv")])).is_some());
        assert!(key_of(&request(&[(header::IF_NONE_MATCH, "\"x\"")])).is_none());
        assert!(key_of(&request(&[(
            header::IF_MODIFIED_SINCE,
            "Wed, 25 Nov 2026 00:00:00 GMT"
        )]))
        .is_none());
        assert!(key_of(&request(&[
            (header::ACCEPT, "text/csv"),
            (header::ACCEPT, "application/json")
        ]))
        .is_none());
        let other_path = Request::builder()
            .uri("/query")
            .body(Body::empty())
            .unwrap();
        assert!(key_of(&other_path).is_none());
        // Two header values make two keys; the same values, one.
        let csv = request(&[(header::ACCEPT, "text/csv")]);
        let tsv = request(&[(header::ACCEPT, "text/tab-separated-values")]);
        let csv_again = request(&[(header::ACCEPT, "text/csv")]);
        let (a, b, c) = (
            key_of(&csv).unwrap(),
            key_of(&tsv).unwrap(),
            key_of(&csv_again).unwrap(),
        );
        assert_ne!(a, b);
        assert_eq!(a, c);
        // A kept response's key is the key it was kept under, and no other.
        assert!(c.is(&a.to_owned()));
        assert!(!b.is(&a.to_owned()));
    }

    #[test]
    fn without_a_public_url_the_authority_is_in_the_key() {
        let request = |target: &str, host: Option<&str>| {
            let mut builder = Request::builder().uri(target);
            if let Some(host) = host {
                builder = builder.header(header::HOST, host);
            }
            builder.body(Body::empty()).unwrap()
        };
        let clean = request("/sparql", Some("kg.example"));
        let evil = request("/sparql", Some("evil.example"));
        let absolute = request("http://evil.example/sparql", Some("kg.example"));
        let (clean, evil, absolute) = (&clean, &evil, &absolute);
        assert_ne!(key(clean, true), key(evil, true));
        // The target's authority is the one the answer names, whatever the Host says.
        assert_eq!(key(absolute, true), key(evil, true));
        assert_eq!(key(absolute, true).unwrap().authority, Some("evil.example"));
        // With a public URL, answers name it: one key for all.
        assert_eq!(key(clean, false), key(evil, false));
        assert!(key(clean, false).unwrap().authority.is_none());
        // Two Hosts: no key.
        let two = Request::builder()
            .uri("/sparql")
            .header(header::HOST, "kg.example")
            .header(header::HOST, "evil.example")
            .body(Body::empty())
            .unwrap();
        assert!(key(&two, true).is_none());
        // A response varying on Host is kept only when the key holds the authority.
        let varies = response(&[
            (header::CACHE_CONTROL, "public, max-age=600"),
            (header::VARY, "Accept, Host"),
        ]);
        assert!(keepable(&varies, true));
        assert!(!keepable(&varies, false));
    }

    #[test]
    fn keys_are_weighed_and_oversized_ones_not_kept() {
        let cache = ResponseCache::new(&Config {
            cache_bytes: 4 << 20,
            ..Config::default()
        });
        let request = |accept: &str| {
            Request::builder()
                .uri("/sparql?query=ASK%7B%7D")
                .header(header::HOST, "kg.example")
                .header(header::ACCEPT, accept)
                .body(Body::empty())
                .unwrap()
        };
        // Everything the key holds is weighed: a 50 KB Accept makes a 50 KB heavier entry.
        let small = request("text/csv");
        let large = request(&format!("text/csv, x/{}", "y".repeat(50_000)));
        let weigh = |request: &Request| {
            let kept = Arc::new(Kept {
                key: key(request, true).unwrap().to_owned(),
                headers: HeaderMap::new(),
                body: Bytes::from_static(b"true"),
            });
            ByBytes.weight(&0, &kept)
        };
        assert!(weigh(&large) >= weigh(&small) + 50_000);
        assert!(weigh(&small) >= (ENTRY_OVERHEAD + "/sparql?query=ASK%7B%7D".len()) as u64);
        // Keys beyond the bounds are not kept at all.
        assert!(cache.may_keep(&key(&small, true).unwrap()));
        assert!(!cache.may_keep(&key(&large, true).unwrap()));
        let at_bound = request(&"a".repeat(MAX_KEY_HEADER_BYTES - "kg.example".len()));
        assert!(cache.may_keep(&key(&at_bound, true).unwrap()));
        let beyond = request(&"a".repeat(MAX_KEY_HEADER_BYTES - "kg.example".len() + 1));
        assert!(!cache.may_keep(&key(&beyond, true).unwrap()));
        // A target longer than any query the endpoint answers (percent-encoded, three bytes a
        // byte at most): not kept. (With the default limit, hyper refuses such targets first.)
        let short_queries = ResponseCache::new(&Config {
            max_query_bytes: 1000,
            ..Config::default()
        });
        let target = |n: usize| {
            let request = Request::builder()
                .uri(format!("/sparql?query={}", "a".repeat(n)))
                .body(Body::empty())
                .unwrap();
            short_queries.may_keep(&key(&request, true).unwrap())
        };
        assert!(target(3000));
        assert!(!target(5000));
    }
}
