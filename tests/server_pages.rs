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
