// The "Laporkan informasi usang" form: a citizen reports outdated content.

import { ApiError } from "./api.js";
import { h } from "./dom.js";

const MAX_MESSAGE_LENGTH = 2000;

function field(id, label, control, hint) {
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    hint ? h("p", { class: "hint", id: `${id}-petunjuk` }, hint) : null,
    control);
}

function fieldErrors(error) {
  // Validation errors may name the input field in their extensions.
  return (error.details || []).map((item) => item.extensions?.field).filter(Boolean);
}

function payloadErrors(payload) {
  if (!payload || typeof payload !== "object") {
    return [];
  }
  const errors = payload.errors || payload.operationInfo?.messages || [];
  return errors.map((item) => item.message || String(item));
}

export async function report({ api, params }) {
  const pageUrlInput = h("input", { id: "laporan-halaman", name: "url", type: "text", required: true, value: params.get("halaman") || "", placeholder: "/disdukcapil/ktp-el/", "aria-describedby": "laporan-halaman-petunjuk" });
  const message = h("textarea", { id: "laporan-pesan", name: "message", required: true, rows: 5, maxlength: MAX_MESSAGE_LENGTH, "aria-describedby": "laporan-pesan-petunjuk" });
  const contact = h("input", { id: "laporan-kontak", name: "contact", type: "email", placeholder: "nama@contoh.id", "aria-describedby": "laporan-kontak-petunjuk" });
  const status = h("p", { class: "status", role: "status" });
  const submit = h("button", { type: "submit" }, "Kirim laporan");
  const title = params.get("judul");

  async function onSubmit(event) {
    event.preventDefault();
    status.className = "status";
    status.textContent = "Mengirim…";
    submit.disabled = true;
    const input = { url: pageUrlInput.value.trim(), message: message.value.trim() };
    if (contact.value.trim()) {
      input.contact = contact.value.trim();
    }
    try {
      const data = await api.run(api.OPERATIONS.reportOutdated, { input });
      const payload = Object.values(data)[0];
      const problems = payloadErrors(payload);
      if (problems.length) {
        throw new ApiError(problems.join(" "));
      }
      form.replaceWith(h("div", { class: "notice success", role: "status" },
        h("h2", {}, "Terima kasih"),
        h("p", {}, "Laporan Anda sudah diterima dan akan diperiksa oleh perangkat daerah pemilik halaman."),
        h("p", {}, h("a", { href: "#/" }, "Kembali ke beranda"))));
    } catch (error) {
      status.className = "status error";
      status.setAttribute("role", "alert");
      status.textContent = error instanceof ApiError ? error.message : "Laporan gagal dikirim. Coba lagi.";
      for (const name of fieldErrors(error)) {
        form.querySelector(`[name=${name}]`)?.setAttribute("aria-invalid", "true");
      }
    } finally {
      submit.disabled = false;
    }
  }

  const form = h("form", { class: "report-form", onsubmit: onSubmit },
    field("laporan-halaman", "Alamat halaman", pageUrlInput, "Alamat halaman yang isinya sudah tidak sesuai, misalnya /disdukcapil/ktp-el/."),
    field("laporan-pesan", "Apa yang sudah tidak sesuai?", message, "Tuliskan informasi yang berubah, misalnya biaya, jam layanan atau persyaratan."),
    field("laporan-kontak", "Surel (tidak wajib)", contact, "Isi bila Anda bersedia dihubungi untuk penjelasan."),
    status,
    submit);

  return [
    h("h1", {}, "Laporkan informasi usang"),
    title ? h("p", { class: "lead" }, `Halaman: ${title}`) : null,
    h("p", {}, "Bantu kami menjaga informasi tetap benar. Laporan dikirim ke perangkat daerah yang mengelola halaman."),
    form,
  ];
}
