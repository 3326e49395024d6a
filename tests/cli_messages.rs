//! `sco-kg parse` on bad input tells what is wrong in the terminal's language (LC_ALL,
//! LC_MESSAGES, LANG), keeping `file:line`. The inputs are bad copies of the real source, as in
//! `cli_parse.rs`; the expected texts are those of `locales/{ru,zh}/ingest.ftl` and `cli.ftl`.

use std::process::Command;

use sco_kg::data;

/// The real source with its 1-based lines edited.
fn edited(edit: impl FnOnce(&mut Vec<String>)) -> Vec<u8> {
    let mut lines: Vec<String> = std::str::from_utf8(data::source())
        .unwrap()
        .split('\n')
        .map(String::from)
        .collect();
    edit(&mut lines);
    lines.join("\n").into_bytes()
}

fn set(lines: &mut [String], number: usize, text: &str) {
    lines[number - 1] = text.to_string();
}

/// Measure 67 cut in its text, before its participants (line 1494; the row begins at 1492).
fn truncated() -> Vec<u8> {
    edited(|lines| lines.truncate(1494))
}

/// The heading of section 3 moved from line 842 into measure 36, before its participants.
fn heading_inside_a_measure() -> Vec<u8> {
    edited(|lines| {
        set(lines, 842, "");
        set(lines, 849, "ТОРГОВО-ЭКОНОМИЧЕСКОЕ СОТРУДНИЧЕСТВО");
    })
}

/// Runs `parse --source` on `bytes` with the locale variables `env` (all others removed) and
/// returns stderr's one line, with the temporary file's path written `PLAN`, after checking the
/// exit code and that stdout stays empty.
fn rejected(bytes: &[u8], env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.txt");
    std::fs::write(&path, bytes).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_sco-kg"));
    command
        .args(["parse", "--source", path.to_str().unwrap()])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in env {
        command.env(name, value);
    }
    let out = command.output().expect("run sco-kg");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(out.stdout.is_empty());
    stderr.trim_end().replace(path.to_str().unwrap(), "PLAN")
}

const RU: &[(&str, &str)] = &[("LANG", "ru_RU.UTF-8")];
const ZH: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];

#[test]
fn a_truncated_source_in_russian_and_chinese() {
    assert_eq!(
        rejected(&truncated(), RU),
        "sco-kg: ошибка: PLAN:1494: исходный текст обрывается до графы «Государства-участники» \
         мероприятия 67 (начатого в строке 1492)"
    );
    assert_eq!(
        rejected(&truncated(), ZH),
        "sco-kg：错误：PLAN:1494：源文本在第67项措施（始于第1492行）的“参与国”栏之前结束"
    );
}

#[test]
fn a_misplaced_heading_in_russian_and_chinese_keeps_the_source_text() {
    assert_eq!(
        rejected(&heading_inside_a_measure(), RU),
        "sco-kg: ошибка: PLAN:849: заголовок раздела \"ТОРГОВО-ЭКОНОМИЧЕСКОЕ СОТРУДНИЧЕСТВО\" \
         стоит внутри мероприятия 36, до его графы «Государства-участники»"
    );
    assert_eq!(
        rejected(&heading_inside_a_measure(), ZH),
        "sco-kg：错误：PLAN:849：章节标题 \"ТОРГОВО-ЭКОНОМИЧЕСКОЕ СОТРУДНИЧЕСТВО\" \
         位于第36项措施之内、其“参与国”栏之前"
    );
}

#[test]
fn english_without_a_locale_and_lc_all_before_lang() {
    assert_eq!(
        rejected(&truncated(), &[]),
        "sco-kg: error: PLAN:1494: the source ends before measure 67's participating-states \
         cell (begun at line 1492)"
    );
    assert_eq!(
        rejected(
            &truncated(),
            &[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")]
        ),
        rejected(&truncated(), ZH)
    );
}
