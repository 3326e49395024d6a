//! The service's refusals in the reader's language: `?lang=`, then the `lang` cookie, then
//! Accept-Language, as for pages; English when nothing says otherwise. (The CLI's messages in
//! the terminal's language are tested in tests/process/cli_messages.rs.)

use crate::support::{client, config, encode, header, start};
use reqwest::StatusCode;

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
