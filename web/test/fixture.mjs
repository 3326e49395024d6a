// The server's tables as the workbench page embeds them (#wb-config), for the tests: the prefix
// table of the default base (GET /prefixes, Accept: application/json), the lookup's types, and
// the extensions. tests/workbench_js.rs passes the live ones in SCO_KG_WORKBENCH_CONFIG (a
// file), and `live()` reads them; these copies let `node --test web/test/` run alone.

import { readFileSync } from "node:fs";

export const BASE = "https://w3id.org/sco-kg/id/";
const SCO = "https://w3id.org/sco-kg/ontology#";

export const PREFIXES = {
  sco: SCO,
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  owl: "http://www.w3.org/2002/07/owl#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  dcterms: "http://purl.org/dc/terms/",
  prov: "http://www.w3.org/ns/prov#",
  org: "http://www.w3.org/ns/org#",
  oa: "http://www.w3.org/ns/oa#",
  geo: "http://www.w3.org/2003/01/geo/wgs84_pos#",
  wd: "http://www.wikidata.org/entity/",
  id: BASE,
  state: BASE + "state/",
  body: BASE + "body/",
  document: BASE + "document/",
  place: BASE + "place/",
  initiative: BASE + "initiative/",
  plan: BASE + "plan/",
  decision: BASE + "decision/2020/",
  section: BASE + "plan/2021-2025/section/",
  measure: BASE + "plan/2021-2025/measure/",
};

export const TYPES = [
  ["body", "Body"], ["state", "MemberState"], ["document", "Document"], ["place", "Place"],
  ["initiative", "NamedInitiative"], ["measure", "Measure"], ["section", "Section"],
  ["plan", "ActionPlan"], ["decision", "Decision"],
].map(([type, cls]) => ({ type, class: SCO + cls }));

export const EXTENSIONS = {
  function: {
    iri: SCO + "label",
    label: "label (function)",
    definition: "The SPARQL function sco:label(?x) or sco:label(?x, \"zh\"): the skos:prefLabel of the " +
      "resource in the language given, else in the next of its fallback chain (zh → en → ru); " +
      "without a language, as \"en\".",
  },
  service: {
    iri: SCO + "search",
    query: SCO + "query",
    score: SCO + "score",
    label: "search (service)",
    definition: "SERVICE sco:search { ?e sco:query \"…\" ; sco:score ?s }: entity search as on the " +
      "search page and /api/lookup (the same index and ranking), inside a SPARQL query; answered " +
      "by this endpoint itself.",
  },
};

/** The live tables the Rust test wrote (`{base, prefixes, types, extensions}`), or null. */
export function live() {
  const path = process.env.SCO_KG_WORKBENCH_CONFIG;
  return path ? JSON.parse(readFileSync(path, "utf8")) : null;
}
