//! HTML pages for people (rendered by `crate::pages`), in the language the reader asks for:
//! `?lang=`, then the `lang` cookie, then Accept-Language. Choosing a language with `?lang=`
//! sets the cookie, so the switch on every page sticks; such a response is `private`.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, Response, StatusCode, Uri};

use crate::graph::ResourceKind;
use crate::i18n::{Lang, Message};
use crate::lookup::{check_query, LookupOptions};
use crate::pages::{MarkedHit, Search};
use crate::server::http::cache::{add_validators, etag, short_hash};
use crate::server::http::error::AppError;
use crate::server::http::language::{lang_parameter, request_lang};
use crate::server::http::origin::PublicUrl;
use crate::server::routes::assets;
use crate::server::state::AppState;

/// An HTML page of the language `lang`: its validators (the ETag from `etag_parts`), `Vary`
/// on what chose the language, and the `lang` cookie when the request chose it with `?lang=`.
/// Shared by the resource pages and the workbench.
pub(super) fn html(
    state: &AppState,
    body: String,
    lang: Lang,
    uri: &Uri,
    etag_parts: &[&str],
) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.bcp47()),
    );
    add_validators(headers, &etag(&state.version, etag_parts), false);
    headers.append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    if lang_parameter(uri).is_some() {
        let cookie = format!(
            "lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.as_str()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.insert(header::SET_COOKIE, value);
        }
        // A response that sets a cookie is for this reader alone: a shared cache must neither
        // hand it, cookie and all, to the next reader nor keep it.
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(PRIVATE_CACHE_CONTROL),
        );
    }
    response
}

/// Cache-Control of a page that sets the `lang` cookie: the reader's own cache may keep it
/// as long as any page, a shared one not at all.
pub const PRIVATE_CACHE_CONTROL: &str = "private, max-age=600";

/// `GET /`
pub async fn home(
    State(state): State<AppState>,
    public: PublicUrl,
    uri: Uri,
    headers: HeaderMap,
) -> Response<Body> {
    let lang = request_lang(&uri, &headers);
    let pages = match state.pages.get().await {
        Ok(pages) => pages,
        Err(e) => return axum::response::IntoResponse::into_response(e),
    };
    let body = pages.home(&state.localizer, lang, &public.0);
    html(
        &state,
        body,
        lang,
        &uri,
        &["html", lang.as_str(), "home", assets::version()],
    )
}

/// `GET /page/{*path}`: the page of the resource `{base}{path}`.
pub async fn page(
    State(state): State<AppState>,
    public: PublicUrl,
    Path(path): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response<Body> {
    let lang = request_lang(&uri, &headers);
    // The assets' version: the page links to its stylesheet by a URL that changes with it.
    let etag_parts = ["html", lang.as_str(), path.as_str(), assets::version()];
    let iri = format!("{}{path}", state.graph.base.as_str());
    let pages = match state.pages.get().await {
        Ok(pages) => pages,
        Err(e) => return axum::response::IntoResponse::into_response(e),
    };
    match pages.resource(&state.localizer, lang, &iri, &public.0) {
        Some(body) => html(&state, body, lang, &uri, &etag_parts),
        // A reader who followed a stale link gets a page in their language, with the way home.
        None => {
            let body = pages.not_found(&state.localizer, lang, &public.0, &path);
            uncacheable(
                html(&state, body, lang, &uri, &etag_parts),
                StatusCode::NOT_FOUND,
            )
        }
    }
}

/// The most hits a search page shows: the cap `/api/lookup` puts on its `limit`.
pub const SEARCH_LIMIT: usize = 100;

/// The first value of each parameter of a search (`q`, `type`), decoded; later repeats are
/// ignored, as a form sends each once.
fn search_parameters(uri: &Uri) -> (String, String) {
    let (mut q, mut types) = (None, None);
    for (name, value) in form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()) {
        match name.as_ref() {
            "q" if q.is_none() => q = Some(value.into_owned()),
            "type" if types.is_none() => types = Some(value.into_owned()),
            _ => {}
        }
    }
    (q.unwrap_or_default(), types.unwrap_or_default())
}

/// `GET /search?q=…&type=…&lang=…`: the search results page, in the page's language. A query
/// the lookup refuses (missing, empty, too long, too many words, a control character) or an
/// unknown type gets the page that says why, with status 400.
pub async fn search(
    State(state): State<AppState>,
    public: PublicUrl,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response<Body>, AppError> {
    let lang = request_lang(&uri, &headers);
    let (query, types_param) = search_parameters(&uri);
    let types = ResourceKind::parse_list(&types_param)
        .map_err(|e| Message::new("api-error-lookup-type").arg("detail", e.to_string()));
    let checked = check_query(&query).map_err(|refusal| refusal.message());
    let key = short_hash(&[query.as_bytes(), types_param.as_bytes()]);
    let etag_parts = [
        "html",
        lang.as_str(),
        "search",
        key.as_str(),
        assets::version(),
    ];
    let (q, types) = match (checked, types) {
        (Ok(q), Ok(types)) => (q.to_owned(), types),
        (Err(reason), _) | (_, Err(reason)) => {
            let search = Search::Refused {
                query,
                types: types_param,
                reason,
            };
            let body = state
                .pages
                .get()
                .await?
                .search(&state.localizer, lang, &public.0, &search);
            return Ok(uncacheable(
                html(&state, body, lang, &uri, &etag_parts),
                StatusCode::BAD_REQUEST,
            ));
        }
    };
    let mut options = LookupOptions::new(lang);
    options.types = (!types.is_empty()).then_some(types);
    options.limit = SEARCH_LIMIT;
    // As `/api/lookup` does: the lookup (and here the page around it) is CPU-bound work, on
    // the blocking pool rather than on the threads that answer every other request.
    let (lookup, pages) = (state.lookup.get().await?, state.pages.get().await?);
    let localizer = Arc::clone(&state.localizer);
    let body = tokio::task::spawn_blocking(move || {
        let answer = lookup.respond(&q, &options);
        let hits = answer
            .hits
            .into_iter()
            .map(|hit| MarkedHit {
                marks: lookup.highlight(&q, &hit.matched.text),
                hit,
            })
            .collect();
        let search = Search::Found {
            query: q,
            types: answer.types,
            hits,
            limit: answer.limit,
        };
        pages.search(&localizer, lang, &public.0, &search)
    })
    .await
    .map_err(|e| AppError::Internal(format!("the search stopped: {e}")))?;
    Ok(html(&state, body, lang, &uri, &etag_parts))
}

/// `response` with `status`, kept by no cache (a refusal or a missing page is not a page to
/// keep: the next request may be answered otherwise).
fn uncacheable(mut response: Response<Body>, status: StatusCode) -> Response<Body> {
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.remove(header::ETAG);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The ontology's HTML page (`GET /ontology` from a client that prefers HTML; the route's
/// handler in `documents` negotiates). Its ETag differs from every RDF syntax's, and it varies
/// on `Accept` as well as on what chose its language.
pub async fn ontology(
    state: &AppState,
    public: &PublicUrl,
    uri: &Uri,
    headers: &HeaderMap,
) -> Response<Body> {
    let lang = request_lang(uri, headers);
    let pages = match state.pages.get().await {
        Ok(pages) => pages,
        Err(e) => return axum::response::IntoResponse::into_response(e),
    };
    let body = pages.ontology(&state.localizer, lang, &public.0);
    let mut response = html(
        state,
        body,
        lang,
        uri,
        &["html", lang.as_str(), "ontology", assets::version()],
    );
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("Accept"));
    response
}
