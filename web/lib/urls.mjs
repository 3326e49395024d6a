// The URLs the workbench builds: where a query is sent, where its answer is downloaded, what
// the entity completion asks /api/lookup, and the permalink of a loaded example.

/** Where a query is posted: `?lang=` asks the server to word its refusals in the page's language. */
export function runHref(endpoint, lang) {
  return endpoint + "?" + new URLSearchParams({ lang });
}

/** A download of the answer to `query` in a `format` of the endpoint (csv, tsv, json, turtle…). */
export function downloadHref(endpoint, query, format) {
  return endpoint + "?" + new URLSearchParams({ query, format });
}

/** The entity lookup of `words` in `lang`, of one `type` (or any when null), `limit` hits. */
export function lookupHref(lookup, { words, lang, type = null, limit = 15 }) {
  const params = new URLSearchParams({ q: words, lang, limit: String(limit) });
  if (type) params.set("type", type);
  return lookup + "?" + params;
}

/**
 * The permalink of an example: `href` (the page's own URL, or a link of the language switch)
 * with `?example={id}` and without a `query=` it may hold, its other parameters kept.
 */
export function withExample(href, id) {
  const url = new URL(href);
  url.searchParams.delete("query");
  url.searchParams.set("example", id);
  return url.toString();
}
