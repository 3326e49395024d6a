import assert from "node:assert/strict";
import { test } from "node:test";

import { coordinateColumns, extentOf, graticule, heightOf, mapData, project } from "../lib/map.mjs";
import { fits } from "../lib/results.mjs";

const XSD = "http://www.w3.org/2001/XMLSchema#";
const P = "https://w3id.org/sco-kg/id/place/";
const iri = (value) => ({ type: "uri", value });
const dec = (n) => ({ type: "literal", value: String(n), datatype: XSD + "decimal" });
const text = (value) => ({ type: "literal", value });
const near = (a, b, eps = 1e-9) => Math.abs(a - b) <= eps;

// Where the cities are (their centres, to a hundredth of a degree).
const MOSCOW = { lat: 55.76, long: 37.62 };
const BEIJING = { lat: 39.91, long: 116.4 };
const QINGDAO = { lat: 36.07, long: 120.38 };
const DUSHANBE = { lat: 38.54, long: 68.78 };

test("the box of an answer of half a million points is found without overflowing the stack", () => {
  // Spreading this many values into Math.min's arguments throws a RangeError.
  const points = Array.from({ length: 500000 }, (_, i) => (i % 2 ? MOSCOW : QINGDAO));
  assert.deepEqual(extentOf(points), extentOf([MOSCOW, QINGDAO]));
});

test("the box holds the points on whole tens of degrees, with room for labels to the east", () => {
  const extent = extentOf([MOSCOW, QINGDAO]);
  assert.deepEqual(extent, { west: 30, east: 140, south: 30, north: 70 });
  // Near the edges of the Earth it stops at them.
  assert.deepEqual(extentOf([{ lat: -89, long: 179 }]), { west: 170, east: 180, south: -90, north: -80 });
  assert.deepEqual(graticule(extent).parallels, [30, 40, 50, 60, 70]);
  assert.equal(graticule(extent).meridians.length, 12);
});

test("the equirectangular projection: east is right, north is up, corners are corners", () => {
  const extent = { west: 30, east: 140, south: 30, north: 70 };
  const width = 800;
  const height = heightOf(extent, width);
  assert.deepEqual(project(70, 30, extent, width), { x: 0, y: 0 });
  const corner = project(30, 140, extent, width);
  assert.ok(near(corner.x, width) && near(corner.y, height));
  // Beijing is east and south of Moscow; Qingdao east and south of Beijing; Dushanbe between.
  const [m, b, q, d] = [MOSCOW, BEIJING, QINGDAO, DUSHANBE].map((p) => project(p.lat, p.long, extent, width));
  assert.ok(b.x > m.x && b.y > m.y);
  assert.ok(q.x > b.x && q.y > b.y);
  assert.ok(d.x > m.x && d.x < b.x);
  // Straight lines of the grid: a meridian is vertical, a parallel horizontal.
  assert.ok(near(project(40, 100, extent, width).x, project(60, 100, extent, width).x));
  assert.ok(near(project(40, 50, extent, width).y, project(40, 120, extent, width).y));
  // A degree of longitude is cos(50°) of a degree of latitude: the standard parallel is the
  // box's middle, 50° N.
  const dx = project(50, 41, extent, width).x - project(50, 40, extent, width).x;
  const dy = project(49, 40, extent, width).y - project(50, 40, extent, width).y;
  assert.ok(near(dx / dy, Math.cos((50 * Math.PI) / 180)));
  // The map is as wide as asked and as tall as its degrees: 110° × cos 50° wide, 40° tall.
  assert.ok(near(height / width, 40 / (110 * Math.cos((50 * Math.PI) / 180))));
});

test("columns named as coordinates, numbers in range, fit a map named by the IRI column", () => {
  const r = {
    query: "q",
    vars: ["place", "lat", "long"],
    rows: [[iri(P + "moscow"), dec(55.7558), dec(37.6178)], [iri(P + "qingdao"), dec(36.0669), dec(120.3827)]],
  };
  assert.deepEqual(fits(r).map, { lat: 1, long: 2, name: 0 });
  assert.deepEqual(coordinateColumns(["x", "latitude", "lng"], [[null, dec(1), dec(2)]]), { lat: 1, long: 2 });
  // Not by name, not numbers, or out of range: no map.
  assert.equal(coordinateColumns(["a", "b"], [[dec(1), dec(2)]]), null);
  assert.equal(coordinateColumns(["lat", "long"], [[text("north"), dec(2)]]), null);
  assert.equal(coordinateColumns(["lat", "long"], [[dec(95), dec(2)]]), null);
  assert.equal(coordinateColumns(["lat", "long"], [[dec(45), dec(-181)]]), null);
  assert.equal(coordinateColumns(["lat", "long"], [[null, null]]), null);
  // No column to name the points: they are named by their coordinates.
  assert.deepEqual(fits({ query: "q", vars: ["lat", "long"], rows: [[dec(1), dec(2)]] }).map, { lat: 0, long: 1, name: -1 });
  // A label column of text names them when there is no IRI.
  assert.deepEqual(fits({ query: "q", vars: ["lat", "long", "name"], rows: [[dec(1), dec(2), text("x")]] }).map,
    { lat: 0, long: 1, name: 2 });
});

test("the map's points are the rows with both coordinates, drawn where they are", () => {
  const r = {
    query: "q",
    vars: ["place", "lat", "long"],
    rows: [
      [iri(P + "moscow"), dec(55.7558), dec(37.6178)],
      [iri(P + "qingdao"), dec(36.0669), dec(120.3827)],
      [iri(P + "asia-pacific"), null, null],
    ],
  };
  const nameOf = (t) => t.value.replace(P, "");
  const map = mapData(r, { lat: 1, long: 2, name: 0 }, nameOf, 800);
  assert.equal(map.skipped, 1);
  assert.deepEqual(map.points.map((p) => [p.name, p.iri]), [["moscow", P + "moscow"], ["qingdao", P + "qingdao"]]);
  const [moscow, qingdao] = map.points;
  assert.ok(qingdao.x > moscow.x && qingdao.y > moscow.y, "Qingdao is south-east of Moscow");
  for (const p of map.points) assert.ok(p.x >= 0 && p.x <= map.width && p.y >= 0 && p.y <= map.height);
  assert.deepEqual(map.extent, { west: 30, east: 140, south: 30, north: 70 });
  assert.deepEqual(map.parallels.map((l) => l.lat), [30, 40, 50, 60, 70]);
  assert.ok(near(map.parallels[0].y, map.height) && near(map.parallels[4].y, 0));
  assert.ok(near(map.meridians[0].x, 0));
  // Unnamed points are named by their coordinates.
  const bare = mapData({ query: "q", vars: ["lat", "long"], rows: [[dec(1.5), dec(2.5)]] },
    { lat: 0, long: 1, name: -1 }, nameOf, 400);
  assert.equal(bare.points[0].name, "1.5, 2.5");
  assert.equal(bare.points[0].iri, null);
});
