//! The routes: one file per family of URLs, each a thin handler over the library.

pub mod api;
pub mod assets;
pub mod description;
pub mod documents;
pub mod dump;
pub mod health;
pub mod page;
pub mod resource;
pub mod sparql;
pub mod void;
pub mod workbench;
