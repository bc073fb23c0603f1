// Faults a network or a server can throw, injected by intercepting the form's requests in
// headless Chromium. For each: a named error, a usable form with the typed code kept, retries
// only where safe, and a normal confirmation right after (the module is not broken).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { newPage } from "./support/browser.mjs";
import { useStack } from "./support/stack.mjs";

// A cross-origin endpoint, so CORS applies; every request to it is intercepted.
const ENDPOINT = "https://cognito-idp.eu-west-1.amazonaws.com/";
const CORS = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*", "Access-Control-Allow-Methods": "POST" };
const json = (status, body, headers = CORS) => ({ status, headers: { ...headers, "Content-Type": "application/x-amz-json-1.1" }, body: typeof body === "string" ? body : JSON.stringify(body) });
const html = (status) => ({ status, headers: { ...CORS, "Content-Type": "text/html" }, body: `<html><body><h1>${status}</h1></body></html>` });

const faults = [
  { name: "offline", abort: "internetdisconnected", error: "NetworkError", kind: "network", attempts: 3 },
  { name: "connection refused", abort: "connectionrefused", error: "NetworkError", kind: "network", attempts: 3 },
  { name: "DNS failure", abort: "namenotresolved", error: "NetworkError", kind: "network", attempts: 3 },
  { name: "timeout", hang: true, error: "TimeoutError", kind: "timeout", attempts: 1 },
  { name: "500 HTML", answer: html(500), error: "InvalidResponseError", kind: "invalid-response", status: 500, attempts: 3 },
  { name: "502 HTML", answer: html(502), error: "InvalidResponseError", kind: "invalid-response", status: 502, attempts: 3 },
  { name: "503 HTML", answer: html(503), error: "InvalidResponseError", kind: "invalid-response", status: 503, attempts: 3 },
  { name: "429 bare", answer: json(429, ""), error: "InvalidResponseError", kind: "invalid-response", status: 429, attempts: 3 },
  { name: "TooManyRequestsException", answer: json(400, { __type: "TooManyRequestsException", message: "Too many requests" }), error: "TooManyRequestsException", kind: "throttled", status: 400, attempts: 3 },
  { name: "InternalErrorException", answer: json(500, { __type: "InternalErrorException", message: "Internal error" }), error: "InternalErrorException", kind: "service", status: 500, attempts: 3 },
  { name: "truncated JSON", answer: json(200, '{"Session":"abc'), error: "InvalidResponseError", kind: "invalid-response", status: 200, attempts: 1 },
  { name: "invalid JSON", answer: json(200, "not json at all"), error: "InvalidResponseError", kind: "invalid-response", status: 200, attempts: 1 },
  { name: "200 with an unexpected shape", answer: json(200, { Session: 42 }), error: "InvalidResponseError", kind: "invalid-response", status: 200, attempts: 1 },
  { name: "200 with an array", answer: json(200, []), error: "InvalidResponseError", kind: "invalid-response", status: 200, attempts: 1 },
  // A real loopback server that sends no CORS headers (intercepted answers skip CORS checks).
  { name: "CORS failure", noCorsServer: true, error: "NetworkError", kind: "network", attempts: 3 },
  { name: "wrong code", answer: json(400, { __type: "CodeMismatchException", message: "Invalid verification code provided, please try again." }), error: "CodeMismatchException", kind: "code-mismatch", status: 400, attempts: 1 },
  { name: "attempt limit", answer: json(400, { __type: "LimitExceededException", message: "Attempt limit exceeded, please try after some time." }), error: "LimitExceededException", kind: "attempt-limit", status: 400, attempts: 1 },
  { name: "HTML in the server message", answer: json(400, { __type: "UserLambdaValidationException", message: "<img src=x onerror=alert(1)>PreSignUp failed" }), error: "UserLambdaValidationException", kind: "lambda", status: 400, attempts: 1 },
];

let server, browser;
useStack({ server: {} }, (s) => ({ server, browser } = s));

for (const fault of faults) {
  test(`fault: ${fault.name}`, async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(`${server.url}test/blank.html`);
    let attempts = 0;
    let mode = "fault";
    let endpoint = ENDPOINT;
    let noCors;
    if (fault.noCorsServer) {
      noCors = createServer((req, res) => {
        if (mode === "ok") {
          res.writeHead(req.method === "OPTIONS" ? 204 : 200, { ...CORS, "Content-Type": "application/x-amz-json-1.1" });
          return res.end(req.method === "OPTIONS" ? undefined : "{}");
        }
        attempts++; // the preflight fails, so the POST itself never leaves the browser
        res.writeHead(204);
        res.end();
      });
      await new Promise((r) => noCors.listen(0, "127.0.0.1", r));
      endpoint = `http://127.0.0.1:${noCors.address().port}/`;
    }
    await page.route(ENDPOINT, async (route) => {
      if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers: CORS });
      if (mode === "ok") return route.fulfill(json(200, {}));
      attempts++;
      if (fault.abort) return route.abort(fault.abort);
      if (fault.hang) return; // never answered: the component's timeout must fire
      return route.fulfill(fault.answer);
    });
    await page.evaluate(async (endpoint) => {
      const cc = await import("/pkg/cognito_confirm.js");
      await cc.default();
      window.errors = [];
      cc.mount("#app", {
        endpoint, region: "eu-west-1", clientId: "7example1client2id3", username: "alice",
        timeoutMs: 500, onError: (e) => window.errors.push({ name: e.name, kind: e.kind, status: e.status, retryable: e.retryable, isError: e instanceof Error, message: e.message }),
        onConfirmed: () => { window.confirmed = true; },
      });
    }, endpoint);
    const input = page.getByRole("textbox", { name: "Confirmation code" });
    await input.fill("123456");
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await page.locator('.cognito-confirm[data-state="error"]').waitFor({ timeout: 10000 });

    const [error] = await page.evaluate(() => window.errors);
    assert.equal(error.name, fault.error);
    assert.equal(error.kind, fault.kind);
    assert.equal(error.isError, true);
    if (fault.status !== undefined) assert.equal(error.status, fault.status);
    assert.equal(attempts, fault.attempts, "retries only where safe");
    assert.equal(await input.inputValue(), "123456", "the typed code is kept");
    assert.ok(await page.getByRole("button", { name: "Confirm", exact: true }).isEnabled(), "usable again");
    const alert = await page.getByRole("alert").textContent();
    assert.ok(alert.length > 0 && !alert.includes("<img"), "a translated message, never the raw HTML");
    assert.equal(await page.locator(".cognito-confirm img").count(), 0);

    mode = "ok";
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
    assert.equal(await page.evaluate(() => window.confirmed), true, "the module still works");
    assert.deepEqual(problems.filter((p) => !/ERR_|CORS|Access-Control/.test(p)), []);
    await context.close();
    noCors?.closeAllConnections();
    await new Promise((r) => (noCors ? noCors.close(r) : r()));
  });
}
