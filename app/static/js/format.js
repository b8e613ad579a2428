// Building DOM nodes, and how the page writes dates, numbers, quad classes and countries.

/** Return a new element: h("a", {href, class: "x", onclick}, "text", child, ...). */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      node.className = value;
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else if (key === "style" && typeof value === "object") {
      Object.assign(node.style, value);
    } else {
      node.setAttribute(key, value === true ? "" : value);
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace the children of `node` with `children`. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export const QUADS = [
  { key: "verbal_cooperation", n: 1, label: "Verbal cooperation", short: "Verbal coop.", color: "#63ad9f" },
  { key: "material_cooperation", n: 2, label: "Material cooperation", short: "Material coop.", color: "#1f6b5b" },
  { key: "verbal_conflict", n: 3, label: "Verbal conflict", short: "Verbal confl.", color: "#e39440" },
  { key: "material_conflict", n: 4, label: "Material conflict", short: "Material confl.", color: "#b3342b" },
];

/** Return the quad class (1-4) most of `counts` ({verbal_cooperation: n, ...}) fall in. */
export function dominantQuad(counts) {
  let best = QUADS[0];
  for (const quad of QUADS) if ((counts[quad.key] || 0) > (counts[best.key] || 0)) best = quad;
  return best;
}

export function quadOf(n) {
  return QUADS.find((q) => q.n === Number(n)) || QUADS[0];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Return "11 Dec 2017" for "2017-12-11" ("undated" for none). */
export function day(iso) {
  if (!iso) return "undated";
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** Return "Dec 2017" for "2017-12-01". */
export function month(iso) {
  const [y, m] = iso.split("-");
  return `${MONTHS[Number(m) - 1]} ${y}`;
}

/** Return "1,234". */
export function count(n) {
  return Number(n || 0).toLocaleString("en-US");
}

/** Return "1 event", "2,345 events". */
export function plural(n, word) {
  return `${count(n)} ${word}${Number(n) === 1 ? "" : "s"}`;
}

/** Return a Goldstein score with its sign: "+1.9", "−2.0". */
export function goldstein(value) {
  if (value === null || value === undefined) return "–";
  const text = Math.abs(value).toFixed(1);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : "0.0";
}

/** Return the sentence as nodes, the words of `trigger` in <mark>. */
export function highlighted(sentence, trigger) {
  const text = sentence || "";
  const lower = text.toLowerCase();
  const ranges = [];
  const phrase = (trigger || "").trim().toLowerCase();
  if (phrase) {
    const at = lower.indexOf(phrase);
    if (at >= 0) ranges.push([at, at + phrase.length]);
    else {
      for (const word of phrase.split(/\s+/)) {
        const match = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).exec(lower);
        if (match) ranges.push([match.index, match.index + word.length]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const out = [];
  let pos = 0;
  for (const [start, end] of ranges) {
    if (start < pos) continue;
    out.push(text.slice(pos, start), h("mark", { class: "trigger" }, text.slice(start, end)));
    pos = end;
  }
  out.push(text.slice(pos));
  return out;
}

const PALETTE = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
  "#b07aa1", "#ff9da7", "#9c755f", "#8cd17d", "#d37295", "#499894",
];
export const OTHER_COUNTRY = "#bdb6a8";
export const NO_COUNTRY = "#ffffff";

/** Return a colour per country code, the busiest first, and the colour of the rest. */
export function countryColours(codesByWeight) {
  const colours = new Map();
  codesByWeight.slice(0, PALETTE.length).forEach((code, i) => colours.set(code, PALETTE[i]));
  return colours;
}

/** Return "Russia (RUS)" for "RUS", or the code alone when its name is unknown. */
export function countryLabel(code, reference) {
  if (!code) return "No country";
  const name = reference && reference.countries ? reference.countries[code] : null;
  return name ? `${name} (${code})` : code;
}

/** Return "president, RUS" style details of a node ({type, country, role}). */
export function nodeDetails(node) {
  return [node.role || (node.type !== "country" ? node.type : null), node.country]
    .filter(Boolean)
    .join(", ");
}
