//! Relevance: the entity a person means is the first hit. Each query's expected entity was
//! chosen from data/registry/*.toml, data/translations/*.toml and the source text (the comments
//! say why), not from the program's output; the queries cover Chinese short forms, Russian
//! abbreviations and inflected forms, English names and typos, everyday words and mixed scripts.
//! Run through `LookupIndex::respond`, as `/api/lookup` answers.

use std::sync::OnceLock;

use sco_kg::lookup::{Lang, LookupIndex, LookupOptions};

const ID: &str = "https://w3id.org/sco-kg/id/";

fn index() -> &'static LookupIndex {
    static INDEX: OnceLock<LookupIndex> = OnceLock::new();
    INDEX.get_or_init(|| LookupIndex::new(crate::support::embedded()))
}

/// Checks every (query, language of the answer, expected first hit) and reports all the
/// queries whose first hit is another, at once.
#[track_caller]
fn expect_first(cases: &[(&str, Lang, &str)]) {
    let mut wrong = Vec::new();
    for &(q, lang, path) in cases {
        let response = index().respond(q, &LookupOptions::new(lang));
        let first = response
            .hits
            .first()
            .map_or("(nothing)", |h| h.iri.trim_start_matches(ID));
        if first != path {
            wrong.push(format!("{q:?} ({lang:?}): expected {path}, got {first}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

const DECISION: &str = "decision/2020/1";
const DRONES: &str = "plan/2021-2025/measure/12";

#[test]
fn chinese_short_forms() {
    expect_first(&[
        // 上合 is the everyday short form of 上海合作组织 (the SCO's label; 上合组织 its alias).
        ("上合", Lang::Zh, "body/sco"),
        ("上合组织", Lang::Zh, "body/sco"),
        // 上合组织秘书处: the Secretariat's zh alias.
        ("上合秘书处", Lang::Zh, "body/sco-secretariat"),
        // 上合组织宪章: the Charter's zh alias.
        ("上合宪章", Lang::Zh, "document/sco-charter"),
        // Both charters are 宪章; the plan's own comes first.
        ("宪章", Lang::Zh, "document/sco-charter"),
        ("联合国宪章", Lang::Zh, "document/un-charter"),
        // 银联体: the Interbank Consortium's alias; 上合组织银行联合体 its label.
        ("银联体", Lang::Zh, "body/interbank-consortium"),
        ("上合银联体", Lang::Zh, "body/interbank-consortium"),
        // RATS: 上海合作组织地区反恐怖机构; people write 反恐机构.
        ("反恐机构", Lang::Zh, "body/rats"),
        ("上合反恐机构", Lang::Zh, "body/rats"),
        ("反恐", Lang::Zh, "body/rats"),
        // 外长理事会, 元首理事会: aliases of the two councils.
        ("外长理事会", Lang::Zh, "body/council-of-foreign-ministers"),
        ("元首理事会", Lang::Zh, "body/council-of-heads-of-state"),
        // 上合组织大学: the University's alias.
        ("上合大学", Lang::Zh, "body/sco-university"),
        // 上合组织禁毒战略: alias of the SCO Anti-Drug Strategy (131 names it with no edition).
        ("上合禁毒战略", Lang::Zh, "document/anti-drug-strategy"),
        ("绿色之带", Lang::Zh, "document/programme-green-belt"),
        ("杜尚别", Lang::Zh, "place/dushanbe"),
        ("印度", Lang::Zh, "state/in"),
        // The decision is "No. 1" of 10 November 2020.
        ("第1号决议", Lang::Zh, DECISION),
        ("决议", Lang::Zh, DECISION),
    ]);
}

#[test]
fn russian_abbreviations_and_forms() {
    expect_first(&[
        ("ШОС", Lang::Ru, "body/sco"),
        ("РАТС", Lang::Ru, "body/rats"),
        ("РАТС ШОС", Lang::Ru, "body/rats"),
        ("МБО", Lang::Ru, "body/interbank-consortium"),
        // ДС: Деловой совет ШОС (the Business Council).
        ("ДС", Lang::Ru, "body/business-council"),
        ("ДС ШОС", Lang::Ru, "body/business-council"),
        ("Деловой совет", Lang::Ru, "body/business-council"),
        ("СМИД", Lang::Ru, "body/council-of-foreign-ministers"),
        ("СГГ", Lang::Ru, "body/council-of-heads-of-state"),
        // РФ: Российская Федерация, Russia's alias.
        ("РФ", Lang::Ru, "state/ru"),
        ("Решение № 1", Lang::Ru, DECISION),
        ("Решение", Lang::Ru, DECISION),
        // Хартия: the SCO Charter's alias; the UN Charter is "Устав ООН".
        ("Хартия", Lang::Ru, "document/sco-charter"),
        ("Устав ООН", Lang::Ru, "document/un-charter"),
        ("Секретариатом ШОС", Lang::Ru, "body/sco-secretariat"),
        ("Секретариат", Lang::Ru, "body/sco-secretariat"),
        (
            "Межбанковского объединения",
            Lang::Ru,
            "body/interbank-consortium",
        ),
        ("Казахстаном", Lang::Ru, "state/kz"),
        ("Киргизия", Lang::Ru, "state/kg"),
        ("Кыргызстан", Lang::Ru, "state/kg"),
        // Two letters wrong in a ten-letter word.
        ("Киргизстан", Lang::Ru, "state/kg"),
        ("Таджикистан", Lang::Ru, "state/tj"),
        ("Пекин", Lang::Ru, "place/beijing"),
        ("Зеленый пояс", Lang::Ru, "document/programme-green-belt"),
        (
            "Стратегия развития",
            Lang::Ru,
            "document/sco-development-strategy-2025",
        ),
        ("Паутина", Lang::Ru, "initiative/operation-pautina"),
    ]);
}

#[test]
fn english_names_and_typos() {
    expect_first(&[
        ("SCO", Lang::En, "body/sco"),
        ("Shanghai Cooperation Organization", Lang::En, "body/sco"),
        ("RATS", Lang::En, "body/rats"),
        (
            "RATS Executive Committee",
            Lang::En,
            "body/rats-executive-committee",
        ),
        ("IBC", Lang::En, "body/interbank-consortium"),
        (
            "Interbank Consortium",
            Lang::En,
            "body/interbank-consortium",
        ),
        ("Business Council", Lang::En, "body/business-council"),
        ("CFM", Lang::En, "body/council-of-foreign-ministers"),
        ("SCO University", Lang::En, "body/sco-university"),
        ("PRC", Lang::En, "state/cn"),
        // The plan's own Charter before the United Nations' one; naming the UN's finds it.
        ("Charter", Lang::En, "document/sco-charter"),
        ("UN Charter", Lang::En, "document/un-charter"),
        ("Decision", Lang::En, DECISION),
        ("Decision No. 1", Lang::En, DECISION),
        ("Action Plan", Lang::En, "plan/2021-2025"),
        (
            "Development Strategy",
            Lang::En,
            "document/sco-development-strategy-2025",
        ),
        ("Green Belt", Lang::En, "document/programme-green-belt"),
        ("Peace Mission", Lang::En, "initiative/peace-mission"),
        ("Dushanbe", Lang::En, "place/dushanbe"),
        ("Qingdao", Lang::En, "place/qingdao"),
        ("14", Lang::En, "plan/2021-2025/measure/14"),
        // Typos: two letters swapped, one missing, two wrong in a long word.
        ("Inida", Lang::En, "state/in"),
        ("Kirgizstan", Lang::En, "state/kg"),
        ("Kazakstan", Lang::En, "state/kz"),
        ("Uzbekstan", Lang::En, "state/uz"),
        ("Pakistn", Lang::En, "state/pk"),
        ("Beijng", Lang::En, "place/beijing"),
        ("Secretariet", Lang::En, "body/sco-secretariat"),
        ("Secrettarriat", Lang::En, "body/sco-secretariat"),
    ]);
}

#[test]
fn everyday_words() {
    // Measure 12: "беспилотных летательных аппаратов (воздушных судов)", "unmanned aerial
    // vehicles (aircraft)", "无人驾驶飞行器（航空器）".
    expect_first(&[
        ("drones", Lang::En, DRONES),
        ("drone", Lang::En, DRONES),
        ("UAV", Lang::En, DRONES),
        ("unmanned aerial vehicles", Lang::En, DRONES),
        ("беспилотники", Lang::Ru, DRONES),
        ("БПЛА", Lang::Ru, DRONES),
        ("无人机", Lang::Zh, DRONES),
    ]);
}

#[test]
fn mixed_scripts() {
    expect_first(&[
        // "SCO RATS" is an English alias of RATS; ШОС and 上合 both stand for the SCO.
        ("ШОС RATS", Lang::En, "body/rats"),
        ("上合 RATS", Lang::Zh, "body/rats"),
        ("SCO РАТС", Lang::Ru, "body/rats"),
        // "МБО ШОС" is an alias of the Interbank Consortium.
        ("МБО SCO", Lang::Ru, "body/interbank-consortium"),
        // 上合组织地区反恐怖机构执行委员会: the RATS Executive Committee.
        ("RATS 执行委员会", Lang::Zh, "body/rats-executive-committee"),
        ("SCO Секретариат", Lang::Ru, "body/sco-secretariat"),
    ]);
}
