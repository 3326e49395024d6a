//! The command line as clap parses it: the commands, their options and the formats.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use sco_kg::i18n::Message;

// The derive gives the parser only: every text of `--help` comes from `locales/*/cli.ftl`
// (`localised_command`), so these structs carry no doc comments, which clap would show.
#[derive(Parser)]
#[command(name = "sco-kg", version)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
        #[arg(long, value_name = "SECS", default_value_t = sco_kg::server::config::DEFAULT_TIMEOUT_SECONDS as f64)]
        timeout: f64,
        #[arg(long, value_name = "MB", default_value_t = sco_kg::server::config::DEFAULT_MAX_QUERY_MEGABYTES)]
        max_query_mb: usize,
    },
    Serve(ServeArgs),
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Ttl)]
        format: ExportFormat,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long, value_name = "IRI", default_value = sco_kg::graph::vocab::DEFAULT_BASE)]
        base: String,
        #[arg(long, value_name = "N", default_value_t = 1)]
        scale: usize,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
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
    pub(crate) fn dump_format(self) -> sco_kg::export::DumpFormat {
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

    pub(crate) fn help(self) -> Message {
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
pub(crate) enum QueryFormat {
    Table,
    Json,
    Csv,
    Tsv,
    Xml,
}

impl QueryFormat {
    pub(crate) fn help(self) -> Message {
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
pub(crate) enum LogFormat {
    Text,
    // One JSON object a line, for log collectors.
    Json,
}

impl LogFormat {
    pub(crate) fn help(self) -> Message {
        match self {
            Self::Text => Message::new("cli-help-serve-log-format-text"),
            Self::Json => Message::new("cli-help-serve-log-format-json"),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ParseFormat {
    Json,
    // One row per measure (RFC 4180).
    Csv,
}

impl ParseFormat {
    pub(crate) fn help(self) -> Message {
        match self {
            Self::Json => Message::new("cli-help-parse-format-json"),
            Self::Csv => Message::new("cli-help-parse-format-csv"),
        }
    }
}

// The options of `sco-kg serve`, as given on the command line.
#[derive(clap::Args)]
pub(crate) struct ServeArgs {
    #[arg(long, value_name = "ADDR", default_value = sco_kg::server::config::DEFAULT_BIND)]
    pub(crate) bind: String,
    #[arg(long, value_name = "IRI", default_value = sco_kg::graph::vocab::DEFAULT_BASE)]
    pub(crate) base: String,
    #[arg(long, value_name = "URL")]
    pub(crate) public_url: Option<String>,
    #[arg(long, value_name = "SECS", default_value_t = sco_kg::server::config::DEFAULT_TIMEOUT_SECONDS as f64)]
    pub(crate) timeout: f64,
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_QUERY_BYTES)]
    pub(crate) max_query_bytes: usize,
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_BODY_BYTES)]
    pub(crate) max_body_bytes: usize,
    #[arg(long, value_name = "N")]
    pub(crate) max_concurrent: Option<usize>,
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_RESULTS)]
    pub(crate) max_results: usize,
    #[arg(long, value_name = "MB", default_value_t = sco_kg::server::config::DEFAULT_CACHE_MEGABYTES)]
    pub(crate) cache_mb: usize,
    #[arg(long, value_name = "SECS", default_value_t = sco_kg::server::config::DEFAULT_TIMEOUT_SECONDS as f64)]
    pub(crate) queue_wait: f64,
    #[arg(long, value_name = "N", default_value_t = sco_kg::server::config::DEFAULT_MAX_QUEUED)]
    pub(crate) max_queued: usize,
    #[arg(long, value_name = "MB", default_value_t = sco_kg::server::config::DEFAULT_MAX_ANSWER_MEGABYTES)]
    pub(crate) max_answer_mb: usize,
    #[arg(long, value_name = "MB", default_value_t = sco_kg::server::config::DEFAULT_MAX_QUERY_MEGABYTES)]
    pub(crate) max_query_mb: usize,
    #[arg(long, value_name = "MB", default_value_t = sco_kg::server::config::DEFAULT_MAX_IN_FLIGHT_MEGABYTES)]
    pub(crate) max_in_flight_mb: usize,
    #[arg(long, value_name = "SECS", default_value_t = sco_kg::server::config::DEFAULT_WRITE_TIMEOUT_SECONDS as f64)]
    pub(crate) write_timeout: f64,
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub(crate) log_format: LogFormat,
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) scale: usize,
}
