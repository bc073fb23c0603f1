// Short import names for a --target web build (scripts/optimize.sh glue). wasm-bindgen names each
// import of the module like `./cognito_confirm_bg.js` / `__wbg_fetch_a78cd56510e6b65e`: the
// hashes are incompressible and every name is paid twice, in the module's import section and as
// a key of the glue's import object. This renames them to `a` / `a`, `b`, … in both, leaves the
// module's exports (what `init()` returns) as they are, and checks that the module still compiles
// and that glue and module agree name for name.
// Usage: node scripts/short-imports.mjs DIR NAME   (DIR/NAME_bg.wasm and DIR/NAME.js, in place)
import { readFileSync, writeFileSync } from "node:fs";
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

pos = 8;
const renames = [];
const sections = [bytes.subarray(0, 8)];
while (pos < bytes.length) {
  const start = pos;
  const id = bytes[pos++];
  const size = readU32();
  const end = pos + size;
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
    const to = shortName(i);
    renames.push({ module, from: field, to });
    entries.push([...uleb(1), 0x61 /* "a" */, ...uleb(to.length), ...Buffer.from(to), ...bytes.subarray(descStart, pos)]);
  }
  if (pos !== end) fail("import section did not parse to its end");
  const body = [...uleb(count), ...entries.flat()];
  sections.push(Buffer.from([2, ...uleb(body.length), ...body]));
}
const out = Buffer.concat(sections);

// ---- the glue -------------------------------------------------------------------------------
const modules = new Set(renames.map((r) => r.module));
if (modules.size > 1) fail(`expected one import module, found ${[...modules].join(", ")}`);
let glue = readFileSync(gluePath, "utf8");
const word = (s) => new RegExp(`(?<![\\w$])${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w$])`, "g");
for (const { from, to } of renames) {
  const hits = glue.match(word(from))?.length ?? 0;
  if (hits !== 1) fail(`import ${from} appears ${hits} times in the glue, expected once as a key`);
  glue = glue.replace(word(from), to);
}
for (const module of modules) {
  const key = `${JSON.stringify(module)}:`;
  if (glue.split(key).length !== 2) fail(`import module ${module} is not one key of the glue's import object`);
  glue = glue.replace(key, `"a":`);
}

// ---- checks: the module compiles and asks for exactly the renamed imports --------------------
const compiled = new WebAssembly.Module(out);
const now = WebAssembly.Module.imports(compiled);
const was = WebAssembly.Module.imports(new WebAssembly.Module(bytes));
if (now.length !== was.length || now.some((imp, i) => imp.module !== "a" || imp.name !== renames[i].to || imp.kind !== was[i].kind)) {
  fail("the renamed module's imports do not match the renaming");
}
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
