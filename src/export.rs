//! Dumps of the whole graph: the same bytes on every run and every machine (the triples come
//! sorted from [`KnowledgeGraph::triples`], prefixes are declared in a fixed order), a canonical
//! N-Quads form (RDFC-1.0) whose SHA-256 is the dataset's version, and an atomic file write.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use sha2::{Digest, Sha256};
use sophia::api::prelude::*;
use sophia::api::quad::Spog;
use sophia::api::source::StreamError;
use sophia::api::term::SimpleTerm;

use crate::i18n::Message;
use crate::store::{write_triples, write_triples_to, JSON_LD};
use crate::store::{KnowledgeGraph, ResultFormat};

/// One serialiser for every RDF answer, dump and page alternate.
pub use crate::store::write_triples as write_rdf;

/// The formats of a dump.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DumpFormat {
    /// Turtle (`sco-kg.ttl`).
    Turtle,
    /// N-Triples (`sco-kg.nt`).
    NTriples,
    /// N-Quads (`sco-kg.nq`): the triples in the default graph.
    NQuads,
    /// TriG (`sco-kg.trig`).
    TriG,
    /// RDF/XML (`sco-kg.rdf`).
    RdfXml,
    /// JSON-LD (`sco-kg.jsonld`).
    JsonLd,
    /// Canonical N-Quads (RDFC-1.0): one quad a line, sorted by code point.
    Canonical,
}

impl DumpFormat {
    /// Every format: the server offers a dump (`/dump/sco-kg.{extension}`) of each.
    pub const ALL: [DumpFormat; 7] = [
        Self::Turtle,
        Self::NTriples,
        Self::NQuads,
        Self::TriG,
        Self::RdfXml,
        Self::JsonLd,
        Self::Canonical,
    ];

    /// The file name's extension: `sco-kg.{extension}`.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Turtle => "ttl",
            Self::NTriples => "nt",
            Self::NQuads => "nq",
            Self::TriG => "trig",
            Self::RdfXml => "rdf",
            Self::JsonLd => "jsonld",
            Self::Canonical => "canonical.nq",
        }
    }

    /// The dump's file name: "sco-kg." and the extension.
    pub fn file_name(self) -> String {
        format!("sco-kg.{}", self.extension())
    }

    /// The format of a dump's file name ("sco-kg.ttl").
    pub fn from_file_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.file_name() == name)
    }

    /// The serialiser's format (N-Quads for the canonical form too).
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::NQuads | Self::Canonical => RdfFormat::NQuads,
            Self::TriG => RdfFormat::TriG,
            Self::RdfXml => RdfFormat::RdfXml,
            Self::JsonLd => JSON_LD,
        }
    }

    /// The media type the dump is served with (`text/turtle` …).
    pub fn media_type(self) -> &'static str {
        ResultFormat::Rdf(self.rdf_format()).media_type()
    }
}

/// Why a dump could not be made. Each is a bug of ours, not a mistake of the user's: the graph
/// was built by this program. [`ExportError::message`] says what in no language yet; `Display`
/// in English, for logs.
#[derive(Debug)]
pub enum ExportError {
    /// A serialiser failed.
    Serialise(std::io::Error),
    /// The N-Quads written for canonicalisation are not UTF-8 from this 1-based line and byte
    /// of it on.
    NotUtf8 {
        /// The 1-based line.
        line: usize,
        /// The 1-based byte of that line.
        byte: usize,
    },
    /// The N-Quads written for canonicalisation did not read back, at this 1-based line and
    /// column: the parser's words, in English.
    Reread {
        /// The 1-based line.
        line: usize,
        /// The 1-based column of that line.
        column: usize,
        /// The parser's message.
        detail: String,
    },
    /// The canonicalisation algorithm failed: its words, in English.
    Canonical {
        /// The algorithm's message.
        detail: String,
    },
}

impl ExportError {
    /// What went wrong, in no language yet.
    pub fn message(&self) -> Message {
        match self {
            Self::Serialise(e) => Message::new("export-serialise").arg("detail", e.to_string()),
            Self::NotUtf8 { line, byte } => Message::new("export-not-utf8")
                .arg("line", *line)
                .arg("byte", *byte),
            Self::Reread {
                line,
                column,
                detail,
            } => Message::new("export-reread")
                .arg("line", *line)
                .arg("column", *column)
                .arg("detail", detail.as_str()),
            Self::Canonical { detail } => {
                Message::new("export-canonical").arg("detail", detail.as_str())
            }
        }
    }
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        Self::Serialise(e)
    }
}

/// In English, for logs.
impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Serialise(e) => Some(e),
            _ => None,
        }
    }
}

/// The graph in one format. The triples are in the default graph of N-Quads and TriG.
pub fn serialise(graph: &KnowledgeGraph, format: DumpFormat) -> Result<Vec<u8>, ExportError> {
    match format {
        DumpFormat::Canonical => canonical(graph),
        other => Ok(write_rdf(
            &graph.triples,
            other.rdf_format(),
            &graph.prefixes(),
        )?),
    }
}

/// The canonical N-Quads form (RDFC-1.0): the same graph gives the same bytes whatever the order
/// of its triples or the labels of its blank nodes.
///
/// Without blank nodes there is nothing to label, and RDFC-1.0's output is the graph's quads in
/// canonical N-Quads, one a line, sorted by code point (UTF-8 byte order): that is what
/// the fast path writes, several times faster than the general algorithm (at ×100,
/// 872 000 triples, it is what a server's start waits for). A graph with blank nodes goes
/// through sophia's implementation. Both give the same bytes on the same
/// graph (the unit tests hold them to it, control characters and escapes included).
pub fn canonical(graph: &KnowledgeGraph) -> Result<Vec<u8>, ExportError> {
    if graph.triples.iter().any(needs_labelling) {
        canonical_rdfc10(&graph.triples)
    } else {
        canonical_sorted(&graph.triples)
    }
}

/// Whether `t` may hold a blank node for RDFC-1.0 to label, so that the fast path cannot take
/// it: a blank subject, or any object but an IRI or a literal (an RDF 1.2 triple term may hold
/// blank nodes of its own).
fn needs_labelling(t: &Triple) -> bool {
    t.subject.is_blank_node() || !matches!(t.object, Term::NamedNode(_) | Term::Literal(_))
}

/// Canonical N-Quads of blank-node-free `triples`: oxigraph's N-Quads lines, which are
/// canonical N-Quads (`"`, `\\` and BS, HT, LF, FF, CR escaped as ECHAR, the other controls as
/// UCHAR), deduplicated and sorted by bytes.
fn canonical_sorted(triples: &[Triple]) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    sorted_lines(triples, |line| out.extend_from_slice(line))?;
    Ok(out)
}

/// Hands each line of [`canonical_sorted`]'s output to `each`, in order.
///
/// A line is its subject, a space and the rest, and no subject holds a space: lines of two
/// subjects compare as the subjects followed by a space do. So the lines are written and
/// sorted one subject at a time, never all at once (at ×100 that was 159 MB of N-Quads, and a
/// sort of 876 000 lines that share long prefixes).
fn sorted_lines(triples: &[Triple], mut each: impl FnMut(&[u8])) -> Result<(), ExportError> {
    // The runs of one subject (one each, when the triples come sorted), in the lines' order.
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, t) in triples.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if triples[run.start].subject == t.subject => run.end = i + 1,
            _ => runs.push(i..i + 1),
        }
    }
    let subject = |run: &std::ops::Range<usize>| &triples[run.start].subject;
    runs.sort_by(|a, b| subject_order(subject(a), subject(b)));
    let mut nquads = Vec::new();
    let mut rest = runs.as_slice();
    while let Some(first) = rest.first() {
        let same = rest
            .iter()
            .take_while(|run| subject(run) == subject(first))
            .count();
        nquads.clear();
        for run in &rest[..same] {
            nquads = write_triples_to(&triples[run.clone()], RdfFormat::NQuads, &[], nquads)?;
        }
        let mut lines: Vec<&[u8]> = nquads.split_inclusive(|&b| b == b'\n').collect();
        lines.sort_unstable();
        lines.dedup();
        for line in lines {
            each(line);
        }
        rest = &rest[same..];
    }
    Ok(())
}

/// The order of N-Quads lines of subjects `a` and `b`: that of the subjects as written, each
/// followed by a space.
fn subject_order(a: &NamedOrBlankNode, b: &NamedOrBlankNode) -> std::cmp::Ordering {
    fn written(s: &NamedOrBlankNode) -> [&[u8]; 3] {
        match s {
            NamedOrBlankNode::NamedNode(n) => [b"<", n.as_str().as_bytes(), b"> "],
            NamedOrBlankNode::BlankNode(n) => [b"_:", n.as_str().as_bytes(), b" "],
        }
    }
    if let (NamedOrBlankNode::NamedNode(a), NamedOrBlankNode::NamedNode(b)) = (a, b) {
        // The common case, without chaining iterators: the IRIs, then '>' where one ends.
        let (a, b) = (a.as_str().as_bytes(), b.as_str().as_bytes());
        let n = a.len().min(b.len());
        return a[..n].cmp(&b[..n]).then_with(|| {
            let next = |s: &[u8]| s.get(n).copied().unwrap_or(b'>');
            next(a).cmp(&next(b))
        });
    }
    let (a, b) = (written(a), written(b));
    a.iter()
        .flat_map(|p| p.iter())
        .cmp(b.iter().flat_map(|p| p.iter()))
}

/// The dataset's version of `graph`: [`version`] of its [`canonical`] form. The graph computes
/// it beside its index's build; [`triples_version`] when it could not.
pub fn graph_version(graph: &KnowledgeGraph) -> Result<String, ExportError> {
    match graph.canonical_version() {
        Some(version) => Ok(version.to_string()),
        None => triples_version(&graph.triples),
    }
}

/// [`version`] of the [`canonical`] form of `triples`, without holding that form when they have
/// no blank nodes (its sorted lines go to the digest one by one).
pub fn triples_version(triples: &[Triple]) -> Result<String, ExportError> {
    if triples.iter().any(needs_labelling) {
        return Ok(version(&canonical_rdfc10(triples)?));
    }
    let mut digest = Sha256::new();
    sorted_lines(triples, |line| digest.update(line))?;
    Ok(hex(&digest.finalize()))
}

/// RDFC-1.0 with sophia's implementation: any graph, blank nodes included.
fn canonical_rdfc10(triples: &[Triple]) -> Result<Vec<u8>, ExportError> {
    let nquads = write_triples(triples, RdfFormat::NQuads, &[])?;
    let text = String::from_utf8(nquads).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        ExportError::NotUtf8 {
            line: valid.iter().filter(|&&b| b == b'\n').count() + 1,
            byte: valid.len() - line_start + 1,
        }
    })?;
    let dataset: HashSet<Spog<SimpleTerm<'static>>> = sophia::turtle::parser::nq::parse_str(&text)
        .collect_quads()
        .map_err(|e| match e {
            StreamError::SourceError(e) => {
                let (line, column) = e.position();
                ExportError::Reread {
                    line: line + 1,
                    column: column + 1,
                    detail: e.kind().to_string(),
                }
            }
            StreamError::SinkError(never) => match never {},
        })?;
    let mut out = Vec::new();
    sophia::c14n::rdfc10::normalize(&dataset, &mut out).map_err(|e| ExportError::Canonical {
        detail: e.to_string(),
    })?;
    Ok(out)
}

/// The dataset's version: the SHA-256 of its canonical form, in hex.
pub fn version(canonical: &[u8]) -> String {
    hex(&Sha256::digest(canonical))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes a file so that it is either complete or untouched: the bytes go to a new temporary
/// file beside it, are flushed to disk, and the temporary file is renamed over the target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{}: not a file name", path.display()),
        )
    })?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut attempt = 0u32;
    let (temporary, mut file) = loop {
        let candidate = dir.join(format!(
            ".{}.{}.{attempt}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => break (candidate, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1
            }
            Err(e) => return Err(e),
        }
    };
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            std::fs::rename(&temporary, path)
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        for format in DumpFormat::ALL {
            assert_eq!(
                DumpFormat::from_file_name(&format.file_name()),
                Some(format)
            );
        }
        assert_eq!(DumpFormat::from_file_name("sco-kg.xml"), None);
    }

    /// Literals whose escapes differ among writers: every C0 control, DEL, quotes, backslash,
    /// characters outside the BMP, language tags and datatypes, a string that is a prefix of
    /// another, IRIs with non-ASCII characters.
    fn awkward_triples() -> Vec<Triple> {
        use oxigraph::model::{vocab::xsd, Literal, NamedNode};
        let s = |i: &str| NamedNode::new(format!("http://example.org/{i}")).unwrap();
        let p = s("p");
        let mut values: Vec<String> = (0u32..0x20)
            .chain([0x7f, 0x80, 0x9f, 0xa0, 0xfeff, 0x1f600])
            .map(|c| format!("a{}b", char::from_u32(c).unwrap()))
            .collect();
        values.extend(["", "x", "x y", "x\"y\\z", "Мероприятие", "合作", "x@en"].map(String::from));
        let mut triples = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let subject = s(&format!("s{}", i % 3));
            triples.push(Triple::new(
                subject.clone(),
                p.clone(),
                Literal::new_simple_literal(value),
            ));
            triples.push(Triple::new(
                subject.clone(),
                p.clone(),
                Literal::new_language_tagged_literal(value, "ru").unwrap(),
            ));
            triples.push(Triple::new(
                subject,
                s("q"),
                Literal::new_typed_literal(value, xsd::TOKEN),
            ));
        }
        triples.push(Triple::new(s("s"), p.clone(), s("é/ü")));
        triples.push(Triple::new(s("s"), p.clone(), s("e")));
        triples.push(Triple::new(s("s"), p, s("e/f")));
        // Duplicates collapse, as in a set.
        triples.push(triples[0].clone());
        triples
    }

    #[test]
    fn sorted_lines_are_rdfc10_without_blank_nodes() {
        let awkward = awkward_triples();
        let sorted = String::from_utf8(canonical_sorted(&awkward).unwrap()).unwrap();
        // The escapes are exercised: the controls as UCHAR (but BS, HT, FF, LF, CR as ECHAR).
        for escape in [
            "\\u0000", "\\u007F", "\\b", "\\t", "\\n", "\\f", "\\r", "\\\"", "\\\\",
        ] {
            assert!(sorted.contains(escape), "{escape} in {sorted}");
        }
        assert_eq!(
            String::from_utf8(canonical_sorted(&awkward).unwrap()).unwrap(),
            String::from_utf8(canonical_rdfc10(&awkward).unwrap()).unwrap(),
        );
        // Lines sorted a subject at a time are sorted as a whole: subjects that are prefixes of
        // others ("s" of "s0", "s/x"), given in any order, one of them in two runs.
        let mut shuffled = awkward.clone();
        let s =
            |i: &str| oxigraph::model::NamedNode::new(format!("http://example.org/{i}")).unwrap();
        let o = oxigraph::model::Literal::new_simple_literal("o");
        for subject in ["s/x", "s-", "s", "s0/y", "r", "s"] {
            shuffled.push(Triple::new(s(subject), s("p"), o.clone()));
        }
        shuffled.reverse();
        shuffled.swap(0, 7);
        assert_eq!(
            String::from_utf8(canonical_sorted(&shuffled).unwrap()).unwrap(),
            String::from_utf8(canonical_rdfc10(&shuffled).unwrap()).unwrap(),
        );
        assert_eq!(
            triples_version(&shuffled).unwrap(),
            version(&canonical_rdfc10(&shuffled).unwrap())
        );
        let graph = KnowledgeGraph::embedded(crate::graph::Base::default()).unwrap();
        assert!(!graph.triples.iter().any(needs_labelling));
        assert!(
            canonical_sorted(&graph.triples).unwrap() == canonical_rdfc10(&graph.triples).unwrap()
        );
        // The version a server computes without holding the form is the form's digest, the
        // same whether the graph computed it beside its store or not.
        assert_eq!(
            graph_version(&graph).unwrap(),
            version(&canonical(&graph).unwrap())
        );
        assert_eq!(
            triples_version(&graph.triples).unwrap(),
            version(&canonical(&graph).unwrap())
        );
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("sco-kg-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.ttl");
        write_atomically(&target, b"one").unwrap();
        write_atomically(&target, b"two").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.ttl")]);
        // A target in a missing folder fails and creates nothing.
        assert!(write_atomically(&dir.join("missing/out.ttl"), b"x").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
