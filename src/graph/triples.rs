//! The graph's triples, held once and shared: the knowledge graph, its resource views and
//! whatever else reads them point at the same array instead of copying it.

use std::sync::Arc;

use oxigraph::model::Triple;

/// A sorted array of triples behind an `Arc`: cheap to clone, read as a slice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Triples(Arc<Vec<Triple>>);

impl From<Vec<Triple>> for Triples {
    /// Takes the vector as it is (no copy: at ×100 it is 100 MB of triples).
    fn from(triples: Vec<Triple>) -> Self {
        Self(Arc::new(triples))
    }
}

impl std::ops::Deref for Triples {
    type Target = [Triple];

    fn deref(&self) -> &[Triple] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Triples {
    type Item = &'a Triple;
    type IntoIter = std::slice::Iter<'a, Triple>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
