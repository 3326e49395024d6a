//! The HTML pages over HTTP: language from ?lang=, the cookie, then Accept-Language; the 303
//! from /id/ lands on a page; unknown pages are 404.

mod server_common;

use server_common::*;

#[test]
fn pages_follow_the_asked_language_and_remember_it() {
    let server = start(config());
    let base = format!("http://{}", server.local_addr());
    let client = client();

    // ?lang= wins and sets the cookie.
    let page = client
        .get(format!("{base}/page/body/interbank-consortium?lang=zh"))
        .send()
        .unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(
        header(&page, "content-language").as_deref(),
        Some("zh-Hans")
    );
    assert!(header(&page, "set-cookie").unwrap().starts_with("lang=zh"));
    assert!(header_values(&page, "vary")
        .iter()
        .any(|v| v == "accept-language"));
    let html = page.text().unwrap();
    assert!(html.contains("lang=\"zh"), "no lang attribute");
    assert!(
        html.contains("上合组织银行联合体"),
        "the zh label of the Interbank Consortium"
    );
    // Measures 46, 49, 50 and 51 are executed by the Interbank Consortium.
    for n in [46, 49, 50, 51] {
        assert!(
            html.contains(&format!("/page/plan/2021-2025/measure/{n}")),
            "measure {n}"
        );
    }

    // The cookie, then Accept-Language.
    let by_cookie = client
        .get(format!("{base}/page/body/rats"))
        .header("Cookie", "lang=ru")
        .send()
        .unwrap();
    assert_eq!(
        header(&by_cookie, "content-language").as_deref(),
        Some("ru")
    );
    let by_header = client
        .get(format!("{base}/page/body/rats"))
        .header("Accept-Language", "en-GB,en;q=0.8")
        .send()
        .unwrap();
    assert_eq!(
        header(&by_header, "content-language").as_deref(),
        Some("en")
    );
}

#[test]
fn home_page_unknown_pages_and_the_way_from_id() {
    let server = start(config());
    let base = format!("http://{}", server.local_addr());
    let client = client();
    let home = client.get(format!("{base}/?lang=en")).send().unwrap();
    assert_eq!(home.status(), 200);
    let html = home.text().unwrap();
    for section in ["Political cooperation", "International cooperation"] {
        assert!(html.contains(section), "{section}");
    }
    assert!(html.contains("/sparql"));

    let missing = client
        .get(format!("{base}/page/body/no-such-body"))
        .send()
        .unwrap();
    assert_eq!(missing.status(), 404);

    let see_other = client
        .get(format!("{base}/id/plan/2021-2025/measure/30"))
        .header("Accept", "text/html")
        .send()
        .unwrap();
    assert_eq!(see_other.status(), 303);
    let location = header(&see_other, "location").unwrap();
    assert_eq!(location, format!("{base}/page/plan/2021-2025/measure/30"));
    let page = client
        .get(&location)
        .header("Accept-Language", "ru")
        .send()
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().unwrap().contains("от 16 июня 2009 года"));
}

/// The directives every HTML answer's Content-Security-Policy must hold: scripts, styles and
/// everything else from this server only, nothing inline, no framing, no `<base>`.
const POLICY: [&str; 7] = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
];

fn assert_browser_headers(response: &reqwest::blocking::Response, what: &str) {
    let policy = header(response, "content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no Content-Security-Policy"));
    let directives: Vec<&str> = policy.split(';').map(str::trim).collect();
    for directive in POLICY {
        assert!(
            directives.contains(&directive),
            "{what}: {directive} in {policy}"
        );
    }
    assert!(!policy.contains("unsafe-"), "{what}: {policy}");
    assert_eq!(
        header(response, "x-content-type-options").as_deref(),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(
        header(response, "referrer-policy").as_deref(),
        Some("strict-origin-when-cross-origin"),
        "{what}"
    );
    assert_eq!(
        header(response, "x-frame-options").as_deref(),
        Some("DENY"),
        "{what}"
    );
}

#[test]
fn html_answers_carry_the_security_headers_and_hold_nothing_inline() {
    let server = start(config());
    let base = format!("http://{}", server.local_addr());
    let client = client();
    let handler = regex::Regex::new(r"<[^>]*\son[a-z]+=").unwrap();
    for path in [
        "/",
        "/?lang=ru",
        "/page/body/rats",
        "/page/plan/2021-2025/measure/30?lang=zh",
        "/page/body/no-such-body",
        "/query",
        "/query?lang=en&example=05-documents-by-year",
    ] {
        let response = client.get(format!("{base}{path}")).send().unwrap();
        assert!(
            header(&response, "content-type")
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        assert_browser_headers(&response, path);
        let html = response.text().unwrap();
        // What the policy refuses is not used: no <style>, no style attribute, no script
        // other than files of /assets/ and the workbench's JSON settings.
        assert!(!html.contains("<style"), "{path}: a <style> element");
        assert!(!html.contains(" style="), "{path}: a style attribute");
        assert!(
            !handler.is_match(&html),
            "{path}: an event handler attribute"
        );
        for script in html.split("<script").skip(1) {
            let tag = &script[..script.find('>').unwrap()];
            assert!(
                tag.contains(&format!(" src=\"{base}/assets/"))
                    || tag.contains("type=\"application/json\""),
                "{path}: <script{tag}>"
            );
        }
        // The stylesheet every page links to is served, typed and not sniffed.
        let stylesheet = html
            .split("<link rel=\"stylesheet\" href=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("{path}: no stylesheet"))
            .replace("&amp;", "&");
        assert!(
            stylesheet.starts_with(&format!("{base}/assets/")),
            "{stylesheet}"
        );
        let css = client.get(&stylesheet).send().unwrap();
        assert_eq!(css.status(), 200, "{stylesheet}");
        assert_eq!(
            header(&css, "content-type").as_deref(),
            Some("text/css; charset=utf-8")
        );
        assert_eq!(
            header(&css, "x-content-type-options").as_deref(),
            Some("nosniff")
        );
        assert!(css.text().unwrap().contains("--accent"));
    }
}

#[test]
fn every_answer_says_nosniff() {
    let server = start(config());
    let base = format!("http://{}", server.local_addr());
    let client = client();
    let nosniff = |response: &reqwest::blocking::Response, what: &str| {
        assert_eq!(
            header(response, "x-content-type-options").as_deref(),
            Some("nosniff"),
            "{what}: {}",
            response.status()
        );
    };
    // The same GET /sparql three times: evaluated, answered from the answer cache, then
    // replayed whole by the response cache in front of the router.
    let ask = format!(
        "{base}/sparql?query={}",
        encode("ASK { ?s ?p \"<script>\" }")
    );
    for round in 0..3 {
        let response = client
            .get(&ask)
            .header("Accept", "application/sparql-results+json")
            .send()
            .unwrap();
        assert_eq!(response.status(), 200);
        nosniff(&response, &format!("GET /sparql, round {round}"));
        // Not HTML: no policy needed, none sent.
        assert_eq!(header(&response, "content-security-policy"), None);
    }
    let post = client
        .post(format!("{base}/sparql"))
        .header("Content-Type", "application/sparql-query")
        .header("Accept", "text/csv")
        .body("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
        .send()
        .unwrap();
    assert_eq!(post.status(), 200);
    nosniff(&post, "POST /sparql");
    // A refusal echoes the query's text: plain text, never sniffed as HTML.
    let refused = client
        .get(format!(
            "{base}/sparql?query={}",
            encode("<html><script>alert(1)</script>")
        ))
        .send()
        .unwrap();
    assert_eq!(refused.status(), 400);
    nosniff(&refused, "a refused query");
    for path in [
        "/sparql",
        "/api/lookup?q=RATS",
        "/api/lookup?q=",
        "/api/entity/body/rats",
        "/id/body/rats",
        "/dump/sco-kg.ttl",
        "/.well-known/void",
        "/no/such/route",
    ] {
        let response = client.get(format!("{base}{path}")).send().unwrap();
        nosniff(&response, path);
    }
}

#[test]
fn a_page_that_sets_the_cookie_is_never_publicly_cacheable() {
    let server = start(config());
    let base = format!("http://{}", server.local_addr());
    let client = client();
    for path in ["/?lang=zh", "/page/body/rats?lang=ru", "/query?lang=en"] {
        let response = client.get(format!("{base}{path}")).send().unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert!(header(&response, "set-cookie").is_some(), "{path}");
        let cache_control = header_values(&response, "cache-control").join(", ");
        assert!(cache_control.contains("private"), "{path}: {cache_control}");
        assert!(!cache_control.contains("public"), "{path}: {cache_control}");
        // Revalidated: the 304 says private too.
        let etag = header(&response, "etag").unwrap();
        let again = client
            .get(format!("{base}{path}"))
            .header("If-None-Match", etag)
            .send()
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        let cache_control = header_values(&again, "cache-control").join(", ");
        assert!(!cache_control.contains("public"), "{path}: {cache_control}");
    }
    // Without ?lang= no cookie is set, and shared caches may keep the page (it varies on the
    // cookie and Accept-Language).
    let shared = client.get(format!("{base}/page/body/rats")).send().unwrap();
    assert_eq!(header(&shared, "set-cookie"), None);
    assert!(header(&shared, "cache-control").unwrap().contains("public"));
}

/// The text of the workbench's `<script id="wb-config" type="application/json">`.
fn workbench_config(html: &str) -> &str {
    let open = "<script id=\"wb-config\" type=\"application/json\">";
    let start = html.find(open).expect("the settings element") + open.len();
    let end = start + html[start..].find("</script>").expect("its end");
    &html[start..end]
}

#[test]
fn the_workbench_settings_hold_no_markup_whatever_the_query() {
    let server = start(config());
    let base = format!("http://{}", server.local_addr());
    let client = client();
    for query in [
        "<!--<script>",
        "ASK { ?s ?p \"<!--<script></script>-->\" }",
        "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) } # </script><script>alert(1)</script>",
        "ASK {} # \u{2028}\u{2029}",
    ] {
        let response = client
            .get(format!("{base}/query?query={}", encode(query)))
            .send()
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_browser_headers(&response, query);
        let html = response.text().unwrap();
        let settings = workbench_config(&html);
        for raw in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(
                !settings.contains(raw),
                "{query:?}: {raw:?} in the settings"
            );
        }
        // The JSON reads back the query as sent, and the element ends where it should: the
        // page goes on to its footer and its end.
        let settings: serde_json::Value = serde_json::from_str(settings).unwrap();
        assert_eq!(settings["initial"]["query"], query);
        let after = &html[html.find(workbench_config(&html)).unwrap()..];
        assert!(
            after.contains("<footer>"),
            "{query:?}: the page after the settings"
        );
        assert!(html.trim_end().ends_with("</html>"));
    }
}
