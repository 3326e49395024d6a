//! One-typo matching: candidates from a deletion neighbourhood (the "symmetric delete" method),
//! confirmed with `strsim::osa_distance` (one insertion, deletion, substitution or transposition
//! of two neighbouring letters).
//!
//! Two words are at most one edit apart only if the word or one of its one-letter deletions
//! equals the other or one of its one-letter deletions; so each indexed string is stored under
//! the hashes of itself and of its deletions, and a query looks up the same for itself.

use std::hash::{DefaultHasher, Hash, Hasher};

/// The shortest query word that may have a typo.
pub(crate) const MIN_QUERY_CHARS: usize = 6;
/// The shortest indexed word a query word with one typo can be (one letter shorter).
const MIN_INDEXED_CHARS: usize = MIN_QUERY_CHARS - 1;

pub(crate) struct FuzzyIndex {
    strings: Vec<Box<str>>,
    /// (hash of a string or one of its deletions, string id), sorted.
    keys: Vec<(u64, u32)>,
}

fn hash(s: &str) -> u64 {
    // SipHash with fixed keys: the same on every run.
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// The string itself and each string with one character removed.
fn neighbourhood(s: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(s.to_string()).chain(s.char_indices().map(move |(i, c)| {
        let mut d = String::with_capacity(s.len());
        d.push_str(&s[..i]);
        d.push_str(&s[i + c.len_utf8()..]);
        d
    }))
}

/// Whether a word may be matched with a typo: long enough, and not a number.
pub(crate) fn eligible(s: &str, min_chars: usize) -> bool {
    s.chars().count() >= min_chars && !s.chars().any(|c| c.is_numeric())
}

impl FuzzyIndex {
    /// Indexes `strings`; their positions are the ids [`FuzzyIndex::matches`] returns.
    pub fn new(strings: Vec<Box<str>>) -> Self {
        let mut keys = Vec::new();
        for (id, s) in strings.iter().enumerate() {
            if eligible(s, MIN_INDEXED_CHARS) {
                keys.extend(neighbourhood(s).map(|d| (hash(&d), id as u32)));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Self { strings, keys }
    }

    /// Calls `found` with the id of every indexed string exactly one edit away from `query`.
    pub fn matches(&self, query: &str, mut found: impl FnMut(u32)) {
        if !eligible(query, MIN_INDEXED_CHARS) {
            return;
        }
        let mut seen: Vec<u32> = Vec::new();
        for d in neighbourhood(query) {
            let h = hash(&d);
            let from = self.keys.partition_point(|&(k, _)| k < h);
            for &(_, id) in self.keys[from..].iter().take_while(|&&(k, _)| k == h) {
                if seen.contains(&id) {
                    continue;
                }
                seen.push(id);
                if strsim::osa_distance(query, &self.strings[id as usize]) == 1 {
                    found(id);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_one_edit_only() {
        let index = FuzzyIndex::new(
            ["secretariat", "secretary", "interbank", "межбанковское"]
                .into_iter()
                .map(Box::from)
                .collect(),
        );
        let find = |q: &str| {
            let mut v = Vec::new();
            index.matches(q, |id| v.push(id));
            v.sort();
            v
        };
        assert_eq!(find("secretariet"), [0]); // substitution
        assert_eq!(find("secretarat"), [0]); // deletion
        assert_eq!(find("secreatriat"), [0]); // transposition
        assert_eq!(find("intterbank"), [2]); // insertion
        assert_eq!(find("межбанковскле"), [3]);
        assert!(find("secretariat").is_empty()); // no edit: an exact match, not a typo
        assert!(find("secrtariet").is_empty()); // two edits
    }
}
