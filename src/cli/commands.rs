//! The commands: each reads its input, calls the library and returns the bytes to print.

use std::io::Write;
use std::path::PathBuf;

use sco_kg::i18n::Message;
use sco_kg::{data, ingest};

use super::*;

pub(crate) fn read_source(path: &Option<PathBuf>) -> Result<(String, Vec<u8>), Failure> {
    match path {
        Some(path) => std::fs::read(path)
            .map(|bytes| (path.display().to_string(), bytes))
            .map_err(|e| Failure::file(path.display(), e)),
        None => Ok((format!("data/{}", data::SOURCE), data::source().to_vec())),
    }
}

pub(crate) fn parse_plan(path: &Option<PathBuf>) -> Result<ingest::Plan, Failure> {
    let (name, bytes) = read_source(path)?;
    let lexicon = ingest::Lexicon::embedded().map_err(Failure::data)?;
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

pub(crate) fn measures_csv(plan: &ingest::Plan) -> Result<Vec<u8>, Failure> {
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

pub(crate) fn read_query(argument: &str) -> Result<String, Failure> {
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

/// The limits of `sco-kg query`: the server's defaults, so that a query the endpoint would
/// refuse or stop does not take the machine instead.
pub(crate) struct QueryLimits {
    pub(crate) timeout: f64,
    pub(crate) max_query_mb: usize,
}

pub(crate) fn query(
    argument: &str,
    format: QueryFormat,
    base: &str,
    limits: QueryLimits,
) -> Result<Vec<u8>, Failure> {
    use oxigraph::sparql::results::QueryResultsFormat;
    use sco_kg::store::{Answer, KnowledgeGraph, QueryError, QueryOptions, ResultFormat};

    let text = read_query(argument)?;
    let base = base_option(base)?;
    let graph = KnowledgeGraph::embedded(base).map_err(Failure::graph)?;
    let timeout = std::time::Duration::try_from_secs_f64(limits.timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| {
            Failure::input(Message::new("cli-error-timeout").arg("seconds", limits.timeout))
        })?;
    if limits.max_query_mb == 0 {
        return Err(Failure::option("max-query-mb", "0"));
    }
    let options = QueryOptions {
        timeout: Some(timeout),
        max_memory: Some(limits.max_query_mb.saturating_mul(1 << 20)),
        ..QueryOptions::default()
    };
    let answer = graph.query(&text, &options).map_err(|e| match e {
        QueryError::Syntax(error) => Failure::input(error.message()),
        QueryError::Refused(refusal) => Failure::input(refusal.message()),
        QueryError::Timeout(_) => {
            Failure::input(Message::new("cli-error-query-timeout").arg("seconds", limits.timeout))
        }
        QueryError::OutOfMemory { .. } => Failure::input(
            Message::new("cli-error-query-memory").arg("megabytes", limits.max_query_mb),
        ),
        QueryError::Evaluation(error) => Failure::input(error.message()),
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

pub(crate) fn serve(args: ServeArgs) -> Result<Vec<u8>, Failure> {
    use sco_kg::server;
    use std::sync::Arc;

    let lang = terminal_lang();

    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // A log the server cannot write (its reader gone: `sco-kg serve 2>&1 | head`, a collector
    // that died) is lost, not fatal: by default the subscriber reports a failed write with
    // eprintln!, which panics on that same closed stderr, inside whatever logged — every
    // request, and the task that stops the server on SIGTERM, which then never stopped.
    let log = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .log_internal_errors(false);
    let _ = match args.log_format {
        LogFormat::Json => log.json().try_init(),
        // Colour codes are for a person at a terminal: in a file or a journal they are noise
        // that every reader must strip.
        LogFormat::Text => {
            use std::io::IsTerminal;
            log.with_ansi(std::io::stderr().is_terminal()).try_init()
        }
    };
    let settings = serve_config(&args)?;
    settings
        .validate()
        .map_err(|e| config_failure(e, &args, lang))?;
    let base = base_option(&args.base)?;
    let copies = copies(args.scale)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Failure::bug)?;
    let started = std::time::Instant::now();
    let grace = settings.timeout + std::time::Duration::from_secs(5);
    let served = runtime.block_on(async move {
        let graph =
            sco_kg::store::KnowledgeGraph::embedded_scaled(base, copies).map_err(Failure::graph)?;
        let triples = graph.triples.len();
        // For an operator timing a start: the graph, then the rest before the server listens.
        tracing::info!(
            triples,
            ms = started.elapsed().as_millis() as u64,
            "graph built"
        );
        let public_url = settings.public_url.clone();
        let server = server::bind(settings, Arc::new(graph))
            .await
            .map_err(Failure::serve)?;
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
        server.run().await.map_err(Failure::serve)
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

/// The server's settings from `serve`'s options: the options as they are, converted (seconds to
/// durations, megabytes to bytes); checking them is [`sco_kg::server::Config::validate`]'s.
fn serve_config(args: &ServeArgs) -> Result<sco_kg::server::Config, Failure> {
    use sco_kg::server::config;
    // Negative, not a number or past any duration: no duration at all.
    let seconds = |value: f64, refusal: Message| {
        std::time::Duration::try_from_secs_f64(value)
            .map_err(|_| Failure::input(refusal.arg("seconds", value)))
    };
    let megabytes = |n: usize| n.saturating_mul(1 << 20);
    Ok(sco_kg::server::Config {
        bind: args.bind.clone(),
        public_url: args
            .public_url
            .as_deref()
            .map(config::public_url)
            .transpose()
            .map_err(|e| config_failure(e.into(), args, terminal_lang()))?,
        timeout: seconds(args.timeout, Message::new("cli-error-timeout"))?,
        max_query_bytes: args.max_query_bytes,
        max_body_bytes: args.max_body_bytes,
        max_concurrent: args
            .max_concurrent
            .unwrap_or_else(config::default_max_concurrent),
        max_results: args.max_results,
        cache_bytes: megabytes(args.cache_mb),
        queue_wait: seconds(args.queue_wait, Message::new("cli-error-queue-wait"))?,
        write_stall_timeout: seconds(args.write_timeout, Message::new("cli-error-write-timeout"))?,
        max_queued: args.max_queued,
        max_answer_bytes: megabytes(args.max_answer_mb),
        max_query_memory: megabytes(args.max_query_mb),
        max_in_flight_bytes: megabytes(args.max_in_flight_mb),
    })
}

/// A setting the library refuses, said in terms of the option that gave it.
fn config_failure(
    e: sco_kg::server::config::ConfigError,
    args: &ServeArgs,
    lang: sco_kg::i18n::Lang,
) -> Failure {
    use sco_kg::server::config::{ConfigError, Setting};
    let at_least_one =
        |option: &str| Failure::input(Message::new("cli-error-at-least-one").arg("option", option));
    match e {
        ConfigError::Zero(Setting::Timeout) => {
            Failure::input(Message::new("cli-error-timeout").arg("seconds", args.timeout))
        }
        ConfigError::Zero(Setting::WriteStallTimeout) => Failure::input(
            Message::new("cli-error-write-timeout").arg("seconds", args.write_timeout),
        ),
        ConfigError::Zero(Setting::MaxQueryBytes) => at_least_one("max-query-bytes"),
        ConfigError::Zero(Setting::MaxBodyBytes) => at_least_one("max-body-bytes"),
        ConfigError::Zero(Setting::MaxConcurrent) => at_least_one("max-concurrent"),
        ConfigError::Zero(Setting::MaxResults) => at_least_one("max-results"),
        ConfigError::Zero(Setting::MaxAnswerBytes) => at_least_one("max-answer-mb"),
        ConfigError::Zero(Setting::MaxQueryMemory) => at_least_one("max-query-mb"),
        ConfigError::Zero(Setting::MaxInFlightBytes) => at_least_one("max-in-flight-mb"),
        ConfigError::PublicUrl(e) => Failure::option("public-url", e.message().in_lang(lang)),
    }
}

/// The base `--base` gives, or what is wrong with it in the terminal's language.
fn base_option(base: &str) -> Result<sco_kg::graph::Base, Failure> {
    sco_kg::graph::Base::new(base)
        .map_err(|e| Failure::option("base", e.message().in_lang(terminal_lang())))
}

/// The number of copies `--scale` asks for: at least one, the graph itself.
fn copies(scale: usize) -> Result<std::num::NonZeroUsize, Failure> {
    std::num::NonZeroUsize::new(scale).ok_or_else(|| {
        Failure::input(Message::new("cli-error-at-least-one").arg("option", "scale"))
    })
}

pub(crate) fn export(
    format: ExportFormat,
    output: Option<PathBuf>,
    base: &str,
    scale: usize,
) -> Result<Vec<u8>, Failure> {
    let base = base_option(base)?;
    let graph = sco_kg::store::KnowledgeGraph::embedded_scaled(base, copies(scale)?)
        .map_err(Failure::graph)?;
    let bytes = sco_kg::export::serialise(&graph, format.dump_format())
        .map_err(|e| Failure::internal_message(e.message()))?;
    match output {
        Some(path) => {
            sco_kg::export::write_atomically(&path, &bytes)
                .map_err(|e| Failure::file(path.display(), e))?;
            Ok(Vec::new())
        }
        None => Ok(bytes),
    }
}

pub(crate) fn lookup(
    query: &str,
    lang: &str,
    types: Option<&str>,
    limit: usize,
) -> Result<Vec<u8>, Failure> {
    use sco_kg::graph::ResourceKind;
    use sco_kg::lookup::{check_query, Lang, LookupIndex, LookupOptions};
    // The server's caps (empty, too long, too many words, control characters), said the same.
    let query = check_query(query).map_err(|refusal| Failure::input(refusal.message()))?;
    let lang = Lang::from_tag(lang)
        .ok_or_else(|| Failure::input(Message::new("cli-error-lang").arg("lang", lang)))?;
    let mut options = LookupOptions::new(lang);
    options.limit = limit;
    if let Some(types) = types {
        options.types =
            Some(ResourceKind::parse_list(types).map_err(|e| Failure::option("type", e))?);
    }
    let graph = sco_kg::store::KnowledgeGraph::embedded(sco_kg::graph::Base::default())
        .map_err(Failure::graph)?;
    let answer = LookupIndex::new(&graph).respond(query, &options);
    let mut out = serde_json::to_vec_pretty(&answer).map_err(Failure::bug)?;
    out.push(b'\n');
    Ok(out)
}
