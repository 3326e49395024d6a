//! Every non-blank line of the table body belongs to exactly one field of one measure, to a
//! section heading or to the header row, and every line before it to the front matter:
//! nothing dropped, nothing used twice.

use std::collections::BTreeMap;

use sco_kg::{data, ingest};

#[test]
fn every_table_line_is_used_exactly_once() {
    let plan = ingest::parse(data::source(), &data::lexicon().unwrap()).unwrap();
    let text = std::str::from_utf8(data::source()).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();

    // Fragments by line, each labelled with its owner.
    let mut by_line: BTreeMap<usize, Vec<(usize, usize, String)>> = BTreeMap::new();
    let mut add = |f: &ingest::Fragment, owner: String| {
        by_line
            .entry(f.line)
            .or_default()
            .push((f.start, f.end, owner))
    };
    for f in &plan.header {
        add(f, "header".into());
    }
    for f in &plan.front_matter {
        add(f, "front matter".into());
    }
    for s in &plan.sections {
        for f in &s.fragments {
            add(f, format!("section {}", s.number));
        }
    }
    for m in &plan.measures {
        for (field, fragments) in [
            ("number", &m.fields.number),
            ("text", &m.fields.text),
            ("participants", &m.fields.participants),
            ("executors", &m.fields.executors),
        ] {
            for f in fragments {
                add(f, format!("measure {} {field}", m.number));
            }
        }
    }

    let mut checked = 0;
    for (index, raw) in lines.iter().enumerate().skip(plan.table_start - 1) {
        let number = index + 1;
        if raw.trim().is_empty() {
            assert!(
                !by_line.contains_key(&number),
                "blank line {number} is assigned"
            );
            continue;
        }
        let mut fragments = by_line
            .remove(&number)
            .unwrap_or_else(|| panic!("line {number} {raw:?} is not assigned"));
        fragments.sort();
        // Fragments must not overlap, and what lies between and around them must be blank.
        let mut cursor = 0;
        for (start, end, owner) in &fragments {
            assert!(
                *start >= cursor,
                "line {number}: {owner} overlaps another fragment"
            );
            assert!(
                raw[cursor..*start].trim().is_empty(),
                "line {number}: {:?} is not assigned",
                &raw[cursor..*start]
            );
            assert!(
                !raw[*start..*end].trim().is_empty(),
                "line {number}: {owner} has an empty fragment"
            );
            cursor = *end;
        }
        assert!(
            raw[cursor..].trim().is_empty(),
            "line {number}: {:?} is not assigned",
            &raw[cursor..]
        );
        checked += 1;
    }
    // The front matter, too, is read whole and once.
    let mut front = 0;
    for (index, raw) in lines.iter().enumerate().take(plan.table_start - 1) {
        let number = index + 1;
        match by_line.remove(&number) {
            Some(fragments) => {
                assert_eq!(
                    fragments.len(),
                    1,
                    "line {number} is used twice: {fragments:?}"
                );
                assert_eq!(
                    raw[fragments[0].0..fragments[0].1].trim(),
                    raw.trim(),
                    "line {number}"
                );
                front += 1;
            }
            None => assert!(
                raw.trim().is_empty(),
                "front-matter line {number} {raw:?} is not assigned"
            ),
        }
    }
    // Lines 12 to 122: heading, decision, signatures, approval, title and preamble.
    assert_eq!(front, 36);
    assert!(
        by_line.is_empty(),
        "fragments outside the document: {by_line:?}"
    );
    // The table body holds 1400 non-blank lines (lines 126 to 3018 of the source).
    assert_eq!(checked, 1400);
    assert_eq!(plan.table_start, 126);
}

#[test]
fn lines_shared_by_two_cells_are_split_between_them() {
    // Line 238 holds the end of measure 4's text and the start of its participants cell.
    let plan = ingest::parse(data::source(), &data::lexicon().unwrap()).unwrap();
    let m4 = plan.measure(4).unwrap();
    assert!(m4.fields.text.iter().any(|f| f.line == 238));
    assert!(m4.fields.participants.iter().any(|f| f.line == 238));
    assert_eq!(m4.fields.number[0].line, 232);
}
