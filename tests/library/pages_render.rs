//! The HTML pages: every resource under the base renders in every language, with its label,
//! its language, no raw IRI where a label exists and no dangling internal link; and the
//! pages say what the source text says.

use std::collections::HashSet;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use sco_kg::graph::Base;
use sco_kg::graph::ResourceKind;
use sco_kg::i18n::{Lang, Localizer};
use sco_kg::pages::Pages;
use sco_kg::store::KnowledgeGraph;

const PUBLIC: &str = "http://127.0.0.1:8080";

struct Fixture {
    kg: &'static KnowledgeGraph,
    pages: Pages,
    loc: Localizer,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let kg = crate::support::embedded();
        let pages = Pages::new(kg);
        let loc = Localizer::embedded().expect("the locales load");
        Fixture { kg, pages, loc }
    })
}

fn iri(path: &str) -> String {
    format!("{}{path}", Base::default().as_str())
}

fn page(path: &str, lang: Lang) -> String {
    let f = fixture();
    f.pages
        .resource(&f.loc, lang, &iri(path), PUBLIC)
        .unwrap_or_else(|| panic!("no page for {path}"))
}

/// Escapes text as the templates do, to look for it in a page.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The text of a page: tags (and so attribute values) removed.
fn visible_text(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The part of a page from a heading to the next `<h2`.
fn section_after<'a>(html: &'a str, heading: &str) -> &'a str {
    let start = html
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading:?} in the page"));
    let rest = &html[start..];
    let end = rest[1..].find("<h2").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

fn link_to(path: &str, lang: Lang) -> String {
    format!("href=\"{PUBLIC}/page/{path}?lang={lang}\"")
}

#[test]
fn every_resource_renders_in_every_language_with_its_label() {
    let f = fixture();
    let iris = f.pages.iris();
    assert!(iris.len() > 450, "only {} resources", iris.len());
    let mut timings: Vec<(Duration, String)> = Vec::new();
    let started = Instant::now();
    for lang in Lang::ALL {
        for iri in iris {
            let t = Instant::now();
            let html = f
                .pages
                .resource(&f.loc, lang, iri, PUBLIC)
                .unwrap_or_else(|| panic!("no page for {iri}"));
            timings.push((t.elapsed(), format!("{lang} {iri}")));
            assert!(html.starts_with("<!DOCTYPE html>"), "{iri}");
            assert!(
                html.contains(&format!("<html lang=\"{}\">", lang.bcp47())),
                "{lang} {iri}"
            );
            let (label, _) = f
                .pages
                .label(iri, lang)
                .map(|(l, used)| (l.to_string(), used))
                .unwrap_or_else(|| {
                    assert_eq!(
                        f.pages.kind(iri),
                        Some(ResourceKind::SourceSpan),
                        "{iri} has no label"
                    );
                    (String::new(), lang)
                });
            assert!(
                html.contains(&format!("{}</", escaped(&label))) || label.is_empty(),
                "{lang} {iri}: the label {label:?} is not shown"
            );
            assert!(
                html.contains("type=\"text/turtle\""),
                "{iri}: no RDF alternate"
            );
        }
    }
    let total = started.elapsed();
    timings.sort();
    let n = timings.len();
    let p50 = timings[n / 2].0;
    let p99 = timings[n * 99 / 100].0;
    let (max, slowest) = timings.last().unwrap();
    println!("rendered {n} pages in {total:?}: p50 {p50:?}, p99 {p99:?}, max {max:?} ({slowest})");
    // Generous for an unoptimised build on a small machine; a release build is far faster.
    assert!(total < Duration::from_secs(60), "{total:?}");
}

#[test]
fn pages_and_localizer_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<Pages>();
    shared::<Localizer>();
    // Indexing is quick enough to do at start.
    let f = fixture();
    let started = Instant::now();
    let pages = Pages::new(f.kg);
    let elapsed = started.elapsed();
    println!("indexed {} resources in {elapsed:?}", pages.iris().len());
    assert_eq!(pages.iris(), f.pages.iris());
}

#[test]
fn unknown_iris_have_no_page() {
    let f = fixture();
    for unknown in [
        iri("body/no-such-body"),
        iri("plan/2021-2025/measure/140"),
        "https://example.org/body/rats".to_string(),
        "https://w3id.org/sco-kg/ontology#Measure".to_string(),
        String::new(),
    ] {
        assert!(
            f.pages
                .resource(&f.loc, Lang::En, &unknown, PUBLIC)
                .is_none(),
            "{unknown}"
        );
    }
    let missing = f.pages.not_found(&f.loc, Lang::Zh, PUBLIC, "body/<x>");
    assert!(missing.contains("body/&lt;x&gt;"));
    assert!(missing.contains("未找到"));
}

#[test]
fn no_raw_iri_is_shown_where_a_label_exists() {
    let f = fixture();
    let home: Vec<String> = Lang::ALL
        .iter()
        .map(|&l| f.pages.home(&f.loc, l, PUBLIC))
        .collect();
    for lang in Lang::ALL {
        for iri in f.pages.iris().iter() {
            let html = f.pages.resource(&f.loc, lang, iri, PUBLIC).unwrap();
            let text = visible_text(&html);
            for raw in [
                "https://w3id.org/sco-kg/",
                "http://www.wikidata.org/",
                PUBLIC,
            ] {
                assert!(
                    !text.contains(raw),
                    "{lang} {iri} shows a raw IRI: …{}…",
                    &text[text.find(raw).unwrap().saturating_sub(60)..][..120.min(text.len())]
                );
            }
        }
    }
    for html in &home {
        assert!(!visible_text(html).contains("https://w3id.org/sco-kg/"));
    }
}

#[test]
fn every_internal_link_leads_to_a_page() {
    let f = fixture();
    let known: HashSet<&str> = f.pages.iris().iter().map(String::as_str).collect();
    let prefix = format!("href=\"{PUBLIC}/page/");
    let mut checked = 0;
    let mut check = |html: &str, from: &str| {
        for piece in html.split(&prefix).skip(1) {
            let path = piece.split(['"', '?']).next().unwrap();
            assert!(
                known.contains(iri(path).as_str()),
                "{from} links to the unknown /page/{path}"
            );
            checked += 1;
        }
    };
    for iri in f.pages.iris() {
        check(
            &f.pages.resource(&f.loc, Lang::Zh, iri, PUBLIC).unwrap(),
            iri,
        );
    }
    check(&f.pages.home(&f.loc, Lang::Ru, PUBLIC), "home");
    assert!(checked > 10_000, "{checked}");
}

#[test]
fn the_language_switch_changes_the_words() {
    let f = fixture();
    let en = f.pages.home(&f.loc, Lang::En, PUBLIC);
    let ru = f.pages.home(&f.loc, Lang::Ru, PUBLIC);
    let zh = f.pages.home(&f.loc, Lang::Zh, PUBLIC);
    assert!(en.contains("<html lang=\"en\">") && en.contains(">Sections (8)<"));
    assert!(ru.contains("<html lang=\"ru\">") && ru.contains(">Разделы (8)<"));
    assert!(zh.contains("<html lang=\"zh-Hans\">") && zh.contains(">章节（8）<"));
    // Section titles come from the graph in the page's language.
    assert!(en.contains(">Security cooperation<"));
    assert!(ru.contains(">Сотрудничество в области безопасности<"));
    assert!(zh.contains(">安全合作<"));
    // The switch is on every page, with the current language marked.
    for html in [&en, &ru, &zh, &page("body/rats", Lang::Zh)] {
        for l in ["ru", "en", "zh"] {
            assert!(html.contains(&format!("?lang={l}\" hreflang=")), "{l}");
        }
        assert_eq!(html.matches("aria-current=\"true\"").count(), 1);
    }
    let rats_en = page("body/rats", Lang::En);
    let rats_ru = page("body/rats", Lang::Ru);
    assert!(rats_en.contains("Co-executors"));
    assert!(rats_ru.contains("Соисполнители"));
    assert!(!rats_ru.contains("Co-executors"));
    // Links keep the language.
    assert!(rats_ru.contains(&link_to("plan/2021-2025/measure/5", Lang::Ru)));
}

#[test]
fn the_home_page_lists_sections_bodies_documents_states_and_services() {
    let html = fixture().pages.home(&fixture().loc, Lang::En, PUBLIC);
    for section in 1..=8 {
        assert!(html.contains(&link_to(
            &format!("plan/2021-2025/section/{section}"),
            Lang::En
        )));
    }
    assert!(html.contains(&link_to("body/relevant-ministries", Lang::En)));
    assert!(html.contains(&link_to("body/rats", Lang::En)));
    assert!(html.contains(&link_to(
        "document/agreement-information-security-2009",
        Lang::En
    )));
    assert!(html.contains(&link_to("state/cn", Lang::En)));
    for route in [
        "/sparql\"",
        "/query?lang=en\"",
        "/dump/sco-kg.ttl\"",
        "/dump/sco-kg.nt\"",
        "/dump/sco-kg.jsonld\"",
        "/ontology\"",
        "/source\"",
        "/.well-known/void\"",
        "/search\"",
    ] {
        assert!(html.contains(&format!("{PUBLIC}{route}")), "{route}");
    }
    // The sections' counts add up to the plan's 139 measures.
    assert!(html.contains("139 measures"));
    // No external resources: no CDN; one script, this server's file, the search box's
    // suggestions (deferred, no inline code); the one stylesheet is this server's (a file,
    // not a <style> element, so that the server's Content-Security-Policy can refuse inline
    // styles), and it names the Chinese fonts.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains(&format!(
        "<script defer src=\"{PUBLIC}/assets/suggest.js?v="
    )));
    assert!(html.contains("></script>"));
    assert!(!html.contains("<style"));
    assert!(!html.contains(" style="));
    assert_eq!(html.matches("rel=\"stylesheet\"").count(), 1);
    assert!(html.contains(&format!(
        "<link rel=\"stylesheet\" href=\"{PUBLIC}/assets/{}?v={}\">",
        sco_kg::pages::STYLESHEET_PATH,
        sco_kg::pages::stylesheet_tag()
    )));
    assert!(sco_kg::pages::STYLESHEET.contains("Noto Sans CJK SC"));
}

#[test]
fn the_interbank_consortium_executes_measures_46_49_50_51() {
    let html = page("body/interbank-consortium", Lang::En);
    let executes = section_after(&html, "Measures it executes");
    for m in [46, 49, 50, 51] {
        assert!(
            executes.contains(&link_to(&format!("plan/2021-2025/measure/{m}"), Lang::En)),
            "measure {m}"
        );
    }
    assert_eq!(executes.matches("<li>").count(), 4);
    assert!(executes.contains("(4)"));
}

#[test]
fn rats_lists_its_co_executors_with_counts() {
    let html = page("body/rats", Lang::En);
    let co = section_after(&html, "Co-executors");
    // Measures 5–20 and 24 are executed by the competent authorities and RATS together.
    let competent = link_to("body/competent-authorities", Lang::En);
    assert!(co.contains(&competent));
    assert!(co.contains(&link_to("body/sco-secretariat", Lang::En)));
    let row = &co[co.find(&competent).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("17 measures"), "{row}");
    // Most shared first.
    let first_row = co.find("<tbody>").map(|i| &co[i..]).unwrap();
    assert!(first_row[..first_row.find("</tr>").unwrap()].contains(&competent));
}

#[test]
fn measure_30_shows_the_agreement_of_16_june_2009() {
    let en = page("plan/2021-2025/measure/30", Lang::En);
    let doc = link_to("document/agreement-information-security-2009", Lang::En);
    assert!(en.contains(&doc));
    // The text in English, marked as an unofficial translation, and the Russian beside it.
    assert!(en.contains("of 16 June 2009"));
    assert!(en.contains("Unofficial English translation"));
    assert!(en.contains("Authoritative Russian text"));
    assert!(en.contains("от 16 июня 2009 года"));
    assert!(en.contains(&link_to("plan/2021-2025/section/2", Lang::En)));
    assert!(en.contains(&link_to("body/relevant-ministries", Lang::En)));
    assert!(en.contains(">All member states<"));
    for state in ["cn", "in", "kz", "kg", "pk", "ru", "tj", "uz"] {
        assert!(en.contains(&link_to(&format!("state/{state}"), Lang::En)));
    }
    // Its source lines, linked to /source.
    assert!(en.contains(&format!("{PUBLIC}/source#line=")));
    assert!(en.contains("Реализация Соглашения между правительствами государств-членов"));

    let zh = page("plan/2021-2025/measure/30", Lang::Zh);
    assert!(zh.contains("2009年6月16日"));
    assert!(zh.contains("非官方中文译文"));
    assert!(zh.contains("от 16 июня 2009 года"));
    let ru = page("plan/2021-2025/measure/30", Lang::Ru);
    assert!(!ru.contains("Authoritative") && !ru.contains("Определяющий русский текст"));
    assert!(ru.contains("от 16 июня 2009 года."));
}

#[test]
fn the_agreement_of_2009_lists_measure_30_as_citing_it() {
    let html = page("document/agreement-information-security-2009", Lang::En);
    let citing = section_after(&html, "Measures citing this document");
    assert!(citing.contains(&link_to("plan/2021-2025/measure/30", Lang::En)));
    assert!(html.contains(">16 June 2009<"));
    assert!(html.contains(">Agreement<"));
    assert!(html.contains(">In force<"));
    let ru = page("document/agreement-information-security-2009", Lang::Ru);
    assert!(ru.contains(">16 июня 2009 г.<"));
}

#[test]
fn measure_pages_show_scope_executors_and_mentions() {
    // Measure 48: named states (the initiative "One Belt, One Road" of China).
    let html = page("plan/2021-2025/measure/48", Lang::En);
    assert!(html.contains(">Named member states<"));
    assert!(!html.contains(&link_to("state/in", Lang::En)));
    assert!(html.contains(&link_to("state/kz", Lang::En)));
    // Measure 94: "interested member states" (the only one).
    let html = page("plan/2021-2025/measure/94", Lang::En);
    assert!(html.contains(">Interested member states<"));
    assert!(html.contains("заинтересованные государства-члены"));
    assert!(html.contains(&link_to("state/kg", Lang::En)));
}

#[test]
fn fallback_labels_are_marked() {
    // The signatories' offices have English and Chinese translations (data/translations);
    // in a graph built from translations that leave them out, they exist in Russian only.
    let mut linked = sco_kg::link::embedded().unwrap();
    for t in linked.translations.by_language.values_mut() {
        t.decision.signatories.clear();
    }
    let kg = KnowledgeGraph::new(
        linked,
        String::from_utf8(sco_kg::data::source().to_vec()).unwrap(),
        Base::default(),
    )
    .unwrap();
    let pages = Pages::new(&kg);
    let loc = &fixture().loc;
    let path = iri("decision/2020/1/signatory/1");
    let html = pages.resource(loc, Lang::En, &path, PUBLIC).unwrap();
    assert!(html.contains("class=\"fallback\""));
    assert!(html.contains("in Russian"));
    let ru = pages.resource(loc, Lang::Ru, &path, PUBLIC).unwrap();
    assert!(!ru.contains("class=\"fallback\""));
    // On the graph itself the office is in English: no fallback.
    let html = page("decision/2020/1/signatory/1", Lang::En);
    assert!(!html.contains("class=\"fallback\""));
    assert!(html.contains("Prime Minister"));
}

#[test]
fn every_page_lists_inbound_and_outbound_links() {
    let f = fixture();
    for lang in Lang::ALL {
        for iri in f.pages.iris() {
            let html = f.pages.resource(&f.loc, lang, iri, PUBLIC).unwrap();
            assert!(html.contains("id=\"links\""), "{iri}");
            assert!(html.contains("id=\"referenced-by\""), "{iri}");
        }
    }
    let state = page("state/kz", Lang::En);
    let inbound = section_after(&state, "id=\"referenced-by\"");
    assert!(inbound.contains(&link_to("plan/2021-2025/measure/48", Lang::En)));
    assert!(inbound.contains(&link_to("decision/2020/1/signatory/3", Lang::En)));
}

#[test]
fn the_plan_and_decision_pages_show_texts_signatories_and_sections() {
    let plan = page("plan/2021-2025", Lang::En);
    assert!(plan.contains("Preamble"));
    for s in 1..=8 {
        assert!(plan.contains(&link_to(&format!("plan/2021-2025/section/{s}"), Lang::En)));
    }
    let decision = page("decision/2020/1", Lang::Zh);
    assert!(decision.contains("2020年11月10日"));
    for n in 1..=8 {
        assert!(decision.contains(&link_to(
            &format!("decision/2020/1/signatory/{n}"),
            Lang::Zh
        )));
    }
    assert!(decision.contains(&link_to("place/moscow", Lang::Zh)));
    assert!(decision.contains(&link_to("body/council-of-heads-of-state", Lang::Zh)));
    // The text in Chinese, marked as a translation, with the authoritative Russian.
    assert!(decision.contains("俄文准据文本"));
    assert!(decision.contains("Совет глав государств-членов"));
}
