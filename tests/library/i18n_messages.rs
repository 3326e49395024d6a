//! Fluent locales: the three languages define the same messages, every message the code uses
//! exists, every message formats, plurals and dates come out right, and language negotiation
//! follows `?lang=`, then the cookie, then Accept-Language.

use std::collections::BTreeSet;
use std::path::Path;

use regex::Regex;
use sco_kg::i18n::{
    lang_cookie, message_ids, negotiate, parse_accept_language, FluentArgs, Lang, Localizer,
};

fn localizer() -> Localizer {
    Localizer::embedded().expect("the embedded locales load")
}

/// The Rust files under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every message id the code of `src/` uses: the literal id of `t!(cx, "id" …)` and of
/// `.message(lang, "id", …)` and of `Message::new("id")`, outside comments and unit-test modules.
fn ids_used_in_src() -> BTreeSet<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let patterns = [
        Regex::new(r#"\bt!\(\s*[^";]*?,\s*"([A-Za-z][A-Za-z0-9_-]*)""#).unwrap(),
        Regex::new(r#"\.message\(\s*[^";]*?,\s*"([A-Za-z][A-Za-z0-9_-]*)""#).unwrap(),
        Regex::new(r#"\bMessage::new\(\s*"([A-Za-z][A-Za-z0-9_-]*)""#).unwrap(),
    ];
    let mut ids = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for re in &patterns {
            ids.extend(re.captures_iter(&code).map(|c| c[1].to_string()));
        }
    }
    ids
}

#[test]
fn the_three_locales_define_the_same_message_ids() {
    let loc = localizer();
    let en = loc.ids(Lang::En);
    assert!(en.len() > 100, "only {} messages in en", en.len());
    for lang in [Lang::Ru, Lang::Zh] {
        let other = loc.ids(lang);
        let missing: Vec<_> = en.difference(other).collect();
        let extra: Vec<_> = other.difference(en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, not in en {extra:?}"
        );
    }
    // File by file too: a message belongs to the same file in every language.
    for (folder, files) in sco_kg::data::locale_files() {
        assert!(["en", "ru", "zh"].contains(&folder.as_str()), "{folder}");
        let names: Vec<String> = files
            .iter()
            .map(|f| f.path.rsplit('/').next().unwrap().to_string())
            .collect();
        for other in ["en", "ru", "zh"] {
            let theirs = sco_kg::data::locale_files()
                .into_iter()
                .find(|(l, _)| l == other)
                .unwrap()
                .1;
            for file in &files {
                let name = file.path.rsplit('/').next().unwrap();
                let twin = theirs
                    .iter()
                    .find(|f| f.path.ends_with(&format!("/{name}")))
                    .unwrap_or_else(|| panic!("locales/{other}/{name} is missing"));
                assert_eq!(
                    message_ids(file.contents)
                        .into_iter()
                        .collect::<BTreeSet<_>>(),
                    message_ids(twin.contents)
                        .into_iter()
                        .collect::<BTreeSet<_>>(),
                    "{} and {}",
                    file.path,
                    twin.path
                );
            }
        }
        assert!(!names.is_empty());
    }
}

#[test]
fn every_message_id_the_code_uses_exists_in_every_locale() {
    let loc = localizer();
    let used = ids_used_in_src();
    assert!(
        used.len() > 100,
        "the scan found only {} ids: is the pattern still right?",
        used.len()
    );
    for lang in Lang::ALL {
        let missing: Vec<&String> = used.iter().filter(|id| !loc.has(lang, id)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
    }
}

#[test]
fn every_message_of_the_rust_code_is_used_by_it() {
    let used = ids_used_in_src();
    for file in [
        "pages.ftl",
        "errors.ftl",
        "cli.ftl",
        "ingest.ftl",
        "link.ftl",
    ] {
        let locale = sco_kg::data::locale(&format!("en/{file}")).unwrap();
        let unused: Vec<String> = message_ids(locale.contents)
            .into_iter()
            .filter(|id| !used.contains(id))
            .collect();
        assert!(unused.is_empty(), "unused messages in {file}: {unused:?}");
    }
}

/// Every variable any message refers to.
fn variables() -> BTreeSet<String> {
    let re = Regex::new(r"\$([A-Za-z][A-Za-z0-9_-]*)").unwrap();
    sco_kg::data::locale_files()
        .iter()
        .flat_map(|(_, files)| files.iter())
        .flat_map(|f| {
            re.captures_iter(f.contents)
                .map(|c| c[1].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    let loc = localizer();
    let variables = variables();
    // Numbers that reach every plural category of the three languages: one, few, many, other.
    for n in [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 139] {
        let mut args = FluentArgs::new();
        for v in &variables {
            args.set(v.as_str(), n);
        }
        for lang in Lang::ALL {
            for id in loc.ids(lang) {
                let text = loc
                    .format(lang, id, Some(&args))
                    .unwrap_or_else(|e| panic!("{lang} {id} with {n}: {e:?}"));
                assert!(!text.trim().is_empty(), "{lang} {id} is empty");
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{lang} {id}: {text}"
                );
            }
        }
    }
    // Selectors on strings: the language of a fallback.
    for lang in Lang::ALL {
        for used in ["ru", "en", "zh"] {
            let mut args = FluentArgs::new();
            args.set("lang", used);
            for id in ["fallback-badge", "fallback-title"] {
                loc.format(lang, id, Some(&args)).unwrap();
            }
        }
    }
}

fn count(loc: &Localizer, lang: Lang, n: usize) -> String {
    let mut args = FluentArgs::new();
    args.set("count", n);
    loc.format(lang, "measures-count", Some(&args)).unwrap()
}

#[test]
fn plurals_follow_each_language_rules() {
    let loc = localizer();
    let cases = [
        (Lang::Ru, 1, "1 мероприятие"),
        (Lang::Ru, 2, "2 мероприятия"),
        (Lang::Ru, 5, "5 мероприятий"),
        (Lang::Ru, 11, "11 мероприятий"),
        (Lang::Ru, 21, "21 мероприятие"),
        (Lang::Ru, 22, "22 мероприятия"),
        (Lang::Ru, 139, "139 мероприятий"),
        (Lang::En, 1, "1 measure"),
        (Lang::En, 2, "2 measures"),
        (Lang::En, 0, "0 measures"),
        (Lang::Zh, 1, "1项措施"),
        (Lang::Zh, 139, "139项措施"),
    ];
    for (lang, n, expected) in cases {
        assert_eq!(count(&loc, lang, n), expected, "{lang} {n}");
    }
}

#[test]
fn dates_are_written_in_words_without_digit_grouping() {
    let loc = localizer();
    let mut args = FluentArgs::new();
    args.set("year", 2009);
    args.set("month", 6);
    args.set("day", 16);
    let date = |lang| loc.format(lang, "date-day", Some(&args)).unwrap();
    assert_eq!(date(Lang::En), "16 June 2009");
    assert_eq!(date(Lang::Ru), "16 июня 2009 г.");
    assert_eq!(date(Lang::Zh), "2009年6月16日");
}

#[test]
fn missing_messages_fall_back_and_never_panic() {
    let loc = localizer();
    assert_eq!(
        loc.message(Lang::Zh, "no-such-message", None),
        "no-such-message"
    );
    assert!(loc.format(Lang::Zh, "no-such-message", None).is_err());
    // A message with a missing argument still gives text.
    assert!(!loc.message(Lang::Ru, "measures-count", None).is_empty());
}

/// `?lang=`, the `lang` cookie, `Accept-Language`, and the language chosen.
type Case = (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Lang,
);

#[test]
fn negotiation_order_query_then_cookie_then_accept_language() {
    use Lang::*;
    let cases: &[Case] = &[
        // Nothing: English.
        (None, None, None, En),
        (Some(""), Some(""), Some(""), En),
        // ?lang= wins over everything.
        (Some("zh"), Some("ru"), Some("ru"), Zh),
        (Some("RU"), None, Some("zh-CN"), Ru),
        (Some("zh-Hans"), None, None, Zh),
        // An unknown ?lang= passes to the cookie.
        (Some("fr"), Some("ru"), Some("zh"), Ru),
        // The cookie wins over Accept-Language.
        (None, Some("zh"), Some("ru-RU,ru;q=0.9"), Zh),
        (None, Some("de"), Some("ru-RU,ru;q=0.9"), Ru),
        // Accept-Language: regions and scripts, q-values, wildcards, refusals.
        (None, None, Some("zh-CN"), Zh),
        (None, None, Some("zh-Hans"), Zh),
        (None, None, Some("zh-TW,zh;q=0.8"), Zh),
        (None, None, Some("en-GB"), En),
        (None, None, Some("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7"), Ru),
        (None, None, Some("de-DE,de;q=0.9,zh;q=0.5,ru;q=0.4"), Zh),
        (None, None, Some("en;q=0.2, ru;q=0.9"), Ru),
        (None, None, Some("ru;q=0.5, zh;q=0.5"), Ru),
        (None, None, Some("fr, zh;q=0.1"), Zh),
        (None, None, Some("fr, de"), En),
        (None, None, Some("*"), En),
        (None, None, Some("en;q=0, *;q=0.5"), Ru),
        (None, None, Some("ru;q=0, zh;q=0.001"), Zh),
        (None, None, Some("ru;q=0"), En),
        (None, None, Some("ru;q=2, zh"), Zh),
        (None, None, Some("ru;q=0.1234, zh;q=0.1"), Zh),
        (None, None, Some("  ZH-cn ; Q=0.9 , en;q=0.8"), Zh),
        (None, None, Some(",,;q=1,"), En),
    ];
    for (query, cookie, accept, expected) in cases {
        assert_eq!(
            negotiate(*query, *cookie, *accept),
            *expected,
            "query {query:?}, cookie {cookie:?}, Accept-Language {accept:?}"
        );
    }
}

#[test]
fn accept_language_lists_languages_best_first() {
    use Lang::*;
    assert_eq!(
        parse_accept_language("en;q=0.5, zh-CN, ru;q=0.7"),
        [Zh, Ru, En]
    );
    assert_eq!(parse_accept_language("zh-CN, zh;q=0.9, en;q=0.8"), [Zh, En]);
    assert_eq!(parse_accept_language(""), []);
}

#[test]
fn the_lang_cookie_is_read_from_a_cookie_header() {
    assert_eq!(lang_cookie("a=1; lang=zh; b=2"), Some("zh"));
    assert_eq!(lang_cookie("lang=\"ru\""), Some("ru"));
    assert_eq!(lang_cookie("language=ru; xlang=zh"), None);
    assert_eq!(lang_cookie(""), None);
}

#[test]
fn lang_tags() {
    for lang in Lang::ALL {
        assert_eq!(lang.as_str().parse::<Lang>().unwrap(), lang);
        assert_eq!(Lang::from_tag(lang.bcp47()), Some(lang));
        assert_eq!(lang.fallback_chain()[0], lang);
    }
    assert_eq!(Lang::Zh.fallback_chain(), [Lang::Zh, Lang::En, Lang::Ru]);
    assert!("fr".parse::<Lang>().is_err());
}
