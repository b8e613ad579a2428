// Calls to the Diplograph JSON API, under the root path the page was served from.

export const ROOT = document.documentElement.dataset.root || "";

/** An error answer of the API: its HTTP status, `detail` message and any 409 `candidates`. */
export class ApiError extends Error {
  constructor(status, detail, candidates) {
    super(detail);
    this.status = status;
    this.candidates = candidates || [];
  }
}

/** Return the URL of `path` with the non-empty `params` as its query string. */
export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return `${ROOT}${path}${text ? `?${text}` : ""}`;
}

/** Return the parsed JSON answer of GET `path`; throws ApiError on a 4xx/5xx answer. */
export async function getJSON(path, params = {}, { signal } = {}) {
  const response = await fetch(apiUrl(path, params), {
    headers: { Accept: "application/json" },
    signal,
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const detail = body && typeof body.detail === "string"
      ? body.detail
      : `the server answered ${response.status}`;
    throw new ApiError(response.status, detail, body && body.candidates);
  }
  return body;
}

const eventCache = new Map();

/** Return the event `id` with its sentence and article (each fetched once per page load). */
export function getEvent(id) {
  if (!eventCache.has(id)) {
    const pending = getJSON(`/events/${encodeURIComponent(id)}`);
    pending.catch(() => eventCache.delete(id));
    eventCache.set(id, pending);
  }
  return eventCache.get(id);
}

/** Return the events `ids`, fetched at most `parallel` at a time, in the order of `ids`. */
export async function getEvents(ids, parallel = 6) {
  const out = new Array(ids.length);
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const i = next++;
      try {
        out[i] = await getEvent(ids[i]);
      } catch (error) {
        out[i] = { id: ids[i], error: error.message };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, ids.length) }, worker));
  return out;
}

let referencePromise = null;

/** Return the country names and CAMEO families the page labels things with. */
export function getReference() {
  referencePromise ||= getJSON("/explore/reference.json").catch(() => ({
    countries: {},
    cameo: {},
  }));
  return referencePromise;
}
