//! The front matter: the decision, its signatures, and the plan's approval note, title and
//! preamble, up to the table's header row.
//!
//! The extraction separates the document's blocks by runs of blank lines; each block here has
//! one role, in a fixed order.

use std::sync::LazyLock;

use regex::Regex;

use super::error::{Expected, IngestError, IngestErrorKind, Missing};
use super::join::{self, Vocabulary};
use super::model::{line_ranges, Date, Decision, Fragment, Signatory};
use super::source::Line;

/// Russian month names in the genitive, as dates are written ("10 ноября 2020 года").
const MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

pub fn month_number(genitive: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| *m == genitive.to_lowercase())
        .map(|i| i as u32 + 1)
}

/// What precedes the table.
#[derive(Debug)]
pub struct FrontMatter {
    pub decision: Decision,
    pub approval: String,
    pub title: String,
    pub preamble: String,
    /// Lines of the front matter by role, for the accounting of every line.
    pub fragments: Vec<Fragment>,
    /// Index (into the non-blank lines) of the table's header row.
    pub table_index: usize,
}

/// Marks of the document's format: the annex heading, the approval stamp, and the first cell
/// of the table's header row. Errors quote them as they are, in every language.
pub(super) const ANNEX: &str = "Приложение";
pub(super) const APPROVED: &str = "УТВЕРЖДЕН";
const HEADER_FIRST_CELL: &str = "№";

/// Text of the expected form, which errors quote as they are in every language: the kind of
/// act, the decision's date line, the approval note's reference to the decision, and the
/// header row's first cell as the extraction splits it over two lines.
pub(super) const ACT_KIND_EXAMPLE: &str = "РЕШЕНИЕ";
pub(super) const DATE_LINE_EXAMPLE: &str = "10 ноября 2020 года № 1 город Москва";
pub(super) const APPROVAL_EXAMPLE: &str = "№ 1 от 10 ноября 2020 года";
pub(super) const HEADER_ROW_EXAMPLE: &str = "№ п/п";

// ASCII digits and "a run of letters" as [^\s0-9]: the month name is checked against the
// month table after the match. (Unicode classes such as \p{L} and \d take milliseconds to
// compile, a tenth of the whole graph's build.)
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,2})\s+([^\s0-9]+)\s+([0-9]{4})\s+года\s+№\s*([0-9]+)\s+город\s+(.+)$")
        .expect("regex")
});
static APPROVAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"№\s*([0-9]+)\s+от\s+([0-9]{1,2})\s+([^\s0-9]+)\s+([0-9]{4})\s+года")
        .expect("regex")
});

struct Blocks<'s, 'a> {
    lines: &'s [Line<'a>],
    next: usize,
}

impl<'s, 'a> Blocks<'s, 'a> {
    /// The next run of lines not cut by a page gap; `what` names it for the error.
    fn take(&mut self, what: Missing) -> Result<&'s [Line<'a>], IngestError> {
        let start = self.next;
        if start >= self.lines.len() {
            let line = self.lines.last().map_or(1, |l| l.number + 1);
            return Err(IngestError::new(
                line,
                IngestErrorKind::Truncated { missing: what },
            ));
        }
        let mut end = start + 1;
        while end < self.lines.len() && !self.lines[end].after_page_break() {
            end += 1;
        }
        self.next = end;
        Ok(&self.lines[start..end])
    }

    fn peek(&self) -> Option<&'s Line<'a>> {
        self.lines.get(self.next)
    }
}

fn texts<'a>(block: &[Line<'a>]) -> Vec<&'a str> {
    block.iter().map(|l| l.text).collect()
}

fn unexpected(line: &Line<'_>, expected: Expected) -> IngestError {
    IngestError::new(
        line.number,
        IngestErrorKind::Unexpected {
            expected,
            found: line.text.into(),
        },
    )
}

fn is_upper(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// The second line of a signature names the state in the genitive ("Республики Индии",
/// "Российской Федерации"); the lines before it name the office.
fn names_state(text: &str) -> bool {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(',');
    ["ой", "ей", "ики", "ии"]
        .iter()
        .any(|ending| first.ends_with(ending))
}

pub fn parse<'a>(lines: &[Line<'a>], vocabulary: &Vocabulary) -> Result<FrontMatter, IngestError> {
    let mut blocks = Blocks { lines, next: 0 };
    let mut fragments: Vec<Fragment> = Vec::new();
    let take = |blocks: &mut Blocks<'_, 'a>, what: Missing| -> Result<Vec<Line<'a>>, IngestError> {
        Ok(blocks.take(what)?.to_vec())
    };

    let heading = take(&mut blocks, Missing::DecisionHeading)?;
    if heading.len() < 2 || !heading.iter().all(|l| is_upper(l.text)) {
        return Err(unexpected(&heading[0], Expected::CapitalHeading));
    }
    let organisation = join::collapse(heading[0].text);
    let issuing_body = join::inline(&texts(&heading[1..]), vocabulary);

    let kind_block = take(&mut blocks, Missing::ActKind)?;
    if kind_block.len() != 1 || !is_upper(kind_block[0].text) {
        return Err(unexpected(&kind_block[0], Expected::ActKindLine));
    }
    let kind = join::collapse(kind_block[0].text);

    let dated = take(&mut blocks, Missing::DateLine)?;
    let caps = DATE_LINE
        .captures(dated[0].text)
        .ok_or_else(|| unexpected(&dated[0], Expected::DateLine))?;
    let bad_date = || unexpected(&dated[0], Expected::ValidDate);
    let date = Date {
        day: caps[1].parse().map_err(|_| bad_date())?,
        month: month_number(&caps[2]).ok_or_else(bad_date)?,
        year: caps[3].parse().map_err(|_| bad_date())?,
    };
    let number: u32 = caps[4]
        .parse()
        .map_err(|_| unexpected(&dated[0], Expected::DecisionNumber))?;
    let place = join::collapse(&caps[5]);
    if dated.len() < 2 {
        return Err(IngestError::new(
            dated[0].number + 1,
            IngestErrorKind::Truncated {
                missing: Missing::DecisionTitle,
            },
        ));
    }
    let title = join::inline(&texts(&dated[1..]), vocabulary);

    let operative = take(&mut blocks, Missing::OperativeText)?;
    let text = join::paragraphs(&texts(&operative), vocabulary);

    let mut signature_lines: Vec<Line<'_>> = Vec::new();
    loop {
        match blocks.peek() {
            Some(line) if line.text == ANNEX => break,
            Some(_) => signature_lines.extend(take(&mut blocks, Missing::Signatures)?),
            None => {
                let line = lines.last().map_or(1, |l| l.number + 1);
                return Err(IngestError::new(
                    line,
                    IngestErrorKind::Truncated {
                        missing: Missing::Annex,
                    },
                ));
            }
        }
    }
    let mut signatories = Vec::new();
    let mut office: Vec<&Line<'_>> = Vec::new();
    for line in &signature_lines {
        if names_state(line.text) && !office.is_empty() {
            let parts: Vec<&str> = office.iter().map(|l| l.text).collect();
            let office_text = join::inline(&parts, vocabulary);
            let mut frags: Vec<Fragment> = office.iter().map(|l| l.fragment()).collect();
            frags.push(line.fragment());
            signatories.push(Signatory {
                office: office_text,
                state: join::collapse(line.text),
                fragments: frags,
            });
            office.clear();
        } else {
            office.push(line);
        }
    }
    if let Some(dangling) = office.first() {
        return Err(unexpected(dangling, Expected::Signature));
    }
    if signatories.is_empty() {
        let line = signature_lines
            .first()
            .map_or(operative[0].number, |l| l.number);
        return Err(IngestError::new(
            line,
            IngestErrorKind::Truncated {
                missing: Missing::Signatures,
            },
        ));
    }

    let mut decision_fragments: Vec<Fragment> = heading
        .iter()
        .chain(&kind_block)
        .chain(&dated)
        .chain(&operative)
        .chain(&signature_lines)
        .map(Line::fragment)
        .collect();
    decision_fragments.sort();

    let annex = take(&mut blocks, Missing::Annex)?;
    let approval_block = take(&mut blocks, Missing::ApprovalNote)?;
    if approval_block[0].text != APPROVED {
        return Err(unexpected(&approval_block[0], Expected::ApprovalNote));
    }
    let approval = join::inline(&texts(&approval_block), vocabulary);
    let approval_caps = APPROVAL
        .captures(&approval)
        .ok_or_else(|| unexpected(&approval_block[0], Expected::ApprovalReference))?;
    let approval_number: u32 = approval_caps[1].parse().unwrap_or(0);
    let approval_date = Date {
        day: approval_caps[2].parse().unwrap_or(0),
        month: month_number(&approval_caps[3]).unwrap_or(0),
        year: approval_caps[4].parse().unwrap_or(0),
    };
    if approval_number != number || approval_date != date {
        return Err(IngestError::new(
            approval_block[0].number,
            IngestErrorKind::ApprovalMismatch {
                approval_number,
                approval_date: approval_date.to_string(),
                number,
                date: date.to_string(),
            },
        ));
    }

    let plan_title = take(&mut blocks, Missing::PlanTitle)?;
    let mut preamble_lines: Vec<Line<'_>> = Vec::new();
    loop {
        match blocks.peek() {
            Some(line) if line.text == HEADER_FIRST_CELL => break,
            Some(_) => preamble_lines.extend(take(&mut blocks, Missing::Preamble)?),
            None => {
                let line = lines.last().map_or(1, |l| l.number + 1);
                return Err(IngestError::new(
                    line,
                    IngestErrorKind::Truncated {
                        missing: Missing::HeaderRow,
                    },
                ));
            }
        }
    }
    if preamble_lines.is_empty() {
        let line = blocks.peek().map_or(1, |l| l.number);
        return Err(IngestError::new(
            line,
            IngestErrorKind::Truncated {
                missing: Missing::Preamble,
            },
        ));
    }

    fragments.extend(&decision_fragments);
    fragments.extend(
        annex
            .iter()
            .chain(&approval_block)
            .chain(&plan_title)
            .chain(&preamble_lines)
            .map(Line::fragment),
    );

    Ok(FrontMatter {
        decision: Decision {
            organisation,
            issuing_body,
            kind,
            number,
            date,
            place,
            title,
            text,
            signatories,
            source_lines: line_ranges(&decision_fragments),
            fragments: decision_fragments,
        },
        approval,
        title: join::inline(&texts(&plan_title), vocabulary),
        preamble: join::paragraphs(&texts(&preamble_lines), vocabulary),
        fragments,
        table_index: blocks.next,
    })
}
