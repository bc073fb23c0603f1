// Completes the package.json wasm-pack wrote: npm metadata the crate manifest cannot carry.
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";

const dir = process.argv[2] ?? "pkg";
const path = `${dir}/package.json`;
const pkg = JSON.parse(readFileSync(path, "utf8"));
pkg.name = "cognito-confirm";
pkg.keywords = ["cognito", "aws", "amazon-cognito", "sign-up", "confirmation", "webassembly", "web-component", "leptos"];
// The bundler build's entry runs wasm start-up on import.
pkg.sideEffects = ["./element.js", "./snippets/*", "./bundler/cognito_confirm.js", "./bundler/snippets/*"];
const licenses = readdirSync(dir).filter((f) => f.startsWith("LICENSE"));
pkg.files = [
  "cognito_confirm_bg.wasm",
  "cognito_confirm.js",
  "cognito_confirm.d.ts",
  "README.md",
  ...licenses,
  ...(existsSync(`${dir}/element.js`) ? ["element.js", "element.d.ts", "cognito-confirm.css", "form.html", "form-username.html"] : []),
  ...(existsSync(`${dir}/snippets`) ? ["snippets/"] : []),
  ...(existsSync(`${dir}/locales`) ? ["locales/"] : []),
  ...(existsSync(`${dir}/bundler`) ? ["bundler/"] : []),
  ...(existsSync(`${dir}/headless`) ? ["headless/"] : []),
];
pkg.exports = {
  ".": { types: "./cognito_confirm.d.ts", default: "./cognito_confirm.js" },
  // Defines <cognito-confirm-sign-up> and shows its form before the wasm has arrived.
  ...(existsSync(`${dir}/element.js`)
    ? {
        "./element": { types: "./element.d.ts", default: "./element.js" },
        "./element.js": { types: "./element.d.ts", default: "./element.js" },
        "./cognito-confirm.css": "./cognito-confirm.css",
        "./form.html": "./form.html",
        "./form-username.html": "./form-username.html",
      }
    : {}),
  ...(existsSync(`${dir}/bundler`) ? { "./bundler": { types: "./bundler/cognito_confirm.d.ts", default: "./bundler/cognito_confirm.js" } } : {}),
  // The Promise API alone: no form, under half the bytes.
  ...(existsSync(`${dir}/headless`) ? { "./headless": { types: "./headless/cognito_confirm.d.ts", default: "./headless/cognito_confirm.js" } } : {}),
  // Each translation but English, for registerLocale(): "cognito-confirm/locales/de.js".
  ...(existsSync(`${dir}/locales`)
    ? {
        "./locales/*.js": { types: "./locales/*.d.ts", default: "./locales/*.js" },
        "./locales/*": { types: "./locales/*.d.ts", default: "./locales/*.js" },
      }
    : {}),
  "./cognito_confirm_bg.wasm": "./cognito_confirm_bg.wasm",
  "./package.json": "./package.json",
};
pkg.browser = "cognito_confirm.js";
writeFileSync(path, JSON.stringify(pkg, null, 2) + "\n");
