//! The entity registry (`data/registry/*.toml`): who and what the plan names, with labels in
//! three languages and the Russian forms the linker looks for.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::error::{DataFileError, EntityFault, Problem};
use crate::data::{self, DataFile};
use crate::graph::ResourceKind;

/// The languages every label exists in.
pub const LANGUAGES: [&str; 3] = ["ru", "en", "zh"];

/// The types of registry entity, one file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    /// A member state of the SCO (`states.toml`; `sco:MemberState`).
    State,
    /// A body: the SCO, its councils and bodies (planned ones too), an external organisation,
    /// or the bodies of the member states (`bodies.toml`; `sco:Body`).
    Body,
    /// A document the plan or the decision refers to (`documents.toml`; `sco:Document`).
    Document,
    /// A city or region (`places.toml`; `sco:Place`).
    Place,
    /// A named initiative, event, exercise, operation, programme or project
    /// (`initiatives.toml`; `sco:NamedInitiative`).
    Initiative,
}

impl EntityType {
    /// Every type, in the order their files are read.
    pub const ALL: [EntityType; 5] = [
        Self::State,
        Self::Body,
        Self::Document,
        Self::Place,
        Self::Initiative,
    ];

    /// The type's file, relative to `data/` ("registry/states.toml" …).
    pub fn file(self) -> &'static str {
        match self {
            Self::State => "registry/states.toml",
            Self::Body => "registry/bodies.toml",
            Self::Document => "registry/documents.toml",
            Self::Place => "registry/places.toml",
            Self::Initiative => "registry/initiatives.toml",
        }
    }

    /// What the graph makes of the type's entities.
    pub fn kind(self) -> ResourceKind {
        match self {
            Self::State => ResourceKind::State,
            Self::Body => ResourceKind::Body,
            Self::Document => ResourceKind::Document,
            Self::Place => ResourceKind::Place,
            Self::Initiative => ResourceKind::Initiative,
        }
    }

    /// The IRI path segment under the base.
    pub fn path(self) -> &'static str {
        self.kind().segment()
    }
}

/// A document's date, as precise as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DocumentDate {
    /// Only the year is known (`date = "YYYY"`; an `xsd:gYear` in the graph).
    Year(i32),
    /// The full date (`date = "YYYY-MM-DD"`; an `xsd:date` in the graph).
    Day(crate::ingest::Date),
}

/// Whether a document exists or is still to be made (`status` in `documents.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentStatus {
    /// Adopted and in force (`in-force`).
    InForce,
    /// Being drafted or considered by a measure (`draft`).
    Draft,
}

/// What sort of act a document is (`doc_kind` in `documents.toml`; a `sco:documentKind`
/// individual in the graph).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// An agreement ("Соглашение …").
    Agreement,
    /// A convention ("Конвенция …").
    Convention,
    /// A programme ("Программа …").
    Programme,
    /// A strategy ("Стратегия …").
    Strategy,
    /// A concept ("Концепция …").
    Concept,
    /// A plan ("План …", "Комплексный план …").
    Plan,
    /// A memorandum ("Меморандум о взаимопонимании …").
    Memorandum,
    /// A declaration ("Декларация …").
    Declaration,
    /// A joint statement ("Совместное заявление …").
    Statement,
    /// A register ("Реестр …").
    Register,
    /// A list ("Перечень …").
    List,
    /// A charter ("Хартия …", "Устав …").
    Charter,
    /// Regulations or rules ("Положение …", "Правила …").
    Regulation,
}

/// Labels by language.
pub type Labels = BTreeMap<String, String>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: String,
    kind: String,
    #[serde(default)]
    wikidata: Option<String>,
    #[serde(default)]
    parent: Option<String>,
    label: Labels,
    #[serde(default)]
    alt: BTreeMap<String, Vec<String>>,
    #[serde(default, rename = "match")]
    forms: Vec<String>,
    #[serde(default)]
    doc_kind: Option<DocumentKind>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    status: Option<DocumentStatus>,
    #[serde(default)]
    executor_scope: BTreeMap<String, ExecutorScope>,
    #[serde(default)]
    lat: Option<f64>,
    #[serde(default)]
    long: Option<f64>,
    #[serde(default)]
    coordinates_source: Option<String>,
    #[serde(default)]
    official: Vec<String>,
}

/// Where a place is on the Earth: a point in WGS84 decimal degrees (`lat`, `long` and
/// `coordinates_source` in `places.toml`; `geo:lat` and `geo:long` in the graph). A city's point
/// is its centre; a region's, a point documented for it (a computed centre, a monument).
#[derive(Debug, Clone, PartialEq)]
pub struct Coordinates {
    /// The latitude, −90 to 90, north positive.
    pub lat: f64,
    /// The longitude, −180 to 180, east positive.
    pub long: f64,
    /// Where the figures come from, as the data file names it.
    pub source: String,
}

/// Whose body an executor string of a body of the member states names: the registry's
/// `executor_scope` (bodies only) gives it for a `match` form; any other form of a
/// `national-bodies` body stands for the bodies of all member states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExecutorScope {
    /// The bodies of every member state ("… государств-членов ШОС").
    All,
    /// The bodies of the states the form names ("… Казахстана, Китая, …"), found by their
    /// `match` forms.
    Named,
    /// The bodies of the interested member states, which the plan does not name.
    Interested,
    /// The bodies of the member state holding the chairmanship, which the plan does not name.
    Chair,
    /// The bodies of one member state ("… государства-члена ШОС", singular), which the plan
    /// does not name, and not said to be the chair.
    One,
}

#[derive(Debug, Deserialize)]
struct RawFile {
    entity: Vec<RawEntity>,
}

/// One entity of the registry.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Which file the entity comes from.
    pub entity_type: EntityType,
    /// The entry's slug (`[a-z0-9-]+`), unique within its type; the last segment of its IRI.
    pub id: String,
    /// The registry's finer kind ("sco-permanent-body", "city" …).
    pub kind: String,
    /// The Wikidata item ("Q…"), only where it certainly is this entity.
    pub wikidata: Option<String>,
    /// Bodies only: the `id` of the body this one belongs to.
    pub parent: Option<String>,
    /// The preferred label in each of [`LANGUAGES`] (`skos:prefLabel`).
    pub label: Labels,
    /// Alternative labels by language (`skos:altLabel`).
    pub alt: BTreeMap<String, Vec<String>>,
    /// The Russian surface forms the linker looks for (the entry's `match`).
    pub forms: Vec<String>,
    /// Documents only: what sort of act it is.
    pub doc_kind: Option<DocumentKind>,
    /// Documents only, where the text gives one: its date.
    pub date: Option<DocumentDate>,
    /// Documents only: in force or a draft.
    pub status: Option<DocumentStatus>,
    /// Bodies only: the scope of each `match` form that does not stand for all member states.
    pub executor_scope: BTreeMap<String, ExecutorScope>,
    /// Places only, where known: the place's point and the source of its figures.
    pub coordinates: Option<Coordinates>,
    /// The languages in which `label` is the entity's own official name (the entry's
    /// `official`), not this project's wording: the glossary of the translations does not apply
    /// to it (tests/library/glossary.rs).
    pub official: Vec<String>,
}

impl Entity {
    /// The label in `lang`; every entity has one in each of [`LANGUAGES`].
    pub fn label(&self, lang: &str) -> &str {
        self.label.get(lang).map(String::as_str).unwrap_or_default()
    }
}

/// A reference to an entity: its index in [`Registry::entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityRef(pub usize);

/// Every entity of `data/registry/`, checked, with lookups by id and by `match` form.
#[derive(Debug, Default)]
pub struct Registry {
    /// The entities in the order of the files read (the embedded ones in [`EntityType::ALL`]'s
    /// order), then of their entries; an [`EntityRef`] indexes this.
    pub entities: Vec<Entity>,
    by_id: HashMap<(EntityType, String), EntityRef>,
    /// Each `match` form (spaces collapsed) → its entity.
    by_form: HashMap<(EntityType, String), EntityRef>,
    /// Each `executor_scope` form of a body, as written → the file and line it is scoped at,
    /// for errors about it.
    scope_lines: BTreeMap<(EntityRef, String), (String, Option<usize>)>,
}

/// The line of a file where the entry with `id` starts, for errors about that entry.
fn line_of_id(file: &DataFile<'_>, id: &str) -> Option<usize> {
    let needle = format!("id = \"{id}\"");
    file.contents
        .lines()
        .position(|l| l.trim() == needle)
        .map(|i| i + 1)
}

/// The line of `form` in the `executor_scope` of the entry with `id` (the first line from the
/// entry's `executor_scope` on that has the form in quotes), else the `executor_scope` line, else
/// the `id` line.
fn line_of_scope(file: &DataFile<'_>, id: &str, form: &str) -> Option<usize> {
    let start = line_of_id(file, id)?;
    let lines: Vec<&str> = file.contents.lines().collect();
    let entry = lines[start..]
        .iter()
        .position(|l| l.trim() == "[[entity]]")
        .map_or(lines.len(), |i| start + i);
    let Some(scope) = (start..entry).find(|&i| lines[i].trim_start().starts_with("executor_scope"))
    else {
        return Some(start);
    };
    let quoted = format!("\"{form}\"");
    (scope..entry)
        .find(|&i| lines[i].contains(&quoted))
        .or(Some(scope))
        .map(|i| i + 1)
}

/// The error of an entry with `id` at `line` of `file`.
fn invalid(
    file: &DataFile<'_>,
    line: Option<usize>,
    id: &str,
    fault: EntityFault,
) -> DataFileError {
    DataFileError::Invalid {
        path: file.path.clone(),
        line,
        problem: Problem::Entity {
            id: id.to_string(),
            fault,
        },
    }
}

/// The line of the field `field` of the entry with `id` (the first `field = …` after the entry's
/// `id` line and before the next entry), else the line of the `id`.
fn line_of_field(file: &DataFile<'_>, id: &str, field: &str) -> Option<usize> {
    let start = line_of_id(file, id)?;
    let prefix = format!("{field} ");
    file.contents
        .lines()
        .enumerate()
        .skip(start)
        .take_while(|(_, l)| l.trim() != "[[entity]]")
        .find(|(_, l)| {
            l.trim_start().starts_with(&prefix) || l.trim_start().starts_with(&format!("{field}="))
        })
        .map(|(i, _)| i + 1)
        .or(Some(start))
}

/// The coordinates of an entry: none, or `lat`, `long` and a `coordinates_source` together,
/// each number within its range. The fault names the field and the line it is on.
fn coordinates(
    file: &DataFile<'_>,
    entity_type: EntityType,
    entry: &RawEntity,
) -> Result<Option<Coordinates>, DataFileError> {
    let fail = |field: &str, fault| {
        invalid(
            file,
            line_of_field(file, &entry.id, field),
            &entry.id,
            fault,
        )
    };
    let source = entry
        .coordinates_source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let (Some(lat), Some(long), Some(source)) = (entry.lat, entry.long, source) else {
        let given = [
            ("lat", entry.lat.is_some()),
            ("long", entry.long.is_some()),
            ("coordinates_source", entry.coordinates_source.is_some()),
        ];
        return match given.iter().find(|(_, given)| *given) {
            None => Ok(None),
            Some((field, _)) => Err(fail(field, EntityFault::CoordinatesIncomplete)),
        };
    };
    if entity_type != EntityType::Place {
        return Err(fail("lat", EntityFault::CoordinatesNotAPlace));
    }
    for (field, value, limit) in [("lat", lat, 90.0), ("long", long, 180.0)] {
        if !(value.is_finite() && (-limit..=limit).contains(&value)) {
            return Err(fail(
                field,
                EntityFault::CoordinateOutOfRange {
                    field,
                    value: value.to_string(),
                },
            ));
        }
    }
    Ok(Some(Coordinates {
        lat,
        long,
        source: source.to_string(),
    }))
}

fn parse_date(text: &str) -> Option<DocumentDate> {
    if let Ok(year) = text.parse::<i32>() {
        return (text.len() == 4).then_some(DocumentDate::Year(year));
    }
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let date = crate::ingest::Date {
        year: y.parse().ok()?,
        month: m.parse().ok()?,
        day: d.parse().ok()?,
    };
    let days = match date.month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&date.day)
        .then_some(DocumentDate::Day(date))
}

impl Registry {
    /// Reads and checks the registry embedded in the binary.
    pub fn embedded() -> Result<Self, DataFileError> {
        let files: Vec<(EntityType, DataFile<'static>)> = EntityType::ALL
            .iter()
            .map(|&t| data::file(t.file()).map(|f| (t, f)))
            .collect::<Result<_, _>>()?;
        Self::from_files(&files)
    }

    /// Reads and checks registry files. Every problem names the file and the entry's line.
    pub fn from_files(files: &[(EntityType, DataFile<'_>)]) -> Result<Self, DataFileError> {
        let mut registry = Registry::default();
        for (entity_type, file) in files {
            let raw: RawFile = file.parse_toml()?;
            for entry in raw.entity {
                let line = line_of_id(file, &entry.id);
                let fail = |fault| invalid(file, line, &entry.id, fault);
                let slug_ok = !entry.id.is_empty()
                    && entry
                        .id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if !slug_ok {
                    return Err(fail(EntityFault::NotASlug));
                }
                for lang in LANGUAGES {
                    if entry.label.get(lang).is_none_or(|l| l.trim().is_empty()) {
                        return Err(fail(EntityFault::NoLabel { lang }));
                    }
                }
                if let Some(unknown) = entry
                    .label
                    .keys()
                    .chain(entry.alt.keys())
                    .chain(&entry.official)
                    .find(|l| !LANGUAGES.contains(&l.as_str()))
                {
                    return Err(fail(EntityFault::UnknownLanguage {
                        lang: unknown.clone(),
                    }));
                }
                if let Some(q) = &entry.wikidata {
                    if !(q.starts_with('Q')
                        && q.len() > 1
                        && q[1..].chars().all(|c| c.is_ascii_digit()))
                    {
                        return Err(fail(EntityFault::NotAQid {
                            wikidata: q.clone(),
                        }));
                    }
                }
                let date = match &entry.date {
                    Some(text) => Some(
                        parse_date(text)
                            .ok_or_else(|| fail(EntityFault::BadDate { date: text.clone() }))?,
                    ),
                    None => None,
                };
                let coordinates = coordinates(file, *entity_type, &entry)?;
                if *entity_type == EntityType::Document
                    && (entry.doc_kind.is_none() || entry.status.is_none())
                {
                    return Err(fail(EntityFault::DocumentFields));
                }
                if *entity_type != EntityType::Document
                    && (entry.doc_kind.is_some() || entry.status.is_some() || date.is_some())
                {
                    return Err(fail(EntityFault::NotADocument));
                }
                let this = EntityRef(registry.entities.len());
                let key = (*entity_type, entry.id.clone());
                if registry.by_id.contains_key(&key) {
                    return Err(fail(EntityFault::IdTwice));
                }
                registry.by_id.insert(key, this);
                for form in &entry.forms {
                    let key = (*entity_type, crate::ingest::join::collapse(form));
                    if let Some(other) = registry.by_form.insert(key, this) {
                        if other != this {
                            return Err(fail(EntityFault::SharedForm {
                                form: form.clone(),
                                other: registry.entities[other.0].id.clone(),
                            }));
                        }
                    }
                }
                for form in entry.executor_scope.keys() {
                    registry.scope_lines.insert(
                        (this, form.clone()),
                        (file.path.clone(), line_of_scope(file, &entry.id, form)),
                    );
                }
                registry.entities.push(Entity {
                    entity_type: *entity_type,
                    id: entry.id,
                    kind: entry.kind,
                    wikidata: entry.wikidata,
                    parent: entry.parent,
                    label: entry.label,
                    alt: entry.alt,
                    forms: entry.forms,
                    doc_kind: entry.doc_kind,
                    date,
                    status: entry.status,
                    executor_scope: entry.executor_scope,
                    coordinates,
                    official: entry.official,
                });
            }
        }
        for (entity_type, file) in files {
            for entity in registry
                .entities
                .iter()
                .filter(|e| e.entity_type == *entity_type)
            {
                if let Some(parent) = &entity.parent {
                    if registry.find(*entity_type, parent).is_none() {
                        return Err(invalid(
                            file,
                            line_of_id(file, &entity.id),
                            &entity.id,
                            EntityFault::UnknownParent {
                                parent: parent.clone(),
                            },
                        ));
                    }
                }
            }
        }
        registry.check_scopes()?;
        Ok(registry)
    }

    /// The error about the `executor_scope` form `form` of `entity`, at its line.
    fn scope_error(&self, entity: EntityRef, form: &str, fault: EntityFault) -> DataFileError {
        let (path, line) = self
            .scope_lines
            .get(&(entity, form.to_string()))
            .cloned()
            .unwrap_or_default();
        DataFileError::Invalid {
            path,
            line,
            problem: Problem::Entity {
                id: self.get(entity).id.clone(),
                fault,
            },
        }
    }

    /// Every `executor_scope` form is one of its body's `match` forms, and a `named` one names
    /// at least one state by a state's `match` form.
    fn check_scopes(&self) -> Result<(), DataFileError> {
        for (entity, form) in self.scope_lines.keys() {
            let body = self.get(*entity);
            let written = crate::ingest::join::collapse(form);
            if !body
                .forms
                .iter()
                .any(|f| crate::ingest::join::collapse(f) == written)
            {
                return Err(self.scope_error(
                    *entity,
                    form,
                    EntityFault::ScopeNotAMatchForm { form: form.clone() },
                ));
            }
            if body.executor_scope.get(form) == Some(&ExecutorScope::Named)
                && self.states_in(&written).is_empty()
            {
                return Err(self.scope_error(
                    *entity,
                    form,
                    EntityFault::ScopeNamesNoState { form: form.clone() },
                ));
            }
        }
        Ok(())
    }

    /// Every `executor_scope` form occurs as an executor of the plan: `executors` are the
    /// executor strings of every measure, as written. The first form that does not is the
    /// error, at its line of the registry.
    pub fn check_scopes_executed<'a>(
        &self,
        executors: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), DataFileError> {
        let written: std::collections::HashSet<String> = executors
            .into_iter()
            .map(crate::ingest::join::collapse)
            .collect();
        for (entity, form) in self.scope_lines.keys() {
            if !written.contains(&crate::ingest::join::collapse(form)) {
                return Err(self.scope_error(
                    *entity,
                    form,
                    EntityFault::ScopeNotAnExecutor { form: form.clone() },
                ));
            }
        }
        Ok(())
    }

    /// The member states an executor string lists ("Профильные министерства и ведомства
    /// Казахстана, Китая, …"): each comma item, or the first item's last word, that is a state's
    /// `match` form; sorted, without repeats.
    pub fn states_in(&self, written: &str) -> Vec<EntityRef> {
        let mut states: Vec<EntityRef> = written
            .split(',')
            .map(str::trim)
            .filter_map(|item| {
                self.by_form(EntityType::State, item).or_else(|| {
                    item.rsplit(' ')
                        .next()
                        .and_then(|word| self.by_form(EntityType::State, word))
                })
            })
            .collect();
        states.sort();
        states.dedup();
        states
    }

    /// The entity of `entity_type` with this `id`.
    pub fn find(&self, entity_type: EntityType, id: &str) -> Option<EntityRef> {
        self.by_id.get(&(entity_type, id.to_string())).copied()
    }

    /// The entity one of whose `match` forms is `text` (spaces collapsed).
    pub fn by_form(&self, entity_type: EntityType, text: &str) -> Option<EntityRef> {
        self.by_form
            .get(&(entity_type, crate::ingest::join::collapse(text)))
            .copied()
    }

    /// The entity `entity` refers to. Panics when the reference is out of range (it came from
    /// another registry).
    pub fn get(&self, entity: EntityRef) -> &Entity {
        &self.entities[entity.0]
    }

    /// The entities of one type, in registry order, with their references.
    pub fn of_type(&self, entity_type: EntityType) -> impl Iterator<Item = (EntityRef, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.entity_type == entity_type)
            .map(|(i, e)| (EntityRef(i), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(entity_type: EntityType, contents: &str) -> Result<Registry, DataFileError> {
        Registry::from_files(&[(
            entity_type,
            DataFile {
                path: "data/registry/x.toml".into(),
                contents,
            },
        )])
    }

    const OK: &str =
        "[[entity]]\nid = \"a\"\nkind = \"k\"\nlabel = { ru = \"А\", en = \"A\", zh = \"甲\" }\n";

    #[test]
    fn accepts_a_complete_entry() {
        let r = load(EntityType::Place, OK).unwrap();
        assert_eq!(
            r.get(r.find(EntityType::Place, "a").unwrap()).label("zh"),
            "甲"
        );
    }

    #[test]
    fn a_missing_label_names_file_line_and_language() {
        let bad = "# c\n[[entity]]\nid = \"b\"\nkind = \"k\"\nlabel = { ru = \"Б\", en = \"B\" }\n";
        let err = load(EntityType::Place, bad).unwrap_err().to_string();
        assert_eq!(
            err,
            "data/registry/x.toml:3: entity \"b\": no label in \"zh\""
        );
    }

    #[test]
    fn duplicate_ids_and_shared_forms_are_refused() {
        let twice = format!("{OK}{OK}");
        assert!(load(EntityType::Place, &twice)
            .unwrap_err()
            .to_string()
            .contains("the id is used twice"));
        let shared = "[[entity]]\nid = \"a\"\nkind = \"k\"\nlabel = { ru = \"А\", en = \"A\", zh = \"甲\" }\nmatch = [\"x\"]\n\
                      [[entity]]\nid = \"b\"\nkind = \"k\"\nlabel = { ru = \"Б\", en = \"B\", zh = \"乙\" }\nmatch = [\"x\"]\n";
        assert!(load(EntityType::Place, shared)
            .unwrap_err()
            .to_string()
            .contains("also belongs to \"a\""));
    }

    #[test]
    fn document_dates_are_checked() {
        assert_eq!(parse_date("2009"), Some(DocumentDate::Year(2009)));
        assert!(matches!(
            parse_date("2009-06-16"),
            Some(DocumentDate::Day(_))
        ));
        assert_eq!(parse_date("2009-02-30"), None);
        assert_eq!(parse_date("16.06.2009"), None);
    }

    #[test]
    fn coordinates_come_whole_in_range_and_on_places_only() {
        let entry = |extra: &str| {
            format!(
                "# c\n[[entity]]\nid = \"a\"\nkind = \"city\"\n\
                 label = {{ ru = \"А\", en = \"A\", zh = \"甲\" }}\n{extra}"
            )
        };
        let whole = entry("lat = 36.0669\nlong = 120.3827\ncoordinates_source = \"atlas\"\n");
        let r = load(EntityType::Place, &whole).unwrap();
        assert_eq!(
            r.get(r.find(EntityType::Place, "a").unwrap()).coordinates,
            Some(Coordinates {
                lat: 36.0669,
                long: 120.3827,
                source: "atlas".into()
            })
        );
        let none = load(EntityType::Place, &entry("")).unwrap();
        assert_eq!(none.entities[0].coordinates, None);
        // Half a pair, or a pair without its source: the line of the field given.
        let err = |contents: &str, t| load(t, contents).unwrap_err().to_string();
        assert_eq!(
            err(&entry("lat = 36.0669\n"), EntityType::Place),
            "data/registry/x.toml:6: entity \"a\": lat, long and coordinates_source go together \
             (a point needs both numbers and where they come from)"
        );
        assert!(
            err(&entry("long = 1.5\n"), EntityType::Place).starts_with("data/registry/x.toml:6:")
        );
        let blank = entry("lat = 1.5\nlong = 2.5\ncoordinates_source = \" \"\n");
        assert!(err(&blank, EntityType::Place).contains("go together"));
        // Out of range: the line of the number, its name and value.
        let far = entry("lat = 36.0669\nlong = 190.5\ncoordinates_source = \"atlas\"\n");
        assert_eq!(
            err(&far, EntityType::Place),
            "data/registry/x.toml:7: entity \"a\": long 190.5 is out of range (-180 to 180 degrees)"
        );
        let south = entry("lat = -90.5\nlong = 0\ncoordinates_source = \"atlas\"\n");
        assert!(err(&south, EntityType::Place)
            .ends_with("lat -90.5 is out of range (-90 to 90 degrees)"));
        // Only places have a point.
        assert!(err(&whole, EntityType::Body)
            .ends_with("only places have lat, long and coordinates_source"));
    }

    #[test]
    fn toml_syntax_errors_carry_the_line() {
        let err = load(EntityType::Place, "[[entity]]\nid = \"a\"\nkind = \n").unwrap_err();
        assert_eq!(err.line(), Some(3));
    }
}
