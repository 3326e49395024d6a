//! Listening, serving and stopping: [`bind`] takes the address and builds the state,
//! [`Server::run`] serves until its [`ShutdownHandle`] fires, then lets in-flight requests
//! finish (for at most the query timeout and a few seconds more). [`spawn`] runs a server on a
//! thread of its own, for tests and embedding; [`bind_with`] and [`spawn_with`] serve the data
//! of a state already built (version, indexes, dumps so far) under other settings.
//!
//! Connections are HTTP/1.1, served by hyper with a header-read timeout: a client must send
//! a request's head (request line and headers) within the query timeout of starting it — or,
//! on a kept-alive connection, of the previous answer — or the connection is closed. Without
//! it, a client trickling header bytes (slowloris) or connecting and saying nothing would hold
//! a connection and its task forever, and would keep a graceful shutdown waiting.
//!
//! Writes have a stall timeout (`Config::write_stall_timeout`): a connection whose client
//! accepts no byte of what it is sent for that long is closed. Without it, a client that asks
//! for a large answer and never reads would keep the answer in memory, and the connection
//! open, forever.
//!
//! Requests whose Host is missing (HTTP/1.1), repeated or malformed are refused with 400 before
//! they reach the router (RFC 9112 §3.2): without `--public-url`, the origin the server writes
//! about itself comes from the Host, and a request that leaves it ambiguous gets nothing built
//! from it, nor kept for others.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::http::uri::Authority;
use axum::http::{header, Request, Version};
use axum::response::Response;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_io_timeout::TimeoutStream;
use tower::{Service, ServiceExt};

use crate::i18n::Message;
use crate::server::config::{Config, ConfigError};
use crate::server::http::error::{self, AppError};
use crate::server::http::replay::{Replay, Replayed};
use crate::server::state::{AppState, StartError};
use crate::store::KnowledgeGraph;

/// How long in-flight requests may take to finish after shutdown, beyond the query timeout.
const GRACE: Duration = Duration::from_secs(5);

/// Why a server did not start or stopped with an error. [`ServeError::message`] says what in no
/// language yet; `Display` in English, for logs.
#[derive(Debug)]
pub enum ServeError {
    /// Settings no server can run with.
    Config(ConfigError),
    /// The address could not be listened on.
    Bind {
        /// The address, as configured.
        bind: String,
        /// Why not (in use, not an address, no permission, …).
        source: std::io::Error,
    },
    /// The state (version, documents, query threads) could not be built.
    Start(StartError),
    /// The runtime or a socket failed.
    Io(std::io::Error),
    /// The thread of [`spawn`] ended before its server listened, without saying why.
    ThreadEnded,
    /// The thread of [`spawn`] panicked.
    ThreadPanicked,
}

impl ServeError {
    /// What went wrong, in no language yet.
    pub fn message(&self) -> Message {
        match self {
            Self::Config(e) => e.message(),
            Self::Bind { bind, source } => Message::new("serve-bind")
                .arg("bind", bind.as_str())
                .arg("detail", source.to_string()),
            Self::Start(e) => e.message(),
            Self::Io(e) => Message::new("serve-io").arg("detail", e.to_string()),
            Self::ThreadEnded => Message::new("serve-thread-ended"),
            Self::ThreadPanicked => Message::new("serve-thread-panicked"),
        }
    }
}

/// In English, for logs.
impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ServeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Config(e) => Some(e),
            Self::Bind { source, .. } | Self::Io(source) => Some(source),
            Self::Start(e) => Some(e),
            Self::ThreadEnded | Self::ThreadPanicked => None,
        }
    }
}

impl From<ConfigError> for ServeError {
    fn from(e: ConfigError) -> Self {
        Self::Config(e)
    }
}

impl From<StartError> for ServeError {
    fn from(e: StartError) -> Self {
        Self::Start(e)
    }
}

impl From<std::io::Error> for ServeError {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

/// Stops a server: it accepts no more connections and exits once in-flight requests are done.
#[derive(Clone)]
pub struct ShutdownHandle(Arc<watch::Sender<bool>>);

impl ShutdownHandle {
    /// Asks the server to stop; returns at once (idempotent).
    pub fn shutdown(&self) {
        self.0.send_replace(true);
    }

    async fn stopped(&self) {
        let mut receiver = self.0.subscribe();
        // Fails only if the sender is gone, and `self` holds it.
        let _ = receiver.wait_for(|stopped| *stopped).await;
    }
}

/// A bound server, not yet serving.
pub struct Server {
    listener: TcpListener,
    app: Replay<Router>,
    state: AppState,
    local_addr: SocketAddr,
    shutdown: ShutdownHandle,
    grace: Duration,
    header_timeout: Duration,
    write_stall_timeout: Duration,
}

/// Checks the settings ([`Config::validate`]), listens on `config.bind` and builds the shared
/// state (the version, the documents, the query threads; the pages and lookup indexes follow
/// in the background, the dumps when first asked for).
pub async fn bind(config: Config, graph: Arc<KnowledgeGraph>) -> Result<Server, ServeError> {
    bind_state(config, |config, local_addr| {
        AppState::new(graph, config, local_addr)
    })
    .await
}

/// Listens on `config.bind` and serves the data of `data` (graph, version, indexes, the dumps
/// written so far, all shared with it) under `config`'s settings: see [`AppState::with_config`].
pub async fn bind_with(config: Config, data: &AppState) -> Result<Server, ServeError> {
    bind_state(config, |config, local_addr| {
        data.with_config(config, local_addr)
    })
    .await
}

async fn bind_state(
    config: Config,
    state: impl FnOnce(Config, SocketAddr) -> Result<AppState, StartError>,
) -> Result<Server, ServeError> {
    config.validate()?;
    let listener = TcpListener::bind(&config.bind)
        .await
        .map_err(|source| ServeError::Bind {
            bind: config.bind.clone(),
            source,
        })?;
    let local_addr = listener.local_addr()?;
    let grace = config.timeout + GRACE;
    let config_timeout = config.timeout;
    let write_stall_timeout = config.write_stall_timeout;
    let state = state(config, local_addr)?;
    Ok(Server {
        listener,
        app: crate::server::router(state.clone()),
        state,
        local_addr,
        shutdown: ShutdownHandle(Arc::new(watch::channel(false).0)),
        grace,
        header_timeout: config_timeout,
        write_stall_timeout,
    })
}

impl Server {
    /// The address bound: the port actually chosen when the configured one is 0.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The URL the server listens at (`"http://127.0.0.1:8080"`).
    pub fn url(&self) -> String {
        format!("http://{}", self.local_addr)
    }

    /// A handle that stops the server: take it before [`Server::run`], which consumes `self`.
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        self.shutdown.clone()
    }

    /// Serves until shut down; then waits for in-flight requests, at most the grace period.
    pub async fn run(self) -> Result<(), ServeError> {
        let Server {
            mut listener,
            app,
            state,
            shutdown,
            grace,
            header_timeout,
            write_stall_timeout,
            ..
        } = self;
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(header_timeout);
        // hyper's writev is kept: flattening head and body into one write was faster for small
        // answers (a replayed 1.5 KB answer: 52.5k vs 45.6k req/s), but each connection then
        // keeps a buffer as large as the largest answer it sent (load benchmark: peak RSS 82 →
        // 172 MB).
        // Each connection holds a receiver; once all are dropped, every connection is done.
        let (all_closed, open) = watch::channel(());
        loop {
            let (stream, _peer) = tokio::select! {
                // Accept errors (too many open files, …) are logged and retried by axum's
                // listener, after a pause.
                accepted = axum::serve::Listener::accept(&mut listener) => accepted,
                () = shutdown.stopped() => break,
            };
            let service = TowerToHyperService::new(HostChecked(
                app.clone()
                    .map_request(|request: axum::http::Request<Incoming>| request.map(Body::new)),
            ));
            // A write (or flush) pending for the whole stall timeout fails with TimedOut, which
            // ends the connection; any progress restarts the clock. Boxed: the stream holds a
            // timer, and hyper wants an Unpin stream.
            let mut stream = TimeoutStream::new(stream);
            stream.set_write_timeout(Some(write_stall_timeout));
            let connection = http.serve_connection(TokioIo::new(Box::pin(stream)), service);
            let shutdown = shutdown.clone();
            let open = open.clone();
            // Counted for queries run in place (`execution::in_place`): only with one client.
            let connected = state.in_place.connect();
            tokio::spawn(async move {
                let mut connection = std::pin::pin!(connection);
                tokio::select! {
                    served = connection.as_mut() => log_connection_end(served),
                    () = shutdown.stopped() => {
                        // Finish the request in flight (if any), then close.
                        connection.as_mut().graceful_shutdown();
                        log_connection_end(connection.await);
                    }
                }
                drop(open);
                drop(connected);
            });
        }
        // No new connections from here on.
        drop(listener);
        drop(open);
        tokio::select! {
            () = all_closed.closed() => {}
            () = tokio::time::sleep(grace) => {
                tracing::warn!("connections still open {grace:?} after shutdown; closing them");
            }
        }
        Ok(())
    }
}

/// The service hyper calls: refuses requests without exactly one valid Host (see the module's
/// documentation), and passes the others to the replay cache and the router.
#[derive(Clone)]
struct HostChecked<S>(S);

impl<S> Service<Request<Incoming>> for HostChecked<S>
where
    S: Service<Request<Incoming>, Response = Response, Error = Infallible, Future = Replayed>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Replayed;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: Request<Incoming>) -> Replayed {
        if host_is_valid(&request) {
            return self.0.call(request);
        }
        // The trace layer, inside the router, never sees this request: its line is written here,
        // without the target (the request is refused as malformed).
        tracing::info!(status = 400, "refused: no single valid Host");
        let refusal = AppError::BadRequest(Message::new("api-error-host"));
        Replayed::Hit(std::future::ready(Ok(error::refusal(
            refusal,
            request.uri(),
            request.headers(),
        ))))
    }
}

/// RFC 9112 §3.2: exactly one Host, a host and optional port (no userinfo) or empty; HTTP/1.0
/// requests may have none.
fn host_is_valid<B>(request: &Request<B>) -> bool {
    let mut hosts = request.headers().get_all(header::HOST).iter();
    match (hosts.next(), hosts.next()) {
        (_, Some(_)) => false,
        (None, None) => request.version() < Version::HTTP_11,
        (Some(host), None) => {
            host.is_empty()
                || host
                    .to_str()
                    .ok()
                    .and_then(|h| h.parse::<Authority>().ok())
                    .is_some_and(|a| !a.as_str().contains('@'))
        }
    }
}

/// A connection's end is worth a line only at debug level: clients hang up, time out and send
/// garbage all the time (hyper answers what it can: 400, 431, …).
fn log_connection_end(served: Result<(), hyper::Error>) {
    if let Err(e) = served {
        tracing::debug!("connection closed: {e}");
    }
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
pub async fn termination_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// A server running on a thread of its own with its own runtime.
pub struct Background {
    local_addr: SocketAddr,
    handle: ShutdownHandle,
    thread: Option<std::thread::JoinHandle<Result<(), ServeError>>>,
}

/// Binds and serves on a new thread; returns once the server is listening.
pub fn spawn(config: Config, graph: Arc<KnowledgeGraph>) -> Result<Background, ServeError> {
    spawn_bound(config, |config| bind(config, graph))
}

/// [`spawn`] serving the data of `data` (see [`bind_with`]): nothing of it computed again.
pub fn spawn_with(config: Config, data: &AppState) -> Result<Background, ServeError> {
    let data = data.clone();
    spawn_bound(
        config,
        |config| async move { bind_with(config, &data).await },
    )
}

fn spawn_bound<F>(
    config: Config,
    bind: impl FnOnce(Config) -> F + Send + 'static,
) -> Result<Background, ServeError>
where
    F: std::future::Future<Output = Result<Server, ServeError>>,
{
    let (ready, started) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || -> Result<(), ServeError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        let grace = config.timeout + GRACE;
        let served = runtime.block_on(async move {
            match bind(config).await {
                Ok(server) => {
                    let _ = ready.send(Ok((server.local_addr(), server.shutdown_handle())));
                    server.run().await
                }
                Err(e) => {
                    let _ = ready.send(Err(e));
                    Ok(())
                }
            }
        });
        runtime.shutdown_timeout(grace);
        served
    });
    match started.recv() {
        Ok(Ok((local_addr, handle))) => Ok(Background {
            local_addr,
            handle,
            thread: Some(thread),
        }),
        Ok(Err(e)) => Err(e),
        Err(_) => Err(match thread.join() {
            Ok(Err(e)) => e,
            Ok(Ok(())) => ServeError::ThreadEnded,
            Err(_) => ServeError::ThreadPanicked,
        }),
    }
}

impl Background {
    /// The address bound: the port actually chosen when the configured one is 0.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The URL the server listens at (`"http://127.0.0.1:8080"`).
    pub fn url(&self) -> String {
        format!("http://{}", self.local_addr)
    }

    /// A handle to stop the server without waiting for it (dropping the `Background` does the
    /// same).
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        self.handle.clone()
    }

    /// Shuts the server down and waits until it has stopped.
    pub fn shutdown(mut self) -> Result<(), ServeError> {
        self.handle.shutdown();
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(ServeError::ThreadPanicked),
            None => Ok(()),
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.handle.shutdown();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn query_threads_that_cannot_start_are_said_so_once_in_each_language() {
        let error = ServeError::from(StartError::Workers(std::io::Error::other(
            "Resource temporarily unavailable",
        )));
        assert_eq!(
            error.to_string(),
            "cannot start the query threads: Resource temporarily unavailable"
        );
        assert_eq!(
            error.message().in_lang(Lang::Ru),
            "не удалось запустить потоки запросов: Resource temporarily unavailable"
        );
        assert_eq!(
            error.message().in_lang(Lang::Zh),
            "无法启动查询线程：Resource temporarily unavailable"
        );
    }
}
