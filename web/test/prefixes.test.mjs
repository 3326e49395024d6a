import assert from "node:assert/strict";
import { test } from "node:test";

import { prefixTable } from "../lib/prefixes.mjs";
import { BASE, live, PREFIXES, TYPES } from "./fixture.mjs";

const SCO = PREFIXES.sco;
const table = prefixTable(PREFIXES, { base: BASE, types: TYPES });

test("compact names an IRI by the prefix of the longest namespace", () => {
  assert.equal(table.compact(SCO + "executor"), "sco:executor");
  assert.equal(table.compact(BASE + "plan/2021-2025/measure/14"), "measure:14");
  assert.equal(table.compact(BASE + "plan/2021-2025/section/3"), "section:3");
  assert.equal(table.compact(BASE + "plan/2021-2025"), "plan:2021-2025");
  assert.equal(table.compact(BASE + "body/sco-secretariat"), "body:sco-secretariat");
  assert.equal(table.compact(BASE + "decision/2020/1"), "decision:1");
  assert.equal(table.compact(SCO), "sco:");
});

test("compact keeps the IRI whole when no local name can be written plainly", () => {
  // A slash is not written unescaped in a local name: the shorter namespace cannot take it.
  assert.equal(table.compact(BASE + "plan/2021-2025/measure/14/part/2"), "<" + BASE + "plan/2021-2025/measure/14/part/2>");
  assert.equal(table.compact(SCO + "a."), "<" + SCO + "a.>");
  assert.equal(table.compact("https://example.org/x"), "<https://example.org/x>");
  assert.equal(table.compact("urn:x"), "<urn:x>");
});

test("the table reads pairs as well as the JSON object, in its order", () => {
  const pairs = prefixTable(Object.entries(PREFIXES), { base: BASE, types: TYPES });
  assert.deepEqual(pairs.entries, table.entries);
  assert.deepEqual(table.entries.slice(0, 2), [["sco", SCO], ["rdf", PREFIXES.rdf]]);
  assert.equal(table.namespace("measure"), BASE + "plan/2021-2025/measure/");
  assert.equal(table.namespace("nope"), undefined);
});

test("declarations and the prologue declare every prefix", () => {
  const declarations = table.declarations();
  assert.equal(declarations.length, Object.keys(PREFIXES).length);
  assert.equal(declarations[0], "sco: <" + SCO + ">");
  const prologue = table.prologue();
  assert.ok(prologue.startsWith("PREFIX sco: <" + SCO + ">\nPREFIX rdf: "));
  assert.ok(prologue.endsWith("PREFIX measure: <" + BASE + "plan/2021-2025/measure/>\n"));
});

test("the resource prefixes are those under the base, each of its lookup type", () => {
  assert.deepEqual(table.resourcePrefixes(), [
    "id", "state", "body", "document", "place", "initiative", "plan", "decision", "section", "measure",
  ]);
  assert.ok(table.isResourcePrefix("body"));
  assert.ok(!table.isResourcePrefix("sco"));
  assert.equal(table.typeOf("body").class, SCO + "Body");
  assert.equal(table.typeOf("state").type, "state");
  assert.equal(table.typeOf("id"), null);
  assert.equal(table.typeOf("sco"), null);
  // Without a base nothing names resources.
  assert.deepEqual(prefixTable(PREFIXES).resourcePrefixes(), []);
});

test("kindOf finds a resource's type by its longest resource namespace", () => {
  assert.equal(table.kindOf(BASE + "plan/2021-2025/measure/14").type, "measure");
  assert.equal(table.kindOf(BASE + "plan/2021-2025/section/2").type, "section");
  assert.equal(table.kindOf(BASE + "plan/2021-2025").type, "plan");
  assert.equal(table.kindOf(BASE + "state/in").class, SCO + "MemberState");
  assert.equal(table.kindOf(BASE + "initiative/x").class, SCO + "NamedInitiative");
  assert.equal(table.kindOf(BASE + "decision/2020/1").type, "decision");
  // Under id: alone, the namespace itself, or outside the graph: no type.
  assert.equal(table.kindOf(BASE + "source"), null);
  assert.equal(table.kindOf(BASE + "body/"), null);
  assert.equal(table.kindOf(SCO + "Body"), null);
});

test("the server's live table compacts each of its namespaces to its own prefix", (t) => {
  const config = live();
  if (!config) {
    t.skip("SCO_KG_WORKBENCH_CONFIG is set by tests/workbench_js.rs");
    return;
  }
  const served = prefixTable(config.prefixes, { base: config.base, types: config.types });
  assert.deepEqual(served.entries, Object.entries(PREFIXES), "the fixture is the server's table");
  for (const [prefix, namespace] of served.entries) {
    assert.equal(served.compact(namespace + "x1"), prefix + ":x1");
  }
  // Every resource prefix but id: finds one type of the lookup.
  for (const prefix of served.resourcePrefixes()) {
    if (prefix !== "id") assert.equal(served.typeOf(prefix).type, prefix);
  }
  assert.deepEqual(config.types, TYPES);
});
