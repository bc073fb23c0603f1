// The package's JavaScript surface, as an app sees it: each entry exports the names of
// CONTRACT.md and README and nothing else (no classes of the crates it links), in its code and
// in its typings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");
// The headless entry has the operations a sign-up page calls (and the sign-in that follows); the
// root adds the admin one.
const HEADLESS = ["confirmSignUp", "resendConfirmationCode", "initiateAuth", "secretHash"];
const FORM = [...HEADLESS, "adminConfirmSignUp", "MountHandle", "defineElement", "mount", "registerLocale"];
const INIT = ["default", "initSync"];
// Classes that Leptos links through its server functions (wasm-streams' adapters between Rust
// and JavaScript streams): wasm-bindgen exports them from any Leptos 0.8 CSR module, and the form
// never calls them. Listed by name, so that any other leak still fails.
const LEPTOS = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

// The exported names of a module: its `export { a as b, … }` lists and `export function|class`.
function exportedNames(js) {
  const names = [];
  for (const [, list] of js.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of list.split(",").map((s) => s.trim()).filter(Boolean)) names.push(item.split(/\s+as\s+/).pop());
  }
  for (const [, name] of js.matchAll(/export\s+(?:async\s+)?(?:function|class)\s+([\w$]+)/g)) names.push(name);
  return names.sort();
}

const entries = [
  ["cognito-confirm", "cognito_confirm.js", [...FORM, ...LEPTOS, ...INIT]],
  ["cognito-confirm/bundler", "bundler/cognito_confirm.js", [...FORM, ...LEPTOS]],
  ["cognito-confirm/headless", "headless/cognito_confirm.js", [...HEADLESS, ...INIT]],
];

for (const [entry, file, expected] of entries) {
  test(`${entry} exports exactly its own API`, () => {
    assert.deepEqual(exportedNames(readFileSync(join(pkg, file), "utf8")), [...expected].sort());
    const dts = readFileSync(join(pkg, file.replace(/\.js$/, ".d.ts")), "utf8");
    for (const name of expected.filter((n) => !INIT.includes(n) && !LEPTOS.includes(n))) {
      assert.match(dts, new RegExp(`export (?:function|class|interface) ${name}\\b`), `${name} is typed`);
    }
    const functions = [...dts.matchAll(/export function ([\w$]+)/g)].map((m) => m[1]);
    assert.deepEqual(functions.filter((f) => !expected.includes(f) && !INIT.includes(f)), [], "no typings for functions it lacks");
    if (!expected.includes("adminConfirmSignUp")) assert.doesNotMatch(dts, /credentials|Credentials|Admin/, "no admin typings");
    const classes = [...dts.matchAll(/export class ([\w$]+)/g)].map((m) => m[1]);
    assert.deepEqual(classes.filter((c) => !expected.includes(c)), [], "no classes of other crates in the typings");
  });
}

test("cognito-confirm/element exports nothing, loads the package's own module, and is in the package's exports", () => {
  const js = readFileSync(join(pkg, "element.js"), "utf8");
  assert.deepEqual(exportedNames(js), []);
  assert.match(js, /import\("\.\/cognito_confirm\.js"\)/, "the wasm's glue, beside it, loaded by element.js itself");
  assert.doesNotMatch(js, /<style/, "no inline <style> in what it draws");
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  assert.deepEqual(manifest.exports["./element"], { types: "./element.d.ts", default: "./element.js" });
  for (const file of ["element.js", "element.d.ts", "cognito-confirm.css", "form.html", "form-username.html"]) {
    assert.ok(manifest.files.includes(file), `${file} is published`);
  }
});
