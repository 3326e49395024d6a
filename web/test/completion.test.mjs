import assert from "node:assert/strict";
import { test } from "node:test";

import {
  extensionHints, matchTerms, PLACEHOLDER, placeholderIn, queryContext, resourceToken,
} from "../lib/completion.mjs";
import { prefixTable } from "../lib/prefixes.mjs";
import { BASE, EXTENSIONS, live, PREFIXES, TYPES } from "./fixture.mjs";

const SCO = PREFIXES.sco;
const table = prefixTable(PREFIXES, { base: BASE, types: TYPES });

const term = (local, label) => ({ iri: SCO + local, curie: "sco:" + local, label });
const TERMS = [
  term("executor", "исполнитель"),
  term("participant", "участник"),
  term("number", "номер"),
  term("text", "текст"),
  term("executorOf", null),
  { iri: PREFIXES.skos + "prefLabel", curie: "skos:prefLabel", label: null },
  { iri: "https://example.org/x", curie: "<https://example.org/x>", label: "исполнитель извне" },
];
const texts = (found) => found.map((f) => f.text);

test("terms are found by compact name, local name and label", () => {
  assert.deepEqual(texts(matchTerms(TERMS, "sco:exec", table)), ["sco:executor", "sco:executorOf"]);
  assert.deepEqual(texts(matchTerms(TERMS, "exec", table)), ["sco:executor", "sco:executorOf"]);
  // A label matches anywhere in it, after the names.
  assert.deepEqual(texts(matchTerms(TERMS, "sco:испол", table)), ["sco:executor"]);
  assert.deepEqual(texts(matchTerms(TERMS, "испол", table)), ["<https://example.org/x>", "sco:executor"]);
  assert.deepEqual(texts(matchTerms(TERMS, "нит", table)), ["<https://example.org/x>", "sco:executor"]);
  assert.deepEqual(texts(matchTerms(TERMS, "skos:pref", table)), ["skos:prefLabel"]);
  assert.deepEqual(texts(matchTerms(TERMS, "rdfs:", table)), []);
  // The whole vocabulary of a prefix, alphabetically.
  assert.deepEqual(texts(matchTerms(TERMS, "sco:", table)),
    ["sco:executor", "sco:executorOf", "sco:number", "sco:participant", "sco:text"]);
  const found = matchTerms(TERMS, "sco:num", table)[0];
  assert.equal(found.term.label, "номер");
});

test("terms are found by IRI", () => {
  assert.deepEqual(texts(matchTerms(TERMS, "<" + SCO + "exe", table)), ["<" + SCO + "executor>", "<" + SCO + "executorOf>"]);
  assert.deepEqual(texts(matchTerms(TERMS, "<" + SCO + "number>", table)), ["<" + SCO + "number>"]);
});

test("at most fifty terms", () => {
  const many = Array.from({ length: 80 }, (_, i) => term("p" + String(i).padStart(2, "0"), null));
  const found = matchTerms(many, "sco:p", table);
  assert.equal(found.length, 50);
  assert.equal(found[0].text, "sco:p00");
});

test("a resource name is the entity lookup's, with its prefix's type", () => {
  assert.deepEqual(resourceToken("body:secretar", table), { prefix: "body", words: "secretar", type: "body" });
  assert.deepEqual(resourceToken("state:in", table), { prefix: "state", words: "in", type: "state" });
  assert.deepEqual(resourceToken("id:sco_secretariat-of", table), { prefix: "id", words: "sco secretariat of", type: null });
  assert.deepEqual(resourceToken("measure:", table), { prefix: "measure", words: "", type: "measure" });
  assert.equal(resourceToken("sco:exec", table), null);
  assert.equal(resourceToken("body", table), null);
  assert.equal(resourceToken(":x", table), null);
  assert.equal(resourceToken("?body", table), null);
  // Not a class or property to complete.
  assert.deepEqual(matchTerms(TERMS, "body:sec", table), []);
});

test("the context tells expressions from patterns", () => {
  const cases = [
    ["SELECT (", "expression"],
    ["SELECT ?n (", "expression"],
    ["SELECT * WHERE { ?m sco:number ?n FILTER(", "expression"],
    ["SELECT * WHERE { ?m sco:number ?n FILTER(?n > 3 && ", "expression"],
    ["SELECT * WHERE { ?m sco:number ?n FILTER ", "expression"],
    ["SELECT * WHERE { ?m sco:executor ?e BIND(", "expression"],
    ["SELECT * WHERE { ?m sco:number ?n } ORDER BY ", "expression"],
    ["SELECT * WHERE { ?m sco:number ?n } ORDER BY ?n ", "expression"],
    ["SELECT * WHERE { ?m sco:number ?n } ORDER BY DESC(?n) ", "expression"],
    ["SELECT * WHERE { ?m sco:number ?n } GROUP BY ?n HAVING ", "expression"],
    ["SELECT * WHERE {\n  ", "pattern"],
    ["SELECT * WHERE { ?m a sco:Measure . ", "pattern"],
    ["SELECT * WHERE { OPTIONAL { ?m sco:number ?n } ", "pattern"],
    ["SELECT * WHERE { ?m sco:number ?n FILTER(?n > 3) ", "pattern"],
    ["SELECT * WHERE { ?m sco:number ?n FILTER regex(?n, \"1\") ", "pattern"],
    ["SELECT * WHERE { BIND(1 AS ?x) ", "pattern"],
    ["SELECT * WHERE { VALUES ?x { 1 2 } ", "pattern"],
    ["SELECT * WHERE { FILTER NOT EXISTS { ", "pattern"],
    ["PREFIX sco: <https://w3id.org/sco-kg/ontology#>\nSELECT * WHERE { ?m a sco:Measure .\n  ", "pattern"],
    ["SELECT * WHERE { ", "pattern"],
    ["SELECT * WHERE { SERVICE ", "service"],
    ["SELECT * WHERE { SERVICE SILENT ", "service"],
    ["SELECT * WHERE { ?m ", null],
    ["SELECT * WHERE { ?m a ", null],
    ["SELECT * WHERE { ?m a sco:Measure ; ", null],
    ["SELECT * WHERE { ?m sco:number ?n } ORDER BY ?n LIMIT ", null],
    ["CONSTRUCT { ", null],
    ["CONSTRUCT { ?s ?p ?o } WHERE { ", "pattern"],
    ["CONSTRUCT WHERE { ", "pattern"],
    ["SELECT * WHERE { VALUES ?x { ", null],
    ["SELECT * WHERE { VALUES (?x ?y) { ", null],
    ["PREFIX ", null],
    ["SELECT ", null],
    ["", null],
  ];
  for (const [before, expected] of cases) assert.equal(queryContext(before), expected, JSON.stringify(before));
});

test("strings, IRIs and comments are not read as brackets", () => {
  assert.equal(queryContext('SELECT * WHERE { ?m sco:text "a { b . ( c" . '), "pattern");
  assert.equal(queryContext("SELECT * WHERE { ?m sco:text '''a\n}\n( ''' . "), "pattern");
  assert.equal(queryContext("SELECT * WHERE { ?m sco:text \"a \\\" ( \" . "), "pattern");
  assert.equal(queryContext("SELECT * WHERE { <https://example.org/a(b> ?p ?o . "), "pattern");
  assert.equal(queryContext("SELECT * WHERE { # a comment (\n  "), "pattern");
  assert.equal(queryContext("SELECT * WHERE { ?n sco:number ?x FILTER(?x < 3 && ?x > (1) "), "expression");
  // Inside a string or a comment nothing is offered.
  assert.equal(queryContext('SELECT * WHERE { ?m sco:text "a '), null);
  assert.equal(queryContext("SELECT * WHERE { # ( "), null);
});

const hints = (before, typed) => extensionHints(before, typed, EXTENSIONS, table);
const SERVICE = 'SERVICE sco:search { ?e sco:query "…" ; sco:score ?score }';

test("sco:label( is offered where an expression may stand", () => {
  for (const typed of ["sco:l", "sco:lab", "sco:label", "lab", "LAB", "sc"]) {
    const found = hints("SELECT ?n (", typed);
    assert.deepEqual(found.map((h) => h.text), ["sco:label("], typed);
    assert.equal(found[0].kind, "function");
    assert.equal(found[0].extension, EXTENSIONS.function);
  }
  assert.deepEqual(hints("SELECT * WHERE { ?m sco:number ?n } ORDER BY ", "sco:la").map((h) => h.text), ["sco:label("]);
  // Too little typed, another word, a variable, a string.
  for (const typed of ["s", "la", "sco:n", "str", "?lab", '"lab', ""]) {
    assert.deepEqual(hints("SELECT ?n (", typed), [], typed);
  }
  // Not as a predicate or object, nor in a pattern.
  assert.deepEqual(hints("SELECT * WHERE { ?m ", "sco:l"), []);
  assert.deepEqual(hints("SELECT * WHERE { ", "sco:l"), []);
});

test("SERVICE sco:search { … } is offered where a pattern may start", () => {
  for (const typed of ["SER", "serv", "SERVICE", "sco:s", "sco:search", "sear"]) {
    const found = hints("SELECT * WHERE {\n  ", typed);
    assert.deepEqual(found.map((h) => h.text), [SERVICE], typed);
    assert.equal(found[0].kind, "service");
    assert.equal(found[0].extension, EXTENSIONS.service);
  }
  assert.deepEqual(hints("SELECT * WHERE { ?m a sco:Measure . ", "serv").map((h) => h.text), [SERVICE]);
  // Right after SERVICE, only its IRI and pattern.
  assert.deepEqual(hints("SELECT * WHERE { SERVICE ", "sco:").map((h) => h.text),
    ['sco:search { ?e sco:query "…" ; sco:score ?score }']);
  assert.deepEqual(hints("SELECT * WHERE { SERVICE ", "s").map((h) => h.text),
    ['sco:search { ?e sco:query "…" ; sco:score ?score }']);
  // Not where a predicate or object goes, not in an expression, not for other words.
  assert.deepEqual(hints("SELECT * WHERE { ?m a sco:Measure ; ", "serv"), []);
  assert.deepEqual(hints("SELECT * WHERE { ?m ", "sco:s"), []);
  assert.deepEqual(hints("SELECT (", "serv"), []);
  assert.deepEqual(hints("SELECT * WHERE { ", "se"), []);
  assert.deepEqual(hints("SELECT * WHERE { ", "select"), []);
  assert.deepEqual(hints("SELECT * WHERE { SERVICE ", "body:"), []);
});

test("the completions use the table's prefixes, and IRIs where it has none", () => {
  const bare = prefixTable({ rdf: PREFIXES.rdf });
  const [service] = extensionHints("SELECT * WHERE { ", "SERVICE", EXTENSIONS, bare);
  assert.equal(service.text, "SERVICE <" + SCO + 'search> { ?e <' + SCO + 'query> "…" ; <' + SCO + "score> ?score }");
  assert.deepEqual(extensionHints("SELECT (", "label", EXTENSIONS, bare).map((h) => h.text), ["<" + SCO + "label>("]);
  assert.deepEqual(extensionHints("SELECT (", "sco:l", undefined, table), []);
});

test("the placeholder of the search is found for the words to replace it", () => {
  const at = placeholderIn(SERVICE);
  assert.deepEqual(at, [SERVICE.indexOf('"…"') + 1, SERVICE.indexOf('"…"') + 2]);
  assert.equal(SERVICE.slice(...at), PLACEHOLDER);
  assert.equal(placeholderIn("sco:label("), null);
});

test("the server's extensions are described in the page's language", (t) => {
  const config = live();
  if (!config) {
    t.skip("SCO_KG_WORKBENCH_CONFIG is set by tests/workbench_js.rs");
    return;
  }
  const served = prefixTable(config.prefixes, { base: config.base, types: config.types });
  for (const [lang, extensions] of Object.entries(config.extensions)) {
    const [fn] = extensionHints("SELECT ?n (", "sco:l", extensions, served);
    assert.equal(fn.text, "sco:label(", lang);
    assert.ok(fn.extension.label && fn.extension.definition, lang);
    const [service] = extensionHints("SELECT * WHERE { ", "SERVICE", extensions, served);
    assert.equal(service.text, SERVICE, lang);
    assert.ok(service.extension.label && service.extension.definition.includes("sco:search"), lang);
  }
});
