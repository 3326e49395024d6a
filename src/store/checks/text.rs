//! Nesting, checked on the text before the parser sees it (the parser recurses, and
//! backtracks through parentheses).

use super::{Refusal, MAX_DEPTH, MAX_PARENTHESES};

/// Brackets nest at most [`MAX_DEPTH`] deep, and parentheses [`MAX_PARENTHESES`], outside
/// strings, IRIs and comments: checked on the text, before the parser sees it.
pub fn check_text(text: &str) -> Result<(), Refusal> {
    let nesting = nesting(text);
    // Parentheses first: they count in the depth too, and reach their lower limit first.
    if nesting.parentheses > MAX_PARENTHESES {
        return Err(Refusal::ParenthesesTooDeep {
            limit: MAX_PARENTHESES,
        });
    }
    if nesting.depth > MAX_DEPTH {
        return Err(Refusal::TooDeep { limit: MAX_DEPTH });
    }
    Ok(())
}

/// How deep a text's brackets nest, outside strings, IRIs and comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nesting {
    /// The deepest nesting of `{`, `(` and `[` together.
    pub depth: usize,
    /// The deepest nesting of `(` alone.
    pub parentheses: usize,
}

/// The deepest nesting of `text`'s brackets, outside strings, IRIs and comments. Unbalanced
/// closing brackets count as nothing (the parser refuses them).
pub fn nesting(text: &str) -> Nesting {
    let bytes = text.as_bytes();
    let (mut depth, mut parentheses) = (0usize, 0usize);
    let mut deepest = Nesting {
        depth: 0,
        parentheses: 0,
    };
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'(' | b'[' => {
                depth += 1;
                deepest.depth = deepest.depth.max(depth);
                if bytes[i] == b'(' {
                    parentheses += 1;
                    deepest.parentheses = deepest.parentheses.max(parentheses);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b')' => {
                depth = depth.saturating_sub(1);
                parentheses = parentheses.saturating_sub(1);
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            quote @ (b'"' | b'\'') => {
                let long = bytes[i..].starts_with(&[quote; 3]);
                i += if long { 3 } else { 1 };
                while i < bytes.len() {
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if long && bytes[i..].starts_with(&[quote; 3]) {
                        i += 2;
                        break;
                    }
                    if !long && (bytes[i] == quote || bytes[i] == b'\n') {
                        break;
                    }
                    i += 1;
                }
            }
            // An IRI, if what follows up to '>' could be one; otherwise a comparison.
            b'<' => {
                if let Some(end) = bytes[i + 1..]
                    .iter()
                    .position(|&b| b == b'>' || b <= b' ' || b"<\"{}|^`\\".contains(&b))
                {
                    if bytes[i + 1 + end] == b'>' {
                        i += end + 1;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_depth_ignores_strings_iris_and_comments() {
        let deep = format!("SELECT * {{ {} }}", "{".repeat(MAX_DEPTH + 1));
        assert!(check_text(&deep).is_err());
        let fine = format!(
            "SELECT * {}{}",
            "{".repeat(MAX_DEPTH),
            "}".repeat(MAX_DEPTH)
        );
        assert!(check_text(&fine).is_ok());
        let opening = "(".repeat(MAX_DEPTH * 2);
        // Parentheses have their own, lower limit; side by side they are fine.
        let nested = |n: usize| format!("SELECT ({}1{} AS ?x) {{}}", "(".repeat(n), ")".repeat(n));
        assert!(check_text(&nested(MAX_PARENTHESES - 1)).is_ok());
        assert!(check_text(&nested(MAX_PARENTHESES)).is_err());
        let side_by_side = format!(
            "SELECT * {{ {} }}",
            "FILTER((?a))".repeat(MAX_PARENTHESES * 4)
        );
        assert!(check_text(&side_by_side).is_ok());
        for quoted in [
            format!("SELECT * {{ FILTER(?x = \"{opening}\") }}"),
            format!("SELECT * {{ FILTER(?x = '{opening}') }}"),
            format!("SELECT * {{ FILTER(?x = \"\"\"{opening}\n{opening}\"\"\") }}"),
            format!("SELECT * {{ FILTER(?x = \"a\\\"{opening}\") }}"),
            format!("SELECT * {{ ?s <http://example.org/{opening}> ?o }}"),
            format!("SELECT * {{ ?s ?p ?o }} # {opening}"),
        ] {
            assert!(check_text(&quoted).is_ok(), "{quoted}");
        }
        // '<' as a comparison does not hide what follows.
        let compare = format!(
            "SELECT * {{ FILTER(?a < ?b) {} }}",
            "{".repeat(MAX_DEPTH + 1)
        );
        assert!(check_text(&compare).is_err());
        // Nor does an IRI with a '#'.
        let iri = format!(
            "SELECT * {{ ?s <http://x/#a> ?o {} }}",
            "{".repeat(MAX_DEPTH + 1)
        );
        assert!(check_text(&iri).is_err());
    }
}
