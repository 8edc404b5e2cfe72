// Links between screens, keyed by a page's site-relative URL.

import { h } from "./dom.js";

// A page URL is site-relative ("/disdukcapil/ktp-el/"), and routes carry it
// without the outer slashes.
function pagePath(url) {
  return String(url || "").replace(/^\/+|\/+$/g, "");
}

export function pageUrl(path) {
  return `/${pagePath(path)}/`;
}

// Client routes by GraphQL page type and by search content type. Other
// pages and documents open at their public URL, served by Wagtail.
const ROUTE_PREFIXES = {
  ServicePage: "#/layanan/",
  SERVICE: "#/layanan/",
  NewsPage: "#/berita/",
  NEWS: "#/berita/",
  OPDPage: "#/opd/",
  OPD: "#/opd/",
};

// Return the client route of a page or search hit, else its public URL.
export function hrefFor(url, type) {
  const prefix = ROUTE_PREFIXES[type];
  return prefix ? `${prefix}${pagePath(url)}` : url;
}

// Link a page to the screen for its GraphQL type, e.g. "NewsPage".
export function pageLink(page, type) {
  return h("a", { href: hrefFor(page.urlPath, type) }, page.title);
}

export function hitLink(hit, label) {
  return h("a", { href: hrefFor(hit.url, hit.contentType) }, label ?? hit.title);
}
