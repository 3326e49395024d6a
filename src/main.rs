use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use sco_kg::{data, ingest};

/// sco-kg: the SCO Action Plan 2021–2025 as a multilingual linked-data knowledge graph.
///
/// Every command works on the data embedded in the binary; `--source` reads another copy of
/// the plan's text instead.
#[derive(Parser)]
#[command(name = "sco-kg", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse the plan's text and print the typed model (decision, sections, measures).
    Parse {
        /// A text file of the same format as data/source/ (default: the embedded source).
        #[arg(long, value_name = "FILE")]
        source: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
        format: ParseFormat,
    },
    /// Answer a SPARQL 1.1 query over the knowledge graph.
    ///
    /// The prefixes sco:, skos:, rdf:, rdfs:, owl:, xsd:, dcterms:, prov:, org:, oa:, wd: and
    /// id: (the resource base) are declared for you. CONSTRUCT and DESCRIBE print Turtle.
    Query {
        /// The query: its text, @FILE to read it from a file, or - to read standard input.
        query: String,
        /// How SELECT and ASK answers are printed.
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
        /// The base of resource IRIs.
        #[arg(long, value_name = "IRI", default_value = sco_kg::graph::vocab::DEFAULT_BASE)]
        base: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    /// Aligned columns.
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL Query Results XML.
    Xml,
}

#[derive(Clone, Copy, ValueEnum)]
enum ParseFormat {
    /// The whole model as JSON.
    Json,
    /// One row per measure (RFC 4180).
    Csv,
}

/// A failure the CLI reports: a message for people and the exit code.
struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    fn input(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: 2,
        }
    }
    fn internal(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: 1,
        }
    }
}

fn read_source(path: &Option<PathBuf>) -> Result<(String, Vec<u8>), Failure> {
    match path {
        Some(path) => std::fs::read(path)
            .map(|bytes| (path.display().to_string(), bytes))
            .map_err(|e| Failure::input(format!("{}: {e}", path.display()))),
        None => Ok((format!("data/{}", data::SOURCE), data::source().to_vec())),
    }
}

fn parse_plan(path: &Option<PathBuf>) -> Result<ingest::Plan, Failure> {
    let (name, bytes) = read_source(path)?;
    let lexicon = data::lexicon().map_err(|e| Failure::internal(e.to_string()))?;
    ingest::parse(&bytes, &lexicon)
        .map_err(|e| Failure::input(format!("{name}:{}: {}", e.line, e.kind)))
}

fn measures_csv(plan: &ingest::Plan) -> Result<Vec<u8>, Failure> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| Failure::internal(e.to_string());
    writer
        .write_record([
            "number",
            "section",
            "text",
            "participants",
            "executors",
            "source_lines",
        ])
        .map_err(failed)?;
    for m in &plan.measures {
        let lines: Vec<String> = m
            .source_lines
            .iter()
            .map(|r| format!("{}-{}", r.start, r.end))
            .collect();
        writer
            .write_record([
                m.number.to_string(),
                m.section.to_string(),
                m.text.clone(),
                m.participants.clone(),
                m.executors.join("; "),
                lines.join(" "),
            ])
            .map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|e| Failure::internal(e.to_string()))
}

fn read_query(argument: &str) -> Result<String, Failure> {
    if argument == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| Failure::input(format!("standard input: {e}")))?;
        Ok(text)
    } else if let Some(path) = argument.strip_prefix('@') {
        std::fs::read_to_string(path).map_err(|e| Failure::input(format!("{path}: {e}")))
    } else {
        Ok(argument.to_string())
    }
}

fn query(argument: &str, format: QueryFormat, base: &str) -> Result<Vec<u8>, Failure> {
    use oxigraph::sparql::results::QueryResultsFormat;
    use sco_kg::store::{Answer, KnowledgeGraph, QueryError, QueryOptions, ResultFormat};

    let text = read_query(argument)?;
    let base = sco_kg::graph::Base::new(base).map_err(Failure::input)?;
    let graph = KnowledgeGraph::embedded(base).map_err(|e| Failure::internal(e.to_string()))?;
    let answer = graph
        .query(&text, &QueryOptions::default())
        .map_err(|e| match e {
            QueryError::Syntax(message) => {
                Failure::input(format!("the query is not valid SPARQL: {message}"))
            }
            other => Failure::input(other.to_string()),
        })?;
    let format = match (&answer, format) {
        (Answer::Graph(_), _) => ResultFormat::Rdf(oxigraph::io::RdfFormat::Turtle),
        (_, QueryFormat::Table) => ResultFormat::Table,
        (_, QueryFormat::Json) => ResultFormat::Results(QueryResultsFormat::Json),
        (_, QueryFormat::Csv) => ResultFormat::Results(QueryResultsFormat::Csv),
        (_, QueryFormat::Tsv) => ResultFormat::Results(QueryResultsFormat::Tsv),
        (_, QueryFormat::Xml) => ResultFormat::Results(QueryResultsFormat::Xml),
    };
    let written = answer
        .write(format, &graph.prefixes())
        .ok_or_else(|| Failure::internal("no serialisation for this answer"))?;
    written.map_err(|e| Failure::internal(e.to_string()))
}

fn run(cli: Cli) -> Result<Vec<u8>, Failure> {
    match cli.command {
        Command::Query {
            query: argument,
            format,
            base,
        } => query(&argument, format, &base),
        Command::Parse { source, format } => {
            let plan = parse_plan(&source)?;
            match format {
                ParseFormat::Json => {
                    let mut out = serde_json::to_vec_pretty(&plan)
                        .map_err(|e| Failure::internal(e.to_string()))?;
                    out.push(b'\n');
                    Ok(out)
                }
                ParseFormat::Csv => measures_csv(&plan),
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(&output)
                .and_then(|_| stdout.flush())
                .is_err()
            {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("sco-kg: error: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
