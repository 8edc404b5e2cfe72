// Render a StreamField body from the API: one element per block, by type.

import { h, richText } from "./dom.js";

function table(block) {
  const rows = block.rows || [];
  const cell = (value, rowIndex, columnIndex) => {
    const header = (block.firstRowIsHeader && rowIndex === 0) || (block.firstColumnIsHeader && columnIndex === 0);
    return h(header ? "th" : "td", {}, value ?? "");
  };
  return h("div", { class: "table-wrap" }, h("table", {},
    block.caption ? h("caption", {}, block.caption) : null,
    h("tbody", {}, rows.map((row, rowIndex) => h("tr", {}, row.map((value, columnIndex) => cell(value, rowIndex, columnIndex)))))));
}

function documentLink(block) {
  if (!block.document) {
    return null;
  }
  return h("a", { href: block.document.url }, block.title || block.document.title);
}

const RENDERERS = {
  ParagraphBlock: (block) => h("div", {}, richText(block.html)),
  ImageBlock: (block) => block.image?.rendition
    ? h("figure", {},
      h("img", { src: block.image.rendition.url, width: block.image.rendition.width, height: block.image.rendition.height, alt: block.image.altText || "", loading: "lazy" }),
      block.caption ? h("figcaption", {}, block.caption) : null)
    : null,
  DocumentBlock: (block) => h("p", {}, documentLink(block)),
  DocumentListBlock: (block) => h("ul", {}, (block.items || []).map(documentLink).filter(Boolean).map((link) => h("li", {}, link))),
  TableBlock: table,
  // Provider HTML would run third-party script here, so the client links out.
  EmbedBlock: (block) => h("p", {}, h("a", { href: block.url, rel: "noopener" }, "Buka media")),
  FAQBlock: (block) => h("div", { class: "faq" }, (block.items || []).map((item) =>
    h("details", {}, h("summary", {}, item.question), richText(item.answerHtml)))),
};

export function streamBody(blocks) {
  if (!Array.isArray(blocks) || !blocks.length) {
    return null;
  }
  const rendered = blocks.map((block) => RENDERERS[block.__typename]?.(block)).filter(Boolean);
  return h("div", { class: "rich-text" }, rendered);
}
