import assert from "node:assert/strict";
import { test } from "node:test";

import { brief, escapeHtml, say, shorten } from "../lib/text.mjs";

test("say fills the placeholders it is given and leaves the others", () => {
  assert.equal(say("{rows} rows in {ms} ms", { rows: "1 234", ms: 56 }), "1 234 rows in 56 ms");
  assert.equal(say("{rows} of {shown}", { rows: 3 }), "3 of {shown}");
  assert.equal(say("no {values}"), "no {values}");
  // Inherited properties are no values.
  assert.equal(say("{toString}", {}), "{toString}");
});

test("escapeHtml leaves no markup", () => {
  assert.equal(escapeHtml('<img src=x onerror="a()">&\''), "&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;&#39;");
  assert.equal(escapeHtml(42), "42");
});

test("shorten cuts at a number of characters, not UTF-16 units", () => {
  assert.equal(shorten("Secretariat", 20), "Secretariat");
  assert.equal(shorten("Secretariat", 6), "Secre…");
  assert.equal(shorten("上海合作组织秘书处", 5), "上海合作…");
  assert.equal(shorten("𝐀𝐁𝐂𝐃", 3), "𝐀𝐁…");
});

test("brief keeps what a definition says after its name, up to the first semicolon, without asides", () => {
  assert.equal(
    brief('The SPARQL function sco:label(?x) or sco:label(?x, "zh"): the skos:prefLabel of the resource ' +
      "in the language given, else in the next of its fallback chain (zh → en → ru, en → ru → zh); " +
      'without a language, as "en".'),
    "the skos:prefLabel of the resource in the language given, else in the next of its fallback chain",
  );
  assert.equal(
    brief('SERVICE sco:search { ?e sco:query "…" ; sco:score ?s }：在SPARQL查询中检索实体，与搜索页面和 /api/lookup 相同' +
      "（同一索引、同一排序）；由本端点自身应答。"),
    "在SPARQL查询中检索实体，与搜索页面和 /api/lookup 相同",
  );
  assert.equal(brief("Plain words (with (nested) asides)."), "Plain words");
  assert.equal(brief(""), "");
  assert.equal(brief(undefined), "");
  const long = brief("x: " + "word ".repeat(40), 30);
  assert.equal(Array.from(long).length, 30);
  assert.ok(long.endsWith("…"));
});
