// Where the bytes of a module are: twiggy over the release module before wasm-opt (after
// wasm-bindgen, so its describe exports are gone; the names are still there), its items summed
// by crate and, for this crate, by module. Prints two markdown tables.
// Usage: node bench/where-bytes.mjs <module.pre-opt.wasm> [title]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [file, title = file] = process.argv.slice(2);
// Custom sections (the function names, producers) are left out: wasm-opt strips them.
const top = (wasm) => JSON.parse(execFileSync("twiggy", ["top", "-n", "1000000", "--format", "json", wasm], { maxBuffer: 1 << 28 }).toString())
  .filter((item) => !/subsection|^custom section/.test(item.name));
const items = top(file);
const total = items.reduce((sum, item) => sum + item.shallow_size, 0);

// The crate of an item: the first path segment of its (demangled) name, through `<`, `&`, `dyn`
// and `impl` prefixes; data segments and wasm-bindgen's glue by their kind.
function crateOf(name) {
  if (/^data\[|^data segment/.test(name)) return "(read-only data: texts, tables, panic locations)";
  if (/^(elem|table|memory|global|type|code)\[|^import |^export /.test(name)) return "(wasm sections, imports and exports)";
  if (/^__wbg|^__wbindgen|^wasm_bindgen::/.test(name)) return "wasm-bindgen";
  const m = name.replace(/^(?:<|&|\s|mut\s|dyn\s|impl\s)+/, "").match(/^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  return m ? m[1].replace(/_/g, "-") : "(other: unnamed functions, closures, shims)";
}
function moduleOf(name) {
  const m = name.match(/cognito_confirm::((?:core|web|ui)::[a-z_0-9]+)/);
  return m ? m[1] : null;
}
const add = (map, key, size) => map.set(key, (map.get(key) ?? 0) + size);
const crates = new Map();
const modules = new Map();
for (const item of items) {
  add(crates, crateOf(item.name), item.shallow_size);
  const module = moduleOf(item.name);
  if (module) add(modules, module, item.shallow_size);
}
const kb = (n) => (n / 1024).toFixed(1);
const table = (heading, map) => {
  let md = `| ${heading} | raw KB | share |\n|---|---:|---:|\n`;
  for (const [key, size] of [...map].sort((a, b) => b[1] - a[1]).filter(([, size]) => size >= 512)) {
    md += `| ${key} | ${kb(size)} | ${((100 * size) / total).toFixed(1)} % |\n`;
  }
  return md;
};
let md = `### ${title}: ${kb(total)} KB before wasm-opt\n\nBy crate (items under 0.5 KB left out):\n\n${table("crate", crates)}`;
md += `\nThis crate, by module (functions whose name is in it; generic code instantiated for it may count under the crate it comes from):\n\n${table("module", modules)}`;

// The module as shipped (the package's wasm-opt run, names kept): its largest functions. wasm-opt
// inlines what is called once, so a function here holds the code it calls alone.
const dir = mkdtempSync(join(tmpdir(), "where-bytes-"));
try {
  const named = join(dir, "named.wasm");
  execFileSync(new URL("../scripts/optimize.sh", import.meta.url).pathname, ["named", file, named]);
  const shipped = top(named);
  const size = shipped.reduce((sum, item) => sum + item.shallow_size, 0);
  md += `\nThe largest functions after wasm-opt (${kb(size)} KB; inlined code counted in its caller):\n\n| function | raw KB |\n|---|---:|\n`;
  const short = (name) => name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "").replace(/\|/g, "\\|");
  for (const item of shipped.filter((i) => !/^data|^elem|^table|^type|^import|^export/.test(i.name)).slice(0, 15)) {
    md += `| ${short(item.name)} | ${kb(item.shallow_size)} |\n`;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(md);
