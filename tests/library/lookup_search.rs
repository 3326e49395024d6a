//! Lookup over the embedded graph. Every expectation comes from data/registry/*.toml,
//! data/translations/*.toml and the source text (the comments say where).

use std::sync::OnceLock;

use sco_kg::graph::ResourceKind;
use sco_kg::lookup::{Field, Hit, Lang, LookupIndex, LookupOptions, MatchKind};

const ID: &str = "https://w3id.org/sco-kg/id/";

fn index() -> &'static LookupIndex {
    static INDEX: OnceLock<LookupIndex> = OnceLock::new();
    INDEX.get_or_init(|| LookupIndex::new(crate::support::embedded()))
}

fn iri(path: &str) -> String {
    format!("{ID}{path}")
}

fn measure(n: u32) -> String {
    iri(&format!("plan/2021-2025/measure/{n}"))
}

fn search(q: &str, lang: Lang) -> Vec<Hit> {
    index().search(q, &LookupOptions::new(lang))
}

fn search_types(q: &str, lang: Lang, types: &[ResourceKind]) -> Vec<Hit> {
    let opts = LookupOptions {
        lang,
        types: Some(types.to_vec()),
        limit: 10,
    };
    index().search(q, &opts)
}

fn iris(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.iri.as_str()).collect()
}

/// The first hit is `path`, with `kind` of match.
#[track_caller]
fn first_is(hits: &[Hit], path: &str, kind: MatchKind) {
    let first = hits
        .first()
        .unwrap_or_else(|| panic!("no hits, expected {path}"));
    assert_eq!(first.iri, iri(path), "hits: {:#?}", iris(hits));
    assert_eq!(first.match_kind, kind, "first hit: {first:#?}");
}

#[track_caller]
fn contains<'h>(hits: &'h [Hit], iri: &str) -> &'h Hit {
    hits.iter()
        .find(|h| h.iri == iri)
        .unwrap_or_else(|| panic!("{iri} not among {:#?}", iris(hits)))
}

// ───────────────────────────── Russian ─────────────────────────────

#[test]
fn russian_inflected_forms() {
    // bodies.toml: "sco-secretariat", label ru "Секретариат ШОС"; the text form "Секретариатом ШОС".
    let hits = search("Секретариатом", Lang::Ru);
    first_is(&hits, "body/sco-secretariat", MatchKind::Prefix);
    assert_eq!(hits[0].matched.text, "Секретариат ШОС");
    assert_eq!(hits[0].matched.lang, Some(Lang::Ru));
    // Word for word up to inflection: exact.
    first_is(
        &search("Секретариатом ШОС", Lang::Ru),
        "body/sco-secretariat",
        MatchKind::Exact,
    );
    // "Межбанковское объединение ШОС", written in measure 49 as "Межбанковского объединения ШОС".
    first_is(
        &search("Межбанковского объединения", Lang::Ru),
        "body/interbank-consortium",
        MatchKind::Prefix,
    );
    // states.toml: "kz", label ru "Казахстан"; measure 48: "Поддержка Казахстаном, …".
    let hits = search("Казахстаном", Lang::En);
    first_is(&hits, "state/kz", MatchKind::Exact);
    assert_eq!(hits[0].label, "Kazakhstan");
    assert_eq!(contains(&hits, &measure(48)).match_kind, MatchKind::Text);
}

#[test]
fn russian_abbreviations_are_exact() {
    for (q, path) in [
        ("РАТС", "body/rats"),
        ("ратс шос", "body/rats"),
        ("МБО", "body/interbank-consortium"),
        ("ОДКБ", "body/csto"),
        ("МФЦА", "body/aifc"),
        ("ШОС", "body/sco"),
    ] {
        let hits = search(q, Lang::Ru);
        first_is(&hits, path, MatchKind::Exact);
        assert_eq!(hits[0].matched.field, Field::AltLabel, "{q}");
    }
}

#[test]
fn yo_and_ye_are_the_same_letter() {
    // documents.toml: "programme-green-belt", label ru "Программа «Зелёный пояс» ШОС", alt "Зелёный пояс".
    for q in [
        "Зеленый пояс",
        "Зелёный пояс",
        "ЗЕЛЕНЫЙ ПОЯС",
        "зелёного пояса",
    ] {
        let hits = search(q, Lang::Ru);
        assert_eq!(
            hits[0].iri,
            iri("document/programme-green-belt"),
            "{q}: {:#?}",
            iris(&hits)
        );
    }
    first_is(
        &search("Зеленый пояс", Lang::Ru),
        "document/programme-green-belt",
        MatchKind::Exact,
    );
    first_is(
        &search("Программа Зеленый пояс ШОС", Lang::En),
        "document/programme-green-belt",
        MatchKind::Exact,
    );
}

#[test]
fn russian_prefixes_autocomplete() {
    let hits = search("Межбан", Lang::Ru);
    first_is(&hits, "body/interbank-consortium", MatchKind::Prefix);
    assert_eq!(hits[0].label, "Межбанковское объединение ШОС");
    first_is(
        &search("Секрет", Lang::Ru),
        "body/sco-secretariat",
        MatchKind::Prefix,
    );
    first_is(
        &search("Душан", Lang::Ru),
        "place/dushanbe",
        MatchKind::Prefix,
    );
}

#[test]
fn dushanbe_finds_the_place_and_measure_22() {
    // places.toml: "dushanbe", label ru "Душанбе". Source, measure 22: "Проработка проекта
    // Концепции создания Антинаркотического центра ШОС в г. Душанбе …".
    let hits = search("Душанбе", Lang::Ru);
    first_is(&hits, "place/dushanbe", MatchKind::Exact);
    let m = contains(&hits, &measure(22));
    assert_eq!(m.match_kind, MatchKind::Text);
    assert_eq!(m.kind, ResourceKind::Measure);
    assert_eq!(m.number, Some(22));
    assert_eq!(m.matched.field, Field::Text);
    assert_eq!(m.matched.lang, Some(Lang::Ru));
    assert!(m.matched.text.contains("Душанбе"), "{:?}", m.matched.text);
    // The concept of the centre (documents.toml) and the centre itself (bodies.toml, alt
    // "Антинаркотический центр ШОС в г. Душанбе") are named after the city.
    contains(&hits, &iri("document/concept-anti-drug-centre"));
    contains(&hits, &iri("body/anti-drug-centre"));
    // Only measure 22 names Dushanbe.
    let measures = search_types("Душанбе", Lang::En, &[ResourceKind::Measure]);
    assert_eq!(iris(&measures), [measure(22).as_str()]);
    assert_eq!(measures[0].label, "Measure 22");
    assert_eq!(measures[0].label_lang, Lang::En);
}

#[test]
fn russian_text_words_find_measures() {
    // Measure 22's Russian text: "Проработка проекта Концепции создания Антинаркотического центра".
    let hits = search_types(
        "Антинаркотического центра",
        Lang::Ru,
        &[ResourceKind::Measure],
    );
    assert_eq!(hits[0].iri, measure(22), "{:#?}", iris(&hits));
    assert_eq!(hits[0].match_kind, MatchKind::Text);
}

// ───────────────────────────── English ─────────────────────────────

#[test]
fn english_labels_aliases_and_prefixes() {
    // bodies.toml: "SCO Interbank Consortium".
    let hits = search("interbank", Lang::En);
    first_is(&hits, "body/interbank-consortium", MatchKind::Prefix);
    assert_eq!(hits[0].label, "SCO Interbank Consortium");
    first_is(
        &search("Secre", Lang::En),
        "body/sco-secretariat",
        MatchKind::Prefix,
    );
    first_is(
        &search("SCO Secretariat", Lang::En),
        "body/sco-secretariat",
        MatchKind::Exact,
    );
    for (q, path) in [
        ("RATS", "body/rats"),
        ("AIFC", "body/aifc"),
        ("CSTO", "body/csto"),
        ("IBC", "body/interbank-consortium"),
        ("Dushanbe", "place/dushanbe"),
        ("green belt", "document/programme-green-belt"),
    ] {
        first_is(&search(q, Lang::En), path, MatchKind::Exact);
    }
}

#[test]
fn english_typos_are_forgiven_in_longer_words() {
    // One substitution ("Secretariet"), one transposition, one deletion, one insertion.
    for q in ["Secretariet", "Secertariat", "Secretarat", "Secretariatt"] {
        let hits = search(q, Lang::En);
        first_is(&hits, "body/sco-secretariat", MatchKind::Fuzzy);
    }
    first_is(
        &search("Interbnk", Lang::En),
        "body/interbank-consortium",
        MatchKind::Fuzzy,
    );
    // Russian too: two letters swapped, one left out.
    first_is(
        &search("Секретраиат", Lang::Ru),
        "body/sco-secretariat",
        MatchKind::Fuzzy,
    );
    first_is(
        &search("Межбанкоское", Lang::Ru),
        "body/interbank-consortium",
        MatchKind::Fuzzy,
    );
    // Two typos are forgiven in words of 8 letters or more, three are too many; a short word in
    // capitals is an abbreviation, taken as written ("RATZ" is not "RATS").
    first_is(
        &search("Secrettarriat", Lang::En),
        "body/sco-secretariat",
        MatchKind::Fuzzy,
    );
    assert!(search("Secrettarriatt", Lang::En)
        .iter()
        .all(|h| h.iri != iri("body/sco-secretariat")));
    assert!(search("RATZ", Lang::En)
        .iter()
        .all(|h| h.iri != iri("body/rats")));
}

#[test]
fn english_text_words_find_measures() {
    // en.toml, measures 49, 50 and 51 name the SCO Interbank Consortium.
    let hits = search_types("Interbank Consortium", Lang::En, &[ResourceKind::Measure]);
    let mut found: Vec<u32> = hits.iter().filter_map(|h| h.number).collect();
    found.sort();
    assert_eq!(found, [49, 50, 51]);
    assert!(hits.iter().all(|h| h.match_kind == MatchKind::Text));
    assert!(hits.iter().all(|h| h.matched.lang == Some(Lang::En)));
    // en.toml, measure 22: "… the SCO Anti-Drug Centre in Dushanbe …".
    let hits = search("Dushanbe", Lang::En);
    assert_eq!(contains(&hits, &measure(22)).match_kind, MatchKind::Text);
}

// ───────────────────────────── Chinese ─────────────────────────────

#[test]
fn chinese_without_spaces() {
    // bodies.toml: RATS, zh "上海合作组织地区反恐怖机构".
    let hits = search("反恐", Lang::Zh);
    first_is(&hits, "body/rats", MatchKind::Prefix);
    assert_eq!(hits[0].label, "上海合作组织地区反恐怖机构");
    assert_eq!(hits[0].label_lang, Lang::Zh);
    assert_eq!(hits[0].matched.lang, Some(Lang::Zh));
    first_is(
        &search("上海合作组织秘书处", Lang::Zh),
        "body/sco-secretariat",
        MatchKind::Exact,
    );
    first_is(
        &search("上合组织秘书处", Lang::En),
        "body/sco-secretariat",
        MatchKind::Exact,
    );
    first_is(
        &search("杜尚别", Lang::Zh),
        "place/dushanbe",
        MatchKind::Exact,
    );
    // "银联体" is an alias of the Interbank Consortium; "银行联合" a part of its label.
    first_is(
        &search("银联体", Lang::Zh),
        "body/interbank-consortium",
        MatchKind::Exact,
    );
    first_is(
        &search("银行联合", Lang::Zh),
        "body/interbank-consortium",
        MatchKind::Prefix,
    );
    // "绿色之带" with the quotes of the label left out.
    first_is(
        &search("上合组织绿色之带", Lang::Zh),
        "document/programme-green-belt",
        MatchKind::Exact,
    );
}

#[test]
fn chinese_text_finds_measure_22() {
    // zh.toml, measure 22: "研究制定《关于在杜尚别设立上海合作组织禁毒中心的构想》草案 …".
    let hits = search("杜尚别", Lang::Zh);
    let m = contains(&hits, &measure(22));
    assert_eq!(m.match_kind, MatchKind::Text);
    assert_eq!(m.label, "第22项措施");
    assert!(m.matched.text.contains("杜尚别"), "{:?}", m.matched.text);
    let only = search_types("禁毒中心 杜尚别", Lang::Zh, &[ResourceKind::Measure]);
    assert_eq!(iris(&only), [measure(22).as_str()]);
}

// ───────────────────────────── Cross-lingual ─────────────────────────────

#[test]
fn any_language_in_any_language_out() {
    // A Russian query, English labels; an English query, Chinese labels; and so on.
    let hits = search("Межбанковского объединения", Lang::En);
    assert_eq!(hits[0].label, "SCO Interbank Consortium");
    assert_eq!(hits[0].label_lang, Lang::En);
    assert_eq!(hits[0].matched.lang, Some(Lang::Ru));
    let hits = search("interbank", Lang::Zh);
    assert_eq!(hits[0].label, "上合组织银行联合体");
    let hits = search("反恐", Lang::Ru);
    assert_eq!(
        hits[0].label,
        "Региональная антитеррористическая структура ШОС"
    );
    let hits = search("Душанбе", Lang::Zh);
    assert_eq!(hits[0].label, "杜尚别");
    assert_eq!(contains(&hits, &measure(22)).label, "第22项措施");
}

// ───────────────────────────── Numbers, types, limits, ranking ─────────────────────────────

#[test]
fn measures_by_number() {
    // data/translations/labels.toml: "Мероприятие {number}", "Measure {number}", "第{number}项措施".
    for (q, lang) in [
        ("14", Lang::En),
        ("№ 14", Lang::Ru),
        ("measure 14", Lang::En),
        ("Мероприятие 14", Lang::Ru),
        ("мероприятия 14", Lang::Ru),
        ("第14项措施", Lang::Zh),
    ] {
        let hits = search(q, lang);
        assert_eq!(hits[0].iri, measure(14), "{q}: {:#?}", iris(&hits));
        assert_eq!(hits[0].match_kind, MatchKind::Exact, "{q}");
    }
    let hits = search("14", Lang::Zh);
    assert_eq!(hits[0].matched.field, Field::Number);
    assert_eq!(hits[0].matched.lang, None);
    assert_eq!(hits[0].label, "第14项措施");
    // 139 measures: no measure 140.
    assert!(search("140", Lang::En)
        .iter()
        .all(|h| h.matched.field != Field::Number));
}

#[test]
fn sections_plan_and_decision_are_found() {
    // en.toml, [sections] 2 = "Security cooperation"; the plan's and decision's titles.
    first_is(
        &search("Security cooperation", Lang::En),
        "plan/2021-2025/section/2",
        MatchKind::Exact,
    );
    first_is(
        &search("经贸合作", Lang::Zh),
        "plan/2021-2025/section/3",
        MatchKind::Exact,
    );
    let plan = search_types("Action Plan 2021-2025", Lang::En, &[ResourceKind::Plan]);
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].kind, ResourceKind::Plan);
    let decision = search_types("Development Strategy", Lang::En, &[ResourceKind::Decision]);
    assert_eq!(decision.len(), 1);
    assert_eq!(decision[0].kind, ResourceKind::Decision);
}

#[test]
fn type_filter() {
    let docs = search_types("Душанбе", Lang::Ru, &[ResourceKind::Document]);
    assert_eq!(docs[0].iri, iri("document/concept-anti-drug-centre"));
    assert!(docs.iter().all(|h| h.kind == ResourceKind::Document));
    let two = search_types(
        "ШОС",
        Lang::Ru,
        &[ResourceKind::Body, ResourceKind::Initiative],
    );
    assert!(!two.is_empty());
    assert!(two
        .iter()
        .all(|h| matches!(h.kind, ResourceKind::Body | ResourceKind::Initiative)));
    assert!(search_types("RATS", Lang::En, &[ResourceKind::State])
        .iter()
        .all(|h| h.kind == ResourceKind::State));
    assert_eq!(
        ResourceKind::parse_list("body, measure").unwrap(),
        [ResourceKind::Body, ResourceKind::Measure]
    );
    assert!(ResourceKind::parse_list("body,organ").is_err());
}

#[test]
fn limit() {
    let opts = |limit| LookupOptions {
        limit,
        ..LookupOptions::new(Lang::Ru)
    };
    assert_eq!(index().search("ШОС", &opts(3)).len(), 3);
    assert_eq!(index().search("ШОС", &opts(25)).len(), 25);
    assert!(index().search("ШОС", &opts(0)).is_empty());
    // The first hits do not depend on the limit.
    assert_eq!(
        index().search("ШОС", &opts(3)),
        index().search("ШОС", &opts(25))[..3].to_vec()
    );
    assert_eq!(search("ШОС", Lang::Ru).len(), LookupOptions::DEFAULT_LIMIT);
}

#[test]
fn ranking_is_by_band_then_score_and_deterministic() {
    let opts = LookupOptions {
        limit: 200,
        ..LookupOptions::new(Lang::En)
    };
    for q in [
        "RATS",
        "Secretariat",
        "Secre",
        "Council",
        "Душанбе",
        "反恐",
        "Secretariet",
        "SCO",
        "14",
    ] {
        let hits = index().search(q, &opts);
        assert!(!hits.is_empty(), "{q}");
        for pair in hits.windows(2) {
            assert!(pair[0].score >= pair[1].score, "{q}: {:#?}", pair);
            assert!(pair[0].match_kind <= pair[1].match_kind, "{q}: {:#?}", pair);
        }
        for h in &hits {
            let band = match h.match_kind {
                MatchKind::Exact => 3,
                MatchKind::Prefix => 2,
                MatchKind::Fuzzy => 1,
                MatchKind::Text => 0,
            };
            assert_eq!(h.score / 1000, band, "{q}: {h:#?}");
        }
        assert_eq!(hits, index().search(q, &opts), "{q}: the same twice");
    }
    // Exact beats prefix: RATS (alias "RATS") before its Executive Committee (alias "RATS EC").
    let hits = search("RATS", Lang::En);
    first_is(&hits, "body/rats", MatchKind::Exact);
    assert_eq!(
        contains(&hits, &iri("body/rats-executive-committee")).match_kind,
        MatchKind::Prefix
    );
}

#[test]
fn empty_and_punctuation_queries_find_nothing() {
    assert!(search("", Lang::En).is_empty());
    assert!(search("  «» — , ", Lang::Ru).is_empty());
    assert!(search("qwertyuiop", Lang::En).is_empty());
}

#[test]
fn hits_serialise_as_documented() {
    let hits = search("RATS", Lang::Zh);
    let json = serde_json::to_value(&hits[0]).unwrap();
    assert_eq!(json["iri"], iri("body/rats"));
    assert_eq!(json["type"], "body");
    assert_eq!(json["label"], "上海合作组织地区反恐怖机构");
    assert_eq!(json["label_lang"], "zh");
    assert_eq!(json["matched"]["text"], "RATS");
    assert_eq!(json["matched"]["lang"], "en");
    assert_eq!(json["matched"]["field"], "altLabel");
    assert_eq!(json["match"], "exact");
    assert!(json["score"].as_u64().unwrap() >= 3000);
    assert!(json.get("number").is_none());
    let response = index().respond("14", &LookupOptions::new(Lang::Ru));
    let json = serde_json::to_value(&response).unwrap();
    assert_eq!(json["query"], "14");
    assert_eq!(json["lang"], "ru");
    assert_eq!(json["types"], serde_json::Value::Null);
    assert_eq!(json["limit"], 10);
    assert_eq!(json["hits"][0]["number"], 14);
    assert_eq!(json["hits"][0]["matched"]["field"], "number");
    assert_eq!(json["hits"][0]["matched"]["lang"], serde_json::Value::Null);
}

#[test]
fn parameters_parse() {
    assert_eq!(
        "Measure".parse::<ResourceKind>().unwrap(),
        ResourceKind::Measure
    );
}
