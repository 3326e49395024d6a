//! The SPARQL 1.1 Service Description of the endpoint, answered to `GET /sparql` without a
//! query: the endpoint's public URL, the language, the result formats and the default dataset.

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};

use crate::server::http::origin::PublicUrl;
use crate::server::routes::void::{dataset_iri, VOID};

pub const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
/// SHACL, whose `sh:declare` is the vocabulary for prefix declarations.
pub const SH: &str = "http://www.w3.org/ns/shacl#";
pub const FORMATS: &str = "http://www.w3.org/ns/formats/";

/// The result formats of the W3C format registry the endpoint writes.
const RESULT_FORMATS: [&str; 8] = [
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "RDF_XML",
    "JSON-LD",
];

/// The prefixes the description is written with.
pub fn prefixes() -> Vec<(String, String)> {
    [("sd", SD), ("formats", FORMATS), ("void", VOID), ("sh", SH)]
        .iter()
        .map(|(p, ns)| (p.to_string(), ns.to_string()))
        .collect()
}

/// The triples of the description, in a fixed order and with fixed blank node labels, so that
/// the same URL gives the same bytes. The prefixes every query may use undeclared are declared
/// with `sh:declare` (as SHACL declares prefixes), and `/prefixes` serves them as text.
pub fn description(
    public: &PublicUrl,
    triples: usize,
    predeclared: &[(String, String)],
) -> Vec<Triple> {
    let sd = |local: &str| NamedNode::new_unchecked(format!("{SD}{local}"));
    let service: NamedOrBlankNode = BlankNode::new_unchecked("service").into();
    let dataset: NamedOrBlankNode = BlankNode::new_unchecked("dataset").into();
    let graph: NamedOrBlankNode = BlankNode::new_unchecked("defaultGraph").into();
    let term = |n: &NamedOrBlankNode| -> Term {
        match n {
            NamedOrBlankNode::NamedNode(n) => n.clone().into(),
            NamedOrBlankNode::BlankNode(b) => b.clone().into(),
        }
    };
    let mut out = vec![
        Triple::new(service.clone(), rdf::TYPE, sd("Service")),
        Triple::new(
            service.clone(),
            sd("endpoint"),
            NamedNode::new_unchecked(public.join("/sparql")),
        ),
        Triple::new(
            service.clone(),
            sd("supportedLanguage"),
            sd("SPARQL11Query"),
        ),
    ];
    for format in RESULT_FORMATS {
        out.push(Triple::new(
            service.clone(),
            sd("resultFormat"),
            NamedNode::new_unchecked(format!("{FORMATS}{format}")),
        ));
    }
    out.extend([
        Triple::new(
            service.clone(),
            sd("defaultEntailmentRegime"),
            NamedNode::new_unchecked("http://www.w3.org/ns/entailment/Simple"),
        ),
        Triple::new(service.clone(), sd("defaultDataset"), term(&dataset)),
        Triple::new(dataset.clone(), rdf::TYPE, sd("Dataset")),
        Triple::new(
            dataset.clone(),
            NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
            dataset_iri(public),
        ),
        Triple::new(dataset, sd("defaultGraph"), term(&graph)),
        Triple::new(graph.clone(), rdf::TYPE, sd("Graph")),
        Triple::new(
            graph,
            NamedNode::new_unchecked(format!("{VOID}triples")),
            Literal::new_typed_literal(triples.to_string(), xsd::INTEGER),
        ),
    ]);
    out.push(Triple::new(
        service.clone(),
        NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
        NamedNode::new_unchecked(public.join("/prefixes")),
    ));
    // The extensions this endpoint answers (described in the ontology): the label function,
    // and the search service a query reaches with SERVICE.
    out.push(Triple::new(
        service.clone(),
        sd("extensionFunction"),
        crate::graph::vocab::sco::label,
    ));
    out.push(Triple::new(
        service.clone(),
        sd("feature"),
        crate::graph::vocab::sco::search,
    ));
    let sh = |local: &str| NamedNode::new_unchecked(format!("{SH}{local}"));
    for (prefix, namespace) in predeclared {
        let declaration: NamedOrBlankNode =
            BlankNode::new_unchecked(format!("prefix-{prefix}")).into();
        out.extend([
            Triple::new(service.clone(), sh("declare"), term(&declaration)),
            Triple::new(
                declaration.clone(),
                sh("prefix"),
                Literal::new_simple_literal(prefix),
            ),
            Triple::new(
                declaration,
                sh("namespace"),
                Literal::new_typed_literal(namespace, xsd::ANY_URI),
            ),
        ]);
    }
    out
}
