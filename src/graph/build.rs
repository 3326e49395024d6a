//! Builds the triples of the knowledge graph from the linked plan.

use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Term, Triple};

use super::kind::ResourceKind;
use super::vocab::{dcterms, geo, oa, org, owl, prov, rdf, rdfs, sco, skos, xsd, WIKIDATA};
use crate::i18n::Message;
use crate::link::TRANSLATED;
use crate::link::{DocumentDate, DocumentKind, DocumentStatus, LANGUAGES};
use crate::link::{EntityRef, EntityType, ExecutorScope, LinkedPlan, ParticipationScope};

/// The base every resource IRI starts with (`https://w3id.org/sco-kg/id/` by default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base(String);

/// Why a string is no [`Base`]: the string, and what is wrong with it.
/// [`BaseError::message`] says it in no language yet; `Display` in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseError {
    /// Not an absolute IRI.
    NotAnIri {
        /// The base as given.
        base: String,
        /// Why not: the IRI parser's words, in English.
        detail: String,
    },
    /// An IRI that ends with neither '/' nor '#'.
    NoSeparator {
        /// The base as given.
        base: String,
    },
}

impl BaseError {
    /// The base as given.
    pub fn base(&self) -> &str {
        match self {
            Self::NotAnIri { base, .. } | Self::NoSeparator { base } => base,
        }
    }

    /// What is wrong, in no language yet (`base-*` in `locales/*/pipeline.ftl`).
    pub fn message(&self) -> Message {
        // As Rust writes a string: quoted, with invisible characters escaped.
        let quoted = format!("{:?}", self.base());
        match self {
            Self::NotAnIri { detail, .. } => Message::new("base-not-an-iri")
                .arg("base", quoted)
                .arg("detail", detail.as_str()),
            Self::NoSeparator { .. } => Message::new("base-no-separator").arg("base", quoted),
        }
    }
}

/// In English, for logs and tests.
impl std::fmt::Display for BaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for BaseError {}

impl Base {
    /// A base must be an absolute IRI ending in '/' or '#'.
    pub fn new(base: &str) -> Result<Self, BaseError> {
        let iri = oxigraph::model::NamedNode::new(base).map_err(|e| BaseError::NotAnIri {
            base: base.to_string(),
            detail: e.to_string(),
        })?;
        if !(iri.as_str().ends_with('/') || iri.as_str().ends_with('#')) {
            return Err(BaseError::NoSeparator {
                base: base.to_string(),
            });
        }
        Ok(Self(iri.into_string()))
    }

    /// The base IRI itself, ending in '/' or '#'.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The IRI of `path` under the base (`path` appended as is, unchecked).
    pub fn iri(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{path}", self.0))
    }
}

impl Default for Base {
    fn default() -> Self {
        Self(super::vocab::DEFAULT_BASE.to_string())
    }
}

fn lang(text: &str, language: &str) -> Term {
    Literal::new_language_tagged_literal_unchecked(text, language).into()
}

fn integer(value: impl ToString) -> Term {
    Literal::new_typed_literal(value.to_string(), xsd::INTEGER).into()
}

/// An `xsd:decimal` of a finite number, in its shortest form ("68.78", not "68.7800"): the
/// canonical form, which SPARQL answers write, so that a dump and an answer agree.
fn decimal(value: f64) -> Term {
    let text = value.to_string();
    Literal::new_typed_literal(text, xsd::DECIMAL).into()
}

/// "ПОЛИТИЧЕСКОЕ ВЗАИМОДЕЙСТВИЕ" → "Политическое взаимодействие".
fn sentence_case(heading: &str) -> String {
    let lower = heading.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Accumulates triples.
struct Triples(Vec<Triple>);

impl Triples {
    fn add(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, object: impl Into<Term>) {
        self.0.push(Triple::new(subject.clone(), predicate, object));
    }

    fn a(&mut self, subject: &NamedNode, class: NamedNodeRef<'_>) {
        self.add(subject, rdf::TYPE, class);
    }
}

/// IRIs of the plan's own resources.
pub struct Iris {
    /// The base they are all under.
    pub base: Base,
    /// The Action Plan (`plan/2021-2025`, its period read from its title).
    pub plan: NamedNode,
    /// The decision approving the plan (`decision/{year}/{number}`).
    pub decision: NamedNode,
    /// The source text the graph is read from (`source/plan-2021-2025`).
    pub source: NamedNode,
}

impl Iris {
    /// The IRIs under `base` of the plan `linked` holds.
    pub fn new(base: &Base, linked: &LinkedPlan) -> Self {
        let years = plan_years(&linked.plan.title);
        let d = &linked.plan.decision;
        Self {
            base: base.clone(),
            plan: base.iri(&format!("{}/{years}", ResourceKind::Plan.segment())),
            decision: base.iri(&format!(
                "{}/{}/{}",
                ResourceKind::Decision.segment(),
                d.date.year,
                d.number
            )),
            source: base.iri(&format!(
                "{}/plan-{years}",
                ResourceKind::SourceText.segment()
            )),
        }
    }

    /// The plan's section numbered `number` (`…/plan/2021-2025/section/3`).
    pub fn section(&self, number: u32) -> NamedNode {
        self.part(&self.plan, ResourceKind::Section, number)
    }

    /// The plan's measure numbered `number` (`…/plan/2021-2025/measure/14`).
    pub fn measure(&self, number: u32) -> NamedNode {
        self.part(&self.plan, ResourceKind::Measure, number)
    }

    /// The `number`th part of a kind of `whole` (`…/plan/2021-2025/measure/14`).
    fn part(
        &self,
        whole: &NamedNode,
        kind: ResourceKind,
        number: impl std::fmt::Display,
    ) -> NamedNode {
        NamedNode::new_unchecked(format!("{}/{}/{number}", whole.as_str(), kind.segment()))
    }

    /// The IRI of an entity of `linked`'s registry: its type's path and its id under the base
    /// (`body/rats`).
    pub fn entity(&self, linked: &LinkedPlan, entity: EntityRef) -> NamedNode {
        let e = linked.registry.get(entity);
        self.base.iri(&format!("{}/{}", e.entity_type.path(), e.id))
    }
}

/// The plan's period as written in its title ("2021-2025").
fn plan_years(title: &str) -> String {
    let bytes: Vec<char> = title.chars().collect();
    (0..bytes.len().saturating_sub(8))
        .map(|i| bytes[i..i + 9].iter().collect::<String>())
        .find(|s| {
            s.chars()
                .enumerate()
                .all(|(i, c)| if i == 4 { c == '-' } else { c.is_ascii_digit() })
        })
        .unwrap_or_else(|| "plan".into())
}

/// Character offset (Unicode scalar values, as Web Annotation counts) of each line's start.
fn line_offsets(source: &str) -> Vec<usize> {
    let mut offsets = vec![0];
    let mut count = 0;
    for c in source.chars() {
        count += 1;
        if c == '\n' {
            offsets.push(count);
        }
    }
    offsets
}

fn kind_individual(kind: DocumentKind) -> NamedNodeRef<'static> {
    match kind {
        DocumentKind::Agreement => sco::Agreement,
        DocumentKind::Convention => sco::Convention,
        DocumentKind::Programme => sco::Programme,
        DocumentKind::Strategy => sco::Strategy,
        DocumentKind::Concept => sco::Concept,
        DocumentKind::Plan => sco::Plan,
        DocumentKind::Memorandum => sco::Memorandum,
        DocumentKind::Declaration => sco::Declaration,
        DocumentKind::Statement => sco::Statement,
        DocumentKind::Register => sco::Register,
        DocumentKind::List => sco::List,
        DocumentKind::Charter => sco::Charter,
        DocumentKind::Regulation => sco::Regulation,
    }
}

/// Every triple of the graph, sorted and without repeats.
pub fn build(linked: &LinkedPlan, source: &str, base: &Base) -> Vec<Triple> {
    let iris = Iris::new(base, linked);
    let mut t = Triples(Vec::new());
    let plan = &linked.plan;
    let tr = |l: &str| linked.translations.get(l);
    let pref = skos::prefLabel;

    // The source text.
    t.a(&iris.source, sco::SourceText);
    t.a(&iris.source, prov::Entity);
    t.add(
        &iris.source,
        dcterms::language,
        Literal::new_simple_literal("ru"),
    );
    t.add(
        &iris.source,
        dcterms::format,
        Literal::new_simple_literal("text/plain"),
    );
    t.add(&iris.source, pref, lang(&plan.title, "ru"));
    for l in TRANSLATED {
        if let Some(x) = tr(l) {
            t.add(&iris.source, pref, lang(&x.plan.title, l));
        }
    }

    // The decision.
    let d = &plan.decision;
    t.a(&iris.decision, sco::Decision);
    t.add(&iris.decision, sco::number, integer(d.number));
    t.add(
        &iris.decision,
        sco::date,
        Literal::new_typed_literal(d.date.to_string(), xsd::DATE),
    );
    t.add(
        &iris.decision,
        sco::place,
        iris.entity(linked, linked.decision.place),
    );
    t.add(
        &iris.decision,
        sco::issuedBy,
        iris.entity(linked, linked.decision.issuing_body),
    );
    t.add(&iris.decision, sco::approves, iris.plan.clone());
    t.add(&iris.decision, prov::wasDerivedFrom, iris.source.clone());
    for (title, text, l) in std::iter::once((d.title.as_str(), d.text.as_str(), "ru")).chain(
        TRANSLATED.iter().filter_map(|&l| {
            tr(l).map(|x| (x.decision.title.as_str(), x.decision.text.as_str(), l))
        }),
    ) {
        t.add(&iris.decision, pref, lang(title, l));
        t.add(&iris.decision, sco::title, lang(title, l));
        t.add(&iris.decision, sco::text, lang(text, l));
    }
    for (i, (signatory, state)) in d
        .signatories
        .iter()
        .zip(&linked.decision.signatory_states)
        .enumerate()
    {
        let s = iris.part(&iris.decision, ResourceKind::Signatory, i + 1);
        t.a(&s, sco::Signatory);
        t.add(&iris.decision, sco::signatory, s.clone());
        t.add(&s, sco::office, lang(&signatory.office, "ru"));
        t.add(&s, sco::state, iris.entity(linked, *state));
        let russian = format!("{} {}", signatory.office, signatory.state);
        for l in TRANSLATED {
            if let Some(x) = tr(l).and_then(|x| x.decision.signatories.get(&russian)) {
                t.add(&s, sco::office, lang(&x.office, l));
                t.add(&s, pref, lang(&x.label, l));
            }
        }
        t.add(&s, pref, lang(&russian, "ru"));
    }

    // The plan.
    t.a(&iris.plan, sco::ActionPlan);
    t.a(&iris.plan, skos::ConceptScheme);
    t.add(&iris.plan, sco::approvedBy, iris.decision.clone());
    t.add(&iris.plan, prov::wasDerivedFrom, iris.source.clone());
    for doc in &linked.plan_links.implements {
        t.add(&iris.plan, sco::implements, iris.entity(linked, *doc));
    }
    for doc in linked.plan_links.preamble.get(EntityType::Document) {
        t.add(&iris.plan, sco::references, iris.entity(linked, *doc));
    }
    let plan_texts = std::iter::once((
        plan.title.as_str(),
        plan.preamble.as_str(),
        plan.approval.as_str(),
        "ru",
    ))
    .chain(TRANSLATED.iter().filter_map(|&l| {
        tr(l).map(|x| {
            (
                x.plan.title.as_str(),
                x.plan.preamble.as_str(),
                x.plan.approval.as_str(),
                l,
            )
        })
    }));
    for (title, preamble, approval, l) in plan_texts {
        t.add(&iris.plan, pref, lang(title, l));
        t.add(&iris.plan, sco::title, lang(title, l));
        t.add(&iris.plan, sco::preamble, lang(preamble, l));
        t.add(&iris.plan, skos::note, lang(approval, l));
    }

    // Sections.
    for s in &plan.sections {
        let section = iris.section(s.number);
        t.a(&section, sco::Section);
        t.a(&section, skos::Concept);
        t.add(&section, sco::number, integer(s.number));
        t.add(
            &section,
            skos::notation,
            Literal::new_simple_literal(s.number.to_string()),
        );
        t.add(&section, sco::plan, iris.plan.clone());
        t.add(&section, skos::inScheme, iris.plan.clone());
        t.add(&section, skos::topConceptOf, iris.plan.clone());
        t.add(&iris.plan, sco::hasSection, section.clone());
        t.add(&iris.plan, skos::hasTopConcept, section.clone());
        t.add(&section, sco::title, lang(&s.title, "ru"));
        t.add(&section, pref, lang(&sentence_case(&s.title), "ru"));
        for l in TRANSLATED {
            if let Some(title) = tr(l).and_then(|x| x.sections.get(&s.number)) {
                t.add(&section, pref, lang(title, l));
            }
        }
    }

    // Measures.
    let offsets = line_offsets(source);
    let labels = &linked.translations.labels;
    for (m, links) in plan.measures.iter().zip(&linked.measures) {
        let measure = iris.measure(m.number);
        t.a(&measure, sco::Measure);
        t.add(&measure, sco::number, integer(m.number));
        t.add(&measure, sco::section, iris.section(m.section));
        t.add(&iris.section(m.section), sco::hasMeasure, measure.clone());
        t.add(&measure, prov::wasDerivedFrom, iris.source.clone());
        for l in LANGUAGES {
            t.add(&measure, pref, lang(&labels.measure(l, m.number), l));
        }
        t.add(&measure, sco::text, lang(&m.text, "ru"));
        for l in TRANSLATED {
            if let Some(text) = tr(l).and_then(|x| x.measures.get(&m.number)) {
                t.add(&measure, sco::text, lang(text, l));
                if let Some(note) = labels.translation_note.get(l) {
                    t.add(&measure, sco::translationNote, lang(note, l));
                }
            }
        }
        t.add(&measure, sco::participantsText, lang(&m.participants, "ru"));
        let scope = match links.scope {
            ParticipationScope::All => sco::AllMemberStates,
            ParticipationScope::Named => sco::NamedMemberStates,
            ParticipationScope::Interested => sco::InterestedMemberStates,
        };
        t.add(&measure, sco::participationScope, scope);
        for state in &links.participants {
            t.add(&measure, sco::participant, iris.entity(linked, *state));
        }
        for (text, body) in &links.executors {
            t.add(&measure, sco::executor, iris.entity(linked, *body));
            t.add(&measure, sco::executorsText, lang(text, "ru"));
        }
        // Whose bodies execute the measure, as its executor strings say: the scope of each
        // body of the member states, and the states it names (none for the interested states
        // or the chair, which the plan does not name).
        for executing in &links.executing {
            let scope = match executing.scope {
                ExecutorScope::All => sco::AllMemberStates,
                ExecutorScope::Named => sco::NamedMemberStates,
                ExecutorScope::Interested => sco::InterestedMemberStates,
                ExecutorScope::Chair => sco::ChairMemberState,
                ExecutorScope::One => sco::OneMemberState,
            };
            t.add(&measure, sco::executorScope, scope);
            for state in &executing.states {
                t.add(&measure, sco::executingState, iris.entity(linked, *state));
            }
        }
        let mentions = &links.mentions;
        for (entity_type, predicate) in [
            (EntityType::Document, sco::references),
            (EntityType::Place, sco::place),
            (EntityType::Initiative, sco::initiative),
            (EntityType::Body, sco::mentions),
            (EntityType::State, sco::mentions),
        ] {
            for e in mentions.get(entity_type) {
                t.add(&measure, predicate, iris.entity(linked, *e));
            }
        }
        for (k, range) in m.source_lines.iter().enumerate() {
            let span = iris.part(&measure, ResourceKind::SourceSpan, k + 1);
            t.a(&span, sco::SourceSpan);
            t.add(&measure, sco::sourceSpan, span.clone());
            t.add(&span, sco::sourceText, iris.source.clone());
            t.add(&span, sco::startLine, integer(range.start));
            t.add(&span, sco::endLine, integer(range.end));
            if let (Some(start), Some(end)) = (offsets.get(range.start - 1), offsets.get(range.end))
            {
                t.add(&span, oa::start, integer(start));
                // The end excludes the last line's line break.
                t.add(&span, oa::end, integer(end - 1));
            }
        }
    }

    // Registry entities.
    let sco_body = linked.registry.find(EntityType::Body, "sco");
    for (r, e) in linked.registry.entities.iter().enumerate() {
        let node = iris.entity(linked, EntityRef(r));
        t.a(&node, e.entity_type.kind().class());
        for l in LANGUAGES {
            t.add(&node, pref, lang(e.label(l), l));
            for alt in e.alt.get(l).into_iter().flatten() {
                t.add(&node, skos::altLabel, lang(alt, l));
            }
        }
        if let Some(q) = &e.wikidata {
            t.add(
                &node,
                owl::sameAs,
                NamedNode::new_unchecked(format!("{WIKIDATA}{q}")),
            );
        }
        if let Some(point) = &e.coordinates {
            t.add(&node, geo::lat, decimal(point.lat));
            t.add(&node, geo::long, decimal(point.long));
        }
        if let Some(parent) = e
            .parent
            .as_ref()
            .and_then(|p| linked.registry.find(e.entity_type, p))
        {
            t.add(&node, sco::parentBody, iris.entity(linked, parent));
            t.add(&node, org::subOrganizationOf, iris.entity(linked, parent));
        }
        if e.entity_type == EntityType::State {
            if let Some(sco_body) = sco_body {
                t.add(&node, sco::memberOf, iris.entity(linked, sco_body));
            }
        }
        if let Some(kind) = e.doc_kind {
            t.add(&node, sco::documentKind, kind_individual(kind));
        }
        if let Some(status) = e.status {
            let status = match status {
                DocumentStatus::InForce => sco::InForce,
                DocumentStatus::Draft => sco::Draft,
            };
            t.add(&node, sco::documentStatus, status);
        }
        match e.date {
            Some(DocumentDate::Day(date)) => t.add(
                &node,
                sco::date,
                Literal::new_typed_literal(date.to_string(), xsd::DATE),
            ),
            Some(DocumentDate::Year(year)) => t.add(
                &node,
                sco::date,
                Literal::new_typed_literal(format!("{year:04}"), xsd::G_YEAR),
            ),
            None => {}
        }
    }

    derived(&mut t);

    // Each key once, then the triples in the keys' order.
    let mut keyed: Vec<_> = t.0.iter().map(order_key).zip(0..).collect();
    keyed.sort_unstable();
    keyed.dedup_by(|a, b| a.0 == b.0);
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    let mut slots: Vec<Option<Triple>> = t.0.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// What generic tools and other engines need beside what the plan says:
/// - `rdfs:label` beside every `skos:prefLabel` (Protégé, LodView, YASGUI and most SPARQL
///   clients display `rdfs:label`); for a measure, whose preferred label is only its number,
///   the label says what it is: "Measure 30: Implementation of the Agreement …", its text cut
///   at a word;
/// - `sco:year`, an `xsd:integer`, beside every `sco:date`: the dates keep the precision the
///   text gives (`xsd:date` or `xsd:gYear`), and `YEAR()` of an `xsd:gYear` is unbound in most
///   engines, so sorting and grouping by year needs a number.
fn derived(t: &mut Triples) {
    use std::collections::{HashMap, HashSet};
    let pref = skos::prefLabel;
    let label = rdfs::LABEL;
    let (date, year, text) = (sco::date, sco::year, sco::text);
    // One pass to index what the labels need: which subjects are measures, and their texts.
    let mut measures = HashSet::new();
    let mut texts = HashMap::new();
    for x in &t.0 {
        if x.predicate == rdf::TYPE && matches!(&x.object, Term::NamedNode(c) if *c == sco::Measure)
        {
            measures.insert(&x.subject);
        } else if x.predicate == text {
            if let Term::Literal(l) = &x.object {
                texts.insert((&x.subject, l.language()), l.value());
            }
        }
    }
    let mut added = Vec::new();
    for x in &t.0 {
        let Term::Literal(l) = &x.object else {
            continue;
        };
        if x.predicate == pref {
            let body = measures
                .contains(&x.subject)
                .then(|| texts.get(&(&x.subject, l.language())))
                .flatten();
            let value = match body {
                Some(body) => {
                    let colon = if l.language() == Some("zh") {
                        "："
                    } else {
                        ": "
                    };
                    format!(
                        "{}{colon}{}",
                        l.value(),
                        cut_at_word(body, MEASURE_LABEL_CHARS)
                    )
                }
                None => l.value().to_string(),
            };
            let labelled = match l.language() {
                Some(language) => Literal::new_language_tagged_literal_unchecked(value, language),
                None => Literal::new_simple_literal(value),
            };
            added.push(Triple::new(x.subject.clone(), label, labelled));
        } else if x.predicate == date {
            if let Some(y) = l.value().get(..4).and_then(|y| y.parse::<i32>().ok()) {
                added.push(Triple::new(x.subject.clone(), year, integer(y)));
            }
        }
    }
    t.0.extend(added);
}

/// How much of a measure's text its `rdfs:label` carries.
const MEASURE_LABEL_CHARS: usize = 90;

/// `text` cut at the last word boundary within `limit` characters, with "…" when cut.
fn cut_at_word(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit).collect();
    // Chinese has no spaces: a cut anywhere is a cut at a word.
    let at = cut
        .rfind(' ')
        .filter(|&i| i > limit / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// The order of the graph's triples (and of every dump): by subject, predicate, then object,
/// each compared by kind and then by its strings. A total order on distinct triples that
/// needs no formatting, so sorting costs no allocation.
fn order_key(t: &Triple) -> [(u8, &str, &str); 3] {
    use oxigraph::model::{NamedOrBlankNode, TermRef};
    let subject = match &t.subject {
        NamedOrBlankNode::NamedNode(n) => (0, n.as_str(), ""),
        NamedOrBlankNode::BlankNode(b) => (1, b.as_str(), ""),
    };
    let object = match t.object.as_ref() {
        TermRef::NamedNode(n) => (0, n.as_str(), ""),
        TermRef::BlankNode(b) => (1, b.as_str(), ""),
        TermRef::Literal(l) => (
            2,
            l.value(),
            l.language().unwrap_or_else(|| l.datatype().as_str()),
        ),
        #[allow(unreachable_patterns)] // triple terms, with RDF 1.2 on: the graph has none
        _ => (3, "", ""),
    };
    [subject, (0, t.predicate.as_str(), ""), object]
}
