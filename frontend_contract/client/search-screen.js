// The search screen: results across every OPD, with facets to narrow them.

import { formatDate, h, richText } from "./dom.js";
import { hitLink } from "./links.js";
import { searchForm } from "./search-box.js";

const PAGE_SIZE = 10;

// Route parameters (Indonesian, shown in the address bar), the facet of the
// response that offers their values, and the SearchFilterInput field each
// one sets. Every filter takes one value from the client: a facet bucket's
// value, passed back unchanged.
const FILTERS = [
  { param: "opd", facet: "opd", input: "opdIds", label: "Perangkat daerah" },
  { param: "jenis", facet: "contentType", input: "contentTypes", label: "Jenis konten" },
  { param: "kategori", facet: "category", input: "categories", label: "Kategori informasi" },
  { param: "kecamatan", facet: "region", input: "regionIds", label: "Kecamatan" },
];

function searchHref(params, changes) {
  const next = new URLSearchParams(params);
  next.delete("halaman");
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") {
      next.delete(name);
    } else {
      next.set(name, value);
    }
  }
  return `#/cari?${next}`;
}

function currentPage(params) {
  const page = Number.parseInt(params.get("halaman") || "1", 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

function variablesFrom(params) {
  const filters = {};
  for (const filter of FILTERS) {
    if (params.get(filter.param)) {
      filters[filter.input] = [params.get(filter.param)];
    }
  }
  return { query: params.get("q") || "", filters, page: currentPage(params), pageSize: PAGE_SIZE };
}

function facetSection(filter, facets, params) {
  const buckets = facets[filter.facet] || [];
  const selected = params.get(filter.param);
  if (!buckets.length) {
    return null;
  }
  const items = buckets.map((bucket) => {
    const isSelected = bucket.value === selected;
    const href = searchHref(params, { [filter.param]: isSelected ? null : bucket.value });
    return h("li", {}, h("a", { href, class: isSelected ? "facet selected" : "facet", "aria-current": isSelected ? "true" : null },
      bucket.label, h("span", { class: "count" }, ` (${bucket.count})`)));
  });
  return h("section", { class: "facet-group", "data-facet": filter.param }, h("h2", {}, filter.label), h("ul", {}, items));
}

function activeFilters(params, facets) {
  const chips = FILTERS.filter((filter) => params.get(filter.param)).map((filter) => {
    const value = params.get(filter.param);
    const bucket = (facets[filter.facet] || []).find((item) => item.value === value);
    return h("a", { class: "chip", href: searchHref(params, { [filter.param]: null }), title: `Hapus saringan ${filter.label}` },
      `${filter.label}: ${bucket?.label || value} ✕`);
  });
  return chips.length ? h("p", { class: "active-filters" }, chips) : null;
}

function opdSelect(params, facets) {
  const buckets = facets.opd || [];
  if (!buckets.length) {
    return null;
  }
  const select = h("select", { id: "saring-opd", name: "opd" },
    h("option", { value: "" }, "Semua perangkat daerah"),
    buckets.map((bucket) => h("option", { value: bucket.value, selected: bucket.value === params.get("opd") }, `${bucket.label} (${bucket.count})`)));
  select.addEventListener("change", () => {
    window.location.hash = searchHref(params, { opd: select.value });
  });
  return h("p", { class: "opd-select" }, h("label", { for: "saring-opd" }, "Saring menurut perangkat daerah"), select);
}

function typeLabel(hit, facets) {
  return (facets.contentType || []).find((bucket) => bucket.value === hit.contentType)?.label || "";
}

function resultItem(hit, facets) {
  const meta = [typeLabel(hit, facets), hit.opd?.abbreviation, hit.regionName].filter(Boolean).join(" · ");
  // titleHighlight and snippet are escaped HTML whose only markup is <mark>.
  return h("li", { class: "result" },
    h("p", { class: "meta result-source" }, meta),
    h("h3", {}, hitLink(hit, richText(hit.titleHighlight || hit.title))),
    hit.snippet ? h("p", { class: "snippet" }, richText(hit.snippet)) : (hit.summary ? h("p", {}, hit.summary) : null),
    hit.publishedOn ? h("p", { class: "meta" }, formatDate(hit.publishedOn)) : null);
}

function pager(params, result) {
  const pages = Math.ceil(result.total / result.pageSize);
  if (pages <= 1) {
    return null;
  }
  const page = result.page;
  return h("nav", { class: "pager", "aria-label": "Halaman hasil" },
    page > 1 ? h("a", { href: searchHref(params, { halaman: String(page - 1) }) }, "‹ Sebelumnya") : null,
    h("span", {}, `Halaman ${page} dari ${pages}`),
    page < pages ? h("a", { href: searchHref(params, { halaman: String(page + 1) }) }, "Berikutnya ›") : null);
}

function suggestionLine(params, suggestion) {
  if (!suggestion) {
    return null;
  }
  return h("p", { class: "did-you-mean" }, "Mungkin maksud Anda: ", h("a", { href: searchHref(params, { q: suggestion }) }, suggestion), "?");
}

export async function search({ api, params }) {
  const query = params.get("q") || "";
  const extra = Object.fromEntries(FILTERS.filter((f) => params.get(f.param)).map((f) => [f.param, params.get(f.param)]));
  const form = searchForm({ api, query, extra });
  if (!query.trim()) {
    const scope = Object.keys(extra).length ? "Saringan yang dipilih tetap berlaku. " : "";
    return [h("h1", {}, "Cari"), form, h("p", {}, scope, "Tulis apa yang Anda perlukan, misalnya “perpanjang ktp”.")];
  }
  const data = await api.run(api.OPERATIONS.search, variablesFrom(params));
  const result = data.search;
  const facets = result.facets || {};
  return [
    h("h1", {}, `Hasil pencarian “${query}”`),
    form,
    suggestionLine(params, result.suggestion),
    activeFilters(params, facets),
    opdSelect(params, facets),
    h("p", { class: "summary", "data-total": result.total }, `${result.total} hasil ditemukan.`),
    h("div", { class: "search-layout" },
      h("aside", { class: "facets", "aria-label": "Saringan" }, FILTERS.map((filter) => facetSection(filter, facets, params))),
      h("div", {},
        result.hits.length
          ? h("ol", { class: "results" }, result.hits.map((hit) => resultItem(hit, facets)))
          : h("p", { class: "empty" }, "Tidak ada hasil. Coba kata lain atau hapus saringan."),
        pager(params, result))),
  ];
}
