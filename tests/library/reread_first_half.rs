//! Issue 18's re-read of measures 1-70: the English and Chinese texts say what the Russian says,
//! no more and no less. Every expectation was read from data/source/sco-action-plan-2021-2025.ru.txt
//! (line numbers given), not from the program's output; each test first checks that the Russian
//! text in the graph says what the source says, then what the translations must (not) say.

use crate::support::measure_text as text;

// ───────────────────────── Titles as the plan writes them ─────────────────────────

/// Line 254 ff. (5): "Реализация Программы сотрудничества в противодействии терроризму,
/// сепаратизму и экстремизму на 2019-2021 гг.": the plan names the programme without "of the SCO
/// member states" (государств-членов ШОС). The translations name it as the plan does, not by
/// its official title from outside the plan.
#[test]
fn measure_5_names_the_2019_2021_programme_as_the_plan_does() {
    let russian = text(5, "ru");
    assert!(russian.contains(
        "Реализация Программы сотрудничества в противодействии терроризму, сепаратизму и экстремизму на 2019-2021 гг."
    ));
    assert!(!russian.contains("государств-членов"), "{russian}");
    let en = text(5, "en");
    assert!(
        en.contains(
            "the Programme of Cooperation in Countering Terrorism, Separatism and Extremism for 2019-2021"
        ),
        "{en}"
    );
    assert!(!en.to_lowercase().contains("member states"), "{en}");
    let zh = text(5, "zh");
    assert!(
        zh.contains("《2019—2021年打击恐怖主义、分裂主义和极端主义合作纲要》"),
        "{zh}"
    );
    assert!(!zh.contains("成员国"), "{zh}");
}

/// Line 566 ff. (21): "реализации Антинаркотической стратегии ШОС на 2018-2023 годы": the SCO's
/// strategy, not "of the SCO member states" (the official title's 成员国). English already says
/// "SCO Anti-Drug Strategy"; the Chinese says the same.
#[test]
fn measure_21_names_the_strategy_as_the_plan_does() {
    let russian = text(21, "ru");
    assert!(russian.contains("Антинаркотической стратегии ШОС на 2018-2023 годы"));
    assert!(!russian.contains("государств-членов"), "{russian}");
    let en = text(21, "en");
    assert!(
        en.contains("the SCO Anti-Drug Strategy for 2018-2023"),
        "{en}"
    );
    assert!(!en.to_lowercase().contains("member states"), "{en}");
    let zh = text(21, "zh");
    assert!(zh.contains("《上海合作组织2018—2023年禁毒战略》"), "{zh}");
    assert!(!zh.contains("成员国"), "{zh}");
}

/// Lines 786-788 (33): "на основе Меморандума о взаимопонимании между двумя организациями": a
/// memorandum between the two organisations, the SCO and the CSTO. The Chinese text named it by
/// a fuller title from outside the plan, a memorandum between the two secretariats (秘书处); it
/// now says what the Russian says, as the English does.
#[test]
fn measure_33_names_no_secretariats() {
    let russian = text(33, "ru");
    assert!(russian.contains("Меморандума о взаимопонимании между двумя организациями"));
    assert!(!russian.contains("Секретариат"), "{russian}");
    let en = text(33, "en");
    assert!(
        en.contains("the Memorandum of Understanding between the two organisations"),
        "{en}"
    );
    assert!(!en.contains("Secretariat"), "{en}");
    let zh = text(33, "zh");
    assert!(zh.contains("两组织间的《谅解备忘录》"), "{zh}");
    assert!(!zh.contains("秘书处"), "{zh}");
}

/// Lines 1388-1390 (62): "Проведение на регулярной основе заседаний Совместной комиссии,
/// предусмотренной Соглашением": the second sentence refers back to the Agreement of the first,
/// whose title the Russian writes once. The Chinese wrote the title a second time, beside "the
/// agreement" (该协定) that already refers to it; it now writes it once.
#[test]
fn measure_62_writes_the_agreements_title_once() {
    let russian = text(62, "ru");
    assert!(russian.contains("заседаний Совместной комиссии, предусмотренной Соглашением."));
    assert_eq!(
        russian
            .matches("о создании благоприятных условий для международных автомобильных перевозок")
            .count(),
        1,
        "{russian}"
    );
    let zh = text(62, "zh");
    assert_eq!(zh.matches('《').count(), 1, "{zh}");
    assert!(zh.contains("该协定规定的联合委员会会议"), "{zh}");
    let en = text(62, "en");
    assert_eq!(en.matches("Favourable Conditions").count(), 1, "{en}");
    assert!(
        en.contains("the Joint Commission provided for by the Agreement"),
        "{en}"
    );
}

// ───────────────────────── Bodies and meetings as the plan writes them ─────────────────────────

/// Lines 138-150 (1): «Совета глав государств, Совета глав правительств (премьер-министров),
/// Совета министров иностранных дел и Встреч секретарей советов безопасности» and «консультаций по
/// линии министерств иностранных дел»: the measure says neither ШОС nor «государств-членов».
/// The councils and meetings are named as the text names them, without "of the SCO Member
/// States" (上海合作组织成员国), which the English put after the meetings of secretaries and the
/// Chinese before each council and the ministries of foreign affairs.
#[test]
fn measure_1_names_the_councils_as_the_text_does() {
    let russian = text(1, "ru");
    assert!(russian.contains(
        "Совета глав государств, Совета глав правительств (премьер-министров), Совета министров иностранных дел и Встреч секретарей советов безопасности"
    ));
    assert!(russian.contains("консультаций по линии министерств иностранных дел"));
    assert!(
        !russian.contains("ШОС") && !russian.contains("государств-членов"),
        "{russian}"
    );
    let en = text(1, "en");
    assert!(
        en.contains("the Council of Ministers of Foreign Affairs and the Meetings of Secretaries of Security Councils, as well as"),
        "{en}"
    );
    assert!(
        !en.contains("SCO") && !en.to_lowercase().contains("member states"),
        "{en}"
    );
    let zh = text(1, "zh");
    assert!(zh.contains("安全会议秘书会议的决定"), "{zh}");
    assert!(zh.contains("通过外交部渠道举行磋商"), "{zh}");
    for added in ["上海合作组织", "上合组织", "成员国"] {
        assert!(!zh.contains(added), "{added} in {zh}");
    }
}

/// Lines 616-624 (24): «заседаний руководителей пограничных служб и встреч группы экспертов»: in
/// lower case and in the plural, with no ШОС; «государств-членов ШОС» is written once, in the
/// Agreement's title. The English and Chinese name the meetings in the text's words, not as "the
/// Meeting of Heads of Border Services of the SCO Member States".
#[test]
fn measure_24_names_the_border_meetings_as_the_text_does() {
    let russian = text(24, "ru");
    assert!(russian
        .contains("а также заседаний руководителей пограничных служб и встреч группы экспертов."));
    assert_eq!(
        russian.matches("государств-членов ШОС").count(),
        1,
        "{russian}"
    );
    let en = text(24, "en");
    assert!(
        en.contains(
            "as well as meetings of heads of border services and meetings of the expert group."
        ),
        "{en}"
    );
    assert_eq!(en.matches("SCO Member States").count(), 1, "{en}");
    let zh = text(24, "zh");
    assert!(
        zh.contains("以及举行边防部门领导人会议和专家组会议。"),
        "{zh}"
    );
    assert_eq!(zh.matches("成员国").count(), 1, "{zh}");
}

/// Lines 658-664 (26): «регулярных совещаний глав оборонных ведомств, начальников генеральных
/// штабов»: meetings of the heads of defence agencies, not of defence ministers (министров
/// обороны: a name from outside the plan, an alternative label of the meeting only), in lower
/// case and with no ШОС. The Chinese said 国防部长 (defence ministers); neither
/// translation names the meeting "of the SCO Member States" now.
#[test]
fn measure_26_says_heads_of_defence_agencies() {
    let russian = text(26, "ru");
    assert!(russian.contains(
        "проведения регулярных совещаний глав оборонных ведомств, начальников генеральных штабов"
    ));
    assert!(!russian.contains("министр"), "{russian}");
    assert!(
        !russian.contains("ШОС") && !russian.contains("государств-членов"),
        "{russian}"
    );
    let en = text(26, "en");
    assert!(
        en.contains(
            "holding regular meetings of heads of defence agencies, of chiefs of general staff"
        ),
        "{en}"
    );
    assert!(!en.contains("Minister") && !en.contains("SCO"), "{en}");
    let zh = text(26, "zh");
    assert!(zh.contains("国防部门领导人会议、总参谋长会议"), "{zh}");
    assert!(!zh.contains("部长") && !zh.contains("成员国"), "{zh}");
}

/// Lines 1210-1212 (54): "Проработка вопроса о создании демонстрационной базы ШОС по обмену и
/// обучению аграрным технологиям": a base to be considered, in lower case, with no name yet. The
/// English wrote it as a proper name in title case (the name the base was later given, from
/// outside the plan); it is now in lower case.
#[test]
fn measure_54_gives_the_planned_base_no_name() {
    let russian = text(54, "ru");
    assert!(russian.contains(
        "о создании демонстрационной базы ШОС по обмену и обучению аграрным технологиям"
    ));
    let en = text(54, "en");
    assert!(
        en.contains(
            "establishing an SCO demonstration base for agricultural technology exchange and training"
        ),
        "{en}"
    );
    let capitalised: Vec<&str> = en
        .split(|c: char| !c.is_alphanumeric())
        .skip(1)
        .filter(|w| w.starts_with(char::is_uppercase) && *w != "SCO")
        .collect();
    assert!(capitalised.is_empty(), "{capitalised:?} in {en}");
}

// ───────────────────────── No change of sense ─────────────────────────

/// Lines 1184 and 1230 (52, 55): "Разработка и осуществление дополнительных практических мер":
/// additional measures, beyond those taken so far. The Chinese said 其他 ("other" measures, which
/// need not be new ones); it now says 补充, as the English says "additional".
#[test]
fn measures_52_and_55_take_additional_measures() {
    for measure in [52, 55] {
        let russian = text(measure, "ru");
        assert!(
            russian.starts_with("Разработка и осуществление дополнительных практических мер"),
            "{measure}: {russian}"
        );
        let en = text(measure, "en");
        assert!(
            en.contains("additional practical measures"),
            "{measure}: {en}"
        );
        let zh = text(measure, "zh");
        assert!(zh.contains("补充务实措施"), "{measure}: {zh}");
        assert!(!zh.contains("其他"), "{measure}: {zh}");
    }
}
