//! One entity as JSON (`entity_json`), on the embedded graph. Expectations come from
//! data/registry/*.toml, data/translations/*.toml and the source text.

use serde_json::Value;

use sco_kg::lookup::{entity_iri, entity_json, Lang};
use sco_kg::store::KnowledgeGraph;

const ID: &str = "https://w3id.org/sco-kg/id/";

fn kg() -> &'static KnowledgeGraph {
    crate::support::embedded()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

fn find<'v>(links: &'v Value, property: &str, iri: &str) -> &'v Value {
    links
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["property"] == property && l["iri"] == iri)
        .unwrap_or_else(|| panic!("no {property} {iri} in {links:#}"))
}

#[test]
fn a_body_in_chinese() {
    let iri = entity_iri(kg(), "body/rats");
    assert_eq!(iri, format!("{ID}body/rats"));
    let json = entity_json(kg(), &iri, Lang::Zh).expect("RATS is in the graph");
    // bodies.toml, id "rats".
    assert_eq!(json["iri"], iri);
    assert_eq!(json["type"], "body");
    assert_eq!(strings(&json["classes"]), ["sco:Body"]);
    assert_eq!(json["lang"], "zh");
    assert_eq!(json["label"], "上海合作组织地区反恐怖机构");
    assert_eq!(json["label_lang"], "zh");
    assert_eq!(
        json["labels"]["ru"],
        "Региональная антитеррористическая структура ШОС"
    );
    assert_eq!(
        json["labels"]["en"],
        "Regional Anti-Terrorist Structure of the SCO"
    );
    assert_eq!(json["labels"]["zh"], "上海合作组织地区反恐怖机构");
    let mut en = strings(&json["alt_labels"]["en"]);
    en.sort();
    assert_eq!(
        en,
        ["RATS", "SCO RATS", "SCO Regional Anti-Terrorist Structure"]
    );
    assert!(strings(&json["alt_labels"]["ru"]).contains(&"РАТС"));
    assert!(strings(&json["alt_labels"]["zh"]).contains(&"地区反恐怖机构"));
    // parent = "sco": the Shanghai Cooperation Organisation, labelled in Chinese.
    let parent = find(&json["links"], "sco:parentBody", &format!("{ID}body/sco"));
    assert_eq!(parent["label"], "上海合作组织");
    assert_eq!(parent["label_lang"], "zh");
    assert_eq!(parent["type"], "body");
    // "РАТС ШОС" executes measures 4-20 (the executor column of the source text).
    let m4 = find(
        &json["incoming"],
        "sco:executor",
        &format!("{ID}plan/2021-2025/measure/4"),
    );
    assert_eq!(m4["label"], "第4项措施");
    assert_eq!(m4["type"], "measure");
}

#[test]
fn a_measure_in_english() {
    let iri = format!("{ID}plan/2021-2025/measure/22");
    let json = entity_json(kg(), &iri, Lang::En).unwrap();
    assert_eq!(json["type"], "measure");
    assert_eq!(json["label"], "Measure 22");
    assert_eq!(json["labels"]["ru"], "Мероприятие 22");
    assert_eq!(json["labels"]["zh"], "第22项措施");
    for l in ["ru", "en", "zh"] {
        assert_eq!(strings(&json["alt_labels"][l]), Vec::<&str>::new());
    }
    let literals = json["literals"].as_array().unwrap();
    let text = |lang: &str| {
        literals
            .iter()
            .find(|l| l["property"] == "sco:text" && l["lang"] == lang)
            .unwrap_or_else(|| panic!("no {lang} text"))["value"]
            .as_str()
            .unwrap()
    };
    assert!(text("ru").contains("Душанбе"));
    assert!(text("en").contains("Dushanbe"));
    assert!(text("zh").contains("杜尚别"));
    let number = literals
        .iter()
        .find(|l| l["property"] == "sco:number")
        .unwrap();
    assert_eq!(number["value"], "22");
    assert_eq!(number["datatype"], "xsd:integer");
    // The text names the concept of the Anti-Drug Centre and the city.
    let concept = find(
        &json["links"],
        "sco:references",
        &format!("{ID}document/concept-anti-drug-centre"),
    );
    assert_eq!(
        concept["label"],
        "Concept for the Establishment of the SCO Anti-Drug Centre in Dushanbe"
    );
    find(&json["links"], "sco:place", &format!("{ID}place/dushanbe"));
    // Section 2, "Security cooperation", has it.
    let section = find(
        &json["incoming"],
        "sco:hasMeasure",
        &format!("{ID}plan/2021-2025/section/2"),
    );
    assert_eq!(section["label"], "Security cooperation");
}

#[test]
fn unknown_iris_give_none() {
    assert!(entity_json(kg(), &format!("{ID}body/no-such-body"), Lang::En).is_none());
    assert!(entity_json(kg(), "", Lang::Ru).is_none());
}
