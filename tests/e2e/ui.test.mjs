// The form as a person uses it, in headless Chromium against cognito-local (resend through the
// demo's dev layer) and with intercepted answers for the error branches; axe-core checks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { signUp, userStatus, storedUser } from "./support/cognito-local.mjs";
import { newPage } from "./support/browser.mjs";
import { useStack } from "./support/stack.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let cognito, pool, server, browser;
const stack = useStack({ cognito: true }, (s) => ({ cognito, pool, server, browser } = s));

async function open(username, { colorScheme = "light" } = {}) {
  server = await stack.serve({ cognito, pool, pageConfig: { clientId: pool.clientId, username } });
  const opened = await newPage(browser, { colorScheme });
  await opened.page.goto(server.url);
  await opened.page.locator(".cognito-confirm").waitFor();
  return opened;
}

async function axe(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(".cognito-confirm", { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const state = (page) => page.locator(".cognito-confirm").getAttribute("data-state");

test("resend sends a new code, the old one stops working and the new one confirms", async () => {
  const first = await signUp(cognito, pool, "erin");
  const { page, context, problems } = await open("erin");
  await page.getByRole("button", { name: "Resend code" }).click();
  const status = page.getByRole("status");
  await assertEventually(async () => /A new code was sent to e\*\*\*@e\*\*\*\.com \(email\)\. Earlier codes no longer work\./.test(await status.textContent()));
  assert.ok(await page.getByRole("button", { name: "Resend code" }).isDisabled(), "cooldown after a resend");
  assert.match(await page.locator(".cognito-confirm__countdown").textContent(), /\(\d+ s\)/);
  const second = storedUser(cognito, pool.poolId, "erin").ConfirmationCode;

  const input = page.getByRole("textbox", { name: "Confirmation code" });
  if (first !== second) {
    await input.fill(first);
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await page.locator('.cognito-confirm[data-state="error"]').waitFor();
    assert.match(await page.getByRole("alert").textContent(), /not right/);
  }
  await input.fill(second);
  await page.keyboard.press("Enter");
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "erin"), "CONFIRMED");
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: tab to the code, type it, press Enter; focus moves to the messages", async () => {
  const code = await signUp(cognito, pool, "fay");
  const { page, context } = await open("fay");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.name), "code");
  await page.keyboard.type("000-000".replace(/0/g, code === "000000" ? "1" : "0"));
  await page.keyboard.press("Enter");
  await page.locator('.cognito-confirm[data-state="error"]').waitFor();
  await assertEventually(() => page.evaluate(() => document.activeElement.getAttribute("role") === "alert"));
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.name), "code", "back to the input");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  await assertEventually(() => page.evaluate(() => document.activeElement.getAttribute("role") === "status"));
  await context.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no violations in idle, error, resent and confirmed states (${colorScheme})`, async () => {
    const code = await signUp(cognito, pool, `gus-${colorScheme}`);
    const { page, context } = await open(`gus-${colorScheme}`, { colorScheme });
    assert.deepEqual(await axe(page), [], "idle");
    await page.getByRole("textbox", { name: "Confirmation code" }).fill("0");
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await page.locator('.cognito-confirm[data-state="error"]').waitFor();
    assert.deepEqual(await axe(page), [], "error");
    await page.getByRole("button", { name: "Resend code" }).click();
    await page.locator(".cognito-confirm__countdown:not(:empty)").waitFor();
    assert.deepEqual(await axe(page), [], "resent");
    const fresh = storedUser(cognito, pool.poolId, `gus-${colorScheme}`).ConfirmationCode ?? code;
    await page.getByRole("textbox", { name: "Confirmation code" }).fill(fresh);
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
    assert.deepEqual(await axe(page), [], "confirmed");
    await context.close();
  });
}

test("error branches answered with Cognito's exact shapes: quota, attempt limit, expired code", async () => {
  await signUp(cognito, pool, "hal");
  const { page, context } = await open("hal");
  const answer = (status, body) => (route) =>
    route.fulfill({ status, contentType: "application/x-amz-json-1.1", body: JSON.stringify(body) });

  await page.route("**/cognito/", answer(400, {
    __type: "LimitExceededException",
    message: "Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.",
  }));
  await page.getByRole("button", { name: "Resend code" }).click();
  await page.locator('.cognito-confirm[data-state="error"]').waitFor();
  assert.equal(await page.getByRole("alert").textContent(), "We cannot send more email today. Try again tomorrow.");
  assert.ok(!(await page.getByRole("button", { name: "Resend code" }).isDisabled()), "no cooldown after a failed resend");

  await page.unroute("**/cognito/");
  await page.route("**/cognito/", answer(400, { __type: "LimitExceededException", message: "Attempt limit exceeded, please try after some time." }));
  const input = page.getByRole("textbox", { name: "Confirmation code" });
  await input.fill("123456");
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await assertEventually(async () => (await page.getByRole("alert").textContent()).startsWith("Too many attempts"));

  await page.unroute("**/cognito/");
  await page.route("**/cognito/", answer(400, { __type: "ExpiredCodeException", message: "Invalid code provided, please request a code again." }));
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await assertEventually(async () => (await page.getByRole("alert").textContent()) === "That code has expired. Request a new code below.");
  assert.equal(await input.inputValue(), "123456", "the typed code is kept through every error");
  assert.equal(await state(page), "error");
  await context.close();
});

async function assertEventually(check, timeout = 5000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`condition not met within ${timeout} ms: ${check}`);
}
