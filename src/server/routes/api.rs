//! JSON for front-ends that do not speak SPARQL: entity lookup (`GET /api/lookup`), one
//! entity with its localised labels (`GET /api/entity/{path}`), and the OpenAPI description
//! of both and of the other routes a program calls (`GET /api/openapi.json`,
//! `data/api/openapi.json`).
//!
//! The labels' language is chosen as the pages choose theirs: `?lang=`, then the `lang` cookie,
//! then `Accept-Language` ([`crate::server::http::language`]), so that a browser's fetch from a page gets the
//! page's language without being told. An explicit `?lang=` that names no language of the
//! service is still a 400: a program that asked for one should learn that it did not get it.

use std::sync::OnceLock;

use crate::i18n::Message;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::graph::ResourceKind;
use crate::i18n::{negotiate, Lang};
use crate::lookup::{check_query, entity_json, LookupOptions};
use crate::server::http::cache::{add_validators, etag, short_hash, Representation};
use crate::server::http::error::AppError;
use crate::server::http::language::cookie_lang;
use crate::server::state::AppState;

#[derive(Debug, Deserialize)]
pub struct LookupParams {
    q: Option<String>,
    lang: Option<String>,
    #[serde(rename = "type")]
    types: Option<String>,
    limit: Option<String>,
}

/// The first value of the parameter `name` in a query string. A parameter given twice is read
/// by its first value, as [`crate::server::http::language::lang_parameter`] reads `lang` for the language of
/// messages, so that one request never gets two languages (and a repeated parameter is not a
/// refusal in English from the extractor, outside the localised refusals).
fn first_value(uri: &Uri, name: &str) -> Option<String> {
    form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(n, _)| n == name)
        .map(|(_, value)| value.into_owned())
}

impl LookupParams {
    /// The parameters of a request's query string.
    pub fn from_uri(uri: &Uri) -> Self {
        Self {
            q: first_value(uri, "q"),
            lang: first_value(uri, "lang"),
            types: first_value(uri, "type"),
            limit: first_value(uri, "limit"),
        }
    }
}

/// The language of `?lang=` (a 400 when it names none of ours), or `fallback` without one.
fn language(lang: Option<&str>, fallback: Lang) -> Result<Lang, AppError> {
    match lang {
        None => Ok(fallback),
        Some(tag) => Lang::from_tag(tag)
            .ok_or_else(|| AppError::BadRequest(Message::new("api-error-lang").arg("lang", tag))),
    }
}

/// The language a request without `?lang=` gets: the `lang` cookie, then `Accept-Language`,
/// as [`crate::server::http::language::request_lang`] chooses it for pages. (The `?lang=` of the query
/// string is read by the handlers' own parameters, which refuse an unknown one.)
fn negotiated_lang(headers: &HeaderMap) -> Lang {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(None, cookie_lang(headers), accept)
}

/// A JSON answer with its validators. `negotiated`: its language came from the request's
/// headers rather than from its URL, so that it says `Vary: Accept-Language, Cookie` and a
/// shared cache keeps one copy per language.
fn json(
    state: &AppState,
    value: &impl serde::Serialize,
    key: &[&[u8]],
    negotiated: bool,
) -> Result<Response, AppError> {
    let body = serde_json::to_vec(value).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    add_validators(
        headers,
        &etag(&state.version, &["json", &short_hash(key)]),
        false,
    );
    if negotiated {
        headers.append(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    Ok(response)
}

/// What a `/api/lookup` query string asks for: the text to look up (trimmed) and the options,
/// or why it is refused (no `q`; a `q` that [`check_query`] refuses: empty, too long, too many
/// words, control characters; an unknown `lang` or `type`; a `limit` that is not a whole
/// number), with the labels in `fallback` when the query string has no `lang`.
pub fn lookup_request_in(
    params: &LookupParams,
    fallback: Lang,
) -> Result<(&str, LookupOptions), AppError> {
    let q = params
        .q
        .as_deref()
        .ok_or_else(|| AppError::BadRequest(Message::new("api-error-lookup-without-q")))?;
    let q = check_query(q).map_err(|refusal| AppError::BadRequest(refusal.message()))?;
    let mut options = LookupOptions::new(language(params.lang.as_deref(), fallback)?);
    if let Some(types) = params.types.as_deref() {
        options.types = Some(ResourceKind::parse_list(types).map_err(|e| {
            AppError::BadRequest(Message::new("api-error-lookup-type").arg("detail", e.to_string()))
        })?);
    }
    if let Some(limit) = params.limit.as_deref() {
        let limit: usize = limit.parse().map_err(|_| {
            AppError::BadRequest(Message::new("api-error-lookup-limit").arg("limit", limit))
        })?;
        options.limit = limit.min(100);
    }
    Ok((q, options))
}

/// `GET /api/lookup?q=…&lang=…&type=…&limit=…`
pub async fn lookup(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Response, AppError> {
    let params = LookupParams::from_uri(&uri);
    let (q, options) = lookup_request_in(&params, negotiated_lang(&headers))?;
    let negotiated = params.lang.is_none();
    let key = format!(
        "{q}\u{0}{:?}\u{0}{:?}\u{0}{}",
        options.lang, options.types, options.limit
    );
    // A lookup is CPU-bound work (bounded by the query caps, but not free): on the
    // blocking pool, not on the threads that accept connections and answer every other
    // request. Not on the query workers: autocomplete would then take SPARQL's slots and get
    // its 503s under load.
    let q = q.to_owned();
    let lookup = state.lookup.get().await?;
    let answer = tokio::task::spawn_blocking(move || lookup.respond(&q, &options))
        .await
        .map_err(|e| AppError::Internal(format!("the lookup stopped: {e}")))?;
    json(&state, &answer, &[key.as_bytes()], negotiated)
}

/// `GET /api/entity/{path}?lang=…`: the resource `{base}{path}`.
pub async fn entity(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(path): Path<String>,
    uri: Uri,
) -> Result<Response, AppError> {
    let lang_parameter = first_value(&uri, "lang");
    let lang = language(lang_parameter.as_deref(), negotiated_lang(&headers))?;
    let iri = format!("{}{path}", state.graph.base.as_str());
    let value = entity_json(&state.graph, &iri, lang).ok_or_else(|| {
        AppError::NotFound(Message::new("api-error-no-resource").arg("iri", iri.as_str()))
    })?;
    json(
        &state,
        &value,
        &[iri.as_bytes(), lang.as_str().as_bytes()],
        lang_parameter.is_none(),
    )
}

/// The OpenAPI 3 description of the service, as written in `data/api/openapi.json`: a file
/// to read and diff rather than code, checked against the routes and the live answers by
/// `tests/server_api.rs` (schemathesis).
const OPENAPI: &str = "api/openapi.json";

/// `GET /api/openapi.json`
pub async fn openapi(State(state): State<AppState>) -> Result<Representation, AppError> {
    // Read and hashed once: the file is embedded, so it never changes while the binary runs.
    static DOCUMENT: OnceLock<Result<(Bytes, String), String>> = OnceLock::new();
    let (body, hash) = DOCUMENT
        .get_or_init(|| {
            let file = crate::data::file(OPENAPI).map_err(|e| e.to_string())?;
            let hash = short_hash(&[file.contents.as_bytes()]);
            Ok((Bytes::from_static(file.contents.as_bytes()), hash))
        })
        .as_ref()
        .map_err(|e| AppError::Internal(e.clone()))?;
    Ok(Representation {
        body: body.clone(),
        content_type: "application/json",
        etag: etag(&state.version, &["openapi", hash]),
        negotiated: false,
    })
}
