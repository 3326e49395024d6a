//! Finding the registry's entities in a text by their Russian forms.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::registry::{EntityRef, EntityType, Registry};

/// The entities a text names, by type, in order of first mention, without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mentions {
    /// The entities found, by type, in order of first mention.
    pub found: BTreeMap<EntityType, Vec<EntityRef>>,
}

impl Mentions {
    /// The entities of one type found, in order of first mention; empty when none.
    pub fn get(&self, entity_type: EntityType) -> &[EntityRef] {
        self.found
            .get(&entity_type)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

/// One automaton per entity type: within a type the longest form wins where forms overlap
/// ("Секретариат Делового совета ШОС" over "Делового совета ШОС"); across types they may
/// overlap (a memorandum's title names the Secretariat too).
pub struct Finder {
    automata: Vec<(EntityType, AhoCorasick, Vec<EntityRef>)>,
}

impl Finder {
    pub fn new(registry: &Registry) -> Self {
        let automata = EntityType::ALL
            .iter()
            .filter_map(|&entity_type| {
                let mut patterns = Vec::new();
                let mut owners = Vec::new();
                for (r, e) in registry.of_type(entity_type) {
                    for form in &e.forms {
                        patterns.push(crate::ingest::join::collapse(form));
                        owners.push(r);
                    }
                }
                let automaton = AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    // Texts are few and short: a DFA costs more to build than it saves.
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&patterns)
                    .ok()?;
                Some((entity_type, automaton, owners))
            })
            .collect();
        Self { automata }
    }

    pub fn find(&self, text: &str) -> Mentions {
        let text = text.replace('\n', " ");
        let mut mentions = Mentions::default();
        for (entity_type, automaton, owners) in &self.automata {
            let found = mentions.found.entry(*entity_type).or_default();
            for m in automaton.find_iter(&text) {
                if !word_bounded(&text, m.start(), m.end()) {
                    continue;
                }
                let owner = owners[m.pattern().as_usize()];
                if !found.contains(&owner) {
                    found.push(owner);
                }
            }
        }
        mentions.found.retain(|_, v| !v.is_empty());
        mentions
    }
}

/// A form counts only as whole words: "ООН" must not match inside another word.
fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}
