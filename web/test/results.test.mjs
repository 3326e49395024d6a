import assert from "node:assert/strict";
import { test } from "node:test";

import { answerOf, barData, fits, networkData, spread, timelineData } from "../lib/results.mjs";

const XSD = "http://www.w3.org/2001/XMLSchema#";
const iri = (value) => ({ type: "uri", value });
const int = (n) => ({ type: "literal", value: String(n), datatype: XSD + "integer" });
const text = (value, lang) => (lang ? { type: "literal", value, "xml:lang": lang } : { type: "literal", value });
const date = (value) => ({ type: "literal", value, datatype: XSD + "date" });
const B = "https://w3id.org/sco-kg/id/body/";

test("a SELECT answer becomes rows of terms in the order of its variables", () => {
  const body = JSON.stringify({
    head: { vars: ["m", "n", "t"] },
    results: { bindings: [{ n: int(1), m: iri("x") }, { t: text("a", "en"), m: iri("y"), n: int(2) }] },
  });
  const r = answerOf("SELECT …", "application/sparql-results+json; charset=utf-8", body);
  assert.deepEqual(r.vars, ["m", "n", "t"]);
  assert.deepEqual(r.rows, [[iri("x"), int(1), null], [iri("y"), int(2), text("a", "en")]]);
  assert.equal(r.query, "SELECT …");
});

test("ASK answers a boolean, CONSTRUCT its text", () => {
  assert.deepEqual(answerOf("ASK {}", "application/sparql-results+json", '{"head":{},"boolean":false}'),
    { query: "ASK {}", boolean: false });
  assert.deepEqual(answerOf("CONSTRUCT …", "text/turtle", "<a> <b> <c> ."),
    { query: "CONSTRUCT …", graph: "<a> <b> <c> ." });
  const empty = answerOf("SELECT ?x {}", "application/sparql-results+json", '{"head":{},"results":{"bindings":[]}}');
  assert.deepEqual(empty, { query: "SELECT ?x {}", vars: [], rows: [] });
});

const answer = (vars, rows) => ({ query: "q", vars, rows });

test("names and numbers fit a bar chart, pairs of IRIs a network, dates a timeline", () => {
  const bodies = answer(["body", "count"], [[iri(B + "rats"), int(12)], [iri(B + "sco-secretariat"), int(40)]]);
  assert.deepEqual(fits(bodies), { table: true, bar: { category: 0, value: 1 }, network: null, timeline: null, map: null });

  const pairs = answer(["a", "b", "n"], [[iri(B + "a"), iri(B + "b"), int(3)], [iri(B + "a"), iri(B + "c"), int(1)]]);
  assert.deepEqual(fits(pairs).network, { a: 0, b: 1, weight: 2 });

  const dated = answer(["doc", "year", "day"], [
    [iri("d1"), { type: "literal", value: "2019", datatype: XSD + "gYear" }, date("2019-06-14")],
    [iri("d2"), text("2021"), null],
  ]);
  // The day column is the more precise, where bound.
  assert.deepEqual(fits(dated).timeline, { date: 2, name: 0 });

  // One column of numbers: nothing to name the bars; nothing fits an empty answer.
  assert.equal(fits(answer(["n"], [[int(1)], [int(2)]])).bar, null);
  assert.deepEqual(fits(answer(["n"], [])), { table: true, bar: null, network: null, timeline: null, map: null });
  assert.deepEqual(fits(null), { table: true, bar: null, network: null, timeline: null, map: null });
  assert.equal(fits({ query: "ASK", boolean: true }).bar, null);
  // Two numeric columns: the last is the value, the other the category.
  assert.deepEqual(fits(answer(["year", "n"], [[int(2020), int(3)]])).bar, { category: 0, value: 1 });
});

const names = { nameOf: (t) => (t ? t.value.replace(B, "") : ""), kindOf: (v) => (v.startsWith(B) ? "Body" : "Other") };

test("the bars are named and measured by their row", () => {
  const r = answer(["body", "count"], [[iri(B + "rats"), int(12)], [iri(B + "x"), null]]);
  assert.deepEqual(barData(r, { category: 0, value: 1 }, names.nameOf), { names: ["rats", "x"], values: [12, 0] });
});

test("the network sums the weights of each pair and of each node, without loops", () => {
  const r = answer(["a", "b", "n"], [
    [iri(B + "a"), iri(B + "b"), int(3)],
    [iri(B + "a"), iri(B + "b"), int(2)],
    [iri(B + "a"), iri("https://example.org/c"), null],
    [iri(B + "a"), iri(B + "a"), int(9)],
    [iri(B + "a"), null, int(9)],
  ]);
  const g = networkData(r, { a: 0, b: 1, weight: 2 }, names);
  assert.deepEqual(g.nodes.map((n) => [n.name, n.value, n.category]), [["a", 6, 0], ["b", 5, 0], ["https://example.org/c", 1, 1]]);
  assert.deepEqual(g.links, [
    { source: B + "a", target: B + "b", value: 5 },
    { source: B + "a", target: "https://example.org/c", value: 1 },
  ]);
  assert.deepEqual(g.categories, ["Body", "Other"]);
  assert.equal(g.maxValue, 6);
  assert.equal(g.maxLink, 5);
  assert.equal(g.named.size, 3);
  // Unweighted: each row counts one.
  const plain = networkData(r, { a: 0, b: 1, weight: -1 }, names);
  assert.equal(plain.links[0].value, 2);
});

test("a large network names only its thirty busiest nodes", () => {
  const rows = Array.from({ length: 45 }, (_, i) => [iri(B + "hub"), iri(B + "n" + i), int(i + 1)]);
  const g = networkData(answer(["a", "b", "n"], rows), { a: 0, b: 1, weight: 2 }, names);
  assert.equal(g.nodes.length, 46);
  assert.equal(g.named.size, 30);
  assert.ok(g.named.has(B + "hub"));
  assert.ok(g.named.has(B + "n44"));
  assert.ok(!g.named.has(B + "n0"));
});

test("the timeline's items and the whole years it spans", () => {
  const r = answer(["doc", "day", "note"], [
    [iri(B + "d1"), date("2019-06-14"), text("signed")],
    [iri(B + "d2"), date("2021-01-01"), null],
    [iri(B + "d3"), null, text("undated")],
  ]);
  const { items, from, to } = timelineData(r, { date: 1, name: 0 }, names.nameOf);
  assert.deepEqual(items, [
    { value: [0, Date.UTC(2019, 5, 14)], name: "d1", date: "2019-06-14", others: ["?note signed"] },
    { value: [0, Date.UTC(2021, 0, 1)], name: "d2", date: "2021-01-01", others: [] },
  ]);
  assert.equal(from, Date.UTC(2019, 0, 1));
  assert.equal(to, Date.UTC(2022, 0, 1));
});

test("labels are spread one gap apart, in order, each as high as it may be", () => {
  assert.deepEqual(spread([100, 100, 100], 20), [100, 120, 140]);
  assert.deepEqual(spread([50, 10, 15, 200], 20), [50, 10, 30, 200]);
  assert.deepEqual(spread([0, 5, 60], 20), [0, 20, 60]);
  assert.deepEqual(spread([], 20), []);
});
