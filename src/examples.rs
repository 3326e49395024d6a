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
use std::fmt;

use oxigraph::model::Term;
use serde::Deserialize;

use crate::data::{self, DataError, DataFile};
use crate::i18n::Message;
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

/// Why an example file cannot be read: the file, the line where known, and what is wrong.
/// [`ExampleError::message`] says it in no language yet; `Display` writes `path:line: what` in
/// English, for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExampleError {
    /// Missing, not UTF-8 or not TOML of an example's shape (an unknown key or view, a value of
    /// the wrong type): with the line and column the TOML parser points at.
    Read(DataError),
    /// The file breaks a rule of the gallery.
    Invalid {
        /// The file, as `data/examples/….toml`.
        path: String,
        /// The 1-based line of the key at fault, where it is found.
        line: Option<usize>,
        /// What is wrong.
        fault: ExampleFault,
    },
}

/// A rule of the gallery an example file breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExampleFault {
    /// `title` or `description` has no text (or a blank one) in one of [`LANGUAGES`].
    NoText {
        /// "title" or "description".
        field: &'static str,
        /// The language without a text.
        lang: &'static str,
    },
    /// `title` or `description` has a text in a language other than [`LANGUAGES`].
    OtherLanguage {
        /// "title" or "description".
        field: &'static str,
        /// The language key as written.
        lang: String,
    },
    /// The query is empty or blank.
    EmptyQuery,
}

impl ExampleFault {
    /// What is wrong, in no language yet.
    pub fn message(&self) -> Message {
        match self {
            Self::NoText { field, lang } => Message::new("example-no-text")
                .arg("field", *field)
                .arg("lang", format!("{lang:?}")),
            Self::OtherLanguage { field, lang } => Message::new("example-other-language")
                .arg("field", *field)
                .arg("lang", format!("{lang:?}")),
            Self::EmptyQuery => Message::new("example-empty-query"),
        }
    }
}

impl ExampleError {
    /// The file.
    pub fn path(&self) -> &str {
        match self {
            Self::Read(e) => &e.path,
            Self::Invalid { path, .. } => path,
        }
    }

    /// The line of the file, where known.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::Read(e) => e.line,
            Self::Invalid { line, .. } => *line,
        }
    }

    /// The column of the line, where known.
    pub fn column(&self) -> Option<usize> {
        match self {
            Self::Read(e) => e.column,
            Self::Invalid { .. } => None,
        }
    }

    /// The file, and the line (and column) where known: `data/examples/01-….toml:2`.
    pub fn location(&self) -> String {
        match self {
            Self::Read(e) => e.location(),
            Self::Invalid {
                path,
                line: Some(line),
                ..
            } => format!("{path}:{line}"),
            Self::Invalid { path, .. } => path.clone(),
        }
    }

    /// What is wrong, in no language yet (the location is the caller's to add).
    pub fn message(&self) -> Message {
        match self {
            Self::Read(e) => e.message(),
            Self::Invalid { fault, .. } => fault.message(),
        }
    }
}

/// `location: what`, in English.
impl fmt::Display for ExampleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message())
    }
}

impl std::error::Error for ExampleError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Read(e) => Some(e),
            Self::Invalid { .. } => None,
        }
    }
}

impl From<DataError> for ExampleError {
    fn from(e: DataError) -> Self {
        Self::Read(e)
    }
}

/// How an answer's rows differ from an example's expected ones ([`Example::check`]).
/// [`Mismatch::messages`] says it in no language yet, one message a line; `Display` writes
/// them in English, for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The example's id.
    pub id: String,
    /// The rows expected, sorted when the example is not ordered.
    pub expected: Vec<Vec<String>>,
    /// The rows of the answer, sorted likewise.
    pub got: Vec<Vec<String>>,
}

impl Mismatch {
    /// The rows expected and not in the answer.
    pub fn missing(&self) -> Vec<&Vec<String>> {
        self.expected
            .iter()
            .filter(|r| !self.got.contains(r))
            .collect()
    }

    /// The rows of the answer that are not expected.
    pub fn unexpected(&self) -> Vec<&Vec<String>> {
        self.got
            .iter()
            .filter(|r| !self.expected.contains(r))
            .collect()
    }

    /// The report, a message a line: how many rows each side has; then the rows missing and
    /// the rows not expected, or, when there are none (the same rows in another order, or
    /// repeated other times), both sides in full. Rows are written as Rust writes them.
    pub fn messages(&self) -> Vec<Message> {
        let rows = |rows: &dyn fmt::Debug| format!("{rows:?}");
        let mut out = vec![Message::new("example-rows")
            .arg("id", self.id.as_str())
            .arg("expected", self.expected.len())
            .arg("got", self.got.len())];
        let (missing, unexpected) = (self.missing(), self.unexpected());
        if !missing.is_empty() {
            out.push(Message::new("example-rows-missing").arg("rows", rows(&missing)));
        }
        if !unexpected.is_empty() {
            out.push(Message::new("example-rows-unexpected").arg("rows", rows(&unexpected)));
        }
        if missing.is_empty() && unexpected.is_empty() {
            out.push(Message::new("example-rows-reordered"));
            out.push(Message::new("example-rows-expected").arg("rows", rows(&self.expected)));
            out.push(Message::new("example-rows-got").arg("rows", rows(&self.got)));
        }
        out
    }
}

/// The report in English, its lines after the first indented by two spaces.
impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, message) in self.messages().iter().enumerate() {
            if i > 0 {
                f.write_str("\n  ")?;
            }
            message.fmt(f)?;
        }
        Ok(())
    }
}

impl std::error::Error for Mismatch {}

impl Example {
    /// Reads one example file; its id is the file's name without the extension.
    pub fn from_file(file: &DataFile<'_>) -> Result<Self, ExampleError> {
        let parsed: ExampleFile = file.parse_toml()?;
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        let id = name.strip_suffix(".toml").unwrap_or(name).to_string();
        let invalid = |key: &str, fault: ExampleFault| ExampleError::Invalid {
            path: file.path.clone(),
            line: line_of(file.contents, key),
            fault,
        };
        for (field, texts) in [
            ("title", &parsed.title),
            ("description", &parsed.description),
        ] {
            for lang in LANGUAGES {
                if texts.get(lang).is_none_or(|t| t.trim().is_empty()) {
                    return Err(invalid(field, ExampleFault::NoText { field, lang }));
                }
            }
            if let Some(other) = texts.keys().find(|l| !LANGUAGES.contains(&l.as_str())) {
                return Err(invalid(
                    field,
                    ExampleFault::OtherLanguage {
                        field,
                        lang: other.clone(),
                    },
                ));
            }
        }
        if parsed.query.trim().is_empty() {
            return Err(invalid("query", ExampleFault::EmptyQuery));
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
    pub fn check(&self, rows: &[Vec<String>]) -> Result<(), Mismatch> {
        let (mut expected, mut got) = (self.expected.clone(), rows.to_vec());
        if !self.ordered {
            expected.sort();
            got.sort();
        }
        if expected == got {
            return Ok(());
        }
        Err(Mismatch {
            id: self.id.clone(),
            expected,
            got,
        })
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
pub fn all() -> Result<Vec<Example>, ExampleError> {
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
