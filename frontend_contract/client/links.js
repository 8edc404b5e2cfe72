// Links between screens, keyed by a page's site-relative URL.

import { h } from "./dom.js";

// A page URL is site-relative ("/disdukcapil/ktp-el/"); routes carry it
// without the outer slashes.
function pagePath(url) {
  return String(url || "").replace(/^\/+|\/+$/g, "");
}

export function pageUrl(path) {
  return `/${pagePath(path)}/`;
}

// Link a page to its screen in this client, or to its public URL otherwise.
export function pageLink(page, label) {
  const url = page.urlPath || page.url;
  const path = pagePath(url);
  const type = String(page.__typename || page.pageType || "").toLowerCase();
  let href = url;
  if (type.includes("service") || type.includes("layanan")) {
    href = `#/layanan/${path}`;
  } else if (type.includes("news") || type.includes("berita")) {
    href = `#/berita/${path}`;
  } else if (type.includes("opd")) {
    href = `#/opd/${page.slug || path}`;
  }
  return h("a", { href }, label ?? page.title);
}
