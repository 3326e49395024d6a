//! The HTML pages over HTTP: language from ?lang=, the cookie, then Accept-Language; the 303
//! from /id/ lands on a page; unknown pages are 404.

use std::collections::BTreeMap;

use crate::support::*;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term};
use sco_kg::graph::ResourceKind;
use sco_kg::i18n::{FluentArgs, Lang, Localizer, Message};
use sco_kg::lookup::{check_query, MAX_QUERY_CHARS, MAX_QUERY_WORDS};
use sco_kg::store::QueryOptions;

/// What Chromium and Firefox send for a page.
const BROWSER_ACCEPT: &str =
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

#[test]
fn pages_follow_the_asked_language_and_remember_it() {
    let server = Local::new(config());
    let base = format!("http://{}", server.local_addr());
    let client = server.client();

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
    let server = Local::new(config());
    let base = format!("http://{}", server.local_addr());
    let client = server.client();
    let home = client.get(format!("{base}/?lang=en")).send().unwrap();
    assert_eq!(home.status(), 200);
    let html = home.text().unwrap();
    for section in ["Political interaction", "International cooperation"] {
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

fn assert_browser_headers(response: &Response, what: &str) {
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
    let server = Local::new(config());
    let base = format!("http://{}", server.local_addr());
    let client = server.client();
    let handler = regex::Regex::new(r"<[^>]*\son[a-z]+=").unwrap();
    for path in [
        "/",
        "/?lang=ru",
        "/page/body/rats",
        "/page/plan/2021-2025/measure/30?lang=zh",
        "/page/body/no-such-body",
        "/query",
        "/query?lang=en&example=05-documents-by-year",
        "/search?q=RATS",
        "/search?q=zzzzqqq&lang=zh",
        "/search?q=",
        "/ontology?lang=ru",
    ] {
        // As a browser asks (the ontology is HTML only for a client that prefers it).
        let response = client
            .get(format!("{base}{path}"))
            .header("Accept", BROWSER_ACCEPT)
            .send()
            .unwrap();
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
    let server = Local::new(config());
    let base = format!("http://{}", server.local_addr());
    let client = server.client();
    let nosniff = |response: &Response, what: &str| {
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
    let server = Local::new(config());
    let base = format!("http://{}", server.local_addr());
    let client = server.client();
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
    let server = Local::new(config());
    let base = format!("http://{}", server.local_addr());
    let client = server.client();
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

// ------------------------------------------------------------------------------------------
// Search and the ontology's page

fn localizer() -> &'static Localizer {
    static LOCALIZER: std::sync::OnceLock<Localizer> = std::sync::OnceLock::new();
    LOCALIZER.get_or_init(|| Localizer::embedded().expect("the locales load"))
}

/// A message of the pages in `lang`, escaped as the templates write text.
fn message(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, *value);
    }
    escaped(&localizer().message(lang, id, Some(&fluent)))
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The `skos:prefLabel` of a resource of the graph in `lang`.
fn pref_label(iri: &str, lang: Lang) -> String {
    let query = format!(
        "SELECT ?l WHERE {{ <{iri}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l \
         FILTER(LANG(?l) = \"{lang}\") }}"
    );
    let answer = graph()
        .query(&query, &QueryOptions::default())
        .expect("the label query runs");
    sco_kg::examples::row_strings(&answer)
        .into_iter()
        .next()
        .and_then(|row| row.into_iter().next())
        .unwrap_or_else(|| panic!("no {lang} label of {iri}"))
}

/// The part of a page from the element with `id` to the end of that element's section.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!(" id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element with id {id}"));
    let end = html[start..]
        .find("</section>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[test]
fn search_finds_rats_by_any_of_its_names_and_shows_it_in_the_page_language() {
    let server = Local::new(config());
    let base = format!("http://{}", server.local_addr());
    let client = server.client();
    let rats = "https://w3id.org/sco-kg/id/body/rats";
    // RATS is named РАТС in its Russian alternative labels, RATS in its English ones, and its
    // Chinese label holds 反恐 (data/registry/bodies.toml): each finds it, whatever the page's
    // language.
    for (query, lang) in [
        ("РАТС", Lang::En),
        ("RATS", Lang::Ru),
        ("反恐", Lang::Zh),
        ("RATS", Lang::Zh),
        ("反恐", Lang::En),
    ] {
        let what = format!("{query} in {lang}");
        let response = client
            .get(format!("{base}/search?q={}&lang={lang}", encode(query)))
            .send()
            .unwrap();
        assert_eq!(response.status(), 200, "{what}");
        assert_eq!(
            header(&response, "content-language").as_deref(),
            Some(lang.bcp47()),
            "{what}"
        );
        assert_browser_headers(&response, &what);
        let html = response.text().unwrap();
        assert!(html.contains(&format!("<html lang=\"{}\"", lang.bcp47())));
        // The query is in the search box, to change it.
        assert!(
            html.contains(&format!("name=\"q\" value=\"{query}\"")),
            "{what}"
        );
        // RATS is among the bodies, linked to its page in the page's language and named by
        // its label in that language.
        let bodies = section(&html, "body");
        assert!(
            bodies.contains(&message(lang, "search-type-body", &[])),
            "{what}: the bodies' heading"
        );
        let link = format!("href=\"{base}/page/body/rats?lang={lang}\"");
        let at = bodies
            .find(&link)
            .unwrap_or_else(|| panic!("{what}: no link to RATS among the bodies"));
        let label = escaped(&pref_label(rats, lang));
        assert!(
            bodies[at..].contains(&format!(">{label}</a>")),
            "{what}: the {lang} label of RATS"
        );
        // What matched, with the query marked.
        assert!(
            html.contains(&format!("<mark>{query}</mark>")),
            "{what}: the match marked"
        );
        // The heading says what was searched.
        assert!(html.contains(&message(lang, "search-found-heading", &[("query", query)])));
    }
}

#[test]
fn a_search_that_finds_nothing_helps_and_a_refused_one_says_why() {
    let server = Local::new(config());
    let base = format!("http://{}", server.local_addr());
    let client = server.client();

    let none = client
        .get(format!("{base}/search?q=zzzzqqq&lang=en"))
        .send()
        .unwrap();
    assert_eq!(none.status(), 200);
    let html = none.text().unwrap();
    assert!(html.contains(&message(
        Lang::En,
        "search-none-heading",
        &[("query", "zzzzqqq")]
    )));
    assert!(!html.contains("<ol class=\"hits\">"), "no list of hits");
    for tip in [
        "search-tip-spelling",
        "search-tip-language",
        "search-tip-sections",
        "search-tip-sparql",
    ] {
        assert!(html.contains(&message(Lang::En, tip, &[])), "{tip}");
    }
    // The ways on: the plan (its sections), the SPARQL workbench, in the page's language.
    assert!(html.contains(&format!("href=\"{base}/page/plan/2021-2025?lang=en\"")));
    assert!(html.contains(&format!("href=\"{base}/query?lang=en\"")));
    // Searched within one type: the way to search them all.
    let one_type = client
        .get(format!("{base}/search?q=zzzzqqq&type=place&lang=en"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(one_type.contains(&message(Lang::En, "search-tip-all-types", &[])));
    assert!(one_type.contains(&format!("href=\"{base}/search?lang=en&amp;q=zzzzqqq\"")));

    // Refused: an empty query, one past the lookup's caps, no query at all, an unknown type;
    // each says why in the words the lookup refuses it with.
    let long = "ж".repeat(MAX_QUERY_CHARS + 1);
    let many = vec!["ab"; MAX_QUERY_WORDS + 1].join(" ");
    let refusal = |q: &str| check_query(q).unwrap_err().message();
    for (target, reason) in [
        ("/search?q=&lang=en".to_string(), refusal("")),
        ("/search?q=%20%20&lang=en".into(), refusal("  ")),
        ("/search?lang=en".into(), refusal("")),
        (
            format!("/search?lang=en&q={}", encode(&long)),
            refusal(&long),
        ),
        (
            format!("/search?lang=en&q={}", encode(&many)),
            refusal(&many),
        ),
        (
            "/search?lang=en&q=RATS&type=bodies".into(),
            Message::new("api-error-lookup-type").arg(
                "detail",
                ResourceKind::parse_list("bodies").unwrap_err().to_string(),
            ),
        ),
    ] {
        let response = client.get(format!("{base}{target}")).send().unwrap();
        assert_eq!(response.status(), 400, "{target}");
        assert!(
            header(&response, "content-type")
                .unwrap()
                .starts_with("text/html"),
            "{target}: a page, not a plain-text error"
        );
        assert_eq!(header(&response, "etag"), None, "{target}");
        assert_browser_headers(&response, &target);
        let html = response.text().unwrap();
        assert!(
            html.contains(&message(Lang::En, "search-refused-heading", &[])),
            "{target}"
        );
        let reason = escaped(&reason.render(localizer(), Lang::En));
        assert!(html.contains(&reason), "{target}: {reason}");
        assert!(html.contains("<form class=\"search\""), "{target}");
        assert!(html.trim_end().ends_with("</html>"), "{target}");
    }
    // A refused query is shown back cut to the cap, not whole.
    let response = client
        .get(format!(
            "{base}/search?lang=en&q={}",
            encode(&"ж".repeat(5_000))
        ))
        .send()
        .unwrap();
    assert_eq!(response.status(), 400);
    assert!(
        response.text().unwrap().matches('ж').count() < 2 * sco_kg::lookup::MAX_QUERY_CHARS + 10
    );
}

#[test]
fn the_home_page_searches_with_the_results_page() {
    let server = Local::new(config());
    let base = format!("http://{}", server.local_addr());
    for lang in Lang::ALL {
        let html = server
            .client()
            .get(format!("{base}/?lang={lang}"))
            .send()
            .unwrap()
            .text()
            .unwrap();
        let form = html
            .split("<form class=\"search\"")
            .nth(1)
            .and_then(|rest| rest.split("</form>").next())
            .expect("the search form");
        assert!(
            form.contains(&format!("action=\"{base}/search\" method=\"get\"")),
            "{form}"
        );
        assert!(form.contains("name=\"q\""));
        assert!(form.contains(&format!("name=\"lang\" value=\"{lang}\"")));
        // The JSON lookup the services list links to answers that link.
        let lookup = html
            .split(&format!("href=\"{base}/api/lookup?"))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a link to the lookup API")
            .replace("&amp;", "&");
        let response = server
            .client()
            .get(format!("{base}/api/lookup?{lookup}"))
            .send()
            .unwrap();
        assert_eq!(response.status(), 200, "{lookup}");
        let answer: serde_json::Value = response.json().unwrap();
        assert!(!answer["hits"].as_array().unwrap().is_empty(), "{lookup}");
    }
}

/// The triples of `ontology/sco-kg.ttl`, read from the file.
fn ontology_triples() -> Vec<oxigraph::model::Triple> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/sco-kg.ttl"))
        .expect("the ontology file");
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(text.as_bytes())
        .map(|quad| quad.expect("the ontology parses").into())
        .collect()
}

/// The `rdfs:label` of a term of the ontology in `lang`.
fn term_label(local: &str, lang: Lang) -> String {
    let iri = format!("https://w3id.org/sco-kg/ontology#{local}");
    ontology_triples()
        .into_iter()
        .find_map(|t| match (&t.subject, t.predicate.as_str(), &t.object) {
            (
                NamedOrBlankNode::NamedNode(s),
                "http://www.w3.org/2000/01/rdf-schema#label",
                Term::Literal(l),
            ) if s.as_str() == iri && l.language() == Some(lang.as_str()) => {
                Some(l.value().to_string())
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no {lang} label of sco:{local}"))
}

/// The classes, properties and individuals `ontology/sco-kg.ttl` declares, by local name, with
/// the OWL type declaring each.
fn ontology_terms() -> BTreeMap<String, String> {
    let sco = "https://w3id.org/sco-kg/ontology#";
    let owl = "http://www.w3.org/2002/07/owl#";
    let mut terms = BTreeMap::new();
    for quad in ontology_triples() {
        let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&quad.subject, &quad.object)
        else {
            continue;
        };
        let Some(local) = s.as_str().strip_prefix(sco) else {
            continue;
        };
        if quad.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" {
            if let Some(
                kind @ ("Class" | "ObjectProperty" | "DatatypeProperty" | "NamedIndividual"),
            ) = o.as_str().strip_prefix(owl)
            {
                terms.insert(local.to_string(), kind.to_string());
            }
        }
    }
    terms
}

#[test]
fn the_ontology_is_a_page_for_browsers_and_rdf_for_everyone_else() {
    let server = Local::new(config());
    let base = format!("http://{}", server.local_addr());
    let client = server.client();
    let terms = ontology_terms();
    assert!(terms.len() > 60, "{} terms", terms.len());
    for term in ["Measure", "Body", "executor", "text", "AllMemberStates"] {
        assert!(terms.contains_key(term), "{term}");
    }

    // How often the graph uses each term: a class by its instances, a property by its triples.
    let (mut instances, mut uses) = (
        BTreeMap::<String, usize>::new(),
        BTreeMap::<String, usize>::new(),
    );
    for t in &graph().triples {
        *uses.entry(t.predicate.as_str().to_string()).or_default() += 1;
        if t.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" {
            if let Term::NamedNode(class) = &t.object {
                *instances.entry(class.as_str().to_string()).or_default() += 1;
            }
        }
    }

    let response = client
        .get(format!("{base}/ontology"))
        .header("Accept", BROWSER_ACCEPT)
        .header("Accept-Language", "zh-CN,zh;q=0.9")
        .send()
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(header(&response, "content-type")
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(
        header(&response, "content-language").as_deref(),
        Some("zh-Hans")
    );
    let vary = header_values(&response, "vary").join(", ");
    assert!(
        vary.contains("accept,") || vary.ends_with("accept"),
        "{vary}"
    );
    assert_browser_headers(&response, "/ontology");
    let html = response.text().unwrap();
    for (local, kind) in &terms {
        let part = section(&html, local);
        assert!(part.contains(&format!("sco:{local}")), "{local}");
        let iri = format!("https://w3id.org/sco-kg/ontology#{local}");
        let expected = match kind.as_str() {
            "Class" => instances.get(&iri).copied().unwrap_or(0),
            "ObjectProperty" | "DatatypeProperty" => uses.get(&iri).copied().unwrap_or(0),
            _ => continue,
        };
        assert!(
            part.contains(&format!("data-uses=\"{expected}\"")),
            "{local}: {expected} uses"
        );
    }
    // The plan has 139 measures.
    assert!(section(&html, "Measure").contains("data-uses=\"139\""));
    // Labels in the page's language (the ontology has them in zh), and the section's heading.
    for term in ["executor", "Measure", "AllMemberStates"] {
        let label = escaped(&term_label(term, Lang::Zh));
        assert!(
            section(&html, term).contains(&label),
            "the zh label of sco:{term}"
        );
    }
    // An example of use: a triple of the graph, linked to its subject's page.
    assert!(
        section(&html, "executor").contains(&format!("href=\"{base}/page/plan/2021-2025/measure/"))
    );

    // Every other client gets the RDF, as before the page existed.
    for accept in [None, Some("*/*"), Some("text/turtle"), Some("text/*")] {
        let mut request = client.get(format!("{base}/ontology"));
        if let Some(accept) = accept {
            request = request.header("Accept", accept);
        }
        let response = request.send().unwrap();
        assert_eq!(response.status(), 200, "{accept:?}");
        assert_eq!(
            header(&response, "content-type").as_deref(),
            Some("text/turtle; charset=utf-8"),
            "{accept:?}"
        );
        assert_eq!(
            response.bytes().unwrap().as_ref(),
            sco_kg::data::ontology("sco-kg.ttl")
                .unwrap()
                .contents
                .as_bytes()
        );
    }
    // Each syntax at a URL of its own, which the page links to.
    for (extension, content_type) in [
        ("ttl", "text/turtle; charset=utf-8"),
        ("nt", "application/n-triples"),
        ("rdf", "application/rdf+xml"),
        ("jsonld", "application/ld+json"),
    ] {
        assert!(html.contains(&format!("href=\"{base}/ontology.{extension}\"")));
        let response = client
            .get(format!("{base}/ontology.{extension}"))
            .header("Accept", BROWSER_ACCEPT)
            .send()
            .unwrap();
        assert_eq!(response.status(), 200, "{extension}");
        assert_eq!(
            header(&response, "content-type").as_deref(),
            Some(content_type)
        );
        let triples = parse_rdf(&response.bytes().unwrap(), rdf_format_of(content_type));
        assert!(triples.len() > 500, "{extension}: {}", triples.len());
    }

    // Pages link a resource's class and properties to their anchors on this page.
    let page = client
        .get(format!("{base}/page/body/rats?lang=en"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains(&format!("href=\"{base}/ontology?lang=en#Body\"")));
    assert!(page.contains(&format!("href=\"{base}/ontology?lang=en#executor\"")));
}
