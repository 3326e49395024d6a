//! One entity as JSON (`GET /api/entity/{path}`), for front-ends that do not speak SPARQL.

use std::collections::{BTreeMap, HashMap, HashSet};

use oxigraph::model::{Literal, Term, Triple};
use serde_json::{json, Map, Value};

use super::{lang_index, literal_lang, EntityKind, Lang, SubjectStr};
use crate::graph::vocab::{compact, rdf, skos, xsd, PREFIXES};
use crate::store::KnowledgeGraph;

/// The IRI of the resource at `path` under the graph's base (`body/rats` →
/// `https://w3id.org/sco-kg/id/body/rats`).
pub fn entity_iri(kg: &KnowledgeGraph, path: &str) -> String {
    format!("{}{}", kg.base.as_str(), path.trim_start_matches('/'))
}

/// "http://www.w3.org/2004/02/skos/core#prefLabel" → "skos:prefLabel": the vocabularies'
/// prefixes only, other IRIs as they are.
fn curie(iri: &str) -> String {
    compact(&PREFIXES, iri)
}

/// What is known of a linked resource: its prefLabels and type.
#[derive(Default)]
struct Neighbour<'a> {
    labels: [Option<&'a str>; 3],
    kind: Option<EntityKind>,
}

impl Neighbour<'_> {
    fn json(&self, property: &str, iri: &str, lang: Lang) -> Value {
        let mut link = Map::new();
        link.insert("property".into(), curie(property).into());
        link.insert("iri".into(), iri.into());
        link.insert(
            "type".into(),
            self.kind.map_or(Value::Null, |k| k.as_str().into()),
        );
        let label = lang
            .fallback_chain()
            .into_iter()
            .find_map(|l| self.labels[lang_index(l)].map(|t| (t, l)));
        link.insert("label".into(), label.map_or(Value::Null, |(t, _)| t.into()));
        link.insert(
            "label_lang".into(),
            label.map_or(Value::Null, |(_, l)| l.as_str().into()),
        );
        Value::Object(link)
    }
}

fn literal_json(property: &str, lit: &Literal) -> Value {
    let mut out = Map::new();
    out.insert("property".into(), curie(property).into());
    out.insert("value".into(), lit.value().into());
    if let Some(lang) = lit.language() {
        out.insert("lang".into(), lang.into());
    } else if lit.datatype() != xsd::STRING {
        out.insert("datatype".into(), curie(lit.datatype().as_str()).into());
    }
    Value::Object(out)
}

/// The resource `iri` as JSON, with its labels and links, labels in `lang` (with the fallback
/// chain of [`Lang::fallback_chain`]); `None` when the graph says nothing about `iri`.
///
/// ```json
/// {
///   "iri": "https://w3id.org/sco-kg/id/body/rats",
///   "type": "body",
///   "classes": ["sco:Body"],
///   "lang": "zh",
///   "label": "上海合作组织地区反恐怖机构",
///   "label_lang": "zh",
///   "labels": { "ru": "Региональная антитеррористическая структура ШОС",
///               "en": "Regional Anti-Terrorist Structure of the SCO",
///               "zh": "上海合作组织地区反恐怖机构" },
///   "alt_labels": { "ru": ["РАТС ШОС", "РАТС", "…"], "en": ["RATS", "…"], "zh": ["…"] },
///   "literals": [
///     { "property": "sco:number", "value": "14", "datatype": "xsd:integer" },
///     { "property": "sco:text", "value": "…", "lang": "ru" }
///   ],
///   "links": [
///     { "property": "sco:parentBody", "iri": "https://w3id.org/sco-kg/id/body/sco",
///       "type": "body", "label": "上海合作组织", "label_lang": "zh" }
///   ],
///   "incoming": [
///     { "property": "sco:executor", "iri": "https://w3id.org/sco-kg/id/plan/2021-2025/measure/4",
///       "type": "measure", "label": "第4项措施", "label_lang": "zh" }
///   ]
/// }
/// ```
///
/// - `type`: the lookup type (`body` … `decision`), or `null` for other resources (a
///   signatory, a source span); `classes`: every `rdf:type`, as CURIEs.
/// - `labels`: the `skos:prefLabel` in each language that has one; `alt_labels`: the
///   `skos:altLabel`s of each of ru, en, zh (possibly empty lists).
/// - `literals`: every other literal of the resource (texts, numbers, dates), in the graph's
///   order; `lang` for a language-tagged literal, else `datatype` unless it is `xsd:string`.
/// - `links`: every IRI the resource points to (except `rdf:type`), `incoming`: every resource
///   pointing to it; `property` as a CURIE (`sco:executor`, `skos:inScheme` …), `label` and
///   `label_lang` as for the entity, `null` where the linked resource has no prefLabel.
pub fn entity_json(kg: &KnowledgeGraph, iri: &str, lang: Lang) -> Option<Value> {
    entity_json_from_triples(&kg.triples, iri, lang)
}

pub(crate) fn entity_json_from_triples(triples: &[Triple], iri: &str, lang: Lang) -> Option<Value> {
    let (rdf_type, pref, alt) = (
        rdf::TYPE.as_str(),
        skos::prefLabel.as_str(),
        skos::altLabel.as_str(),
    );

    let mut own: Vec<&Triple> = Vec::new();
    let mut incoming: Vec<&Triple> = Vec::new();
    for t in triples {
        if t.subject_str() == iri {
            own.push(t);
        } else if matches!(&t.object, Term::NamedNode(o) if o.as_str() == iri) {
            incoming.push(t);
        }
    }
    if own.is_empty() {
        return None;
    }

    // Labels and types of every linked resource, in one more pass.
    let mut wanted: HashSet<&str> = HashSet::new();
    wanted.insert(iri);
    for t in &own {
        if let Term::NamedNode(o) = &t.object {
            if t.predicate.as_str() != rdf_type {
                wanted.insert(o.as_str());
            }
        }
    }
    for t in &incoming {
        wanted.insert(t.subject_str());
    }
    let mut neighbours: HashMap<&str, Neighbour<'_>> = HashMap::new();
    for t in triples {
        let p = t.predicate.as_str();
        if p != pref && p != rdf_type {
            continue;
        }
        let s = t.subject_str();
        if !wanted.contains(s) {
            continue;
        }
        match &t.object {
            Term::Literal(lit) if p == pref => {
                if let Some(l) = lit.language().and_then(literal_lang) {
                    let slot = &mut neighbours.entry(s).or_default().labels[lang_index(l)];
                    slot.get_or_insert(lit.value());
                }
            }
            Term::NamedNode(class) if p == rdf_type => {
                if let Some(kind) = EntityKind::of_class(class.as_str()).filter(|k| k.searchable())
                {
                    neighbours.entry(s).or_default().kind = Some(kind);
                }
            }
            _ => {}
        }
    }

    let me = neighbours.remove(iri).unwrap_or_default();
    let mut classes = Vec::new();
    let mut labels = Map::new();
    let mut alt_labels: BTreeMap<Lang, Vec<&str>> =
        Lang::ALL.iter().map(|&l| (l, Vec::new())).collect();
    let mut literals = Vec::new();
    let mut links = Vec::new();
    for l in Lang::ALL {
        if let Some(text) = me.labels[lang_index(l)] {
            labels.insert(l.as_str().into(), text.into());
        }
    }
    for t in &own {
        let p = t.predicate.as_str();
        match &t.object {
            Term::NamedNode(o) if p == rdf_type => classes.push(curie(o.as_str())),
            Term::NamedNode(o) => links.push(neighbours.get(o.as_str()).map_or_else(
                || Neighbour::default().json(p, o.as_str(), lang),
                |n| n.json(p, o.as_str(), lang),
            )),
            Term::Literal(_) if p == pref => {}
            Term::Literal(lit) if p == alt => {
                if let Some(l) = lit.language().and_then(literal_lang) {
                    alt_labels.entry(l).or_default().push(lit.value());
                }
            }
            Term::Literal(lit) => literals.push(literal_json(p, lit)),
            _ => {}
        }
    }
    let incoming: Vec<Value> = incoming
        .iter()
        .map(|t| {
            let s = t.subject_str();
            neighbours.get(s).map_or_else(
                || Neighbour::default().json(t.predicate.as_str(), s, lang),
                |n| n.json(t.predicate.as_str(), s, lang),
            )
        })
        .collect();
    let label = lang
        .fallback_chain()
        .into_iter()
        .find_map(|l| me.labels[lang_index(l)].map(|t| (t, l)));
    let alt_labels: Map<String, Value> = alt_labels
        .into_iter()
        .map(|(l, v)| (l.as_str().to_string(), json!(v)))
        .collect();

    Some(json!({
        "iri": iri,
        "type": me.kind.map(EntityKind::as_str),
        "classes": classes,
        "lang": lang.as_str(),
        "label": label.map(|(t, _)| t),
        "label_lang": label.map(|(_, l)| l.as_str()),
        "labels": labels,
        "alt_labels": alt_labels,
        "literals": literals,
        "links": links,
        "incoming": incoming,
    }))
}
