// The start page: what the store holds, and where to begin.

import { getJSON } from "./api.js";
import { errorBlock, exportLinks, heading, loading, show } from "./common.js";
import { count, h, nodeDetails, plural } from "./format.js";
import { filterParams, viewUrl } from "./state.js";

/** Draw the start page: figures, the most connected actors, and the busiest meeting pairs. */
export async function renderHome(view, state) {
  const figures = h("div", { class: "stats" }, loading("the figures"));
  const central = h("div", { class: "chips" }, loading("the most connected actors"));
  const pairs = h("div", { class: "chips" }, loading("the meetings"));
  show(
    view,
    heading("Diplomatic events graph", "Who is around an actor, how a relationship moved, which sentence says so",
      "Search an actor above, or start from one of these. Every tie leads to the sentences it was read from."),
    figures,
    h("h3", { class: "section" }, "Most connected"),
    central,
    h("h3", { class: "section" }, "Pairs that met most"),
    pairs,
    exportLinks(state.filters),
  );
  const params = filterParams(state.filters);
  Promise.all([getJSON("/health"), getJSON("/actors", { limit: 1 })]).then(([health, actors]) => {
    show(figures,
      h("div", { class: "stat" }, h("span", { class: "stat-label" }, "Events stored"), h("strong", {}, count(health.events))),
      h("div", { class: "stat" }, h("span", { class: "stat-label" }, "Actors"), h("strong", {}, count(actors.total))));
  }).catch((error) => show(figures, errorBlock(error)));
  getJSON("/graph/centrality", { ...params, measure: "degree", top: 12 }).then((ranking) => {
    const ranked = ranking.ranked || [];
    show(central, ranked.length
      ? ranked.map((r) => h("a", { class: "chip-link", href: viewUrl("network", [String(r.node.id)]), "data-nav": "" },
        h("strong", {}, r.node.name), h("span", {}, nodeDetails(r.node)), h("small", {}, `${plural(r.partners, "partner")} · ${plural(r.events, "event")}`)))
      : h("p", { class: "hint" }, "No events under these filters yet: ingest articles with `diplograph ingest`."));
  }).catch((error) => show(central, errorBlock(error)));
  getJSON("/graph/who-met-whom", params).then((answer) => {
    const top = (answer.pairs || []).slice(0, 8);
    show(pairs, top.length
      ? top.map((p) => h("a", { class: "chip-link", href: viewUrl("dyad", [String(p.a.id), String(p.b.id)]), "data-nav": "" },
        h("strong", {}, `${p.a.name} — ${p.b.name}`), h("small", {}, plural(p.count, "meeting event"))))
      : h("p", { class: "hint" }, "No meetings under these filters."));
  }).catch((error) => show(pairs, errorBlock(error)));
}
