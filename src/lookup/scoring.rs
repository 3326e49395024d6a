//! Scoring: how well a label or a text matches a query, and what the hit shows of it.

use super::*;

/// What a hit of an expanded query (a short form, abbreviation or synonym replaced) loses
/// within its band: the query as typed wins a tie.
pub(super) const VARIANT_PENALTY: u32 = 5;
/// What a hit on an entity from outside the SCO loses within its band: the SCO Charter before
/// the Charter of the United Nations for "Charter". Less than the gap between a whole label and
/// a word of it, so that "UN Charter" still finds the UN's first.
pub(super) const OUTSIDE_PENALTY: u32 = 120;
/// What a hit loses within its band for each typo of the query's words (the fewest edits by
/// which each word matched): a hit one typo away ranks above one two typos away, all else equal.
/// A typo weighs about as much as twice the links to an entity (see `Entity::prior`), so that
/// the spelling decides between names alike, not how often the graph names one.
pub(super) const TYPO_PENALTY: u32 = 50;

impl LookupIndex {
    pub(super) fn score_label(
        &self,
        label: &Label,
        entity: &Entity,
        q: &Query,
    ) -> Option<(MatchKind, u32)> {
        let n = label.words.len();
        let mut frac = vec![0f32; n];
        let (mut whole, mut fuzzy, mut starts, mut cjk) = (0u32, false, false, 0u32);
        let mut typos = 0u32;
        for (i, token) in q.tokens.iter().enumerate() {
            match token {
                QToken::Word(w) => {
                    let mut best = 0u8;
                    // The fewest typos by which the word matched a word of the label.
                    let mut edits = u32::MAX;
                    for (p, &term) in label.words.iter().enumerate() {
                        let f = top_flag(w.flags[term as usize]);
                        if f == 0 {
                            continue;
                        }
                        if f == FUZZY {
                            edits = edits.min(w.typos(term));
                        }
                        let share = if f == PREFIX {
                            w.chars as f32 / self.vocab.chars[term as usize].max(1) as f32
                        } else {
                            1.0
                        };
                        frac[p] = frac[p].max(share);
                        best = best.max(f);
                        starts |= i == 0 && p == 0;
                    }
                    match best {
                        0 => return None,
                        FUZZY => {
                            fuzzy = true;
                            typos += edits;
                        }
                        f if f & WHOLE != 0 => whole += 1,
                        _ => {}
                    }
                }
                QToken::Cjk(s) => {
                    let at = label.compact.find(s.as_str())?;
                    starts |= i == 0 && at == 0;
                    whole += 1;
                    cjk += s.chars().count() as u32;
                }
            }
        }
        let pref = label.field == Field::PrefLabel;
        let surface_exact = label.norm == q.norm || (q.has_cjk && label.compact == q.compact);
        let inflected_exact = !q.has_cjk
            && label.cjk_chars == 0
            && q.tokens.len() == n
            && q.tokens.iter().zip(&label.words).all(|(t, &term)| match t {
                QToken::Word(w) => w.flags[term as usize] & WHOLE != 0,
                QToken::Cjk(_) => false,
            });
        if surface_exact || inflected_exact {
            let sub = 500
                + if surface_exact { 250 } else { 0 }
                + if pref { 100 } else { 0 }
                + entity.prior / 3;
            return Some((MatchKind::Exact, sub.min(999)));
        }
        let units = n as f32 + label.cjk_chars as f32 / 2.0;
        let covered = frac.iter().sum::<f32>() + cjk.min(label.cjk_chars) as f32 / 2.0;
        let coverage = if units > 0.0 {
            (covered / units).min(1.0)
        } else {
            0.0
        };
        let sub = ((350.0 * coverage).round() as u32
            + if starts { 100 } else { 0 }
            + (100 * whole) / q.tokens.len() as u32
            + if pref { 50 } else { 0 }
            + entity.prior)
            .saturating_sub(TYPO_PENALTY * typos);
        let kind = if fuzzy {
            MatchKind::Fuzzy
        } else {
            MatchKind::Prefix
        };
        Some((kind, sub.min(999)))
    }

    pub(super) fn score_text(&self, text: &Text, q: &Query, lang: Lang) -> Option<u32> {
        let (mut whole, mut hits, mut typos) = (0u32, 0u32, 0u32);
        for token in &q.tokens {
            match token {
                QToken::Word(w) => {
                    let mut best = 0u8;
                    let mut edits = u32::MAX;
                    for &(term, _, _) in &text.words {
                        let f = w.flags[term as usize] & (WHOLE | FUZZY);
                        if f != 0 {
                            hits += 1;
                            best |= f;
                            if f == FUZZY {
                                edits = edits.min(w.typos(term));
                            }
                        }
                    }
                    match best {
                        0 => return None,
                        f if f & WHOLE != 0 => whole += 1,
                        _ => typos += edits,
                    }
                }
                QToken::Cjk(s) => {
                    let (compact, _) = text.compact.as_ref()?;
                    let n = compact.matches(s.as_str()).count() as u32;
                    if n == 0 {
                        return None;
                    }
                    hits += n;
                    whole += 1;
                }
            }
        }
        Some(
            ((600 * whole) / q.tokens.len() as u32
                + if text.lang == lang { 200 } else { 0 }
                + (25 * hits).min(199))
            .saturating_sub(TYPO_PENALTY * typos),
        )
    }

    pub(super) fn matched(&self, source: &Source, q: &Query, raw: &str) -> Matched {
        match *source {
            Source::Number => Matched {
                text: raw.trim().to_string(),
                lang: None,
                field: Field::Number,
            },
            Source::Label(l) => {
                let label = &self.labels[l as usize];
                Matched {
                    text: label.text.clone(),
                    lang: Some(label.lang),
                    field: label.field,
                }
            }
            Source::Text(x) => {
                let text = &self.texts[x as usize];
                Matched {
                    text: snippet(&text.text, self.text_match(text, q)),
                    lang: Some(text.lang),
                    field: Field::Text,
                }
            }
        }
    }

    /// The byte range of the first match of `q` in `text`.
    pub(super) fn text_match(&self, text: &Text, q: &Query) -> (usize, usize) {
        for token in &q.tokens {
            match token {
                QToken::Word(w) => {
                    let first = text
                        .words
                        .iter()
                        .find(|&&(term, _, _)| w.flags[term as usize] & (WHOLE | FUZZY) != 0);
                    if let Some(&(_, start, end)) = first {
                        return (start as usize, end as usize);
                    }
                }
                QToken::Cjk(s) => {
                    if let Some((compact, offsets)) = &text.compact {
                        if let Some(at) = compact.find(s.as_str()) {
                            let first = compact[..at].chars().count();
                            let last = first + s.chars().count() - 1;
                            let end = offsets[last] as usize;
                            let end =
                                end + text.text[end..].chars().next().map_or(0, char::len_utf8);
                            return (offsets[first] as usize, end);
                        }
                    }
                }
            }
        }
        (0, 0)
    }
}

#[cfg(test)]
mod tests {
    use oxigraph::model::{Literal, NamedNode, Triple};

    use super::super::{LookupIndex, LookupOptions, MatchKind};
    use crate::graph::vocab::{RDF, SKOS};
    use crate::graph::ResourceKind;
    use crate::i18n::Lang;

    /// Bodies with one English prefLabel each, nothing else: no links, so no entity is
    /// preferred for being named more often.
    fn index(bodies: &[(&str, &str)]) -> LookupIndex {
        let mut triples = Vec::new();
        for (iri, label) in bodies {
            let body = NamedNode::new_unchecked(format!("https://example.org/body/{iri}"));
            triples.push(Triple::new(
                body.clone(),
                NamedNode::new_unchecked(format!("{RDF}type")),
                ResourceKind::Body.class().into_owned(),
            ));
            triples.push(Triple::new(
                body,
                NamedNode::new_unchecked(format!("{SKOS}prefLabel")),
                Literal::new_language_tagged_literal_unchecked(*label, "en"),
            ));
        }
        LookupIndex::from_triples(&triples)
    }

    fn found(index: &LookupIndex, q: &str) -> Vec<(String, MatchKind)> {
        index
            .search(q, &LookupOptions::new(Lang::En))
            .into_iter()
            .map(|h| (h.label, h.match_kind))
            .collect()
    }

    #[test]
    fn one_typo_ranks_above_two_all_else_equal() {
        // Labels of the same length, neither linked to; the one two typos from the query comes
        // first in the order of IRIs, the last tie-breaker.
        let index = index(&[("a", "Kazakhstun"), ("b", "Kazakhstan")]);
        // "Kazakstan": one letter left out of "Kazakhstan"; that, and "u" for "a", of
        // "Kazakhstun".
        assert_eq!(
            found(&index, "Kazakstan"),
            [
                ("Kazakhstan".to_string(), MatchKind::Fuzzy),
                ("Kazakhstun".to_string(), MatchKind::Fuzzy)
            ]
        );
        // And the other way round: the query one typo from "Kazakhstun".
        assert_eq!(
            found(&index, "Kazakstun"),
            [
                ("Kazakhstun".to_string(), MatchKind::Fuzzy),
                ("Kazakhstan".to_string(), MatchKind::Fuzzy)
            ]
        );
    }

    #[test]
    fn typos_add_up_over_the_words() {
        let index = index(&[
            ("a", "Secretarait Consortium"),
            ("b", "Secretariat Consortium"),
        ]);
        // Against "b": one typo in each word ("e" for "a", "n" for "m"), two in all; against
        // "a": two in the first ("ie" for "ai"), one in the second, three in all.
        let hits = found(&index, "Secretariet Consortiun");
        assert_eq!(
            hits,
            [
                ("Secretariat Consortium".to_string(), MatchKind::Fuzzy),
                ("Secretarait Consortium".to_string(), MatchKind::Fuzzy)
            ]
        );
    }
}
