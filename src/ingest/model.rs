//! The typed model of the plan: what the ingest stage produces and every later stage reads.

use serde::Serialize;
use std::fmt;

/// A piece of one source line: `line` is 1-based, `start..end` are byte offsets into that line.
/// Every field of the model remembers the fragments it was read from, so that provenance and
/// the accounting invariant (no line dropped or used twice) can be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Fragment {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// A calendar date as the source writes it ("10 ноября 2020 года").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// An inclusive range of 1-based source lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineRange {
    pub start: usize,
    pub end: usize,
}

/// Collapses sorted fragments into the inclusive line ranges they cover.
pub fn line_ranges(fragments: &[Fragment]) -> Vec<LineRange> {
    let mut lines: Vec<usize> = fragments.iter().map(|f| f.line).collect();
    lines.sort_unstable();
    lines.dedup();
    let mut ranges: Vec<LineRange> = Vec::new();
    for line in lines {
        match ranges.last_mut() {
            // Blank lines separate every line of the extracted text, so a gap of
            // blank lines alone does not break a range.
            Some(last) if line <= last.end + 2 => last.end = line,
            _ => ranges.push(LineRange {
                start: line,
                end: line,
            }),
        }
    }
    ranges
}

#[derive(Debug, Clone, Serialize)]
pub struct Signatory {
    /// The office as written, e.g. "Премьер-министр".
    pub office: String,
    /// The state as written (genitive), e.g. "Республики Индии".
    pub state: String,
    #[serde(skip)]
    pub fragments: Vec<Fragment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    /// The organisation heading the decision, as written.
    pub organisation: String,
    /// The issuing body, as written ("СОВЕТ ГЛАВ ГОСУДАРСТВ").
    pub issuing_body: String,
    /// The kind of act, as written ("РЕШЕНИЕ").
    pub kind: String,
    pub number: u32,
    pub date: Date,
    pub place: String,
    pub title: String,
    /// The operative text ("Совет глав … решил: Утвердить …").
    pub text: String,
    pub signatories: Vec<Signatory>,
    pub source_lines: Vec<LineRange>,
    #[serde(skip)]
    pub fragments: Vec<Fragment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub number: u32,
    /// The heading as written (upper case in the source).
    pub title: String,
    pub source_lines: Vec<LineRange>,
    #[serde(skip)]
    pub fragments: Vec<Fragment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    pub number: u32,
    /// The number of the section the measure stands in.
    pub section: u32,
    /// The measure's text; paragraphs are separated by "\n".
    pub text: String,
    /// The participating-states cell as written.
    pub participants: String,
    /// The executors cell split into the bodies it names, as written.
    pub executors: Vec<String>,
    pub source_lines: Vec<LineRange>,
    #[serde(skip)]
    pub fields: MeasureFragments,
}

/// Where each field of a measure was read from.
#[derive(Debug, Clone, Default)]
pub struct MeasureFragments {
    pub number: Vec<Fragment>,
    pub text: Vec<Fragment>,
    pub participants: Vec<Fragment>,
    pub executors: Vec<Fragment>,
}

impl MeasureFragments {
    pub fn all(&self) -> impl Iterator<Item = &Fragment> {
        self.number
            .iter()
            .chain(&self.text)
            .chain(&self.participants)
            .chain(&self.executors)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub decision: Decision,
    /// The approval note above the plan ("УТВЕРЖДЕН Решением … № 1 от 10 ноября 2020 года").
    pub approval: String,
    pub title: String,
    pub preamble: String,
    pub sections: Vec<Section>,
    pub measures: Vec<Measure>,
    /// The first line of the table body (the header row), 1-based.
    #[serde(skip)]
    pub table_start: usize,
    /// Fragments of the table's header row.
    #[serde(skip)]
    pub header: Vec<Fragment>,
    /// Fragments of everything before the table (decision, approval, title, preamble).
    #[serde(skip)]
    pub front_matter: Vec<Fragment>,
}

impl Plan {
    pub fn section(&self, number: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }

    pub fn measure(&self, number: u32) -> Option<&Measure> {
        self.measures.iter().find(|m| m.number == number)
    }
}
