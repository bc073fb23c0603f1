// <cognito-confirm-sign-up> in headless Chromium against cognito-local: attributes,
// properties, events, ::part styling, attribute changes that keep the typed code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { signUp, userStatus } from "./support/cognito-local.mjs";
import { newPage, answerHttpsAsCognito } from "./support/browser.mjs";
import { useStack } from "./support/stack.mjs";

let cognito, pool, server, browser;
useStack({ cognito: true, server: {} }, (s) => ({ cognito, pool, server, browser } = s));

async function pageWithElement(username, extraAttributes = "") {
  const opened = await newPage(browser);
  const { page } = opened;
  await page.goto(`${server.url}test/blank.html`);
  await page.evaluate(async ({ endpoint, clientId, username, extraAttributes }) => {
    const cc = await import("/pkg/cognito_confirm.js");
    await cc.default();
    window.events = [];
    for (const type of ["confirmed", "code-resent", "confirm-error"]) {
      document.addEventListener(type, (e) => window.events.push({ type, detail: e.detail, name: e.detail?.name }));
    }
    const Element = cc.defineElement();
    window.sameClass = cc.defineElement() === Element;
    document.getElementById("app").innerHTML =
      `<cognito-confirm-sign-up endpoint="${endpoint}" client-id="${clientId}" username="${username}" ${extraAttributes}></cognito-confirm-sign-up>`;
  }, { endpoint: cognito.endpoint, clientId: pool.clientId, username, extraAttributes });
  await page.locator("cognito-confirm-sign-up .cognito-confirm").waitFor();
  return opened;
}

test("the element confirms a real user and dispatches a composed, bubbling event", async () => {
  const code = await signUp(cognito, pool, "ivy");
  const { page, context, problems } = await pageWithElement("ivy");
  assert.equal(await page.evaluate(() => window.sameClass), true, "defineElement is idempotent");
  // Playwright's locators pierce the open shadow root.
  await page.getByRole("textbox", { name: "Confirmation code" }).fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  const events = await page.evaluate(() => window.events);
  assert.deepEqual(events.map((e) => e.type), ["confirmed"]);
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "ivy"), "CONFIRMED");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a wrong code dispatches confirm-error with the named error", async () => {
  await signUp(cognito, pool, "jay");
  const { page, context } = await pageWithElement("jay");
  await page.getByRole("textbox", { name: "Confirmation code" }).fill("0");
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await page.locator('.cognito-confirm[data-state="error"]').waitFor();
  const events = await page.evaluate(() => window.events);
  assert.equal(events.at(-1).type, "confirm-error");
  assert.equal(events.at(-1).name, "CodeMismatchException");
  await context.close();
});

test("attribute changes re-render in place and keep the typed code", async () => {
  await signUp(cognito, pool, "kim");
  const { page, context } = await pageWithElement("kim");
  await page.getByRole("textbox", { name: "Confirmation code" }).fill("246810");
  await page.evaluate(async () => {
    const cc = await import("/pkg/cognito_confirm.js");
    cc.registerLocale("de", (await import("/pkg/locales/de.js")).default);
    document.querySelector("cognito-confirm-sign-up").setAttribute("locale", "de");
  });
  await page.getByRole("button", { name: "Bestätigen" }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Bestätigungscode" }).inputValue(), "246810");
  assert.equal(await page.locator("cognito-confirm-sign-up .cognito-confirm").count(), 1, "one form, not two");
  await context.close();
});

test("secrets and Sessions are properties only: never attributes, never readable back, never in the DOM", async () => {
  const { page, context } = await pageWithElement("lee");
  const leaked = await page.evaluate(() => {
    const el = document.querySelector("cognito-confirm-sign-up");
    el.clientSecret = "TOP-SECRET-CLIENT-SECRET";
    el.credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "TOP-SECRET-KEY" };
    el.session = "TOP-SECRET-SESSION-0123456789";
    return new Promise((resolve) => setTimeout(() => {
      const html = document.documentElement.outerHTML + el.shadowRoot.innerHTML;
      resolve({
        html: html.includes("TOP-SECRET"),
        attributes: [...el.attributes].some((a) => a.value.includes("TOP-SECRET")),
        readBack: el.clientSecret ?? el.credentials ?? el.session ?? null,
        storage: JSON.stringify({ ...localStorage, ...sessionStorage }).includes("TOP-SECRET"),
      });
    }, 50));
  });
  assert.deepEqual(leaked, { html: false, attributes: false, readBack: null, storage: false });
  await context.close();
});

test("::part() styles reach inside the shadow root", async () => {
  const { page, context } = await pageWithElement("max");
  await page.addStyleTag({ content: "cognito-confirm-sign-up::part(submit) { background-color: rgb(255, 0, 0); }" });
  const color = await page.locator("cognito-confirm-sign-up button[type=submit]").evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(color, "rgb(255, 0, 0)");
  const defaultStyled = await page.locator("cognito-confirm-sign-up .cognito-confirm").evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.equal(defaultStyled, "solid", "the default stylesheet is adopted by the shadow root");
  await context.close();
});

test("translations load as modules: the default build is English, registerLocale adds one", async () => {
  const { page, context, problems } = await pageWithElement("max");
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  // Not registered: English, with one warning that names the module to import.
  await page.evaluate(() => document.querySelector("cognito-confirm-sign-up").setAttribute("locale", "fr-CA"));
  await page.locator('cognito-confirm-sign-up .cognito-confirm[lang="en"]').waitFor();
  await page.getByRole("button", { name: "Confirm", exact: true }).waitFor();
  await page.getByRole("textbox", { name: "Confirmation code" }).fill("135790");
  assert.equal(warnings.filter((w) => w.includes('"cognito-confirm/locales/fr.js"')).length, 1, warnings.join("\n"));
  // A language the package has no module for: the warning says so instead of naming a module.
  await page.evaluate(() => document.querySelector("cognito-confirm-sign-up").setAttribute("locale", "tlh"));
  for (let i = 0; i < 100 && !warnings.some((w) => w.includes('"tlh"')); i++) await page.waitForTimeout(20);
  assert.equal(warnings.filter((w) => w.includes('has no "tlh" translation')).length, 1, warnings.join("\n"));
  await page.locator('cognito-confirm-sign-up .cognito-confirm[lang="en"]').waitFor();
  await page.evaluate(() => document.querySelector("cognito-confirm-sign-up").setAttribute("locale", "fr-CA"));
  const refused = await page.evaluate(async () => {
    const cc = await import("/pkg/cognito_confirm.js");
    const fr = (await import("/pkg/locales/fr.js")).default;
    let error;
    try {
      cc.registerLocale("fr", { ...fr, confrim: "typo" });
    } catch (e) {
      error = { name: e.name, field: e.field, message: e.message };
    }
    // The form already asks for French: registering it renders the form again, in French.
    cc.registerLocale("fr", { ...fr, resend: "Encore !" });
    return error;
  });
  assert.deepEqual(refused, { name: "ValidationError", field: "messages", message: "unknown messages keys: confrim" });
  await page.locator('cognito-confirm-sign-up .cognito-confirm[lang="fr"]').waitFor();
  await page.getByRole("button", { name: "Confirmer" }).waitFor();
  await page.getByRole("button", { name: "Encore !" }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Code de confirmation" }).inputValue(), "135790", "the typed code stays");
  // Right-to-left catalogues set dir.
  await page.evaluate(async () => {
    const cc = await import("/pkg/cognito_confirm.js");
    cc.registerLocale("ar", (await import("/pkg/locales/ar.js")).default);
    document.querySelector("cognito-confirm-sign-up").setAttribute("locale", "ar");
  });
  await page.locator('cognito-confirm-sign-up .cognito-confirm[lang="ar"][dir="rtl"]').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("prefill-from-url takes the username and code from the page URL and confirms the user", async () => {
  const code = await signUp(cognito, pool, "una");
  const { page, context, problems } = await newPage(browser);
  await page.goto(`${server.url}test/blank.html?username=una&code=${encodeURIComponent(code.split("").join(" "))}`);
  await page.evaluate(async ({ endpoint, clientId }) => {
    const cc = await import("/pkg/cognito_confirm.js");
    await cc.default();
    cc.defineElement();
    const holder = document.getElementById("app");
    holder.innerHTML =
      `<cognito-confirm-sign-up endpoint="${endpoint}" client-id="${clientId}" prefill-from-url></cognito-confirm-sign-up>` +
      `<cognito-confirm-sign-up endpoint="${endpoint}" client-id="${clientId}"></cognito-confirm-sign-up>`;
  }, { endpoint: cognito.endpoint, clientId: pool.clientId });
  const [filled, plain] = [page.locator("cognito-confirm-sign-up").nth(0), page.locator("cognito-confirm-sign-up").nth(1)];
  await filled.locator(".cognito-confirm").waitFor();
  await plain.locator(".cognito-confirm").waitFor();
  // The code is normalised like typed text; the username, known, needs no field.
  assert.equal(await filled.locator("input[name=code]").inputValue(), code);
  assert.equal(await filled.locator("input[name=username]").count(), 0);
  // Without the attribute the URL is ignored.
  assert.equal(await plain.locator("input[name=code]").inputValue(), "");
  assert.equal(await plain.locator("input[name=username]").inputValue(), "");
  await filled.getByRole("button", { name: "Confirm", exact: true }).click();
  await filled.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.equal(await userStatus(cognito.endpoint, pool.poolId, "una"), "CONFIRMED");
  assert.deepEqual(problems, []);
  await context.close();
});

test("use-fips-endpoint and use-dualstack-endpoint pick the region's endpoint as the AWS SDKs do", async () => {
  const { page, context, problems } = await newPage(browser);
  const requested = await answerHttpsAsCognito(page);
  await page.goto(`${server.url}test/blank.html`);
  await page.evaluate(async () => {
    const cc = await import("/pkg/cognito_confirm.js");
    await cc.default();
    cc.defineElement();
    document.getElementById("app").innerHTML =
      `<cognito-confirm-sign-up region="cn-north-1" client-id="7example1client2id3" username="lin" code="123456" use-fips-endpoint use-dualstack-endpoint></cognito-confirm-sign-up>`;
  });
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
  assert.deepEqual(requested, ["https://cognito-idp-fips.cn-north-1.api.amazonwebservices.com.cn/"]);
  // With an explicit endpoint the flags are refused by name, as the AWS SDKs refuse them.
  const error = await page.evaluate(() => new Promise((resolve) => {
    const element = document.querySelector("cognito-confirm-sign-up");
    element.addEventListener("confirm-error", (e) => resolve(`${e.detail.name} ${e.detail.field}`), { once: true });
    element.setAttribute("endpoint", "https://proxy.example.com/");
  }));
  assert.equal(error, "ValidationError endpoint");
  assert.deepEqual(problems, []);
  await context.close();
});
