//! Whole responses of `GET /sparql`, kept and replayed. The answer cache ([`super::answers`])
//! spares a repeated query its evaluation; this spares it everything else as well — routing,
//! the handler's reading of the request, CORS, validators, compression — which is most of what
//! a repeated millisecond query costs: a request for the same URL, with the same values of the
//! headers the response varies on, gets a copy of the response sent the first time.
//!
//! A response is kept the second time it is asked for. Kept (RFC 9111 §3): 200 answers to GET with `Cache-Control: public`, no `Set-Cookie`, and a
//! `Vary` that names only headers of [`KEY_HEADERS`], which with the URL make the key (§4.1).
//! Requests with validators go the whole way, so that they get their 304 from the usual code.

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
use quick_cache::sync::Cache;
use quick_cache::Weighter;
use tower::Service;

use super::answers::TYPICAL_ENTRY_BYTES;
use super::state::AppState;

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

/// A request's key, borrowed from it: looking up costs no allocation.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Key<'a> {
    path_and_query: &'a str,
    headers: [Option<&'a HeaderValue>; KEYED],
}

/// The key a kept response was stored under.
#[derive(Debug)]
struct OwnedKey {
    path_and_query: String,
    headers: [Option<HeaderValue>; KEYED],
}

impl Key<'_> {
    fn to_owned(&self) -> OwnedKey {
        OwnedKey {
            path_and_query: self.path_and_query.to_string(),
            headers: self.headers.map(|v| v.cloned()),
        }
    }

    fn is(&self, owned: &OwnedKey) -> bool {
        self.path_and_query == owned.path_and_query
            && self
                .headers
                .iter()
                .zip(&owned.headers)
                .all(|(a, b)| *a == b.as_ref())
    }
}

struct Kept {
    /// Checked on every hit: the cache is indexed by a hash of the key.
    key: OwnedKey,
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Clone)]
struct ByBytes;

impl Weighter<u64, Arc<Kept>> for ByBytes {
    fn weight(&self, _: &u64, kept: &Arc<Kept>) -> u64 {
        let headers: usize = kept
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len() + 32)
            .sum();
        (kept.key.path_and_query.len() + headers + kept.body.len() + 64) as u64
    }
}

pub struct ResponseCache {
    cache: Option<Cache<u64, Arc<Kept>, ByBytes>>,
    /// Hashes of the keys asked for once: a response is kept the second time it is asked for,
    /// so that queries never repeated (most of an endpoint's traffic) cost no copy of their
    /// answer here.
    seen_once: Cache<u64, ()>,
    hasher: RandomState,
    largest: usize,
}

/// How many keys asked for once are remembered.
const SEEN_ONCE: usize = 4096;

impl ResponseCache {
    /// At most `bytes` of responses (0: none kept); none larger than an eighth of it.
    pub fn new(bytes: usize) -> Self {
        Self {
            cache: (bytes > 0).then(|| {
                Cache::with_weighter((bytes / TYPICAL_ENTRY_BYTES).max(16), bytes as u64, ByBytes)
            }),
            seen_once: Cache::new(SEEN_ONCE),
            hasher: RandomState::new(),
            largest: bytes / 8,
        }
    }

    pub fn len(&self) -> usize {
        self.cache.as_ref().map_or(0, |c| c.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
            let Some(key) = key(&request) else {
                return Replayed::pass(self.inner.call(request));
            };
            let hash = responses.hasher.hash_one(&key);
            if let Some(kept) = cache.get(&hash).filter(|kept| key.is(&kept.key)) {
                // The request log's line, which the trace layer inside would have written.
                tracing::info!(uri = %super::log::target(request.uri()), status = 200, "replayed");
                let mut response = Response::new(Body::from(kept.body.clone()));
                *response.headers_mut() = kept.headers.clone();
                return Replayed::Hit(std::future::ready(Ok(response)));
            }
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
    if !keepable(&response) {
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
        cache.insert(hash, Arc::new(kept));
    }
    Response::from_parts(parts, Body::from(body))
}

/// The key of a request whose response may be kept; `None` for the others.
fn key(request: &Request) -> Option<Key<'_>> {
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
    Some(Key {
        path_and_query: request.uri().path_and_query()?.as_str(),
        headers: values,
    })
}

fn keepable(response: &Response) -> bool {
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
        assert!(keepable(&response(std::slice::from_ref(&public))));
        assert!(keepable(&response(&[
            public.clone(),
            (header::VARY, "Accept"),
            (header::VARY, "accept-encoding"),
            (header::VARY, "origin, access-control-request-method"),
        ])));
        // Varying on what the key does not record, or on everything: not kept.
        assert!(!keepable(&response(&[
            public.clone(),
            (header::VARY, "Accept-Language")
        ])));
        assert!(!keepable(&response(&[public.clone(), (header::VARY, "*")])));
        assert!(!keepable(&response(&[
            public.clone(),
            (header::SET_COOKIE, "lang=zh")
        ])));
        assert!(!keepable(&response(&[(header::CACHE_CONTROL, "no-store")])));
        assert!(!keepable(&response(&[(
            header::CACHE_CONTROL,
            "public, no-store"
        )])));
        assert!(!keepable(&response(&[])));
        let mut refused = response(&[public]);
        *refused.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        assert!(!keepable(&refused));
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
        assert!(key(&request(&[(header::ACCEPT, "text/csv")])).is_some());
        assert!(key(&request(&[(header::IF_NONE_MATCH, "\"x\"")])).is_none());
        assert!(key(&request(&[(
            header::IF_MODIFIED_SINCE,
            "Wed, 25 Nov 2026 00:00:00 GMT"
        )]))
        .is_none());
        assert!(key(&request(&[
            (header::ACCEPT, "text/csv"),
            (header::ACCEPT, "application/json")
        ]))
        .is_none());
        let other_path = Request::builder()
            .uri("/query")
            .body(Body::empty())
            .unwrap();
        assert!(key(&other_path).is_none());
        // Two header values make two keys; the same values, one.
        let csv = request(&[(header::ACCEPT, "text/csv")]);
        let tsv = request(&[(header::ACCEPT, "text/tab-separated-values")]);
        let csv_again = request(&[(header::ACCEPT, "text/csv")]);
        let (a, b, c) = (
            key(&csv).unwrap(),
            key(&tsv).unwrap(),
            key(&csv_again).unwrap(),
        );
        assert_ne!(a, b);
        assert_eq!(a, c);
        // A kept response's key is the key it was kept under, and no other.
        assert!(c.is(&a.to_owned()));
        assert!(!b.is(&a.to_owned()));
    }
}
