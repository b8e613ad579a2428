// The two tables: who met whom (consult-family pairs) and new dyads (pairs that first appear
// on or after a day), paged, each row opening its events in the evidence panel.

import { getJSON } from "./api.js";
import { errorBlock, exportLinks, heading, loading, pager, show } from "./common.js";
import { showEvidence } from "./evidence.js";
import { count, day, dominantQuad, goldstein, h, highlighted } from "./format.js";
import { attachSuggestions } from "./search.js";
import { filterParams, navigate, viewUrl } from "./state.js";

const PAGE = 20;

function pageOf(state) {
  return Math.max(1, parseInt(state.options.page, 10) || 1);
}

/** Rows per page: the `size` option (1-500), else 20. */
function sizeOf(state) {
  return Math.max(1, Math.min(500, parseInt(state.options.size, 10) || PAGE));
}

function actorLink(node) {
  return h("a", { href: viewUrl("network", [String(node.id)]), "data-nav": "", onclick: (e) => e.stopPropagation() }, node.name);
}

function pairCell(p) {
  return h("td", { class: "pair" }, actorLink(p.a), h("span", { class: "dash" }, " — "), actorLink(p.b));
}

/** Return the rows of `answer[field]`, and a note when the server sent only part of them. */
function rowsOf(answer, field) {
  const rows = answer[field] || [];
  const total = typeof answer.total === "number" ? answer.total : rows.length;
  const note = total > rows.length
    ? h("p", { class: "note" }, `The server sent the first ${count(rows.length)} of ${count(total)} rows; narrow the filters to see the rest.`)
    : null;
  return { rows, note };
}

/** Return a table whose cells carry their column's name (shown on phones, where each row
 * becomes a card). */
function table(caption, head, body) {
  for (const row of body) {
    [...row.children].forEach((cell, i) => { if (head[i]) cell.dataset.label = head[i][0]; });
  }
  return h("table", { class: "data cards" }, h("caption", {}, caption),
    h("thead", {}, h("tr", {}, head.map(([label, cls]) => h("th", { class: cls || "" }, label)))),
    h("tbody", {}, body));
}

function clickableRow(open, ...cells) {
  return h("tr", { tabindex: 0, onclick: open, onkeydown: (e) => e.key === "Enter" && open() }, cells);
}

/** Draw the who-met-whom table (all pairs, or around the `actor` option). */
export async function renderMeetings(view, state) {
  const actor = state.options.actor || "";
  const page = pageOf(state);
  const size = sizeOf(state);
  const input = h("input", { type: "search", value: actor, placeholder: "Around one actor (optional)", "aria-label": "Actor", autocomplete: "off" });
  const list = h("ul", { class: "suggestions", hidden: true });
  const go = (value) => navigate(viewUrl("meetings", [], { actor: value }));
  attachSuggestions(input, list, { onPick: (a) => go(a.name), onSubmit: go });
  const tools = h("form", { class: "inline-form", onsubmit: (e) => e.preventDefault() }, h("div", { class: "combo" }, input, list),
    actor ? h("a", { href: viewUrl("meetings"), "data-nav": "", class: "clear" }, "All pairs") : null);
  show(view, heading("Who met whom", actor ? `Meetings of ${actor}` : "Meetings, visits and talks",
    "Pairs linked by consult events (CAMEO 04: meet, visit, host, negotiate, mediate), most meetings first.", tools), loading("the meetings"));
  let answer;
  try {
    answer = await getJSON("/graph/who-met-whom", { ...filterParams(state.filters), actor });
  } catch (error) {
    show(view, heading("Who met whom", `Meetings of ${actor}`, null, tools), errorBlock(error, {
      ref: actor, onCandidate: (a) => go(String(a.id)),
    }));
    return;
  }
  const { rows, note } = rowsOf(answer, "pairs");
  const shown = rows.slice((page - 1) * size, page * size);
  const open = (p) => showEvidence({
    title: `${p.a.name} — ${p.b.name}`,
    subtitle: `${count(p.count)} meeting events · ${day(p.first_date)} – ${day(p.last_date)}`,
    ids: p.evidence.map((e) => e.event_id),
    actions: [h("a", { href: viewUrl("dyad", [String(p.a.id), String(p.b.id)]), "data-nav": "" }, "Timeline of this pair →")],
  });
  show(
    view,
    heading("Who met whom", answer.actor ? `Meetings of ${answer.actor.name}` : "Meetings, visits and talks",
      `${count(rows.length)} pairs linked by consult events (CAMEO 04: meet, visit, host, negotiate, mediate), most meetings first.`, tools),
    note,
    rows.length
      ? table("Meeting pairs", [["#", "num"], ["Pair"], ["Meetings", "num"], ["First"], ["Last"], ["Latest evidence"]],
        shown.map((p, i) => clickableRow(() => open(p),
          h("td", { class: "num muted" }, (page - 1) * size + i + 1), pairCell(p), h("td", { class: "num" }, count(p.count)),
          h("td", { class: "nowrap" }, day(p.first_date)), h("td", { class: "nowrap" }, day(p.last_date)),
          h("td", { class: "quote" }, p.evidence.length ? highlighted(p.evidence[p.evidence.length - 1].sentence, p.evidence[p.evidence.length - 1].trigger) : ""))))
      : h("p", { class: "notice" }, "No meetings under these filters."),
    rows.length > size ? pager(rows.length, page, size, (p) => navigate(viewUrl("meetings", [], { ...state.options, page: p > 1 ? p : "" }))) : null,
    exportLinks(state.filters),
  );
}

/** Return the day three months before the newest article's publication (a year before today
 * when no article has a date): where the early-warning list starts unless `since` says. */
async function defaultSince() {
  let newest = null;
  try {
    const page = await getJSON("/articles", { limit: 1 });
    newest = page.items && page.items[0] ? page.items[0].published : null;
  } catch {
    newest = null;
  }
  const d = newest ? new Date(`${newest}T00:00:00Z`) : new Date();
  if (newest) d.setUTCMonth(d.getUTCMonth() - 3);
  else d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

/** Draw the new-dyads table: pairs whose first event is on or after the `since` filter. */
export async function renderNewDyads(view, state) {
  const since = state.filters.since || (await defaultSince());
  const page = pageOf(state);
  const size = sizeOf(state);
  const dateInput = h("input", { type: "date", value: since, "aria-label": "Since", onchange: (e) => {
    if (e.target.value) navigate(viewUrl("new-dyads", [], {}, { ...state.filters, since: e.target.value }));
  } });
  const tools = h("label", { class: "inline-form" }, "First event on or after ", dateInput);
  show(view, heading("New pairs", `Pairs first seen since ${day(since)}`, null, tools), loading("the new pairs"));
  let answer;
  try {
    answer = await getJSON("/graph/new-dyads", { ...filterParams(state.filters), since });
  } catch (error) {
    show(view, heading("New pairs", `Pairs first seen since ${day(since)}`, null, tools), errorBlock(error));
    return;
  }
  const { rows, note } = rowsOf(answer, "dyads");
  const shown = rows.slice((page - 1) * size, page * size);
  const open = (d) => showEvidence({
    title: `${d.a.name} — ${d.b.name}`,
    subtitle: `First event ${day(d.first_date)} · ${count(d.summary.events)} events since · mean Goldstein ${goldstein(d.summary.mean_goldstein)}`,
    ids: d.summary.event_ids,
    actions: [h("a", { href: viewUrl("dyad", [String(d.a.id), String(d.b.id)]), "data-nav": "" }, "Timeline of this pair →")],
  });
  show(
    view,
    heading("New pairs", `Pairs first seen since ${day(since)}`,
      `${count(rows.length)} pairs whose first event together (over the whole history) falls on or after this day: the early-warning list.`, tools),
    note,
    rows.length
      ? table("New pairs", [["#", "num"], ["Pair"], ["First event"], ["What happened first"], ["Events", "num"], ["Mean Goldstein", "num"]],
        shown.map((d, i) => clickableRow(() => open(d),
          h("td", { class: "num muted" }, (page - 1) * size + i + 1), pairCell(d), h("td", { class: "nowrap" }, day(d.first_date)),
          h("td", { class: "quote" }, h("span", { class: "swatch-dot", style: { background: dominantQuad(d.summary.quad_classes).color } }),
            d.first_event ? highlighted(d.first_event.sentence, d.first_event.trigger) : ""),
          h("td", { class: "num" }, count(d.summary.events)), h("td", { class: "num" }, goldstein(d.summary.mean_goldstein)))))
      : h("p", { class: "notice" }, `No pair first appears on or after ${day(since)} under these filters.`),
    rows.length > size ? pager(rows.length, page, size, (p) => navigate(viewUrl("new-dyads", [], { ...state.options, page: p > 1 ? p : "" }, { ...state.filters, since }))) : null,
    exportLinks(state.filters),
  );
}
