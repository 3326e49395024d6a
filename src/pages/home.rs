//! The home page: the plan, its sections, the main bodies, states and documents, and the data
//! services.

use maud::html;
use oxigraph::model::NamedNodeRef;

use super::kinds::sections_table;
use super::layout::{page, Route};
use super::render::{inline_links, Cx};
use super::search::suggest_script;
use super::DUMP_EXTENSIONS;
use crate::graph::vocab::{sco, skos};
use crate::graph::ResourceKind;
use crate::i18n::Lang;
use crate::t;

/// How many bodies the home page ranks before "all bodies".
const MAIN_BODIES: usize = 15;

/// Resources of a kind with how many triples of `predicate` point at each, most first.
fn ranked<'a>(
    cx: &Cx<'a>,
    kind: ResourceKind,
    predicate: NamedNodeRef<'_>,
) -> Vec<(&'a str, usize)> {
    let mut out: Vec<(&'a str, usize)> =
        cx.p.iris()
            .iter()
            .filter(|i| cx.p.kind(i) == Some(kind))
            .map(|i| {
                let n = cx.p[i.as_str()]
                    .inbound()
                    .filter(|e| e.pred == predicate)
                    .count();
                (i.as_str(), n)
            })
            .collect();
    out.sort_by_cached_key(|(iri, n)| (std::cmp::Reverse(*n), cx.shown(iri).text));
    out
}

pub(crate) fn home(cx: &Cx) -> String {
    let p = cx.p;
    let plan = p.plan.as_str();
    let plan_node = &p[plan];
    let bodies = ranked(cx, ResourceKind::Body, sco::executor);
    let executing: Vec<&(&str, usize)> = bodies.iter().filter(|(_, n)| *n > 0).collect();
    let states = ranked(cx, ResourceKind::State, sco::participant);
    let documents = ranked(cx, ResourceKind::Document, sco::references);
    let places: Vec<&str> = ranked(cx, ResourceKind::Place, sco::place)
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    let initiatives: Vec<&str> = ranked(cx, ResourceKind::Initiative, sco::initiative)
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    let all_bodies: Vec<&str> = bodies.iter().map(|(i, _)| *i).collect();
    let main = html! {
        p.kind { (t!(cx, "home-kicker")) }
        h1 { (cx.name(plan)) }
        @if let Some((note, used)) = plan_node.text_in(skos::note, cx.lang) {
            p lang=(used.bcp47()) { (note) }
        }
        p {
            (t!(cx, "home-intro", "measures" => p.measures.len(), "sections" => p.sections.len()))
        }
        p {
            a href=(cx.href(plan)) { (t!(cx, "home-read-plan")) } " · "
            a href=(cx.href(&p.decision)) { (t!(cx, "home-read-decision")) } " · "
            a href=(cx.href(&p.source_text)) { (t!(cx, "home-read-source")) }
        }
        @if cx.lang != Lang::Ru { p.note { (t!(cx, "translation-note")) } }
        // A person's search shows the results page (`/search`); `/api/lookup` is for programs.
        form.search action=(cx.route("/search")) method="get" role="search" {
            input type="hidden" name="lang" value=(cx.lang.as_str());
            input type="search" name="q" placeholder=(t!(cx, "search-placeholder")) aria-label=(t!(cx, "search-label"));
            button type="submit" { (t!(cx, "search-button")) }
        }
        // The box suggests as one types, as the search page's does.
        (suggest_script(cx))

        h2 { (t!(cx, "sections-heading", "count" => p.sections.len())) }
        (sections_table(cx))

        h2 { (t!(cx, "home-bodies-heading")) }
        p.muted { (t!(cx, "home-bodies-intro", "count" => executing.len())) }
        table {
            thead { tr { th { (t!(cx, "column-body")) } th.num { (t!(cx, "column-executes")) } } }
            tbody {
                @for (b, n) in executing.iter().take(MAIN_BODIES) {
                    tr { td { (cx.link(b)) } td.num { (cx.measures_count(*n)) } }
                }
            }
        }
        details {
            summary { (t!(cx, "home-all-bodies", "count" => all_bodies.len())) }
            div.list { (inline_links(cx, &all_bodies)) }
        }

        h2 { (t!(cx, "home-states-heading", "count" => states.len())) }
        table {
            thead { tr { th { (t!(cx, "column-state")) } th.num { (t!(cx, "column-participates")) } } }
            tbody {
                @for (s, n) in &states {
                    tr { td { (cx.link(s)) } td.num { (cx.measures_count(*n)) } }
                }
            }
        }

        h2 { (t!(cx, "home-documents-heading", "count" => documents.len())) }
        table {
            thead { tr {
                th { (t!(cx, "column-document")) }
                th { (t!(cx, "column-kind")) }
                th { (t!(cx, "column-date")) }
                th.num { (t!(cx, "column-cited")) }
            } }
            tbody {
                @for (d, n) in &documents {
                    @let node = &p[*d];
                    tr {
                        td { (cx.link(d)) }
                        td { @for k in node.iris(sco::documentKind) { (cx.name(k)) } }
                        td { @for e in node.out().filter(|e| e.pred == sco::date) { (cx.term(e.term)) } }
                        td.num { (cx.measures_count(*n)) }
                    }
                }
            }
        }

        h2 { (t!(cx, "home-places-heading", "count" => places.len())) }
        div.list { (inline_links(cx, &places)) }
        h2 { (t!(cx, "home-initiatives-heading", "count" => initiatives.len())) }
        div.list { (inline_links(cx, &initiatives)) }

        h2 { (t!(cx, "home-data-heading")) }
        ul.services-list {
            li { a href=(cx.route("/sparql")) { (t!(cx, "nav-sparql")) } " — " (t!(cx, "service-sparql")) }
            li { a href=(cx.route(&format!("/query?lang={}", cx.lang))) { (t!(cx, "nav-query")) } " — " (t!(cx, "service-query")) }
            li {
                (t!(cx, "nav-dumps")) " "
                @for ext in DUMP_EXTENSIONS {
                    a href=(cx.route(&format!("/dump/sco-kg.{ext}"))) { code { "sco-kg." (ext) } } " "
                }
                " — " (t!(cx, "service-dumps"))
            }
            li { a href=(cx.route("/ontology")) { (t!(cx, "nav-ontology")) } " — " (t!(cx, "service-ontology")) }
            li { a href=(cx.route("/source")) { (t!(cx, "nav-source")) } " — " (t!(cx, "service-source")) }
            li { a href=(cx.route("/.well-known/void")) { (t!(cx, "nav-void")) } " — " (t!(cx, "service-void")) }
            // With a query to show: without one the lookup answers 400 (an empty query).
            li { a href=(cx.route(&format!("/api/lookup?lang={}&q=RATS", cx.lang))) { (t!(cx, "nav-lookup")) } " — " (t!(cx, "service-lookup")) }
            // Beside the lookup: what a program needs to call it, and the SPARQL endpoint.
            li { a href=(cx.route("/api/openapi.json")) { (t!(cx, "nav-openapi")) } " — " (t!(cx, "service-openapi")) }
        }
    };
    page(cx, &cx.shown(plan).text, Route::Home, main)
}
