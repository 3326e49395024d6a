//! Text analysis shared by the index and the queries: folding, tokens, stems.
//!
//! Folding: NFKC (full-width Latin and digits become ASCII), lower case, `ё` → `е`, combining
//! marks (stress accents) dropped. A token is a run of letters and digits of one script class:
//! a *word* (Latin, Cyrillic, digits …) or a *CJK* run (Han ideographs), which is matched as a
//! substring because Chinese is written without spaces.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Word,
    Cjk,
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub script: Script,
    /// The folded text of the token.
    pub norm: String,
    /// Byte range of the token in the original text.
    pub start: usize,
    pub end: usize,
    /// Written in capitals ("RATS", "МБО"): an abbreviation, never stemmed.
    pub abbreviation: bool,
}

/// Han ideographs (and 々, 〇).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3005 | 0x3007
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2FFFF)
}

/// Appends the folded form of `c` to `out`.
fn fold_into(c: char, out: &mut String) {
    if c == '№' {
        // NFKC would make it "No"; it only says that a number follows.
        out.push(' ');
        return;
    }
    for n in std::iter::once(c).nfkc() {
        if is_combining_mark(n) {
            continue;
        }
        for l in n.to_lowercase() {
            out.push(if l == 'ё' { 'е' } else { l });
        }
    }
}

/// The folded form of a whole text (no tokenisation).
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_into(c, &mut out);
    }
    out
}

struct Open {
    token: Token,
    letters: usize,
    lower: bool,
}

fn close(open: &mut Option<Open>, tokens: &mut Vec<Token>) {
    if let Some(mut o) = open.take() {
        o.token.abbreviation = o.token.script == Script::Word && o.letters >= 2 && !o.lower;
        tokens.push(o.token);
    }
}

/// Splits `text` into folded tokens, keeping each one's byte range in `text`.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut open: Option<Open> = None;
    let mut folded = String::new();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        folded.clear();
        fold_into(c, &mut folded);
        for f in folded.chars() {
            let script = if is_cjk(f) {
                Some(Script::Cjk)
            } else if f.is_alphanumeric() {
                Some(Script::Word)
            } else {
                None
            };
            match script {
                None => close(&mut open, &mut tokens),
                Some(script) => {
                    if open.as_ref().is_some_and(|o| o.token.script != script) {
                        close(&mut open, &mut tokens);
                    }
                    let o = open.get_or_insert_with(|| Open {
                        token: Token {
                            script,
                            norm: String::new(),
                            start: i,
                            end,
                            abbreviation: false,
                        },
                        letters: 0,
                        lower: false,
                    });
                    o.token.norm.push(f);
                    o.token.end = end;
                    if c.is_alphabetic() {
                        o.letters += 1;
                        o.lower |= c.is_lowercase();
                    }
                }
            }
        }
    }
    close(&mut open, &mut tokens);
    tokens
}

/// The Snowball stemmers: Russian for Cyrillic words, English for Latin ones.
pub(crate) struct Analyzer {
    russian: Stemmer,
    english: Stemmer,
}

impl Analyzer {
    pub fn new() -> Self {
        Self {
            russian: Stemmer::create(Algorithm::Russian),
            english: Stemmer::create(Algorithm::English),
        }
    }

    /// The stem of a word token; abbreviations, numbers, short words and CJK runs stay as they are.
    pub fn stem(&self, token: &Token) -> String {
        let norm = token.norm.as_str();
        if token.script == Script::Cjk
            || token.abbreviation
            || norm.chars().count() <= 3
            || norm.chars().any(|c| c.is_numeric())
        {
            return norm.to_string();
        }
        if norm.chars().any(|c| matches!(c, 'а'..='я')) {
            self.russian.stem(norm).into_owned()
        } else if norm.chars().all(|c| c.is_ascii_alphabetic()) {
            self.english.stem(norm).into_owned()
        } else {
            norm.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_yo_width_and_accents() {
        assert_eq!(fold("Зелёный ＲＡＴＳ"), "зеленый rats");
        assert_eq!(fold("сотру\u{301}дничество"), "сотрудничество");
        assert_eq!(fold("№14"), " 14");
    }

    #[test]
    fn splits_words_and_cjk_runs() {
        let t = tokenize("《上合组织2018—2023年禁毒战略》 РАТС ШОС, state-members");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            [
                "上合组织",
                "2018",
                "2023",
                "年禁毒战略",
                "ратс",
                "шос",
                "state",
                "members"
            ]
        );
        assert_eq!(t[0].script, Script::Cjk);
        assert!(t[4].abbreviation && !t[6].abbreviation);
        let text = "Секретариатом ШОС";
        assert_eq!(&text[t_range(&tokenize(text)[0])], "Секретариатом");
    }

    fn t_range(t: &Token) -> std::ops::Range<usize> {
        t.start..t.end
    }

    #[test]
    fn stems_russian_and_english() {
        let a = Analyzer::new();
        let stem = |w: &str| a.stem(&tokenize(w)[0]);
        assert_eq!(stem("Секретариатом"), stem("Секретариат"));
        assert_eq!(stem("Межбанковского"), stem("Межбанковское"));
        assert_eq!(stem("consortiums"), stem("consortium"));
        assert_eq!(stem("RATS"), "rats");
    }
}
