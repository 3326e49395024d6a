//! Why a request got no representation: every refusal is an [`AppError`], answered with its
//! status and a plain-text message for the person who sent the request, in their language
//! ([`localize`] renders it after the handler, knowing the request). Client mistakes are 4xx;
//! a query refused for its size is a 500, as the SPARQL 1.1 Protocol has it; only
//! [`AppError::Internal`] is logged as an error.

use std::fmt;
use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::i18n::{Lang, Message};
use crate::server::http::language::request_lang;
use crate::store::QueryError;

/// A refusal or failure, answered with [`AppError::status`] and [`AppError::message`] as
/// `text/plain` (`Cache-Control: no-store`).
#[derive(Debug)]
pub enum AppError {
    /// A request the endpoint cannot take as sent; the message says what and how to fix it.
    BadRequest(Message),
    /// The text is not SPARQL 1.1 Query: where and why.
    Syntax(crate::store::SyntaxError),
    /// A SPARQL Update (403): the endpoint only answers queries.
    ReadOnly,
    /// No such route, resource or file (404).
    NotFound(Message),
    /// The media types that could have been served.
    NotAcceptable(Vec<&'static str>),
    /// A POST body of a type the endpoint does not read (415).
    UnsupportedMediaType(Message),
    /// A request body or query text over its limit (413).
    TooLarge(Message),
    /// The request body did not arrive within this time, the query timeout (408).
    RequestTimeout(Duration),
    /// No query slot free within the queue wait, a full queue, or the answers' bytes in flight
    /// at their limit (503 with `Retry-After`, [`RETRY_AFTER_SECONDS`]): try again shortly.
    Busy,
    /// The query ran, or waited, longer than this limit and was stopped (503).
    Timeout(Duration),
    /// The evaluation was cancelled before it finished (503).
    Cancelled,
    /// The answer would have more than this many rows or triples (500, as the Protocol has a
    /// refused query); the message says how to page.
    TooManyResults(usize),
    /// The answer would be longer than this many bytes.
    AnswerTooLong(usize),
    /// Evaluating the query took more than this many bytes of memory.
    OutOfMemory(usize),
    /// Why the evaluator gave no answer.
    Evaluation(crate::store::EvaluationError),
    /// Ours: the detail goes to the log and, briefly, to the client.
    Internal(String),
}

/// Seconds a client is asked to wait before retrying when every query slot is taken.
pub const RETRY_AFTER_SECONDS: u64 = 1;

impl AppError {
    /// The HTTP status: 4xx for what the client can fix, 503 for what a retry may cure, 500 for
    /// a query refused for its size and for our own failures.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) | Self::Syntax(_) | Self::Evaluation(_) => StatusCode::BAD_REQUEST,
            // A query the service refuses to answer in full: the SPARQL 1.1 Protocol (§2.1.4)
            // gives 500 for a query the service refuses, and 400 means a malformed query
            // (SPARQLWrapper reports it as "QueryBadFormed"). The message says which limit and
            // how to page.
            Self::TooManyResults(_) | Self::AnswerTooLong(_) | Self::OutOfMemory(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
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

    /// What to tell the client, in no language yet.
    pub fn message(&self) -> Message {
        match self {
            Self::BadRequest(m)
            | Self::NotFound(m)
            | Self::UnsupportedMediaType(m)
            | Self::TooLarge(m) => m.clone(),
            Self::Syntax(error) => error.message(),
            Self::ReadOnly => Message::new("api-error-read-only"),
            Self::NotAcceptable(types) => {
                Message::new("api-error-not-acceptable").arg("available", types.join(", "))
            }
            Self::RequestTimeout(patience) => {
                Message::new("api-error-body-timeout").arg("seconds", patience.as_secs_f64())
            }
            Self::Busy => Message::new("api-error-busy").arg("seconds", RETRY_AFTER_SECONDS),
            Self::Timeout(limit) => {
                Message::new("api-error-timeout").arg("seconds", limit.as_secs_f64())
            }
            Self::Cancelled => Message::new("api-error-cancelled"),
            Self::TooManyResults(limit) => {
                Message::new("api-error-too-many-results").arg("limit", *limit)
            }
            Self::AnswerTooLong(limit) => {
                Message::new("api-error-answer-too-long").arg("limit", *limit)
            }
            Self::OutOfMemory(limit) => {
                Message::new("api-error-out-of-memory").arg("megabytes", *limit >> 20)
            }
            Self::Evaluation(error) => error.message(),
            Self::Internal(detail) => {
                Message::new("api-error-internal").arg("detail", detail.as_str())
            }
        }
    }
}

/// In English, for logs.
impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for AppError {}

impl From<QueryError> for AppError {
    fn from(e: QueryError) -> Self {
        match e {
            QueryError::Syntax(error) => Self::Syntax(error),
            QueryError::Refused(refusal) => Self::BadRequest(refusal.message()),
            QueryError::Cancelled => Self::Cancelled,
            QueryError::Timeout(limit) => Self::Timeout(limit),
            QueryError::TooLarge { limit } => Self::TooManyResults(limit),
            QueryError::AnswerTooLong { limit } => Self::AnswerTooLong(limit),
            QueryError::OutOfMemory { limit } => Self::OutOfMemory(limit),
            // Evaluation errors come from the query: an unsupported SERVICE, a dataset the
            // query names, … — the client's to fix.
            QueryError::Evaluation(error) => Self::Evaluation(error),
        }
    }
}

/// The refusal's message, kept on the response until [`localize`] writes it in the reader's
/// language.
#[derive(Clone)]
struct Refusal(Message);

fn text_body(response: &mut Response, message: &Message, lang: Lang) {
    *response.body_mut() = Body::from(format!("{}\n", message.in_lang(lang)));
    let headers = response.headers_mut();
    headers.remove(header::CONTENT_LENGTH);
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.bcp47()),
    );
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        // Refusals are expected: only a failure of ours is an error in the log.
        if matches!(self, Self::Internal(_)) {
            tracing::error!(%status, "{self}");
        }
        let message = self.message();
        let mut response = status.into_response();
        // English until `localize` knows better (a refusal made outside it keeps English).
        text_body(&mut response, &message, Lang::DEFAULT);
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if matches!(self, Self::Busy) {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
        }
        response.extensions_mut().insert(Refusal(message));
        response
    }
}

/// Middleware: a refusal's message in the language of the request (`?lang=`, the `lang`
/// cookie, `Accept-Language`), with `Content-Language` and `Vary: Accept-Language`.
pub async fn localize(request: Request, next: Next) -> Response {
    let lang = request_lang(request.uri(), request.headers());
    in_language(next.run(request).await, lang)
}

/// A refusal made before the router (by the connection's own checks), in the language of the
/// request it refuses, as [`localize`] would have written it.
pub fn refusal(
    error: AppError,
    uri: &axum::http::Uri,
    headers: &axum::http::HeaderMap,
) -> Response {
    in_language(error.into_response(), request_lang(uri, headers))
}

fn in_language(mut response: Response, lang: Lang) -> Response {
    if let Some(Refusal(message)) = response.extensions_mut().remove::<Refusal>() {
        if lang != Lang::DEFAULT {
            text_body(&mut response, &message, lang);
        }
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("Accept-Language"));
    }
    response
}
