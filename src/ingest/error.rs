use std::fmt;

/// Why the source could not be read as an action plan, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    /// 1-based line of the source the problem was found at.
    pub line: usize,
    pub kind: IngestErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestErrorKind {
    #[error("the source is empty")]
    Empty,
    #[error("the source is not valid UTF-8 (byte {byte} of the line)")]
    NotUtf8 { byte: usize },
    #[error("expected {expected}, found {found:?}")]
    Unexpected { expected: String, found: String },
    #[error("the source ends before {expected}")]
    Truncated { expected: String },
    #[error("expected measure {expected}, found measure {found}")]
    MeasureNumber { expected: u32, found: u32 },
    #[error("measure {measure} has no {field}")]
    MissingField { measure: u32, field: &'static str },
    #[error("section heading {heading:?} stands inside measure {measure}, before its {missing}")]
    HeadingInsideMeasure {
        heading: String,
        measure: u32,
        missing: &'static str,
    },
    #[error("section {section} ({heading:?}) has no measures")]
    EmptySection { section: u32, heading: String },
    #[error("measure {measure}: the participating-states cell {cell:?} is not a list of states")]
    Participants { measure: u32, cell: String },
    #[error("the plan is approved by decision № {approval_number} of {approval_date}, but the decision is № {number} of {date}")]
    ApprovalMismatch {
        approval_number: u32,
        approval_date: String,
        number: u32,
        date: String,
    },
}

impl IngestError {
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
