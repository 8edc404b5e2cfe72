// The search screen: results across every OPD, with facets to narrow them.

import { formatDate, h } from "./dom.js";
import { pageLink } from "./links.js";
import { searchForm } from "./search-box.js";

// Route parameters (Indonesian, shown in the address bar) and the filter
// each one sets. The facet of the same name in the response offers values.
const FILTERS = [
  { param: "opd", facet: "opd", label: "Perangkat daerah" },
  { param: "jenis", facet: "contentType", label: "Jenis konten" },
  { param: "kecamatan", facet: "region", label: "Kecamatan" },
];

function searchHref(params, changes) {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") {
      next.delete(name);
    } else {
      next.set(name, value);
    }
  }
  next.delete("halaman");
  if ("halaman" in changes && changes.halaman) {
    next.set("halaman", changes.halaman);
  }
  return `#/cari?${next}`;
}

function variablesFrom(params) {
  const variables = { query: params.get("q") || "" };
  for (const filter of FILTERS) {
    if (params.get(filter.param)) {
      variables[filter.facet] = params.get(filter.param);
    }
  }
  const page = Number.parseInt(params.get("halaman") || "1", 10);
  variables.page = Number.isFinite(page) && page > 0 ? page : 1;
  return variables;
}

function facetValues(facets, name) {
  if (!facets) {
    return [];
  }
  if (Array.isArray(facets)) {
    return facets.find((facet) => facet.name === name || facet.field === name)?.values || [];
  }
  return facets[name] || [];
}

function facetSection(filter, facets, params) {
  const values = facetValues(facets, filter.facet);
  const selected = params.get(filter.param);
  if (!values.length && !selected) {
    return null;
  }
  const items = values.map((value) => {
    const isSelected = value.value === selected;
    const href = searchHref(params, { [filter.param]: isSelected ? null : value.value });
    return h("li", {}, h("a", { href, class: isSelected ? "facet selected" : "facet", "aria-current": isSelected ? "true" : null },
      value.label || value.value, h("span", { class: "count" }, ` (${value.count})`)));
  });
  return h("section", { class: "facet-group", "data-facet": filter.param }, h("h2", {}, filter.label), h("ul", {}, items));
}

function activeFilters(params, facets) {
  const chips = FILTERS.filter((filter) => params.get(filter.param)).map((filter) => {
    const value = params.get(filter.param);
    const known = facetValues(facets, filter.facet).find((item) => item.value === value);
    return h("a", { class: "chip", href: searchHref(params, { [filter.param]: null }), "aria-label": `Hapus saringan ${filter.label}` },
      `${filter.label}: ${known?.label || value} ✕`);
  });
  return chips.length ? h("p", { class: "active-filters" }, chips) : null;
}

function opdSelect(params, facets) {
  const values = facetValues(facets, "opd");
  if (!values.length) {
    return null;
  }
  const select = h("select", { id: "saring-opd", name: "opd" },
    h("option", { value: "" }, "Semua perangkat daerah"),
    values.map((value) => h("option", { value: value.value, selected: value.value === params.get("opd") }, `${value.label || value.value} (${value.count})`)));
  select.addEventListener("change", () => {
    window.location.hash = searchHref(params, { opd: select.value });
  });
  return h("p", { class: "opd-select" }, h("label", { for: "saring-opd" }, "Saring menurut perangkat daerah "), select);
}

function resultItem(result) {
  const page = result.page || result;
  const opd = result.opd || page.opd;
  return h("li", { class: "result" },
    h("p", { class: "meta" }, [result.typeLabel || result.contentTypeLabel || "", opd ? ` · ${opd.abbreviation || opd.title}` : ""].filter(Boolean).join("")),
    h("h3", {}, pageLink({ ...page, pageType: result.contentType || result.type || page.pageType || page.__typename })),
    result.snippet || page.summary ? h("p", {}, result.snippet || page.summary) : null,
    result.date ? h("p", { class: "meta" }, formatDate(result.date)) : null);
}

function pager(params, current, total, perPage) {
  const pages = Math.ceil(total / (perPage || 10));
  if (pages <= 1) {
    return null;
  }
  return h("nav", { class: "pager", "aria-label": "Halaman hasil" },
    current > 1 ? h("a", { href: searchHref(params, { halaman: String(current - 1) }) }, "‹ Sebelumnya") : null,
    h("span", {}, ` Halaman ${current} dari ${pages} `),
    current < pages ? h("a", { href: searchHref(params, { halaman: String(current + 1) }) }, "Berikutnya ›") : null);
}

export async function search({ api, params }) {
  const query = params.get("q") || "";
  const extra = Object.fromEntries(FILTERS.filter((f) => params.get(f.param)).map((f) => [f.param, params.get(f.param)]));
  const form = searchForm({ api, query, extra });
  if (!query.trim() && !Object.keys(extra).length) {
    return [h("h1", {}, "Cari"), form, h("p", {}, "Tulis apa yang Anda perlukan, misalnya “perpanjang ktp”.")];
  }
  const variables = variablesFrom(params);
  const data = await api.run(api.OPERATIONS.search, variables);
  const result = data.search;
  const items = result.results || result.items || result.hits || [];
  const total = result.total ?? result.totalCount ?? items.length;
  return [
    h("h1", {}, query ? `Hasil pencarian “${query}”` : "Hasil pencarian"),
    form,
    activeFilters(params, result.facets),
    opdSelect(params, result.facets),
    h("p", { class: "summary", "data-total": total }, `${total} hasil ditemukan.`),
    h("div", { class: "search-layout" },
      h("aside", { class: "facets", "aria-label": "Saringan" }, FILTERS.map((filter) => facetSection(filter, result.facets, params))),
      h("div", {}, items.length ? h("ol", { class: "results" }, items.map(resultItem)) : h("p", { class: "empty" }, "Tidak ada hasil. Coba kata lain atau hapus saringan."),
        pager(params, variables.page, total, result.perPage || result.pageSize))),
  ];
}
