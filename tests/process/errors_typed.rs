//! Errors keep their types through the pipeline and are said in words only at the edge: a data
//! file's error carries its file, line and column; a server's settings are checked once, by the
//! library (`Config::validate`), and the CLI says its refusal in terms of its options; a query's
//! evaluation error says what in every language. And the CLI writing into a pipe whose reader
//! went away (`sco-kg parse | head -1`) exits quietly.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use sco_kg::data::{DataError, DataErrorKind, DataFile};
use sco_kg::graph::Base;
use sco_kg::i18n::Lang;
use sco_kg::link::{DataFileError, EntityType, Registry};
use sco_kg::server::config::{ConfigError, PublicUrlProblem, Setting};
use sco_kg::server::{Config, ServeError};
use sco_kg::store::{EvaluationError, KnowledgeGraph, QueryError, QueryOptions};

static GRAPH: LazyLock<Arc<KnowledgeGraph>> = LazyLock::new(|| {
    Arc::new(KnowledgeGraph::embedded(Base::default()).expect("the embedded graph"))
});

/// `sco-kg ARGS` with the locale variables `env` alone.
fn sco_kg(args: &[&str], env: &[(&str, &str)]) -> Command {
    crate::support::cli_in_locale(args, env)
}

/// Runs `command` with stdout a pipe whose reader closes it after `lines` lines (0: before the
/// program writes anything); returns the exit code and stderr.
fn into_a_closed_pipe(mut command: Command, lines: usize) -> (Option<i32>, String) {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sco-kg");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    for _ in 0..lines {
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        assert!(!line.is_empty(), "the output has fewer than {lines} lines");
    }
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_reader_that_goes_away_is_no_error() {
    let commands: [&[&str]; 4] = [
        &["parse"],
        &["parse", "--format", "csv"],
        &["export", "--format", "nt"],
        &["query", "CONSTRUCT WHERE { ?s ?p ?o }"],
    ];
    for args in commands {
        for lines in [0, 1] {
            let (code, stderr) = into_a_closed_pipe(sco_kg(args, &[]), lines);
            // Quiet: nothing on stderr, no panic; 0, or 141 as a shell reports SIGPIPE.
            assert!(stderr.is_empty(), "{args:?} after {lines} lines: {stderr}");
            assert!(
                matches!(code, Some(0) | Some(141)),
                "{args:?} after {lines} lines: exit {code:?}"
            );
        }
    }
}

#[test]
fn a_full_disk_is_an_error_said_so() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = sco_kg(&["parse", "--format", "csv"], &[])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("sco-kg: error: standard output could not be written: "),
        "{stderr}"
    );
}

/// `sco-kg serve ARGS` refused before it starts: exit 2, nothing on stdout, stderr's line.
/// Killed (and failed) if it starts serving instead.
fn serve_refused(args: &[&str], env: &[(&str, &str)]) -> String {
    let args: Vec<&str> = ["serve", "--bind", "127.0.0.1:0"]
        .into_iter()
        .chain(args.iter().copied())
        .collect();
    let mut child = sco_kg(&args, env)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("{args:?} started serving");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?}");
    stderr.trim_end().to_string()
}

#[test]
fn the_cli_says_the_librarys_refusal_of_its_settings_in_its_own_terms() {
    assert_eq!(
        serve_refused(&["--max-results", "0"], &[]),
        "sco-kg: error: --max-results must be at least 1"
    );
    assert_eq!(
        serve_refused(&["--max-in-flight-mb", "0"], &[]),
        "sco-kg: error: --max-in-flight-mb must be at least 1"
    );
    assert_eq!(
        serve_refused(&["--timeout", "0"], &[]),
        "sco-kg: error: --timeout 0: not a positive number of seconds"
    );
    assert_eq!(
        serve_refused(&["--timeout=-1"], &[]),
        "sco-kg: error: --timeout -1: not a positive number of seconds"
    );
    assert_eq!(
        serve_refused(&["--write-timeout", "0"], &[("LANG", "ru_RU.UTF-8")]),
        "sco-kg: ошибка: --write-timeout 0: ожидается положительное число секунд"
    );
    assert_eq!(
        serve_refused(&["--public-url", "ftp://example.org"], &[]),
        "sco-kg: error: --public-url: \"ftp://example.org\": must start with http:// or https://"
    );
    assert_eq!(
        serve_refused(
            &["--public-url", "https://example.org/?q"],
            &[("LANG", "zh_CN.UTF-8")]
        ),
        "sco-kg：错误：--public-url：\"https://example.org/?q\"：不得包含查询或片段"
    );
}

#[test]
fn a_server_with_settings_it_cannot_run_with_does_not_start() {
    let refused = |config: Config| match sco_kg::server::spawn(config, GRAPH.clone()) {
        Err(ServeError::Config(e)) => e,
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(server) => panic!("started at {}", server.url()),
    };
    let error = refused(Config {
        bind: "127.0.0.1:0".into(),
        max_concurrent: 0,
        ..Config::default()
    });
    assert_eq!(error, ConfigError::Zero(Setting::MaxConcurrent));
    assert_eq!(
        error.message().in_lang(Lang::Ru),
        "параметр max_concurrent должен быть больше нуля"
    );
    let error = refused(Config {
        bind: "127.0.0.1:0".into(),
        public_url: Some("example.org".into()),
        ..Config::default()
    });
    assert!(
        matches!(
            &error,
            ConfigError::PublicUrl(e) if matches!(e.problem, PublicUrlProblem::NotAnIri { .. })
        ),
        "{error:?}"
    );
}

#[test]
fn a_data_files_error_carries_its_file_line_and_column() {
    let mut files: Vec<(EntityType, DataFile<'static>)> = EntityType::ALL
        .iter()
        .map(|&t| (t, sco_kg::data::file(t.file()).unwrap()))
        .collect();
    // The second line of the bodies: a string left open, found so where the line ends (its
    // 11th character).
    let body = files
        .iter_mut()
        .find(|(t, _)| *t == EntityType::Body)
        .unwrap();
    body.1.contents = "[[entity]]\nid = \"rats\n";
    let error = Registry::from_files(&files).unwrap_err();
    let DataFileError::Read(DataError {
        path,
        line,
        column,
        kind: DataErrorKind::Toml { .. },
    }) = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!(path, "data/registry/bodies.toml");
    assert_eq!((*line, *column), (Some(2), Some(11)));
    assert!(
        error
            .to_string()
            .starts_with("data/registry/bodies.toml:2:11: "),
        "{error}"
    );
    for lang in Lang::ALL {
        let text = error.message().in_lang(lang);
        assert!(!text.starts_with("data-") && !text.contains('{'), "{text}");
    }
    // A file the binary does not carry.
    assert_eq!(
        sco_kg::data::file("registry/planets.toml").unwrap_err(),
        DataError::new("data/registry/planets.toml", DataErrorKind::Missing)
    );
}

#[test]
fn an_answer_asked_for_in_the_wrong_form_is_a_typed_evaluation_error() {
    let graph = &**GRAPH;
    let construct = graph.parse("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1").unwrap();
    let error = graph
        .write_results(
            construct,
            &QueryOptions::default(),
            oxigraph::sparql::results::QueryResultsFormat::Json,
        )
        .unwrap_err();
    assert!(
        matches!(
            error,
            QueryError::Evaluation(EvaluationError::GraphAsResults)
        ),
        "{error:?}"
    );
    let select = graph.parse("SELECT * WHERE { ?s ?p ?o } LIMIT 1").unwrap();
    let QueryError::Evaluation(error) = graph
        .write_graph(
            select,
            &QueryOptions::default(),
            oxigraph::io::RdfFormat::Turtle,
            &[],
        )
        .unwrap_err()
    else {
        panic!("not an evaluation error");
    };
    assert!(matches!(error, EvaluationError::ResultsAsGraph));
    assert_eq!(
        error.message().in_lang(Lang::Zh),
        "无法执行该查询：其答案是查询结果（SELECT 或 ASK），而不是图"
    );
}
