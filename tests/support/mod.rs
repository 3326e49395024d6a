//! What the test binaries (tests/library, tests/http, tests/process) share, included by each
//! with `#[path = "../support/mod.rs"] mod support;`: one graph and one server state per test
//! binary (the dumps, version, pages and lookup index computed once), servers on free loopback
//! ports serving that state under each test's settings, an HTTP client that shows redirects
//! instead of following them, the real binary run as a server; [`raw`]: HTTP/1.1 exchanges no
//! well-behaved client would send; [`browser`]: headless Chromium through chromedriver.
//! Not every binary uses every part.
#![allow(dead_code)]

pub mod browser;
pub mod raw;

use std::collections::BTreeSet;
use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;
use sco_kg::graph::Base;
pub use sco_kg::server::{self, AppState, Background, Config};
use sco_kg::store::KnowledgeGraph;

/// The graph of the embedded data with the default base, built once per test binary.
static GRAPH: LazyLock<Arc<KnowledgeGraph>> =
    LazyLock::new(|| Arc::new(KnowledgeGraph::embedded(Base::default()).expect("graph")));

/// The graph of the embedded data with the default base, built once per test binary.
pub fn graph() -> Arc<KnowledgeGraph> {
    GRAPH.clone()
}

/// [`graph`], borrowed for the whole run.
pub fn embedded() -> &'static KnowledgeGraph {
    &GRAPH
}

/// Settings for a test server: a free loopback port and no waiting for a busy slot (the tests
/// of limits tell a taken slot by its 503 at once; the queue of the defaults has tests of its
/// own, which set it), the defaults otherwise.
pub fn config() -> Config {
    Config {
        bind: "127.0.0.1:0".into(),
        queue_wait: Duration::ZERO,
        ..Config::default()
    }
}

/// The state of the embedded graph (under [`config`]'s settings), built once per test binary:
/// its dumps, version, pages and lookup index are what every server of [`start`] serves.
pub fn state() -> AppState {
    static STATE: LazyLock<AppState> = LazyLock::new(|| {
        AppState::new(graph(), config(), "127.0.0.1:8080".parse().unwrap()).expect("state")
    });
    STATE.clone()
}

/// A server of the embedded graph on its own port, with `config`'s settings and query slots,
/// queue, caches and metrics of its own, serving the data of [`state`] (no dumps computed
/// again).
pub fn start(config: Config) -> Background {
    server::spawn_with(config, &state()).expect("server starts")
}

/// A server of another graph: its state (dumps and all) is built for it.
pub fn start_with(config: Config, graph: Arc<KnowledgeGraph>) -> Background {
    server::spawn(config, graph).expect("server starts")
}

/// A client with a generous timeout (a hang fails the test rather than blocking it) that
/// neither follows redirects nor decompresses.
pub fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(120))
        .build()
        .expect("client")
}

/// The query as a URL query string component.
pub fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

pub fn header(response: &impl Headers, name: &str) -> Option<String> {
    response
        .header_map()
        .get(name)
        .map(|v| v.to_str().expect("ASCII header").to_string())
}

/// Every value of a header, comma-separated lists split, lower-cased.
pub fn header_values(response: &impl Headers, name: &str) -> Vec<String> {
    response
        .header_map()
        .get_all(name)
        .iter()
        .flat_map(|v| v.to_str().unwrap_or_default().split(','))
        .map(|v| v.trim().to_ascii_lowercase())
        .collect()
}

/// Parses RDF with oxigraph into a set of triples (N-Triples strings).
pub fn parse_rdf(bytes: &[u8], format: RdfFormat) -> BTreeSet<String> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .map(|q| Triple::from(q.expect("parses")).to_string())
        .collect()
}

/// The graph's triples as N-Triples strings.
pub fn graph_triples() -> BTreeSet<String> {
    graph().triples.iter().map(|t| t.to_string()).collect()
}

/// A measure's IRI without its number: `{MEASURE}14` is measure 14 of the plan.
pub const MEASURE: &str = "https://w3id.org/sco-kg/id/plan/2021-2025/measure/";

/// A measure's text in one language (its one `sco:text` tagged `lang`).
pub fn measure_text(measure: u32, lang: &str) -> String {
    let rows = select(&format!(
        "PREFIX sco: <https://w3id.org/sco-kg/ontology#>\n\
         SELECT ?t WHERE {{ <{MEASURE}{measure}> sco:text ?t . FILTER(LANG(?t) = \"{lang}\") }}"
    ));
    assert_eq!(
        rows.len(),
        1,
        "measure {measure} has one {lang} text: {rows:?}"
    );
    rows.into_iter().next().unwrap().remove(0)
}

/// Runs a SELECT on the embedded graph, written as CSV as `sco-kg query --format csv` writes
/// it, and returns its rows (header dropped).
pub fn select(query: &str) -> Vec<Vec<String>> {
    use oxigraph::sparql::results::QueryResultsFormat;
    use sco_kg::store::{QueryOptions, ResultFormat};
    let graph = graph();
    let answer = graph
        .query(query, &QueryOptions::default())
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    let csv = answer
        .write(
            ResultFormat::Results(QueryResultsFormat::Csv),
            &graph.prefixes(),
        )
        .expect("a SELECT has a CSV form")
        .expect("written");
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The RDF format of a Content-Type.
pub fn rdf_format_of(content_type: &str) -> RdfFormat {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    RdfFormat::from_media_type(essence).unwrap_or_else(|| panic!("not RDF: {content_type}"))
}

/// The runaway query of the limit tests: the graph squared, each of its 4·10⁷ combinations
/// tested by a filter that none passes (minutes in a debug build; 48 s in a release build,
/// which counted the bare square in 10–16 s, as short as some tests' timeouts), and stopped
/// within milliseconds by its cancellation token, which the evaluator checks at each of the 6454
/// rows of one side.
pub const SLOW_QUERY: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f \
    FILTER(CONTAINS(CONCAT(STR(?c), STR(?f)), \"no such text\")) }";

/// The graph cubed: the evaluator would combine 4·10⁷ rows between two checks of the token, so
/// the server refuses it before evaluation.
pub const CUBED_QUERY: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

/// A quick query never sent before by this test binary (true: the graph has triples). No cache
/// can answer it, so it needs a query slot: 200 when one is free, 503 when every slot is taken.
/// A probe that repeated a text answered before the slots were taken would be answered from
/// the cache ever after, and never see them taken.
pub fn fresh_query() -> String {
    static SENT: AtomicUsize = AtomicUsize::new(0);
    let n = SENT.fetch_add(1, Ordering::Relaxed);
    format!("ASK {{ ?s ?p ?o FILTER({n} >= 0) }}")
}

/// A query sent over a raw connection of its own and left to run: dropping the connection
/// hangs up, which cancels the query on the server.
pub struct RawQuery {
    addr: SocketAddr,
    text: String,
    pub stream: TcpStream,
}

impl RawQuery {
    pub fn send(addr: SocketAddr, text: &str) -> Self {
        let mut stream = TcpStream::connect(addr).expect("connects");
        write!(
            stream,
            "GET /sparql?query={} HTTP/1.1\r\nHost: localhost\r\n\
             Accept: application/sparql-results+json\r\nConnection: close\r\n\r\n",
            encode(text)
        )
        .expect("the request is sent");
        Self {
            addr,
            text: text.to_string(),
            stream,
        }
    }

    /// The first bytes of the server's answer so far, left in the connection for a later read:
    /// none while the query runs. Fails the test if the connection closed or broke.
    pub fn answer_so_far(&self) -> Vec<u8> {
        let mut head = [0u8; 16];
        self.stream.set_nonblocking(true).unwrap();
        let peeked = self.stream.peek(&mut head);
        self.stream.set_nonblocking(false).unwrap();
        match peeked {
            Ok(0) => panic!("the server closed the connection of {:?}", self.text),
            Ok(n) => head[..n].to_vec(),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Vec::new(),
            Err(e) => panic!("the connection of {:?} failed: {e}", self.text),
        }
    }

    /// A slow query has no answer while it runs, so an answer this early can only be a refusal
    /// (503: no slot was free when it arrived — a probe may hold one at that moment); it is
    /// then sent again. Any other answer fails the test.
    pub fn resend_if_refused(&mut self) {
        let head = self.answer_so_far();
        if head.is_empty() {
            return;
        }
        assert!(
            head.starts_with(b"HTTP/1.1 503"),
            "{:?} was answered while it should still run: {:?}",
            self.text,
            String::from_utf8_lossy(&head)
        );
        *self = Self::send(self.addr, &self.text);
    }
}

/// Polls until `ready` holds, at most `limit`: proves "eventually", never "fast".
pub fn eventually(limit: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < limit {
        if ready() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    ready()
}

/// `sco-kg ARGS` with the locale variables `env` alone: those of the test's own environment
/// (LC_ALL, LC_MESSAGES, LANG) removed, so that the terminal's language is the test's choice.
pub fn cli_in_locale(args: &[&str], env: &[(&str, &str)]) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_sco-kg"));
    command
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in env {
        command.env(name, value);
    }
    command
}

/// The real binary serving on a free loopback port (`sco-kg serve --bind 127.0.0.1:0` and
/// `args`), its URL read from the first line it prints; killed when dropped if still running,
/// so that a failing test leaves nothing behind.
pub struct Binary {
    pub child: std::process::Child,
    pub url: String,
}

impl Binary {
    /// With `env` set; stderr dropped.
    pub fn serve(args: &[&str], env: &[(&str, &str)]) -> Self {
        Self::serve_with(args, |command| {
            command.envs(env.iter().copied());
        })
    }

    /// With the command configured further by `configure` (environment, stderr piped, …).
    pub fn serve_with(args: &[&str], configure: impl FnOnce(&mut std::process::Command)) -> Self {
        use std::io::{BufRead, BufReader};
        use std::process::{Command, Stdio};
        let mut command = Command::new(env!("CARGO_BIN_EXE_sco-kg"));
        command
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        configure(&mut command);
        let mut child = command.spawn().expect("sco-kg serve starts");
        // "sco-kg: serving http://127.0.0.1:PORT (SPARQL endpoint …)"
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the first line");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"))
            .to_string();
        Self { child, url }
    }

    pub fn addr(&self) -> SocketAddr {
        self.url
            .trim_start_matches("http://")
            .parse()
            .expect("an address")
    }

    /// Sends SIGTERM (the way a service manager stops it).
    pub fn terminate(&self) {
        let status = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }
}

impl Drop for Binary {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// What the router answered to one request sent in-process ([`oneshot`]).
pub struct Answer {
    pub status: reqwest::StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as text; fails the test unless it is UTF-8.
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("ASCII header").to_string())
    }

    /// Every value of a header, comma-separated lists split, lower-cased.
    pub fn header_values(&self, name: &str) -> Vec<String> {
        self.headers
            .get_all(name)
            .iter()
            .flat_map(|v| v.to_str().unwrap_or_default().split(','))
            .map(|v| v.trim().to_ascii_lowercase())
            .collect()
    }
}

/// The origin the requests of [`get`] name in their Host: what an in-process server writes about
/// itself (links, IRIs of the public URL) when no public URL is set.
pub const IN_PROCESS_URL: &str = "http://127.0.0.1:8080";

/// A GET of `target` (path and query) with `headers`, and the Host of [`IN_PROCESS_URL`], as a
/// client of a server there sends it.
pub fn get(target: &str, headers: &[(&str, &str)]) -> axum::http::Request<axum::body::Body> {
    let mut request = axum::http::Request::get(target).header("Host", "127.0.0.1:8080");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(axum::body::Body::empty()).expect("a request")
}

/// A server of the embedded graph with no socket: the binary's state (see [`state`]) under
/// `config`'s settings, with query slots, queue, caches and metrics of its own, for
/// [`oneshot`]. For tests where no connection is under test.
pub fn in_process(config: Config) -> AppState {
    state()
        .with_config(config, "127.0.0.1:8080".parse().unwrap())
        .expect("state")
}

/// Sends `request` through the router of `state` in-process (tower's `oneshot`: everything the
/// service does but the connection loop of `sco-kg serve`, which refuses a missing or bad Host
/// before the router) and reads the whole answer.
pub fn oneshot(state: &AppState, request: axum::http::Request<axum::body::Body>) -> Answer {
    use tower::ServiceExt;
    static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime")
    });
    RUNTIME.block_on(async {
        let response = server::router(state.clone())
            .oneshot(request)
            .await
            .expect("the router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("the whole body")
            .to_vec();
        Answer {
            status,
            headers,
            body,
        }
    })
}

/// What a test reads the headers of: a response over a socket or an answer of the router.
pub trait Headers {
    fn header_map(&self) -> &axum::http::HeaderMap;
}

impl Headers for reqwest::blocking::Response {
    fn header_map(&self) -> &axum::http::HeaderMap {
        self.headers()
    }
}

impl Headers for Response {
    fn header_map(&self) -> &axum::http::HeaderMap {
        &self.answer.headers
    }
}

/// A server of the embedded graph asked in-process ([`oneshot`]), with the calls of a
/// reqwest client of a server at [`IN_PROCESS_URL`]: for tests written against a socket where
/// no connection is under test.
pub struct Local {
    pub state: AppState,
}

impl Local {
    /// The binary's state under `config` (see [`in_process`]).
    pub fn new(config: Config) -> Self {
        Self {
            state: in_process(config),
        }
    }

    /// A server of another graph: its state (dumps and all) is built for it.
    pub fn with_graph(config: Config, graph: Arc<KnowledgeGraph>) -> Self {
        Self {
            state: AppState::new(graph, config, "127.0.0.1:8080".parse().unwrap()).expect("state"),
        }
    }

    pub fn url(&self) -> String {
        IN_PROCESS_URL.to_string()
    }

    pub fn local_addr(&self) -> SocketAddr {
        IN_PROCESS_URL
            .trim_start_matches("http://")
            .parse()
            .expect("an address")
    }

    /// A client of this server, sending as `reqwest` does (the Host of the URL, `Accept: */*`
    /// unless set), following no redirect and decompressing nothing, as [`client`].
    pub fn client(&self) -> LocalClient {
        LocalClient {
            state: self.state.clone(),
        }
    }
}

pub struct LocalClient {
    state: AppState,
}

impl LocalClient {
    pub fn get(&self, url: impl AsRef<str>) -> LocalRequest {
        self.request(reqwest::Method::GET, url)
    }

    pub fn post(&self, url: impl AsRef<str>) -> LocalRequest {
        self.request(reqwest::Method::POST, url)
    }

    pub fn put(&self, url: impl AsRef<str>) -> LocalRequest {
        self.request(reqwest::Method::PUT, url)
    }

    /// A request of `url`, which names the server ([`IN_PROCESS_URL`]).
    pub fn request(&self, method: reqwest::Method, url: impl AsRef<str>) -> LocalRequest {
        let url = url.as_ref();
        let target = url
            .strip_prefix(IN_PROCESS_URL)
            .unwrap_or_else(|| panic!("{url} is not a URL of the in-process server"));
        let target = if target.is_empty() { "/" } else { target };
        LocalRequest {
            state: self.state.clone(),
            method,
            target: target.to_string(),
            headers: axum::http::HeaderMap::new(),
            body: Vec::new(),
        }
    }
}

pub struct LocalRequest {
    state: AppState,
    method: reqwest::Method,
    target: String,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl LocalRequest {
    pub fn header<K, V>(mut self, name: K, value: V) -> Self
    where
        K: TryInto<axum::http::HeaderName>,
        K::Error: std::fmt::Debug,
        V: TryInto<axum::http::HeaderValue>,
        V::Error: std::fmt::Debug,
    {
        self.headers.append(
            name.try_into().expect("a header name"),
            value.try_into().expect("a header value"),
        );
        self
    }

    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Sends it; never fails (a `Result` as reqwest's, so that tests read the same).
    pub fn send(self) -> Result<Response, std::convert::Infallible> {
        let mut headers = self.headers;
        if !headers.contains_key(axum::http::header::HOST) {
            headers.insert(
                axum::http::header::HOST,
                axum::http::HeaderValue::from_static("127.0.0.1:8080"),
            );
        }
        if !headers.contains_key(axum::http::header::ACCEPT) {
            headers.insert(
                axum::http::header::ACCEPT,
                axum::http::HeaderValue::from_static("*/*"),
            );
        }
        if !self.body.is_empty() {
            headers.insert(axum::http::header::CONTENT_LENGTH, self.body.len().into());
        }
        let mut request = axum::http::Request::builder()
            .method(self.method)
            .uri(self.target)
            .body(axum::body::Body::from(self.body))
            .expect("a request");
        *request.headers_mut() = headers;
        Ok(Response {
            answer: oneshot(&self.state, request),
        })
    }
}

/// An answer of the router read as a reqwest response is.
pub struct Response {
    pub answer: Answer,
}

impl Response {
    pub fn status(&self) -> reqwest::StatusCode {
        self.answer.status
    }

    pub fn headers(&self) -> &axum::http::HeaderMap {
        &self.answer.headers
    }

    pub fn text(self) -> Result<String, std::string::FromUtf8Error> {
        String::from_utf8(self.answer.body)
    }

    pub fn bytes(self) -> Result<axum::body::Bytes, std::convert::Infallible> {
        Ok(self.answer.body.into())
    }

    pub fn json<T: serde::de::DeserializeOwned>(self) -> serde_json::Result<T> {
        serde_json::from_slice(&self.answer.body)
    }
}

/// Tests that hold query slots, wait for timeouts or load the CPU take this first and run one
/// at a time: in one test binary they would otherwise run beside each other on the machine's
/// two cores, and each would measure the others.
pub fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}
