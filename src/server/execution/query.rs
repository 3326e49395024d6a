//! Running a query under the server's limits: a free slot (else 503 with Retry-After), a worker
//! thread with a large stack ([`crate::server::execution::workers`]), a deadline, and a cancellation
//! token that really stops the evaluation — on timeout, and when the client goes away (hyper
//! drops the handler's future, and with it the token's guard). A light query runs in place
//! instead, on the thread that received it ([`crate::server::execution::in_place`]).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use oxigraph::sparql::CancellationToken;
use spargebra::Query;

use crate::server::execution::in_place;
use crate::server::http::error::AppError;
use crate::server::http::formats::AnswerKind;
use crate::server::metrics::Refusal;
use crate::server::state::AppState;
use crate::store::checks;
use crate::store::{QueryOptions, ResultFormat};

/// Cancels the query when dropped: when the handler returns, and when its future is dropped
/// because the connection closed.
struct CancelOnDrop(CancellationToken);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// A query's answer, written whole before anything is sent.
pub struct Written {
    pub body: Bytes,
    pub content_type: &'static str,
    pub format: ResultFormat,
}

/// Parses, checks, evaluates and serialises a query: on a worker thread, or in place when its
/// text and then the query are light ([`checks::light_text`], [`checks::Weight::light`]).
/// `choose` picks the format once the query's form is known (so a 406 costs no evaluation).
pub async fn run<F>(
    state: &AppState,
    text: String,
    options: QueryOptions,
    choose: F,
) -> Result<Written, AppError>
where
    F: FnOnce(AnswerKind) -> Result<(&'static str, ResultFormat), AppError> + Send + 'static,
{
    let metrics = &state.metrics;
    let permit = match Arc::clone(&state.queries).try_acquire_owned() {
        Ok(permit) => {
            // The queries that found a slot free belong in the histogram of waits too: without
            // them, it shows how long the unlucky waited, not how long queries wait.
            metrics.waited(Duration::ZERO);
            permit
        }
        Err(_) if state.config.queue_wait.is_zero() => {
            metrics.refused(Refusal::Busy);
            return Err(AppError::Busy);
        }
        // Wait a while for a slot rather than refuse at once: under load, queries take turns
        // instead of failing, and no more than `max_concurrent` answers are built at once.
        // Only a full queue refuses at once.
        Err(_) => {
            let _place = state
                .queue
                .enter()
                .inspect_err(|_| metrics.refused(Refusal::QueueFull))?;
            let waiting = Instant::now();
            let permit = tokio::time::timeout(
                state.config.queue_wait,
                Arc::clone(&state.queries).acquire_owned(),
            )
            .await
            .ok()
            .and_then(Result::ok);
            metrics.waited(waiting.elapsed());
            permit.ok_or_else(|| {
                metrics.refused(Refusal::Busy);
                AppError::Busy
            })?
        }
    };
    let token = CancellationToken::new();
    let mut cancel = CancelOnDrop(token.clone());
    let options = QueryOptions {
        cancel: Some(token),
        max_results: Some(state.config.max_results),
        max_answer_bytes: Some(state.config.max_answer_bytes),
        max_memory: Some(state.config.max_query_memory),
        ..options
    };
    // With one client, a short, shallow text is parsed and checked here, and a light query
    // evaluated here too, unless the watchdog stops it (then it goes to a worker, parsed).
    let alone = state.in_place.alone();
    // The time spent in place, if any, counts against the query's timeout on a worker.
    let started = Instant::now();
    let job = if alone && state.config.timeout > in_place::BUDGET && checks::light_text(&text) {
        let prepared = parse_and_check(state, &text)
            .and_then(|(query, weight)| Ok((choose(AnswerKind::of(&query))?, query, weight)));
        let ((content_type, format), query, weight) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => return answered(state, permit, started, Err(error)),
        };
        let turn = weight
            .light()
            .then(|| state.in_place.enter(&cancel.0))
            .flatten();
        match turn {
            Some(turn) => {
                let result = write(state, query, &options, content_type, format);
                // An answer finished as the watchdog struck is kept.
                if !turn.end() || result.is_ok() {
                    state.metrics.in_place.inc();
                    return answered(state, permit, started, result);
                }
                // Stopped by the watchdog: the text goes to a worker, to run anew (parsed
                // again there: rarer than a clone of every light query would be).
                state.metrics.in_place_stopped.inc();
                cancel = CancelOnDrop(CancellationToken::new());
                let options = QueryOptions {
                    cancel: Some(cancel.0.clone()),
                    ..options
                };
                Job::Text(text, options, Box::new(move |_| Ok((content_type, format))))
            }
            None => Job::Parsed(Box::new(query), options, content_type, format),
        }
    } else {
        Job::Text(text, options, Box::new(choose))
    };
    let timeout = state.config.timeout.saturating_sub(started.elapsed());
    hand_over(state, permit, cancel, job, timeout).await
}

/// A query's slot given back and its run counted, where it ran.
fn answered(
    state: &AppState,
    permit: tokio::sync::OwnedSemaphorePermit,
    started: Instant,
    result: Result<Written, AppError>,
) -> Result<Written, AppError> {
    drop(permit);
    state.metrics.evaluated(started.elapsed());
    if let Some(refusal) = result.as_ref().err().and_then(Refusal::of) {
        state.metrics.refused(refusal);
    }
    result
}

/// What a worker is given: a text to parse, check and answer in the format `choose` picks, or a
/// query already parsed and checked, with its format chosen.
enum Job {
    Text(String, QueryOptions, Box<Chooser>),
    Parsed(Box<Query>, QueryOptions, &'static str, ResultFormat),
}

type Chooser =
    dyn FnOnce(AnswerKind) -> Result<(&'static str, ResultFormat), AppError> + Send + 'static;

/// Runs `job` on a worker and waits for its answer, for what is left of the query's timeout.
async fn hand_over(
    state: &AppState,
    permit: tokio::sync::OwnedSemaphorePermit,
    cancel: CancelOnDrop,
    job: Job,
    timeout: Duration,
) -> Result<Written, AppError> {
    let metrics = &state.metrics;
    let worker_state = state.clone();
    let (sender, receiver) = tokio::sync::oneshot::channel();
    state
        .workers
        .run(move || {
            // The slot is held by the worker, not the handler: it is free again only once the
            // evaluation has really stopped — and before the answer goes out, so that the
            // client's next query, sent the moment it has this answer, finds it free.
            let started = Instant::now();
            let result = match job {
                Job::Text(text, options, choose) => {
                    evaluate(&worker_state, &text, &options, choose)
                }
                Job::Parsed(query, options, content_type, format) => {
                    write(&worker_state, *query, &options, content_type, format)
                }
            };
            let result = answered(&worker_state, permit, started, result);
            // The handler may be gone (timeout, disconnection): nobody to tell.
            let _ = sender.send(result);
        })
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut receiver = receiver;
    match tokio::time::timeout(timeout, &mut receiver).await {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(AppError::Internal(
            "the query worker stopped without an answer".into(),
        )),
        Err(_) => {
            // Stop the worker and wait until it has (it gives its slot back before it answers),
            // a little: the client that reads "stopped" and asks again finds the slot free.
            // Past the wait, returning drops `cancel` all the same.
            cancel.0.cancel();
            let _ = tokio::time::timeout(STOP_WAIT, receiver).await;
            // Counted once the wait is over: a caller that gives up during it (its own,
            // longer, bound) counts the timeout itself, and it is not counted twice.
            metrics.timeouts.inc();
            metrics.refused(Refusal::Timeout);
            Err(AppError::Timeout(state.config.timeout))
        }
    }
}

/// The queries waiting for a slot, or for another request's identical query: bounded, so that
/// a flood is refused at once rather than piled up.
pub struct Queue {
    waiting: AtomicUsize,
    limit: usize,
}

/// A place in the [`Queue`], given back when dropped.
pub struct Place<'a>(&'a Queue);

impl Queue {
    pub fn new(limit: usize) -> Self {
        Self {
            waiting: AtomicUsize::new(0),
            limit,
        }
    }

    /// A place in the queue; 503 with Retry-After when it is full.
    pub fn enter(&self) -> Result<Place<'_>, AppError> {
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.limit {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return Err(AppError::Busy);
        }
        Ok(Place(self))
    }

    /// How many wait now.
    pub fn len(&self) -> usize {
        self.waiting.load(Ordering::Acquire)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        self.0.waiting.fetch_sub(1, Ordering::AcqRel);
    }
}

/// How long a timed-out query's answer waits for its worker to stop (milliseconds, usually).
const STOP_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

fn evaluate(
    state: &AppState,
    text: &str,
    options: &QueryOptions,
    choose: Box<Chooser>,
) -> Result<Written, AppError> {
    let (query, _) = prepare(state, text)?;
    let (content_type, format) = choose(AnswerKind::of(&query))?;
    write(state, query, options, content_type, format)
}

/// The checks before evaluation are the library's: the text's nesting before parsing (the
/// parser recurses), then the parsed query's, which weigh what they let through. A refusal is
/// counted here.
fn prepare(state: &AppState, text: &str) -> Result<(Query, checks::Weight), AppError> {
    if let Err(refusal) = checks::check_text(text) {
        state.metrics.refused(Refusal::Guard);
        return Err(AppError::BadRequest(refusal.message()));
    }
    parse_and_check(state, text)
}

/// [`prepare`] of a text that passed [`checks::check_text`] already, or that is light
/// ([`checks::light_text`], which implies it).
fn parse_and_check(state: &AppState, text: &str) -> Result<(Query, checks::Weight), AppError> {
    let query = match state.graph.parse(text) {
        Ok(query) => query,
        // A text that is an update rather than a query is refused as such.
        Err(error) => {
            return Err(match state.graph.parser().parse_update(text) {
                Ok(update) if !update.operations.is_empty() => AppError::ReadOnly,
                _ => AppError::Syntax(error),
            })
        }
    };
    match state.graph.check(&query) {
        Ok(weight) => Ok((query, weight)),
        Err(refusal) => {
            state.metrics.refused(Refusal::Guard);
            Err(AppError::BadRequest(refusal.message()))
        }
    }
}

/// Evaluates a query [`prepare`]d (parsed once, checked once) and writes its answer.
fn write(
    state: &AppState,
    query: Query,
    options: &QueryOptions,
    content_type: &'static str,
    format: ResultFormat,
) -> Result<Written, AppError> {
    let options = &QueryOptions {
        unchecked: true,
        ..options.clone()
    };
    let body = match format {
        ResultFormat::Results(results) => state.graph.write_results(query, options, results)?,
        // Graphs through our writer: JSON-LD with its "@context".
        ResultFormat::Rdf(rdf) => state
            .graph
            .write_graph(query, options, rdf, &state.prefixes)?,
        ResultFormat::Table => {
            return Err(AppError::Internal(
                "no serialisation for this answer".into(),
            ))
        }
    };
    Ok(Written {
        body: Bytes::from(body),
        content_type,
        format,
    })
}
