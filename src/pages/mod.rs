//! Server-side HTML pages over the knowledge graph, localised with Fluent.
//!
//! [`Pages::new`] reads the graph's description of every resource once
//! ([`KnowledgeGraph::views`]: outbound and inbound triples, labels) and the ontology's labels
//! of its terms; rendering a page then reads only that. The pages are pure functions of the graph, the localizer, the language and the
//! public URL the server is reached at; they assume these routes on that server:
//!
//! | route | what |
//! |---|---|
//! | `/` | [`Pages::home`] |
//! | `/page/{path}` | [`Pages::resource`] of the IRI `{base}{path}` |
//! | `/id/{path}` | the resource's RDF (the `<link rel="alternate">` of each page) |
//! | `/sparql`, `/query` | the SPARQL endpoint and its query page ([`Pages::workbench`]) |
//! | `/assets/{path}` | the workbench's scripts and styles (`web/`), and every page's stylesheet ([`STYLESHEET_PATH`]) |
//! | `/dump/sco-kg.{ttl,nt,nq,trig,rdf,jsonld}` | dumps |
//! | `/ontology` | the ontology's page ([`Pages::ontology`]) for browsers, its RDF for others; `/ontology.{ttl,nt,rdf,jsonld}` each syntax |
//! | `/search?q=…&type=…` | the search results page ([`Pages::search`]; the search form of every search box) |
//! | `/source`, `/.well-known/void` | the source text, VoID |
//! | `/api/lookup?q=…&lang=…` | entity lookup as JSON |
//!
//! Links between pages carry `?lang=` so that a reader stays in the language chosen.
//! Every word shown comes from `locales/{ru,en,zh}/pages.ftl` (the workbench's from
//! `workbench.ftl`) or from the graph's labels.

mod home;
mod index;
mod kinds;
mod layout;
mod map;
mod ontology;
mod render;
mod search;
mod workbench;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::i18n::{Lang, Localizer};
use crate::store::KnowledgeGraph;

pub use index::Pages;
pub use layout::{stylesheet_tag, STYLESHEET, STYLESHEET_PATH};
pub use ontology::ONTOLOGY_FORMATS;
pub use search::{MarkedHit, Search};
pub use workbench::Workbench;

/// The alternate RDF formats every page links to (`<link rel="alternate">` and the links
/// on the page), each at its own URL `/id/{path}.{extension}`: a browser that follows one gets
/// that format, not the page again (it would send `Accept: text/html` to `/id/{path}`).
pub const RDF_ALTERNATES: [(&str, &str); 4] = [
    ("text/turtle", "ttl"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdf"),
    ("application/ld+json", "jsonld"),
];

/// The dumps the home page links to, as `/dump/sco-kg.{extension}`.
pub const DUMP_EXTENSIONS: [&str; 6] = ["ttl", "nt", "nq", "trig", "rdf", "jsonld"];

/// The index of a graph, built once per dataset version and shared (for the free functions).
fn cached(kg: &KnowledgeGraph) -> Arc<Pages> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Pages>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    // Keyed by the version the graph computed beside its index; without one, nothing to key by.
    let Ok(version) = crate::export::graph_version(kg) else {
        return Arc::new(Pages::new(kg));
    };
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(version)
        .or_insert_with(|| Arc::new(Pages::new(kg)))
        .clone()
}

/// The home page. Convenience over [`Pages::home`] that indexes `kg` on first use and keeps
/// the index for the dataset's version; a server should rather build [`Pages`] once and keep it.
pub fn home(kg: &KnowledgeGraph, loc: &Localizer, lang: Lang, public_url: &str) -> String {
    cached(kg).home(loc, lang, public_url)
}

/// The page of a resource under the base; `None` for any other IRI (answer 404).
/// Convenience over [`Pages::resource`], as [`home`] is.
pub fn resource(
    kg: &KnowledgeGraph,
    loc: &Localizer,
    lang: Lang,
    iri: &str,
    public_url: &str,
) -> Option<String> {
    cached(kg).resource(loc, lang, iri, public_url)
}
