use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use sco_kg::i18n::Message;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
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
    /// Look an entity up by name, alias or words of its text, in Russian, English or Chinese.
    ///
    /// Prints JSON: the hits with IRI, type, label in --lang (with the language it fell back
    /// to), the label or text that matched, the kind of match and a score.
    Lookup {
        /// What to look for: "RATS", "Секретариатом", "反恐", "interbank", "Душанбе", "14" …
        query: String,
        /// The language of the hits' labels: ru, en or zh.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Only these types, comma-separated: body, state, document, place, initiative,
        /// measure, section, plan, decision.
        #[arg(long = "type", value_name = "TYPES")]
        types: Option<String>,
        /// The most hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
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
    /// Serve the knowledge graph over HTTP: a SPARQL 1.1 endpoint at /sparql, every resource at
    /// /id/…, dumps at /dump/…, VoID at /.well-known/void.
    ///
    /// Stops on SIGINT or SIGTERM once in-flight requests are answered. RUST_LOG sets the
    /// request log's level (default: info).
    Serve(ServeArgs),
    /// Write the whole graph in one syntax, byte-identical on every run (atomically with -o).
    Export {
        /// The syntax; canonical is RDFC-1.0 canonical N-Quads.
        #[arg(long, value_enum, default_value_t = ExportFormat::Ttl)]
        format: ExportFormat,
        /// The file to write (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The base of resource IRIs.
        #[arg(long, value_name = "IRI", default_value = sco_kg::graph::vocab::DEFAULT_BASE)]
        base: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// Turtle.
    Ttl,
    /// N-Triples.
    Nt,
    /// N-Quads (the default graph).
    Nq,
    /// TriG (the default graph).
    Trig,
    /// RDF/XML.
    Rdf,
    /// JSON-LD (expanded, with a context of the prefixes).
    Jsonld,
    /// Canonical N-Quads (RDFC-1.0); its SHA-256 is the dataset's version.
    Canonical,
}

impl ExportFormat {
    fn dump_format(self) -> sco_kg::export::DumpFormat {
        use sco_kg::export::DumpFormat;
        match self {
            Self::Ttl => DumpFormat::Turtle,
            Self::Nt => DumpFormat::NTriples,
            Self::Nq => DumpFormat::NQuads,
            Self::Trig => DumpFormat::TriG,
            Self::Rdf => DumpFormat::RdfXml,
            Self::Jsonld => DumpFormat::JsonLd,
            Self::Canonical => DumpFormat::Canonical,
        }
    }
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

/// A failure the CLI reports: a message for people (in the terminal's language) and the exit
/// code: 2 for a mistake in the input, 1 for anything else.
struct Failure {
    message: Message,
    code: u8,
}

impl Failure {
    fn input(message: Message) -> Self {
        Self { message, code: 2 }
    }
    fn internal(message: Message) -> Self {
        Self { message, code: 1 }
    }
    /// A file (or standard input) that could not be read or written.
    fn file(path: impl std::fmt::Display, e: impl std::fmt::Display) -> Self {
        Self::input(
            Message::new("cli-error-file")
                .arg("path", path.to_string())
                .arg("detail", e.to_string()),
        )
    }
    /// Ours, not the user's: the library's own report.
    fn bug(e: impl std::fmt::Display) -> Self {
        Self::internal(Message::new("cli-error-internal").arg("detail", e.to_string()))
    }
    fn option(name: &str, e: impl std::fmt::Display) -> Self {
        Self::input(
            Message::new("cli-error-option")
                .arg("option", name)
                .arg("detail", e.to_string()),
        )
    }
}

fn read_source(path: &Option<PathBuf>) -> Result<(String, Vec<u8>), Failure> {
    match path {
        Some(path) => std::fs::read(path)
            .map(|bytes| (path.display().to_string(), bytes))
            .map_err(|e| Failure::file(path.display(), e)),
        None => Ok((format!("data/{}", data::SOURCE), data::source().to_vec())),
    }
}

fn parse_plan(path: &Option<PathBuf>) -> Result<ingest::Plan, Failure> {
    let (name, bytes) = read_source(path)?;
    let lexicon = data::lexicon().map_err(Failure::bug)?;
    ingest::parse(&bytes, &lexicon).map_err(|e| {
        // The parser's message in the language the whole line is printed in.
        Failure::input(
            Message::new("cli-error-source")
                .arg("path", name)
                .arg("line", e.line)
                .arg("detail", e.kind.message().in_lang(terminal_lang())),
        )
    })
}

fn measures_csv(plan: &ingest::Plan) -> Result<Vec<u8>, Failure> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| Failure::bug(e);
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
    writer.into_inner().map_err(Failure::bug)
}

fn read_query(argument: &str) -> Result<String, Failure> {
    if argument == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| Failure::file("-", e))?;
        Ok(text)
    } else if let Some(path) = argument.strip_prefix('@') {
        std::fs::read_to_string(path).map_err(|e| Failure::file(path, e))
    } else {
        Ok(argument.to_string())
    }
}

fn query(argument: &str, format: QueryFormat, base: &str) -> Result<Vec<u8>, Failure> {
    use oxigraph::sparql::results::QueryResultsFormat;
    use sco_kg::store::{Answer, KnowledgeGraph, QueryError, QueryOptions, ResultFormat};

    let text = read_query(argument)?;
    let base = sco_kg::graph::Base::new(base).map_err(|e| Failure::option("base", e))?;
    let graph = KnowledgeGraph::embedded(base).map_err(Failure::bug)?;
    let answer = graph
        .query(&text, &QueryOptions::default())
        .map_err(|e| match e {
            QueryError::Syntax(message) => {
                Failure::input(Message::new("cli-error-query-syntax").arg("detail", message))
            }
            other => Failure::input(
                Message::new("cli-error-query-evaluation").arg("detail", other.to_string()),
            ),
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
        .ok_or_else(|| Failure::bug("no serialisation for this answer"))?;
    written.map_err(Failure::bug)
}

/// Settings of `sco-kg serve`, as given on the command line.
/// The options of `sco-kg serve`.
#[derive(clap::Args)]
struct ServeArgs {
    /// The address to listen on (port 0: any free port).
    #[arg(long, value_name = "ADDR", default_value = sco_kg::server::config::DEFAULT_BIND)]
    bind: String,
    /// The base of resource IRIs; /id/PATH serves BASE + PATH.
    #[arg(long, value_name = "IRI", default_value = sco_kg::graph::vocab::DEFAULT_BASE)]
    base: String,
    /// The origin clients reach the server at (behind a proxy), for the service
    /// description, VoID and redirects (default: the request's Host).
    #[arg(long, value_name = "URL")]
    public_url: Option<String>,
    /// The longest a query may run, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = sco_kg::server::config::DEFAULT_TIMEOUT_SECONDS as f64)]
    timeout: f64,
    /// The longest query accepted, in bytes (longer: 413).
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_QUERY_BYTES)]
    max_query_bytes: usize,
    /// The largest request body accepted, in bytes (larger: 413).
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_BODY_BYTES)]
    max_body_bytes: usize,
    /// The most queries evaluated at once (more: 503 with Retry-After) [default: CPUs, at least 2].
    #[arg(long, value_name = "N")]
    max_concurrent: Option<usize>,
    /// The most rows or triples an answer may have.
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_RESULTS)]
    max_results: usize,
    /// Megabytes of answers kept for repeated queries (0: no answer cache).
    #[arg(long, value_name = "MB", default_value_t = sco_kg::server::config::DEFAULT_CACHE_MEGABYTES)]
    cache_mb: usize,
}

fn serve(args: ServeArgs) -> Result<Vec<u8>, Failure> {
    use sco_kg::server::{self, config};
    use std::sync::Arc;

    let lang = terminal_lang();

    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
    let timeout = std::time::Duration::try_from_secs_f64(args.timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| {
            Failure::input(Message::new("cli-error-timeout").arg("seconds", args.timeout))
        })?;
    let positive = |name: &str, n: usize| {
        if n == 0 {
            Err(Failure::input(
                Message::new("cli-error-at-least-one").arg("option", name),
            ))
        } else {
            Ok(n)
        }
    };
    let settings = server::Config {
        bind: args.bind,
        public_url: args
            .public_url
            .as_deref()
            .map(config::public_url)
            .transpose()
            .map_err(|e| Failure::option("public-url", e))?,
        timeout,
        max_query_bytes: positive("max-query-bytes", args.max_query_bytes)?,
        max_body_bytes: positive("max-body-bytes", args.max_body_bytes)?,
        max_concurrent: positive(
            "max-concurrent",
            args.max_concurrent
                .unwrap_or_else(config::default_max_concurrent),
        )?,
        max_results: positive("max-results", args.max_results)?,
        cache_bytes: args.cache_mb.saturating_mul(1 << 20),
    };
    let base = sco_kg::graph::Base::new(&args.base).map_err(|e| Failure::option("base", e))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Failure::bug)?;
    let started = std::time::Instant::now();
    let grace = settings.timeout + std::time::Duration::from_secs(5);
    let served = runtime.block_on(async move {
        let graph = sco_kg::store::KnowledgeGraph::embedded(base).map_err(Failure::bug)?;
        let triples = graph.triples.len();
        let public_url = settings.public_url.clone();
        let server = server::bind(settings, Arc::new(graph)).await.map_err(|e| {
            Failure::internal(Message::new("cli-error-serve").arg("detail", e.to_string()))
        })?;
        let mut stdout = std::io::stdout().lock();
        let listening = Message::new("cli-server-listening")
            .arg("url", server.url())
            .arg("triples", triples)
            .arg("ms", started.elapsed().as_millis() as u64);
        let _ = writeln!(stdout, "{}", listening.in_lang(lang));
        if let Some(url) = public_url {
            let public = Message::new("cli-server-public-url").arg("url", url.to_string());
            let _ = writeln!(stdout, "{}", public.in_lang(lang));
        }
        let _ = stdout.flush();
        drop(stdout);
        let handle = server.shutdown_handle();
        tokio::spawn(async move {
            server::termination_signal().await;
            tracing::info!("shutting down: finishing the requests in flight");
            handle.shutdown();
        });
        server.run().await.map_err(|e| {
            Failure::internal(Message::new("cli-error-serve").arg("detail", e.to_string()))
        })
    });
    runtime.shutdown_timeout(grace);
    served?;
    // Whoever read the first line may have closed our stdout since: not an error.
    let _ = writeln!(
        std::io::stdout(),
        "{}",
        Message::new("cli-server-stopped").in_lang(lang)
    );
    Ok(Vec::new())
}

fn export(format: ExportFormat, output: Option<PathBuf>, base: &str) -> Result<Vec<u8>, Failure> {
    let base = sco_kg::graph::Base::new(base).map_err(|e| Failure::option("base", e))?;
    let graph = sco_kg::store::KnowledgeGraph::embedded(base).map_err(Failure::bug)?;
    let bytes = sco_kg::export::serialise(&graph, format.dump_format()).map_err(Failure::bug)?;
    match output {
        Some(path) => {
            sco_kg::export::write_atomically(&path, &bytes)
                .map_err(|e| Failure::file(path.display(), e))?;
            Ok(Vec::new())
        }
        None => Ok(bytes),
    }
}

fn lookup(query: &str, lang: &str, types: Option<&str>, limit: usize) -> Result<Vec<u8>, Failure> {
    use sco_kg::lookup::{EntityKind, Lang, LookupIndex, LookupOptions};
    let lang = Lang::from_tag(lang)
        .ok_or_else(|| Failure::input(Message::new("cli-error-lang").arg("lang", lang)))?;
    let mut options = LookupOptions::new(lang);
    options.limit = limit;
    if let Some(types) = types {
        options.types =
            Some(EntityKind::parse_list(types).map_err(|e| Failure::option("type", e))?);
    }
    let graph = sco_kg::store::KnowledgeGraph::embedded(sco_kg::graph::Base::default())
        .map_err(Failure::bug)?;
    let answer = LookupIndex::new(&graph).respond(query, &options);
    let mut out = serde_json::to_vec_pretty(&answer).map_err(Failure::bug)?;
    out.push(b'\n');
    Ok(out)
}

fn run(cli: Cli) -> Result<Vec<u8>, Failure> {
    match cli.command {
        Command::Lookup {
            query,
            lang,
            types,
            limit,
        } => lookup(&query, &lang, types.as_deref(), limit),
        Command::Serve(args) => serve(args),
        Command::Export {
            format,
            output,
            base,
        } => export(format, output, &base),
        Command::Query {
            query: argument,
            format,
            base,
        } => query(&argument, format, &base),
        Command::Parse { source, format } => {
            let plan = parse_plan(&source)?;
            match format {
                ParseFormat::Json => {
                    let mut out = serde_json::to_vec_pretty(&plan).map_err(Failure::bug)?;
                    out.push(b'\n');
                    Ok(out)
                }
                ParseFormat::Csv => measures_csv(&plan),
            }
        }
    }
}

/// The language of the terminal's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
fn terminal_lang() -> sco_kg::i18n::Lang {
    sco_kg::i18n::terminal_lang(|name| std::env::var(name).ok())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        // `serve` prints as it goes and returns nothing to write.
        Ok(output) if output.is_empty() => ExitCode::SUCCESS,
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
            let lang = terminal_lang();
            let message = failure.message.in_lang(lang);
            eprintln!(
                "{}",
                Message::new("cli-error")
                    .arg("message", message)
                    .in_lang(lang)
            );
            ExitCode::from(failure.code)
        }
    }
}
