//! `/metrics`: what an operator scrapes, in the Prometheus text exposition format (0.0.4),
//! written by `prometheus-client` from one registry held in the [`AppState`].
//!
//! Events are counted where they happen, with atomic counters: requests by route and status
//! ([`CountLayer`], a layer of the router, and the replay layer for the responses it
//! replays), query latency, queue waits, timeouts and refusals ([`crate::server::execution::query`],
//! [`crate::server::routes::sparql`]), cache hits and misses (counted by the caches themselves, whose counters
//! are registered here).
//! Levels — queue length, slots in use, bytes of caches and of answers in flight — are read from
//! the state when `/metrics` is asked for, so that the hot path keeps no gauge up to date.

use std::fmt::Write as _;
use std::future::Future;
use std::hash::{Hash, Hasher};
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use axum::extract::{MatchedPath, State};
use axum::http::{header, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue, LabelValueEncoder};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::{Registry, Unit};
use tower::{Layer, Service};

use crate::server::execution::answers::AnswerCache;
use crate::server::http::error::AppError;
use crate::server::http::replay::ResponseCache;
use crate::server::state::AppState;

/// Why a query was refused: the `reason` label of `sco_kg_refusals_total`. Declared in the order
/// of [`Refusal::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No query slot came free in time (503 with Retry-After).
    Busy,
    /// The queue of waiting queries was full (503 with Retry-After, at once).
    QueueFull,
    /// The query ran past `--timeout` (503).
    Timeout,
    /// More rows or triples than `--max-results` (500).
    TooManyResults,
    /// An answer longer than `--max-answer-mb` (500).
    AnswerTooLong,
    /// The query took more memory than `--max-query-mb` (500).
    OutOfMemory,
    /// A shape the guards refuse before evaluation (400).
    Guard,
    /// No share of `--max-in-flight-mb` left for the answer (503).
    InFlight,
}

impl Refusal {
    pub const ALL: [Refusal; 8] = [
        Self::Busy,
        Self::QueueFull,
        Self::Timeout,
        Self::TooManyResults,
        Self::AnswerTooLong,
        Self::OutOfMemory,
        Self::Guard,
        Self::InFlight,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Busy => "busy",
            Self::QueueFull => "queue_full",
            Self::Timeout => "timeout",
            Self::TooManyResults => "too_many_results",
            Self::AnswerTooLong => "answer_too_long",
            Self::OutOfMemory => "out_of_memory",
            Self::Guard => "guard",
            Self::InFlight => "in_flight",
        }
    }

    /// The refusal an evaluation's error is, if it is one of the limits'.
    pub fn of(error: &AppError) -> Option<Self> {
        match error {
            AppError::Timeout(_) => Some(Self::Timeout),
            AppError::TooManyResults(_) => Some(Self::TooManyResults),
            AppError::AnswerTooLong(_) => Some(Self::AnswerTooLong),
            AppError::OutOfMemory(_) => Some(Self::OutOfMemory),
            _ => None,
        }
    }
}

/// The route of a request as its label: the template it matched (`/id/{*path}`), never the
/// path itself, so that the series stay as few as the routes. Compared by text, so that the
/// replay layer's `/sparql` and the router's are one series.
#[derive(Debug, Clone)]
enum Route {
    Matched(MatchedPath),
    Fixed(&'static str),
}

impl Route {
    fn as_str(&self) -> &str {
        match self {
            Self::Matched(path) => path.as_str(),
            Self::Fixed(name) => name,
        }
    }
}

impl PartialEq for Route {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Route {}

impl Hash for Route {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl EncodeLabelValue for Route {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> Result<(), std::fmt::Error> {
        encoder.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct RequestLabels {
    route: Route,
    status: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct ReasonLabels {
    reason: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct DatasetLabels {
    version: String,
    sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct BuildLabels {
    version: &'static str,
}

/// The label of requests no route matched.
const OTHER: &str = "other";

/// From 1 ms (an answer of this graph from a warm store) to 30 s (beyond the default timeout):
/// enough resolution at both ends for a p99.
const SECONDS_BUCKETS: [f64; 14] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// The registry and the handles of every metric; one per server.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    /// `requests{route="/sparql",status="200"}`, resolved once: the replay layer counts its
    /// responses with no label lookup.
    replayed: Counter,
    /// Seconds each evaluated query took, on its worker or in place (cache hits are not
    /// evaluations).
    pub query_seconds: Histogram,
    /// Seconds each query waited for a slot (zero when one was free).
    pub queue_wait_seconds: Histogram,
    pub timeouts: Counter,
    /// Light queries evaluated on the thread that received them (`execution::in_place`).
    pub in_place: Counter,
    /// Light queries stopped in place by the watchdog and handed to a worker.
    pub in_place_stopped: Counter,
    /// One counter per [`Refusal`], in the order of [`Refusal::ALL`].
    refusals: [Counter; Refusal::ALL.len()],
    queue_length: Gauge,
    slots_in_use: Gauge,
    slots_total: Gauge,
    answer_cache_bytes: Gauge,
    response_cache_bytes: Gauge,
    in_flight_bytes: Gauge,
}

impl Metrics {
    /// The metrics of a server of this dataset `version` (hex SHA-256) with `slots` query slots;
    /// the caches' own counters are registered too.
    pub fn new(
        version: &str,
        slots: usize,
        answers: &AnswerCache,
        responses: &ResponseCache,
    ) -> Self {
        let mut registry = Registry::with_prefix("sco_kg");
        registry.register(
            "dataset",
            "The dataset served: version is the prefix of every ETag, sha256 the SHA-256 of the \
             canonical N-Quads",
            Info::new(DatasetLabels {
                version: version.chars().take(16).collect(),
                sha256: version.to_string(),
            }),
        );
        registry.register(
            "build",
            "The version of sco-kg",
            Info::new(BuildLabels {
                version: env!("CARGO_PKG_VERSION"),
            }),
        );
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by route template (other: no route) and status",
            requests.clone(),
        );
        let replayed = requests.get_or_create_owned(&RequestLabels {
            route: Route::Fixed("/sparql"),
            status: 200,
        });
        let query_seconds = Histogram::new(SECONDS_BUCKETS);
        registry.register_with_unit(
            "query_duration",
            "Time a SPARQL query took to evaluate and serialise on its worker",
            Unit::Seconds,
            query_seconds.clone(),
        );
        let queue_wait_seconds = Histogram::new(SECONDS_BUCKETS);
        registry.register_with_unit(
            "query_queue_wait",
            "Time a SPARQL query waited for a query slot",
            Unit::Seconds,
            queue_wait_seconds.clone(),
        );
        let timeouts = Counter::default();
        registry.register(
            "query_timeouts",
            "SPARQL queries stopped at the timeout",
            timeouts.clone(),
        );
        let in_place = Counter::default();
        registry.register(
            "query_in_place",
            "Light SPARQL queries evaluated on the thread that received them (one client \
             connected)",
            in_place.clone(),
        );
        let in_place_stopped = Counter::default();
        registry.register(
            "query_in_place_stopped",
            "Light SPARQL queries stopped in place past their budget and handed to a worker",
            in_place_stopped.clone(),
        );
        let reasons = Family::<ReasonLabels, Counter>::default();
        registry.register(
            "refusals",
            "Queries refused by a limit, by reason",
            reasons.clone(),
        );
        // Every reason is a series from the start: a rate over a series that appears only at
        // its first refusal misses that refusal.
        let refusals = Refusal::ALL.map(|reason| {
            reasons.get_or_create_owned(&ReasonLabels {
                reason: reason.label(),
            })
        });
        let gauge = |registry: &mut Registry, name: &str, help: &str| {
            let gauge = Gauge::default();
            registry.register(name, help, gauge.clone());
            gauge
        };
        let queue_length = gauge(
            &mut registry,
            "query_queue_length",
            "SPARQL queries waiting for a slot or for an identical query's answer",
        );
        let slots_in_use = gauge(
            &mut registry,
            "query_slots_in_use",
            "Query slots taken by queries being evaluated",
        );
        let slots_total = gauge(
            &mut registry,
            "query_slots",
            "Query slots (--max-concurrent)",
        );
        slots_total.set(i64::try_from(slots).unwrap_or(i64::MAX));
        let answer_cache_bytes = gauge(
            &mut registry,
            "answer_cache_bytes",
            "Bytes held by the answer cache",
        );
        let response_cache_bytes = gauge(
            &mut registry,
            "response_cache_bytes",
            "Bytes held by the response (replay) cache",
        );
        let in_flight_bytes = gauge(
            &mut registry,
            "answers_in_flight_bytes",
            "Bytes of answers held for connections (--max-in-flight-mb)",
        );
        registry.register(
            "answer_cache_hits",
            "Queries answered from the answer cache",
            answers.hits.clone(),
        );
        registry.register(
            "answer_cache_misses",
            "Queries the answer cache did not hold",
            answers.misses.clone(),
        );
        registry.register(
            "response_cache_hits",
            "GET /sparql requests answered by replaying a kept response",
            responses.hits.clone(),
        );
        registry.register(
            "response_cache_misses",
            "GET /sparql requests that could be replayed but had no kept response",
            responses.misses.clone(),
        );
        Self {
            registry,
            requests,
            replayed,
            query_seconds,
            queue_wait_seconds,
            timeouts,
            in_place,
            in_place_stopped,
            refusals,
            queue_length,
            slots_in_use,
            slots_total,
            answer_cache_bytes,
            response_cache_bytes,
            in_flight_bytes,
        }
    }

    /// A request answered with `status` by the route it matched (`None`: no route).
    fn request(&self, route: Option<MatchedPath>, status: StatusCode) {
        let labels = RequestLabels {
            route: route.map_or(Route::Fixed(OTHER), Route::Matched),
            status: status.as_u16(),
        };
        self.requests.get_or_create(&labels).inc();
    }

    /// A `GET /sparql` answered by the replay layer (200).
    pub fn replayed(&self) {
        self.replayed.inc();
    }

    pub fn refused(&self, reason: Refusal) {
        // `ALL` lists the reasons in their order of declaration.
        self.refusals[reason as usize].inc();
    }

    /// A query's evaluation took `elapsed`.
    pub fn evaluated(&self, elapsed: Duration) {
        self.query_seconds.observe(elapsed.as_secs_f64());
    }

    /// A query waited `elapsed` for its slot.
    pub fn waited(&self, elapsed: Duration) {
        self.queue_wait_seconds.observe(elapsed.as_secs_f64());
    }

    /// The text of `/metrics`, the levels read from `state` now.
    pub fn render(&self, state: &AppState) -> Result<String, std::fmt::Error> {
        let level = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let total = usize::try_from(self.slots_total.get()).unwrap_or_default();
        self.queue_length.set(level(state.queue.len()));
        self.slots_in_use.set(level(
            total.saturating_sub(state.queries.available_permits()),
        ));
        self.answer_cache_bytes
            .set(level(state.answers.weight() as usize));
        self.response_cache_bytes
            .set(level(state.responses.weight() as usize));
        self.in_flight_bytes.set(level(state.in_flight.in_use()));
        let mut text = String::with_capacity(8 << 10);
        prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}

/// A layer of the router that counts each request by the route it matched and the status it
/// got. A hand-written service rather than a `from_fn` middleware: on the path of every request,
/// it boxes no future; the route is an `Arc` cloned from the request.
#[derive(Clone)]
pub struct CountLayer(AppState);

impl CountLayer {
    pub fn new(state: AppState) -> Self {
        Self(state)
    }
}

impl<S> Layer<S> for CountLayer {
    type Service = Count<S>;

    fn layer(&self, inner: S) -> Count<S> {
        Count {
            inner,
            state: self.0.clone(),
        }
    }
}

#[derive(Clone)]
pub struct Count<S> {
    inner: S,
    state: AppState,
}

impl<S, B> Service<Request<B>> for Count<S>
where
    S: Service<Request<B>, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Counted<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Counted<S::Future> {
        let route = request.extensions().get::<MatchedPath>().cloned();
        Counted {
            inner: self.inner.call(request),
            route,
            state: self.state.clone(),
        }
    }
}

pin_project_lite::pin_project! {
    /// The inner service's response, counted when it is ready.
    pub struct Counted<F> {
        #[pin]
        inner: F,
        route: Option<MatchedPath>,
        state: AppState,
    }
}

impl<F, E> Future for Counted<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let output = ready!(this.inner.poll(cx));
        if let Ok(response) = &output {
            this.state
                .metrics
                .request(this.route.take(), response.status());
        }
        Poll::Ready(output)
    }
}

/// `GET /metrics`: never stored, by the replay layer or anyone else — every scrape must see now.
pub async fn metrics(State(state): State<AppState>) -> Result<Response, AppError> {
    let text = state
        .metrics
        .render(&state)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                prometheus_client::encoding::prometheus_text::CONTENT_TYPE,
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        text,
    )
        .into_response())
}
