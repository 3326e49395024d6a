//! How many triples match a triple pattern, for any choice of bound positions, read from a table
//! built once with the graph. The server's guards estimate a query's rows before running it;
//! counting through the store decoded every matching quad (its strings included) and took
//! longer than evaluating a millisecond query.
//!
//! The table keeps a 64-bit hash of each (bound positions, terms) combination, not the terms:
//! a few hundred kilobytes for this graph. A collision could only change an estimate. The
//! hashes are kept sorted, with their counts beside them, rather than in a hash table: 12 bytes
//! a combination instead of 17 and the table's slack (at ×100, 3.2 million of them: 38 MB
//! instead of 71).

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet, FxHasher};

use oxigraph::model::{NamedNodeRef, TermRef, Triple};

/// The table of triple counts by pattern, with the node counts and degrees the guards' bounds
/// use.
pub struct PatternCounts {
    total: u64,
    /// The combinations' hashes ([`key`]), sorted, each once.
    keys: Vec<u64>,
    /// How many triples each combination of `keys` has, at the same index.
    by_key: Vec<u32>,
    /// Distinct subjects and objects of each predicate's triples, by the predicate's hash.
    nodes_by_predicate: HashMap<u64, u32>,
    /// Distinct subjects and objects of the graph.
    nodes: u64,
    /// The most triples of each predicate (by its hash) that share a subject, and an object.
    degrees_by_predicate: HashMap<u64, (u32, u32)>,
    /// The most triples of any predicates that share a subject, an object, a predicate.
    degrees: (u64, u64, u64),
}

/// A place in a triple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// The subject.
    Subject,
    /// The predicate.
    Predicate,
    /// The object.
    Object,
}

/// Which positions a pattern binds: bit 0 subject, bit 1 predicate, bit 2 object.
type Shape = u8;

impl PatternCounts {
    /// The table of a graph's triples (built once, with the graph).
    pub fn new(triples: &[Triple]) -> Self {
        // One pass, each term hashed once per triple and its hash combined into every key:
        // hashing the terms' strings again for each of the seven shapes and in four passes
        // took most of the time on a large graph (benches/scale.rs, stage "counts").
        let mut keys: Vec<u64> = Vec::with_capacity(triples.len() * 7);
        // The nodes a path's closure can reach: those its predicates' triples touch.
        let mut nodes_of: HashMap<u64, HashSet<u64>> = HashMap::default();
        let mut nodes = HashSet::default();
        // How many triples share a term at a place, per predicate and over all of them: what
        // one row of a join can meet of a pattern (the guards' upper bounds).
        let mut per_subject: HashMap<(u64, u64), u32> = HashMap::default();
        let mut per_object: HashMap<(u64, u64), u32> = HashMap::default();
        let mut any_subject: HashMap<u64, u32> = HashMap::default();
        let mut any_object: HashMap<u64, u32> = HashMap::default();
        let mut per_predicate: HashMap<u64, u32> = HashMap::default();
        for t in triples {
            let (s, p, o) = (
                hash(TermRef::from(t.subject.as_ref())),
                hash(t.predicate.as_ref()),
                hash(t.object.as_ref()),
            );
            for shape in 1..=7 {
                keys.push(key(shape, Some(s), Some(p), Some(o)));
            }
            let of_predicate = nodes_of.entry(p).or_default();
            for end in [s, o] {
                of_predicate.insert(end);
                nodes.insert(end);
            }
            *per_subject.entry((p, s)).or_default() += 1;
            *per_object.entry((p, o)).or_default() += 1;
            *any_subject.entry(s).or_default() += 1;
            *any_object.entry(o).or_default() += 1;
            *per_predicate.entry(p).or_default() += 1;
        }
        // Each combination once, with the number of its repeats.
        keys.sort_unstable();
        let mut by_key: Vec<u32> = Vec::new();
        let mut distinct = 0;
        for i in 0..keys.len() {
            if i > 0 && keys[i] == keys[distinct - 1] {
                by_key[distinct - 1] += 1;
            } else {
                keys[distinct] = keys[i];
                by_key.push(1);
                distinct += 1;
            }
        }
        keys.truncate(distinct);
        keys.shrink_to_fit();
        by_key.shrink_to_fit();
        let mut degrees_by_predicate: HashMap<u64, (u32, u32)> = HashMap::default();
        for ((p, _), n) in per_subject {
            let entry = degrees_by_predicate.entry(p).or_default();
            entry.0 = entry.0.max(n);
        }
        for ((p, _), n) in per_object {
            let entry = degrees_by_predicate.entry(p).or_default();
            entry.1 = entry.1.max(n);
        }
        let most = |counts: HashMap<u64, u32>| u64::from(counts.into_values().max().unwrap_or(0));
        let degrees = (most(any_subject), most(per_predicate), most(any_object));
        Self {
            total: triples.len() as u64,
            keys,
            by_key,
            degrees_by_predicate,
            degrees,
            nodes_by_predicate: nodes_of
                .into_iter()
                .map(|(p, ends)| (p, ends.len() as u32))
                .collect(),
            nodes: nodes.len() as u64,
        }
    }

    /// The most triples of `predicate` (`None`: of any predicate) that share one term at
    /// `position`. At the predicate's own place: the most triples of one predicate.
    pub fn degree(&self, predicate: Option<NamedNodeRef<'_>>, position: Position) -> u64 {
        match (predicate, position) {
            (None, Position::Subject) => self.degrees.0,
            (_, Position::Predicate) => self.degrees.1,
            (None, Position::Object) => self.degrees.2,
            (Some(p), position) => {
                let (subject, object) = self
                    .degrees_by_predicate
                    .get(&hash(p))
                    .copied()
                    .unwrap_or_default();
                u64::from(if position == Position::Subject {
                    subject
                } else {
                    object
                })
            }
        }
    }

    /// How many distinct subjects and objects the triples of `predicate` have (`None`: of any
    /// predicate, the whole graph's).
    pub fn nodes(&self, predicate: Option<NamedNodeRef<'_>>) -> u64 {
        match predicate {
            None => self.nodes,
            Some(p) => self
                .nodes_by_predicate
                .get(&hash(p))
                .map_or(0, |&n| u64::from(n)),
        }
    }

    /// How many triples have these terms where they are given (`None`: any term).
    pub fn count(
        &self,
        subject: Option<TermRef<'_>>,
        predicate: Option<NamedNodeRef<'_>>,
        object: Option<TermRef<'_>>,
    ) -> u64 {
        let shape = u8::from(subject.is_some())
            | u8::from(predicate.is_some()) << 1
            | u8::from(object.is_some()) << 2;
        if shape == 0 {
            return self.total;
        }
        let key = key(
            shape,
            subject.map(hash),
            predicate.map(hash),
            object.map(hash),
        );
        self.keys
            .binary_search(&key)
            .map_or(0, |i| u64::from(self.by_key[i]))
    }
}

fn hash(value: impl Hash) -> u64 {
    let mut hasher = FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

/// The hashes of the shape's positions' terms (see [`hash`]), hashed with the shape; the other
/// positions are left out.
fn key(shape: Shape, subject: Option<u64>, predicate: Option<u64>, object: Option<u64>) -> u64 {
    let mut hasher = FxHasher::default();
    shape.hash(&mut hasher);
    for (bit, term) in [(1, subject), (2, predicate), (4, object)] {
        if shape & bit != 0 {
            term.hash(&mut hasher);
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn counts_agree_with_the_triples_for_every_shape() {
        let n = |s: &str| NamedNode::new(format!("http://example.org/{s}")).unwrap();
        let (a, b, p, q) = (n("a"), n("b"), n("p"), n("q"));
        let one = Literal::from(1);
        let text = Literal::new_language_tagged_literal("один", "ru").unwrap();
        let triples = vec![
            Triple::new(a.clone(), p.clone(), one.clone()),
            Triple::new(a.clone(), p.clone(), text.clone()),
            Triple::new(a.clone(), q.clone(), b.clone()),
            Triple::new(b.clone(), p.clone(), one.clone()),
        ];
        let counts = PatternCounts::new(&triples);
        fn term(x: &NamedNode) -> Option<TermRef<'_>> {
            Some(x.as_ref().into())
        }
        assert_eq!(counts.count(None, None, None), 4);
        assert_eq!(counts.count(term(&a), None, None), 3);
        assert_eq!(counts.count(None, Some(p.as_ref()), None), 3);
        assert_eq!(counts.count(None, None, Some(one.as_ref().into())), 2);
        assert_eq!(counts.count(term(&a), Some(p.as_ref()), None), 2);
        assert_eq!(
            counts.count(None, Some(p.as_ref()), Some(one.as_ref().into())),
            2
        );
        assert_eq!(counts.count(term(&a), None, term(&b)), 1);
        assert_eq!(counts.count(term(&a), Some(q.as_ref()), term(&b)), 1);
        assert_eq!(counts.count(term(&b), Some(q.as_ref()), term(&a)), 0);
        // a has two p triples, 1 is the object of two; a has three triples; p has three.
        assert_eq!(counts.degree(Some(p.as_ref()), Position::Subject), 2);
        assert_eq!(counts.degree(Some(p.as_ref()), Position::Object), 2);
        assert_eq!(counts.degree(Some(q.as_ref()), Position::Subject), 1);
        assert_eq!(counts.degree(None, Position::Subject), 3);
        assert_eq!(counts.degree(None, Position::Object), 2);
        assert_eq!(counts.degree(None, Position::Predicate), 3);
        assert_eq!(counts.degree(Some(n("r").as_ref()), Position::Subject), 0);
        // a, b, 1 and "один" are the nodes; p links a, b, 1 and "один", q links a and b.
        assert_eq!(counts.nodes(None), 4);
        assert_eq!(counts.nodes(Some(p.as_ref())), 4);
        assert_eq!(counts.nodes(Some(q.as_ref())), 2);
        assert_eq!(counts.nodes(Some(n("r").as_ref())), 0);
        // The same text in another language, or the same number as a string, is another term.
        let other = Literal::new_language_tagged_literal("один", "bg").unwrap();
        assert_eq!(counts.count(None, None, Some(other.as_ref().into())), 0);
        let string = Literal::new_simple_literal("1");
        assert_eq!(counts.count(None, None, Some(string.as_ref().into())), 0);
        assert_eq!(counts.count(None, None, Some(text.as_ref().into())), 1);
    }
}
