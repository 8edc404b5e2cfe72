// Small DOM helpers: element building and an allowlist for rich text.

// Links and sources may only use these schemes or be relative, so a
// "javascript:" URL typed into a page field cannot run here.
const SAFE_URL = /^(https?:|mailto:|tel:|\/|#|\?)/i;

export function isSafeUrl(value) {
  return SAFE_URL.test(String(value).trim());
}

// Build an element: h("a", { href: "#/" }, "Beranda", child, [more]).
// An unsafe href or src is left out.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "class") {
      element.className = value;
    } else if ((name === "href" || name === "src") && !isSafeUrl(value)) {
      continue;
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : String(child));
  }
}

// Tags and attributes that Wagtail's rich text editor produces. The client
// drops anything else from the API, so a bad value cannot run script here.
const ALLOWED_TAGS = new Set([
  "A", "B", "BLOCKQUOTE", "BR", "CODE", "EM", "H2", "H3", "H4", "H5", "HR", "I",
  "LI", "MARK", "OL", "P", "STRONG", "SUB", "SUP", "TABLE", "TBODY", "TD", "TH", "THEAD",
  "TR", "UL",
]);
const ALLOWED_ATTRIBUTES = { A: ["href"], TD: ["colspan", "rowspan"], TH: ["colspan", "rowspan", "scope"] };

function cleanNode(source) {
  if (source.nodeType === Node.TEXT_NODE) {
    return document.createTextNode(source.textContent);
  }
  if (source.nodeType !== Node.ELEMENT_NODE) {
    return null;
  }
  const children = Array.from(source.childNodes, cleanNode).filter(Boolean);
  if (!ALLOWED_TAGS.has(source.tagName)) {
    // Keep the text of unknown wrappers, drop script and style bodies.
    if (["SCRIPT", "STYLE", "IFRAME", "OBJECT", "TEMPLATE"].includes(source.tagName)) {
      return null;
    }
    const fragment = document.createDocumentFragment();
    fragment.append(...children);
    return fragment;
  }
  const element = document.createElement(source.tagName.toLowerCase());
  for (const name of ALLOWED_ATTRIBUTES[source.tagName] || []) {
    const value = source.getAttribute(name);
    if (value === null) {
      continue;
    }
    if (name === "href" && !isSafeUrl(value)) {
      continue;
    }
    element.setAttribute(name, value);
  }
  if (source.tagName === "A") {
    element.setAttribute("rel", "noopener");
  }
  element.append(...children);
  return element;
}

// Return a fragment with the allowed part of an HTML string from the API.
export function richText(html) {
  const parsed = new DOMParser().parseFromString(String(html || ""), "text/html");
  const fragment = document.createDocumentFragment();
  for (const node of Array.from(parsed.body.childNodes, cleanNode)) {
    if (node) {
      fragment.append(node);
    }
  }
  return fragment;
}

export function formatDate(value) {
  if (!value) {
    return "";
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return String(value);
  }
  const options = { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Jakarta" };
  return new Intl.DateTimeFormat("id-ID", options).format(date);
}

// Debounce a function so it runs once input has been quiet for `delay` ms.
export function debounce(fn, delay) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), delay);
  };
}
