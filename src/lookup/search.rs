//! Searching: candidates gathered from the postings of the query's words, kept best per
//! entity, ranked and cut to the limit.

use unicode_normalization::UnicodeNormalization;

use super::*;

impl LookupIndex {
    /// [`LookupIndex::search`] with its parameters, ready to serialise.
    pub fn respond(&self, q: &str, opts: &LookupOptions) -> LookupResponse {
        LookupResponse {
            query: q.to_string(),
            lang: opts.lang,
            types: opts.types.clone(),
            limit: opts.limit,
            hits: self.search(q, opts),
        }
    }

    /// The entities matching `q`, best first, at most `opts.limit`. A query that
    /// [`check_query`] refuses finds nothing: its cost is bounded whoever calls.
    pub fn search(&self, q: &str, opts: &LookupOptions) -> Vec<Hit> {
        if opts.limit == 0 || check_query(q).is_err() {
            return Vec::new();
        }
        let nfc: String = q.nfc().collect();
        // The query as typed, then as its short forms, abbreviations and synonyms expand
        // (data/lookup/); an entity keeps its best match over all of them.
        let queries: Vec<Query> = self
            .data
            .variants(&nfc)
            .iter()
            .map(|v| self.analyse(v))
            .collect();
        if queries[0].tokens.is_empty() {
            return Vec::new();
        }
        let mut best: Vec<Option<Candidate>> = vec![None; self.entities.len()];
        for (i, query) in queries.iter().enumerate() {
            if !query.tokens.is_empty() {
                self.gather(query, i as u8, opts, &mut best);
            }
        }

        let mut found: Vec<(u32, Candidate, &str, Lang, usize)> = best
            .into_iter()
            .enumerate()
            .filter_map(|(e, c)| c.map(|c| (e as u32, c)))
            .map(|(e, c)| {
                let (label, lang) = self.entities[e as usize]
                    .label(opts.lang)
                    .unwrap_or(("", opts.lang));
                (e, c, label, lang, label.chars().count())
            })
            .collect();
        found.sort_by(|a, b| {
            b.1.score.cmp(&a.1.score).then(a.4.cmp(&b.4)).then(
                self.entities[a.0 as usize]
                    .rank
                    .cmp(&self.entities[b.0 as usize].rank),
            )
        });
        found.truncate(opts.limit);
        found
            .into_iter()
            .map(|(e, c, label, label_lang, _)| {
                let entity = &self.entities[e as usize];
                Hit {
                    iri: entity.iri.clone(),
                    kind: entity.kind,
                    label: label.to_string(),
                    label_lang,
                    matched: self.matched(&c.source, &queries[c.variant as usize], q),
                    match_kind: c.kind,
                    score: c.score,
                    number: entity.number,
                }
            })
            .collect()
    }

    /// Offers every entity `query` matches to `best`. `variant` 0 is the query as typed; an
    /// expansion's hits lose [`VARIANT_PENALTY`] within their band, so that what was typed wins
    /// a tie. Outside entities lose [`OUTSIDE_PENALTY`] within theirs.
    pub(super) fn gather(
        &self,
        query: &Query,
        variant: u8,
        opts: &LookupOptions,
        best: &mut [Option<Candidate>],
    ) {
        let allowed = |kind: ResourceKind| {
            opts.types
                .as_ref()
                .is_none_or(|t| t.is_empty() || t.contains(&kind))
        };
        let mut offer = |entity: u32, mut c: Candidate| {
            let floor = c.kind.band() * 1000;
            let mut penalty = if variant > 0 { VARIANT_PENALTY } else { 0 };
            if self.entities[entity as usize].outside {
                penalty += OUTSIDE_PENALTY;
            }
            c.score = c.score.saturating_sub(penalty).max(floor);
            c.variant = variant;
            let slot = &mut best[entity as usize];
            if slot.as_ref().is_none_or(|b| c.beats(b)) {
                *slot = Some(c);
            }
        };
        // A bare number: the measure of that number.
        if let [QToken::Word(w)] = query.tokens.as_slice() {
            if let Some(&e) = w
                .norm
                .parse::<u32>()
                .ok()
                .and_then(|n| self.measures.get(&n))
            {
                if allowed(ResourceKind::Measure) {
                    offer(
                        e,
                        Candidate {
                            score: 3 * 1000 + 950,
                            kind: MatchKind::Exact,
                            source: Source::Number,
                            in_lang: true,
                            chars: 0,
                            variant: 0,
                        },
                    );
                }
            }
        }

        // Labels.
        let mut seen = vec![false; self.labels.len()];
        let mut consider = |l: u32, offer: &mut dyn FnMut(u32, Candidate)| {
            if std::mem::replace(&mut seen[l as usize], true) {
                return;
            }
            let label = &self.labels[l as usize];
            let entity = &self.entities[label.entity as usize];
            if !allowed(entity.kind) {
                return;
            }
            if let Some((kind, sub)) = self.score_label(label, entity, query) {
                offer(
                    label.entity,
                    Candidate {
                        score: kind.band() * 1000 + sub,
                        kind,
                        source: Source::Label(l),
                        in_lang: label.lang == opts.lang,
                        chars: label.chars,
                        variant: 0,
                    },
                );
            }
        };
        match query.rarest_word(|t| &self.label_postings[t as usize], 0xff) {
            Some(w) => {
                for &t in &w.terms {
                    for &l in &self.label_postings[t as usize] {
                        consider(l, &mut offer);
                    }
                }
            }
            None => {
                for &l in &self.cjk_labels {
                    consider(l, &mut offer);
                }
            }
        }

        // Texts.
        let mut seen = vec![false; self.texts.len()];
        let mut consider = |x: u32, offer: &mut dyn FnMut(u32, Candidate)| {
            if std::mem::replace(&mut seen[x as usize], true) {
                return;
            }
            let text = &self.texts[x as usize];
            if !allowed(self.entities[text.entity as usize].kind) {
                return;
            }
            if let Some(sub) = self.score_text(text, query, opts.lang) {
                offer(
                    text.entity,
                    Candidate {
                        score: sub,
                        kind: MatchKind::Text,
                        source: Source::Text(x),
                        in_lang: text.lang == opts.lang,
                        chars: 0,
                        variant: 0,
                    },
                );
            }
        };
        match query.rarest_word(|t| &self.text_postings[t as usize], WHOLE | FUZZY) {
            Some(w) => {
                for &t in &w.terms {
                    if w.flags[t as usize] & (WHOLE | FUZZY) != 0 {
                        for &x in &self.text_postings[t as usize] {
                            consider(x, &mut offer);
                        }
                    }
                }
            }
            None if query.has_word => {}
            None => {
                for &x in &self.cjk_texts {
                    consider(x, &mut offer);
                }
            }
        }
    }
}

/// A window of `text` around the byte range `at`, with "…" where it is cut, on one line.
pub(super) fn snippet(text: &str, at: (usize, usize)) -> String {
    const BEFORE: usize = 40;
    const AFTER: usize = 60;
    let start = text[..at.0]
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    let end = text[at.1..]
        .char_indices()
        .nth(AFTER)
        .map_or(text.len(), |(i, _)| at.1 + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(
        &text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    if end < text.len() {
        out.push('…');
    }
    out
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Source {
    Number,
    Label(u32),
    Text(u32),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) score: u32,
    pub(super) kind: MatchKind,
    pub(super) source: Source,
    /// The matched label or text is in the requested language.
    pub(super) in_lang: bool,
    pub(super) chars: u32,
    /// Which of the search's queries matched (0: as typed; see `LookupData::variants`).
    pub(super) variant: u8,
}

impl Candidate {
    pub(super) fn beats(&self, other: &Candidate) -> bool {
        (self.score, self.in_lang, std::cmp::Reverse(self.chars))
            > (other.score, other.in_lang, std::cmp::Reverse(other.chars))
    }
}
