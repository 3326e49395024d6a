//! Why a request got no representation: every refusal is an [`AppError`], answered with its
//! status and a plain-text message for the person who sent the request. Client mistakes are
//! 4xx; only [`AppError::Internal`] is a 500, and it is logged.

use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::store::QueryError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    /// The text is not SPARQL 1.1 Query: the parser's message with its position.
    #[error("the query is not valid SPARQL 1.1: {0}")]
    Syntax(String),
    #[error(
        "this endpoint is read-only: SPARQL Update is not accepted (send queries with `query=` \
         or as application/sparql-query)"
    )]
    ReadOnly,
    #[error("{0}")]
    NotFound(String),
    #[error("none of the media types in Accept (or format=) can be served here; available: {}", .0.join(", "))]
    NotAcceptable(Vec<&'static str>),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{0}")]
    TooLarge(String),
    #[error("the request body did not arrive within {} s", .0.as_secs_f64())]
    RequestTimeout(Duration),
    #[error("too many queries are running at once; retry in a moment")]
    Busy,
    #[error("the query was stopped after {} s, the longest a query may run here", .0.as_secs_f64())]
    Timeout(Duration),
    #[error("the query was cancelled")]
    Cancelled,
    #[error("the answer has more than {0} rows or triples, the most this endpoint returns; narrow the query or add a LIMIT")]
    TooManyResults(usize),
    #[error("the query could not be evaluated: {0}")]
    Evaluation(String),
    #[error("internal error: {0}")]
    Internal(String),
}

/// Seconds a client is asked to wait before retrying when every query slot is taken.
pub const RETRY_AFTER_SECONDS: u64 = 1;

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) | Self::Syntax(_) | Self::Evaluation(_) => StatusCode::BAD_REQUEST,
            // The result cap is the client's to respect (LIMIT): a client error, not ours.
            Self::TooManyResults(_) => StatusCode::BAD_REQUEST,
            Self::ReadOnly => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::NotAcceptable(_) => StatusCode::NOT_ACCEPTABLE,
            Self::RequestTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Busy | Self::Timeout(_) | Self::Cancelled => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<QueryError> for AppError {
    fn from(e: QueryError) -> Self {
        match e {
            QueryError::Syntax(message) => Self::Syntax(message),
            QueryError::Cancelled => Self::Cancelled,
            QueryError::TooLarge { limit } => Self::TooManyResults(limit),
            // Evaluation errors of the in-memory store come from the query: an unsupported
            // SERVICE, a dataset the query names, … — the client's to fix.
            QueryError::Evaluation(message) => Self::Evaluation(message),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() && !matches!(self, Self::Busy | Self::Timeout(_)) {
            tracing::error!(%status, "{self}");
        }
        let mut response = (status, format!("{self}\n")).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if matches!(self, Self::Busy) {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
        }
        response
    }
}
