//! The cluster as an operator runs it: scripts/cluster starts replicas of this build's
//! `sco-kg serve` behind Debian's nginx (deploy/nginx/sco-kg.conf), on free loopback ports.
//! Every replica gives the same answer the same ETag, directly and through nginx; nginx's cache
//! answers a repeated GET; a replica killed under load, and a rolling restart under load, lose
//! no request; bad starts are refused and leave nothing running.
//!
//! Each test starts its own cluster as a process group of its own, and a Drop guard ends that
//! group (SIGTERM to the script, which stops what it started; SIGKILL to the group if anything
//! is left), so that a failing test leaves nothing running. Needs nginx (scripts/test installs
//! nginx-light): without it the tests fail, they do not skip.

use std::collections::BTreeSet;
use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, Response};
use reqwest::StatusCode;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/cluster");
const BINARY: &str = env!("CARGO_BIN_EXE_sco-kg");
/// How long a cluster of debug builds may take to be ready (each replica builds the graph).
const START_TIMEOUT: Duration = Duration::from_secs(120);

/// The tests under load run one at a time: the machine has two cores, and two load loops
/// against two clusters at once would measure the machine, not the cluster.
static UNDER_LOAD: Mutex<()> = Mutex::new(());

/// A running cluster: the script's process (leader of its own process group), its temp dir
/// (config, logs, cache, replicas.json), its public port, and what it printed.
struct Cluster {
    child: Child,
    dir: tempfile::TempDir,
    port: u16,
    output: Arc<Mutex<String>>,
}

impl Cluster {
    /// Starts a cluster of `replicas` on free ports: a base P found free with P+1…P+N; if
    /// another program takes one of them before the script checks, the script refuses with exit
    /// 2 and another base is tried.
    fn start(replicas: usize) -> Cluster {
        for _ in 0..10 {
            let port = free_base(replicas);
            let dir = tempfile::Builder::new()
                .prefix("sco-kg-cluster-test-")
                .tempdir()
                .unwrap();
            let mut command = Command::new(SCRIPT);
            command.args([
                "--replicas",
                &replicas.to_string(),
                "--port",
                &port.to_string(),
                "--binary",
                BINARY,
                "--dir",
                dir.path().to_str().unwrap(),
            ]);
            let (child, output) = spawn_in_own_group(command);
            let mut cluster = Cluster {
                child,
                dir,
                port,
                output,
            };
            let deadline = Instant::now() + START_TIMEOUT;
            loop {
                if cluster.output().contains("cluster: ready") {
                    return cluster;
                }
                if let Some(status) = cluster.child.try_wait().unwrap() {
                    let text = cluster.output();
                    if status.code() == Some(2) && text.contains("is busy") {
                        break; // taken meanwhile by someone else: another base
                    }
                    panic!("scripts/cluster exited with {status} before it was ready:\n{text}");
                }
                assert!(
                    Instant::now() < deadline,
                    "scripts/cluster not ready within {START_TIMEOUT:?}:\n{}",
                    cluster.output()
                );
                thread::sleep(Duration::from_millis(50));
            }
        }
        panic!("no free ports for a cluster in 10 tries");
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    /// replicas.json, as the script last wrote it.
    fn state(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(self.dir.path().join("replicas.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    /// (port, pid) of each replica.
    fn replicas(&self) -> Vec<(u16, u32)> {
        self.state()["replicas"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["port"].as_u64().unwrap() as u16,
                    r["pid"].as_u64().unwrap() as u32,
                )
            })
            .collect()
    }

    fn access_log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("access.log")).unwrap_or_default()
    }

    fn signal(&self, signal: &str) {
        kill(signal, &self.child.id().to_string());
    }

    /// SIGTERM, as an operator stops it: the script's exit status, once everything it started
    /// has stopped.
    fn stop(&mut self) -> ExitStatus {
        self.signal("-TERM");
        wait_with_timeout(&mut self.child, Duration::from_secs(90))
            .unwrap_or_else(|| panic!("scripts/cluster still running 90 s after SIGTERM"))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        end_group(&mut self.child);
    }
}

/// Runs the command as the leader of a new process group (everything it starts is in it), its
/// stdout and stderr gathered in one string as they come.
fn spawn_in_own_group(mut command: Command) -> (Child, Arc<Mutex<String>>) {
    let mut child = command
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("scripts/cluster starts (python3)");
    let output = Arc::new(Mutex::new(String::new()));
    let streams: [Box<dyn Read + Send>; 2] = [
        Box::new(child.stdout.take().unwrap()),
        Box::new(child.stderr.take().unwrap()),
    ];
    for mut stream in streams {
        let output = output.clone();
        thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stream.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                output
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
    }
    (child, output)
}

/// Ends a process group started by [`spawn_in_own_group`]: SIGTERM to the leader (the script
/// stops what it started), then SIGKILL to whatever is left in the group.
fn end_group(child: &mut Child) {
    let group = child.id();
    if child.try_wait().ok().flatten().is_none() {
        kill("-TERM", &group.to_string());
        if wait_with_timeout(child, Duration::from_secs(60)).is_none() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
    if !group_members(group).is_empty() {
        kill("-KILL", &format!("-{group}"));
    }
}

fn kill(signal: &str, target: &str) {
    // `kill` the command: the tests have no libc binding, and a group is named by "-PGID".
    let _ = Command::new("kill")
        .args([signal, "--", target])
        .stderr(Stdio::null())
        .status();
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        if Instant::now() > deadline {
            return None;
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// The live processes of a process group (zombies left out: they run nothing).
fn group_members(group: u32) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // After the command name's ')': state, ppid, pgrp, …
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        let fields: Vec<&str> = stat[close + 2..].split_whitespace().collect();
        if fields.len() > 2 && fields[2] == group.to_string() && fields[0] != "Z" {
            found.push(stat[..close + 1].to_string());
        }
    }
    found
}

/// A port P with P+1…P+n free too (as free as a listener binding them would find them).
fn free_base(n: usize) -> u16 {
    for _ in 0..100 {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        if usize::from(port) + n > 65535 {
            continue;
        }
        let all_free =
            (port..=port + n as u16).all(|p| TcpListener::bind(("127.0.0.1", p)).is_ok());
        if all_free {
            return port;
        }
    }
    panic!("no run of free ports found");
}

fn listening(port: u16) -> bool {
    TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_millis(500)).is_ok()
}

fn client() -> Client {
    Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

fn header(response: &Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// A query no one asked before in this test binary (no cache has its answer): the measure or
/// section with number k, with a constant filter that makes the text new.
fn fresh_query() -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let stamp = std::process::id() as usize * 1_000_000 + n;
    format!(
        "SELECT ?m WHERE {{ ?m <https://w3id.org/sco-kg/ontology#number> ?n \
         FILTER(?n = {} && {stamp} >= 0) }}",
        n % 139 + 1
    )
}

#[test]
fn every_replica_gives_the_same_etag_directly_and_through_nginx() {
    let mut cluster = Cluster::start(3);
    let http = client();
    let query = "SELECT ?body ?label WHERE { ?body a <https://w3id.org/sco-kg/ontology#Body> ; \
                 <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?body ?label";
    let requests = [
        (
            format!("/sparql?query={}", encode(query)),
            "application/sparql-results+json",
            "en",
        ),
        (format!("/sparql?query={}", encode(query)), "text/csv", "en"),
        ("/id/body/rats".to_string(), "text/turtle", "en"),
        ("/page/body/rats".to_string(), "text/html", "zh"),
        ("/.well-known/void".to_string(), "text/turtle", "en"),
        ("/dump/sco-kg.nt".to_string(), "*/*", "en"),
    ];
    let mut origins: Vec<(String, u16)> = cluster
        .replicas()
        .into_iter()
        .map(|(port, _)| (format!("replica on {port}"), port))
        .collect();
    origins.push(("nginx".to_string(), cluster.port));
    for (path, accept, language) in &requests {
        let mut seen = BTreeSet::new();
        for (name, port) in &origins {
            let response = http
                .get(format!("http://127.0.0.1:{port}{path}"))
                .header("Accept", *accept)
                .header("Accept-Language", *language)
                .send()
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{name} {path}");
            let etag = header(&response, "etag");
            assert!(etag.starts_with('"'), "{name} {path}: no ETag");
            assert_eq!(
                header(&response, "cache-control"),
                "public, max-age=600",
                "{name} {path}"
            );
            seen.insert(etag);
        }
        assert_eq!(seen.len(), 1, "{path} ({accept}): ETags differ: {seen:?}");
    }

    // The replicas run with --public-url: the service description names nginx's origin, asked
    // of nginx or of a replica.
    let endpoint = format!("<{}/sparql>", cluster.url());
    for (name, port) in &origins {
        let description = http
            .get(format!("http://127.0.0.1:{port}/sparql"))
            .header("Accept", "text/turtle")
            .send()
            .unwrap()
            .text()
            .unwrap();
        assert!(
            description.contains(&endpoint),
            "{name}: the service description does not name {endpoint}:\n{description}"
        );
    }

    // Metrics are scraped from each replica, never served on the public side.
    for (name, port) in &origins {
        let status = http
            .get(format!("http://127.0.0.1:{port}/metrics"))
            .send()
            .unwrap()
            .status();
        let expected = if *port == cluster.port {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::OK
        };
        assert_eq!(status, expected, "{name} /metrics");
    }

    // SIGTERM stops everything: exit 0, no process left in the group, no port left open.
    let group = cluster.child.id();
    let status = cluster.stop();
    assert!(status.success(), "{status}:\n{}", cluster.output());
    assert_eq!(group_members(group), Vec::<String>::new());
    for (name, port) in &origins {
        assert!(!listening(*port), "{name} still listens after SIGTERM");
    }
}

#[test]
fn a_repeated_get_through_nginx_is_a_cache_hit() {
    let cluster = Cluster::start(2);
    let http = client();
    let url = format!("{}/sparql?query={}", cluster.url(), encode(&fresh_query()));
    let get = |accept: &str| http.get(&url).header("Accept", accept).send().unwrap();
    let json = "application/sparql-results+json";

    let first = get(json);
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(header(&first, "x-cache-status"), "MISS");
    let etag = header(&first, "etag");
    let body = first.text().unwrap();

    let second = get(json);
    assert_eq!(second.status(), StatusCode::OK);
    assert_eq!(header(&second, "x-cache-status"), "HIT");
    assert_eq!(header(&second, "etag"), etag);
    assert_eq!(second.text().unwrap(), body);

    // The key names Accept: another format of the same URL is another copy.
    let csv = get("text/csv");
    assert_eq!(header(&csv, "x-cache-status"), "MISS");
    assert_ne!(header(&csv, "etag"), etag);
    assert_eq!(header(&get("text/csv"), "x-cache-status"), "HIT");

    // HEAD shares GET's copy; a client's If-None-Match is answered 304 from it.
    let head = http.head(&url).header("Accept", json).send().unwrap();
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(header(&head, "x-cache-status"), "HIT");
    let revalidated = http
        .get(&url)
        .header("Accept", json)
        .header("If-None-Match", &etag)
        .send()
        .unwrap();
    assert_eq!(revalidated.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(&revalidated, "x-cache-status"), "HIT");

    // Pages: the key names Accept-Language and the lang cookie.
    let page = |language: &str, cookie: Option<&str>| {
        let mut request = http
            .get(format!("{}/page/body/rats", cluster.url()))
            .header("Accept-Language", language);
        if let Some(cookie) = cookie {
            request = request.header("Cookie", cookie);
        }
        let response = request.send().unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        (
            header(&response, "x-cache-status"),
            // "zh-Hans", "en", "ru": the language, whatever the script subtag.
            header(&response, "content-language")[..2].to_string(),
        )
    };
    assert_eq!(page("zh", None), ("MISS".into(), "zh".into()));
    assert_eq!(page("zh", None), ("HIT".into(), "zh".into()));
    assert_eq!(page("ru", None), ("MISS".into(), "ru".into()));
    assert_eq!(page("zh", Some("lang=en")), ("MISS".into(), "en".into()));
    assert_eq!(page("zh", Some("lang=en")), ("HIT".into(), "en".into()));

    // A refusal is no-store: never kept, and every answer says what the cache did.
    for _ in 0..2 {
        let refused = http
            .get(format!("{}/sparql?query=SELEC", cluster.url()))
            .send()
            .unwrap();
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert_eq!(header(&refused, "x-cache-status"), "MISS");
    }
    let posted = http
        .post(format!("{}/sparql", cluster.url()))
        .header("Accept", json)
        .form(&[("query", "ASK {}")])
        .send()
        .unwrap();
    assert_eq!(posted.status(), StatusCode::OK);
    assert_eq!(header(&posted, "x-cache-status"), "NONE");
}

/// Sends fresh queries (GET, and every third one POSTed: nginx caches neither, so every one
/// reaches a replica) through nginx from `threads` threads until `stop` returns true or
/// `limit` has passed; returns (answered, failures as "status or error").
fn load(
    url: &str,
    threads: usize,
    limit: Duration,
    stop: impl Fn() -> bool + Sync,
) -> (usize, Vec<String>) {
    let deadline = Instant::now() + limit;
    let answered = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for t in 0..threads {
            let (answered, failures, stop) = (&answered, &failures, &stop);
            scope.spawn(move || {
                let http = client();
                // Bounded in count as well as in time.
                for i in 0..20_000 {
                    if Instant::now() > deadline || stop() {
                        break;
                    }
                    let query = fresh_query();
                    let request = if (i + t) % 3 == 0 {
                        http.post(format!("{url}/sparql"))
                            .form(&[("query", query.as_str())])
                    } else {
                        http.get(format!("{url}/sparql?query={}", encode(&query)))
                    };
                    let outcome = request
                        .header("Accept", "application/sparql-results+json")
                        .send()
                        .and_then(|r| {
                            let status = r.status();
                            r.json::<serde_json::Value>().map(|body| (status, body))
                        });
                    match outcome {
                        Ok((StatusCode::OK, body)) if body["results"]["bindings"].is_array() => {
                            answered.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok((status, body)) => {
                            failures.lock().unwrap().push(format!("{status} {body}"))
                        }
                        Err(e) => failures.lock().unwrap().push(e.to_string()),
                    }
                }
            });
        }
    });
    (answered.into_inner(), failures.into_inner().unwrap())
}

#[test]
fn a_replica_killed_under_load_loses_no_request() {
    let _one_at_a_time = UNDER_LOAD.lock().unwrap_or_else(|e| e.into_inner());
    let cluster = Cluster::start(2);
    let (victim_port, victim) = cluster.replicas()[0];
    let started = Instant::now();
    let killed = std::sync::atomic::AtomicBool::new(false);
    let (answered, failures) = load(&cluster.url(), 4, Duration::from_secs(6), || {
        // 1.5 s of load, then SIGKILL, then 4.5 s more.
        if !killed.load(Ordering::Relaxed) && started.elapsed() > Duration::from_millis(1500) {
            killed.store(true, Ordering::Relaxed);
            kill("-KILL", &victim.to_string());
        }
        false
    });
    assert!(
        killed.load(Ordering::Relaxed),
        "the replica was never killed"
    );
    eprintln!(
        "replica killed under load: {answered} answered, {} failed",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failed: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    assert!(answered >= 100, "only {answered} requests in 6 s");
    // nginx tried the dead replica and went on to the other one (its log lists both).
    let retried = cluster
        .access_log()
        .lines()
        .filter(|l| l.contains(&format!("127.0.0.1:{victim_port}, ")))
        .count();
    assert!(
        retried > 0,
        "no request was retried:\n{}",
        cluster.access_log()
    );

    // The script started the replica again, on its port.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (port, pid) = cluster.replicas()[0];
        if pid != victim && listening(port) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "not restarted:\n{}",
            cluster.output()
        );
        thread::sleep(Duration::from_millis(100));
    }
    assert!(cluster
        .output()
        .contains("exited with signal SIGKILL; starting it again"));
}

#[test]
fn a_rolling_restart_under_load_loses_no_request() {
    let _one_at_a_time = UNDER_LOAD.lock().unwrap_or_else(|e| e.into_inner());
    let cluster = Cluster::start(2);
    let before: Vec<u32> = cluster.replicas().iter().map(|r| r.1).collect();
    let started = Instant::now();
    let hup_sent = std::sync::atomic::AtomicBool::new(false);
    let done_at = Mutex::new(None::<Instant>);
    let (answered, failures) = load(&cluster.url(), 4, Duration::from_secs(90), || {
        // 1 s of load, then SIGHUP; load until a second after the script says it is done.
        if !hup_sent.load(Ordering::Relaxed) && started.elapsed() > Duration::from_secs(1) {
            hup_sent.store(true, Ordering::Relaxed);
            cluster.signal("-HUP");
        }
        let mut done = done_at.lock().unwrap();
        if done.is_none() && cluster.output().contains("rolling restart: done (1)") {
            *done = Some(Instant::now());
        }
        done.is_some_and(|at| at.elapsed() > Duration::from_secs(1))
    });
    let took = started.elapsed();
    assert!(
        done_at.lock().unwrap().is_some(),
        "no rolling restart within 90 s:\n{}",
        cluster.output()
    );
    eprintln!(
        "rolling restart under load: {answered} answered, {} failed, {took:.1?}",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failed: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    assert!(answered >= 100, "only {answered} requests");
    let after: Vec<u32> = cluster.replicas().iter().map(|r| r.1).collect();
    for (old, new) in before.iter().zip(&after) {
        assert_ne!(
            old, new,
            "a replica was not restarted: {before:?} → {after:?}"
        );
    }
    assert_eq!(cluster.state()["rolling_restarts"], 1);
    let http = client();
    for (port, _) in cluster.replicas() {
        let response = http
            .get(format!("http://127.0.0.1:{port}/sparql?query=ASK%7B%7D"))
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "replica on {port}");
    }
}

/// Runs the script with these arguments to its end (bounded): exit status, output, and the
/// processes left in its group.
fn run_to_end(args: &[&str]) -> (ExitStatus, String, Vec<String>) {
    let mut command = Command::new(SCRIPT);
    command.args(args);
    let (mut child, output) = spawn_in_own_group(command);
    let group = child.id();
    let status = wait_with_timeout(&mut child, Duration::from_secs(120));
    let left = group_members(group);
    end_group(&mut child);
    let status = status.unwrap_or_else(|| panic!("{args:?} still running after 120 s"));
    // The reader threads may still hold the last bytes for a moment.
    thread::sleep(Duration::from_millis(200));
    let text = output.lock().unwrap().clone();
    (status, text, left)
}

#[test]
fn bad_starts_are_refused_and_leave_nothing_running() {
    // A busy port (a replica's): exit 2 before anything starts.
    let base = free_base(2);
    let busy = TcpListener::bind(("127.0.0.1", base + 2)).unwrap();
    let port = base.to_string();
    let (status, output, left) =
        run_to_end(&["--replicas", "2", "--port", &port, "--binary", BINARY]);
    assert_eq!(status.code(), Some(2), "{output}");
    assert!(
        output.contains(&format!("port {} (for replica 2) is busy", base + 2)),
        "{output}"
    );
    assert!(output.contains("nothing was started"), "{output}");
    assert_eq!(left, Vec::<String>::new());
    assert!(!listening(base) && !listening(base + 1));
    drop(busy);

    // An unknown option: the usage, exit 2.
    let (status, output, _) = run_to_end(&["--replicas", "2", "--bogus"]);
    assert_eq!(status.code(), Some(2), "{output}");
    assert!(output.contains("usage: scripts/cluster"), "{output}");
    assert!(output.contains("--bogus"), "{output}");

    // No binary: how to build one, exit 2.
    let (status, output, _) = run_to_end(&["--port", &port, "--binary", "/nonexistent/sco-kg"]);
    assert_eq!(status.code(), Some(2), "{output}");
    assert!(output.contains("cargo build --release"), "{output}");

    // A replica that does not start (a binary that exits at once): exit 1, everything stopped.
    let base = free_base(2).to_string();
    let (status, output, left) =
        run_to_end(&["--replicas", "2", "--port", &base, "--binary", "/bin/false"]);
    assert_eq!(status.code(), Some(1), "{output}");
    assert!(
        output.contains("exited with status 1 before answering"),
        "{output}"
    );
    assert!(output.contains("stopping everything"), "{output}");
    assert_eq!(left, Vec::<String>::new());

    // --help says what it does.
    let (status, output, _) = run_to_end(&["--help"]);
    assert!(status.success());
    for needle in [
        "--replicas",
        "--port",
        "--public-url",
        "--binary",
        "SIGHUP",
        "SIGTERM",
        "replicas.json",
        "Exit codes",
    ] {
        assert!(
            output.contains(needle),
            "--help does not mention {needle}:\n{output}"
        );
    }
}

#[test]
fn the_template_names_what_the_answers_vary_on() {
    // The cache key is what keeps one reader's answer from another: if a replica starts to vary
    // on something new, this is the place to say it.
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/nginx/sco-kg.conf"),
    )
    .unwrap();
    let key = template
        .lines()
        .find(|l| l.trim_start().starts_with("proxy_cache_key"))
        .expect("a proxy_cache_key");
    for part in [
        "$cache_method",
        "$scheme",
        "$host",
        "$request_uri",
        "$http_accept|",
        "$http_accept_language",
        "$cookie_lang",
        "$http_accept_encoding",
    ] {
        assert!(key.contains(part), "the cache key lacks {part}: {key}");
    }
}
