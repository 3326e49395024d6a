//! The grammar of the two narrow cells: the participants list and the executors list.

use std::sync::LazyLock;

use regex::Regex;

use super::join::collapse;
use super::lexicon::Lexicon;

/// How far a participants cell has been read.
#[derive(Debug, PartialEq, Eq)]
pub enum ListState {
    /// Every item is a whole designation.
    Complete,
    /// The last item is the beginning of a designation (or empty after a comma).
    Partial,
    /// The text is not a list of designations.
    Invalid,
}

/// Reads `text` as a comma-separated list of the lexicon's participant designations.
/// A full stop after the last item is tolerated: the source writes "ШОС." once.
pub fn participants_state(text: &str, lexicon: &Lexicon) -> ListState {
    let text = collapse(text).to_lowercase();
    let items: Vec<&str> = text.split(',').map(str::trim).collect();
    let terms = lexicon.lower_terms();
    let (last, whole) = items.split_last().expect("split yields at least one item");
    if !whole.iter().all(|item| terms.iter().any(|t| t == item)) {
        return ListState::Invalid;
    }
    let last = last.strip_suffix('.').unwrap_or(last);
    if last.is_empty() {
        return if whole.is_empty() {
            ListState::Invalid
        } else {
            ListState::Partial
        };
    }
    if terms.iter().any(|t| t == last) {
        return ListState::Complete;
    }
    let begins_term = terms.iter().any(|t| {
        t.strip_prefix(last)
            .is_some_and(|rest| rest.starts_with(' ') || last.ends_with('-'))
    });
    if begins_term {
        ListState::Partial
    } else {
        ListState::Invalid
    }
}

/// Whether `text` can open a participants cell.
pub fn opens_participants(text: &str, lexicon: &Lexicon) -> bool {
    participants_state(text, lexicon) != ListState::Invalid
}

/// Prepositions that follow a participle opening a clause ("отвечающие за …").
const PREPOSITIONS: &[&str] = &[
    "за", "в", "во", "на", "по", "при", "с", "со", "от", "для", "к", "из",
];

/// A participial clause ("отвечающие за вопросы …", "председательствующего в Организации")
/// describes the body before its comma; it names no body of its own.
fn is_participial_clause(segment: &str) -> bool {
    let mut words = segment.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("(ющ|ущ|ащ|ящ|вш)(ий|ая|ее|ие|его|ей|их|ему|им|ими|ую|ем)$")
            .expect("valid regex")
    });
    let participle = PARTICIPLE.is_match(&first.to_lowercase());
    participle && PREPOSITIONS.contains(&second)
}

/// Splits an executors cell into the bodies it names.
///
/// Commas separate bodies, except before a participial clause or a further state of a list of
/// states, which both belong to the body before them.
pub fn split_executors(cell: &str, lexicon: &Lexicon) -> Vec<String> {
    let mut bodies: Vec<String> = Vec::new();
    for segment in cell.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let continues = is_participial_clause(segment) || lexicon.is_state_form(segment);
        match bodies.last_mut() {
            Some(previous) if continues => {
                previous.push_str(", ");
                previous.push_str(segment);
            }
            _ => bodies.push(segment.to_string()),
        }
    }
    bodies
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::new(
            [
                "Государства-члены ШОС",
                "Казахстан",
                "Китай",
                "Кыргызская Республика",
            ]
            .map(String::from)
            .to_vec(),
            ["Казахстана", "Китая"].map(String::from).to_vec(),
        )
    }

    #[test]
    fn participants_lists() {
        let l = lexicon();
        assert_eq!(
            participants_state("Государства-члены", &l),
            ListState::Partial
        );
        assert_eq!(
            participants_state("Государства-члены ШОС", &l),
            ListState::Complete
        );
        assert_eq!(
            participants_state("Государства-члены ШОС.", &l),
            ListState::Complete
        );
        assert_eq!(
            participants_state("Казахстан, Китай,", &l),
            ListState::Partial
        );
        assert_eq!(participants_state("Кыргызская", &l), ListState::Partial);
        assert_eq!(
            participants_state("Государства-члены ШОС Профильные", &l),
            ListState::Invalid
        );
        assert_eq!(
            participants_state("Кыргызской Республикой.", &l),
            ListState::Invalid
        );
    }

    #[test]
    fn executors_split_on_commas_but_keep_clauses_and_state_lists() {
        let l = lexicon();
        assert_eq!(
            split_executors(
                "Министерства и ведомства, отвечающие за туризм, Секретариат ШОС",
                &l
            ),
            [
                "Министерства и ведомства, отвечающие за туризм",
                "Секретариат ШОС"
            ]
        );
        assert_eq!(
            split_executors("ведомства Казахстана, Китая, МФЦА", &l),
            ["ведомства Казахстана, Китая", "МФЦА"]
        );
        assert_eq!(
            split_executors("соответствующие аналитические структуры, РАТС ШОС", &l),
            ["соответствующие аналитические структуры", "РАТС ШОС"]
        );
    }
}
