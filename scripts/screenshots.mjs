// `make screenshots`: the form in idle, error, resent and confirmed states, light and dark,
// written to screenshots/ for a person to look at. Cognito's answers are intercepted.
import { mkdirSync } from "node:fs";
import { startDevServer } from "../tests/e2e/support/dev-server.mjs";
import { launch, newPage } from "../tests/e2e/support/browser.mjs";

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
  console.log(`screenshots written to ${out}/`);
} finally {
  await browser.close();
  await server.stop();
}
