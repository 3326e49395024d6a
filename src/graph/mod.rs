//! Graph: the linked plan → RDF triples with the ontology's terms.

pub mod build;
pub mod kind;
pub mod view;
pub mod vocab;

pub use build::{build, Base};
pub use kind::ResourceKind;
