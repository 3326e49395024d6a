//! What a resource of the graph is, and every way each kind is spelled: its class, the path
//! segment of its IRIs, its `type=` name and the message that names it.

use std::fmt;
use std::str::FromStr;

use oxigraph::model::NamedNodeRef;
use serde::{Deserialize, Serialize};

use super::vocab::sco;
use crate::i18n::Message;

/// The kind of a resource, by its `rdf:type`: the nine lookup finds ([`ResourceKind::ALL`])
/// and the parts of the plan's record ([`ResourceKind::PARTS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResourceKind {
    /// An organisation or body (`sco:Body`).
    Body,
    /// A member state (`sco:MemberState`).
    State,
    /// A referenced document (`sco:Document`).
    Document,
    /// A place (`sco:Place`).
    Place,
    /// A named initiative or event (`sco:NamedInitiative`).
    Initiative,
    /// A measure of the plan (`sco:Measure`).
    Measure,
    /// A section of the plan (`sco:Section`).
    Section,
    /// The Action Plan (`sco:ActionPlan`).
    Plan,
    /// The decision approving the plan (`sco:Decision`).
    Decision,
    /// One signature of the decision (`sco:Signatory`).
    Signatory,
    /// The source text the graph is read from (`sco:SourceText`).
    SourceText,
    /// The lines of the source a measure was read from (`sco:SourceSpan`).
    SourceSpan,
}

/// A `type` parameter that is not one of the nine types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown type {0:?}: expected body, state, document, place, initiative, measure, section, plan or decision")]
pub struct ParamError(
    /// The type as given.
    pub String,
);

impl ResourceKind {
    /// The kinds lookup finds, each a `type=`, in the order lists of types show them.
    pub const ALL: [ResourceKind; 9] = [
        Self::Body,
        Self::State,
        Self::Document,
        Self::Place,
        Self::Initiative,
        Self::Measure,
        Self::Section,
        Self::Plan,
        Self::Decision,
    ];

    /// The parts of the plan's record, which have pages but are not looked up.
    pub const PARTS: [ResourceKind; 3] = [Self::Signatory, Self::SourceText, Self::SourceSpan];

    /// Every kind: [`Self::ALL`], then [`Self::PARTS`].
    pub fn every() -> impl Iterator<Item = ResourceKind> {
        Self::ALL.into_iter().chain(Self::PARTS)
    }

    /// The stable lower-case name: the `type=` of lookup and the `type` of its JSON ("body").
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Body => "body",
            Self::State => "state",
            Self::Document => "document",
            Self::Place => "place",
            Self::Initiative => "initiative",
            Self::Measure => "measure",
            Self::Section => "section",
            Self::Plan => "plan",
            Self::Decision => "decision",
            Self::Signatory => "signatory",
            Self::SourceText => "source-text",
            Self::SourceSpan => "source-span",
        }
    }

    /// The ontology's class of the kind's resources.
    pub fn class(self) -> NamedNodeRef<'static> {
        match self {
            Self::Body => sco::Body,
            Self::State => sco::MemberState,
            Self::Document => sco::Document,
            Self::Place => sco::Place,
            Self::Initiative => sco::NamedInitiative,
            Self::Measure => sco::Measure,
            Self::Section => sco::Section,
            Self::Plan => sco::ActionPlan,
            Self::Decision => sco::Decision,
            Self::Signatory => sco::Signatory,
            Self::SourceText => sco::SourceText,
            Self::SourceSpan => sco::SourceSpan,
        }
    }

    /// The segment of the kind's IRIs that names it: under the base for the registry's
    /// entities and the plan, the decision and the source (`body/rats`, `plan/2021-2025`),
    /// under their whole for the parts (`…/measure/14`, `…/signatory/1`, `…/span/1`).
    pub fn segment(self) -> &'static str {
        match self {
            Self::SourceText => "source",
            Self::SourceSpan => "span",
            other => other.as_str(),
        }
    }

    /// The message naming the kind's resources (the heading of a group of search results);
    /// `None` for the kinds lookup does not find.
    pub fn message(self) -> Option<Message> {
        // Each id written out as `Message::new("…")`: the locales' test finds the ids so.
        let message = match self {
            Self::Body => Message::new("search-type-body"),
            Self::State => Message::new("search-type-state"),
            Self::Document => Message::new("search-type-document"),
            Self::Place => Message::new("search-type-place"),
            Self::Initiative => Message::new("search-type-initiative"),
            Self::Measure => Message::new("search-type-measure"),
            Self::Section => Message::new("search-type-section"),
            Self::Plan => Message::new("search-type-plan"),
            Self::Decision => Message::new("search-type-decision"),
            Self::Signatory | Self::SourceText | Self::SourceSpan => return None,
        };
        Some(message)
    }

    /// Whether lookup finds resources of the kind.
    pub fn searchable(self) -> bool {
        Self::ALL.contains(&self)
    }

    /// The kind whose class is the IRI `class`.
    pub fn of_class(class: &str) -> Option<ResourceKind> {
        Self::every().find(|k| k.class().as_str() == class)
    }

    /// A comma-separated list of lookup's types ("body,document"); empty items are skipped.
    pub fn parse_list(s: &str) -> Result<Vec<ResourceKind>, ParamError> {
        s.split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::parse)
            .collect()
    }
}

/// One of lookup's nine types, by name in any case.
impl FromStr for ResourceKind {
    type Err = ParamError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == t)
            .ok_or_else(|| ParamError(s.to_string()))
    }
}

impl fmt::Display for ResourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_own_class_name_and_segment() {
        let every: Vec<ResourceKind> = ResourceKind::every().collect();
        for (i, a) in every.iter().enumerate() {
            for b in &every[i + 1..] {
                assert_ne!(a.class(), b.class());
                assert_ne!(a.as_str(), b.as_str());
                assert_ne!(a.segment(), b.segment());
            }
            assert_eq!(ResourceKind::of_class(a.class().as_str()), Some(*a));
            assert_eq!(a.message().is_some(), a.searchable());
        }
        assert_eq!(ResourceKind::of_class(sco::Concept.as_str()), None);
    }

    #[test]
    fn only_the_searchable_kinds_are_types() {
        assert_eq!("Body".parse::<ResourceKind>(), Ok(ResourceKind::Body));
        assert!("signatory".parse::<ResourceKind>().is_err());
        assert_eq!(
            ResourceKind::parse_list(" body,, decision "),
            Ok(vec![ResourceKind::Body, ResourceKind::Decision])
        );
    }
}
