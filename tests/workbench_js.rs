//! The workbench's scripts without a browser: Node's own test runner (`node --test`, no npm
//! package) runs the tests of `web/test/` over the modules of `web/lib/` that touch no page —
//! the prefix table, completion (our terms, resource names, `sco:label(` and
//! `SERVICE sco:search`), answers and the data of their views, URLs, text. The tests read the
//! tables the server embeds in the workbench page (its prefixes, the lookup's types, the
//! extensions described in each language), rendered here by the library and handed over in a
//! file named by `SCO_KG_WORKBENCH_CONFIG`, so that the scripts are held to the server's tables
//! and not only to their fixture.
//!
//! It fails, not skips, when `node` is missing (`scripts/test` installs Debian's `nodejs`), when
//! a JavaScript test fails, and when one is skipped or none ran.

use std::path::{Path, PathBuf};
use std::process::Command;

use sco_kg::examples;
use sco_kg::graph::Base;
use sco_kg::i18n::{Lang, Localizer};
use sco_kg::pages::{Pages, Workbench};
use sco_kg::store::KnowledgeGraph;
use serde_json::{json, Value};

const PUBLIC: &str = "http://127.0.0.1:8080";

/// The `#wb-config` JSON of the workbench page in `lang`.
fn page_config(pages: &Pages, prefixes: &[(String, String)], lang: Lang) -> Value {
    let loc = Localizer::embedded().expect("the locales load");
    let gallery = examples::all().expect("the examples load");
    let asset = |path: &str| format!("/assets/{path}");
    let workbench = Workbench {
        prefixes,
        examples: &gallery,
        example: None,
        query: None,
        rest: "",
        timeout_seconds: 30.0,
        max_results: 10_000,
        asset: &asset,
    };
    let html = pages.workbench(&loc, lang, PUBLIC, &workbench);
    let open = "<script id=\"wb-config\" type=\"application/json\">";
    let start = html.find(open).expect("the page has #wb-config") + open.len();
    let end = start + html[start..].find("</script>").expect("#wb-config ends");
    serde_json::from_str(&html[start..end]).expect("#wb-config is JSON")
}

/// The JavaScript test files, by name: passed one by one, which every Node from 18 on reads
/// the same way (how a directory argument is read changed in Node 21).
fn test_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("web/test/ is there")
        .map(|entry| entry.expect("web/test/ lists").path())
        .filter(|path| path.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    files
}

/// A count of the TAP summary (`# pass 38`).
fn count(tap: &str, name: &str) -> usize {
    let prefix = format!("# {name} ");
    tap.lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no \"# {name}\" in node's report:\n{tap}"))
}

#[test]
fn the_workbench_modules_pass_their_node_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let graph = KnowledgeGraph::embedded(Base::default()).expect("the embedded graph builds");
    let pages = Pages::new(&graph);
    let prefixes = graph.prefixes();

    // The page embeds the table `GET /prefixes` serves as JSON, in the table's order.
    let configs: Vec<(Lang, Value)> = [Lang::Ru, Lang::En, Lang::Zh]
        .into_iter()
        .map(|lang| (lang, page_config(&pages, &prefixes, lang)))
        .collect();
    let table = Workbench::prefix_json(&prefixes);
    let order: Vec<&String> = table.as_object().unwrap().keys().collect();
    assert_eq!(
        order,
        prefixes.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        "the JSON keeps the table's order"
    );
    for (lang, config) in &configs {
        assert_eq!(config["prefixes"], table, "{lang}");
        assert_eq!(config["base"], json!(Base::default().as_str()), "{lang}");
    }
    let (_, en) = &configs[1];
    let live = json!({
        "base": en["base"],
        "prefixes": en["prefixes"],
        "types": en["types"],
        "extensions": configs
            .iter()
            .map(|(lang, config)| (lang.as_str().to_string(), config["extensions"].clone()))
            .collect::<serde_json::Map<String, Value>>(),
    });
    let dir = tempfile::tempdir().expect("a temporary directory");
    let config_file = dir.path().join("workbench-config.json");
    std::fs::write(&config_file, live.to_string()).expect("the config is written");

    let files = test_files(&root.join("web/test"));
    assert!(files.len() >= 6, "{files:?}");
    let output = Command::new("node")
        .arg("--test")
        .arg("--test-reporter=tap")
        .args(&files)
        .current_dir(root)
        .env("SCO_KG_WORKBENCH_CONFIG", &config_file)
        .output()
        .unwrap_or_else(|e| {
            panic!("node cannot be run ({e}): scripts/test installs it (Debian's nodejs)")
        });
    let tap = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "node --test failed ({}):\n{tap}\n{stderr}",
        output.status
    );
    assert_eq!(count(&tap, "fail"), 0, "{tap}");
    assert_eq!(
        count(&tap, "skipped"),
        0,
        "every test runs with the live tables:\n{tap}"
    );
    assert_eq!(count(&tap, "cancelled"), 0, "{tap}");
    assert!(count(&tap, "pass") >= 30, "{tap}");
}
