//! Search beyond the relevance table, on the real graph: typos ranked by how many there are,
//! the marks of hits found through an expansion of `data/lookup/`, and the search boxes'
//! as-you-type suggestions on the search page (its HTML, and in headless Chromium). Expectations
//! from the registry (`data/registry/`), the translations and the source text.

use std::sync::OnceLock;
use std::time::Duration;

use crate::support::browser::{self, Client, CmdError, Locator};
use fantoccini::key::Key;
use serde_json::{json, Value};

use sco_kg::graph::Base;
use sco_kg::graph::ResourceKind;
use sco_kg::i18n::Localizer;
use sco_kg::lookup::{Lang, LookupIndex, LookupOptions, MatchKind};
use sco_kg::pages::{MarkedHit, Pages, Search};
use sco_kg::store::KnowledgeGraph;

const BASE: &str = "https://w3id.org/sco-kg/id/";

fn graph() -> &'static KnowledgeGraph {
    static GRAPH: OnceLock<KnowledgeGraph> = OnceLock::new();
    GRAPH.get_or_init(|| KnowledgeGraph::embedded(Base::default()).expect("the embedded graph"))
}

fn index() -> &'static LookupIndex {
    static INDEX: OnceLock<LookupIndex> = OnceLock::new();
    INDEX.get_or_init(|| LookupIndex::new(graph()))
}

fn search(q: &str, lang: Lang, types: Option<Vec<ResourceKind>>) -> Vec<sco_kg::lookup::Hit> {
    index().search(
        q,
        &LookupOptions {
            types,
            ..LookupOptions::new(lang)
        },
    )
}

/// The marked pieces of a text, each with its runs of white space made one space.
fn marked(q: &str, text: &str) -> Vec<String> {
    index()
        .highlight(q, text)
        .into_iter()
        .map(|r| text[r].split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn one_typo_ranks_above_two() {
    // "Tajkistan" is "Tajikistan" (data/registry/states.toml) with its second "i" left out: one
    // typo. It is two from "Pakistan" ("T" for "P", the "j" added), a shorter name, which would
    // come first were typos not counted.
    let hits = search("Tajkistan", Lang::En, Some(vec![ResourceKind::State]));
    let states: Vec<(&str, MatchKind)> = hits
        .iter()
        .map(|h| (h.label.as_str(), h.match_kind))
        .collect();
    assert_eq!(
        states,
        [
            ("Tajikistan", MatchKind::Fuzzy),
            ("Pakistan", MatchKind::Fuzzy)
        ]
    );
    assert!(hits[0].score > hits[1].score, "{hits:?}");
    // One typo from each, the other way round: "Pakistam" is one from "Pakistan" only.
    let hits = search("Pakistam", Lang::En, Some(vec![ResourceKind::State]));
    assert_eq!(hits[0].iri, format!("{BASE}state/pk"), "{hits:?}");
}

#[test]
fn hits_found_through_an_expansion_mark_what_it_stands_for() {
    // 上合秘书处: 上合 is the everyday short form of 上合组织 (data/lookup/zh-short-forms.toml); the
    // registry names the SCO Secretariat 上合组织秘书处. What matched is marked whole, though
    // the query as typed occurs nowhere in it.
    let hits = search("上合秘书处", Lang::Zh, None);
    let top = &hits[0];
    assert_eq!(top.iri, format!("{BASE}body/sco-secretariat"));
    assert_eq!(
        marked("上合秘书处", &top.matched.text),
        std::slice::from_ref(&top.matched.text)
    );

    // беспилотники (drones) finds measure 12, whose text in the source says "беспилотных
    // летательных аппаратов" (data/lookup/synonyms.toml): those three words are marked.
    let hits = search("беспилотники", Lang::Ru, Some(vec![ResourceKind::Measure]));
    let top = &hits[0];
    assert_eq!(top.number, Some(12));
    let marks = marked("беспилотники", &top.matched.text);
    assert!(
        marks
            .iter()
            .any(|m| m.contains("беспилотных летательных аппаратов")),
        "{marks:?} in {:?}",
        top.matched.text
    );

    // drones, in English: the translation of measure 12 says "unmanned aerial vehicles".
    let text = "Exchange of experience in countering the use of unmanned aerial vehicles (aircraft) for terrorist, separatist and extremist purposes.";
    assert_eq!(marked("drones", text), ["unmanned aerial vehicles"]);

    // ДС ШОС is the SCO Business Council (data/lookup/abbreviations.toml): its Russian name is
    // marked in the label.
    let label = "Деловой совет ШОС";
    assert_eq!(marked("ДС ШОС", label), [label]);
}

#[test]
fn the_search_page_loads_the_suggestions_with_what_they_need() {
    let pages = Pages::new(graph());
    let loc = Localizer::embedded().expect("the locales load");
    let hits: Vec<MarkedHit> = search("RATS", Lang::Zh, None)
        .into_iter()
        .map(|hit| MarkedHit {
            marks: index().highlight("RATS", &hit.matched.text),
            hit,
        })
        .collect();
    let found = Search::Found {
        query: "RATS".into(),
        types: None,
        hits,
        limit: 100,
    };
    for search in [
        found,
        Search::Refused {
            query: String::new(),
            types: String::new(),
            reason: sco_kg::i18n::Message::new("lookup-error-empty"),
        },
    ] {
        let html = pages.search(&loc, Lang::Zh, "http://example.org", &search);
        let script = html
            .split("<script ")
            .nth(1)
            .and_then(|s| s.split('>').next())
            .expect("a script");
        for attribute in [
            "defer",
            "src=\"http://example.org/assets/suggest.js?v=",
            "data-lookup=\"http://example.org/api/lookup\"",
            &format!("data-base=\"{BASE}\""),
            "data-pages=\"http://example.org/page/\"",
            "data-lang=\"zh\"",
            "data-label=\"搜索建议\"",
        ] {
            assert!(
                script.contains(attribute),
                "{attribute} in <script {script}>"
            );
        }
        // Only the one script, a file of this server: nothing inline.
        assert_eq!(html.matches("<script").count(), 1);
        assert!(html.contains("<form class=\"search\""));
    }
}

/// The suggestions under the search box once shown for what it holds (`arguments[0]`): the
/// text and href of each; else null.
const SUGGESTIONS: &str = "const input = document.querySelector('form.search input[name=q]');
    const list = document.querySelector('form.search ul[role=listbox]');
    if (input.value !== arguments[0] || !list || list.hidden || !list.children.length) return null;
    return Array.from(list.querySelectorAll('li[role=option] a'))
        .map(a => [a.textContent, a.getAttribute('href')]);";

/// Types `text` into the search box and waits for its suggestions: (text, href) of each.
async fn type_query(client: &Client, text: &str) -> Result<Vec<(String, String)>, CmdError> {
    let input = client
        .find(Locator::Css("form.search input[name=q]"))
        .await?;
    input.clear().await?;
    input.send_keys(text).await?;
    let shown = browser::wait_for(
        client,
        &format!("suggestions for {text}"),
        Duration::from_secs(20),
        SUGGESTIONS,
        vec![json!(text)],
    )
    .await?;
    let text_of = |v: &Value| v.as_str().unwrap_or_default().to_string();
    Ok(shown
        .as_array()
        .expect("a list")
        .iter()
        .map(|pair| (text_of(&pair[0]), text_of(&pair[1])))
        .collect())
}

#[test]
fn the_search_box_suggests_as_you_type_and_the_keyboard_opens_a_suggestion() {
    let server = crate::support::start(crate::support::config());
    let url = server.url();
    browser::run(1200, 900, move |client| async move {
        // English: "Tajkistan", a typo of Tajikistan (data/registry/states.toml), suggests it
        // first, a link to its page in the page's language.
        client.goto(&format!("{url}/search?q=RATS&lang=en")).await?;
        let shown = type_query(&client, "Tajkistan").await?;
        assert!(shown.len() <= 8, "{shown:?}");
        assert!(shown[0].0.starts_with("Tajikistan"), "{shown:?}");
        assert_eq!(shown[0].1, format!("{url}/page/state/tj?lang=en"));
        let input = client
            .find(Locator::Css("form.search input[name=q]"))
            .await?;
        assert_eq!(input.attr("aria-expanded").await?.as_deref(), Some("true"));
        // Down chooses the first; Enter opens its page.
        input.send_keys(&Key::Down).await?;
        let active = input
            .attr("aria-activedescendant")
            .await?
            .expect("an option chosen");
        let chosen = client
            .find(Locator::Css(&format!("#{active} a")))
            .await?
            .attr("href")
            .await?;
        assert_eq!(chosen.as_deref(), Some(shown[0].1.as_str()));
        input.send_keys(&Key::Enter).await?;
        let opened = browser::eventually(Duration::from_secs(20), || {
            let client = client.clone();
            let want = format!("{url}/page/state/tj?lang=en");
            async move { client.current_url().await.is_ok_and(|u| u.as_str() == want) }
        })
        .await;
        assert!(
            opened,
            "Enter opened {:?}",
            client.current_url().await?.as_str()
        );

        // Chinese: 上合秘书处, the everyday short name of the SCO Secretariat
        // (data/lookup/zh-short-forms.toml), suggests it with its Chinese name
        // (data/registry/bodies.toml); Escape closes the list, and Enter then searches.
        client.goto(&format!("{url}/search?q=RATS&lang=zh")).await?;
        let shown = type_query(&client, "上合秘书处").await?;
        assert!(shown[0].0.starts_with("上海合作组织秘书处"), "{shown:?}");
        assert_eq!(
            shown[0].1,
            format!("{url}/page/body/sco-secretariat?lang=zh")
        );
        let input = client
            .find(Locator::Css("form.search input[name=q]"))
            .await?;
        input.send_keys(&Key::Escape).await?;
        assert_eq!(input.attr("aria-expanded").await?.as_deref(), Some("false"));
        input.send_keys(&Key::Enter).await?;
        let searched = browser::eventually(Duration::from_secs(20), || {
            let client = client.clone();
            async move {
                client.current_url().await.is_ok_and(|u| {
                    u.path() == "/search"
                        && u.query()
                            .unwrap_or_default()
                            .contains("q=%E4%B8%8A%E5%90%88")
                })
            }
        })
        .await;
        assert!(
            searched,
            "Enter searched: {:?}",
            client.current_url().await?.as_str()
        );
        Ok(())
    });
}
