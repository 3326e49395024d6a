//! Linked data over real HTTP: every IRI under the base dereferences at /id/…, browsers are
//! sent to /page/… with 303 on the public URL, the ontology, shapes, source and VoID are served,
//! and the HTTP manners: ETag/304, Cache-Control, Vary, gzip and brotli, CORS, 405 with Allow.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::support::*;
use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedOrBlankNode, Term};
use reqwest::header::{ACCEPT, ACCEPT_ENCODING, IF_NONE_MATCH};
use reqwest::{Method, StatusCode};
use sco_kg::graph::Base;
use sco_kg::store::KnowledgeGraph;

const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

fn content_type(response: &Response) -> String {
    header(response, "content-type").expect("Content-Type")
}

/// Every subject under the base, with the triples the graph has about it.
fn subjects_under_base(graph: &KnowledgeGraph) -> Vec<String> {
    let subjects: BTreeSet<String> = graph
        .triples
        .iter()
        .filter_map(|t| match &t.subject {
            NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(graph.base.as_str()) => {
                Some(n.as_str().to_string())
            }
            _ => None,
        })
        .collect();
    subjects.into_iter().collect()
}

fn assert_every_subject_dereferences(server: &Local, graph: &KnowledgeGraph) {
    let client = server.client();
    let subjects = subjects_under_base(graph);
    assert!(subjects.iter().any(|s| s.contains("/span/")), "spans");
    assert!(
        subjects.iter().any(|s| s.contains("/signatory/")),
        "signatories"
    );
    for iri in &subjects {
        let path = &iri[graph.base.as_str().len()..];
        let response = client
            .get(format!("{}/id/{path}", server.url()))
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{iri}");
        assert_eq!(content_type(&response), "text/turtle; charset=utf-8");
        let triples = parse_rdf(&response.bytes().unwrap(), RdfFormat::Turtle);
        // Its own triples are all there.
        let own: BTreeSet<String> = graph
            .triples
            .iter()
            .filter(|t| t.subject.to_string() == format!("<{iri}>"))
            .map(|t| t.to_string())
            .collect();
        assert!(!own.is_empty());
        assert!(own.is_subset(&triples), "{iri}: its own triples");
    }
}

#[test]
fn every_subject_under_the_base_dereferences() {
    let server = Local::new(config());
    assert_every_subject_dereferences(&server, &graph());
}

#[test]
fn with_another_base_resources_are_still_looked_up_under_it() {
    // The base names things (http://example.org/kg/…), the server is reached elsewhere.
    let graph =
        Arc::new(KnowledgeGraph::embedded(Base::new("http://example.org/kg/").unwrap()).unwrap());
    let server = Local::with_graph(
        Config {
            public_url: Some("https://data.example.net".into()),
            ..config()
        },
        graph.clone(),
    );
    assert_every_subject_dereferences(&server, &graph);
}

#[test]
fn a_description_has_inbound_links_and_the_labels_of_its_neighbours() {
    let server = Local::new(config());
    let graph = graph();
    let section = graph.iris.section(1);
    let path = &section.as_str()[graph.base.as_str().len()..];
    let response = server
        .client()
        .get(format!("{}/id/{path}", server.url()))
        .header(ACCEPT, "application/n-triples")
        .send()
        .unwrap();
    assert_eq!(content_type(&response), "application/n-triples");
    let triples = parse_rdf(&response.bytes().unwrap(), RdfFormat::NTriples);
    let label = "<http://www.w3.org/2004/02/skos/core#prefLabel>";
    // Inbound: every triple pointing at the section.
    let inbound: Vec<_> = graph
        .triples
        .iter()
        .filter(|t| t.object == Term::from(section.clone()))
        .collect();
    assert!(!inbound.is_empty());
    for t in &inbound {
        assert!(triples.contains(&t.to_string()), "inbound {t}");
        // And the labels of the resources pointing at it.
        for l in graph
            .triples
            .iter()
            .filter(|l| l.subject == t.subject && format!("<{}>", l.predicate.as_str()) == label)
        {
            assert!(triples.contains(&l.to_string()), "label {l}");
        }
    }
    // Nothing else of the neighbours: only their labels.
    for t in &triples {
        let own = t.starts_with(&format!("<{}>", section.as_str()));
        let pointing = t.contains(&format!("> <{}> .", section.as_str()))
            || t.ends_with(&format!("<{}>", section.as_str()));
        assert!(own || pointing || t.contains(label), "unexpected {t}");
    }
}

#[test]
fn rdf_clients_get_rdf_by_accept_and_browsers_a_303_to_the_page() {
    let public = "https://kg.example.org/sco";
    let server = Local::new(Config {
        public_url: Some(public.into()),
        ..config()
    });
    let graph = graph();
    let measure = graph.iris.measure(14);
    let path = &measure.as_str()[graph.base.as_str().len()..];
    let url = format!("{}/id/{path}", server.url());
    for (accept, expected) in [
        (None, "text/turtle; charset=utf-8"),
        (Some("*/*"), "text/turtle; charset=utf-8"),
        (Some("text/turtle"), "text/turtle; charset=utf-8"),
        (Some("application/n-triples"), "application/n-triples"),
        (Some("application/rdf+xml"), "application/rdf+xml"),
        (Some("application/ld+json"), "application/ld+json"),
        (
            Some("text/html;q=0.5, application/rdf+xml"),
            "application/rdf+xml",
        ),
        (Some("text/turtle;q=0, */*"), "application/n-triples"),
    ] {
        let mut request = server.client().get(&url);
        if let Some(accept) = accept {
            request = request.header(ACCEPT, accept);
        }
        let response = request.send().unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{accept:?}");
        assert_eq!(content_type(&response), expected, "{accept:?}");
        assert!(header_values(&response, "vary").contains(&"accept".to_string()));
        let triples = parse_rdf(&response.bytes().unwrap(), rdf_format_of(expected));
        assert!(triples
            .iter()
            .any(|t| t.starts_with(&format!("<{}>", measure.as_str()))));
    }
    // A browser: 303 See Other to the page, on the public URL, never the bind address.
    for accept in [BROWSER, "text/html"] {
        let response = server
            .client()
            .get(&url)
            .header(ACCEPT, accept)
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{accept}");
        assert_eq!(
            header(&response, "location").as_deref(),
            Some(format!("{public}/page/{path}").as_str())
        );
        assert!(header_values(&response, "vary").contains(&"accept".to_string()));
    }
    // Nothing acceptable.
    let response = server
        .client()
        .get(&url)
        .header(ACCEPT, "text/csv")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_ACCEPTABLE);
}

/// Every format of a resource has its own URL, `/id/{path}.{extension}`, that a browser can
/// follow (it sends `Accept: text/html`) and get that format; the negotiated answer names it in
/// `Content-Location`; N3, TriG and N-Quads are offered too; ISO codes in any case reach the
/// state, by a 301 to its own IRI.
#[test]
fn each_format_has_its_own_url_and_paths_in_another_case_are_redirected() {
    let public = "https://kg.example.org/sco";
    let server = Local::new(Config {
        public_url: Some(public.into()),
        ..config()
    });
    let url = server.url();
    let rats = "<https://w3id.org/sco-kg/id/body/rats>";
    for (extension, expected, format) in [
        ("ttl", "text/turtle; charset=utf-8", RdfFormat::Turtle),
        ("nt", "application/n-triples", RdfFormat::NTriples),
        ("rdf", "application/rdf+xml", RdfFormat::RdfXml),
        (
            "jsonld",
            "application/ld+json",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        ("n3", "text/n3; charset=utf-8", RdfFormat::Turtle),
        ("trig", "application/trig", RdfFormat::TriG),
        ("nq", "application/n-quads", RdfFormat::NQuads),
    ] {
        let response = server
            .client()
            .get(format!("{url}/id/body/rats.{extension}"))
            .header(ACCEPT, BROWSER)
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, ".{extension}");
        assert_eq!(content_type(&response), expected, ".{extension}");
        assert!(!header_values(&response, "vary").contains(&"accept".to_string()));
        let triples = parse_rdf(&response.bytes().unwrap(), format);
        assert!(triples.iter().any(|t| t.starts_with(rats)), ".{extension}");
    }
    // The negotiated answer says where its format lives.
    for (accept, location) in [
        ("text/turtle", "body/rats.ttl"),
        ("application/ld+json", "body/rats.jsonld"),
        ("text/n3", "body/rats.n3"),
        ("application/n-quads", "body/rats.nq"),
    ] {
        let response = server
            .client()
            .get(format!("{url}/id/body/rats"))
            .header(ACCEPT, accept)
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{accept}");
        assert_eq!(
            header(&response, "content-location"),
            Some(format!("{public}/id/{location}")),
            "{accept}"
        );
    }
    // Nothing acceptable: the 406 lists what is offered.
    let response = server
        .client()
        .get(format!("{url}/id/body/rats"))
        .header(ACCEPT, "image/png")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_ACCEPTABLE);
    let text = response.text().unwrap();
    for offered in [
        "text/turtle",
        "application/trig",
        "application/n-quads",
        "text/html",
    ] {
        assert!(text.contains(offered), "{text}");
    }
    // Codes in another case: 301 to the resource's own IRI, the extension kept.
    for (path, location) in [
        ("state/IN", "state/in"),
        ("state/In", "state/in"),
        ("STATE/KZ", "state/kz"),
        ("state/IN.ttl", "state/in.ttl"),
    ] {
        let response = server
            .client()
            .get(format!("{url}/id/{path}"))
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY, "{path}");
        assert_eq!(
            header(&response, "location"),
            Some(format!("{public}/id/{location}")),
            "{path}"
        );
    }
    // An extension of no format, or of nothing: 404.
    for path in ["body/rats.exe", "body/nothing.ttl"] {
        let response = server
            .client()
            .get(format!("{url}/id/{path}"))
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[test]
fn without_a_public_url_the_303_follows_the_host() {
    let server = Local::new(config());
    let graph = graph();
    let path = &graph.iris.plan.as_str()[graph.base.as_str().len()..];
    let response = server
        .client()
        .get(format!("{}/id/{path}", server.url()))
        .header(ACCEPT, "text/html")
        .header("host", "kg.example.com:8080")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        header(&response, "location"),
        Some(format!("http://kg.example.com:8080/page/{path}"))
    );
}

#[test]
fn unknown_resources_are_404() {
    let server = Local::new(config());
    for path in [
        "id/nothing/here",
        "id/plan/2021-2025/measure/100000",
        "id/%00",
        "id/plan/2021-2025/measure/14%20x",
        "nowhere",
        "dump/sco-kg.xml",
    ] {
        let response = server
            .client()
            .get(format!("{}/{path}", server.url()))
            .header(ACCEPT, "text/turtle")
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "/{path}");
        assert!(content_type(&response).starts_with("text/plain"));
    }
}

#[test]
fn the_ontology_and_shapes_are_negotiated_and_the_source_is_text() {
    let server = Local::new(config());
    let ontology_iri = "<https://w3id.org/sco-kg/ontology>";
    for (route, expected_subject) in [("ontology", Some(ontology_iri)), ("ontology/shapes", None)] {
        let url = format!("{}/{route}", server.url());
        let turtle = server.client().get(&url).send().unwrap();
        assert_eq!(content_type(&turtle), "text/turtle; charset=utf-8");
        let reference = parse_rdf(&turtle.bytes().unwrap(), RdfFormat::Turtle);
        assert!(!reference.is_empty());
        if let Some(subject) = expected_subject {
            assert!(reference.iter().any(|t| t.starts_with(subject)));
        }
        for accept in [
            "application/n-triples",
            "application/rdf+xml",
            "application/ld+json",
        ] {
            let response = server
                .client()
                .get(&url)
                .header(ACCEPT, accept)
                .send()
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            assert_eq!(content_type(&response), accept);
            let triples = parse_rdf(&response.bytes().unwrap(), rdf_format_of(accept));
            // Same triples up to blank node labels: compare the counts and the ground triples.
            assert_eq!(triples.len(), reference.len(), "{route} {accept}");
            let ground = |set: &BTreeSet<String>| -> BTreeSet<String> {
                set.iter().filter(|t| !t.contains("_:")).cloned().collect()
            };
            assert_eq!(ground(&triples), ground(&reference), "{route} {accept}");
        }
        let response = server
            .client()
            .get(&url)
            .header(ACCEPT, "text/plain")
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_ACCEPTABLE);
    }
    let source = server
        .client()
        .get(format!("{}/source", server.url()))
        .send()
        .unwrap();
    assert_eq!(source.status(), StatusCode::OK);
    assert_eq!(content_type(&source), "text/plain; charset=utf-8");
    assert_eq!(source.bytes().unwrap().as_ref(), sco_kg::data::source());
}

const VOID: &str = "http://rdfs.org/ns/void#";

#[test]
fn void_describes_the_dataset_with_the_public_url() {
    let public = "https://kg.example.org";
    let server = Local::new(Config {
        public_url: Some(public.into()),
        ..config()
    });
    let graph = graph();
    let response = server
        .client()
        .get(format!("{}/.well-known/void", server.url()))
        .send()
        .unwrap();
    assert_eq!(content_type(&response), "text/turtle; charset=utf-8");
    let triples = parse_rdf(&response.bytes().unwrap(), RdfFormat::Turtle);
    let dataset = format!("<{public}/.well-known/void#sco-kg>");
    let has = |predicate: &str, object: &str| {
        triples
            .iter()
            .any(|t| t == &format!("{dataset} <{predicate}> {object}"))
    };
    let integer = |n: usize| format!("\"{n}\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    // Counts derived here from the graph's triples.
    let subjects: BTreeSet<String> = graph
        .triples
        .iter()
        .map(|t| t.subject.to_string())
        .collect();
    let objects: BTreeSet<String> = graph.triples.iter().map(|t| t.object.to_string()).collect();
    let properties: BTreeSet<String> = graph
        .triples
        .iter()
        .map(|t| t.predicate.to_string())
        .collect();
    let classes: BTreeSet<String> = graph
        .triples
        .iter()
        .filter(|t| t.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        .map(|t| t.object.to_string())
        .collect();
    assert!(has(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        &format!("<{VOID}Dataset>")
    ));
    assert!(has(
        &format!("{VOID}triples"),
        &integer(graph.triples.len())
    ));
    assert!(has(&format!("{VOID}entities"), &integer(subjects.len())));
    assert!(has(
        &format!("{VOID}distinctSubjects"),
        &integer(subjects.len())
    ));
    assert!(has(
        &format!("{VOID}distinctObjects"),
        &integer(objects.len())
    ));
    assert!(has(
        &format!("{VOID}properties"),
        &integer(properties.len())
    ));
    assert!(has(&format!("{VOID}classes"), &integer(classes.len())));
    for name in ["ttl", "nt", "nq", "trig", "rdf", "jsonld", "canonical.nq"] {
        assert!(
            has(
                &format!("{VOID}dataDump"),
                &format!("<{public}/dump/sco-kg.{name}>")
            ),
            "{name}"
        );
    }
    assert!(has(
        &format!("{VOID}sparqlEndpoint"),
        &format!("<{public}/sparql>")
    ));
    assert!(has(
        &format!("{VOID}uriSpace"),
        &format!("\"{}\"", graph.base.as_str())
    ));
    assert!(has(
        "http://purl.org/dc/terms/source",
        &format!("<{public}/source>")
    ));
    assert!(has(
        "http://purl.org/dc/terms/license",
        "<https://creativecommons.org/licenses/by/4.0/>"
    ));
    for namespace in [
        "https://w3id.org/sco-kg/ontology#",
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/ns/prov#",
    ] {
        assert!(
            has(&format!("{VOID}vocabulary"), &format!("<{namespace}>")),
            "{namespace}"
        );
    }
    // The bind address appears nowhere.
    let bound = server.local_addr().to_string();
    assert!(triples.iter().all(|t| !t.contains(&bound)));
    // Negotiated.
    for accept in [
        "application/n-triples",
        "application/rdf+xml",
        "application/ld+json",
    ] {
        let response = server
            .client()
            .get(format!("{}/.well-known/void", server.url()))
            .header(ACCEPT, accept)
            .send()
            .unwrap();
        assert_eq!(content_type(&response), accept);
        assert_eq!(
            parse_rdf(&response.bytes().unwrap(), rdf_format_of(accept)).len(),
            triples.len()
        );
    }
}

/// Every read route, with the Accept to use.
const READ_ROUTES: &[&str] = &[
    "/sparql?query=ASK%20%7B%7D",
    "/sparql",
    "/id/plan/2021-2025",
    "/ontology",
    "/ontology/shapes",
    "/source",
    "/dump/sco-kg.ttl",
    "/dump/sco-kg.canonical.nq",
    "/dump/sco-kg",
    "/.well-known/void",
];

#[test]
fn read_responses_have_etags_cache_control_and_answer_304() {
    let server = Local::new(config());
    let version = {
        let response = server
            .client()
            .get(format!("{}/dump/sco-kg.canonical.nq", server.url()))
            .send()
            .unwrap();
        let canonical = response.bytes().unwrap();
        sco_kg::export::version(&canonical)
    };
    let mut tags = BTreeSet::new();
    for route in READ_ROUTES {
        let url = format!("{}{route}", server.url());
        let response = server.client().get(&url).send().unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{route}");
        let etag = header(&response, "etag").unwrap_or_else(|| panic!("{route}: no ETag"));
        assert!(
            etag.starts_with(&format!("\"{}", &version[..16])),
            "{route}: {etag}"
        );
        assert!(header(&response, "cache-control").is_some(), "{route}");
        tags.insert(etag.clone());
        let again = server
            .client()
            .get(&url)
            .header(IF_NONE_MATCH, &etag)
            .send()
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{route}");
        assert_eq!(header(&again, "etag").as_deref(), Some(etag.as_str()));
        assert!(again.bytes().unwrap().is_empty());
        let other = server
            .client()
            .get(&url)
            .header(IF_NONE_MATCH, "\"something-else\"")
            .send()
            .unwrap();
        assert_eq!(other.status(), StatusCode::OK, "{route}");
    }
    // A different representation of the same URL has another tag.
    let url = format!("{}/id/plan/2021-2025", server.url());
    let turtle = server.client().get(&url).send().unwrap();
    let json = server
        .client()
        .get(&url)
        .header(ACCEPT, "application/ld+json")
        .send()
        .unwrap();
    assert_ne!(header(&turtle, "etag"), header(&json, "etag"));
    // Errors are not cached.
    let missing = server
        .client()
        .get(format!("{}/id/nothing", server.url()))
        .send()
        .unwrap();
    assert_eq!(
        header(&missing, "cache-control").as_deref(),
        Some("no-store")
    );
}

#[test]
fn bodies_are_compressed_when_asked() {
    let server = Local::new(config());
    let url = format!("{}/dump/sco-kg.nt", server.url());
    let plain = server.client().get(&url).send().unwrap();
    assert_eq!(header(&plain, "content-encoding"), None);
    let plain_tag = header(&plain, "etag").unwrap();
    let plain = plain.bytes().unwrap();
    for (coding, magic) in [("gzip", &[0x1f_u8, 0x8b][..]), ("br", &[][..])] {
        let response = server
            .client()
            .get(&url)
            .header(ACCEPT_ENCODING, coding)
            .send()
            .unwrap();
        assert_eq!(
            header(&response, "content-encoding").as_deref(),
            Some(coding)
        );
        assert!(header_values(&response, "vary").contains(&"accept-encoding".to_string()));
        let etag = header(&response, "etag").unwrap();
        assert_ne!(etag, plain_tag, "a compressed body has its own tag");
        let body = response.bytes().unwrap();
        assert!(body.len() < plain.len() / 2, "{coding}");
        assert!(body.starts_with(magic), "{coding}");
        // Revalidating the compressed tag gives 304.
        let again = server
            .client()
            .get(&url)
            .header(ACCEPT_ENCODING, coding)
            .header(IF_NONE_MATCH, &etag)
            .send()
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    }
}

#[test]
fn cors_is_open_for_get_and_post() {
    let server = Local::new(config());
    let url = format!("{}/sparql", server.url());
    let preflight = server
        .client()
        .request(Method::OPTIONS, &url)
        .header("origin", "https://yasgui.example")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .send()
        .unwrap();
    assert!(preflight.status().is_success());
    assert_eq!(
        header(&preflight, "access-control-allow-origin").as_deref(),
        Some("*")
    );
    let methods = header_values(&preflight, "access-control-allow-methods");
    assert!(methods.contains(&"get".to_string()) && methods.contains(&"post".to_string()));
    let headers = header_values(&preflight, "access-control-allow-headers");
    assert!(!headers.is_empty());
    let response = server
        .client()
        .get(format!("{url}?query={}", encode("ASK {}")))
        .header("origin", "https://yasgui.example")
        .send()
        .unwrap();
    assert_eq!(
        header(&response, "access-control-allow-origin").as_deref(),
        Some("*")
    );
}

#[test]
fn write_methods_are_405_with_allow() {
    let server = Local::new(config());
    for route in [
        "/sparql",
        "/id/plan/2021-2025",
        "/ontology",
        "/source",
        "/dump/sco-kg.ttl",
        "/.well-known/void",
    ] {
        for method in [Method::PUT, Method::DELETE, Method::PATCH] {
            let response = server
                .client()
                .request(method.clone(), format!("{}{route}", server.url()))
                .body("x")
                .send()
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {route}"
            );
            let allow = header_values(&response, "allow");
            assert!(
                allow.contains(&"get".to_string()),
                "{method} {route}: {allow:?}"
            );
            assert!(!allow.contains(&method.as_str().to_ascii_lowercase()));
        }
    }
    // POST only where it reads: /sparql.
    let response = server
        .client()
        .post(format!("{}/ontology", server.url()))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let allow = header_values(
        &server
            .client()
            .put(format!("{}/sparql", server.url()))
            .send()
            .unwrap(),
        "allow",
    );
    assert!(allow.contains(&"post".to_string()));
}
