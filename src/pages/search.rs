//! The search results page (`/search?q=…&type=…`): what the home page's search box shows a
//! person, where `/api/lookup` gives a program JSON. The hits are the lookup's
//! ([`crate::lookup::LookupIndex::search`]), grouped by its types in its order of types, each
//! with its label (in the page's language or the lookup's fallback), the label, alias or text
//! that matched with the matched words marked, and how it matched. A search that finds nothing
//! says what to try next; a query the lookup refuses (empty, too long) says why.

use std::ops::Range;
use std::sync::OnceLock;

use maud::{html, Markup};
use sha2::{Digest, Sha256};

use super::index::Pages;
use super::layout::{page, Route};
use super::render::Cx;
use crate::graph::ResourceKind;
use crate::i18n::{Lang, Localizer, Message};
use crate::lookup::{Field, Hit, MatchKind, MAX_QUERY_CHARS, MAX_QUERY_WORDS};
use crate::t;

/// A hit with the byte ranges of its matched text to mark
/// ([`crate::lookup::LookupIndex::highlight`]).
#[derive(Debug, Clone)]
pub struct MarkedHit {
    /// The lookup's hit.
    pub hit: Hit,
    /// Byte ranges of `hit.matched.text` to mark, in order, without overlap.
    pub marks: Vec<Range<usize>>,
}

/// What a search page shows.
#[derive(Debug, Clone)]
pub enum Search {
    /// The query was looked up: its hits, best first, at most `limit` of them.
    Found {
        /// The query as looked up (trimmed).
        query: String,
        /// The types asked for; `None` for all.
        types: Option<Vec<ResourceKind>>,
        /// The hits, best first.
        hits: Vec<MarkedHit>,
        /// The most hits asked for: as many hits as this means there may be more.
        limit: usize,
    },
    /// The query was not looked up, and why (a refusal of the lookup, an unknown type), in no
    /// language yet. `query` and `types` are the parameters as sent, to fill the form again.
    Refused {
        /// `q` as sent.
        query: String,
        /// `type` as sent (comma-separated).
        types: String,
        /// Why the query was not looked up.
        reason: Message,
    },
}

impl Pages {
    /// The page of a search (sent with status 400 when it is [`Search::Refused`]).
    pub fn search(&self, loc: &Localizer, lang: Lang, public_url: &str, search: &Search) -> String {
        render(&Cx::new(self, loc, lang, public_url), search)
    }
}

/// The heading of a type's group (and its option in the form).
fn type_name(cx: &Cx, kind: ResourceKind) -> String {
    kind.message()
        .map_or_else(String::new, |m| m.render(cx.loc, cx.lang))
}

fn match_name(cx: &Cx, kind: MatchKind) -> String {
    match kind {
        MatchKind::Exact => t!(cx, "search-match-exact"),
        MatchKind::Prefix => t!(cx, "search-match-prefix"),
        MatchKind::Fuzzy => t!(cx, "search-match-fuzzy"),
        MatchKind::Text => t!(cx, "search-match-text"),
    }
}

fn field_name(cx: &Cx, field: Field) -> String {
    match field {
        Field::PrefLabel => t!(cx, "search-field-preflabel"),
        Field::AltLabel => t!(cx, "search-field-altlabel"),
        Field::Text => t!(cx, "search-field-text"),
        Field::Number => t!(cx, "search-field-number"),
    }
}

/// At most `max` characters of a query as sent, to show it back: a refused query may be
/// kilobytes long.
fn shown_query(query: &str, max: usize) -> String {
    match query.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &query[..cut]),
        None => query.to_string(),
    }
}

/// `text` with the byte ranges `marks` in `<mark>`; ranges that are not on character
/// boundaries of `text` are left unmarked rather than cut a character.
fn marked(text: &str, marks: &[Range<usize>]) -> Markup {
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for range in marks {
        if range.start < at {
            continue;
        }
        let (Some(before), Some(inside)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        pieces.push((before, false));
        pieces.push((inside, true));
        at = range.end;
    }
    pieces.push((&text[at..], false));
    html! {
        @for (piece, mark) in pieces {
            @if mark { mark { (piece) } } @else { (piece) }
        }
    }
}

/// The script of the search boxes' as-you-type suggestions, a file of `web/` served under
/// `/assets/`.
const SUGGEST_SCRIPT: &str = "suggest.js";

/// The `?v=` of [`SUGGEST_SCRIPT`]'s URL: the first 12 hex digits of the SHA-256 of its
/// contents, so that the URL changes with them and browsers may keep each for a year.
fn suggest_tag() -> &'static str {
    static TAG: OnceLock<String> = OnceLock::new();
    TAG.get_or_init(|| {
        let contents = crate::data::web_files()
            .into_iter()
            .find(|(path, _)| path == SUGGEST_SCRIPT)
            .map(|(_, contents)| contents)
            .unwrap_or_default();
        Sha256::digest(contents)[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    })
}

/// The script that suggests entities as a person types in the page's search box (`form.search`:
/// the home page's and this page's), with what it needs on its own element: the lookup's URL,
/// the base of the IRIs and where their pages are, the page's language, the list's name. A
/// file, not an inline script, which the pages' Content-Security-Policy refuses.
pub(crate) fn suggest_script(cx: &Cx) -> Markup {
    html! {
        script defer src=(cx.route(&format!("/assets/{SUGGEST_SCRIPT}?v={}", suggest_tag())))
            data-lookup=(cx.route("/api/lookup")) data-base=(cx.p.base()) data-pages=(cx.route("/page/"))
            data-lang=(cx.lang.as_str()) data-label=(t!(cx, "search-suggestions-label")) {}
    }
}

/// The query string of a search, for the language switch and the links of the page.
fn search_query(query: &str, types: &str) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("q", query);
    if !types.is_empty() {
        out.append_pair("type", types);
    }
    out.finish()
}

fn types_param(types: Option<&[ResourceKind]>) -> String {
    types
        .unwrap_or_default()
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// The search box, filled with the query and the type asked for.
fn form(cx: &Cx, query: &str, types: &str) -> Markup {
    let one_type = ResourceKind::parse_list(types)
        .ok()
        .filter(|t| t.len() == 1);
    // Several types (`type=body,document`, sent by hand or by a link) are kept as one choice.
    let several = ResourceKind::parse_list(types)
        .ok()
        .filter(|t| t.len() > 1)
        .map(|t| {
            let names: Vec<String> = t.iter().map(|k| type_name(cx, *k)).collect();
            (types_param(Some(&t)), names.join(" + "))
        });
    html! {
        form.search action=(cx.route("/search")) method="get" role="search" {
            input type="hidden" name="lang" value=(cx.lang.as_str());
            input type="search" name="q" value=(shown_query(query, MAX_QUERY_CHARS))
                placeholder=(t!(cx, "search-placeholder")) aria-label=(t!(cx, "search-label"));
            select name="type" aria-label=(t!(cx, "search-type-label")) {
                option value="" selected[one_type.is_none() && several.is_none()] { (t!(cx, "search-type-all")) }
                @if let Some((value, name)) = &several {
                    option value=(value) selected { (name) }
                }
                @for kind in ResourceKind::ALL {
                    option value=(kind.as_str()) selected[one_type.as_deref() == Some(&[kind][..])] { (type_name(cx, kind)) }
                }
            }
            button type="submit" { (t!(cx, "search-button")) }
        }
    }
}

/// Where to go from a search that found nothing (`found`: what to change in the query too) or
/// was refused.
fn suggestions(cx: &Cx, query: &str, types: &str, found: bool) -> Markup {
    html! {
        ul.suggestions {
            @if found {
                li { (t!(cx, "search-tip-spelling")) }
                li { (t!(cx, "search-tip-language")) }
            }
            @if !types.is_empty() && !query.trim().is_empty() {
                li { a href=(cx.route(&format!("/search?lang={}&{}", cx.lang, search_query(query, "")))) { (t!(cx, "search-tip-all-types")) } }
            }
            li { a href=(cx.href(&cx.p.plan)) { (t!(cx, "search-tip-sections")) } }
            li { a href=(cx.route(&format!("/?lang={}", cx.lang))) { (t!(cx, "search-tip-home")) } }
            li { a href=(cx.route(&format!("/query?lang={}", cx.lang))) { (t!(cx, "search-tip-sparql")) } }
        }
    }
}

fn hit(cx: &Cx, marked_hit: &MarkedHit) -> Markup {
    let hit = &marked_hit.hit;
    let fallback = hit.label_lang != cx.lang;
    let matched_lang = hit.matched.lang.map(Lang::bcp47);
    html! {
        li {
            a href=(cx.href(&hit.iri)) title=(hit.iri) lang=[fallback.then(|| hit.label_lang.bcp47())] { (hit.label) }
            @if fallback { (cx.fallback_marker(hit.label_lang)) }
            " " span.match { (match_name(cx, hit.match_kind)) }
            div.matched {
                span.muted { (field_name(cx, hit.matched.field)) " " }
                span lang=[matched_lang] { (marked(&hit.matched.text, &marked_hit.marks)) }
            }
        }
    }
}

fn render(cx: &Cx, search: &Search) -> String {
    let (query, types) = match search {
        Search::Found { query, types, .. } => (query.as_str(), types_param(types.as_deref())),
        Search::Refused { query, types, .. } => (query.as_str(), types.clone()),
    };
    let shown = shown_query(query.trim(), MAX_QUERY_CHARS);
    let body = match search {
        Search::Refused { reason, .. } => html! {
            h1 { (t!(cx, "search-refused-heading")) }
            p.note { (reason.render(cx.loc, cx.lang)) }
            p { (t!(cx, "search-refused-limits", "chars" => MAX_QUERY_CHARS, "words" => MAX_QUERY_WORDS)) }
            (form(cx, query, &types))
            (suggestions(cx, query, &types, false))
        },
        Search::Found { hits, .. } if hits.is_empty() => html! {
            h1 { (t!(cx, "search-none-heading", "query" => shown.as_str())) }
            (form(cx, query, &types))
            p { (t!(cx, "search-none-intro")) }
            (suggestions(cx, query, &types, true))
        },
        Search::Found { hits, limit, .. } => html! {
            h1 { (t!(cx, "search-found-heading", "query" => shown.as_str())) }
            (form(cx, query, &types))
            p.muted { (t!(cx, "search-found-count", "count" => hits.len())) }
            @if hits.len() >= *limit {
                p.muted { (t!(cx, "search-found-more", "limit" => *limit)) }
            }
            @for kind in ResourceKind::ALL {
                @let group: Vec<&MarkedHit> = hits.iter().filter(|h| h.hit.kind == kind).collect();
                @if !group.is_empty() {
                    section.hits id=(kind.as_str()) {
                        h2 { (type_name(cx, kind)) " " span.count { (group.len()) } }
                        ol.hits { @for h in group { (hit(cx, h)) } }
                    }
                }
            }
        },
    };
    let main = html! {
        nav.crumbs aria-label=(t!(cx, "nav-breadcrumbs")) {
            a href=(cx.route(&format!("/?lang={}", cx.lang))) { (t!(cx, "nav-home")) }
        }
        (body)
        (suggest_script(cx))
    };
    let title = if shown.is_empty() {
        t!(cx, "search-heading")
    } else {
        t!(cx, "search-title", "query" => shown.as_str())
    };
    let rest = search_query(&shown_query(query, MAX_QUERY_CHARS), &types);
    page(cx, &title, Route::Search(&rest), main)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_the_ranges_and_skip_bad_ones() {
        let text = "Regional Anti-Terrorist Structure";
        let html = marked(text, &[0..8, 24..33]).into_string();
        assert_eq!(
            html,
            "<mark>Regional</mark> Anti-Terrorist <mark>Structure</mark>"
        );
        // A range inside a character, or overlapping the previous one, is not marked.
        let zh = "反恐怖";
        assert_eq!(
            marked(zh, std::slice::from_ref(&(1..3))).into_string(),
            "反恐怖"
        );
        assert_eq!(
            marked(zh, &[0..3, 0..6]).into_string(),
            "<mark>反</mark>恐怖"
        );
        // Text is escaped around and inside marks.
        assert_eq!(
            marked("<a>", std::slice::from_ref(&(1..2))).into_string(),
            "&lt;<mark>a</mark>&gt;"
        );
    }

    #[test]
    fn long_queries_are_cut_to_show() {
        assert_eq!(shown_query("RATS", 10), "RATS");
        assert_eq!(shown_query("反恐怖机构", 2), "反恐…");
    }
}
