// An answer of /sparql as the workbench keeps it, which views it fits, and the data of each
// view (the charts draw it; nothing here touches the page).

import { coordinateColumns } from "./map.mjs";
import { dateOf, isNumeric } from "./terms.mjs";

/**
 * The answer to `query` of Content-Type `contentType` and body `text`: `{query, boolean}` for
 * ASK, `{query, vars, rows}` for SELECT (each row a term or null per variable, in the order
 * of `vars`), `{query, graph}` (the text) for CONSTRUCT and DESCRIBE.
 */
export function answerOf(query, contentType, text) {
  if (!/json/i.test(contentType)) return { query, graph: text };
  const json = JSON.parse(text);
  if (typeof json.boolean === "boolean") return { query, boolean: json.boolean };
  const vars = (json.head && json.head.vars) || [];
  const rows = json.results.bindings.map((b) => vars.map((v) => b[v] || null));
  return { query, vars, rows };
}

/**
 * Which views an answer can be shown in, with what each needs of it: `table` always; `bar` a
 * column of numbers (the last such) and one of names (`{category, value}`); `network` two
 * columns of IRIs and maybe a numeric weight (`{a, b, weight}`, weight -1 for none);
 * `timeline` a column of dates (the most precise) and one to name each item
 * (`{date, name}`); `map` columns named as a latitude and a longitude (`?lat`, `?long`) of
 * numbers in range, and one to name each point, an IRI's where there is one (`{lat, long,
 * name}`, name -1 for none). A view that does not fit is null.
 */
export function fits(r) {
  const out = { table: true, bar: null, network: null, timeline: null, map: null };
  if (!r || !r.rows || r.rows.length === 0) return out;
  const columns = r.vars.map((_, i) => r.rows.map((row) => row[i]).filter(Boolean));
  const all = (i, test) => columns[i].length > 0 && columns[i].every(test);

  let value = -1;
  for (let i = columns.length - 1; i >= 0; i--) {
    if (all(i, isNumeric)) {
      value = i;
      break;
    }
  }
  if (value >= 0 && columns.length > 1) {
    let category = columns.findIndex((_, i) => i !== value && !all(i, isNumeric));
    if (category < 0) category = value === 0 ? 1 : 0;
    out.bar = { category, value };
  }

  const iris = columns.map((_, i) => i).filter((i) => all(i, (t) => t.type === "uri"));
  if (iris.length >= 2) {
    out.network = { a: iris[0], b: iris[1], weight: columns.findIndex((_, i) => all(i, isNumeric)) };
  }

  let date = -1;
  let best = 0;
  columns.forEach((_, i) => {
    if (!all(i, (t) => dateOf(t) !== null)) return;
    const precision = columns[i].reduce((s, t) => s + dateOf(t).precision, 0);
    if (precision > best) {
      best = precision;
      date = i;
    }
  });
  if (date >= 0) {
    let name = iris.find((i) => i !== date);
    if (name === undefined) name = columns.findIndex((_, i) => i !== date);
    out.timeline = { date, name };
  }

  const point = coordinateColumns(r.vars, r.rows);
  if (point) {
    const other = (i) => i !== point.lat && i !== point.long;
    let name = iris.find(other);
    if (name === undefined) name = columns.findIndex((_, i) => other(i) && !all(i, isNumeric));
    out.map = { ...point, name };
  }
  return out;
}

/** The bars: one per row, its name and its number (0 where unbound). */
export function barData(r, fit, nameOf) {
  return {
    names: r.rows.map((row) => nameOf(row[fit.category])),
    values: r.rows.map((row) => (row[fit.value] ? Number(row[fit.value].value) : 0)),
  };
}

/**
 * The network: a node per resource of the two columns (named by `nameOf`, of the category
 * `kindOf` gives it), a link per pair (their weights summed; a row without a weight counts 1),
 * a node's value the sum of its links'. Rows linking a node to itself are left out. `named`
 * holds the nodes whose names are drawn: all of a small network, the 30 busiest of a large one.
 */
export function networkData(r, fit, { nameOf, kindOf }) {
  const nodes = new Map();
  const links = new Map();
  const categories = [];
  const node = (term) => {
    if (!nodes.has(term.value)) {
      const kind = kindOf(term.value);
      if (!categories.includes(kind)) categories.push(kind);
      nodes.set(term.value, { id: term.value, name: nameOf(term), category: categories.indexOf(kind), value: 0 });
    }
    return nodes.get(term.value);
  };
  for (const row of r.rows) {
    const a = row[fit.a];
    const b = row[fit.b];
    if (!a || !b || a.value === b.value) continue;
    const weight = fit.weight >= 0 && row[fit.weight] ? Number(row[fit.weight].value) : 1;
    node(a).value += weight;
    node(b).value += weight;
    const key = a.value + " " + b.value;
    const link = links.get(key) || { source: a.value, target: b.value, value: 0 };
    link.value += weight;
    links.set(key, link);
  }
  const named = new Set(
    Array.from(nodes.values())
      .sort((x, y) => y.value - x.value)
      .slice(0, nodes.size > 40 ? 30 : nodes.size)
      .map((n) => n.id),
  );
  return {
    nodes: Array.from(nodes.values()),
    links: Array.from(links.values()),
    categories,
    named,
    maxValue: Math.max(1, ...Array.from(nodes.values(), (n) => n.value)),
    maxLink: Math.max(1, ...Array.from(links.values(), (l) => l.value)),
  };
}

/**
 * The timeline's items, one per row with a date: `{value: [0, time], name, date, others}`,
 * `others` the row's other values as "?var name"; and the years it spans, from the first
 * item's to the one after the last's (`from`, `to`: times of 1 January, UTC).
 */
export function timelineData(r, fit, nameOf) {
  const items = r.rows
    .filter((row) => row[fit.date] && dateOf(row[fit.date]))
    .map((row) => {
      const date = row[fit.date];
      const name = row[fit.name] ? nameOf(row[fit.name]) : "";
      const others = r.vars
        .map((v, i) => (i !== fit.date && i !== fit.name && row[i] ? "?" + v + " " + nameOf(row[i]) : null))
        .filter(Boolean);
      return { value: [0, dateOf(date).time], name, date: date.value, others };
    });
  const times = items.map((i) => i.value[1]);
  const year = (time) => new Date(time).getUTCFullYear();
  return {
    items,
    from: Date.UTC(year(Math.min(...times)), 0, 1),
    to: Date.UTC(year(Math.max(...times)) + 1, 0, 1),
  };
}

/**
 * Labels at heights `ys` moved down so that no two are closer than `gap`, in order of height
 * (the earlier item first of equal heights); each keeps its place when it can.
 */
export function spread(ys, gap) {
  const placed = [];
  let previous = -Infinity;
  for (const i of ys.map((_, i) => i).sort((a, b) => ys[a] - ys[b] || a - b)) {
    placed[i] = Math.max(ys[i], previous + gap);
    previous = placed[i];
  }
  return placed;
}
