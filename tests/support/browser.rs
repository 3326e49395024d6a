//! What the browser tests need around `fantoccini` (the WebDriver client): Debian's
//! `chromedriver` started on a free loopback port, a headless Chromium session with a fresh
//! profile, and bounded waits. A test runs in a tokio runtime of its own; a hung browser fails
//! it instead of blocking it. Without `chromium` and `chromedriver` the tests fail with a
//! message saying how to install them (`scripts/test` does).

use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use fantoccini::error::CmdError;
use fantoccini::{error::NewSessionError, ClientBuilder};
pub use fantoccini::{Client, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// How long chromedriver may take to start listening.
const DRIVER_START: Duration = Duration::from_secs(30);

/// How long a browser test may take in all: past it, a browser or chromedriver that stopped
/// answering fails the test (every wait of a test is bounded on its own too).
const TEST_LIMIT: Duration = Duration::from_secs(600);

fn executable(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| Path::new(dir).join(name))
        .find(|p| p.is_file())
}

/// A running chromedriver; stopped when dropped.
struct Driver {
    process: Child,
    port: u16,
    chromium: PathBuf,
    log: tempfile::TempDir,
}

impl Driver {
    /// Starts chromedriver; panics (failing the test) with instructions if it or Chromium is
    /// missing.
    fn start() -> Driver {
        let missing = |what: &str| {
            panic!(
                "{what} is not installed, and the browser tests need it: \
                 apt-get install -y chromium chromium-driver fonts-noto-cjk \
                 (scripts/test does this)"
            )
        };
        let chromedriver = executable("chromedriver").unwrap_or_else(|| missing("chromedriver"));
        let chromium = executable("chromium")
            .or_else(|| executable("chromium-browser"))
            .unwrap_or_else(|| missing("chromium"));
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let log = tempfile::tempdir().expect("a temporary folder");
        let log_file = std::fs::File::create(log.path().join("chromedriver.log")).expect("log");
        let process = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", chromedriver.display()));
        Driver {
            process,
            port,
            chromium,
            log,
        }
    }

    /// A new headless Chromium with a fresh profile and a window of `width` × `height`, once
    /// chromedriver answers (at most [`DRIVER_START`]).
    async fn session(&self, width: u32, height: u32, profile: &Path) -> Client {
        let args = [
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            "--hide-scrollbars".into(),
            "--force-device-scale-factor=1".into(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.display()),
        ];
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": self.chromium.display().to_string(),
                "args": args,
            },
            "timeouts": { "script": 30_000, "pageLoad": 30_000, "implicit": 0 },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("an object")
        };
        // Plain HTTP: chromedriver listens on loopback, no TLS is needed.
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(capabilities);
        let url = format!("http://127.0.0.1:{}", self.port);
        let start = Instant::now();
        loop {
            match builder.connect(&url).await {
                Ok(client) => return client,
                // Not listening yet.
                Err(NewSessionError::Failed(_) | NewSessionError::FailedC(_))
                    if start.elapsed() < DRIVER_START =>
                {
                    tokio::time::sleep(Duration::from_millis(100)).await
                }
                Err(e) => panic!(
                    "no browser session from chromedriver on port {}: {e}\n\
                     chromedriver log:\n{}",
                    self.port,
                    self.log()
                ),
            }
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.log.path().join("chromedriver.log")).unwrap_or_default()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Runs `test` against a new headless Chromium with a window of `width` × `height`, in a
/// runtime of its own, then closes the browser, whether the test passed, failed or panicked.
/// A failure reports chromedriver's log.
pub fn run<F, Fut>(width: u32, height: u32, test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = Result<(), CmdError>> + Send + 'static,
{
    // Removed after the driver (and its browser) stopped.
    let profile = tempfile::tempdir().expect("a profile folder");
    let driver = Driver::start();
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let outcome = runtime.block_on(async {
        let client = driver.session(width, height, profile.path()).await;
        // On a task of its own, so that a panic in the test still lets the session close.
        let outcome = tokio::time::timeout(TEST_LIMIT, tokio::spawn(test(client.clone()))).await;
        let _ = tokio::time::timeout(Duration::from_secs(30), client.close()).await;
        outcome
    });
    // Nothing a stuck test left running may hold the runtime up.
    runtime.shutdown_timeout(Duration::from_secs(10));
    match outcome {
        Ok(Ok(Ok(()))) => {}
        Ok(Ok(Err(e))) => panic!("WebDriver: {e}\nchromedriver log:\n{}", driver.log()),
        Ok(Err(task)) => {
            eprintln!("chromedriver log:\n{}", driver.log());
            match task.try_into_panic() {
                Ok(panic) => std::panic::resume_unwind(panic),
                Err(e) => panic!("the browser test did not finish: {e}"),
            }
        }
        Err(_) => panic!(
            "the browser test took more than {TEST_LIMIT:?}\nchromedriver log:\n{}",
            driver.log()
        ),
    }
}

/// Clicks the first element matching a CSS selector as a person would (scrolled into view, the
/// real pointer events).
pub async fn click(client: &Client, css: &str) -> Result<(), CmdError> {
    client.find(Locator::Css(css)).await?.click().await
}

/// Types text into the first element matching a CSS selector.
pub async fn type_into(client: &Client, css: &str, text: &str) -> Result<(), CmdError> {
    client.find(Locator::Css(css)).await?.send_keys(text).await
}

/// Polls a script (a function body; its arguments as `arguments[i]`) until it returns something
/// other than null or false, at most `limit`; panics with `what` and the page's status line
/// otherwise.
pub async fn wait_for(
    client: &Client,
    what: &str,
    limit: Duration,
    script: &str,
    args: Vec<Value>,
) -> Result<Value, CmdError> {
    let start = Instant::now();
    loop {
        let value = client.execute(script, args.clone()).await?;
        if !value.is_null() && value != Value::Bool(false) {
            return Ok(value);
        }
        if start.elapsed() > limit {
            let page = client
                .execute(
                    "return document.querySelector('#wb-status, body').innerText",
                    vec![],
                )
                .await?;
            panic!("waited {limit:?} for {what}; the page says: {page}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Polls until `ready` holds, at most `limit`.
pub async fn eventually<Fut>(limit: Duration, mut ready: impl FnMut() -> Fut) -> bool
where
    Fut: Future<Output = bool>,
{
    let start = Instant::now();
    while start.elapsed() < limit {
        if ready().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    ready().await
}

/// A PNG of the window, written to `path`.
pub async fn screenshot(client: &Client, path: &Path) -> Result<(), CmdError> {
    let png = client.screenshot().await?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("screenshot folder");
    }
    std::fs::write(path, png).expect("screenshot written");
    Ok(())
}
