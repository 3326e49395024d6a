//! `sco-kg query` runs under the same rules as the endpoint: the library's checks refuse what
//! could not finish or fit, and `--timeout` and `--max-query-mb` (the server's defaults) bound
//! the rest. Refusals exit with 2 and say why, in the terminal's language.

use std::process::Command;

fn query(args: &[&str], lang: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sco-kg"))
        .arg("query")
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .expect("run sco-kg")
}

fn refused(args: &[&str], lang: &str) -> String {
    let out = query(args, lang);
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(out.stdout.is_empty());
    stderr
}

#[test]
fn doubling_strings_are_refused_instead_of_exhausting_memory() {
    // 36 chained doublings of "ab": the 1.3 KB query that used to abort the CLI.
    let binds: String = (0..36)
        .map(|i| format!("BIND(CONCAT(?a{i}, ?a{i}) AS ?a{}) ", i + 1))
        .collect();
    let text = format!("SELECT (STRLEN(?a36) AS ?n) {{ BIND(\"ab\" AS ?a0) {binds}}}");
    let stderr = refused(&[&text], "en_US.UTF-8");
    assert!(stderr.contains("16 MiB"), "{stderr}");
    let stderr = refused(&[&text], "ru_RU.UTF-8");
    assert!(stderr.contains("16 МиБ"), "{stderr}");
}

#[test]
fn a_four_way_product_is_refused_at_once() {
    let stderr = refused(
        &["SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"],
        "en_US.UTF-8",
    );
    assert!(stderr.contains("4 unrelated parts"), "{stderr}");
}

#[test]
fn limits_must_be_positive() {
    let stderr = refused(&["--timeout", "0", "ASK {}"], "en_US.UTF-8");
    assert!(stderr.contains("--timeout 0"), "{stderr}");
    let stderr = refused(&["--max-query-mb", "0", "ASK {}"], "en_US.UTF-8");
    assert!(stderr.contains("max-query-mb"), "{stderr}");
}

#[test]
fn an_ordinary_query_is_answered_within_the_defaults() {
    let out = query(
        &[
            "--format",
            "csv",
            "SELECT (COUNT(?m) AS ?n) { ?m a sco:Measure }",
        ],
        "en_US.UTF-8",
    );
    assert_eq!(out.status.code(), Some(0));
    // The plan's table ends with measure 139.
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "n\r\n139\r\n");
}
