//! What the CLI reports when a command fails, and with which exit code.

use sco_kg::i18n::Message;

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
    pub(crate) fn option(name: &str, e: impl std::fmt::Display) -> Self {
        Self::input(
            Message::new("cli-error-option")
                .arg("option", name)
                .arg("detail", e.to_string()),
        )
    }
}
