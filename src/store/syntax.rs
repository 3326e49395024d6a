//! A query that is not SPARQL, said in words: where (line, column, the line with a caret under
//! the place) and what (a prefix nobody declared, the query ending too soon, a token where
//! another was expected), instead of the parser's list of Unicode ranges.
//!
//! The parser (spargebra, through peg) keeps its error's position and expectations private and
//! shows them only as text, `error at LINE:COLUMN: expected …`; that text is read back here.
//! Columns count characters, as the parser's do.

use std::fmt;

use crate::i18n::Message;

/// Why and where a query's text is not SPARQL 1.1.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// What is wrong there.
    pub problem: Problem,
    /// The query's line at `line`, as written.
    pub source_line: String,
}

/// What is wrong with a query's text, at the place its [`SyntaxError`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A prefixed name whose prefix no `PREFIX` declares and the endpoint does not predeclare.
    UndeclaredPrefix {
        /// The prefix as written, without its colon.
        prefix: String,
        /// The prefixes the endpoint declares for every query.
        predeclared: Vec<String>,
    },
    /// The text ends where more was expected.
    UnexpectedEnd {
        /// What could come next, in words; empty when unknown or too many to list.
        expected: Vec<String>,
    },
    /// `found` stands where one of `expected` (possibly none known) should.
    Unexpected {
        /// The text at the place, up to white space (at most 30 characters; `\n` for a line end).
        found: String,
        /// What could stand there, in words; empty when unknown or too many to list.
        expected: Vec<String>,
    },
    /// A bare word that is no SPARQL keyword or function (`SELEC`, `LIMT`), and the keyword it
    /// is closest to, if any is close.
    UnknownWord {
        /// The word as written.
        found: String,
        /// The keyword it is closest to.
        suggestion: Option<String>,
    },
    /// A closing bracket with no opening one of its kind before it.
    ClosesNothing(char),
    /// An opening bracket never closed.
    NeverClosed(char),
    /// Anything else the parser says (a base IRI, a blank node shared by two groups).
    Other(String),
}

/// The most expected tokens listed: past it, the list tells a person nothing.
const LISTED: usize = 12;

impl SyntaxError {
    /// Reads the parser's error about `text`; `predeclared` are the prefixes every query may use.
    pub fn new(text: &str, parser_message: &str, predeclared: &[(String, String)]) -> Self {
        let Some((line, column, expected)) = parse_message(parser_message) else {
            return Self {
                line: 1,
                column: 1,
                problem: Problem::Other(parser_message.to_string()),
                source_line: text.lines().next().unwrap_or_default().to_string(),
            };
        };
        let source_line = text.split('\n').nth(line - 1).unwrap_or_default();
        let source_line = source_line.strip_suffix('\r').unwrap_or(source_line);
        let before: String = source_line.chars().take(column - 1).collect();
        let offset = offset_of(text, line, column);
        let at_end = text[offset..].trim().is_empty();

        // The parser reports the furthest place it reached, which for a misspelt keyword is
        // often past it ("LIMT 3" parses as far as the end): a bare word that is no keyword,
        // before that place, is the likelier culprit.
        if let Some((word_offset, word)) = first_unknown_word(text).filter(|(o, _)| *o <= offset) {
            let (line, column) = line_column(text, word_offset);
            let source_line = text.split('\n').nth(line - 1).unwrap_or_default();
            return Self {
                line,
                column,
                problem: Problem::UnknownWord {
                    suggestion: closest_keyword(&word),
                    found: word,
                },
                source_line: source_line.trim_end_matches('\r').to_string(),
            };
        }
        // Brackets that do not pair: the parser reports them wherever it gave up.
        if let Some((bracket_offset, bracket, closes)) =
            unbalanced_bracket(text).filter(|(o, _, closes)| !*closes || *o <= offset)
        {
            let (line, column) = line_column(text, bracket_offset);
            let source_line = text.split('\n').nth(line - 1).unwrap_or_default();
            return Self {
                line,
                column,
                problem: if closes {
                    Problem::ClosesNothing(bracket)
                } else {
                    Problem::NeverClosed(bracket)
                },
                source_line: source_line.trim_end_matches('\r').to_string(),
            };
        }
        let (column, problem) = if expected.iter().any(|e| e == "Prefix not found") {
            // The parser stops after the prefixed name: the name starts after the last
            // character that cannot be in one.
            let start = before
                .char_indices()
                .rev()
                .find(|(_, c)| {
                    !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '%' | '\\'))
                })
                .map_or(0, |(i, c)| i + c.len_utf8());
            let name = &before[start..];
            let prefix = name.split(':').next().unwrap_or_default().to_string();
            let mut predeclared: Vec<String> =
                predeclared.iter().map(|(p, _)| format!("{p}:")).collect();
            predeclared.sort();
            (
                before[..start].chars().count() + 1,
                Problem::UndeclaredPrefix {
                    prefix,
                    predeclared,
                },
            )
        } else {
            let expected: Vec<String> = expected.into_iter().filter_map(|e| readable(&e)).collect();
            let expected = if expected.len() > LISTED {
                Vec::new()
            } else {
                expected
            };
            let problem = if at_end {
                Problem::UnexpectedEnd { expected }
            } else {
                let found: String = source_line
                    .chars()
                    .skip(column - 1)
                    .take_while(|c| !c.is_whitespace())
                    .take(30)
                    .collect();
                Problem::Unexpected {
                    found: if found.is_empty() {
                        "\\n".into()
                    } else {
                        found
                    },
                    expected,
                }
            };
            (column, problem)
        };
        Self {
            line,
            column,
            problem,
            source_line: source_line.to_string(),
        }
    }

    /// The line of the query with a caret under the place.
    pub fn snippet(&self) -> String {
        let number = self.line.to_string();
        let caret: String = self
            .source_line
            .chars()
            .take(self.column.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        format!(
            "{number} | {}\n{} | {caret}^",
            self.source_line,
            " ".repeat(number.len())
        )
    }

    /// What a person reads, in any language.
    pub fn message(&self) -> Message {
        let at = |message: Message| {
            message
                .arg("line", self.line)
                .arg("column", self.column)
                .arg("snippet", self.snippet())
        };
        match &self.problem {
            Problem::UndeclaredPrefix {
                prefix,
                predeclared,
            } => at(Message::new("query-syntax-undeclared-prefix"))
                .arg("prefix", prefix.as_str())
                .arg("predeclared", predeclared.join(" ")),
            // What the parser expected at the end is every alternative it tried there, rarely
            // what is missing: the message says what usually is.
            Problem::UnexpectedEnd { .. } => at(Message::new("query-syntax-ends-too-soon")),
            Problem::Unexpected { found, expected } if expected.is_empty() => {
                at(Message::new("query-syntax-unexpected")).arg("found", found.as_str())
            }
            Problem::Unexpected { found, expected } => {
                at(Message::new("query-syntax-unexpected-expected"))
                    .arg("found", found.as_str())
                    .arg("expected", expected.join(", "))
            }
            Problem::UnknownWord {
                found,
                suggestion: Some(suggestion),
            } => at(Message::new("query-syntax-unknown-word-suggestion"))
                .arg("found", found.as_str())
                .arg("suggestion", suggestion.as_str()),
            Problem::UnknownWord {
                found,
                suggestion: None,
            } => at(Message::new("query-syntax-unknown-word")).arg("found", found.as_str()),
            Problem::ClosesNothing(bracket) => {
                at(Message::new("query-syntax-closes-nothing")).arg("bracket", bracket.to_string())
            }
            Problem::NeverClosed(bracket) => {
                at(Message::new("query-syntax-never-closed")).arg("bracket", bracket.to_string())
            }
            Problem::Other(detail) => {
                at(Message::new("query-syntax-other")).arg("detail", detail.as_str())
            }
        }
    }
}

/// In English, for logs and programs.
impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for SyntaxError {}

/// The words of SPARQL 1.1 (keywords, functions, aggregates; `a`, `true`, `false`), upper-cased.
const KEYWORDS: &[&str] = &[
    "BASE",
    "PREFIX",
    "SELECT",
    "CONSTRUCT",
    "DESCRIBE",
    "ASK",
    "DISTINCT",
    "REDUCED",
    "FROM",
    "NAMED",
    "WHERE",
    "GROUP",
    "BY",
    "HAVING",
    "ORDER",
    "ASC",
    "DESC",
    "LIMIT",
    "OFFSET",
    "VALUES",
    "UNDEF",
    "OPTIONAL",
    "UNION",
    "MINUS",
    "GRAPH",
    "SERVICE",
    "SILENT",
    "BIND",
    "FILTER",
    "AS",
    "NOT",
    "EXISTS",
    "IN",
    "A",
    "TRUE",
    "FALSE",
    "COUNT",
    "SUM",
    "MIN",
    "MAX",
    "AVG",
    "SAMPLE",
    "GROUP_CONCAT",
    "SEPARATOR",
    "STR",
    "LANG",
    "LANGMATCHES",
    "DATATYPE",
    "BOUND",
    "IRI",
    "URI",
    "BNODE",
    "RAND",
    "ABS",
    "CEIL",
    "FLOOR",
    "ROUND",
    "CONCAT",
    "STRLEN",
    "UCASE",
    "LCASE",
    "ENCODE_FOR_URI",
    "CONTAINS",
    "STRSTARTS",
    "STRENDS",
    "STRBEFORE",
    "STRAFTER",
    "YEAR",
    "MONTH",
    "DAY",
    "HOURS",
    "MINUTES",
    "SECONDS",
    "TIMEZONE",
    "TZ",
    "NOW",
    "UUID",
    "STRUUID",
    "MD5",
    "SHA1",
    "SHA256",
    "SHA384",
    "SHA512",
    "COALESCE",
    "IF",
    "STRLANG",
    "STRDT",
    "SAMETERM",
    "ISIRI",
    "ISURI",
    "ISBLANK",
    "ISLITERAL",
    "ISNUMERIC",
    "REGEX",
    "SUBSTR",
    "REPLACE",
    "LATERAL",
    "TRIPLE",
    "SUBJECT",
    "PREDICATE",
    "OBJECT",
    "ISTRIPLE",
    "LOAD",
    "CLEAR",
    "DROP",
    "CREATE",
    "ADD",
    "MOVE",
    "COPY",
    "INSERT",
    "DELETE",
    "DATA",
    "WITH",
    "USING",
    "DEFAULT",
    "ALL",
    "TO",
    "INTO",
    "LANGDIR",
    "STRLANGDIR",
    "HASLANG",
    "HASLANGDIR",
];

/// The byte offset of a 1-based line and character column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split('\n').take(line - 1).map(|l| l.len() + 1).sum();
    let rest = text.get(start..).unwrap_or_default();
    start
        + rest
            .char_indices()
            .nth(column - 1)
            .map_or(rest.len(), |(i, _)| i)
}

/// The 1-based line and character column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    (line, column)
}

/// What [`scan`] meets outside strings, IRIs, comments, variables and language tags.
enum Token<'t> {
    /// A bare word (a keyword, a function, or a mistake); prefixed names and blank nodes are
    /// not words.
    Word(&'t str),
    /// A bracket: `(`, `)`, `{`, `}`, `[`, `]`.
    Bracket(u8),
}

/// Calls `visit` with each token's byte offset, until it returns something.
fn scan<R>(text: &str, mut visit: impl FnMut(usize, Token<'_>) -> Option<R>) -> Option<R> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'#' => i += text[i..].find('\n').unwrap_or(text.len() - i),
            b'"' | b'\'' => {
                let long = text[i..].starts_with(if c == b'"' { "\"\"\"" } else { "'''" });
                let quote = if long {
                    &text[i..i + 3]
                } else {
                    &text[i..i + 1]
                };
                let mut j = i + quote.len();
                loop {
                    match text[j..].find(|ch: char| ch == '\\' || quote.starts_with(ch)) {
                        // An unclosed string: nothing after it can be judged.
                        None => return None,
                        Some(k) if bytes[j + k] == b'\\' => j += k + 2,
                        Some(k) if text[j + k..].starts_with(quote) => {
                            j += k + quote.len();
                            break;
                        }
                        Some(k) => j += k + 1,
                    }
                    if j >= text.len() {
                        return None;
                    }
                }
                i = j;
            }
            // An IRI: `<` followed by no space up to `>`; otherwise a comparison.
            b'<' => match text[i + 1..].find(|ch: char| ch == '>' || ch.is_whitespace()) {
                Some(k) if bytes[i + 1 + k] == b'>' => i += k + 2,
                _ => i += 1,
            },
            b'?' | b'$' | b'@' => {
                i += 1;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || matches!(bytes[i], b'_' | b'-')
                        || bytes[i] >= 0x80)
                {
                    i += 1;
                }
            }
            b'(' | b')' | b'{' | b'}' | b'[' | b']' => {
                if let Some(found) = visit(i, Token::Bracket(c)) {
                    return Some(found);
                }
                i += 1;
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || matches!(bytes[i], b'_' | b'-' | b'.' | b':' | b'%')
                        || bytes[i] >= 0x80)
                {
                    i += 1;
                }
                let token = text[start..i].trim_end_matches('.');
                i = start + token.len().max(1);
                if !token.contains(':') && !token.is_empty() {
                    if let Some(found) = visit(start, Token::Word(token)) {
                        return Some(found);
                    }
                }
            }
            _ if c.is_ascii_digit() => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.') {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// The first bare word of the text that is no SPARQL word.
fn first_unknown_word(text: &str) -> Option<(usize, String)> {
    scan(text, |offset, token| match token {
        Token::Word(word) if !KEYWORDS.contains(&word.to_ascii_uppercase().as_str()) => {
            Some((offset, word.to_string()))
        }
        _ => None,
    })
}

/// The first bracket that closes nothing or the wrong thing, else the first left open: its
/// offset, the bracket, and whether it closes (else it opens).
fn unbalanced_bracket(text: &str) -> Option<(usize, char, bool)> {
    let mut open: Vec<(usize, u8)> = Vec::new();
    let wrong = scan(text, |offset, token| match token {
        Token::Bracket(c @ (b'(' | b'{' | b'[')) => {
            open.push((offset, c));
            None
        }
        Token::Bracket(c) => {
            let opener = match c {
                b')' => b'(',
                b'}' => b'{',
                _ => b'[',
            };
            match open.pop() {
                Some((_, o)) if o == opener => None,
                _ => Some((offset, char::from(c), true)),
            }
        }
        Token::Word(_) => None,
    });
    wrong.or_else(|| {
        open.first()
            .map(|&(offset, c)| (offset, char::from(c), false))
    })
}

/// The keyword a misspelt word most likely meant: within two edits, transpositions counting
/// one.
fn closest_keyword(word: &str) -> Option<String> {
    let upper = word.to_ascii_uppercase();
    KEYWORDS
        .iter()
        .filter(|k| k.len() > 1)
        .map(|k| (strsim::damerau_levenshtein(&upper, k), *k))
        .filter(|(distance, k)| *distance <= 2 && *distance < k.len() / 2 + 1)
        .min()
        .map(|(_, k)| k.to_string())
}

/// `error at LINE:COLUMN: expected X` → the position and the expected items.
fn parse_message(message: &str) -> Option<(usize, usize, Vec<String>)> {
    let rest = message.strip_prefix("error at ")?;
    let (position, expected) = rest.split_once(": expected ")?;
    let (line, column) = position.split_once(':')?;
    let (line, column) = (line.parse().ok()?, column.parse().ok()?);
    if line == 0 || column == 0 {
        return None;
    }
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    Some((line, column, split_expected(expected)))
}

/// The items of peg's expected set: `"{", HAVING, ['a' ..= 'z' | …], Prefix not found`. A
/// bracketed character class may hold commas; it is one item.
fn split_expected(list: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let (mut depth, mut quoted) = (0usize, false);
    let mut chars = list.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if depth == 0 => quoted = !quoted,
            '\'' if depth > 0 => {
                // A quoted character inside a class: copy it through its closing quote.
                current.push(c);
                for d in chars.by_ref() {
                    current.push(d);
                    if d == '\'' {
                        break;
                    }
                }
                continue;
            }
            '[' if !quoted => depth += 1,
            ']' if !quoted && depth > 0 => depth -= 1,
            ',' if depth == 0 && !quoted => {
                items.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        items.push(current.trim().to_string());
    }
    items
}

/// An expected item as a person reads it: a keyword or a quoted token; character classes and
/// the parser's own notes are left out.
fn readable(item: &str) -> Option<String> {
    if item.starts_with('[') || item == "Prefix not found" || item.contains(' ') {
        return None;
    }
    let token = item
        .strip_prefix('"')
        .and_then(|i| i.strip_suffix('"'))
        .unwrap_or(item);
    (!token.is_empty()).then(|| format!("`{token}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefixes() -> Vec<(String, String)> {
        vec![
            ("sco".into(), "https://w3id.org/sco-kg/ontology#".into()),
            ("skos".into(), "http://www.w3.org/2004/02/skos/core#".into()),
        ]
    }

    #[test]
    fn an_undeclared_prefix_is_named_with_the_predeclared_ones() {
        let text = "SELECT * WHERE { ?x foo:bar ?y }";
        let message = "error at 1:28: expected one of Prefix not found, ['%'], ['-' | '0' ..= '9' | '\\u{00B7}'], ['.'], [':'], ['\\\\'], ['_']";
        let error = SyntaxError::new(text, message, &prefixes());
        assert_eq!(error.line, 1);
        assert_eq!(error.column, 21, "the caret under foo:bar");
        assert_eq!(
            error.problem,
            Problem::UndeclaredPrefix {
                prefix: "foo".into(),
                predeclared: vec!["sco:".into(), "skos:".into()],
            }
        );
        assert_eq!(
            error.snippet(),
            "1 | SELECT * WHERE { ?x foo:bar ?y }\n  |                     ^"
        );
    }

    #[test]
    fn the_end_of_the_query_and_a_stray_token_are_told_apart() {
        let text = "SELECT * WHERE { ?x ?p ?y }\nGROUP BY  ";
        let error = SyntaxError::new(
            text,
            "error at 2:11: expected one of \"$\", \"(\", \"?\", [_]",
            &prefixes(),
        );
        assert_eq!(
            error.problem,
            Problem::UnexpectedEnd {
                expected: vec!["`$`".into(), "`(`".into(), "`?`".into()]
            }
        );
        assert_eq!(error.source_line, "GROUP BY  ");
        let text = "SELECT * WHERE { ?x ?p ?y } ORDER BY ?x , ?y";
        let error = SyntaxError::new(
            text,
            "error at 1:41: expected one of HAVING, OFFSET, VALUES",
            &prefixes(),
        );
        assert_eq!(
            error.problem,
            Problem::Unexpected {
                found: ",".into(),
                expected: vec!["`HAVING`".into(), "`OFFSET`".into(), "`VALUES`".into()]
            }
        );
        // A message of another shape is kept whole.
        let error = SyntaxError::new("x", "The blank node _:b cannot be shared", &prefixes());
        assert!(matches!(error.problem, Problem::Other(_)));
    }

    #[test]
    fn a_misspelt_keyword_is_found_before_where_the_parser_gave_up() {
        // The parser reads on to the end of "LIMT 3", and from "SELEC" to "WHERE".
        let error = SyntaxError::new(
            "SELECT * WHERE { ?x ?p ?y } LIMT 3",
            "error at 1:35: expected one of HAVING, OFFSET, OPTIONAL, VALUES",
            &prefixes(),
        );
        assert_eq!((error.line, error.column), (1, 29));
        assert_eq!(
            error.problem,
            Problem::UnknownWord {
                found: "LIMT".into(),
                suggestion: Some("LIMIT".into())
            }
        );
        let error = SyntaxError::new(
            "PREFIX ex: <http://example.org/>\nselec * { ?s ex:p \"LIMT\"@en }",
            "error at 2:4: expected CONSTRUCT",
            &prefixes(),
        );
        assert_eq!((error.line, error.column), (2, 1));
        assert_eq!(
            error.problem,
            Problem::UnknownWord {
                found: "selec".into(),
                suggestion: Some("SELECT".into())
            }
        );
        // Words inside strings, IRIs, comments, language tags and prefixed names are not
        // looked at; keywords in any case are words.
        assert_eq!(
            first_unknown_word(
                "select ?x { ?x a <http://x/LIMT> ; ex:LIMT 'LIMT', \"\"\"LIMT\"\"\"@en-GB # LIMT\n filter(regex(str(?x), \"a\")) } LIMIT 1"
            ),
            None
        );
        assert_eq!(closest_keyword("Zzzzz"), None);
    }

    #[test]
    fn brackets_that_do_not_pair_are_pointed_at() {
        let error = SyntaxError::new(
            "SELECT ?x WHERE { ?x sco:number 3 } ORDER BY ?x )",
            "error at 1:50: expected one of CEIL, DESC, LANG",
            &prefixes(),
        );
        assert_eq!(
            (error.column, &error.problem),
            (49, &Problem::ClosesNothing(')'))
        );
        let error = SyntaxError::new(
            "SELECT ?x WHERE {\n  ?x sco:number 3 .\n  FILTER(?x > 2)",
            "error at 3:17: expected one of \"}\"",
            &prefixes(),
        );
        assert_eq!(
            (error.line, error.column, &error.problem),
            (1, 17, &Problem::NeverClosed('{'))
        );
        // Brackets in strings and IRIs do not count.
        assert_eq!(
            unbalanced_bracket("SELECT * { ?s ?p \"{(\" . ?s ?p <http://x/)> }"),
            None
        );
    }

    #[test]
    fn character_classes_with_commas_are_one_item() {
        assert_eq!(
            split_expected("\"{\", [',' | ']'], HAVING"),
            vec!["\"{\"", "[',' | ']']", "HAVING"]
        );
    }
}
