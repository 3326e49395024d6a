//! The ontology as a page for people (`/ontology` for a client that prefers HTML), as pyLODE
//! and WIDOCO write them: every class, property and named individual of `ontology/sco-kg.ttl`
//! (the same embedded Turtle the server serves as RDF) with its label and definition in the
//! page's language, its domain and range or superclasses, how often the graph uses it and one
//! triple of the graph that does, each under an anchor named by its local name, so that the
//! term's IRI `https://w3id.org/sco-kg/ontology#executor`, followed by a browser, lands on it.
//!
//! Everything is read once ([`OntologyIndex::new`], when [`Pages`] is built): the ontology's
//! triples, and the uses of each term counted over the graph's triples.

use std::collections::HashMap;

use maud::{html, Markup};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNodeRef, NamedOrBlankNode, Term, Triple};

use super::index::Pages;
use super::layout::{page_with_head, Route};
use super::render::{snippet, Cx};
use crate::graph::vocab::{compact, dcterms, owl, rdf, rdfs, skos, OWL, SCO};
use crate::i18n::{Lang, Localizer};
use crate::store::KnowledgeGraph;
use crate::t;

/// The ontology's own syntaxes, each at a URL of its own (`/ontology.{extension}`): what the
/// page links to, since a browser following `/ontology` gets the page.
pub const ONTOLOGY_FORMATS: [(&str, &str); 4] = [
    ("text/turtle", "ttl"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdf"),
    ("application/ld+json", "jsonld"),
];

/// What a term of the ontology is, in the order the page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermKind {
    Class,
    ObjectProperty,
    DatatypeProperty,
    Individual,
}

impl TermKind {
    const ALL: [TermKind; 4] = [
        TermKind::Class,
        TermKind::ObjectProperty,
        TermKind::DatatypeProperty,
        TermKind::Individual,
    ];

    fn of_type(iri: &str) -> Option<TermKind> {
        [
            (owl::Class, TermKind::Class),
            (owl::ObjectProperty, TermKind::ObjectProperty),
            (owl::DatatypeProperty, TermKind::DatatypeProperty),
            (owl::NamedIndividual, TermKind::Individual),
        ]
        .into_iter()
        .find(|(class, _)| class.as_str() == iri)
        .map(|(_, kind)| kind)
    }

    /// The id of the part of the page that lists the terms of this kind.
    fn anchor(self) -> &'static str {
        match self {
            TermKind::Class => "classes",
            TermKind::ObjectProperty => "object-properties",
            TermKind::DatatypeProperty => "datatype-properties",
            TermKind::Individual => "individuals",
        }
    }
}

/// One class, property or individual of the ontology.
#[derive(Debug, Clone)]
pub(crate) struct OntologyTerm {
    pub iri: String,
    /// The local name in `sco:`: the anchor of the term on the page.
    pub local: String,
    pub kind: TermKind,
    labels: Vec<(Lang, String)>,
    /// `skos:definition`, else `rdfs:comment`.
    definitions: Vec<(Lang, String)>,
    /// The terms it refers to, by predicate IRI, in the file's order; a class written as a union
    /// or an enumeration (`owl:unionOf`, `owl:oneOf`) stands for its members.
    refs: Vec<(String, Vec<String>)>,
    /// `owl:FunctionalProperty`, `owl:InverseFunctionalProperty`.
    functional: bool,
    inverse_functional: bool,
    /// `skos:notation`.
    notation: Option<String>,
    /// In the graph: instances of a class, triples of a property, triples whose object is an
    /// individual.
    pub uses: usize,
    /// One of those triples, with a subject that has a page where there is one.
    pub example: Option<Triple>,
}

impl OntologyTerm {
    fn refs(&self, predicate: NamedNodeRef<'_>) -> &[String] {
        self.refs
            .iter()
            .find(|(p, _)| p == predicate.as_str())
            .map_or(&[], |(_, v)| v.as_slice())
    }
}

/// The ontology's header and terms, with their uses in the graph.
#[derive(Debug, Clone, Default)]
pub(crate) struct OntologyIndex {
    iri: String,
    titles: Vec<(Lang, String)>,
    descriptions: Vec<(Lang, String)>,
    version: Option<String>,
    license: Option<String>,
    /// The Turtle file's prefixes, for the compact names of other vocabularies' terms.
    prefixes: Vec<(String, String)>,
    terms: Vec<OntologyTerm>,
}

/// A subject or object as a key: the IRI, or `_:` and the blank node's id.
fn key_of_subject(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

fn key_of_term(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        Term::BlankNode(b) => Some(format!("_:{}", b.as_str())),
        _ => None,
    }
}

/// The statements of the ontology by subject.
struct Statements<'a>(HashMap<String, Vec<(&'a str, &'a Term)>>);

impl<'a> Statements<'a> {
    fn new(triples: &'a [Triple]) -> Self {
        let mut by_subject: HashMap<String, Vec<(&str, &Term)>> = HashMap::new();
        for t in triples {
            by_subject
                .entry(key_of_subject(&t.subject))
                .or_default()
                .push((t.predicate.as_str(), &t.object));
        }
        Self(by_subject)
    }

    fn objects(&self, subject: &str, predicate: NamedNodeRef<'_>) -> Vec<&'a Term> {
        self.0
            .get(subject)
            .into_iter()
            .flatten()
            .filter(|(p, _)| *p == predicate.as_str())
            .map(|(_, o)| *o)
            .collect()
    }

    /// The items of an RDF list (bounded: a cyclic list ends).
    fn list(&self, mut node: String) -> Vec<String> {
        let (first, rest) = (rdf::FIRST, rdf::REST);
        let mut items = Vec::new();
        for _ in 0..1000 {
            if node == rdf::NIL.as_str() {
                break;
            }
            items.extend(
                self.objects(&node, first)
                    .into_iter()
                    .filter_map(key_of_term),
            );
            match self
                .objects(&node, rest)
                .first()
                .and_then(|t| key_of_term(t))
            {
                Some(next) => node = next,
                None => break,
            }
        }
        items
    }

    /// The named terms an object stands for: itself, or the members of the union a blank
    /// node describes (`rdfs:domain [ owl:unionOf ( sco:Measure sco:ActionPlan ) ]`).
    fn members(&self, object: &Term) -> Vec<String> {
        match object {
            Term::NamedNode(n) => vec![n.as_str().to_string()],
            Term::BlankNode(_) => self.list_of(object, owl::unionOf),
            _ => Vec::new(),
        }
    }

    /// The named items of the list a blank node gives as `predicate`.
    fn list_of(&self, node: &Term, predicate: NamedNodeRef<'_>) -> Vec<String> {
        let node = key_of_term(node).unwrap_or_default();
        self.objects(&node, predicate)
            .into_iter()
            .filter_map(key_of_term)
            .flat_map(|list| self.list(list))
            .filter(|m| !m.starts_with("_:"))
            .collect()
    }

    fn texts(&self, subject: &str, predicate: NamedNodeRef<'_>) -> Vec<(Lang, String)> {
        self.objects(subject, predicate)
            .into_iter()
            .filter_map(|o| match o {
                Term::Literal(l) => l
                    .language()
                    .and_then(Lang::from_tag)
                    .map(|lang| (lang, l.value().to_string())),
                _ => None,
            })
            .collect()
    }

    fn literal(&self, subject: &str, predicate: NamedNodeRef<'_>) -> Option<String> {
        self.objects(subject, predicate)
            .into_iter()
            .find_map(|o| match o {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
    }
}

/// The predicates whose objects a term's facts show, in the order shown.
const REFERENCES: [NamedNodeRef<'static>; 7] = [
    rdf::TYPE,
    rdfs::SUB_CLASS_OF,
    rdfs::SUB_PROPERTY_OF,
    owl::inverseOf,
    rdfs::DOMAIN,
    rdfs::RANGE,
    skos::inScheme,
];

/// How often the graph uses a term, and one triple that does.
#[derive(Default)]
struct Use<'a> {
    count: usize,
    example: Option<&'a Triple>,
}

impl<'a> Use<'a> {
    /// Counts `t`; it becomes the example if it is the first, or the first whose subject has
    /// a page (the example links to that page).
    fn add(&mut self, t: &'a Triple, base: &str) {
        self.count += 1;
        let has_page = |t: &Triple| matches!(&t.subject, NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(base));
        if self.example.is_none_or(|e| !has_page(e) && has_page(t)) {
            self.example = Some(t);
        }
    }
}

impl OntologyIndex {
    /// The ontology embedded in the binary, with its terms' uses in `kg`. An ontology that does
    /// not parse gives an empty index: the server refuses to start before (it serves the same
    /// file as RDF, parsed at start).
    pub fn new(kg: &KnowledgeGraph) -> Self {
        let Ok(file) = crate::data::ontology("sco-kg.ttl") else {
            return Self::default();
        };
        let mut parser =
            RdfParser::from_format(RdfFormat::Turtle).for_slice(file.contents.as_bytes());
        let mut triples = Vec::new();
        for quad in parser.by_ref() {
            match quad {
                Ok(quad) => triples.push(Triple::from(quad)),
                Err(_) => return Self::default(),
            }
        }
        let prefixes: Vec<(String, String)> = parser
            .prefixes()
            .map(|(p, ns)| (p.to_string(), ns.to_string()))
            .collect();
        let statements = Statements::new(&triples);

        // The uses of every sco: term in the graph, in one pass.
        let base = kg.base.as_str();
        let mut instances: HashMap<&str, Use> = HashMap::new();
        let mut predicates: HashMap<&str, Use> = HashMap::new();
        let mut objects: HashMap<&str, Use> = HashMap::new();
        for t in kg.triples.iter() {
            predicates
                .entry(t.predicate.as_str())
                .or_default()
                .add(t, base);
            if let Term::NamedNode(o) = &t.object {
                if o.as_str().starts_with(SCO) {
                    let uses = if t.predicate == rdf::TYPE {
                        &mut instances
                    } else {
                        &mut objects
                    };
                    uses.entry(o.as_str()).or_default().add(t, base);
                }
            }
        }

        // The terms, in the order the file defines them.
        let mut terms: Vec<OntologyTerm> = Vec::new();
        for t in &triples {
            let (NamedOrBlankNode::NamedNode(subject), Term::NamedNode(class)) =
                (&t.subject, &t.object)
            else {
                continue;
            };
            if t.predicate != rdf::TYPE {
                continue;
            }
            let Some(local) = subject.as_str().strip_prefix(SCO) else {
                continue;
            };
            let Some(kind) = TermKind::of_type(class.as_str()) else {
                continue;
            };
            if terms.iter().any(|x| x.iri == subject.as_str()) {
                continue;
            }
            let iri = subject.as_str();
            let mut definitions = statements.texts(iri, skos::definition);
            if definitions.is_empty() {
                definitions = statements.texts(iri, rdfs::COMMENT);
            }
            let refs = REFERENCES
                .iter()
                .map(|&predicate| {
                    let mut members: Vec<String> = statements
                        .objects(iri, predicate)
                        .into_iter()
                        .flat_map(|o| statements.members(o))
                        // Its kind says these already.
                        .filter(|m| {
                            !(predicate == rdf::TYPE
                                && (TermKind::of_type(m).is_some()
                                    || m.strip_prefix(OWL)
                                        .is_some_and(|l| l.ends_with("Property"))))
                        })
                        .collect();
                    members.dedup();
                    (predicate.as_str().to_string(), members)
                })
                // A class defined as an enumeration of individuals
                // (`owl:equivalentClass [ owl:oneOf ( … ) ]`): those individuals.
                .chain(std::iter::once((
                    owl::oneOf.as_str().to_string(),
                    statements
                        .objects(iri, owl::equivalentClass)
                        .into_iter()
                        .flat_map(|o| statements.list_of(o, owl::oneOf))
                        .collect(),
                )))
                .filter(|(_, members): &(String, Vec<String>)| !members.is_empty())
                .collect();
            let types: Vec<String> = statements
                .objects(iri, rdf::TYPE)
                .into_iter()
                .filter_map(key_of_term)
                .collect();
            let uses = match kind {
                TermKind::Class => instances.get(iri),
                TermKind::ObjectProperty | TermKind::DatatypeProperty => predicates.get(iri),
                TermKind::Individual => objects.get(iri),
            };
            terms.push(OntologyTerm {
                iri: iri.to_string(),
                local: local.to_string(),
                kind,
                labels: statements.texts(iri, rdfs::LABEL),
                definitions,
                refs,
                functional: types.iter().any(|t| owl::FunctionalProperty == t.as_str()),
                inverse_functional: types
                    .iter()
                    .any(|t| owl::InverseFunctionalProperty == t.as_str()),
                notation: statements.literal(iri, skos::notation),
                uses: uses.map_or(0, |u| u.count),
                example: uses.and_then(|u| u.example).cloned(),
            });
        }

        let iri = SCO.trim_end_matches('#').to_string();
        Self {
            titles: statements.texts(&iri, dcterms::title),
            descriptions: statements.texts(&iri, dcterms::description),
            version: statements.literal(&iri, owl::versionInfo),
            license: statements
                .objects(&iri, dcterms::license)
                .into_iter()
                .find_map(key_of_term),
            iri,
            prefixes,
            terms,
        }
    }

    fn term(&self, iri: &str) -> Option<&OntologyTerm> {
        self.terms.iter().find(|t| t.iri == iri)
    }
}

impl Pages {
    /// The ontology's page.
    pub fn ontology(&self, loc: &Localizer, lang: Lang, public_url: &str) -> String {
        render(&Cx::new(self, loc, lang, public_url), &self.ontology_index)
    }
}

/// A text in the page's language, or along the fallback chain.
fn in_lang(texts: &[(Lang, String)], lang: Lang) -> Option<(&str, Lang)> {
    lang.fallback_chain().into_iter().find_map(|l| {
        texts
            .iter()
            .find(|(x, _)| *x == l)
            .map(|(_, t)| (t.as_str(), l))
    })
}

/// The label of a term in the page's language with the fallback marker.
fn label(cx: &Cx, term: &OntologyTerm) -> Markup {
    match in_lang(&term.labels, cx.lang) {
        Some((text, used)) if used != cx.lang => html! {
            span lang=(used.bcp47()) { (text) } (cx.fallback_marker(used))
        },
        Some((text, _)) => html! { (text) },
        None => html! { (term.local) },
    }
}

/// A link to what a term refers to: its anchor for a term of this ontology, its page for a
/// resource of the graph, the IRI itself (shown compact) otherwise.
fn reference(cx: &Cx, ontology: &OntologyIndex, iri: &str) -> Markup {
    if iri.starts_with("_:") {
        html! { code { (iri) } }
    } else if let Some(term) = ontology.term(iri) {
        html! { a href=(format!("#{}", term.local)) title=(iri) { (label(cx, term)) } }
    } else if cx.p.contains(iri) {
        cx.link(iri)
    } else {
        html! { a href=(iri) { code { (compact(&ontology.prefixes, iri)) } } }
    }
}

fn references(cx: &Cx, ontology: &OntologyIndex, iris: &[String]) -> Option<Markup> {
    (!iris.is_empty()).then(|| {
        html! { ul.inline { @for iri in iris { li { (reference(cx, ontology, iri)) } } } }
    })
}

/// One triple of the graph: its subject (a link to its page), predicate and object.
fn example(cx: &Cx, ontology: &OntologyIndex, triple: &Triple) -> Markup {
    let subject = key_of_subject(&triple.subject);
    let object = match &triple.object {
        Term::NamedNode(n) => reference(cx, ontology, n.as_str()),
        // A text is cut (a measure's text is a paragraph); dates and numbers read as on pages.
        Term::Literal(l) => match l.language().and_then(Lang::from_tag) {
            Some(lang) => html! { q lang=(lang.bcp47()) { (snippet(l.value(), 80)) } },
            None => cx.literal(l),
        },
        other => html! { (other.to_string()) },
    };
    html! {
        span.example {
            (reference(cx, ontology, &subject)) " "
            code { (compact(&ontology.prefixes, triple.predicate.as_str())) } " "
            (object)
        }
    }
}

fn uses(cx: &Cx, term: &OntologyTerm) -> String {
    match term.kind {
        TermKind::Class => t!(cx, "ontology-uses-class", "count" => term.uses),
        TermKind::ObjectProperty | TermKind::DatatypeProperty => {
            t!(cx, "ontology-uses-property", "count" => term.uses)
        }
        TermKind::Individual => t!(cx, "ontology-uses-individual", "count" => term.uses),
    }
}

fn heading(cx: &Cx, kind: TermKind, count: usize) -> String {
    match kind {
        TermKind::Class => t!(cx, "ontology-classes-heading", "count" => count),
        TermKind::ObjectProperty => t!(cx, "ontology-object-properties-heading", "count" => count),
        TermKind::DatatypeProperty => {
            t!(cx, "ontology-datatype-properties-heading", "count" => count)
        }
        TermKind::Individual => t!(cx, "ontology-individuals-heading", "count" => count),
    }
}

fn term_section(cx: &Cx, ontology: &OntologyIndex, term: &OntologyTerm) -> Markup {
    let refs = |predicate| references(cx, ontology, term.refs(predicate));
    // For a class: the properties that go from it and to it.
    let with = |predicate| -> Vec<String> {
        ontology
            .terms
            .iter()
            .filter(|p| p.refs(predicate).contains(&term.iri))
            .map(|p| p.iri.clone())
            .collect()
    };
    let (from, to) = if term.kind == TermKind::Class {
        (with(rdfs::DOMAIN), with(rdfs::RANGE))
    } else {
        (Vec::new(), Vec::new())
    };
    let characteristics: Vec<String> = [
        term.functional.then(|| t!(cx, "ontology-functional")),
        term.inverse_functional
            .then(|| t!(cx, "ontology-inverse-functional")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let rows: Vec<(String, Option<Markup>)> = vec![
        (
            t!(cx, "ontology-fact-iri"),
            Some(html! { code { (term.iri) } }),
        ),
        (t!(cx, "ontology-fact-type"), refs(rdf::TYPE)),
        (
            t!(cx, "ontology-fact-subclass-of"),
            refs(rdfs::SUB_CLASS_OF),
        ),
        (t!(cx, "ontology-fact-one-of"), refs(owl::oneOf)),
        (
            t!(cx, "ontology-fact-subproperty-of"),
            refs(rdfs::SUB_PROPERTY_OF),
        ),
        (t!(cx, "ontology-fact-inverse-of"), refs(owl::inverseOf)),
        (
            t!(cx, "ontology-fact-characteristics"),
            (!characteristics.is_empty()).then(|| html! { (characteristics.join(", ")) }),
        ),
        (t!(cx, "ontology-fact-domain"), refs(rdfs::DOMAIN)),
        (t!(cx, "ontology-fact-range"), refs(rdfs::RANGE)),
        (
            t!(cx, "ontology-fact-properties-from"),
            references(cx, ontology, &from),
        ),
        (
            t!(cx, "ontology-fact-properties-to"),
            references(cx, ontology, &to),
        ),
        (t!(cx, "ontology-fact-scheme"), refs(skos::inScheme)),
        (
            t!(cx, "ontology-fact-notation"),
            term.notation.as_ref().map(|n| html! { code { (n) } }),
        ),
    ];
    html! {
        section.term id=(term.local) {
            h3 {
                a.anchor href=(format!("#{}", term.local)) { (label(cx, term)) }
                " " code.curie { "sco:" (term.local) }
            }
            @if let Some((definition, used)) = in_lang(&term.definitions, cx.lang) {
                p.definition lang=(used.bcp47()) {
                    (definition)
                    @if used != cx.lang { (cx.fallback_marker(used)) }
                }
            }
            dl.facts {
                @for (name, value) in rows {
                    @if let Some(value) = value { dt { (name) } dd { (value) } }
                }
                dt { (t!(cx, "ontology-fact-uses")) }
                dd.uses data-uses=(term.uses) { (uses(cx, term)) }
                dt { (t!(cx, "ontology-fact-example")) }
                dd {
                    @match &term.example {
                        Some(triple) => (example(cx, ontology, triple)),
                        None => span.muted { (t!(cx, "ontology-example-none")) },
                    }
                }
            }
        }
    }
}

fn render(cx: &Cx, ontology: &OntologyIndex) -> String {
    let title = in_lang(&ontology.titles, cx.lang)
        .map(|(t, _)| t.to_string())
        .unwrap_or_else(|| t!(cx, "nav-ontology"));
    let groups: Vec<(TermKind, Vec<&OntologyTerm>)> = TermKind::ALL
        .into_iter()
        .map(|kind| {
            (
                kind,
                ontology.terms.iter().filter(|t| t.kind == kind).collect(),
            )
        })
        .collect();
    let formats = html! {
        @for (i, (media_type, extension)) in ONTOLOGY_FORMATS.iter().enumerate() {
            @if i > 0 { " · " }
            a href=(cx.route(&format!("/ontology.{extension}"))) type=(media_type) { (cx.format_name(media_type)) }
        }
    };
    let head = html! {
        @for (media_type, extension) in ONTOLOGY_FORMATS {
            link rel="alternate" type=(media_type) href=(cx.route(&format!("/ontology.{extension}"))) title=(cx.format_name(media_type));
        }
    };
    let main = html! {
        nav.crumbs aria-label=(t!(cx, "nav-breadcrumbs")) {
            a href=(cx.route(&format!("/?lang={}", cx.lang))) { (t!(cx, "nav-home")) }
        }
        p.kind { (t!(cx, "nav-ontology")) }
        h1 { (title) }
        @if let Some((description, used)) = in_lang(&ontology.descriptions, cx.lang) {
            p lang=(used.bcp47()) { (description) }
        }
        dl.facts {
            dt { (t!(cx, "ontology-fact-iri")) } dd { code { (ontology.iri) } }
            dt { (t!(cx, "ontology-fact-prefix")) } dd { code { "sco: <" (SCO) ">" } }
            @if let Some(version) = &ontology.version {
                dt { (t!(cx, "ontology-fact-version")) } dd { (version) }
            }
            @if let Some(license) = &ontology.license {
                dt { (t!(cx, "ontology-fact-license")) } dd { a href=(license) { (license) } }
            }
            dt { (t!(cx, "rdf-formats")) } dd { (formats) }
            dt { (t!(cx, "ontology-fact-shapes")) } dd { a href=(cx.route("/ontology/shapes")) { "SHACL" } }
        }
        nav.toc aria-label=(t!(cx, "ontology-contents")) {
            @for (kind, terms) in &groups {
                @if !terms.is_empty() {
                    div {
                        a href=(format!("#{}", kind.anchor())) { strong { (heading(cx, *kind, terms.len())) } } " "
                        ul.inline { @for term in terms { li { a href=(format!("#{}", term.local)) { (label(cx, term)) } } } }
                    }
                }
            }
        }
        @for (kind, terms) in &groups {
            @if !terms.is_empty() {
                h2 id=(kind.anchor()) { (heading(cx, *kind, terms.len())) }
                @for term in terms { (term_section(cx, ontology, term)) }
            }
        }
    };
    page_with_head(cx, &title, Route::Ontology, head, main)
}
