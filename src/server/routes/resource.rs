//! `/id/{path}`: every IRI under the base dereferences here. The resource is looked up as
//! `base + path` whatever origin the server is reached at (the base names things, the public URL
//! locates this server).
//!
//! The 303 convention ("Cool URIs for the Semantic Web", W3C Note 2008, §4.3): `/id/…` names
//! the thing itself, which is not a document; a client that prefers HTML is sent with
//! `303 See Other` to the page about it at `/page/…`, and an RDF client gets the description
//! directly (its triples, its inbound links and the labels of what they mention) in the syntax
//! it accepts.

use crate::i18n::Message;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedNode, NamedNodeRef, Triple};

use crate::export::write_rdf;
use crate::server::http::cache::{add_validators, etag, short_hash, Representation};
use crate::server::http::error::AppError;
use crate::server::http::formats::rdf_name;
use crate::server::http::negotiate::{accept_header, negotiate};
use crate::server::http::origin::PublicUrl;
use crate::server::state::AppState;
use crate::store::KnowledgeGraph;

/// What `/id/…` can answer: RDF, or a redirect to the HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Rdf(RdfFormat),
    Html,
}

/// RDF first: a client that does not prefer HTML (`*/*`, no Accept) gets Turtle. N3 is served
/// as Turtle, which is N3; TriG and N-Quads hold the description in the default graph.
const OFFERS: &[(&str, Answer)] = &[
    ("text/turtle; charset=utf-8", Answer::Rdf(RdfFormat::Turtle)),
    ("application/x-turtle", Answer::Rdf(RdfFormat::Turtle)),
    ("application/n-triples", Answer::Rdf(RdfFormat::NTriples)),
    ("application/rdf+xml", Answer::Rdf(RdfFormat::RdfXml)),
    ("application/ld+json", Answer::Rdf(crate::store::JSON_LD)),
    ("text/n3; charset=utf-8", Answer::Rdf(RdfFormat::Turtle)),
    ("application/trig", Answer::Rdf(RdfFormat::TriG)),
    ("application/n-quads", Answer::Rdf(RdfFormat::NQuads)),
    ("text/html", Answer::Html),
    ("application/xhtml+xml", Answer::Html),
];

/// The stable URL of each format of a resource, `/id/{path}.{extension}`: what a browser can
/// follow and save, and what a negotiated answer names in `Content-Location`.
pub const EXTENSIONS: &[(&str, &str, RdfFormat)] = &[
    ("ttl", "text/turtle; charset=utf-8", RdfFormat::Turtle),
    ("nt", "application/n-triples", RdfFormat::NTriples),
    ("rdf", "application/rdf+xml", RdfFormat::RdfXml),
    ("jsonld", "application/ld+json", crate::store::JSON_LD),
    ("n3", "text/n3; charset=utf-8", RdfFormat::Turtle),
    ("trig", "application/trig", RdfFormat::TriG),
    ("nq", "application/n-quads", RdfFormat::NQuads),
];

/// The extension of a format's stable URL (N3's answer is Turtle's: `.ttl` unless asked as N3).
fn extension_of(content_type: &str) -> Option<&'static str> {
    EXTENSIONS
        .iter()
        .find(|(_, media_type, _)| *media_type == content_type)
        .map(|(extension, _, _)| *extension)
}

/// A path that ends in the extension of a format: the resource's path and that format.
fn with_extension(path: &str) -> Option<(&str, &'static (&'static str, &'static str, RdfFormat))> {
    let (stem, extension) = path.rsplit_once('.')?;
    let entry = EXTENSIONS.iter().find(|(e, _, _)| *e == extension)?;
    Some((stem, entry))
}

/// The description of a resource: its own triples, the triples pointing at it, and the
/// skos:prefLabel of every IRI those mention; sorted. Empty when the graph does not know it.
pub fn describe(graph: &KnowledgeGraph, iri: NamedNodeRef<'_>) -> Vec<Triple> {
    graph.views().describe(&iri.into_owned())
}

/// The IRI a request path names: `base + path` as sent (percent-encoding kept), else with
/// percent-encoding decoded, whichever the graph knows.
fn lookup(graph: &KnowledgeGraph, raw: &str, decoded: &str) -> Option<(NamedNode, Vec<Triple>)> {
    [raw, decoded].into_iter().find_map(|path| {
        let iri = NamedNode::new(format!("{}{path}", graph.base.as_str())).ok()?;
        let triples = describe(graph, iri.as_ref());
        (!triples.is_empty()).then_some((iri, triples))
    })
}

/// An IRI as a URI fit for a header: non-ASCII and control bytes percent-encoded (RFC 3987 §3.1).
fn ascii_uri(iri: &str) -> String {
    let mut out = String::with_capacity(iri.len());
    for byte in iri.bytes() {
        if byte.is_ascii_graphic() {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `GET /id/{*path}`
pub async fn resource(
    State(state): State<AppState>,
    public: PublicUrl,
    Path(decoded): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let raw = uri.path().strip_prefix("/id/").unwrap_or(&decoded);
    let not_found = || {
        AppError::NotFound(
            Message::new("api-error-no-resource")
                .arg("iri", format!("{}{decoded}", state.graph.base.as_str())),
        )
    };
    let (iri, triples) = match lookup(&state.graph, raw, &decoded) {
        Some(found) => found,
        None => {
            // `/id/{path}.ttl` and the other extensions: that format, whatever Accept says.
            if let (Some((raw_stem, entry)), Some((decoded_stem, _))) =
                (with_extension(raw), with_extension(&decoded))
            {
                if let Some((_, triples)) = lookup(&state.graph, raw_stem, decoded_stem) {
                    return rdf_answer(&state, &triples, entry.1, entry.2, None);
                }
            }
            // A path in another case ("state/IN", "state/IN.ttl"): sent to the resource's
            // own IRI (with the extension asked for).
            let (lower_raw, lower_decoded) = (raw.to_lowercase(), decoded.to_lowercase());
            let canonical =
                |iri: &NamedNode| iri.as_str()[state.graph.base.as_str().len()..].to_string();
            if let Some((iri, _)) = lookup(&state.graph, &lower_raw, &lower_decoded) {
                return moved_permanently(&public.join(&format!("/id/{}", canonical(&iri))));
            }
            if let (Some((raw_stem, entry)), Some((decoded_stem, _))) =
                (with_extension(&lower_raw), with_extension(&lower_decoded))
            {
                if let Some((iri, _)) = lookup(&state.graph, raw_stem, decoded_stem) {
                    let location = format!("/id/{}.{}", canonical(&iri), entry.0);
                    return moved_permanently(&public.join(&location));
                }
            }
            return Err(not_found());
        }
    };
    let path = &iri.as_str()[state.graph.base.as_str().len()..];
    let (content_type, answer) = negotiate(accept_header(&headers).as_deref(), OFFERS)
        .ok_or_else(|| AppError::NotAcceptable(OFFERS.iter().map(|(t, _)| *t).collect()))?;
    match answer {
        Answer::Html => {
            // 303 See Other to the page, on the origin the client knows the server by.
            let location = ascii_uri(&public.join(&format!("/page/{path}")));
            let mut response = StatusCode::SEE_OTHER.into_response();
            let headers = response.headers_mut();
            let location = HeaderValue::from_str(&location)
                .map_err(|e| AppError::Internal(format!("Location {location:?}: {e}")))?;
            headers.insert(header::LOCATION, location.clone());
            add_validators(
                headers,
                &etag(
                    &state.version,
                    &["see-other", &short_hash(&[location.as_bytes()])],
                ),
                true,
            );
            Ok(response)
        }
        Answer::Rdf(format) => {
            let stable = extension_of(content_type)
                .map(|extension| public.join(&format!("/id/{path}.{extension}")));
            rdf_answer(&state, &triples, content_type, format, stable)
        }
    }
}

/// The description in one format. A negotiated answer (`stable` given) names the format's own
/// URL in `Content-Location` and varies on Accept; an answer at that URL does not vary.
fn rdf_answer(
    state: &AppState,
    triples: &[Triple],
    content_type: &'static str,
    format: RdfFormat,
    stable: Option<String>,
) -> Result<Response, AppError> {
    let body = write_rdf(triples, format, &state.prefixes)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut response = Representation {
        body: Bytes::from(body),
        content_type,
        etag: etag(
            &state.version,
            &[
                rdf_name(format),
                content_type.split(';').next().unwrap_or_default(),
            ],
        ),
        negotiated: stable.is_some(),
    }
    .into_response();
    if let Some(location) = stable {
        let value = HeaderValue::from_str(&ascii_uri(&location))
            .map_err(|e| AppError::Internal(format!("Content-Location {location:?}: {e}")))?;
        response
            .headers_mut()
            .insert(header::CONTENT_LOCATION, value);
    }
    Ok(response)
}

/// 301 to a resource's own IRI (on this server's origin).
fn moved_permanently(location: &str) -> Result<Response, AppError> {
    let value = HeaderValue::from_str(&ascii_uri(location))
        .map_err(|e| AppError::Internal(format!("Location {location:?}: {e}")))?;
    let mut response = StatusCode::MOVED_PERMANENTLY.into_response();
    response.headers_mut().insert(header::LOCATION, value);
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(crate::server::http::cache::CACHE_CONTROL),
    );
    Ok(response)
}
