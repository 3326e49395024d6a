//! One entity as JSON (`GET /api/entity/{path}`), for front-ends that do not speak SPARQL.

use std::collections::BTreeMap;

use oxigraph::model::{Literal, Term};
use serde_json::{json, Map, Value};

use super::{literal_lang, Lang};
use crate::graph::vocab::{compact, rdf, skos, xsd, PREFIXES};
use crate::graph::ResourceKind;
use crate::graph::{ResourceView, Views};
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

/// How a linked resource is shown: its prefLabel in the asked language (or along the fallback
/// chain) and its lookup type.
fn link_json(views: &Views, property: &str, iri: &str, lang: Lang) -> Value {
    let view = views.get(iri);
    let label = view.and_then(|v| v.label(lang));
    let mut link = Map::new();
    link.insert("property".into(), curie(property).into());
    link.insert("iri".into(), iri.into());
    link.insert(
        "type".into(),
        view.and_then(lookup_kind)
            .map_or(Value::Null, |k| k.as_str().into()),
    );
    link.insert("label".into(), label.map_or(Value::Null, |(t, _)| t.into()));
    link.insert(
        "label_lang".into(),
        label.map_or(Value::Null, |(_, l)| l.as_str().into()),
    );
    Value::Object(link)
}

/// The lookup type of a resource: none for the parts of the plan's record.
fn lookup_kind(view: &ResourceView) -> Option<ResourceKind> {
    view.kind.filter(|k| k.searchable())
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
    let views = kg.views();
    let me = views.get(iri).filter(|v| v.is_subject())?;
    let mut classes = Vec::new();
    let mut labels = Map::new();
    let mut alt_labels: BTreeMap<Lang, Vec<&str>> =
        Lang::ALL.iter().map(|&l| (l, Vec::new())).collect();
    let mut literals = Vec::new();
    let mut links = Vec::new();
    for l in Lang::ALL {
        if let Some(text) = me.label_exact(l) {
            labels.insert(l.as_str().into(), text.into());
        }
    }
    for e in me.out() {
        let p = e.pred.as_str();
        match e.term {
            Term::NamedNode(o) if e.pred == rdf::TYPE => classes.push(curie(o.as_str())),
            Term::NamedNode(o) => links.push(link_json(&views, p, o.as_str(), lang)),
            Term::Literal(_) if e.pred == skos::prefLabel => {}
            Term::Literal(lit) if e.pred == skos::altLabel => {
                if let Some(l) = lit.language().and_then(literal_lang) {
                    alt_labels.entry(l).or_default().push(lit.value());
                }
            }
            Term::Literal(lit) => literals.push(literal_json(p, lit)),
            _ => {}
        }
    }
    let incoming: Vec<Value> = me
        .inbound()
        .filter_map(|e| match e.term {
            Term::NamedNode(s) => Some(link_json(&views, e.pred.as_str(), s.as_str(), lang)),
            _ => None,
        })
        .collect();
    let label = me.label(lang);
    let alt_labels: Map<String, Value> = alt_labels
        .into_iter()
        .map(|(l, v)| (l.as_str().to_string(), json!(v)))
        .collect();

    Some(json!({
        "iri": iri,
        "type": lookup_kind(me).map(ResourceKind::as_str),
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
