//! Link: the typed model + the registry → the plan's entities and the links between them.
//!
//! Every executor names a registry body, every participants cell resolves to member states (or
//! to the interested ones, never widened), and every mention of a document, place, initiative,
//! body or state in a text is found by the Russian forms the registry lists.

mod error;
mod mentions;
mod registry;
mod translations;

use crate::ingest::join::collapse;
use crate::ingest::{Fragment, Plan};
use crate::ingest::{ParticipantsFile, Scope};

pub use error::{DataFileError, EntityFault, LinkError, LinkErrorKind, LoadError, Problem};
pub use mentions::Mentions;
pub use registry::{
    Coordinates, DocumentDate, DocumentKind, DocumentStatus, Entity, EntityRef, EntityType,
    ExecutorScope, Registry, LANGUAGES,
};
/// A signatory of the decision in one translated language: its office and label, as
/// `data/translations/{en,zh}.toml` give them under `[decision.signatories]`, keyed by the
/// Russian label.
pub use translations::SignatoryText;
pub use translations::{Translations, TRANSLATED};

/// Whom a participants cell stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticipationScope {
    /// "Государства-члены ШОС": all member states at the decision's date.
    All,
    /// Only the states the cell names.
    Named,
    /// "заинтересованные государства-члены ШОС", with any states also named.
    Interested,
}

/// What one measure's row and text name, resolved to registry entities.
#[derive(Debug, Clone)]
pub struct MeasureLinks {
    /// The measure's number in the plan, 1–139.
    pub number: u32,
    /// Whom the participants cell stands for.
    pub scope: ParticipationScope,
    /// The member states of the participants cell, sorted, without repeats: all eight for
    /// "Государства-члены ШОС", else only the states the cell names (the interested states are
    /// never widened to all).
    pub participants: Vec<EntityRef>,
    /// Each executor as written, with the body it names.
    pub executors: Vec<(String, EntityRef)>,
    /// For each executor that is a body of the member states (registry kind `national-bodies`),
    /// in the order of `executors`: whose body it is as written, and the states that scope
    /// names (all eight, the ones the executor string lists, or none for the interested
    /// states, the chair and one unnamed state, which the plan does not name).
    pub executing: Vec<Executing>,
    /// Documents, places, initiatives, bodies and states found in the text.
    pub mentions: Mentions,
}

/// Whose bodies execute a measure, as one executor string says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Executing {
    /// The executor's body (a registry body of kind `national-bodies`).
    pub body: EntityRef,
    /// Whose bodies the executor string says they are.
    pub scope: ExecutorScope,
    /// The member states that scope names, sorted: all eight for [`ExecutorScope::All`], the
    /// states listed for [`ExecutorScope::Named`], none for the interested states, the chair and
    /// one unnamed state.
    pub states: Vec<EntityRef>,
}

/// The body kind whose executor strings name bodies of member states.
const STATE_BODIES: &str = "national-bodies";

/// Whose body the executor string `text` of `body` names, or `None` when `body` is not a body
/// of the member states. A form scoped `named` names at least one state: the registry checks it
/// when it is read.
fn executing(
    registry: &Registry,
    all_states: &[EntityRef],
    text: &str,
    body: EntityRef,
) -> Option<Executing> {
    let entity = registry.get(body);
    if entity.kind != STATE_BODIES {
        return None;
    }
    let written = collapse(text);
    let scope = entity
        .executor_scope
        .iter()
        .find(|(form, _)| collapse(form) == written)
        .map_or(ExecutorScope::All, |(_, scope)| *scope);
    let states = match scope {
        ExecutorScope::All => all_states.to_vec(),
        ExecutorScope::Interested | ExecutorScope::Chair | ExecutorScope::One => Vec::new(),
        // "Профильные министерства и ведомства Казахстана, Китая, …".
        ExecutorScope::Named => registry.states_in(&written),
    };
    Some(Executing {
        body,
        scope,
        states,
    })
}

/// What the decision names, resolved to registry entities.
#[derive(Debug, Clone)]
pub struct DecisionLinks {
    /// The body that took the decision (the Council of Heads of State).
    pub issuing_body: EntityRef,
    /// The city where it was taken (Moscow).
    pub place: EntityRef,
    /// The state of each signatory, in the decision's order.
    pub signatory_states: Vec<EntityRef>,
}

/// What the plan's title and preamble name.
#[derive(Debug, Clone)]
pub struct PlanLinks {
    /// Documents named in the plan's title: what the plan implements.
    pub implements: Vec<EntityRef>,
    /// Documents named in the preamble.
    pub preamble: Mentions,
}

/// The plan with every entity it names resolved.
#[derive(Debug)]
pub struct LinkedPlan {
    /// The plan as parsed from the source.
    pub plan: Plan,
    /// The registry the links point into.
    pub registry: Registry,
    /// The English and Chinese texts of the plan.
    pub translations: Translations,
    /// What the decision names.
    pub decision: DecisionLinks,
    /// What the plan's title and preamble name.
    pub plan_links: PlanLinks,
    /// The links of each measure, in the plan's order (`measures[i]` is `plan.measures[i]`).
    pub measures: Vec<MeasureLinks>,
}

fn first_line(fragments: &[Fragment]) -> usize {
    fragments.iter().map(|f| f.line).min().unwrap_or(0)
}

/// Finds the entity of `entity_type` one of whose forms equals `text` (spaces collapsed).
fn exact(registry: &Registry, entity_type: EntityType, text: &str) -> Option<EntityRef> {
    registry.by_form(entity_type, text)
}

/// Finds the member state whose Russian name (label or alternative) is `text`.
fn state_named(registry: &Registry, text: &str) -> Option<EntityRef> {
    let text = collapse(text).to_lowercase();
    registry
        .of_type(EntityType::State)
        .find(|(_, e)| {
            e.label
                .get("ru")
                .into_iter()
                .chain(e.alt.get("ru").into_iter().flatten())
                .any(|n| n.to_lowercase() == text)
        })
        .map(|(r, _)| r)
}

/// Resolves every entity the plan names against `registry`: each measure's participants,
/// executors and mentions, the decision's issuing body, place and signatory states, and the
/// documents of the title and preamble; and checks that every measure has a text in each of
/// [`TRANSLATED`]. The first name the registry does not have (or text missing) is the error,
/// with its line in the source ([`LoadError::Link`]). Before that, every `executor_scope` form
/// of the registry must be an executor of some measure, else the error names the form and its
/// line in `bodies.toml` ([`LoadError::Data`]).
pub fn link(
    plan: Plan,
    registry: Registry,
    translations: Translations,
    participants: &ParticipantsFile,
) -> Result<LinkedPlan, LoadError> {
    registry.check_scopes_executed(
        plan.measures
            .iter()
            .flat_map(|m| m.executors.iter().map(String::as_str)),
    )?;
    link_checked(plan, registry, translations, participants).map_err(|error| LoadError::Link {
        path: source_path(),
        error,
    })
}

/// [`link`] once the registry's scopes are known to be the plan's executors.
fn link_checked(
    plan: Plan,
    registry: Registry,
    translations: Translations,
    participants: &ParticipantsFile,
) -> Result<LinkedPlan, LinkError> {
    let finder = mentions::Finder::new(&registry);
    let all_states: Vec<EntityRef> = registry
        .of_type(EntityType::State)
        .map(|(r, _)| r)
        .collect();

    let mut measures = Vec::with_capacity(plan.measures.len());
    for m in &plan.measures {
        let cell_line = first_line(&m.fields.participants);
        let mut scope = ParticipationScope::Named;
        let mut states: Vec<EntityRef> = Vec::new();
        for item in m
            .participants
            .trim_end_matches('.')
            .split(',')
            .map(str::trim)
        {
            let collective = participants
                .collective
                .iter()
                .find(|c| c.text.to_lowercase() == item.to_lowercase());
            match (collective, state_named(&registry, item)) {
                (Some(c), _) if c.scope == Scope::All => {
                    scope = ParticipationScope::All;
                    states.extend(&all_states);
                }
                (Some(_), _) => scope = ParticipationScope::Interested,
                (None, Some(state)) => states.push(state),
                (None, None) => {
                    return Err(LinkError {
                        line: cell_line,
                        kind: LinkErrorKind::UnknownParticipant {
                            measure: m.number,
                            text: item.to_string(),
                        },
                    })
                }
            }
        }
        states.sort();
        states.dedup();

        let executors = m
            .executors
            .iter()
            .map(|text| {
                exact(&registry, EntityType::Body, text)
                    .map(|body| (text.clone(), body))
                    .ok_or_else(|| LinkError {
                        line: first_line(&m.fields.executors),
                        kind: LinkErrorKind::UnknownExecutor {
                            measure: m.number,
                            text: text.clone(),
                        },
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let executing = executors
            .iter()
            .filter_map(|(text, body)| executing(&registry, &all_states, text, *body))
            .collect();

        measures.push(MeasureLinks {
            number: m.number,
            scope,
            participants: states,
            executors,
            executing,
            mentions: finder.find(&m.text),
        });
    }

    let d = &plan.decision;
    let decision_line = d.source_lines.first().map_or(1, |r| r.start);
    let unknown = |kind| LinkError {
        line: decision_line,
        kind,
    };
    let issuing_body = exact(&registry, EntityType::Body, &d.issuing_body).ok_or_else(|| {
        unknown(LinkErrorKind::UnknownIssuingBody {
            text: d.issuing_body.clone(),
        })
    })?;
    let place = exact(&registry, EntityType::Place, &d.place).ok_or_else(|| {
        unknown(LinkErrorKind::UnknownPlace {
            text: d.place.clone(),
        })
    })?;
    let signatory_states = d
        .signatories
        .iter()
        .map(|s| {
            exact(&registry, EntityType::State, &s.state).ok_or_else(|| {
                unknown(LinkErrorKind::UnknownSignatoryState {
                    text: s.state.clone(),
                })
            })
        })
        .collect::<Result<Vec<_>, _>>()?;

    let plan_links = PlanLinks {
        implements: finder.find(&plan.title).get(EntityType::Document).to_vec(),
        preamble: finder.find(&plan.preamble),
    };
    if plan_links.implements.is_empty() {
        return Err(LinkError {
            line: plan.table_start,
            kind: LinkErrorKind::TitleNamesNoDocument {
                title: plan.title.clone(),
            },
        });
    }

    for m in &plan.measures {
        for lang in translations::TRANSLATED {
            let text = translations
                .get(lang)
                .and_then(|t| t.measures.get(&m.number));
            if text.is_none_or(|t| t.trim().is_empty()) {
                return Err(LinkError {
                    line: first_line(&m.fields.number),
                    kind: LinkErrorKind::MissingTranslation {
                        measure: m.number,
                        lang,
                    },
                });
            }
        }
    }

    Ok(LinkedPlan {
        decision: DecisionLinks {
            issuing_body,
            place,
            signatory_states,
        },
        plan_links,
        measures,
        plan,
        registry,
        translations,
    })
}

/// Parses and links the embedded data.
pub fn embedded() -> Result<LinkedPlan, LoadError> {
    // Parsing the plan and reading the registry and translations are independent: on two
    // cores, side by side.
    let (plan, data) = std::thread::scope(|scope| {
        let data = scope.spawn(embedded_data);
        let plan = (|| -> Result<Plan, LoadError> {
            let lexicon = crate::ingest::Lexicon::embedded()?;
            crate::ingest::parse(crate::data::source(), &lexicon).map_err(|error| {
                LoadError::Ingest {
                    path: source_path(),
                    error,
                }
            })
        })();
        // A panic is a bug: it goes on as one.
        let data = data
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (plan, data)
    });
    link_with(plan?, data?)
}

/// Links a plan parsed from the embedded source with the embedded registry and translations.
pub fn link_plan(plan: Plan) -> Result<LinkedPlan, LoadError> {
    link_with(plan, embedded_data()?)
}

/// The path the embedded source is reported under.
fn source_path() -> String {
    format!("data/{}", crate::data::SOURCE)
}

/// The registry, the translations and the designations of participants, as embedded.
fn embedded_data() -> Result<(Registry, Translations, ParticipantsFile), LoadError> {
    let participants: ParticipantsFile =
        crate::data::file("ingest/participants.toml")?.parse_toml()?;
    Ok((
        Registry::embedded()?,
        Translations::embedded()?,
        participants,
    ))
}

fn link_with(
    plan: Plan,
    (registry, translations, participants): (Registry, Translations, ParticipantsFile),
) -> Result<LinkedPlan, LoadError> {
    link(plan, registry, translations, &participants)
}
