// Short import and internal export names for a --target web build (scripts/optimize.sh glue).
// wasm-bindgen names each import of the module like `./cognito_confirm_bg.js` /
// `__wbg_fetch_a78cd56510e6b65e`, and exports its own plumbing under names like
// `wasm_bindgen__convert__closures_____invoke__h…` or `__wbindgen_malloc`: the hashes are
// incompressible and every name is paid twice, in the module and in the glue. This renames
//   - the imports to `a` / `a`, `b`, … (module and the glue's import object); a snippet module
//     the module imports from directly becomes `b`, `c`, … with its export names kept;
//   - the exports wasm-bindgen adds for itself (any name but `memory` that is not a plain
//     camelCase word like `confirmSignUp`) to `a`, `b`, … (module, the glue's `wasm.NAME`
//     references and the typings of what `init()` returns);
// keeps `memory` and the API's own exports, and checks that the module still compiles and that
// glue and module agree name for name.
// Usage: node scripts/short-imports.mjs DIR NAME   (DIR/NAME_bg.wasm, DIR/NAME.js and the .d.ts
// files beside them, in place)
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { nameBytes, rewriteSections, uleb } from "./wasm-binary.mjs";

const [dir, name] = process.argv.slice(2);
const wasmPath = join(dir, `${name}_bg.wasm`);
const gluePath = join(dir, `${name}.js`);
const fail = (why) => {
  console.error(`short-imports: ${dir}/${name}: ${why}`);
  process.exit(1);
};

// ---- the module's import and export sections -------------------------------------------------
const bytes = readFileSync(wasmPath);
// Letters only: a … z, A … Z, then aa, ab, …; each a valid property name.
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const shortName = (i) => (i < LETTERS.length ? LETTERS[i] : shortName(Math.floor(i / LETTERS.length) - 1) + LETTERS[i % LETTERS.length]);

// The export section: internal names become short ones, in order; the rest are kept.
const kept = (name) => name === "memory" || /^[a-z][A-Za-z]*$/.test(name);
const exportRenames = [];
function renameExports(r) {
  const count = r.u32();
  const entries = [];
  for (let i = 0; i < count; i++) {
    const from = r.name();
    const start = r.pos;
    r.byte(); // kind
    r.skipLeb(); // index
    let to = from;
    if (!kept(from)) {
      to = shortName(exportRenames.length);
      exportRenames.push({ from, to });
    }
    entries.push(...nameBytes(to), ...r.since(start));
  }
  const names = new Set();
  for (const e of WebAssembly.Module.exports(new WebAssembly.Module(bytes))) {
    const renamed = exportRenames.find((x) => x.from === e.name);
    names.add(renamed ? renamed.to : e.name);
  }
  if (names.size !== count) fail("the short export names collide with the kept ones");
  return [...uleb(count), ...entries];
}

const renames = [];
const mainModule = `./${name}_bg.js`;
// Import module → its short name: the glue's own module is `a`, snippets `b`, `c`, ….
const moduleNames = new Map([[mainModule, "a"]]);
let mainCount = 0;
function renameImports(r) {
  const count = r.u32();
  const entries = [];
  for (let i = 0; i < count; i++) {
    const module = r.name();
    const field = r.name();
    const descStart = r.pos;
    const kind = r.byte();
    if (kind === 0x00) r.skipLeb(); // function: type index
    else if (kind === 0x01) {
      if (r.bytes[r.pos] >= 0x63 && r.bytes[r.pos] <= 0x64) fail("typed reference tables are not handled");
      r.byte(); // table: reference type
      r.skipLimits();
    } else if (kind === 0x02) r.skipLimits(); // memory
    else if (kind === 0x03) r.pos += 2; // global: value type, mutability
    else if (kind === 0x04) {
      r.byte(); // tag: attribute, type index
      r.skipLeb();
    } else fail(`unknown import kind ${kind}`);
    // The glue's own module: short field names. A snippet the module imports from directly:
    // the fields are that module's export names and stay.
    if (module !== mainModule && !moduleNames.has(module)) moduleNames.set(module, shortName(moduleNames.size));
    const toModule = moduleNames.get(module);
    const to = module === mainModule ? shortName(mainCount++) : field;
    renames.push({ module, toModule, from: field, to });
    entries.push(...nameBytes(toModule), ...nameBytes(to), ...r.since(descStart));
  }
  return [...uleb(count), ...entries];
}

const out = rewriteSections(bytes, { 2: renameImports, 7: renameExports }, fail);

// ---- the glue -------------------------------------------------------------------------------
let glue = readFileSync(gluePath, "utf8");
const word = (s) => new RegExp(`(?<![\\w$])${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w$])`, "g");
for (const { module, from, to } of renames) {
  if (module !== mainModule) continue;
  const hits = glue.match(word(from))?.length ?? 0;
  if (hits !== 1) fail(`import ${from} appears ${hits} times in the glue, expected once as a key`);
  glue = glue.replace(word(from), to);
}
for (const [module, to] of moduleNames) {
  const key = `${JSON.stringify(module)}:`;
  if (glue.split(key).length !== 2) fail(`import module ${module} is not one key of the glue's import object`);
  glue = glue.replace(key, `"${to}":`);
}

// The glue reads the module's exports as `wasm.NAME` and never as another object's property
// (a wrapper function of the same name is the glue's own, minified by esbuild); the typings list them
// as `readonly NAME:` (what `init()` returns) and `export const NAME:` (the module's own .d.ts).
const typings = [join(dir, `${name}.d.ts`), join(dir, `${name}_bg.wasm.d.ts`)].filter(existsSync);
const typingText = typings.map((path) => readFileSync(path, "utf8"));
for (const { from, to } of exportRenames) {
  const properties = glue.match(new RegExp(`\\.${from}(?![\\w$])`, "g"))?.length ?? 0;
  const reads = glue.match(word(`wasm.${from}`))?.length ?? 0;
  if (properties !== reads) fail(`export ${from} is read in the glue other than as wasm.${from}`);
  glue = glue.replace(word(`wasm.${from}`), `wasm.${to}`);
  typingText.forEach((text, i) => {
    typingText[i] = text.replace(word(`readonly ${from}:`), `readonly ${to}:`).replace(word(`export const ${from}:`), `export const ${to}:`);
  });
}

// ---- checks: the module compiles, asks for exactly the renamed imports and exports exactly the
// renamed names ------------------------------------------------------------------------------
const compiled = new WebAssembly.Module(out);
const original = new WebAssembly.Module(bytes);
const now = WebAssembly.Module.imports(compiled);
const was = WebAssembly.Module.imports(original);
if (now.length !== was.length || now.some((imp, i) => imp.module !== renames[i].toModule || imp.name !== renames[i].to || imp.kind !== was[i].kind)) {
  fail("the renamed module's imports do not match the renaming");
}
const exportsNow = WebAssembly.Module.exports(compiled);
const exportsWas = WebAssembly.Module.exports(original);
const renamed = (n) => exportRenames.find((r) => r.from === n)?.to ?? n;
if (exportsNow.length !== exportsWas.length || exportsNow.some((e, i) => e.name !== renamed(exportsWas[i].name) || e.kind !== exportsWas[i].kind)) {
  fail("the renamed module's exports do not match the renaming");
}
for (const text of typingText) {
  for (const { from } of exportRenames) if (word(from).test(text)) fail(`a typing still names ${from}`);
}
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
typings.forEach((path, i) => writeFileSync(path, typingText[i]));
