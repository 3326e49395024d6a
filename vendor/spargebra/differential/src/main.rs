//! Parses every query found under the given folders, and variants of each (every prefix of it,
//! it without each character, it with one of a few characters inserted before each), with
//! upstream's spargebra and with ours, as a query and as an update (the two grammars share the
//! patched rules), and counts where they differ: a parsed query or update must be the same
//! algebra (its SSE; fresh variables and blank nodes are random, so their names are left out),
//! an error must be at the same place and expect the same tokens. Character classes are left
//! out of the expected tokens: the patch merges some (PATCH.md).

use std::collections::BTreeSet;
use std::path::Path;

/// A query's text without the random names of fresh variables and blank nodes.
fn without_fresh_names(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(['?', ':']) {
        out.push_str(&rest[..=i]);
        rest = &rest[i + 1..];
        let hex = rest.chars().take_while(char::is_ascii_hexdigit).count();
        if hex >= 16 {
            out.push_str("FRESH");
            rest = &rest[hex..];
        }
    }
    out + rest
}

/// An error's place and its expected tokens but character classes.
fn place_and_tokens(message: &str) -> (String, BTreeSet<String>) {
    let Some(rest) = message.strip_prefix("error at ") else {
        return (message.to_string(), BTreeSet::new());
    };
    let (place, expected) = rest.split_once(": expected ").unwrap_or((rest, ""));
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    let tokens = expected.split(", ").filter(|t| !t.starts_with('['));
    (place.to_string(), tokens.map(String::from).collect())
}

/// The queries of a file: a gallery entry's `query = '''…'''`, else the whole file.
fn queries_in(path: &Path, found: &mut Vec<String>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            queries_in(&entry.path(), found);
        }
        return;
    }
    let Ok(text) = std::fs::read_to_string(path) else { return };
    match text.split_once("query = '''") {
        Some((_, rest)) => found.push(rest.split("'''").next().unwrap_or_default().to_string()),
        None if text.len() < 4000 => found.push(text),
        None => {}
    }
}

fn main() {
    let mut queries = Vec::new();
    for folder in std::env::args().skip(1) {
        queries_in(Path::new(&folder), &mut queries);
    }
    let (mut same, mut different) = (0usize, 0usize);
    for query in &queries {
        let mut variants = vec![query.clone(), query.to_lowercase()];
        let bounds: Vec<usize> = query.char_indices().map(|(i, _)| i).chain([query.len()]).collect();
        for pair in bounds.windows(2) {
            let (at, next) = (pair[0], pair[1]);
            variants.push(query[..at].to_string());
            variants.push(format!("{}{}", &query[..at], &query[next..]));
            for inserted in ["x", "é", "中", "#", " ", "(", "?", ":", "\"", "1"] {
                variants.push(format!("{}{inserted}{}", &query[..at], &query[at..]));
            }
        }
        for variant in &variants {
            let as_query = (
                upstream::SparqlParser::new().parse_query(variant).map(|q| q.to_sse()),
                ours::SparqlParser::new().parse_query(variant).map(|q| q.to_sse()),
            );
            let as_update = (
                upstream::SparqlParser::new().parse_update(variant).map(|u| u.to_sse()),
                ours::SparqlParser::new().parse_update(variant).map(|u| u.to_sse()),
            );
            for (theirs, ours) in [as_query, as_update] {
                let agree = match (&theirs, &ours) {
                    (Ok(a), Ok(b)) => without_fresh_names(a) == without_fresh_names(b),
                    (Err(a), Err(b)) => {
                        place_and_tokens(&a.to_string()) == place_and_tokens(&b.to_string())
                    }
                    _ => false,
                };
                if agree {
                    same += 1;
                } else {
                    different += 1;
                    if different <= 5 {
                        eprintln!("differ on {variant:?}:\nupstream {theirs:?}\nours     {ours:?}");
                    }
                }
            }
        }
    }
    println!(
        "{} queries, {} parses (each text as a query and as an update): {same} alike, {different} not",
        queries.len(),
        same + different
    );
    std::process::exit(i32::from(different > 0));
}
