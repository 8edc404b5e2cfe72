// The "Laporkan informasi usang" form: a citizen reports outdated content.
//
// The route carries the page's public address (?halaman=/disdukcapil/ktp-el/)
// so the link can be shared; the form looks the page up to get the id that
// the report mutation takes.

import { ApiError } from "./api.js";
import { h } from "./dom.js";
import { pageUrl } from "./links.js";

// A hint for the browser only: the server enforces its own limit (1,000
// characters, stated in the reportOutdated mutation's description).
const MAX_MESSAGE_LENGTH = 1000;

function field(id, label, control, hint) {
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    hint ? h("p", { class: "hint", id: `${id}-petunjuk` }, hint) : null,
    control);
}

function helpfulChoice() {
  const option = (value, label) => h("label", { class: "choice" },
    h("input", { type: "radio", name: "helpful", value }), ` ${label}`);
  return h("fieldset", { class: "field" },
    h("legend", {}, "Apakah halaman ini membantu? (tidak wajib)"),
    option("true", "Ya"), option("false", "Tidak"));
}

async function findPage(api, address) {
  const data = await api.run(api.OPERATIONS.pageByUrl, { urlPath: pageUrl(address) });
  if (!data.page) {
    throw new ApiError(`Halaman ${pageUrl(address)} tidak ditemukan. Periksa alamatnya, misalnya /disdukcapil/ktp-el/.`);
  }
  return data.page;
}

function thanks() {
  return h("div", { class: "notice success", role: "status" },
    h("h2", {}, "Terima kasih"),
    h("p", {}, "Laporan Anda sudah diterima dan akan diperiksa oleh perangkat daerah pemilik halaman."),
    h("p", {}, h("a", { href: "#/" }, "Kembali ke beranda")));
}

export async function report({ api, params }) {
  const address = h("input", { id: "laporan-halaman", name: "halaman", type: "text", required: true, value: params.get("halaman") || "", placeholder: "/disdukcapil/ktp-el/", "aria-describedby": "laporan-halaman-petunjuk" });
  const message = h("textarea", { id: "laporan-pesan", name: "message", required: true, rows: 5, maxlength: MAX_MESSAGE_LENGTH, "aria-describedby": "laporan-pesan-petunjuk" });
  const status = h("p", { class: "status", role: "status" });
  const submit = h("button", { type: "submit" }, "Kirim laporan");
  const pageTitle = h("p", { class: "lead" });

  if (params.get("halaman")) {
    findPage(api, params.get("halaman"))
      .then((page) => { pageTitle.textContent = `Halaman: ${page.title}`; })
      .catch((error) => { status.className = "status error"; status.textContent = error.message; });
  }

  async function onSubmit(event) {
    event.preventDefault();
    status.className = "status";
    status.textContent = "Mengirim…";
    submit.disabled = true;
    try {
      const page = await findPage(api, address.value.trim());
      const choice = form.querySelector("input[name=helpful]:checked");
      const variables = { pageId: page.id, message: message.value.trim() };
      if (choice) {
        variables.helpful = choice.value === "true";
      }
      const data = await api.run(api.OPERATIONS.reportOutdated, variables);
      if (!data.reportOutdated?.received) {
        throw new ApiError("Laporan belum diterima server. Coba lagi nanti.");
      }
      form.replaceWith(thanks());
    } catch (error) {
      status.className = "status error";
      status.setAttribute("role", "alert");
      status.textContent = error instanceof ApiError ? error.message : "Laporan gagal dikirim. Coba lagi.";
    } finally {
      submit.disabled = false;
    }
  }

  const form = h("form", { class: "report-form", onsubmit: onSubmit },
    field("laporan-halaman", "Alamat halaman", address, "Alamat halaman yang isinya sudah tidak sesuai, misalnya /disdukcapil/ktp-el/."),
    field("laporan-pesan", "Apa yang sudah tidak sesuai?", message, "Tuliskan informasi yang berubah, misalnya biaya, jam layanan atau persyaratan."),
    helpfulChoice(),
    status,
    submit);

  return [
    h("h1", {}, "Laporkan informasi usang"),
    pageTitle,
    h("p", {}, "Bantu kami menjaga informasi tetap benar. Laporan dikirim ke perangkat daerah yang mengelola halaman, tanpa data diri Anda."),
    form,
  ];
}
