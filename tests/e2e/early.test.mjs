// The form before the wasm (the package's element.js), in Chromium, Firefox and WebKit, under the
// strict CSP, with the wasm held back by the server as a slow network would: the form is drawn,
// styled and typeable at once; what is typed, the focus and the caret stay when the wasm takes
// over; an Enter pressed before is sent exactly once when it is ready, with no navigation; and
// nothing on the page moves.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { signUp, userStatus, startCognitoLocal, createPool } from "./support/cognito-local.mjs";
import { startDevServer } from "./support/dev-server.mjs";
import { ENGINES, startEngine } from "./support/engines.mjs";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const ENTER = "\uE007";
const HOST = "cognito-confirm-sign-up";

let cognito, pool;
const engines = {};
before(async () => {
  cognito = await startCognitoLocal();
  pool = await createPool(cognito.endpoint);
});
after(async () => {
  for (const engine of Object.values(engines)) await engine.stop();
  await cognito?.stop();
});

/** A page whose only script is element.js, with the form between two paragraphs. The script
 * blocks the first paint until it has run (`blocking="render"`, where the engine has it), so that
 * the page is not painted once without the form. */
const earlyPage = (username, attributes = `username="${username}"`) => (url) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>early</title>
<script type="module" src="/pkg/element.js" blocking="render"></script></head>
<body><p id="above">Above the form.</p>
<${HOST} endpoint="${url}cognito/" client-id="${pool.clientId}" ${attributes}></${HOST}>
<p id="below">Below the form.</p></body></html>`;

/** The same form as a declarative shadow root in the page's HTML (the package's form.html, its
 * stylesheet link pointed at the package), upgraded by element.js. */
const declarativePage = (username) => (url) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>declarative</title>
<script type="module" src="/pkg/element.js"></script></head>
<body><p id="above">Above the form.</p>
<${HOST} endpoint="${url}cognito/" client-id="${pool.clientId}" username="${username}">${
  readFileSync(join(pkg, "form.html"), "utf8").replace('href="cognito-confirm.css"', 'href="/pkg/cognito-confirm.css"')
}</${HOST}>
<p id="below">Below the form.</p></body></html>`;

/** element.js, and the package's root defining the element again after init(). */
const bothPage = (username) => (url) => earlyPage(username)(url).replace("</head>", '<script type="module" src="/both.js"></script></head>');
const BOTH_JS = `window.errors = [];
addEventListener("error", (e) => window.errors.push(String(e.message)));
addEventListener("unhandledrejection", (e) => window.errors.push(String(e.reason)));
const cc = await import("/pkg/cognito_confirm.js");
await cc.default();
window.sameClass = cc.defineElement() === customElements.get("${HOST}");
window.defined = true;`;

/** Runs `flow({ page, server })` on the early page of `username` in `name`, the wasm held back. */
async function withEarlyPage(name, username, flow, attributes, html = earlyPage(username, attributes)) {
  const server = await startDevServer({
    cognito, pool, holdWasm: true,
    pages: { "/early.html": html, "/both.js": BOTH_JS },
    headers: { "Content-Security-Policy": CSP },
  });
  let page;
  try {
    engines[name] ??= await startEngine(name);
    page = await engines[name].newPage();
    await page.goto(`${server.url}early.html`);
    await page.evaluate(() => {
      window.violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      window.shifts = [];
      // Layout Instability API where the engine has it (Chromium).
      if (PerformanceObserver.supportedEntryTypes?.includes("layout-shift")) {
        new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: "layout-shift", buffered: true });
      }
      window.stayed = true; // gone if the page navigates
    });
    await page.waitFor(() => document.querySelector("cognito-confirm-sign-up")?.shadowRoot?.querySelector(".cognito-confirm"));
    await flow({ page, server });
    assert.deepEqual(await page.evaluate(() => window.violations), [], "no CSP violation");
  } finally {
    await page?.close();
    await server.stop();
  }
}

/** What the page shows now: the form's state and box, the paragraph below, the wasm's arrival. */
const look = (page) => page.evaluate(() => {
  const host = document.querySelector("cognito-confirm-sign-up");
  const root = host.shadowRoot;
  const form = root.querySelector(".cognito-confirm");
  const input = root.querySelector("input[name=code]");
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(","); };
  return {
    state: form.dataset.state,
    value: input.value,
    focused: root.activeElement?.name ?? null,
    caret: input.selectionStart,
    form: box(host),
    below: box(document.getElementById("below")),
    border: getComputedStyle(form).borderTopStyle,
    container: root.querySelector("[part=container]").dataset.seen ?? "new",
    busy: root.querySelector("button[type=submit]").getAttribute("aria-busy"),
    stayed: window.stayed === true,
  };
});

/** Marks the form's container as seen, so that its replacement by the wasm's form shows. */
const markContainer = (page) => page.evaluate(() => {
  document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector("[part=container]").dataset.seen = "early";
});

for (const name of ENGINES) {
  test(`${name}: element.js shows a styled, typeable form before the wasm, and the wasm keeps the code, focus and caret`, async () => {
    await signUp(cognito, pool, `early-${name}`);
    await withEarlyPage(name, `early-${name}`, async ({ page, server }) => {
      await markContainer(page);
      const before = await look(page);
      assert.equal(before.state, "idle");
      assert.equal(before.border, "solid", "styled from the first frame, under the strict CSP");
      assert.equal(server.calls.length, 0);
      await page.type(`${HOST} >>> input[name=code]`, "12 34");
      const typed = await look(page);
      assert.equal(typed.value, "12 34");
      assert.equal(typed.focused, "code");
      assert.equal(typed.container, "early", "the wasm has not taken over yet");
      assert.ok(server.wasmRequests.length >= 1, "the wasm was asked for and is being held");

      server.releaseWasm();
      await page.waitFor(() => !document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector("[part=container]").dataset.seen);
      const after = await look(page);
      assert.equal(after.value, "12 34", "the typed code stays");
      assert.equal(after.focused, "code", "the focus stays");
      assert.equal(after.caret, 5, "the caret stays");
      assert.equal(after.form, before.form, "the form's box keeps its size and place");
      assert.equal(after.below, before.below, "nothing below the form moves");
      assert.deepEqual(await page.evaluate(() => window.shifts.filter((v) => v > 0)), [], "no layout shift");
      // The wasm's form works on from there: the rest of the code, then Enter.
      await page.type(`${HOST} >>> input[name=code]`, "56");
      assert.equal(server.calls.length, 0);
    });
  });

  test(`${name}: an Enter before the wasm shows the busy state and is sent exactly once when it arrives`, async () => {
    const code = await signUp(cognito, pool, `enter-${name}`);
    await withEarlyPage(name, `enter-${name}`, async ({ page, server }) => {
      await page.type(`${HOST} >>> input[name=code]`, code);
      await page.press(ENTER);
      await page.waitFor(() => document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector(".cognito-confirm").dataset.state === "submitting");
      await page.press(ENTER); // pressed again while waiting: still one request
      const waiting = await look(page);
      assert.equal(waiting.busy, "true");
      assert.equal(waiting.stayed, true, "no navigation");
      assert.equal(server.calls.length, 0, "nothing is sent before the wasm");

      server.releaseWasm();
      await page.waitFor(() => document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector(".cognito-confirm").dataset.state === "confirmed");
      assert.equal(await userStatus(cognito.endpoint, pool.poolId, `enter-${name}`), "CONFIRMED");
      assert.deepEqual(server.calls, ["AWSCognitoIdentityProviderService.ConfirmSignUp"], "sent exactly once");
      // (The success message then takes its place below the buttons, as in any confirmation.)
      assert.equal((await look(page)).stayed, true, "no navigation");
    });
  });
}

for (const name of ENGINES) {
  test(`${name}: the form as a declarative shadow root is painted without JavaScript, and element.js adopts it`, async () => {
    const code = await signUp(cognito, pool, `dsd-${name}`);
    await withEarlyPage(name, `dsd-${name}`, async ({ page, server }) => {
      const before = await page.evaluate(() => {
        const root = document.querySelector("cognito-confirm-sign-up").shadowRoot;
        return {
          forms: root.querySelectorAll(".cognito-confirm").length,
          link: root.querySelectorAll("link[rel=stylesheet]").length,
          border: getComputedStyle(root.querySelector(".cognito-confirm")).borderTopStyle,
        };
      });
      assert.deepEqual(before, { forms: 1, link: 1, border: "solid" }, "one styled form, the root kept as the HTML made it");
      await page.type(`${HOST} >>> input[name=code]`, code);
      await page.evaluate(() => document.querySelector("cognito-confirm-sign-up").addEventListener("ready", () => { window.taken = true; }));
      server.releaseWasm();
      await page.waitFor(() => window.taken === true);
      assert.equal(await page.evaluate(() => document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelectorAll(".cognito-confirm").length), 1);
      await page.press(ENTER);
      await page.waitFor(() => document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector(".cognito-confirm").dataset.state === "confirmed");
      assert.equal(await userStatus(cognito.endpoint, pool.poolId, `dsd-${name}`), "CONFIRMED");
    }, undefined, declarativePage(`dsd-${name}`));
  });
}

for (const name of ENGINES) {
  test(`${name}: in the page's language: element.js draws the German form from its module before the wasm, and the wasm's form is German too`, async () => {
    const code = await signUp(cognito, pool, `de-${name}`);
    const german = (url) => earlyPage(`de-${name}`)(url)
      .replace('<html lang="en">', '<html lang="de">')
      .replace("</head>", '<script type="module" src="/pkg/locales/de.js" blocking="render"></script></head>');
    await withEarlyPage(name, `de-${name}`, async ({ page, server }) => {
      const texts = () => page.evaluate(() => {
        const root = document.querySelector("cognito-confirm-sign-up").shadowRoot;
        return [root.querySelector("h2").textContent, root.querySelector("button[type=submit]").textContent, root.querySelector(".cognito-confirm").lang];
      });
      await page.waitFor(() => document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector("h2")?.textContent === "Konto bestätigen");
      assert.deepEqual(await texts(), ["Konto bestätigen", "Bestätigen", "de"]);
      await page.type(`${HOST} >>> input[name=code]`, code);
      await page.press(ENTER);
      await page.waitFor(() => document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector("button[type=submit]").textContent === "Wird bestätigt…");
      assert.equal(server.calls.length, 0);
      server.releaseWasm();
      await page.waitFor(() => document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector(".cognito-confirm").dataset.state === "confirmed");
      assert.deepEqual(await texts(), ["Konto bestätigen", "Bestätigen", "de"], "the wasm's form in German");
      assert.equal(await page.evaluate(() => document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector("[role=status]").textContent), "Dein Konto ist bestätigt.");
      assert.deepEqual(server.calls, ["AWSCognitoIdentityProviderService.ConfirmSignUp"]);
      assert.equal(await userStatus(cognito.endpoint, pool.poolId, `de-${name}`), "CONFIRMED");
    }, undefined, german);
  });
}

test("chromium: a page with element.js that also calls init() and defineElement() gets no error and one working element", async () => {
  const code = await signUp(cognito, pool, "both");
  await withEarlyPage("chromium", "both", async ({ page, server }) => {
    server.releaseWasm();
    await page.waitFor(() => window.defined === true);
    assert.deepEqual(await page.evaluate(() => ({ errors: window.errors, same: window.sameClass })), { errors: [], same: true });
    await page.type(`${HOST} >>> input[name=code]`, code);
    await page.press(ENTER);
    await page.waitFor(() => document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector(".cognito-confirm").dataset.state === "confirmed");
    assert.deepEqual(server.calls, ["AWSCognitoIdentityProviderService.ConfirmSignUp"]);
  }, undefined, bothPage("both"));
});

test("chromium: without a username attribute the early form asks for it, and the wasm keeps what was typed in both fields", async () => {
  await signUp(cognito, pool, "early-ask");
  await withEarlyPage("chromium", "early-ask", async ({ page, server }) => {
    await markContainer(page);
    await page.type(`${HOST} >>> input[name=username]`, "early-ask");
    await page.type(`${HOST} >>> input[name=code]`, "999");
    server.releaseWasm();
    await page.waitFor(() => !document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector("[part=container]").dataset.seen
      && document.querySelector("cognito-confirm-sign-up").shadowRoot.querySelector("[part=container]:not([hidden]) .cognito-confirm"));
    const values = await page.evaluate(() => {
      const root = document.querySelector("cognito-confirm-sign-up").shadowRoot;
      return [...root.querySelectorAll("input")].map((i) => `${i.name}=${i.value}`);
    });
    assert.deepEqual(values, ["username=early-ask", "code=999"]);
  }, "");
});
