// Runs the documented GraphQL operations against the public API.
//
// The client never writes a query of its own: /client/operations.json serves
// every operation of frontend_contract/operations/*.graphql by name, each
// with the fragments it needs.

const ENDPOINT = "/graphql/";
const OPERATIONS_URL = "/client/operations.json";

// Longer GET URLs risk being cut by proxies, so such queries go by POST.
const MAX_GET_URL_LENGTH = 2000;

let operationsPromise = null;

export class ApiError extends Error {
  constructor(message, details = []) {
    super(message);
    this.name = "ApiError";
    this.details = details;
  }
}

export class MissingOperationError extends ApiError {
  constructor(name) {
    super(`Operasi "${name}" belum tersedia di server.`);
    this.name = "MissingOperationError";
    this.operationName = name;
  }
}

export function loadOperations() {
  if (!operationsPromise) {
    operationsPromise = fetch(OPERATIONS_URL, { headers: { Accept: "application/json" } })
      .then((response) => {
        if (!response.ok) {
          throw new ApiError(`Daftar operasi gagal dimuat (HTTP ${response.status}).`);
        }
        return response.json();
      })
      .then((body) => body.operations)
      .catch((error) => {
        operationsPromise = null;
        throw error;
      });
  }
  return operationsPromise;
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

function isMutation(document) {
  return /^\s*mutation\b/.test(document);
}

function requestFor(name, document, variables) {
  if (!isMutation(document)) {
    const params = new URLSearchParams({
      query: document,
      operationName: name,
      variables: JSON.stringify(variables),
    });
    const url = `${ENDPOINT}?${params}`;
    if (url.length <= MAX_GET_URL_LENGTH) {
      return [url, { method: "GET", headers: { Accept: "application/json" } }];
    }
  }
  return [
    ENDPOINT,
    {
      method: "POST",
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json",
        "X-CSRFToken": csrfToken(),
      },
      body: JSON.stringify({ query: document, operationName: name, variables }),
    },
  ];
}

// Run the named operation and return its data; raise ApiError on any error.
export async function run(name, variables = {}) {
  const operations = await loadOperations();
  const document = operations[name];
  if (!document) {
    throw new MissingOperationError(name);
  }
  const [url, init] = requestFor(name, document, variables);
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new ApiError("Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.");
  }
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    throw new ApiError(`Jawaban server tidak dapat dibaca (HTTP ${response.status}).`);
  }
  if (body.errors && body.errors.length) {
    const messages = body.errors.map((item) => item.message);
    throw new ApiError(messages.join(" "), body.errors);
  }
  if (!response.ok) {
    throw new ApiError(`Permintaan gagal (HTTP ${response.status}).`);
  }
  return body.data;
}
