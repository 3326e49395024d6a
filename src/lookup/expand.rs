//! What lookup knows besides the graph, from the data files of `data/lookup/` (see the README
//! there): short forms, abbreviations and synonyms that a query is also searched as; extra
//! names of entities whose labels are titles; entities from outside the SCO, ranked after its
//! own.
//!
//! Kept in data, not code, so that a word is added by whoever reads the plan, in any language.

use serde::Deserialize;

use super::text::{self, Script};
use super::Lang;
use crate::data::{self, DataError, DataFile};

/// The most queries one search runs: the query as typed and its expansions. Each costs about
/// one plain search, so the cap bounds a query of many abbreviations.
pub(crate) const MAX_VARIANTS: usize = 8;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDe {
    #[serde(default)]
    expand: Vec<ExpandDe>,
    #[serde(default)]
    name: Vec<NameDe>,
    #[serde(default)]
    outside: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpandDe {
    terms: Vec<String>,
    means: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NameDe {
    entity: String,
    #[serde(default)]
    ru: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    zh: Vec<String>,
}

/// A term of an expansion, folded as queries are.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    /// Folded words, matched as a run of query words.
    Words(Vec<String>),
    /// Chinese characters, matched inside a run of Chinese in the query.
    Cjk(String),
}

#[derive(Debug)]
struct Expansion {
    terms: Vec<Term>,
    /// As written in the file; a term is never replaced by a form that folds to itself.
    means: Vec<(String, Term)>,
}

/// The contents of `data/lookup/`.
#[derive(Debug, Default)]
pub(crate) struct LookupData {
    expansions: Vec<Expansion>,
    /// (end of the IRI with a leading '/', language, name).
    pub names: Vec<(String, Lang, String)>,
    /// Ends of IRIs, with a leading '/'.
    pub outside: Vec<String>,
}

fn term_of(s: &str) -> Option<Term> {
    let tokens = text::tokenize(s);
    match tokens.as_slice() {
        [] => None,
        [t] if t.script == Script::Cjk => Some(Term::Cjk(t.norm.clone())),
        ts if ts.iter().all(|t| t.script == Script::Word) => {
            Some(Term::Words(ts.iter().map(|t| t.norm.clone()).collect()))
        }
        _ => None,
    }
}

impl LookupData {
    /// The embedded `data/lookup/*.toml`.
    pub fn embedded() -> Result<Self, DataError> {
        Self::from_files(&data::files_in("lookup", "toml"))
    }

    pub fn from_files(files: &[DataFile<'_>]) -> Result<Self, DataError> {
        let mut out = LookupData::default();
        for file in files {
            let de: FileDe = file.parse_toml()?;
            for e in de.expand {
                let fold = |s: &String| {
                    term_of(s).ok_or_else(|| {
                        file.error(
                            None,
                            format!(
                                "{s:?}: a term is words or one run of Chinese characters, not both"
                            ),
                        )
                    })
                };
                let terms = e.terms.iter().map(fold).collect::<Result<Vec<_>, _>>()?;
                let means = e
                    .means
                    .iter()
                    .map(|m| Ok((m.clone(), fold(m)?)))
                    .collect::<Result<Vec<_>, DataError>>()?;
                if terms.is_empty() || means.is_empty() {
                    return Err(file.error(None, "an [[expand]] needs terms and means"));
                }
                out.expansions.push(Expansion { terms, means });
            }
            for n in de.name {
                let end = format!("/{}", n.entity.trim_start_matches('/'));
                for (lang, names) in [(Lang::Ru, n.ru), (Lang::En, n.en), (Lang::Zh, n.zh)] {
                    out.names
                        .extend(names.into_iter().map(|s| (end.clone(), lang, s)));
                }
            }
            out.outside.extend(
                de.outside
                    .into_iter()
                    .map(|o| format!("/{}", o.trim_start_matches('/'))),
            );
        }
        Ok(out)
    }

    /// The queries to run for `q` (NFC): `q` itself first, then `q` with one or more of the
    /// terms it holds replaced by what they mean; at most [`MAX_VARIANTS`] in all.
    pub fn variants(&self, q: &str) -> Vec<String> {
        let mut out = vec![q.to_string()];
        if self.expansions.is_empty() {
            return out;
        }
        let tokens = text::tokenize(q);
        // (byte start, byte end, replacements) of each term found, in order, not overlapping.
        let mut slots: Vec<(usize, usize, Vec<&str>)> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            match t.script {
                Script::Word => {
                    // The longest run of words starting here that is a term.
                    let mut best: Option<(usize, &Expansion, &Term)> = None;
                    for e in &self.expansions {
                        for term in &e.terms {
                            let Term::Words(ws) = term else { continue };
                            let fits = tokens.len() - i >= ws.len()
                                && ws
                                    .iter()
                                    .zip(&tokens[i..])
                                    .all(|(w, t)| t.script == Script::Word && *w == t.norm);
                            if fits && best.is_none_or(|(n, _, _)| ws.len() > n) {
                                best = Some((ws.len(), e, term));
                            }
                        }
                    }
                    if let Some((n, e, term)) = best {
                        let start = t.start;
                        let end = tokens[i + n - 1].end;
                        if slots.last().is_none_or(|s| s.1 <= start) {
                            slots.push((start, end, replacements(e, term)));
                        }
                    }
                }
                Script::Cjk => {
                    // Only where folding left the Chinese as written (it does for all but the
                    // compatibility ideographs), so that byte offsets carry over.
                    let written = &q[t.start..t.end];
                    if written != t.norm {
                        continue;
                    }
                    let mut found: Vec<(usize, usize, Vec<&str>)> = Vec::new();
                    for e in &self.expansions {
                        for term in &e.terms {
                            let Term::Cjk(s) = term else { continue };
                            for (at, _) in written.match_indices(s.as_str()) {
                                // Not where the query already says one of the longer forms
                                // ("上合组织" holds "上合"): nothing to expand there.
                                let longer = e.means.iter().any(|(_, m)| match m {
                                    Term::Cjk(m)
                                        if m.len() > s.len() && m.starts_with(s.as_str()) =>
                                    {
                                        written[at..].starts_with(m.as_str())
                                    }
                                    _ => false,
                                });
                                if !longer {
                                    found.push((
                                        t.start + at,
                                        t.start + at + s.len(),
                                        replacements(e, term),
                                    ));
                                }
                            }
                        }
                    }
                    // Longest first where two overlap.
                    found.sort_by_key(|f| (f.0, std::cmp::Reverse(f.1)));
                    for f in found {
                        if slots.last().is_none_or(|s| s.1 <= f.0) {
                            slots.push(f);
                        }
                    }
                }
            }
        }
        if slots.is_empty() {
            return out;
        }
        // Every combination of replaced and kept slots, fewest replacements first, up to the
        // cap: one slot replaced ("ШОС RATS" → "SCO RATS") comes before two.
        let mut frontier: Vec<Vec<Option<usize>>> = vec![vec![None; slots.len()]];
        while out.len() < MAX_VARIANTS && !frontier.is_empty() {
            let mut next = Vec::new();
            for c in &frontier {
                // Replace one more slot, after the last one replaced (each set once).
                let from = c.iter().rposition(Option::is_some).map_or(0, |p| p + 1);
                for s in from..slots.len() {
                    for r in 0..slots[s].2.len() {
                        let mut n = c.clone();
                        n[s] = Some(r);
                        if out.len() < MAX_VARIANTS {
                            out.push(render(q, &slots, &n));
                        }
                        next.push(n);
                    }
                }
            }
            frontier = next;
        }
        out.dedup();
        out
    }
}

/// The forms `term` is also searched as: the expansion's `means` that are not `term` itself.
fn replacements<'a>(e: &'a Expansion, term: &Term) -> Vec<&'a str> {
    e.means
        .iter()
        .filter(|(_, m)| m != term)
        .map(|(s, _)| s.as_str())
        .collect()
}

fn render(q: &str, slots: &[(usize, usize, Vec<&str>)], choice: &[Option<usize>]) -> String {
    let mut out = String::with_capacity(q.len() + 16);
    let mut at = 0;
    for (slot, c) in slots.iter().zip(choice) {
        if let Some(r) = c {
            out.push_str(&q[at..slot.0]);
            // Spaces around: a Chinese run replaced by Latin words stays apart from its
            // neighbours, and a word never runs into the next.
            out.push(' ');
            out.push_str(slot.2[*r]);
            out.push(' ');
            at = slot.1;
        }
    }
    out.push_str(&q[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> LookupData {
        LookupData::embedded().expect("data/lookup parses")
    }

    #[test]
    fn the_embedded_files_parse_and_say_something() {
        let d = data();
        assert!(!d.expansions.is_empty());
        assert!(d.names.iter().any(|(e, _, _)| e == "/decision/2020/1"));
        assert!(d.outside.iter().any(|o| o == "/document/un-charter"));
    }

    #[test]
    fn words_and_chinese_are_expanded() {
        let d = data();
        let v = d.variants("ШОС RATS");
        assert_eq!(v[0], "ШОС RATS");
        assert!(
            v.iter().any(|q| q.split_whitespace().eq(["SCO", "RATS"])),
            "{v:?}"
        );
        let v = d.variants("上合秘书处");
        assert!(v.iter().any(|q| q.trim() == "上合组织秘书处"), "{v:?}");
        let v = d.variants("上合");
        assert!(v.iter().any(|q| q.trim() == "上合组织"), "{v:?}");
        // Already the long form: nothing to expand.
        assert_eq!(d.variants("上合组织秘书处"), ["上合组织秘书处"]);
        let v = d.variants("Деловой совет");
        assert!(v.iter().any(|q| q.trim() == "Business Council"), "{v:?}");
    }

    #[test]
    fn variants_are_capped() {
        let d = data();
        let v = d.variants("ШОС РАТС МБО СМИД СГГ ООН КНР РФ");
        assert_eq!(v.len(), MAX_VARIANTS);
    }
}
