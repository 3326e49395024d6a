import assert from "node:assert/strict";
import { test } from "node:test";

import { dateOf, isNumeric, linkOf, nameOf, pageOf, showsLang, XSD } from "../lib/terms.mjs";

const lit = (value, datatype) => ({ type: "literal", value, datatype });
const site = { base: "https://w3id.org/sco-kg/id/", pages: "http://localhost:8080/page/", lang: "zh" };

test("numbers are literals of a numeric datatype that read as numbers", () => {
  assert.ok(isNumeric(lit("12", XSD + "integer")));
  assert.ok(isNumeric(lit("-1.5e3", XSD + "double")));
  assert.ok(isNumeric(lit("7", XSD + "unsignedByte")));
  assert.ok(!isNumeric(lit("12", XSD + "string")));
  assert.ok(!isNumeric(lit("12")));
  assert.ok(!isNumeric(lit("twelve", XSD + "integer")));
  assert.ok(!isNumeric(lit("", XSD + "integer")));
  assert.ok(!isNumeric({ type: "uri", value: "12" }));
  assert.ok(!isNumeric(null));
});

test("dates are typed dates or plain texts of a year, month or day", () => {
  assert.deepEqual(dateOf(lit("2021-06-15", XSD + "date")), { time: Date.UTC(2021, 5, 15), precision: 3 });
  assert.deepEqual(dateOf(lit("2021-06-15T10:00:00Z", XSD + "dateTime")), { time: Date.UTC(2021, 5, 15), precision: 3 });
  assert.deepEqual(dateOf(lit("2021", XSD + "gYear")), { time: Date.UTC(2021, 0, 1), precision: 1 });
  assert.deepEqual(dateOf(lit("2021-06", XSD + "gYearMonth")), { time: Date.UTC(2021, 5, 1), precision: 2 });
  assert.deepEqual(dateOf(lit("2020")), { time: Date.UTC(2020, 0, 1), precision: 1 });
  assert.deepEqual(dateOf(lit("2020-11-10", XSD + "string")), { time: Date.UTC(2020, 10, 10), precision: 3 });
  // Longer plain text is no date; numbers are not dates; nor are IRIs.
  assert.equal(dateOf(lit("2020-11-10 in Moscow")), null);
  assert.equal(dateOf(lit("2020", XSD + "integer")), null);
  assert.equal(dateOf(lit("June 2020")), null);
  assert.equal(dateOf({ type: "uri", value: "2020" }), null);
  assert.equal(dateOf(undefined), null);
});

test("a term is named by its label, its compact form, or its text", () => {
  const names = { label: (iri) => (iri === "x:a" ? "Эй" : undefined), compact: (iri) => "<" + iri + ">" };
  assert.equal(nameOf({ type: "uri", value: "x:a" }, names), "Эй");
  assert.equal(nameOf({ type: "uri", value: "x:b" }, names), "<x:b>");
  assert.equal(nameOf({ type: "bnode", value: "b0" }, names), "_:b0");
  assert.equal(nameOf(lit("text"), names), "text");
  assert.equal(nameOf(null, names), "");
});

test("a resource of the graph links to its page, other http(s) IRIs to themselves, nothing else", () => {
  const rats = "https://w3id.org/sco-kg/id/body/rats";
  assert.equal(pageOf(rats, site), "http://localhost:8080/page/body/rats?lang=zh");
  assert.equal(linkOf(rats, site), "http://localhost:8080/page/body/rats?lang=zh");
  assert.equal(pageOf("http://www.wikidata.org/entity/Q1", site), null);
  assert.equal(linkOf("http://www.wikidata.org/entity/Q1", site), "http://www.wikidata.org/entity/Q1");
  assert.equal(linkOf("HTTPS://Example.org/a b", site), "https://example.org/a%20b");
  for (const iri of ["javascript:alert(1)", "data:text/html,<script>", "urn:isbn:1", "mailto:a@b", "not an iri"]) {
    assert.equal(linkOf(iri, site), null, iri);
  }
});

test("a language tag is shown unless it is the page's", () => {
  assert.ok(showsLang("ru", "en"));
  assert.ok(!showsLang("en", "en"));
  assert.ok(!showsLang("zh-Hans", "zh"));
  assert.ok(showsLang("zh", "ru"));
  assert.ok(!showsLang(undefined, "en"));
  assert.ok(!showsLang("", "en"));
});
