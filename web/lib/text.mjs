// Text helpers of the workbench: messages with placeholders, HTML escaping, shortening, and
// the brief form of a definition shown beside a completion.

/** A message with its `{placeholders}` filled in; unknown ones are left as written. */
export function say(text, values) {
  const known = values || {};
  return text.replace(/\{(\w+)\}/g, (all, key) => (Object.hasOwn(known, key) ? String(known[key]) : all));
}

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to put in HTML (ECharts' tooltips are HTML). */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** At most `max` characters, the last one an ellipsis when the text was cut. */
export function shorten(text, max) {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max - 1).join("") + "…" : text;
}

/**
 * The gist of a definition of the ontology, for a line of completion: what follows the name
 * ("sco:label(?x): the label…" → "the label…"), up to the first semicolon, without the
 * parenthesised asides, at most `max` characters. The definitions are written in Russian,
 * English and Chinese, with ASCII or full-width punctuation.
 */
export function brief(definition, max = 100) {
  let text = String(definition || "").trim();
  const colon = text.search(/:\s|：/);
  if (colon >= 0) text = text.slice(colon + (text[colon] === "：" ? 1 : 2));
  const end = text.search(/;\s|；/);
  if (end >= 0) text = text.slice(0, end);
  // Asides, innermost first: "(the same index (and ranking))".
  let before;
  do {
    before = text;
    text = text.replace(/\s*[(（][^()（）]*[)）]/g, "");
  } while (text !== before);
  text = text.replace(/\s+/g, " ").replace(/[.。]$/, "").trim();
  return shorten(text, max);
}
