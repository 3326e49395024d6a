//! HTML pages for people (rendered by `crate::pages`), in the language the reader asks for:
//! `?lang=`, then the `lang` cookie, then Accept-Language. Choosing a language with `?lang=`
//! sets the cookie, so the switch on every page sticks; such a response is `private`.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, Response, StatusCode, Uri};

use super::assets;
use super::cache::{add_validators, etag};
use super::language::{lang_parameter, request_lang};
use super::origin::PublicUrl;
use super::state::AppState;
use crate::i18n::Lang;

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
    let body = state.pages.home(&state.localizer, lang, &public.0);
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
    match state
        .pages
        .resource(&state.localizer, lang, &iri, &public.0)
    {
        Some(body) => html(&state, body, lang, &uri, &etag_parts),
        // A reader who followed a stale link gets a page in their language, with the way home.
        None => {
            let body = state
                .pages
                .not_found(&state.localizer, lang, &public.0, &path);
            let mut response = html(&state, body, lang, &uri, &etag_parts);
            *response.status_mut() = StatusCode::NOT_FOUND;
            let headers = response.headers_mut();
            headers.remove(header::ETAG);
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
    }
}
