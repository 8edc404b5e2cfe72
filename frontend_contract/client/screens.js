// One function per screen: each runs documented operations and returns nodes.

import { streamBody } from "./blocks.js";
import { formatDate, h, richText } from "./dom.js";
import { pageLink, pageUrl } from "./links.js";
import { searchForm } from "./search-box.js";

function empty(message) {
  return h("p", { class: "empty" }, message);
}

function cardList(items, render, emptyMessage) {
  if (!items || !items.length) {
    return empty(emptyMessage);
  }
  return h("ul", { class: "cards" }, items.map((item) => h("li", { class: "card" }, render(item))));
}

function nodes(connection) {
  return connection?.nodes || [];
}

function opdLabel(opd) {
  if (!opd) {
    return "";
  }
  return opd.abbreviation ? `${opd.abbreviation} · ${opd.title}` : opd.title;
}

function thumbnail(image) {
  const rendition = image?.rendition;
  if (!rendition) {
    return null;
  }
  return h("img", { class: "thumb", src: rendition.url, width: rendition.width, height: rendition.height, alt: image.altText || "", loading: "lazy" });
}

function newsCard(item) {
  return [
    thumbnail(item.heroImage),
    h("h3", {}, pageLink(item, "NewsPage")),
    h("p", { class: "meta" }, [formatDate(item.date), item.opd ? ` · ${item.opd.abbreviation}` : ""]),
    item.summary ? h("p", {}, item.summary) : null,
  ];
}

function serviceCard(item) {
  return [
    h("h3", {}, pageLink(item, "ServicePage")),
    item.opd ? h("p", { class: "meta" }, item.opd.abbreviation) : null,
    item.summary ? h("p", {}, item.summary) : null,
  ];
}

function announcementCard(item) {
  const until = item.validUntil ? ` sampai ${formatDate(item.validUntil)}` : "";
  return [
    h("h3", {}, pageLink(item, "AnnouncementPage")),
    h("p", { class: "meta" }, `Berlaku ${formatDate(item.validFrom)}${until}`, item.opd ? ` · ${item.opd.abbreviation}` : ""),
  ];
}

function eventCard(item) {
  return [
    h("h3", {}, pageLink(item, "EventPage")),
    h("p", { class: "meta" }, formatDate(item.start), item.location ? ` · ${item.location}` : ""),
  ];
}

// The "last updated" line with the report link. Its dates come from the
// freshness operation, which runs after the page has rendered.
function freshnessNote(api, page) {
  const dates = h("span", {}, page.lastPublishedAt ? `Diperbarui ${formatDate(page.lastPublishedAt)}. ` : "");
  const reportHref = `#/laporkan?${new URLSearchParams({ halaman: page.urlPath || "" })}`;
  api.run(api.OPERATIONS.pageFreshness, { pageId: page.id })
    .then((data) => {
      const facts = data.pageFreshness;
      if (!facts?.lastUpdatedAt) {
        return;
      }
      const parts = [`Diperbarui ${formatDate(facts.lastUpdatedAt)}`];
      if (facts.lastReviewedAt) {
        parts.push(`diperiksa ${formatDate(facts.lastReviewedAt)}`);
      }
      dates.textContent = `${parts.join(", ")}. `;
    })
    .catch((error) => console.warn("page freshness unavailable", error));
  return h("p", { class: "freshness" }, dates, h("a", { href: reportHref, class: "report-link" }, "Laporkan informasi usang"));
}

export async function home({ api }) {
  const data = await api.run(api.OPERATIONS.home, { items: 5 });
  const announcements = nodes(data.activeAnnouncements);
  const events = nodes(data.upcomingEvents);
  return [
    h("section", { class: "hero" }, h("h1", {}, "Informasi publik Kota Bekasi"), searchForm({ api })),
    announcements.length ? h("section", {}, h("h2", {}, "Pengumuman"), cardList(announcements, announcementCard)) : null,
    h("section", {}, h("h2", {}, "Berita terbaru"), cardList(nodes(data.latestNews), newsCard, "Belum ada berita.")),
    events.length ? h("section", {}, h("h2", {}, "Agenda"), cardList(events, eventCard)) : null,
    h("section", {}, h("h2", {}, "Layanan"), cardList(nodes(data.services), serviceCard, "Belum ada layanan.")),
    h("p", {}, h("a", { href: "#/opd", class: "button" }, "Lihat semua perangkat daerah")),
  ];
}

export { search } from "./search-screen.js";

const KIND_LABELS = {
  DINAS: "Dinas",
  BADAN: "Badan",
  SEKRETARIAT: "Sekretariat",
  INSPEKTORAT: "Inspektorat",
  KECAMATAN: "Kecamatan",
  SATUAN: "Satuan",
  RSUD: "Rumah sakit",
};

function kindLabel(kind) {
  return KIND_LABELS[kind] || kind || "Lainnya";
}

// The API returns at most 50 OPDs a request, so follow the cursor to the end.
async function allOpds(api) {
  const opds = [];
  let after = null;
  do {
    const data = await api.run(api.OPERATIONS.directory, { after });
    opds.push(...nodes(data.opds));
    after = data.opds.pageInfo.hasNextPage ? data.opds.pageInfo.endCursor : null;
  } while (after);
  return opds;
}

export async function directory({ api }) {
  const opds = await allOpds(api);
  const groups = new Map();
  for (const opd of opds) {
    const label = kindLabel(opd.kind);
    groups.set(label, [...(groups.get(label) || []), opd]);
  }
  const filter = h("input", { type: "search", id: "opd-filter", placeholder: "Saring nama atau singkatan", "aria-label": "Saring perangkat daerah" });
  const sections = [...groups].map(([label, items]) =>
    h("section", { class: "opd-group" }, h("h2", {}, label), h("ul", { class: "opd-list" }, items.map((opd) =>
      h("li", { "data-name": `${opd.title} ${opd.abbreviation || ""}`.toLowerCase() }, h("a", { href: `#/opd/${opd.slug}` }, opdLabel(opd)))))));
  const summary = h("p", { class: "opd-count", "aria-live": "polite" }, `${opds.length} perangkat daerah Kota Bekasi.`);
  const empty = h("p", { class: "opd-empty", hidden: true }, "Tidak ada perangkat daerah yang cocok. Coba nama atau singkatan lain.");
  filter.addEventListener("input", () => {
    const needle = filter.value.trim().toLowerCase();
    let shown = 0;
    // A group whose agencies are all filtered out hides its heading too.
    for (const section of sections) {
      let shownInGroup = 0;
      for (const item of section.querySelectorAll(".opd-list li")) {
        item.hidden = Boolean(needle) && !item.dataset.name.includes(needle);
        if (!item.hidden) shownInGroup += 1;
      }
      section.hidden = shownInGroup === 0;
      shown += shownInGroup;
    }
    summary.textContent = needle
      ? `${shown} dari ${opds.length} perangkat daerah Kota Bekasi.`
      : `${opds.length} perangkat daerah Kota Bekasi.`;
    empty.hidden = shown > 0;
  });
  return [h("h1", {}, "Perangkat Daerah"), summary, filter, empty, ...sections];
}

// Render [label, value] rows with a value as a definition list, or null.
function factList(rows) {
  const filled = rows.filter(([, value]) => value);
  if (!filled.length) {
    return null;
  }
  return h("dl", { class: "facts" }, filled.map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]));
}

function contactList(opd) {
  return factList([
    ["Alamat", opd.address],
    ["Telepon", opd.phone && h("a", { href: `tel:${opd.phone.replace(/[^\d+]/g, "")}` }, opd.phone)],
    ["Surel", opd.email && h("a", { href: `mailto:${opd.email}` }, opd.email)],
    ["Situs web", opd.website && h("a", { href: opd.website, rel: "noopener" }, opd.website)],
    ["Jam layanan", opd.serviceHours],
  ]);
}

// The OPD's information officer (PPID), who handles public-information requests.
function ppidSection(ppid) {
  const facts = factList([
    ["Nama", ppid?.name],
    ["Telepon", ppid?.phone],
    ["Surel", ppid?.email && h("a", { href: `mailto:${ppid.email}` }, ppid.email)],
  ]);
  return facts ? h("section", { id: "ppid" }, h("h2", {}, "Pejabat Pengelola Informasi (PPID)"), facts) : null;
}

export async function opdProfile({ api, args }) {
  const [slug] = args;
  const data = await api.run(api.OPERATIONS.opdProfile, { slug });
  const opd = data.opd;
  if (!opd) {
    return [h("h1", {}, "Perangkat daerah tidak ditemukan"), h("p", {}, `Tidak ada perangkat daerah dengan kode "${slug}". `, h("a", { href: "#/opd" }, "Lihat daftar"))];
  }
  return [
    h("p", { class: "breadcrumb" }, h("a", { href: "#/opd" }, "Perangkat Daerah"), " / ", opd.abbreviation || opd.title),
    h("h1", {}, opd.title),
    opd.officialName && opd.officialName !== opd.title ? h("p", { class: "lead" }, opd.officialName) : null,
    contactList(opd),
    ppidSection(opd.ppid),
    opd.mandateHtml ? h("section", { id: "tugas" }, h("h2", {}, "Tugas dan fungsi"), h("div", { class: "rich-text" }, richText(opd.mandateHtml))) : null,
    h("section", { id: "layanan" }, h("h2", {}, "Layanan"), cardList(nodes(opd.services), serviceCard, "Belum ada layanan yang diterbitkan.")),
    h("section", { id: "berita" }, h("h2", {}, "Berita"), cardList(nodes(opd.news), newsCard, "Belum ada berita.")),
    h("p", {}, h("a", { href: `#/cari?${new URLSearchParams({ opd: opd.id })}` }, `Cari di ${opd.abbreviation || opd.title}`)),
  ];
}

function standardSection(title, id, content) {
  if (!content || (Array.isArray(content) && !content.length)) {
    return null;
  }
  return h("section", { class: "standard", id }, h("h2", {}, title), content);
}

function listOf(items, ordered = false) {
  const values = (items || []).filter(Boolean);
  if (!values.length) {
    return null;
  }
  return h(ordered ? "ol" : "ul", {}, values.map((value) => h("li", {}, value)));
}

function complaintChannels(channels) {
  if (!channels || !channels.length) {
    return null;
  }
  return h("ul", {}, channels.map((channel) => h("li", {},
    channel.url ? h("a", { href: channel.url, rel: "noopener" }, channel.name) : channel.name,
    channel.note ? ` (${channel.note})` : "")));
}

function relatedOpds(opds) {
  if (!opds || !opds.length) {
    return null;
  }
  return h("ul", {}, opds.map((opd) => h("li", {}, h("a", { href: `#/opd/${opd.slug}` }, opd.title))));
}

export async function serviceDetail({ api, args }) {
  const url = pageUrl(args[0]);
  const data = await api.run(api.OPERATIONS.serviceDetail, { urlPath: url });
  const service = data.page;
  if (!service || service.__typename !== "ServicePage") {
    return [h("h1", {}, "Layanan tidak ditemukan"), h("p", {}, `Tidak ada layanan publik di alamat ${url}. `, h("a", { href: "#/cari" }, "Cari layanan"))];
  }
  const opd = service.opd;
  return [
    opd ? h("p", { class: "breadcrumb" }, h("a", { href: `#/opd/${opd.slug}` }, opd.abbreviation || opd.title), " / Layanan") : null,
    h("h1", {}, service.title),
    service.summary ? h("p", { class: "lead" }, service.summary) : null,
    service.onlineUrl ? h("p", {}, h("a", { href: service.onlineUrl, class: "button", rel: "noopener" }, "Ajukan secara daring")) : null,
    standardSection("Persyaratan", "persyaratan", listOf(service.requirements)),
    standardSection("Prosedur", "prosedur", listOf(service.procedure, true)),
    standardSection("Waktu, biaya dan produk", "waktu-biaya", factList([
      ["Jangka waktu", service.processingTime],
      ["Biaya/tarif", service.cost],
      ["Produk layanan", service.product],
      ["Jam layanan", service.serviceHours],
    ])),
    standardSection("Dasar hukum", "dasar-hukum", listOf(service.legalBasis)),
    standardSection("Pengaduan", "pengaduan", complaintChannels(service.complaintChannels)),
    standardSection("Perangkat daerah terkait", "opd-terkait", relatedOpds(service.relatedOpds)),
    streamBody(service.body),
    freshnessNote(api, service),
  ];
}

export async function newsDetail({ api, args }) {
  const url = pageUrl(args[0]);
  const data = await api.run(api.OPERATIONS.newsDetail, { urlPath: url });
  const news = data.page;
  if (!news || news.__typename !== "NewsPage") {
    return [h("h1", {}, "Berita tidak ditemukan"), h("p", {}, `Tidak ada berita di alamat ${url}.`)];
  }
  return [
    news.opd ? h("p", { class: "breadcrumb" }, h("a", { href: `#/opd/${news.opd.slug}` }, news.opd.abbreviation || news.opd.title), " / Berita") : null,
    h("h1", {}, news.title),
    h("p", { class: "meta" }, formatDate(news.date)),
    news.summary ? h("p", { class: "lead" }, news.summary) : null,
    streamBody(news.body),
    freshnessNote(api, news),
  ];
}

export { report } from "./report-screen.js";
