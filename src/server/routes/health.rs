//! `/healthz` and `/readyz`, for supervisors and load balancers: both cheap (no SPARQL, no
//! graph walked), both `Cache-Control: no-store` (the replay layer keeps `/sparql` answers only).
//!
//! `/healthz` says that the process answers HTTP. `/readyz` says whether a query sent now would
//! be taken: the graph is loaded (a state exists only once it is) and a query slot is free, or a
//! query could wait its turn in the queue. A balancer that sends queries elsewhere while it is
//! 503 spares this replica the refusals it would give.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use crate::i18n::Message;
use crate::server::http::error::RETRY_AFTER_SECONDS;
use crate::server::http::language::request_lang;
use crate::server::state::AppState;

/// `GET /healthz`
pub async fn healthz() -> Response {
    ok()
}

/// `GET /readyz`: 200, or 503 with Retry-After and the reason in the reader's language.
pub async fn readyz(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    if ready(&state) {
        return ok();
    }
    let lang = request_lang(&uri, &headers);
    let reason = Message::new("api-not-ready").arg("seconds", RETRY_AFTER_SECONDS);
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::CONTENT_LANGUAGE, lang.bcp47()),
            (header::VARY, "Accept-Language"),
        ],
        [(header::RETRY_AFTER, RETRY_AFTER_SECONDS.to_string())],
        format!("{}\n", reason.in_lang(lang)),
    )
        .into_response()
}

/// Whether a query arriving now would be taken: a slot is free, or it may wait for one and the
/// queue has room.
pub fn ready(state: &AppState) -> bool {
    state.queries.available_permits() > 0
        || (!state.config.queue_wait.is_zero() && state.queue.len() < state.config.max_queued)
}

fn ok() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        "ok\n",
    )
        .into_response()
}
