//! The page of each kind of resource.

use std::collections::HashMap;

use maud::{html, Markup};
use oxigraph::model::{NamedNodeRef, Term};

use super::index::Node;
use super::layout::{page, Route};
use super::map;
use super::render::{graph_links, inline_links, paragraphs, snippet, span_lines, Cx};
use super::RDF_ALTERNATES;
use crate::graph::vocab::{dcterms, oa, owl, prov, sco, skos};
use crate::graph::ResourceKind;
use crate::i18n::Lang;
use crate::t;

/// Rows of a definition list; rows without content are left out.
fn facts(rows: Vec<(String, Option<Markup>)>) -> Markup {
    let rows: Vec<(String, Markup)> = rows
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    html! {
        @if !rows.is_empty() {
            dl.facts { @for (k, v) in rows { dt { (k) } dd { (v) } } }
        }
    }
}

fn some_links(cx: &Cx, iris: &[&str]) -> Option<Markup> {
    (!iris.is_empty()).then(|| inline_links(cx, iris))
}

impl Cx<'_> {
    fn node(&self, iri: &str) -> Option<&Node> {
        self.p.node(iri)
    }

    fn number(&self, iri: &str) -> u32 {
        self.node(iri).and_then(|n| n.number).unwrap_or(u32::MAX)
    }

    fn of_kind<'s>(&self, iris: Vec<&'s str>, kind: ResourceKind) -> Vec<&'s str> {
        iris.into_iter()
            .filter(|i| self.p.kind(i) == Some(kind))
            .collect()
    }

    fn sorted<'s>(&self, mut iris: Vec<&'s str>) -> Vec<&'s str> {
        iris.sort_by_key(|i| (self.number(i), *i));
        iris.dedup();
        iris
    }

    /// A text of the resource in the page's language (or along the fallback chain), with a
    /// marker when it is in another language.
    fn text_of(&self, node: &Node, predicate: NamedNodeRef<'_>, max: Option<usize>) -> Markup {
        match node.text_in(predicate, self.lang) {
            Some((text, used)) => {
                let text = max.map_or_else(|| text.to_string(), |m| snippet(text, m));
                html! {
                    (paragraphs(&text, used))
                    @if used != self.lang { p { (self.fallback_marker(used)) } }
                }
            }
            None => html! {},
        }
    }

    /// A translatable text: in the page's language, marked as an unofficial translation (with
    /// the graph's own `sco:translationNote` where there is one), and the authoritative
    /// Russian beside it.
    fn authoritative_text(&self, node: &Node, predicate: NamedNodeRef<'_>) -> Markup {
        let russian = node.text_exact(predicate, Lang::Ru);
        let translated = (self.lang != Lang::Ru)
            .then(|| node.text_in(predicate, self.lang))
            .flatten()
            .filter(|(_, used)| *used != Lang::Ru);
        html! {
            @if let Some((text, used)) = translated {
                (paragraphs(text, used))
                @if used != self.lang { p { (self.fallback_marker(used)) } }
                p.note {
                    @match node.text_exact(sco::translationNote, used) {
                        Some(note) => span lang=(used.bcp47()) { (note) },
                        None => (t!(self, "translation-note")),
                    }
                }
                @if let Some(ru) = russian {
                    h3 { (t!(self, "authoritative-russian-heading")) }
                    div.authoritative { (paragraphs(ru, Lang::Ru)) }
                }
            } @else if let Some(ru) = russian {
                (paragraphs(ru, Lang::Ru))
                @if self.lang != Lang::Ru {
                    p.note { (t!(self, "translation-missing")) }
                }
            }
        }
    }

    /// Measures as a list: number, section and the text (whole or cut) in the page's language.
    fn measure_list(&self, measures: &[&str], max: Option<usize>, show_section: bool) -> Markup {
        html! {
            ol.measures {
                @for m in measures {
                    li {
                        (self.link(m))
                        @if show_section {
                            @if let Some(section) = self.node(m).and_then(|n| n.iris(sco::section).first().copied()) {
                                " " span.muted { "· " (self.link(section)) }
                            }
                        }
                        @if let Some(node) = self.node(m) { (self.text_of(node, sco::text, max)) }
                    }
                }
            }
        }
    }

    fn source_href(&self, start: u64, end: u64) -> String {
        // RFC 5147 fragment of a text/plain resource: the lines start..=end.
        format!(
            "{}/source#line={},{}",
            self.public,
            start.saturating_sub(1),
            end
        )
    }

    /// The lines of the source a span covers (blank lines left out).
    fn excerpt(&self, start: u64, end: u64) -> Markup {
        html! {
            pre.source lang="ru" {
                @for n in start..=end {
                    @if let Some(line) = self.p.source_lines.get((n as usize).wrapping_sub(1)) {
                        @if !line.trim().is_empty() {
                            span.ln { (n) } (line.trim_end()) "\n"
                        }
                    }
                }
            }
        }
    }

    fn crumbs(&self, trail: &[&str]) -> Markup {
        html! {
            nav.crumbs aria-label=(t!(self, "nav-breadcrumbs")) {
                a href=(format!("{}/?lang={}", self.public, self.lang)) { (t!(self, "nav-home")) }
                @for iri in trail { (self.link(iri)) }
            }
        }
    }
}

/// The title block of every resource page.
fn head(cx: &Cx, iri: &str, node: &Node, trail: &[&str]) -> Markup {
    let shown = cx.shown(iri);
    let path = cx.p.path_of(iri).unwrap_or_default();
    let others: Vec<(Lang, &str)> =
        cx.p.labels_of(iri)
            .map(|labels| {
                Lang::ALL
                    .into_iter()
                    .filter(|l| *l != cx.lang)
                    .filter_map(|l| {
                        labels
                            .iter()
                            .find(|(ll, _)| *ll == l)
                            .map(|(_, t)| (l, t.as_str()))
                    })
                    .filter(|(_, t)| *t != shown.text)
                    .collect()
            })
            .unwrap_or_default();
    let alt: Vec<&str> = node
        .literals(skos::altLabel)
        .into_iter()
        .filter(|l| l.language().and_then(Lang::from_tag) == Some(cx.lang))
        .map(|l| l.value())
        .collect();
    html! {
        (cx.crumbs(trail))
        // The class, linked to its definition on the ontology's page.
        @if let Some(kind) = node.kind { p.kind { (cx.link(kind.class().as_str())) } }
        h1 { (cx.text_span(&shown)) }
        @if !alt.is_empty() {
            div.muted.list { (t!(cx, "also-called")) " " ul.inline { @for a in &alt { li { (a) } } } }
        }
        @if !others.is_empty() {
            div.muted.list {
                (t!(cx, "in-other-languages")) " "
                ul.inline { @for (l, text) in &others { li { span lang=(l.bcp47()) { (text) } } } }
            }
        }
        p.ids {
            a href=(iri) { (t!(cx, "persistent-iri")) }
            " · " (t!(cx, "rdf-formats")) " "
            @for (i, (media_type, extension)) in RDF_ALTERNATES.iter().enumerate() {
                @if i > 0 { " " }
                a href=(format!("{}/id/{path}.{extension}", cx.public)) type=(media_type) { (cx.format_name(media_type)) }
            }
        }
    }
}

/// A resource's page.
pub(crate) fn resource(cx: &Cx, iri: &str, node: &Node) -> String {
    let plan = cx.p.plan.as_str();
    let body = match node.kind {
        Some(ResourceKind::Measure) => measure(cx, iri, node),
        Some(ResourceKind::Section) => section(cx, iri, node),
        Some(ResourceKind::Body) => body(cx, iri, node),
        Some(ResourceKind::Document) => document(cx, iri, node),
        Some(ResourceKind::State) => state(cx, iri, node),
        Some(ResourceKind::Place | ResourceKind::Initiative) => place_or_initiative(cx, iri, node),
        Some(ResourceKind::Plan) => plan_page(cx, iri, node),
        Some(ResourceKind::Decision) => decision(cx, iri, node),
        Some(ResourceKind::Signatory) => signatory(cx, iri, node),
        Some(ResourceKind::SourceText) => source_text(cx, iri, node),
        Some(ResourceKind::SourceSpan) => source_span(cx, iri, node),
        None => head(cx, iri, node, &[plan]),
    };
    let main = html! { (body) (graph_links(cx, node)) };
    let title = cx.shown(iri).text;
    page(
        cx,
        &title,
        Route::Page(cx.p.path_of(iri).unwrap_or_default()),
        main,
    )
}

fn measure(cx: &Cx, iri: &str, node: &Node) -> Markup {
    let section = node.iris(sco::section).first().copied();
    let mut trail = vec![cx.p.plan.as_str()];
    trail.extend(section);
    let participants = node.iris(sco::participant);
    let executors = node.iris(sco::executor);
    let mentions = node.iris(sco::mentions);
    let bodies = cx.of_kind(mentions.clone(), ResourceKind::Body);
    let states = cx.of_kind(mentions, ResourceKind::State);
    let documents = node.iris(sco::references);
    let places = node.iris(sco::place);
    let initiatives = node.iris(sco::initiative);
    let spans = node.iris(sco::sourceSpan);
    let position = cx.p.measures.iter().position(|m| m == iri);
    let prev = position
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| cx.p.measures.get(i));
    let next = position.and_then(|i| cx.p.measures.get(i + 1));
    let ru = |pred: NamedNodeRef<'_>| -> Option<Markup> {
        let values: Vec<&str> = node.literals(pred).into_iter().map(|l| l.value()).collect();
        (!values.is_empty())
            .then(|| html! { ul.inline lang="ru" { @for v in values { li { (v) } } } })
    };
    let mentioned = facts(vec![
        (t!(cx, "fact-documents"), some_links(cx, &documents)),
        (t!(cx, "fact-places"), some_links(cx, &places)),
        (t!(cx, "fact-initiatives"), some_links(cx, &initiatives)),
        (t!(cx, "fact-bodies"), some_links(cx, &bodies)),
        (t!(cx, "fact-states"), some_links(cx, &states)),
    ]);
    let any_mention = !(documents.is_empty()
        && places.is_empty()
        && initiatives.is_empty()
        && bodies.is_empty()
        && states.is_empty());
    html! {
        (head(cx, iri, node, &trail))
        (facts(vec![
            (t!(cx, "fact-section"), section.map(|s| cx.link(s))),
            (t!(cx, "fact-participation"), node.iris(sco::participationScope).first().map(|s| cx.link(s))),
            (t!(cx, "fact-participants", "count" => participants.len()), some_links(cx, &participants)),
            (t!(cx, "fact-executors", "count" => executors.len()), some_links(cx, &executors)),
        ]))
        h2 { (t!(cx, "text-heading")) }
        (cx.authoritative_text(node, sco::text))
        h2 { (t!(cx, "mentions-heading")) }
        @if any_mention { (mentioned) } @else { p.muted { (t!(cx, "mentions-none")) } }
        h2 { (t!(cx, "as-written-heading")) }
        p.muted { (t!(cx, "as-written-intro")) }
        (facts(vec![
            (t!(cx, "fact-participants-text"), ru(sco::participantsText)),
            (t!(cx, "fact-executors-text"), ru(sco::executorsText)),
        ]))
        h2 { (t!(cx, "source-heading")) }
        @for span in cx.sorted(spans) {
            @if let Some(span_node) = cx.node(span) {
                @let (start, end) = span_lines(span_node);
                p {
                    (cx.link(span)) " · "
                    a href=(cx.source_href(start, end)) { (t!(cx, "source-open")) }
                }
                details {
                    summary { (t!(cx, "source-excerpt")) }
                    (cx.excerpt(start, end))
                }
            }
        }
        nav.pager {
            span { @if let Some(p) = prev { "← " (cx.link(p)) } }
            span { @if let Some(n) = next { (cx.link(n)) " →" } }
        }
    }
}

fn section(cx: &Cx, iri: &str, node: &Node) -> Markup {
    let measures = cx.sorted(node.iris(sco::hasMeasure));
    let position = cx.p.sections.iter().position(|s| s == iri);
    let prev = position
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| cx.p.sections.get(i));
    let next = position.and_then(|i| cx.p.sections.get(i + 1));
    html! {
        (head(cx, iri, node, &[cx.p.plan.as_str()]))
        (facts(vec![
            (t!(cx, "fact-plan"), node.iris(sco::plan).first().map(|p| cx.link(p))),
            (t!(cx, "fact-number"), node.number.map(|n| html! { (n) })),
        ]))
        h2 { (t!(cx, "section-measures-heading", "count" => measures.len())) }
        @if cx.lang != Lang::Ru { p.note { (t!(cx, "translation-note")) } }
        (cx.measure_list(&measures, None, false))
        nav.pager {
            span { @if let Some(p) = prev { "← " (cx.link(p)) } }
            span { @if let Some(n) = next { (cx.link(n)) " →" } }
        }
    }
}

fn body(cx: &Cx, iri: &str, node: &Node) -> Markup {
    let executes = cx.sorted(node.subjects(sco::executor));
    let mentioned = cx.sorted(cx.of_kind(node.subjects(sco::mentions), ResourceKind::Measure));
    // Bodies executing the same measures, with the number of measures shared.
    let mut shared: HashMap<&str, usize> = HashMap::new();
    for m in &executes {
        if let Some(measure) = cx.node(m) {
            let mut seen = Vec::new();
            for b in measure.iris(sco::executor) {
                if b != iri && !seen.contains(&b) {
                    seen.push(b);
                    *shared.entry(b).or_default() += 1;
                }
            }
        }
    }
    let mut coexecutors: Vec<(&str, usize)> = shared.into_iter().collect();
    coexecutors.sort_by_cached_key(|(b, n)| (std::cmp::Reverse(*n), cx.shown(b).text));
    html! {
        (head(cx, iri, node, &[]))
        (facts(vec![
            (t!(cx, "fact-parent-body"), some_links(cx, &node.iris(sco::parentBody))),
            (t!(cx, "fact-sub-bodies"), some_links(cx, &node.subjects(sco::parentBody))),
            (t!(cx, "fact-members"), some_links(cx, &node.subjects(sco::memberOf))),
            (t!(cx, "fact-issued"), some_links(cx, &node.subjects(sco::issuedBy))),
            (t!(cx, "fact-wikidata"), some_links(cx, &node.iris(owl::sameAs))),
        ]))
        h2 { (t!(cx, "body-executes-heading", "count" => executes.len())) }
        @if executes.is_empty() { p.muted { (t!(cx, "body-executes-none")) } }
        @else { (cx.measure_list(&executes, Some(160), true)) }
        h2 { (t!(cx, "body-coexecutors-heading", "count" => coexecutors.len())) }
        @if coexecutors.is_empty() { p.muted { (t!(cx, "body-coexecutors-none")) } }
        @else {
            table.coexecutors {
                thead { tr { th { (t!(cx, "column-body")) } th.num { (t!(cx, "column-shared-measures")) } } }
                tbody {
                    @for (b, count) in &coexecutors {
                        tr { td { (cx.link(b)) } td.num { (cx.measures_count(*count)) } }
                    }
                }
            }
        }
        @if !mentioned.is_empty() {
            h2 { (t!(cx, "mentioned-in-heading", "count" => mentioned.len())) }
            (cx.measure_list(&mentioned, Some(160), true))
        }
    }
}

fn document(cx: &Cx, iri: &str, node: &Node) -> Markup {
    let citing = node.subjects(sco::references);
    let measures = cx.sorted(cx.of_kind(citing.clone(), ResourceKind::Measure));
    let plan_refs = cx.of_kind(citing, ResourceKind::Plan);
    let date = node
        .out()
        .find(|e| e.pred == sco::date)
        .map(|e| cx.term(e.term));
    html! {
        (head(cx, iri, node, &[]))
        (facts(vec![
            (t!(cx, "fact-document-kind"), node.iris(sco::documentKind).first().map(|k| cx.link(k))),
            (t!(cx, "fact-document-status"), node.iris(sco::documentStatus).first().map(|k| cx.link(k))),
            (t!(cx, "fact-date"), date),
            (t!(cx, "fact-implemented-by"), some_links(cx, &node.subjects(sco::implements))),
            (t!(cx, "fact-plan-references"), some_links(cx, &plan_refs)),
            (t!(cx, "fact-wikidata"), some_links(cx, &node.iris(owl::sameAs))),
        ]))
        h2 { (t!(cx, "document-cited-heading", "count" => measures.len())) }
        @if measures.is_empty() { p.muted { (t!(cx, "document-cited-none")) } }
        @else { (cx.measure_list(&measures, Some(220), true)) }
    }
}

fn state(cx: &Cx, iri: &str, node: &Node) -> Markup {
    let participates = cx.sorted(node.subjects(sco::participant));
    let mentioned = cx.sorted(cx.of_kind(node.subjects(sco::mentions), ResourceKind::Measure));
    let signatories = node.subjects(sco::state);
    // Participation by section.
    let mut by_section: Vec<(&str, Vec<&str>)> = Vec::new();
    for m in &participates {
        let section = cx
            .node(m)
            .and_then(|n| n.iris(sco::section).first().copied())
            .unwrap_or_default();
        match by_section.iter_mut().find(|(s, _)| *s == section) {
            Some((_, ms)) => ms.push(m),
            None => by_section.push((section, vec![m])),
        }
    }
    html! {
        (head(cx, iri, node, &[]))
        (facts(vec![
            (t!(cx, "fact-member-of"), some_links(cx, &node.iris(sco::memberOf))),
            (t!(cx, "fact-signatory"), some_links(cx, &signatories)),
            (t!(cx, "fact-wikidata"), some_links(cx, &node.iris(owl::sameAs))),
        ]))
        h2 { (t!(cx, "state-participates-heading", "count" => participates.len())) }
        @if participates.is_empty() { p.muted { (t!(cx, "state-participates-none")) } }
        @else {
            table {
                thead { tr { th { (t!(cx, "column-section")) } th { (t!(cx, "column-measures")) } } }
                tbody {
                    @for (section, measures) in &by_section {
                        tr { td { (cx.link(section)) } td { (inline_links(cx, measures)) } }
                    }
                }
            }
        }
        @if !mentioned.is_empty() {
            h2 { (t!(cx, "mentioned-in-heading", "count" => mentioned.len())) }
            (cx.measure_list(&mentioned, Some(160), true))
        }
    }
}

fn place_or_initiative(cx: &Cx, iri: &str, node: &Node) -> Markup {
    let predicate = if node.kind == Some(ResourceKind::Place) {
        sco::place
    } else {
        sco::initiative
    };
    let subjects = node.subjects(predicate);
    let measures = cx.sorted(cx.of_kind(subjects.clone(), ResourceKind::Measure));
    let decisions = cx.of_kind(subjects, ResourceKind::Decision);
    let point = map::point_of(node);
    html! {
        (head(cx, iri, node, &[]))
        (facts(vec![
            (t!(cx, "fact-coordinates"), point.map(|p| map::coordinates(cx, p))),
            (t!(cx, "fact-decision-place"), some_links(cx, &decisions)),
            (t!(cx, "fact-wikidata"), some_links(cx, &node.iris(owl::sameAs))),
        ]))
        @if let Some(map) = map::map(cx, iri) {
            h2 { (t!(cx, "map-heading")) }
            (map)
        }
        h2 { (t!(cx, "mentioned-in-heading", "count" => measures.len())) }
        @if measures.is_empty() { p.muted { (t!(cx, "mentioned-in-none")) } }
        @else { (cx.measure_list(&measures, Some(220), true)) }
    }
}

/// Sections with their titles and measure counts.
pub(crate) fn sections_table(cx: &Cx) -> Markup {
    html! {
        table.sections {
            thead { tr {
                th.num { (t!(cx, "column-number")) }
                th { (t!(cx, "column-section")) }
                th.num { (t!(cx, "column-measures")) }
            } }
            tbody {
                @for s in &cx.p.sections {
                    @if let Some(node) = cx.node(s) {
                        tr {
                            td.num { (node.number.unwrap_or_default()) }
                            td { (cx.link(s)) }
                            td.num { (cx.measures_count(node.iris(sco::hasMeasure).len())) }
                        }
                    }
                }
            }
        }
    }
}

fn plan_page(cx: &Cx, iri: &str, node: &Node) -> Markup {
    html! {
        (head(cx, iri, node, &[]))
        @if let Some((note, used)) = node.text_in(skos::note, cx.lang) {
            p lang=(used.bcp47()) { (note) }
        }
        (facts(vec![
            (t!(cx, "fact-approved-by"), some_links(cx, &node.iris(sco::approvedBy))),
            (t!(cx, "fact-implements"), some_links(cx, &node.iris(sco::implements))),
            (t!(cx, "fact-source"), some_links(cx, &node.iris(prov::wasDerivedFrom))),
        ]))
        h2 { (t!(cx, "preamble-heading")) }
        (cx.authoritative_text(node, sco::preamble))
        h2 { (t!(cx, "sections-heading", "count" => cx.p.sections.len())) }
        (sections_table(cx))
        @let references = node.iris(sco::references);
        @if !references.is_empty() {
            h2 { (t!(cx, "plan-references-heading")) }
            (inline_links(cx, &references))
        }
    }
}

fn decision(cx: &Cx, iri: &str, node: &Node) -> Markup {
    let signatories = cx.sorted(node.iris(sco::signatory));
    let date = node
        .out()
        .find(|e| e.pred == sco::date)
        .map(|e| cx.term(e.term));
    html! {
        (head(cx, iri, node, &[]))
        (facts(vec![
            (t!(cx, "fact-number"), node.number.map(|n| html! { (n) })),
            (t!(cx, "fact-date"), date),
            (t!(cx, "fact-place"), some_links(cx, &node.iris(sco::place))),
            (t!(cx, "fact-issued-by"), some_links(cx, &node.iris(sco::issuedBy))),
            (t!(cx, "fact-approves"), some_links(cx, &node.iris(sco::approves))),
        ]))
        h2 { (t!(cx, "text-heading")) }
        (cx.authoritative_text(node, sco::text))
        h2 { (t!(cx, "signatories-heading", "count" => signatories.len())) }
        table {
            thead { tr { th { (t!(cx, "column-state")) } th { (t!(cx, "column-office")) } th { (t!(cx, "column-signatory")) } } }
            tbody {
                @for s in &signatories {
                    @if let Some(sn) = cx.node(s) {
                        tr {
                            td { (some_links(cx, &sn.iris(sco::state)).unwrap_or_default()) }
                            td { @if let Some((office, used)) = sn.text_in(sco::office, cx.lang) {
                                span lang=(used.bcp47()) { (office) }
                                @if used != cx.lang { (cx.fallback_marker(used)) }
                            } }
                            td { (cx.link(s)) }
                        }
                    }
                }
            }
        }
    }
}

fn signatory(cx: &Cx, iri: &str, node: &Node) -> Markup {
    let decisions = node.subjects(sco::signatory);
    let office = node.text_in(sco::office, cx.lang).map(|(office, used)| {
        html! {
            span lang=(used.bcp47()) { (office) }
            @if used != cx.lang { (cx.fallback_marker(used)) }
        }
    });
    html! {
        (head(cx, iri, node, &decisions))
        (facts(vec![
            (t!(cx, "fact-state"), some_links(cx, &node.iris(sco::state))),
            (t!(cx, "fact-office"), office),
            (t!(cx, "fact-decision"), some_links(cx, &decisions)),
        ]))
    }
}

fn source_text(cx: &Cx, iri: &str, node: &Node) -> Markup {
    let derived = cx.sorted(node.subjects(prov::wasDerivedFrom));
    let spans = node.subjects(sco::sourceText);
    let literal = |pred: NamedNodeRef<'_>| {
        node.literals(pred)
            .first()
            .map(|l| html! { code { (l.value()) } })
    };
    html! {
        (head(cx, iri, node, &[]))
        p { a href=(cx.route("/source")) { (t!(cx, "source-read")) } }
        (facts(vec![
            (t!(cx, "fact-language"), literal(dcterms::language)),
            (t!(cx, "fact-format"), literal(dcterms::format)),
            (t!(cx, "fact-lines"), Some(html! { (cx.p.source_lines.len()) })),
            (t!(cx, "fact-spans"), Some(html! { (spans.len()) })),
        ]))
        h2 { (t!(cx, "source-derived-heading", "count" => derived.len())) }
        (inline_links(cx, &derived))
    }
}

fn source_span(cx: &Cx, iri: &str, node: &Node) -> Markup {
    let (start, end) = span_lines(node);
    let measures = node.subjects(sco::sourceSpan);
    let offsets = |pred: NamedNodeRef<'_>| {
        node.out()
            .find(|e| e.pred == pred)
            .and_then(|e| match e.term {
                Term::Literal(l) => Some(html! { (l.value()) }),
                _ => None,
            })
    };
    html! {
        (head(cx, iri, node, &measures))
        (facts(vec![
            (t!(cx, "fact-measure"), some_links(cx, &measures)),
            (t!(cx, "fact-source"), some_links(cx, &node.iris(sco::sourceText))),
            (t!(cx, "fact-lines"), Some(html! {
                (start) "–" (end) " · "
                a href=(cx.source_href(start, end)) { (t!(cx, "source-open")) }
            })),
            (t!(cx, "fact-offsets"), offsets(oa::start).zip(offsets(oa::end)).map(|(s, e)| html! { (s) "–" (e) })),
        ]))
        (cx.excerpt(start, end))
    }
}

/// The page for an unknown resource (sent with status 404).
pub(crate) fn not_found(cx: &Cx, path: &str) -> String {
    let main = html! {
        (cx.crumbs(&[]))
        h1 { (t!(cx, "not-found-heading")) }
        p { (t!(cx, "not-found-text")) " " code { (path) } }
        p { a href=(format!("{}/?lang={}", cx.public, cx.lang)) { (t!(cx, "nav-home")) } }
    };
    page(cx, &t!(cx, "not-found-heading"), Route::Missing(path), main)
}
