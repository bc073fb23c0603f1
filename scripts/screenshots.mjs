// `make screenshots`: the form in idle, error, resent and confirmed states, light and dark, in
// Chromium (Cognito's answers intercepted), and the same states in Firefox and WebKit (answered
// by a loopback stand-in), written to screenshots/ for a person to look at side by side.
import { mkdirSync, writeFileSync } from "node:fs";
import { startDevServer } from "../tests/e2e/support/dev-server.mjs";
import { startCaptureServer } from "../tests/e2e/support/capture-server.mjs";
import { launch, newPage } from "../tests/e2e/support/browser.mjs";
import { exposePackage, startEngine } from "../tests/e2e/support/engines.mjs";

const out = process.argv[2] ?? "screenshots";
mkdirSync(out, { recursive: true });
const server = await startDevServer({ pageConfig: { clientId: "7example1client2id3", username: "alice" } });
const browser = await launch();
const answers = {
  ConfirmSignUp: [400, { __type: "CodeMismatchException", message: "Invalid verification code provided, please try again." }],
  ResendConfirmationCode: [200, { CodeDeliveryDetails: { Destination: "a***@e***.com", DeliveryMedium: "EMAIL", AttributeName: "email" } }],
};
try {
  for (const colorScheme of ["light", "dark"]) {
    for (const locale of ["en", "ar"]) {
      const { page, context } = await newPage(browser, { colorScheme });
      await page.setViewportSize({ width: 520, height: 560 });
      await page.route("**/cognito/", (route) => {
        const target = route.request().headers()["x-amz-target"].split(".").pop();
        const [status, body] = answers[target];
        route.fulfill({ status, contentType: "application/x-amz-json-1.1", body: JSON.stringify(body) });
      });
      await page.goto(locale === "en" ? server.url : `${server.url}?lang=${locale}`);
      if (locale !== "en") await page.evaluate((l) => document.documentElement.setAttribute("lang", l), locale);
      const form = page.locator(".cognito-confirm");
      await form.waitFor();
      const shot = async (state) => {
        await page.waitForTimeout(100);
        await form.screenshot({ path: `${out}/${state}-${colorScheme}${locale === "en" ? "" : `-${locale}`}.png` });
      };
      if (locale === "ar") {
        // The demo mounted in English; remount in Arabic to show right-to-left layout.
        await page.evaluate(async () => {
          const cc = await import("/pkg/cognito_confirm.js");
          cc.registerLocale("ar", (await import("/pkg/locales/ar.js")).default);
          document.getElementById("app").replaceChildren();
          cc.mount("#app", { endpoint: new URL("cognito/", location.href).href, clientId: "7example1client2id3", username: "alice", locale: "ar" });
        });
        await shot("idle");
        await context.close();
        continue;
      }
      await shot("idle");
      await page.locator("input[name=code]").fill("123456");
      await page.locator("button[type=submit]").click();
      await page.locator('.cognito-confirm[data-state="error"]').waitFor();
      await shot("error");
      await page.locator(".cognito-confirm__resend").click();
      await page.locator(".cognito-confirm__countdown:not(:empty)").waitFor();
      await shot("resent");
      answers.ConfirmSignUp = [200, {}];
      await page.locator("button[type=submit]").click();
      await page.locator('.cognito-confirm[data-state="confirmed"]').waitFor();
      await shot("confirmed");
      answers.ConfirmSignUp = [400, { __type: "CodeMismatchException", message: "Invalid verification code provided, please try again." }];
      await context.close();
    }
  }
  for (const name of ["firefox", "webkit"]) await engineShots(name);
  console.log(`screenshots written to ${out}/`);
} finally {
  await browser.close();
  await server.stop();
}

/** The four states in `name` ("firefox" or "webkit"), light, as `<name>-<state>.png`. */
async function engineShots(name) {
  const cognito = await startCaptureServer({
    ConfirmSignUp: [400, { __type: "CodeMismatchException", message: "Invalid verification code provided, please try again." }],
    ResendConfirmationCode: [200, { CodeDeliveryDetails: { Destination: "a***@e***.com", DeliveryMedium: "EMAIL", AttributeName: "email" } }],
  });
  const engine = await startEngine(name);
  try {
    const page = await engine.newPage();
    await page.goto(`${server.url}test/blank.html`);
    await exposePackage(page);
    await page.evaluate((endpoint) => {
      window.cc.mount("#app", { endpoint, clientId: "7example1client2id3", username: "alice" });
    }, cognito.url);
    const shot = async (state) => writeFileSync(`${out}/${name}-${state}.png`, await page.screenshot());
    const inState = (state) => page.waitFor((s) => document.querySelector(".cognito-confirm")?.dataset.state === s, state);
    await inState("idle");
    await shot("idle");
    await page.type("input[name=code]", "123456");
    await page.click("button[type=submit]");
    await inState("error");
    await shot("error");
    await page.click(".cognito-confirm__resend");
    await page.waitFor(() => document.querySelector(".cognito-confirm__countdown").textContent !== "");
    await shot("resent");
    cognito.answers.ConfirmSignUp = [200, {}];
    await page.click("button[type=submit]");
    await inState("confirmed");
    await shot("confirmed");
  } finally {
    await engine.stop();
    await cognito.stop();
  }
}
