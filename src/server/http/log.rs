//! What the request log writes about a request, and at which level.
//!
//! A request's target is written cut to [`TARGET_CHARS`] characters: targets are the client's to
//! choose, up to the 64 KiB hyper reads, and written whole they let a client fill the disk with
//! the log (2,000 requests with long targets made 80 MB). The cut says how many bytes it left
//! out, so that a reader knows the line is not the whole target.
//!
//! A 5xx answer is not an error of the log by itself: 503 is the expected refusal of a busy
//! server or of a query past its timeout, logged at ERROR by the trace layer's default (with
//! `RUST_LOG=warn`, every refusal of a busy server made a line). Every request already has its
//! line with its status at INFO (the trace layer's response line); a failure of ours is logged
//! at ERROR, with its detail, where it happens ([`crate::server::http::error::AppError`]'s response for an
//! internal error, which panics caught by the router become too). Only a body that fails while
//! being sent is logged at ERROR here: nothing else sees it.

use std::fmt;
use std::time::Duration;

use axum::http::{Request, Uri};
use tower_http::classify::ServerErrorsFailureClass;
use tracing::Span;

/// The most characters of a request's path and query written to the log.
pub const TARGET_CHARS: usize = 200;

/// A request's path and query as logged: whole when short, else cut to [`TARGET_CHARS`]
/// characters with a note of how many bytes were left out. Writes without allocating.
pub struct Target<'a>(&'a str);

/// The logged form of a request's target (its path and query; the authority of an
/// absolute-form target is left out, as in an origin-form one).
pub fn target(uri: &Uri) -> Target<'_> {
    Target(uri.path_and_query().map_or("/", |p| p.as_str()))
}

impl fmt::Display for Target<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(TARGET_CHARS) {
            None => f.write_str(self.0),
            Some((cut, _)) => write!(
                f,
                "{}… [{} more bytes not logged]",
                &self.0[..cut],
                self.0.len() - cut
            ),
        }
    }
}

/// The span of a request: method, target (cut) and version, at INFO.
pub fn make_span<B>(request: &Request<B>) -> Span {
    tracing::info_span!(
        "request",
        method = %request.method(),
        uri = %target(request.uri()),
        version = ?request.version(),
    )
}

/// The trace layer's failures (see the module's documentation): a 5xx status is already on the
/// response's line, and an error of ours was logged where it happened; a body that failed while
/// being sent is an error.
pub fn on_failure(failure: ServerErrorsFailureClass, latency: Duration, _span: &Span) {
    match failure {
        ServerErrorsFailureClass::StatusCode(status) => {
            tracing::debug!(%status, ?latency, "answered with a server status");
        }
        ServerErrorsFailureClass::Error(error) => {
            tracing::error!(%error, ?latency, "the response failed while being sent");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_targets_are_cut_and_say_so() {
        let short: Uri = "/sparql?query=ASK%7B%7D".parse().unwrap();
        assert_eq!(target(&short).to_string(), "/sparql?query=ASK%7B%7D");
        let exact: Uri = format!("/{}", "a".repeat(TARGET_CHARS - 1))
            .parse()
            .unwrap();
        assert_eq!(target(&exact).to_string(), exact.to_string());

        let long: Uri = format!("/sparql?query={}", "x".repeat(20_000))
            .parse()
            .unwrap();
        let logged = target(&long).to_string();
        let total = long.path_and_query().unwrap().as_str().len();
        assert!(logged.starts_with("/sparql?query=xxx"), "{logged}");
        assert!(
            logged.ends_with(&format!(
                "… [{} more bytes not logged]",
                total - TARGET_CHARS
            )),
            "{logged}"
        );
        assert!(logged.chars().count() < TARGET_CHARS + 40, "{logged}");

        // An absolute-form target: its path and query only.
        let absolute: Uri = "http://evil.example/sparql?query=1".parse().unwrap();
        assert_eq!(target(&absolute).to_string(), "/sparql?query=1");
    }

    /// Cut on a character, not inside one (targets are ASCII once parsed, but what is logged
    /// must never be split mid-character whatever it is given).
    #[test]
    fn the_cut_falls_between_characters() {
        let text = "й".repeat(TARGET_CHARS + 10);
        let logged = Target(&text).to_string();
        assert!(logged.starts_with(&"й".repeat(TARGET_CHARS)), "{logged}");
        assert!(logged.ends_with("… [20 more bytes not logged]"), "{logged}");
    }
}
