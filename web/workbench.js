// The query workbench of /query: the Yasqe editor (YASGUI's) bound to this server's /sparql,
// completion of our prefixes, classes, properties, entity names and SPARQL extensions, a
// Cancel that aborts the request (the server stops a query whose client has gone), and five
// views of an answer: a table, a bar chart, a network and a timeline (ECharts, SVG renderer),
// and a map of the rows' ?lat and ?long (our own SVG: no tiles, nothing fetched).
//
// An ES module: what needs no page (the prefix table, completion, answers and their views'
// data, URLs, text) is in lib/, tested by Node (web/test/); this file binds it to the page,
// the editor and the charts. Every word shown comes from #wb-config, which the server renders
// in the page's language, with its prefix table (the one `GET /prefixes` serves); the script
// asks no host but this one (Yasqe's own completers, which call prefix.cc and LOV, are removed
// before the editor starts).

import { extensionHints, matchTerms, placeholderIn, resourceToken } from "./lib/completion.mjs";
import { mapData } from "./lib/map.mjs";
import { prefixTable } from "./lib/prefixes.mjs";
import { answerOf, barData, fits, networkData, spread, timelineData } from "./lib/results.mjs";
import { isNumeric, linkOf, nameOf as nameOfTerm, showsLang } from "./lib/terms.mjs";
import { brief, escapeHtml, say, shorten } from "./lib/text.mjs";
import { downloadHref, lookupHref, runHref, withExample } from "./lib/urls.mjs";

const config = JSON.parse(document.getElementById("wb-config").textContent);
const M = config.messages;
const lang = config.lang;
const numbers = new Intl.NumberFormat(lang === "zh" ? "zh-Hans" : lang);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// ---------------------------------------------------------------- terms and names

const table = prefixTable(config.prefixes, { base: config.base, types: config.types });
const site = { base: config.base, pages: config.pages, lang };
const label = (iri) => config.labels[iri];
const compact = (iri) => table.compact(iri);
const nameOf = (term) => nameOfTerm(term, { label, compact });

// The kind of a resource, for the colours of the network: its type's class, by its label.
function kindOf(iri) {
  const type = table.kindOf(iri);
  if (!type) return M.otherKind;
  return label(type.class) || type.class.replace(/^.*[#/]/, "");
}

// ---------------------------------------------------------------- the editor

const Yasqe = window.Yasqe;

// The hints' lines: the text inserted, its label, what it is, and for an extension what it
// does, briefly (in full on hover).
const shown = new Map();
function renderHints(kind) {
  return (_yasqe, hints) =>
    hints.map((hint) => {
      const info = shown.get(hint.text) || {};
      hint.render = (element) => {
        element.append(el("code", {}, hint.text));
        if (info.label) element.append(" ", el("span", { className: "wb-hint-label" }, info.label));
        element.append(" ", el("span", { className: "wb-hint-kind" }, info.kind || kind));
        if (info.definition) {
          element.classList.add("wb-hint-extension");
          element.title = info.definition;
          element.append(el("span", { className: "wb-hint-desc" }, brief(info.definition)));
        }
      };
      if (info.select) hint.hint = insertAndSelect;
      return hint;
    });
}

// Inserts a completion and selects its placeholder (the "…" of sco:query), for the search
// words to replace it.
function insertAndSelect(cm, data, completion) {
  const from = completion.from || data.from;
  cm.replaceRange(completion.text, from, completion.to || data.to, "complete");
  const at = placeholderIn(completion.text);
  if (!at) return;
  const start = cm.indexFromPos(from);
  cm.setSelection(cm.posFromIndex(start + at[0]), cm.posFromIndex(start + at[1]));
}

function termCompleter(name, base, terms, kind) {
  return {
    name,
    bulk: false,
    autoShow: true,
    persistenceId: null,
    isValidCompletionPosition: base.isValidCompletionPosition,
    preProcessToken: (_yasqe, token) => token,
    postProcessSuggestion: (_yasqe, _token, suggestion) => suggestion,
    get: (_yasqe, token) => {
      const found = matchTerms(terms, token ? token.string : "", table);
      for (const f of found) shown.set(f.text, { label: f.term.label });
      return found.map((f) => f.text);
    },
    postprocessHints: renderHints(kind),
  };
}

let lookupController = null;
const entityCompleter = {
  name: "sco-entities",
  bulk: false,
  autoShow: true,
  persistenceId: null,
  isValidCompletionPosition: (yasqe) => {
    const token = yasqe.getCompleteToken();
    const cursor = yasqe.getDoc().getCursor();
    return resourceToken(token.string, table) !== null && cursor.ch === token.end;
  },
  preProcessToken: (_yasqe, token) => token,
  postProcessSuggestion: (_yasqe, _token, suggestion) => suggestion,
  get: (_yasqe, token) => {
    const typed = resourceToken(token ? token.string : "", table);
    if (!typed || !typed.words) return [];
    if (lookupController) lookupController.abort();
    lookupController = new AbortController();
    const href = lookupHref(config.lookup, { words: typed.words, lang, type: typed.type });
    return fetch(href, { signal: lookupController.signal })
      .then((r) => (r.ok ? r.json() : { hits: [] }))
      .then((answer) =>
        answer.hits.map((hit) => {
          const text = compact(hit.iri);
          shown.set(text, { label: hit.label });
          return text;
        }))
      .catch(() => []);
  },
  postprocessHints: renderHints(M.completionEntity),
};

// sco:label( and SERVICE sco:search { … }, where the query's text before the word allows them.
function extensionsAt(yasqe) {
  const token = yasqe.getCompleteToken();
  const cursor = yasqe.getDoc().getCursor();
  if (cursor.ch !== token.end) return [];
  const before = yasqe.getDoc().getRange({ line: 0, ch: 0 }, { line: cursor.line, ch: token.start });
  return extensionHints(before, token.string, config.extensions, table);
}
const extensionCompleter = {
  name: "sco-extensions",
  bulk: false,
  autoShow: true,
  persistenceId: null,
  isValidCompletionPosition: (yasqe) => extensionsAt(yasqe).length > 0,
  preProcessToken: (_yasqe, token) => token,
  postProcessSuggestion: (_yasqe, _token, suggestion) => suggestion,
  get: (yasqe) =>
    extensionsAt(yasqe).map((hint) => {
      shown.set(hint.text, {
        kind: hint.extension.label || hint.kind,
        definition: hint.extension.definition,
        select: hint.kind === "service",
      });
      return hint.text;
    }),
  postprocessHints: renderHints(""),
};

const builtIn = Yasqe.Autocompleters;
Yasqe.forkAutocompleter("prefixes", { name: "sco-prefixes", get: table.declarations(), persistenceId: null }, false);
const completers = [
  termCompleter("sco-classes", builtIn.class, config.classes, M.completionClass),
  termCompleter("sco-properties", builtIn.property, config.properties, M.completionProperty),
  extensionCompleter,
  entityCompleter,
];
// Never ask another host: prefix.cc and Linked Open Vocabularies are not this graph.
for (const name of ["prefixes", "property", "class"]) delete builtIn[name];
for (const completer of completers) Yasqe.registerAutocompleter(completer, false);
Yasqe.defaults.autocompleters = [];

const form = document.getElementById("wb-form");
const textarea = document.getElementById("wb-query");
const holder = document.getElementById("wb-editor");
textarea.hidden = true;
const yasqe = new Yasqe(holder, {
  value: textarea.value,
  persistenceId: null,
  consumeShareLink: null,
  createShareableLink: null,
  showQueryButton: false,
  prefixCcApi: null,
  collapsePrefixesOnLoad: false,
  editorHeight: "22rem",
  autocompleters: ["variables", "sco-prefixes", "sco-classes", "sco-properties", "sco-extensions", "sco-entities"],
  screenReaderLabel: M.editorLabel,
  extraKeys: {
    "Ctrl-Enter": () => run(),
    "Cmd-Enter": () => run(),
  },
});
window.workbench = { yasqe };
foldLongPrologue();
fitEditor();
yasqe.on("update", fitEditor);

// As tall as its text (folded lines do not count), within bounds: a short example leaves room
// for its answer.
function fitEditor() {
  const line = yasqe.defaultTextHeight();
  const text = yasqe.heightAtLine(yasqe.lastLine() + 1, "local") + line;
  const height = Math.round(Math.max(8 * line, Math.min(26 * line, text)));
  if (Math.abs(yasqe.getWrapperElement().offsetHeight - height) > 2) yasqe.setSize(null, height);
}

// The starter query declares every prefix: fold them, but not the one or two of an example.
function foldLongPrologue() {
  if (Object.keys(yasqe.getPrefixesFromQuery()).length > 3) yasqe.collapsePrefixes(true);
}

// ---------------------------------------------------------------- running a query

const runButton = document.getElementById("wb-run");
const cancelButton = document.getElementById("wb-cancel");
const status = document.getElementById("wb-status");
const errorBox = document.getElementById("wb-error");
const output = document.getElementById("wb-output");
const meta = document.getElementById("wb-meta");
const viewButtons = Array.from(document.querySelectorAll(".wb-view"));

let running = null;
let result = null;
let view = config.initial.view || "table";

// The page's explanation, then the server's own words (introduced unless the explanation
// already ends by announcing them).
function showError(message, detail) {
  errorBox.replaceChildren(el("p", {}, message));
  if (detail && detail.trim()) {
    if (!/[:：]$/.test(message)) errorBox.append(el("div", { className: "wb-said" }, M.serverSaid));
    errorBox.append(el("pre", {}, detail.trim()));
  }
  errorBox.hidden = false;
}

function setRunning(on) {
  runButton.disabled = on;
  cancelButton.disabled = !on;
  document.getElementById("workbench").classList.toggle("busy", on);
}

async function run() {
  if (running) return;
  const query = yasqe.getValue();
  const controller = new AbortController();
  const started = performance.now();
  running = { controller };
  errorBox.hidden = true;
  setRunning(true);
  const tick = () =>
    (status.textContent = say(M.running, { seconds: numbers.format(Math.floor((performance.now() - started) / 1000)) }));
  tick();
  const timer = setInterval(tick, 1000);
  try {
    const response = await fetch(runHref(config.endpoint, lang), {
      method: "POST",
      body: new URLSearchParams({ query }),
      headers: { Accept: "application/sparql-results+json, text/turtle;q=0.9" },
      signal: controller.signal,
      cache: "no-store",
    });
    const text = await response.text();
    const ms = numbers.format(Math.round(performance.now() - started));
    if (response.ok) {
      received(query, response.headers.get("Content-Type") || "", text, ms);
    } else {
      result = null;
      show();
      status.textContent = "";
      refused(response, text);
    }
  } catch (error) {
    // Whatever was shown answered another query.
    result = null;
    show();
    status.textContent = "";
    if (error.name === "AbortError") {
      status.textContent = M.cancelled;
    } else {
      showError(M.network, String(error.message || error));
    }
  } finally {
    clearInterval(timer);
    running = null;
    setRunning(false);
  }
}

function refused(response, text) {
  const retry = response.headers.get("Retry-After");
  if (response.status === 503 && retry !== null) {
    showError(say(M.busy, { seconds: numbers.format(Number(retry) || 1) }), text);
  } else if (response.status === 503) {
    showError(M.timeout, text);
  } else if (response.status >= 400 && response.status < 500) {
    showError(M.badRequest, text);
  } else {
    showError(say(M.other, { status: response.status }), text);
  }
}

function received(query, contentType, text, ms) {
  result = answerOf(query, contentType, text);
  if (result.boolean !== undefined) {
    status.textContent = say(M.doneBoolean, { ms });
  } else if (result.rows) {
    status.textContent = say(M.done, { rows: numbers.format(result.rows.length), ms });
  } else {
    status.textContent = say(M.doneGraph, { ms });
  }
  show();
}

function cancel() {
  if (running) running.controller.abort();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
cancelButton.addEventListener("click", cancel);

// ---------------------------------------------------------------- views

let chart = null;
function disposeChart() {
  if (chart) {
    chart.dispose();
    chart = null;
  }
}
window.addEventListener("resize", () => chart && chart.resize());

function show() {
  const fit = fits(result);
  for (const button of viewButtons) {
    const name = button.dataset.view;
    const ok = result && result.rows ? (name === "table" || fit[name] !== null) : name === "table";
    button.disabled = !result || !ok;
    button.title = ok ? "" : M["unfit" + name[0].toUpperCase() + name.slice(1)] || "";
  }
  disposeChart();
  output.replaceChildren();
  meta.replaceChildren();
  if (!result) return;
  if (view !== "table" && (!result.rows || fit[view] === null)) view = "table";
  for (const button of viewButtons) {
    button.setAttribute("aria-selected", String(button.dataset.view === view));
  }
  output.dataset.view = view;
  if (result.boolean !== undefined) {
    output.append(el("p", { className: "wb-boolean" }, result.boolean ? M.booleanTrue : M.booleanFalse));
    return;
  }
  if (result.graph !== undefined) {
    output.append(el("p", { className: "muted" }, M.graphResult), el("pre", { className: "wb-turtle" }, result.graph));
    downloads(["turtle", "ntriples", "jsonld"]);
    return;
  }
  downloads(["csv", "tsv", "json"]);
  if (result.rows.length === 0) {
    output.append(el("p", { className: "muted" }, M.empty));
    return;
  }
  if (view === "table") tableView(result);
  else if (view === "bar") barChart(result, fit.bar);
  else if (view === "network") network(result, fit.network);
  else if (view === "map") mapView(result, fit.map);
  else timeline(result, fit.timeline);
}

for (const button of viewButtons) {
  button.addEventListener("click", () => {
    view = button.dataset.view;
    show();
  });
}

function downloads(formats) {
  meta.append(M.download, " ");
  for (const format of formats) {
    const href = downloadHref(config.endpoint, result.query, format);
    meta.append(el("a", { href, download: "" }, M["format_" + format] || format.toUpperCase()), " ");
  }
}

const MAX_TABLE_ROWS = 2000;

function cell(term) {
  if (!term) return el("td", { className: "unbound" });
  const td = el("td", { "data-value": term.value });
  if (term.type === "uri") {
    const name = label(term.value);
    const href = linkOf(term.value, site);
    const curie = compact(term.value);
    // An IRI no link may go to is shown as text, in full on hover, never as a link.
    td.append(href
      ? el("a", { href, title: term.value }, name || curie)
      : el("span", { className: "wb-iri", title: term.value }, name || curie));
    if (name) td.append(" ", el("code", { className: "curie" }, curie));
  } else if (term.type === "literal") {
    if (isNumeric(term)) td.className = "num";
    td.append(term.value);
    const tagged = term["xml:lang"];
    if (showsLang(tagged, lang)) td.append(" ", el("span", { className: "wb-lang" }, tagged));
  } else {
    td.append(nameOf(term));
  }
  return td;
}

function tableView(r) {
  const shownRows = r.rows.slice(0, MAX_TABLE_ROWS);
  const head = el("tr", {}, el("th", { className: "num" }, "#"), ...r.vars.map((v) => el("th", {}, "?" + v)));
  const body = el("tbody");
  shownRows.forEach((row, i) => body.append(el("tr", {}, el("td", { className: "num muted" }, i + 1), ...row.map(cell))));
  const wrap = el("div", { className: "wb-table-wrap" }, el("table", { className: "wb-table" }, el("thead", {}, head), body));
  if (r.rows.length > shownRows.length) {
    output.append(el("p", { className: "note" }, say(M.truncated, {
      shown: numbers.format(shownRows.length), rows: numbers.format(r.rows.length),
    })));
  }
  output.append(wrap);
}

// ECharts in the page's font and colours, drawn as SVG (readable, and testable in the DOM).
const style = getComputedStyle(document.documentElement);
const font = getComputedStyle(document.body).fontFamily;
const ACCENT = style.getPropertyValue("--accent").trim() || "#0a58a8";
const PALETTE = [ACCENT, "#d9822b", "#2e9e6a", "#b04a8c", "#6f5bd1", "#c23b3b", "#2b8fb3", "#8a7a2a"];

function newChart(height) {
  const box = el("div", { className: "wb-chart" });
  // Through the CSSOM: a style attribute is inline style, which the page's
  // Content-Security-Policy (style-src 'self') refuses.
  box.style.height = height + "px";
  output.append(box);
  chart = echarts.init(box, null, { renderer: "svg", locale: lang.toUpperCase() });
  return chart;
}

function barChart(r, fit) {
  const { names, values } = barData(r, fit, nameOf);
  const c = newChart(Math.max(260, names.length * 30 + 90));
  c.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: font },
    grid: { left: 12, right: 56, top: 40, bottom: 36, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    toolbox: { right: 12, feature: { saveAsImage: { name: "sco-kg" } } },
    xAxis: {
      type: "value",
      name: "?" + r.vars[fit.value],
      nameLocation: "middle",
      nameGap: 26,
      minInterval: 1,
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: names,
      name: "?" + r.vars[fit.category],
      nameLocation: "start",
      nameTextStyle: { align: "left" },
      axisLabel: { width: 320, overflow: "truncate", interval: 0 },
      axisTick: { alignWithLabel: true },
    },
    series: [{
      type: "bar",
      data: values,
      barMaxWidth: 22,
      label: { show: true, position: "right", formatter: (p) => numbers.format(p.value) },
    }],
  });
}

function network(r, fit) {
  const graph = networkData(r, fit, { nameOf, kindOf });
  const c = newChart(Math.max(520, Math.min(900, graph.nodes.length * 26 + 160)));
  c.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: font },
    tooltip: {},
    toolbox: { right: 12, feature: { saveAsImage: { name: "sco-kg" } } },
    legend: { top: 4, data: graph.categories },
    series: [{
      type: "graph",
      layout: "force",
      roam: true,
      draggable: true,
      top: 40,
      categories: graph.categories.map((name) => ({ name })),
      data: graph.nodes.map((n) => ({
        ...n,
        symbolSize: 10 + 26 * Math.sqrt(n.value / graph.maxValue),
        label: { show: graph.named.has(n.id), position: "right", fontSize: 11, formatter: shorten(n.name, 36) },
      })),
      links: graph.links.map((l) => ({
        ...l,
        lineStyle: { width: fit.weight >= 0 ? 1 + 5 * (l.value / graph.maxLink) : 1.2 },
      })),
      edgeLabel: { show: fit.weight >= 0, formatter: (p) => numbers.format(p.value), fontSize: 10 },
      lineStyle: { color: "source", opacity: 0.55, curveness: 0.08 },
      emphasis: { focus: "adjacency" },
      // A circle to start from, then no animation: the same answer is drawn the same way.
      force: { initLayout: "circular", repulsion: 900, gravity: 0.12, edgeLength: [90, 240], layoutAnimation: false },
    }],
  });
  // The force layout does not fit its box: zoom and centre so that every node and its label
  // (to the right of it) are inside. Setting the view lets the layout settle again from where
  // it was, so a second pass measures what the first left.
  for (let pass = 0; pass < 2; pass++) {
    const data = c.getModel().getSeriesByIndex(0).getData();
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    data.each((i) => {
      const [x, y] = data.getItemLayout(i);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    });
    const labels = 240;
    const zoom = Math.min(1, (c.getWidth() - labels - 60) / Math.max(1, x1 - x0), (c.getHeight() - 110) / Math.max(1, y1 - y0));
    c.setOption({ series: [{ zoom, center: [(x0 + x1) / 2 + labels / 2 / zoom, (y0 + y1) / 2 - 16 / zoom] }] });
  }
}

function timeline(r, fit) {
  const { items, from, to } = timelineData(r, fit, nameOf);
  const c = newChart(Math.max(360, items.length * 44 + 90));
  const width = output.clientWidth || 800;
  c.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: font },
    grid: { left: 64, right: 24, top: 24, bottom: 40 },
    toolbox: { right: 12, feature: { saveAsImage: { name: "sco-kg" } } },
    tooltip: {
      formatter: (p) => [p.data.date, p.data.name, ...p.data.others].map(escapeHtml).join("<br>"),
    },
    xAxis: { type: "value", show: false, min: 0, max: 1 },
    yAxis: {
      type: "time",
      inverse: true,
      // Whole years, from the first item's to the one after the last's.
      min: from,
      max: to,
      axisLabel: { formatter: "{yyyy}" },
      splitLine: { show: true, lineStyle: { type: "dashed" } },
    },
    series: [{
      type: "scatter",
      symbolSize: 12,
      data: items,
      label: {
        show: true,
        position: "right",
        distance: 10,
        width: width - 110,
        overflow: "truncate",
        formatter: (p) => p.data.date + " — " + p.data.name,
      },
      labelLine: { show: true, lineStyle: { color: "#9aa5b1" } },
    }],
  });
  // Items of the same or nearby dates: their labels move down, one line apart, each joined
  // to its point by a line.
  const placed = spread(items.map((item) => c.convertToPixel({ seriesIndex: 0 }, item.value)[1]), 20);
  c.setOption({ series: [{ labelLayout: (p) => ({ y: placed[p.dataIndex], verticalAlign: "middle" }) }] });
}

// The map: a dot per row with both coordinates, named by its row (a link to the resource's
// page where there is one), over a graticule, on the equirectangular projection of lib/map.mjs.
// Drawn as SVG here, styled by workbench.css: no tiles, no borders, nothing fetched.
const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const round = (v) => Math.round(v * 10) / 10;

function mapView(r, fit) {
  const width = Math.round(Math.max(480, Math.min(1200, output.clientWidth || 800)));
  const map = mapData(r, fit, nameOf, width);
  const height = round(map.height);
  const drawing = svg("svg", {
    viewBox: "0 0 " + width + " " + height,
    class: "wb-map",
    role: "img",
    "aria-label": say(M.mapLabel, { points: numbers.format(map.points.length) }),
  });
  drawing.append(svg("rect", { class: "wb-map-sea", x: 0, y: 0, width, height }));
  // The lines inside the box, each with its degrees (those on its edges would only overlap in
  // a corner).
  const inside = (v, from, to) => v > from && v < to;
  for (const m of map.meridians.filter((m) => inside(m.long, map.extent.west, map.extent.east))) {
    drawing.append(svg("line", { class: "wb-map-grid", x1: round(m.x), y1: 0, x2: round(m.x), y2: height }));
    drawing.append(svg("text", { class: "wb-map-degrees", x: round(m.x + 3), y: round(height - 4) }, m.long + "°"));
  }
  for (const p of map.parallels.filter((p) => inside(p.lat, map.extent.south, map.extent.north))) {
    drawing.append(svg("line", { class: "wb-map-grid", x1: 0, y1: round(p.y), x2: width, y2: round(p.y) }));
    drawing.append(svg("text", { class: "wb-map-degrees", x: 3, y: round(p.y - 3) }, p.lat + "°"));
  }
  // Every name drawn for a small map; a large one names its points on hover only.
  const named = map.points.length <= 60;
  for (const p of map.points) {
    const dot = [
      svg("title", {}, p.name + " — " + p.lat + ", " + p.long),
      svg("circle", { cx: round(p.x), cy: round(p.y), r: 4.5 }),
      named ? svg("text", { x: round(p.x + 7), y: round(p.y + 4) }, p.name) : null,
    ];
    const href = p.iri ? linkOf(p.iri, site) : null;
    drawing.append(href ? svg("a", { href, class: "wb-map-point" }, ...dot) : svg("g", { class: "wb-map-point" }, ...dot));
  }
  output.append(
    el("div", { className: "wb-map-wrap" }, drawing),
    el("p", { className: "muted wb-map-note" }, say(M.mapNote, {
      points: numbers.format(map.points.length),
      skipped: numbers.format(map.skipped),
    })),
  );
}

// ---------------------------------------------------------------- the gallery

const examples = new Map(config.examples.map((e) => [e.id, e]));
const loaded = document.getElementById("wb-loaded");

function loadExample(id) {
  const example = examples.get(id);
  if (!example) return;
  yasqe.setValue(example.query.trim() + "\n");
  foldLongPrologue();
  fitEditor();
  view = example.view;
  for (const a of document.querySelectorAll("a.example")) {
    if (a.dataset.example === id) a.setAttribute("aria-current", "true");
    else a.removeAttribute("aria-current");
  }
  loaded.replaceChildren(el("strong", {}, example.title), " — ", example.description);
  loaded.hidden = false;
  // The URL and the language switch keep the example.
  history.replaceState(null, "", withExample(window.location.href, id));
  for (const a of document.querySelectorAll("nav.langs a")) a.href = withExample(a.href, id);
  yasqe.focus();
  yasqe.setCursor(yasqe.lineCount(), 0);
}

document.querySelector(".gallery").addEventListener("click", (event) => {
  const a = event.target.closest("a.example");
  if (!a || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  loadExample(a.dataset.example);
});

show();
document.getElementById("workbench").classList.add("ready");
