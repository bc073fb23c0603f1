// AdminConfirmSignUp (Signature V4) against a real cognito-local, from the Promise API and from
// the form's admin mode.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signUp, userStatus } from "./support/cognito-local.mjs";
import { newPage } from "./support/browser.mjs";
import { useStack } from "./support/stack.mjs";

const credentials = { accessKeyId: "AKIDLOCAL", secretAccessKey: "local-secret-key" };
let cognito, pool, server, browser;
useStack({ cognito: true, server: {} }, (s) => ({ cognito, pool, server, browser } = s));

async function blankPage() {
  const opened = await newPage(browser);
  await opened.page.goto(`${server.url}test/blank.html`);
  await opened.page.evaluate(async () => {
    window.cc = await import("/pkg/cognito_confirm.js");
    await window.cc.default();
  });
  return opened;
}

test("adminConfirmSignUp confirms a user on cognito-local", async () => {
  await signUp(cognito, pool, "carol");
  const { page, context, problems } = await blankPage();
  const response = await page.evaluate(
    ({ endpoint, poolId, credentials }) =>
      window.cc.adminConfirmSignUp({ UserPoolId: poolId, Username: "carol" }, { endpoint, region: "local", credentials }),
    { endpoint: cognito.endpoint, poolId: pool.poolId, credentials },
  );
  assert.deepEqual(response, {});
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "carol"), "CONFIRMED");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the form's admin mode confirms by username without a code", async () => {
  await signUp(cognito, pool, "dave");
  const { page, context, problems } = await blankPage();
  await page.evaluate(
    ({ endpoint, poolId, credentials }) => {
      window.confirmedWith = null;
      window.cc.mount("#app", {
        endpoint,
        userPoolId: poolId,
        credentials,
        mode: "admin",
        onConfirmed: (r) => { window.confirmedWith = r; },
      });
    },
    { endpoint: cognito.endpoint, poolId: pool.poolId, credentials },
  );
  assert.equal(await page.getByRole("textbox", { name: "Confirmation code" }).count(), 0, "no code in admin mode");
  await page.getByRole("textbox", { name: "Username" }).fill("dave");
  await page.getByRole("button", { name: "Confirm user" }).click();
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.confirmedWith), {});
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "dave"), "CONFIRMED");
  const html = await page.content();
  assert.ok(!html.includes(credentials.secretAccessKey), "the secret key is not in the DOM");
  assert.deepEqual(problems, []);
  await context.close();
});
