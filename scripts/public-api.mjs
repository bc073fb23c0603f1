// Keeps the package's JavaScript API to its own names. wasm-bindgen exports every
// `#[wasm_bindgen]` class of every linked crate, and Leptos links server_fn, whose wasm-streams
// dependency brings three stream adapter classes into any Leptos build's glue and typings. They
// are not part of this package: this removes them from the exported names and the .d.ts (the
// classes themselves stay in the glue, where the module may still construct them).
// Usage: node scripts/public-api.mjs DIR NAME web|bundler
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const NOT_OURS = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];
const [dir, name, target] = process.argv.slice(2);
const edit = (file, change) => {
  const path = join(dir, file);
  if (existsSync(path)) writeFileSync(path, change(readFileSync(path, "utf8")));
};

// `export class X {` declares and exports; without `export` it only declares.
const unexportClasses = (js) => NOT_OURS.reduce((s, c) => s.replace(`export class ${c} {`, `class ${c} {`), js);

if (target === "web") {
  edit(`${name}.js`, unexportClasses);
} else if (target === "bundler") {
  // The entry re-exports the _bg.js module's names in one list.
  edit(`${name}.js`, (js) => js.replace(/export \{([^}]*)\} from/, (_, list) => {
    const kept = list.split(",").map((n) => n.trim()).filter((n) => n && !NOT_OURS.includes(n));
    return `export {\n    ${kept.join(", ")}\n} from`;
  }));
  edit(`${name}_bg.js`, unexportClasses);
} else {
  console.error("usage: node scripts/public-api.mjs DIR NAME web|bundler");
  process.exit(2);
}

// The typings: each class is one block from `export class X {` to the `}` that closes it.
edit(`${name}.d.ts`, (dts) =>
  NOT_OURS.reduce((s, c) => s.replace(new RegExp(`export class ${c} \\{\\n[\\s\\S]*?\\n\\}\\n\\n?`), ""), dts));
