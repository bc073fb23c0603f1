// mount()/unmount() as an app uses them: a dropped handle keeps the form, several forms share a
// page, and 1 000 mount/unmount cycles leave no mounted form and no growth of wasm memory; nor
// do 1 600 calls of the headless entry and 2 000 of the package root. (What a panic does to the
// mounted forms is tested in tests/web.rs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage } from "./support/browser.mjs";
import { useStack } from "./support/stack.mjs";

let server, browser;
useStack({ server: {} }, (s) => ({ server, browser } = s));

/** A blank page with an entry of the package loaded as `window.cc` and initialised
 * (`window.wasm`: what `init()` returns). */
async function blank(entry = "/pkg/cognito_confirm.js") {
  const opened = await newPage(browser);
  await opened.page.goto(`${server.url}test/blank.html`);
  await opened.page.evaluate(async (entry) => {
    window.cc = await import(entry);
    window.wasm = await window.cc.default();
  }, entry);
  return opened;
}

const options = { region: "eu-west-1", clientId: "7example1client2id3", username: "alice" };

test("a handle the app drops does not unmount the form, even after garbage collection", async () => {
  const { page, context, problems } = await blank();
  await page.evaluate((o) => { window.cc.mount("#app", o); }, options);
  for (let i = 0; i < 3; i++) {
    // A collection, then a turn of the event loop for finalizers to run.
    await page.evaluate(() => { window.gc(); return new Promise((r) => setTimeout(r, 0)); });
  }
  assert.equal(await page.locator(".cognito-confirm").count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("several forms on one page are independent", async () => {
  const { page, context } = await blank();
  await page.evaluate((o) => {
    for (const id of ["a", "b", "c"]) {
      const div = document.createElement("div");
      div.id = id;
      document.body.append(div);
      window[`h_${id}`] = window.cc.mount(`#${id}`, { ...o, username: id });
    }
  }, options);
  assert.equal(await page.locator(".cognito-confirm").count(), 3);
  const ids = await page.locator("input[name=code]").evaluateAll((els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, 3, "unique ids so labels stay attached");
  await page.locator("#b input[name=code]").fill("123");
  assert.equal(await page.locator("#a input[name=code]").inputValue(), "");
  await page.evaluate(() => window.h_b.unmount());
  assert.equal(await page.locator(".cognito-confirm").count(), 2);
  await context.close();
});

test("1 000 mount/unmount cycles free everything", async () => {
  const { page, context, problems } = await blank();
  // Like an app would: the event loop turns between cycles, so the tasks a form starts (the
  // WebOTP request, aborted on unmount) finish and free what they hold.
  const cycle = (n) => page.evaluate(async ({ n, o }) => {
    for (let i = 0; i < n; i++) {
      window.cc.mount("#app", o).unmount();
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 0));
    return window.wasm.memory.buffer.byteLength;
  }, { n, o: options });
  await cycle(100); // warm-up: allocator pools and one-time setup
  const before = await cycle(1);
  const afterBytes = await cycle(1000);
  console.log(`wasm memory: ${before} bytes after warm-up, ${afterBytes} bytes after 1000 more cycles`);
  assert.equal(await page.locator(".cognito-confirm").count(), 0);
  assert.ok(afterBytes - before <= 64 * 1024, `wasm memory grew by ${afterBytes - before} bytes (more than one 64 KiB page)`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an app may unmount the form from inside onConfirmed", async () => {
  const { page, context, problems } = await blank();
  await page.route("https://cognito-idp.eu-west-1.amazonaws.com/", (route) =>
    route.fulfill({ status: 200, headers: { "Access-Control-Allow-Origin": "*" }, contentType: "application/x-amz-json-1.1", body: "{}" }));
  await page.evaluate((o) => {
    window.handle = window.cc.mount("#app", { ...o, code: "123456", onConfirmed: () => { window.handle.unmount(); window.done = true; } });
  }, options);
  await page.locator("button[type=submit]").click();
  await page.waitForFunction(() => window.done === true);
  // Two animation frames: the focus move scheduled for the success message has run.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.locator(".cognito-confirm").count(), 0);
  assert.deepEqual(problems, []);
  // The module still works.
  await page.evaluate((o) => { window.cc.mount("#app", o); }, options);
  assert.equal(await page.locator(".cognito-confirm").count(), 1);
  await context.close();
});

// Every call kind, with its hashing, signing and error paths, must give its memory back. The headless entry has no
// adminConfirmSignUp (no admin feature): 1 600 calls there, 2 000 in the package root.
for (const [entry, module, kinds] of [["headless entry", "/pkg/headless/cognito_confirm.js", 4], ["package root", "/pkg/cognito_confirm.js", 5]]) test(`the ${entry} frees what ${kinds * 400} calls allocate`, async () => {
  const { page, context, problems } = await blank(module);
  const endpoint = "https://cognito-idp.eu-west-1.amazonaws.com/";
  await page.route(endpoint, (route) => {
    const headers = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*", "Content-Type": "application/x-amz-json-1.1" };
    if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers });
    const body = JSON.parse(route.request().postData());
    const answer = route.request().headers()["x-amz-target"].endsWith(".ResendConfirmationCode")
      ? { status: 200, body: { CodeDeliveryDetails: { Destination: "a***@e***.com", DeliveryMedium: "EMAIL", AttributeName: "email" } } }
      : body.ConfirmationCode === "000000"
        ? { status: 400, body: { __type: "CodeMismatchException", message: "Invalid verification code provided, please try again." } }
        : { status: 200, body: {} };
    return route.fulfill({ status: answer.status, headers, body: JSON.stringify(answer.body) });
  });
  const rounds = (n) => page.evaluate(async ({ n, endpoint }) => {
    const { confirmSignUp, resendConfirmationCode, adminConfirmSignUp, secretHash } = window.cc;
    const user = { endpoint, clientSecret: "s3cr3t-client-secret-0123456789abcdefghijklmnop" };
    const admin = { endpoint, region: "eu-west-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" } };
    const seen = {};
    const note = (what) => { seen[what] = (seen[what] ?? 0) + 1; };
    for (let i = 0; i < n; i++) {
      const username = `user-${i}-${"x".repeat(i % 64)}`;
      await Promise.all([
        confirmSignUp({ ClientId: "7example1client2id3", Username: username, ConfirmationCode: "123456" }, user).then(() => note("confirmed")),
        confirmSignUp({ ClientId: "7example1client2id3", Username: username, ConfirmationCode: "000000" }, user).catch((e) => note(e.name)),
        resendConfirmationCode({ ClientId: "7example1client2id3", Username: username }, user).then((r) => note(r.CodeDeliveryDetails.DeliveryMedium)),
        adminConfirmSignUp?.({ UserPoolId: "eu-west-1_EXAMPLE1", Username: username }, admin).then(() => note("admin")),
        confirmSignUp({ ClientId: "", Username: username, ConfirmationCode: "1" }, user).catch((e) => note(e.name)),
      ]);
      if (secretHash(username, "7example1client2id3", "s3cr3t").length !== 44) note("bad hash");
    }
    return { seen, bytes: window.wasm.memory.buffer.byteLength };
  }, { n, endpoint });
  await rounds(40); // warm-up
  const before = await rounds(1);
  const after = await rounds(400);
  console.log(`${entry}: wasm memory ${before.bytes} bytes after warm-up, ${after.bytes} bytes after ${kinds * 400} more calls`);
  const seen = { confirmed: 400, CodeMismatchException: 400, EMAIL: 400, ValidationError: 400, ...(kinds === 5 ? { admin: 400 } : {}) };
  assert.deepEqual(after.seen, seen);
  assert.ok(after.bytes - before.bytes <= 64 * 1024, `wasm memory grew by ${after.bytes - before.bytes} bytes (more than one 64 KiB page)`);
  assert.deepEqual(problems, []);
  await context.close();
});
