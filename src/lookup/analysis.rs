//! Analysis of a query: its words folded, stemmed and matched against the vocabulary (by
//! surface, stem, prefix or typo), and its runs of Chinese characters.

use unicode_normalization::UnicodeNormalization;

use super::*;

impl LookupIndex {
    pub(super) fn analyse(&self, q: &str) -> Query {
        let q: String = q.nfc().collect();
        let tokens = text::tokenize(&q);
        let mut out = Query {
            norm: tokens
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            compact: tokens.iter().map(|t| t.norm.as_str()).collect(),
            has_cjk: tokens.iter().any(|t| t.script == Script::Cjk),
            has_word: tokens.iter().any(|t| t.script == Script::Word),
            tokens: Vec::with_capacity(tokens.len()),
        };
        for t in tokens {
            if t.script == Script::Cjk {
                out.tokens.push(QToken::Cjk(t.norm));
                continue;
            }
            let stem = self.analyzer.stem(&t);
            let mut flags = vec![0u8; self.vocab.len()];
            let mut terms = Vec::new();
            let mut typos: Vec<(u32, u8)> = Vec::new();
            let mut mark = |term: u32, flag: u8| {
                let f = &mut flags[term as usize];
                if *f == 0 {
                    terms.push(term);
                }
                *f |= flag;
            };
            for &term in self
                .vocab
                .by_surface
                .get(t.norm.as_str())
                .into_iter()
                .flatten()
            {
                mark(term, SURFACE);
            }
            // Same stem; or the stem of one is the other as written, where Snowball cuts the
            // two forms differently ("Казахстаном" → "казахстан", "Казахстан" → "казахста").
            for key in [stem.as_str(), t.norm.as_str()] {
                if let Some(&s) = self.vocab.stems.get(key) {
                    for &term in &self.vocab.stem_terms[s as usize] {
                        mark(term, STEM);
                    }
                }
            }
            if stem != t.norm {
                for &term in self
                    .vocab
                    .by_surface
                    .get(stem.as_str())
                    .into_iter()
                    .flatten()
                {
                    mark(term, STEM);
                }
            }
            let sorted = &self.vocab.sorted;
            let from = sorted.partition_point(|&x| *self.vocab.surface[x as usize] < *t.norm);
            for &term in sorted[from..]
                .iter()
                .take_while(|&&x| self.vocab.surface[x as usize].starts_with(t.norm.as_str()))
            {
                mark(term, PREFIX);
            }
            // A short word in capitals is an abbreviation, meant as written: "RATZ" is no typo
            // of "RATS".
            let abbreviation = t.abbreviation && t.norm.chars().count() <= 5;
            if !abbreviation && fuzzy::eligible(&t.norm, fuzzy::MIN_QUERY_CHARS) {
                for s in [t.norm.as_str(), stem.as_str()] {
                    self.fuzzy.matches(s, |id, edits| {
                        for &term in &self.fuzzy_terms[id as usize] {
                            mark(term, FUZZY);
                            typos.push((term, edits));
                        }
                    });
                    if stem == t.norm {
                        break;
                    }
                }
            }
            // The fewest edits to each term, by term.
            typos.sort_unstable();
            typos.dedup_by_key(|&mut (term, _)| term);
            out.tokens.push(QToken::Word(QWord {
                chars: t.norm.chars().count() as u32,
                norm: t.norm,
                flags,
                terms,
                typos,
            }));
        }
        out
    }
}

pub(super) struct QWord {
    pub(super) norm: String,
    pub(super) chars: u32,
    /// Flags by term id: how this word matches each vocabulary term.
    pub(super) flags: Vec<u8>,
    /// The terms with a flag.
    pub(super) terms: Vec<u32>,
    /// (term, edits) of the terms matched with typos ([`FUZZY`]), by term: how many edits
    /// (insertions, deletions, substitutions, swaps of neighbours) the word is from the term,
    /// the fewest of its surface and its stem.
    pub(super) typos: Vec<(u32, u8)>,
}

impl QWord {
    /// How many typos this word has as `term` (0 where it matched it otherwise, or not at all).
    pub(super) fn typos(&self, term: u32) -> u32 {
        self.typos
            .binary_search_by_key(&term, |&(t, _)| t)
            .map_or(0, |i| u32::from(self.typos[i].1))
    }
}

pub(super) enum QToken {
    Word(QWord),
    Cjk(String),
}

pub(super) struct Query {
    pub(super) tokens: Vec<QToken>,
    pub(super) norm: String,
    pub(super) compact: String,
    pub(super) has_cjk: bool,
    pub(super) has_word: bool,
}

impl Query {
    /// The word whose matching terms (with one of `mask`'s flags) have the fewest postings.
    pub(super) fn rarest_word<'a>(
        &self,
        postings: impl Fn(u32) -> &'a Vec<u32>,
        mask: u8,
    ) -> Option<&QWord> {
        self.tokens
            .iter()
            .filter_map(|t| match t {
                QToken::Word(w) => Some(w),
                QToken::Cjk(_) => None,
            })
            .min_by_key(|w| {
                w.terms
                    .iter()
                    .filter(|&&t| w.flags[t as usize] & mask != 0)
                    .map(|&t| postings(t).len())
                    .sum::<usize>()
            })
    }
}
