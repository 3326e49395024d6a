//! Rejoins the lines of a cell into the text the table's author wrote.
//!
//! The extraction breaks lines at the column's width. A line that ends in a hyphen is either a
//! compound broken at its own hyphen ("государств-" + "членов") or a word hyphenated by the
//! typesetter; a line may also end in the middle of a word with no hyphen at all
//! ("председательствующег" + "о"). The document's own vocabulary decides: a join is a word
//! only if that word occurs inside a line somewhere in the document.

use std::collections::HashSet;

use super::source::Line;

/// The words that occur inside lines (never a line's first or last word, which may be a
/// fragment), lower-cased.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    pub fn of(lines: &[Line<'_>]) -> Self {
        let mut words = HashSet::new();
        for line in lines {
            let tokens: Vec<&str> = line.text.split_whitespace().collect();
            if tokens.len() > 2 {
                for token in &tokens[1..tokens.len() - 1] {
                    let word = bare(token);
                    if !word.is_empty() && !words.contains(word) {
                        words.insert(lower(word));
                    }
                }
            }
        }
        Self { words }
    }

    fn contains(&self, word: &str) -> bool {
        self.words.contains(&lower(word))
    }
}

/// Lower case, without the cost of Unicode case mapping for words already in lower case.
fn lower(word: &str) -> String {
    if word.chars().any(char::is_uppercase) {
        word.to_lowercase()
    } else {
        word.to_string()
    }
}

/// A token without the punctuation around it.
fn bare(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether a text ends a sentence.
pub fn ends_sentence(text: &str) -> bool {
    let text = text.trim_end_matches(['»', '"', ')', ' ']);
    text.ends_with(['.', '!', '?'])
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

fn starts_lower(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Collapses runs of white space into one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How one line continues the text before it.
#[derive(Debug, PartialEq, Eq)]
enum Joint {
    /// The next line continues the word (hyphen kept if `keep_hyphen`).
    Word {
        drop_hyphen: bool,
    },
    Space,
    Paragraph,
}

fn joint(before: &str, after: &str, vocabulary: &Vocabulary, paragraphs: bool) -> Joint {
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let first = after.split_whitespace().next().unwrap_or("");
    let first_word = bare(first);
    if let Some(stem) = last.strip_suffix('-') {
        let stem = bare(stem);
        if !stem.is_empty() && starts_lower(first) {
            let unhyphenated = format!("{stem}{first_word}");
            let hyphenated = format!("{stem}-{first_word}");
            let drop_hyphen =
                vocabulary.contains(&unhyphenated) && !vocabulary.contains(&hyphenated);
            return Joint::Word { drop_hyphen };
        }
        if !stem.is_empty() {
            return Joint::Word { drop_hyphen: false };
        }
    }
    if !last.is_empty()
        && last.chars().all(char::is_alphabetic)
        && starts_lower(first)
        && !vocabulary.contains(last)
        && vocabulary.contains(&format!("{last}{first_word}"))
    {
        return Joint::Word { drop_hyphen: false };
    }
    if paragraphs && ends_sentence(before) && starts_upper(after) {
        return Joint::Paragraph;
    }
    Joint::Space
}

fn join_with(pieces: &[&str], vocabulary: &Vocabulary, paragraphs: bool) -> String {
    let mut out = String::new();
    for piece in pieces {
        let piece = collapse(piece);
        if piece.is_empty() {
            continue;
        }
        if out.is_empty() {
            out = piece;
            continue;
        }
        match joint(&out, &piece, vocabulary, paragraphs) {
            Joint::Word { drop_hyphen } => {
                if drop_hyphen {
                    out.pop();
                }
            }
            Joint::Space => out.push(' '),
            Joint::Paragraph => out.push('\n'),
        }
        out.push_str(&piece);
    }
    out
}

/// Joins the lines of a text cell; a sentence that ends a line and a capital that starts the
/// next begin a new paragraph ("\n").
pub fn paragraphs(pieces: &[&str], vocabulary: &Vocabulary) -> String {
    join_with(pieces, vocabulary, true)
}

/// Joins the lines of a short cell into one line.
pub fn inline(pieces: &[&str], vocabulary: &Vocabulary) -> String {
    join_with(pieces, vocabulary, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::source::lines;

    fn vocabulary(text: &str) -> Vocabulary {
        Vocabulary::of(&lines(text))
    }

    #[test]
    fn compound_keeps_its_hyphen() {
        let v = vocabulary("x государств-членов y");
        assert_eq!(
            inline(&["ведомства государств-", "членов ШОС"], &v),
            "ведомства государств-членов ШОС"
        );
    }

    #[test]
    fn typesetter_hyphen_is_dropped_when_the_word_occurs_elsewhere() {
        let v = vocabulary("в сотрудничестве с");
        assert_eq!(inline(&["о сотрудни-", "честве"], &v), "о сотрудничестве");
    }

    #[test]
    fn word_broken_without_hyphen_is_rejoined() {
        let v = vocabulary("городов председательствующего государства");
        assert_eq!(
            inline(&["туризма, председательствующег", "о в Организации"], &v),
            "туризма, председательствующего в Организации"
        );
    }

    #[test]
    fn sentence_then_capital_starts_a_paragraph() {
        let v = Vocabulary::default();
        assert_eq!(
            paragraphs(&["условий для  перевозок.", "Проведение заседаний"], &v),
            "условий для перевозок.\nПроведение заседаний"
        );
        assert_eq!(paragraphs(&["ШОС в", "г. Бишкеке"], &v), "ШОС в г. Бишкеке");
    }
}
