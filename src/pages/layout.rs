//! The frame of every page: `<head>` with the stylesheet and the RDF alternates, the header
//! with the language switch, and the footer with the data services.

use std::sync::OnceLock;

use maud::{html, Markup, DOCTYPE};
use sha2::{Digest, Sha256};

use super::render::Cx;
use super::{DUMP_EXTENSIONS, RDF_ALTERNATES};
use crate::i18n::Lang;
use crate::t;

/// The stylesheet of every page, compiled into the binary and served by this server as
/// `/assets/{STYLESHEET_PATH}` (never another host). A file rather than a `<style>` element, so
/// that the server's Content-Security-Policy can refuse every inline style (`style-src 'self'`):
/// a style injected into a page cannot apply.
pub const STYLESHEET: &str = include_str!("style.css");

/// The path of [`STYLESHEET`] under `/assets/`.
pub const STYLESHEET_PATH: &str = "pages.css";

/// The first 12 hex digits of the SHA-256 of [`STYLESHEET`]: the `?v=` of its URL, which
/// changes whenever the stylesheet does, so that browsers may keep each URL for a year.
pub fn stylesheet_tag() -> &'static str {
    static TAG: OnceLock<String> = OnceLock::new();
    TAG.get_or_init(|| {
        Sha256::digest(STYLESHEET.as_bytes())[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    })
}

/// The route of a page, to build the language switch and `hreflang` alternates.
pub(crate) enum Route<'a> {
    Home,
    /// `/page/{path}`.
    Page(&'a str),
    /// `/page/{path}` of no resource: no RDF alternates.
    Missing(&'a str),
    /// `/query`, with the rest of its query string ("example=01-…"), kept across languages.
    Query(&'a str),
    /// `/search`, with the rest of its query string ("q=…&type=…"), kept across languages.
    Search(&'a str),
    /// `/ontology` (its HTML page).
    Ontology,
}

impl Cx<'_> {
    fn route_href(&self, route: &Route, lang: Lang) -> String {
        match route {
            Route::Home => format!("{}/?lang={lang}", self.public),
            Route::Page(path) | Route::Missing(path) => {
                format!("{}/page/{path}?lang={lang}", self.public)
            }
            Route::Query("") => format!("{}/query?lang={lang}", self.public),
            Route::Query(rest) => format!("{}/query?lang={lang}&{rest}", self.public),
            Route::Search(rest) => format!("{}/search?lang={lang}&{rest}", self.public),
            Route::Ontology => format!("{}/ontology?lang={lang}", self.public),
        }
    }

    pub(crate) fn format_name(&self, media_type: &str) -> String {
        match media_type {
            "text/turtle" => t!(self, "format-turtle"),
            "application/n-triples" => t!(self, "format-ntriples"),
            "application/rdf+xml" => t!(self, "format-rdfxml"),
            _ => t!(self, "format-jsonld"),
        }
    }
}

/// A whole HTML document.
pub(crate) fn page(cx: &Cx, title: &str, route: Route, main: Markup) -> String {
    page_with_head(cx, title, route, html! {}, main)
}

/// A whole HTML document with more in its `<head>` (the workbench's scripts and styles).
pub(crate) fn page_with_head(
    cx: &Cx,
    title: &str,
    route: Route,
    head: Markup,
    main: Markup,
) -> String {
    let rdf = match route {
        Route::Page(path) => Some(format!("{}/id/{path}", cx.public)),
        Route::Home | Route::Missing(_) | Route::Query(_) | Route::Search(_) | Route::Ontology => {
            None
        }
    };
    let current = |l: Lang| (l == cx.lang).then_some("true");
    html! {
        (DOCTYPE)
        html lang=(cx.lang.bcp47()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (t!(cx, "page-title", "title" => title, "site" => t!(cx, "site-name"))) }
                @if let Some(rdf) = &rdf {
                    @for (media_type, extension) in RDF_ALTERNATES {
                        link rel="alternate" type=(media_type) href=(format!("{rdf}.{extension}")) title=(cx.format_name(media_type));
                    }
                }
                @for l in Lang::ALL {
                    link rel="alternate" hreflang=(l.bcp47()) href=(cx.route_href(&route, l));
                }
                link rel="stylesheet" href=(cx.route(&format!("/assets/{STYLESHEET_PATH}?v={}", stylesheet_tag())));
                (head)
            }
            body {
                header.top {
                    div.bar {
                        a.brand href=(cx.route_href(&Route::Home, cx.lang)) { (t!(cx, "site-name")) }
                        nav.services aria-label=(t!(cx, "nav-services")) {
                            a href=(cx.route(&format!("/query?lang={}", cx.lang))) { (t!(cx, "nav-query")) }
                            a href=(cx.route("/sparql")) { (t!(cx, "nav-sparql")) }
                            a href=(cx.route("/ontology")) { (t!(cx, "nav-ontology")) }
                            a href=(cx.route("/source")) { (t!(cx, "nav-source")) }
                        }
                        nav.langs aria-label=(t!(cx, "nav-languages")) {
                            @for l in Lang::ALL {
                                a href=(cx.route_href(&route, l)) hreflang=(l.bcp47()) lang=(l.bcp47()) aria-current=[current(l)] {
                                    (cx.autonym(l))
                                }
                            }
                        }
                    }
                }
                main { (main) }
                footer {
                    div.bar {
                        p { (t!(cx, "footer-about")) }
                        p {
                            a href=(cx.route("/sparql")) { (t!(cx, "nav-sparql")) } " · "
                            a href=(cx.route(&format!("/query?lang={}", cx.lang))) { (t!(cx, "nav-query")) } " · "
                            a href=(cx.route("/ontology")) { (t!(cx, "nav-ontology")) } " · "
                            a href=(cx.route("/source")) { (t!(cx, "nav-source")) } " · "
                            a href=(cx.route("/.well-known/void")) { (t!(cx, "nav-void")) } " · "
                            (t!(cx, "nav-dumps")) " "
                            @for ext in DUMP_EXTENSIONS {
                                a.dump href=(cx.route(&format!("/dump/sco-kg.{ext}"))) { "." (ext) } " "
                            }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}
