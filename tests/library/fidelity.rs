//! The graph says what the plan says, no more and no less (issue 18). Every expectation here was
//! read from data/source/sco-action-plan-2021-2025.ru.txt (line numbers given), not from the
//! program's output.

use std::collections::BTreeSet;

use crate::support;
use crate::support::measure_text as text;

const ID: &str = "https://w3id.org/sco-kg/id/";
const PLAN: &str = "https://w3id.org/sco-kg/id/plan/2021-2025/measure/";

/// The rows of a SELECT on the embedded graph, as CSV strings (header dropped).
fn select(query: &str) -> Vec<Vec<String>> {
    let query = format!(
        "PREFIX sco: <https://w3id.org/sco-kg/ontology#>\n\
         PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n\
         PREFIX m: <{PLAN}>\nPREFIX id: <{ID}>\n\
         PREFIX state: <{ID}state/>\nPREFIX body: <{ID}body/>\n\
         PREFIX initiative: <{ID}initiative/>\nPREFIX document: <{ID}document/>\n{query}"
    );
    support::select(&query)
}

/// The first column of every row.
fn column(query: &str) -> BTreeSet<String> {
    select(query).into_iter().map(|r| r[0].clone()).collect()
}

fn states(codes: &[&str]) -> BTreeSet<String> {
    codes.iter().map(|c| format!("{ID}state/{c}")).collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

const EIGHT: [&str; 8] = ["in", "kz", "cn", "kg", "pk", "ru", "tj", "uz"];

// ───────────────────────── Executors scoped as written ─────────────────────────

/// Line 1110 ff.: measure 48's executors are "Профильные министерства и ведомства Казахстана,
/// Китая, Кыргызстана, Пакистана, России, Таджикистана, Узбекистана": seven states, not India.
#[test]
fn measure_48_is_executed_by_the_ministries_of_seven_named_states() {
    assert_eq!(
        column("SELECT ?s WHERE { m:48 sco:executingState ?s }"),
        states(&["kz", "cn", "kg", "pk", "ru", "tj", "uz"])
    );
    assert_eq!(
        column("SELECT ?s WHERE { m:48 sco:executorScope ?s }"),
        set(&["https://w3id.org/sco-kg/ontology#NamedMemberStates"])
    );
    // The role stays one body.
    assert_eq!(
        column("SELECT ?b WHERE { m:48 sco:executor ?b }"),
        set(&[&format!("{ID}body/relevant-ministries")])
    );
}

/// Line 2036 ff.: measure 94's executors are the ministries "заинтересованных государств-членов
/// ШОС": the interested states, which the plan does not name, so no executing state is given.
#[test]
fn measure_94_is_executed_by_the_ministries_of_the_interested_states() {
    assert!(column("SELECT ?s WHERE { m:94 sco:executingState ?s }").is_empty());
    assert_eq!(
        column("SELECT ?s WHERE { m:94 sco:executorScope ?s }"),
        set(&["https://w3id.org/sco-kg/ontology#InterestedMemberStates"])
    );
}

/// Line 2446 ff.: measure 114's tourism ministries are those of the state "председательствующего
/// в Организации": the chair, which the text does not name.
#[test]
fn measure_114_is_executed_by_the_chairs_ministries() {
    assert!(column("SELECT ?s WHERE { m:114 sco:executingState ?s }").is_empty());
    assert_eq!(
        column("SELECT ?s WHERE { m:114 sco:executorScope ?s }"),
        set(&["https://w3id.org/sco-kg/ontology#ChairMemberState"])
    );
}

/// Line 2512 ff.: measure 117's tourism ministries are those "государства-члена ШОС" — one member
/// state, in the singular, not named and not said to be the chair (114's "председательствующего в
/// Организации" is not in 117's cell). The role is the tourism ministries of 112 and 116 (written
/// "государств-членов ШОС", all eight); 117's are one state's, so no executing state is given.
/// The participants cell of 117 says "Государства-члены ШОС": all eight take part.
#[test]
fn measure_117_is_executed_by_the_ministries_of_one_unnamed_state() {
    assert!(text(117, "ru").contains("«Восемь чудес ШОС»"));
    assert!(column("SELECT ?s WHERE { m:117 sco:executingState ?s }").is_empty());
    assert_eq!(
        column("SELECT ?s WHERE { m:117 sco:executorScope ?s }"),
        set(&["https://w3id.org/sco-kg/ontology#OneMemberState"])
    );
    assert!(column("SELECT ?b WHERE { m:117 sco:executor ?b }")
        .contains(&format!("{ID}body/tourism-ministries")));
    assert_eq!(
        column("SELECT ?w WHERE { m:117 sco:executorsText ?w }"),
        set(&[
            "Министерства и ведомства государства-члена ШОС, отвечающие за вопросы взаимодействия в сфере туризма",
            "Секретариат ШОС",
        ])
    );
    assert_eq!(
        column("SELECT ?s WHERE { m:117 sco:participant ?s }"),
        states(&EIGHT)
    );
    // 112 and 116: "Министерства и ведомства государств-членов ШОС, отвечающие за …": all eight.
    for measure in [112, 116] {
        assert_eq!(
            column(&format!(
                "SELECT ?s WHERE {{ m:{measure} sco:executingState ?s }}"
            )),
            states(&EIGHT),
            "{measure}"
        );
    }
}

/// "Which measures do India's ministries execute": every measure whose executors cell names the
/// relevant ministries and agencies of the SCO member states, and neither 48 (seven states, not
/// India) nor 94 (the interested states, unnamed). Measure 3 (line 198 ff.) has them in lower
/// case, second in its cell: "профильные министерства и ведомства государств-членов ШОС".
#[test]
fn indias_ministries_do_not_execute_48_or_94() {
    let india = column(
        "SELECT ?n WHERE { ?m sco:executor body:relevant-ministries ; \
         sco:executingState state:in ; sco:number ?n }",
    );
    let role =
        column("SELECT ?n WHERE { ?m sco:executor body:relevant-ministries ; sco:number ?n }");
    assert!(role.contains("48") && role.contains("94"));
    assert!(!india.contains("48") && !india.contains("94"));
    assert!(india.contains("3"));
    let mut expected = role.clone();
    expected.remove("48");
    expected.remove("94");
    assert_eq!(india, expected);
}

/// "… государств-членов ШОС" stands for all eight: measure 5's "Компетентные органы
/// государств-членов ШОС".
#[test]
fn bodies_of_the_member_states_are_all_eights_bodies() {
    assert_eq!(
        column("SELECT ?s WHERE { m:5 sco:executingState ?s }"),
        states(&EIGHT)
    );
    // Executing states come only with the scope of a body of the member states.
    assert!(column(
        "SELECT ?m WHERE { ?m sco:executor ?b ; sco:executingState ?s . \
         FILTER NOT EXISTS { ?m sco:executorScope ?any } }"
    )
    .is_empty());
}

/// Every form the registry scopes is an executor form of its body: a scope never lies unused
/// (loading checks it too: tests/library/link_errors.rs).
#[test]
fn every_scoped_form_is_one_of_its_bodys_forms() {
    use sco_kg::link::{EntityType, Registry};
    let registry = Registry::embedded().unwrap();
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut scoped = 0;
    for (_, body) in registry.of_type(EntityType::Body) {
        for form in body.executor_scope.keys() {
            scoped += 1;
            assert!(
                body.forms.iter().any(|f| collapse(f) == collapse(form)),
                "{}: {form:?} is not one of its match forms",
                body.id
            );
        }
    }
    // 48's seven states, 94's interested states, 114's chair, 117's one state.
    assert_eq!(scoped, 4);
}

// ───────────────────────── One entity, one IRI ─────────────────────────

/// Line 908: "Проведение заседаний Форума глав регионов государств-членов ШОС": one forum, a
/// body that holds sessions; measure 39 names it once, as one resource.
#[test]
fn the_forum_of_heads_of_regions_is_one_resource() {
    let named = column(
        "SELECT ?x WHERE { ?x skos:prefLabel \"Форум глав регионов государств-членов ШОС\"@ru }",
    );
    assert_eq!(
        named,
        set(&[&format!("{ID}body/forum-of-heads-of-regions")])
    );
    assert_eq!(
        column("SELECT ?x WHERE { m:39 sco:mentions|sco:initiative ?x . ?x skos:prefLabel ?l . FILTER(CONTAINS(STR(?l), \"Форум глав регионов\")) }"),
        named
    );
}

// ───────────────────────── Entities the text names ─────────────────────────

/// The bodies a measure's text names (sco:mentions), by IRI.
fn mentioned(measure: u32) -> BTreeSet<String> {
    column(&format!(
        "SELECT ?b WHERE {{ m:{measure} sco:mentions ?b . ?b a sco:Body }}"
    ))
}

fn body(id: &str) -> String {
    format!("{ID}body/{id}")
}

/// Line 616 ff. (24): "… заседаний руководителей пограничных служб и встреч группы экспертов".
#[test]
fn measure_24_names_the_border_services_expert_group() {
    let found = mentioned(24);
    assert!(
        found.contains(&body("border-services-expert-group")),
        "{found:?}"
    );
    assert!(
        found.contains(&body("border-services-heads-meeting")),
        "{found:?}"
    );
}

/// Line 658 ff. (26): "… совещаний глав оборонных ведомств, начальников генеральных штабов …".
#[test]
fn measure_26_names_the_chiefs_of_general_staff() {
    let found = mentioned(26);
    assert!(
        found.contains(&body("chiefs-of-general-staff-meeting")),
        "{found:?}"
    );
    assert!(
        found.contains(&body("defence-ministers-meeting")),
        "{found:?}"
    );
}

/// Line 866 ff. (37): "Активизация деятельности специальных рабочих групп по основным
/// направлениям многостороннего торгово-экономического сотрудничества в рамках ШОС".
#[test]
fn measure_37_names_the_special_working_groups_on_trade() {
    assert!(mentioned(37).contains(&body("trade-special-working-groups")));
}

/// Line 2266 ff. (105): "… встреч руководителей территориальных органов по чрезвычайным
/// ситуациям приграничных районов".
#[test]
fn measure_105_names_the_emergency_bodies_of_border_areas() {
    let found = mentioned(105);
    assert!(
        found.contains(&body("border-areas-emergency-bodies")),
        "{found:?}"
    );
    assert!(
        found.contains(&body("emergency-agencies-heads-meeting")),
        "{found:?}"
    );
}

/// Line 2872 ff. (134): "… Совместной декларации о сотрудничестве между секретариатами ШОС и
/// ООН …": both secretariats, and the UN itself ("с ООН", "стратегии ООН").
#[test]
fn measure_134_names_both_secretariats_and_the_un() {
    let found = mentioned(134);
    for id in ["sco-secretariat", "un-secretariat", "un"] {
        assert!(found.contains(&body(id)), "{id}: {found:?}");
    }
    // The UN Secretariat is the UN's, and named nowhere else in the plan.
    assert_eq!(
        column("SELECT ?m WHERE { ?m sco:mentions body:un-secretariat }"),
        set(&[&format!("{PLAN}134")])
    );
    assert_eq!(
        column("SELECT ?p WHERE { body:un-secretariat sco:parentBody ?p }"),
        set(&[&body("un")])
    );
}

/// Every new entity has real labels in ru, en and zh.
#[test]
fn the_new_bodies_are_labelled_in_three_languages() {
    for id in [
        "border-services-expert-group",
        "chiefs-of-general-staff-meeting",
        "trade-special-working-groups",
        "border-areas-emergency-bodies",
        "un-secretariat",
    ] {
        let langs = column(&format!(
            "SELECT (LANG(?l) AS ?lang) WHERE {{ body:{id} skos:prefLabel ?l }}"
        ));
        assert_eq!(langs, set(&["en", "ru", "zh"]), "{id}");
    }
}

// ───────────────────────── Labels people read ─────────────────────────

/// Lines 36-92: the eight signatures under the decision, office over state. Each signatory has
/// its office and label in ru (as printed), en and zh.
#[test]
fn the_eight_signatories_are_labelled_in_three_languages() {
    let rows = select(
        "SELECT ?s (LANG(?l) AS ?lang) ?l WHERE { ?d a sco:Decision ; sco:signatory ?s . \
         ?s skos:prefLabel ?l }",
    );
    for lang in ["ru", "en", "zh"] {
        assert_eq!(
            rows.iter().filter(|r| r[1] == lang).count(),
            8,
            "{lang}: {rows:?}"
        );
    }
    let offices = column(
        "SELECT ?o WHERE { ?s a sco:Signatory ; sco:office ?o . FILTER(LANG(?o) = \"en\") }",
    );
    // Президент ×5 (Председатель of the PRC is its President), Премьер-министр ×2, and
    // "Исполняющий обязанности Президента, Премьер-министр".
    assert_eq!(
        offices,
        set(&[
            "President",
            "Prime Minister",
            "Acting President, Prime Minister"
        ])
    );
    // Signatures of India and China, read from lines 38 and 64.
    let labels = column("SELECT ?l WHERE { ?s a sco:Signatory ; skos:prefLabel ?l }");
    for label in [
        "Prime Minister of the Republic of India",
        "印度共和国总理",
        "President of the People's Republic of China",
        "中华人民共和国主席",
        "Acting President, Prime Minister of the Kyrgyz Republic",
    ] {
        assert!(labels.contains(label), "{label}");
    }
}

// ───────────────────────── No additions to the source ─────────────────────────

/// Line 2792 ff. (131): "реализации Антинаркотической стратегии ШОС, … в рамках Программы
/// многостороннего торгово-экономического сотрудничества государств-членов ШОС": neither the
/// strategy's edition nor the programme's horizon is written.
#[test]
fn measure_131_gives_no_edition_or_horizon() {
    let russian = text(131, "ru");
    assert!(!russian.contains("2018") && !russian.contains("2035"));
    for lang in ["en", "zh"] {
        let t = text(131, lang);
        for added in ["2018", "2023", "2035"] {
            assert!(!t.contains(added), "{lang}: {added} in {t}");
        }
    }
}

/// Line 201 f. (3): "форумов политических партий заинтересованных государств-членов ШОС": the
/// party forums are those of the interested states, like the meetings of heads of parliaments.
/// The Chinese says 有意愿的 (interested) once, over both, and names no forum of all member
/// states.
#[test]
fn measure_3_keeps_the_forums_to_the_interested_states() {
    let zh = text(3, "zh");
    assert!(
        zh.contains("有意愿的上合组织成员国议会领导人会晤和政党论坛"),
        "{zh}"
    );
    assert!(!zh.contains("上海合作组织成员国政党论坛"), "{zh}");
    let en = text(3, "en");
    assert!(
        en.contains("forums of political parties of interested SCO member states"),
        "{en}"
    );
}

/// CARICC (line 2996 ff., measure 139) has no official Chinese name (its languages are Russian
/// and English): the graph writes it one way, 区域 ("regional", as the UN's Chinese does), in
/// every label and text that names it.
#[test]
fn caricc_is_named_one_way_in_chinese() {
    let texts = column(
        "SELECT ?t WHERE { ?x skos:prefLabel|skos:altLabel|sco:text ?t . \
         FILTER(LANG(?t) = \"zh\" && CONTAINS(?t, \"信息协调中心\")) }",
    );
    assert!(texts.len() >= 3, "{texts:?}");
    for t in &texts {
        assert!(
            t.contains("区域信息协调中心") && !t.contains("地区信息协调中心"),
            "{t}"
        );
    }
}

/// The CSTO's own English name is "Collective Security Treaty Organization", with a z.
#[test]
fn the_csto_is_an_organization() {
    assert_eq!(
        column("SELECT ?l WHERE { body:csto skos:prefLabel ?l . FILTER(LANG(?l) = \"en\") }"),
        set(&["Collective Security Treaty Organization"])
    );
    let spelt_s = column(
        "SELECT ?t WHERE { ?x skos:prefLabel|skos:altLabel|sco:text ?t . \
         FILTER(CONTAINS(?t, \"Collective Security Treaty Organisation\")) }",
    );
    assert!(spelt_s.is_empty(), "{spelt_s:?}");
}

/// Line 786 ff. (33): «Развитие взаимодействия между ШОС и ОДКБ на основе Меморандума о
/// взаимопонимании между двумя организациями»: the plan writes the CSTO one way, ОДКБ, and the
/// Chinese one way too: 集体安全条约组织 in full, 集安组织 short, as the CSTO's own labels, 33's
/// text and the memorandum's labels all write it; never a third form such as 集安条约组织.
#[test]
fn the_csto_is_named_one_way_in_chinese() {
    assert!(text(33, "ru").contains("между ШОС и ОДКБ"));
    assert_eq!(
        labels(&body("csto"), "zh"),
        set(&["集体安全条约组织", "集安组织"])
    );
    let texts = column(
        "SELECT ?t WHERE { ?x skos:prefLabel|skos:altLabel|sco:text ?t . \
         FILTER(LANG(?t) = \"zh\" && CONTAINS(?t, \"集\") && CONTAINS(?t, \"组织\")) }",
    );
    assert!(texts.len() >= 4, "{texts:?}");
    for t in &texts {
        let rest = t.replace("集体安全条约组织", "").replace("集安组织", "");
        assert!(!rest.contains("集安") && !rest.contains("集体安全"), "{t}");
    }
    assert!(text(33, "zh").contains("集安组织"), "{}", text(33, "zh"));
}

/// Line 1110 ff. (48): the text's «Один пояс, один путь» is the Belt and Road Initiative; its
/// official English name is the preferred label, the text's wording an alternative.
#[test]
fn the_belt_and_road_initiative_by_its_official_name() {
    assert_eq!(
        column("SELECT ?l WHERE { initiative:belt-and-road skos:prefLabel ?l . FILTER(LANG(?l) = \"en\") }"),
        set(&["Belt and Road Initiative"])
    );
    assert!(
        column("SELECT ?l WHERE { initiative:belt-and-road skos:altLabel ?l }")
            .contains("One Belt, One Road")
    );
    assert!(column("SELECT ?i WHERE { m:48 sco:initiative ?i }")
        .contains(&format!("{ID}initiative/belt-and-road")));
}

/// Re-reading the plan for more of the same kind: the bodies and mechanisms named only in the
/// texts, each read from its measure's Russian text.
#[test]
fn the_mechanisms_the_texts_name_are_linked() {
    for (measure, id, words) in [
        (3, "heads-of-parliaments-meeting", "встреч глав парламентов"),
        (34, "economic-crimes-heads-meeting", "совещания руководителей органов государств-членов ШОС по борьбе с экономическими преступлениями"),
        (35, "anti-corruption-bodies", "органами государств-членов ШОС, отвечающих за борьбу с коррупцией"),
        (84, "digitalisation-heads-meeting", "совещаний руководителей ведомств, ответственных за развитие цифровизации"),
        (98, "sports-heads-meeting", "отвечающих за физическую культуру и спорт"),
        (108, "youth-policy-heads-meeting", "отвечающих за реализацию молодежной политики"),
        (133, "sco-observer-missions", "миссий наблюдателей от ШОС"),
    ] {
        assert!(text(measure, "ru").contains(words), "{measure}: {words}");
        let found = mentioned(measure);
        assert!(found.contains(&body(id)), "{measure}: {id} not in {found:?}");
        let langs = column(&format!(
            "SELECT (LANG(?l) AS ?lang) WHERE {{ body:{id} skos:prefLabel ?l }}"
        ));
        assert_eq!(langs, set(&["en", "ru", "zh"]), "{id}");
    }
    // The mechanisms 34, 84, 98 and 108 consider creating: each named by its measure only.
    for id in [
        "economic-crimes-heads-meeting",
        "digitalisation-heads-meeting",
        "sports-heads-meeting",
        "youth-policy-heads-meeting",
    ] {
        assert_eq!(
            column(&format!("SELECT ?m WHERE {{ ?m sco:mentions body:{id} }}")).len(),
            1,
            "{id}"
        );
    }
}

/// Line 2796 (131): "реализации Антинаркотической стратегии ШОС" gives no edition, where 21 (line
/// 566) names the one "на 2018-2023 годы": 131 cites the strategy, undated, not the edition
/// that ends in 2023 while the plan runs to 2025.
#[test]
fn measure_131_cites_the_strategy_without_an_edition() {
    assert_eq!(
        column("SELECT ?d WHERE { m:131 sco:references ?d . ?d sco:documentKind sco:Strategy }"),
        set(&[&format!("{ID}document/anti-drug-strategy")])
    );
    assert!(column("SELECT ?y WHERE { document:anti-drug-strategy sco:date ?y }").is_empty());
    assert_eq!(
        column("SELECT ?m WHERE { ?m sco:references document:anti-drug-strategy-2018-2023 }"),
        set(&[&format!("{PLAN}21")])
    );
}

/// Line 2792 ff. (131): "в рамках Программы многостороннего торгово-экономического сотрудничества
/// государств-членов ШОС" gives no horizon, where 36 (line 842 ff.) names the one "до 2035 года":
/// 131 cites the programme, undated, not the 2035 edition; 36 cites the edition.
#[test]
fn measure_131_cites_the_trade_programme_without_an_edition() {
    assert!(text(131, "ru")
        .contains("в рамках Программы многостороннего торгово-экономического сотрудничества государств-членов ШОС."));
    assert!(text(36, "ru").contains("государств-членов ШОС до 2035 года"));
    assert_eq!(
        column("SELECT ?d WHERE { m:131 sco:references ?d . ?d sco:documentKind sco:Programme }"),
        set(&[&format!(
            "{ID}document/programme-trade-economic-cooperation"
        )])
    );
    assert!(column(
        "SELECT ?y WHERE { document:programme-trade-economic-cooperation sco:date|sco:year ?y }"
    )
    .is_empty());
    assert_eq!(
        column("SELECT ?m WHERE { ?m sco:references document:programme-trade-economic-cooperation-2035 }"),
        set(&[&format!("{PLAN}36")])
    );
}

/// Lines 140-142 (measure 1): "Совета министров иностранных дел": the council by its official English
/// name, "Council of Ministers of Foreign Affairs", in its label and in the English text; the
/// short "Council of Foreign Ministers" is an alternative label.
#[test]
fn the_council_of_ministers_of_foreign_affairs_by_its_official_name() {
    assert_eq!(
        column(
            "SELECT ?l WHERE { body:council-of-foreign-ministers skos:prefLabel ?l . \
             FILTER(LANG(?l) = \"en\") }"
        ),
        set(&["Council of Ministers of Foreign Affairs of the SCO Member States"])
    );
    assert!(
        column("SELECT ?l WHERE { body:council-of-foreign-ministers skos:altLabel ?l }")
            .contains("Council of Foreign Ministers")
    );
    assert!(text(1, "ru").contains("Совета министров иностранных дел"));
    assert!(text(1, "en").contains("the Council of Ministers of Foreign Affairs"));
    assert!(
        column("SELECT ?m WHERE { ?m sco:mentions body:council-of-foreign-ministers }")
            .contains(&format!("{PLAN}1"))
    );
}

/// The documents measures announce in lower case: 36 "Разработка пятилетних планов мероприятий по
/// реализации Программы … до 2035 года" (line 842 ff.), 59 "Проработка вопроса о … подготовке
/// соответствующего программного документа", 67 "Развитие сети международных мультимодальных
/// логистических центров на пространстве ШОС с подготовкой соответствующей программы", 69
/// "Формирование перечня … совместных … проектов", 80 "изучение вопроса о разработке
/// соответствующего плана регионального взаимодействия": each cited as a draft, and 36 still
/// cites the programme itself.
#[test]
fn announced_documents_are_cited_as_drafts() {
    for (measure, id, words) in [
        (
            36,
            "five-year-plans-trade-programme-2035",
            "пятилетних планов мероприятий",
        ),
        (
            59,
            "programme-document-connectivity-corridors",
            "подготовке соответствующего программного документа",
        ),
        (
            67,
            "programme-multimodal-logistics-centres",
            "с подготовкой соответствующей программы",
        ),
        (69, "list-joint-projects", "Формирование перечня"),
        (
            80,
            "plan-regional-interaction-e-commerce",
            "плана регионального взаимодействия",
        ),
    ] {
        assert!(text(measure, "ru").contains(words), "{measure}");
        let cited = column(&format!(
            "SELECT ?d WHERE {{ m:{measure} sco:references ?d . ?d sco:documentStatus sco:Draft }}"
        ));
        assert_eq!(cited, set(&[&format!("{ID}document/{id}")]), "{measure}");
    }
    assert!(
        column("SELECT ?d WHERE { m:36 sco:references ?d }").contains(&format!(
            "{ID}document/programme-trade-economic-cooperation-2035"
        ))
    );
}

/// Titles the plan does not give are not filled in from outside. 33 (line 786 ff.): "на основе
/// Меморандума о взаимопонимании между двумя организациями" (the SCO and the CSTO), not a
/// memorandum "between the Secretariats"; 5 (line 254 ff.): "подготовка проекта соответствующей
/// программы на 2022-2024 гг." names the programme as the 2019-2021 one is named in the same
/// text ("Программы сотрудничества в противодействии терроризму, сепаратизму и экстремизму"),
/// not by an official title with "государств-членов ШОС".
#[test]
fn titles_are_the_texts_own() {
    let memorandum =
        column("SELECT ?l WHERE { document:memorandum-sco-csto skos:prefLabel|skos:altLabel ?l }");
    assert!(memorandum.contains("Меморандум о взаимопонимании между ШОС и ОДКБ"));
    assert!(
        memorandum.iter().all(|l| !l.contains("Секретариат")
            && !l.contains("Secretariat")
            && !l.contains("秘书处")),
        "{memorandum:?}"
    );
    let programme = column("SELECT ?l WHERE { document:programme-counter-terrorism-2022-2024 skos:prefLabel ?l . FILTER(LANG(?l) = \"ru\") }");
    assert_eq!(programme, set(&["Программа сотрудничества в противодействии терроризму, сепаратизму и экстремизму на 2022-2024 годы"]));
    assert!(text(5, "ru").contains("Программы сотрудничества в противодействии терроризму, сепаратизму и экстремизму на 2019-2021 гг."));
}

/// Lines 286-350 (7-10): "Реализация и совершенствование комплекса совместных мер по выявлению
/// лиц …", "Реализация комплекса совместных мер по повышению эффективности взаимодействия РАТС ШОС
/// …", "… по предотвращению террористических актов …", "Реализация комплекса совместных мер, в
/// том числе профилактических, по противодействию вербовке …": in lower case, without quotes or a
/// date, and with no word for a document — the set of joint measures itself, carried out as 52
/// and 55 carry out "дополнительных практических мер". No document is cited, and none is labelled
/// «Комплекс совместных мер».
#[test]
fn the_sets_of_joint_measures_of_7_to_10_are_no_documents() {
    for measure in 7..=10 {
        let russian = text(measure, "ru");
        assert!(russian.contains("комплекса совместных мер"), "{measure}");
        assert!(!russian.contains("Комплекс"), "{measure}");
        assert!(
            column(&format!(
                "SELECT ?d WHERE {{ m:{measure} sco:references ?d }}"
            ))
            .is_empty(),
            "{measure}"
        );
    }
    assert!(text(52, "ru").contains("осуществление дополнительных практических мер"));
    assert!(column(
        "SELECT ?d WHERE { ?d a sco:Document ; skos:prefLabel|skos:altLabel ?l . \
         FILTER(CONTAINS(LCASE(STR(?l)), \"комплекс совместных мер\")) }"
    )
    .is_empty());
}

/// Lines 286-350 (7-10): «комплекса совместных мер по …», in lower case: no title, so the
/// translations write none. English says "the set of joint measures …" in sentence case (no word
/// after the first capitalised but the SCO's and RATS's abbreviations); Chinese has no 《》.
#[test]
fn the_sets_of_joint_measures_of_7_to_10_are_not_written_as_titles() {
    for measure in 7..=10 {
        assert!(
            text(measure, "ru").contains("комплекса совместных мер"),
            "{measure}"
        );
        let en = text(measure, "en");
        assert!(en.contains("the set of joint measures"), "{measure}: {en}");
        let capitalised: Vec<&str> = en
            .split(|c: char| !c.is_alphanumeric())
            .skip(1)
            .filter(|w| w.starts_with(char::is_uppercase) && !["SCO", "RATS"].contains(w))
            .collect();
        assert!(capitalised.is_empty(), "{measure}: {capitalised:?} in {en}");
        let zh = text(measure, "zh");
        assert!(
            zh.contains("联合措施") && !zh.contains('《') && !zh.contains('》'),
            "{measure}: {zh}"
        );
    }
}

/// Line 1588 ff. (71): "Проработка и согласование Программы «Зелёный пояс» ШОС": a programme with
/// its title, to be worked out and agreed: a draft document. Line 1646 ff. (74): "Реализация
/// программы «Международный молодежный бизнес-инкубатор стран ШОС»": a programme named in
/// quotes, being implemented: a document in force. Each is one resource, a document, not also an
/// initiative; document queries see them (71 among the drafts).
#[test]
fn the_programmes_of_71_and_74_are_documents() {
    assert!(text(71, "ru").contains("Проработка и согласование Программы «Зелёный пояс» ШОС"));
    assert!(text(74, "ru")
        .contains("Реализация программы «Международный молодежный бизнес-инкубатор стран ШОС»"));
    for (measure, id, status) in [
        (71, "programme-green-belt", "Draft"),
        (74, "programme-youth-business-incubator", "InForce"),
    ] {
        let rows = select(&format!(
            "SELECT ?d ?kind ?status WHERE {{ m:{measure} sco:references ?d . \
             ?d a sco:Document ; sco:documentKind ?kind ; sco:documentStatus ?status }}"
        ));
        assert_eq!(
            rows,
            [[
                format!("{ID}document/{id}"),
                "https://w3id.org/sco-kg/ontology#Programme".to_string(),
                format!("https://w3id.org/sco-kg/ontology#{status}"),
            ]],
            "{measure}"
        );
        assert!(
            column(&format!(
                "SELECT ?i WHERE {{ m:{measure} sco:initiative ?i }}"
            ))
            .is_empty(),
            "{measure}"
        );
    }
    // One real thing, one IRI: nothing else is labelled with either name.
    for name in ["Зелёный пояс", "бизнес-инкубатор"] {
        assert_eq!(
            column(&format!(
                "SELECT DISTINCT ?x WHERE {{ ?x skos:prefLabel ?l . \
                 FILTER NOT EXISTS {{ ?x a sco:Measure }} \
                 FILTER(LANG(?l) = \"ru\" && CONTAINS(?l, \"{name}\")) }}"
            ))
            .len(),
            1,
            "{name}"
        );
    }
    assert!(column(
        "SELECT ?n WHERE { ?m sco:references ?d ; sco:number ?n . ?d sco:documentStatus sco:Draft }"
    )
    .contains("71"));
}

/// A label the text does not give as a title is not marked as one: the documents announced in
/// lower case — 5 "соответствующей программы на 2022-2024 гг.", 36 "пятилетних планов
/// мероприятий", 59 "соответствующего программного документа", 67 "соответствующей программы",
/// 69 "перечня", 80 "соответствующего плана регионального взаимодействия", 119 "проекта
/// положения об организации кинофестивалей" — have sentence case in English and no 《》 around the
/// Chinese label; a title the text gives (71's «Зелёный пояс», 21's strategy) keeps its marks.
#[test]
fn labels_of_untitled_documents_are_not_marked_as_titles() {
    let label = |id: &str, lang: &str| {
        select(&format!(
            "SELECT ?l WHERE {{ document:{id} skos:prefLabel ?l . FILTER(LANG(?l) = \"{lang}\") }}"
        ))
        .remove(0)
        .remove(0)
    };
    for (measure, id, words) in [
        (
            5,
            "programme-counter-terrorism-2022-2024",
            "соответствующей программы на 2022-2024 гг.",
        ),
        (
            36,
            "five-year-plans-trade-programme-2035",
            "пятилетних планов мероприятий",
        ),
        (
            59,
            "programme-document-connectivity-corridors",
            "соответствующего программного документа",
        ),
        (
            67,
            "programme-multimodal-logistics-centres",
            "соответствующей программы",
        ),
        (69, "list-joint-projects", "перечня"),
        (
            80,
            "plan-regional-interaction-e-commerce",
            "соответствующего плана регионального взаимодействия",
        ),
        (
            119,
            "regulation-film-festivals",
            "проекта положения об организации кинофестивалей",
        ),
    ] {
        assert!(text(measure, "ru").contains(words), "{measure}: {words}");
        let zh = label(id, "zh");
        assert!(!zh.starts_with('《'), "{id}: {zh}");
        let en = label(id, "en");
        // The first word of four letters or more after the document's own word is in lower case.
        let word = en
            .split_whitespace()
            .skip(1)
            .find(|w| w.len() >= 4 && !["with", "from"].contains(w))
            .unwrap();
        assert!(word.starts_with(|c: char| c.is_lowercase()), "{id}: {en}");
    }
    assert!(label("programme-green-belt", "zh").starts_with('《'));
    assert!(label("anti-drug-strategy-2018-2023", "zh").starts_with('《'));
}

// ───────────────────────── Labels follow the glossary ─────────────────────────

/// A label in `lang` of `iri` (preferred).
fn pref_label(iri: &str, lang: &str) -> String {
    select(&format!(
        "SELECT ?l WHERE {{ <{iri}> skos:prefLabel ?l . FILTER(LANG(?l) = \"{lang}\") }}"
    ))
    .remove(0)
    .remove(0)
}

/// «Взаимодействие» is interaction (协作), not cooperation (合作), in the labels as in the texts.
/// Line 1364 f. (61): «Реализация Концепции взаимодействия железнодорожных администраций
/// (железных дорог) государств-членов ШОС»; line 1800 ff. (83): «Подготовка проекта Концепции
/// взаимодействия государств-членов ШОС в области «умного» сельского хозяйства и внедрения
/// агроинноваций»; the executors of 112 (line 2412 ff.), 116 (line 2500 ff.) and 117 (line 2516
/// ff.): «Министерства и ведомства государств-членов ШОС [государства-члена ШОС], отвечающие за
/// вопросы взаимодействия в сфере туризма», and of 114 (line 2454 ff.) the same of the state
/// «председательствующего в Организации». None of them says «сотрудничество».
#[test]
fn labels_say_interaction_where_the_plan_does() {
    assert!(text(61, "ru").contains("Концепции взаимодействия железнодорожных администраций"));
    assert!(text(83, "ru").contains(
        "Концепции взаимодействия государств-членов ШОС в области «умного» сельского хозяйства"
    ));
    let mut iris = Vec::new();
    for (measure, id) in [
        (61, "concept-railway-administrations"),
        (83, "concept-smart-agriculture"),
    ] {
        let iri = format!("{ID}document/{id}");
        assert!(
            column(&format!(
                "SELECT ?d WHERE {{ m:{measure} sco:references ?d }}"
            ))
            .contains(&iri),
            "{measure}"
        );
        iris.push(iri);
    }
    for (measures, id) in [
        (&[112, 116, 117][..], "tourism-ministries"),
        (&[114], "chair-tourism-ministries"),
    ] {
        let iri = body(id);
        for measure in measures {
            assert!(
                column(&format!(
                    "SELECT ?b WHERE {{ m:{measure} sco:executor ?b }}"
                ))
                .contains(&iri),
                "{measure}: {id}"
            );
        }
        iris.push(iri);
    }
    for iri in &iris {
        let ru = pref_label(iri, "ru");
        assert!(
            ru.contains("взаимодействия") && !ru.contains("сотрудничеств"),
            "{ru}"
        );
        let en = pref_label(iri, "en");
        assert!(
            en.contains("Interaction") || en.contains("interaction"),
            "{en}"
        );
        assert!(!en.to_lowercase().contains("cooperation"), "{en}");
        // 上海合作组织 is the SCO's own name; 合作 nowhere else.
        let zh = pref_label(iri, "zh");
        assert!(zh.contains("协作"), "{zh}");
        assert!(!zh.replace("上海合作组织", "").contains("合作"), "{zh}");
    }
}

/// The labels of an entity in `lang`, preferred and alternative.
fn labels(iri: &str, lang: &str) -> BTreeSet<String> {
    column(&format!(
        "SELECT ?l WHERE {{ <{iri}> skos:prefLabel|skos:altLabel ?l . FILTER(LANG(?l) = \"{lang}\") }}"
    ))
}

/// Where every Russian label of an entity says «взаимодействие», so does every English and
/// Chinese label, alternative as well as preferred, unless the language's name is the entity's
/// official one: no short form drops it ("Tourism ministries") or says another word for it
/// ("Mutual Assistance"). The tourism ministries' executors (lines 2412 ff., 2454 ff., 2500 ff.,
/// 2516 ff.) are «отвечающие за вопросы взаимодействия в сфере туризма»; line 1364 f. (61) the
/// «Концепции взаимодействия железнодорожных администраций»; line 2266 ff. (105) the «Соглашения
/// между правительствами государств-членов ШОС о взаимодействии при оказании помощи в ликвидации
/// чрезвычайных ситуаций», whose Chinese name alone is official (救灾互助, its Chinese text).
#[test]
fn alternative_labels_say_interaction_where_the_plan_does() {
    assert!(text(105, "ru").contains(
        "Соглашения между правительствами государств-членов ШОС о взаимодействии при оказании помощи в ликвидации чрезвычайных ситуаций"
    ));
    for (iri, langs) in [
        (body("tourism-ministries"), &["en", "zh"][..]),
        (body("chair-tourism-ministries"), &["en", "zh"]),
        (
            format!("{ID}document/concept-railway-administrations"),
            &["en", "zh"],
        ),
        (
            format!("{ID}document/agreement-emergency-relief-2005"),
            &["en"],
        ),
    ] {
        for ru in labels(&iri, "ru") {
            assert!(ru.contains("взаимодейств"), "{iri}: {ru}");
        }
        for lang in langs {
            let all = labels(&iri, lang);
            assert!(all.len() >= 2, "{iri} {lang}: {all:?}");
            for label in all {
                let found = match *lang {
                    "en" => label.to_lowercase().contains("interaction"),
                    _ => label.contains("协作"),
                };
                assert!(found, "{iri} {lang}: {label}");
            }
        }
    }
}

/// Line 2872 ff. (134): «Совместной декларации о сотрудничестве между секретариатами ШОС и
/// ООН»: a declaration of the two secretariats, not of the SCO and the UN Secretariat. Every
/// label names both secretariats: 上海合作组织秘书处 (or 上合组织秘书处) and 联合国秘书处 in
/// Chinese, a Secretariat in English.
#[test]
fn the_declaration_of_134_is_the_two_secretariats() {
    assert!(text(134, "ru")
        .contains("Совместной декларации о сотрудничестве между секретариатами ШОС и ООН"));
    let iri = format!("{ID}document/declaration-sco-un-secretariats");
    assert!(column("SELECT ?d WHERE { m:134 sco:references ?d }").contains(&iri));
    let zh = labels(&iri, "zh");
    assert_eq!(zh.len(), 2, "{zh:?}");
    for label in zh {
        assert!(
            (label.contains("上海合作组织秘书处") || label.contains("上合组织秘书处"))
                && label.contains("联合国秘书处"),
            "{label}"
        );
    }
    for label in labels(&iri, "en") {
        assert!(label.contains("Secretariat"), "{label}");
    }
}

/// Line 1646 f. (74): «Реализация программы «Международный молодежный бизнес-инкубатор стран
/// ШОС»»: a programme of activities, 项目 in its Chinese text and in its document's label alike,
/// never 计划 (план).
#[test]
fn the_programme_of_74_is_one_name_in_text_and_label() {
    let name = "“上海合作组织国家国际青年创业孵化器”项目";
    assert!(text(74, "zh").contains(name), "{}", text(74, "zh"));
    let label = pref_label(
        &format!("{ID}document/programme-youth-business-incubator"),
        "zh",
    );
    assert_eq!(label, name);
}

// ───────────────────────── The ontology says what the graph does ─────────────────────────

/// The `skos:definition`s of `sco:{local}` in ontology/sco-kg.ttl, by language.
fn definitions(local: &str) -> std::collections::BTreeMap<String, String> {
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{NamedOrBlankNode, Term};
    let file = sco_kg::data::ontology("sco-kg.ttl").unwrap();
    let iri = format!("https://w3id.org/sco-kg/ontology#{local}");
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(file.contents.as_bytes())
        .map(|quad| quad.expect("the ontology parses"))
        .filter_map(|q| match (&q.subject, q.predicate.as_str(), &q.object) {
            (
                NamedOrBlankNode::NamedNode(s),
                "http://www.w3.org/2004/02/skos/core#definition",
                Term::Literal(l),
            ) if s.as_str() == iri => Some((l.language()?.to_string(), l.value().to_string())),
            _ => None,
        })
        .collect()
}

/// The executors cells give five scopes (measure 48, line 1110 ff.: the ministries of seven
/// named states; 94, line 2036 ff.: of the interested states; 114, line 2454 ff.: of the chair;
/// 117, line 2516 ff.: of one member state; every other cell: of all member states), and the
/// graph says each with a `sco:ParticipationScope`. The class's definition covers them, in ru, en
/// and zh, beside the participants cell's three; and each scope the executors use says what it
/// means there.
#[test]
fn participation_scope_is_defined_for_executors_too() {
    let scopes = column("SELECT DISTINCT ?s WHERE { ?m sco:executorScope ?s }");
    let ontology = "https://w3id.org/sco-kg/ontology#";
    let five = [
        "AllMemberStates",
        "NamedMemberStates",
        "InterestedMemberStates",
        "ChairMemberState",
        "OneMemberState",
    ];
    assert_eq!(
        scopes,
        five.iter().map(|s| format!("{ontology}{s}")).collect()
    );
    let class = definitions("ParticipationScope");
    for (lang, words) in [
        (
            "ru",
            &[
                "председательствующего",
                "одного государства-члена",
                "заинтересованных",
            ][..],
        ),
        ("en", &["chairmanship", "one member state", "interested"]),
        ("zh", &["轮值主席国", "某一成员国", "有意愿的成员国"]),
    ] {
        let text = &class[lang];
        assert!(
            text.contains("sco:participationScope") && text.contains("sco:executorScope"),
            "{lang}: {text}"
        );
        for word in words {
            assert!(text.contains(word), "{lang}: {word} not in {text}");
        }
    }
    for scope in five {
        for (lang, text) in definitions(scope) {
            assert!(text.contains("sco:executorScope"), "{scope} {lang}: {text}");
        }
    }
}

/// Lines 1886-1899 (measure 87): «путем разработки и принятия соответствующего Плана действий».
/// The text titles the plan "План действий" and no more: the Chinese text and label mark as
/// titles (《》) only 《行动计划》 and the Concept's own title, not a full title made up from what
/// the plan implements; the English label keeps that part in lower case.
#[test]
fn the_plan_of_87_is_titled_as_the_text_titles_it() {
    assert!(text(87, "ru").contains("соответствующего Плана действий"));
    let zh = text(87, "zh");
    assert!(zh.contains("相应的《行动计划》"), "{zh}");
    assert!(!zh.contains("《落实"), "{zh}");
    let label = |lang: &str| {
        select(&format!(
            "SELECT ?l WHERE {{ document:plan-digitalisation-ict skos:prefLabel ?l . \
             FILTER(LANG(?l) = \"{lang}\") }}"
        ))
        .remove(0)
        .remove(0)
    };
    assert!(label("zh").contains("的《行动计划》"), "{}", label("zh"));
    assert!(!label("zh").starts_with('《'), "{}", label("zh"));
    assert!(
        label("en").starts_with("Plan of Action to implement"),
        "{}",
        label("en")
    );
}

/// Lines 2882-2884 (measure 134): «на базе шосовского проекта «Правил поведения государств в
/// области обеспечения МИБ»». The rules' labels and the translations say what the plan says;
/// the name the draft later had at the UN ("International Code of Conduct for Information
/// Security") comes from outside the plan and is only an alternative label.
#[test]
fn the_rules_of_conduct_of_134_are_named_as_the_plan_names_them() {
    assert!(text(134, "ru").contains("«Правил поведения государств в области обеспечения МИБ»"));
    let pref = column(
        "SELECT ?l WHERE { document:rules-of-conduct-information-security skos:prefLabel ?l }",
    );
    assert!(pref.contains(
        "Rules of Conduct of States in the Field of Ensuring International Information Security"
    ));
    assert!(
        !pref
            .iter()
            .any(|l| l.contains("Code of Conduct") || l.contains("准则")),
        "{pref:?}"
    );
    assert!(text(134, "en").contains("“Rules of Conduct of States"));
    assert!(!text(134, "en").contains("Code of Conduct"));
    assert!(!text(134, "zh").contains("行为准则"));
    assert!(column(
        "SELECT ?l WHERE { document:rules-of-conduct-information-security skos:altLabel ?l }"
    )
    .contains("International Code of Conduct for Information Security"));
}
