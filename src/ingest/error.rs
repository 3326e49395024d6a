//! Why the source could not be read as an action plan, and where. Every kind of problem is a
//! [`Message`] (`locales/*/ingest.ftl`), so that the CLI tells it in the reader's language;
//! `Display` writes it in English, for logs and tests.

use std::fmt;

use super::front::{
    ACT_KIND_EXAMPLE, ANNEX, APPROVAL_EXAMPLE, APPROVED, DATE_LINE_EXAMPLE, HEADER_ROW_EXAMPLE,
};
use crate::i18n::Message;

/// Why the source could not be read as an action plan, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    /// 1-based line of the source the problem was found at.
    pub line: usize,
    /// What the problem is.
    pub kind: IngestErrorKind,
}

/// The kinds of problem the ingest stage reports; [`IngestErrorKind::message`] tells each in
/// the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestErrorKind {
    /// The source holds nothing but white space.
    Empty,
    /// The source is not UTF-8; `byte` is 1-based within the line.
    NotUtf8 {
        /// The first invalid byte, counted from 1 within its line.
        byte: usize,
    },
    /// The line holds `found` where the format has `expected`.
    Unexpected {
        /// What the format has at this point.
        expected: Expected,
        /// The line as found.
        found: String,
    },
    /// The source ends (or its front matter runs out of blocks) before `missing`.
    Truncated {
        /// The first part of the plan that is not there.
        missing: Missing,
    },
    /// The measures are not numbered 1, 2, 3 … in order: a row has another number.
    MeasureNumber {
        /// The number that follows the previous measure's.
        expected: u32,
        /// The number the row has.
        found: u32,
    },
    /// A measure's row ends without one of its cells.
    MissingField {
        /// The measure's number.
        measure: u32,
        /// The cell that is missing.
        field: MeasurePart,
    },
    /// A section heading within a row, before the row's `missing` part.
    HeadingInsideMeasure {
        /// The heading as found.
        heading: String,
        /// The number of the measure it interrupts.
        measure: u32,
        /// The part of the row not yet read when the heading came.
        missing: MeasurePart,
    },
    /// A section heading followed directly by the next heading: a section with no measures.
    EmptySection {
        /// The section's number, 1-based.
        section: u32,
        /// Its heading as found.
        heading: String,
    },
    /// A participating-states cell that is not a comma-separated list of the designations of
    /// the lexicon (`data/ingest/participants.toml` and the states of the registry).
    Participants {
        /// The measure's number.
        measure: u32,
        /// The cell as read.
        cell: String,
    },
    /// The approval note names another decision than the one the source opens with; dates as
    /// `YYYY-MM-DD`.
    ApprovalMismatch {
        /// The decision number in the approval note ("№ 1 от …").
        approval_number: u32,
        /// The decision date in the approval note.
        approval_date: String,
        /// The number of the decision itself.
        number: u32,
        /// The date of the decision itself.
        date: String,
    },
}

/// What the format has where a line says something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// The decision's first block: organisation and issuing body, in capitals.
    CapitalHeading,
    /// "РЕШЕНИЕ" alone on its line.
    ActKindLine,
    /// "10 ноября 2020 года № 1 город Москва".
    DateLine,
    ValidDate,
    DecisionNumber,
    /// Office lines followed by a state line.
    Signature,
    /// "УТВЕРЖДЕН".
    ApprovalNote,
    /// "№ 1 от 10 ноября 2020 года" in the approval note.
    ApprovalReference,
    SectionHeading,
    /// The row of the next measure.
    Measure(u32),
}

/// What the source ends before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    DecisionHeading,
    ActKind,
    DateLine,
    DecisionTitle,
    OperativeText,
    Signatures,
    Annex,
    ApprovalNote,
    PlanTitle,
    Preamble,
    HeaderRow,
    FirstSectionHeading,
    /// The rest of a measure's text, continued below a page break.
    MeasureTextEnd {
        measure: u32,
    },
    /// A cell of the last measure, whose row began at `begun_at`.
    MeasurePart {
        measure: u32,
        part: MeasurePart,
        begun_at: usize,
    },
    SectionMeasures {
        section: u32,
        title: String,
    },
}

/// A part of a measure's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasurePart {
    Text,
    /// The end of a text continued below a page break.
    TextEnd,
    Participants,
    Executors,
}

impl MeasurePart {
    /// The key the messages select their wording by.
    fn key(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::TextEnd => "text-end",
            Self::Participants => "participants",
            Self::Executors => "executors",
        }
    }
}

/// A fragment of the source as Rust writes a string: quoted, with invisible characters
/// escaped, the same in every language.
fn quoted(text: &str) -> String {
    format!("{text:?}")
}

impl Expected {
    /// "expected …, found `found`".
    fn message(self, found: &str) -> Message {
        let message = match self {
            Self::CapitalHeading => Message::new("ingest-expected-capital-heading"),
            Self::ActKindLine => Message::new("ingest-expected-act-kind-line"),
            Self::DateLine => {
                Message::new("ingest-expected-date-line").arg("example", DATE_LINE_EXAMPLE)
            }
            Self::ValidDate => Message::new("ingest-expected-valid-date"),
            Self::DecisionNumber => Message::new("ingest-expected-decision-number"),
            Self::Signature => Message::new("ingest-expected-signature"),
            Self::ApprovalNote => {
                Message::new("ingest-expected-approval-note").arg("mark", APPROVED)
            }
            Self::ApprovalReference => {
                Message::new("ingest-expected-approval-reference").arg("example", APPROVAL_EXAMPLE)
            }
            Self::SectionHeading => Message::new("ingest-expected-section-heading"),
            Self::Measure(number) => Message::new("ingest-expected-measure").arg("measure", number),
        };
        message.arg("found", quoted(found))
    }
}

impl Missing {
    /// "the source ends before …".
    fn message(&self) -> Message {
        match self {
            Self::DecisionHeading => Message::new("ingest-missing-decision-heading"),
            Self::ActKind => {
                Message::new("ingest-missing-act-kind").arg("example", ACT_KIND_EXAMPLE)
            }
            Self::DateLine => Message::new("ingest-missing-date-line"),
            Self::DecisionTitle => Message::new("ingest-missing-decision-title"),
            Self::OperativeText => Message::new("ingest-missing-operative-text"),
            Self::Signatures => Message::new("ingest-missing-signatures"),
            Self::Annex => Message::new("ingest-missing-annex").arg("mark", ANNEX),
            Self::ApprovalNote => {
                Message::new("ingest-missing-approval-note").arg("mark", APPROVED)
            }
            Self::PlanTitle => Message::new("ingest-missing-plan-title"),
            Self::Preamble => Message::new("ingest-missing-preamble"),
            Self::HeaderRow => {
                Message::new("ingest-missing-header-row").arg("example", HEADER_ROW_EXAMPLE)
            }
            Self::FirstSectionHeading => Message::new("ingest-missing-first-section-heading"),
            Self::MeasureTextEnd { measure } => {
                Message::new("ingest-missing-measure-text-end").arg("measure", *measure)
            }
            Self::MeasurePart {
                measure,
                part,
                begun_at,
            } => Message::new("ingest-missing-measure-part")
                .arg("measure", *measure)
                .arg("part", part.key())
                .arg("line", *begun_at),
            Self::SectionMeasures { section, title } => {
                Message::new("ingest-missing-section-measures")
                    .arg("section", *section)
                    .arg("heading", quoted(title))
            }
        }
    }
}

impl IngestErrorKind {
    /// What went wrong, in no language yet (the line is the caller's to add).
    pub fn message(&self) -> Message {
        match self {
            Self::Empty => Message::new("ingest-empty"),
            Self::NotUtf8 { byte } => Message::new("ingest-not-utf8").arg("byte", *byte),
            Self::Unexpected { expected, found } => expected.message(found),
            Self::Truncated { missing } => missing.message(),
            Self::MeasureNumber { expected, found } => Message::new("ingest-measure-number")
                .arg("expected", *expected)
                .arg("found", *found),
            Self::MissingField { measure, field } => Message::new("ingest-missing-field")
                .arg("measure", *measure)
                .arg("part", field.key()),
            Self::HeadingInsideMeasure {
                heading,
                measure,
                missing,
            } => Message::new("ingest-heading-inside-measure")
                .arg("heading", quoted(heading))
                .arg("measure", *measure)
                .arg("part", missing.key()),
            Self::EmptySection { section, heading } => Message::new("ingest-empty-section")
                .arg("section", *section)
                .arg("heading", quoted(heading)),
            Self::Participants { measure, cell } => Message::new("ingest-participants")
                .arg("measure", *measure)
                .arg("cell", quoted(cell)),
            Self::ApprovalMismatch {
                approval_number,
                approval_date,
                number,
                date,
            } => Message::new("ingest-approval-mismatch")
                .arg("approved-number", *approval_number)
                .arg("approved-date", approval_date.as_str())
                .arg("number", *number)
                .arg("date", date.as_str()),
        }
    }
}

/// In English, for logs and tests.
impl fmt::Display for IngestErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for IngestErrorKind {}

impl IngestError {
    /// A problem of this kind at this 1-based line.
    pub fn new(line: usize, kind: IngestErrorKind) -> Self {
        Self { line, kind }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl std::error::Error for IngestError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// One error of every kind, expectation and part.
    fn every_kind() -> Vec<IngestErrorKind> {
        use Expected as E;
        use Missing as M;
        let found = || "1.  Выполнение \"решений\"\t".to_string();
        let mut kinds = vec![
            IngestErrorKind::Empty,
            IngestErrorKind::NotUtf8 { byte: 3 },
            IngestErrorKind::MeasureNumber {
                expected: 57,
                found: 58,
            },
            IngestErrorKind::EmptySection {
                section: 1,
                heading: "ПОЛИТИЧЕСКОЕ ВЗАИМОДЕЙСТВИЕ".into(),
            },
            IngestErrorKind::Participants {
                measure: 46,
                cell: "Государства-члены".into(),
            },
            IngestErrorKind::ApprovalMismatch {
                approval_number: 2,
                approval_date: "2020-11-11".into(),
                number: 1,
                date: "2020-11-10".into(),
            },
        ];
        for expected in [
            E::CapitalHeading,
            E::ActKindLine,
            E::DateLine,
            E::ValidDate,
            E::DecisionNumber,
            E::Signature,
            E::ApprovalNote,
            E::ApprovalReference,
            E::SectionHeading,
            E::Measure(12),
        ] {
            kinds.push(IngestErrorKind::Unexpected {
                expected,
                found: found(),
            });
        }
        let mut missing = vec![
            M::DecisionHeading,
            M::ActKind,
            M::DateLine,
            M::DecisionTitle,
            M::OperativeText,
            M::Signatures,
            M::Annex,
            M::ApprovalNote,
            M::PlanTitle,
            M::Preamble,
            M::HeaderRow,
            M::FirstSectionHeading,
            M::MeasureTextEnd { measure: 67 },
            M::SectionMeasures {
                section: 3,
                title: "ТОРГОВО-ЭКОНОМИЧЕСКОЕ СОТРУДНИЧЕСТВО".into(),
            },
        ];
        for part in [
            MeasurePart::Text,
            MeasurePart::TextEnd,
            MeasurePart::Participants,
            MeasurePart::Executors,
        ] {
            missing.push(M::MeasurePart {
                measure: 67,
                part,
                begun_at: 1492,
            });
            kinds.push(IngestErrorKind::MissingField {
                measure: 46,
                field: part,
            });
            kinds.push(IngestErrorKind::HeadingInsideMeasure {
                heading: "ТОРГОВО-ЭКОНОМИЧЕСКОЕ СОТРУДНИЧЕСТВО".into(),
                measure: 36,
                missing: part,
            });
        }
        kinds.extend(
            missing
                .into_iter()
                .map(|missing| IngestErrorKind::Truncated { missing }),
        );
        kinds
    }

    #[test]
    fn every_kind_reads_in_every_language_with_all_its_arguments() {
        for kind in every_kind() {
            for lang in Lang::ALL {
                let text = kind.message().in_lang(lang);
                // A missing argument would show as "{$name}", a missing id as the id.
                assert!(
                    !text.contains('{') && !text.starts_with("ingest-"),
                    "{lang} {kind:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn source_text_is_quoted_as_it_is_in_every_language() {
        let kind = IngestErrorKind::Unexpected {
            expected: Expected::SectionHeading,
            found: "1.  Выполнение \"решений\"\t".into(),
        };
        assert_eq!(
            kind.to_string(),
            r#"expected a section heading, found "1.  Выполнение \"решений\"\t""#
        );
        for lang in Lang::ALL {
            assert!(kind
                .message()
                .in_lang(lang)
                .contains(r#""1.  Выполнение \"решений\"\t""#));
        }
        let kind = IngestErrorKind::Truncated {
            missing: Missing::Annex,
        };
        assert_eq!(
            kind.message().in_lang(Lang::Ru),
            "исходный текст обрывается до приложения («Приложение»)"
        );
    }
}
