//! Fifty malformed queries of every kind — syntax errors, bad IRIs, unbound prefixes, bad
//! literals, update keywords inside queries, unbalanced braces, invalid escapes, misplaced
//! clauses, misused variables — each answered 400 with a plain-text message that names a line
//! and a column (in characters) no later than where the parser stopped, and shows that line
//! with a caret under the place. They go by GET, by POSTed form and by POSTed query in turn:
//! the three ways report the same. In-process, through the router: no connection is under
//! test.

use axum::body::Body;
use axum::http::Request;
use reqwest::header::{CONTENT_TYPE, HOST};
use reqwest::StatusCode;

use crate::support::*;

/// (query, the position the message names). Positions are those of spargebra 0.4, the
/// parser the server and oxigraph use.
const MALFORMED: &[(&str, &str)] = &[
    // Triples cut short, braces unbalanced.
    ("SELECT * WHERE { ?s ?p }", "1:25"),
    ("SELECT * WHERE { ?s ?p ?o ", "1:27"),
    ("SELECT * WHERE ?s ?p ?o }", "1:16"),
    ("SELECT * WHERE { ?s ?p ?o }}", "1:29"),
    ("SELECT * WHERE { { ?s ?p ?o }", "1:30"),
    ("ASK { ?s ?p ?o } LIMIT 1 }", "1:27"),
    ("SELECT ?s WHERE { ?s ?p ?o . . }", "1:33"),
    ("SELECT ?s WHERE { OPTIONAL ?s ?p ?o }", "1:28"),
    ("CONSTRUCT { ?s ?p } WHERE { ?s ?p ?o }", "1:19"),
    ("SELECT *\nWHERE {\n  ?s ?p\n}", "4:2"),
    // IRIs.
    ("SELECT ?s WHERE { ?s <http://exa mple.org/> ?o }", "1:44"),
    ("SELECT ?s WHERE { ?s <not an iri> ?o }", "1:34"),
    ("SELECT ?s WHERE { ?s ?p \"x\"^^<not iri> }", "1:39"),
    ("BASE <rel> SELECT * {}", "1:11"),
    // Prefixes.
    ("SELECT ?s WHERE { ?s undeclared:p ?o }", "1:34"),
    ("PREFIX ex <http://a/> SELECT * {}", "1:10"),
    // Literals.
    ("SELECT ?s WHERE { ?s ?p \"unterminated }", "1:40"),
    ("SELECT ?s WHERE { ?s ?p \"\"\"never closed }", "1:42"),
    ("SELECT ?s WHERE { ?s ?p \"x\"^^ }", "1:32"),
    ("SELECT ?s WHERE { ?s ?p \"x\"@ }", "1:31"),
    ("SELECT ?s WHERE { ?s ?p \"x\"@-en }", "1:34"),
    ("SELECT ?s WHERE { ?s ?p 1.2.3 }", "1:32"),
    ("SELECT * { ?s ?p 0x1F }", "1:24"),
    ("SELECT * { ?s ?p \"反恐\" . ?x }", "1:29"),
    // Escapes: cut short, not hexadecimal, a lone surrogate, beyond Unicode, unknown.
    ("SELECT ?s WHERE { ?s ?p \"\\u12\" }", "1:30"),
    (
        "SELECT ?s WHERE { ?s <http://example.org/\\u00ZZ> ?o }",
        "1:49",
    ),
    ("SELECT ?s WHERE { ?s ?p \"\\uD800\" }", "1:33"),
    ("SELECT ?s WHERE { ?s ?p \"\\U0011FFFF\" }", "1:37"),
    ("SELECT ?s WHERE { ?s ?p \"\\q\" }", "1:27"),
    // Update keywords inside or around a query: neither a query nor an update.
    (
        "SELECT ?s WHERE { INSERT DATA { <http://a> <http://b> <http://c> } }",
        "1:27",
    ),
    (
        "SELECT * WHERE { ?s ?p ?o } DELETE WHERE { ?s ?p ?o }",
        "1:35",
    ),
    ("DELETE { ?s ?p ?o } SELECT * WHERE { ?s ?p ?o }", "1:10"),
    (
        "SELECT * { ?s ?p ?o } ; INSERT DATA { <a:b> <a:c> <a:d> }",
        "1:29",
    ),
    // Keywords and clauses.
    ("SELEKT * WHERE { ?s ?p ?o }", "1:10"),
    ("SELECT WHERE { ?s ?p ?o }", "1:16"),
    ("DESCRIBE", "1:9"),
    ("ASK", "1:4"),
    ("", "1:1"),
    ("SELECT ?s WHERE { ?s ?p ?o } LIMIT -1", "1:36"),
    (
        "SELECT ?s WHERE { ?s ?p ?o } LIMIT 99999999999999999999999999",
        "1:62",
    ),
    ("SELECT ?s WHERE { ?s ?p ?o } OFFSET 1 OFFSET 2", "1:45"),
    ("SELECT ?s WHERE { SERVICE { ?s ?p ?o } }", "1:33"),
    // Expressions.
    ("SELECT (COUNT(*) ?n) WHERE { ?s ?p ?o }", "1:23"),
    ("SELECT ?s WHERE { ?s ?p ?o FILTER() }", "1:38"),
    ("SELECT ?s WHERE { ?s ?p ?o FILTER(?o > ) }", "1:43"),
    (
        "SELECT ?s WHERE { ?s ?p ?o FILTER(NOSUCHFUNCTION(?o)) }",
        "1:49",
    ),
    ("SELECT ?s WHERE { ?s ?p ?o FILTER(?o IN (1, 2,)) }", "1:51"),
    ("SELECT ?s WHERE { VALUES (?x ?y) { (1) } }", "1:43"),
    // Property paths.
    ("SELECT ?s WHERE { ?s (?p)* ?o }", "1:27"),
    ("SELECT ?s WHERE { ?s <http://a>** ?o }", "1:33"),
    ("SELECT * { ?s <http://a/>{2} ?o }", "1:26"),
    // Variables used against the rules: rebound, projected over itself, not grouped.
    ("SELECT ?x WHERE { BIND(1 AS ?x) BIND(2 AS ?x) }", "1:48"),
    ("SELECT (?s AS ?s) WHERE { ?s ?p ?o }", "1:37"),
    ("SELECT ?o WHERE { ?s ?p ?o } GROUP BY ?s", "1:41"),
];

/// "line 3, column 17" in a message → (3, 17).
fn place(message: &str) -> Option<(usize, usize)> {
    let at = message.find("line ")?;
    let rest = &message[at + 5..];
    let (line, rest) = rest.split_once(", column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, column.parse().ok()?))
}

fn parse_place(position: &str) -> (usize, usize) {
    let (line, column) = position.split_once(':').unwrap();
    (line.parse().unwrap(), column.parse().unwrap())
}

/// The query by GET, by POSTed form or by POSTed query (`way` modulo 3).
fn send(server: &AppState, query: &str, way: usize) -> Answer {
    let request = Request::builder().header(HOST, "127.0.0.1:8080");
    let request = match way % 3 {
        0 => request
            .uri(format!("/sparql?query={}", encode(query)))
            .body(Body::empty()),
        1 => request
            .method("POST")
            .uri("/sparql")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("query={}", encode(query)))),
        _ => request
            .method("POST")
            .uri("/sparql")
            .header(CONTENT_TYPE, "application/sparql-query")
            .body(Body::from(query.to_string())),
    };
    oneshot(server, request.expect("a request"))
}

#[test]
fn malformed_queries_get_400_naming_the_position() {
    let distinct: std::collections::BTreeSet<&str> = MALFORMED.iter().map(|(q, _)| *q).collect();
    assert!(distinct.len() >= 30 && distinct.len() == MALFORMED.len());
    let server = in_process(config());
    for (i, (query, position)) in MALFORMED.iter().enumerate() {
        let response = send(&server, query, i);
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{query:?}");
        assert_eq!(
            response.header("content-type").as_deref(),
            Some("text/plain; charset=utf-8"),
            "{query:?}"
        );
        let message = response.text();
        let (line, column) =
            place(&message).unwrap_or_else(|| panic!("{query:?}: no line and column in {message}"));
        // The message points where the parser stopped, or before it at the likelier culprit
        // (a word that is no keyword, a bracket that does not pair, the start of a prefixed
        // name): never past it.
        let (parser_line, parser_column) = parse_place(position);
        assert!(
            (line, column) <= (parser_line, parser_column),
            "{query:?}: {line}:{column} is past the parser's {position}: {message}"
        );
        // It shows the line, with a caret under the place.
        let shown = query.split('\n').nth(line - 1).unwrap_or_default();
        let caret = format!(
            "\n{} | {}^",
            " ".repeat(line.to_string().len()),
            " ".repeat(column - 1)
        );
        assert!(
            message.contains(&format!("{line} | {shown}")),
            "{query:?}: {message}"
        );
        assert!(message.contains(&caret), "{query:?}: {message}");
    }
    // The same malformed query names the same position whichever way it comes.
    let (query, _) = MALFORMED[0];
    let first = send(&server, query, 0).text();
    for way in 1..3 {
        assert_eq!(send(&server, query, way).text(), first);
    }
    // Where the parser's place is not the culprit, the culprit is named, as a reader sees it.
    for (query, expected) in [
        // The prefix starts at column 22.
        (
            "SELECT ?s WHERE { ?s undeclared:p ?o }",
            "line 1, column 22, the prefix undeclared: is not declared",
        ),
        (
            "SELEKT * WHERE { ?s ?p ?o }",
            "line 1, column 1, `SELEKT` is no SPARQL keyword; did you mean SELECT?",
        ),
        (
            "SELECT * WHERE { ?s ?p ?o }}",
            "line 1, column 28, `}` closes nothing",
        ),
        (
            "SELECT * WHERE { { ?s ?p ?o }",
            "the `{` at line 1, column 16, is never closed",
        ),
        (
            "SELECT ?s WHERE { ?s ?p ?o FILTER(NOSUCHFUNCTION(?o)) }",
            "line 1, column 35, `NOSUCHFUNCTION` is no SPARQL keyword",
        ),
    ] {
        let message = send(&server, query, 0).text();
        assert!(message.contains(expected), "{query:?}: {message}");
    }
}

/// A well-formed update is not a syntax error: it is refused as such (403), by its kind.
#[test]
fn a_well_formed_update_is_refused_as_read_only_not_as_malformed() {
    let server = in_process(config());
    for (i, update) in [
        "LOAD <http://example.org/>",
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "CLEAR ALL",
    ]
    .iter()
    .enumerate()
    {
        let response = send(&server, update, i);
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{update}");
        assert!(response.text().contains("read-only"));
    }
}
