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

/// `sco-kg ARGS` in the locale `env` alone (the locale variables of the test's own
/// environment removed): its output, whatever the exit.
fn sco_kg(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    crate::support::cli_in_locale(args, env)
        .output()
        .expect("run sco-kg")
}

/// Runs `parse --source` on `bytes` with the locale variables `env` (all others removed) and
/// returns stderr's one line, with the temporary file's path written `PLAN`, after checking the
/// exit code and that stdout stays empty.
fn rejected(bytes: &[u8], env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.txt");
    std::fs::write(&path, bytes).unwrap();
    let out = sco_kg(&["parse", "--source", path.to_str().unwrap()], env);
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

/// `sco-kg ARGS` with the locale variables `env` (all others removed): its stdout, after
/// checking that it succeeded and said nothing on stderr.
fn help(args: &[&str], env: &[(&str, &str)]) -> String {
    let out = sco_kg(args, env);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        out.status.success() && stderr.is_empty(),
        "{args:?}: {stderr}"
    );
    String::from_utf8(out.stdout).unwrap()
}

const EN: &[(&str, &str)] = &[];

/// Each command and what its help lists: options, arguments, subcommands.
const LISTED: &[(&str, &[&str])] = &[
    (
        "",
        &[
            "lookup",
            "parse",
            "query",
            "serve",
            "export",
            "help",
            "-h, --help",
            "-V, --version",
        ],
    ),
    (
        "lookup",
        &[
            "<QUERY>",
            "--lang <LANG>",
            "--type <TYPES>",
            "--limit <LIMIT>",
            "-h, --help",
        ],
    ),
    (
        "parse",
        &["--source <FILE>", "--format <FORMAT>", "-h, --help"],
    ),
    (
        "query",
        &["<QUERY>", "--format <FORMAT>", "--base <IRI>", "-h, --help"],
    ),
    (
        "serve",
        &[
            "--bind <ADDR>",
            "--base <IRI>",
            "--public-url <URL>",
            "--timeout <SECS>",
            "--max-query-bytes <N>",
            "--max-body-bytes <N>",
            "--max-concurrent <N>",
            "--max-results <N>",
            "--cache-mb <MB>",
            "--queue-wait <SECS>",
            "--max-queued <N>",
            "--max-answer-mb <MB>",
            "--max-query-mb <MB>",
            "--max-in-flight-mb <MB>",
            "--write-timeout <SECS>",
            "--log-format <FORMAT>",
            "-h, --help",
        ],
    ),
    (
        "export",
        &[
            "--format <FORMAT>",
            "-o, --output <FILE>",
            "--base <IRI>",
            "-h, --help",
        ],
    ),
];

/// `--help` or `-h` of `command` ("" for sco-kg itself).
fn help_of(command: &str, flag: &str, env: &[(&str, &str)]) -> String {
    let args: Vec<&str> = [command, flag]
        .into_iter()
        .filter(|a| !a.is_empty())
        .collect();
    help(&args, env)
}

#[test]
fn help_in_russian() {
    let root = help_of("", "--help", RU);
    for text in [
        "sco-kg: План действий ШОС на 2021–2025 годы как многоязычный граф знаний на связанных \
         данных.\n\nВсе команды работают с данными, встроенными в исполняемый файл;",
        "Использование: sco-kg <COMMAND>",
        "Команды:\n  lookup  Найти сущность по названию, синониму или словам её текста",
        "  help    Показать эту справку или справку по указанным подкомандам",
        "Параметры:\n  -h, --help\n          Показать справку (кратко: '-h')",
        "  -V, --version\n          Показать версию",
    ] {
        assert!(root.contains(text), "{text}\nin\n{root}");
    }
    let serve = help_of("serve", "--help", RU);
    for text in [
        "Обслуживать граф знаний по HTTP: точка доступа SPARQL 1.1 — /sparql",
        "Останавливается по SIGINT или SIGTERM, ответив на уже принятые запросы.",
        "Использование: sco-kg serve [OPTIONS]",
        "      --timeout <SECS>\n          Наибольшее время выполнения запроса, в секундах",
        "      --max-concurrent <N>\n          Наибольшее число одновременно выполняемых \
         запросов (сверх него — 503 с Retry-After) [по умолчанию: вдвое больше числа \
         процессоров, но не меньше 4]",
    ] {
        assert!(serve.contains(text), "{text}\nin\n{serve}");
    }
    let lookup = help_of("lookup", "-h", RU);
    assert!(
        lookup.contains("Аргументы:\n  <QUERY>  Что искать:"),
        "{lookup}"
    );
    assert!(
        lookup.contains("  -h, --help           Показать справку (подробнее: '--help')"),
        "{lookup}"
    );
    let export = help_of("export", "--help", RU);
    assert!(
        export.contains(
            "- canonical: Канонический N-Quads (RDFC-1.0); его SHA-256 — версия набора данных"
        ),
        "{export}"
    );
}

#[test]
fn help_in_chinese() {
    let root = help_of("", "--help", ZH);
    for text in [
        "用法: sco-kg <COMMAND>",
        "命令:\n  lookup  按名称、别名或文本中的词语查找实体，可用俄文、英文或中文",
        "选项:\n  -h, --help\n          打印帮助（用 '-h' 查看摘要）",
    ] {
        assert!(root.contains(text), "{text}\nin\n{root}");
    }
    let serve = help_of("serve", "--help", ZH);
    assert!(
        serve.contains("      --timeout <SECS>\n          单个查询的最长运行时间，单位为秒"),
        "{serve}"
    );
    let serve = help_of("serve", "-h", ZH);
    assert!(
        serve.contains(
            "      --cache-mb <MB>          为重复查询缓存答复所用的兆字节数，另加其四分之一用于缓存重复 GET 请求的完整响应（0：不使用缓存）"
        ),
        "{serve}"
    );
    let query = help_of("query", "--help", ZH);
    assert!(query.contains("- table: 对齐的列"), "{query}");
}

#[test]
fn help_in_english_without_a_locale() {
    let root = help_of("", "-h", EN);
    assert!(root.starts_with(
        "The SCO Action Plan 2021-2025 as a multilingual linked-data knowledge graph with a \
         SPARQL endpoint\n\nUsage: sco-kg <COMMAND>\n\nCommands:\n"
    ));
    assert!(root.contains("Options:\n  -h, --help     Print help (see more with '--help')"));
    let serve = help_of("serve", "--help", EN);
    for text in [
        "      --timeout <SECS>\n          The longest a query may run, in seconds",
        "      --public-url <URL>\n          The origin clients reach the server at (behind a \
         proxy), for the service description, VoID and redirects (default: the request's Host)",
    ] {
        assert!(serve.contains(text), "{text}\nin\n{serve}");
    }
    // LC_ALL wins over LANG here too.
    assert_eq!(
        help_of(
            "serve",
            "--help",
            &[("LANG", "en_GB.UTF-8"), ("LC_ALL", "ru_RU.UTF-8")]
        ),
        help_of("serve", "--help", RU)
    );
    // `help serve` is `serve --help`.
    assert_eq!(help(&["help", "serve"], RU), help_of("serve", "--help", RU));
}

#[test]
fn every_option_is_listed_in_every_language() {
    for env in [EN, RU, ZH] {
        for (command, listed) in LISTED {
            for flag in ["--help", "-h"] {
                let text = help_of(command, flag, env);
                for item in *listed {
                    assert!(
                        text.contains(item),
                        "{env:?} {command} {flag} lacks {item}:\n{text}"
                    );
                }
            }
        }
    }
}

/// No English text of `cli-help-*` is left in the Russian or Chinese help, unless it is the
/// same in that language (format names such as "Turtle").
#[test]
fn the_russian_and_chinese_help_has_no_english_text() {
    use sco_kg::i18n::{Lang, Localizer};
    let loc = Localizer::embedded().unwrap();
    let english: Vec<(&str, String)> = loc
        .ids(Lang::En)
        .iter()
        .filter(|id| id.starts_with("cli-help-"))
        .map(|id| (id.as_str(), loc.format(Lang::En, id, None).unwrap()))
        .collect();
    assert!(english.len() > 50, "{}", english.len());
    for (lang, env) in [(Lang::Ru, RU), (Lang::Zh, ZH)] {
        let mut all = String::new();
        for (command, _) in LISTED {
            for flag in ["--help", "-h"] {
                all.push_str(&help_of(command, flag, env));
            }
        }
        for (id, text) in &english {
            if loc.format(lang, id, None).unwrap() != *text {
                assert!(!all.contains(text.as_str()), "{lang} {id}: {text}");
            }
        }
        for heading in [
            "Usage:",
            "Commands:",
            "Arguments:",
            "Options:",
            "Print help",
        ] {
            assert!(!all.contains(heading), "{lang}: {heading}");
        }
    }
}

/// Runs `sco-kg lookup` with `args` in the locale `env`: exit code, stdout, stderr.
fn lookup(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let args: Vec<&str> = std::iter::once("lookup")
        .chain(args.iter().copied())
        .collect();
    let out = sco_kg(&args, env);
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn lookup_applies_the_servers_caps_and_says_so_in_the_terminals_language() {
    use sco_kg::i18n::Lang;
    use sco_kg::lookup::check_query;

    // 60 KB of words, as the hostile client of the hardening issue sent to /api/lookup.
    let huge = "terrorism ".repeat(6_000);
    for (q, env, lang) in [
        (huge.as_str(), RU, Lang::Ru),
        ("   ", &[][..], Lang::En),
        ("RATS\u{1b}[2J", &[("LANG", "zh_CN.UTF-8")][..], Lang::Zh),
    ] {
        let (code, stdout, stderr) = lookup(&["--", q], env);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stdout.is_empty());
        let said = check_query(q).unwrap_err().message().in_lang(lang);
        assert!(stderr.contains(&said), "{stderr} should say {said}");
    }
    // Under the caps, a long name is found.
    let (code, stdout, stderr) =
        lookup(&["--lang", "en", "Unified Search Register of Persons"], &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let answer: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        answer["hits"][0]["iri"],
        "https://w3id.org/sco-kg/id/document/register-wanted-persons"
    );
}

/// The exit code and stderr of sco-kg run in the locale of `env`; nothing on stdout.
fn cli(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sco-kg"));
    command.args(args);
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    assert!(output.stdout.is_empty());
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_cli_speaks_the_terminals_language() {
    let bad_query = ["query", "SELEC * WHERE { ?s ?p ?o }"];
    let (code, english) = cli(&bad_query, &[]);
    assert_eq!(code, 2);
    assert!(
        english.starts_with("sco-kg: error: the query is not valid SPARQL 1.1: "),
        "{english}"
    );
    let (code, russian) = cli(&bad_query, &[("LANG", "ru_RU.UTF-8")]);
    assert_eq!(code, 2);
    assert!(
        russian.starts_with("sco-kg: ошибка: запрос не является корректным SPARQL 1.1: "),
        "{russian}"
    );
    // LC_ALL overrides LANG; LC_MESSAGES too.
    let (_, chinese) = cli(
        &bad_query,
        &[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")],
    );
    assert!(
        chinese.starts_with("sco-kg：错误：该查询不是有效的 SPARQL 1.1："),
        "{chinese}"
    );
    let (_, chinese) = cli(
        &bad_query,
        &[("LANG", "ru_RU.UTF-8"), ("LC_MESSAGES", "zh_CN")],
    );
    assert!(chinese.starts_with("sco-kg：错误："), "{chinese}");
    // The C locale is English.
    let (_, c) = cli(&bad_query, &[("LANG", "C.UTF-8")]);
    assert!(c.starts_with("sco-kg: error: "), "{c}");
    // An option's mistake names the option, in Russian.
    let (code, russian) = cli(
        &["lookup", "RATS", "--lang", "fr"],
        &[("LANG", "ru_RU.UTF-8")],
    );
    assert_eq!(code, 2);
    assert_eq!(
        russian.trim(),
        "sco-kg: ошибка: --lang «fr»: ожидается ru, en или zh"
    );
}

#[test]
fn a_bad_base_is_said_once_in_the_terminals_language() {
    let no_separator = ["export", "--base", "https://example.org/kg"];
    let (code, english) = cli(&no_separator, &[]);
    assert_eq!(code, 2);
    assert_eq!(
        english.trim(),
        "sco-kg: error: --base: \"https://example.org/kg\" must end with '/' or '#'"
    );
    let (_, russian) = cli(&no_separator, &[("LANG", "ru_RU.UTF-8")]);
    assert_eq!(
        russian.trim(),
        "sco-kg: ошибка: --base: \"https://example.org/kg\" должен оканчиваться на «/» или «#»"
    );
    let (_, chinese) = cli(&no_separator, &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(
        chinese.trim(),
        "sco-kg：错误：--base：\"https://example.org/kg\" 必须以“/”或“#”结尾"
    );
    let (code, not_an_iri) = cli(&["export", "--base", "no scheme/"], &[]);
    assert_eq!(code, 2);
    assert!(
        not_an_iri.starts_with("sco-kg: error: --base: \"no scheme/\" is not an absolute IRI: "),
        "{not_an_iri}"
    );
}
