//! The service's refusals in the reader's language: `?lang=`, then the `lang` cookie, then
//! Accept-Language, as for pages; English when nothing says otherwise. And the CLI's messages
//! in the terminal's language (LC_ALL, LC_MESSAGES, LANG).


use std::process::Command;

use reqwest::StatusCode;
use crate::support::{client, config, encode, header, start};

#[test]
fn a_syntax_error_is_explained_in_the_language_asked_for() {
    let server = start(config());
    let url = server.url();
    // "SELEC" is no keyword, at column 1 of line 1: the place is given in every language.
    let bad = format!(
        "{url}/sparql?query={}",
        encode("SELEC * WHERE { ?s ?p ?o }")
    );
    let cases = [
        (None, "en", "the query is not valid SPARQL 1.1: "),
        (
            Some("zh-CN,zh;q=0.9,en;q=0.5"),
            "zh-Hans",
            "该查询不是有效的 SPARQL 1.1：",
        ),
        (
            Some("ru-RU,ru;q=0.9"),
            "ru",
            "запрос не является корректным SPARQL 1.1: ",
        ),
        // Not a language of the service: English.
        (Some("fr-FR"), "en", "the query is not valid SPARQL 1.1: "),
    ];
    for (accept_language, content_language, start) in cases {
        let mut request = client().get(&bad);
        if let Some(value) = accept_language {
            request = request.header("Accept-Language", value);
        }
        let response = request.send().unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            header(&response, "content-language").as_deref(),
            Some(content_language)
        );
        assert!(header(&response, "content-type")
            .unwrap()
            .starts_with("text/plain"));
        let vary = crate::support::header_values(&response, "vary")
            .join(", ")
            .to_ascii_lowercase();
        assert!(vary.contains("accept-language"), "{vary}");
        let body = response.text().unwrap();
        assert!(body.starts_with(start), "{accept_language:?}: {body}");
        assert!(body.contains("`SELEC`"), "the word is named: {body}");
        assert!(
            body.contains("SELECT?") || body.contains("SELECT？"),
            "{body}"
        );
        assert!(
            body.ends_with("1 | SELEC * WHERE { ?s ?p ?o }\n  | ^\n"),
            "{body:?}"
        );
    }
}

#[test]
fn lang_parameter_and_cookie_choose_the_language_of_a_refusal() {
    let server = start(config());
    let url = server.url();
    // ?lang= wins over Accept-Language.
    let response = client()
        .get(format!("{url}/id/body/no-such-body?lang=ru"))
        .header("Accept", "text/turtle")
        .header("Accept-Language", "zh")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        response.text().unwrap().trim(),
        "ресурса <https://w3id.org/sco-kg/id/body/no-such-body> в этом графе нет"
    );
    // The cookie wins over Accept-Language.
    let response = client()
        .get(format!("{url}/no/such/route"))
        .header("Cookie", "theme=dark; lang=zh")
        .header("Accept-Language", "ru")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.text().unwrap().trim(), "/no/such/route 处没有内容");
    // The lookup API's own refusals too.
    let response = client()
        .get(format!("{url}/api/lookup?q=RATS&limit=many"))
        .header("Accept-Language", "ru")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.text().unwrap().trim(),
        "limit «many»: ожидается целое число"
    );
}

#[test]
fn an_unknown_page_is_a_localised_html_404() {
    let server = start(config());
    let url = server.url();
    for (lang, heading) in [("ru", "Не найдено"), ("en", "Not found"), ("zh", "未找到")]
    {
        let response = client()
            .get(format!("{url}/page/measure/999?lang={lang}"))
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(header(&response, "content-type")
            .unwrap()
            .starts_with("text/html"));
        assert_eq!(
            header(&response, "cache-control").as_deref(),
            Some("no-store")
        );
        assert!(header(&response, "etag").is_none());
        let body = response.text().unwrap();
        assert!(body.contains(heading), "{lang}: {body}");
        // The way home, in the same language.
        assert!(
            body.contains(&format!("href=\"{url}/?lang={lang}\"")),
            "{lang}"
        );
    }
}

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
