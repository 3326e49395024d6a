//! The origin clients know the server by, for the IRIs the server writes about itself (the
//! service description, VoID, 303 locations): `--public-url` when given, else the request's
//! authority (HTTP/2) or Host header, else the bound address. Never the bind address when the
//! client told us better.
//!
//! An answer built with an origin taken from the request depends on its Host: such an answer
//! says `Vary: Host` ([`vary_on_host`]). Shared caches key on the target URI, Host included
//! (RFC 9111 §2), so a conforming one keeps a copy per host already; `Vary: Host` protects
//! caches keyed on the path alone too (a reverse proxy set up for one site that passes the
//! client's Host on). It was chosen over `Cache-Control: private`, which would make the pages of
//! a deployment without `--public-url` uncacheable for every shared cache. The server's own
//! response cache keys on the authority ([`crate::server::http::replay`]).

use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::uri::Authority;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::server::state::AppState;

/// The public origin, without a trailing '/' ("https://sco-kg.example.org").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(pub String);

impl PublicUrl {
    /// The absolute URL of a path of this server ("/sparql").
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

impl FromRequestParts<AppState> for PublicUrl {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        if let Some(url) = &state.config.public_url {
            return Ok(Self(url.clone()));
        }
        if let Some(FromHost(used)) = parts.extensions.get::<FromHost>() {
            used.store(true, Ordering::Relaxed);
        }
        let host = parts
            .uri
            .authority()
            .map(|a| a.as_str().to_string())
            .or_else(|| {
                parts
                    .headers
                    .get(header::HOST)
                    .and_then(|h| h.to_str().ok())
                    .map(str::to_string)
            })
            // Only a well-formed authority, without userinfo, makes it into an IRI we write.
            .filter(|h| h.parse::<Authority>().is_ok() && !h.contains('@'));
        Ok(Self(format!(
            "http://{}",
            host.unwrap_or_else(|| state.local_addr.to_string())
        )))
    }
}

/// Set by [`PublicUrl`] when it took the origin from the request.
#[derive(Clone, Default)]
struct FromHost(Arc<AtomicBool>);

/// Middleware: without a public URL, a response whose handler took the origin from the request
/// says `Vary: Host` (see the module's documentation).
pub async fn vary_on_host(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    if state.config.public_url.is_some() {
        return next.run(request).await;
    }
    let from_host = FromHost::default();
    request.extensions_mut().insert(from_host.clone());
    let mut response = next.run(request).await;
    if from_host.0.load(Ordering::Relaxed) {
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("Host"));
    }
    response
}
