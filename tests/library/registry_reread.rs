//! Issue 18's re-read of the registry: the labels of the entities the 139 measures name say what
//! the plan says, by the rules data/registry/README.md and the README's "What the graph says"
//! state. Every expectation was read from data/source/sco-action-plan-2021-2025.ru.txt (line
//! numbers given); each test first checks that the Russian has the words it relies on.

use std::collections::BTreeSet;

use sco_kg::link::{EntityType, Registry};

use crate::support;
use crate::support::measure_text as text;

const ID: &str = "https://w3id.org/sco-kg/id/";
const PLAN: &str = "https://w3id.org/sco-kg/id/plan/2021-2025/measure/";

fn select(query: &str) -> Vec<Vec<String>> {
    support::select(&format!(
        "PREFIX sco: <https://w3id.org/sco-kg/ontology#>\n\
         PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n\
         PREFIX m: <{PLAN}>\n{query}"
    ))
}

fn column(query: &str) -> BTreeSet<String> {
    select(query).into_iter().map(|mut r| r.remove(0)).collect()
}

/// The preferred label in `lang` of `{ID}{path}` (`body/rats`).
fn pref(path: &str, lang: &str) -> String {
    let labels = column(&format!(
        "SELECT ?l WHERE {{ <{ID}{path}> skos:prefLabel ?l . FILTER(LANG(?l) = \"{lang}\") }}"
    ));
    assert_eq!(labels.len(), 1, "{path} {lang}: {labels:?}");
    labels.into_iter().next().unwrap()
}

/// The alternative labels in `lang` of `{ID}{path}`.
fn alts(path: &str, lang: &str) -> BTreeSet<String> {
    column(&format!(
        "SELECT ?l WHERE {{ <{ID}{path}> skos:altLabel ?l . FILTER(LANG(?l) = \"{lang}\") }}"
    ))
}

/// Every label, preferred and alternative, in every language.
fn all_labels(path: &str) -> BTreeSet<String> {
    column(&format!(
        "SELECT ?l WHERE {{ <{ID}{path}> skos:prefLabel|skos:altLabel ?l }}"
    ))
}

/// The bodies a measure's text names.
fn mentioned(measure: u32) -> BTreeSet<String> {
    column(&format!(
        "SELECT ?b WHERE {{ m:{measure} sco:mentions ?b . ?b a sco:Body }}"
    ))
}

fn registry_entity(entity_type: EntityType, id: &str) -> sco_kg::link::Entity {
    let registry = Registry::embedded().unwrap();
    let r = registry.find(entity_type, id).unwrap();
    registry.get(r).clone()
}

/// The first word after the first of an English label that has four letters or more (not a
/// preposition of four) starts in lower case: the label is a description, not a title.
fn is_sentence_case(label: &str) -> bool {
    label
        .split_whitespace()
        .skip(1)
        .find(|w| w.len() >= 4 && !["with", "from", "SCO", "UN"].contains(w))
        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
}

// ───────────────────────── Planned bodies: the text's words ─────────────────────────

/// Bodies the plan proposes and writes in lower case have no name yet: their English labels are
/// descriptions in sentence case. 34 (line 804 ff.) «механизма совещания руководителей органов
/// государств-членов ШОС по борьбе с экономическими преступлениями», 54 (line 1210 ff.)
/// «демонстрационной базы ШОС по обмену и обучению аграрным технологиям», 77 (line 1692 ff.), 78
/// (line 1710 ff.) «специальной рабочей группы по борьбе с бедностью», 84 (line 1824 ff.), 86
/// (line 1868 ff.) «специальной рабочей группы по инновациям и стартапам», 98 (line 2120 ff.), 100
/// (line 2160 ff.), 108 (line 2332 ff.), 123 (line 2624 ff.) «механизма сотрудничества …».
#[test]
fn planned_bodies_in_lower_case_are_described_not_titled() {
    for (measure, russian, id) in [
        (
            34,
            "механизма совещания руководителей органов государств-членов ШОС по борьбе с экономическими преступлениями",
            "economic-crimes-heads-meeting",
        ),
        (
            54,
            "демонстрационной базы ШОС по обмену и обучению аграрным технологиям",
            "agricultural-technology-demonstration-base",
        ),
        (
            77,
            "специального фонда поддержки региональных инвестиционных проектов",
            "regional-investment-projects-fund",
        ),
        (
            78,
            "специальной рабочей группы по борьбе с бедностью",
            "poverty-reduction-working-group",
        ),
        (
            84,
            "механизма регулярных совещаний руководителей ведомств, ответственных за развитие цифровизации",
            "digitalisation-heads-meeting",
        ),
        (
            86,
            "специальной рабочей группы по инновациям и стартапам",
            "innovation-startups-working-group",
        ),
        (
            98,
            "механизма совещаний руководителей министерств и ведомств государств-членов ШОС, отвечающих за физическую культуру и спорт",
            "sports-heads-meeting",
        ),
        (
            100,
            "экспертной группы по вопросам традиционной/народной медицины",
            "traditional-medicine-expert-group",
        ),
        (
            108,
            "механизма совещаний руководителей ведомств государств-членов ШОС, отвечающих за реализацию молодежной политики",
            "youth-policy-heads-meeting",
        ),
        (
            123,
            "механизма сотрудничества государственных информационных агентств заинтересованных государств-членов ШОС",
            "news-agencies-cooperation-mechanism",
        ),
    ] {
        assert!(text(measure, "ru").contains(russian), "{measure}: {russian}");
        let path = format!("body/{id}");
        assert!(
            mentioned(measure).contains(&format!("{ID}{path}")),
            "{measure}: {id}"
        );
        assert_eq!(registry_entity(EntityType::Body, id).kind, "planned-body");
        let en = pref(&path, "en");
        assert!(is_sentence_case(&en), "{id}: {en}");
        for alt in alts(&path, "en") {
            assert!(is_sentence_case(&alt), "{id}: {alt}");
        }
    }
}

/// 78 (lines 1708-1712): «в сфере борьбы с бедностью, включая изучение вопроса о создании
/// специальной рабочей группы по борьбе с бедностью»: a group on combating poverty, as the text
/// says twice; "Poverty Reduction", the name of a later group, is no label of it.
#[test]
fn the_working_group_of_78_is_on_combating_poverty() {
    assert!(text(78, "ru").contains("специальной рабочей группы по борьбе с бедностью"));
    let path = "body/poverty-reduction-working-group";
    assert_eq!(
        pref(path, "en"),
        "Special working group on combating poverty"
    );
    assert!(
        all_labels(path)
            .iter()
            .all(|l| !l.to_lowercase().contains("poverty reduction")),
        "{:?}",
        all_labels(path)
    );
}

/// 84 (lines 1824-1828): «механизма регулярных совещаний руководителей ведомств, ответственных за
/// развитие цифровизации и информационно-коммуникационных технологий»: whose agencies the text
/// does not say, and no label says «государств-членов ШОС», member states or 成员国.
#[test]
fn the_meeting_of_84_names_no_member_states() {
    let russian = text(84, "ru");
    assert!(russian.contains(
        "совещаний руководителей ведомств, ответственных за развитие цифровизации и информационно-коммуникационных технологий"
    ));
    assert!(!russian.contains("государств-членов"), "{russian}");
    let path = "body/digitalisation-heads-meeting";
    for label in all_labels(path) {
        assert!(
            !label.contains("государств-членов")
                && !label.to_lowercase().contains("member states")
                && !label.contains("成员国"),
            "{label}"
        );
    }
    assert_eq!(
        pref(path, "ru"),
        "Совещание руководителей ведомств, ответственных за развитие цифровизации и информационно-коммуникационных технологий"
    );
    assert_eq!(
        pref(path, "zh"),
        "负责数字化和信息通信技术发展的部门领导人会议"
    );
    assert!(text(84, "zh").contains("负责数字化和信息通信技术发展的部门领导人"));
}

/// 108 (lines 2332-2336): «отвечающих за реализацию молодежной политики»: responsible for
/// implementing youth policy (实施), not for youth policy.
#[test]
fn the_meeting_of_108_implements_youth_policy() {
    assert!(text(108, "ru").contains("отвечающих за реализацию молодежной политики"));
    let path = "body/youth-policy-heads-meeting";
    assert!(pref(path, "en").ends_with("responsible for implementing youth policy"));
    let zh = pref(path, "zh");
    assert!(zh.contains("负责实施青年政策的部门"), "{zh}");
    assert!(text(108, "zh").contains("负责实施青年政策的部门"));
}

/// 98 (line 2124) «отвечающих за физическую культуру и спорт» and 97 (lines 2102-2106) «в сфере
/// физической культуры и спорта»: one English word, "sports", in both labels and both texts.
#[test]
fn physical_culture_and_sports_one_way() {
    assert!(text(98, "ru").contains("физическую культуру и спорт"));
    assert!(text(97, "ru").contains("физической культуры и спорта"));
    let meeting = pref("body/sports-heads-meeting", "en");
    assert!(
        meeting.ends_with("physical culture and sports"),
        "{meeting}"
    );
    let agreement = pref("document/agreement-sports-2019", "en");
    assert!(
        agreement.contains("Physical Culture and Sports"),
        "{agreement}"
    );
    assert!(text(98, "en").contains("physical culture and sports"));
    assert!(text(97, "en").contains("Physical Culture and Sports"));
}

/// 34 (lines 804-808): «руководителей органов государств-членов ШОС»: органы are 机关 (as 34's
/// Chinese text and the competent authorities, 主管机关), not 部门.
#[test]
fn the_bodies_of_34_are_organs() {
    assert!(text(34, "ru").contains("руководителей органов государств-членов ШОС"));
    let path = "body/economic-crimes-heads-meeting";
    for label in [pref(path, "zh")].into_iter().chain(alts(path, "zh")) {
        assert!(
            label.contains("打击经济犯罪机关") && !label.contains("部门"),
            "{label}"
        );
    }
    assert!(text(34, "zh").contains("打击经济犯罪机关领导人会议"));
}

/// 123 (lines 2624-2628): «механизма сотрудничества государственных информационных агентств
/// заинтересованных государств-членов ШОС»: a proposed mechanism, as the meetings of 34, 84, 98
/// and 108 are, of the interested states' agencies, not all eight, and no organ of the SCO. The
/// text names the agencies too.
#[test]
fn the_news_agencies_mechanism_of_123_is_a_planned_body() {
    assert!(text(123, "ru").contains(
        "механизма сотрудничества государственных информационных агентств заинтересованных государств-членов ШОС"
    ));
    let path = "body/news-agencies-cooperation-mechanism";
    let found = mentioned(123);
    assert!(found.contains(&format!("{ID}{path}")), "{found:?}");
    assert!(
        found.contains(&format!("{ID}body/state-news-agencies")),
        "{found:?}"
    );
    for (lang, word) in [
        ("ru", "заинтересованных"),
        ("en", "interested"),
        ("zh", "有意愿的"),
    ] {
        let label = pref(path, lang);
        assert!(label.contains(word), "{lang}: {label}");
    }
    assert!(column(&format!(
        "SELECT ?p WHERE {{ <{ID}{path}> sco:parentBody ?p }}"
    ))
    .is_empty());
}

// ───────────────────────── Standing meetings ─────────────────────────

/// 72 (lines 1608-1612): «совещаний руководителей министерств и ведомств государств-членов ШОС,
/// отвечающих за вопросы охраны окружающей среды»: heads of ministries and agencies, not ministers.
/// The Chinese label says 环境保护部门领导人会议, as 72's Chinese text; no label says ministers.
#[test]
fn the_environment_meeting_of_72_is_of_heads_of_ministries_and_agencies() {
    assert!(text(72, "ru").contains("совещаний руководителей министерств и ведомств"));
    let path = "body/environment-ministers-meeting";
    assert_eq!(pref(path, "zh"), "上海合作组织成员国环境保护部门领导人会议");
    for label in all_labels(path) {
        assert!(
            !label.contains("部长") && !label.contains("Minister") && !label.contains("министр"),
            "{label}"
        );
    }
}

/// 105 (lines 2272-2276): «совещаний руководителей ведомств, занимающихся вопросами
/// предупреждения и ликвидации чрезвычайных ситуаций»: prevention first (预防), and no member
/// states in the text. The preferred labels name the SCO's standing meeting; the text's words,
/// without the member states, are an alternative label in each language.
#[test]
fn the_emergency_meeting_of_105_prevents_and_eliminates() {
    let words = "совещаний руководителей ведомств, занимающихся вопросами предупреждения и ликвидации чрезвычайных ситуаций";
    assert!(text(105, "ru").contains(words));
    let path = "body/emergency-agencies-heads-meeting";
    assert!(pref(path, "zh").contains("负责预防和消除紧急情况的部门领导人会议"));
    assert!(alts(path, "ru").contains(
        "совещания руководителей ведомств, занимающихся вопросами предупреждения и ликвидации чрезвычайных ситуаций"
    ));
    assert!(alts(path, "en").contains(
        "Meetings of heads of agencies dealing with the prevention and elimination of emergencies"
    ));
    assert!(alts(path, "zh").contains("负责预防和消除紧急情况的部门领导人会议"));
    assert!(text(105, "zh").contains("负责预防和消除紧急情况的部门领导人会议"));
}

/// 102 (lines 2204-2208): «отвечающих за обеспечение санитарно-эпидемиологического благополучия
/// населения»: responsible for ensuring the welfare.
#[test]
fn the_sanitary_meeting_of_102_ensures_the_welfare() {
    assert!(text(102, "ru").contains("отвечающих за обеспечение санитарно-эпидемиологического"));
    let en = pref("body/sanitary-epidemiological-services-heads-meeting", "en");
    assert!(
        en.contains("Responsible for Ensuring the Sanitary and Epidemiological Welfare"),
        "{en}"
    );
}

/// 26 (lines 658-660) «совещаний глав оборонных ведомств» and 24 (lines 622-624) «заседаний
/// руководителей пограничных служб»: the text's words are alternative labels in every language
/// (国防部门领导人会议 and 边防部门领导人会议, as 26's and 24's Chinese texts), and 26's preferred
/// labels are of heads of defence agencies, as the plan says, not of defence ministers.
#[test]
fn the_texts_words_for_the_meetings_of_24_and_26() {
    assert!(text(26, "ru").contains("совещаний глав оборонных ведомств"));
    assert!(text(24, "ru").contains("заседаний руководителей пограничных служб"));
    let defence = "body/defence-ministers-meeting";
    // The plan's words are the preferred labels; "Defence Ministers", the name from outside the
    // plan (not marked official), an alternative.
    assert_eq!(
        pref(defence, "en"),
        "Meeting of Heads of Defence Agencies of the SCO Member States"
    );
    assert_eq!(pref(defence, "zh"), "上海合作组织成员国国防部门领导人会议");
    assert!(alts(defence, "en").contains("Meeting of Defence Ministers of the SCO Member States"));
    assert!(
        registry_entity(EntityType::Body, "defence-ministers-meeting")
            .official
            .is_empty()
    );
    assert!(alts(defence, "ru").contains("совещания глав оборонных ведомств"));
    assert!(alts(defence, "en").contains("Meetings of heads of defence agencies"));
    assert!(alts(defence, "zh").contains("国防部门领导人会议"));
    assert!(text(26, "zh").contains("国防部门领导人会议"));
    let border = "body/border-services-heads-meeting";
    assert!(alts(border, "ru").contains("заседания руководителей пограничных служб"));
    assert!(alts(border, "en").contains("Meetings of heads of border services"));
    assert!(alts(border, "zh").contains("边防部门领导人会议"));
    assert!(text(24, "zh").contains("边防部门领导人会议"));
}

/// 62 (lines 1382-1390): «заседаний Совместной комиссии, предусмотренной Соглашением» after the
/// Agreement «о создании благоприятных условий для международных автомобильных перевозок»: the
/// commission is "provided for by" the Agreement (the further measures of the first sentence are
/// «по реализации Соглашения», the commission is not), and the Agreement's English
/// title is written one way, in the commission's label as in the Agreement's own.
#[test]
fn the_joint_commission_of_62_is_provided_for_by_the_agreement() {
    let russian = text(62, "ru");
    assert!(russian.contains("Совместной комиссии, предусмотренной Соглашением"));
    // «по реализации Соглашения» is what the measures of the first sentence do, not the commission.
    assert!(russian.contains("Разработка дальнейших мер по реализации Соглашения"));
    let path = "body/road-transport-joint-commission";
    let ru = pref(path, "ru");
    assert!(
        ru.starts_with("Совместная комиссия, предусмотренная Соглашением"),
        "{ru}"
    );
    assert!(!ru.contains("по реализации"), "{ru}");
    let title = pref("document/agreement-international-road-transport", "en");
    assert!(
        title.contains("on Creating Favourable Conditions"),
        "{title}"
    );
    assert_eq!(
        pref(path, "en"),
        format!("Joint Commission provided for by the {title}")
    );
    assert!(pref(path, "zh").ends_with("规定的联合委员会"));
}

/// 1 (lines 144-146): «договоренностей по итогам совещаний руководителей профильных министерств и
/// ведомств»: the meetings of heads of ministries and agencies, the Charter's organ, are named, and
/// the graph has them, in the text's words: plural, no member states.
#[test]
fn measure_1_names_the_meetings_of_heads_of_relevant_ministries() {
    assert!(text(1, "ru").contains("совещаний руководителей профильных министерств и ведомств"));
    let path = "body/heads-of-relevant-ministries-meetings";
    assert!(mentioned(1).contains(&format!("{ID}{path}")));
    assert_eq!(
        pref(path, "ru"),
        "Совещания руководителей профильных министерств и ведомств"
    );
    assert_eq!(
        pref(path, "en"),
        "Meetings of heads of relevant ministries and agencies"
    );
    assert_eq!(pref(path, "zh"), "相关部委领导人会议");
    assert!(text(1, "zh").contains("相关部委领导人会议"));
}

// ───────────────────────── Measure 3 ─────────────────────────

/// 3 (lines 198-202): «Развитие контактов и сотрудничества по линии органов законодательной власти
/// и политических партий …» and «Проведение по согласованию встреч глав парламентов и форумов
/// политических партий заинтересованных государств-членов ШОС». The legislative authorities are
/// named; the meetings and forums are those of the interested states, in the plural, held by
/// agreement: the meetings are no SCO organ (no parent, kind "interstate-meeting"), and no label
/// names a forum or a meeting of all the member states.
#[test]
fn measure_3_keeps_the_interested_states_in_the_labels() {
    let russian = text(3, "ru");
    assert!(russian.contains("по линии органов законодательной власти"));
    assert!(russian.contains(
        "Проведение по согласованию встреч глав парламентов и форумов политических партий заинтересованных государств-членов ШОС"
    ));
    assert!(mentioned(3).contains(&format!("{ID}body/legislative-authorities")));
    for path in [
        "body/heads-of-parliaments-meeting",
        "initiative/forum-political-parties",
    ] {
        let (ru, en, zh) = (pref(path, "ru"), pref(path, "en"), pref(path, "zh"));
        assert!(
            ru.starts_with(['В', 'Ф']) && ru.contains("заинтересованных государств-членов ШОС"),
            "{ru}"
        );
        assert!(
            (en.starts_with("Meetings") || en.starts_with("Forums"))
                && en.ends_with("of interested SCO member states"),
            "{en}"
        );
        assert!(zh.starts_with("有意愿的上海合作组织成员国"), "{zh}");
        for label in all_labels(path) {
            let rest = label.replace("有意愿的上海合作组织成员国", "");
            assert!(!rest.contains("成员国"), "{label}");
        }
    }
    assert!(column(&format!(
        "SELECT ?p WHERE {{ <{ID}body/heads-of-parliaments-meeting> sco:parentBody ?p }}"
    ))
    .is_empty());
    assert_eq!(
        registry_entity(EntityType::Body, "heads-of-parliaments-meeting").kind,
        "interstate-meeting"
    );
}

/// 35 (lines 824-826): «между органами государств-членов ШОС, отвечающих за борьбу с коррупцией»:
/// органы are 机关, as 35's Chinese text says, in every Chinese label.
#[test]
fn the_anti_corruption_bodies_of_35_are_organs() {
    assert!(text(35, "ru")
        .contains("органами государств-членов ШОС, отвечающих за борьбу с коррупцией"));
    let path = "body/anti-corruption-bodies";
    for label in [pref(path, "zh")].into_iter().chain(alts(path, "zh")) {
        assert!(
            label.ends_with("机关") && !label.contains("机构"),
            "{label}"
        );
    }
    assert!(text(35, "zh").contains("负责反腐败工作的机关"));
}

// ───────────────────────── Events named in lower case ─────────────────────────

/// 99 (line 2140 ff.) «спортивных игр стран ШОС», 118 (line 2530) «форумов женщин
/// государств-членов ШОС», 119 (line 2542) «кинофестивалей стран ШОС», 124 (line 2642) «форумов
/// СМИ ШОС»: no title in the plan, so no title-case name in English; whose they are stays (118's
/// member states, 成员国; 119's countries, 国家). 75's «Экономического форума ШОС» keeps its name.
#[test]
fn events_in_lower_case_are_described_not_titled() {
    for (measure, russian, id, english, chinese) in [
        (
            99,
            "спортивных игр стран ШОС",
            "sco-sports-games",
            "Sports games of the SCO countries",
            "上海合作组织国家运动会",
        ),
        (
            118,
            "форумов женщин государств-членов ШОС",
            "sco-womens-forum",
            "Forum of women of the SCO member states",
            "上海合作组织成员国妇女论坛",
        ),
        (
            119,
            "кинофестивалей стран ШОС",
            "sco-film-festival",
            "Film festival of the SCO countries",
            "上海合作组织国家电影节",
        ),
        (
            124,
            "форумов СМИ ШОС",
            "sco-media-forum",
            "SCO media forum",
            "上海合作组织媒体论坛",
        ),
    ] {
        assert!(
            text(measure, "ru").contains(russian),
            "{measure}: {russian}"
        );
        let path = format!("initiative/{id}");
        assert!(column(&format!(
            "SELECT ?i WHERE {{ m:{measure} sco:initiative ?i }}"
        ))
        .contains(&format!("{ID}{path}")));
        assert_eq!(pref(&path, "en"), english);
        assert_eq!(pref(&path, "zh"), chinese);
        for alt in alts(&path, "en") {
            assert!(is_sentence_case(&alt), "{id}: {alt}");
        }
    }
    assert_eq!(
        pref("initiative/sco-economic-forum", "en"),
        "SCO Economic Forum"
    );
}

// ───────────────────────── Documents ─────────────────────────

/// 74 (lines 1646-1648): «программы «Международный молодежный бизнес-инкубатор стран ШОС»»: the
/// English label names the programme by its quoted words, as 74's English text, the countries
/// kept; no label puts the SCO in front and leaves the countries out.
#[test]
fn the_programme_of_74_is_labelled_by_its_quoted_words() {
    assert!(
        text(74, "ru").contains("программы «Международный молодежный бизнес-инкубатор стран ШОС»")
    );
    let path = "document/programme-youth-business-incubator";
    let en = pref(path, "en");
    assert_eq!(
        en,
        "“International Youth Business Incubator of the SCO Countries” programme"
    );
    assert!(text(74, "en").contains(&en), "{}", text(74, "en"));
    assert!(
        all_labels(path)
            .iter()
            .all(|l| !l.starts_with("SCO International")),
        "{:?}",
        all_labels(path)
    );
}

/// 139 (lines 2996-3004): the memorandum with CARICC names the Centre as CARICC's own English
/// name, the one its label has (official, data/registry/bodies.toml), word for word.
#[test]
fn the_memorandum_of_139_writes_caricc_by_its_official_name() {
    assert!(text(139, "ru").contains("Центральноазиатским региональным информационным координационным центром по борьбе с незаконным оборотом"));
    let caricc = pref("body/caricc", "en");
    let memorandum = pref("document/memorandum-sco-caricc", "en");
    assert_eq!(
        memorandum,
        format!("Memorandum of Understanding between the SCO Secretariat and the {caricc}")
    );
}

/// 134 (lines 2874-2876) «Совместной декларации о сотрудничестве между секретариатами ШОС и ООН»
/// and (lines 2888-2890) «Всеобъемлющей конвенции по борьбе с международным терроризмом»: the
/// labels and texts translate the plan's titles — a declaration (宣言, not 声明, a statement's
/// word) on cooperation between the two secretariats; a convention on combating (打击)
/// international terrorism. The names known outside the plan are not marked official and are
/// alternative labels only.
#[test]
fn the_declaration_and_convention_of_134_are_named_as_the_plan_names_them() {
    let russian = text(134, "ru");
    assert!(
        russian.contains("Совместной декларации о сотрудничестве между секретариатами ШОС и ООН")
    );
    assert!(russian.contains("Всеобъемлющей конвенции по борьбе с международным терроризмом"));
    let declaration = "document/declaration-sco-un-secretariats";
    let en = pref(declaration, "en");
    assert_eq!(
        en,
        "Joint Declaration on Cooperation between the Secretariats of the SCO and the UN"
    );
    assert!(alts(declaration, "en").contains("Joint Declaration on SCO/UN Secretariat Cooperation"));
    let zh = pref(declaration, "zh");
    assert_eq!(zh, "《上海合作组织秘书处与联合国秘书处合作联合宣言》");
    let convention = "document/convention-international-terrorism";
    assert_eq!(
        pref(convention, "en"),
        "Comprehensive Convention on Combating International Terrorism"
    );
    assert!(alts(convention, "en").contains("Comprehensive Convention on International Terrorism"));
    assert_eq!(pref(convention, "zh"), "《关于打击国际恐怖主义的全面公约》");
    for id in [
        "declaration-sco-un-secretariats",
        "convention-international-terrorism",
    ] {
        assert!(
            registry_entity(EntityType::Document, id)
                .official
                .is_empty(),
            "{id}"
        );
    }
    let (en_text, zh_text) = (text(134, "en"), text(134, "zh"));
    for (text, label) in [
        (&en_text, en),
        (&en_text, pref(convention, "en")),
        (&zh_text, zh),
        (&zh_text, pref(convention, "zh")),
    ] {
        assert!(text.contains(&label), "{label} not in {text}");
    }
    assert!(!zh_text.contains("联合声明"), "{zh_text}");
}

/// 5 (lines 254-256): «Реализация Программы сотрудничества в противодействии терроризму,
/// сепаратизму и экстремизму на 2019-2021 гг.»: the preferred labels are the text's title, with no
/// «государств-членов ШОС» the text does not write; the fuller title is an alternative label.
#[test]
fn the_programme_of_5_is_labelled_with_the_texts_title() {
    assert!(text(5, "ru").contains(
        "Программы сотрудничества в противодействии терроризму, сепаратизму и экстремизму на 2019-2021 гг."
    ));
    let path = "document/programme-counter-terrorism-2019-2021";
    assert_eq!(
        pref(path, "ru"),
        "Программа сотрудничества в противодействии терроризму, сепаратизму и экстремизму на 2019-2021 годы"
    );
    assert_eq!(
        pref(path, "en"),
        "Programme of Cooperation in Countering Terrorism, Separatism and Extremism for 2019-2021"
    );
    assert_eq!(
        pref(path, "zh"),
        "《2019—2021年打击恐怖主义、分裂主义和极端主义合作纲要》"
    );
    assert!(text(5, "zh").contains(&pref(path, "zh")));
    assert!(alts(path, "ru").contains(
        "Программа сотрудничества государств-членов ШОС в противодействии терроризму, сепаратизму и экстремизму на 2019-2021 годы"
    ));
    assert!(registry_entity(
        EntityType::Document,
        "programme-counter-terrorism-2019-2021"
    )
    .official
    .is_empty());
}

/// 21 (lines 566-568): «Антинаркотической стратегии ШОС на 2018-2023 годы»: the SCO's strategy,
/// not the member states': 《上海合作组织2018—2023年禁毒战略》, as 21's Chinese text.
#[test]
fn the_strategy_of_21_is_the_scos_in_chinese() {
    assert!(text(21, "ru").contains("Антинаркотической стратегии ШОС на 2018-2023 годы"));
    let zh = pref("document/anti-drug-strategy-2018-2023", "zh");
    assert_eq!(zh, "《上海合作组织2018—2023年禁毒战略》");
    assert!(text(21, "zh").contains(&zh));
}

/// 33 (lines 786-788): «на основе Меморандума о взаимопонимании между двумя организациями»: the
/// title is «Меморандума о взаимопонимании»; the Chinese label marks only 《谅解备忘录》 as a
/// title, as 33's Chinese text, and wraps no made-up title in 《》.
#[test]
fn the_memorandum_of_33_is_titled_as_the_text_titles_it() {
    assert!(text(33, "ru").contains("Меморандума о взаимопонимании между двумя организациями"));
    let zh = pref("document/memorandum-sco-csto", "zh");
    assert!(zh.ends_with("之间的《谅解备忘录》"), "{zh}");
    assert_eq!(zh.matches('《').count(), 1, "{zh}");
    assert!(text(33, "zh").contains("《谅解备忘录》"));
}

// ───────────────────────── What the graph does not add ─────────────────────────

/// 111 (lines 2398-2402): Beijing is named in the executors cell («посольства государств-членов
/// ШОС в Пекине»), not in the measure's text. `sco:place` is a place a measure's text names, so
/// 111 has none; the embassies' labels say where they are.
#[test]
fn beijing_is_in_111s_executors_not_its_text() {
    assert!(!text(111, "ru").contains("Пекин"));
    assert!(column("SELECT ?w WHERE { m:111 sco:executorsText ?w }")
        .contains("посольства государств-членов ШОС в Пекине"));
    assert!(column("SELECT ?p WHERE { m:111 sco:place ?p }").is_empty());
    assert!(column("SELECT ?b WHERE { m:111 sco:executor ?b }")
        .contains(&format!("{ID}body/embassies-in-beijing")));
    for (lang, name) in [("ru", "Пекине"), ("en", "Beijing"), ("zh", "北京")] {
        assert!(pref("body/embassies-in-beijing", lang).contains(name));
    }
    assert_eq!(pref("place/beijing", "en"), "Beijing");
}

/// 50 (lines 1160-1162) «государств-наблюдателей и партнеров по диалогу ШОС», 131 (lines
/// 2792-2794) and 132 (lines 2826-2828) «с государствами-наблюдателями и партнерами по диалогу»:
/// states, none named, and not member states. The graph has no class for other states and does
/// not make a body of them (data/registry/bodies.toml says why); the texts keep them in every
/// language, and no measure of the three mentions a state.
#[test]
fn observer_states_and_dialogue_partners_stay_in_the_texts() {
    for (measure, russian) in [
        (50, "государств-наблюдателей и партнеров по диалогу ШОС"),
        (131, "с государствами-наблюдателями и партнерами по диалогу"),
        (132, "наблюдателями и партнерами по диалогу"),
    ] {
        assert!(text(measure, "ru").contains(russian), "{measure}");
        assert!(
            text(measure, "en").contains("observer states and dialogue partners"),
            "{measure}: {}",
            text(measure, "en")
        );
        assert!(
            text(measure, "zh").contains("观察员国和对话伙伴"),
            "{measure}"
        );
        assert!(column(&format!(
            "SELECT ?s WHERE {{ m:{measure} sco:mentions ?s . ?s a sco:MemberState }}"
        ))
        .is_empty());
    }
    assert!(column(
        "SELECT ?x WHERE { ?x skos:prefLabel|skos:altLabel ?l . \
         FILTER(CONTAINS(LCASE(STR(?l)), \"observer state\") || CONTAINS(STR(?l), \"观察员国\")) }"
    )
    .is_empty());
}
