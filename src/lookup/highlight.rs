//! Where a query matched inside the text of a hit (`Hit::matched.text`), for search pages that
//! mark the matched part (`<mark>`). Here and not in the page, because what matched is the
//! lookup's own notion: folding, stems, beginnings of words, one typo, Chinese substrings; a
//! page comparing strings would mark "Секретариат" in no label a query "Секретариатом" found.
//! For the same reason the query's expansions (`data/lookup/`) are marked too: a hit found as
//! "上合" stands for "上海合作组织", and it is that which its label holds.

use std::ops::Range;

use super::text::{self, Script};
use unicode_normalization::UnicodeNormalization;

use super::{check_query, compact_of, LookupIndex, QToken, Query};

impl LookupIndex {
    /// The byte ranges of `text` that match a word of the query `q`, in order, without overlap;
    /// ranges separated only by spaces or punctuation are joined ("Regional Anti-Terrorist" is
    /// one range). A word of the text matches a query word as in [`LookupIndex::search`]: as
    /// written, by stem, as the beginning of the text's word, or with one typo; a Chinese run of
    /// the query matches wherever it occurs. The query's expansions (its short forms,
    /// abbreviations and everyday words replaced by what they stand for, as the search runs
    /// them) match as well: "上合" marks "上海合作组织", "drones" "unmanned aerial vehicles".
    /// Empty for a query [`check_query`] refuses.
    pub fn highlight(&self, q: &str, text: &str) -> Vec<Range<usize>> {
        if check_query(q).is_err() {
            return Vec::new();
        }
        let nfc: String = q.nfc().collect();
        let queries: Vec<Query> = self
            .data
            .variants(&nfc)
            .iter()
            .map(|v| self.analyse(v))
            .collect();
        let tokens = || queries.iter().flat_map(|query| query.tokens.iter());
        let mut ranges: Vec<Range<usize>> = Vec::new();
        // Split as the index split the labels and texts (as written), so that each word is
        // found in the vocabulary with the flags the query's analysis gave it.
        for token in text::tokenize(text) {
            if token.script != Script::Word {
                continue;
            }
            let terms = self.vocab.by_surface.get(token.norm.as_str());
            let matched = tokens().any(|q| match q {
                QToken::Word(w) => {
                    terms
                        .into_iter()
                        .flatten()
                        .any(|&term| w.flags[term as usize] != 0)
                        // A word the index does not hold (the first or last word of a snippet,
                        // cut; the number a query asked for): compared as folded text.
                        || (terms.is_none() && token.norm.starts_with(w.norm.as_str()))
                }
                QToken::Cjk(_) => false,
            });
            if matched {
                ranges.push(token.start..token.end);
            }
        }
        let mut cjk: Vec<&str> = tokens()
            .filter_map(|t| match t {
                QToken::Cjk(s) => Some(s.as_str()),
                QToken::Word(_) => None,
            })
            .collect();
        cjk.sort_unstable();
        cjk.dedup();
        if !cjk.is_empty() {
            let (compact, offsets) = compact_of(text);
            for run in cjk {
                for (at, _) in compact.match_indices(run) {
                    let first = compact[..at].chars().count();
                    let last = first + run.chars().count() - 1;
                    let end = offsets[last] as usize;
                    let end = end + text[end..].chars().next().map_or(0, char::len_utf8);
                    ranges.push(offsets[first] as usize..end);
                }
            }
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut joined: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match joined.last_mut() {
                Some(last)
                    if r.start <= last.end
                        || !text[last.end..r.start].chars().any(char::is_alphanumeric) =>
                {
                    last.end = last.end.max(r.end);
                }
                _ => joined.push(r),
            }
        }
        joined
    }
}

#[cfg(test)]
mod tests {
    use oxigraph::model::{Literal, NamedNode, Triple};

    use super::*;
    use crate::graph::vocab::{RDF, SKOS};
    use crate::graph::ResourceKind;

    fn index() -> LookupIndex {
        let body = NamedNode::new_unchecked("https://example.org/body/rats");
        let label = |text: &str, lang: &str| {
            Triple::new(
                body.clone(),
                NamedNode::new_unchecked(format!("{SKOS}prefLabel")),
                Literal::new_language_tagged_literal_unchecked(text, lang),
            )
        };
        LookupIndex::from_triples(&[
            Triple::new(
                body.clone(),
                NamedNode::new_unchecked(format!("{RDF}type")),
                ResourceKind::Body.class().into_owned(),
            ),
            label("Региональная антитеррористическая структура ШОС", "ru"),
            label("Regional Anti-Terrorist Structure of the SCO", "en"),
            label("上海合作组织地区反恐怖机构", "zh"),
            label("Секретариат ШОС", "ru"),
        ])
    }

    fn marked<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn words_are_marked_by_stem_prefix_and_typo_and_neighbours_joined() {
        let index = index();
        let en = "Regional Anti-Terrorist Structure of the SCO";
        assert_eq!(
            marked(en, &index.highlight("regional anti-terrorist", en)),
            ["Regional Anti-Terrorist"]
        );
        assert_eq!(marked(en, &index.highlight("Struct", en)), ["Structure"]);
        assert_eq!(marked(en, &index.highlight("Structuer", en)), ["Structure"]);
        let ru = "Секретариат ШОС";
        assert_eq!(
            marked(ru, &index.highlight("Секретариатом", ru)),
            ["Секретариат"]
        );
        assert!(index.highlight("Душанбе", en).is_empty());
    }

    #[test]
    fn chinese_runs_are_marked_where_they_occur() {
        let index = index();
        let zh = "上海合作组织地区反恐怖机构";
        assert_eq!(marked(zh, &index.highlight("反恐", zh)), ["反恐"]);
    }

    #[test]
    fn expansions_are_marked_as_what_they_stand_for() {
        let index = index();
        // 上合 is the short form of 上海合作组织 (data/lookup/zh-short-forms.toml): the label
        // spells it out, and that is what matched.
        let zh = "上海合作组织地区反恐怖机构";
        assert_eq!(marked(zh, &index.highlight("上合", zh)), ["上海合作组织"]);
        // 反恐机构 stands for 地区反恐怖机构; 上合 RATS for 上海合作组织 and 地区反恐怖机构
        // (RATS, data/lookup/abbreviations.toml), one run in the label.
        assert_eq!(
            marked(zh, &index.highlight("反恐机构", zh)),
            ["地区反恐怖机构"]
        );
        assert_eq!(marked(zh, &index.highlight("上合 RATS", zh)), [zh]);
        // ШОС is the SCO, in Russian and in English.
        let en = "Regional Anti-Terrorist Structure of the SCO";
        assert_eq!(marked(en, &index.highlight("ШОС", en)), ["SCO"]);
        let ru = "Секретариат ШОС";
        assert_eq!(marked(ru, &index.highlight("SCO", ru)), ["ШОС"]);
        // What the query says as typed is still marked beside its expansions.
        assert_eq!(
            marked(ru, &index.highlight("Секретариат SCO", ru)),
            ["Секретариат ШОС"]
        );
    }

    #[test]
    fn refused_queries_mark_nothing() {
        let index = index();
        let en = "Regional Anti-Terrorist Structure of the SCO";
        assert!(index.highlight("", en).is_empty());
        assert!(index.highlight(&"SCO ".repeat(100), en).is_empty());
    }
}
