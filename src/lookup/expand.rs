//! What lookup knows besides the graph, from the data files of `data/lookup/` (see the README
//! there): short forms, abbreviations and synonyms that a query is also searched as; extra
//! names of entities whose labels are titles; entities from outside the SCO, ranked after its
//! own.
//!
//! Kept in data, not code, so that a word is added by whoever reads the plan, in any language.

use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use super::text::{self, Script};
use super::Lang;
use crate::data::{self, DataError, DataFile};
use crate::i18n::Message;

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
    terms: Spanned<Vec<Spanned<String>>>,
    means: Spanned<Vec<Spanned<String>>>,
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

/// Why `data/lookup/` could not be read: the file, the line and column where known, and what is
/// wrong. [`LookupDataError::message`] says it in no language yet; `Display` writes
/// `path:line:column: what` in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LookupDataError {
    /// Missing, not UTF-8 or not TOML of the expected shape.
    Read(DataError),
    /// A rule of the files broken, at a line and column.
    Invalid {
        /// The file, as `data/lookup/….toml`.
        path: String,
        /// 1-based line of the value at fault.
        line: usize,
        /// 1-based column (in characters) of the value at fault.
        column: usize,
        /// What is wrong.
        fault: LookupDataFault,
    },
}

/// A rule of `data/lookup/` broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LookupDataFault {
    /// A term or meaning of an `[[expand]]` with no word and no Chinese character.
    NoWords {
        /// The term as written.
        term: String,
    },
    /// A term or meaning that is neither words only nor one run of Chinese characters.
    Mixed {
        /// The term as written.
        term: String,
    },
    /// An `[[expand]]` whose `terms` or `means` is empty.
    Empty {
        /// "terms" or "means".
        key: &'static str,
    },
}

impl LookupDataError {
    /// The file, and the line and column where known: `data/lookup/expand.toml:12:5`.
    pub(crate) fn location(&self) -> String {
        match self {
            Self::Read(e) => e.location(),
            Self::Invalid {
                path, line, column, ..
            } => format!("{path}:{line}:{column}"),
        }
    }

    /// What is wrong, in no language yet (the location is the caller's to add).
    pub(crate) fn message(&self) -> Message {
        let quoted = |term: &str| format!("{term:?}");
        match self {
            Self::Read(e) => e.message(),
            Self::Invalid { fault, .. } => match fault {
                LookupDataFault::NoWords { term } => {
                    Message::new("lookup-data-no-words").arg("term", quoted(term))
                }
                LookupDataFault::Mixed { term } => {
                    Message::new("lookup-data-mixed").arg("term", quoted(term))
                }
                LookupDataFault::Empty { key } => {
                    Message::new("lookup-data-empty").arg("key", *key)
                }
            },
        }
    }
}

/// `location: what`, in English.
impl fmt::Display for LookupDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message())
    }
}

impl std::error::Error for LookupDataError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Read(e) => Some(e),
            Self::Invalid { .. } => None,
        }
    }
}

impl From<DataError> for LookupDataError {
    fn from(e: DataError) -> Self {
        Self::Read(e)
    }
}

/// A term or meaning as queries are folded: words, or one run of Chinese characters.
fn term_of(s: &str) -> Result<Term, LookupDataFault> {
    let tokens = text::tokenize(s);
    match tokens.as_slice() {
        [] => Err(LookupDataFault::NoWords {
            term: s.to_string(),
        }),
        [t] if t.script == Script::Cjk => Ok(Term::Cjk(t.norm.clone())),
        ts if ts.iter().all(|t| t.script == Script::Word) => {
            Ok(Term::Words(ts.iter().map(|t| t.norm.clone()).collect()))
        }
        _ => Err(LookupDataFault::Mixed {
            term: s.to_string(),
        }),
    }
}

impl LookupData {
    /// The embedded `data/lookup/*.toml`.
    pub fn embedded() -> Result<Self, LookupDataError> {
        Self::from_files(&data::files_in("lookup", "toml"))
    }

    pub fn from_files(files: &[DataFile<'_>]) -> Result<Self, LookupDataError> {
        let mut out = LookupData::default();
        for file in files {
            let de: FileDe = file.parse_toml()?;
            let invalid = |span: std::ops::Range<usize>, fault: LookupDataFault| {
                let (line, column) = file.position(span.start);
                LookupDataError::Invalid {
                    path: file.path.clone(),
                    line,
                    column,
                    fault,
                }
            };
            for e in de.expand {
                let fold = |s: &Spanned<String>| {
                    term_of(s.get_ref()).map_err(|fault| invalid(s.span(), fault))
                };
                for (key, list) in [("terms", &e.terms), ("means", &e.means)] {
                    if list.get_ref().is_empty() {
                        return Err(invalid(list.span(), LookupDataFault::Empty { key }));
                    }
                }
                let terms = e
                    .terms
                    .get_ref()
                    .iter()
                    .map(fold)
                    .collect::<Result<Vec<_>, _>>()?;
                let means = e
                    .means
                    .get_ref()
                    .iter()
                    .map(|m| Ok((m.get_ref().clone(), fold(m)?)))
                    .collect::<Result<Vec<_>, LookupDataError>>()?;
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

    /// `data/lookup/test.toml` holding `contents`, read alone.
    fn read(contents: &str) -> Result<LookupData, LookupDataError> {
        LookupData::from_files(&[DataFile {
            path: "data/lookup/test.toml".into(),
            contents,
        }])
    }

    #[test]
    fn a_bad_term_or_an_empty_list_is_refused_with_its_line_and_column() {
        let mixed = read("[[expand]]\nterms = [\"ШОС\", \"上合 SCO\"]\nmeans = [\"SCO\"]\n");
        let err = mixed.unwrap_err();
        assert_eq!(
            err,
            LookupDataError::Invalid {
                path: "data/lookup/test.toml".into(),
                line: 2,
                column: 17,
                fault: LookupDataFault::Mixed {
                    term: "上合 SCO".into()
                },
            }
        );
        assert_eq!(
            err.to_string(),
            "data/lookup/test.toml:2:17: \"上合 SCO\": a term is words or one run of Chinese \
             characters, not both"
        );
        let blank = read("[[expand]]\nterms = [\"ШОС\"]\nmeans = [\"—\"]\n").unwrap_err();
        assert_eq!(
            blank.to_string(),
            "data/lookup/test.toml:3:10: \"—\": a term needs words or Chinese characters"
        );
        let empty = read("[[expand]]\nterms = []\nmeans = [\"SCO\"]\n").unwrap_err();
        assert_eq!(
            empty.to_string(),
            "data/lookup/test.toml:2:9: terms is empty: an [[expand]] needs terms and means"
        );
        assert_eq!(
            empty.message().in_lang(Lang::Ru),
            "terms пуст: в [[expand]] нужны и terms, и means"
        );
        // Not TOML of the expected shape: the parser's place.
        let unknown = read("[[expand]]\nterms = [\"a\"]\nmeans = [\"b\"]\nsee = 1\n").unwrap_err();
        assert!(matches!(unknown, LookupDataError::Read(_)), "{unknown:?}");
        assert!(
            unknown
                .to_string()
                .starts_with("data/lookup/test.toml:4:1: "),
            "{unknown}"
        );
    }

    #[test]
    fn variants_are_capped() {
        let d = data();
        let v = d.variants("ШОС РАТС МБО СМИД СГГ ООН КНР РФ");
        assert_eq!(v.len(), MAX_VARIANTS);
    }
}
