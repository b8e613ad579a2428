// The dyad view: how a pair's relationship moved. Cooperation (up) and conflict (down) per
// interval as stacked bars by quad class, the mean Goldstein score as a line, a table of the
// same figures, and every event in the evidence panel.

import { getJSON } from "./api.js";
import { errorBlock, exportLinks, heading, loading, show } from "./common.js";
import { showEvidence } from "./evidence.js";
import { QUADS, count, day, goldstein, h, month } from "./format.js";
import { attachSuggestions } from "./search.js";
import { filterParams, navigate, viewUrl } from "./state.js";

const INTERVALS = [["week", "Week"], ["month", "Month"], ["year", "Year"]];
const MOST_SLOTS = 400;

function addInterval(iso, interval) {
  const d = new Date(`${iso}T00:00:00Z`);
  if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** Return one slot per interval from the first bucket to the last (empty ones null), so the
 * time axis has no holes; the buckets alone when that would be too many bars. */
export function slots(buckets, interval) {
  if (!buckets.length) return [];
  const byStart = new Map(buckets.map((b) => [b.start, b]));
  const out = [];
  const last = buckets[buckets.length - 1].start;
  for (let start = buckets[0].start; start <= last; start = addInterval(start, interval)) {
    out.push({ start, bucket: byStart.get(start) || null });
    if (out.length > MOST_SLOTS) return buckets.map((b) => ({ start: b.start, bucket: b }));
  }
  return out;
}

function slotLabel(start, interval) {
  if (interval === "year") return start.slice(0, 4);
  if (interval === "month") return month(start);
  if (interval === "week") return `week of ${day(start)}`;
  return day(start);
}

function card(label, value, sub = "") {
  return h("div", { class: "stat" }, h("span", { class: "stat-label" }, label), h("strong", {}, value), sub ? h("small", {}, sub) : null);
}

function share(part, total) {
  return total ? `${Math.round((100 * part) / total)}%` : "–";
}

function drawChart(canvas, dyad, filled) {
  const labels = filled.map((s) => slotLabel(s.start, dyad.interval));
  const datasets = QUADS.map((q) => ({
    type: "bar",
    label: q.label,
    data: filled.map((s) => (s.bucket ? (q.n <= 2 ? 1 : -1) * s.bucket.quad_classes[q.key] : 0)),
    backgroundColor: q.color,
    stack: "events",
    yAxisID: "y",
    order: 2,
    maxBarThickness: 48,
  }));
  datasets.push({
    type: "line",
    label: "Mean Goldstein",
    data: filled.map((s) => (s.bucket ? s.bucket.mean_goldstein : null)),
    borderColor: "#1d2433",
    backgroundColor: "#1d2433",
    borderWidth: 2,
    pointRadius: filled.length > 40 ? 0 : 3.5,
    spanGaps: true,
    yAxisID: "g",
    order: 1,
  });
  const peak = Math.max(1, ...filled.map((s) => (s.bucket ? Math.max(
    s.bucket.quad_classes.verbal_cooperation + s.bucket.quad_classes.material_cooperation,
    s.bucket.quad_classes.verbal_conflict + s.bucket.quad_classes.material_conflict,
  ) : 0)));
  const font = { family: "Liberation Sans, DejaVu Sans, Arial, sans-serif", size: 12 };
  return new window.Chart(canvas, {
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      plugins: {
        legend: { position: "bottom", labels: { font, boxWidth: 14, usePointStyle: false } },
        tooltip: {
          callbacks: {
            label: (item) => (item.dataset.yAxisID === "g"
              ? `Mean Goldstein ${goldstein(item.raw)}`
              : `${item.dataset.label}: ${Math.abs(item.raw)}`),
          },
        },
      },
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { font, maxRotation: 0, autoSkip: true } },
        y: {
          stacked: true,
          min: -peak,
          max: peak,
          ticks: { font, precision: 0, callback: (v) => Math.abs(v) },
          title: { display: true, text: "events: cooperation ↑  conflict ↓", font },
          grid: { color: (ctx) => (ctx.tick.value === 0 ? "#8a8f99" : "#ebe7de") },
        },
        g: {
          position: "right",
          min: -10,
          max: 10,
          ticks: { font, stepSize: 5 },
          title: { display: true, text: "mean Goldstein", font },
          grid: { drawOnChartArea: false },
        },
      },
      onClick: (_event, elements) => {
        if (!elements.length) return;
        const slot = filled[elements[0].index];
        if (slot.bucket) showBucket(dyad, slot.bucket);
      },
    },
  });
}

function showBucket(dyad, bucket) {
  showEvidence({
    title: `${dyad.a.name} — ${dyad.b.name}, ${slotLabel(bucket.start, dyad.interval)}`,
    subtitle: `${count(bucket.events)} events · mean Goldstein ${goldstein(bucket.mean_goldstein)}`,
    ids: bucket.event_ids,
  });
}

function bucketTable(dyad) {
  return h(
    "table",
    { class: "data buckets" },
    h("caption", {}, `Events per ${dyad.interval}`),
    h("thead", {}, h("tr", {}, h("th", {}, "Period"), QUADS.map((q) => h("th", { class: "num", title: q.label }, h("i", { class: "swatch", style: { background: q.color } }), q.short)),
      h("th", { class: "num" }, "Events"), h("th", { class: "num" }, "Mean Goldstein"))),
    h(
      "tbody",
      {},
      dyad.buckets.map((b) =>
        h("tr", { tabindex: 0, onclick: () => showBucket(dyad, b), onkeydown: (e) => e.key === "Enter" && showBucket(dyad, b) },
          h("td", {}, slotLabel(b.start, dyad.interval)),
          QUADS.map((q) => h("td", { class: "num" }, b.quad_classes[q.key] || "")),
          h("td", { class: "num" }, count(b.events)),
          h("td", { class: "num" }, goldstein(b.mean_goldstein))),
      ),
    ),
  );
}

function dyadForm(view, state) {
  const first = h("input", { type: "search", id: "dyad-a", placeholder: "First actor or country", "aria-label": "First actor", autocomplete: "off" });
  const second = h("input", { type: "search", id: "dyad-b", placeholder: "Second actor or country", "aria-label": "Second actor", autocomplete: "off" });
  const lists = [h("ul", { class: "suggestions", hidden: true }), h("ul", { class: "suggestions", hidden: true })];
  const picked = [null, null];
  const go = () => {
    const a = picked[0] || first.value.trim();
    const b = picked[1] || second.value.trim();
    if (a && b) navigate(viewUrl("dyad", [a, b], state.options));
  };
  [first, second].forEach((input, i) => attachSuggestions(input, lists[i], {
    onPick: (actor) => { picked[i] = String(actor.id); },
    onSubmit: () => { picked[i] = null; go(); },
  }));
  first.addEventListener("input", () => { picked[0] = null; });
  second.addEventListener("input", () => { picked[1] = null; });
  const pairs = h("div", { class: "chips" }, loading("the pairs that met most"));
  show(
    view,
    heading("Dyad", "How has a relationship moved?", "Choose two actors (or two countries at the country level)."),
    h("form", { class: "pair-form", onsubmit: (e) => { e.preventDefault(); go(); } },
      h("div", { class: "combo" }, first, lists[0]), h("span", { class: "dash" }, "—"),
      h("div", { class: "combo" }, second, lists[1]), h("button", { type: "submit", class: "button" }, "Show timeline")),
    h("h3", { class: "section" }, "Pairs that met most"),
    pairs,
  );
  getJSON("/graph/who-met-whom", filterParams(state.filters)).then((answer) => {
    const top = (answer.pairs || []).slice(0, 10);
    show(pairs, top.length ? top.map((p) => h("a", { class: "chip-link", href: viewUrl("dyad", [String(p.a.id), String(p.b.id)]), "data-nav": "" },
      `${p.a.name} — ${p.b.name}`, h("small", {}, count(p.count)))) : h("p", { class: "hint" }, "No meetings under these filters."));
  }).catch((error) => show(pairs, errorBlock(error)));
}

/** Draw the timeline of the pair the URL names, or the form to choose one. */
export async function renderDyad(view, state) {
  const [a, b] = state.args;
  if (!a || !b) {
    dyadForm(view, state);
    return;
  }
  const interval = ["day", "week", "month", "year"].includes(state.options.interval) ? state.options.interval : "month";
  show(view, loading(`the timeline of ${a} and ${b}`));
  let dyad;
  try {
    dyad = await getJSON("/graph/dyad", { ...filterParams(state.filters), a, b, interval });
  } catch (error) {
    const ambiguous = error.message.includes(`'${a}'`) ? 0 : 1;
    show(view, errorBlock(error, {
      ref: ambiguous === 0 ? a : b,
      onCandidate: (actor) => {
        const args = [a, b];
        args[ambiguous] = String(actor.id);
        navigate(viewUrl("dyad", args, state.options));
      },
    }));
    return;
  }
  const s = dyad.summary;
  const q = s.quad_classes;
  const filled = slots(dyad.buckets, dyad.interval);
  const intervals = h("div", { class: "segmented", role: "group", "aria-label": "Interval" },
    INTERVALS.map(([value, label]) => h("a", {
      href: viewUrl("dyad", [a, b], { ...state.options, interval: value === "month" ? "" : value }),
      "data-nav": "", class: value === dyad.interval ? "on" : "",
    }, label)));
  const canvas = h("canvas", { id: "dyad-chart", role: "img", "aria-label": `Events per ${dyad.interval} between ${dyad.a.name} and ${dyad.b.name}` });
  show(
    view,
    heading(dyad.level === "country" ? "Country dyad" : "Dyad",
      h("span", {}, h("a", { href: viewUrl("network", [String(dyad.a.id)]), "data-nav": "" }, dyad.a.name), " — ",
        h("a", { href: viewUrl("network", [String(dyad.b.id)]), "data-nav": "" }, dyad.b.name)),
      s.events ? `${day(s.first_date)} – ${day(s.last_date)}` : "No events under these filters.",
      intervals),
    h("div", { class: "stats" },
      card("Events", count(s.events), `${count(s.outgoing)} by ${dyad.a.name} · ${count(s.incoming)} by ${dyad.b.name}`),
      card("Cooperation", share(q.verbal_cooperation + q.material_cooperation, s.events), `${count(q.verbal_cooperation)} verbal · ${count(q.material_cooperation)} material`),
      card("Conflict", share(q.verbal_conflict + q.material_conflict, s.events), `${count(q.verbal_conflict)} verbal · ${count(q.material_conflict)} material`),
      card("Mean Goldstein", goldstein(s.mean_goldstein), "−10 hostile … +10 cooperative"),
    ),
    filled.length ? h("div", { class: "chart" }, canvas) : null,
    dyad.undated ? h("p", { class: "note" }, `${count(dyad.undated)} undated events are counted above but not on the timeline.`) : null,
    filled.length ? bucketTable(dyad) : null,
    exportLinks(state.filters),
  );
  if (filled.length) window.explorer.chart = drawChart(canvas, dyad, filled);
  showEvidence({
    title: `${dyad.a.name} — ${dyad.b.name}`,
    subtitle: `All ${count(s.events)} events, oldest first. Click a bar or a row for one ${dyad.interval}.`,
    ids: (dyad.events || []).length === s.event_ids.length ? dyad.events.map((e) => e.event_id) : s.event_ids,
    reveal: false,
  });
}
