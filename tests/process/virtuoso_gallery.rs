//! The example gallery on another engine: our Turtle dump (GET /dump/sco-kg.ttl) loaded into
//! Debian's Virtuoso (virtuoso-opensource 7), started by the test in a temp dir with its own
//! virtuoso.ini on free loopback ports, and every query of data/examples/ asked of Virtuoso's
//! SPARQL endpoint and of ours. The answers must be the same multisets of rows of RDF terms
//! (IRIs, literals with their language or datatype): a query that another engine answers
//! differently is not one an analyst can take elsewhere.
//!
//! Terms are compared as RDF defines them, not as each engine spells them (see [`term`]: a
//! simple literal and an xsd:string, language tags in any case, Virtuoso's "typed-literal"); an
//! ordered example's rows must come in the same order. Any other difference fails the test
//! with the example, the rows only one engine gave, and both answers' sizes. At the time of
//! writing no gallery query differs: no allowance for an engine difference was needed.
//!
//! Needs virtuoso-t and isql-vt (scripts/test installs virtuoso-opensource): without them the
//! test fails, it does not skip.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::support::*;

/// The graph the dump is loaded into; every query is asked with it as its default graph (a
/// fresh Virtuoso's default graph is the union of all its graphs, its own system graphs too).
const GRAPH: &str = "urn:sco-kg:gallery";

/// A Virtuoso server of the test's own: its database, log and settings in a temp dir.
struct Virtuoso {
    child: Child,
    dir: tempfile::TempDir,
    sql_port: u16,
    http_port: u16,
}

impl Virtuoso {
    fn start() -> Virtuoso {
        let dir = tempfile::Builder::new()
            .prefix("sco-kg-virtuoso-")
            .tempdir()
            .unwrap();
        let (sql_port, http_port) = two_free_ports();
        let d = dir.path().display();
        // The package's /etc/virtuoso-opensource-7/virtuoso.ini, cut to what a test needs: every
        // file in the temp dir, which is also the only directory the server may read files from
        // (DirsAllowed: the dump is loaded from there); both ports on loopback only; no
        // periodic checkpoints (the database lives for one test).
        let ini = format!(
            "[Database]\n\
             DatabaseFile = {d}/virtuoso.db\n\
             ErrorLogFile = {d}/virtuoso.log\n\
             LockFile = {d}/virtuoso.lck\n\
             TransactionFile = {d}/virtuoso.trx\n\
             xa_persistent_file = {d}/virtuoso.pxa\n\
             ErrorLogLevel = 7\n\
             FileExtend = 200\n\
             MaxCheckpointRemap = 2000\n\
             Striping = 0\n\
             TempStorage = TempDatabase\n\
             \n\
             [TempDatabase]\n\
             DatabaseFile = {d}/virtuoso-temp.db\n\
             TransactionFile = {d}/virtuoso-temp.trx\n\
             MaxCheckpointRemap = 2000\n\
             Striping = 0\n\
             \n\
             [Parameters]\n\
             ServerPort = 127.0.0.1:{sql_port}\n\
             DisableUnixSocket = 1\n\
             DirsAllowed = {d}\n\
             CaseMode = 2\n\
             NumberOfBuffers = 10000\n\
             MaxDirtyBuffers = 6000\n\
             CheckpointInterval = 0\n\
             \n\
             [HTTPServer]\n\
             ServerPort = 127.0.0.1:{http_port}\n\
             ServerRoot = {d}\n\
             ServerThreads = 4\n\
             MaxClientConnections = 4\n\
             \n\
             [SPARQL]\n\
             ResultSetMaxRows = 100000\n\
             MaxQueryExecutionTime = 120\n"
        );
        let ini_path = dir.path().join("virtuoso.ini");
        std::fs::write(&ini_path, ini).unwrap();
        let log = std::fs::File::create(dir.path().join("foreground.log")).unwrap();
        let child = Command::new("virtuoso-t")
            .arg("+foreground")
            .arg("+configfile")
            .arg(&ini_path)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("virtuoso-t starts (scripts/test installs virtuoso-opensource)");
        let mut virtuoso = Virtuoso {
            child,
            dir,
            sql_port,
            http_port,
        };
        virtuoso.wait_ready();
        virtuoso
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("foreground.log")).unwrap_or_default()
    }

    /// A new database is created on the first start: a few seconds before the endpoint answers.
    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(180);
        let http = client();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("virtuoso-t exited with {status}:\n{}", self.log());
            }
            let ready = http
                .get(format!("{}?query=ASK%7B%7D", self.endpoint()))
                .send()
                .is_ok_and(|r| r.status().is_success());
            if ready {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "Virtuoso did not answer within 180 s:\n{}",
                self.log()
            );
            thread::sleep(Duration::from_millis(250));
        }
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/sparql", self.http_port)
    }

    /// Runs SQL through isql-vt as dba (a new database's password is "dba"); panics on error.
    fn sql(&self, statements: &str) {
        let output = Command::new("isql-vt")
            .arg(format!("127.0.0.1:{}", self.sql_port))
            .args(["dba", "dba"])
            .arg(format!("exec={statements}"))
            .stdin(Stdio::null())
            .output()
            .expect("isql-vt runs (scripts/test installs virtuoso-opensource)");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            output.status.success() && !text.contains("*** Error"),
            "isql-vt {statements}: {}\n{text}",
            output.status
        );
    }

    /// Loads a Turtle file (inside the temp dir, the one allowed directory) into [`GRAPH`].
    fn load_turtle(&self, file: &Path) {
        self.sql(&format!(
            "DB.DBA.TTLP_MT(file_to_string_output('{}'), '', '{GRAPH}'); checkpoint;",
            file.display()
        ));
    }
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        // Stopped by its PID: SIGTERM (Virtuoso shuts down), SIGKILL if it is still there 30 s
        // later.
        if self.child.try_wait().ok().flatten().is_some() {
            return;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.child.try_wait().ok().flatten().is_some() {
                return;
            }
            thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn two_free_ports() -> (u16, u16) {
    // Both held at once, so that they differ; released just before Virtuoso binds them.
    let a = TcpListener::bind("127.0.0.1:0").unwrap();
    let b = TcpListener::bind("127.0.0.1:0").unwrap();
    (
        a.local_addr().unwrap().port(),
        b.local_addr().unwrap().port(),
    )
}

/// One RDF term of an answer, written as in N-Triples; unbound as "".
fn term(binding: Option<&serde_json::Value>) -> String {
    let Some(b) = binding else {
        return String::new();
    };
    let value = b["value"].as_str().unwrap_or_default();
    match b["type"].as_str().unwrap_or_default() {
        "uri" => format!("<{value}>"),
        // No blank node label means the same on two engines.
        "bnode" => "_:".to_string(),
        // "typed-literal": the type of the 2006 draft of the JSON format, which Virtuoso still
        // writes for literals with a datatype.
        "literal" | "typed-literal" => {
            let quoted = format!("{value:?}");
            if let Some(language) = b["xml:lang"].as_str() {
                // Language tags are case-insensitive (RDF 1.1 §3.3).
                format!("{quoted}@{}", language.to_ascii_lowercase())
            } else {
                match b["datatype"].as_str() {
                    // RDF 1.1: a simple literal is an xsd:string; engines write it either way.
                    None | Some("http://www.w3.org/2001/XMLSchema#string") => quoted,
                    Some(datatype) => format!("{quoted}^^<{datatype}>"),
                }
            }
        }
        other => panic!("a term of type {other:?}: {b}"),
    }
}

/// An answer in the SPARQL JSON results format as rows of terms, in the order of its
/// variables; ASK as one row ["true"] or ["false"].
fn rows(answer: &serde_json::Value) -> Vec<Vec<String>> {
    if let Some(boolean) = answer["boolean"].as_bool() {
        return vec![vec![boolean.to_string()]];
    }
    let vars: Vec<&str> = answer["head"]["vars"]
        .as_array()
        .expect("head.vars")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    answer["results"]["bindings"]
        .as_array()
        .expect("results.bindings")
        .iter()
        .map(|binding| vars.iter().map(|v| term(binding.get(*v))).collect())
        .collect()
}

fn ask(
    http: &reqwest::blocking::Client,
    endpoint: &str,
    form: &[(&str, &str)],
) -> serde_json::Value {
    let response = http
        .post(endpoint)
        .header("Accept", "application/sparql-results+json")
        .form(form)
        .send()
        .unwrap_or_else(|e| panic!("{endpoint}: {e}"));
    let status = response.status();
    let body = response.text().unwrap();
    assert!(status.is_success(), "{endpoint}: {status}\n{body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{endpoint}: {e}\n{body}"))
}

#[test]
fn every_gallery_query_gives_the_same_answer_on_virtuoso() {
    let ours = start(config());
    let http = client();
    let virtuoso = Virtuoso::start();

    // Our Turtle dump, as a consumer would fetch it, into Virtuoso.
    let dump = http
        .get(format!("{}/dump/sco-kg.ttl", ours.url()))
        .send()
        .unwrap();
    assert!(dump.status().is_success());
    let file = virtuoso.dir.path().join("sco-kg.ttl");
    std::fs::write(&file, dump.bytes().unwrap()).unwrap();
    let loading = Instant::now();
    virtuoso.load_turtle(&file);
    eprintln!("dump loaded into Virtuoso in {:.1?}", loading.elapsed());

    // Every triple arrived: the same count on both sides.
    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    let theirs = rows(&ask(
        &http,
        &virtuoso.endpoint(),
        &[("query", count), ("default-graph-uri", GRAPH)],
    ));
    let mine = rows(&ask(
        &http,
        &format!("{}/sparql", ours.url()),
        &[("query", count)],
    ));
    assert_eq!(theirs, mine, "triples in Virtuoso vs ours");

    // Our server predeclares the prefixes; Virtuoso knows only its own. The gallery's queries
    // declare what they use (tests/library/examples.rs checks it), and the prologue is prepended for
    // Virtuoso as a client of our endpoint would have to: a prefix declared twice is allowed,
    // the later declaration wins (SPARQL 1.1 §4.1.1.1).
    let prologue = graph().prologue();
    let mut differences = Vec::new();
    let mut compared = 0;
    let examples = sco_kg::examples::all().unwrap_or_else(|e| panic!("{e}"));
    let mut extensions = 0;
    for e in &examples {
        // `sco:label` and `SERVICE sco:search` are ours: Virtuoso does not know them.
        if e.extension {
            eprintln!("{}: skipped, it uses our extensions", e.id);
            extensions += 1;
            continue;
        }
        let text = format!("{prologue}\n{}", e.query);
        let theirs = ask(
            &http,
            &virtuoso.endpoint(),
            &[("query", &text), ("default-graph-uri", GRAPH)],
        );
        let mine = ask(
            &http,
            &format!("{}/sparql", ours.url()),
            &[("query", &e.query)],
        );
        let (mut theirs, mut mine) = (rows(&theirs), rows(&mine));
        assert!(!mine.is_empty(), "{}: no rows from our endpoint", e.id);
        compared += mine.len();
        // An ordered example's ORDER BY decides the order of every row (tests/library/examples.rs
        // checks the order of our answer): Virtuoso must give the same order.
        if e.ordered && theirs != mine {
            let same_rows = {
                let (mut a, mut b) = (theirs.clone(), mine.clone());
                a.sort();
                b.sort();
                a == b
            };
            if same_rows {
                differences.push(format!("{}: the same rows in another order", e.id));
                continue;
            }
        }
        theirs.sort();
        mine.sort();
        if theirs != mine {
            let only_theirs: Vec<_> = theirs
                .iter()
                .filter(|r| !mine.contains(r))
                .take(5)
                .collect();
            let only_mine: Vec<_> = mine
                .iter()
                .filter(|r| !theirs.contains(r))
                .take(5)
                .collect();
            differences.push(format!(
                "{}: Virtuoso {} rows, ours {}\n  only Virtuoso's (first 5): {only_theirs:?}\n  only ours (first 5): {only_mine:?}",
                e.id,
                theirs.len(),
                mine.len()
            ));
        }
    }
    eprintln!(
        "{} gallery queries ({extensions} skipped), {compared} rows compared, {} differ",
        examples.len(),
        differences.len()
    );
    // Exactly the two examples of our extensions are skipped (tests/library/examples.rs names them).
    assert_eq!(extensions, 2, "examples skipped as extensions");
    assert!(
        differences.is_empty(),
        "{} of {} gallery queries answer differently on Virtuoso:\n{}",
        differences.len(),
        examples.len(),
        differences.join("\n")
    );
}
