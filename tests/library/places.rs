//! Links outward: the places' coordinates (data/registry/places.toml, `geo:lat` and `geo:long`
//! in the graph, the map of a place's page) and the Wikidata items of the registry
//! (`owl:sameAs`). The expected points are the places' known positions, to about a kilometre
//! (a hundredth of a degree), not the file's figures copied: a city's centre as atlases give it,
//! the documented centre of a region.

use sco_kg::data::{self, DataFile};
use sco_kg::graph::Base;
use sco_kg::i18n::{Lang, Localizer};
use sco_kg::link::{EntityType, Registry};
use sco_kg::pages::Pages;

use crate::support::{embedded, select};

const PLACE: &str = "https://w3id.org/sco-kg/id/place/";

fn registry() -> Registry {
    Registry::embedded().unwrap_or_else(|e| panic!("{e}"))
}

/// Where each place is known to be: (id, latitude, longitude), north and east positive.
const KNOWN: [(&str, f64, f64); 8] = [
    // Moscow: Red Square and the Kremlin, 55°45′N 37°37′E.
    ("moscow", 55.75, 37.62),
    // Dushanbe, 38°32′N 68°47′E.
    ("dushanbe", 38.54, 68.78),
    // Bishkek, 42°52′N 74°36′E.
    ("bishkek", 42.87, 74.61),
    // Beijing: Tiananmen, 39°54′N 116°23′E.
    ("beijing", 39.91, 116.40),
    // Qingdao: the municipal government, 36°04′N 120°23′E.
    ("qingdao", 36.07, 120.38),
    // Europe: the centre the French IGN computed in 1989, near Purnuškės, 54°54′N 25°19′E.
    ("europe", 54.90, 25.32),
    // Asia: the Centre of Asia monument in Kyzyl, 51°43′N 94°27′E.
    ("asia", 51.72, 94.44),
    // Eurasia: its pole of inaccessibility in Xinjiang, 46°17′N 86°40′E.
    ("eurasia", 46.28, 86.67),
];

#[test]
fn every_city_has_a_sourced_point_and_every_point_is_in_range() {
    let registry = registry();
    let places: Vec<_> = registry
        .of_type(EntityType::Place)
        .map(|(_, e)| e)
        .collect();
    assert_eq!(places.len(), 9);
    for place in &places {
        if place.kind == "city" {
            assert!(
                place.coordinates.is_some(),
                "{}: a city has a point",
                place.id
            );
        }
        let Some(point) = &place.coordinates else {
            continue;
        };
        assert!((-90.0..=90.0).contains(&point.lat), "{}", place.id);
        assert!((-180.0..=180.0).contains(&point.long), "{}", place.id);
        // To 4 decimals, as the schema says (a tenth of a thousandth of a degree, ~10 m).
        for v in [point.lat, point.long] {
            assert!(
                ((v * 1e4).round() - v * 1e4).abs() < 1e-6,
                "{}: {v}",
                place.id
            );
        }
        // Its source is named, and gives the figures in degrees.
        assert!(
            point.source.trim().len() > 20,
            "{}: {:?}",
            place.id,
            point.source
        );
        assert!(
            point.source.contains('°'),
            "{}: {:?}",
            place.id,
            point.source
        );
    }
    // The Asia-Pacific region is the one place without a point: no centre of it is documented.
    let without: Vec<&str> = places
        .iter()
        .filter(|p| p.coordinates.is_none())
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(without, ["asia-pacific"]);
}

#[test]
fn the_points_are_where_the_places_are() {
    let registry = registry();
    for (id, lat, long) in KNOWN {
        let place = registry.get(registry.find(EntityType::Place, id).expect(id));
        let point = place.coordinates.as_ref().expect(id);
        assert!(
            (point.lat - lat).abs() <= 0.01 && (point.long - long).abs() <= 0.01,
            "{id}: {}, {} is not at {lat}, {long}",
            point.lat,
            point.long
        );
    }
    // And so, facts between them: Dushanbe is south-west of Bishkek, Qingdao south-east of
    // Beijing, and everything east of Europe's centre.
    let at = |id: &str| {
        let p = registry.get(registry.find(EntityType::Place, id).unwrap());
        let c = p.coordinates.as_ref().unwrap();
        (c.lat, c.long)
    };
    assert!(at("dushanbe").0 < at("bishkek").0 && at("dushanbe").1 < at("bishkek").1);
    assert!(at("qingdao").0 < at("beijing").0 && at("qingdao").1 > at("beijing").1);
    for (id, _, _) in KNOWN.iter().filter(|(id, _, _)| *id != "europe") {
        assert!(at(id).1 > at("europe").1, "{id}");
    }
}

#[test]
fn sparql_finds_the_points_as_decimals_of_places() {
    let rows =
        select("SELECT ?p ?lat ?long WHERE { ?p geo:lat ?lat ; geo:long ?long } ORDER BY ?p");
    assert_eq!(rows.len(), 8, "{rows:?}");
    for (id, lat, long) in KNOWN {
        let row = rows
            .iter()
            .find(|r| r[0] == format!("{PLACE}{id}"))
            .unwrap_or_else(|| panic!("{id}: {rows:?}"));
        let (y, x): (f64, f64) = (row[1].parse().unwrap(), row[2].parse().unwrap());
        assert!(
            (y - lat).abs() <= 0.01 && (x - long).abs() <= 0.01,
            "{row:?}"
        );
    }
    // Every point is a place's, one of each, and an xsd:decimal.
    let checked = select(
        "SELECT (COUNT(DISTINCT ?p) AS ?places) (COUNT(*) AS ?pairs) WHERE { \
           ?p a sco:Place ; geo:lat ?lat ; geo:long ?long \
           FILTER(DATATYPE(?lat) = xsd:decimal && DATATYPE(?long) = xsd:decimal) }",
    );
    assert_eq!(checked, [["8", "8"]]);
    let not_places =
        select("SELECT ?s WHERE { ?s geo:lat ?lat FILTER NOT EXISTS { ?s a sco:Place } }");
    assert!(not_places.is_empty(), "{not_places:?}");
    // The figures as written: Qingdao's municipal government, 36°04′01″N 120°22′58″E.
    let qingdao = select("SELECT ?lat ?long WHERE { place:qingdao geo:lat ?lat ; geo:long ?long }");
    assert_eq!(qingdao, [["36.0669", "120.3827"]]);
}

#[test]
fn every_wikidata_id_is_an_owl_same_as_of_its_entity() {
    let registry = registry();
    let with_ids: Vec<_> = registry
        .entities
        .iter()
        .filter_map(|e| e.wikidata.as_ref().map(|q| (e, q)))
        .collect();
    let base = Base::default();
    let triples: std::collections::BTreeSet<String> =
        embedded().triples.iter().map(|t| t.to_string()).collect();
    for (entity, q) in &with_ids {
        let iri = format!(
            "{}{}/{}",
            base.as_str(),
            entity.entity_type.path(),
            entity.id
        );
        let triple = format!(
            "<{iri}> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/{q}>"
        );
        assert!(triples.contains(&triple), "{triple}");
    }
    let same_as = select("SELECT (COUNT(*) AS ?n) WHERE { ?s owl:sameAs ?q }");
    assert_eq!(same_as, [[with_ids.len().to_string()]]);
    // The items added with the coordinates: Qingdao and Eurasia.
    for (id, q) in [("qingdao", "Q170322"), ("eurasia", "Q5401")] {
        let rows = select(&format!("SELECT ?q WHERE {{ place:{id} owl:sameAs ?q }}"));
        assert_eq!(
            rows,
            [[format!("http://www.wikidata.org/entity/{q}")]],
            "{id}"
        );
    }
}

/// The items added for the external organisations, each checked on pages generated from
/// Wikidata (SpocWiki/_Standards): the CSTO is Q318693 (official name «Организация Договора о
/// коллективной безопасности», founded 1992-05-15, members Kazakhstan, Kyrgyzstan, Russia and
/// Tajikistan, seat in Moscow), the EAEU Q4173083 («Евразийский экономический союз», 2015-01-01).
/// Each body has that one item and no other; no other entity claims it.
#[test]
fn the_csto_and_the_eaeu_are_their_wikidata_items() {
    for (id, q) in [("csto", "Q318693"), ("eaeu", "Q4173083")] {
        let item = format!("http://www.wikidata.org/entity/{q}");
        let rows = select(&format!("SELECT ?q WHERE {{ body:{id} owl:sameAs ?q }}"));
        assert_eq!(rows, [[item.clone()]], "{id}");
        let claimed = select(&format!("SELECT ?s WHERE {{ ?s owl:sameAs <{item}> }}"));
        assert_eq!(
            claimed,
            [[format!("https://w3id.org/sco-kg/id/body/{id}")]],
            "{q}"
        );
    }
}

fn page(id: &str, lang: Lang) -> String {
    let pages = Pages::new(embedded());
    let loc = Localizer::embedded().unwrap();
    pages
        .resource(&loc, lang, &format!("{PLACE}{id}"), "http://127.0.0.1:8080")
        .unwrap_or_else(|| panic!("no page for {id}"))
}

#[test]
fn qingdao_s_page_shows_its_coordinates_and_a_map_drawn_here() {
    let html = page("qingdao", Lang::En);
    assert!(html.contains("36.0669° N, 120.3827° E"), "{html}");
    assert!(
        html.contains("https://www.openstreetmap.org/?mlat=36.0669&amp;mlon=120.3827"),
        "a link to the point on OpenStreetMap"
    );
    let ru = page("qingdao", Lang::Ru);
    assert!(ru.contains("36.0669° с. ш., 120.3827° в. д."));
    let zh = page("qingdao", Lang::Zh);
    assert!(zh.contains("北纬 36.0669°，东经 120.3827°"));
    // The map: inline SVG, one dot per place with a point, Qingdao's marked, the others links
    // to their pages; nothing loaded from elsewhere.
    let svg = &html[html.find("<svg").expect("a map")..html.find("</svg>").unwrap()];
    assert_eq!(svg.matches("<circle").count(), 8, "{svg}");
    assert!(svg.contains("<g class=\"here\"><circle"), "{svg}");
    assert!(svg.contains(">Qingdao</text></g>"), "{svg}");
    assert!(svg.contains("/page/place/beijing?lang=en"), "{svg}");
    assert!(
        !html.contains("src=\"http") && !html.contains("url(http"),
        "nothing from elsewhere"
    );
    for href in svg.split("href=\"").skip(1) {
        assert!(href.starts_with("http://127.0.0.1:8080/page/"), "{href}");
    }
    // Qingdao is drawn south-east of Beijing: right of it and below it.
    let at = |name: &str| {
        let text = svg.find(&format!(">{name}</text>")).unwrap();
        let circle = svg[..text].rfind("<circle").unwrap();
        let attr = |a: &str| -> f64 {
            let from = svg[circle..].find(&format!("{a}=\"")).unwrap() + circle + a.len() + 2;
            svg[from..from + svg[from..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        (attr("cx"), attr("cy"))
    };
    let (qingdao, beijing, moscow) = (at("Qingdao"), at("Beijing"), at("Moscow"));
    assert!(
        qingdao.0 > beijing.0 && qingdao.1 > beijing.1,
        "{qingdao:?} {beijing:?}"
    );
    assert!(
        moscow.0 < beijing.0 && moscow.1 < beijing.1,
        "{moscow:?} {beijing:?}"
    );
}

#[test]
fn a_place_without_a_point_has_no_map_and_an_initiative_none_either() {
    let html = page("asia-pacific", Lang::En);
    assert!(!html.contains("<svg") && !html.contains("openstreetmap"));
    let pages = Pages::new(embedded());
    let loc = Localizer::embedded().unwrap();
    let (_, first) = registry()
        .of_type(EntityType::Initiative)
        .next()
        .map(|(r, e)| (r, e.id.clone()))
        .expect("an initiative");
    let initiative = pages
        .resource(
            &loc,
            Lang::En,
            &format!("https://w3id.org/sco-kg/id/initiative/{first}"),
            "",
        )
        .unwrap();
    assert!(!initiative.contains("<svg"));
}

#[test]
fn a_broken_point_in_places_toml_names_its_line() {
    let files: Vec<(EntityType, DataFile<'static>)> = EntityType::ALL
        .iter()
        .map(|&t| (t, data::file(t.file()).unwrap()))
        .collect();
    let places = files
        .iter()
        .find(|(t, _)| *t == EntityType::Place)
        .unwrap()
        .1
        .contents;
    let load = |edited: &str| {
        let files: Vec<(EntityType, DataFile<'_>)> = files
            .iter()
            .map(|(t, f)| {
                let contents = if *t == EntityType::Place {
                    edited
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
        Registry::from_files(&files).unwrap_err().to_string()
    };
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.starts_with(needle)).unwrap() + 1;
    // Qingdao's longitude left out: the error is at its latitude, the half given.
    let half: String = places
        .lines()
        .filter(|l| !l.starts_with("long = 120."))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        load(&half),
        format!(
            "data/registry/places.toml:{}: entity \"qingdao\": lat, long and coordinates_source \
             go together (a point needs both numbers and where they come from)",
            line_of(&half, "lat = 36.")
        )
    );
    // Moscow's latitude and longitude swapped for a latitude of 137.6: out of range.
    let far = places.replacen("lat = 55.7558", "lat = 137.6178", 1);
    assert_eq!(
        load(&far),
        format!(
            "data/registry/places.toml:{}: entity \"moscow\": lat 137.6178 is out of range \
             (-90 to 90 degrees)",
            line_of(&far, "lat = 137.")
        )
    );
}
