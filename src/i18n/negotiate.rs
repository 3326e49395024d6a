//! Choosing the language of a response: `?lang=`, then the `lang` cookie, then
//! `Accept-Language` (RFC 9110 §12.5.4 with q-values), then English.

use super::Lang;

/// The language of a request. `query_lang` is the `?lang=` parameter, `cookie` the value of
/// the `lang` cookie (see [`lang_cookie`] to read it from a `Cookie` header), and
/// `accept_language` the `Accept-Language` header. A value naming no language of the service
/// ("fr", "") is passed over, not an error: the next source decides.
pub fn negotiate(
    query_lang: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
) -> Lang {
    query_lang
        .and_then(Lang::from_tag)
        .or_else(|| cookie.and_then(Lang::from_tag))
        .or_else(|| accept_language.and_then(|h| parse_accept_language(h).first().copied()))
        .unwrap_or(Lang::DEFAULT)
}

/// The languages of the service an `Accept-Language` header accepts, best first: ranges are
/// ordered by q-value (ties keep the header's order), `q=0` means "not this one", `*` stands
/// for the default language (or the first not refused), and a range counts by its primary
/// subtag ("zh-CN", "zh-Hans" and "zh" are Chinese). A malformed q-value drops its range.
pub fn parse_accept_language(header: &str) -> Vec<Lang> {
    let mut ranges: Vec<(u16, usize, &str)> = Vec::new();
    for (position, item) in header.split(',').enumerate() {
        let mut parts = item.split(';');
        let range = parts.next().unwrap_or_default().trim();
        if range.is_empty() {
            continue;
        }
        let mut quality = Some(1000);
        for parameter in parts {
            let Some((name, value)) = parameter.split_once('=') else {
                continue;
            };
            if name.trim().eq_ignore_ascii_case("q") {
                quality = parse_quality(value.trim());
            }
        }
        if let Some(q) = quality {
            ranges.push((q, position, range));
        }
    }
    ranges.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let refused: Vec<Lang> = ranges
        .iter()
        .filter(|(q, _, r)| *q == 0 && !r.contains(['-', '_']))
        .filter_map(|(_, _, r)| Lang::from_tag(r))
        .collect();
    let mut out: Vec<Lang> = Vec::new();
    for (q, _, range) in ranges {
        if q == 0 {
            continue;
        }
        let lang = if range == "*" {
            Lang::ALL
                .into_iter()
                .filter(|l| !refused.contains(l))
                .find(|l| *l == Lang::DEFAULT)
                .or_else(|| Lang::ALL.into_iter().find(|l| !refused.contains(l)))
        } else {
            Lang::from_tag(range)
        };
        if let Some(lang) = lang {
            // "zh;q=0" refuses Chinese; "zh-TW;q=0" refuses only one variety of it.
            if !out.contains(&lang) && !refused.contains(&lang) {
                out.push(lang);
            }
        }
    }
    out
}

/// A q-value (RFC 9110 §12.4.2: 0 to 1 with at most three decimals) in thousandths.
fn parse_quality(value: &str) -> Option<u16> {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let frac_value: u16 = format!("{frac:0<3}").parse().ok()?;
    match int {
        "0" => Some(frac_value),
        "1" if frac_value == 0 => Some(1000),
        _ => None,
    }
}

/// The value of the `lang` cookie in a `Cookie` header ("a=1; lang=zh" → "zh").
pub fn lang_cookie(cookie_header: &str) -> Option<&str> {
    cookie_header.split(';').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        (name.trim() == "lang").then(|| value.trim().trim_matches('"'))
    })
}

/// The language of a terminal's messages, as POSIX locales say it: the first set one of
/// `LC_ALL`, `LC_MESSAGES` and `LANG` ("ru_RU.UTF-8" → Russian, "zh_CN.UTF-8" → Chinese);
/// "C", "POSIX", a language the service does not have, or nothing → English. `var` reads an
/// environment variable (`|name| std::env::var(name).ok()`), so that tests need not set any.
pub fn terminal_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| var(name).filter(|value| !value.is_empty()))
        .next()
        .and_then(|value| Lang::from_tag(&value))
        .unwrap_or(Lang::DEFAULT)
}
