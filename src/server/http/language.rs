//! The language a request is answered in: `?lang=`, then the `lang` cookie, then
//! `Accept-Language` (see [`crate::i18n::negotiate`]). Pages, API messages and refusals all
//! ask here, so one request never gets two languages.

use axum::http::{header, HeaderMap, Uri};

use crate::i18n::{lang_cookie, negotiate, Lang};

/// The `lang=` parameter of a query string, if any; a malformed query string has none.
pub fn lang_parameter(uri: &Uri) -> Option<String> {
    // Every request asks, and the other values can be whole SPARQL queries: only the pairs
    // whose name may decode to "lang" are decoded.
    uri.query()?
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            name == "lang" || name.contains(['%', '+'])
        })
        .flat_map(|pair| form_urlencoded::parse(pair.as_bytes()))
        .find(|(name, _)| name == "lang")
        .map(|(_, value)| value.into_owned())
}

/// The value of the `lang` cookie across every `Cookie` header, if any.
pub fn cookie_lang(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(lang_cookie)
}

pub fn request_lang(uri: &Uri, headers: &HeaderMap) -> Lang {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(lang_parameter(uri).as_deref(), cookie_lang(headers), accept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(query: &str) -> Option<String> {
        lang_parameter(&format!("/sparql?{query}").parse::<Uri>().unwrap())
    }

    #[test]
    fn the_lang_pair_is_found_however_it_is_written() {
        assert_eq!(lang("query=ASK%20%7B%7D&lang=zh").as_deref(), Some("zh"));
        assert_eq!(lang("lang=en&lang=zh").as_deref(), Some("en"));
        // A name may be percent-encoded like any other part of a form.
        assert_eq!(lang("%6Cang=ru").as_deref(), Some("ru"));
        assert_eq!(lang("lang").as_deref(), Some(""));
        // "lang=" inside an encoded value, or as part of a longer name, is not the parameter.
        assert_eq!(lang("query=a%26lang%3Dzh"), None);
        assert_eq!(lang("xlang=zh&language=ru"), None);
    }
}
