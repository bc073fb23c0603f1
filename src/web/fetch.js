// The transport's JavaScript side (src/web/transport.rs).

// One attempt, kept here so that the module holds one await per attempt and no Request,
// Headers or Response bindings. Waits `delayMs` first (a retry's backoff), then POSTs with a
// timeout and resolves to [status, x-amzn-ErrorType or null, body text]. A rejection is fetch's
// own (a TypeError when offline or refused by CORS, a TimeoutError), which the transport names.
// `fetch` is looked up at each call, so a page that wraps it is used.
export async function attempt(url, headers, body, timeoutMs, delayMs) {
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
  if (!(response instanceof Response)) throw new TypeError("fetch() resolved to something that is not a Response");
  return [response.status, response.headers.get("x-amzn-ErrorType"), await response.text()];
}

// The host name of the page (or worker) the module runs in; "" where there is none.
export function pageHost() {
  return globalThis.location?.hostname ?? "";
}
