// The packed npm tarball in a Vite app (plain JavaScript, the custom element, React): installed,
// built with `vite build`, served statically and used in headless Chromium against cognito-local.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { signUp, userStatus } from "./support/cognito-local.mjs";
import { newPage } from "./support/browser.mjs";
import { useStack } from "./support/stack.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const example = join(root, "examples", "vite");
let cognito, pool, server, browser;

// The app is built first; the stack's server serves its dist/ folder.
before(async () => {
  const tarball = readdirSync(root).find((f) => /^cognito-confirm-.*\.tgz$/.test(f));
  assert.ok(tarball, "make pack ran first (scripts/test.sh does)");
  const npm = (...args) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd: example, stdio: "pipe" });
  npm("ci");
  npm("install", "--no-save", join(root, tarball));
  execFileSync(join(example, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"], { cwd: example, stdio: "pipe" });
});
useStack({ cognito: true, server: { root: join(example, "dist") } }, (s) => ({ cognito, pool, server, browser } = s));

const query = (params) => new URLSearchParams({ endpoint: cognito.endpoint, clientId: pool.clientId, ...params });

test("Vite build: mount() and the custom element confirm real users", async () => {
  const [a, b] = [await signUp(cognito, pool, "vite-a"), await signUp(cognito, pool, "vite-b")];
  const { page, context, problems } = await newPage(browser);
  await page.goto(`${server.url}index.html?${query({ username: "vite-a", elementUsername: "vite-b" })}`);
  await page.locator("#confirm .cognito-confirm").waitFor();
  await page.locator("#confirm input[name=code]").fill(a);
  await page.locator("#confirm button[type=submit]").click();
  await page.locator('#confirm .cognito-confirm[data-state="confirmed"]').waitFor();
  assert.equal(await page.locator("body").getAttribute("data-confirmed"), "{}");

  await page.locator("#element .cognito-confirm").waitFor();
  await page.locator("#element input[name=code]").fill(b);
  await page.locator("#element button[type=submit]").click();
  await page.locator('#element .cognito-confirm[data-state="confirmed"]').waitFor();
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "vite-a"), "CONFIRMED");
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "vite-b"), "CONFIRMED");
  assert.deepEqual(problems, []);
  await context.close();
});

test("React usage: the form in an effect, success handled by the app", async () => {
  const code = await signUp(cognito, pool, "react-a");
  const { page, context, problems } = await newPage(browser);
  await page.goto(`${server.url}react.html?${query({ username: "react-a" })}`);
  await page.getByRole("textbox", { name: "Confirmation code" }).fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await page.getByText("Welcome aboard!").waitFor();
  assert.equal(await page.locator(".cognito-confirm").count(), 0, "the app replaced the form; it unmounted cleanly");
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "react-a"), "CONFIRMED");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the --target bundler build (cognito-confirm/bundler) with vite-plugin-wasm", async () => {
  const code = await signUp(cognito, pool, "bundler-a");
  const { page, context, problems } = await newPage(browser);
  await page.goto(`${server.url}bundler.html?${query({ username: "bundler-a" })}`);
  await page.getByRole("textbox", { name: "Confirmation code" }).fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.equal(await page.locator("body").getAttribute("data-confirmed"), "{}");
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "bundler-a"), "CONFIRMED");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a translation is its own chunk, loaded after mount(); the form switches and keeps the code", async () => {
  // The German texts are not in the entry chunk: only pages that ask for them download them.
  const assets = join(example, "dist", "assets");
  const chunks = readdirSync(assets).filter((f) => f.endsWith(".js")).map((f) => [f, readFileSync(join(assets, f), "utf8")]);
  const german = chunks.filter(([, text]) => text.includes("Bestätigungscode"));
  assert.equal(german.length, 1, "one chunk holds the German texts");
  const entry = readFileSync(join(example, "dist", "index.html"), "utf8").match(/src="\/assets\/([^"]+\.js)"/)[1];
  assert.notEqual(german[0][0], entry, "and it is not the entry chunk");

  const code = await signUp(cognito, pool, "vite-de");
  const { page, context, problems } = await newPage(browser);
  await page.goto(`${server.url}index.html?${query({ username: "vite-de", lang: "de" })}`);
  await page.locator('#confirm .cognito-confirm[lang="de"]').waitFor();
  await page.locator("#confirm").getByRole("textbox", { name: "Bestätigungscode" }).fill(code);
  await page.locator("#confirm").getByRole("button", { name: "Bestätigen" }).click();
  await page.locator('#confirm .cognito-confirm[data-state="confirmed"]').waitFor();
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "vite-de"), "CONFIRMED");
  assert.deepEqual(problems, []);
  await context.close();
});

test("cognito-confirm/headless: an app's own form confirms a real user with the Promise API", async () => {
  const code = await signUp(cognito, pool, "headless-a");
  const { page, context, problems } = await newPage(browser);
  await page.goto(`${server.url}headless.html?${query({ username: "headless-a" })}`);
  await page.locator("body[data-ready=true]").waitFor();
  await page.getByRole("textbox", { name: "Code" }).fill("000000");
  await page.getByRole("button", { name: "Check" }).click();
  await page.locator("#result", { hasText: "CodeMismatchException" }).waitFor();
  await page.getByRole("textbox", { name: "Code" }).fill(code);
  await page.getByRole("button", { name: "Check" }).click();
  await page.locator("#result", { hasText: "confirmed {}" }).waitFor();
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "headless-a"), "CONFIRMED");
  // The page loaded the headless wasm, not the form's: the smaller one.
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".wasm")));
  assert.equal(loaded.length, 1);
  const assets = join(example, "dist", "assets");
  const size = (name) => statSync(join(assets, name)).size;
  const sizes = readdirSync(assets).filter((f) => f.endsWith(".wasm")).map(size);
  const ours = size(loaded[0].split("/").pop());
  assert.ok(ours === Math.min(...sizes) && ours < Math.max(...sizes), `${loaded[0]} is the headless build`);
  assert.deepEqual(problems, []);
  await context.close();
});
