//! The vocabularies the graph uses: our ontology (`sco:`) and the field's.
//!
//! Every term the code names is a constant here, typed as an IRI: the ontology
//! (`ontology/sco-kg.ttl`) is the source of truth for `sco:`, and a test holds [`sco`] to it.

use oxigraph::model::NamedNodeRef;

use super::kind::ResourceKind;

/// `rdf:`, `rdfs:` and `xsd:` terms, as oxigraph names them (`rdf::TYPE`, `rdfs::LABEL`).
pub use oxigraph::model::vocab::{rdf, rdfs, xsd};

pub const SCO: &str = sco::NS;
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = owl::NS;
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const SKOS: &str = skos::NS;
pub const DCTERMS: &str = dcterms::NS;
pub const PROV: &str = prov::NS;
pub const ORG: &str = org::NS;
pub const OA: &str = oa::NS;
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

/// One constant per term of a namespace, and for each group the list of its terms.
macro_rules! terms {
    ($ns:literal; $($group:ident { $($name:ident $(= $local:literal)?),* $(,)? })*) => {
        /// The namespace.
        pub const NS: &str = $ns;
        $(
            $(pub const $name: NamedNodeRef<'static> =
                NamedNodeRef::new_unchecked(concat!($ns, local!($name $($local)?)));)*
            pub const $group: &[NamedNodeRef<'static>] = &[$($name),*];
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
        CLASSES {
            ActionPlan, Decision, Section, Measure, Body, MemberState, Document, Place,
            NamedInitiative, NamedEvent, Signatory, SourceText, SourceSpan, ParticipationScope,
            DocumentStatus, DocumentKind,
        }
        OBJECT_PROPERTIES {
            section, hasMeasure, plan, hasSection, participant, participationScope, executor,
            mentions, references, place, initiative, documentStatus, documentKind, implements,
            approvedBy, approves, issuedBy, signatory, state, memberOf, parentBody, sourceSpan,
            sourceText,
        }
        DATATYPE_PROPERTIES {
            number, text, title, preamble, participantsText, executorsText, date, year, office,
            startLine, endLine, translationNote,
            // The properties of the pattern of the service `sco:search`.
            query, lang, r#type = "type", limit, score, matched,
        }
        INDIVIDUALS {
            ParticipationScopeScheme, DocumentStatusScheme, DocumentKindScheme,
            AllMemberStates, NamedMemberStates, InterestedMemberStates,
            InForce, Draft,
            Agreement, Convention, Programme, Strategy, Concept, Plan, Memorandum, Declaration,
            Statement, Register, List, Charter, Regulation,
            // The endpoint's extensions: the function `sco:label` and the service `sco:search`.
            label, search,
        }
    }
}

/// SKOS: `http://www.w3.org/2004/02/skos/core#`.
#[allow(non_upper_case_globals)]
pub mod skos {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/2004/02/skos/core#";
        CLASSES { Concept, ConceptScheme }
        PROPERTIES {
            prefLabel, altLabel, definition, notation, note, inScheme, hasTopConcept,
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
        CLASSES {
            Class, ObjectProperty, DatatypeProperty, AnnotationProperty, NamedIndividual,
            FunctionalProperty, InverseFunctionalProperty, Ontology,
        }
        PROPERTIES { sameAs, equivalentClass, oneOf, unionOf, inverseOf, versionInfo }
    }
}

/// Dublin Core terms: `http://purl.org/dc/terms/`.
#[allow(non_upper_case_globals)]
pub mod dcterms {
    use super::NamedNodeRef;

    terms! {
        "http://purl.org/dc/terms/";
        PROPERTIES { title, description, license, language, format, source }
    }
}

/// PROV-O: `http://www.w3.org/ns/prov#`.
#[allow(non_upper_case_globals)]
pub mod prov {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/ns/prov#";
        CLASSES { Entity }
        PROPERTIES { wasDerivedFrom }
    }
}

/// The Organization Ontology: `http://www.w3.org/ns/org#`.
#[allow(non_upper_case_globals)]
pub mod org {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/ns/org#";
        PROPERTIES { subOrganizationOf }
    }
}

/// Web Annotation: `http://www.w3.org/ns/oa#`.
#[allow(non_upper_case_globals)]
pub mod oa {
    use super::NamedNodeRef;

    terms! {
        "http://www.w3.org/ns/oa#";
        PROPERTIES { start, end }
    }
}

/// The prefixes declared in dumps, query results and the editor, in this order.
pub const PREFIXES: [(&str, &str); 11] = [
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
