//! The words of the table's narrow columns that its structure alone cannot tell apart.
//!
//! The participating-states column is a list of state designations; where it ends and the
//! executors column begins is only visible from what the list may contain. These names are
//! data (`data/ingest/participants.toml` and the states of the registry), never code.

use serde::Deserialize;

/// What a participating-states cell may contain, and which state names continue a list in an
/// executors cell; read from `data/ingest/participants.toml` and `data/registry/states.toml`.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Designations a participants cell is a comma-separated list of, in the nominative:
    /// "Государства-члены ШОС", "Казахстан", "Кыргызская Республика" …
    pub participant_terms: Vec<String>,
    /// Forms of state names that, in an executor cell, continue a list of states rather than
    /// name a new body ("ведомства Казахстана, Китая, …").
    pub state_forms: Vec<String>,
    /// `participant_terms` in lower case, for case-insensitive comparison.
    lower_terms: Vec<String>,
}

/// `data/ingest/participants.toml`.
#[derive(Debug, Deserialize)]
pub struct ParticipantsFile {
    /// Collective designations ("Государства-члены ШОС", "заинтересованные …").
    pub collective: Vec<CollectiveDesignation>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CollectiveDesignation {
    pub text: String,
    pub scope: Scope,
}

/// Which member states a collective designation stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Every member state at the decision's date (the eight of `states.toml`).
    All,
    /// Only the interested member states, which the plan does not name; never widened to all.
    Interested,
}

impl Lexicon {
    /// A lexicon of these participant designations and state forms.
    pub fn new(participant_terms: Vec<String>, state_forms: Vec<String>) -> Self {
        let lower_terms = participant_terms.iter().map(|t| t.to_lowercase()).collect();
        Self {
            participant_terms,
            state_forms,
            lower_terms,
        }
    }

    /// The participant designations in lower case.
    pub fn lower_terms(&self) -> &[String] {
        &self.lower_terms
    }

    /// Whether `text` is exactly one of the state forms that continue a list of states in an
    /// executors cell.
    pub fn is_state_form(&self, text: &str) -> bool {
        self.state_forms.iter().any(|form| form == text)
    }
}

/// The part of a registry state entry the ingest stage reads.
#[derive(Debug, Deserialize)]
struct StateEntry {
    label: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    alt: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default, rename = "match")]
    forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct StatesFile {
    entity: Vec<StateEntry>,
}

impl Lexicon {
    /// The lexicon of the embedded data.
    pub fn embedded() -> Result<Self, crate::data::DataError> {
        Self::try_from(crate::data::lexicon_files()?)
    }

    /// Builds the lexicon from `data/ingest/participants.toml` and `data/registry/states.toml`.
    pub fn from_files(
        participants: &crate::data::DataFile<'_>,
        states: &crate::data::DataFile<'_>,
    ) -> Result<Self, crate::data::DataError> {
        let collective: ParticipantsFile = participants.parse_toml()?;
        let states: StatesFile = states.parse_toml()?;
        let mut participant_terms: Vec<String> =
            collective.collective.into_iter().map(|c| c.text).collect();
        let mut state_forms = Vec::new();
        for state in states.entity {
            participant_terms.extend(state.label.get("ru").cloned());
            participant_terms.extend(state.alt.get("ru").into_iter().flatten().cloned());
            state_forms.extend(state.forms);
        }
        Ok(Self::new(participant_terms, state_forms))
    }
}

impl TryFrom<crate::data::LexiconFiles> for Lexicon {
    type Error = crate::data::DataError;

    fn try_from(files: crate::data::LexiconFiles) -> Result<Self, Self::Error> {
        Self::from_files(&files.participants, &files.states)
    }
}
