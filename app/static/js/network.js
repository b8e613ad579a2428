// The network view: an actor's neighbourhood (radius 1 or 2) drawn with Cytoscape.js.
// Nodes are coloured by country and sized by events; ties are coloured by their most frequent
// quad class, sized by events, with arrows for who acted on whom. Large neighbourhoods are
// trimmed to the strongest ties (the `top` option), with a note saying so.

import { getJSON, getReference } from "./api.js";
import { csvButton, errorBlock, exportLinks, heading, loading, show } from "./common.js";
import { showEvidence } from "./evidence.js";
import {
  NO_COUNTRY, OTHER_COUNTRY, QUADS, count, countryColours, countryLabel, day, dominantQuad,
  fill, goldstein, h, nodeDetails,
} from "./format.js";
import { filterParams, navigate, viewUrl } from "./state.js";

export const DEFAULT_TOP = 30;
const PHONE_TOP = 12;
const MOST_EDGE_LABELS = 24;
const MOST_OUTER_LABELS = 15;
const SHAPES = { person: "ellipse", country: "round-rectangle" };
const SHAPE_NAMES = [
  ["ellipse", "Person"],
  ["round-rectangle", "State"],
  ["diamond", "Organisation or group"],
];

const key = (node) => `n${node.id}`;
const byEvents = (a, b) => b.summary.events - a.summary.events || a.node.name.localeCompare(b.node.name);

/** Return the kept neighbours: the `top` busiest at distance 1, and at distance 2 the `top`
 * busiest reached through a kept one. */
export function trim(neighbours, top) {
  const first = neighbours.filter((n) => n.distance === 1).sort(byEvents);
  const second = neighbours.filter((n) => n.distance === 2).sort(byEvents);
  const keptFirst = first.slice(0, top);
  const kept = new Set(keptFirst.map((n) => key(n.node)));
  const keptSecond = second.filter((n) => n.via.some((v) => kept.has(key(v)))).slice(0, top);
  return { first, second, keptFirst, keptSecond };
}

function tieText(summary) {
  const quads = QUADS.filter((q) => summary.quad_classes[q.key])
    .map((q) => `${summary.quad_classes[q.key]} ${q.label.toLowerCase()}`)
    .join(", ");
  const dates = summary.first_date === summary.last_date
    ? day(summary.first_date)
    : `${day(summary.first_date)} – ${day(summary.last_date)}`;
  return `${count(summary.events)} event${summary.events === 1 ? "" : "s"} (${quads}) · mean Goldstein ${goldstein(summary.mean_goldstein)} · ${dates}`;
}

/** Return where a node's label goes at `angle` on a ring: outwards, so that neighbours'
 * labels do not run into each other. */
function labelSide(angle) {
  const x = Math.cos(angle);
  const y = Math.sin(angle);
  if (x > 0.35) return { halign: "right", valign: "center", mx: 5, my: 0 };
  if (x < -0.35) return { halign: "left", valign: "center", mx: -5, my: 0 };
  return y < 0 ? { halign: "center", valign: "top", mx: 0, my: -4 } : { halign: "center", valign: "bottom", mx: 0, my: 4 };
}

/** Return the Cytoscape elements, with preset positions: the centre, a ring of direct ties,
 * and the second-degree actors placed beyond the tie they are reached through. */
function elements(ego, kept, colours) {
  const centre = ego.actor;
  const colour = (node) => (node.country ? colours.get(node.country) || OTHER_COUNTRY : NO_COUNTRY);
  const shape = (node) => SHAPES[node.type] || "diamond";
  // Sizes and widths relative to the busiest tie drawn, so that a hub's neighbourhood is not
  // all at the cap.
  const busiest = Math.max(1, ...kept.keptFirst.map((n) => n.summary.events), ...kept.keptSecond.map((n) => n.summary.events));
  const size = (events) => 18 + 30 * Math.sqrt(events / busiest);
  const width = (events) => 1.3 + 6 * Math.sqrt(events / busiest);
  const edgeLabels = kept.keptFirst.length + kept.keptSecond.length <= MOST_EDGE_LABELS;
  const outerLabels = kept.keptSecond.length <= MOST_OUTER_LABELS;
  const centreEvents = kept.first.reduce((sum, n) => sum + n.summary.events, 0);
  const out = [];
  const n1 = kept.keptFirst.length;
  const r1 = Math.max(120, (n1 * 95) / (2 * Math.PI));
  const angles = new Map();
  out.push({
    group: "nodes",
    data: {
      id: key(centre), node: centre, label: centre.name, color: colour(centre),
      shape: shape(centre), size: 56, events: centreEvents, centre: true, ...labelSide(Math.PI / 2),
    },
    position: { x: 0, y: 0 },
  });
  kept.keptFirst.forEach((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n1);
    angles.set(key(n.node), angle);
    const s = n.summary;
    out.push({
      group: "nodes",
      data: {
        id: key(n.node), node: n.node, label: n.node.name, color: colour(n.node),
        shape: shape(n.node), size: size(s.events), events: s.events, distance: 1, ...labelSide(angle),
      },
      position: { x: r1 * Math.cos(angle), y: r1 * Math.sin(angle) },
    });
    out.push({
      group: "edges",
      data: {
        id: `e${key(centre)}-${key(n.node)}`, source: key(centre), target: key(n.node),
        a: centre, b: n.node, summary: s, color: dominantQuad(s.quad_classes).color,
        width: width(s.events), label: edgeLabels && s.events > 1 ? String(s.events) : "",
        tshape: s.outgoing > 0 ? "triangle" : "none", sshape: s.incoming > 0 ? "triangle" : "none",
      },
    });
  });
  const rank = new Map(kept.keptFirst.map((n, i) => [key(n.node), i]));
  const drawnVias = (n) => n.via.filter((v) => rank.has(key(v))).sort((x, y) => rank.get(key(x)) - rank.get(key(y)));
  // The second-degree actors on an outer ring, each as near as the others allow to the
  // strongest drawn partner it is reached through.
  const outer = kept.keptSecond
    .map((n) => ({ n, want: angles.get(key(drawnVias(n)[0])) }))
    .sort((x, y) => x.want - y.want || y.n.summary.events - x.n.summary.events);
  const gap = Math.min((2 * Math.PI) / Math.max(1, outer.length), 0.22);
  let previous = -Infinity;
  for (const o of outer) {
    o.at = Math.max(o.want, previous + gap);
    previous = o.at;
  }
  const drift = outer.reduce((sum, o) => sum + (o.at - o.want), 0) / Math.max(1, outer.length);
  outer.forEach((o, i) => {
    const angle = o.at - drift;
    const r2 = r1 + 130 + (outer.length > 16 ? (i % 2) * 45 : 0);
    const s = o.n.summary;
    out.push({
      group: "nodes",
      data: {
        id: key(o.n.node), node: o.n.node, label: outerLabels ? o.n.node.name : "", name: o.n.node.name,
        color: colour(o.n.node), shape: shape(o.n.node), size: size(s.events) * 0.85, events: s.events,
        distance: 2, ...labelSide(angle),
      },
      position: { x: r2 * Math.cos(angle), y: r2 * Math.sin(angle) },
    });
  });
  for (const n of kept.keptSecond) {
    // A second-degree actor is tied to at most three of the drawn partners it is reached
    // through (the strongest), so that a dense neighbourhood stays legible.
    const vias = drawnVias(n).slice(0, 3);
    const shared = n.via.length > 1;
    for (const via of vias) {
      const s = n.summary;
      out.push({
        group: "edges",
        data: {
          id: `e${key(via)}-${key(n.node)}`, source: key(via), target: key(n.node),
          a: via, b: n.node, summary: s, shared, color: dominantQuad(s.quad_classes).color,
          width: shared ? 1.3 : width(s.events),
          label: edgeLabels && !shared && s.events > 1 ? String(s.events) : "",
          tshape: !shared && s.outgoing > 0 ? "triangle" : "none",
          sshape: !shared && s.incoming > 0 ? "triangle" : "none",
        },
      });
    }
  }
  return out;
}

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)", width: "data(size)", height: "data(size)",
      shape: "data(shape)", "border-width": 1.5, "border-color": "#3d4453",
      label: "data(label)", "font-size": 11, "font-family": "Liberation Sans, DejaVu Sans, Arial, sans-serif",
      color: "#1d2433", "text-valign": "data(valign)", "text-halign": "data(halign)",
      "text-margin-x": "data(mx)", "text-margin-y": "data(my)", "text-wrap": "wrap",
      "text-max-width": 120, "text-background-color": "#fbfaf7", "text-background-opacity": 0.85,
      "text-background-padding": 2, "text-background-shape": "roundrectangle", "min-zoomed-font-size": 5,
    },
  },
  { selector: "node[?centre]", style: { "border-width": 4, "border-color": "#1f3a5f", "font-size": 13, "font-weight": "bold" } },
  { selector: "node[distance = 2]", style: { "font-size": 10, "border-width": 1 } },
  {
    selector: "edge",
    style: {
      "curve-style": "bezier", width: "data(width)", "line-color": "data(color)",
      "target-arrow-color": "data(color)", "source-arrow-color": "data(color)",
      "target-arrow-shape": "data(tshape)", "source-arrow-shape": "data(sshape)", "arrow-scale": 1.1,
      opacity: 0.9, label: "data(label)", "font-size": 10, color: "#39404f",
      "text-background-color": "#ffffff", "text-background-opacity": 0.9, "text-background-padding": 1,
    },
  },
  { selector: "edge[?shared]", style: { "line-style": "dashed", opacity: 0.55 } },
  { selector: "node.hovered", style: { label: "data(name)", "z-index": 10 } },
  { selector: "edge:selected", style: { "underlay-color": "#1f3a5f", "underlay-opacity": 0.18, "underlay-padding": 5, opacity: 1 } },
  { selector: "node:active, edge:active", style: { "overlay-opacity": 0.08 } },
];

/** Scale the labels up when the drawing had to be zoomed out to fit (a phone, a big
 * neighbourhood), so that they stay about 10px on screen. */
function readableLabels(cy) {
  const scale = Math.min(2.2, Math.max(1, 0.95 / cy.zoom()));
  if (scale === 1) return;
  cy.style()
    .selector("node").style({ "font-size": 11 * scale, "text-max-width": 120 * scale })
    .selector("node[?centre]").style({ "font-size": 13 * scale })
    .selector("node[distance = 2]").style({ "font-size": 10 * scale })
    .selector("edge").style({ "font-size": 10 * scale })
    .update();
  cy.fit(undefined, 24);
}

function legend(colours, present, reference) {
  const countries = [...colours.entries()].filter(([code]) => present.has(code));
  const others = [...present].filter((c) => c && !colours.has(c));
  return h(
    "div",
    { class: "legend", "aria-label": "Legend" },
    h(
      "div",
      { class: "legend-block" },
      h("h4", {}, "Country"),
      h(
        "ul",
        {},
        countries.map(([code, colour]) =>
          h("li", {}, h("i", { class: "swatch", style: { background: colour } }), countryLabel(code, reference)),
        ),
        others.length
          ? h("li", { title: others.join(", ") }, h("i", { class: "swatch", style: { background: OTHER_COUNTRY } }), `${others.length} other ${others.length === 1 ? "country" : "countries"}`)
          : null,
        present.has(null) ? h("li", {}, h("i", { class: "swatch hollow" }), "No country") : null,
      ),
    ),
    h(
      "div",
      { class: "legend-block" },
      h("h4", {}, "Tie: most frequent quad class"),
      h("ul", {}, QUADS.map((q) => h("li", {}, h("i", { class: "line", style: { background: q.color } }), q.label))),
      h("p", { class: "legend-note" }, "Width: number of events. Arrow: who acted on whom. Dashed: events shared with several partners."),
    ),
    h(
      "div",
      { class: "legend-block" },
      h("h4", {}, "Shape"),
      h("ul", {}, SHAPE_NAMES.map(([shape, label]) => h("li", {}, h("i", { class: `shape ${shape}` }), label))),
    ),
  );
}

function tiesTable(ego, kept, select) {
  const rows = [...kept.keptFirst, ...kept.keptSecond];
  return h(
    "table",
    { class: "data ties" },
    h("caption", {}, "Ties drawn, strongest first"),
    h(
      "thead",
      {},
      h("tr", {}, h("th", {}, "Actor"), h("th", {}, "Country"), h("th", { class: "num" }, "Events"),
        h("th", { class: "num", title: "Events from the nearer side / towards it" }, "Out / in"),
        h("th", { class: "num" }, "Mean Goldstein"), h("th", {}, "Last"), h("th", {}, "Via")),
    ),
    h(
      "tbody",
      {},
      rows.map((n) =>
        h(
          "tr",
          { tabindex: 0, onclick: () => select(n), onkeydown: (e) => e.key === "Enter" && select(n) },
          h("td", {}, h("span", { class: "swatch-dot", style: { background: dominantQuad(n.summary.quad_classes).color } }), n.node.name),
          h("td", {}, n.node.country || "–"),
          h("td", { class: "num" }, count(n.summary.events)),
          h("td", { class: "num" }, `${n.summary.outgoing} / ${n.summary.incoming}`),
          h("td", { class: "num" }, goldstein(n.summary.mean_goldstein)),
          h("td", {}, day(n.summary.last_date)),
          h("td", {}, n.via.map((v) => v.name).join(", ") || (n.distance === 1 ? ego.actor.name : "")),
        ),
      ),
    ),
  );
}

function showTie(edge, state) {
  const { a, b, summary, shared } = edge.data();
  const level = state.filters.level || "actor";
  const pair = new Set([String(a.id), String(b.id)]);
  const ends = (event) => {
    const side = (actor) => (level === "country" ? actor && actor.country : actor && String(actor.id));
    return pair.has(side(event.source)) && pair.has(side(event.target));
  };
  showEvidence({
    title: `${a.name} — ${b.name}`,
    subtitle: shared ? `Events of ${b.name} with several partners; those with ${a.name} are listed.` : tieText(summary),
    ids: summary.event_ids,
    keep: shared ? ends : null,
    actions: [
      h("a", { href: viewUrl("dyad", [String(a.id), String(b.id)]), "data-nav": "" }, "Timeline of this pair →"),
    ],
  });
}

/** Draw the network of the actor the URL names. */
export async function renderNetwork(view, state) {
  const ref = state.args[0];
  const radius = state.options.radius === "2" ? 2 : 1;
  // A phone shows fewer ties by default: its drawing is a third as wide.
  const phone = window.matchMedia("(max-width: 760px)").matches;
  const top = Math.max(1, Math.min(1000, parseInt(state.options.top, 10) || (phone ? PHONE_TOP : DEFAULT_TOP)));
  show(view, loading(`the network of ${ref}`));
  let ego;
  try {
    ego = await getJSON(`/graph/actors/${encodeURIComponent(ref)}/ego`, { ...filterParams(state.filters), radius });
  } catch (error) {
    show(view, errorBlock(error, {
      ref,
      onCandidate: (actor) => navigate(viewUrl("network", [String(actor.id)], state.options)),
    }));
    return;
  }
  const reference = await getReference();
  const kept = trim(ego.neighbours || [], top);
  const drawn = [ego.actor, ...kept.keptFirst.map((n) => n.node), ...kept.keptSecond.map((n) => n.node)];
  const weight = new Map();
  for (const n of [...kept.keptFirst, ...kept.keptSecond]) {
    if (n.node.country) weight.set(n.node.country, (weight.get(n.node.country) || 0) + n.summary.events);
  }
  if (ego.actor.country) weight.set(ego.actor.country, Infinity);
  const colours = countryColours([...weight.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([c]) => c));
  const present = new Set(drawn.map((n) => n.country || null));

  const options = (extra) => ({ ...state.options, ...extra });
  const radiusLinks = h(
    "div",
    { class: "segmented", role: "group", "aria-label": "Radius" },
    [1, 2].map((r) =>
      h("a", { href: viewUrl("network", [ref], options({ radius: r === 1 ? "" : "2" })), "data-nav": "", class: r === radius ? "on" : "" },
        r === 1 ? "Direct ties" : "Two steps"),
    ),
  );
  const trimmed = kept.first.length > kept.keptFirst.length || kept.second.length > kept.keptSecond.length;
  const note = trimmed
    ? h(
      "p",
      { class: "note trimmed", role: "note" },
      `Large neighbourhood: showing the ${count(kept.keptFirst.length)} strongest of ${count(kept.first.length)} direct ties`,
      radius === 2 ? ` and ${count(kept.keptSecond.length)} of ${count(kept.second.length)} actors two steps away` : "",
      " (by number of events). ",
      h("a", { href: viewUrl("network", [ref], options({ top: String(top * 2) })), "data-nav": "" }, `Show up to ${count(top * 2)}`),
      " or narrow the filters.",
    )
    : null;
  const totalEvents = kept.first.reduce((sum, n) => sum + n.summary.events, 0);
  const rows = [["actor", "country", "distance", "via", "events", "outgoing", "incoming", "verbal_cooperation",
    "material_cooperation", "verbal_conflict", "material_conflict", "mean_goldstein", "first_date", "last_date"]];
  for (const n of [...kept.keptFirst, ...kept.keptSecond]) {
    const s = n.summary;
    rows.push([n.node.name, n.node.country, n.distance, n.via.map((v) => v.name).join("; "), s.events, s.outgoing,
      s.incoming, ...QUADS.map((q) => s.quad_classes[q.key]), s.mean_goldstein, s.first_date, s.last_date]);
  }
  const box = h("div", { class: "graph", id: "graph", role: "img", "aria-label": `Network of ${ego.actor.name}` });
  const info = h("p", { class: "graph-info", id: "graph-info" }, "Click an actor to centre the network on it, a tie to read its events.");
  const select = (n) => {
    const edge = window.explorer.cy.edges().filter((e) => e.data("b").id === n.node.id)[0];
    if (edge) {
      window.explorer.cy.edges().unselect();
      edge.select();
      showTie(edge, state);
    }
  };
  show(
    view,
    heading(
      ego.level === "country" ? "Country network" : "Actor network",
      ego.actor.name,
      `${nodeDetails(ego.actor) || ego.actor.type} · ${count(kept.first.length)} direct partners · ${count(totalEvents)} events with them`,
      radiusLinks,
    ),
    note,
    kept.first.length
      ? h("div", { class: "graph-wrap" }, box, legend(colours, present, reference))
      : h("p", { class: "notice" }, "No events match these filters for this actor."),
    kept.first.length ? info : null,
    kept.first.length ? tiesTable(ego, kept, select) : null,
    exportLinks(state.filters, [csvButton("This network (CSV)", `diplograph-network-${ego.actor.name}.csv`, rows)]),
  );
  if (!kept.first.length) return;
  const cy = window.cytoscape({
    container: box,
    elements: elements(ego, kept, colours),
    style: STYLE,
    layout: { name: "preset", fit: true, padding: 40 },
    minZoom: 0.2,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });
  window.explorer.cy = cy;
  // A small neighbourhood is not blown up: at most 1.2x, centred.
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center();
  }
  readableLabels(cy);
  cy.on("tap", "node", (event) => {
    const node = event.target.data("node");
    if (event.target.data("centre")) {
      showEvidence({
        title: node.name,
        subtitle: `All ${count(totalEvents)} events with its direct partners.`,
        ids: [...new Set(kept.first.flatMap((n) => n.summary.event_ids))].sort((x, y) => x - y),
      });
      return;
    }
    navigate(viewUrl("network", [String(node.id)], state.options));
  });
  cy.on("tap", "edge", (event) => {
    cy.edges().unselect();
    event.target.select();
    showTie(event.target, state);
  });
  cy.on("mouseout", "node", (event) => event.target.removeClass("hovered"));
  cy.on("mouseover", "node", (event) => {
    event.target.addClass("hovered");
    const node = event.target.data("node");
    fill(info, h("strong", {}, node.name), ` · ${nodeDetails(node) || node.type} · ${count(event.target.data("events"))} events`,
      event.target.data("centre") ? "" : " · click to centre the network here");
  });
  cy.on("mouseover", "edge", (event) => {
    const { a, b, summary, shared } = event.target.data();
    fill(info, h("strong", {}, `${a.name} — ${b.name}`), " · ",
      shared ? `${b.name} has ${count(summary.events)} events with several partners` : tieText(summary), " · click to read them");
  });
  window.addEventListener("resize", () => cy.resize(), { once: true });
}
