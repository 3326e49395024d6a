//! Request-parameter handling on arbitrary input: the `/sparql` protocol parameters and
//! `format=`, `Accept` negotiation (server::negotiate), `?lang=` / cookie / `Accept-Language`
//! negotiation (i18n::negotiate), and `/api/lookup`'s query string through the real lookup
//! index. Each returns an answer or a typed refusal and never panics.
//!
//! The input is split at NUL bytes into the fields, in order: a `/sparql` query string, a
//! `format=` value, an `Accept` value, a `?lang=` value, a `Cookie` header, an
//! `Accept-Language` value, a `/api/lookup` query string.
#![no_main]

use std::sync::LazyLock;

use axum::extract::Query;
use axum::http::Uri;
use libfuzzer_sys::fuzz_target;
use sco_kg::graph::Base;
use sco_kg::i18n::{lang_cookie, negotiate as negotiate_lang, parse_accept_language};
use sco_kg::lookup::LookupIndex;
use sco_kg::server::api::{lookup_request, LookupParams};
use sco_kg::server::formats::{self, from_parameter, negotiate_kind, AnswerKind, Requested};
use sco_kg::server::negotiate::{negotiate, parse_accept};
use sco_kg::server::sparql::read_parameters;
use sco_kg::store::KnowledgeGraph;

static LOOKUP: LazyLock<LookupIndex> = LazyLock::new(|| {
    let graph = KnowledgeGraph::embedded(Base::default()).expect("the embedded graph");
    LookupIndex::new(&graph)
});

fuzz_target!(|data: &[u8]| {
    let mut fields = data.split(|&b| b == 0);
    let mut next = || String::from_utf8_lossy(fields.next().unwrap_or_default()).into_owned();
    let (sparql, format, accept, lang, cookie, accept_language, lookup) =
        (next(), next(), next(), next(), next(), next(), next());

    // /sparql: the protocol's parameters (the raw bytes, as they come in a URL or a form).
    let _ = read_parameters(sparql.as_bytes());

    // format= and Accept, for both kinds of answer.
    for kind in [AnswerKind::Results, AnswerKind::Graph] {
        match from_parameter(&format, kind) {
            Requested::Format(media_type, _) => assert!(!media_type.is_empty()),
            Requested::Unfit | Requested::Unknown => {}
        }
        if let Some((media_type, _)) = negotiate_kind(Some(&accept), kind) {
            let offered = match kind {
                AnswerKind::Results => formats::listed(formats::RESULTS),
                AnswerKind::Graph => formats::listed(formats::RDF),
            };
            assert!(offered.contains(&sco_kg::server::negotiate::essence(media_type)));
        }
    }
    // No well-formed range: the server's first choice.
    if parse_accept(&accept).is_empty() {
        assert_eq!(
            negotiate(Some(&accept), formats::RDF),
            formats::RDF.first().copied()
        );
    }

    // The language of a page.
    let from_cookie = lang_cookie(&cookie);
    if let Some(value) = from_cookie {
        assert!(cookie.contains(value));
    }
    let _ = negotiate_lang(Some(&lang), from_cookie, Some(&accept_language));
    let languages = parse_accept_language(&accept_language);
    for (i, l) in languages.iter().enumerate() {
        assert!(!languages[..i].contains(l), "{l:?} twice in {languages:?}");
    }

    // /api/lookup: the query string as axum reads it, then the lookup itself.
    if let Ok(uri) = format!("/api/lookup?{lookup}").parse::<Uri>() {
        if let Ok(Query(params)) = Query::<LookupParams>::try_from_uri(&uri) {
            if let Ok((q, options)) = lookup_request(&params) {
                let answer = LOOKUP.respond(q, &options);
                assert!(answer.hits.len() <= options.limit);
            }
        }
    }
});
