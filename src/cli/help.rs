//! `--help` in the terminal's language: every text from `locales/*/cli.ftl`.

use clap::builder::{PossibleValuesParser, TypedValueParser, ValueParser};
use clap::{Arg, CommandFactory, ValueEnum};

use sco_kg::i18n::{Lang, Message};

use super::*;

/// The command line with its help in `lang`: the derive's parser, every text from
/// `locales/*/cli.ftl`. Ours are set before `build`, as clap decides from them whether there is
/// a long help (`-h` or `--help`); clap's own flags and `help` subcommand exist only after it.
pub(crate) fn localised_command(lang: Lang) -> clap::Command {
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
pub(crate) struct Headings {
    pub(crate) commands: &'static str,
    pub(crate) arguments: &'static str,
    pub(crate) options: &'static str,
}

/// `arg` of the command `command` with its help (and its values' help) in `lang`.
pub(crate) fn localised_arg(command: &str, arg: Arg, lang: Lang) -> Arg {
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
        ("query", "timeout") => (Message::new("cli-help-query-timeout"), None),
        ("query", "max_query_mb") => (Message::new("cli-help-query-max-query-mb"), None),
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
        ("serve", "scale") => (Message::new("cli-help-serve-scale"), None),
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
        ("export", "scale") => (Message::new("cli-help-export-scale"), None),
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
pub(crate) fn values<E: ValueEnum + Clone + Copy + Send + Sync + 'static>(
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
pub(crate) fn localise_clap_parts(
    command: clap::Command,
    lang: Lang,
    headings: &Headings,
) -> clap::Command {
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
