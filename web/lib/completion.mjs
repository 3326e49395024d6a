// What the editor's completion offers, decided from the text alone: the ontology's classes
// and properties by compact name, local name or label; the resource prefixes whose names the
// entity lookup completes; and our two SPARQL extensions, `sco:label(` where an expression
// may stand and `SERVICE sco:search { … }` where a graph pattern may.

/** Where the completion of the search service leaves the text to be replaced. */
export const PLACEHOLDER = "…";

/**
 * A resource name being typed, `body:secretar`: its prefix, the words to look up (hyphens and
 * underscores are spaces) and the lookup type of the prefix (null for any). Null when the
 * text does not start with a resource prefix of `table`.
 */
export function resourceToken(typed, table) {
  const text = String(typed || "").trim();
  const colon = text.indexOf(":");
  if (colon <= 0 || text.includes("\n")) return null;
  const prefix = text.slice(0, colon);
  if (!table.isResourcePrefix(prefix)) return null;
  const type = table.typeOf(prefix);
  return {
    prefix,
    words: text.slice(colon + 1).replace(/[-_]+/g, " ").trim(),
    type: type ? type.type : null,
  };
}

/**
 * Terms (`{iri, curie, label}`) whose compact form, local name or label starts with (or, for
 * labels, contains) what was typed: "sco:exe", "exe", "sco:испол" all find sco:executor;
 * `<https://…` finds by IRI. Names first, then labels, each alphabetically; at most 50.
 * Nothing for a resource name, which the entity lookup completes.
 */
export function matchTerms(terms, typed, table) {
  let text = String(typed || "").trim();
  if (resourceToken(text, table)) return [];
  if (text.startsWith("<")) {
    const iri = text.slice(1).replace(/>$/, "");
    return terms.filter((t) => t.iri.startsWith(iri)).map((t) => ({ text: "<" + t.iri + ">", term: t }));
  }
  let prefix = null;
  const colon = text.indexOf(":");
  if (colon >= 0) {
    prefix = text.slice(0, colon);
    text = text.slice(colon + 1);
  }
  const needle = text.toLowerCase();
  const found = [];
  for (const term of terms) {
    const curie = term.curie;
    const split = curie.includes(":") && !curie.startsWith("<") ? curie.indexOf(":") : -1;
    const termPrefix = split >= 0 ? curie.slice(0, split) : null;
    const local = split >= 0 ? curie.slice(split + 1) : curie;
    if (prefix !== null && termPrefix !== prefix) continue;
    const byName = local.toLowerCase().startsWith(needle);
    const byLabel = needle !== "" && Boolean(term.label) && term.label.toLowerCase().includes(needle);
    if (byName || byLabel) found.push({ text: curie, term, rank: byName ? 0 : 1 });
  }
  found.sort((a, b) => a.rank - b.rank || a.text.localeCompare(b.text));
  return found.slice(0, 50).map(({ text: t, term }) => ({ text: t, term }));
}

// ------------------------------------------------------------------ where the cursor is

// The tokens of SPARQL text, enough to tell where the cursor stands: strings, IRIs and
// comments are skipped whole, brackets and punctuation are tokens, words are names, variables,
// keywords and numbers.
const WORD = /^[?$]?[\p{L}\p{N}_\-:]+(?:\.[\p{L}\p{N}_\-:]+)*/u;
const IRI = /^<[^<>"{}|^`\\\s]*>/;

function* tokens(text) {
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "#") {
      const end = text.indexOf("\n", i);
      if (end < 0) {
        yield { kind: "open-comment" };
        return;
      }
      i = end + 1;
    } else if (c === '"' || c === "'") {
      const long = text.startsWith(c.repeat(3), i);
      const quote = long ? c.repeat(3) : c;
      let j = i + quote.length;
      let closed = false;
      while (j < text.length) {
        if (text[j] === "\\") {
          j += 2;
        } else if (text.startsWith(quote, j)) {
          j += quote.length;
          closed = true;
          break;
        } else if (!long && text[j] === "\n") {
          break;
        } else {
          j++;
        }
      }
      if (!closed) {
        yield { kind: "open-string" };
        return;
      }
      yield { kind: "literal", text: text.slice(i, j) };
      i = j;
    } else if (c === "<" && IRI.test(text.slice(i, i + 2048))) {
      const iri = IRI.exec(text.slice(i, i + 2048))[0];
      yield { kind: "iri", text: iri };
      i += iri.length;
    } else {
      const word = WORD.exec(text.slice(i, i + 512));
      if (word) {
        yield { kind: "word", text: word[0], upper: word[0].toUpperCase() };
        i += word[0].length;
      } else {
        yield { kind: "punct", text: c };
        i++;
      }
    }
  }
}

/**
 * Where text typed after `before` (the query up to the word being typed) would stand:
 * "expression" (inside parentheses — FILTER(, BIND(, SELECT ( —, right after FILTER, or in
 * ORDER BY, GROUP BY, HAVING), "pattern" (where a triple or a SERVICE may start in a group:
 * after `{`, `.`, `}` or a FILTER's or BIND's closing parenthesis), "service" (right after
 * SERVICE, where its IRI goes), or null (a triple's predicate or object, a string, a comment,
 * a CONSTRUCT template, a VALUES block, the prologue).
 */
export function queryContext(before) {
  // Each open bracket with what it opened: "group" (a graph pattern), "data" (a CONSTRUCT
  // template or a VALUES block), "clause" (the parentheses of a FILTER or BIND in a group).
  const stack = [];
  let last = null; // the last token
  let lastClosed = null; // what the last `)` or `}` closed
  let topKeyword = null; // the last keyword outside every bracket
  let pending = null; // a keyword whose bracket comes next: CONSTRUCT, VALUES, FILTER, BIND
  for (const token of tokens(before)) {
    if (token.kind === "open-string" || token.kind === "open-comment") return null;
    const top = stack[stack.length - 1];
    if (token.kind === "word") {
      const word = token.upper;
      if (stack.length === 0 && /^[A-Z]+$/.test(word) && word !== "ASC" && word !== "DESC") topKeyword = word;
      if (word === "CONSTRUCT" || word === "VALUES") pending = "data";
      else if ((word === "FILTER" || word === "BIND") && (!top || top.kind === "group")) pending = "clause";
      // CONSTRUCT WHERE { … }: the short form's braces hold a pattern.
      else if (word === "WHERE" && pending === "data") pending = null;
    } else if (token.kind === "punct") {
      const c = token.text;
      if (c === "{") {
        const kind = pending === "data" ? "data" : "group";
        stack.push({ kind, open: "{" });
        pending = null;
      } else if (c === "(" || c === "[") {
        const kind = c === "(" && pending === "clause" && (!top || top.kind === "group") ? "clause" : "other";
        stack.push({ kind, open: c });
        if (c === "(" && pending === "clause") pending = null;
      } else if (c === "}" || c === ")" || c === "]") {
        const closed = stack.pop();
        lastClosed = closed ? closed.kind : null;
      }
    }
    last = token;
  }
  const top = stack[stack.length - 1];
  const is = (kind, text) => last && last.kind === kind && (text === undefined || last.text === text);
  if (last && last.kind === "word" && (last.upper === "SERVICE" || last.upper === "SILENT")) return "service";
  if (top && top.open === "(") return "expression";
  if (last && last.kind === "word" && ["FILTER", "BY", "HAVING"].includes(last.upper)) return "expression";
  // ORDER BY ?n |, ORDER BY DESC(?n) |: another condition may follow; not after LIMIT or
  // another keyword.
  const keyword = last && last.kind === "word" && /^[A-Z]+$/i.test(last.text);
  if (!top && (topKeyword === "BY" || topKeyword === "HAVING") && last && !keyword) return "expression";
  if (top && top.kind === "group") {
    if (is("punct", "{") || is("punct", ".") || is("punct", "}")) return "pattern";
    if (is("punct", ")") && lastClosed === "clause") return "pattern";
  }
  return null;
}

// ------------------------------------------------------------------ our extensions

// Whether `typed` begins `name`, case aside, by at least `least` characters.
function begins(name, typed, least) {
  return typed.length >= least && name.toLowerCase().startsWith(typed.toLowerCase());
}

/**
 * The completions of our extensions for the word `typed` after `before`: `sco:label(` where
 * an expression may stand, `SERVICE sco:search { ?e sco:query "…" ; sco:score ?score }` where a
 * graph pattern may (without `SERVICE` right after it). `extensions` are the server's:
 * `{function: {iri, …}, service: {iri, query, score, …}}` (IRIs; the texts use `table`'s
 * compact forms). Each completion is `{text, extension, kind}`, `kind` "function" or
 * "service"; the text is offered to what begins its compact name ("sco:l"), its local name
 * ("lab") or, for the service, the keyword SERVICE ("serv").
 */
export function extensionHints(before, typed, extensions, table) {
  const word = String(typed || "").trim();
  if (!word || /^[?$"'<]/.test(word) || !extensions) return [];
  const where = queryContext(before);
  if (!where) return [];
  const out = [];
  const fn = extensions.function;
  if (fn && where === "expression") {
    const name = table.compact(fn.iri);
    const local = fn.iri.replace(/^.*[#/]/, "");
    if (begins(name, word, 2) || begins(local, word, 3)) {
      out.push({ text: name + "(", extension: fn, kind: "function" });
    }
  }
  const service = extensions.service;
  if (service && (where === "pattern" || where === "service")) {
    const name = table.compact(service.iri);
    const local = service.iri.replace(/^.*[#/]/, "");
    const body = name + " { ?e " + table.compact(service.query) + ' "' + PLACEHOLDER + '" ; ' +
      table.compact(service.score) + " ?score }";
    if (where === "service" && (begins(name, word, 1) || begins(local, word, 1))) {
      out.push({ text: body, extension: service, kind: "service" });
    } else if (where === "pattern" &&
      (begins("SERVICE", word, 3) || begins(name, word, 2) || begins(local, word, 3))) {
      out.push({ text: "SERVICE " + body, extension: service, kind: "service" });
    }
  }
  return out;
}

/** Where the placeholder of a completion's text is, `[from, to]` offsets, or null. */
export function placeholderIn(text) {
  const at = text.indexOf(PLACEHOLDER);
  return at < 0 ? null : [at, at + PLACEHOLDER.length];
}
