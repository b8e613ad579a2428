// Actor suggestions under a text field: names and aliases that start with what is typed.

import { getJSON } from "./api.js";
import { count, fill, h, nodeDetails } from "./format.js";

/** The alias of `actor` that made it match `q`, when its name does not start with `q`. */
function matchedAlias(actor, q) {
  const key = q.trim().toLowerCase();
  if (actor.name.toLowerCase().startsWith(key)) return null;
  return (actor.aliases || []).find((alias) => alias.toLowerCase().startsWith(key)) || null;
}

/**
 * Offer actor suggestions under `input` in the list `list`.
 * `onPick(actor)` runs when one is chosen (click, or Enter on the highlighted one);
 * `onSubmit(text)` when Enter is pressed with none highlighted.
 */
export function attachSuggestions(input, list, { onPick, onSubmit }) {
  let items = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
  }

  function show(actors, q, total) {
    items = actors;
    active = -1;
    if (!actors.length) {
      fill(list, h("li", { class: "empty" }, `No actor name or alias starts with “${q}”.`));
    } else {
      fill(
        list,
        actors.map((actor, i) => {
          const alias = matchedAlias(actor, q);
          const events = (actor.events_as_source || 0) + (actor.events_as_target || 0);
          return h(
            "li",
            {
              role: "option",
              "aria-selected": "false",
              dataset: { index: i },
              onmousedown: (e) => {
                e.preventDefault();
                choose(i);
              },
            },
            h("span", { class: "name" }, actor.name),
            alias ? h("span", { class: "alias" }, `alias “${alias}”`) : null,
            h("span", { class: "details" }, nodeDetails(actor)),
            h("span", { class: "events" }, `${count(events)} events`),
          );
        }),
        total > actors.length ? h("li", { class: "more" }, `${count(total)} matches: type more`) : null,
      );
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function choose(i) {
    const actor = items[i];
    close();
    if (actor) {
      input.value = actor.name;
      onPick(actor);
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      close();
      return;
    }
    timer = setTimeout(async () => {
      const ticket = ++asked;
      try {
        const page = await getJSON("/actors", { q, limit: 8 });
        if (ticket === asked && input.value.trim() === q) show(page.items || [], q, page.total || 0);
      } catch {
        close();
      }
    }, 120);
  });
  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && items.length;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      highlight((active + 1) % items.length);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight((active - 1 + items.length) % items.length);
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (open && active >= 0) choose(active);
      else if (input.value.trim()) {
        close();
        onSubmit(input.value.trim());
      }
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}
