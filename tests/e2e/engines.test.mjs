// The flows that matter most, in each browser engine a sign-up page meets: Chromium, Firefox
// and WebKit (see support/engines.mjs), against cognito-local behind the dev server. A real
// confirmation with the keyboard alone under a strict CSP, a wrong code (alert, code kept),
// paste normalisation, resend with its cooldown, the custom element and its events, the
// headless API, axe-core's checks, a few faults, and WebOTP left alone where the engine lacks it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { signUp, userStatus, storedUser, startCognitoLocal, createPool, call } from "./support/cognito-local.mjs";
import { startDevServer } from "./support/dev-server.mjs";
import { ENGINES, exposePackage, startEngine } from "./support/engines.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const TAB = "\uE004";
const ENTER = "\uE007";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let cognito, pool, faults;
const engines = {};
before(async () => {
  cognito = await startCognitoLocal();
  pool = await createPool(cognito.endpoint);
  faults = await startFaultServer();
});
after(async () => {
  for (const engine of Object.values(engines)) await engine.stop();
  await faults?.stop();
  await cognito?.stop();
});

/** A loopback server answering like a broken Cognito: `/html500` with an HTML error page,
 * `/hang` never. */
async function startFaultServer() {
  const hanging = new Set();
  const server = createServer((req, res) => {
    const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*" };
    if (req.method === "OPTIONS") return res.writeHead(204, cors).end();
    if (req.url === "/hang") return hanging.add(res);
    res.writeHead(500, { ...cors, "Content-Type": "text/html" }).end("<html><body>Internal Server Error</body></html>");
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    stop: () => new Promise((r) => { for (const res of hanging) res.destroy(); server.closeAllConnections?.(); server.close(() => r()); }),
  };
}

/** The engine, started on first use and stopped after the file. */
async function engine(name) {
  engines[name] ??= await startEngine(name);
  return engines[name];
}

/** Runs `flow({ page, server })` on the demo page for `username` in a new page of `name`,
 * served with `headers`, once the form is drawn; closes the page and stops the server after it,
 * whatever happens (a driver has one session at a time). */
async function withPage(name, username, flow, headers = {}) {
  const server = await startDevServer({ cognito, pool, pageConfig: { clientId: pool.clientId, username }, headers });
  let page;
  try {
    page = await (await engine(name)).newPage();
    await page.goto(server.url);
    await page.waitFor(() => document.querySelector(".cognito-confirm"));
    await flow({ page, server });
  } finally {
    await page?.close();
    await server.stop();
  }
}

const text = (page, selector) => page.evaluate((s) => document.querySelector(s).textContent, selector);

for (const name of ENGINES) {
  test(`${name}: signed in right after confirming (session and autoSignIn), tokens only in the callback`, async () => {
    const username = `signin-${name}`;
    const pageConfig = { clientId: pool.clientId, username, autoSignIn: true };
    const server = await startDevServer({ cognito, pool, pageConfig, headers: { "Content-Security-Policy": CSP } });
    let page;
    try {
      // Signed up through the dev layer, whose answer carries the Session (cognito-local's has none).
      const { Session } = await call(`${server.url}cognito/`, "SignUp", {
        ClientId: pool.clientId, Username: username, Password: "Corr3ct-Horse!", UserAttributes: [{ Name: "email", Value: `${username}@example.com` }],
      });
      pageConfig.session = Session;
      const code = storedUser(cognito, pool.poolId, username).ConfirmationCode;
      page = await (await engine(name)).newPage();
      await page.goto(server.url);
      await page.waitFor(() => document.querySelector(".cognito-confirm"));
      await page.type(".cognito-confirm input[name=code]", code + ENTER);
      await page.waitFor(() => document.querySelector("[role=status]")?.textContent === "You are signed in.");
      assert.equal(await page.evaluate(() => document.querySelector(".cognito-confirm").dataset.state), "confirmed");
      assert.equal(await userStatus(cognito.endpoint, pool.poolId, username), "CONFIRMED");
      assert.deepEqual(server.calls.slice(1), ["AWSCognitoIdentityProviderService.ConfirmSignUp", "AWSCognitoIdentityProviderService.InitiateAuth"]);
      // The demo page logs that tokens arrived, never the tokens or the Sessions.
      const page_text = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...localStorage }));
      assert.match(page_text, /signed in: tokens that expire in 3600 s/);
      assert.ok(!page_text.includes(Session) && !page_text.includes("dev-layer.") && !page_text.includes("dev-layer-session-"));
    } finally {
      await page?.close();
      await server.stop();
    }
  });

  test(`${name}: keyboard only, under a strict CSP, a real user is confirmed`, async () => {
    const code = await signUp(cognito, pool, `kb-${name}`);
    await withPage(name, `kb-${name}`, async ({ page }) => {
      await page.evaluate(() => {
        window.violations = [];
        document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.press(TAB);
      assert.equal(await page.evaluate(() => document.activeElement.name), "code", "the first Tab reaches the code");
      await page.press([...code, ENTER].join(""));
      await page.waitFor(() => document.querySelector(".cognito-confirm").dataset.state === "confirmed");
      assert.equal(await userStatus(cognito.endpoint, pool.poolId, `kb-${name}`), "CONFIRMED");
      assert.match(await text(page, "[role=status]"), /confirmed/i);
      // Focus moves to the success message once it is drawn.
      await page.waitFor(() => document.activeElement?.getAttribute("role") === "status");
      const checks = await page.evaluate(() => ({
        violations: window.violations,
        // The adopted stylesheet applies although inline <style> is forbidden.
        border: getComputedStyle(document.querySelector(".cognito-confirm")).borderTopStyle,
      }));
      assert.deepEqual(checks, { violations: [], border: "solid" });
    }, { "Content-Security-Policy": CSP });
  });

  test(`${name}: a wrong code shows an alert and keeps the code; pasted digits are normalised; axe finds nothing`, async () => {
    await signUp(cognito, pool, `wrong-${name}`);
    await withPage(name, `wrong-${name}`, async ({ page }) => {
      await page.type(".cognito-confirm input[name=code]", "１２３-４５ ６");
      assert.equal(await page.evaluate(() => document.querySelector("input[name=code]").value), "123456", "full-width digits, dashes and spaces normalised");
      await page.click(".cognito-confirm button[type=submit]");
      await page.waitFor(() => document.querySelector(".cognito-confirm").dataset.state === "error");
      assert.match(await text(page, "[role=alert]"), /not right/);
      assert.equal(await page.evaluate(() => document.querySelector("input[name=code]").value), "123456", "the typed code stays");
      await page.evaluate(new Function(axeSource));
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(".cognito-confirm", { resultTypes: ["violations"] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    assert.deepEqual(violations, []);
    });
  });

  test(`${name}: resend sends a new code and rests with a countdown; WebOTP is used only where it exists`, async () => {
    await signUp(cognito, pool, `resend-${name}`);
    await withPage(name, `resend-${name}`, async ({ page }) => {
      const before = storedUser(cognito, pool.poolId, `resend-${name}`).ConfirmationCode;
      await page.click(".cognito-confirm__resend");
      await page.waitFor(() => /A new code was sent to r\*\*\*@e\*\*\*\.com \(email\)/.test(document.querySelector("[role=status]").textContent));
      const after = await page.evaluate(() => ({
        disabled: document.querySelector(".cognito-confirm__resend").disabled,
        countdown: document.querySelector(".cognito-confirm__countdown").textContent,
        webOtp: "OTPCredential" in window,
      }));
      assert.equal(after.disabled, true, "the button rests");
      assert.match(after.countdown, /\(\d+ s\)/);
      assert.equal(after.webOtp, name === "chromium", "WebOTP exists in Chromium only; elsewhere the form goes without it");
      const code = storedUser(cognito, pool.poolId, `resend-${name}`).ConfirmationCode;
      assert.notEqual(code, undefined);
      if (before === code) assert.fail("a new code was made");
      await page.type(".cognito-confirm input[name=code]", code);
      await page.click(".cognito-confirm button[type=submit]");
      await page.waitFor(() => document.querySelector(".cognito-confirm").dataset.state === "confirmed");
    });
  });

  test(`${name}: the custom element confirms and dispatches its events`, async () => {
    const code = await signUp(cognito, pool, `el-${name}`);
    await withPage(name, `el-${name}`, async ({ page, server }) => {
      await exposePackage(page);
      await page.evaluate(({ endpoint, clientId, username }) => {
        window.cc.defineElement();
        window.events = [];
        for (const type of ["confirmed", "code-resent", "confirm-error"]) document.addEventListener(type, (e) => window.events.push([type, e.detail?.name ?? null]));
        document.getElementById("app").innerHTML = `<cognito-confirm-sign-up endpoint="${endpoint}" client-id="${clientId}" username="${username}"></cognito-confirm-sign-up>`;
      }, { endpoint: `${server.url}cognito/`, clientId: pool.clientId, username: `el-${name}` });
      await page.waitFor(() => document.querySelector("cognito-confirm-sign-up")?.shadowRoot?.querySelector(".cognito-confirm"));
      // Typed and sent with Enter: WebKitWebDriver can refuse clicks inside a shadow root as
      // intercepted by its host.
      const input = "cognito-confirm-sign-up >>> input[name=code]";
      await page.type(input, `0${ENTER}`);
      await page.waitFor(() => window.events.length === 1);
      await page.fill(input, `${code}${ENTER}`);
      await page.waitFor(() => window.events.length === 2);
      assert.deepEqual(await page.evaluate(() => window.events), [["confirm-error", "CodeMismatchException"], ["confirmed", null]]);
      assert.equal(await userStatus(cognito.endpoint, pool.poolId, `el-${name}`), "CONFIRMED");
    });
  });

  test(`${name}: the headless API confirms a real user and names faults`, async () => {
    const code = await signUp(cognito, pool, `api-${name}`);
    await withPage(name, `api-${name}`, async ({ page, server }) => {
      await exposePackage(page);
      const results = await page.evaluate(async ({ endpoint, clientId, username, code, faults }) => {
        const cc = window.ccHeadless;
        const request = { ClientId: clientId, Username: username, ConfirmationCode: code };
        const outcome = (promise) => promise.then((r) => ["ok", JSON.stringify(r)], (e) => [e.name, e.kind, e.status, e.retryable]);
        return {
          confirmed: await outcome(cc.confirmSignUp(request, { endpoint })),
          // Nothing listens on port 9 of this machine: the connection is refused.
          offline: await outcome(cc.confirmSignUp(request, { endpoint: "http://127.0.0.1:9/" })),
          timeout: await outcome(cc.confirmSignUp(request, { endpoint: `${faults}hang`, timeoutMs: 300 })),
          html500: await outcome(cc.confirmSignUp(request, { endpoint: `${faults}html500` })),
        };
      }, { endpoint: `${server.url}cognito/`, clientId: pool.clientId, username: `api-${name}`, code, faults: faults.url });
      assert.deepEqual(results, {
        confirmed: ["ok", "{}"],
        offline: ["NetworkError", "network", 0, true],
        timeout: ["TimeoutError", "timeout", 0, true],
        html500: ["InvalidResponseError", "invalid-response", 500, true],
      });
      assert.equal(await userStatus(cognito.endpoint, pool.poolId, `api-${name}`), "CONFIRMED");
    });
  });
}
