//! A place's coordinates and the map of its page: an inline SVG of the graph's places that have
//! a point (`geo:lat`, `geo:long`), the page's own place marked, on an equirectangular
//! projection. Nothing is fetched from elsewhere (no tiles, no script): the pages work offline
//! and under their Content-Security-Policy; a link takes the reader to OpenStreetMap if they
//! want a real map.

use maud::{html, Markup};

use super::index::Node;
use super::render::Cx;
use crate::graph::vocab::geo;
use crate::graph::ResourceKind;
use crate::t;

/// A point of the graph: a resource's `geo:lat` and `geo:long`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Point {
    /// Latitude, decimal degrees, north positive.
    pub lat: f64,
    /// Longitude, decimal degrees, east positive.
    pub long: f64,
}

/// The point of a resource: its first `geo:lat` and `geo:long`, when both are numbers in range.
pub(crate) fn point_of(node: &Node) -> Option<Point> {
    let number = |predicate| {
        node.literals(predicate)
            .first()
            .and_then(|l| l.value().parse::<f64>().ok())
            .filter(|v| v.is_finite())
    };
    let (lat, long) = (number(geo::lat)?, number(geo::long)?);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&long))
        .then_some(Point { lat, long })
}

/// A box of the Earth, in degrees, and the equirectangular projection onto it: x grows with
/// the longitude, scaled by the cosine of the box's middle latitude (its standard parallel), y
/// with the latitude southwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Extent {
    /// The western edge (degrees east).
    pub west: f64,
    /// The eastern edge.
    pub east: f64,
    /// The southern edge (degrees north).
    pub south: f64,
    /// The northern edge.
    pub north: f64,
}

/// The grid's step, in degrees: the box's edges and the graticule's lines fall on it.
const STEP: f64 = 10.0;

impl Extent {
    /// The box around `points`, a margin added (more to the east, where the labels go) and its
    /// edges moved out to whole steps of the grid; within the Earth.
    pub fn around(points: &[Point]) -> Self {
        let (mut west, mut east, mut south, mut north) = (180.0f64, -180.0f64, 90.0f64, -90.0f64);
        for p in points {
            west = west.min(p.long);
            east = east.max(p.long);
            south = south.min(p.lat);
            north = north.max(p.lat);
        }
        if points.is_empty() {
            (west, east, south, north) = (0.0, 0.0, 0.0, 0.0);
        }
        Self {
            west: (((west - 5.0) / STEP).floor() * STEP).max(-180.0),
            east: (((east + 15.0) / STEP).ceil() * STEP).min(180.0),
            south: (((south - 5.0) / STEP).floor() * STEP).max(-90.0),
            north: (((north + 5.0) / STEP).ceil() * STEP).min(90.0),
        }
    }

    /// How much narrower a degree of longitude is drawn than one of latitude.
    fn squeeze(&self) -> f64 {
        ((self.south + self.north) / 2.0)
            .to_radians()
            .cos()
            .max(0.1)
    }

    /// The height of the map drawn `width` wide.
    pub fn height(&self, width: f64) -> f64 {
        width * (self.north - self.south) / ((self.east - self.west) * self.squeeze())
    }

    /// Where `p` is drawn on a map `width` wide: (x, y) from the top left corner.
    pub fn project(&self, p: Point, width: f64) -> (f64, f64) {
        let scale = width / ((self.east - self.west) * self.squeeze());
        (
            (p.long - self.west) * self.squeeze() * scale,
            (self.north - p.lat) * scale,
        )
    }

    /// The lines of the graticule inside the box: meridians, then parallels, every step.
    fn graticule(&self) -> (Vec<f64>, Vec<f64>) {
        let steps = |from: f64, to: f64| {
            let mut out = Vec::new();
            let mut v = (from / STEP).ceil() * STEP;
            while v <= to {
                out.push(v);
                v += STEP;
            }
            out
        };
        (steps(self.west, self.east), steps(self.south, self.north))
    }
}

/// The width of the map, in the SVG's units.
const WIDTH: f64 = 640.0;

/// A number of the SVG, to a tenth of a unit.
fn unit(v: f64) -> String {
    format!("{:.1}", v)
}

/// The places of the graph with a point, with their labels in the page's language, sorted by
/// label (then IRI), so that the map is the same every time.
fn places<'a>(cx: &'a Cx) -> Vec<(&'a str, String, Point)> {
    let mut out: Vec<(&str, String, Point)> =
        cx.p.iris()
            .iter()
            .filter(|iri| cx.p.kind(iri) == Some(ResourceKind::Place))
            .filter_map(|iri| {
                let point = point_of(cx.p.node(iri)?)?;
                Some((iri.as_str(), cx.shown(iri).text, point))
            })
            .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
    out
}

/// A point in words, in the page's language: "36.0669° N, 120.3827° E".
pub(crate) fn coordinates_text(cx: &Cx, p: Point) -> String {
    t!(cx, "coordinates-value",
        "lat" => format!("{:.4}", p.lat.abs()),
        "ns" => if p.lat < 0.0 { "south" } else { "north" },
        "long" => format!("{:.4}", p.long.abs()),
        "ew" => if p.long < 0.0 { "west" } else { "east" })
}

/// The coordinates of a place as its facts list them, with a link to the point on
/// OpenStreetMap (another site: a link only, nothing of it is loaded here).
pub(crate) fn coordinates(cx: &Cx, p: Point) -> Markup {
    let osm = format!(
        "https://www.openstreetmap.org/?mlat={lat}&mlon={long}#map=6/{lat}/{long}",
        lat = p.lat,
        long = p.long
    );
    html! {
        span.coordinates { (coordinates_text(cx, p)) }
        " · "
        a href=(osm) title=(t!(cx, "coordinates-osm-title")) { (t!(cx, "coordinates-osm")) }
    }
}

/// The map of the page of `here`: every place with a point, `here` marked and each other place
/// a link to its page. `None` when `here` has no point.
pub(crate) fn map(cx: &Cx, here: &str) -> Option<Markup> {
    let places = places(cx);
    let (_, here_name, here_point) = places.iter().find(|(iri, _, _)| *iri == here)?;
    let points: Vec<Point> = places.iter().map(|(_, _, p)| *p).collect();
    let extent = Extent::around(&points);
    let height = extent.height(WIDTH);
    let (meridians, parallels) = extent.graticule();
    let at = |p: Point| extent.project(p, WIDTH);
    let degrees = |v: f64| format!("{v}°");
    let caption = t!(cx, "map-caption",
        "count" => places.len(),
        "west" => degrees(extent.west),
        "east" => degrees(extent.east),
        "south" => degrees(extent.south),
        "north" => degrees(extent.north));
    let label = t!(cx, "map-label", "place" => here_name.as_str());
    Some(html! {
        figure.map {
            svg viewBox=(format!("0 0 {} {}", unit(WIDTH), unit(height)))
                xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(label) {
                title { (label) }
                rect.sea x="0" y="0" width=(unit(WIDTH)) height=(unit(height)) {}
                // The lines inside the box, each with its degrees (those on its edges would
                // only overlap in a corner).
                @for long in meridians.iter().filter(|l| **l > extent.west && **l < extent.east) {
                    @let (x, _) = at(Point { lat: extent.south, long: *long });
                    line.grid x1=(unit(x)) y1="0" x2=(unit(x)) y2=(unit(height)) {}
                    text.grid x=(unit(x + 3.0)) y=(unit(height - 4.0)) { (degrees(*long)) }
                }
                @for lat in parallels.iter().filter(|l| **l > extent.south && **l < extent.north) {
                    @let (_, y) = at(Point { lat: *lat, long: extent.west });
                    line.grid x1="0" y1=(unit(y)) x2=(unit(WIDTH)) y2=(unit(y)) {}
                    text.grid x="3" y=(unit(y - 3.0)) { (degrees(*lat)) }
                }
                @for (iri, name, p) in places.iter().filter(|(iri, _, _)| *iri != here) {
                    @let (x, y) = at(*p);
                    a.place href=(cx.href(iri)) {
                        title { (name) " — " (coordinates_text(cx, *p)) }
                        circle cx=(unit(x)) cy=(unit(y)) r="4" {}
                        text x=(unit(x + 7.0)) y=(unit(y + 4.0)) { (name) }
                    }
                }
                @let (x, y) = at(*here_point);
                g.here {
                    circle cx=(unit(x)) cy=(unit(y)) r="6" {}
                    text x=(unit(x + 9.0)) y=(unit(y + 4.0)) { (here_name) }
                }
            }
            figcaption.muted { (caption) }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_holds_every_point_on_whole_steps() {
        let points = [
            Point {
                lat: 55.7558,
                long: 37.6178,
            },
            Point {
                lat: 36.0669,
                long: 120.3827,
            },
        ];
        let e = Extent::around(&points);
        assert_eq!(
            (e.west, e.east, e.south, e.north),
            (30.0, 140.0, 30.0, 70.0)
        );
        for p in points {
            let (x, y) = e.project(p, WIDTH);
            assert!((0.0..=WIDTH).contains(&x) && (0.0..=e.height(WIDTH)).contains(&y));
        }
        // The corners are the corners; north is up, east is right.
        let (x, y) = e.project(
            Point {
                lat: 70.0,
                long: 30.0,
            },
            WIDTH,
        );
        assert_eq!((x, y), (0.0, 0.0));
        let (x, y) = e.project(
            Point {
                lat: 30.0,
                long: 140.0,
            },
            WIDTH,
        );
        assert!((x - WIDTH).abs() < 1e-9 && (y - e.height(WIDTH)).abs() < 1e-9);
        // A degree of longitude is drawn cos(50°) as wide as one of latitude.
        let (x0, _) = e.project(
            Point {
                lat: 50.0,
                long: 40.0,
            },
            WIDTH,
        );
        let (x1, y1) = e.project(
            Point {
                lat: 50.0,
                long: 41.0,
            },
            WIDTH,
        );
        let (_, y2) = e.project(
            Point {
                lat: 49.0,
                long: 41.0,
            },
            WIDTH,
        );
        assert!(((x1 - x0) / (y2 - y1) - 50f64.to_radians().cos()).abs() < 1e-9);
        // Near the edges of the Earth the box stops at them.
        let e = Extent::around(&[Point {
            lat: -89.0,
            long: 179.0,
        }]);
        assert_eq!((e.east, e.south), (180.0, -90.0));
        let (meridians, parallels) = Extent::around(&points).graticule();
        assert_eq!(meridians.first(), Some(&30.0));
        assert_eq!(meridians.last(), Some(&140.0));
        assert_eq!(parallels, [30.0, 40.0, 50.0, 60.0, 70.0]);
    }
}
