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

const [dir, name] = process.argv.slice(2);
const wasmPath = join(dir, `${name}_bg.wasm`);
const gluePath = join(dir, `${name}.js`);
const fail = (why) => {
  console.error(`short-imports: ${dir}/${name}: ${why}`);
  process.exit(1);
};

// ---- the module's import section ------------------------------------------------------------
const bytes = readFileSync(wasmPath);
const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
let pos;
const readU32 = () => {
  let result = 0;
  let shift = 0;
  let b;
  do {
    b = bytes[pos++];
    result |= (b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  return result >>> 0;
};
const skipLeb = () => {
  while (bytes[pos++] & 0x80);
};
const readName = () => {
  const len = readU32();
  const s = bytes.subarray(pos, pos + len).toString("utf8");
  pos += len;
  return s;
};
const skipLimits = () => {
  const flags = bytes[pos++];
  skipLeb();
  if (flags & 1) skipLeb();
};
// Letters only: a … z, A … Z, then aa, ab, …; each a valid property name.
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const shortName = (i) => (i < LETTERS.length ? LETTERS[i] : shortName(Math.floor(i / LETTERS.length) - 1) + LETTERS[i % LETTERS.length]);

// The export section: internal names become short ones, in order; the rest are kept.
const kept = (name) => name === "memory" || /^[a-z][A-Za-z]*$/.test(name);
const exportRenames = [];
function renameExports(end) {
  const count = readU32();
  const entries = [];
  for (let i = 0; i < count; i++) {
    const from = readName();
    const desc = bytes.subarray(pos, pos + 1);
    pos += 1;
    const indexStart = pos;
    skipLeb();
    let to = from;
    if (!kept(from)) {
      to = shortName(exportRenames.length);
      exportRenames.push({ from, to });
    }
    entries.push([...uleb(Buffer.byteLength(to)), ...Buffer.from(to), ...desc, ...bytes.subarray(indexStart, pos)]);
  }
  if (pos !== end) fail("export section did not parse to its end");
  const names = new Set();
  for (const e of WebAssembly.Module.exports(new WebAssembly.Module(bytes))) {
    const r = exportRenames.find((x) => x.from === e.name);
    names.add(r ? r.to : e.name);
  }
  if (names.size !== count) fail("the short export names collide with the kept ones");
  const body = [...uleb(count), ...entries.flat()];
  return Buffer.from([7, ...uleb(body.length), ...body]);
}

pos = 8;
const renames = [];
const mainModule = `./${name}_bg.js`;
// Import module → its short name: the glue's own module is `a`, snippets `b`, `c`, ….
const moduleNames = new Map([[mainModule, "a"]]);
let mainCount = 0;
const sections = [bytes.subarray(0, 8)];
while (pos < bytes.length) {
  const start = pos;
  const id = bytes[pos++];
  const size = readU32();
  const end = pos + size;
  if (id === 7) {
    sections.push(renameExports(end));
    continue;
  }
  if (id !== 2) {
    sections.push(bytes.subarray(start, end));
    pos = end;
    continue;
  }
  const count = readU32();
  const entries = [];
  for (let i = 0; i < count; i++) {
    const module = readName();
    const field = readName();
    const descStart = pos;
    const kind = bytes[pos++];
    if (kind === 0x00) skipLeb(); // function: type index
    else if (kind === 0x01) {
      if (bytes[pos] >= 0x63 && bytes[pos] <= 0x64) fail("typed reference tables are not handled");
      pos += 1; // table: reference type
      skipLimits();
    } else if (kind === 0x02) skipLimits(); // memory
    else if (kind === 0x03) pos += 2; // global: value type, mutability
    else if (kind === 0x04) {
      pos += 1; // tag: attribute, type index
      skipLeb();
    } else fail(`unknown import kind ${kind}`);
    // The glue's own module: short field names. A snippet the module imports from directly:
    // the fields are that module's export names and stay.
    if (module !== mainModule && !moduleNames.has(module)) moduleNames.set(module, shortName(moduleNames.size));
    const toModule = moduleNames.get(module);
    const to = module === mainModule ? shortName(mainCount++) : field;
    renames.push({ module, toModule, from: field, to });
    entries.push([...uleb(toModule.length), ...Buffer.from(toModule), ...uleb(Buffer.byteLength(to)), ...Buffer.from(to), ...bytes.subarray(descStart, pos)]);
  }
  if (pos !== end) fail("import section did not parse to its end");
  const body = [...uleb(count), ...entries.flat()];
  sections.push(Buffer.from([2, ...uleb(body.length), ...body]));
}
const out = Buffer.concat(sections);

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
