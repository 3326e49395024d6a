//! What a lookup query may be: not empty, no control characters, and bounded in characters and
//! in words. Checked by every caller that takes a query from outside (`GET /api/lookup`,
//! `sco-kg lookup`) through [`check_query`], and once more by [`super::LookupIndex::search`],
//! which finds nothing for a query beyond the bounds, so that no caller can make it work for
//! seconds.
//!
//! Why bounds at all: a lookup's cost grows with its words and with their length (each word is
//! compared with the whole vocabulary and the postings of its labels, and its neighbourhood for
//! typos grows with the square of its length): four lookups of 60 KB each kept the server busy
//! for seconds. Why these: the longest label or alias of the graph has 261 characters and the
//! wordiest 38 words (titles of RATS registers, in Russian and English); a title pasted whole
//! into a search box must still find its document, so the caps leave room above both, and
//! nothing a person types to find a name comes near them.

use unicode_normalization::UnicodeNormalization;

use super::text;
use crate::i18n::Message;

/// The most characters (Unicode scalar values) of a query, surrounding white space not counted.
pub const MAX_QUERY_CHARS: usize = 300;

/// The most words of a query, as lookup splits it: runs of letters and digits, and runs of
/// Chinese characters (punctuation and spaces separate them).
pub const MAX_QUERY_WORDS: usize = 40;

/// Why a query is not looked up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryRefusal {
    /// Empty or only white space.
    #[error("nothing to look up: the query is empty or only white space")]
    Empty,
    /// More characters than [`MAX_QUERY_CHARS`].
    #[error("the query has {chars} characters; at most {limit} are looked up")]
    TooLong {
        /// The query's characters, surrounding white space not counted.
        chars: usize,
        /// The cap, [`MAX_QUERY_CHARS`].
        limit: usize,
    },
    /// More words than [`MAX_QUERY_WORDS`].
    #[error("the query has {words} words; at most {limit} are looked up")]
    TooManyWords {
        /// The query's words, as lookup splits it.
        words: usize,
        /// The cap, [`MAX_QUERY_WORDS`].
        limit: usize,
    },
    /// The code point of the first control character.
    #[error("the query holds a control character (U+{0:04X})")]
    Control(u32),
}

impl QueryRefusal {
    /// What to tell the person who sent the query, in no language yet.
    pub fn message(&self) -> Message {
        match self {
            Self::Empty => Message::new("lookup-error-empty"),
            Self::TooLong { chars, limit } => Message::new("lookup-error-too-long")
                .arg("chars", *chars)
                .arg("limit", *limit),
            Self::TooManyWords { words, limit } => Message::new("lookup-error-too-many-words")
                .arg("words", *words)
                .arg("limit", *limit),
            Self::Control(code) => {
                Message::new("lookup-error-control").arg("code", format!("U+{code:04X}"))
            }
        }
    }
}

/// The query as it is looked up (without surrounding white space), or why it is refused.
/// Refusing costs one pass over the text, however long.
pub fn check_query(q: &str) -> Result<&str, QueryRefusal> {
    let q = q.trim();
    if q.is_empty() {
        return Err(QueryRefusal::Empty);
    }
    let chars = q.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(QueryRefusal::TooLong {
            chars,
            limit: MAX_QUERY_CHARS,
        });
    }
    // A tab, a new line or an escape inside a name is a pasting or encoding mistake, never a
    // way to find one: said, rather than silently taken for a space.
    if let Some(c) = q.chars().find(|c| c.is_control()) {
        return Err(QueryRefusal::Control(c as u32));
    }
    // Counted as `search` splits the query (NFC first), so that the cap is on the words it
    // would compare.
    let normalised: String = q.nfc().collect();
    let words = text::tokenize(&normalised).len();
    if words > MAX_QUERY_WORDS {
        return Err(QueryRefusal::TooManyWords {
            words,
            limit: MAX_QUERY_WORDS,
        });
    }
    Ok(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_queries_pass_trimmed() {
        assert_eq!(check_query("  RATS \n"), Ok("RATS"));
        assert_eq!(check_query("反恐"), Ok("反恐"));
        assert_eq!(check_query("!!!"), Ok("!!!"));
    }

    #[test]
    fn empty_and_blank_queries_are_refused() {
        for q in ["", " ", "\t\n ", "\u{3000}"] {
            assert_eq!(check_query(q), Err(QueryRefusal::Empty), "{q:?}");
        }
    }

    #[test]
    fn control_characters_are_refused() {
        assert_eq!(check_query("RA\u{0}TS"), Err(QueryRefusal::Control(0)));
        assert_eq!(
            check_query("Secretariat\u{1b}[31m"),
            Err(QueryRefusal::Control(0x1b))
        );
        assert_eq!(check_query("a\nb"), Err(QueryRefusal::Control(0x0a)));
        assert_eq!(check_query("a\u{85}b"), Err(QueryRefusal::Control(0x85)));
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        // 300 Cyrillic letters are 600 bytes, and allowed.
        let at_limit = "ж".repeat(MAX_QUERY_CHARS);
        assert_eq!(check_query(&at_limit), Ok(at_limit.as_str()));
        let over = "ж".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(
            check_query(&over),
            Err(QueryRefusal::TooLong {
                chars: MAX_QUERY_CHARS + 1,
                limit: MAX_QUERY_CHARS
            })
        );
        let huge = "a".repeat(60_000);
        assert!(matches!(
            check_query(&huge),
            Err(QueryRefusal::TooLong { chars: 60_000, .. })
        ));
    }

    #[test]
    fn words_are_counted_as_lookup_splits_them() {
        let at_limit = vec!["ab"; MAX_QUERY_WORDS].join(" ");
        assert!(check_query(&at_limit).is_ok());
        let over = vec!["ab"; MAX_QUERY_WORDS + 1].join(",");
        assert_eq!(
            check_query(&over),
            Err(QueryRefusal::TooManyWords {
                words: MAX_QUERY_WORDS + 1,
                limit: MAX_QUERY_WORDS
            })
        );
        // Chinese runs and words alternate: each run is a word.
        let mixed = "反a".repeat(MAX_QUERY_WORDS / 2 + 1);
        assert!(matches!(
            check_query(&mixed),
            Err(QueryRefusal::TooManyWords { .. })
        ));
    }

    #[test]
    fn the_longest_labels_of_the_graph_fit() {
        let longest = "Единый разыскной реестр лиц, объявленных специальными службами и \
                       правоохранительными органами государств-членов ШОС в международный \
                       розыск за совершение или по подозрению в совершении преступлений \
                       террористического, сепаратистского или экстремистского характера";
        assert!(check_query(longest).is_ok());
        let wordiest = "Record Table of Persons Travelling to Regions of Heightened Terrorist \
                        Activity to Take Part in Armed Conflicts on the Side of International \
                        Terrorist Organisations, and of Persons Returning from There to the \
                        Territories of the SCO Member States";
        assert!(check_query(wordiest).is_ok());
    }
}
