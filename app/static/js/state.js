// The view and its filters live in the URL, so that every view can be bookmarked and shared:
//   /                                   start page
//   /explore/actor/{actor}?radius=2     an actor's network
//   /explore/dyad/{a}/{b}?interval=month  the timeline of a pair
//   /explore/meetings?actor=            who met whom
//   /explore/new-dyads?since=           pairs that first appear on or after a day
// plus the filters every graph route takes (since, until, codes, quad_class, min_confidence,
// modality, level).

import { ROOT } from "./api.js";

export const FILTER_KEYS = ["since", "until", "codes", "quad_class", "min_confidence", "modality", "level"];

/** Return the view the current URL names: {view, args, filters, options}. */
export function currentState() {
  let path = decodeURIComponent(window.location.pathname);
  if (ROOT && path.startsWith(ROOT)) path = path.slice(ROOT.length);
  const parts = path.split("/").filter(Boolean);
  const query = new URLSearchParams(window.location.search);
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value) filters[key] = value;
  }
  const options = {};
  for (const [key, value] of query.entries()) {
    if (!FILTER_KEYS.includes(key) && value) options[key] = value;
  }
  let view = "home";
  let args = [];
  if (parts[0] === "explore" && parts.length > 1) {
    const names = { actor: "network", dyad: "dyad", meetings: "meetings", "new-dyads": "new-dyads" };
    view = names[parts[1]] || "missing";
    args = parts.slice(2);
  }
  return { view, args, filters, options };
}

/** Return the page URL of `view` with `args`, the current filters and `options`. */
export function viewUrl(view, args = [], options = {}, filters = currentState().filters) {
  const segment = { network: "actor", dyad: "dyad", meetings: "meetings", "new-dyads": "new-dyads" }[view];
  const path = view === "home"
    ? "/"
    : `/explore/${segment}${args.map((a) => `/${encodeURIComponent(a)}`).join("")}`;
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) query.set(key, filters[key]);
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return `${ROOT}${path}${text ? `?${text}` : ""}`;
}

/** Return the API query parameters of `filters` (the level left to the caller). */
export function filterParams(filters) {
  const params = {};
  for (const key of FILTER_KEYS) if (filters[key]) params[key] = filters[key];
  return params;
}

let onNavigate = () => {};

/** Make `render` the function that draws the page whenever the URL changes. */
export function setRenderer(render) {
  onNavigate = render;
  window.addEventListener("popstate", () => onNavigate());
}

/** Go to `url` (a page URL of this explorer) and draw it; `replace` keeps one history entry. */
export function navigate(url, { replace = false } = {}) {
  if (url === window.location.pathname + window.location.search) {
    onNavigate();
    return;
  }
  if (replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  onNavigate();
}
