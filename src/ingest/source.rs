//! The source as numbered lines, and the few facts of layout the PDF extraction leaves:
//! blank lines between every line, and longer runs of them where a page breaks.

use super::error::{IngestError, IngestErrorKind};
use super::model::Fragment;

/// A non-blank line of the source.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The line without surrounding white space.
    pub text: &'a str,
    /// Byte offset of `text` in the raw line.
    pub offset: usize,
    /// Blank lines directly above this one.
    pub blanks_before: usize,
}

impl<'a> Line<'a> {
    /// The whole line as one fragment.
    pub fn fragment(&self) -> Fragment {
        self.fragment_of(0, self.text.len())
    }

    /// The bytes `start..end` of `text` as a fragment.
    pub fn fragment_of(&self, start: usize, end: usize) -> Fragment {
        Fragment {
            line: self.number,
            start: self.offset + start,
            end: self.offset + end,
        }
    }

    /// A page break cuts the table here: the extraction leaves more than one blank line.
    pub fn after_page_break(&self) -> bool {
        self.blanks_before > 1
    }

    /// Width in characters, the only trace of the table's columns the extraction keeps.
    pub fn width(&self) -> usize {
        self.text.chars().count()
    }
}

/// Decodes the source and splits it into non-blank lines.
pub fn decode(bytes: &[u8]) -> Result<&str, IngestError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        IngestError::new(
            line,
            IngestErrorKind::NotUtf8 {
                byte: e.valid_up_to() - line_start + 1,
            },
        )
    })?;
    if text.trim().is_empty() {
        return Err(IngestError::new(1, IngestErrorKind::Empty));
    }
    Ok(text)
}

pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut blanks = 0;
    for (index, raw) in text.split('\n').enumerate() {
        let trimmed_start = raw.trim_start();
        let text = trimmed_start.trim_end();
        if text.is_empty() {
            blanks += 1;
            continue;
        }
        out.push(Line {
            number: index + 1,
            text,
            offset: raw.len() - trimmed_start.len(),
            blanks_before: blanks,
        });
        blanks = 0;
    }
    out
}

/// The number of the last line, for errors at the end of the source.
pub fn last_line_number(text: &str) -> usize {
    text.split('\n').count()
}
