//! `sco-kg parse`: output formats, and bad input made from the real source. Each bad input
//! gets a message naming the line and what was expected, exit code 2 and nothing on stdout.

use std::path::Path;
use std::process::{Command, Output};

use sco_kg::data;

/// Runs sco-kg with no locale set: its messages are in English, whatever the terminal's.
fn sco_kg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sco-kg"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("run sco-kg")
}

fn source_lines() -> Vec<String> {
    std::str::from_utf8(data::source())
        .unwrap()
        .split('\n')
        .map(String::from)
        .collect()
}

/// The real source with its 1-based lines edited.
fn edited(edit: impl FnOnce(&mut Vec<String>)) -> Vec<u8> {
    let mut lines = source_lines();
    edit(&mut lines);
    lines.join("\n").into_bytes()
}

/// Runs `parse --source` on `bytes` and returns stderr, after checking the exit code and that
/// stdout stays empty.
fn rejected(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.txt");
    std::fs::write(&path, bytes).unwrap();
    let out = sco_kg(&["parse", "--source", path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    stderr
}

fn set(lines: &mut [String], number: usize, text: &str) {
    lines[number - 1] = text.to_string();
}

#[test]
fn json_has_the_documented_keys() {
    let out = sco_kg(&["parse"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["decision"]["date"], "2020-11-10");
    assert_eq!(json["sections"].as_array().unwrap().len(), 8);
    assert_eq!(json["sections"][2]["number"], 3);
    assert_eq!(
        json["sections"][2]["title"],
        "ТОРГОВО-ЭКОНОМИЧЕСКОЕ СОТРУДНИЧЕСТВО"
    );
    let measures = json["measures"].as_array().unwrap();
    assert_eq!(measures.len(), 139);
    let m46 = &measures[45];
    assert_eq!(m46["number"], 46);
    assert_eq!(m46["section"], 3);
    assert_eq!(m46["text"], "Расширение обмена информацией о перспективных проектах для поддержки трансграничных инвестиций.");
    assert_eq!(m46["participants"], "Государства-члены ШОС");
    assert_eq!(
        m46["executors"],
        serde_json::json!(["Межбанковское объединение ШОС"])
    );
    assert_eq!(
        m46["source_lines"],
        serde_json::json!([{"start": 1076, "end": 1086}])
    );
}

#[test]
fn csv_has_one_rfc4180_row_per_measure() {
    let out = sco_kg(&["parse", "--format", "csv"]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "number",
            "section",
            "text",
            "participants",
            "executors",
            "source_lines"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 139);
    // Measure 62 has two paragraphs: the newline is quoted, not a new row.
    assert_eq!(&rows[61][0], "62");
    assert!(rows[61][2].contains("перевозок.\nПроведение"));
    assert_eq!(&rows[47][4], "Профильные министерства и ведомства Казахстана, Китая, Кыргызстана, Пакистана, России, Таджикистана, Узбекистана");
}

#[test]
fn parse_reads_another_copy_from_any_directory() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.txt");
    std::fs::write(&copy, data::source()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sco-kg"))
        .current_dir(dir.path())
        .args(["parse", "--source", "copy.txt"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, sco_kg(&["parse"]).stdout);
}

#[test]
fn missing_file() {
    let out = sco_kg(&["parse", "--source", "/nonexistent/plan.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/plan.txt"));
}

#[test]
fn empty_or_blank_file() {
    assert!(rejected(b"").contains(":1: the source is empty"));
    assert!(rejected(b" \n\n  \n").contains(":1: the source is empty"));
}

#[test]
fn not_utf8() {
    let bytes = edited(|lines| set(lines, 500, "Государства-члены \u{0}"));
    let bytes: Vec<u8> = bytes
        .into_iter()
        .map(|b| if b == 0 { 0xFF } else { b })
        .collect();
    let err = rejected(&bytes);
    assert!(err.contains(":500: the source is not valid UTF-8"), "{err}");
}

#[test]
fn truncated_inside_a_measure() {
    // Cut after line 1494, in the middle of measure 67's text.
    let bytes = edited(|lines| lines.truncate(1494));
    let err = rejected(&bytes);
    assert!(err.contains(":1494: the source ends before measure 67's participating-states cell (begun at line 1492)"), "{err}");
}

#[test]
fn truncated_in_the_front_matter() {
    let bytes = edited(|lines| lines.truncate(60));
    let err = rejected(&bytes);
    assert!(err.contains("the source ends before the annex"), "{err}");
}

#[test]
fn missing_measure_number() {
    // Measure 57 loses its number: its text runs into measure 56, and 58 comes too early.
    let bytes = edited(|lines| {
        set(
            lines,
            1276,
            "Проработка заинтересованными государствами-членами ШОС",
        )
    });
    let err = rejected(&bytes);
    assert!(
        err.contains(":1296: expected measure 57, found measure 58"),
        "{err}"
    );
}

#[test]
fn repeated_measure_number() {
    let bytes = edited(|lines| {
        set(
            lines,
            1296,
            "57.  Развитие взаимодействия с Международным финансовым центром",
        )
    });
    let err = rejected(&bytes);
    assert!(
        err.contains(":1296: expected measure 58, found measure 57"),
        "{err}"
    );
}

#[test]
fn out_of_order_measure_numbers() {
    let bytes = edited(|lines| {
        set(
            lines,
            1296,
            "59.  Развитие взаимодействия с Международным финансовым центром",
        );
        set(
            lines,
            1324,
            "58.  Проработка вопроса о развитии взаимосвязанности, экономических и",
        );
    });
    let err = rejected(&bytes);
    assert!(
        err.contains(":1296: expected measure 58, found measure 59"),
        "{err}"
    );
}

#[test]
fn measure_without_executors() {
    // Measure 46's only executor ("Межбанковское объединение ШОС", lines 1084-1086) removed.
    let bytes = edited(|lines| {
        set(lines, 1084, "");
        set(lines, 1086, "");
    });
    let err = rejected(&bytes);
    assert!(err.contains(":1088: measure 46 has no executors"), "{err}");
}

#[test]
fn measure_without_participants() {
    let bytes = edited(|lines| {
        set(lines, 1080, "");
        set(lines, 1082, "");
    });
    let err = rejected(&bytes);
    assert!(err.contains("measure 46"), "{err}");
}

#[test]
fn section_heading_inside_a_measure() {
    // The heading of section 3 moved from line 842 into measure 36, before its participants.
    let bytes = edited(|lines| {
        set(lines, 842, "");
        set(lines, 849, "ТОРГОВО-ЭКОНОМИЧЕСКОЕ СОТРУДНИЧЕСТВО");
    });
    let err = rejected(&bytes);
    assert!(
        err.contains(":849: section heading \"ТОРГОВО-ЭКОНОМИЧЕСКОЕ СОТРУДНИЧЕСТВО\" stands inside measure 36, before its participating-states cell"),
        "{err}"
    );
}

#[test]
fn section_without_measures() {
    // A second heading right after the first one.
    let bytes = edited(|lines| set(lines, 137, "СОТРУДНИЧЕСТВО В ОБЛАСТИ БЕЗОПАСНОСТИ"));
    let err = rejected(&bytes);
    assert!(
        err.contains(":137: section 1 (\"ПОЛИТИЧЕСКОЕ ВЗАИМОДЕЙСТВИЕ\") has no measures"),
        "{err}"
    );
}

#[test]
fn table_row_before_any_section() {
    let bytes = edited(|lines| set(lines, 136, ""));
    let err = rejected(&bytes);
    assert!(
        err.contains(":138: expected a section heading, found \"1.  Выполнение"),
        "{err}"
    );
}

#[test]
fn decision_without_its_date_line() {
    let bytes = edited(|lines| set(lines, 22, "10 ноября 2020 № 1 Москва"));
    let err = rejected(&bytes);
    assert!(
        err.contains(":22: expected the decision's date, number and place"),
        "{err}"
    );
}

#[test]
fn help_describes_every_command() {
    let out = sco_kg(&["--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("parse"));
    let out = sco_kg(&["parse", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("--source") && help.contains("--format"),
        "{help}"
    );
    assert!(Path::new(env!("CARGO_BIN_EXE_sco-kg")).exists());
}

#[test]
fn lookup_from_the_command_line() {
    // "Душанбе" occurs in measure 22 (the Anti-Drug Centre in Dushanbe) and names the place.
    let out = sco_kg(&["lookup", "Душанбе", "--lang", "en"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let iris: Vec<&str> = json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["iri"].as_str().unwrap())
        .collect();
    assert!(
        iris.contains(&"https://w3id.org/sco-kg/id/place/dushanbe"),
        "{iris:?}"
    );
    assert!(
        iris.contains(&"https://w3id.org/sco-kg/id/plan/2021-2025/measure/22"),
        "{iris:?}"
    );
    let bad = sco_kg(&["lookup", "x", "--lang", "fr"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(bad.stdout.is_empty());
}
