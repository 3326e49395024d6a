//! JSON for front-ends that do not speak SPARQL: entity lookup (`GET /api/lookup`) and one
//! entity with its localised labels (`GET /api/entity/{path}`).

use crate::i18n::Message;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::cache::{add_validators, etag, short_hash};
use super::error::AppError;
use super::state::AppState;
use crate::i18n::Lang;
use crate::lookup::{check_query, entity_json, EntityKind, LookupOptions};

#[derive(Debug, Deserialize)]
pub struct LookupParams {
    q: Option<String>,
    lang: Option<String>,
    #[serde(rename = "type")]
    types: Option<String>,
    limit: Option<String>,
}

fn language(lang: Option<&str>) -> Result<Lang, AppError> {
    match lang {
        None => Ok(Lang::DEFAULT),
        Some(tag) => Lang::from_tag(tag)
            .ok_or_else(|| AppError::BadRequest(Message::new("api-error-lang").arg("lang", tag))),
    }
}

fn json(
    state: &AppState,
    value: &impl serde::Serialize,
    key: &[&[u8]],
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
    Ok(response)
}

/// What a `/api/lookup` query string asks for: the text to look up (trimmed) and the options,
/// or why it is refused (no `q`; a `q` that [`check_query`] refuses: empty, too long, too many
/// words, control characters; an unknown `lang` or `type`; a `limit` that is not a whole
/// number). Public so that it can be fuzzed on its own; the handler goes through it.
pub fn lookup_request(params: &LookupParams) -> Result<(&str, LookupOptions), AppError> {
    let q = params
        .q
        .as_deref()
        .ok_or_else(|| AppError::BadRequest(Message::new("api-error-lookup-without-q")))?;
    let q = check_query(q).map_err(|refusal| AppError::BadRequest(refusal.message()))?;
    let mut options = LookupOptions::new(language(params.lang.as_deref())?);
    if let Some(types) = params.types.as_deref() {
        options.types = Some(EntityKind::parse_list(types).map_err(|e| {
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
    Query(params): Query<LookupParams>,
) -> Result<Response, AppError> {
    let (q, options) = lookup_request(&params)?;
    let key = format!(
        "{q}\u{0}{:?}\u{0}{:?}\u{0}{}",
        options.lang, options.types, options.limit
    );
    // A lookup is CPU-bound work (bounded by the query caps, but not free): on the
    // blocking pool, not on the threads that accept connections and answer every other
    // request. Not on the query workers: autocomplete would then take SPARQL's slots and get
    // its 503s under load.
    let q = q.to_owned();
    let searching = state.clone();
    let answer = tokio::task::spawn_blocking(move || searching.lookup.respond(&q, &options))
        .await
        .map_err(|e| AppError::Internal(format!("the lookup stopped: {e}")))?;
    json(&state, &answer, &[key.as_bytes()])
}

#[derive(Debug, Deserialize)]
pub struct EntityParams {
    lang: Option<String>,
}

/// `GET /api/entity/{path}?lang=…`: the resource `{base}{path}`.
pub async fn entity(
    State(state): State<AppState>,
    Path(path): Path<String>,
    Query(params): Query<EntityParams>,
) -> Result<Response, AppError> {
    let lang = language(params.lang.as_deref())?;
    let iri = format!("{}{path}", state.graph.base.as_str());
    let value = entity_json(&state.graph, &iri, lang).ok_or_else(|| {
        AppError::NotFound(Message::new("api-error-no-resource").arg("iri", iri.as_str()))
    })?;
    json(&state, &value, &[iri.as_bytes(), lang.as_str().as_bytes()])
}
