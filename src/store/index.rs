//! The graph as the SPARQL evaluator reads it: a read-only index of numbered terms.
//!
//! Every distinct term of the triples gets a number, and the triples are kept four times as
//! sorted arrays of numbers (subject–predicate–object, predicate–subject–object,
//! predicate–object–subject, object–subject–predicate): every triple pattern, whatever it
//! binds, is a prefix of one of them, so its matches are one contiguous slice: where the rows
//! of its first term start is kept, the rest is a search among them (from where the query's
//! last search among the same rows ended, then a binary search) and doubling steps to the
//! run's end. The evaluator
//! (Oxigraph's, `vendor/spareval`) joins, groups and hashes those numbers, and turns a number
//! back into a term only where a value is read or written.
//!
//! Oxigraph's in-memory store, which held the triples before, is built for transactions:
//! versioned linked lists of quads walked node by node. On the graph ×100 its scans took four
//! fifths of an aggregation's time (`perf`), and it held a second copy of every string (309
//! MB). A term here is not copied either: its number points at the triple and the position it
//! was first seen in, in the graph's own [`graph::Triples`].

use std::cell::{Cell, RefCell};
use std::convert::Infallible;
use std::hash::BuildHasher;

use hashbrown::HashTable;
use oxigraph::model::{Term, TermRef, Triple};
use rustc_hash::{FxBuildHasher, FxHashMap};
use spareval::{InternalQuad, QueryableDataset};

use super::GraphError;
use crate::graph;

/// The most triples a graph may have: three terms a triple at most, and every term's number
/// must fit a `u32`.
pub const MAX_TRIPLES: usize = (u32::MAX / 3) as usize;

/// The triples of a graph, numbered and sorted four ways.
pub(crate) struct TripleIndex {
    triples: graph::Triples,
    /// Where each term was first seen: the index of a triple and a position in it (0 the
    /// subject, 1 the predicate, 2 the object). A term's number is its index here.
    first_seen: Vec<(u32, u8)>,
    /// Every term's number, found by the term's hash.
    numbers: HashTable<u32>,
    spo: Sorted,
    /// The subject–predicate lookups' order: a predicate's rows are few next to the graph's,
    /// and a join that looks up the same predicate for subject after subject (a measure's
    /// section, then the next measure's) reads near where it read last. In SPO each subject's
    /// rows were a cache miss of their own: 75 % of the time of those lookups at ×100 (`perf`).
    pso: Sorted,
    pos: Sorted,
    osp: Sorted,
}

/// The triples' numbers in one order, and where the rows of each leading term start: a
/// pattern's first number finds its rows without a search (a binary search over the whole
/// array was 58 % of an aggregation's time at ×100, a cache miss a step).
struct Sorted {
    rows: Vec<[u32; 3]>,
    /// The rows of leading term `t` are `rows[starts[t]..starts[t + 1]]`.
    starts: Vec<u32>,
}

impl Sorted {
    fn new(mut rows: Vec<[u32; 3]>, terms: usize) -> Self {
        rows.sort_unstable();
        rows.dedup();
        let mut starts = vec![0u32; terms + 1];
        for row in &rows {
            starts[row[0] as usize + 1] += 1;
        }
        for t in 0..terms {
            starts[t + 1] += starts[t];
        }
        Self { rows, starts }
    }

    /// The rows that start with `prefix` (one to three numbers). `finger`, given when the
    /// prefix has two numbers or three, holds where the last search among the rows of the same
    /// first number ended.
    fn starting(&self, prefix: &[u32], finger: Option<&Cell<Finger>>) -> &[[u32; 3]] {
        let Some(&first) = prefix.first() else {
            return &self.rows;
        };
        let Some(end) = self.starts.get(first as usize + 1) else {
            // A term the query made: no triple has it.
            return &[];
        };
        let rows = &self.rows[self.starts[first as usize] as usize..*end as usize];
        let Some(&second) = prefix.get(1) else {
            return rows;
        };
        let near = finger
            .and_then(|finger| finger.get().at)
            .map(|at| at as usize);
        let start = first_at_least(rows, second, near);
        if let Some(finger) = finger {
            finger.set(Finger {
                at: Some(start as u32),
                ..finger.get()
            });
        }
        let of_second = run_from(rows, start, |row| row[1] == second);
        match *prefix {
            [_, _, third] => run_from(
                of_second,
                of_second.partition_point(|row| row[2] < third),
                |row| row[2] == third,
            ),
            _ => of_second,
        }
    }
}

/// Where the last search among the rows of one first number of one order ended.
#[derive(Clone, Copy, Default)]
struct Finger {
    /// The order and the first number; `None` for a finger not yet used.
    of: Option<(Order, u32)>,
    at: Option<u32>,
}

/// A query's fingers: a join that looks up one predicate for subject after subject mostly
/// asks them in order (the left side comes from a sorted array), so the next search starts
/// where the last one ended and finds its row a few rows on. A binary search over all the
/// rows of the predicate was a third of an aggregation's time at ×100 (`perf`): fourteen
/// dependent steps among a predicate's 13 900 rows. A query's joins look up a few predicates
/// by turns, each keeps its finger: the least recently taken is given to a new one.
#[derive(Default)]
struct Fingers {
    fingers: [Cell<Finger>; 8],
    next: Cell<usize>,
}

impl Fingers {
    fn of(&self, order: Order, first: u32) -> &Cell<Finger> {
        let wanted = Some((order, first));
        if let Some(finger) = self.fingers.iter().find(|finger| finger.get().of == wanted) {
            return finger;
        }
        let taken = self.next.get();
        self.next.set((taken + 1) % self.fingers.len());
        let finger = &self.fingers[taken];
        finger.set(Finger {
            of: wanted,
            at: None,
        });
        finger
    }
}

/// The first of `rows` (sorted, one leading term) whose second number is `target` or more,
/// searched from `near` (where a search ended last) outwards in doubling steps while they stay
/// close, then by a binary search of what is left.
fn first_at_least(rows: &[[u32; 3]], target: u32, near: Option<usize>) -> usize {
    // Past this, the steps from `near` would cost more than a binary search would.
    const FARTHEST_STEP: usize = 64;
    // Every row before `low` is below `target`, every row from `high` on is not.
    let (mut low, mut high) = (0, rows.len());
    if let Some(near) = near.filter(|&near| near < rows.len()) {
        let mut step = 1;
        if rows[near][1] < target {
            low = near + 1;
            while step <= FARTHEST_STEP && near + step < high {
                if rows[near + step][1] >= target {
                    high = near + step;
                    break;
                }
                low = near + step + 1;
                step *= 2;
            }
        } else {
            high = near;
            while step <= FARTHEST_STEP && step <= near {
                if rows[near - step][1] < target {
                    low = near - step + 1;
                    break;
                }
                high = near - step;
                step *= 2;
            }
        }
    }
    low + rows[low..high].partition_point(|row| row[1] < target)
}

/// The run of sorted `rows` from `start` whose rows `match`: its end by doubling steps from
/// the start (the run is short next to the rows of its leading term, and the steps stay near
/// each other in memory). Empty if the row at `start` does not match.
fn run_from(rows: &[[u32; 3]], start: usize, matches: impl Fn(&[u32; 3]) -> bool) -> &[[u32; 3]] {
    let rows = &rows[start..];
    if !rows.first().is_some_and(&matches) {
        return &[];
    }
    let mut past = 1;
    while past < rows.len() && matches(&rows[past]) {
        past *= 2;
    }
    let from = past / 2;
    let window = &rows[from..past.min(rows.len())];
    &rows[..from + window.partition_point(|row| matches(row))]
}

impl TripleIndex {
    /// Numbers the terms of `triples` and sorts them four ways.
    pub(crate) fn new(triples: graph::Triples) -> Result<Self, GraphError> {
        if triples.len() > MAX_TRIPLES {
            return Err(GraphError::TooLarge {
                triples: triples.len(),
            });
        }
        let mut numbering = Numbering {
            triples: &triples,
            first_seen: Vec::new(),
            numbers: HashTable::new(),
        };
        let mut spo = Vec::with_capacity(triples.len());
        let mut previous: Option<(usize, u32)> = None;
        for (at, triple) in triples.iter().enumerate() {
            // The triples are sorted: a subject's come together, and need no second hash.
            let subject = match previous {
                Some((before, number)) if triples[before].subject == triple.subject => number,
                _ => numbering.number(triple.subject.as_ref().into(), at, 0),
            };
            previous = Some((at, subject));
            let predicate = numbering.number(triple.predicate.as_ref().into(), at, 1);
            let object = numbering.number(triple.object.as_ref(), at, 2);
            spo.push([subject, predicate, object]);
        }
        let Numbering {
            first_seen,
            numbers,
            ..
        } = numbering;
        let terms = first_seen.len();
        let spo = Sorted::new(spo, terms);
        let pso = Sorted::new(spo.rows.iter().map(|&[s, p, o]| [p, s, o]).collect(), terms);
        let pos = Sorted::new(spo.rows.iter().map(|&[s, p, o]| [p, o, s]).collect(), terms);
        let osp = Sorted::new(spo.rows.iter().map(|&[s, p, o]| [o, s, p]).collect(), terms);
        Ok(Self {
            triples,
            first_seen,
            numbers,
            spo,
            pso,
            pos,
            osp,
        })
    }

    /// How many distinct terms the triples have: the numbers past it are terms a query made.
    fn term_count(&self) -> usize {
        self.first_seen.len()
    }

    fn term(&self, number: u32) -> TermRef<'_> {
        term_at(&self.triples, self.first_seen[number as usize])
    }

    fn number(&self, term: TermRef<'_>) -> Option<u32> {
        self.numbers
            .find(hash(term), |&number| self.term(number) == term)
            .copied()
    }

    /// The triples matching a pattern of numbers (`None` matches any term), as subject,
    /// predicate, object.
    fn matching(
        &self,
        s: Option<u32>,
        p: Option<u32>,
        o: Option<u32>,
        fingers: &Fingers,
    ) -> Matches<'_> {
        let (prefix, order): (&[u32], _) = match (s, p, o) {
            (Some(s), Some(p), Some(o)) => (&[p, s, o], Order::Pso),
            (Some(s), Some(p), None) => (&[p, s], Order::Pso),
            (Some(s), None, Some(o)) => (&[o, s], Order::Osp),
            (Some(s), None, None) => (&[s], Order::Spo),
            (None, Some(p), Some(o)) => (&[p, o], Order::Pos),
            (None, Some(p), None) => (&[p], Order::Pos),
            (None, None, Some(o)) => (&[o], Order::Osp),
            (None, None, None) => (&[], Order::Spo),
        };
        let sorted = match order {
            Order::Spo => &self.spo,
            Order::Pso => &self.pso,
            Order::Pos => &self.pos,
            Order::Osp => &self.osp,
        };
        let finger = (prefix.len() >= 2).then(|| fingers.of(order, prefix[0]));
        let rows = sorted.starting(prefix, finger);
        Matches {
            rows: rows.iter(),
            order,
        }
    }

    /// The view of one query: the index, and the terms its evaluation makes that the graph
    /// does not have (an aggregate's value, a `BIND`'s), numbered after the graph's.
    pub(crate) fn view(&self) -> IndexView<'_> {
        IndexView {
            index: self,
            made: RefCell::default(),
            fingers: Fingers::default(),
        }
    }
}

fn term_at(triples: &[Triple], (at, position): (u32, u8)) -> TermRef<'_> {
    let triple = &triples[at as usize];
    match position {
        0 => triple.subject.as_ref().into(),
        1 => triple.predicate.as_ref().into(),
        _ => triple.object.as_ref(),
    }
}

fn hash(term: TermRef<'_>) -> u64 {
    FxBuildHasher.hash_one(term)
}

/// The terms' numbers while the index is built.
struct Numbering<'t> {
    triples: &'t [Triple],
    first_seen: Vec<(u32, u8)>,
    numbers: HashTable<u32>,
}

impl Numbering<'_> {
    /// The number of `term`, at position `position` of triple `at`: its own if the term was
    /// seen before, the next one if not.
    fn number(&mut self, term: TermRef<'_>, at: usize, position: u8) -> u32 {
        let (triples, first_seen) = (self.triples, &mut self.first_seen);
        let hashed = hash(term);
        if let Some(&number) = self.numbers.find(hashed, |&n| {
            term_at(triples, first_seen[n as usize]) == term
        }) {
            return number;
        }
        let number = first_seen.len() as u32;
        first_seen.push((at as u32, position));
        self.numbers.insert_unique(hashed, number, |&n| {
            hash(term_at(triples, first_seen[n as usize]))
        });
        number
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Spo,
    Pso,
    Pos,
    Osp,
}

/// Rows of one of the four arrays, read back as subject, predicate, object.
struct Matches<'a> {
    rows: std::slice::Iter<'a, [u32; 3]>,
    order: Order,
}

impl Iterator for Matches<'_> {
    type Item = [u32; 3];

    fn next(&mut self) -> Option<[u32; 3]> {
        let &[a, b, c] = self.rows.next()?;
        Some(match self.order {
            Order::Spo => [a, b, c],
            Order::Pso => [b, a, c],
            Order::Pos => [c, a, b],
            Order::Osp => [b, c, a],
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.rows.size_hint()
    }
}

/// What one query's evaluation reads: the index, and the terms it made.
pub(crate) struct IndexView<'a> {
    index: &'a TripleIndex,
    made: RefCell<Made>,
    fingers: Fingers,
}

/// Terms a query made that the graph does not have, numbered from the graph's term count on.
#[derive(Default)]
struct Made {
    terms: Vec<Term>,
    numbers: FxHashMap<Term, u32>,
}

impl<'a> QueryableDataset<'a> for IndexView<'a> {
    type InternalTerm = u32;
    type Error = Infallible;

    fn internal_quads_for_pattern(
        &self,
        subject: Option<&u32>,
        predicate: Option<&u32>,
        object: Option<&u32>,
        graph_name: Option<Option<&u32>>,
    ) -> impl Iterator<Item = Result<InternalQuad<u32>, Infallible>> + use<'a> {
        // Every triple is in the default graph; there are no named graphs. `None` asks for
        // every graph: as Oxigraph's store does, the default graph's triples are among them
        // (the evaluator drops them where it wants the named graphs only).
        let named_graph = matches!(graph_name, Some(Some(_)));
        let index: &'a TripleIndex = self.index;
        let matches = if !named_graph {
            index.matching(
                subject.copied(),
                predicate.copied(),
                object.copied(),
                &self.fingers,
            )
        } else {
            Matches {
                rows: [].iter(),
                order: Order::Spo,
            }
        };
        matches.map(|[subject, predicate, object]| {
            Ok(InternalQuad {
                subject,
                predicate,
                object,
                graph_name: None,
            })
        })
    }

    fn internal_named_graphs(&self) -> impl Iterator<Item = Result<u32, Infallible>> + use<'a> {
        std::iter::empty()
    }

    fn contains_internal_graph_name(&self, _graph_name: &u32) -> Result<bool, Infallible> {
        Ok(false)
    }

    fn internalize_term(&self, term: Term) -> Result<u32, Infallible> {
        if let Some(number) = self.index.number(term.as_ref()) {
            return Ok(number);
        }
        let mut made = self.made.borrow_mut();
        if let Some(&number) = made.numbers.get(&term) {
            return Ok(number);
        }
        // Past u32 the numbers would wrap onto the graph's: a query making four billion terms
        // has long been stopped by its memory budget.
        let number = (self.index.term_count() + made.terms.len()) as u32;
        made.terms.push(term.clone());
        made.numbers.insert(term, number);
        Ok(number)
    }

    fn externalize_term(&self, number: u32) -> Result<Term, Infallible> {
        Ok(
            match (number as usize).checked_sub(self.index.term_count()) {
                None => self.index.term(number).into_owned(),
                Some(made) => self.made.borrow().terms[made].clone(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    fn iri(name: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("http://example.org/{name}"))
    }

    fn index() -> TripleIndex {
        let triples = vec![
            Triple::new(iri("a"), iri("p"), iri("b")),
            Triple::new(
                iri("a"),
                iri("p"),
                Literal::new_language_tagged_literal_unchecked("x", "ru"),
            ),
            Triple::new(iri("a"), iri("q"), iri("a")),
            Triple::new(iri("b"), iri("p"), iri("a")),
            Triple::new(iri("b"), iri("q"), Literal::from(1)),
            // The same string in another kind of term is another term.
            Triple::new(
                iri("c"),
                iri("p"),
                Literal::new_simple_literal("http://example.org/a"),
            ),
        ];
        TripleIndex::new(triples.into()).unwrap()
    }

    fn number(index: &TripleIndex, term: impl Into<Term>) -> Option<u32> {
        index.number(term.into().as_ref())
    }

    /// The triples matching a pattern, as terms, sorted.
    fn matching(index: &TripleIndex, pattern: [Option<Term>; 3]) -> Vec<[Term; 3]> {
        let [s, p, o] = pattern.map(|term| term.map(|t| number(index, t).unwrap()));
        let mut found: Vec<[Term; 3]> = index
            .matching(s, p, o, &Fingers::default())
            .map(|row| row.map(|n| index.term(n).into_owned()))
            .collect();
        found.sort_by_key(|row| format!("{row:?}"));
        found
    }

    #[test]
    fn every_distinct_term_gets_one_number() {
        let index = index();
        // a b c, p q, the literals "x"@ru, 1 and "http://example.org/a".
        assert_eq!(index.term_count(), 8);
        let a = number(&index, iri("a")).unwrap();
        assert_eq!(index.term(a), TermRef::from(iri("a").as_ref()));
        assert_ne!(
            number(&index, Literal::new_simple_literal("http://example.org/a")),
            Some(a)
        );
        assert_eq!(number(&index, iri("nowhere")), None);
        // Another language is another term.
        assert_eq!(
            number(
                &index,
                Literal::new_language_tagged_literal_unchecked("x", "en")
            ),
            None
        );
    }

    #[test]
    fn every_shape_of_pattern_finds_exactly_its_triples() {
        let index = index();
        let t = |name: &str| Some(Term::from(iri(name)));
        let all = matching(&index, [None, None, None]);
        assert_eq!(all.len(), 6);
        // Each shape against a filter of every triple: the index must agree with a scan.
        let shapes: Vec<[Option<Term>; 3]> = vec![
            [t("a"), t("p"), t("b")],
            [t("a"), t("p"), None],
            [t("a"), None, t("a")],
            [t("a"), None, None],
            [None, t("p"), t("a")],
            [None, t("q"), None],
            [None, None, t("a")],
            [t("c"), t("q"), None],
        ];
        for shape in shapes {
            let expected: Vec<[Term; 3]> = all
                .iter()
                .filter(|row| {
                    row.iter()
                        .zip(&shape)
                        .all(|(term, bound)| bound.as_ref().is_none_or(|b| b == term))
                })
                .cloned()
                .collect();
            assert_eq!(matching(&index, shape.clone()), expected, "{shape:?}");
        }
        assert_eq!(matching(&index, [None, t("q"), None]).len(), 2);
        assert_eq!(matching(&index, [None, None, t("a")]).len(), 2);
    }

    #[test]
    fn a_run_of_any_length_is_found_whole() {
        // Runs of 0 to 70 rows with the second number 5, between rows with 4 and 6.
        for before in [0, 1, 3] {
            for run in 0..70u32 {
                for after in [0, 1, 9] {
                    let mut rows: Vec<[u32; 3]> = (0..before).map(|i| [0, 4, i]).collect();
                    rows.extend((0..run).map(|i| [0, 5, i]));
                    rows.extend((0..after).map(|i| [0, 6, i]));
                    let found = run_from(&rows, first_at_least(&rows, 5, None), |row| row[1] == 5);
                    let expected: Vec<[u32; 3]> =
                        rows.iter().filter(|row| row[1] == 5).copied().collect();
                    assert_eq!(found, &expected[..], "{before} {run} {after}");
                }
            }
        }
    }

    #[test]
    fn a_search_from_any_finger_finds_what_a_binary_search_finds() {
        // Second numbers one apart, spread in a few clusters, all equal, and in long runs of
        // one number; every target from below the least to above the most, searched from no
        // finger and from fingers before, at, after and far from the answer.
        let spreads: Vec<Vec<u32>> = vec![
            (0..300).map(|i| 3 * i + 7).collect(),
            (0..300).map(|i| (i / 100) * 100_000 + i % 100).collect(),
            vec![42; 200],
            (0..300).map(|i| (i / 37) * 5).collect(),
            vec![0, 1, u32::MAX - 1, u32::MAX],
        ];
        for seconds in spreads {
            let rows: Vec<[u32; 3]> = seconds.iter().map(|&b| [0, b, 0]).collect();
            let mut targets: Vec<u32> = seconds
                .iter()
                .flat_map(|&b| [b.saturating_sub(1), b, b.saturating_add(1)])
                .collect();
            targets.extend([0, u32::MAX]);
            for target in targets {
                let expected = rows.partition_point(|row| row[1] < target);
                let fingers = [
                    0,
                    1,
                    2,
                    5,
                    63,
                    64,
                    65,
                    130,
                    rows.len() - 1,
                    rows.len(),
                    10_000,
                ]
                .into_iter()
                .map(Some)
                .chain([None, Some(expected), Some(expected.saturating_sub(1))]);
                for near in fingers {
                    assert_eq!(
                        first_at_least(&rows, target, near),
                        expected,
                        "{target} from {near:?} among {:?}…",
                        &seconds[..4]
                    );
                }
            }
        }
    }

    #[test]
    fn lookups_one_after_another_find_the_same_rows_as_lookups_on_their_own() {
        let index = index();
        let fingers = Fingers::default();
        let numbers: Vec<u32> = (0..index.term_count() as u32).collect();
        // Every pattern binding two or three terms, in an order that goes back and forth.
        for &s in numbers.iter().chain(numbers.iter().rev()) {
            for &p in &numbers {
                for o in [None, Some(s), Some(p)] {
                    let shared: Vec<_> = index.matching(Some(s), Some(p), o, &fingers).collect();
                    let alone: Vec<_> = index
                        .matching(Some(s), Some(p), o, &Fingers::default())
                        .collect();
                    assert_eq!(shared, alone, "{s} {p} {o:?}");
                }
                let shared: Vec<_> = index.matching(None, Some(p), Some(s), &fingers).collect();
                let alone: Vec<_> = index
                    .matching(None, Some(p), Some(s), &Fingers::default())
                    .collect();
                assert_eq!(shared, alone, "? {p} {s}");
            }
        }
    }

    #[test]
    fn a_term_the_graph_lacks_gets_a_number_of_its_own_and_matches_nothing() {
        let index = index();
        let view = index.view();
        let made = Term::from(Literal::from(42));
        let number = view.internalize_term(made.clone()).unwrap();
        assert!(number as usize >= index.term_count());
        assert_eq!(view.internalize_term(made.clone()).unwrap(), number);
        assert_eq!(view.externalize_term(number).unwrap(), made);
        assert_eq!(
            view.internal_quads_for_pattern(Some(&number), None, None, Some(None))
                .count(),
            0
        );
        // A term of the graph keeps the graph's number.
        let one = Term::from(Literal::from(1));
        assert_eq!(
            view.internalize_term(one.clone()).unwrap(),
            number_of(&index, one)
        );
    }

    fn number_of(index: &TripleIndex, term: Term) -> u32 {
        number(index, term).unwrap()
    }

    #[test]
    fn every_triple_is_in_the_default_graph_and_none_in_a_named_one() {
        let index = index();
        let view = index.view();
        let a = number_of(&index, Term::from(iri("a")));
        assert_eq!(
            view.internal_quads_for_pattern(None, None, None, Some(Some(&a)))
                .count(),
            0
        );
        assert_eq!(view.internal_named_graphs().count(), 0);
        assert!(!view.contains_internal_graph_name(&a).unwrap());
        for graph in [Some(None), None] {
            let quads: Vec<_> = view
                .internal_quads_for_pattern(None, None, None, graph)
                .map(Result::unwrap)
                .collect();
            assert_eq!(quads.len(), 6);
            assert!(quads.iter().all(|quad| quad.graph_name.is_none()));
        }
    }
}
