//! The workbench's scripts without a browser: Node's own test runner (`node --test`, no npm
//! package) runs the tests of `web/test/` over the modules of `web/lib/` that touch no page —
//! the prefix table, completion (our terms, resource names, `sco:label(` and
//! `SERVICE sco:search`), answers and the data of their views, URLs, text. The tests read the
//! tables a server embeds in the workbench page (its prefixes, the lookup's types, the
//! extensions described in each language), handed over in a file named by
//! `SCO_KG_WORKBENCH_CONFIG`, so that the scripts are held to the server's tables and not only
//! to their fixture; and the page's prefix table is the one `GET /prefixes` serves as JSON.
//!
//! It fails, not skips, when `node` is missing (`scripts/test` installs Debian's `nodejs`), when
//! a JavaScript test fails, and when one is skipped or none ran.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use reqwest::blocking::Client;
use sco_kg::graph::Base;
use sco_kg::pages::Workbench;
use sco_kg::server::{self, Config};
use sco_kg::store::KnowledgeGraph;
use serde_json::{json, Value};

/// The `#wb-config` JSON of the workbench page the server at `url` serves in `lang`.
fn page_config(client: &Client, url: &str, lang: &str) -> Value {
    let response = client
        .get(format!("{url}/query?lang={lang}"))
        .send()
        .expect("the workbench page answers");
    assert!(response.status().is_success(), "{}", response.status());
    let html = response.text().expect("the page is text");
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
    let prefixes = graph.prefixes();
    let config = Config {
        bind: "127.0.0.1:0".into(),
        ..Config::default()
    };
    let server = server::spawn(config, Arc::new(graph)).expect("the server starts");
    let url = server.url();
    let client = Client::new();

    // One prefix table: GET /prefixes in JSON is the library's, in its order, and the page in
    // every language embeds it; the PREFIX block stays the default.
    let table = Workbench::prefix_json(&prefixes);
    let order: Vec<&String> = table.as_object().unwrap().keys().collect();
    assert_eq!(order, prefixes.iter().map(|(p, _)| p).collect::<Vec<_>>());
    let json = client
        .get(format!("{url}/prefixes"))
        .header("Accept", "application/json")
        .send()
        .expect("/prefixes answers");
    assert_eq!(json.headers()["content-type"], "application/json");
    assert!(json.headers().get_all("vary").iter().any(|v| v == "Accept"));
    assert_eq!(json.json::<Value>().expect("/prefixes is JSON"), table);
    let block = client
        .get(format!("{url}/prefixes"))
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .send()
        .expect("/prefixes answers");
    assert_eq!(block.headers()["content-type"], "text/plain; charset=utf-8");
    let block = block.text().unwrap();
    for (prefix, namespace) in &prefixes {
        assert!(
            block.contains(&format!("PREFIX {prefix}: <{namespace}>\n")),
            "{block}"
        );
    }
    let configs: Vec<(&str, Value)> = ["ru", "en", "zh"]
        .into_iter()
        .map(|lang| (lang, page_config(&client, &url, lang)))
        .collect();
    for (lang, config) in &configs {
        assert_eq!(config["prefixes"], table, "{lang}");
        assert_eq!(config["base"], json!(Base::default().as_str()), "{lang}");
    }
    server.shutdown().expect("the server stops");

    let (_, en) = &configs[1];
    let live = json!({
        "base": en["base"],
        "prefixes": en["prefixes"],
        "types": en["types"],
        "extensions": configs
            .iter()
            .map(|(lang, config)| (lang.to_string(), config["extensions"].clone()))
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
