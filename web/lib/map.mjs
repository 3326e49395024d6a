// The map view of an answer: its rows with a latitude and a longitude (WGS84, decimal degrees)
// as points on an equirectangular projection, which the workbench draws as SVG. Nothing here
// touches the page, and nothing is fetched: no tiles, no borders, only a graticule.

import { isNumeric } from "./terms.mjs";

const LAT = /^(lat|latitude)$/i;
const LONG = /^(long|lon|lng|longitude)$/i;

/**
 * The columns of an answer's latitude and longitude: named so (`?lat`, `?latitude`; `?long`,
 * `?lon`, `?lng`, `?longitude`), each bound at least once, and every bound value a number in
 * range (−90…90, −180…180). `{lat, long}` (column indices), or null.
 */
export function coordinateColumns(vars, rows) {
  const column = (pattern, limit) => {
    const i = vars.findIndex((v) => pattern.test(v));
    if (i < 0) return -1;
    const bound = rows.map((row) => row[i]).filter(Boolean);
    const ok = bound.length > 0 && bound.every((t) => isNumeric(t) && Math.abs(Number(t.value)) <= limit);
    return ok ? i : -1;
  };
  const lat = column(LAT, 90);
  const long = column(LONG, 180);
  return lat >= 0 && long >= 0 ? { lat, long } : null;
}

const STEP = 10;

/**
 * The box (degrees) around points `[{lat, long}]`: 5° of margin, 15° more to the east where
 * the labels go, each edge moved out to a whole 10°, within the Earth.
 */
export function extentOf(points) {
  // A loop, not Math.min(...values): spreading an answer of a few hundred thousand rows into
  // arguments overflows the call stack.
  let [south, north, west, east] = points.length ? [90, -90, 180, -180] : [0, 0, 0, 0];
  for (const { lat, long } of points) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, long);
    east = Math.max(east, long);
  }
  return {
    west: Math.max(-180, Math.floor((west - 5) / STEP) * STEP),
    east: Math.min(180, Math.ceil((east + 15) / STEP) * STEP),
    south: Math.max(-90, Math.floor((south - 5) / STEP) * STEP),
    north: Math.min(90, Math.ceil((north + 5) / STEP) * STEP),
  };
}

// A degree of longitude drawn narrower than one of latitude by the cosine of the box's middle
// latitude: the equirectangular projection with that standard parallel.
function squeeze(extent) {
  return Math.max(0.1, Math.cos((((extent.south + extent.north) / 2) * Math.PI) / 180));
}

/** The height of a map of `extent` drawn `width` wide. */
export function heightOf(extent, width) {
  return (width * (extent.north - extent.south)) / ((extent.east - extent.west) * squeeze(extent));
}

/**
 * Where a point is drawn on a map of `extent` `width` wide: `{x, y}` from the top left corner,
 * east to the right, north up (the equirectangular projection, standard parallel at the box's
 * middle latitude).
 */
export function project(lat, long, extent, width) {
  const k = squeeze(extent);
  const scale = width / ((extent.east - extent.west) * k);
  return { x: (long - extent.west) * k * scale, y: (extent.north - lat) * scale };
}

/** The graticule inside `extent`: the meridians' and the parallels' degrees, every 10°. */
export function graticule(extent) {
  const steps = (from, to) => {
    const out = [];
    for (let v = Math.ceil(from / STEP) * STEP; v <= to; v += STEP) out.push(v);
    return out;
  };
  return { meridians: steps(extent.west, extent.east), parallels: steps(extent.south, extent.north) };
}

/**
 * The map of an answer, `width` wide: a point per row with both coordinates (`{x, y, lat, long,
 * name, iri}`, `name` from the column `fit.name` by `nameOf`, `iri` that column's IRI or null),
 * the box, its height and graticule (each line with its position), and how many rows had no
 * point (`skipped`).
 */
export function mapData(r, fit, nameOf, width) {
  const points = [];
  let skipped = 0;
  for (const row of r.rows) {
    const lat = row[fit.lat];
    const long = row[fit.long];
    if (!lat || !long) {
      skipped++;
      continue;
    }
    const named = fit.name >= 0 ? row[fit.name] : null;
    points.push({
      lat: Number(lat.value),
      long: Number(long.value),
      name: named ? nameOf(named) : lat.value + ", " + long.value,
      iri: named && named.type === "uri" ? named.value : null,
    });
  }
  const extent = extentOf(points);
  const height = heightOf(extent, width);
  for (const p of points) Object.assign(p, project(p.lat, p.long, extent, width));
  const lines = graticule(extent);
  return {
    points,
    skipped,
    extent,
    width,
    height,
    meridians: lines.meridians.map((long) => ({ long, x: project(extent.south, long, extent, width).x })),
    parallels: lines.parallels.map((lat) => ({ lat, y: project(lat, extent.west, extent, width).y })),
  };
}
