// Strict CSP, only the configured endpoint contacted, secrets kept out of the DOM, console and
// storage, and the one-time warning for an inline client secret outside loopback.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signUp, userStatus } from "./support/cognito-local.mjs";
import { newPage } from "./support/browser.mjs";
import { useStack } from "./support/stack.mjs";
import { chromium } from "playwright-core";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
let cognito, pool, server, browser;
const stack = useStack({ cognito: true }, (s) => ({ cognito, pool, server, browser } = s));

test(`works under ${CSP} with no violation, contacting only its own origin`, async () => {
  const code = await signUp(cognito, pool, "csp-user");
  server = await stack.serve({ cognito, pool, pageConfig: { clientId: pool.clientId, username: "csp-user" }, headers: { "Content-Security-Policy": CSP } });
  const { page, context, problems } = await newPage(browser);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const origins = new Set();
  page.on("request", (r) => origins.add(new URL(r.url()).origin));
  await page.goto(server.url);
  await page.getByRole("textbox", { name: "Confirmation code" }).fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "csp-user"), "CONFIRMED");
  // The styles were applied although inline <style> is forbidden.
  assert.equal(await page.locator(".cognito-confirm").evaluate((el) => getComputedStyle(el).borderTopStyle), "solid");
  assert.deepEqual([...origins], [new URL(server.url).origin], "nothing but the page's own origin (the /cognito/ endpoint)");
  assert.deepEqual(problems, []);
  await context.close();
});

test("secrets never reach the DOM, console or storage; the inline-secret warning names no secret", async () => {
  // Load the page under a non-loopback name so the inline-secret warning is due.
  const named = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--host-resolver-rules=MAP app.example 127.0.0.1"],
  });
  try {
    server = await stack.serve({}); // no CSP here: the page talks to the (intercepted) AWS endpoint
    const port = new URL(server.url).port;
    const page = await named.newPage();
    const consoleText = [];
    page.on("console", (m) => consoleText.push(`${m.type()}: ${m.text()}`));
    await page.goto(`http://app.example:${port}/test/blank.html`);
    const SECRET = "CLIENT-SECRET-abc123";
    const KEY = "AWS-SECRET-KEY-xyz789";
    await page.route("**/cognito-idp.eu-west-1.amazonaws.com/**", (route) =>
      route.fulfill({ status: 400, headers: { "Access-Control-Allow-Origin": "*" }, contentType: "application/x-amz-json-1.1", body: JSON.stringify({ __type: "NotAuthorizedException", message: "Unable to verify secret hash for client 7example1client2id3" }) }));
    const result = await page.evaluate(async ({ SECRET, KEY }) => {
      const cc = await import("/pkg/cognito_confirm.js");
      await cc.default();
      const errors = [];
      for (let i = 0; i < 2; i++) {
        const div = document.createElement("div");
        document.body.append(div);
        cc.mount(div, { region: "eu-west-1", clientId: "7example1client2id3", username: "alice", code: "123456", clientSecret: SECRET, onError: (e) => errors.push(`${e.name} ${e.kind} ${e.message} ${e.stack}`) });
      }
      document.querySelector("button[type=submit]").click();
      // Until the form has shown its error (the answer has come back and been handled).
      while (!document.querySelector('.cognito-confirm[data-state="error"]')) await new Promise((r) => requestAnimationFrame(r));
      let adminError;
      try {
        await cc.adminConfirmSignUp({ UserPoolId: "bad pool", Username: "a" }, { region: "eu-west-1", credentials: { accessKeyId: "AKID", secretAccessKey: KEY } });
      } catch (e) { adminError = `${e.name} ${e.message}`; }
      return { html: document.documentElement.outerHTML, errors, adminError, storage: JSON.stringify({ ...localStorage, ...sessionStorage }), cookies: document.cookie };
    }, { SECRET, KEY });
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0], /^NotAuthorizedException secret-hash /);
    assert.match(result.adminError, /^ValidationError/);
    for (const secret of [SECRET, KEY]) {
      for (const [where, text] of Object.entries({ ...result, console: consoleText.join("\n") })) {
        assert.ok(!String(text).includes(secret), `${secret} leaked into ${where}`);
      }
    }
    const warnings = consoleText.filter((t) => t.startsWith("warning: cognito-confirm: clientSecret"));
    assert.equal(warnings.length, 1, `one warning for two forms: ${consoleText.join(" | ")}`);
  } finally {
    await named.close();
  }
});
