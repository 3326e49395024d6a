//! Proactive content negotiation on `Accept` (RFC 9110 §12.5.1), the one negotiator of every
//! route that offers more than one media type.
//!
//! Each offer gets the quality of the most specific media range that matches it
//! (`type/subtype` beats `type/*` beats `*/*`); offers of quality 0 are excluded; the best
//! quality wins and ties go to the offer the server lists first. Media-type parameters other
//! than `q` (`charset`, `profile`, …) are ignored for matching, and so are accept extensions
//! after `q`. A missing or empty `Accept`, or one with no well-formed range, accepts anything.

/// One media range of an `Accept` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaRange {
    /// Lower-cased; `*` for any.
    pub kind: String,
    /// Lower-cased; `*` for any.
    pub subtype: String,
    /// The quality in thousandths (q=0.5 → 500).
    pub quality: u16,
}

impl MediaRange {
    /// 0: no match; 1: `*/*`; 2: `type/*`; 3: `type/subtype`.
    fn specificity(&self, kind: &str, subtype: &str) -> u8 {
        match (self.kind.as_str(), self.subtype.as_str()) {
            ("*", "*") => 1,
            (k, "*") if k.eq_ignore_ascii_case(kind) => 2,
            (k, s) if k.eq_ignore_ascii_case(kind) && s.eq_ignore_ascii_case(subtype) => 3,
            _ => 0,
        }
    }
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A quality value: "1", "1.000", "0", "0.5", "0.125" (at most three decimals).
fn parse_quality(value: &str) -> Option<u16> {
    let value = value.trim_matches('"');
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |n, b| n * 10 + u16::from(b - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

fn parse_range(item: &str) -> Option<MediaRange> {
    let mut parts = item.split(';');
    let (kind, subtype) = parts.next()?.trim().split_once('/')?;
    let (kind, subtype) = (kind.trim(), subtype.trim());
    if !is_token(kind) || !is_token(subtype) || (kind == "*" && subtype != "*") {
        return None;
    }
    let mut quality = 1000;
    for parameter in parts {
        let Some((name, value)) = parameter.split_once('=') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("q") {
            quality = parse_quality(value.trim())?;
            // Whatever follows q is an accept extension, not a media-type parameter.
            break;
        }
    }
    Some(MediaRange {
        kind: kind.to_ascii_lowercase(),
        subtype: subtype.to_ascii_lowercase(),
        quality,
    })
}

/// The well-formed ranges of an `Accept` value; malformed items are skipped.
pub fn parse_accept(accept: &str) -> Vec<MediaRange> {
    accept.split(',').filter_map(parse_range).collect()
}

/// The quality the ranges give a media type: the most specific matching range decides (the
/// highest quality among equally specific ones); `None` when no range matches.
pub fn quality(ranges: &[MediaRange], media_type: &str) -> Option<u16> {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    let (kind, subtype) = essence.split_once('/')?;
    ranges
        .iter()
        .map(|r| (r.specificity(kind, subtype), r.quality))
        .filter(|(specificity, _)| *specificity > 0)
        .max()
        .map(|(_, quality)| quality)
}

/// Picks the offer the client prefers; ties go to the earlier offer. `offers` pairs a
/// Content-Type (its parameters are not matched) with what the caller does for it. Several
/// media types may map to the same thing: the first is the canonical one, the later ones are
/// aliases (`application/json` for SPARQL JSON results) that only a range naming them exactly
/// selects, so that `*/*` or `text/*` never picks an alias over the canonical type. Returns the
/// chosen Content-Type with its value; `None` when nothing is acceptable (answer 406).
pub fn negotiate<T: Copy + PartialEq>(
    accept: Option<&str>,
    offers: &[(&'static str, T)],
) -> Option<(&'static str, T)> {
    let ranges = accept.map(parse_accept).unwrap_or_default();
    if ranges.is_empty() {
        return offers.first().copied();
    }
    let mut best: Option<(u16, (&'static str, T))> = None;
    for (i, (media_type, value)) in offers.iter().enumerate() {
        let alias = offers[..i].iter().any(|(_, earlier)| earlier == value);
        let q = if alias {
            quality(&ranges, media_type).filter(|_| exact(&ranges, media_type))
        } else {
            quality(&ranges, media_type)
        };
        match q {
            Some(q) if q > 0 && best.is_none_or(|(b, _)| q > b) => {
                best = Some((q, (*media_type, *value)))
            }
            _ => {}
        }
    }
    best.map(|(_, offer)| offer)
}

/// Whether a range names the media type itself (not through a wildcard).
fn exact(ranges: &[MediaRange], media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    essence
        .split_once('/')
        .is_some_and(|(kind, subtype)| ranges.iter().any(|r| r.specificity(kind, subtype) == 3))
}

/// The media type without parameters ("text/turtle; charset=utf-8" → "text/turtle").
pub fn essence(media_type: &str) -> &str {
    media_type.split(';').next().unwrap_or_default().trim()
}

/// The `Accept` header of a request, several fields joined as one list.
pub fn accept_header(headers: &axum::http::HeaderMap) -> Option<String> {
    let values: Vec<&str> = headers
        .get_all(axum::http::header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    (!values.is_empty()).then(|| values.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RDF: &[(&str, &str)] = &[
        ("text/turtle; charset=utf-8", "ttl"),
        ("application/x-turtle", "ttl"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "rdf"),
        ("application/ld+json", "jsonld"),
    ];

    const RESULTS: &[(&str, &str)] = &[
        ("application/sparql-results+json", "json"),
        ("application/json", "json"),
        ("application/sparql-results+xml", "xml"),
        ("application/xml", "xml"),
        ("text/csv", "csv"),
        ("text/tab-separated-values", "tsv"),
    ];

    const RESOURCE: &[(&str, &str)] = &[
        ("text/turtle", "ttl"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "rdf"),
        ("application/ld+json", "jsonld"),
        ("text/html", "html"),
        ("application/xhtml+xml", "html"),
    ];

    #[test]
    fn negotiation_table() {
        type Offers = &'static [(&'static str, &'static str)];
        let table: &[(Offers, Option<&str>, Option<&str>)] = &[
            // No Accept, an empty one or only malformed ranges: the server's first choice.
            (RDF, None, Some("ttl")),
            (RDF, Some(""), Some("ttl")),
            (RDF, Some("   "), Some("ttl")),
            (RDF, Some("garbage"), Some("ttl")),
            (RESULTS, None, Some("json")),
            // Exact matches, case-insensitive.
            (RDF, Some("application/n-triples"), Some("nt")),
            (RDF, Some("Application/RDF+XML"), Some("rdf")),
            (RESULTS, Some("text/csv"), Some("csv")),
            (RESULTS, Some("application/json"), Some("json")),
            // q-values.
            (
                RDF,
                Some("text/turtle;q=0.5, application/ld+json"),
                Some("jsonld"),
            ),
            (
                RDF,
                Some("application/rdf+xml;q=0.9, application/n-triples;q=0.91"),
                Some("nt"),
            ),
            (RDF, Some("text/turtle;Q=0.2, */*;q=0.1"), Some("ttl")),
            // q=0 excludes, even when a wildcard would admit the type.
            (RDF, Some("text/turtle;q=0"), None),
            (RDF, Some("text/turtle;q=0, */*"), Some("nt")),
            (RDF, Some("text/turtle;q=0.000, */*;q=0.5"), Some("nt")),
            (RDF, Some("*/*;q=0"), None),
            (
                RESULTS,
                Some("*/*;q=0, text/tab-separated-values"),
                Some("tsv"),
            ),
            // Wildcards: */* and type/*, ties to the server's order.
            (RDF, Some("*/*"), Some("ttl")),
            (RESULTS, Some("*/*"), Some("json")),
            (RESULTS, Some("text/*"), Some("csv")),
            (RDF, Some("application/*"), Some("nt")),
            (RDF, Some("application/*;q=0.9, text/*;q=0.8"), Some("nt")),
            // Specificity: the most specific range decides a type's quality.
            (
                RDF,
                Some("application/*;q=0.1, application/ld+json;q=0.5, text/*;q=0.3"),
                Some("jsonld"),
            ),
            (
                RDF,
                Some("text/*;q=0.9, text/turtle;q=0.1, */*;q=0.5"),
                Some("nt"),
            ),
            (RDF, Some("*/*;q=0.9, text/*;q=0"), Some("nt")),
            // An alias is chosen only when named: wildcards pick canonical types.
            (RDF, Some("text/turtle;q=0, */*;q=0.1"), Some("nt")),
            (
                RDF,
                Some("text/turtle;q=0, application/*;q=0.1"),
                Some("nt"),
            ),
            (
                RDF,
                Some("text/turtle;q=0, application/x-turtle"),
                Some("ttl"),
            ),
            (
                RESULTS,
                Some("application/sparql-results+json;q=0, */*"),
                Some("xml"),
            ),
            // Parameters other than q are ignored for matching.
            (RDF, Some("text/turtle;charset=utf-8"), Some("ttl")),
            (
                RDF,
                Some("application/ld+json;profile=\"http://www.w3.org/ns/json-ld#compacted\""),
                Some("jsonld"),
            ),
            (RDF, Some("text/turtle;charset=utf-8;q=0"), None),
            // Accept extensions after q do not change q.
            (
                RDF,
                Some("text/turtle;q=0.4;ext=1, application/rdf+xml;q=0.3"),
                Some("ttl"),
            ),
            // Nothing acceptable.
            (RDF, Some("text/csv"), None),
            (RESULTS, Some("text/turtle"), None),
            (RDF, Some("image/*"), None),
            // Malformed ranges are skipped, the rest still counts.
            (RDF, Some("text, application/rdf+xml"), Some("rdf")),
            (RDF, Some("*/turtle, application/n-triples"), Some("nt")),
            (
                RDF,
                Some("text/turtle;q=2, application/n-triples"),
                Some("nt"),
            ),
            (
                RDF,
                Some("text/turtle;q=abc, application/n-triples"),
                Some("nt"),
            ),
            // Browsers prefer HTML; RDF clients and */* get RDF.
            (
                RESOURCE,
                Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                Some("html"),
            ),
            (RESOURCE, Some("*/*"), Some("ttl")),
            (RESOURCE, None, Some("ttl")),
            (RESOURCE, Some("text/*"), Some("ttl")),
            (
                RESOURCE,
                Some("text/turtle;q=0.9, text/html;q=0.8"),
                Some("ttl"),
            ),
            (RESOURCE, Some("text/html, text/turtle"), Some("ttl")),
        ];
        for (offers, accept, expected) in table {
            assert_eq!(
                negotiate(*accept, offers).map(|(_, value)| value),
                *expected,
                "Accept: {accept:?} over {:?}",
                offers.iter().map(|(m, _)| *m).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_chosen_media_type_is_the_one_matched() {
        assert_eq!(
            negotiate(Some("application/json"), RESULTS),
            Some(("application/json", "json"))
        );
        assert_eq!(
            negotiate(Some("*/*"), RESULTS),
            Some(("application/sparql-results+json", "json"))
        );
        assert_eq!(
            negotiate(None, RDF),
            Some(("text/turtle; charset=utf-8", "ttl"))
        );
        assert_eq!(
            negotiate(Some("application/x-turtle"), RDF),
            Some(("application/x-turtle", "ttl"))
        );
    }

    #[test]
    fn quality_values() {
        for (text, expected) in [
            ("1", Some(1000)),
            ("1.0", Some(1000)),
            ("1.000", Some(1000)),
            ("0", Some(0)),
            ("0.5", Some(500)),
            ("0.05", Some(50)),
            ("0.125", Some(125)),
            ("0.1234", None),
            ("1.5", None),
            ("2", None),
            ("-1", None),
            ("", None),
            (".5", None),
        ] {
            assert_eq!(parse_quality(text), expected, "q={text}");
        }
    }

    #[test]
    fn ranges() {
        assert_eq!(
            parse_accept(" Text/Turtle ; charset=UTF-8 ; q=0.7 ,*/*;q=0.1"),
            vec![
                MediaRange {
                    kind: "text".into(),
                    subtype: "turtle".into(),
                    quality: 700
                },
                MediaRange {
                    kind: "*".into(),
                    subtype: "*".into(),
                    quality: 100
                },
            ]
        );
    }
}
