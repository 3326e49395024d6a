import assert from "node:assert/strict";
import { test } from "node:test";

import { downloadHref, lookupHref, runHref, withExample } from "../lib/urls.mjs";

const ENDPOINT = "http://localhost:8080/sparql";

test("a query runs with the page's language", () => {
  assert.equal(runHref(ENDPOINT, "zh"), ENDPOINT + "?lang=zh");
});

test("downloads carry the query and the format, encoded", () => {
  const href = downloadHref(ENDPOINT, "SELECT * WHERE { ?s ?p \"a&b=c\" } # 100%", "csv");
  const url = new URL(href);
  assert.equal(url.origin + url.pathname, ENDPOINT);
  assert.equal(url.searchParams.get("query"), "SELECT * WHERE { ?s ?p \"a&b=c\" } # 100%");
  assert.equal(url.searchParams.get("format"), "csv");
  assert.ok(!href.includes(" ") && !href.includes("#"));
});

test("the lookup asks for the words, the language, the type and a limit", () => {
  const href = lookupHref("http://localhost:8080/api/lookup", { words: "secretariat of", lang: "ru", type: "body" });
  const url = new URL(href);
  assert.deepEqual(Object.fromEntries(url.searchParams), { q: "secretariat of", lang: "ru", limit: "15", type: "body" });
  const any = new URL(lookupHref("/api/lookup", { words: "x", lang: "en", limit: 5 }), "http://h");
  assert.deepEqual(Object.fromEntries(any.searchParams), { q: "x", lang: "en", limit: "5" });
});

test("an example's permalink keeps the other parameters and drops a query", () => {
  assert.equal(
    withExample("http://localhost:8080/query?lang=ru&query=SELECT%201", "05-documents-by-year"),
    "http://localhost:8080/query?lang=ru&example=05-documents-by-year",
  );
  assert.equal(
    withExample("http://localhost:8080/query?example=01&lang=zh#top", "02"),
    "http://localhost:8080/query?example=02&lang=zh#top",
  );
  assert.equal(withExample("https://h/query", "a b"), "https://h/query?example=a+b");
});
