//! Serialisers with prefixes registered, kept for the next answer. Registering a prefix parses
//! its namespace IRI: the graph's 23 took 55 000 instructions (callgrind), a sixth of the
//! answer to a DESCRIBE of one measure in Turtle, and a server writes every answer with the
//! same prefixes. A clone of a kept serialiser copies the strings without parsing them again.

use std::sync::{Mutex, PoisonError};

use oxigraph::io::RdfFormat;

/// The serialisers of the last few (format, prefixes) asked for.
pub(super) struct Prefixed<S> {
    kept: Mutex<Vec<Kept<S>>>,
}

/// A serialiser, with the format and prefixes it was made for.
type Kept<S> = (RdfFormat, Vec<(String, String)>, S);

/// How many are kept: a server asks for a handful of formats, with one set of prefixes.
const KEPT: usize = 8;

impl<S: Clone> Prefixed<S> {
    pub(super) const fn new() -> Self {
        Self {
            kept: Mutex::new(Vec::new()),
        }
    }

    /// A serialiser of `format` with `prefixes`, kept or made by `build` (then kept).
    pub(super) fn get<E>(
        &self,
        format: RdfFormat,
        prefixes: &[(String, String)],
        build: impl FnOnce() -> Result<S, E>,
    ) -> Result<S, E> {
        if prefixes.is_empty() {
            return build();
        }
        // Nothing panics while the lock is held; a poisoned list is whole.
        let lock = || self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, _, kept)) = lock()
            .iter()
            .find(|(f, p, _)| *f == format && p.as_slice() == prefixes)
        {
            return Ok(kept.clone());
        }
        let made = build()?;
        let mut kept = lock();
        if kept.len() == KEPT {
            kept.remove(0);
        }
        kept.push((format, prefixes.to_vec(), made.clone()));
        Ok(made)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_serialiser_is_built_once_for_the_same_format_and_prefixes() {
        let kept: Prefixed<String> = Prefixed::new();
        let built = Cell::new(0);
        let ex = vec![("ex".to_string(), "http://example.org/".to_string())];
        let other = vec![("ex".to_string(), "http://example.com/".to_string())];
        // Asked in turn: format, prefixes, what a build would make, what is answered, and how
        // many builds there have been since the start.
        type Step<'a> = (RdfFormat, &'a [(String, String)], &'a str, &'a str, usize);
        let steps: [Step; 6] = [
            (RdfFormat::Turtle, &ex, "a", "a", 1),
            (RdfFormat::Turtle, &ex, "b", "a", 1),
            // Another format, other prefixes: built anew.
            (RdfFormat::TriG, &ex, "c", "c", 2),
            (RdfFormat::Turtle, &other, "d", "d", 3),
            // No prefixes: nothing to keep.
            (RdfFormat::Turtle, &[], "e", "e", 4),
            (RdfFormat::Turtle, &[], "f", "f", 5),
        ];
        for (format, prefixes, offered, answered, builds) in steps {
            let got = kept.get(format, prefixes, || {
                built.set(built.get() + 1);
                Ok::<_, ()>(offered.to_string())
            });
            assert_eq!(got.as_deref(), Ok(answered), "{format:?} {prefixes:?}");
            assert_eq!(built.get(), builds, "{format:?} {prefixes:?}");
        }
        // A failed build is not kept.
        assert_eq!(
            kept.get(RdfFormat::N3, &ex, || Err::<String, ()>(())),
            Err(())
        );
        assert_eq!(
            kept.get(RdfFormat::N3, &ex, || Ok::<_, ()>("g".into())),
            Ok("g".into())
        );
        // The oldest goes past KEPT.
        for format in [RdfFormat::NTriples, RdfFormat::NQuads, RdfFormat::RdfXml] {
            kept.get(format, &ex, || Ok::<_, ()>(String::new()))
                .unwrap();
        }
        let held = |p: &[(String, String)]| {
            kept.kept
                .lock()
                .unwrap()
                .iter()
                .filter(|(_, q, _)| q == p)
                .count()
        };
        assert_eq!((held(&ex), held(&other)), (6, 1));
        for i in 0..KEPT {
            let prefixes = [(i.to_string(), "http://x/".to_string())];
            kept.get(RdfFormat::Turtle, &prefixes, || Ok::<_, ()>(String::new()))
                .unwrap();
        }
        assert_eq!((held(&ex), held(&other)), (0, 0));
    }
}
