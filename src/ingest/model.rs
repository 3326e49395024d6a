//! The typed model of the plan: what the ingest stage produces and every later stage reads.

use serde::Serialize;
use std::fmt;

/// A piece of one source line: `line` is 1-based, `start..end` are byte offsets into that line.
/// Every field of the model remembers the fragments it was read from, so that provenance and
/// the accounting invariant (no line dropped or used twice) can be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Fragment {
    /// The source line, 1-based.
    pub line: usize,
    /// The byte offset in that line where the piece starts.
    pub start: usize,
    /// The byte offset in that line just past the piece (exclusive).
    pub end: usize,
}

/// A calendar date as the source writes it ("10 ноября 2020 года").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year, e.g. 2020.
    pub year: i32,
    /// The month, 1–12 (the source names it in the genitive: "ноября" is 11).
    pub month: u32,
    /// The day of the month, 1–31.
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
    /// The first line of the range.
    pub start: usize,
    /// The last line of the range (inclusive).
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

/// One signature under the decision: an office and the state it serves, as written.
#[derive(Debug, Clone, Serialize)]
pub struct Signatory {
    /// The office as written, e.g. "Премьер-министр".
    pub office: String,
    /// The state as written (genitive), e.g. "Республики Индии".
    pub state: String,
    /// Where the office and the state were read from.
    #[serde(skip)]
    pub fragments: Vec<Fragment>,
}

/// The decision of the Council of Heads of State that approves the plan (the first page of the
/// source: "РЕШЕНИЕ … № 1 город Москва").
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    /// The organisation heading the decision, as written.
    pub organisation: String,
    /// The issuing body, as written ("СОВЕТ ГЛАВ ГОСУДАРСТВ").
    pub issuing_body: String,
    /// The kind of act, as written ("РЕШЕНИЕ").
    pub kind: String,
    /// The decision's number ("№ 1" → 1).
    pub number: u32,
    /// The date the decision was taken (10 November 2020).
    pub date: Date,
    /// The city where it was taken, without "город" ("Москва").
    pub place: String,
    /// The decision's title, joined into one line ("О Плане действий …").
    pub title: String,
    /// The operative text ("Совет глав … решил: Утвердить …").
    pub text: String,
    /// The signatures, in the order they stand in the source.
    pub signatories: Vec<Signatory>,
    /// The source lines the decision was read from.
    pub source_lines: Vec<LineRange>,
    /// Where every part of the decision (signatures included) was read from.
    #[serde(skip)]
    pub fragments: Vec<Fragment>,
}

/// A section of the plan's table: a heading row in capitals ("ПОЛИТИЧЕСКОЕ ВЗАИМОДЕЙСТВИЕ")
/// followed by its measures.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The section's position in the plan, 1–8 (the source does not number them).
    pub number: u32,
    /// The heading as written (upper case in the source).
    pub title: String,
    /// The source lines of the heading.
    pub source_lines: Vec<LineRange>,
    /// Where the heading was read from.
    #[serde(skip)]
    pub fragments: Vec<Fragment>,
}

/// A row of the plan's table: one measure with its four columns (number, measures,
/// participating states, executors).
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    /// The measure's number in the plan ("№ п/п" column), 1–139.
    pub number: u32,
    /// The number of the section the measure stands in.
    pub section: u32,
    /// The measure's text; paragraphs are separated by "\n".
    pub text: String,
    /// The participating-states cell as written.
    pub participants: String,
    /// The executors cell split into the bodies it names, as written.
    pub executors: Vec<String>,
    /// The source lines the row spans (more than one range when it crosses a page break).
    pub source_lines: Vec<LineRange>,
    /// Where each column of the row was read from.
    #[serde(skip)]
    pub fields: MeasureFragments,
}

/// Where each field of a measure was read from.
#[derive(Debug, Clone, Default)]
pub struct MeasureFragments {
    /// The number cell ("1.").
    pub number: Vec<Fragment>,
    /// The measures cell (the measure's text).
    pub text: Vec<Fragment>,
    /// The participating-states cell.
    pub participants: Vec<Fragment>,
    /// The executors cell.
    pub executors: Vec<Fragment>,
}

impl MeasureFragments {
    /// Every fragment of the measure: number, text, participants, then executors.
    pub fn all(&self) -> impl Iterator<Item = &Fragment> {
        self.number
            .iter()
            .chain(&self.text)
            .chain(&self.participants)
            .chain(&self.executors)
    }
}

/// The whole source read into the model: the decision, the plan's front matter, and its table
/// of 8 sections and 139 measures.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// The decision that approves the plan.
    pub decision: Decision,
    /// The approval note above the plan ("УТВЕРЖДЕН Решением … № 1 от 10 ноября 2020 года").
    pub approval: String,
    /// The plan's title ("План действий на 2021-2025 годы по реализации Стратегии …").
    pub title: String,
    /// The sentence between the title and the table ("Государства-члены ШОС осуществляют …").
    pub preamble: String,
    /// The table's sections in order, numbered 1–8.
    pub sections: Vec<Section>,
    /// The table's measures in order, numbered 1–139.
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
    /// The section with this number (1–8), if there is one.
    pub fn section(&self, number: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }

    /// The measure with this number (1–139), if there is one.
    pub fn measure(&self, number: u32) -> Option<&Measure> {
        self.measures.iter().find(|m| m.number == number)
    }
}
