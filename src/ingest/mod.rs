//! Ingest: the PDF-extracted text of the plan → a typed [`Plan`].

mod cells;
mod error;
mod front;
pub(crate) mod join;
mod lexicon;
mod model;
pub(crate) mod source;
mod table;

pub use error::{IngestError, IngestErrorKind};
pub use lexicon::{Lexicon, ParticipantsFile, Scope};
pub use model::*;

/// Reads the plan from the bytes of a source file.
pub fn parse(bytes: &[u8], lexicon: &Lexicon) -> Result<Plan, IngestError> {
    let text = source::decode(bytes)?;
    let lines = source::lines(text);
    let vocabulary = join::Vocabulary::of(&lines);
    let end_line = source::last_line_number(text);
    // A source that ends too early is reported at its end: the line after its last line of
    // text, but never past the end of the file (found by fuzzing: "line 925" of 924).
    let front = front::parse(&lines, &vocabulary).map_err(|e| IngestError {
        line: e.line.min(end_line),
        ..e
    })?;
    let table = table::parse(&lines[front.table_index..], end_line, &vocabulary, lexicon)?;
    Ok(Plan {
        decision: front.decision,
        approval: front.approval,
        title: front.title,
        preamble: front.preamble,
        sections: table.sections,
        measures: table.measures,
        table_start: lines[front.table_index].number,
        header: table.header,
        front_matter: front.fragments,
    })
}
