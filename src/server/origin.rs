//! The origin clients know the server by, for the IRIs the server writes about itself (the
//! service description, VoID, 303 locations): `--public-url` when given, else the request's
//! authority (HTTP/2) or Host header, else the bound address. Never the bind address when the
//! client told us better.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use axum::http::uri::Authority;

use super::state::AppState;

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
