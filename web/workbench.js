// The query workbench of /query: the Yasqe editor (YASGUI's) bound to this server's /sparql,
// completion of our prefixes, classes, properties and entity names, a Cancel that aborts the
// request (the server stops a query whose client has gone), and four views of an answer: a
// table, a bar chart, a network and a timeline (ECharts, SVG renderer).
//
// Every word shown comes from #wb-config, which the server renders in the page's language; the
// script asks no host but this one (Yasqe's own completers, which call prefix.cc and LOV, are
// removed before the editor starts).
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("wb-config").textContent);
  const M = config.messages;
  const lang = config.lang;
  const numbers = new Intl.NumberFormat(lang === "zh" ? "zh-Hans" : lang);

  // A message with its {placeholders} filled in.
  function say(text, values) {
    return text.replace(/\{(\w+)\}/g, (all, key) => (key in (values || {}) ? values[key] : all));
  }

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

  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMERIC = new Set(
    ["integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
      "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
      "unsignedShort", "unsignedByte"].map((t) => XSD + t));
  const DATES = new Set(["date", "dateTime", "gYear", "gYearMonth"].map((t) => XSD + t));
  const DATE_TEXT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

  // Prefixes longest namespace first, so that "measure:" wins over "plan:" and "id:".
  const prefixes = config.prefixes.slice().sort((a, b) => b[1].length - a[1].length);

  function compact(iri) {
    for (const [prefix, namespace] of prefixes) {
      if (iri.startsWith(namespace)) {
        const local = iri.slice(namespace.length);
        if (/^[\p{L}\p{N}_]([\p{L}\p{N}_.\-]*[\p{L}\p{N}_\-])?$/u.test(local) || local === "") {
          return prefix + ":" + local;
        }
      }
    }
    return "<" + iri + ">";
  }

  function label(iri) {
    return config.labels[iri];
  }

  function pageOf(iri) {
    return iri.startsWith(config.base)
      ? config.pages + iri.slice(config.base.length) + "?lang=" + lang
      : null;
  }

  // Where a link to an IRI of an answer may go: its page, or the IRI itself when it is an
  // http: or https: URL; null for anything else. An answer is anyone's text (BIND(IRI(…)) makes
  // any IRI), and a "javascript:" or "data:" IRI made a link would run script in this page.
  function linkOf(iri) {
    const page = pageOf(iri);
    if (page) return page;
    let url;
    try {
      url = new URL(iri);
    } catch (e) {
      return null;
    }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }

  // What a term is called in a view: a label, else its compact form, else its text.
  function nameOf(term) {
    if (!term) return "";
    if (term.type === "uri") return label(term.value) || compact(term.value);
    if (term.type === "bnode") return "_:" + term.value;
    return term.value;
  }

  function isNumeric(term) {
    return term && term.type === "literal" && NUMERIC.has(term.datatype) && !isNaN(Number(term.value));
  }

  function dateOf(term) {
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

  // The kind of a resource by its IRI, for the colours of the network.
  const KINDS = [
    ["/measure/", "Measure"], ["/section/", "Section"], ["body/", "Body"], ["state/", "MemberState"],
    ["document/", "Document"], ["place/", "Place"], ["initiative/", "NamedInitiative"],
  ];
  const SCO = config.prefixes.find(([p]) => p === "sco")[1];

  function kindOf(iri) {
    if (!iri.startsWith(config.base)) return M.otherKind;
    const path = iri.slice(config.base.length);
    for (const [marker, cls] of KINDS) {
      if (marker.startsWith("/") ? path.includes(marker) : path.startsWith(marker)) {
        return label(SCO + cls) || cls;
      }
    }
    return M.otherKind;
  }

  // ---------------------------------------------------------------- the editor

  const Yasqe = window.Yasqe;
  const ours = {
    prefixes: config.prefixes.map(([p, ns]) => p + ": <" + ns + ">"),
    classes: config.classes,
    properties: config.properties,
  };
  const RESOURCE_PREFIX = /^(id|state|body|document|place|initiative|plan|decision|section|measure):(.*)$/;
  const TYPES = {
    state: "state", body: "body", document: "document", place: "place",
    initiative: "initiative", section: "section", measure: "measure", plan: "plan",
    decision: "decision",
  };

  // Terms whose compact form, local name or label starts with (or, for labels, contains) what
  // was typed: "sco:exe", "exe", "sco:испол" all find sco:executor.
  function matchTerms(terms, typed) {
    let text = typed.trim();
    if (RESOURCE_PREFIX.test(text)) return [];
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
      const [termPrefix, local] = curie.includes(":") && !curie.startsWith("<")
        ? [curie.slice(0, curie.indexOf(":")), curie.slice(curie.indexOf(":") + 1)]
        : [null, curie];
      if (prefix !== null && termPrefix !== prefix) continue;
      const byName = local.toLowerCase().startsWith(needle);
      const byLabel = needle && term.label && term.label.toLowerCase().includes(needle);
      if (byName || byLabel) found.push({ text: curie, term, rank: byName ? 0 : 1 });
    }
    found.sort((a, b) => a.rank - b.rank || a.text.localeCompare(b.text));
    return found.slice(0, 50);
  }

  // The hints' lines: the text inserted, its label, and what it is.
  const shown = new Map();
  function renderHints(kind) {
    return (_yasqe, hints) =>
      hints.map((hint) => {
        const info = shown.get(hint.text);
        hint.render = (element) => {
          element.append(el("code", {}, hint.text));
          if (info && info.label) element.append(" ", el("span", { className: "wb-hint-label" }, info.label));
          element.append(" ", el("span", { className: "wb-hint-kind" }, kind));
        };
        return hint;
      });
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
        const found = matchTerms(terms, token ? token.string : "");
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
      return RESOURCE_PREFIX.test(token.string) && cursor.ch === token.end;
    },
    preProcessToken: (_yasqe, token) => token,
    postProcessSuggestion: (_yasqe, _token, suggestion) => suggestion,
    get: (_yasqe, token) => {
      const match = RESOURCE_PREFIX.exec(token ? token.string : "");
      const q = match ? match[2].replace(/[-_]+/g, " ").trim() : "";
      if (!q) return [];
      if (lookupController) lookupController.abort();
      lookupController = new AbortController();
      const params = new URLSearchParams({ q, lang, limit: "15" });
      if (TYPES[match[1]]) params.set("type", TYPES[match[1]]);
      return fetch(config.lookup + "?" + params, { signal: lookupController.signal })
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

  const builtIn = Yasqe.Autocompleters;
  Yasqe.forkAutocompleter("prefixes", { name: "sco-prefixes", get: ours.prefixes, persistenceId: null }, false);
  const completers = [
    termCompleter("sco-classes", builtIn.class, ours.classes, M.completionClass),
    termCompleter("sco-properties", builtIn.property, ours.properties, M.completionProperty),
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
    autocompleters: ["variables", "sco-prefixes", "sco-classes", "sco-properties", "sco-entities"],
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
      // ?lang= asks the server to word its refusals in the page's language.
      const response = await fetch(config.endpoint + "?lang=" + lang, {
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
    if (contentType.includes("json")) {
      const json = JSON.parse(text);
      if (typeof json.boolean === "boolean") {
        result = { query, boolean: json.boolean };
        status.textContent = say(M.doneBoolean, { ms });
      } else {
        const vars = json.head.vars || [];
        const rows = json.results.bindings.map((b) => vars.map((v) => b[v] || null));
        result = { query, vars, rows };
        status.textContent = say(M.done, { rows: numbers.format(rows.length), ms });
      }
    } else {
      result = { query, graph: text };
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

  // Which views an answer can be shown in, with what each needs from it.
  function fits(r) {
    const out = { table: true, bar: null, network: null, timeline: null };
    if (!r || !r.rows || r.rows.length === 0) return out;
    const columns = r.vars.map((_, i) => r.rows.map((row) => row[i]).filter(Boolean));
    const all = (i, test) => columns[i].length > 0 && columns[i].every(test);

    let value = -1;
    for (let i = columns.length - 1; i >= 0; i--) if (all(i, isNumeric)) { value = i; break; }
    if (value >= 0 && columns.length > 1) {
      let category = columns.findIndex((_, i) => i !== value && !all(i, isNumeric));
      if (category < 0) category = value === 0 ? 1 : 0;
      out.bar = { category, value };
    }

    const iris = columns.map((_, i) => i).filter((i) => all(i, (t) => t.type === "uri"));
    if (iris.length >= 2) {
      out.network = { a: iris[0], b: iris[1], weight: columns.findIndex((_, i) => all(i, isNumeric)) };
    }

    let date = -1;
    let best = 0;
    columns.forEach((_, i) => {
      if (!all(i, (t) => dateOf(t) !== null)) return;
      const precision = columns[i].reduce((s, t) => s + dateOf(t).precision, 0);
      if (precision > best) { best = precision; date = i; }
    });
    if (date >= 0) {
      let name = iris.find((i) => i !== date);
      if (name === undefined) name = columns.findIndex((_, i) => i !== date);
      out.timeline = { date, name };
    }
    return out;
  }

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
    if (view === "table") table(result);
    else if (view === "bar") barChart(result, fit.bar);
    else if (view === "network") network(result, fit.network);
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
      const href = config.endpoint + "?" + new URLSearchParams({ query: result.query, format });
      meta.append(el("a", { href, download: "" }, M["format_" + format] || format.toUpperCase()), " ");
    }
  }

  const MAX_TABLE_ROWS = 2000;

  function cell(term) {
    if (!term) return el("td", { className: "unbound" });
    const td = el("td", { "data-value": term.value });
    if (term.type === "uri") {
      const name = label(term.value);
      const href = linkOf(term.value);
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
      if (tagged && tagged !== lang && !(lang === "zh" && tagged.startsWith("zh"))) {
        td.append(" ", el("span", { className: "wb-lang" }, tagged));
      }
    } else {
      td.append(nameOf(term));
    }
    return td;
  }

  function table(r) {
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

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  }

  function barChart(r, fit) {
    const names = r.rows.map((row) => nameOf(row[fit.category]));
    const values = r.rows.map((row) => (row[fit.value] ? Number(row[fit.value].value) : 0));
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
    const nodes = new Map();
    const links = new Map();
    const categories = [];
    const node = (term) => {
      if (!nodes.has(term.value)) {
        const kind = kindOf(term.value);
        if (!categories.includes(kind)) categories.push(kind);
        nodes.set(term.value, { id: term.value, name: nameOf(term), category: categories.indexOf(kind), value: 0 });
      }
      return nodes.get(term.value);
    };
    for (const row of r.rows) {
      const a = row[fit.a];
      const b = row[fit.b];
      if (!a || !b || a.value === b.value) continue;
      const weight = fit.weight >= 0 && row[fit.weight] ? Number(row[fit.weight].value) : 1;
      node(a).value += weight;
      node(b).value += weight;
      const key = a.value + " " + b.value;
      const link = links.get(key) || { source: a.value, target: b.value, value: 0 };
      link.value += weight;
      links.set(key, link);
    }
    const max = Math.max(1, ...Array.from(nodes.values(), (n) => n.value));
    // A large network names only its busiest nodes (the others on hover).
    const named = new Set(
      Array.from(nodes.values())
        .sort((a, b) => b.value - a.value)
        .slice(0, nodes.size > 40 ? 30 : nodes.size)
        .map((n) => n.id));
    const maxLink = Math.max(1, ...Array.from(links.values(), (l) => l.value));
    const c = newChart(Math.max(520, Math.min(900, nodes.size * 26 + 160)));
    c.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: font },
      tooltip: {},
      toolbox: { right: 12, feature: { saveAsImage: { name: "sco-kg" } } },
      legend: { top: 4, data: categories },
      series: [{
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        top: 40,
        categories: categories.map((name) => ({ name })),
        data: Array.from(nodes.values(), (n) => ({
          ...n,
          symbolSize: 10 + 26 * Math.sqrt(n.value / max),
          label: { show: named.has(n.id), position: "right", fontSize: 11, formatter: shorten(n.name, 36) },
        })),
        links: Array.from(links.values(), (l) => ({
          ...l,
          lineStyle: { width: fit.weight >= 0 ? 1 + 5 * (l.value / maxLink) : 1.2 },
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
    const items = r.rows
      .filter((row) => row[fit.date])
      .map((row) => {
        const date = row[fit.date];
        const when = dateOf(date);
        const name = row[fit.name] ? nameOf(row[fit.name]) : "";
        const others = r.vars
          .map((v, i) => (i !== fit.date && i !== fit.name && row[i] ? "?" + v + " " + nameOf(row[i]) : null))
          .filter(Boolean);
        return { value: [0, when.time], name, date: date.value, others };
      });
    const times = items.map((i) => i.value[1]);
    const first = Math.min(...times);
    const last = Math.max(...times);
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
        min: Date.UTC(new Date(first).getUTCFullYear(), 0, 1),
        max: Date.UTC(new Date(last).getUTCFullYear() + 1, 0, 1),
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
    const gap = 20;
    const ys = items.map((item) => c.convertToPixel({ seriesIndex: 0 }, item.value)[1]);
    const placed = [];
    let previous = -Infinity;
    for (const i of ys.map((_, i) => i).sort((a, b) => ys[a] - ys[b] || a - b)) {
      placed[i] = Math.max(ys[i], previous + gap);
      previous = placed[i];
    }
    c.setOption({ series: [{ labelLayout: (p) => ({ y: placed[p.dataIndex], verticalAlign: "middle" }) }] });
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
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
    const url = new URL(window.location.href);
    url.searchParams.delete("query");
    url.searchParams.set("example", id);
    history.replaceState(null, "", url);
    for (const a of document.querySelectorAll("nav.langs a")) {
      const switchUrl = new URL(a.href);
      switchUrl.searchParams.delete("query");
      switchUrl.searchParams.set("example", id);
      a.href = switchUrl.toString();
    }
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
})();
