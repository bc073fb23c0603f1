// The demo page against a real cognito-local: a real confirmation, and a wrong code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signUp, userStatus, storedUser } from "./support/cognito-local.mjs";
import { newPage } from "./support/browser.mjs";
import { useStack } from "./support/stack.mjs";

let cognito, pool, server, browser;
const stack = useStack({ cognito: true }, (s) => ({ cognito, pool, server, browser } = s));

async function openDemo(username) {
  server = await stack.serve({ cognito, pool, pageConfig: { clientId: pool.clientId, username } });
  const { page, context, problems } = await newPage(browser);
  await page.goto(server.url);
  const root = page.locator(".cognito-confirm");
  await root.waitFor();
  return { page, context, problems, root };
}

test("typing the emailed code confirms the user for real", async () => {
  const code = await signUp(cognito, pool, "alice");
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "alice"), "UNCONFIRMED");
  const { page, context, problems, root } = await openDemo("alice");

  assert.equal(await root.getAttribute("data-state"), "idle");
  const input = page.getByRole("textbox", { name: "Confirmation code" });
  assert.equal(await input.getAttribute("autocomplete"), "one-time-code");
  assert.equal(await input.getAttribute("inputmode"), "numeric");
  await input.fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();

  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.match(await page.getByRole("status").textContent(), /Your account is confirmed/);
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "alice"), "CONFIRMED");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a wrong code shows an error, keeps the typed code and leaves the user unconfirmed", async () => {
  const code = await signUp(cognito, pool, "bob");
  const wrong = code === "000000" ? "111111" : "000000";
  const { page, context, problems, root } = await openDemo("bob");

  const input = page.getByRole("textbox", { name: "Confirmation code" });
  await input.fill(wrong);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();

  await page.locator('.cognito-confirm[data-state="error"]').waitFor();
  assert.match(await page.getByRole("alert").textContent(), /code is not right/);
  assert.equal(await input.inputValue(), wrong, "the typed code is kept");
  assert.equal(await root.getAttribute("data-state"), "error");
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "bob"), "UNCONFIRMED");
  assert.equal(storedUser(cognito, pool.poolId, "bob").ConfirmationCode, code, "the real code still works");
  assert.deepEqual(problems, []);
  await context.close();
});
