//! The SPARQL 1.1 Protocol at /sparql: the three ways of sending a query, the dataset
//! parameters, every result format by Accept and by format=, the service description, and every
//! refusal (update, SERVICE but our own sco:search, syntax, 406, 413, 415). Through the router
//! in-process (`support::Local`), and over a socket where the connection or a real client's
//! encoding is under test: a chunked body, the `format=` values as reqwest writes them, the
//! Host field as hyper reads it.

use std::io::Read;
use std::net::TcpListener;
use std::time::Duration;

use crate::support::*;
use oxigraph::io::RdfFormat;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HOST};
use reqwest::StatusCode;

const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

fn get(server: &Local, query: &str, accept: Option<&str>) -> Response {
    let mut request =
        server
            .client()
            .get(format!("{}/sparql?query={}", server.url(), encode(query)));
    if let Some(accept) = accept {
        request = request.header(ACCEPT, accept);
    }
    request.send().expect("answers")
}

fn content_type(response: &impl Headers) -> String {
    header(response, "content-type").expect("Content-Type")
}

fn json(response: Response) -> serde_json::Value {
    assert_eq!(response.status(), StatusCode::OK);
    serde_json::from_slice(&response.bytes().unwrap()).expect("JSON")
}

fn count_of(results: &serde_json::Value) -> usize {
    results["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .expect("a count")
        .parse()
        .unwrap()
}

#[test]
fn a_query_by_get_by_form_and_by_body_gets_the_same_answer() {
    let server = Local::new(config());
    let url = server.url();
    let expected = graph().triples.len();

    let by_get = json(get(&server, COUNT, None));
    assert_eq!(count_of(&by_get), expected);

    let by_form = server
        .client()
        .post(format!("{url}/sparql"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!("query={}", encode(COUNT)))
        .send()
        .unwrap();
    assert_eq!(count_of(&json(by_form)), expected);

    let by_body = server
        .client()
        .post(format!("{url}/sparql"))
        .header(CONTENT_TYPE, "application/sparql-query; charset=utf-8")
        .body(COUNT)
        .send()
        .unwrap();
    assert_eq!(count_of(&json(by_body)), expected);

    // The graph's prefixes need no declaration.
    let typed = json(get(
        &server,
        "SELECT (COUNT(*) AS ?n) WHERE { ?m a sco:Measure }",
        None,
    ));
    let measures = graph()
        .triples
        .iter()
        .filter(|t| {
            t.predicate.as_str() == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
                && t.object.to_string() == "<https://w3id.org/sco-kg/ontology#Measure>"
        })
        .count();
    assert!(measures > 0);
    assert_eq!(count_of(&typed), measures);
}

#[test]
fn dataset_parameters_set_the_default_and_named_graphs() {
    let server = Local::new(config());
    let url = server.url();
    // Our triples are all in the default graph: naming another default graph empties it.
    let response = server
        .client()
        .get(format!(
            "{url}/sparql?query={}&default-graph-uri={}",
            encode(COUNT),
            encode("http://example.org/elsewhere")
        ))
        .send()
        .unwrap();
    assert_eq!(count_of(&json(response)), 0);
    // named-graph-uri (repeatable) restricts GRAPH ?g to those graphs: none has triples.
    let named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let response = server
        .client()
        .post(format!("{url}/sparql"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!(
            "query={}&named-graph-uri={}&named-graph-uri={}",
            encode(named),
            encode("http://example.org/a"),
            encode("http://example.org/b")
        ))
        .send()
        .unwrap();
    assert_eq!(count_of(&json(response)), 0);
    // With application/sparql-query the dataset comes from the URL.
    let response = server
        .client()
        .post(format!(
            "{url}/sparql?default-graph-uri={}",
            encode("http://example.org/elsewhere")
        ))
        .header(CONTENT_TYPE, "application/sparql-query")
        .body(COUNT)
        .send()
        .unwrap();
    assert_eq!(count_of(&json(response)), 0);
    // A graph name that is not an IRI is the client's mistake.
    let response = server
        .client()
        .get(format!(
            "{url}/sparql?query={}&default-graph-uri=not%20an%20iri",
            encode(COUNT)
        ))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

const SELECT: &str = "SELECT ?s WHERE { ?s a sco:Section } ORDER BY ?s LIMIT 3";
const ASK: &str = "ASK { ?s a sco:Measure }";
const CONSTRUCT: &str =
    "CONSTRUCT { ?s skos:prefLabel ?l } WHERE { ?s a sco:Section ; skos:prefLabel ?l }";
const DESCRIBE: &str = "DESCRIBE ?s WHERE { ?s a sco:Section } LIMIT 1";

#[test]
fn results_formats_follow_accept() {
    let server = Local::new(config());
    for (query, accept, expected) in [
        (SELECT, None, "application/sparql-results+json"),
        (
            SELECT,
            Some("application/sparql-results+json"),
            "application/sparql-results+json",
        ),
        // An alias named by the client is what the answer is labelled.
        (SELECT, Some("application/json"), "application/json"),
        (
            SELECT,
            Some("application/sparql-results+xml"),
            "application/sparql-results+xml",
        ),
        (SELECT, Some("text/csv"), "text/csv; charset=utf-8"),
        (
            SELECT,
            Some("text/tab-separated-values"),
            "text/tab-separated-values; charset=utf-8",
        ),
        (SELECT, Some("*/*"), "application/sparql-results+json"),
        (SELECT, Some("text/*"), "text/csv; charset=utf-8"),
        (
            SELECT,
            Some("text/csv;q=0.5, text/tab-separated-values;q=0.8"),
            "text/tab-separated-values; charset=utf-8",
        ),
        // q=0 excludes JSON even though */* admits everything else.
        (
            SELECT,
            Some("application/sparql-results+json;q=0, application/json;q=0, */*"),
            "application/sparql-results+xml",
        ),
        (ASK, None, "application/sparql-results+json"),
        (
            ASK,
            Some("application/sparql-results+xml"),
            "application/sparql-results+xml",
        ),
        (ASK, Some("text/csv"), "text/csv; charset=utf-8"),
        (CONSTRUCT, None, "text/turtle; charset=utf-8"),
        (CONSTRUCT, Some("*/*"), "text/turtle; charset=utf-8"),
        (
            CONSTRUCT,
            Some("application/n-triples"),
            "application/n-triples",
        ),
        (
            CONSTRUCT,
            Some("application/rdf+xml"),
            "application/rdf+xml",
        ),
        (
            CONSTRUCT,
            Some("application/ld+json"),
            "application/ld+json",
        ),
        (
            CONSTRUCT,
            Some("text/turtle;q=0, */*;q=0.1"),
            "application/n-triples",
        ),
        (DESCRIBE, None, "text/turtle; charset=utf-8"),
        (DESCRIBE, Some("application/ld+json"), "application/ld+json"),
    ] {
        let response = get(&server, query, accept);
        assert_eq!(response.status(), StatusCode::OK, "{query} / {accept:?}");
        assert_eq!(content_type(&response), expected, "{query} / {accept:?}");
        assert!(
            header_values(&response, "vary").contains(&"accept".to_string()),
            "Vary: Accept"
        );
        let body = response.bytes().unwrap();
        assert!(!body.is_empty());
        if expected.contains("json") && query != CONSTRUCT && query != DESCRIBE {
            serde_json::from_slice::<serde_json::Value>(&body).expect("JSON results");
        }
        if query == CONSTRUCT {
            // The bytes are what the Content-Type says.
            let triples = parse_rdf(&body, rdf_format_of(expected));
            assert!(!triples.is_empty());
        }
    }
}

#[test]
fn format_parameter_overrides_accept() {
    // Over the socket: the `format=` values go as a client percent-encodes them.
    let server = start(config());
    let url = server.url();
    for (query, format, expected) in [
        (SELECT, "json", "application/sparql-results+json"),
        (SELECT, "xml", "application/sparql-results+xml"),
        (SELECT, "csv", "text/csv; charset=utf-8"),
        (SELECT, "tsv", "text/tab-separated-values; charset=utf-8"),
        (ASK, "tsv", "text/tab-separated-values; charset=utf-8"),
        (CONSTRUCT, "turtle", "text/turtle; charset=utf-8"),
        (CONSTRUCT, "ttl", "text/turtle; charset=utf-8"),
        (CONSTRUCT, "ntriples", "application/n-triples"),
        (CONSTRUCT, "nt", "application/n-triples"),
        (CONSTRUCT, "rdfxml", "application/rdf+xml"),
        (CONSTRUCT, "xml", "application/rdf+xml"),
        (CONSTRUCT, "jsonld", "application/ld+json"),
        (DESCRIBE, "nt", "application/n-triples"),
        // The names other clients send: SPARQLWrapper's N3 (Turtle is N3), Fuseki's and
        // Virtuoso's "json" for a graph (JSON-LD), N-Quads and TriG, any case, with spaces.
        (CONSTRUCT, "n3", "text/turtle; charset=utf-8"),
        (DESCRIBE, "N3", "text/turtle; charset=utf-8"),
        (CONSTRUCT, "json", "application/ld+json"),
        (CONSTRUCT, "nq", "application/n-quads"),
        (CONSTRUCT, "nquads", "application/n-quads"),
        (CONSTRUCT, "trig", "application/trig"),
        (SELECT, "JSON", "application/sparql-results+json"),
        (SELECT, " csv ", "text/csv; charset=utf-8"),
    ] {
        let response = client()
            .get(format!(
                "{url}/sparql?query={}&format={format}",
                encode(query)
            ))
            .header(ACCEPT, "text/html")
            .send()
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "format={format}");
        assert_eq!(content_type(&response), expected, "format={format}");
    }
    // An empty format= asks for nothing: Accept decides.
    let response = client()
        .get(format!("{url}/sparql?query={}&format=", encode(CONSTRUCT)))
        .header(ACCEPT, "application/n-triples")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(content_type(&response), "application/n-triples");
    // A known format that does not fit the query's form: 406; an unknown name: 400.
    for (query, format, status) in [
        (SELECT, "turtle", StatusCode::NOT_ACCEPTABLE),
        (CONSTRUCT, "csv", StatusCode::NOT_ACCEPTABLE),
        (SELECT, "yaml", StatusCode::BAD_REQUEST),
    ] {
        let response = client()
            .get(format!(
                "{url}/sparql?query={}&format={format}",
                encode(query)
            ))
            .send()
            .unwrap();
        assert_eq!(response.status(), status, "format={format}");
        assert!(content_type(&response).starts_with("text/plain"));
        assert!(!response.text().unwrap().trim().is_empty());
    }
}

#[test]
fn nothing_acceptable_is_406_with_the_alternatives() {
    let server = Local::new(config());
    for (query, accept) in [
        (SELECT, "text/turtle"),
        (SELECT, "application/sparql-results+json;q=0, application/json;q=0, application/sparql-results+xml;q=0, application/xml;q=0, text/xml;q=0, text/csv;q=0, text/tab-separated-values;q=0"),
        (SELECT, "*/*;q=0"),
        (CONSTRUCT, "application/sparql-results+json"),
        (CONSTRUCT, "image/png"),
        (ASK, "text/turtle"),
    ] {
        let response = get(&server, query, Some(accept));
        assert_eq!(response.status(), StatusCode::NOT_ACCEPTABLE, "{accept}");
        assert!(content_type(&response).starts_with("text/plain"));
        let message = response.text().unwrap();
        assert!(message.contains("available"), "{message}");
    }
}

#[test]
fn json_ld_answers_carry_a_context_with_our_prefixes() {
    let server = Local::new(config());
    let response = get(&server, CONSTRUCT, Some("application/ld+json"));
    let document = json(response);
    let context = &document["@context"];
    assert!(context.is_object(), "{document}");
    for (prefix, namespace) in graph().prefixes() {
        assert_eq!(
            context[&prefix].as_str(),
            Some(namespace.as_str()),
            "{prefix}"
        );
    }
}

#[test]
fn turtle_answers_declare_our_prefixes() {
    let server = Local::new(config());
    let text = get(&server, CONSTRUCT, None).text().unwrap();
    assert!(text.contains("@prefix skos: <http://www.w3.org/2004/02/skos/core#>"));
    assert!(text.contains("@prefix section: <https://w3id.org/sco-kg/id/plan/2021-2025/section/>"));
}

#[test]
fn update_is_refused_as_read_only_in_every_form() {
    let server = Local::new(config());
    let url = server.url();
    let update =
        "INSERT DATA { <http://example.org/s> <http://example.org/p> <http://example.org/o> }";
    let responses = [
        server
            .client()
            .get(format!("{url}/sparql?update={}", encode(update)))
            .send()
            .unwrap(),
        server
            .client()
            .post(format!("{url}/sparql"))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(format!("update={}", encode(update)))
            .send()
            .unwrap(),
        server
            .client()
            .post(format!("{url}/sparql"))
            .header(CONTENT_TYPE, "application/sparql-update")
            .body(update)
            .send()
            .unwrap(),
        // An update sent as a query.
        get(&server, update, None),
        server
            .client()
            .post(format!("{url}/sparql"))
            .header(CONTENT_TYPE, "application/sparql-query")
            .body("DELETE WHERE { ?s ?p ?o }")
            .send()
            .unwrap(),
    ];
    for response in responses {
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(content_type(&response).starts_with("text/plain"));
        assert!(response.text().unwrap().contains("read-only"));
    }
    // Nothing was written.
    assert_eq!(
        count_of(&json(get(&server, COUNT, None))),
        graph().triples.len()
    );
}

#[test]
fn sco_label_and_service_sco_search_answer_over_the_protocol() {
    // As SPARQLWrapper asks by default: GET with `query=` and Accept for SPARQL JSON.
    let server = Local::new(config());
    let accept = Some("application/sparql-results+json");
    // Measure 12 is on unmanned aerial vehicles ("беспилотных летательных аппаратов" in the
    // source); its executors are the competent authorities and RATS, whose Chinese labels are
    // in data/registry/bodies.toml.
    let searched = json(get(
        &server,
        r#"SELECT ?n WHERE { SERVICE sco:search { ?e sco:query "беспилотные летательные аппараты" ;
             sco:type "measure" ; sco:limit "1" ; sco:score ?score } ?e sco:number ?n }"#,
        accept,
    ));
    let bindings = &searched["results"]["bindings"];
    assert_eq!(bindings.as_array().map(Vec::len), Some(1), "{searched}");
    assert_eq!(bindings[0]["n"]["value"], "12");
    let labelled = json(get(
        &server,
        r#"SELECT ?l WHERE { measure:12 sco:executor ?x BIND(sco:label(?x, "zh") AS ?l) } ORDER BY ?l"#,
        accept,
    ));
    let labels: Vec<(&str, &str)> = labelled["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            (
                b["l"]["value"].as_str().unwrap(),
                b["l"]["xml:lang"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            ("上合组织成员国主管机关", "zh"),
            ("上海合作组织地区反恐怖机构", "zh")
        ]
    );
}

#[test]
fn service_is_refused_and_no_outbound_request_is_made() {
    // A listener the query points SERVICE at: it must never see a connection.
    let trap = TcpListener::bind("127.0.0.1:0").unwrap();
    trap.set_nonblocking(true).unwrap();
    let target = format!("http://{}/sparql", trap.local_addr().unwrap());
    let server = Local::new(config());
    let query = format!("SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}");
    let response = get(&server, &query, None);
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(content_type(&response).starts_with("text/plain"));
    let message = response.text().unwrap();
    assert!(message.contains("service"), "{message}");
    std::thread::sleep(Duration::from_millis(200));
    match trap.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        Ok(_) => panic!("the server made an outbound connection"),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_malformed_query_is_400_with_the_parsers_position() {
    let server = Local::new(config());
    let url = server.url();
    let response = get(&server, "SELECT * WHERE { ?s ?p }", None);
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(content_type(&response), "text/plain; charset=utf-8");
    let message = response.text().unwrap();
    // The object is missing: the text ends (line 1, column 25, just past `}`) where a query
    // cannot; the line is shown with a caret there.
    assert!(message.contains("line 1, column 25"), "{message}");
    assert!(
        message.contains("a triple pattern needs a subject, a predicate and an object"),
        "{message}"
    );
    assert!(
        message.contains("1 | SELECT * WHERE { ?s ?p }\n  |                         ^"),
        "{message}"
    );
    // An undeclared prefix is named, with the predeclared ones; a misspelt keyword is found
    // where it stands, with the keyword it was meant to be; a bracket closing nothing too.
    let message = get(&server, "SELECT * WHERE { ?x foo:bar ?y }", None)
        .text()
        .unwrap();
    assert!(
        message.contains("line 1, column 21, the prefix foo: is not declared"),
        "{message}"
    );
    assert!(message.contains("sco: section: skos: state:"), "{message}");
    let message = get(&server, "SELECT * WHERE { ?s ?p ?o } LIMT 3", None)
        .text()
        .unwrap();
    assert!(
        message.contains("column 29, `LIMT` is no SPARQL keyword; did you mean LIMIT?"),
        "{message}"
    );
    let message = get(&server, "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s )", None)
        .text()
        .unwrap();
    assert!(
        message.contains("column 42, `)` closes nothing"),
        "{message}"
    );
    // Garbage of every kind is still the client's mistake.
    for text in [
        "",
        "}",
        "SELECT",
        "\u{0}\u{1}",
        "PREFIX x: <nope> SELECT * {}",
        &"{".repeat(5000),
    ] {
        let response = get(&server, text, None);
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{text:.20}");
        assert!(content_type(&response).starts_with("text/plain"));
    }
    // A POST without a query, a body of the wrong type, invalid UTF-8.
    let response = server
        .client()
        .post(format!("{url}/sparql"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("format=json")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let response = server
        .client()
        .post(format!("{url}/sparql"))
        .header(CONTENT_TYPE, "application/json")
        .body("{}")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let response = server
        .client()
        .post(format!("{url}/sparql"))
        .header(CONTENT_TYPE, "application/sparql-query")
        .body(vec![0xff, 0xfe, 0x00])
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    // Two queries in one request.
    let response = server
        .client()
        .get(format!(
            "{url}/sparql?query={}&query={}",
            encode(ASK),
            encode(ASK)
        ))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[test]
fn long_queries_and_large_bodies_are_413() {
    let server = start(Config {
        max_query_bytes: 200,
        max_body_bytes: 1000,
        ..config()
    });
    let url = server.url();
    let long = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(300));
    let response = client()
        .get(format!("{url}/sparql?query={}", encode(&long)))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text().unwrap().contains("200"));
    let response = client()
        .post(format!("{url}/sparql"))
        .header(CONTENT_TYPE, "application/sparql-query")
        .body(long.clone())
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // A body over the limit, declared by Content-Length…
    let response = client()
        .post(format!("{url}/sparql"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!("query={}&pad={}", encode(ASK), "y".repeat(2000)))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // …or streamed in chunks without one.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        (0..20).map(|_| Ok(vec![b'#'; 100])).collect();
    let response = client()
        .post(format!("{url}/sparql"))
        .header(CONTENT_TYPE, "application/sparql-query")
        .body(reqwest::blocking::Body::new(ChunkReader(
            chunks.into_iter(),
        )))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // Within the limits, the same server answers.
    assert_eq!(
        client()
            .get(format!("{url}/sparql?query={}", encode(ASK)))
            .send()
            .unwrap()
            .status(),
        StatusCode::OK
    );
}

/// A body of unknown length (sent chunked).
struct ChunkReader(std::vec::IntoIter<Result<Vec<u8>, std::io::Error>>);

impl Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.0.next() {
            Some(Ok(chunk)) => {
                let n = chunk.len().min(buf.len());
                buf[..n].copy_from_slice(&chunk[..n]);
                Ok(n)
            }
            Some(Err(e)) => Err(e),
            None => Ok(0),
        }
    }
}

#[test]
fn too_many_results_is_an_error_with_a_message() {
    let server = Local::new(Config {
        max_results: 10,
        ..config()
    });
    // A query the service refuses: 500, as the SPARQL 1.1 Protocol has it (§2.1.4; a 400
    // would say the query is malformed), with the limit and how to page.
    let response = get(&server, "SELECT * WHERE { ?s ?p ?o }", None);
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(content_type(&response).starts_with("text/plain"));
    let text = response.text().unwrap();
    assert!(text.contains("10 rows"), "{text}");
    assert!(text.contains("LIMIT and OFFSET"), "{text}");
    let response = get(&server, "CONSTRUCT WHERE { ?s ?p ?o }", None);
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    // At the cap exactly, the answer comes.
    let response = get(&server, "SELECT * WHERE { ?s ?p ?o } LIMIT 10", None);
    assert_eq!(response.status(), StatusCode::OK);
}

/// The service description's triples, parsed with oxigraph.
fn service_description(response: Response) -> std::collections::BTreeSet<String> {
    assert_eq!(response.status(), StatusCode::OK);
    let format = rdf_format_of(&content_type(&response));
    parse_rdf(&response.bytes().unwrap(), format)
}

const SD: &str = "http://www.w3.org/ns/sparql-service-description#";

#[test]
fn the_service_description_advertises_the_public_url() {
    let public = "https://kg.example.org/sco";
    let server = Local::new(Config {
        public_url: Some(public.into()),
        ..config()
    });
    let response = server
        .client()
        .get(format!("{}/sparql", server.url()))
        .send()
        .unwrap();
    assert_eq!(content_type(&response), "text/turtle; charset=utf-8");
    let triples = service_description(response);
    let endpoint = format!("<{public}/sparql>");
    assert!(triples
        .iter()
        .any(|t| t.contains(&format!("<{SD}endpoint> {endpoint}"))));
    assert!(triples
        .iter()
        .any(|t| t.ends_with(&format!("<{SD}supportedLanguage> <{SD}SPARQL11Query>"))));
    for format in [
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "RDF_XML",
        "JSON-LD",
    ] {
        assert!(
            triples.iter().any(|t| t.ends_with(&format!(
                "<{SD}resultFormat> <http://www.w3.org/ns/formats/{format}>"
            ))),
            "{format}"
        );
    }
    assert!(triples
        .iter()
        .any(|t| t.contains(&format!("<{SD}defaultDataset>"))));
    let count = format!(
        "<http://rdfs.org/ns/void#triples> \"{}\"^^<http://www.w3.org/2001/XMLSchema#integer>",
        graph().triples.len()
    );
    assert!(triples.iter().any(|t| t.ends_with(&count)), "{count}");
    // The bind address appears nowhere.
    let bound = server.local_addr().to_string();
    assert!(triples.iter().all(|t| !t.contains(&bound)));

    // Negotiated among the RDF syntaxes.
    for (accept, expected) in [
        ("application/n-triples", RdfFormat::NTriples),
        ("application/rdf+xml", RdfFormat::RdfXml),
        ("application/ld+json", sco_kg::store::JSON_LD),
    ] {
        let response = server
            .client()
            .get(format!("{}/sparql", server.url()))
            .header(ACCEPT, accept)
            .send()
            .unwrap();
        assert_eq!(rdf_format_of(&content_type(&response)), expected);
        assert!(service_description(response)
            .iter()
            .any(|t| t.contains(&endpoint)));
    }
    let response = server
        .client()
        .get(format!("{}/sparql", server.url()))
        .header(ACCEPT, "text/csv")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_ACCEPTABLE);
}

#[test]
fn without_a_public_url_the_description_follows_the_host_header() {
    let server = start(config());
    let response = client()
        .get(format!("{}/sparql", server.url()))
        .header(HOST, "endpoint.example.net:8443")
        .send()
        .unwrap();
    // Over the socket: hyper reads the Host field as it comes.
    assert_eq!(response.status(), StatusCode::OK);
    let format = rdf_format_of(&content_type(&response));
    let triples = parse_rdf(&response.bytes().unwrap(), format);
    assert!(triples.iter().any(|t| t.contains(&format!(
        "<{SD}endpoint> <http://endpoint.example.net:8443/sparql>"
    ))));
    // A Host that is not an authority is refused (RFC 9112 §3.2: an invalid Host field value
    // gets 400), and never written into IRIs.
    let response = client()
        .get(format!("{}/sparql", server.url()))
        .header(HOST, "evil.example/path> <x")
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(!response.text().unwrap().contains("evil"));
}

/// The predeclared prefixes name things directly (`plan:2021-2025` is the plan, `decision:1`
/// the decision, `section:3` and `measure:14` a section and a measure), and are published for
/// other clients: as a PREFIX block at /prefixes, and with sh:declare in the service
/// description.
#[test]
fn the_predeclared_prefixes_name_things_and_are_published() {
    let server = Local::new(config());
    let url = server.url();
    let base = "https://w3id.org/sco-kg/id/";
    for (query, expected) in [
        ("ASK { plan:2021-2025 a sco:ActionPlan }", "true"),
        ("ASK { decision:1 ?p ?o }", "true"),
        ("ASK { measure:14 sco:section section:2 }", "true"),
    ] {
        let response = get(&server, query, Some("application/sparql-results+json"));
        assert_eq!(response.status(), StatusCode::OK, "{query}");
        assert!(response.text().unwrap().contains(expected), "{query}");
    }
    let response = server
        .client()
        .get(format!("{url}/prefixes"))
        .send()
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(content_type(&response), "text/plain; charset=utf-8");
    let block = response.text().unwrap();
    for line in [
        "PREFIX sco: <https://w3id.org/sco-kg/ontology#>".to_string(),
        format!("PREFIX plan: <{base}plan/>"),
        format!("PREFIX decision: <{base}decision/2020/>"),
        format!("PREFIX measure: <{base}plan/2021-2025/measure/>"),
    ] {
        assert!(block.lines().any(|l| l == line), "{line} not in\n{block}");
    }
    // Pasted before a query, the block makes it a query any engine parses: here, oxigraph's
    // parser with no prefix of its own.
    let pasted = format!("{block}SELECT ?m WHERE {{ ?m sco:section section:2 }}");
    assert!(spargebra::SparqlParser::new().parse_query(&pasted).is_ok());
    let triples = service_description(
        server
            .client()
            .get(format!("{url}/sparql"))
            .header(ACCEPT, "application/n-triples")
            .send()
            .unwrap(),
    );
    assert!(triples
        .iter()
        .any(|t| t.contains("<http://www.w3.org/ns/shacl#prefix> \"decision\"")));
    // The extensions are advertised: the label function and the search service.
    assert!(triples.iter().any(|t| t.contains(
        "<http://www.w3.org/ns/sparql-service-description#extensionFunction> <https://w3id.org/sco-kg/ontology#label>"
    )));
    assert!(triples.iter().any(|t| t.contains(
        "<http://www.w3.org/ns/sparql-service-description#feature> <https://w3id.org/sco-kg/ontology#search>"
    )));
    assert!(triples.iter().any(|t| t.contains(&format!(
        "<http://www.w3.org/ns/shacl#namespace> \"{base}plan/\"^^<http://www.w3.org/2001/XMLSchema#anyURI>"
    ))));
}
