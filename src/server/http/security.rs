//! Headers that tell browsers what our responses may do, added to every response by
//! [`headers`] (outside the router's other layers, so that refusals, panics' 500s and CORS
//! answers have them too, and before the replay cache of `/sparql` keeps a response, so that its
//! copies have them as well):
//!
//! - `X-Content-Type-Options: nosniff` on every response: a query answer, a refusal (plain text
//!   that may echo the query) or a lookup's JSON is never read as HTML or script, whatever it
//!   holds.
//! - On HTML: a `Content-Security-Policy` that lets the pages load scripts, styles, images,
//!   fonts and requests from this server only, and nothing inline: neither a `<script>` nor a
//!   `style` that found its way into a page (from a query's text, a result) runs or applies.
//!   The pages are built for it: their stylesheet is a file of `/assets/`, the workbench's
//!   settings are JSON (`type="application/json"`, data, not script), and its script sets styles
//!   through the CSSOM (`element.style`), which the policy allows. `img-src` adds `data:`, which
//!   ECharts may use for images in its SVG; `frame-ancestors 'none'` (and the older
//!   `X-Frame-Options: DENY`) keep the pages out of other sites' frames, against clickjacking;
//!   `base-uri 'none'` keeps an injected `<base>` from redirecting relative URLs;
//!   `form-action 'self'`: the forms (the workbench's, the home page's search) send only here.
//! - On HTML: `Referrer-Policy: strict-origin-when-cross-origin`, so that following a link to
//!   another site (Wikidata, a vocabulary) sends at most this server's origin, never a page's
//!   URL with the query it holds.

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;

/// The policy of every HTML page (see the module's documentation for each directive).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
     object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

pub const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";

/// Whether a response is an HTML document (what a browser would render and run scripts in).
fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| {
            let t = t.trim();
            t.eq_ignore_ascii_case("text/html") || t.eq_ignore_ascii_case("application/xhtml+xml")
        })
}

/// Middleware (`axum::middleware::map_response`): the headers above on a response.
pub async fn headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if is_html(headers) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static(REFERRER_POLICY),
        );
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_told_apart_by_its_media_type() {
        let mut headers = HeaderMap::new();
        assert!(!is_html(&headers));
        for (value, html) in [
            ("text/html; charset=utf-8", true),
            ("TEXT/HTML", true),
            ("application/xhtml+xml", true),
            ("text/plain; charset=utf-8", false),
            ("application/sparql-results+json", false),
            ("text/htmlx", false),
        ] {
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(value));
            assert_eq!(is_html(&headers), html, "{value}");
        }
    }

    #[test]
    fn the_policy_allows_nothing_inline_and_no_other_host() {
        for directive in CONTENT_SECURITY_POLICY.split(';') {
            assert!(!directive.contains("unsafe"), "{directive}");
            assert!(!directive.contains('*'), "{directive}");
            assert!(!directive.contains("http"), "{directive}");
        }
        assert!(CONTENT_SECURITY_POLICY.contains("frame-ancestors 'none'"));
    }
}
