//! SPARQL 1.1 Query Results JSON for solutions, written straight into the answer's buffer.
//!
//! sparesults' writer hands every character of every string to `io::Write` on its own (through
//! json-event-parser's escaping): for the answer of every triple (2.3 MB) that was 63 % of the
//! request's time (`perf`). Here serde_json escapes the strings, copying whole the runs
//! that need no escape. The bytes are sparesults' own, key for key (the tests below hold them
//! equal); a term this writer does not know (RDF 1.2's triple terms and directional literals,
//! in builds that have them) is written by sparesults and spliced in.

use std::io;

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{Term, TermRef, Variable, VariableRef};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsSerializer, WriterSolutionsSerializer,
};

use super::capped::Capped;

/// The solutions of a SELECT written in a results format: SPARQL JSON by
/// [`JsonSolutionsWriter`], the other formats by sparesults.
pub(super) enum SolutionsWriter {
    Json(JsonSolutionsWriter),
    Sparesults(WriterSolutionsSerializer<Capped>),
}

impl SolutionsWriter {
    pub(super) fn start(
        format: QueryResultsFormat,
        output: Capped,
        variables: &[Variable],
    ) -> io::Result<Self> {
        Ok(match format {
            QueryResultsFormat::Json => Self::Json(JsonSolutionsWriter::start(output, variables)?),
            other => Self::Sparesults(
                QueryResultsSerializer::from_format(other)
                    .serialize_solutions_to_writer(output, variables.to_vec())?,
            ),
        })
    }

    pub(super) fn serialize<'a>(
        &mut self,
        solution: impl IntoIterator<Item = (impl Into<VariableRef<'a>>, impl Into<TermRef<'a>>)>,
    ) -> io::Result<()> {
        match self {
            Self::Json(writer) => writer.serialize(solution),
            Self::Sparesults(writer) => writer.serialize(solution),
        }
    }

    pub(super) fn finish(self) -> io::Result<Capped> {
        match self {
            Self::Json(writer) => writer.finish(),
            Self::Sparesults(writer) => writer.finish(),
        }
    }
}

/// The bound variables of a collected row (a term per variable, `None` where unbound), in order.
pub(super) fn bound<'a>(
    variables: &'a [Variable],
    row: &'a [Option<Term>],
) -> impl Iterator<Item = (VariableRef<'a>, TermRef<'a>)> {
    variables
        .iter()
        .zip(row)
        .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref())))
}

/// Writes the solutions of a SELECT, row after row, into a [`Capped`] buffer.
pub(super) struct JsonSolutionsWriter {
    output: Capped,
    first: bool,
}

impl JsonSolutionsWriter {
    /// The head: the variables, in order.
    pub(super) fn start(mut output: Capped, variables: &[Variable]) -> io::Result<Self> {
        output.append(|buffer| {
            buffer.extend_from_slice(br#"{"head":{"vars":["#);
            for (i, variable) in variables.iter().enumerate() {
                if i > 0 {
                    buffer.push(b',');
                }
                write_string(buffer, variable.as_str())?;
            }
            buffer.extend_from_slice(br#"]},"results":{"bindings":["#);
            Ok(())
        })?;
        Ok(Self {
            output,
            first: true,
        })
    }

    /// One solution: its bound variables, in the order given.
    pub(super) fn serialize<'a>(
        &mut self,
        solution: impl IntoIterator<Item = (impl Into<VariableRef<'a>>, impl Into<TermRef<'a>>)>,
    ) -> io::Result<()> {
        let first = self.first;
        self.output.append(|buffer| {
            if !first {
                buffer.push(b',');
            }
            buffer.push(b'{');
            for (i, (variable, term)) in solution.into_iter().enumerate() {
                if i > 0 {
                    buffer.push(b',');
                }
                write_string(buffer, variable.into().as_str())?;
                buffer.push(b':');
                write_term(buffer, term.into())?;
            }
            buffer.push(b'}');
            Ok(())
        })?;
        // Only a row that was kept is one the next must follow with a comma.
        self.first = false;
        Ok(())
    }

    /// Closes the document and gives the buffer back.
    pub(super) fn finish(mut self) -> io::Result<Capped> {
        self.output.append(|buffer| {
            buffer.extend_from_slice(b"]}}");
            Ok(())
        })?;
        Ok(self.output)
    }
}

/// A JSON string, quoted and escaped as JSON requires (and as json-event-parser escapes:
/// `\"`, `\\`, the short escapes, `\u00xx` in lower case for the other control characters).
fn write_string(buffer: &mut Vec<u8>, value: &str) -> io::Result<()> {
    serde_json::to_writer(buffer, value).map_err(io::Error::other)
}

fn write_term(buffer: &mut Vec<u8>, term: TermRef<'_>) -> io::Result<()> {
    match term {
        TermRef::NamedNode(iri) => {
            buffer.extend_from_slice(br#"{"type":"uri","value":"#);
            write_string(buffer, iri.as_str())?;
        }
        TermRef::BlankNode(node) => {
            buffer.extend_from_slice(br#"{"type":"bnode","value":"#);
            write_string(buffer, node.as_str())?;
        }
        // A directional literal (RDF 1.2) has the datatype rdf:dirLangString: sparesults writes it.
        TermRef::Literal(literal)
            if literal.language().is_none() || literal.datatype() == rdf::LANG_STRING =>
        {
            buffer.extend_from_slice(br#"{"type":"literal","value":"#);
            write_string(buffer, literal.value())?;
            if let Some(language) = literal.language() {
                buffer.extend_from_slice(br#","xml:lang":"#);
                write_string(buffer, language)?;
            } else if literal.datatype() != xsd::STRING {
                buffer.extend_from_slice(br#","datatype":"#);
                write_string(buffer, literal.datatype().as_str())?;
            }
        }
        // RDF 1.2's terms, where the build has them (the tests' does).
        #[allow(unreachable_patterns)]
        other => return write_term_by_sparesults(buffer, other),
    }
    buffer.push(b'}');
    Ok(())
}

/// The term as sparesults writes it: the one binding of a one-row answer, cut out.
fn write_term_by_sparesults(buffer: &mut Vec<u8>, term: TermRef<'_>) -> io::Result<()> {
    const HEAD: &[u8] = br#"{"head":{"vars":["t"]},"results":{"bindings":[{"t":"#;
    const TAIL: &[u8] = b"}]}}";
    let variable = Variable::new_unchecked("t");
    let mut writer = QueryResultsSerializer::from_format(QueryResultsFormat::Json)
        .serialize_solutions_to_writer(Vec::new(), vec![variable.clone()])?;
    writer.serialize([(variable.as_ref(), term)])?;
    let whole = writer.finish()?;
    match whole
        .strip_prefix(HEAD)
        .and_then(|rest| rest.strip_suffix(TAIL))
    {
        Some(term) => {
            buffer.extend_from_slice(term);
            Ok(())
        }
        None => Err(io::Error::other(format!(
            "sparesults wrote a one-row answer in an unexpected shape: {}",
            String::from_utf8_lossy(&whole)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{BlankNode, Literal, NamedNode, NamedNodeRef, Term};

    fn typed(value: &str, datatype: NamedNodeRef<'_>) -> Literal {
        Literal::new_typed_literal(value, datatype)
    }

    /// sparesults' own bytes for the same solutions.
    fn by_sparesults(variables: &[Variable], rows: &[Vec<Option<Term>>]) -> Vec<u8> {
        let mut writer = QueryResultsSerializer::from_format(QueryResultsFormat::Json)
            .serialize_solutions_to_writer(Vec::new(), variables.to_vec())
            .unwrap();
        for row in rows {
            writer.serialize(bound(variables, row)).unwrap();
        }
        writer.finish().unwrap()
    }

    fn by_us(
        variables: &[Variable],
        rows: &[Vec<Option<Term>>],
        limit: Option<usize>,
    ) -> io::Result<Vec<u8>> {
        let mut writer = JsonSolutionsWriter::start(Capped::new(limit), variables)?;
        for row in rows {
            writer.serialize(bound(variables, row))?;
        }
        Ok(writer.finish()?.into_inner())
    }

    /// Every kind of term, and strings with each character JSON escapes, non-ASCII text,
    /// DEL, quotes and backslashes.
    fn terms() -> Vec<Term> {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        let mut terms: Vec<Term> = vec![
            NamedNode::new_unchecked("https://w3id.org/sco-kg/id/measure/1").into(),
            NamedNode::new_unchecked("http://example.org/a\"b\\c").into(),
            BlankNode::new_unchecked("b0").into(),
            Literal::new_simple_literal("").into(),
            Literal::new_simple_literal(every_control.clone()).into(),
            Literal::new_simple_literal("\u{7f} \"quoted\" back\\slash / solidus").into(),
            Literal::new_language_tagged_literal_unchecked(
                "Секретариат ШОС\nи РАТС\t«кавычки»",
                "ru",
            )
            .into(),
            Literal::new_language_tagged_literal_unchecked("上海合作组织\u{2028}秘书处", "zh")
                .into(),
            Literal::new_language_tagged_literal_unchecked(every_control, "en-gb").into(),
            typed("2020-11-10", xsd::DATE).into(),
            typed("139", xsd::INTEGER).into(),
            typed("x", xsd::STRING).into(),
            typed("<b>a</b>", rdf::HTML).into(),
        ];
        terms.extend(rdf_12_terms());
        terms
    }

    /// RDF 1.2's terms: written by sparesults and spliced.
    fn rdf_12_terms() -> Vec<Term> {
        let mut terms = Vec::new();
        // The tests' build has oxigraph's rdf-12 feature (Cargo.toml's dev-dependencies).
        let directional = Literal::new_directional_language_tagged_literal_unchecked(
            "مرحبا",
            "ar",
            oxigraph::model::BaseDirection::Rtl,
        );
        terms.push(directional.into());
        terms.push(
            oxigraph::model::Triple::new(
                NamedNode::new_unchecked("http://example.org/s"),
                NamedNode::new_unchecked("http://example.org/p"),
                Literal::new_simple_literal("o\n"),
            )
            .into(),
        );
        terms
    }

    #[test]
    fn writes_the_bytes_sparesults_writes() {
        let variables = vec![
            Variable::new_unchecked("s"),
            Variable::new_unchecked("label"),
            Variable::new_unchecked("o"),
        ];
        let terms = terms();
        // Each term in each position, with unbound variables between (not written at all).
        let mut rows = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            rows.push(vec![
                Some(term.clone()),
                None,
                Some(terms[(i + 1) % terms.len()].clone()),
            ]);
            rows.push(vec![None, Some(term.clone()), None]);
            rows.push(vec![None, None, None]);
        }
        assert_eq!(
            String::from_utf8(by_us(&variables, &rows, None).unwrap()).unwrap(),
            String::from_utf8(by_sparesults(&variables, &rows)).unwrap()
        );
        // No rows, and no variables at all.
        assert_eq!(
            by_us(&variables, &[], None).unwrap(),
            by_sparesults(&variables, &[])
        );
        assert_eq!(
            by_us(&[], &[vec![]], None).unwrap(),
            by_sparesults(&[], &[vec![]])
        );
    }

    #[test]
    fn a_refused_row_leaves_the_document_as_if_it_had_not_been_sent() {
        let variables = vec![Variable::new_unchecked("o")];
        let long = vec![Some(Term::from(Literal::new_simple_literal(
            "x".repeat(1000),
        )))];
        let short = vec![Some(Term::from(Literal::new_simple_literal("y")))];
        let expected = by_sparesults(&variables, std::slice::from_ref(&short));
        let mut writer =
            JsonSolutionsWriter::start(Capped::new(Some(expected.len() + 10)), &variables).unwrap();
        assert!(writer.serialize(bound(&variables, &long)).is_err());
        writer.serialize(bound(&variables, &short)).unwrap();
        assert_eq!(writer.finish().unwrap().into_inner(), expected);
    }

    #[test]
    fn a_row_past_the_limit_is_refused_and_not_kept() {
        let variables = vec![Variable::new_unchecked("o")];
        let row = vec![Some(Term::from(Literal::new_simple_literal(
            "x".repeat(100),
        )))];
        let whole = by_sparesults(&variables, &[row.clone(), row.clone()]);
        // Room for the head and one row, not two.
        let limit = whole.len() - 50;
        let mut writer = JsonSolutionsWriter::start(Capped::new(Some(limit)), &variables).unwrap();
        writer
            .serialize([(variables[0].as_ref(), row[0].as_ref().unwrap().as_ref())])
            .unwrap();
        let error = writer
            .serialize([(variables[0].as_ref(), row[0].as_ref().unwrap().as_ref())])
            .unwrap_err();
        assert!(error
            .get_ref()
            .unwrap()
            .is::<super::super::capped::TooManyBytes>());
        assert!(writer
            .finish()
            .is_ok_and(|written| written.into_inner().len() <= limit));
    }
}
