// The packed npm tarball in a Vite app (plain JavaScript, the custom element, React): installed,
// built with `vite build`, served statically and used in headless Chromium against cognito-local.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
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
