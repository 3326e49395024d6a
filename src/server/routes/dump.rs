//! `/dump/…`: the whole graph ([`crate::export`]), serialised on the first request for each
//! format and kept: a server starts without writing seven dumps nobody may ask for (at ×100
//! they took 14 s and 780 MB before the first answer), and concurrent first requests wait for
//! the one serialisation, on a blocking thread.
//! `/dump/sco-kg.{ttl,nt,nq,trig,rdf,jsonld}` and `/dump/sco-kg.canonical.nq` are fixed
//! formats; `/dump/sco-kg` negotiates among them and names the one chosen in Content-Location.
//!
//! A dump asked for compressed is compressed once per coding (gzip, br), on the first request
//! that asks, on a blocking thread (brotli takes a large fraction of a second on a 1 MB dump:
//! not work for the threads that serve requests, nor to repeat for every request), and the
//! bytes are kept: concurrent first requests wait for the same compression. Such a response
//! carries its Content-Encoding, which the compression layer leaves alone; its ETag gets the
//! coding's suffix from [`crate::server::http::cache::conditional`], like any compressed answer.

use std::io::Write;

use crate::i18n::Message;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use tokio::sync::OnceCell;

use std::sync::Arc;

use crate::export::{self, DumpFormat};
use crate::server::http::cache::{etag, Representation};
use crate::server::http::error::AppError;
use crate::server::http::formats;
use crate::server::http::negotiate::{accept_header, negotiate};
use crate::server::state::AppState;
use crate::server::warm::once;
use crate::store::KnowledgeGraph;

/// The dumps in the server's order of preference.
const OFFERS: &[(&str, DumpFormat)] = &[
    ("text/turtle; charset=utf-8", DumpFormat::Turtle),
    ("application/n-triples", DumpFormat::NTriples),
    ("application/n-quads", DumpFormat::NQuads),
    ("application/trig", DumpFormat::TriG),
    ("application/rdf+xml", DumpFormat::RdfXml),
    ("application/ld+json", DumpFormat::JsonLd),
];

/// The dumps, one per format, serialised when first asked for, and their compressed forms.
pub struct Dumps {
    graph: Arc<KnowledgeGraph>,
    dumps: Vec<Dump>,
}

struct Dump {
    format: DumpFormat,
    body: Arc<OnceCell<Bytes>>,
    gzip: Arc<OnceCell<Bytes>>,
    br: Arc<OnceCell<Bytes>>,
}

/// The content codings a dump is kept in, besides identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Coding {
    // Ordered as preferred when the client accepts both equally: brotli's are smaller.
    Gzip,
    Brotli,
}

impl Coding {
    pub fn name(self) -> &'static str {
        match self {
            Self::Gzip => "gzip",
            Self::Brotli => "br",
        }
    }

    /// The bytes compressed, once per dump: gzip at its best level; brotli at 9 of 11. On the
    /// 1 MB N-Triples dump, in a debug build, 11 made 48.8 KB in 12 s, which the first client
    /// would wait for; 9 made 56.6 KB in 0.3 s.
    pub fn compress(self, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        match self {
            Self::Gzip => {
                let mut encoder = flate2::write::GzEncoder::new(
                    Vec::with_capacity(bytes.len() / 4),
                    flate2::Compression::best(),
                );
                encoder.write_all(bytes)?;
                encoder.finish()
            }
            Self::Brotli => {
                let params = brotli::enc::BrotliEncoderParams {
                    quality: 9,
                    lgwin: 22,
                    size_hint: bytes.len(),
                    ..Default::default()
                };
                let mut out = Vec::with_capacity(bytes.len() / 8);
                brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
                Ok(out)
            }
        }
    }
}

/// The coding to send a dump in: the one of highest weight among gzip (or x-gzip) and br in
/// Accept-Encoding, brotli on a tie; none (identity) when neither is accepted. The compression
/// layer chooses the same way for the other answers.
pub fn coding(headers: &HeaderMap) -> Option<Coding> {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|item| {
            let mut parts = item.split(';');
            let coding = match parts.next()?.trim().to_ascii_lowercase().as_str() {
                "gzip" | "x-gzip" => Coding::Gzip,
                "br" => Coding::Brotli,
                _ => return None,
            };
            let weight = match parts.next() {
                None => 1000,
                Some(q) => weight(q.trim())?,
            };
            Some((weight, coding))
        })
        .filter(|(weight, _)| *weight > 0)
        .max()
        .map(|(_, coding)| coding)
}

/// A weight ("q=0.5") in thousandths; `None` if malformed (the item is then passed over).
fn weight(q: &str) -> Option<u16> {
    let value = q.strip_prefix("q=").or_else(|| q.strip_prefix("Q="))?;
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

impl Dumps {
    /// Every format of `graph`, none written yet.
    pub fn new(graph: Arc<KnowledgeGraph>) -> Self {
        Self {
            graph,
            dumps: DumpFormat::ALL
                .into_iter()
                .map(|format| Dump {
                    format,
                    body: Arc::default(),
                    gzip: Arc::default(),
                    br: Arc::default(),
                })
                .collect(),
        }
    }

    fn dump(&self, format: DumpFormat) -> Result<&Dump, AppError> {
        self.dumps
            .iter()
            .find(|d| d.format == format)
            .ok_or_else(|| AppError::Internal(format!("no {} dump", format.file_name())))
    }

    /// The dump in `format`, written on the first call for it (concurrent first calls wait
    /// for the one serialisation).
    pub async fn body(&self, format: DumpFormat) -> Result<Bytes, AppError> {
        let dump = self.dump(format)?;
        let graph = Arc::clone(&self.graph);
        let write = move || {
            export::serialise(&graph, format)
                .map(Bytes::from)
                .map_err(|e| AppError::Internal(format!("writing a dump: {e}")))
        };
        once(&dump.body, write, "a dump").await
    }

    /// The dump in `coding`, compressed on the first call for it (concurrent first calls wait
    /// for the one compression).
    pub async fn encoded(&self, format: DumpFormat, coding: Coding) -> Result<Bytes, AppError> {
        let dump = self.dump(format)?;
        let cell = match coding {
            Coding::Gzip => &dump.gzip,
            Coding::Brotli => &dump.br,
        };
        if let Some(compressed) = cell.get() {
            return Ok(compressed.clone());
        }
        let body = self.body(format).await?;
        let compress = move || {
            coding
                .compress(&body)
                .map(Bytes::from)
                .map_err(|e| AppError::Internal(format!("compressing a dump: {e}")))
        };
        once(cell, compress, "a compressed dump").await
    }
}

/// The dump in `format`, in the coding the request accepts best.
async fn respond(
    state: &AppState,
    headers: &HeaderMap,
    format: DumpFormat,
    negotiated: bool,
) -> Result<Response, AppError> {
    let coding = coding(headers);
    let body = match coding {
        None => state.dumps.body(format).await?,
        Some(coding) => state.dumps.encoded(format, coding).await?,
    };
    let mut response = Representation {
        body,
        content_type: format.media_type(),
        etag: etag(&state.version, &[format.extension()]),
        negotiated,
    }
    .into_response();
    let out = response.headers_mut();
    if let Some(coding) = coding {
        out.insert(
            header::CONTENT_ENCODING,
            HeaderValue::from_static(coding.name()),
        );
    }
    // Identity or not, the bytes depend on Accept-Encoding.
    out.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    Ok(response)
}

/// `GET /dump/{file}`
pub async fn dump(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let format = DumpFormat::from_file_name(&file).ok_or_else(|| {
        AppError::NotFound(Message::new("api-error-no-dump").arg("file", file.as_str()))
    })?;
    respond(&state, &headers, format, false).await
}

/// `GET /dump/sco-kg`: the dump in the format the client accepts.
pub async fn negotiated(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (_, format) = negotiate(accept_header(&headers).as_deref(), OFFERS)
        .ok_or_else(|| AppError::NotAcceptable(formats::listed(OFFERS)))?;
    let mut response = respond(&state, &headers, format, true).await?;
    if let Ok(location) = HeaderValue::from_str(&format!("/dump/{}", format.file_name())) {
        response
            .headers_mut()
            .insert(header::CONTENT_LOCATION, location);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(
                header::ACCEPT_ENCODING,
                HeaderValue::from_str(value).unwrap(),
            );
        }
        headers
    }

    #[test]
    fn the_coding_of_highest_weight_brotli_on_a_tie() {
        for (accepted, expected) in [
            (&[][..], None),
            (&["identity"][..], None),
            (&["gzip, deflate, br"][..], Some(Coding::Brotli)),
            (&["gzip"][..], Some(Coding::Gzip)),
            (&["X-GZIP"][..], Some(Coding::Gzip)),
            (&["br;q=0.5, gzip"][..], Some(Coding::Gzip)),
            (&["br;q=0.5", "gzip;q=0.25"][..], Some(Coding::Brotli)),
            (&["br;q=0, gzip;q=0"][..], None),
            (&["br;q=2, gzip;q=0.1"][..], Some(Coding::Gzip)),
            (&["br;q=0.1234"][..], None),
            (&["deflate, zstd, *"][..], None),
        ] {
            assert_eq!(coding(&accepting(accepted)), expected, "{accepted:?}");
        }
    }

    #[test]
    fn compressed_bytes_come_back_the_same() {
        let text =
            "<https://w3id.org/sco-kg/id/a> <http://www.w3.org/2000/01/rdf-schema#label> \"a\" .\n"
                .repeat(500);
        let gzip = Coding::Gzip.compress(text.as_bytes()).unwrap();
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gzip[..]), &mut back)
            .unwrap();
        assert_eq!(back, text);
        let br = Coding::Brotli.compress(text.as_bytes()).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        assert!(br.len() < text.len() / 10 && gzip.len() < text.len() / 10);
    }
}
