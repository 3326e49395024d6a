//! The routes: one file per family of URLs, each a thin handler over the library.

pub(crate) mod api;
pub(crate) mod assets;
pub(crate) mod description;
pub(crate) mod documents;
pub(crate) mod dump;
pub(crate) mod health;
pub(crate) mod page;
pub(crate) mod resource;
pub(crate) mod sparql;
pub(crate) mod void;
pub(crate) mod workbench;
