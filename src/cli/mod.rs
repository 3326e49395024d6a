//! The `sco-kg` command line: a thin shell over the library. [`args`] is what clap parses,
//! [`help`] its texts in the terminal's language, [`commands`] what each command does,
//! [`failure`] how a failure is reported.

mod args;
mod commands;
mod failure;
mod help;

pub(crate) use args::*;
pub(crate) use commands::*;
pub(crate) use failure::*;
pub(crate) use help::*;

use sco_kg::i18n::Lang;

pub(crate) fn run(cli: Cli) -> Result<Vec<u8>, Failure> {
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
            scale,
        } => export(format, output, &base, scale),
        Command::Query {
            query: argument,
            format,
            base,
            timeout,
            max_query_mb,
        } => query(
            &argument,
            format,
            &base,
            QueryLimits {
                timeout,
                max_query_mb,
            },
        ),
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
pub(crate) fn terminal_lang() -> Lang {
    sco_kg::i18n::terminal_lang(|name| std::env::var(name).ok())
}
