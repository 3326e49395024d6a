use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser, ValueParser};
use clap::{Arg, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use sco_kg::i18n::{Lang, Message};

use sco_kg::{data, ingest};

/// mimalloc, with every thread's allocations counted: a query past its memory budget is
/// stopped (`sco_kg::store::budget`).
#[global_allocator]
static ALLOCATOR: sco_kg::store::CountingAllocator<mimalloc::MiMalloc> =
    sco_kg::store::CountingAllocator(mimalloc::MiMalloc);

// Two of mimalloc's options (`mi_option_e`, v3 numbering).
#[cfg(target_os = "linux")]
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
#[cfg(target_os = "linux")]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// By default mimalloc commits its arena eagerly where the system overcommits, and with
/// transparent huge pages each touched 2 MiB counts whole; it also returns freed memory 10 ms
/// late. For this server: 22 MB of live data were 71 MB resident. Committing on demand and
/// purging at once: 28 MB, with no throughput measurably lost (issue 7's note has the runs).
///
/// The arena is made at the first allocation, before `main` (the runtime allocates), so this
/// runs earlier still: from `.init_array`, as the C runtime's constructors do, while the
/// process has one thread (mimalloc's options are not thread-safe to set).
#[cfg(target_os = "linux")]
extern "C" fn tune_allocator() {
    // SAFETY: plain setters of mimalloc's option table, called before any other thread exists.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
    }
}

#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static TUNE_ALLOCATOR: extern "C" fn() = tune_allocator;

// The derive gives the parser only: every text of `--help` comes from `locales/*/cli.ftl`
// (`localised_command`), so these structs carry no doc comments, which clap would show.
#[derive(Parser)]
#[command(name = "sco-kg", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Lookup {
        query: String,
        #[arg(long, default_value = "en")]
        lang: String,
        #[arg(long = "type", value_name = "TYPES")]
        types: Option<String>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    Parse {
        #[arg(long, value_name = "FILE")]
        source: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
        format: ParseFormat,
    },
    Query {
        query: String,
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
        #[arg(long, value_name = "IRI", default_value = sco_kg::graph::vocab::DEFAULT_BASE)]
        base: String,
    },
    Serve(ServeArgs),
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Ttl)]
        format: ExportFormat,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long, value_name = "IRI", default_value = sco_kg::graph::vocab::DEFAULT_BASE)]
        base: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Ttl,
    Nt,
    Nq,
    Trig,
    Rdf,
    Jsonld,
    // RDFC-1.0 canonical N-Quads: its SHA-256 is the dataset's version.
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

    fn help(self) -> Message {
        match self {
            Self::Ttl => Message::new("cli-help-export-format-ttl"),
            Self::Nt => Message::new("cli-help-export-format-nt"),
            Self::Nq => Message::new("cli-help-export-format-nq"),
            Self::Trig => Message::new("cli-help-export-format-trig"),
            Self::Rdf => Message::new("cli-help-export-format-rdf"),
            Self::Jsonld => Message::new("cli-help-export-format-jsonld"),
            Self::Canonical => Message::new("cli-help-export-format-canonical"),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Json,
    Csv,
    Tsv,
    Xml,
}

impl QueryFormat {
    fn help(self) -> Message {
        match self {
            Self::Table => Message::new("cli-help-query-format-table"),
            Self::Json => Message::new("cli-help-query-format-json"),
            Self::Csv => Message::new("cli-help-query-format-csv"),
            Self::Tsv => Message::new("cli-help-query-format-tsv"),
            Self::Xml => Message::new("cli-help-query-format-xml"),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    // One JSON object a line, for log collectors.
    Json,
}

impl LogFormat {
    fn help(self) -> Message {
        match self {
            Self::Text => Message::new("cli-help-serve-log-format-text"),
            Self::Json => Message::new("cli-help-serve-log-format-json"),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ParseFormat {
    Json,
    // One row per measure (RFC 4180).
    Csv,
}

impl ParseFormat {
    fn help(self) -> Message {
        match self {
            Self::Json => Message::new("cli-help-parse-format-json"),
            Self::Csv => Message::new("cli-help-parse-format-csv"),
        }
    }
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
            QueryError::Syntax(error) => Failure::input(error.message()),
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

// The options of `sco-kg serve`, as given on the command line.
#[derive(clap::Args)]
struct ServeArgs {
    #[arg(long, value_name = "ADDR", default_value = sco_kg::server::config::DEFAULT_BIND)]
    bind: String,
    #[arg(long, value_name = "IRI", default_value = sco_kg::graph::vocab::DEFAULT_BASE)]
    base: String,
    #[arg(long, value_name = "URL")]
    public_url: Option<String>,
    #[arg(long, value_name = "SECS", default_value_t = sco_kg::server::config::DEFAULT_TIMEOUT_SECONDS as f64)]
    timeout: f64,
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_QUERY_BYTES)]
    max_query_bytes: usize,
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_BODY_BYTES)]
    max_body_bytes: usize,
    #[arg(long, value_name = "N")]
    max_concurrent: Option<usize>,
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_RESULTS)]
    max_results: usize,
    #[arg(long, value_name = "MB", default_value_t = sco_kg::server::config::DEFAULT_CACHE_MEGABYTES)]
    cache_mb: usize,
    #[arg(long, value_name = "SECS", default_value_t = sco_kg::server::config::DEFAULT_TIMEOUT_SECONDS as f64)]
    queue_wait: f64,
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_QUEUED)]
    max_queued: usize,
    #[arg(long, value_name = "MB", default_value_t = sco_kg::server::config::DEFAULT_MAX_ANSWER_MEGABYTES)]
    max_answer_mb: usize,
    #[arg(long, value_name = "MB", default_value_t = sco_kg::server::config::DEFAULT_MAX_QUERY_MEGABYTES)]
    max_query_mb: usize,
    #[arg(long, value_name = "MB", default_value_t = sco_kg::server::config::DEFAULT_MAX_IN_FLIGHT_MEGABYTES)]
    max_in_flight_mb: usize,
    #[arg(long, value_name = "SECS", default_value_t = sco_kg::server::config::DEFAULT_WRITE_TIMEOUT_SECONDS as f64)]
    write_timeout: f64,
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
}

fn serve(args: ServeArgs) -> Result<Vec<u8>, Failure> {
    use sco_kg::server::{self, config};
    use std::sync::Arc;

    let lang = terminal_lang();

    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let log = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match args.log_format {
        LogFormat::Json => log.json().try_init(),
        // Colour codes are for a person at a terminal: in a file or a journal they are noise
        // that every reader must strip.
        LogFormat::Text => {
            use std::io::IsTerminal;
            log.with_ansi(std::io::stderr().is_terminal()).try_init()
        }
    };
    let timeout = std::time::Duration::try_from_secs_f64(args.timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| {
            Failure::input(Message::new("cli-error-timeout").arg("seconds", args.timeout))
        })?;
    let write_stall_timeout = std::time::Duration::try_from_secs_f64(args.write_timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| {
            Failure::input(
                Message::new("cli-error-write-timeout").arg("seconds", args.write_timeout),
            )
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
        queue_wait: std::time::Duration::try_from_secs_f64(args.queue_wait).map_err(|_| {
            Failure::input(Message::new("cli-error-queue-wait").arg("seconds", args.queue_wait))
        })?,
        write_stall_timeout,
        max_queued: args.max_queued,
        max_answer_bytes: positive("max-answer-mb", args.max_answer_mb)?.saturating_mul(1 << 20),
        max_query_memory: positive("max-query-mb", args.max_query_mb)?.saturating_mul(1 << 20),
        max_in_flight_bytes: positive("max-in-flight-mb", args.max_in_flight_mb)?
            .saturating_mul(1 << 20),
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
    use sco_kg::lookup::{check_query, EntityKind, Lang, LookupIndex, LookupOptions};
    // The server's caps (empty, too long, too many words, control characters), said the same.
    let query = check_query(query).map_err(|refusal| Failure::input(refusal.message()))?;
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

/// The command line with its help in `lang`: the derive's parser, every text from
/// `locales/*/cli.ftl`. Ours are set before `build`, as clap decides from them whether there is
/// a long help (`-h` or `--help`); clap's own flags and `help` subcommand exist only after it.
fn localised_command(lang: Lang) -> clap::Command {
    let text = |message: Message| message.in_lang(lang);
    let mut command = Cli::command()
        // Debug builds (the tests) panic on an option left without a text.
        .help_expected(true)
        .about(text(Message::new("cli-help-about")))
        .long_about(text(Message::new("cli-help-about-long")))
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_string();
            let (about, long_about) = match name.as_str() {
                "lookup" => (
                    Message::new("cli-help-lookup"),
                    Some(Message::new("cli-help-lookup-long")),
                ),
                "parse" => (Message::new("cli-help-parse"), None),
                "query" => (
                    Message::new("cli-help-query"),
                    Some(Message::new("cli-help-query-long")),
                ),
                "serve" => (
                    Message::new("cli-help-serve"),
                    Some(Message::new("cli-help-serve-long")),
                ),
                "export" => (Message::new("cli-help-export"), None),
                other => unreachable!("no help for the command {other}"),
            };
            let sub = match long_about {
                Some(long_about) => sub.long_about(text(long_about)),
                None => sub,
            };
            sub.about(text(about))
                .mut_args(|arg| localised_arg(&name, arg, lang))
        });
    // `build` (public, as for completions) adds clap's flags and `help` subcommand, which we
    // can then translate; the parser leaves a built command as it is.
    command.build();
    // clap takes headings as `&'static str` only (its `string` feature is off): these few live
    // as long as the process anyway.
    let headings = Headings {
        commands: text(Message::new("cli-help-commands")).leak(),
        arguments: text(Message::new("cli-help-arguments")).leak(),
        options: text(Message::new("cli-help-options")).leak(),
    };
    localise_clap_parts(command, lang, &headings)
}

/// The headings of the sections of a help, in the terminal's language.
struct Headings {
    commands: &'static str,
    arguments: &'static str,
    options: &'static str,
}

/// `arg` of the command `command` with its help (and its values' help) in `lang`.
fn localised_arg(command: &str, arg: Arg, lang: Lang) -> Arg {
    let (help, values) = match (command, arg.get_id().as_str()) {
        ("lookup", "query") => (Message::new("cli-help-lookup-query"), None),
        ("lookup", "lang") => (Message::new("cli-help-lookup-lang"), None),
        ("lookup", "types") => (Message::new("cli-help-lookup-type"), None),
        ("lookup", "limit") => (Message::new("cli-help-lookup-limit"), None),
        ("parse", "source") => (Message::new("cli-help-parse-source"), None),
        ("parse", "format") => (
            Message::new("cli-help-parse-format"),
            Some(values(lang, ParseFormat::help)),
        ),
        ("query", "query") => (Message::new("cli-help-query-query"), None),
        ("query", "format") => (
            Message::new("cli-help-query-format"),
            Some(values(lang, QueryFormat::help)),
        ),
        ("query", "base") => (Message::new("cli-help-query-base"), None),
        ("serve", "bind") => (Message::new("cli-help-serve-bind"), None),
        ("serve", "base") => (Message::new("cli-help-serve-base"), None),
        ("serve", "public_url") => (Message::new("cli-help-serve-public-url"), None),
        ("serve", "timeout") => (Message::new("cli-help-serve-timeout"), None),
        ("serve", "max_query_bytes") => (Message::new("cli-help-serve-max-query-bytes"), None),
        ("serve", "max_body_bytes") => (Message::new("cli-help-serve-max-body-bytes"), None),
        ("serve", "max_concurrent") => (Message::new("cli-help-serve-max-concurrent"), None),
        ("serve", "max_results") => (Message::new("cli-help-serve-max-results"), None),
        ("serve", "cache_mb") => (Message::new("cli-help-serve-cache-mb"), None),
        ("serve", "queue_wait") => (Message::new("cli-help-serve-queue-wait"), None),
        ("serve", "write_timeout") => (Message::new("cli-help-serve-write-timeout"), None),
        ("serve", "max_queued") => (Message::new("cli-help-serve-max-queued"), None),
        ("serve", "max_answer_mb") => (Message::new("cli-help-serve-max-answer-mb"), None),
        ("serve", "max_query_mb") => (Message::new("cli-help-serve-max-query-mb"), None),
        ("serve", "max_in_flight_mb") => (Message::new("cli-help-serve-max-in-flight-mb"), None),
        ("serve", "log_format") => (
            Message::new("cli-help-serve-log-format"),
            Some(values(lang, LogFormat::help)),
        ),
        ("export", "format") => (
            Message::new("cli-help-export-format"),
            Some(values(lang, ExportFormat::help)),
        ),
        ("export", "output") => (Message::new("cli-help-export-output"), None),
        ("export", "base") => (Message::new("cli-help-export-base"), None),
        // Left without help: `help_expected` names it.
        _ => return arg,
    };
    let arg = arg.help(help.in_lang(lang));
    match values {
        Some(parser) => arg.value_parser(parser),
        None => arg,
    }
}

/// The derive's parser of a value enum, its possible values described in `lang`: the same
/// names, parsed to the same type.
fn values<E: ValueEnum + Clone + Copy + Send + Sync + 'static>(
    lang: Lang,
    help: fn(E) -> Message,
) -> ValueParser {
    let possible = E::value_variants().iter().filter_map(|value| {
        value
            .to_possible_value()
            .map(|possible| possible.help(help(*value).in_lang(lang)))
    });
    ValueParser::new(
        PossibleValuesParser::new(possible)
            // PossibleValuesParser let through only the names of E's values.
            .map(|name| E::from_str(&name, false).expect("one of the possible values")),
    )
}

/// What clap adds when it builds `command` (the headings, `-h/--help`, `-V/--version`, the
/// `help` subcommand), in `lang`, for `command` and its subcommands.
fn localise_clap_parts(command: clap::Command, lang: Lang, headings: &Headings) -> clap::Command {
    let text = |message: Message| message.in_lang(lang);
    let usage = command.get_styles().get_usage();
    // clap's default template with our "Usage:" in clap's style.
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{}:{} {{usage}}\n\n{{all-args}}{{after-help}}",
        usage.render(),
        text(Message::new("cli-help-usage")),
        usage.render_reset()
    );
    // `help` (and, within it, `help help`): clap's, as we define no command of that name.
    let command = if command.get_name() == "help" {
        command.about(text(Message::new("cli-help-command-help")))
    } else {
        command
    };
    command
        .help_template(template)
        .subcommand_help_heading(headings.commands)
        .mut_args(|arg| {
            let arg = match arg.get_id().as_str() {
                // clap gives the help flag a long help when the command has one.
                "help" if arg.get_long_help().is_some() => arg
                    .help(text(Message::new("cli-help-flag-help-short")))
                    .long_help(text(Message::new("cli-help-flag-help-long"))),
                "help" => arg.help(text(Message::new("cli-help-flag-help"))),
                "version" => arg.help(text(Message::new("cli-help-flag-version"))),
                _ => arg,
            };
            // Headings of our own: clap's "Arguments" and "Options" are fixed English.
            let heading = if arg.is_positional() {
                headings.arguments
            } else {
                headings.options
            };
            arg.help_heading(heading)
        })
        .mut_subcommands(|sub| localise_clap_parts(sub, lang, headings))
}

/// The language of the terminal's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
fn terminal_lang() -> Lang {
    sco_kg::i18n::terminal_lang(|name| std::env::var(name).ok())
}

fn main() -> ExitCode {
    let mut command = localised_command(terminal_lang());
    let matches = command.get_matches_mut();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut command).exit());
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
