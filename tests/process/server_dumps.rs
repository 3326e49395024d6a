//! `sco-kg export`'s own behaviour: `--base` rewrites the IRIs, and a failed export (a missing
//! folder, a directory in the way, a bad format name) fails and leaves nothing behind. (The
//! dumps themselves, served and exported: tests/http/server_dumps.rs.)

use std::process::Command;

use crate::support::graph;

#[test]
fn export_with_another_base_rewrites_the_iris() {
    let output = Command::new(env!("CARGO_BIN_EXE_sco-kg"))
        .args([
            "export",
            "--format",
            "nt",
            "--base",
            "http://example.org/kg/",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("<http://example.org/kg/plan/"));
    assert!(!text.contains("https://w3id.org/sco-kg/id/"));
    assert_eq!(text.lines().count(), graph().triples.len());
}

#[test]
fn a_failed_export_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    // Into a folder that does not exist.
    let missing = dir.path().join("missing").join("sco-kg.ttl");
    let output = Command::new(env!("CARGO_BIN_EXE_sco-kg"))
        .args(["export", "--format", "ttl", "-o"])
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(!String::from_utf8_lossy(&output.stderr).trim().is_empty());
    assert!(!missing.exists());
    // Over a directory: the rename fails, the directory and its folder stay as they were.
    let target = dir.path().join("taken");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep"), b"kept").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_sco-kg"))
        .args(["export", "--format", "ttl", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(std::fs::read(target.join("keep")).unwrap(), b"kept");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["taken".to_string()], "no temporary file left");
    // A bad format name is refused by the command line.
    let output = Command::new(env!("CARGO_BIN_EXE_sco-kg"))
        .args(["export", "--format", "yaml"])
        .output()
        .unwrap();
    assert!(!output.status.success());
}
