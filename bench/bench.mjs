// `make bench`: bytes and timings of the form next to AWS Amplify UI's Authenticator, and bytes of
// the headless build next to the libraries a hand-rolled form calls Cognito with, printed as
// tables and written to bench/results/<date>-<commit>.md. Timings are medians over cold-cache loads in
// headless Chromium, brotli served from 127.0.0.1; sizes are deterministic.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { readFileSync, writeFileSync, mkdirSync, cpSync, rmSync, existsSync } from "node:fs";
import { join, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { launch } from "../tests/e2e/support/browser.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "bench", "out");
const RUNS = Number(process.env.BENCH_RUNS ?? 21);

const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// twiggy, for where the bytes are (bench/where-bytes.mjs): installed here rather than by the
// bootstrap, since only the bench uses it.
const TWIGGY_VERSION = "0.8.0";
try {
  if (!execFileSync("twiggy", ["--version"]).toString().includes(TWIGGY_VERSION)) throw new Error("other version");
} catch {
  execFileSync("cargo", ["install", "twiggy", "--version", TWIGGY_VERSION, "--locked", "--quiet"], { stdio: "inherit" });
}

// ---- builds -------------------------------------------------------------------------------
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// The headless entry (the two public operations), and the same with the admin feature.
execFileSync("scripts/build.sh", ["web", "target/pkg-headless", "--no-default-features"], { cwd: root, stdio: "inherit" });
execFileSync("scripts/build.sh", ["web", "target/pkg-headless-admin", "--no-default-features", "--features", "admin"], { cwd: root, stdio: "inherit" });
// The form without the admin feature (user mode only).
execFileSync("scripts/build.sh", ["web", "target/pkg-form-user", "--no-default-features", "--features", "csr"], { cwd: root, stdio: "inherit" });

// The floors of the stack (bench/floor, its own Cargo.lock), each built and optimised exactly
// like the package: a bare Leptos form; one ConfirmSignUp call through serde-wasm-bindgen,
// JSON.stringify, gloo-net and a base64 SecretHash (the floor of a headless build); and the form
// making that call (the floor of the package's form).
function buildFloor(features) {
  const crate = join(root, "bench", "floor");
  const target = join(root, "target", "floor");
  const pkg = join(out, `floor-${features.replace(",", "-")}`);
  execFileSync("cargo", ["build", "--quiet", "--release", "--locked", "--target", "wasm32-unknown-unknown", "--features", features], {
    cwd: crate, stdio: "inherit", env: { ...process.env, CARGO_TARGET_DIR: target },
  });
  execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", pkg, join(target, "wasm32-unknown-unknown", "release", "floor.wasm")], { stdio: "inherit" });
  execFileSync(join(root, "scripts", "optimize.sh"), ["wasm", join(pkg, "floor_bg.wasm")], { stdio: "inherit" });
  execFileSync(join(root, "scripts", "optimize.sh"), ["glue", pkg, "floor"], { stdio: "inherit" });
  return [join(pkg, "floor_bg.wasm"), join(pkg, "floor.js")];
}
const formFloor = buildFloor("form");
const headlessFloor = buildFloor("call");
const stackFloor = buildFloor("form,call");

const ours = join(out, "ours");
mkdirSync(ours);
// The web build's glue is one module (the custom element's snippet is bundled into it).
for (const f of ["cognito_confirm.js", "cognito_confirm_bg.wasm"]) cpSync(join(root, "pkg", f), join(ours, f), { recursive: true });
writeFileSync(join(ours, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ours</title>
<link rel="modulepreload" href="cognito_confirm.js">
<link rel="preload" href="cognito_confirm_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module" src="app.js"></script></head><body><div id="app"></div></body></html>`);
// The marks say where the time goes (the report's breakdown); they cost nothing measurable.
writeFileSync(join(ours, "app.js"), `import init, { mount } from "./cognito_confirm.js";
await init();
performance.mark("instantiated");
mount("#app", { endpoint: location.origin + "/cognito/", clientId: "7example1client2id3", username: "alice" });
performance.mark("mounted");`);

// The same form on a page whose only script is the package's element.js: the form is drawn from
// the HTML rendered at build time at once, and the wasm takes over when it has arrived.
const element = join(out, "element");
mkdirSync(element);
for (const f of ["element.js", "cognito_confirm.js", "cognito_confirm_bg.wasm"]) cpSync(join(root, "pkg", f), join(element, f));
writeFileSync(join(element, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>element</title>
<script type="module" src="element.js" blocking="render"></script>
<link rel="preload" href="cognito_confirm_bg.wasm" as="fetch" type="application/wasm" crossorigin>
</head><body><p>Above the form.</p>
<cognito-confirm-sign-up region="us-east-1" client-id="7example1client2id3" username="alice"></cognito-confirm-sign-up>
<p>Below the form.</p></body></html>`);

// The peers (bench/peers, pinned): each bundled as an app would ship it.
const peersDir = join(root, "bench", "peers");
if (!existsSync(join(peersDir, "node_modules"))) {
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: peersDir, stdio: "inherit" });
}
const bundle = (entry, outdir) => execFileSync(join(peersDir, "node_modules", ".bin", "esbuild"), [
  entry, "--bundle", "--minify", "--format=esm", "--target=es2022", "--platform=browser",
  "--define:process.env.NODE_ENV=\"production\"", `--outdir=${outdir}`, "--log-level=warning",
], { cwd: peersDir, stdio: "inherit" });
const amplify = join(out, "amplify");
mkdirSync(amplify);
bundle("app.jsx", amplify);
const headlessPeers = join(out, "headless-peers");
const HEADLESS_PEERS = [
  ["aws-sdk", "AWS SDK for JavaScript v3, the three commands", "3 of 3", "no"],
  ["amplify-auth", "Amplify JS auth (confirmSignUp, resendSignUpCode)", "2 of 3", "no"],
  ["identity-js", "amazon-cognito-identity-js (confirmRegistration, resendConfirmationCode)", "2 of 3", "no"],
];
for (const [name] of HEADLESS_PEERS) bundle(join("headless", `${name}.js`), headlessPeers);
writeFileSync(join(amplify, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>amplify</title>
<link rel="stylesheet" href="app.css"><link rel="modulepreload" href="app.js">
<script type="module" src="app.js"></script></head><body><div id="root"></div></body></html>`);

// ---- bytes ----------------------------------------------------------------------------------
const files = (dir, names) => names.map((n) => readFileSync(join(dir, n)));
// One of our builds: its wasm and its JS glue.
const ourBuild = (dir) => files(join(root, dir), ["cognito_confirm_bg.wasm", "cognito_confirm.js"]);
const measure = (label, buffers) => {
  const all = Buffer.concat(buffers);
  return { label, raw: all.length, gzip: buffers.reduce((s, b) => s + gz(b), 0), brotli: buffers.reduce((s, b) => s + br(b), 0) };
};
const headlessSize = measure("cognito-confirm/headless (Promise API only: ConfirmSignUp, ResendConfirmationCode)", ourBuild("target/pkg-headless"));
const headlessAdminSize = measure("cognito-confirm headless with the admin feature (AdminConfirmSignUp, Signature V4)", ourBuild("target/pkg-headless-admin"));
const amplifySize = measure("Amplify UI Authenticator + React + CSS (esbuild --minify)", files(amplify, ["app.js", "app.css"]));
const formSize = measure("cognito-confirm form, the npm package's (the Leptos component; wasm + JS glue; CSS is inside the wasm)", ourBuild("pkg"));
const stackFloorSize = measure("floor of the stack: a bare Leptos form + one ConfirmSignUp call (serde-wasm-bindgen, JSON.stringify, gloo-net, base64 SecretHash)", stackFloor.map((f) => readFileSync(f)));
const sizes = [
  formSize,
  measure("  of which wasm", files(join(root, "pkg"), ["cognito_confirm_bg.wasm"])),
  measure("cognito-confirm form without the admin feature (user mode only)", ourBuild("target/pkg-form-user")),
  headlessSize,
  headlessAdminSize,
  amplifySize,
  stackFloorSize,
  measure("bare Leptos 0.8 form, same build (one input, one button): the floor of any Leptos UI", formFloor.map((f) => readFileSync(f))),
];

// ---- timings --------------------------------------------------------------------------------
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
function serve(dir) {
  const cache = new Map();
  const server = createServer((req, res) => {
    const path = join(dir, new URL(req.url, "http://x").pathname.replace(/\/$/, "/index.html"));
    if (!path.startsWith(dir) || !existsSync(path)) { res.writeHead(404); return res.end(); }
    if (!cache.has(path)) cache.set(path, brotliCompressSync(readFileSync(path)));
    res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream", "Content-Encoding": "br", "Cache-Control": "no-store" });
    res.end(cache.get(path));
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}

const browser = await launch();
// One cold load of `page`, in a fresh context: ms from navigation until its code input is
// painted and takes keystrokes ("typeable"), until a Confirm would send ("ready": the same
// moment for a page drawn by its script; for element.js, when the wasm's form has taken over,
// its "ready" event), and the layout shift of the page until then (Layout Instability API).
async function loadTimes(page, throttled) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.layoutShift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
    document.addEventListener("ready", () => { window.readyAt = performance.now(); }, true);
  });
  if (throttled) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6e6) / 8, uploadThroughput: (750e3) / 8 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  await tab.goto(page.url, { waitUntil: "commit" });
  const found = (s) => {
    const input = document.querySelector(s) ?? document.querySelector("cognito-confirm-sign-up")?.shadowRoot?.querySelector(s);
    return input && !input.disabled && input.getClientRects().length > 0 ? performance.now() : null;
  };
  const typeable = await (await tab.waitForFunction(found, page.selector, { polling: "raf", timeout: 60000 })).jsonValue();
  const ready = page.waitsForReady
    ? await (await tab.waitForFunction(() => window.readyAt ?? null, null, { polling: "raf", timeout: 60000 })).jsonValue()
    : typeable;
  // Two frames after ready, so that a shift caused by the last drawing is counted.
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // Where the time went: when the last byte of the wasm arrived, and the page's own marks.
  const parts = await tab.evaluate(() => {
    const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
    const mark = (name) => performance.getEntriesByName(name, "mark")[0]?.startTime;
    return { wasm: wasm?.responseEnd, instantiated: mark("instantiated"), mounted: mark("mounted"), layoutShift: window.layoutShift };
  });
  await context.close();
  return { typeable, ready, parts };
}

// The pages are loaded in turns (each round loads every page once, in a rotating order), so a
// change in the machine's load during the run reaches all of them alike and leaves the ratios.
async function timeInTurns(pages, throttled) {
  const samples = pages.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    for (let k = 0; k < pages.length; k++) {
      const i = (round + k) % pages.length;
      samples[i].push(await loadTimes(pages[i], throttled));
    }
  }
  // Each a median over the runs: typeable, ready, and each part of the breakdown (the layout
  // shift: the largest of the runs).
  return samples.map((runs) => ({
    ms: median(runs.map((r) => r.ready)),
    typeable: median(runs.map((r) => r.typeable)),
    ready: median(runs.map((r) => r.ready)),
    layoutShift: Math.max(...runs.map((r) => r.parts.layoutShift)),
    parts: Object.fromEntries(Object.keys(runs[0].parts).map((key) => [key, median(runs.map((r) => r.parts[key] ?? NaN))])),
  }));
}

const oursServer = await serve(ours);
const elementServer = await serve(element);
const amplifyServer = await serve(amplify);
// The floor of this method: a page whose module script only writes one <input>, served the same
// way. No form can be interactive sooner, so it bounds the ratio any page can reach here.
const floor = join(out, "floor");
mkdirSync(floor);
writeFileSync(join(floor, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>
<script type="module" src="app.js"></script></head><body><div id="app"></div></body></html>`);
writeFileSync(join(floor, "app.js"), `document.getElementById("app").innerHTML = '<input name="code">';`);
const floorServer = await serve(floor);
const timings = {};
for (const throttled of [false, true]) {
  const key = throttled ? "slow 4G (1.6 Mbps, 150 ms RTT) + 4x CPU" : "unthrottled";
  const [ours, element, amplify, floor] = await timeInTurns([
    { url: oursServer.url, selector: "input[name=code]" },
    { url: elementServer.url, selector: "input[name=code]", waitsForReady: true },
    { url: amplifyServer.url, selector: "input[name=username]" },
    { url: floorServer.url, selector: "input[name=code]" },
  ], throttled);
  timings[key] = { ours, element, amplify, floor };
}

// Click to fetch, and SecretHash cost, in the page.
const context = await browser.newContext();
const page = await context.newPage();
await page.addInitScript(() => {
  window.fetchAt = [];
  const real = window.fetch;
  window.fetch = (input, init) => {
    if (!String(input?.url ?? input).includes("/cognito/")) return real(input, init);
    window.fetchAt.push(performance.now());
    return new Promise(() => {});
  };
  document.addEventListener("click", () => { window.clickAt = performance.now(); }, true);
});
await page.goto(oursServer.url);
const clickToFetch = [];
for (let i = 0; i < RUNS; i++) {
  await page.evaluate(() => { document.getElementById("app").replaceChildren(); });
  await page.evaluate(async () => {
    const cc = await import("./cognito_confirm.js");
    window.h?.unmount();
    window.h = cc.mount("#app", { endpoint: location.origin + "/cognito/", clientId: "7example1client2id3", username: "alice", code: "123456", webOtp: false });
  });
  await page.locator("button[type=submit]").click();
  await page.waitForFunction(() => window.fetchAt.length > 0);
  clickToFetch.push(await page.evaluate(() => window.fetchAt.pop() - window.clickAt));
}
const secretHashUs = await page.evaluate(async () => {
  const cc = await import("./cognito_confirm.js");
  const n = 5000, t0 = performance.now();
  for (let i = 0; i < n; i++) cc.secretHash(`user${i}`, "7example1client2id3", "client-secret-value");
  return ((performance.now() - t0) * 1000) / n;
});
await context.close();
await browser.close();
oursServer.close();
elementServer.close();
amplifyServer.close();
floorServer.close();

const sigv4 = execFileSync("cargo", ["run", "--quiet", "--release", "--example", "crypto_cost"], { cwd: root }).toString().trim();

// ---- report ---------------------------------------------------------------------------------
// One file per date and commit, so runs before and after a change sit side by side.
const git = (...args) => execFileSync("git", args, { cwd: root }).toString().trim();
const commit = git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain", "--untracked-files=no") ? "-dirty" : "");
let md = `# make bench — ${new Date().toISOString().slice(0, 10)}, commit ${commit}\n\n`;
md += `## Bytes (deterministic)\n\n| what | raw KB | gzip -9 KB | brotli KB | gzip vs Amplify |\n|---|---:|---:|---:|---:|\n`;
for (const s of sizes) md += `| ${s.label} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} | ${(s.gzip / amplifySize.gzip).toFixed(2)}× |\n`;
md += `\nThe form is ${kb(formSize.gzip - stackFloorSize.gzip)} KB gzip above the floor of its stack: its own validation, named errors, retries, Signature V4, the admin mode, the texts, the stylesheet, the custom element and the rest of the form.\n`;
md += `\n## Headless: the Promise API next to what a hand-rolled form calls (esbuild --minify)\n\n`;
md += `| what | operations | SecretHash | raw KB | gzip -9 KB | brotli KB | headless vs this (gzip) |\n|---|---|---|---:|---:|---:|---:|\n`;
md += `| ${headlessSize.label} | 2 of 3 | yes | ${kb(headlessSize.raw)} | ${kb(headlessSize.gzip)} | ${kb(headlessSize.brotli)} | 1.00× |\n`;
md += `| ${headlessAdminSize.label} | 3 of 3 | yes | ${kb(headlessAdminSize.raw)} | ${kb(headlessAdminSize.gzip)} | ${kb(headlessAdminSize.brotli)} | ${(headlessSize.gzip / headlessAdminSize.gzip).toFixed(2)}× |\n`;
const floorSize = measure("floor of the stack without the form: one ConfirmSignUp call (serde-wasm-bindgen, JSON.stringify, gloo-net, base64 SecretHash; no validation, errors or signing)", headlessFloor.map((f) => readFileSync(f)));
md += `| ${floorSize.label} | 1 of 3 | yes | ${kb(floorSize.raw)} | ${kb(floorSize.gzip)} | ${kb(floorSize.brotli)} | ${(headlessSize.gzip / floorSize.gzip).toFixed(2)}× |\n`;
for (const [name, label, operations, secretHash] of HEADLESS_PEERS) {
  const s = measure(label, files(headlessPeers, [`${name}.js`]));
  md += `| ${label} | ${operations} | ${secretHash} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} | ${(headlessSize.gzip / s.gzip).toFixed(2)}× |\n`;
}
md += `\n## Navigation to an interactive form (median of ${RUNS} cold loads each, the pages loaded in turns; brotli, headless Chromium)\n\n| profile | cognito-confirm ms | Amplify UI ms | ratio | floor ms (one \`<input>\`) | floor ratio |\n|---|---:|---:|---:|---:|---:|\n`;
for (const [k, v] of Object.entries(timings)) {
  md += `| ${k} | ${v.ours.ms.toFixed(0)} | ${v.amplify.ms.toFixed(0)} | ${(v.ours.ms / v.amplify.ms).toFixed(2)}× | ${v.floor.ms.toFixed(0)} | ${(v.floor.ms / v.amplify.ms).toFixed(2)}× |\n`;
}
md += `\nThe floor is a page whose script only writes one \`<input>\`: no page is interactive sooner in this harness.\n`;
md += `\n## Before the wasm: typeable, ready and layout shift (the same loads)\n\n`;
md += `"Typeable": the code input is painted and takes keystrokes. "Ready": a Confirm would send. Layout shift: the Layout Instability API's sum until ready, the largest of the runs.\n\n`;
md += `| profile | page | typeable ms | typeable vs floor | ready ms | ready vs Amplify | layout shift |\n|---|---|---:|---:|---:|---:|---:|\n`;
for (const [k, v] of Object.entries(timings)) {
  for (const [name, label] of [["element", "element.js page (form drawn before the wasm)"], ["ours", "mount() page (form drawn by the wasm)"], ["amplify", "Amplify UI"], ["floor", "floor (one <input>)"]]) {
    const t = v[name];
    md += `| ${k} | ${label} | ${t.typeable.toFixed(0)} | ${(t.typeable / v.floor.typeable).toFixed(2)}× | ${t.ready.toFixed(0)} | ${(t.ready / v.amplify.ready).toFixed(2)}× | ${t.layoutShift.toFixed(4)} |\n`;
  }
}
const elementJs = readFileSync(join(root, "pkg", "element.js"));
md += `\nelement.js: ${kb(elementJs.length)} KB raw, ${kb(gz(elementJs))} KB gzip, ${kb(br(elementJs))} KB brotli (the element class, the form's HTML with and without a Username field, the stylesheet); the build step that renders it is one host run of examples/prerender.rs.\n`;
md += `\nWhere our page's time goes (ms from navigation, medians of the same loads; V8 compiles each wasm function on its first call, so the mount also pays for compiling the code it runs):\n\n| profile | wasm received | module instantiated | form mounted | interactive |\n|---|---:|---:|---:|---:|\n`;
for (const [k, { ours: { ms, parts } }] of Object.entries(timings)) {
  md += `| ${k} | ${parts.wasm.toFixed(0)} | ${parts.instantiated.toFixed(0)} | ${parts.mounted.toFixed(0)} | ${ms.toFixed(0)} |\n`;
}
md += `\n## Work per action\n\n| what | median |\n|---|---:|\n`;
md += `| click on Confirm → fetch() issued (${RUNS} clicks) | ${median(clickToFetch).toFixed(2)} ms |\n`;
md += `| secretHash() in the page (5 000 calls) | ${secretHashUs.toFixed(1)} µs |\n`;
for (const line of sigv4.split("\n")) md += `| ${line.split("\t")[0]} (host, release) | ${line.split("\t")[1]} |\n`;
md += `\nRequests per action: exactly one (plus the browser's CORS preflight), checked by the end-to-end tests.\n`;
md += `\n## Where the bytes are (twiggy; \`node bench/where-bytes.mjs\`)\n\n`;
for (const [module, title] of [["target/pkg.pre-opt.wasm", "The form (npm root)"], ["target/pkg-headless.pre-opt.wasm", "The headless entry"]]) {
  md += execFileSync("node", [join(root, "bench", "where-bytes.mjs"), join(root, module), title], { cwd: root, maxBuffer: 1 << 26 }).toString() + "\n";
}
mkdirSync(join(root, "bench", "results"), { recursive: true });
const file = join(root, "bench", "results", `${new Date().toISOString().slice(0, 10)}-${commit}.md`);
writeFileSync(file, md);
console.log(md);
console.log(`written to ${file}`);
