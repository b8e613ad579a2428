// The explorer's entry point: the filter bar, the search box, and drawing the view the URL
// names. `window.explorer` exposes the drawn graph and chart (for the browser tests).

import { getReference } from "./api.js";
import { errorBlock, heading, show } from "./common.js";
import { renderDyad } from "./dyad.js";
import { showEvidenceHint } from "./evidence.js";
import { fill, h } from "./format.js";
import { renderHome } from "./home.js";
import { renderNetwork } from "./network.js";
import { attachSuggestions } from "./search.js";
import { currentState, navigate, setRenderer, viewUrl } from "./state.js";
import { renderMeetings, renderNewDyads } from "./tables.js";

window.explorer = { cy: null, chart: null, ready: false, renders: 0 };

const VIEWS = {
  home: renderHome,
  network: renderNetwork,
  dyad: renderDyad,
  meetings: renderMeetings,
  "new-dyads": renderNewDyads,
};

const form = document.getElementById("filters");

/** Put the URL's filters in the filter bar. */
function showFilters(filters) {
  form.since.value = filters.since || "";
  form.until.value = filters.until || "";
  form.min_confidence.value = filters.min_confidence || "";
  form.level.value = filters.level || "actor";
  const codes = new Set((filters.codes || "").split(",").filter(Boolean));
  form.querySelectorAll("input[name=codes]").forEach((box) => { box.checked = codes.has(box.value); });
  const quads = new Set((filters.quad_class || "").split(",").filter(Boolean));
  form.querySelectorAll("input[name=quad_class]").forEach((box) => { box.checked = quads.has(box.value); });
  const modality = filters.modality || "asserted";
  form.querySelectorAll("input[name=modality]").forEach((box) => {
    box.checked = modality === "all" || modality.split(",").includes(box.value);
  });
  const parts = [
    filters.since || filters.until ? `${filters.since || "…"} to ${filters.until || "…"}` : "all dates",
    codes.size ? `CAMEO ${[...codes].join(",")}` : null,
    quads.size ? `quad ${[...quads].join(",")}` : null,
    filters.min_confidence ? `confidence ≥ ${filters.min_confidence}` : null,
    modality,
    filters.level === "country" ? "countries" : "actors",
  ];
  document.getElementById("filters-summary").textContent = parts.filter(Boolean).join(" · ");
  const codesCount = form.querySelector("[data-count=codes]");
  codesCount.textContent = codes.size ? `(${codes.size})` : "(all)";
  const modalityCount = form.querySelector("[data-count=modality]");
  modalityCount.textContent = `(${modality === "asserted" ? "asserted" : modality === "all" ? "all" : modality.split(",").length})`;
}

/** Return the filters the filter bar shows. */
function readFilters() {
  const checked = (name) => [...form.querySelectorAll(`input[name=${name}]:checked`)].map((b) => b.value);
  const modality = checked("modality");
  const filters = {
    since: form.since.value,
    until: form.until.value,
    codes: checked("codes").join(","),
    quad_class: checked("quad_class").join(","),
    min_confidence: form.min_confidence.value && Number(form.min_confidence.value) > 0 ? form.min_confidence.value : "",
    modality: modality.length === 5 ? "all" : modality.length === 0 || modality.join(",") === "asserted" ? "" : modality.join(","),
    level: form.level.value === "country" ? "country" : "",
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
}

function applyFilters() {
  const state = currentState();
  const options = { ...state.options };
  delete options.page;
  navigate(viewUrl(state.view === "missing" ? "home" : state.view, state.args, options, readFilters()));
}

async function render() {
  const state = currentState();
  showFilters(state.filters);
  document.querySelectorAll(".views a[data-view]").forEach((a) => {
    a.classList.toggle("on", a.dataset.view === state.view || (state.view === "home" && a.dataset.view === "network"));
    if (a.dataset.view !== "network") a.href = viewUrl(a.dataset.view, [], {}, state.filters);
  });
  const view = document.getElementById("view");
  window.explorer.ready = false;
  if (window.explorer.chart) window.explorer.chart.destroy();
  if (window.explorer.cy) window.explorer.cy.destroy();
  window.explorer.chart = null;
  window.explorer.cy = null;
  showEvidenceHint("Click a tie in the network, a bar or a row: the sentences behind it are listed here.");
  const draw = VIEWS[state.view];
  try {
    if (draw) await draw(view, state);
    else show(view, heading("Explorer", "No such page"), h("p", {}, h("a", { href: viewUrl("home"), "data-nav": "" }, "Back to the start")));
  } catch (error) {
    show(view, errorBlock(error));
  }
  document.title = `${document.querySelector("#view h1")?.textContent || "Explorer"} · Diplograph`;
  window.explorer.renders += 1;
  window.explorer.ready = true;
}

async function start() {
  const reference = await getReference();
  const codes = document.getElementById("f-codes-list");
  fill(codes, Object.entries(reference.cameo || {}).filter(([code]) => code.length === 2).map(([code, name]) =>
    h("label", {}, h("input", { type: "checkbox", name: "codes", value: code }), h("span", { class: "code" }, code), ` ${name}`)));
  form.addEventListener("change", (event) => {
    if (event.target.closest("details")) return;
    applyFilters();
  });
  form.querySelectorAll("details").forEach((details) => details.addEventListener("toggle", () => {
    if (!details.open && details.dataset.dirty) {
      delete details.dataset.dirty;
      applyFilters();
    }
  }));
  form.querySelectorAll("details").forEach((details) => details.addEventListener("change", () => { details.dataset.dirty = "1"; }));
  document.addEventListener("click", (event) => {
    form.querySelectorAll("details[open]").forEach((d) => { if (!d.contains(event.target)) d.open = false; });
    const link = event.target.closest("a[data-nav]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(link.getAttribute("href"));
  });
  const toggle = document.getElementById("filters-toggle");
  toggle.addEventListener("click", () => {
    const open = form.classList.toggle("open");
    toggle.setAttribute("aria-expanded", String(open));
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilters();
  });
  document.getElementById("f-reset").addEventListener("click", (event) => {
    event.preventDefault();
    const state = currentState();
    navigate(viewUrl(state.view === "missing" ? "home" : state.view, state.args, {}, {}));
  });
  const search = document.getElementById("search");
  attachSuggestions(search, document.getElementById("suggestions"), {
    onPick: (actor) => navigate(viewUrl("network", [actor.name], {})),
    onSubmit: (text) => navigate(viewUrl("network", [text], {})),
  });
  setRenderer(render);
  await render();
}

start().catch((error) => {
  fill(document.getElementById("view"), h("p", { class: "notice error" }, `The explorer could not start: ${error.message}`));
});
