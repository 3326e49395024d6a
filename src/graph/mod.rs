//! Graph: the linked plan → RDF triples with the ontology's terms.

mod build;
mod kind;
mod triples;
mod view;
pub mod vocab;

pub use build::{build, Base, BaseError, Iris};
pub use kind::{ParamError, ResourceKind};
pub use triples::Triples;
pub use view::{Edge, ResourceView, Views};
