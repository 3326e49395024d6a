//! `/dump/…`: the whole graph, serialised once at start ([`crate::export`]).
//! `/dump/sco-kg.{ttl,nt,nq,trig,rdf,jsonld}` and `/dump/sco-kg.canonical.nq` are fixed
//! formats; `/dump/sco-kg` negotiates among them and names the one chosen in Content-Location.

use crate::i18n::Message;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

use super::cache::{etag, Representation};
use super::error::AppError;
use super::formats;
use super::negotiate::{accept_header, negotiate};
use super::state::AppState;
use crate::export::DumpFormat;

/// The dumps in the server's order of preference.
const OFFERS: &[(&str, DumpFormat)] = &[
    ("text/turtle; charset=utf-8", DumpFormat::Turtle),
    ("application/n-triples", DumpFormat::NTriples),
    ("application/n-quads", DumpFormat::NQuads),
    ("application/trig", DumpFormat::TriG),
    ("application/rdf+xml", DumpFormat::RdfXml),
    ("application/ld+json", DumpFormat::JsonLd),
];

/// The dumps computed at start, one per format.
pub struct Dumps(Vec<(DumpFormat, Bytes)>);

impl Dumps {
    pub fn new(dumps: Vec<(DumpFormat, Bytes)>) -> Self {
        Self(dumps)
    }

    pub fn get(&self, format: DumpFormat) -> Option<&Bytes> {
        self.0.iter().find(|(f, _)| *f == format).map(|(_, b)| b)
    }
}

fn representation(
    state: &AppState,
    format: DumpFormat,
    negotiated: bool,
) -> Result<Representation, AppError> {
    let body = state
        .dumps
        .get(format)
        .cloned()
        .ok_or_else(|| AppError::Internal(format!("no {} dump", format.file_name())))?;
    Ok(Representation {
        body,
        content_type: format.media_type(),
        etag: etag(&state.version, &[format.extension()]),
        negotiated,
    })
}

/// `GET /dump/{file}`
pub async fn dump(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Representation, AppError> {
    let format = DumpFormat::from_file_name(&file).ok_or_else(|| {
        AppError::NotFound(Message::new("api-error-no-dump").arg("file", file.as_str()))
    })?;
    representation(&state, format, false)
}

/// `GET /dump/sco-kg`: the dump in the format the client accepts.
pub async fn negotiated(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (_, format) = negotiate(accept_header(&headers).as_deref(), OFFERS)
        .ok_or_else(|| AppError::NotAcceptable(formats::listed(OFFERS)))?;
    let mut response = representation(&state, format, true)?.into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/dump/{}", format.file_name())) {
        response
            .headers_mut()
            .insert(header::CONTENT_LOCATION, location);
    }
    Ok(response)
}
