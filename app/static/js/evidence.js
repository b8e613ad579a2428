// The evidence panel: the events behind what was clicked, each with its sentence (trigger
// marked), article, date, confidence and modality.

import { ROOT, getEvents, getReference } from "./api.js";
import { day, fill, goldstein, h, highlighted, quadOf } from "./format.js";

const PAGE = 10;
const panel = () => document.getElementById("evidence-body");

/** Return the card of one event of GET /events/{id}. */
function eventCard(event, reference) {
  if (event.error) {
    return h("li", { class: "event missing" }, `Event ${event.id}: ${event.error}`);
  }
  const quad = quadOf(event.quad_class);
  const article = event.article || {};
  const title = article.title || `Article ${event.article_id}`;
  return h(
    "li",
    { class: "event", dataset: { eventId: event.id } },
    h(
      "div",
      { class: "event-head" },
      h("span", { class: "date" }, day(event.date)),
      h("span", { class: "quad", style: { "--quad": quad.color } }, quad.label),
    ),
    h(
      "p",
      { class: "who" },
      h("strong", {}, event.source ? event.source.name : "?"),
      h("span", { class: "arrow", "aria-label": "acted on" }, " → "),
      h("strong", {}, event.target ? event.target.name : "?"),
    ),
    h(
      "p",
      { class: "cameo" },
      h("abbr", { title: "CAMEO event code" }, event.cameo),
      ` ${(reference.cameo || {})[event.cameo] || event.action || ""}`,
      event.negated ? " (negated)" : "",
    ),
    h("blockquote", { class: "sentence" }, highlighted(event.sentence, event.trigger)),
    h(
      "p",
      { class: "source" },
      article.url
        ? h("a", { href: article.url, target: "_blank", rel: "noopener noreferrer" }, title)
        : h("span", { class: "title" }, title),
      article.published ? ` · published ${day(article.published)}` : "",
    ),
    h(
      "p",
      { class: "meta" },
      h("span", {}, `confidence ${Number(event.confidence).toFixed(2)}`),
      h("span", {}, event.modality),
      h("span", {}, `Goldstein ${goldstein(event.goldstein)}`),
      h("a", { href: `${ROOT}/events/${event.id}`, target: "_blank" }, `event #${event.id}`),
    ),
  );
}

let showing = 0;

/**
 * Show the events `ids` in the panel under `title`, `PAGE` at a time.
 * `keep(event)` drops fetched events that do not belong (shared summaries);
 * `actions` are nodes (links) shown under the title; `reveal` scrolls the panel into view on
 * a phone, where it sits under the view.
 */
export async function showEvidence({ title, subtitle = "", ids = [], keep = null, actions = [], reveal = true }) {
  const ticket = ++showing;
  const list = h("ol", { class: "events" });
  const more = h("div", { class: "more" });
  const status = h("p", { class: "hint" }, ids.length ? "Loading the sentences…" : "No events.");
  fill(
    panel(),
    h("h3", { class: "evidence-title" }, title),
    subtitle ? h("p", { class: "evidence-sub" }, subtitle) : null,
    actions.length ? h("p", { class: "evidence-actions" }, actions) : null,
    status,
    list,
    more,
  );
  document.getElementById("evidence").classList.add("has-content");
  if (reveal && window.matchMedia("(max-width: 760px)").matches) {
    document.getElementById("evidence").scrollIntoView({ block: "start" });
  }
  let next = 0;
  async function loadPage() {
    const batch = ids.slice(next, next + PAGE);
    next += batch.length;
    fill(more);
    const reference = await getReference();
    let events = await getEvents(batch);
    if (ticket !== showing) return;
    if (keep) events = events.filter((e) => e.error || keep(e));
    events.sort((a, b) => (a.date || "9999").localeCompare(b.date || "9999") || a.id - b.id);
    list.append(...events.map((e) => eventCard(e, reference)));
    status.remove();
    if (next < ids.length) {
      fill(more, h("button", { type: "button", onclick: loadPage }, `Show more (${ids.length - next} left)`));
    }
  }
  if (ids.length) await loadPage();
}

/** Show a plain message in the panel. */
export function showEvidenceHint(text) {
  showing++;
  fill(panel(), h("p", { class: "hint" }, text));
  document.getElementById("evidence").classList.remove("has-content");
}
