//! Why a query is refused before evaluation: the limit it passes, as data. Rendered in words
//! once, at the edge ([`Refusal::message`]: the server's 400, the CLI's message).

use std::fmt;

use crate::i18n::Message;

/// A query the checks refuse, with the figures that say why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Groups, brackets, expressions or paths nest deeper than `limit` ([`super::MAX_DEPTH`]).
    TooDeep {
        /// The deepest nesting allowed.
        limit: usize,
    },
    /// Parentheses nest deeper than `limit` ([`super::MAX_PARENTHESES`]).
    ParenthesesTooDeep {
        /// The deepest nesting of parentheses allowed.
        limit: usize,
    },
    /// More than `limit` triple patterns, path steps and VALUES blocks
    /// ([`super::MAX_PATTERNS`]).
    TooManyPatterns {
        /// The most patterns allowed.
        limit: usize,
    },
    /// `parts` unrelated parts would make about `combinations` combinations between two checks
    /// of the cancellation token, more than [`super::MAX_PRODUCT`].
    CartesianProduct {
        /// How many unrelated parts the group has.
        parts: usize,
        /// The estimated combinations between two checks of the token.
        combinations: u64,
    },
    /// A part held whole in memory would have about `rows` rows, more than `limit`
    /// ([`super::MAX_GATHERED`]).
    GatheredTooLarge {
        /// The estimated rows of the part.
        rows: u64,
        /// The most rows a part may gather.
        limit: u64,
    },
    /// An ORDER BY would sort about `rows` rows, more than `limit` ([`super::MAX_SORTED`]).
    SortTooLarge {
        /// The estimated rows to sort.
        rows: u64,
        /// The most rows an ORDER BY may sort.
        limit: u64,
    },
    /// An expression could build a string of up to `bytes` bytes (saturated at `u64::MAX`),
    /// more than `limit` ([`super::growth::MAX_STRING_BYTES`]).
    StringGrowth {
        /// The longest string the expression could build, in bytes.
        bytes: u64,
        /// The most bytes a built string may have.
        limit: u64,
    },
}

impl Refusal {
    /// The refusal in words, in any of the service's languages.
    pub fn message(&self) -> Message {
        match *self {
            Self::TooDeep { limit } => Message::new("api-error-too-deep").arg("limit", limit),
            Self::ParenthesesTooDeep { limit } => {
                Message::new("api-error-parentheses-too-deep").arg("limit", limit)
            }
            Self::TooManyPatterns { limit } => {
                Message::new("api-error-too-many-patterns").arg("limit", limit)
            }
            Self::CartesianProduct {
                parts,
                combinations,
            } => Message::new("api-error-cartesian-product")
                .arg("parts", parts)
                .arg("combinations", combinations),
            Self::GatheredTooLarge { rows, limit } => Message::new("api-error-gathered-too-large")
                .arg("rows", rows)
                .arg("limit", limit),
            Self::SortTooLarge { rows, limit } => Message::new("api-error-sort-too-large")
                .arg("rows", rows)
                .arg("limit", limit),
            // The limit in MiB, as people read it.
            Self::StringGrowth { bytes, limit } => Message::new("api-error-string-growth")
                .arg("bytes", bytes)
                .arg("limit", limit >> 20),
        }
    }
}

/// In English, for logs.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for Refusal {}
