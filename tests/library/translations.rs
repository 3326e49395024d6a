//! The English and Chinese texts: complete, not copies of the Russian, and faithful to every
//! number, date and year of the Russian.

use regex::Regex;
use sco_kg::link::{Translations, TRANSLATED};
use sco_kg::{data, ingest};

fn plan() -> ingest::Plan {
    ingest::parse(data::source(), &data::lexicon().unwrap()).unwrap()
}

/// Every run of digits of `russian` must occur in `translation` as a number of its own.
fn missing_numbers(russian: &str, translation: &str) -> Vec<String> {
    let digits = Regex::new(r"\d+").unwrap();
    let present: Vec<&str> = digits.find_iter(translation).map(|m| m.as_str()).collect();
    digits
        .find_iter(russian)
        .map(|m| m.as_str())
        .filter(|n| !present.contains(n))
        .map(String::from)
        .collect()
}

fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

#[test]
fn every_measure_has_a_faithful_text_in_each_language() {
    let plan = plan();
    let translations = Translations::embedded().unwrap();
    let mut problems = Vec::new();
    for lang in TRANSLATED {
        let t = translations
            .get(lang)
            .unwrap_or_else(|| panic!("no {lang} translation"));
        assert_eq!(t.measures.len(), plan.measures.len(), "{lang}: measures");
        for m in &plan.measures {
            let Some(text) = t.measures.get(&m.number) else {
                problems.push(format!("{lang} {}: missing", m.number));
                continue;
            };
            if text.trim().is_empty() {
                problems.push(format!("{lang} {}: empty", m.number));
            }
            if text.trim() == m.text.trim() || has_cyrillic(text) {
                problems.push(format!(
                    "{lang} {}: Russian left in the translation",
                    m.number
                ));
            }
            let missing = missing_numbers(&m.text, text);
            if !missing.is_empty() {
                problems.push(format!(
                    "{lang} {}: numbers {missing:?} of the Russian are missing",
                    m.number
                ));
            }
            if text.matches('\n').count() != m.text.matches('\n').count() {
                problems.push(format!(
                    "{lang} {}: paragraphs differ from the Russian",
                    m.number
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn sections_plan_and_decision_are_translated() {
    let plan = plan();
    let translations = Translations::embedded().unwrap();
    for lang in TRANSLATED {
        let t = translations.get(lang).unwrap();
        for s in &plan.sections {
            let title = t
                .sections
                .get(&s.number)
                .unwrap_or_else(|| panic!("{lang}: section {}", s.number));
            assert!(
                !title.trim().is_empty() && !has_cyrillic(title),
                "{lang}: section {}",
                s.number
            );
        }
        for (russian, translated) in [
            (&plan.title, &t.plan.title),
            (&plan.preamble, &t.plan.preamble),
            (&plan.approval, &t.plan.approval),
            (&plan.decision.title, &t.decision.title),
            (&plan.decision.text, &t.decision.text),
        ] {
            assert!(!has_cyrillic(translated), "{lang}: {translated}");
            assert!(
                missing_numbers(russian, translated).is_empty(),
                "{lang}: {translated} lacks a number of {russian}"
            );
        }
    }
}

#[test]
fn the_check_catches_a_dropped_date() {
    // Measure 30's Russian names 16 June 2009; a translation without the day fails.
    assert_eq!(
        missing_numbers("от 16 июня 2009 года", "of June 2009"),
        ["16"]
    );
    assert!(missing_numbers("на 2019-2021 гг.", "2019-2021年").is_empty());
    assert!(missing_numbers("2035", "二〇三五").len() == 1);
}

#[test]
fn measure_texts_reach_the_graph_in_three_languages() {
    let kg = sco_kg::store::KnowledgeGraph::embedded(sco_kg::graph::Base::default()).unwrap();
    let answer = kg
        .query(
            "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a sco:Measure ; sco:text ?ru , ?en , ?zh ; sco:translationNote ?note \
             FILTER(lang(?ru) = 'ru' && lang(?en) = 'en' && lang(?zh) = 'zh') }",
            &Default::default(),
        )
        .unwrap();
    let sco_kg::store::Answer::Solutions { rows, .. } = answer else {
        panic!()
    };
    assert_eq!(
        rows[0][0].as_ref().unwrap().to_string(),
        "\"139\"^^<http://www.w3.org/2001/XMLSchema#integer>"
    );
    // Files parse and carry their language.
    for lang in TRANSLATED {
        let file = data::file(&format!("translations/{lang}.toml")).unwrap();
        assert!(file.contents.contains(&format!("language = \"{lang}\"")));
    }
}
