//! `/query`: the query workbench, an HTML page (rendered by `crate::pages`) with the SPARQL
//! editor, the example gallery and the result views, which runs queries on `/sparql` from the
//! browser. `?example={id}` preloads an example of `data/examples/`, `?query=` any query text.
//! The language follows `?lang=`, then the `lang` cookie, then Accept-Language, as on the other
//! pages; `?lang=` sets the cookie.
//!
//! A browser that opens `/sparql` itself (no query, HTML preferred to RDF) is sent here with
//! 303 See Other ([`see_other`]); other clients still get the service description.

use std::sync::OnceLock;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Response, StatusCode, Uri};

use crate::examples::Example;
use crate::i18n::Lang;
use crate::pages::Workbench;
use crate::server::http::cache::short_hash;
use crate::server::http::formats;
use crate::server::http::language::request_lang;
use crate::server::http::negotiate::{accept_header, parse_accept, quality};
use crate::server::http::origin::PublicUrl;
use crate::server::routes::assets;
use crate::server::state::AppState;

/// The gallery, read once from the embedded `data/examples/` (which the tests check); a file
/// that fails to read leaves the gallery empty rather than the page missing.
fn examples() -> &'static [Example] {
    static EXAMPLES: OnceLock<Vec<Example>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        crate::examples::all().unwrap_or_else(|e| {
            tracing::error!("the example gallery cannot be read: {e}");
            Vec::new()
        })
    })
}

/// The parameters of `/query`; read leniently, since a page should never be refused for a
/// malformed query string.
#[derive(Debug, Default)]
struct Params {
    lang: Option<String>,
    example: Option<String>,
    query: Option<String>,
}

impl Params {
    fn from_uri(uri: &Uri) -> Self {
        let mut params = Self::default();
        for (name, value) in form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()) {
            let slot = match &*name {
                "lang" => &mut params.lang,
                "example" => &mut params.example,
                "query" => &mut params.query,
                _ => continue,
            };
            slot.get_or_insert_with(|| value.into_owned());
        }
        params
    }

    /// The parameters other than `lang`, as the language switch keeps them.
    fn rest(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(example) = &self.example {
            out.append_pair("example", example);
        }
        if let Some(query) = &self.query {
            out.append_pair("query", query);
        }
        out.finish()
    }
}

/// `GET /query`
pub async fn page(
    State(state): State<AppState>,
    public: PublicUrl,
    uri: Uri,
    headers: HeaderMap,
) -> Response<Body> {
    let params = Params::from_uri(&uri);
    let lang = request_lang(&uri, &headers);
    let pages = match state.pages.get().await {
        Ok(pages) => pages,
        Err(e) => return axum::response::IntoResponse::into_response(e),
    };
    let rest = params.rest();
    let asset = |path: &str| assets::href(path);
    let workbench = Workbench {
        prefixes: &state.prefixes,
        examples: examples(),
        example: params.example.as_deref(),
        query: params.query.as_deref(),
        rest: &rest,
        timeout_seconds: state.config.timeout.as_secs_f64(),
        max_results: state.config.max_results,
        asset: &asset,
    };
    let body = pages.workbench(&state.localizer, lang, &public.0, &workbench);

    let key = short_hash(&[public.0.as_bytes(), rest.as_bytes()]);
    crate::server::routes::page::html(
        &state,
        body,
        lang,
        &uri,
        &["query", lang.as_str(), assets::version(), &key],
    )
}

/// Whether a request without a query would rather have HTML than any RDF syntax: a browser's
/// Accept ranks `text/html` above the `*/*` that RDF matches; `*/*` alone, or no Accept, does
/// not (ties go to the RDF service description).
pub fn prefers_html(headers: &HeaderMap) -> bool {
    let Some(accept) = accept_header(headers) else {
        return false;
    };
    let ranges = parse_accept(&accept);
    let html = ["text/html", "application/xhtml+xml"]
        .iter()
        .filter_map(|t| quality(&ranges, t))
        .max()
        .unwrap_or(0);
    let rdf = formats::RDF
        .iter()
        .filter_map(|(t, _)| quality(&ranges, t))
        .max()
        .unwrap_or(0);
    html > 0 && html > rdf
}

/// 303 See Other from `/sparql` to `/query`, keeping `lang=` if the request had one.
pub fn see_other(public: &PublicUrl, uri: &Uri) -> Response<Body> {
    let lang = Params::from_uri(uri).lang.and_then(|l| Lang::from_tag(&l));
    let location = match lang {
        Some(lang) => public.join(&format!("/query?lang={lang}")),
        None => public.join("/query"),
    };
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::SEE_OTHER;
    let headers = response.headers_mut();
    // A public URL that is no header value (non-ASCII) leaves the location relative.
    let location =
        HeaderValue::from_str(&location).unwrap_or_else(|_| HeaderValue::from_static("/query"));
    headers.insert(header::LOCATION, location);
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(crate::server::http::cache::CACHE_CONTROL),
    );
    headers.append(header::VARY, HeaderValue::from_static("Accept"));
    response
}
