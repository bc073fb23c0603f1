// Keeps the package to its own API. wasm-bindgen exports every `#[wasm_bindgen]` class of every
// linked crate, and Leptos links server_fn, whose wasm-streams dependency brings three stream
// adapter classes into any Leptos build. Nothing in the module ever hands one to JavaScript
// (the glue has no constructor for them), so they are removed whole, before wasm-opt runs:
//   - the classes, their finalization registries and dispose hooks from the glue;
//   - their names from the entry's exports and from the typings;
//   - their methods from the module's exports, so that wasm-opt drops the code behind them.
// Fails if anything in the glue still refers to them.
// Usage: node scripts/public-api.mjs DIR NAME web|bundler   (before scripts/optimize.sh wasm)
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { rewriteSections, uleb } from "./wasm-binary.mjs";

const NOT_OURS = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];
// The module's exports behind them: `intounderlyingsink_write`, `__wbg_intounderlyingsink_free`, ….
const NOT_OURS_EXPORT = new RegExp(`^(?:__wbg_)?(?:${NOT_OURS.map((c) => c.toLowerCase()).join("|")})_`);
const [dir, name, target] = process.argv.slice(2);
const fail = (why) => {
  console.error(`public-api: ${dir}/${name}: ${why}`);
  process.exit(1);
};
const edit = (file, change) => {
  const path = join(dir, file);
  if (existsSync(path)) writeFileSync(path, change(readFileSync(path, "utf8")));
};
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// ---- the glue ----------------------------------------------------------------------------------
// Each class is one block from `export class X {` to the `}` that closes it at the line start,
// then `if (Symbol.dispose) X.prototype[…] = …;`; its registry is `const XFinalization = …;`.
function removeClasses(js, file) {
  for (const c of NOT_OURS) {
    const parts = [
      new RegExp(`export class ${c} \\{\\n[\\s\\S]*?\\n\\}\\n`),
      new RegExp(`if \\(Symbol\\.dispose\\) ${c}\\.prototype\\[Symbol\\.dispose\\] = ${c}\\.prototype\\.free;\\n`),
      new RegExp(`const ${c}Finalization = [^;]*;\\n`),
    ];
    // A build without Leptos (the headless one) has none of them.
    if (!parts[0].test(js) && !js.includes(c)) continue;
    for (const part of parts) {
      if (!part.test(js)) fail(`${file}: ${part.source.slice(0, 60)}… not found`);
      js = js.replace(part, "");
    }
  }
  const left = js.match(new RegExp(`${NOT_OURS.map(escape).join("|")}|${NOT_OURS_EXPORT.source.slice(1)}`, "i"));
  if (left) fail(`${file}: still refers to ${left[0]}`);
  return js;
}

if (target === "web") {
  edit(`${name}.js`, (js) => removeClasses(js, `${name}.js`));
} else if (target === "bundler") {
  // The entry re-exports the _bg.js module's names in one list.
  edit(`${name}.js`, (js) => js.replace(/export \{([^}]*)\} from/, (_, list) => {
    const kept = list.split(",").map((n) => n.trim()).filter((n) => n && !NOT_OURS.includes(n));
    return `export {\n    ${kept.join(", ")}\n} from`;
  }));
  edit(`${name}_bg.js`, (js) => removeClasses(js, `${name}_bg.js`));
} else {
  console.error("usage: node scripts/public-api.mjs DIR NAME web|bundler");
  process.exit(2);
}

// ---- the typings -------------------------------------------------------------------------------
edit(`${name}.d.ts`, (dts) =>
  NOT_OURS.reduce((s, c) => s.replace(new RegExp(`export class ${c} \\{\\n[\\s\\S]*?\\n\\}\\n\\n?`), ""), dts)
    .split("\n").filter((line) => !/^\s*readonly (?:__wbg_)?intounderlying/.test(line)).join("\n"));
edit(`${name}_bg.wasm.d.ts`, (dts) =>
  dts.split("\n").filter((line) => !/^export const (?:__wbg_)?intounderlying/.test(line)).join("\n"));

// ---- the module's export section ---------------------------------------------------------------
const wasmPath = join(dir, `${name}_bg.wasm`);
const out = rewriteSections(readFileSync(wasmPath), {
  7: (r) => {
    const count = r.u32();
    const kept = [];
    let keptCount = 0;
    for (let i = 0; i < count; i++) {
      const entry = r.pos;
      const exportName = r.name();
      r.byte(); // kind
      r.skipLeb(); // index
      if (NOT_OURS_EXPORT.test(exportName)) continue;
      kept.push(...r.since(entry));
      keptCount++;
    }
    return [...uleb(keptCount), ...kept];
  },
}, fail);
const left = WebAssembly.Module.exports(new WebAssembly.Module(out)).filter((e) => NOT_OURS_EXPORT.test(e.name));
if (left.length) fail(`the module still exports ${left.map((e) => e.name).join(", ")}`);
writeFileSync(wasmPath, out);
