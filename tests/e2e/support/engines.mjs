// One small driver layer over the three browser engines, so that one end-to-end test runs in
// each: Chromium through playwright-core (Debian's chromium), Firefox and WebKit over standard
// WebDriver (classic) with Debian's firefox-esr + geckodriver and WebKitGTK's MiniBrowser +
// WebKitWebDriver. WebKitGTK has no headless mode: it runs on a private Xvfb display that this
// module starts and stops. Every driver, browser and display binds to 127.0.0.1 (or a display
// number nothing else uses) and is stopped by `stop()`.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { launch } from "./browser.mjs";

/** The key of a web element reference in WebDriver (W3C WebDriver, "web element identifier"). */
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
/** WebDriver's key codes, by the names playwright-core gives the same keys. */
const KEY_NAMES = { "\uE003": "Backspace", "\uE004": "Tab", "\uE007": "Enter", "\uE00D": "Space" };
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** The engines, by name. `ENGINES=firefox,webkit` narrows a run. */
export const ENGINES = (process.env.ENGINES ?? "chromium,firefox,webkit").split(",");

const sleepMs = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check()` is truthy (polled), or throws after `timeout` ms saying `what`. */
export async function until(check, what, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleepMs(50);
  }
}

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** A display number with no X server on it (no lock file). */
function freeDisplay() {
  for (let n = 90 + Math.floor(Math.random() * 400); ; n++) if (!existsSync(`/tmp/.X${n}-lock`)) return n;
}

function start(command, args, env = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr = (stderr + d).slice(-4000); });
  return { child, stderr: () => stderr, stop: () => new Promise((r) => { if (child.exitCode !== null) return r(); child.once("exit", r); child.kill("SIGTERM"); }) };
}

/** A WebDriver (classic) session on a driver at `base`. */
class WebDriverPage {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  async #call(method, path, body) {
    const response = await fetch(`${this.base}/session/${this.id}${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }

  goto(url) {
    return this.#call("POST", "/url", { url });
  }

  /** Runs `fn(...args)` in the page; a returned promise is awaited. */
  evaluate(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.from(arguments).slice(0, -1)))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e) + " " + ((e && e.stack) || "") }));`;
    return this.#call("POST", "/execute/async", { script, args }).then((r) => {
      if (r && "error" in r) throw new Error(`in the page: ${r.error}`);
      return r?.ok;
    });
  }

  /** The element `selector` finds, through open shadow roots (`host >>> inner`). */
  async #element(selector) {
    const found = await until(() => this.#call("POST", "/execute/sync", {
      script: `let node = document;
        for (const part of arguments[0].split(">>>")) { node = (node.shadowRoot ?? node).querySelector(part.trim()); if (!node) return null; }
        return node;`,
      args: [selector],
    }), selector);
    return found[ELEMENT];
  }

  async click(selector) {
    await this.#call("POST", `/element/${await this.#element(selector)}/click`, {});
  }

  /** Types `text` into the element as keystrokes. */
  async type(selector, text) {
    await this.#call("POST", `/element/${await this.#element(selector)}/value`, { text });
  }

  /** Replaces the element's text with `text`, as a person would: Backspace over what is there
   * (the caret is at its end), then type. One Element Send Keys, which focuses the element
   * itself: a click on an element in a shadow root is refused as intercepted by WebKitWebDriver,
   * whose hit test stops at the shadow host. */
  async fill(selector, text) {
    const element = await this.#element(selector);
    const length = await this.#call("POST", "/execute/sync", { script: "return arguments[0].value.length;", args: [{ [ELEMENT]: element }] });
    await this.#call("POST", `/element/${element}/value`, { text: "\uE003".repeat(length) + text });
  }

  /** Presses keys on whatever has focus (`"\uE004"` is Tab, `"\uE007"` Enter). */
  async press(keys) {
    const actions = [...keys].flatMap((value) => [{ type: "keyDown", value }, { type: "keyUp", value }]);
    await this.#call("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.#call("DELETE", "/actions");
  }

  /** Waits until `fn(...args)` is truthy in the page. */
  waitFor(fn, ...args) {
    return until(() => this.evaluate(fn, ...args).catch(() => false), String(fn));
  }

  async screenshot() {
    return Buffer.from(await this.#call("GET", "/screenshot"), "base64");
  }

  close() {
    return fetch(`${this.base}/session/${this.id}`, { method: "DELETE" }).then(() => {});
  }
}

/** Chromium through playwright-core, behind the same methods. */
class PlaywrightPage {
  constructor(browser, context, page) {
    Object.assign(this, { browser, context, page });
  }
  goto(url) { return this.page.goto(url); }
  evaluate(fn, ...args) { return this.page.evaluate(new Function("args", `return (${fn}).apply(null, args);`), args); }
  click(selector) { return this.page.locator(selector.replaceAll(">>>", " ")).click(); }
  /** Types `text` into the element; WebDriver's key codes (Enter, Backspace, …) press those keys. */
  async type(selector, text) {
    const locator = this.page.locator(selector.replaceAll(">>>", " "));
    let run = "";
    for (const c of text) {
      if (!KEY_NAMES[c]) {
        run += c;
        continue;
      }
      if (run) await locator.pressSequentially(run);
      run = "";
      await locator.press(KEY_NAMES[c]);
    }
    if (run || text === "") await locator.pressSequentially(run);
  }
  async fill(selector, text) {
    await this.page.locator(selector.replaceAll(">>>", " ")).selectText();
    await this.type(selector, text);
  }
  async press(keys) {
    for (const key of keys) await this.page.keyboard.press(KEY_NAMES[key] ?? key);
  }
  waitFor(fn, ...args) { return this.page.waitForFunction(new Function("args", `return (${fn}).apply(null, args);`), args, { timeout: 15000 }); }
  screenshot() { return this.page.screenshot(); }
  async close() { await this.context.close(); }
}

/**
 * Starts `engine` ("chromium", "firefox" or "webkit") and returns `{ name, version, newPage(),
 * stop() }`. Each page has goto, evaluate, click, type, fill, press, waitFor, screenshot and close.
 */
export async function startEngine(engine) {
  if (engine === "chromium") {
    const browser = await launch();
    return {
      name: "chromium",
      version: browser.version(),
      newPage: async () => {
        const context = await browser.newContext({ locale: "en-US" });
        return new PlaywrightPage(browser, context, await context.newPage());
      },
      stop: () => browser.close(),
    };
  }
  const parts = [];
  const port = await freePort();
  let capabilities;
  if (engine === "firefox") {
    parts.push(start("geckodriver", ["--host", "127.0.0.1", "--port", String(port)], { MOZ_HEADLESS: "1" }));
    capabilities = { browserName: "firefox", "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"], prefs: { "network.proxy.type": 0, "app.update.enabled": false } } };
  } else if (engine === "webkit") {
    const display = freeDisplay();
    parts.push(start("Xvfb", [`:${display}`, "-nolisten", "tcp", "-screen", "0", "1280x1024x24"]));
    await until(() => existsSync(`/tmp/.X11-unix/X${display}`), `Xvfb :${display}`);
    parts.push(start("WebKitWebDriver", ["--host=127.0.0.1", `--port=${port}`], { DISPLAY: `:${display}` }));
    capabilities = { "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } };
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  const base = `http://127.0.0.1:${port}`;
  const stopAll = async () => { for (const p of parts.reverse()) await p.stop(); };
  try {
    await until(() => fetch(`${base}/status`).then((r) => r.ok, () => false), `${engine}'s WebDriver`);
  } catch (e) {
    await stopAll();
    throw new Error(`${e.message}: ${parts.map((p) => p.stderr()).join("\n")}`);
  }
  const pages = [];
  let version = "";
  return {
    name: engine,
    get version() { return version; },
    newPage: async () => {
      const response = await fetch(`${base}/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ capabilities: { alwaysMatch: capabilities } }),
      });
      const json = await response.json();
      if (!response.ok) throw new Error(`${engine}: no session: ${json.value?.message}`);
      version = `${json.value.capabilities.browserName} ${json.value.capabilities.browserVersion}`;
      const page = new WebDriverPage(base, json.value.sessionId);
      pages.push(page);
      return page;
    },
    stop: async () => {
      for (const page of pages) await page.close().catch(() => {});
      await stopAll();
    },
  };
}

/** Loads the package into the page itself (tests/e2e/pages/expose.js, served at /test/): the
 * root as `window.cc`, the headless entry as `window.ccHeadless`. */
export function exposePackage(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    if (window.cc) return resolve();
    addEventListener("cc-ready", () => resolve(), { once: true });
    const script = document.createElement("script");
    script.type = "module";
    script.src = "/test/expose.js";
    script.onerror = () => reject(new Error("expose.js did not load"));
    document.head.append(script);
  }));
}
