//! The service's refusals in the reader's language: `?lang=`, then the `lang` cookie, then
//! Accept-Language, as for pages; English when nothing says otherwise. (The CLI's messages in
//! the terminal's language are tested in tests/process/cli_messages.rs.) In-process, through
//! the router: no connection is under test.

use reqwest::StatusCode;

use crate::support::{config, encode, get, in_process, oneshot, IN_PROCESS_URL};

#[test]
fn a_syntax_error_is_explained_in_the_language_asked_for() {
    let server = in_process(config());
    // "SELEC" is no keyword, at column 1 of line 1: the place is given in every language.
    let bad = format!("/sparql?query={}", encode("SELEC * WHERE { ?s ?p ?o }"));
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
        let headers: Vec<(&str, &str)> = accept_language
            .map(|value| ("Accept-Language", value))
            .into_iter()
            .collect();
        let response = oneshot(&server, get(&bad, &headers));
        assert_eq!(response.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            response.header("content-language").as_deref(),
            Some(content_language)
        );
        assert!(response
            .header("content-type")
            .unwrap()
            .starts_with("text/plain"));
        let vary = response
            .header_values("vary")
            .join(", ")
            .to_ascii_lowercase();
        assert!(vary.contains("accept-language"), "{vary}");
        let body = response.text();
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
    let server = in_process(config());
    // ?lang= wins over Accept-Language.
    let response = oneshot(
        &server,
        get(
            "/id/body/no-such-body?lang=ru",
            &[("Accept", "text/turtle"), ("Accept-Language", "zh")],
        ),
    );
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(
        response.text().trim(),
        "ресурса <https://w3id.org/sco-kg/id/body/no-such-body> в этом графе нет"
    );
    // The cookie wins over Accept-Language.
    let response = oneshot(
        &server,
        get(
            "/no/such/route",
            &[("Cookie", "theme=dark; lang=zh"), ("Accept-Language", "ru")],
        ),
    );
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(response.text().trim(), "/no/such/route 处没有内容");
    // The lookup API's own refusals too.
    let response = oneshot(
        &server,
        get(
            "/api/lookup?q=RATS&limit=many",
            &[("Accept-Language", "ru")],
        ),
    );
    assert_eq!(response.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        response.text().trim(),
        "limit «many»: ожидается целое число"
    );
}

#[test]
fn an_unknown_page_is_a_localised_html_404() {
    let server = in_process(config());
    let url = IN_PROCESS_URL;
    for (lang, heading) in [("ru", "Не найдено"), ("en", "Not found"), ("zh", "未找到")]
    {
        let response = oneshot(&server, get(&format!("/page/measure/999?lang={lang}"), &[]));
        assert_eq!(response.status, StatusCode::NOT_FOUND);
        assert!(response
            .header("content-type")
            .unwrap()
            .starts_with("text/html"));
        assert_eq!(
            response.header("cache-control").as_deref(),
            Some("no-store")
        );
        assert!(response.header("etag").is_none());
        let body = response.text();
        assert!(body.contains(heading), "{lang}: {body}");
        // The way home, in the same language.
        assert!(
            body.contains(&format!("href=\"{url}/?lang={lang}\"")),
            "{lang}"
        );
    }
}
