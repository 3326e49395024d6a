//! The example gallery: analysts' questions over the whole graph, one TOML file each in
//! `data/examples/`, with a title and a description in Russian, English and Chinese, the SPARQL
//! query, the result view that suits it and the answer read from the source text.
//!
//! ```toml
//! title = { ru = "…", en = "…", zh = "…" }
//! description = { ru = "…", en = "…", zh = "…" }
//! view = "bar"                  # table, bar, network, timeline or map
//! ordered = true                # whether the rows must come in this order
//! query = '''
//! PREFIX sco: <https://w3id.org/sco-kg/ontology#>
//! SELECT …
//! '''
//! expected = [["1", "3"], …]    # IRIs in full, literals as their lexical form, unbound as ""
//! extension = true              # optional: the query uses sco:label or SERVICE sco:search
//! ```
//!
//! An example marked `extension` uses our SPARQL extensions (`sco:label`, `SERVICE
//! sco:search`): only this endpoint answers it, so the tests that run the gallery on other
//! engines (plain Oxigraph, Virtuoso, rdflib) skip it, and count how many they skip.

use std::collections::BTreeMap;

use oxigraph::model::Term;
use serde::Deserialize;

use crate::data::{self, DataError, DataFile};
use crate::store::{Answer, KnowledgeGraph, QueryError, QueryOptions};

/// The languages every title and description is written in.
pub const LANGUAGES: [&str; 3] = ["ru", "en", "zh"];

/// The folder of `data/` the examples live in.
pub const FOLDER: &str = "examples";

/// Which view of the answer suits an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// The rows as a table.
    Table,
    /// A bar chart of counts.
    Bar,
    /// A network of bodies (and measures) linked by co-execution.
    Network,
    /// Dated documents on a time line.
    Timeline,
    /// Points (`?lat`, `?long`) on a map.
    Map,
}

impl View {
    /// Every view.
    pub const ALL: [View; 5] = [
        View::Table,
        View::Bar,
        View::Network,
        View::Timeline,
        View::Map,
    ];

    /// The view's name as the example files write it (`view = "bar"`).
    pub fn as_str(self) -> &'static str {
        match self {
            View::Table => "table",
            View::Bar => "bar",
            View::Network => "network",
            View::Timeline => "timeline",
            View::Map => "map",
        }
    }
}

/// One example of the gallery.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The file's name without `.toml` ("01-measures-per-section").
    pub id: String,
    /// Title by language ("ru", "en", "zh").
    pub title: BTreeMap<String, String>,
    /// Description by language.
    pub description: BTreeMap<String, String>,
    /// The SPARQL query; it declares every prefix it uses.
    pub query: String,
    /// The view that suits the answer.
    pub view: View,
    /// The answer read from the source: rows of strings (see [`row_strings`]).
    pub expected: Vec<Vec<String>>,
    /// Whether the rows must come in the order of `expected`; otherwise they are a multiset.
    pub ordered: bool,
    /// Whether the query uses our extensions (`sco:label`, `SERVICE sco:search`), which no
    /// other engine knows.
    pub extension: bool,
}

/// An example file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleFile {
    title: BTreeMap<String, String>,
    description: BTreeMap<String, String>,
    query: String,
    view: View,
    expected: Vec<Vec<String>>,
    ordered: bool,
    #[serde(default)]
    extension: bool,
}

impl Example {
    /// Reads one example file; its id is the file's name without the extension.
    pub fn from_file(file: &DataFile<'_>) -> Result<Self, DataError> {
        let parsed: ExampleFile = file.parse_toml()?;
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        let id = name.strip_suffix(".toml").unwrap_or(name).to_string();
        for (field, texts) in [
            ("title", &parsed.title),
            ("description", &parsed.description),
        ] {
            for lang in LANGUAGES {
                if texts.get(lang).is_none_or(|t| t.trim().is_empty()) {
                    return Err(file.error(
                        line_of(file.contents, field),
                        format!("{field} has no {lang:?} text"),
                    ));
                }
            }
            if let Some(other) = texts.keys().find(|l| !LANGUAGES.contains(&l.as_str())) {
                return Err(file.error(
                    line_of(file.contents, field),
                    format!("{field} has a text in {other:?}, which is not one of ru, en, zh"),
                ));
            }
        }
        if parsed.query.trim().is_empty() {
            return Err(file.error(line_of(file.contents, "query"), "the query is empty"));
        }
        Ok(Self {
            id,
            title: parsed.title,
            description: parsed.description,
            query: parsed.query,
            view: parsed.view,
            expected: parsed.expected,
            ordered: parsed.ordered,
            extension: parsed.extension,
        })
    }

    /// The title in `lang`, else English.
    pub fn title(&self, lang: &str) -> &str {
        text_in(&self.title, lang)
    }

    /// The description in `lang`, else English.
    pub fn description(&self, lang: &str) -> &str {
        text_in(&self.description, lang)
    }

    /// Runs the query on `graph` and returns its rows as strings, like `expected`.
    pub fn run(&self, graph: &KnowledgeGraph) -> Result<Vec<Vec<String>>, QueryError> {
        run(graph, &self.query)
    }

    /// Compares an answer's rows with the expected ones: in order when the example is ordered,
    /// as a multiset otherwise. The error says what differs.
    pub fn check(&self, rows: &[Vec<String>]) -> Result<(), String> {
        let (mut expected, mut got) = (self.expected.clone(), rows.to_vec());
        if !self.ordered {
            expected.sort();
            got.sort();
        }
        if expected == got {
            return Ok(());
        }
        let missing: Vec<&Vec<String>> = expected.iter().filter(|r| !got.contains(r)).collect();
        let unexpected: Vec<&Vec<String>> = got.iter().filter(|r| !expected.contains(r)).collect();
        let mut message = format!(
            "{}: expected {} rows, got {}",
            self.id,
            expected.len(),
            got.len()
        );
        if !missing.is_empty() {
            message.push_str(&format!("\n  missing: {missing:?}"));
        }
        if !unexpected.is_empty() {
            message.push_str(&format!("\n  unexpected: {unexpected:?}"));
        }
        if missing.is_empty() && unexpected.is_empty() {
            message.push_str(&format!(
                "\n  the same rows in another order or with other repeats:\n  expected: {expected:?}\n  got:      {got:?}"
            ));
        }
        Err(message)
    }
}

fn text_in<'a>(texts: &'a BTreeMap<String, String>, lang: &str) -> &'a str {
    texts
        .get(lang)
        .or_else(|| texts.get("en"))
        .map(String::as_str)
        .unwrap_or_default()
}

/// The line of a top-level key, for errors.
fn line_of(contents: &str, key: &str) -> Option<usize> {
    contents
        .lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// Every example of `data/examples/`, sorted by id.
pub fn all() -> Result<Vec<Example>, DataError> {
    let mut examples = data::files_in(FOLDER, "toml")
        .iter()
        .map(Example::from_file)
        .collect::<Result<Vec<_>, _>>()?;
    examples.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(examples)
}

/// A term as `expected` writes it: an IRI in full, a literal as its lexical form (no language
/// tag or datatype), a blank node as `_:id`.
pub fn term_string(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        Term::BlankNode(b) => b.to_string(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// An answer's rows as strings: each solution's values in the order of the variables, unbound
/// as ""; an ASK answer as one row `["true"]` or `["false"]`; a graph as one row per triple.
pub fn row_strings(answer: &Answer) -> Vec<Vec<String>> {
    match answer {
        Answer::Solutions { rows, .. } => rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|t| t.as_ref().map(term_string).unwrap_or_default())
                    .collect()
            })
            .collect(),
        Answer::Boolean(value) => vec![vec![value.to_string()]],
        Answer::Graph(triples) => triples
            .iter()
            .map(|t| {
                vec![
                    term_string(&t.subject.clone().into()),
                    t.predicate.as_str().to_string(),
                    term_string(&t.object),
                ]
            })
            .collect(),
    }
}

/// Runs a query on `graph` and returns its rows as strings (see [`row_strings`]).
pub fn run(graph: &KnowledgeGraph, query: &str) -> Result<Vec<Vec<String>>, QueryError> {
    graph
        .query(query, &QueryOptions::default())
        .map(|answer| row_strings(&answer))
}
