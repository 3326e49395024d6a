//! `/assets/{path}`: the files of `web/` (the workbench's scripts — an ES module and the modules
//! of `web/lib/` it imports —, its style and the libraries it vendors) and the stylesheet of
//! every page (`src/pages/style.css`), embedded in the binary so that the service needs no CDN.
//! Each is served with its media type and an ETag of its contents. Pages link to them as
//! `/assets/{path}?v={tag}` ([`href`]): a new binary changes the URL of every file it changes,
//! so browsers may keep each such URL for a year. A URL without the file's current tag — a
//! module's `import "./lib/…"`, which cannot carry one, or a tag of another binary — is to be
//! revalidated (`no-cache`, answered 304 while the ETag holds), so that a new binary's modules
//! are never mixed with an old one's. The JavaScript tests of `web/test/` are not served.
//! Unknown paths have no route and get the service's 404.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use axum::body::Bytes;
use axum::http::{header, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::server::http::cache::short_hash;

/// The URL carries the version: the contents behind it never change.
pub const CACHE_CONTROL: &str = "public, max-age=31536000, immutable";
/// The URL carries no version, or another: ask again each time (the ETag makes it a 304).
pub const CACHE_CONTROL_UNVERSIONED: &str = "no-cache";

/// The folder of `web/` that holds the scripts' tests (run by Node), not served.
const TESTS: &str = "test/";

/// One embedded file.
pub struct Asset {
    pub body: Bytes,
    pub content_type: &'static str,
    /// The first 12 hex digits of the SHA-256 of the contents.
    pub tag: String,
}

/// Every file of `web/` by its path there, hashed once, and the pages' stylesheet
/// ([`crate::pages::STYLESHEET_PATH`], tagged as the pages link to it).
pub fn all() -> &'static BTreeMap<String, Asset> {
    static ASSETS: OnceLock<BTreeMap<String, Asset>> = OnceLock::new();
    ASSETS.get_or_init(|| {
        let mut assets: BTreeMap<String, Asset> = crate::data::web_files()
            .into_iter()
            .filter(|(path, _)| !path.starts_with(TESTS))
            .map(|(path, contents)| {
                let asset = Asset {
                    body: Bytes::from_static(contents),
                    content_type: content_type(&path),
                    tag: short_hash(&[contents]),
                };
                (path, asset)
            })
            .collect();
        let path = crate::pages::STYLESHEET_PATH;
        assets.insert(
            path.to_string(),
            Asset {
                body: Bytes::from_static(crate::pages::STYLESHEET.as_bytes()),
                content_type: content_type(path),
                tag: crate::pages::stylesheet_tag().to_string(),
            },
        );
        assets
    })
}

/// A tag of every file together: it changes whenever any file does, so that the pages linking
/// to them change their ETag too.
pub fn version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let tags: Vec<&[u8]> = all().values().map(|a| a.tag.as_bytes()).collect();
        short_hash(&tags)
    })
}

/// The versioned URL path of a file of `web/` ("/assets/workbench.js?v=…").
pub fn href(path: &str) -> String {
    match all().get(path) {
        Some(asset) => format!("/assets/{path}?v={}", asset.tag),
        None => format!("/assets/{path}"),
    }
}

fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
    match extension {
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "md" => "text/markdown; charset=utf-8",
        // LICENSE, NOTICE and other text.
        _ => "text/plain; charset=utf-8",
    }
}

/// Whether a request's query string names the asset's current tag (`v={tag}`).
fn versioned(asset: &Asset, query: Option<&str>) -> bool {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .any(|(name, value)| name == "v" && value == asset.tag.as_str())
}

fn respond(asset: &'static Asset, query: Option<&str>) -> Response {
    let mut response = asset.body.clone().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    if let Ok(etag) = HeaderValue::from_str(&format!("\"asset-{}\"", asset.tag)) {
        headers.insert(header::ETAG, etag);
    }
    let cache_control = if versioned(asset, query) {
        CACHE_CONTROL
    } else {
        CACHE_CONTROL_UNVERSIONED
    };
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// One route per file: any other path under `/assets/` falls through to the 404.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    all().iter().fold(Router::new(), |router, (path, asset)| {
        router.route(
            &format!("/assets/{path}"),
            get(move |uri: Uri| async move { respond(asset, uri.query()) }),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_by_extension() {
        assert_eq!(
            content_type("workbench.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type("vendor/yasqe/yasqe.min.css"),
            "text/css; charset=utf-8"
        );
        assert_eq!(
            content_type("vendor/echarts/LICENSE"),
            "text/plain; charset=utf-8"
        );
    }

    #[test]
    fn every_file_of_web_is_served_with_a_versioned_href() {
        let assets = all();
        for path in [
            "workbench.js",
            "workbench.css",
            "vendor/echarts/echarts.min.js",
            crate::pages::STYLESHEET_PATH,
        ] {
            let asset = assets
                .get(path)
                .unwrap_or_else(|| panic!("{path} is embedded"));
            assert_eq!(href(path), format!("/assets/{path}?v={}", asset.tag));
            assert!(!asset.body.is_empty());
        }
        assert_eq!(href("missing.js"), "/assets/missing.js");
    }

    #[test]
    fn the_modules_are_served_and_their_tests_are_not() {
        let assets = all();
        for path in [
            "lib/completion.mjs",
            "lib/prefixes.mjs",
            "lib/results.mjs",
            "lib/terms.mjs",
            "lib/text.mjs",
            "lib/urls.mjs",
        ] {
            let asset = assets
                .get(path)
                .unwrap_or_else(|| panic!("{path} is served"));
            assert_eq!(asset.content_type, "text/javascript; charset=utf-8");
        }
        // What the modules import is served: every `from "./…"` of workbench.js and of the
        // modules of lib/ names a file here, relative to the importing file's folder.
        let mut imported = 0;
        for (path, asset) in assets
            .iter()
            .filter(|(path, _)| *path == "workbench.js" || path.starts_with("lib/"))
        {
            let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
            let script = std::str::from_utf8(&asset.body).unwrap();
            for rest in script.split("from \"./").skip(1) {
                let (name, _) = rest.split_once('"').unwrap();
                let target = if folder.is_empty() {
                    name.to_string()
                } else {
                    format!("{folder}/{name}")
                };
                assert!(assets.contains_key(&target), "{path} imports {target}");
                imported += 1;
            }
        }
        assert!(imported >= 7, "{imported} imports");
        assert!(crate::data::web_files()
            .iter()
            .any(|(path, _)| path.starts_with(TESTS)));
        assert!(assets.keys().all(|path| !path.starts_with(TESTS)));
    }

    #[test]
    fn only_the_current_tag_may_be_kept_for_a_year() {
        let asset = &all()["lib/text.mjs"];
        let cache_control = |query: Option<&str>| {
            respond(asset, query)
                .headers()
                .get(header::CACHE_CONTROL)
                .unwrap()
                .to_str()
                .unwrap()
                .to_string()
        };
        let current = format!("v={}", asset.tag);
        assert_eq!(cache_control(Some(&current)), CACHE_CONTROL);
        assert_eq!(cache_control(None), CACHE_CONTROL_UNVERSIONED);
        assert_eq!(
            cache_control(Some("v=000000000000")),
            CACHE_CONTROL_UNVERSIONED
        );
        assert_eq!(cache_control(Some("x=1")), CACHE_CONTROL_UNVERSIONED);
    }
}
