// Debian's headless Chromium driven by playwright-core (no browser download).
import { chromium } from "playwright-core";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Launches headless Chromium with this machine's closed-network flags. */
export function launch() {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      "--js-flags=--expose-gc",
    ],
  });
}

/** A new page that fails the test on any uncaught page error or console error. */
export async function newPage(browser, { colorScheme = "light", locale = "en-US" } = {}) {
  const context = await browser.newContext({ colorScheme, locale });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return { page, context, problems };
}

/**
 * Answers every https request of `page` as Cognito answers a successful call (`{}`, with CORS
 * headers), in the page: nothing leaves the machine. Returns the URLs requested, in order.
 */
export async function answerHttpsAsCognito(page) {
  const requested = [];
  await page.route(/^https:\/\//, (route) => {
    const headers = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*", "Content-Type": "application/x-amz-json-1.1" };
    if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers });
    requested.push(route.request().url());
    return route.fulfill({ status: 200, headers, body: "{}" });
  });
  return requested;
}
