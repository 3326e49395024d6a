//! The query workbench (`/query`): the SPARQL editor (Yasqe, the editor of YASGUI), the example
//! gallery, and the result views (table, bar chart, network, timeline: ECharts; a map of the
//! answer's `?lat` and `?long`: the script's own SVG), driven by
//! `web/workbench.js` (an ES module; its parts that need no page are the modules of `web/lib/`,
//! tested by Node). The page is rendered here with everything the script needs as one JSON
//! object (`#wb-config`): the endpoint, the server's prefix table (as `GET /prefixes` serves it
//! in JSON), the lookup's types, the ontology's classes and properties and our two SPARQL
//! extensions (`sco:label`, `sco:search`, described by the ontology) for completion, the labels
//! of the graph's resources, the examples and every message in the page's language, so that the
//! script holds no words or prefixes of its own and asks nothing of other hosts.
//!
//! Without JavaScript the page still works as a form that sends the query to `/sparql`, and each
//! example is a link that loads it (`/query?example={id}`).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use maud::{html, PreEscaped};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedOrBlankNode, Term};
use serde_json::{json, Value};

use super::index::Pages;
use super::layout::{page_with_head, Route};
use super::render::Cx;
use crate::examples::{Example, View};
use crate::graph::vocab::{owl, rdf, rdfs, sco, skos};
use crate::graph::ResourceKind;
use crate::i18n::{Lang, Localizer};
use crate::store::{LABEL_FUNCTION, SEARCH_SERVICE};
use crate::t;

/// What the workbench page shows beyond the graph: the prefix table, the gallery, what the URL
/// asked to preload, the server's limits, and where the scripts are served.
pub struct Workbench<'a> {
    /// The prefixes every query may use undeclared (`KnowledgeGraph::prefixes`): the starter
    /// query declares them, the page lists them, and the script completes and compacts with them,
    /// in the JSON form `GET /prefixes` serves ([`Workbench::prefix_json`]).
    pub prefixes: &'a [(String, String)],
    /// The example gallery, in its order.
    pub examples: &'a [Example],
    /// `?example=`: the id of the example to load.
    pub example: Option<&'a str>,
    /// `?query=`: a query to load (wins over `example`).
    pub query: Option<&'a str>,
    /// The query string without `lang=`, kept by the language switch.
    pub rest: &'a str,
    /// The longest a query may run on the server, in seconds.
    pub timeout_seconds: f64,
    /// The most rows or triples the server returns.
    pub max_results: usize,
    /// The URL path of a file of `web/` ("workbench.js" → "/assets/workbench.js?v=…").
    pub asset: &'a dyn Fn(&str) -> String,
}

/// The ontology's classes and properties (IRIs), read once from the embedded ontology.
fn ontology_terms() -> &'static (BTreeSet<String>, BTreeSet<String>) {
    static TERMS: OnceLock<(BTreeSet<String>, BTreeSet<String>)> = OnceLock::new();
    TERMS.get_or_init(|| {
        let class_types = [owl::Class, rdfs::CLASS];
        let property_types = [
            owl::ObjectProperty,
            owl::DatatypeProperty,
            owl::AnnotationProperty,
            rdf::PROPERTY,
        ];
        let (mut classes, mut properties) = (BTreeSet::new(), BTreeSet::new());
        let Ok(file) = crate::data::ontology("sco-kg.ttl") else {
            return (classes, properties);
        };
        for quad in RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(file.contents.as_bytes())
            .flatten()
        {
            let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) =
                (&quad.subject, &quad.object)
            else {
                continue;
            };
            if quad.predicate != rdf::TYPE {
                continue;
            }
            if class_types.iter().any(|c| c == o) {
                classes.insert(s.as_str().to_string());
            } else if property_types.iter().any(|p| p == o) {
                properties.insert(s.as_str().to_string());
            }
        }
        (classes, properties)
    })
}

impl Workbench<'_> {
    /// The JSON form of a prefix table: an object of namespaces by prefix, in the table's
    /// order (`{"sco": "https://w3id.org/sco-kg/ontology#", …}`), as JSON-LD contexts and
    /// prefix.cc write them. `GET /prefixes` answers it to `Accept: application/json`, and the
    /// workbench page embeds it.
    pub fn prefix_json(prefixes: &[(String, String)]) -> Value {
        Value::Object(
            prefixes
                .iter()
                .map(|(prefix, namespace)| (prefix.clone(), Value::String(namespace.clone())))
                .collect(),
        )
    }
}

/// The label and the definition of a term of the ontology in one language.
#[derive(Clone, Debug, Default)]
struct Described {
    label: Option<String>,
    definition: Option<String>,
}

/// The labels and definitions of our SPARQL extensions in the ontology, by IRI and language
/// tag: `sco:label` (the function) and `sco:search` (the service), which the editor completes
/// and describes.
fn extension_texts() -> &'static BTreeMap<(String, String), Described> {
    static TEXTS: OnceLock<BTreeMap<(String, String), Described>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let mut texts = BTreeMap::new();
        let Ok(file) = crate::data::ontology("sco-kg.ttl") else {
            return texts;
        };
        for quad in RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(file.contents.as_bytes())
            .flatten()
        {
            let (NamedOrBlankNode::NamedNode(s), Term::Literal(text)) =
                (&quad.subject, &quad.object)
            else {
                continue;
            };
            if ![LABEL_FUNCTION, SEARCH_SERVICE].contains(&s.as_str()) {
                continue;
            }
            let Some(lang) = text.language() else {
                continue;
            };
            let entry: &mut Described = texts
                .entry((s.as_str().to_string(), lang.to_string()))
                .or_default();
            if quad.predicate == rdfs::LABEL {
                entry.label = Some(text.value().to_string());
            } else if quad.predicate == skos::definition {
                entry.definition = Some(text.value().to_string());
            }
        }
        texts
    })
}

/// What the editor completes of an extension: its IRI, and its label and definition in the
/// page's language (else English, else Russian).
fn extension(cx: &Cx, iri: &str) -> Value {
    let texts = extension_texts();
    let text = |pick: fn(&Described) -> Option<&String>| {
        [cx.lang.as_str(), "en", "ru"].iter().find_map(|lang| {
            texts
                .get(&(iri.to_string(), lang.to_string()))
                .and_then(pick)
        })
    };
    json!({
        "iri": iri,
        "label": text(|t| t.label.as_ref()),
        "definition": text(|t| t.definition.as_ref()),
    })
}

/// Our two extensions as the script completes them: `sco:label(` and
/// `SERVICE sco:search { ?e sco:query "…" ; sco:score ?score }` (with the IRIs of the
/// service's parameters), each described in the page's language.
fn extensions(cx: &Cx) -> Value {
    let mut service = extension(cx, SEARCH_SERVICE);
    service["query"] = json!(sco::query.as_str());
    service["score"] = json!(sco::score.as_str());
    json!({ "function": extension(cx, LABEL_FUNCTION), "service": service })
}

/// The lookup's types with their classes: a resource prefix named as a type (`body:`)
/// completes resources of that type, and the network colours resources by their type.
fn lookup_types() -> Vec<Value> {
    ResourceKind::ALL
        .iter()
        .map(|kind| json!({ "type": kind.as_str(), "class": kind.class().as_str() }))
        .collect()
}

impl Pages {
    /// The workbench page in `lang`.
    pub fn workbench(
        &self,
        loc: &Localizer,
        lang: Lang,
        public_url: &str,
        workbench: &Workbench,
    ) -> String {
        render(&Cx::new(self, loc, lang, public_url), workbench)
    }
}

/// Classes and properties to complete: the ontology's, and those the graph uses (skos:, org:…),
/// each with its compact form and its label in the page's language where the ontology has one.
fn vocabulary(cx: &Cx) -> (Vec<Value>, Vec<Value>) {
    let (mut classes, mut properties) = ontology_terms().clone();
    for node in cx.p.nodes() {
        for edge in node.out() {
            properties.insert(edge.pred.as_str().to_string());
            if edge.pred == rdf::TYPE {
                if let Term::NamedNode(class) = edge.term {
                    classes.insert(class.as_str().to_string());
                }
            }
        }
    }
    let entry = |iri: &String| {
        let label = cx.p.label(iri, cx.lang).map(|(text, _)| text);
        json!({ "iri": iri, "curie": cx.p.compact(iri), "label": label })
    };
    (
        classes.iter().map(entry).collect(),
        properties.iter().map(entry).collect(),
    )
}

/// The label of every resource and term that has one, in the page's language or its fallback:
/// result cells and chart labels show names, not IRIs.
fn labels<'a>(cx: &Cx<'a>) -> BTreeMap<&'a str, &'a str> {
    let graph = cx.p.views.iter().map(|(iri, _)| iri);
    let terms = cx.p.term_labels.keys().map(String::as_str);
    graph
        .chain(terms)
        .filter_map(|iri| Some((iri, cx.p.label(iri, cx.lang)?.0)))
        .collect()
}

fn view_name(cx: &Cx, view: View) -> String {
    match view {
        View::Table => t!(cx, "wb-view-table"),
        View::Bar => t!(cx, "wb-view-bar"),
        View::Network => t!(cx, "wb-view-network"),
        View::Timeline => t!(cx, "wb-view-timeline"),
        View::Map => t!(cx, "wb-view-map"),
    }
}

/// Every message the script shows. Placeholders the script fills in are written `{name}`.
fn messages(cx: &Cx, wb: &Workbench) -> Value {
    json!({
        "running": t!(cx, "wb-status-running", "seconds" => "{seconds}"),
        "done": t!(cx, "wb-status-done", "rows" => "{rows}", "ms" => "{ms}"),
        "doneBoolean": t!(cx, "wb-status-boolean", "ms" => "{ms}"),
        "doneGraph": t!(cx, "wb-status-graph", "ms" => "{ms}"),
        "booleanTrue": t!(cx, "wb-boolean-true"),
        "booleanFalse": t!(cx, "wb-boolean-false"),
        "cancelled": t!(cx, "wb-cancelled"),
        "timeout": t!(cx, "wb-error-timeout", "seconds" => wb.timeout_seconds),
        "busy": t!(cx, "wb-error-busy", "seconds" => "{seconds}"),
        "badRequest": t!(cx, "wb-error-bad-request"),
        "network": t!(cx, "wb-error-network"),
        "other": t!(cx, "wb-error-other", "status" => "{status}"),
        "serverSaid": t!(cx, "wb-error-server-said"),
        "empty": t!(cx, "wb-empty"),
        "truncated": t!(cx, "wb-truncated", "shown" => "{shown}", "rows" => "{rows}"),
        "download": t!(cx, "wb-download"),
        "format_csv": t!(cx, "wb-format-csv"),
        "format_tsv": t!(cx, "wb-format-tsv"),
        "format_json": t!(cx, "wb-format-json"),
        "format_turtle": t!(cx, "wb-format-turtle"),
        "format_ntriples": t!(cx, "wb-format-ntriples"),
        "format_jsonld": t!(cx, "wb-format-jsonld"),
        "unfitBar": t!(cx, "wb-unfit-bar"),
        "unfitNetwork": t!(cx, "wb-unfit-network"),
        "unfitTimeline": t!(cx, "wb-unfit-timeline"),
        "unfitMap": t!(cx, "wb-unfit-map"),
        "mapLabel": t!(cx, "wb-map-label", "points" => "{points}"),
        "mapNote": t!(cx, "wb-map-note", "points" => "{points}", "skipped" => "{skipped}"),
        "graphResult": t!(cx, "wb-graph-result"),
        "completionClass": t!(cx, "wb-completion-class"),
        "completionProperty": t!(cx, "wb-completion-property"),
        "completionEntity": t!(cx, "wb-completion-entity"),
        "otherKind": t!(cx, "wb-network-other"),
        "editorLabel": t!(cx, "wb-editor-label"),
    })
}

/// The starter query: every prefix declared (the editor folds them), and a first question that
/// shows the measures with their texts in the page's language.
fn starter(cx: &Cx, prefixes: &[(String, String)]) -> String {
    let mut query: String = prefixes
        .iter()
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect();
    query.push_str(&format!(
        "\nSELECT ?measure ?number ?text WHERE {{\n  ?measure a sco:Measure ;\n           \
         sco:number ?number ;\n           sco:text ?text .\n  FILTER(LANG(?text) = \"{}\")\n}}\n\
         ORDER BY ?number\nLIMIT 20\n",
        cx.lang
    ));
    query
}

/// JSON to put inside a `<script>` element. The HTML parser reads a script's text before any
/// JSON parser does: `</script` would end the element, and `<!--` followed by `<script` would
/// put the parser in the "double escaped" state, where the real `</script>` no longer ends it
/// (`/query?query=<!--<script>` broke the page so). Every `<` is written `\u003c`, so that no
/// tag or comment can start; `>` and `&` too, so that the text means the same wherever it is
/// pasted (an attribute, XHTML); and U+2028, U+2029, which end a line in older JavaScript.
/// Outside strings JSON holds none of these characters, and inside them the escapes are the
/// same text to `JSON.parse`.
fn script_json(value: &Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn render(cx: &Cx, wb: &Workbench) -> String {
    let chosen = wb
        .example
        .and_then(|id| wb.examples.iter().find(|e| e.id == id));
    let unknown = wb.example.filter(|_| chosen.is_none());
    let initial = match (wb.query, chosen) {
        (Some(query), _) => query.to_string(),
        (None, Some(example)) => example.query.clone(),
        (None, None) => starter(cx, wb.prefixes),
    };
    let lang = cx.lang.as_str();
    let (classes, properties) = vocabulary(cx);
    let examples: Vec<Value> = wb
        .examples
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "title": e.title(lang),
                "description": e.description(lang),
                "view": e.view.as_str(),
                "query": e.query,
            })
        })
        .collect();
    let config = json!({
        "lang": lang,
        "endpoint": cx.route("/sparql"),
        "lookup": cx.route("/api/lookup"),
        "pages": cx.route("/page/"),
        "base": cx.p.base(),
        "timeoutSeconds": wb.timeout_seconds,
        "maxResults": wb.max_results,
        "prefixes": Workbench::prefix_json(wb.prefixes),
        "types": lookup_types(),
        "extensions": extensions(cx),
        "classes": classes,
        "properties": properties,
        "labels": labels(cx),
        "examples": examples,
        "initial": {
            "query": initial,
            "example": if wb.query.is_none() { chosen.map(|e| e.id.as_str()) } else { None },
            "view": chosen.filter(|_| wb.query.is_none()).map(|e| e.view.as_str()),
        },
        "messages": messages(cx, wb),
    });
    let config = script_json(&config);
    let asset = |path: &str| cx.route(&(wb.asset)(path));
    let head = html! {
        link rel="stylesheet" href=(asset("vendor/yasqe/yasqe.min.css"));
        link rel="stylesheet" href=(asset("workbench.css"));
        script defer src=(asset("vendor/yasqe/yasqe.min.js")) {}
        script defer src=(asset("vendor/echarts/echarts.min.js")) {}
        @if cx.lang == Lang::Ru {
            script defer src=(asset("vendor/echarts/langRU.js")) {}
        }
        // A module (its imports are files of web/lib/): deferred, it runs after the
        // libraries above, in document order.
        script type="module" src=(asset("workbench.js")) {}
    };
    let example_href = |id: &str| cx.route(&format!("/query?lang={}&example={id}", cx.lang));
    let main = html! {
        div #workbench .workbench {
            div.wb-intro {
                h1 { (t!(cx, "wb-heading")) }
                p.muted { (t!(cx, "wb-intro")) }
            }
            @if let Some(id) = unknown {
                p.note role="alert" { (t!(cx, "wb-unknown-example", "id" => id)) }
            }
            div.wb-grid {
                aside.wb-gallery aria-labelledby="wb-gallery-heading" {
                    h2 #wb-gallery-heading { (t!(cx, "wb-gallery-heading", "count" => wb.examples.len())) }
                    p.muted { (t!(cx, "wb-gallery-intro")) }
                    ol.gallery {
                        @for example in wb.examples {
                            li {
                                a.example href=(example_href(&example.id))
                                    data-example=(example.id) data-view=(example.view.as_str())
                                    aria-current=[chosen.filter(|c| c.id == example.id).map(|_| "true")] {
                                    span.title { (example.title(lang)) }
                                    span.desc { (example.description(lang)) }
                                    span.view { (view_name(cx, example.view)) }
                                }
                            }
                        }
                    }
                }
                section.wb-main aria-label=(t!(cx, "wb-editor-label")) {
                    div #wb-loaded .wb-loaded hidden[chosen.is_none()] {
                        @if let Some(example) = chosen {
                            strong { (example.title(lang)) }
                            " — " (example.description(lang))
                        }
                    }
                    form #wb-form action=(cx.route("/sparql")) method="post" {
                        div #wb-editor .wb-editor {
                            textarea #wb-query name="query" rows="14" spellcheck="false"
                                aria-label=(t!(cx, "wb-editor-label")) { (initial) }
                        }
                        div.wb-toolbar {
                            button #wb-run .primary type="submit" { (t!(cx, "wb-run")) }
                            button #wb-cancel type="button" disabled { (t!(cx, "wb-cancel")) }
                            span #wb-status .wb-status role="status" aria-live="polite" {}
                            span.wb-keys { (t!(cx, "wb-keys")) }
                        }
                    }
                    noscript { p.note { (t!(cx, "wb-noscript")) } }
                    div #wb-error .wb-error role="alert" hidden {}
                    div.wb-results {
                        div.wb-views role="tablist" aria-label=(t!(cx, "wb-views-label")) {
                            @for view in View::ALL {
                                button.wb-view type="button" role="tab" data-view=(view.as_str())
                                    aria-selected="false" disabled { (view_name(cx, view)) }
                            }
                            span #wb-meta .wb-meta {}
                        }
                        div #wb-output .wb-output {}
                    }
                    details.wb-prefixes {
                        summary { (t!(cx, "wb-prefixes-heading", "count" => wb.prefixes.len())) }
                        p.muted { (t!(cx, "wb-prefixes-intro")) }
                        table {
                            tbody {
                                @for (prefix, namespace) in wb.prefixes {
                                    tr { td { code { (prefix) ":" } } td { code { (namespace) } } }
                                }
                            }
                        }
                    }
                    p.muted.wb-limits {
                        (t!(cx, "wb-limits", "seconds" => wb.timeout_seconds, "rows" => wb.max_results))
                    }
                }
            }
            script #wb-config type="application/json" { (PreEscaped(config)) }
        }
    };
    page_with_head(cx, &t!(cx, "wb-heading"), Route::Query(wb.rest), head, main)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::vocab::skos;

    #[test]
    fn json_in_a_script_has_no_markup_and_reads_back_the_same() {
        let value = json!({
            "query": "<!--<script>SELECT ?x WHERE { FILTER(?a < 3 && ?b > 4) }</script>-->",
            "<key>": ["a\u{2028}b\u{2029}c", "\\u003c stays text"],
        });
        let text = script_json(&value);
        for raw in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!text.contains(raw), "{raw:?} in {text}");
        }
        assert!(text.contains("\\u003c!--\\u003cscript\\u003e"), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    const RDF_NS: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    #[test]
    fn the_prefix_table_is_an_object_in_its_order() {
        let table = vec![
            (
                "sco".to_string(),
                "https://w3id.org/sco-kg/ontology#".to_string(),
            ),
            ("rdf".to_string(), RDF_NS.to_string()),
            ("id".to_string(), "https://w3id.org/sco-kg/id/".to_string()),
        ];
        let value = Workbench::prefix_json(&table);
        assert_eq!(
            value.to_string(),
            format!(
                "{{\"sco\":\"https://w3id.org/sco-kg/ontology#\",\"rdf\":\"{RDF_NS}\",\
                 \"id\":\"https://w3id.org/sco-kg/id/\"}}"
            )
        );
    }

    #[test]
    fn the_extensions_are_described_in_every_language() {
        for lang in [Lang::Ru, Lang::En, Lang::Zh] {
            for iri in [LABEL_FUNCTION, SEARCH_SERVICE] {
                let key = (iri.to_string(), lang.as_str().to_string());
                let texts = &extension_texts()[&key];
                assert!(
                    texts.label.as_deref().is_some_and(|l| !l.is_empty()),
                    "{iri} {lang}"
                );
                assert!(
                    texts
                        .definition
                        .as_deref()
                        .is_some_and(|d| d.contains("sco:")),
                    "{iri} {lang}"
                );
            }
        }
        let en = |iri: &str| extension_texts()[&(iri.to_string(), "en".to_string())].clone();
        assert_eq!(
            en(LABEL_FUNCTION).label.as_deref(),
            Some("label (function)")
        );
        assert_eq!(
            en(SEARCH_SERVICE).label.as_deref(),
            Some("search (service)")
        );
        assert_eq!(lookup_types().len(), ResourceKind::ALL.len());
        assert_eq!(
            lookup_types()[1],
            json!({ "type": "state", "class": sco::MemberState.as_str() })
        );
    }

    #[test]
    fn the_ontology_declares_classes_and_properties() {
        let (classes, properties) = ontology_terms();
        assert!(classes.contains(sco::Measure.as_str()));
        assert!(classes.contains(sco::Body.as_str()));
        assert!(properties.contains(sco::executor.as_str()));
        assert!(properties.contains(sco::participant.as_str()));
        assert!(!classes.contains(sco::executor.as_str()));
        // Read from the ontology, not the graph: no skos: term is declared there.
        assert!(!properties.contains(skos::prefLabel.as_str()));
    }
}
