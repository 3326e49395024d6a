//! The query workbench (`/query`): over HTTP (the page, its assets, the way there from
//! `/sparql`), then in headless Chromium driven through WebDriver (by fantoccini, see
//! `browser/`): examples loaded by a click and run by the Run button, their answers checked in
//! the table (against the answers read from the source in `data/examples/`) and in the charts
//! (the SVG text of ECharts), in Russian, English and Chinese, with screenshots written to
//! `target/screenshots/`; and a Cancel that really stops the query on the server, a timeout and
//! an overload, each explained to the user in the words of `locales/*/workbench.ftl`.

use std::path::PathBuf;
use std::time::Duration;

use crate::support::browser::{self, Client, CmdError};
use crate::support::*;
use reqwest::StatusCode;
use sco_kg::examples::{self, Example};
use sco_kg::i18n::{FluentArgs, Lang, Localizer};
use sco_kg::store::QueryOptions;
use serde_json::{json, Value};

const BROWSER_ACCEPT: &str =
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

/// How long a page, a query or a chart may take before the test calls it a hang.
const PATIENCE: Duration = Duration::from_secs(60);

fn localizer() -> Localizer {
    Localizer::embedded().expect("the locales load")
}

fn message(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, *value);
    }
    localizer().message(lang, id, Some(&fluent))
}

fn example(id: &str) -> Example {
    examples::all()
        .expect("the examples load")
        .into_iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no example {id}"))
}

/// The `skos:prefLabel` of a resource in a language, read from the graph.
fn pref_label(iri: &str, lang: Lang) -> String {
    let query = format!(
        "SELECT ?l WHERE {{ <{iri}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l \
         FILTER(LANGMATCHES(LANG(?l), \"{lang}\")) }}"
    );
    let answer = graph()
        .query(&query, &QueryOptions::default())
        .expect("the label query runs");
    examples::row_strings(&answer)
        .into_iter()
        .next()
        .and_then(|row| row.into_iter().next())
        .unwrap_or_else(|| panic!("no {lang} label of {iri}"))
}

fn screenshots() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("screenshots")
}

// ------------------------------------------------------------------------------------------
// Over HTTP

#[test]
fn the_workbench_page_lists_the_gallery_in_the_asked_language() {
    let server = start(config());
    let url = server.url();
    let all = examples::all().unwrap();
    assert_eq!(all.len(), 28);

    for (lang, tag) in [(Lang::Ru, "ru"), (Lang::En, "en"), (Lang::Zh, "zh-Hans")] {
        let response = client()
            .get(format!("{url}/query?lang={lang}"))
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(header(&response, "content-language").as_deref(), Some(tag));
        assert!(header(&response, "set-cookie")
            .unwrap()
            .starts_with(&format!("lang={lang}")));
        let html = response.text().unwrap();
        assert!(html.contains(&format!("<html lang=\"{tag}\">")));
        for id in ["wb-heading", "wb-run", "wb-cancel", "wb-view-network"] {
            let text = message(lang, id, &[]);
            assert!(html.contains(&text), "{lang}: {id} ({text})");
        }
        // Every example, by its title in the page's language, loadable from its link.
        for e in &all {
            assert!(
                html.contains(&maud::html! { (e.title(lang.as_str())) }.into_string()),
                "{lang}: the title of {}",
                e.id
            );
            assert!(html.contains(&format!(
                "href=\"{url}/query?lang={lang}&amp;example={}\"",
                e.id
            )));
        }
        // The scripts and styles come from this server, never another host.
        for src in html
            .split("src=\"")
            .skip(1)
            .chain(html.split("stylesheet\" href=\"").skip(1))
        {
            assert!(src.starts_with(&format!("{url}/assets/")), "{}", &src[..60]);
        }
    }

    // The cookie, then Accept-Language, as on every page.
    let by_cookie = client()
        .get(format!("{url}/query"))
        .header("Cookie", "lang=zh")
        .header("Accept-Language", "ru")
        .send()
        .unwrap();
    assert_eq!(
        header(&by_cookie, "content-language").as_deref(),
        Some("zh-Hans")
    );
    let by_header = client()
        .get(format!("{url}/query"))
        .header("Accept-Language", "ru-RU,ru;q=0.9")
        .send()
        .unwrap();
    assert_eq!(
        header(&by_header, "content-language").as_deref(),
        Some("ru")
    );
}

#[test]
fn an_example_named_in_the_url_is_preloaded_and_an_unknown_one_is_said_so() {
    let server = start(config());
    let url = server.url();
    let timeline = example("05-documents-by-year");
    let html = client()
        .get(format!("{url}/query?lang=ru&example=05-documents-by-year"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    // The query is in the editor's text area and the example is marked in the gallery.
    let escaped = maud::html! { (timeline.query) }.into_string();
    assert!(
        html.contains(&escaped),
        "the query of example 05 in the editor"
    );
    assert!(html.contains(
        "data-example=\"05-documents-by-year\" data-view=\"timeline\" aria-current=\"true\""
    ));
    assert!(html.contains(&maud::html! { (timeline.description("ru")) }.into_string()));
    // The language switch keeps the example.
    assert!(html.contains(&format!(
        "{url}/query?lang=zh&amp;example=05-documents-by-year"
    )));

    let missing = client()
        .get(format!("{url}/query?lang=en&example=no-such-example"))
        .send()
        .unwrap();
    assert_eq!(missing.status(), StatusCode::OK);
    let html = missing.text().unwrap();
    let said = message(Lang::En, "wb-unknown-example", &[("id", "no-such-example")]);
    assert!(
        html.contains(&maud::html! { (said) }.into_string()),
        "{said}"
    );

    // ?query= preloads any text, escaped.
    let html = client()
        .get(format!(
            "{url}/query?query={}",
            encode("ASK { ?s ?p \"</script>\" }")
        ))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(html.contains("ASK { ?s ?p &quot;&lt;/script&gt;&quot; }"));
    assert!(
        !html.contains("\"</script>\""),
        "the configuration must not end its element"
    );
}

#[test]
fn a_browser_opening_the_endpoint_is_sent_to_the_workbench() {
    let server = start(config());
    let url = server.url();
    let to = |accept: Option<&str>, query: &str| {
        let mut request = client().get(format!("{url}/sparql{query}"));
        if let Some(accept) = accept {
            request = request.header("Accept", accept);
        }
        request.send().unwrap()
    };
    let browser = to(Some(BROWSER_ACCEPT), "");
    assert_eq!(browser.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&browser, "location"), Some(format!("{url}/query")));
    assert!(header_values(&browser, "vary").contains(&"accept".to_string()));
    let with_lang = to(Some("text/html"), "?lang=zh");
    assert_eq!(
        header(&with_lang, "location"),
        Some(format!("{url}/query?lang=zh"))
    );
    // Other clients still get the service description; a query is still answered.
    for accept in [
        None,
        Some("*/*"),
        Some("text/turtle"),
        Some("text/html;q=0.5, text/turtle"),
    ] {
        let response = to(accept, "");
        assert_eq!(response.status(), StatusCode::OK, "{accept:?}");
        assert!(header(&response, "content-type")
            .unwrap()
            .starts_with("text/turtle"));
    }
    let answered = to(
        Some(BROWSER_ACCEPT),
        &format!("?query={}", encode("ASK {}")),
    );
    assert_eq!(answered.status(), StatusCode::OK);
    // The home page links to the workbench.
    let home = client()
        .get(format!("{url}/?lang=en"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(home.contains(&format!("href=\"{url}/query?lang=en\"")));
}

#[test]
fn the_assets_are_embedded_typed_cached_and_compressed() {
    let server = start(config());
    let url = server.url();
    let html = client()
        .get(format!("{url}/query?lang=en"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let hrefs: Vec<String> = html
        .split('"')
        .filter(|s| s.starts_with(&format!("{url}/assets/")))
        .map(|s| s.replace("&amp;", "&"))
        .collect();
    // First the stylesheet of every page (src/pages/style.css), then the workbench's own.
    let expected = [
        (sco_kg::pages::STYLESHEET_PATH, "text/css; charset=utf-8"),
        ("vendor/yasqe/yasqe.min.css", "text/css; charset=utf-8"),
        ("workbench.css", "text/css; charset=utf-8"),
        (
            "vendor/yasqe/yasqe.min.js",
            "text/javascript; charset=utf-8",
        ),
        (
            "vendor/echarts/echarts.min.js",
            "text/javascript; charset=utf-8",
        ),
        ("workbench.js", "text/javascript; charset=utf-8"),
    ];
    assert_eq!(hrefs.len(), expected.len(), "{hrefs:?}");
    for (href, (path, content_type)) in hrefs.iter().zip(expected) {
        assert!(
            href.starts_with(&format!("{url}/assets/{path}?v=")),
            "{href}"
        );
        let source = if path == sco_kg::pages::STYLESHEET_PATH {
            PathBuf::from("src/pages/style.css")
        } else {
            PathBuf::from("web").join(path)
        };
        let file = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(source)).unwrap();
        let response = client().get(href).send().unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{href}");
        assert_eq!(
            header(&response, "content-type").as_deref(),
            Some(content_type)
        );
        assert_eq!(
            header(&response, "cache-control").as_deref(),
            Some("public, max-age=31536000, immutable")
        );
        let etag = header(&response, "etag").expect("an ETag");
        assert_eq!(
            response.bytes().unwrap().as_ref(),
            &file[..],
            "{path} as in its source"
        );
        // Revalidation and compression.
        let again = client()
            .get(href)
            .header("If-None-Match", &etag)
            .send()
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        let gzipped = client()
            .get(href)
            .header("Accept-Encoding", "gzip")
            .send()
            .unwrap();
        assert_eq!(
            header(&gzipped, "content-encoding").as_deref(),
            Some("gzip")
        );
        assert!(
            gzipped.bytes().unwrap().len() < file.len() / 2,
            "{path} compresses"
        );
    }
    // The Russian page adds ECharts' Russian locale.
    let ru = client()
        .get(format!("{url}/query?lang=ru"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(ru.contains("/assets/vendor/echarts/langRU.js?v="));
    assert!(!html.contains("langRU.js"));
    // The licences travel with the libraries; other paths are not found.
    for path in [
        "vendor/yasqe/LICENSE",
        "vendor/echarts/LICENSE",
        "vendor/echarts/NOTICE",
    ] {
        let response = client().get(format!("{url}/assets/{path}")).send().unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            header(&response, "content-type").as_deref(),
            Some("text/plain; charset=utf-8")
        );
    }
    for path in [
        "/assets/nope.js",
        "/assets/",
        "/assets/vendor/yasqe",
        "/assets/web/workbench.js",
    ] {
        let response = client().get(format!("{url}{path}")).send().unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

// ------------------------------------------------------------------------------------------
// In the browser

async fn open_workbench(c: &Client, url: &str) -> Result<(), CmdError> {
    c.goto(url).await?;
    browser::wait_for(
        c,
        "the workbench to start",
        PATIENCE,
        "return document.querySelector('#workbench.ready') !== null",
        vec![],
    )
    .await?;
    Ok(())
}

/// Runs what the editor holds with the Run button; returns the view the answer is shown in.
async fn run(c: &Client) -> Result<String, CmdError> {
    browser::click(c, "#wb-run").await?;
    let view = browser::wait_for(
        c,
        "the answer",
        PATIENCE,
        "const w = document.getElementById('workbench'); \
         const out = document.getElementById('wb-output'); \
         return !w.classList.contains('busy') && out.children.length > 0 ? out.dataset.view : null",
        vec![],
    )
    .await?;
    Ok(view.as_str().unwrap().to_string())
}

/// The SVG text of the chart shown.
async fn chart_texts(c: &Client) -> Result<Vec<String>, CmdError> {
    browser::wait_for(
        c,
        "the chart's SVG",
        PATIENCE,
        "const t = Array.from(document.querySelectorAll('#wb-output svg text')).map(e => e.textContent); \
         return t.length > 0 ? t : null",
        vec![],
    )
    .await?;
    let value = c
        .execute(
            "return Array.from(document.querySelectorAll('#wb-output svg text')).map(e => e.textContent)",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(value).unwrap())
}

/// The table's rows as `expected` writes them: each cell's term (IRI, lexical form; "" unbound).
async fn table_rows(c: &Client) -> Result<Vec<Vec<String>>, CmdError> {
    browser::click(c, ".wb-view[data-view='table']").await?;
    let value = browser::wait_for(
        c,
        "the table",
        PATIENCE,
        "const rows = Array.from(document.querySelectorAll('#wb-output table tbody tr')); \
         return rows.length > 0 ? rows.map(tr => Array.from(tr.querySelectorAll('td')).slice(1) \
           .map(td => td.dataset.value === undefined ? '' : td.dataset.value)) : null",
        vec![],
    )
    .await?;
    Ok(serde_json::from_value(value).unwrap())
}

/// Clicks an example in the gallery and checks that the editor holds its query.
async fn load(c: &Client, example: &Example) -> Result<(), CmdError> {
    browser::click(c, &format!("a.example[data-example='{}']", example.id)).await?;
    let held = c
        .execute("return window.workbench.yasqe.getValue()", vec![])
        .await?;
    assert_eq!(held.as_str().unwrap().trim(), example.query.trim());
    let current = c
        .execute(
            "return document.querySelector('a.example[aria-current]').dataset.example",
            vec![],
        )
        .await?;
    assert_eq!(current, Value::String(example.id.clone()));
    Ok(())
}

async fn status(c: &Client) -> Result<String, CmdError> {
    let text = c
        .execute(
            "return document.getElementById('wb-status').textContent",
            vec![],
        )
        .await?;
    Ok(text.as_str().unwrap().to_string())
}

/// The "Rows: N · … ms" line up to the time, in `lang`.
fn rows_status(lang: Lang, rows: usize) -> String {
    let done = message(
        lang,
        "wb-status-done",
        &[("rows", "{rows}"), ("ms", "{ms}")],
    );
    done.split("{ms}")
        .next()
        .unwrap()
        .replace("{rows}", &rows.to_string())
}

#[test]
fn examples_run_and_render_in_three_languages() {
    let server = start(config());
    let url = server.url();
    browser::run(1440, 1700, |c| async move {
        let shots = screenshots();

        // English: measures per section as a bar chart, then as a table.
        let bar = example("01-measures-per-section");
        open_workbench(&c, &format!("{url}/query?lang=en")).await?;
        assert_eq!(
            c.execute(
                "return document.getElementById('wb-run').textContent",
                vec![]
            )
            .await?,
            Value::String(message(Lang::En, "wb-run", &[]))
        );
        load(&c, &bar).await?;
        assert_eq!(run(&c).await?, "bar");
        let said = status(&c).await?;
        assert!(said.starts_with(&rows_status(Lang::En, 8)), "{said}");
        let texts = chart_texts(&c).await?;
        for row in &bar.expected {
            // The section number labels its bar; the count is written at the bar's end.
            assert!(texts.contains(&row[0]), "section {} in {texts:?}", row[0]);
            assert!(texts.contains(&row[1]), "count {} in {texts:?}", row[1]);
        }
        assert_eq!(
            c.execute(
                "return document.querySelectorAll('#wb-output svg path[d]').length > 8",
                vec![]
            )
            .await?,
            Value::Bool(true),
            "eight bars drawn"
        );
        c.execute("window.scrollTo(0, 0)", vec![]).await?;
        browser::screenshot(&c, &shots.join("workbench-en.png")).await?;
        assert_eq!(table_rows(&c).await?, bar.expected);

        // Russian: the cited documents on a timeline, named in Russian.
        let dated = example("05-documents-by-year");
        open_workbench(&c, &format!("{url}/query?lang=ru")).await?;
        load(&c, &dated).await?;
        assert_eq!(run(&c).await?, "timeline");
        assert!(status(&c).await?.starts_with(&rows_status(Lang::Ru, 7)));
        let texts = chart_texts(&c).await?;
        for row in &dated.expected {
            let (date, document) = (&row[1], &row[2]);
            let name: String = pref_label(document, Lang::Ru).chars().take(24).collect();
            let start = format!("{date} — {name}");
            assert!(
                texts.iter().any(|t| t.starts_with(&start)),
                "{start} in {texts:?}"
            );
        }
        // The time axis is marked in years, from the first document's to the last's.
        let years: Vec<i32> = texts.iter().filter_map(|t| t.parse().ok()).collect();
        assert!(years.len() >= 3, "{texts:?}");
        assert!(years.iter().all(|y| (2005..=2020).contains(y)), "{years:?}");
        c.execute("window.scrollTo(0, 0)", vec![]).await?;
        browser::screenshot(&c, &shots.join("workbench-ru.png")).await?;
        assert_eq!(table_rows(&c).await?, dated.expected);
        // The table names resources by their Russian labels and links their pages.
        let link = c
            .execute(
                "const a = document.querySelector('#wb-output td[data-value$=\"agreement-culture-2007\"] a'); \
                 return [a.textContent, a.getAttribute('href')]",
                vec![],
            )
            .await?;
        assert_eq!(
            link,
            json!([
                pref_label(
                    "https://w3id.org/sco-kg/id/document/agreement-culture-2007",
                    Lang::Ru
                ),
                format!("{url}/page/document/agreement-culture-2007?lang=ru")
            ])
        );

        // Chinese: the network of co-execution, with the bodies named in Chinese.
        let network = example("21-co-execution-network");
        open_workbench(&c, &format!("{url}/query?lang=zh")).await?;
        load(&c, &network).await?;
        assert_eq!(run(&c).await?, "network");
        assert!(status(&c)
            .await?
            .starts_with(&rows_status(Lang::Zh, network.expected.len())));
        let texts = chart_texts(&c).await?;
        let bodies: std::collections::BTreeSet<&String> = network
            .expected
            .iter()
            .flat_map(|r| [&r[0], &r[1]])
            .collect();
        for body in &bodies {
            let name: String = pref_label(body, Lang::Zh).chars().take(10).collect();
            assert!(
                texts.iter().any(|t| t.starts_with(&name)),
                "{name} in {texts:?}"
            );
        }
        // Every pair is a link, weighted by the measures it shares (33 for the ministries and
        // the Secretariat).
        assert!(texts.contains(&"33".to_string()), "{texts:?}");
        assert_eq!(
            c.execute(
                "return document.querySelector('.wb-view[aria-selected=\"true\"]').textContent",
                vec![]
            )
            .await?,
            Value::String(message(Lang::Zh, "wb-view-network", &[]))
        );
        c.execute("window.scrollTo(0, 0)", vec![]).await?;
        browser::screenshot(&c, &shots.join("workbench-zh.png")).await?;
        assert_eq!(table_rows(&c).await?, network.expected);

        // A view that does not fit the answer cannot be chosen, and says why.
        assert_eq!(
            c.execute(
                "const b = document.querySelector('.wb-view[data-view=\"timeline\"]'); return [b.disabled, b.title]",
                vec![]
            )
            .await?,
            json!([true, message(Lang::Zh, "wb-unfit-timeline", &[])])
        );
        // No request left this server.
        let entries = c
            .execute(
                "return performance.getEntriesByType('resource').map(e => e.name)",
                vec![],
            )
            .await?;
        for entry in entries.as_array().unwrap() {
            assert!(entry.as_str().unwrap().starts_with(&url), "{entry}");
        }
        Ok(())
    });
}

#[test]
fn completion_offers_our_terms_and_entities_in_the_page_language() {
    let server = start(config());
    let url = server.url();
    browser::run(1280, 900, |c| async move {
        open_workbench(&c, &format!("{url}/query?lang=ru")).await?;
        let hints = |typed: String| {
            let c = c.clone();
            async move {
                c.execute(
                    "const y = window.workbench.yasqe; y.setValue('SELECT * WHERE {\\n  ?m a sco:Measure ;\\n     \\n}'); \
                     y.focus(); y.setCursor({line: 2, ch: 5});",
                    vec![],
                )
                .await?;
                browser::type_into(&c, ".CodeMirror textarea", &typed).await?;
                let value = browser::wait_for(
                    &c,
                    &format!("hints for {typed}"),
                    PATIENCE,
                    "const h = Array.from(document.querySelectorAll('.CodeMirror-hints li')).map(li => li.textContent); \
                     return h.length > 0 ? h : null",
                    vec![],
                )
                .await?;
                Ok::<Vec<String>, CmdError>(serde_json::from_value(value).unwrap())
            }
        };
        // A property of the ontology, by the start of its name or of its Russian label.
        let executor = pref_label_of_term("executor", Lang::Ru);
        let by_name = hints("sco:exec".into()).await?;
        assert!(
            by_name.iter().any(|h| h.starts_with("sco:executor")),
            "{by_name:?}"
        );
        assert!(by_name.iter().any(|h| h.contains(&executor)), "{by_name:?}");
        let by_label: String = executor.chars().take(5).collect();
        let found = hints(format!("sco:{by_label}")).await?;
        assert!(
            found.iter().any(|h| h.starts_with("sco:executor")),
            "{found:?}"
        );
        // An entity, through /api/lookup, labelled in Russian.
        let secretariat = pref_label("https://w3id.org/sco-kg/id/body/sco-secretariat", Lang::Ru);
        let word: String = secretariat.chars().take(6).collect();
        let entities = hints(format!("body:{word}")).await?;
        assert!(
            entities
                .iter()
                .any(|h| h.starts_with("body:sco-secretariat") && h.contains(&secretariat)),
            "{entities:?}"
        );
        // Nothing was asked of another host (prefix.cc, LOV).
        let entries = c
            .execute(
                "return performance.getEntriesByType('resource').map(e => e.name)",
                vec![],
            )
            .await?;
        let entries = entries.as_array().unwrap();
        assert!(entries
            .iter()
            .any(|e| e.as_str().unwrap().contains("/api/lookup?")));
        for entry in entries {
            assert!(entry.as_str().unwrap().starts_with(&url), "{entry}");
        }
        Ok(())
    });
}

/// The `rdfs:label` of an ontology term in a language, read from the ontology file.
fn pref_label_of_term(local: &str, lang: Lang) -> String {
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::Term;
    let ontology = sco_kg::data::ontology("sco-kg.ttl").unwrap();
    let subject = format!("https://w3id.org/sco-kg/ontology#{local}");
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ontology.contents.as_bytes())
        .map(|q| q.expect("the ontology parses"))
        .find_map(|q| match &q.object {
            Term::Literal(l)
                if q.subject.to_string() == format!("<{subject}>")
                    && q.predicate.as_str() == "http://www.w3.org/2000/01/rdf-schema#label"
                    && l.language() == Some(lang.as_str()) =>
            {
                Some(l.value().to_string())
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no {lang} label of sco:{local}"))
}

/// [`fresh_query`]'s status: 200 when a query slot is free, 503 with Retry-After when every
/// slot is taken. (Asynchronous: it runs beside the browser, in the test's runtime.)
async fn probe(url: &str) -> StatusCode {
    let query = fresh_query();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(120))
        .build()
        .expect("client");
    client
        .get(format!("{url}/sparql?query={}", encode(&query)))
        .send()
        .await
        .map(|r| r.status())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

async fn error_text(c: &Client) -> Result<String, CmdError> {
    let text = browser::wait_for(
        c,
        "a message in the error box",
        PATIENCE,
        "const e = document.getElementById('wb-error'); \
         return !e.hidden && e.textContent.length > 0 ? e.querySelector('p').textContent : null",
        vec![],
    )
    .await?;
    Ok(text.as_str().unwrap().to_string())
}

#[test]
fn cancel_stops_the_query_on_the_server_and_refusals_are_explained() {
    browser::run(1280, 900, |c| async move {
        // Cancel: the one slot is held by the slow query (a minute here), then freed within
        // seconds of the click, because the server stops a query whose client went away.
        let server = start(Config {
            timeout: Duration::from_secs(120),
            max_concurrent: 1,
            ..config()
        });
        let url = server.url();
        open_workbench(&c, &format!("{url}/query?lang=en")).await?;
        c.execute(
            "window.workbench.yasqe.setValue(arguments[0])",
            vec![json!(SLOW_QUERY)],
        )
        .await?;
        browser::click(&c, "#wb-run").await?;
        assert!(
            browser::eventually(PATIENCE, || async {
                // A probe may hold the slot when the page's query arrives: turned away (the
                // page shows an error), it is run again.
                let _ = c
                    .execute(
                        "const e = document.getElementById('wb-error'); \
                         if (!e.hidden && e.textContent.length > 0) \
                         { document.getElementById('wb-run').click(); }",
                        vec![],
                    )
                    .await;
                probe(&url).await == StatusCode::SERVICE_UNAVAILABLE
            })
            .await,
            "the slow query should hold the only slot"
        );
        assert_eq!(
            c.execute(
                "return document.getElementById('wb-cancel').disabled",
                vec![]
            )
            .await?,
            Value::Bool(false)
        );
        browser::click(&c, "#wb-cancel").await?;
        browser::wait_for(
            &c,
            "the cancelled status",
            PATIENCE,
            "return document.getElementById('wb-status').textContent === arguments[0]",
            vec![json!(message(Lang::En, "wb-cancelled", &[]))],
        )
        .await?;
        assert!(
            browser::eventually(Duration::from_secs(20), || async {
                probe(&url).await == StatusCode::OK
            })
            .await,
            "the server should have stopped the cancelled query and freed its slot"
        );
        assert_eq!(
            c.execute("return document.getElementById('wb-run').disabled", vec![])
                .await?,
            Value::Bool(false)
        );
        drop(server);

        // Overload: while another client's query holds the only slot, the server answers 503
        // with Retry-After, which the page explains with the seconds to wait.
        let server = start(Config {
            timeout: Duration::from_secs(60),
            max_concurrent: 1,
            ..config()
        });
        let url = server.url();
        open_workbench(&c, &format!("{url}/query?lang=zh")).await?;
        // Over a raw connection, so that closing it ends the query (the server cancels it).
        let mut holder = RawQuery::send(server.local_addr(), SLOW_QUERY);
        assert!(
            browser::eventually(PATIENCE, || {
                // A probe may hold the slot when the slow query arrives: turned away, it is
                // sent again.
                holder.resend_if_refused();
                async { probe(&url).await == StatusCode::SERVICE_UNAVAILABLE }
            })
            .await,
            "the other client's slow query should hold the only slot"
        );
        c.execute(
            "window.workbench.yasqe.setValue('SELECT * WHERE { ?s ?p ?o } LIMIT 1')",
            vec![],
        )
        .await?;
        browser::click(&c, "#wb-run").await?;
        let busy = message(Lang::Zh, "wb-error-busy", &[("seconds", "{seconds}")]).replace(
            "{seconds}",
            &sco_kg::server::RETRY_AFTER_SECONDS.to_string(),
        );
        assert_eq!(error_text(&c).await?, busy);
        drop(holder);
        drop(server);

        // Timeout: the page's own slow query is stopped after 3 s, and the page says so.
        let server = start(Config {
            timeout: Duration::from_secs(3),
            ..config()
        });
        let url = server.url();
        open_workbench(&c, &format!("{url}/query?lang=zh")).await?;
        c.execute(
            "window.workbench.yasqe.setValue(arguments[0])",
            vec![json!(SLOW_QUERY)],
        )
        .await?;
        browser::click(&c, "#wb-run").await?;
        let timeout = localizer().message(
            Lang::Zh,
            "wb-error-timeout",
            Some(&{
                let mut args = FluentArgs::new();
                args.set("seconds", 3.0);
                args
            }),
        );
        assert_eq!(error_text(&c).await?, timeout);
        Ok(())
    });
}

// ------------------------------------------------------------------------------------------
// Under the Content-Security-Policy

/// chromedriver's log of the browser's console since the last call (`POST /se/log`, its
/// extension of WebDriver): by default the entries at level SEVERE, which include every
/// Content-Security-Policy violation ("Refused to apply inline style …") and every script
/// error.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &reqwest::Url,
        session_id: Option<&str>,
    ) -> Result<reqwest::Url, <reqwest::Url as std::str::FromStr>::Err> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &reqwest::Url) -> (axum::http::Method, Option<String>) {
        (
            axum::http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

async fn console_entries(c: &Client) -> Result<Vec<Value>, CmdError> {
    let log = c.issue_cmd(BrowserLog).await?;
    Ok(log
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        // The browser asks for /favicon.ico by itself, and the service has none (its 404 is
        // the service's, no page's doing).
        .filter(|entry| {
            !(entry["source"] == "network"
                && entry["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("/favicon.ico ")))
        })
        .collect())
}

/// An answer whose IRIs a hostile query chose: script and data URLs (which must never become
/// links), a web page elsewhere and a resource of the graph (which must).
const HOSTILE_IRIS: &str = "SELECT ?x WHERE {\n  VALUES ?n { 1 2 3 4 5 }\n  \
     BIND(IF(?n = 1, IRI(\"javascript:alert(1)\"),\n       \
     IF(?n = 2, IRI(\"JavaScript:alert(document.domain)\"),\n       \
     IF(?n = 3, IRI(\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"),\n       \
     IF(?n = 4, <https://www.wikidata.org/wiki/Q11750>,\n       \
     <https://w3id.org/sco-kg/id/body/rats>)))) AS ?x)\n}\nORDER BY ?n";

#[test]
fn the_workbench_runs_under_its_policy_and_links_no_script_iri() {
    let server = start(config());
    let url = server.url();
    // The page is served with the policy the browser enforces below.
    let response = client().get(format!("{url}/query?lang=en")).send().unwrap();
    let policy = header(&response, "content-security-policy").unwrap();
    assert!(policy.contains("script-src 'self'") && policy.contains("style-src 'self'"));

    browser::run(1280, 900, |c| async move {
        // Preloaded by ?query= (the JSON of the page's settings holds it, escaped), run at once.
        open_workbench(
            &c,
            &format!("{url}/query?lang=en&query={}", encode(HOSTILE_IRIS)),
        )
        .await?;
        let held = c
            .execute("return window.workbench.yasqe.getValue()", vec![])
            .await?;
        assert_eq!(held.as_str().unwrap().trim(), HOSTILE_IRIS.trim());
        assert_eq!(run(&c).await?, "table");
        let cells = table_rows(&c).await?;
        assert_eq!(
            cells.iter().map(|row| row[0].as_str()).collect::<Vec<_>>(),
            [
                "javascript:alert(1)",
                "JavaScript:alert(document.domain)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "https://www.wikidata.org/wiki/Q11750",
                "https://w3id.org/sco-kg/id/body/rats",
            ]
        );
        // Every cell shows its IRI; only the web page and the resource are links.
        let links = c
            .execute(
                "return Array.from(document.querySelectorAll('#wb-output table tbody tr')) \
                   .map(tr => { const a = tr.querySelectorAll('td')[1].querySelector('a'); \
                                return a ? a.href : null; })",
                vec![],
            )
            .await?;
        assert_eq!(
            links,
            json!([
                null,
                null,
                null,
                "https://www.wikidata.org/wiki/Q11750",
                format!("{url}/page/body/rats?lang=en"),
            ])
        );
        let schemes = c
            .execute(
                "return Array.from(document.querySelectorAll('a[href]')) \
                   .map(a => new URL(a.href).protocol) \
                   .filter(p => p !== 'http:' && p !== 'https:')",
                vec![],
            )
            .await?;
        assert_eq!(schemes, json!([]), "links of other schemes in the page");
        let shown = c
            .execute(
                "return document.querySelector('#wb-output tbody tr td:nth-child(2)').textContent",
                vec![],
            )
            .await?;
        assert!(
            shown.as_str().unwrap().contains("javascript:alert(1)"),
            "{shown}"
        );

        // The three charts draw under the policy (ECharts' SVG, sized through the CSSOM).
        for (id, view) in [
            ("01-measures-per-section", "bar"),
            ("21-co-execution-network", "network"),
            ("05-documents-by-year", "timeline"),
        ] {
            load(&c, &example(id)).await?;
            assert_eq!(run(&c).await?, view, "{id}");
            assert!(!chart_texts(&c).await?.is_empty(), "{id}");
            let height = c
                .execute(
                    "return document.querySelector('#wb-output .wb-chart').getBoundingClientRect().height",
                    vec![],
                )
                .await?;
            assert!(height.as_f64().unwrap() >= 260.0, "{id}: {height}");
        }

        // The map draws under the policy too: our own SVG, a dot per place with a point, each
        // named, north up (Moscow above Qingdao), nothing fetched.
        load(&c, &example("28-places-on-the-map")).await?;
        assert_eq!(run(&c).await?, "map");
        let map = c
            .execute(
                "const svg = document.querySelector('#wb-output svg.wb-map'); \
                 const at = (name) => { const t = Array.from(svg.querySelectorAll('.wb-map-point')) \
                   .find(g => g.querySelector('text').textContent === name).querySelector('circle'); \
                   return [Number(t.getAttribute('cx')), Number(t.getAttribute('cy'))]; }; \
                 return { dots: svg.querySelectorAll('circle').length, \
                   links: svg.querySelectorAll('a.wb-map-point').length, \
                   moscow: at('Moscow'), qingdao: at('Qingdao'), \
                   height: svg.getBoundingClientRect().height }",
                vec![],
            )
            .await?;
        assert_eq!(map["dots"], json!(8), "{map}");
        assert_eq!(map["links"], json!(8), "{map}");
        let (moscow, qingdao) = (&map["moscow"], &map["qingdao"]);
        assert!(
            moscow[0].as_f64() < qingdao[0].as_f64() && moscow[1].as_f64() < qingdao[1].as_f64(),
            "Moscow is north-west of Qingdao: {map}"
        );
        assert!(map["height"].as_f64().unwrap() >= 200.0, "{map}");

        // And nothing was refused or failed on the way: no CSP violation, no script error.
        let entries = console_entries(&c).await?;
        assert!(
            entries.is_empty(),
            "the console: {}",
            serde_json::to_string_pretty(&entries).unwrap()
        );
        // The pages too, with their stylesheet applied (the accent colour of its links).
        for page in [
            "/?lang=zh",
            "/page/body/rats?lang=ru",
            "/page/place/qingdao?lang=en",
        ] {
            c.goto(&format!("{url}{page}")).await?;
            let accent = c
                .execute(
                    "return getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()",
                    vec![],
                )
                .await?;
            assert_eq!(accent, json!("#0a58a8"), "{page}: the stylesheet applies");
            if page.starts_with("/page/place/") {
                // The place's map is drawn by the stylesheet: its dot in the marked colour.
                let dot = c
                    .execute(
                        "return getComputedStyle(document.querySelector('figure.map .here circle')).fill",
                        vec![],
                    )
                    .await?;
                assert_eq!(dot, json!("rgb(194, 59, 59)"), "{page}");
            }
            let entries = console_entries(&c).await?;
            assert!(
                entries.is_empty(),
                "{page}: the console: {}",
                serde_json::to_string_pretty(&entries).unwrap()
            );
        }
        Ok(())
    });
}

// ------------------------------------------------------------------------------------------
// The pages' search box and the ontology's page, in the browser

#[test]
fn the_search_box_lands_on_the_results_page_and_terms_on_the_ontology_page() {
    let server = start(config());
    let url = server.url();
    browser::run(1280, 900, |c| async move {
        // A person types a name into the home page's search box and presses the button.
        c.goto(&format!("{url}/?lang=en")).await?;
        browser::type_into(&c, "form.search input[name=q]", "RATS").await?;
        browser::click(&c, "form.search button[type=submit]").await?;
        let first = browser::wait_for(
            &c,
            "the results page with bodies",
            PATIENCE,
            "return location.pathname === '/search' \
               && document.querySelector('section#body ol.hits li > a') \
               ? document.querySelector('section#body ol.hits li > a').href : null",
            vec![],
        )
        .await?;
        // The best hit is RATS, linked to its page in the page's language; the query is kept
        // in the box, and the matched words are marked (the stylesheet gives them a colour).
        assert_eq!(first, json!(format!("{url}/page/body/rats?lang=en")));
        let state = c
            .execute(
                "return { lang: document.documentElement.lang, \
                          query: document.querySelector('form.search input[name=q]').value, \
                          marks: Array.from(document.querySelectorAll('section#body mark')).map(m => m.textContent), \
                          marked: getComputedStyle(document.querySelector('mark')).backgroundColor }",
                vec![],
            )
            .await?;
        assert_eq!(state["lang"], "en");
        assert_eq!(state["query"], "RATS");
        assert!(
            state["marks"].as_array().unwrap().contains(&json!("RATS")),
            "{state}"
        );
        assert_ne!(state["marked"], "rgba(0, 0, 0, 0)", "{state}");
        // Following the hit opens the body's page.
        browser::click(&c, "section#body ol.hits li > a").await?;
        browser::wait_for(
            &c,
            "the page of RATS",
            PATIENCE,
            "return location.pathname === '/page/body/rats' && document.querySelector('h1') !== null",
            vec![],
        )
        .await?;

        // Its class links to the class's definition on the ontology's page, an HTML page for
        // the browser, scrolled to the term's anchor.
        browser::click(&c, "p.kind a").await?;
        let target = browser::wait_for(
            &c,
            "the ontology's page at sco:Body",
            PATIENCE,
            "const t = document.querySelector(':target'); \
             return location.pathname === '/ontology' && t ? t.id : null",
            vec![],
        )
        .await?;
        assert_eq!(target, json!("Body"));
        let content_type = c.execute("return document.contentType", vec![]).await?;
        assert_eq!(content_type, json!("text/html"));

        // Nothing was refused by the Content-Security-Policy, no script failed.
        let entries = console_entries(&c).await?;
        assert!(
            entries.is_empty(),
            "the console: {}",
            serde_json::to_string_pretty(&entries).unwrap()
        );
        Ok(())
    });
}
