// The search form with autocomplete, shared by the home and search screens.

import { MissingOperationError } from "./api.js";
import { debounce, h } from "./dom.js";
import { hrefFor } from "./links.js";

const MIN_PREFIX_LENGTH = 2;

function submitSearch(query, extra = {}) {
  const params = new URLSearchParams({ q: query.trim(), ...extra });
  window.location.hash = `#/cari?${params}`;
}

// A suggestion is a page: choosing it opens that page.
function openSuggestion(option) {
  const href = option.dataset.href;
  if (href.startsWith("#")) {
    window.location.hash = href;
  } else {
    window.location.assign(href);
  }
}

function suggestionItem(item, index) {
  return h("li", { role: "option", id: `saran-${index}`, class: "suggestion", "data-href": hrefFor(item.url, item.contentType) }, item.title);
}

// Build the search form. `query` prefills it, and `extra` keeps filters on submit.
export function searchForm({ api, query = "", extra = {} }) {
  const input = h("input", {
    type: "search",
    id: "cari",
    name: "q",
    value: query,
    placeholder: "Contoh: perpanjang KTP, izin usaha, puskesmas",
    autocomplete: "off",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "saran",
  });
  const list = h("ul", { id: "saran", role: "listbox", class: "suggestions", hidden: true, "aria-label": "Saran pencarian" });
  let active = -1;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    const options = list.querySelectorAll("[role=option]");
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
    }
  }

  const suggest = debounce(async () => {
    const prefix = input.value.trim();
    if (prefix.length < MIN_PREFIX_LENGTH) {
      close();
      return;
    }
    let data;
    try {
      data = await api.run(api.OPERATIONS.autocomplete, { prefix });
    } catch (error) {
      // Autocomplete is a convenience: the search button still works without it.
      if (!(error instanceof MissingOperationError)) {
        console.warn("autocomplete failed", error);
      }
      close();
      return;
    }
    if (input.value.trim() !== prefix) {
      return;
    }
    const items = data.autocomplete;
    if (!items.length) {
      close();
      return;
    }
    list.replaceChildren(...items.map(suggestionItem));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  }, 200);

  input.addEventListener("input", suggest);
  input.addEventListener("keydown", (event) => {
    const count = list.querySelectorAll("[role=option]").length;
    if (event.key === "ArrowDown" && count) {
      event.preventDefault();
      highlight((active + 1) % count);
    } else if (event.key === "ArrowUp" && count) {
      event.preventDefault();
      highlight((active - 1 + count) % count);
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      const option = list.querySelectorAll("[role=option]")[active];
      close();
      openSuggestion(option);
    }
  });
  list.addEventListener("mousedown", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) {
      event.preventDefault();
      close();
      openSuggestion(option);
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));

  const form = h(
    "form",
    { class: "search-form", role: "search", onsubmit: (event) => {
      event.preventDefault();
      close();
      submitSearch(input.value, extra);
    } },
    h("label", { for: "cari", class: "visually-hidden" }, "Cari informasi dan layanan"),
    h("div", { class: "search-row" }, input, h("button", { type: "submit" }, "Cari")),
    list,
  );
  return form;
}
