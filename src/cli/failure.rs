//! What the CLI reports when a command fails, and with which exit code: the library's typed
//! errors rendered in the terminal's language, with their file, line and column.

use sco_kg::data::DataError;
use sco_kg::i18n::Message;
use sco_kg::server::ServeError;
use sco_kg::store::GraphError;

use super::terminal_lang;

/// A failure the CLI reports: a message for people (in the terminal's language) and the exit
/// code: 2 for a mistake in the input, 1 for anything else.
pub(crate) struct Failure {
    pub(crate) message: Message,
    pub(crate) code: u8,
}

impl Failure {
    pub(crate) fn input(message: Message) -> Self {
        Self { message, code: 2 }
    }
    pub(crate) fn internal(message: Message) -> Self {
        Self { message, code: 1 }
    }
    /// A file (or standard input) that could not be read or written.
    pub(crate) fn file(path: impl std::fmt::Display, e: impl std::fmt::Display) -> Self {
        Self::input(
            Message::new("cli-error-file")
                .arg("path", path.to_string())
                .arg("detail", e.to_string()),
        )
    }
    /// Ours, not the user's: the library's own report.
    pub(crate) fn bug(e: impl std::fmt::Display) -> Self {
        Self::internal(Message::new("cli-error-internal").arg("detail", e.to_string()))
    }
    /// Ours, not the user's: a message of the library, in the terminal's language.
    pub(crate) fn internal_message(message: Message) -> Self {
        Self::internal(
            Message::new("cli-error-internal").arg("detail", message.in_lang(terminal_lang())),
        )
    }
    pub(crate) fn option(name: &str, e: impl std::fmt::Display) -> Self {
        Self::input(
            Message::new("cli-error-option")
                .arg("option", name)
                .arg("detail", e.to_string()),
        )
    }
    /// An embedded data file that could not be read: ours, with its file, line and column.
    pub(crate) fn data(e: DataError) -> Self {
        let (path, line, column) = (e.path.clone(), e.line, e.column);
        let message = sco_kg::link::DataFileError::Read(e).message();
        Self::internal_message(located(&path, line, column, message))
    }
    /// The embedded graph could not be built: an error of the data names its file and line.
    pub(crate) fn graph(e: GraphError) -> Self {
        match &e {
            GraphError::Load(load) => Self::internal_message(located(
                load.path(),
                load.line(),
                load.column(),
                load.message(),
            )),
            _ => Self::internal_message(e.message()),
        }
    }
    /// The server did not start or stopped with an error.
    pub(crate) fn serve(e: ServeError) -> Self {
        let message =
            Message::new("cli-error-serve").arg("detail", e.message().in_lang(terminal_lang()));
        match e {
            // Settings are the user's; the CLI checks them before it gets here.
            ServeError::Config(_) => Self::input(message),
            _ => Self::internal(message),
        }
    }
}

/// `path:line:column: message`, as much of the place as is known, in the terminal's language.
fn located(path: &str, line: Option<usize>, column: Option<usize>, message: Message) -> Message {
    let detail = message.in_lang(terminal_lang());
    match (line, column) {
        (Some(line), Some(column)) => Message::new("cli-error-source-column")
            .arg("path", path)
            .arg("line", line)
            .arg("column", column)
            .arg("detail", detail),
        (Some(line), None) => Message::new("cli-error-source")
            .arg("path", path)
            .arg("line", line)
            .arg("detail", detail),
        _ => Message::new("cli-error-file")
            .arg("path", path)
            .arg("detail", detail),
    }
}
