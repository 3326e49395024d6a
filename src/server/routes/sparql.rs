//! `/sparql`: the SPARQL 1.1 Protocol for queries (§2.1): GET with `query=`, POST of an
//! `application/x-www-form-urlencoded` form, POST of an `application/sparql-query` body;
//! `default-graph-uri` and `named-graph-uri`; the answer's format chosen by `format=` or by
//! `Accept`. Without a query, GET answers the service description, or sends a browser to the
//! query workbench (`/query`). The endpoint is read-only:
//! updates are refused with 403 and a message. Queries run in [`crate::server::execution::query`].

use crate::i18n::Message;
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::State;
use axum::http::{header, HeaderMap, Uri};
use axum::response::{IntoResponse, Response};
use oxigraph::model::NamedNode;

use crate::export::write_rdf;
use crate::server::execution::answers::CachedAnswer;
use crate::server::execution::query;
use crate::server::http::cache::{etag, short_hash, Representation};
use crate::server::http::error::AppError;
use crate::server::http::formats::{self, from_parameter, negotiate_kind, rdf_name};
use crate::server::http::formats::{AnswerKind, Requested};
use crate::server::http::negotiate::{accept_header, negotiate};
use crate::server::http::origin::PublicUrl;
use crate::server::metrics::Refusal;
use crate::server::routes::description;
use crate::server::state::AppState;
use crate::store::{QueryOptions, ResultFormat};

/// The protocol's parameters, from the URL and, for a form, the body.
#[derive(Debug, Default)]
struct Params {
    query: Option<String>,
    update: bool,
    default_graphs: Vec<String>,
    named_graphs: Vec<String>,
    format: Option<String>,
}

impl Params {
    fn add(&mut self, urlencoded: &[u8]) -> Result<(), AppError> {
        for (name, value) in form_urlencoded::parse(urlencoded) {
            match &*name {
                "query" if self.query.is_some() => {
                    return Err(AppError::BadRequest(Message::new("api-error-two-queries")));
                }
                "query" => self.query = Some(value.into_owned()),
                "update" => self.update = true,
                "default-graph-uri" => self.default_graphs.push(value.into_owned()),
                "named-graph-uri" => self.named_graphs.push(value.into_owned()),
                // An empty `format=` (a form's untouched field) asks for nothing: Accept decides.
                "format" if value.trim().is_empty() => {}
                "format" => self.format = Some(value.trim().to_string()),
                // Other parameters (a client's cache busters, …) do not change the answer.
                _ => {}
            }
        }
        Ok(())
    }

    fn from_uri(uri: &Uri) -> Result<Self, AppError> {
        let mut params = Self::default();
        params.add(uri.query().unwrap_or_default().as_bytes())?;
        Ok(params)
    }
}

/// `GET /sparql`
pub async fn get(
    State(state): State<AppState>,
    public: PublicUrl,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let mut params = Params::from_uri(&uri)?;
    if params.update {
        return Err(AppError::ReadOnly);
    }
    match params.query.take() {
        Some(text) => answer(&state, &headers, text, params).await,
        // A person who opens the endpoint in a browser wants to write a query.
        None if crate::server::routes::workbench::prefers_html(&headers) => {
            Ok(crate::server::routes::workbench::see_other(&public, &uri))
        }
        None => Ok(service_description(&state, &public, &headers)?.into_response()),
    }
}

/// `POST /sparql`
pub async fn post(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    let mut params = Params::from_uri(&uri)?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match content_type.as_str() {
        "application/sparql-update" => Err(AppError::ReadOnly),
        "application/x-www-form-urlencoded" => {
            let form = read_body(&state, &headers, body).await?;
            params.add(&form)?;
            if params.update {
                return Err(AppError::ReadOnly);
            }
            let text = params.query.take().ok_or_else(|| {
                AppError::BadRequest(Message::new("api-error-form-without-query"))
            })?;
            answer(&state, &headers, text, params).await
        }
        "application/sparql-query" => {
            if params.update {
                return Err(AppError::ReadOnly);
            }
            if params.query.is_some() {
                return Err(AppError::BadRequest(Message::new(
                    "api-error-query-in-body-and-url",
                )));
            }
            let bytes = read_body(&state, &headers, body).await?;
            let text = String::from_utf8(bytes.to_vec())
                .map_err(|_| AppError::BadRequest(Message::new("api-error-not-utf8")))?;
            answer(&state, &headers, text, params).await
        }
        _ => Err(AppError::UnsupportedMediaType(
            Message::new("api-error-post-content-type").arg("content_type", content_type),
        )),
    }
}

/// How much of an oversized body is read and dropped before the 413 is sent.
const DRAIN_BYTES: usize = 1 << 20;

/// Reads the whole body: at most `max_body_bytes` (else 413) within the query timeout (else
/// 408), so that a slow or huge upload ties up nothing for long.
async fn read_body(state: &AppState, headers: &HeaderMap, body: Body) -> Result<Bytes, AppError> {
    let limit = state.config.max_body_bytes;
    let too_large =
        || AppError::TooLarge(Message::new("api-error-body-too-large").arg("limit", limit));
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // Far too large: refused before reading (the client may see the connection close).
    if declared.is_some_and(|n| n > (limit + DRAIN_BYTES) as u64) {
        return Err(too_large());
    }
    let read = async {
        let mut body = std::pin::pin!(body);
        let mut out = Vec::new();
        // Past the limit, a little more is read and dropped, so that a client still sending
        // gets the 413 rather than a connection reset.
        let mut dropped = 0usize;
        while let Some(frame) = std::future::poll_fn(|cx| body.as_mut().poll_frame(cx)).await {
            let frame = frame.map_err(|e| {
                AppError::BadRequest(
                    Message::new("api-error-body-unreadable").arg("detail", e.to_string()),
                )
            })?;
            if let Ok(data) = frame.into_data() {
                if dropped > 0 || out.len() + data.len() > limit {
                    dropped += data.len();
                    if dropped > DRAIN_BYTES {
                        break;
                    }
                } else {
                    out.extend_from_slice(&data);
                }
            }
        }
        if dropped > 0 {
            return Err(too_large());
        }
        Ok(Bytes::from(out))
    };
    let patience: Duration = state.config.timeout;
    tokio::time::timeout(patience, read)
        .await
        .map_err(|_| AppError::RequestTimeout(patience))?
}

fn graph_names(names: &[String], parameter: &str) -> Result<Vec<NamedNode>, AppError> {
    names
        .iter()
        .map(|name| {
            NamedNode::new(name.as_str()).map_err(|e| {
                AppError::BadRequest(
                    Message::new("api-error-graph-iri")
                        .arg("parameter", parameter)
                        .arg("iri", name.as_str())
                        .arg("detail", e.to_string()),
                )
            })
        })
        .collect()
}

async fn answer(
    state: &AppState,
    headers: &HeaderMap,
    text: String,
    params: Params,
) -> Result<Response, AppError> {
    let limit = state.config.max_query_bytes;
    if text.len() > limit {
        return Err(AppError::TooLarge(
            Message::new("api-error-query-too-long")
                .arg("length", text.len())
                .arg("limit", limit),
        ));
    }
    let format_parameter = params.format.clone();
    let accept = accept_header(headers);
    let key = state.answers.key(
        text,
        &params.default_graphs,
        &params.named_graphs,
        format_parameter.as_deref(),
        accept.as_deref(),
    );
    // The body holds its share of the bytes in flight until it is sent or dropped.
    let represent = |answer: CachedAnswer| -> Result<Response, AppError> {
        let body = state
            .in_flight
            .hold(answer.body.clone())
            .inspect_err(|_| state.metrics.refused(Refusal::InFlight))?;
        let mut response = Representation {
            etag: answer.etag,
            body: answer.body,
            content_type: answer.content_type,
            negotiated: true,
        }
        .into_response();
        *response.body_mut() = body;
        Ok(response)
    };
    if let Some(answer) = state.answers.get(&key) {
        return represent(answer);
    }
    let choose = move |kind: AnswerKind| -> Result<(&'static str, ResultFormat), AppError> {
        let not_acceptable = || match kind {
            AnswerKind::Results => AppError::NotAcceptable(formats::listed(formats::RESULTS)),
            AnswerKind::Graph => AppError::NotAcceptable(formats::listed(formats::RDF)),
        };
        match format_parameter.as_deref() {
            Some(name) => match from_parameter(name, kind) {
                Requested::Format(content_type, format) => Ok((content_type, format)),
                Requested::Unfit => Err(not_acceptable()),
                Requested::Unknown => Err(AppError::BadRequest(
                    Message::new("api-error-unknown-format").arg("format", name),
                )),
            },
            None => negotiate_kind(accept.as_deref(), kind).ok_or_else(not_acceptable),
        }
    };
    let options = QueryOptions {
        default_graphs: graph_names(&params.default_graphs, "default-graph-uri")?,
        named_graphs: graph_names(&params.named_graphs, "named-graph-uri")?,
        ..QueryOptions::default()
    };
    let text = key.query.clone();
    let hash = short_hash(&[
        text.as_bytes(),
        params.default_graphs.join(" ").as_bytes(),
        params.named_graphs.join(" ").as_bytes(),
    ]);
    let evaluate = async {
        let written = query::run(state, text, options, choose).await?;
        Ok::<_, AppError>(CachedAnswer {
            etag: etag(&state.version, &["q", &hash, format_name(written.format)]),
            body: written.body,
            content_type: written.content_type,
            format: written.format,
        })
    };
    // Waiting for another request's identical query counts against the same queue and the
    // same time as a query of one's own: a slot's wait, then its run.
    let patience = state.config.queue_wait + state.config.timeout;
    let answer = tokio::time::timeout(
        patience,
        state.answers.get_or_compute(
            &key,
            || {
                state
                    .queue
                    .enter()
                    .inspect_err(|_| state.metrics.refused(Refusal::QueueFull))
            },
            evaluate,
        ),
    )
    .await
    .map_err(|_| {
        state.metrics.timeouts.inc();
        state.metrics.refused(Refusal::Timeout);
        AppError::Timeout(state.config.timeout)
    })??;
    represent(answer)
}

fn format_name(format: ResultFormat) -> &'static str {
    use oxigraph::sparql::results::QueryResultsFormat as F;
    match format {
        ResultFormat::Results(F::Json) => "json",
        ResultFormat::Results(F::Xml) => "xml",
        ResultFormat::Results(F::Csv) => "csv",
        ResultFormat::Results(F::Tsv) => "tsv",
        ResultFormat::Rdf(rdf) => rdf_name(rdf),
        _ => "other",
    }
}

fn service_description(
    state: &AppState,
    public: &PublicUrl,
    headers: &HeaderMap,
) -> Result<Representation, AppError> {
    let (content_type, format) = negotiate(accept_header(headers).as_deref(), formats::RDF)
        .ok_or_else(|| AppError::NotAcceptable(formats::listed(formats::RDF)))?;
    let triples = description::description(public, state.graph.triples.len(), &state.prefixes);
    let body = write_rdf(&triples, format, &description::prefixes())
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Representation {
        body: Bytes::from(body),
        content_type,
        etag: etag(
            &state.version,
            &["sd", &short_hash(&[public.0.as_bytes()]), rdf_name(format)],
        ),
        negotiated: true,
    })
}
