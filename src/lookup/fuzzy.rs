//! Typo matching that scales with the word: no typo in words of up to 3 letters, one in words of
//! 4 to 7, two in longer ones ([`max_edits`]), counted on the shorter of the two words compared
//! (a long query word is not two edits from a short stem: "interbnk" is not "intern"). Candidates come from deletion neighbourhoods (the
//! "symmetric delete" method) and are confirmed with `strsim::damerau_levenshtein`: an
//! insertion, a deletion, a substitution or two letters swapped each count as one edit
//! ("Inida" is one edit from "India", "Kirgizstan" two from "Kyrgyzstan").
//!
//! Two words are at most k edits apart only if some deletion of at most k letters from one
//! equals some deletion of at most k letters from the other; so each indexed string is stored
//! under the hashes of itself and of its deletions, and a query looks up the same for itself.

use std::hash::{DefaultHasher, Hash, Hasher};

/// The shortest query word that may have a typo.
pub(crate) const MIN_QUERY_CHARS: usize = 4;
/// The shortest query word that may have two.
const TWO_EDITS_CHARS: usize = 8;
/// The longest query word looked up with typos. Its neighbourhood grows with the square of its
/// length; no word of the graph is near this long (the longest, Russian adjectives, have about
/// 25 letters), so a longer one can only be pasted junk.
const MAX_QUERY_CHARS: usize = 40;
/// The shortest indexed word a query word with one typo can be (one letter shorter).
const MIN_INDEXED_CHARS: usize = MIN_QUERY_CHARS - 1;
/// The shortest indexed word a query word may be two typos away from (the shorter word counts).
const MIN_TWO_EDITS_INDEXED_CHARS: usize = TWO_EDITS_CHARS;

/// How many typos a query word of `chars` letters may have. Short words get none: one edit
/// turns most three-letter words into other words ("sco" → "sc", "seo", "sch").
pub(crate) fn max_edits(chars: usize) -> usize {
    if chars >= TWO_EDITS_CHARS {
        2
    } else if chars >= MIN_QUERY_CHARS {
        1
    } else {
        0
    }
}

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

/// The hashes of `s` and of each string made from it by deleting up to `depth` characters
/// (repeats where two deletions give the same string).
fn neighbourhood(s: &str, depth: usize, out: &mut Vec<u64>) {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut buf = String::with_capacity(s.len());
    let mut push = |skip: &[usize], buf: &mut String| {
        buf.clear();
        buf.extend(
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| !skip.contains(i))
                .map(|(_, c)| c),
        );
        out.push(hash(buf));
    };
    push(&[], &mut buf);
    if depth >= 1 {
        for i in 0..n {
            push(&[i], &mut buf);
            if depth >= 2 {
                for j in i + 1..n {
                    push(&[i, j], &mut buf);
                }
            }
        }
    }
}

/// Whether a word may be matched with a typo: long enough, and not a number.
pub(crate) fn eligible(s: &str, min_chars: usize) -> bool {
    s.chars().count() >= min_chars && !s.chars().any(|c| c.is_numeric())
}

/// The deletion depth a string is indexed with: as many as a query word may have typos when it
/// can be that string with them.
fn indexed_depth(s: &str) -> usize {
    if !eligible(s, MIN_INDEXED_CHARS) {
        0
    } else if s.chars().count() >= MIN_TWO_EDITS_INDEXED_CHARS {
        2
    } else {
        1
    }
}

impl FuzzyIndex {
    /// Indexes `strings`; their positions are the ids [`FuzzyIndex::matches`] returns.
    pub fn new(strings: Vec<Box<str>>) -> Self {
        let mut keys = Vec::new();
        let mut hashes = Vec::new();
        for (id, s) in strings.iter().enumerate() {
            let depth = indexed_depth(s);
            if depth > 0 {
                hashes.clear();
                neighbourhood(s, depth, &mut hashes);
                keys.extend(hashes.iter().map(|&h| (h, id as u32)));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Self { strings, keys }
    }

    /// Calls `found` with the id of every indexed string 1 to [`max_edits`] edits away from
    /// `query`, of the shorter of the two (an exact match is not a typo), and how many edits
    /// away it is.
    pub fn matches(&self, query: &str, mut found: impl FnMut(u32, u8)) {
        if !eligible(query, MIN_QUERY_CHARS) || query.chars().count() > MAX_QUERY_CHARS {
            return;
        }
        let k = max_edits(query.chars().count());
        let mut hashes = Vec::new();
        neighbourhood(query, k, &mut hashes);
        hashes.sort_unstable();
        hashes.dedup();
        let mut seen: Vec<u32> = Vec::new();
        for h in hashes {
            let from = self.keys.partition_point(|&(key, _)| key < h);
            for &(_, id) in self.keys[from..].iter().take_while(|&&(key, _)| key == h) {
                if seen.contains(&id) {
                    continue;
                }
                seen.push(id);
                let s = &self.strings[id as usize];
                let allowed = k.min(max_edits(s.chars().count()));
                let d = strsim::damerau_levenshtein(query, s);
                if (1..=allowed).contains(&d) {
                    found(id, d as u8);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> FuzzyIndex {
        FuzzyIndex::new(
            [
                "secretariat",
                "secretary",
                "interbank",
                "межбанковское",
                "india",
                "kyrgyzstan",
                "rats",
                "sco",
            ]
            .into_iter()
            .map(Box::from)
            .collect(),
        )
    }

    fn find(index: &FuzzyIndex, q: &str) -> Vec<u32> {
        let mut v = Vec::new();
        index.matches(q, |id, _| v.push(id));
        v.sort();
        v
    }

    #[test]
    fn edits_scale_with_length() {
        let index = index();
        let find = |q: &str| find(&index, q);
        assert_eq!(find("secretariet"), [0]); // substitution
                                              // One deletion; "secretary" is two edits away, and both words have 8 letters or more.
        assert_eq!(find("secretarat"), [0, 1]);
        assert_eq!(find("secreatriat"), [0]); // transposition
        assert_eq!(find("intterbank"), [2]); // insertion
        assert_eq!(find("межбанковскле"), [3]);
        assert!(find("secretariat").is_empty()); // no edit: an exact match, not a typo
                                                 // Two edits in words of 8 letters or more.
        assert_eq!(find("secrtariet"), [0]);
        assert_eq!(find("kirgizstan"), [5]);
        assert!(find("secrtaryet").iter().all(|&i| i != 0)); // three from "secretariat"
                                                             // One in words of 4 to 7 letters, a transposition counting as one.
        assert_eq!(find("inida"), [4]);
        assert_eq!(find("ratz"), [6]);
        assert!(find("inidaa").is_empty()); // two edits in a 6-letter word
                                            // None up to 3 letters.
        assert!(find("sko").is_empty());
        // "secretar" (8 letters) is one edit from "secretary", three from "secretariat".
        assert_eq!(find("secretar"), [1]);
        assert!(find("intrbnk").is_empty()); // 7 letters: one edit only
    }

    #[test]
    fn each_match_says_how_many_edits_away_it_is() {
        let index = index();
        let edits = |q: &str| {
            let mut v = Vec::new();
            index.matches(q, |id, d| v.push((id, d)));
            v.sort();
            v
        };
        assert_eq!(edits("secretariet"), [(0, 1)]);
        assert_eq!(edits("secrtariet"), [(0, 2)]);
        // "secretarat": a deletion from "secretariat", two edits from "secretary".
        assert_eq!(edits("secretarat"), [(0, 1), (1, 2)]);
        assert_eq!(edits("kirgizstan"), [(5, 2)]);
        assert_eq!(edits("inida"), [(4, 1)]);
    }

    #[test]
    fn limits() {
        assert_eq!(max_edits(3), 0);
        assert_eq!(max_edits(4), 1);
        assert_eq!(max_edits(7), 1);
        assert_eq!(max_edits(8), 2);
    }
}
