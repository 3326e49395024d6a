//! Caching: every read response is a [`Representation`] carrying an ETag (the dataset version
//! plus what distinguishes this representation: its format, …) and Cache-Control; the
//! [`conditional`] middleware answers 304 Not Modified to a GET or HEAD whose If-None-Match
//! matches.
//!
//! The middleware sits outside the compression layer: a compressed body gets its own ETag
//! (`"…-gzip"`, `"…-br"`), as RFC 9110 asks of different representations, and a tag with such a
//! suffix still matches the representation it was compressed from.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// The data changes only with a new release of the binary; clients revalidate with the ETag.
pub const CACHE_CONTROL: &str = "public, max-age=600";

/// A complete response body with its validators, ready to send: nothing is streamed, so a
/// failure can never leave a half-written body.
pub struct Representation {
    pub body: Bytes,
    pub content_type: &'static str,
    /// Without quotes; see [`etag`].
    pub etag: String,
    /// Chosen by content negotiation on `Accept`: the response says `Vary: Accept`.
    pub negotiated: bool,
}

impl IntoResponse for Representation {
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::from(self.body));
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        add_validators(headers, &self.etag, self.negotiated);
        response
    }
}

/// Adds ETag, Cache-Control and, for a negotiated response, `Vary: Accept`.
pub fn add_validators(headers: &mut HeaderMap, etag: &str, negotiated: bool) {
    if let Ok(value) = HeaderValue::from_str(&format!("\"{etag}\"")) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    if negotiated {
        headers.append(header::VARY, HeaderValue::from_static("Accept"));
    }
}

/// An entity tag: the first 16 hex digits of the dataset version, then the parts that tell this
/// representation from the others of its URL (format, a hash of the query, …).
pub fn etag(version: &str, parts: &[&str]) -> String {
    let mut tag = version.chars().take(16).collect::<String>();
    for part in parts {
        tag.push('-');
        // Tags may only hold visible ASCII other than '"'.
        tag.extend(
            part.chars()
                .filter(|c| c.is_ascii_graphic() && *c != '"' && *c != '\\'),
        );
    }
    tag
}

/// The first 12 hex digits of the SHA-256 of some parts: a short, stable tag of inputs too long
/// for an ETag (a query, a public URL, a document).
pub fn short_hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part);
    }
    hasher.finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Content codings the compression layer may add, and the suffix each adds to the ETag.
const CODINGS: [&str; 3] = ["gzip", "br", "deflate"];

/// The opaque part of a tag, without W/, quotes or a coding suffix.
fn opaque(tag: &str) -> &str {
    let tag = tag.trim();
    let tag = tag.strip_prefix("W/").unwrap_or(tag).trim_matches('"');
    CODINGS
        .iter()
        .find_map(|coding| tag.strip_suffix(&format!("-{coding}")[..]))
        .unwrap_or(tag)
}

/// Whether If-None-Match matches an ETag (weak comparison, RFC 9110 §13.1.2).
pub fn none_match(if_none_match: &str, etag: &str) -> bool {
    let etag = opaque(etag);
    if_none_match
        .split(',')
        .any(|candidate| candidate.trim() == "*" || opaque(candidate) == etag)
}

/// Answers 304 to a conditional GET or HEAD whose If-None-Match matches the response's ETag,
/// and marks compressed bodies in their ETag.
pub async fn conditional(request: Request, next: Next) -> Response {
    let condition = matches!(*request.method(), Method::GET | Method::HEAD)
        .then(|| {
            request
                .headers()
                .get_all(header::IF_NONE_MATCH)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect::<Vec<_>>()
                .join(",")
        })
        .filter(|c| !c.is_empty());
    let mut response = next.run(request).await;
    let Some(etag) = response
        .headers()
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
    else {
        return response;
    };
    let coding = response
        .headers()
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(coding) = coding.filter(|c| CODINGS.contains(&c.as_str())) {
        let tagged = format!("\"{}-{coding}\"", etag.trim_matches('"'));
        if let Ok(value) = HeaderValue::from_str(&tagged) {
            response.headers_mut().insert(header::ETAG, value);
        }
    }
    match condition {
        Some(condition) if response.status().is_success() && none_match(&condition, &etag) => {
            not_modified(response)
        }
        _ => response,
    }
}

/// A 304 keeping the headers RFC 9110 §15.4.5 asks for; the body is dropped unsent.
fn not_modified(response: Response) -> Response {
    let mut out = Response::new(Body::empty());
    *out.status_mut() = StatusCode::NOT_MODIFIED;
    for name in [
        header::ETAG,
        header::CACHE_CONTROL,
        header::VARY,
        header::CONTENT_LOCATION,
        header::DATE,
        header::EXPIRES,
    ] {
        for value in response.headers().get_all(&name) {
            out.headers_mut().append(name.clone(), value.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match() {
        for (condition, etag, expected) in [
            ("\"abc-ttl\"", "\"abc-ttl\"", true),
            ("W/\"abc-ttl\"", "\"abc-ttl\"", true),
            ("\"abc-ttl-gzip\"", "\"abc-ttl\"", true),
            ("\"abc-ttl\"", "\"abc-ttl-br\"", true),
            ("\"x\", \"abc-ttl\"", "\"abc-ttl\"", true),
            ("*", "\"abc-ttl\"", true),
            ("\"abc-nt\"", "\"abc-ttl\"", false),
            ("\"abc\"", "\"abc-ttl\"", false),
            ("", "\"abc-ttl\"", false),
        ] {
            assert_eq!(
                none_match(condition, etag),
                expected,
                "{condition} vs {etag}"
            );
        }
    }

    #[test]
    fn tags() {
        assert_eq!(
            etag("0123456789abcdef0123", &["ttl", "a\"b c"]),
            "0123456789abcdef-ttl-abc"
        );
        assert_eq!(short_hash(&[b"a", b"b"]).len(), 12);
        assert_ne!(short_hash(&[b"ab", b""]), short_hash(&[b"a", b"b"]));
    }
}
