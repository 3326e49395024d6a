// The terms of an answer (SPARQL JSON results: {type, value, datatype, "xml:lang"}): numbers,
// dates, names and where a link to one may go.

export const XSD = "http://www.w3.org/2001/XMLSchema#";

const NUMERIC = new Set(
  ["integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
    "unsignedShort", "unsignedByte"].map((t) => XSD + t),
);
const DATES = new Set(["date", "dateTime", "gYear", "gYearMonth"].map((t) => XSD + t));
const DATE_TEXT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A literal of a numeric datatype whose text is a number. */
export function isNumeric(term) {
  return Boolean(term) && term.type === "literal" && NUMERIC.has(term.datatype) && term.value.trim() !== "" &&
    !isNaN(Number(term.value));
}

/**
 * The time of a date (`xsd:date`, `dateTime`, `gYear`, `gYearMonth`, or a plain string
 * "2021", "2021-06", "2021-06-15"): `{time, precision}`, the time in milliseconds (UTC) of its
 * first day and the precision 1 (year), 2 (month) or 3 (day); null for anything else.
 */
export function dateOf(term) {
  if (!term || term.type !== "literal") return null;
  const typed = DATES.has(term.datatype);
  const plain = !term.datatype || term.datatype === XSD + "string";
  if (!typed && !plain) return null;
  const match = DATE_TEXT.exec(term.value.slice(0, 10));
  if (!match || (plain && term.value.length > 10)) return null;
  const [, year, month, day] = match;
  return {
    time: Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1),
    precision: day ? 3 : month ? 2 : 1,
  };
}

/**
 * What a term is called in a view: an IRI's label (`label(iri)`), else its compact form
 * (`compact(iri)`); a blank node's label; a literal's text.
 */
export function nameOf(term, { label, compact }) {
  if (!term) return "";
  if (term.type === "uri") return label(term.value) || compact(term.value);
  if (term.type === "bnode") return "_:" + term.value;
  return term.value;
}

/** The page of a resource of the graph (`base` + path → `pages` + path + `?lang=`), or null. */
export function pageOf(iri, { base, pages, lang }) {
  return iri.startsWith(base) ? pages + iri.slice(base.length) + "?lang=" + lang : null;
}

/**
 * Where a link to an IRI of an answer may go: its page, or the IRI itself when it is an
 * http: or https: URL; null for anything else. An answer is anyone's text (BIND(IRI(…)) makes
 * any IRI), and a "javascript:" or "data:" IRI made a link would run script in the page.
 */
export function linkOf(iri, site) {
  const page = pageOf(iri, site);
  if (page) return page;
  let url;
  try {
    url = new URL(iri);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/**
 * Whether a literal's language tag is worth showing on a page in `lang`: not when it is the
 * page's own (any Chinese tag on a Chinese page).
 */
export function showsLang(tag, lang) {
  return Boolean(tag) && tag !== lang && !(lang === "zh" && tag.startsWith("zh"));
}
