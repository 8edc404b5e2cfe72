// The reference citizen client: hash routes, one screen per route.
//
// Every piece of content comes from the public GraphQL API through the
// documented operations (see api.js). The client keeps no content and no
// rules of its own.

import { ApiError, MissingOperationError, run } from "./api.js";
import { h } from "./dom.js";
import { OPERATIONS } from "./operations.js";
import * as screens from "./screens.js";

const ROUTES = [
  [/^\/?$/, screens.home],
  [/^\/cari$/, screens.search],
  [/^\/opd$/, screens.directory],
  [/^\/opd\/([\w-]+)$/, screens.opdProfile],
  [/^\/layanan\/([\w-]+(?:\/[\w-]+)+)$/, screens.serviceDetail],
  [/^\/berita\/([\w-]+(?:\/[\w-]+)+)$/, screens.newsDetail],
  [/^\/laporkan$/, screens.report],
];

function parseHash() {
  const raw = window.location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = raw.split("?");
  return { path, params: new URLSearchParams(query) };
}

function notFound(path) {
  return [
    h("h1", {}, "Halaman tidak ditemukan"),
    h("p", {}, `Alamat "${path}" tidak dikenal. `, h("a", { href: "#/" }, "Kembali ke beranda"), "."),
  ];
}

function errorView(error) {
  if (error instanceof MissingOperationError) {
    return h("p", { class: "status error", role: "alert" }, error.message);
  }
  const message = error instanceof ApiError ? error.message : "Terjadi kesalahan pada aplikasi.";
  if (!(error instanceof ApiError)) {
    console.error(error);
  }
  return h("p", { class: "status error", role: "alert" }, message, " ", h("a", { href: window.location.hash || "#/" }, "Coba lagi"));
}

let renderCount = 0;

async function render() {
  const { path, params } = parseHash();
  const main = document.getElementById("konten");
  const current = ++renderCount;
  main.replaceChildren(h("p", { class: "status" }, "Memuat…"));
  main.setAttribute("aria-busy", "true");

  let content;
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  try {
    if (!route) {
      content = notFound(path);
    } else {
      const match = path.match(route[0]);
      content = await route[1]({ params, args: match.slice(1), api: { run, OPERATIONS } });
    }
  } catch (error) {
    content = errorView(error);
  }

  // A later navigation wins over a slow earlier one.
  if (current !== renderCount) {
    return;
  }
  main.replaceChildren(...[content].flat(Infinity).filter((node) => node !== null && node !== undefined));
  main.removeAttribute("aria-busy");
  document.body.dataset.route = route ? route[1].name : "notFound";
  const heading = main.querySelector("h1");
  document.title = heading ? `${heading.textContent} · Bekasi Iconic` : "Bekasi Iconic";
}

// After a navigation, move focus to the new content so screen readers
// announce it. The first load leaves focus where the browser put it.
window.addEventListener("hashchange", async () => {
  window.scrollTo(0, 0);
  await render();
  document.getElementById("konten").focus({ preventScroll: true });
});
render();
