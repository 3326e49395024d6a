//! The language a request is answered in: `?lang=`, then the `lang` cookie, then
//! `Accept-Language` (see [`crate::i18n::negotiate`]). Pages, API messages and refusals all
//! ask here, so one request never gets two languages.

use axum::http::{header, HeaderMap, Uri};

use crate::i18n::{lang_cookie, negotiate, Lang};

/// The `lang=` parameter of a query string, if any; a malformed query string has none.
pub fn lang_parameter(uri: &Uri) -> Option<String> {
    form_urlencoded::parse(uri.query()?.as_bytes())
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
