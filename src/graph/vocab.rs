//! The vocabularies the graph uses: our ontology (`sco:`) and the field's.

pub const SCO: &str = "https://w3id.org/sco-kg/ontology#";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const ORG: &str = "http://www.w3.org/ns/org#";
pub const OA: &str = "http://www.w3.org/ns/oa#";
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";

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

/// The default base of resource IRIs.
pub const DEFAULT_BASE: &str = "https://w3id.org/sco-kg/id/";

/// Prefixes of the resources under `base`: `id:` for the base itself and one per kind of
/// resource (`body:rats`, `measure:14`). `plan` and `decision` are their paths under the base.
pub fn resource_prefixes(base: &str, plan: &str, decision: &str) -> Vec<(String, String)> {
    let mut out = vec![("id".to_string(), base.to_string())];
    for kind in ["state", "body", "document", "place", "initiative"] {
        out.push((kind.to_string(), format!("{base}{kind}/")));
    }
    // A local name cannot hold an unescaped `/`: each prefix names things directly, so that
    // `plan:2021-2025`, `decision:1`, `section:3` and `measure:14` are the plan, the decision,
    // a section and a measure.
    let parent = |path: &str| {
        path.rsplit_once('/')
            .map_or(String::new(), |(p, _)| format!("{p}/"))
    };
    out.push(("plan".to_string(), format!("{base}{}", parent(plan))));
    out.push((
        "decision".to_string(),
        format!("{base}{}", parent(decision)),
    ));
    out.push(("section".to_string(), format!("{base}{plan}/section/")));
    out.push(("measure".to_string(), format!("{base}{plan}/measure/")));
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
