//! `sco-kg serve`: the graph on HTTP, read-only.
//!
//! | route | what |
//! |---|---|
//! | `GET`, `POST /sparql` | SPARQL 1.1 Protocol for queries; without a query, the service description |
//! | `GET /id/{path}` | the resource `{base}{path}`: RDF, or 303 to `/page/{path}` for browsers |
//! | `GET /ontology`, `/ontology/shapes` | the ontology (its HTML page for browsers, else negotiated RDF) and its SHACL shapes (negotiated RDF) |
//! | `GET /ontology.{ttl,nt,rdf,jsonld}` | the ontology in one syntax |
//! | `GET /source` | the source text |
//! | `GET /prefixes` | the predeclared prefixes, as a `PREFIX` block to paste |
//! | `GET /dump/sco-kg.{ttl,nt,nq,trig,rdf,jsonld}`, `/dump/sco-kg.canonical.nq` | dumps |
//! | `GET /dump/sco-kg` | the dump in the negotiated syntax |
//! | `GET /.well-known/void` | VoID description of the dataset |
//! | `GET /`, `/page/{path}`, `/search` | the HTML pages (`routes::page`, rendered by `crate::pages`) |
//! | `GET /query` | the query workbench (`routes::workbench`); a browser opening `/sparql` is sent there |
//! | `GET /assets/{path}` | the workbench's scripts and styles (`routes::assets`) |
//! | `GET /healthz`, `/readyz` | liveness, and readiness to take a query now (`routes::health`) |
//! | `GET /metrics` | Prometheus metrics (`metrics`) |
//!
//! Every read response carries an ETag (from the dataset version) and Cache-Control and is
//! answered 304 on a matching If-None-Match; negotiated ones say `Vary: Accept`. Bodies are
//! compressed (gzip, brotli) when asked, CORS is open for GET and POST, requests are logged
//! with `tracing` (`RUST_LOG`). Other methods get 405 with `Allow`.
//!
//! The folders are the architecture: `routes` (one file per route family, thin handlers),
//! `http` (negotiation, ETags and 304, the origin, the reader's language, refusals, security
//! headers, the log, the replay of kept answers), `execution` (the query queue, workers,
//! bytes in flight, the answer cache). Beside them: [`config`] (settings), `state` ([`AppState`]:
//! what handlers share), `metrics` and `run` ([`bind`], [`Server`], [`spawn`]: listening and
//! shutting down). The checks a query passes before evaluation are the library's
//! ([`crate::store::checks`]).

pub mod config;
mod execution;
mod http;
mod metrics;
mod routes;
mod run;
mod state;
mod warm;

use std::time::Duration;

use axum::http::{header, Method};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use http::{cache, error, log, origin, security};
use routes::{api, assets, documents, dump, health, page, resource, sparql, void, workbench};

pub use config::Config;
pub use error::{AppError, RETRY_AFTER_SECONDS};
pub use http::replay::Replay;
pub use run::{
    bind, bind_with, spawn, spawn_with, termination_signal, Background, ServeError, Server,
    ShutdownHandle,
};
pub use state::AppState;

/// Every route, in one place, with its middleware, behind the replay of kept responses
/// ([`Replay`]).
pub fn router(state: AppState) -> Replay<Router> {
    let replaying = state.clone();
    let counting = state.clone();
    let routes = Router::new()
        .route("/sparql", get(sparql::get).post(sparql::post))
        .route("/id/{*path}", get(resource::resource))
        .route("/ontology", get(documents::ontology))
        .route("/ontology.ttl", get(documents::ontology_file))
        .route("/ontology.nt", get(documents::ontology_file))
        .route("/ontology.rdf", get(documents::ontology_file))
        .route("/ontology.jsonld", get(documents::ontology_file))
        .route("/ontology/shapes", get(documents::shapes))
        .route("/source", get(documents::source))
        .route("/prefixes", get(documents::prefixes))
        .route("/dump/sco-kg", get(dump::negotiated))
        .route("/dump/{file}", get(dump::dump))
        .route("/.well-known/void", get(void::void))
        .route("/api/lookup", get(api::lookup))
        .route("/api/entity/{*path}", get(api::entity))
        .route("/api/openapi.json", get(api::openapi))
        .route("/", get(page::home))
        .route("/page/{*path}", get(page::page))
        .route("/search", get(page::search))
        .route("/query", get(workbench::page))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::metrics))
        .merge(assets::routes())
        .fallback(not_found)
        .with_state(state.clone())
        // Every route's middleware, outermost first: trace → security headers → request metrics →
        // catch panics → CORS → ETags and 304 → compression → refusals in the reader's language →
        // `Vary: Host` on answers that name the request's host.
        //
        // One stack, applied to the routes at once: each `Router::layer` call wraps every route in a
        // boxed service of its own, and a request then cloned the nine nested boxes, and each
        // `from_fn` middleware the boxes under it again (44 boxed clones and 56 allocations a
        // request; one stack took 18 000 of 479 000 instructions off a light query's request).
        .layer(
            tower::ServiceBuilder::new()
                // Targets cut short, and no ERROR line for an expected refusal ([`http::log`]).
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(log::make_span::<axum::body::Body>)
                        .on_response(DefaultOnResponse::new().level(Level::INFO))
                        .on_failure(log::on_failure),
                )
                // Outside catch panics, so that a panic's 500 has them too: nosniff, and on HTML the
                // Content-Security-Policy and its companions.
                .layer(axum::middleware::map_response(security::headers))
                // Requests by route and status, outside catch panics so that a panic's 500 counts.
                .layer(metrics::CountLayer::new(counting))
                // The layers inside answer bodies of their own types; counting wants axum's.
                .map_response(IntoResponse::into_response)
                .layer(CatchPanicLayer::custom(|_| {
                    AppError::Internal("panic".into()).into_response()
                }))
                .layer(
                    CorsLayer::new()
                        .allow_origin(Any)
                        .allow_methods([Method::GET, Method::HEAD, Method::POST])
                        .allow_headers(Any)
                        .expose_headers([
                            header::ETAG,
                            header::RETRY_AFTER,
                            header::CONTENT_LOCATION,
                        ])
                        .max_age(Duration::from_secs(86_400)),
                )
                .layer(axum::middleware::from_fn(cache::conditional))
                .layer(CompressionLayer::new())
                .layer(axum::middleware::from_fn(error::localize))
                .layer(axum::middleware::from_fn_with_state(
                    state,
                    origin::vary_on_host,
                )),
        );
    Replay::new(routes, replaying)
}

async fn not_found(uri: axum::http::Uri) -> AppError {
    AppError::NotFound(crate::i18n::Message::new("api-error-no-route").arg("path", uri.path()))
}
