//! The vocabularies the graph uses: our ontology (`sco:`) and the field's.
//!
//! Every term the code names is a constant here, typed as an IRI: the ontology
//! (`ontology/sco-kg.ttl`) is the source of truth for `sco:`, and a test holds [`sco`] to it.

use oxigraph::model::NamedNodeRef;

use super::kind::ResourceKind;

/// `rdf:`, `rdfs:` and `xsd:` terms, as oxigraph names them (`rdf::TYPE`, `rdfs::LABEL`).
pub use oxigraph::model::vocab::{rdf, rdfs, xsd};

/// The namespace of the ontology, `sco:`.
pub const SCO: &str = sco::NS;
/// The namespace of RDF, `rdf:`.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// The namespace of RDF Schema, `rdfs:`.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// The namespace of OWL, `owl:`.
pub const OWL: &str = owl::NS;
/// The namespace of XML Schema datatypes, `xsd:`.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// The namespace of SKOS, `skos:`.
pub const SKOS: &str = skos::NS;
/// The namespace of Dublin Core terms, `dcterms:`.
pub const DCTERMS: &str = dcterms::NS;
/// The namespace of PROV-O, `prov:`.
pub const PROV: &str = prov::NS;
/// The namespace of the Organization Ontology, `org:`.
pub const ORG: &str = org::NS;
/// The namespace of Web Annotation, `oa:`.
pub const OA: &str = oa::NS;
/// The namespace of the W3C Basic Geo (WGS84 lat/long) vocabulary, `geo:`.
pub const GEO: &str = geo::NS;
/// The namespace of Wikidata's items, `wd:` (the targets of `owl:sameAs`).
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// The local name of a term: its constant's name unless spelled out (`r#type = "type"`).
macro_rules! local {
    ($name:ident) => {
        stringify!($name)
    };
    ($name:ident $local:literal) => {
        $local
    };
}

/// One constant per term of a namespace, and for each group the list of its terms; each term
/// and group carries its own doc comment.
macro_rules! terms {
    ($ns:literal; $($(#[$gattr:meta])* $group:ident {
        $($(#[$attr:meta])* $name:ident $(= $local:literal)?),* $(,)?
    })*) => {
        /// The namespace.
        pub const NS: &str = $ns;
        $(
            $($(#[$attr])* pub const $name: NamedNodeRef<'static> =
                NamedNodeRef::new_unchecked(concat!($ns, local!($name $($local)?)));)*
            $(#[$gattr])* pub const $group: &[NamedNodeRef<'static>] = &[$($name),*];
        )*
    };
}

// The constants are spelled as the terms' local names, case and all: the ontology's class
// `sco:Section` and property `sco:section` are different terms, which upper-case constants
// would merge.

/// The ontology: `https://w3id.org/sco-kg/ontology#`, each group as the ontology declares it.
#[allow(non_upper_case_globals)]
pub mod sco {
    use super::NamedNodeRef;

    terms! {
        "https://w3id.org/sco-kg/ontology#";
        /// The ontology's classes (`owl:Class`).
        CLASSES {
            /// Class Action Plan: a plan of measures adopted within the SCO, here the plan for
            /// 2021–2025 (a concept scheme whose top concepts are its sections).
            ActionPlan,
            /// Class Decision: a decision of an SCO council, here the one of 10 November 2020
            /// (Moscow) approving the plan.
            Decision,
            /// Class Section: a section of the plan grouping the measures of one area of
            /// cooperation, numbered in order.
            Section,
            /// Class Measure: a numbered row of the plan (No. 1–139) with its text, participating
            /// states and executors.
            Measure,
            /// Class Body: an SCO body, national bodies named by their role, or an external
            /// organisation, named as an executor or mentioned.
            Body,
            /// Class Member State: one of the eight SCO member states at the date of the decision.
            MemberState,
            /// Class Document: a document the plan or a measure refers to, in force or being
            /// drafted.
            Document,
            /// Class Place: a place named in the text (where the decision was adopted, a measure is
            /// carried out or an institution is).
            Place,
            /// Class Named Initiative: an exercise, operation, programme, project or event with a
            /// name of its own that a measure refers to.
            NamedInitiative,
            /// Class Named Event: a named initiative held as an event at a given time (exercise,
            /// forum, festival and the like).
            NamedEvent,
            /// Class Signatory: one signature of the decision (the signer's office and member
            /// state; no name).
            Signatory,
            /// Class Source Text: the plain-text copy of the Russian source document the graph is
            /// built from (lines numbered from 1).
            SourceText,
            /// Class Source Span: the contiguous lines of the source text a measure was read from
            /// (`sco:startLine`–`sco:endLine`, inclusive).
            SourceSpan,
            /// Class Participation Scope: how a participants cell delimits the participating states
            /// (concepts of `sco:ParticipationScopeScheme`).
            ParticipationScope,
            /// Class Document Status: whether a referenced document is in force or a draft
            /// (concepts of `sco:DocumentStatusScheme`).
            DocumentStatus,
            /// Class Document Kind: the kind of a referenced document as the text names it
            /// (concepts of `sco:DocumentKindScheme`).
            DocumentKind,
        }
        /// The ontology's object properties (`owl:ObjectProperty`).
        OBJECT_PROPERTIES {
            /// Property section: the section of the plan in which a measure appears.
            section,
            /// Property has measure: a measure contained in the section (inverse of `sco:section`).
            hasMeasure,
            /// Property plan: the Action Plan to which a section belongs.
            plan,
            /// Property has section: a section of the Action Plan (inverse of `sco:plan`).
            hasSection,
            /// Property participant: a member state taking part in the measure according to its
            /// participants cell.
            participant,
            /// Property participation scope: how the measure's participants cell delimits its
            /// participants.
            participationScope,
            /// Property executor: a body named in the measure's executors cell as responsible for
            /// carrying it out.
            executor,
            /// Property mentions: a body or member state named in the measure's text (not its
            /// participants or executors cells).
            mentions,
            /// Property references: a document referred to in a measure's text or in the plan's
            /// preamble.
            references,
            /// Property place: a place named in a measure's text; for the decision, where it was
            /// adopted.
            place,
            /// Property initiative: a named exercise, operation, programme, project or event the
            /// measure concerns.
            initiative,
            /// Property document status: whether the document is in force or a draft.
            documentStatus,
            /// Property document kind: the kind of the document (agreement, convention,
            /// programme…).
            documentKind,
            /// Property implements: the document the Action Plan implements (the SCO Development
            /// Strategy until 2025).
            implements,
            /// Property approved by: the decision that approved the Action Plan.
            approvedBy,
            /// Property approves: the Action Plan the decision approves (inverse of
            /// `sco:approvedBy`).
            approves,
            /// Property issued by: the SCO body that adopted the decision.
            issuedBy,
            /// Property signatory: one of the signatures of the decision.
            signatory,
            /// Property state: the member state on whose behalf a signature was made.
            state,
            /// Property member of: the organisation the state is a member of (the SCO).
            memberOf,
            /// Property parent body: the body this body is a part or a structure of.
            parentBody,
            /// Property source span: the lines of the source text the measure was read from.
            sourceSpan,
            /// Property source text: the source text whose lines the span designates.
            sourceText,
            /// Property executor scope: whose bodies execute the measure, per its executors cell
            /// (all, named, interested or chair member states).
            executorScope,
            /// Property executing state: a member state whose bodies the measure's executors cell
            /// names.
            executingState,
        }
        /// The ontology's datatype properties (`owl:DatatypeProperty`), with those of
        /// `sco:search`'s pattern.
        DATATYPE_PROPERTIES {
            /// Property number: of a section (1–8, in order), a measure (as printed, 1–139) or the
            /// decision.
            number,
            /// Property text: the text of a measure, at most one per language (Russian
            /// authoritative, English and Chinese unofficial).
            text,
            /// Property title: the full title of the plan, the decision or a document.
            title,
            /// Property preamble: the plan's introductory provision before its table of measures.
            preamble,
            /// Property participants text: the measure's participants cell as written in the
            /// source.
            participantsText,
            /// Property executor text: one executor of the measure's executors cell as written in
            /// the source.
            executorsText,
            /// Property date: of the decision or a document, a full `xsd:date` or only an
            /// `xsd:gYear`.
            date,
            /// Property year: the year of `sco:date` as a number (sortable and groupable in every
            /// engine).
            year,
            /// Property office: the signer's office as printed with the signature.
            office,
            /// Property start line: the first line of the span in the source text (from 1,
            /// inclusive).
            startLine,
            /// Property end line: the last line of the span in the source text (from 1, inclusive).
            endLine,
            /// Property translation note: a measure's note that its English and Chinese texts are
            /// unofficial translations.
            translationNote,
            // The properties of the pattern of the service `sco:search`.
            /// In a `sco:search` pattern: what to search for (required), in any of the three
            /// languages.
            query,
            /// In a `sco:search` pattern: the language of the hits' labels (ru, en or zh; en by
            /// default).
            lang,
            /// In a `sco:search` pattern: only entities of these comma-separated types (body,
            /// state, …).
            r#type = "type",
            /// In a `sco:search` pattern: the most entities found (10 by default, at most 100).
            limit,
            /// In a `sco:search` pattern: binds the hit's score, as in `/api/lookup` (higher is
            /// better).
            score,
            /// In a `sco:search` pattern: binds the label, alias or snippet that matched the query.
            matched,
        }
        /// The ontology's named individuals (`owl:NamedIndividual`): the concept schemes, their
        /// concepts and the endpoint's extensions.
        INDIVIDUALS {
            /// Concept scheme Participation scopes: the ways a participants (or executors) cell
            /// delimits a measure's states.
            ParticipationScopeScheme,
            /// Concept scheme Document statuses: in force or draft.
            DocumentStatusScheme,
            /// Concept scheme Document kinds: the kinds of referenced documents.
            DocumentKindScheme,
            /// Participation scope All member states: the cell reads “Государства-члены ШОС”; all
            /// eight states at the date of the decision.
            AllMemberStates,
            /// Participation scope Named member states: the cell lists states by name; only those
            /// take part.
            NamedMemberStates,
            /// Participation scope Interested member states: the interested states take part, which
            /// the text does not name.
            InterestedMemberStates,
            /// Executor scope Chair member state: the bodies of the state chairing the SCO, which
            /// the text does not name.
            ChairMemberState,
            /// Executor scope One member state: the bodies of one member state (the singular
            /// “государства-члена”), which the text does not name.
            OneMemberState,
            /// Document status In force: adopted (signed or approved) and referred to as existing.
            InForce,
            /// Document status Draft: not yet adopted; a measure provides for drafting, negotiating
            /// or considering it.
            Draft,
            /// Document kind Agreement: an international treaty named an agreement.
            Agreement,
            /// Document kind Convention: a multilateral treaty named a convention.
            Convention,
            /// Document kind Programme: directions and measures of cooperation for a period.
            Programme,
            /// Document kind Strategy: long-term goals and directions.
            Strategy,
            /// Document kind Concept: shared views and principles of cooperation in some area.
            Concept,
            /// Document kind Plan: a plan of measures or action plan for a period.
            Plan,
            /// Document kind Memorandum (for example of understanding).
            Memorandum,
            /// Document kind Declaration.
            Declaration,
            /// Document kind Statement.
            Statement,
            /// Document kind Register: a maintained record of entries.
            Register,
            /// Document kind List: an agreed enumeration of items.
            List,
            /// Document kind Charter: the founding document of an organisation (“хартия” or
            /// “устав”).
            Charter,
            /// Document kind Regulation (“положение”): rules on the status or procedures of a body
            /// or mechanism.
            Regulation,
            // The endpoint's extensions: the function `sco:label` and the service `sco:search`.
            /// The SPARQL function `sco:label(?x[, "langs"])`: the resource's `skos:prefLabel` in
            /// the language given or along its fallback chain.
            label,
            /// The SPARQL service `SERVICE sco:search { … }`: entity search with lookup's index and
            /// ranking, answered by the endpoint itself.
            search,
        }
    }
}

/// SKOS: `http://www.w3.org/2004/02/skos/core#`.
#[allow(non_upper_case_globals)]
pub mod skos {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/2004/02/skos/core#";
        /// The SKOS classes named here.
        CLASSES {
            /// `skos:Concept`: a unit of thought in a concept scheme (sections, scopes, statuses,
            /// kinds).
            Concept,
            /// `skos:ConceptScheme`: a set of concepts (the plan, the schemes of scopes, statuses
            /// and kinds).
            ConceptScheme,
        }
        /// The SKOS properties named here.
        PROPERTIES {
            /// `skos:prefLabel`: the preferred label, one per language.
            prefLabel,
            /// `skos:altLabel`: another label (an alias or abbreviation).
            altLabel,
            /// `skos:definition`: a statement of the meaning of a concept.
            definition,
            /// `skos:notation`: a code naming a concept within its scheme.
            notation,
            /// `skos:note`: a general note.
            note,
            /// `skos:inScheme`: the scheme a concept belongs to.
            inScheme,
            /// `skos:hasTopConcept`: a top concept of the scheme.
            hasTopConcept,
            /// `skos:topConceptOf`: the scheme the concept is a top concept of.
            topConceptOf,
        }
    }
}

/// OWL: `http://www.w3.org/2002/07/owl#`.
#[allow(non_upper_case_globals)]
pub mod owl {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/2002/07/owl#";
        /// The OWL classes the ontology's declarations use.
        CLASSES {
            /// `owl:Class`: the type of the ontology's classes.
            Class,
            /// `owl:ObjectProperty`: the type of properties whose values are resources.
            ObjectProperty,
            /// `owl:DatatypeProperty`: the type of properties whose values are literals.
            DatatypeProperty,
            /// `owl:AnnotationProperty`: the type of annotation properties.
            AnnotationProperty,
            /// `owl:NamedIndividual`: the type of named individuals (the schemes' concepts, the
            /// extensions).
            NamedIndividual,
            /// `owl:FunctionalProperty`: a property with at most one value per subject.
            FunctionalProperty,
            /// `owl:InverseFunctionalProperty`: a property whose value identifies its subject.
            InverseFunctionalProperty,
            /// `owl:Ontology`: the type of the ontology itself.
            Ontology,
        }
        /// The OWL properties the ontology's declarations use.
        PROPERTIES {
            /// `owl:sameAs`: the same individual under another IRI (a Wikidata item).
            sameAs,
            /// `owl:equivalentClass`: a class with the same members.
            equivalentClass,
            /// `owl:oneOf`: the individuals that make up an enumerated class.
            oneOf,
            /// `owl:unionOf`: the classes a class is the union of.
            unionOf,
            /// `owl:inverseOf`: the property that is the inverse of this one.
            inverseOf,
            /// `owl:versionInfo`: the version of the ontology.
            versionInfo,
        }
    }
}

/// Dublin Core terms: `http://purl.org/dc/terms/`.
#[allow(non_upper_case_globals)]
pub mod dcterms {
    use super::NamedNodeRef;

    terms! {
        "http://purl.org/dc/terms/";
        /// The Dublin Core properties named here.
        PROPERTIES {
            /// `dcterms:title`: a name given to the resource.
            title,
            /// `dcterms:description`: an account of the resource.
            description,
            /// `dcterms:license`: the licence of the resource.
            license,
            /// `dcterms:language`: a language of the resource.
            language,
            /// `dcterms:format`: the file format (media type) of the resource.
            format,
            /// `dcterms:source`: a resource from which this one is derived.
            source,
        }
    }
}

/// PROV-O: `http://www.w3.org/ns/prov#`.
#[allow(non_upper_case_globals)]
pub mod prov {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/ns/prov#";
        /// The PROV-O classes named here.
        CLASSES {
            /// `prov:Entity`: a thing with fixed aspects, here the source text.
            Entity,
        }
        /// The PROV-O properties named here.
        PROPERTIES {
            /// `prov:wasDerivedFrom`: the entity this one was derived from (the source text).
            wasDerivedFrom,
        }
    }
}

/// The Organization Ontology: `http://www.w3.org/ns/org#`.
#[allow(non_upper_case_globals)]
pub mod org {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/ns/org#";
        /// The Organization Ontology properties named here.
        PROPERTIES {
            /// `org:subOrganizationOf`: the organisation this one is a part of.
            subOrganizationOf,
        }
    }
}

/// Web Annotation: `http://www.w3.org/ns/oa#`.
#[allow(non_upper_case_globals)]
pub mod oa {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/ns/oa#";
        /// The Web Annotation properties named here.
        PROPERTIES {
            /// `oa:start`: the start of a text position selector (a character offset from 0).
            start,
            /// `oa:end`: the end of a text position selector (a character offset from 0,
            /// exclusive).
            end,
        }
    }
}

/// The W3C Basic Geo vocabulary (WGS84 lat/long): `http://www.w3.org/2003/01/geo/wgs84_pos#`.
#[allow(non_upper_case_globals)]
pub mod geo {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/2003/01/geo/wgs84_pos#";
        /// The Basic Geo classes named here.
        CLASSES {
            /// `geo:SpatialThing`: anything with spatial extent (the places are).
            SpatialThing,
        }
        /// The Basic Geo properties named here.
        PROPERTIES {
            /// `geo:lat`: the WGS84 latitude of a place, in decimal degrees (an `xsd:decimal`).
            lat,
            /// `geo:long`: the WGS84 longitude of a place, in decimal degrees (an `xsd:decimal`).
            long,
        }
    }
}

/// The prefixes declared in dumps, query results and the editor, in this order.
pub const PREFIXES: [(&str, &str); 12] = [
    ("sco", SCO),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("skos", SKOS),
    ("dcterms", DCTERMS),
    ("prov", PROV),
    ("org", ORG),
    ("oa", OA),
    ("geo", GEO),
    ("wd", WIKIDATA),
];

/// The entry of a prefix table whose namespace starts `iri`, the longest winning ("measure:"
/// over "plan:" over "id:"); a namespace must leave a local name: `sco:` alone names no term.
pub fn prefix_of<'p, S: AsRef<str>>(
    prefixes: &'p [(S, S)],
    iri: &str,
) -> Option<(&'p str, &'p str)> {
    prefixes
        .iter()
        .map(|(p, ns)| (p.as_ref(), ns.as_ref()))
        .filter(|(_, ns)| iri.len() > ns.len() && iri.starts_with(ns))
        .max_by_key(|(_, ns)| ns.len())
}

/// `iri` as `prefix:local` by [`prefix_of`], or as it is where no prefix fits.
pub fn compact<S: AsRef<str>>(prefixes: &[(S, S)], iri: &str) -> String {
    match prefix_of(prefixes, iri) {
        Some((prefix, ns)) => format!("{prefix}:{}", &iri[ns.len()..]),
        None => iri.to_string(),
    }
}

/// The default base of resource IRIs.
pub const DEFAULT_BASE: &str = "https://w3id.org/sco-kg/id/";

/// Prefixes of the resources under `base`: `id:` for the base itself and one per kind of
/// resource (`body:rats`, `measure:14`). `plan` and `decision` are their paths under the base.
pub fn resource_prefixes(base: &str, plan: &str, decision: &str) -> Vec<(String, String)> {
    let mut out = vec![("id".to_string(), base.to_string())];
    for kind in crate::link::EntityType::ALL.map(|t| t.kind()) {
        let segment = kind.segment();
        out.push((kind.as_str().to_string(), format!("{base}{segment}/")));
    }
    // A local name cannot hold an unescaped `/`: each prefix names things directly, so that
    // `plan:2021-2025`, `decision:1`, `section:3` and `measure:14` are the plan, the decision,
    // a section and a measure.
    let parent = |path: &str| {
        path.rsplit_once('/')
            .map_or(String::new(), |(p, _)| format!("{p}/"))
    };
    out.push((
        ResourceKind::Plan.as_str().to_string(),
        format!("{base}{}", parent(plan)),
    ));
    out.push((
        ResourceKind::Decision.as_str().to_string(),
        format!("{base}{}", parent(decision)),
    ));
    for kind in [ResourceKind::Section, ResourceKind::Measure] {
        let segment = kind.segment();
        out.push((
            kind.as_str().to_string(),
            format!("{base}{plan}/{segment}/"),
        ));
    }
    out
}

/// Every prefix: the vocabularies' and the resources'.
pub fn all_prefixes(base: &str, plan: &str, decision: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = PREFIXES
        .iter()
        .map(|(p, ns)| (p.to_string(), ns.to_string()))
        .collect();
    out.extend(resource_prefixes(base, plan, decision));
    out
}

/// The SPARQL prologue declaring every prefix.
pub fn sparql_prologue(base: &str, plan: &str, decision: &str) -> String {
    all_prefixes(base, plan, decision)
        .iter()
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{NamedOrBlankNode, Term};

    use super::*;

    /// The `sco:` terms the ontology declares with `rdf:type` `declared`.
    fn declared(declared: NamedNodeRef<'_>) -> BTreeSet<String> {
        let file =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/sco-kg.ttl"))
                .expect("the ontology");
        RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(file.as_bytes())
            .map(|q| q.expect("the ontology parses"))
            .filter(|q| q.predicate == rdf::TYPE && q.object == Term::from(declared.into_owned()))
            .filter_map(|q| match q.subject {
                NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(SCO) => {
                    Some(n.into_string())
                }
                _ => None,
            })
            .collect()
    }

    fn names(terms: &[NamedNodeRef<'_>]) -> BTreeSet<String> {
        terms.iter().map(|t| t.as_str().to_string()).collect()
    }

    /// Each group of `sco` holds exactly the terms the ontology declares of its type: no
    /// constant names a term the ontology lacks, and every declared term has a constant.
    #[test]
    fn sco_is_the_ontology() {
        for (group, declared_as) in [
            (sco::CLASSES, owl::Class),
            (sco::OBJECT_PROPERTIES, owl::ObjectProperty),
            (sco::DATATYPE_PROPERTIES, owl::DatatypeProperty),
            (sco::INDIVIDUALS, owl::NamedIndividual),
        ] {
            assert_eq!(names(group), declared(declared_as), "{declared_as}");
        }
    }

    #[test]
    fn curies_use_the_longest_namespace() {
        let base = DEFAULT_BASE;
        let prefixes = all_prefixes(base, "plan/2021-2025", "decision/2020/1");
        let measure = format!("{base}plan/2021-2025/measure/14");
        assert_eq!(compact(&prefixes, &measure), "measure:14");
        assert_eq!(
            compact(&prefixes, &format!("{base}plan/2021-2025")),
            "plan:2021-2025"
        );
        assert_eq!(compact(&PREFIXES, xsd::INTEGER.as_str()), "xsd:integer");
        assert_eq!(compact(&PREFIXES, SCO), SCO);
        assert_eq!(
            compact(&PREFIXES, "https://example.org/x"),
            "https://example.org/x"
        );
    }

    #[test]
    fn constants_spell_their_local_names() {
        assert_eq!(sco::r#type.as_str(), format!("{SCO}type"));
        assert_eq!(sco::Section.as_str(), format!("{SCO}Section"));
        assert_eq!(sco::section.as_str(), format!("{SCO}section"));
        assert_eq!(
            skos::prefLabel.as_str(),
            "http://www.w3.org/2004/02/skos/core#prefLabel"
        );
    }
}
