// examples/ssr, a real Leptos SSR app (axum + leptos_axum) built by scripts/ssr-example.sh: its
// server renders the page with the form, and Chromium hydrates it against cognito-local. The
// client's wasm is held back until the test lets it through, as a slow network would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { signUp, userStatus, startCognitoLocal, createPool } from "./support/cognito-local.mjs";
import { launch, newPage } from "./support/browser.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const site = join(root, "target", "ssr-example");

let cognito, pool, browser;
const servers = [];
before(async () => {
  cognito = await startCognitoLocal();
  pool = await createPool(cognito.endpoint);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const server of servers) await server.stop();
  await cognito?.stop();
});

/** Starts the example's server for `username` on a free loopback port. */
async function startServer(username) {
  const child = spawn(join(site, "debug", "ssr-example"), [], {
    env: {
      ...process.env,
      SITE_ADDR: "127.0.0.1:0",
      SITE_ROOT: join(site, "site"),
      COGNITO_ENDPOINT: cognito.endpoint,
      COGNITO_CLIENT_ID: pool.clientId,
      COGNITO_USERNAME: username,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const found = out.match(/listening on (http:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.once("exit", (code) => reject(new Error(`the example's server exited (${code})`)));
  });
  const server = {
    url,
    stop: () => new Promise((r) => { if (child.exitCode !== null) return r(); child.once("exit", r); child.kill("SIGTERM"); }),
  };
  servers.push(server);
  return server;
}

test("the server's HTML, fetched without JavaScript, holds the form", async () => {
  const server = await startServer("ssr-html");
  const html = await (await fetch(server.url)).text();
  assert.match(html, /<div[^>]* data-state="idle"[^>]* class="cognito-confirm"/);
  assert.match(html, /<input[^>]* name="code"[^>]* autocomplete="one-time-code" inputmode="numeric"/);
  assert.match(html, /<button type="submit"[^>]*>Confirm<\/button>/);
  assert.match(html, /<link rel="stylesheet" href="\/cognito-confirm.css">/);
  const css = await fetch(new URL("/cognito-confirm.css", server.url));
  assert.equal(css.headers.get("content-type"), "text/css");
  assert.match(await css.text(), /--cc-accent/);
});

test("the code typed before the wasm has arrived is kept through hydration, and Confirm confirms the user", async () => {
  const code = await signUp(cognito, pool, "ssr-user");
  const server = await startServer("ssr-user");
  const { page, context, problems } = await newPage(browser);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let wasmAsked = false;
  await page.route(/ssr_example_bg\.wasm$/, async (route) => {
    wasmAsked = true;
    await held;
    await route.continue();
  });
  await page.goto(server.url);
  // Styled by the linked stylesheet before any script has run.
  const form = page.locator(".cognito-confirm");
  assert.equal(await form.evaluate((e) => getComputedStyle(e).borderTopStyle), "solid");
  const input = page.getByRole("textbox", { name: "Confirmation code" });
  await input.pressSequentially(code.slice(0, 3));
  assert.equal(await page.locator("main").getAttribute("data-interactive"), "false", "not hydrated yet");
  assert.ok(wasmAsked, "the wasm is on its way");

  release();
  await page.locator('main[data-interactive="true"]').waitFor();
  assert.equal(await input.inputValue(), code.slice(0, 3), "what was typed stays");
  assert.equal(await page.evaluate(() => document.activeElement?.name), "code", "and keeps the focus");
  await input.pressSequentially(code.slice(3));
  await page.keyboard.press("Enter");
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "ssr-user"), "CONFIRMED");
  assert.equal(await page.locator("#next").textContent(), "Your account is ready.", "on_confirmed ran");
  assert.deepEqual(problems, [], "no hydration error or other console error");
  await context.close();
});
