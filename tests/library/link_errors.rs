//! An executor the registry cannot place is a build error naming the measure and the text,
//! never a silent drop.

use sco_kg::data::{self, DataFile};
use sco_kg::ingest::ParticipantsFile;
use sco_kg::link::{self, EntityType, Registry, Translations};

fn registry_without(form: &str) -> Registry {
    let files: Vec<(EntityType, DataFile<'static>)> = EntityType::ALL
        .iter()
        .map(|&t| (t, data::file(t.file()).unwrap()))
        .collect();
    let bodies = files
        .iter()
        .find(|(t, _)| *t == EntityType::Body)
        .unwrap()
        .1
        .contents;
    let needle = format!("\"{form}\"");
    assert!(bodies.contains(&needle), "the registry lists {form:?}");
    // Remove the form from the `match` lists only; labels keep it.
    let edited: String = bodies
        .lines()
        .map(|line| {
            if line.starts_with("match = [") {
                line.replace(&format!("{needle}, "), "")
                    .replace(&format!(", {needle}"), "")
                    .replace(&needle, "")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let files: Vec<(EntityType, DataFile<'_>)> = files
        .iter()
        .map(|(t, f)| {
            let contents = if *t == EntityType::Body {
                edited.as_str()
            } else {
                f.contents
            };
            (
                *t,
                DataFile {
                    path: f.path.clone(),
                    contents,
                },
            )
        })
        .collect();
    Registry::from_files(&files).unwrap()
}

#[test]
fn an_unknown_executor_names_the_measure_and_the_text() {
    let plan = sco_kg::ingest::parse(data::source(), &data::lexicon().unwrap()).unwrap();
    let participants: ParticipantsFile = data::file("ingest/participants.toml")
        .unwrap()
        .parse_toml()
        .unwrap();
    let registry = registry_without("Межбанковское объединение ШОС");
    let err = link::link(
        plan,
        registry,
        Translations::embedded().unwrap(),
        &participants,
    )
    .unwrap_err();
    // Measure 46 is the first executed by the Interbank Consortium; its cell starts at line 1084.
    assert_eq!(err.line, 1084);
    assert_eq!(
        err.kind.to_string(),
        "measure 46: the executor \"Межбанковское объединение ШОС\" is not a body of data/registry/bodies.toml"
    );
}

#[test]
fn the_embedded_data_links_without_error() {
    let linked = link::embedded().unwrap();
    assert_eq!(linked.measures.len(), 139);
    let executors: usize = linked.measures.iter().map(|m| m.executors.len()).sum();
    let written: usize = linked.plan.measures.iter().map(|m| m.executors.len()).sum();
    assert_eq!(executors, written, "every executor is linked");
}
