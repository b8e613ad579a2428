// Pieces every view uses: headings, errors with the candidates of an ambiguous name, export
// links, a pager and a CSV download.

import { apiUrl } from "./api.js";
import { count, fill, h, nodeDetails } from "./format.js";
import { filterParams } from "./state.js";

/** Return a "loading" line. */
export function loading(what) {
  return h("p", { class: "loading" }, `Loading ${what}…`);
}

/**
 * Return the block that explains an API error: a 409's candidates as buttons calling
 * `onCandidate(actor)`, a 404's message, or the error text.
 */
export function errorBlock(error, { ref = "", onCandidate = null } = {}) {
  if (error.status === 409 && error.candidates.length) {
    return h(
      "div",
      { class: "notice ambiguous", role: "alert" },
      h("h2", {}, `“${ref}” could mean ${error.candidates.length} actors`),
      h("p", {}, "Choose one:"),
      h(
        "ul",
        { class: "candidates" },
        error.candidates.map((actor) =>
          h(
            "li",
            {},
            h(
              "button",
              { type: "button", class: "candidate", onclick: () => onCandidate && onCandidate(actor) },
              h("strong", {}, actor.name),
              h("span", {}, nodeDetails(actor) || actor.type),
              h("small", {}, `id ${actor.id}`),
            ),
          ),
        ),
      ),
    );
  }
  const title = error.status === 404 ? "Not found" : "Something went wrong";
  return h(
    "div",
    { class: "notice error", role: "alert" },
    h("h2", {}, title),
    h("p", {}, error.message || String(error)),
  );
}

/** Return the download links of the whole graph under `filters` (GEXF, GraphML, CSV). */
export function exportLinks(filters, extra = []) {
  const params = filterParams(filters);
  const link = (format, label) =>
    h("a", { class: "button small", href: apiUrl("/graph/export", { ...params, format }), download: "" }, label);
  return h(
    "div",
    { class: "export", "aria-label": "Downloads" },
    extra,
    h("span", { class: "export-label", title: "The whole graph, with this view's filters and level" }, "Graph with these filters:"),
    link("gexf", "GEXF"),
    link("graphml", "GraphML"),
    link("csv", "CSV"),
  );
}

/** Return a button that downloads `rows` (arrays, the first the header) as `filename`. */
export function csvButton(label, filename, rows) {
  const quote = (v) => {
    const text = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return h(
    "button",
    {
      type: "button",
      class: "button small",
      onclick: () => {
        const body = rows.map((row) => row.map(quote).join(",")).join("\n") + "\n";
        const url = URL.createObjectURL(new Blob([body], { type: "text/csv" }));
        const a = h("a", { href: url, download: filename });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
    },
    label,
  );
}

/**
 * Return a pager over `total` rows, `size` a page, on page `page` (1-based);
 * `go(page)` shows another page.
 */
export function pager(total, page, size, go) {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total ? (page - 1) * size + 1 : 0;
  const last = Math.min(total, page * size);
  return h(
    "nav",
    { class: "pager", "aria-label": "Pages" },
    h("button", { type: "button", disabled: page <= 1, onclick: () => go(page - 1) }, "‹ Previous"),
    h("span", { class: "range" }, `${count(first)}–${count(last)} of ${count(total)}`),
    h("button", { type: "button", disabled: page >= pages, onclick: () => go(page + 1) }, "Next ›"),
  );
}

/** Return the view's heading block: a kicker, the title and a line under it. */
export function heading(kicker, title, sub = null, tools = null) {
  return h(
    "header",
    { class: "view-head" },
    h("div", {}, h("p", { class: "kicker" }, kicker), h("h1", {}, title), sub ? h("p", { class: "sub" }, sub) : null),
    tools ? h("div", { class: "tools" }, tools) : null,
  );
}

/** Replace the view's content. */
export function show(view, ...children) {
  fill(view, ...children);
}
