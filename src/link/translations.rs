//! Unofficial English and Chinese texts of the plan (`data/translations/{en,zh}.toml`), keyed
//! by number. The Russian source stays the authoritative text.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::{DataFileError, Problem};
use crate::data::{self, DataFile};

/// The languages the plan is translated into.
pub const TRANSLATED: [&str; 2] = ["en", "zh"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionText {
    pub title: String,
    pub text: String,
    pub issuing_body: String,
    /// Each signatory's office and label in this language, keyed by its Russian label as the
    /// graph writes it (office, space, state as written: "Президент Российской Федерации").
    #[serde(default)]
    pub signatories: BTreeMap<String, SignatoryText>,
}

/// A signatory's office and label in one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatoryText {
    /// The office alone ("President").
    pub office: String,
    /// The office and the state ("President of the Republic of Kazakhstan").
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanText {
    pub title: String,
    pub approval: String,
    pub preamble: String,
}

/// One language's translation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub language: String,
    pub decision: DecisionText,
    pub plan: PlanText,
    pub sections: BTreeMap<u32, String>,
    pub measures: BTreeMap<u32, String>,
}

/// Label patterns for resources with no name of their own (`data/translations/labels.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct LabelPatterns {
    /// "Measure {number}" by language.
    pub measure: BTreeMap<String, String>,
    /// The note a translated measure text carries, by language.
    pub translation_note: BTreeMap<String, String>,
}

impl LabelPatterns {
    pub fn measure(&self, lang: &str, number: u32) -> String {
        self.measure
            .get(lang)
            .map(|p| p.replace("{number}", &number.to_string()))
            .unwrap_or_default()
    }
}

/// The translations of the plan and the label patterns, as read and checked.
#[derive(Debug, Clone)]
pub struct Translations {
    /// Each translation by its `language` (one of [`TRANSLATED`]).
    pub by_language: BTreeMap<String, Translation>,
    /// The labels of measures and the note of translated texts (`labels.toml`).
    pub labels: LabelPatterns,
}

impl Translations {
    /// Reads and checks the translations embedded in the binary
    /// (`data/translations/{en,zh,labels}.toml`).
    pub fn embedded() -> Result<Self, DataFileError> {
        let files: Vec<DataFile<'static>> = TRANSLATED
            .iter()
            .map(|l| data::file(&format!("translations/{l}.toml")))
            .collect::<Result<_, _>>()?;
        Self::from_files(&files, &data::file("translations/labels.toml")?)
    }

    /// Reads and checks translation files and the label patterns: every file's `language` must
    /// be one of [`TRANSLATED`], and `labels` must have a measure label in each of the
    /// registry's languages.
    pub fn from_files(
        files: &[DataFile<'_>],
        labels: &DataFile<'_>,
    ) -> Result<Self, DataFileError> {
        let mut by_language = BTreeMap::new();
        for file in files {
            let translation: Translation = file.parse_toml()?;
            if !TRANSLATED.contains(&translation.language.as_str()) {
                return Err(DataFileError::Invalid {
                    path: file.path.clone(),
                    line: None,
                    problem: Problem::TranslationLanguage {
                        lang: translation.language,
                    },
                });
            }
            by_language.insert(translation.language.clone(), translation);
        }
        let patterns: LabelPatterns = labels.parse_toml()?;
        for lang in super::registry::LANGUAGES {
            if !patterns.measure.contains_key(lang) {
                return Err(DataFileError::Invalid {
                    path: labels.path.clone(),
                    line: None,
                    problem: Problem::NoMeasureLabel { lang },
                });
            }
        }
        Ok(Self {
            by_language,
            labels: patterns,
        })
    }

    /// The translation into `lang`, if there is one.
    pub fn get(&self, lang: &str) -> Option<&Translation> {
        self.by_language.get(lang)
    }
}
