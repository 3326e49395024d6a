//! The table body: section headings and rows of three cells (text, participants, executors).
//!
//! The extraction interleaves the columns: a row's lines come text first, then the
//! participants cell, then the executors cell. A page break may cut a row; the text and the
//! executors then continue below the break, in that order. Three traces of the layout remain
//! and are all this reader uses:
//! - a run of blank lines marks a page break;
//! - the narrow columns never hold a line wider than [`NARROW_COLUMN`] characters, while a
//!   continued text line is wide or follows an unfinished sentence;
//! - the participants cell is a list of state designations (see [`super::lexicon`]).

use std::sync::LazyLock;

use regex::Regex;

use super::cells::{self, ListState};
use super::error::{Expected, IngestError, IngestErrorKind, MeasurePart, Missing};
use super::join::{self, ends_sentence, Vocabulary};
use super::lexicon::Lexicon;
use super::model::{line_ranges, Fragment, Measure, MeasureFragments, Section};
use super::source::Line;

/// The widest line the participants and executors columns hold, in characters.
pub const NARROW_COLUMN: usize = 24;

static MEASURE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,4})\.(?:\s+|$)").expect("regex"));

/// A section heading: a line in capitals with at least one long word (abbreviations such as
/// "РАТС ШОС" are short and belong to executor cells).
fn is_heading(text: &str) -> bool {
    !text.chars().any(char::is_lowercase)
        && text
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 7)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Text,
    Participants,
    Executors,
}

struct Row<'a> {
    number: u32,
    section: u32,
    first_line: usize,
    cell: Cell,
    /// Reading a text continued below a page break.
    continuation: bool,
    number_fragment: Vec<Fragment>,
    text: Vec<(Fragment, &'a str)>,
    participants: Vec<(Fragment, &'a str)>,
    executors: Vec<(Fragment, &'a str)>,
}

fn texts<'a>(cell: &[(Fragment, &'a str)]) -> Vec<&'a str> {
    cell.iter().map(|(_, t)| *t).collect()
}

impl<'a> Row<'a> {
    fn text_is_open(&self) -> bool {
        self.text.last().is_none_or(|(_, t)| !ends_sentence(t))
    }

    fn participants_with(&self, more: &str) -> String {
        let mut joined: Vec<&str> = self.participants.iter().map(|(_, t)| *t).collect();
        joined.push(more);
        joined.join(" ")
    }

    fn participants_text(&self) -> String {
        let joined: Vec<&str> = self.participants.iter().map(|(_, t)| *t).collect();
        joined.join(" ")
    }

    /// Places one line (or the part of a line) in the row's cells.
    fn push(&mut self, line: &Line<'a>, lexicon: &Lexicon) -> Result<(), IngestError> {
        if line.after_page_break() && self.cell != Cell::Text && self.text_is_open() {
            self.continuation = true;
        }
        if self.continuation {
            let after_sentence = !self.text_is_open();
            if after_sentence && line.width() <= NARROW_COLUMN {
                self.continuation = false;
            } else {
                self.text.push((line.fragment(), line.text));
                return Ok(());
            }
        }
        match self.cell {
            Cell::Text => {
                if !self.text.is_empty()
                    && line.width() <= NARROW_COLUMN
                    && cells::opens_participants(line.text, lexicon)
                {
                    self.cell = Cell::Participants;
                    self.participants.push((line.fragment(), line.text));
                } else if let Some(split) = self.trailing_participants(line.text, lexicon) {
                    // The last text line and the first participants line share a baseline.
                    let head = line.text[..split].trim_end();
                    self.text.push((line.fragment_of(0, head.len()), head));
                    self.participants.push((
                        line.fragment_of(split, line.text.len()),
                        &line.text[split..],
                    ));
                    self.cell = Cell::Participants;
                } else {
                    self.text.push((line.fragment(), line.text));
                }
            }
            Cell::Participants => {
                let extended = self.participants_with(line.text);
                if cells::participants_state(&extended, lexicon) != ListState::Invalid {
                    self.participants.push((line.fragment(), line.text));
                } else if cells::participants_state(&self.participants_text(), lexicon)
                    == ListState::Complete
                {
                    self.cell = Cell::Executors;
                    self.executors.push((line.fragment(), line.text));
                } else {
                    return Err(IngestError::new(
                        line.number,
                        IngestErrorKind::Participants {
                            measure: self.number,
                            cell: extended,
                        },
                    ));
                }
            }
            Cell::Executors => self.executors.push((line.fragment(), line.text)),
        }
        Ok(())
    }

    /// Where a text line ends a sentence and the participants cell begins on the same line
    /// ("… безопасности. Государства-члены"), the byte offset of the participants part.
    fn trailing_participants(&self, text: &str, lexicon: &Lexicon) -> Option<usize> {
        let (head, tail) = text.rsplit_once(' ')?;
        if !ends_sentence(head) || tail.chars().next().is_none_or(|c| !c.is_uppercase()) {
            return None;
        }
        cells::opens_participants(tail, lexicon).then(|| text.len() - tail.len())
    }

    /// Checks that every cell was found, and builds the measure.
    fn finish(
        self,
        at_line: usize,
        vocabulary: &Vocabulary,
        lexicon: &Lexicon,
    ) -> Result<Measure, IngestError> {
        let missing = |field| {
            IngestError::new(
                at_line,
                IngestErrorKind::MissingField {
                    measure: self.number,
                    field,
                },
            )
        };
        if self.text.is_empty() {
            return Err(missing(MeasurePart::Text));
        }
        if self.participants.is_empty() {
            return Err(missing(MeasurePart::Participants));
        }
        if cells::participants_state(&self.participants_text(), lexicon) != ListState::Complete {
            return Err(IngestError::new(
                self.participants.last().map_or(at_line, |(f, _)| f.line),
                IngestErrorKind::Participants {
                    measure: self.number,
                    cell: self.participants_text(),
                },
            ));
        }
        if self.executors.is_empty() {
            return Err(missing(MeasurePart::Executors));
        }
        let executors_cell = join::inline(&texts(&self.executors), vocabulary);
        let fields = MeasureFragments {
            number: self.number_fragment,
            text: self.text.iter().map(|(f, _)| *f).collect(),
            participants: self.participants.iter().map(|(f, _)| *f).collect(),
            executors: self.executors.iter().map(|(f, _)| *f).collect(),
        };
        let all: Vec<Fragment> = fields.all().copied().collect();
        Ok(Measure {
            number: self.number,
            section: self.section,
            text: join::paragraphs(&texts(&self.text), vocabulary),
            participants: join::inline(&texts(&self.participants), vocabulary),
            executors: cells::split_executors(&executors_cell, lexicon),
            source_lines: line_ranges(&all),
            fields,
        })
    }
}

/// The table's header row and body.
pub struct Table {
    pub header: Vec<Fragment>,
    pub sections: Vec<Section>,
    pub measures: Vec<Measure>,
}

pub fn parse(
    lines: &[Line<'_>],
    end_line: usize,
    vocabulary: &Vocabulary,
    lexicon: &Lexicon,
) -> Result<Table, IngestError> {
    // The header row runs up to the first heading, or to the first row if a heading is missing.
    let heading_at = lines
        .iter()
        .position(|l| is_heading(l.text) || MEASURE_START.is_match(l.text))
        .ok_or_else(|| {
            IngestError::new(
                end_line,
                IngestErrorKind::Truncated {
                    missing: Missing::FirstSectionHeading,
                },
            )
        })?;
    let header: Vec<Fragment> = lines[..heading_at].iter().map(Line::fragment).collect();

    let mut sections: Vec<Section> = Vec::new();
    let mut measures: Vec<Measure> = Vec::new();
    let mut row: Option<Row<'_>> = None;

    for line in &lines[heading_at..] {
        let expected = measures.len() as u32 + row.as_ref().map_or(0, |_| 1) + 1;
        if let Some(caps) = MEASURE_START.captures(line.text) {
            let found: u32 = caps[1].parse().unwrap_or(0);
            if found != expected {
                return Err(IngestError::new(
                    line.number,
                    IngestErrorKind::MeasureNumber { expected, found },
                ));
            }
            if let Some(done) = row.take() {
                measures.push(done.finish(line.number, vocabulary, lexicon)?);
            }
            let Some(section) = sections.last() else {
                return Err(IngestError::new(
                    line.number,
                    IngestErrorKind::Unexpected {
                        expected: Expected::SectionHeading,
                        found: line.text.into(),
                    },
                ));
            };
            let start = caps[0].len();
            let rest = &line.text[start..];
            let mut new_row = Row {
                number: found,
                section: section.number,
                first_line: line.number,
                cell: Cell::Text,
                continuation: false,
                number_fragment: vec![line.fragment_of(0, caps[0].trim_end().len())],
                text: Vec::new(),
                participants: Vec::new(),
                executors: Vec::new(),
            };
            if !rest.is_empty() {
                let rest_line = Line {
                    text: rest,
                    offset: line.offset + start,
                    ..line.clone()
                };
                new_row.push(&rest_line, lexicon)?;
            }
            row = Some(new_row);
        } else if is_heading(line.text) {
            if let Some(open) = &row {
                let missing = match open.cell {
                    Cell::Text => Some(MeasurePart::Participants),
                    Cell::Participants => Some(MeasurePart::Executors),
                    Cell::Executors if open.continuation => Some(MeasurePart::TextEnd),
                    Cell::Executors => None,
                };
                if let Some(missing) = missing {
                    return Err(IngestError::new(
                        line.number,
                        IngestErrorKind::HeadingInsideMeasure {
                            heading: line.text.into(),
                            measure: open.number,
                            missing,
                        },
                    ));
                }
            }
            if let Some(done) = row.take() {
                measures.push(done.finish(line.number, vocabulary, lexicon)?);
            }
            if let Some(previous) = sections.last() {
                if !measures.iter().any(|m| m.section == previous.number) {
                    return Err(IngestError::new(
                        line.number,
                        IngestErrorKind::EmptySection {
                            section: previous.number,
                            heading: previous.title.clone(),
                        },
                    ));
                }
            }
            let fragment = line.fragment();
            sections.push(Section {
                number: sections.len() as u32 + 1,
                title: join::collapse(line.text),
                source_lines: line_ranges(&[fragment]),
                fragments: vec![fragment],
            });
        } else {
            match row.as_mut() {
                Some(open) => open.push(line, lexicon)?,
                None => {
                    return Err(IngestError::new(
                        line.number,
                        IngestErrorKind::Unexpected {
                            expected: Expected::Measure(expected),
                            found: line.text.into(),
                        },
                    ))
                }
            }
        }
    }
    match row {
        Some(open) => {
            if open.continuation && open.text_is_open() {
                return Err(IngestError::new(
                    end_line,
                    IngestErrorKind::Truncated {
                        missing: Missing::MeasureTextEnd {
                            measure: open.number,
                        },
                    },
                ));
            }
            let first_line = open.first_line;
            measures.push(
                open.finish(end_line, vocabulary, lexicon)
                    .map_err(|mut e| {
                        e.kind = match e.kind {
                            IngestErrorKind::MissingField { measure, field } => {
                                IngestErrorKind::Truncated {
                                    missing: Missing::MeasurePart {
                                        measure,
                                        part: field,
                                        begun_at: first_line,
                                    },
                                }
                            }
                            other => other,
                        };
                        e
                    })?,
            );
        }
        None => {
            // Not a single row: the table holds headings only.
            let missing = match sections.last() {
                Some(s) => Missing::SectionMeasures {
                    section: s.number,
                    title: s.title.clone(),
                },
                None => Missing::FirstSectionHeading,
            };
            return Err(IngestError::new(
                end_line,
                IngestErrorKind::Truncated { missing },
            ));
        }
    }
    Ok(Table {
        header,
        sections,
        measures,
    })
}
