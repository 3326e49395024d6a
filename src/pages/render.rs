//! Rendering: the context of one page (index, localizer, language, public URL) and the
//! pieces every page is made of: labels with their fallback marker, links, literals, and the
//! "links" and "referenced by" lists.

use maud::{html, Markup};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, NamedNodeRef, Term};

use super::index::{Edge, Node, Pages};
use crate::graph::vocab::{dcterms, oa, org, owl, prov, rdf, sco, skos, SCO, WIKIDATA};
use crate::graph::ResourceKind;
use crate::i18n::{FluentArgs, Lang, Localizer, Translate};
use crate::t;

pub(crate) use super::home::home;
pub(crate) use super::kinds::{not_found, resource};

/// Everything one page needs.
pub(crate) struct Cx<'a> {
    pub p: &'a Pages,
    pub loc: &'a Localizer,
    pub lang: Lang,
    /// The public URL without its trailing '/' ("" for links relative to the host).
    pub public: String,
}

impl Translate for Cx<'_> {
    fn t(&self, id: &str, args: Option<&FluentArgs>) -> String {
        self.loc.message(self.lang, id, args)
    }
}

/// A label as shown: its text, its language, and whether it is a fallback.
pub(crate) struct Shown {
    pub text: String,
    pub lang: Option<Lang>,
    pub fallback: bool,
}

impl<'a> Cx<'a> {
    pub fn new(p: &'a Pages, loc: &'a Localizer, lang: Lang, public_url: &str) -> Self {
        Self {
            p,
            loc,
            lang,
            public: public_url.trim_end_matches('/').to_string(),
        }
    }

    /// A route of this server ("/sparql" → "{public}/sparql").
    pub fn route(&self, route: &str) -> String {
        format!("{}{route}", self.public)
    }

    /// The page of a resource under the base, in this page's language.
    pub fn page_href(&self, path: &str) -> String {
        format!("{}/page/{path}?lang={}", self.public, self.lang)
    }

    /// Where a link to `iri` goes: its page for resources under the base, the ontology for
    /// the ontology's terms, the IRI itself otherwise (Wikidata, other vocabularies).
    pub fn href(&self, iri: &str) -> String {
        if let Some(path) = self.p.path_of(iri) {
            self.page_href(path)
        } else if let Some(term) = iri.strip_prefix(SCO) {
            // The ontology's page, in this page's language, at the term's anchor: where a
            // browser following the term's own IRI (`…/ontology#term`) lands too.
            format!("{}/ontology?lang={}#{term}", self.public, self.lang)
        } else {
            iri.to_string()
        }
    }

    /// The label of `iri` in the page's language, along the fallback chain; a derived label
    /// for resources without one (source spans, Wikidata items); the compact IRI otherwise.
    pub fn shown(&self, iri: &str) -> Shown {
        if let Some((text, lang)) = self.p.label(iri, self.lang) {
            // The source text bears the plan's title: say which of the two it is.
            let text = if self.p.kind(iri) == Some(ResourceKind::SourceText) {
                t!(self, "source-text-label", "title" => text)
            } else {
                text.to_string()
            };
            return Shown {
                text,
                lang: Some(lang),
                fallback: lang != self.lang,
            };
        }
        let text = if let Some(node) = self
            .p
            .node(iri)
            .filter(|n| n.kind == Some(ResourceKind::SourceSpan))
        {
            let (start, end) = span_lines(node);
            t!(self, "span-label", "start" => start, "end" => end)
        } else if let Some(q) = iri.strip_prefix(WIKIDATA) {
            t!(self, "wikidata-item", "id" => q)
        } else {
            self.p.compact(iri)
        };
        Shown {
            text,
            lang: Some(self.lang),
            fallback: false,
        }
    }

    /// The marker of a label or text shown in another language than the page's.
    pub fn fallback_marker(&self, used: Lang) -> Markup {
        html! {
            " "
            span.fallback title=(t!(self, "fallback-title", "lang" => used.as_str())) {
                (t!(self, "fallback-badge", "lang" => used.as_str()))
            }
        }
    }

    /// A label with its language and fallback marker.
    pub fn name(&self, iri: &str) -> Markup {
        let shown = self.shown(iri);
        self.text_span(&shown)
    }

    pub fn text_span(&self, shown: &Shown) -> Markup {
        html! {
            @if shown.fallback {
                span lang=[shown.lang.map(Lang::bcp47)] { (shown.text) }
                @if let Some(l) = shown.lang { (self.fallback_marker(l)) }
            } @else {
                (shown.text)
            }
        }
    }

    /// A link to `iri` showing its label.
    pub fn link(&self, iri: &str) -> Markup {
        let shown = self.shown(iri);
        html! {
            a href=(self.href(iri)) title=(iri) lang=[shown.fallback.then(|| shown.lang.map(Lang::bcp47)).flatten()] {
                (shown.text)
            }
            @if shown.fallback { @if let Some(l) = shown.lang { (self.fallback_marker(l)) } }
        }
    }

    /// A literal as a reader wants it: dates in words, language-tagged text marked with its
    /// language.
    pub fn literal(&self, literal: &Literal) -> Markup {
        let datatype = literal.datatype();
        if datatype == xsd::DATE {
            if let Some(date) = self.date(literal.value()) {
                return html! { time datetime=(literal.value()) { (date) } };
            }
        }
        if datatype == xsd::G_YEAR {
            if let Ok(year) = literal.value().parse::<i32>() {
                return html! { time datetime=(literal.value()) { (t!(self, "date-year", "year" => year)) } };
            }
        }
        match literal.language().and_then(Lang::from_tag) {
            Some(l) if l != self.lang => html! { span lang=(l.bcp47()) { (literal.value()) } },
            _ => html! { (literal.value()) },
        }
    }

    /// "2009-06-16" in words in the page's language.
    pub fn date(&self, iso: &str) -> Option<String> {
        let mut parts = iso.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        Some(t!(self, "date-day", "year" => year, "month" => month, "day" => day))
    }

    /// Any object of a triple.
    pub fn term(&self, term: &Term) -> Markup {
        match term {
            Term::NamedNode(n) => self.link(n.as_str()),
            Term::Literal(l) => self.literal(l),
            other => html! { (other.to_string()) },
        }
    }

    /// The label of a predicate: the ontology's for `sco:` terms, the locale's for the few
    /// other vocabularies' terms the graph uses, the compact IRI otherwise.
    pub fn predicate(&self, edge: &Edge) -> Markup {
        if self.p.labels_of(edge.pred.as_str()).is_some() {
            // A term of the ontology: linked to its definition on the ontology's page.
            return self.link(edge.pred.as_str());
        }
        let p = edge.pred;
        let text = if p == rdf::TYPE {
            t!(self, "pred-rdf-type")
        } else if p == skos::prefLabel {
            t!(self, "pred-skos-preflabel")
        } else if p == skos::altLabel {
            t!(self, "pred-skos-altlabel")
        } else if p == skos::notation {
            t!(self, "pred-skos-notation")
        } else if p == skos::note {
            t!(self, "pred-skos-note")
        } else if p == skos::inScheme {
            t!(self, "pred-skos-inscheme")
        } else if p == skos::topConceptOf {
            t!(self, "pred-skos-topconceptof")
        } else if p == skos::hasTopConcept {
            t!(self, "pred-skos-hastopconcept")
        } else if p == owl::sameAs {
            t!(self, "pred-owl-sameas")
        } else if p == prov::wasDerivedFrom {
            t!(self, "pred-prov-wasderivedfrom")
        } else if p == dcterms::format {
            t!(self, "pred-dcterms-format")
        } else if p == dcterms::language {
            t!(self, "pred-dcterms-language")
        } else if p == oa::start {
            t!(self, "pred-oa-start")
        } else if p == oa::end {
            t!(self, "pred-oa-end")
        } else if p == org::subOrganizationOf {
            t!(self, "pred-org-suborganizationof")
        } else {
            self.p.compact(edge.pred.as_str())
        };
        html! { (text) }
    }

    /// The autonym of a language, for the language switch.
    pub fn autonym(&self, lang: Lang) -> String {
        match lang {
            Lang::Ru => t!(self, "lang-autonym-ru"),
            Lang::En => t!(self, "lang-autonym-en"),
            Lang::Zh => t!(self, "lang-autonym-zh"),
        }
    }

    /// A count with its noun, through the locale's plural rules.
    pub fn measures_count(&self, count: usize) -> String {
        t!(self, "measures-count", "count" => count)
    }
}

/// The lines a source span covers.
pub(crate) fn span_lines(node: &Node) -> (u64, u64) {
    let line = |predicate: NamedNodeRef<'_>| {
        node.out()
            .find(|e| e.pred == predicate)
            .and_then(|e| match e.term {
                Term::Literal(l) => l.value().parse().ok(),
                _ => None,
            })
            .unwrap_or(0)
    };
    (line(sco::startLine), line(sco::endLine))
}

/// Groups edges by predicate, in order of first appearance.
pub(crate) fn group<'a>(edges: impl Iterator<Item = Edge<'a>>) -> Vec<(Edge<'a>, Vec<&'a Term>)> {
    let mut out: Vec<(Edge<'a>, Vec<&'a Term>)> = Vec::new();
    for edge in edges {
        match out.iter_mut().find(|(e, _)| e.pred == edge.pred) {
            Some((_, terms)) => terms.push(edge.term),
            None => out.push((edge, vec![edge.term])),
        }
    }
    out
}

/// Text cut to about `max` characters (its first paragraph; at a word boundary where there is
/// one near the cut), with an ellipsis when anything was left out.
pub(crate) fn snippet(text: &str, max: usize) -> String {
    let first = text.split('\n').next().unwrap_or_default();
    let count = first.chars().count();
    if count <= max && first.len() == text.len() {
        return text.to_string();
    }
    let cut: String = first.chars().take(max).collect();
    let kept = match cut.rfind(char::is_whitespace) {
        Some(i) if count > max && cut[..i].chars().count() > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    let kept = kept.trim_end_matches([',', ';', ':', '.', ' ', '，', '、', '；', '。']);
    format!("{kept}…")
}

/// The text of a literal split into its paragraphs.
pub(crate) fn paragraphs(text: &str, lang: Lang) -> Markup {
    html! {
        div.text lang=(lang.bcp47()) {
            @for p in text.split('\n').filter(|p| !p.trim().is_empty()) { p { (p) } }
        }
    }
}

/// A list of links, inline (comma-separated by the stylesheet).
pub(crate) fn inline_links(cx: &Cx, iris: &[&str]) -> Markup {
    html! {
        ul.inline.nowrap[short_labels(cx, iris.iter().copied())] {
            @for iri in iris { li { (cx.link(iri)) } }
        }
    }
}

/// Whether every resource has a short label ("Measure 30", "China"): such lists are kept from
/// breaking inside a label.
fn short_labels<'a>(cx: &Cx, mut iris: impl Iterator<Item = &'a str>) -> bool {
    iris.all(|i| {
        matches!(
            cx.p.kind(i),
            Some(ResourceKind::Measure | ResourceKind::State | ResourceKind::SourceSpan)
        )
    })
}

fn term_iri(term: &Term) -> &str {
    match term {
        Term::NamedNode(n) => n.as_str(),
        _ => "",
    }
}

/// The "links" (outbound IRIs) and "referenced by" (inbound) lists every page ends with.
pub(crate) fn graph_links(cx: &Cx, node: &Node) -> Markup {
    let outbound = group(node.out().filter(|e| matches!(e.term, Term::NamedNode(_))));
    let inbound = group(node.inbound());
    html! {
        section.graph {
            h2 #links { (t!(cx, "links-heading")) }
            @if outbound.is_empty() {
                p.muted { (t!(cx, "links-none")) }
            } @else {
                dl.links {
                    @for (edge, terms) in &outbound {
                        dt { (cx.predicate(edge)) " " span.count { (terms.len()) } }
                        dd { ul.inline.nowrap[short_labels(cx, terms.iter().map(|t| term_iri(t)))] {
                            @for term in terms { li { (cx.term(term)) } }
                        } }
                    }
                }
            }
            h2 #referenced-by { (t!(cx, "referenced-by-heading")) }
            @if inbound.is_empty() {
                p.muted { (t!(cx, "referenced-by-none")) }
            } @else {
                p.muted { (t!(cx, "referenced-by-intro", "count" => node.inbound().len())) }
                dl.links {
                    @for (edge, terms) in &inbound {
                        dt { (cx.predicate(edge)) " " span.count { (terms.len()) } }
                        dd { ul.inline.nowrap[short_labels(cx, terms.iter().map(|t| term_iri(t)))] {
                            @for term in terms { li { (cx.term(term)) } }
                        } }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn snippets() {
        assert_eq!(snippet("short", 10), "short");
        assert_eq!(snippet("one two three four five", 12), "one two…");
        assert_eq!(snippet("第一\n第二", 10), "第一…");
        assert_eq!(snippet("这是一个很长的中文句子没有空格", 5), "这是一个很…");
    }
}
