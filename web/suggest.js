// As-you-type suggestions for the pages' search boxes (the home page's and the search page's):
// the lookup's best hits (/api/lookup: the same index and ranking as the results page) in a list
// under the box, each a link to the entity's page in the reader's language.
//
// The keyboard works as in a combobox: Down and Up move through the list, Enter opens the
// chosen entity's page (with none chosen, the form is sent to the results page as without the
// script), Escape closes the list. Requests wait until typing pauses, and a newer one aborts the
// older; a query the lookup refuses (too long, control characters) or a failed request shows
// nothing. Without the script the form works as before.
//
// Everything the script needs is on its own <script> element (data-*), rendered by the server
// in the page's language; it asks no host but this one, and sets styles through the CSSOM only
// (the pages' Content-Security-Policy refuses inline styles and scripts).
(function () {
  "use strict";

  const script = document.currentScript;
  if (!script || !window.fetch) return;
  const config = script.dataset;
  // The lookup's URL, the base of the graph's IRIs and the pages' URL prefix for them, the
  // page's language, and the list's accessible name.
  const lookup = config.lookup;
  const base = config.base;
  const pages = config.pages;
  const lang = config.lang;
  const LIMIT = 8;
  const DELAY_MS = 150;
  // The lookup refuses longer queries (MAX_QUERY_CHARS); not worth a request.
  const MAX_CHARS = 300;
  let lists = 0;

  function href(iri) {
    if (iri.startsWith(base)) {
      return pages + iri.slice(base.length) + "?lang=" + encodeURIComponent(lang);
    }
    return iri;
  }

  function attach(form, input) {
    const id = "suggest-" + ++lists;
    const list = document.createElement("ul");
    list.id = id;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", config.label || "");
    list.hidden = true;
    Object.assign(list.style, {
      position: "absolute",
      zIndex: "10",
      margin: "0",
      padding: "0.25rem 0",
      listStyle: "none",
      background: "var(--bg, #fff)",
      border: "1px solid var(--line, #ccc)",
      borderRadius: "6px",
      boxShadow: "0 4px 12px rgba(0, 0, 0, 0.12)",
      maxHeight: "24rem",
      overflowY: "auto",
    });
    if (getComputedStyle(form).position === "static") form.style.position = "relative";
    form.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");

    let active = -1;
    let timer = 0;
    let controller = null;
    let shown = "";

    function options() {
      return Array.from(list.children);
    }

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function mark(index) {
      const all = options();
      active = index;
      all.forEach((option, i) => {
        const on = i === index;
        option.setAttribute("aria-selected", on ? "true" : "false");
        option.style.background = on ? "var(--accent, #1a5fb4)" : "";
        option.style.color = on ? "#fff" : "";
        for (const muted of option.querySelectorAll("small")) {
          muted.style.color = on ? "#fff" : "var(--muted, #666)";
        }
        if (on) {
          input.setAttribute("aria-activedescendant", option.id);
          option.scrollIntoView({ block: "nearest" });
        }
      });
      if (index < 0) input.removeAttribute("aria-activedescendant");
    }

    function place() {
      list.style.left = input.offsetLeft + "px";
      list.style.top = input.offsetTop + input.offsetHeight + 2 + "px";
      list.style.minWidth = input.offsetWidth + "px";
      // No wider than the form: long names and snippets are cut with an ellipsis.
      list.style.maxWidth = Math.max(input.offsetWidth, form.clientWidth - input.offsetLeft) + "px";
    }

    function show(hits) {
      list.replaceChildren();
      hits.forEach((hit, i) => {
        const option = document.createElement("li");
        option.id = id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const link = document.createElement("a");
        link.href = href(hit.iri);
        link.tabIndex = -1;
        Object.assign(link.style, {
          display: "block",
          padding: "0.3rem 0.7rem",
          color: "inherit",
          textDecoration: "none",
          whiteSpace: "nowrap",
          overflow: "hidden",
          textOverflow: "ellipsis",
        });
        link.title = hit.label;
        const name = document.createElement("span");
        name.textContent = hit.label;
        if (hit.label_lang !== lang) name.lang = hit.label_lang === "zh" ? "zh-Hans" : hit.label_lang;
        link.appendChild(name);
        // What matched, where it is not the name shown: an alias, another language, a text.
        if (hit.matched && hit.matched.text && hit.matched.text !== hit.label) {
          const matched = document.createElement("small");
          matched.textContent = " — " + hit.matched.text;
          if (hit.matched.lang) matched.lang = hit.matched.lang === "zh" ? "zh-Hans" : hit.matched.lang;
          matched.style.color = "var(--muted, #666)";
          link.appendChild(matched);
        }
        option.appendChild(link);
        option.addEventListener("mousemove", () => {
          if (active !== i) mark(i);
        });
        list.appendChild(option);
      });
      if (hits.length === 0) {
        close();
        return;
      }
      place();
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      mark(-1);
    }

    function ask() {
      const q = input.value.trim();
      if (q === shown && !list.hidden) return;
      shown = q;
      if (controller) controller.abort();
      controller = null;
      if (q === "" || q.length > MAX_CHARS) {
        close();
        return;
      }
      const params = new URLSearchParams({ q: q, lang: lang, limit: String(LIMIT) });
      const type = form.querySelector("select[name=type]");
      if (type && type.value) params.set("type", type.value);
      const mine = new AbortController();
      controller = mine;
      fetch(lookup + "?" + params, { signal: mine.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { hits: [] }))
        .then((answer) => {
          // Only the answer to what the box says now.
          if (controller !== mine) return;
          controller = null;
          show(answer.hits || []);
        })
        .catch(() => {
          if (controller === mine) {
            controller = null;
            close();
          }
        });
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY_MS);
    });
    const type = form.querySelector("select[name=type]");
    if (type) {
      type.addEventListener("change", () => {
        shown = "";
        if (input.value.trim() !== "") ask();
      });
    }
    input.addEventListener("keydown", (event) => {
      const all = options();
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) {
          if (all.length > 0 && input.value.trim() === shown) {
            place();
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
          } else {
            shown = "";
            ask();
          }
          event.preventDefault();
          return;
        }
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        // Past either end: back to the box (no option chosen).
        let next = active + step;
        if (next < -1) next = all.length - 1;
        if (next >= all.length) next = -1;
        mark(next);
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          window.location.assign(all[active].querySelector("a").href);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      } else if (event.key === "Tab") {
        close();
      }
    });
    // A click on the list keeps the focus in the box (so that it does not close first).
    list.addEventListener("mousedown", (event) => event.preventDefault());
    input.addEventListener("blur", close);
    input.addEventListener("focus", () => {
      if (list.children.length > 0 && input.value.trim() === shown && shown !== "") {
        place();
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    });
    form.addEventListener("submit", close);
  }

  for (const form of document.querySelectorAll("form.search")) {
    const input = form.querySelector("input[name=q]");
    if (input) attach(form, input);
  }
})();
