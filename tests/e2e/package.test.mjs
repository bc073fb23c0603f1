// The package's JavaScript surface, as an app sees it: each entry exports the names of
// CONTRACT.md and README and nothing else (no classes of the crates it links), in its code and
// in its typings. Also the memory layout that the size step (scripts/optimize.sh) relies on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { sections } from "../../scripts/wasm-binary.mjs";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");
// The headless entry has the two operations a sign-up page calls; the root adds the admin one.
const HEADLESS = ["confirmSignUp", "resendConfirmationCode", "secretHash"];
const FORM = [...HEADLESS, "adminConfirmSignUp", "MountHandle", "defineElement", "mount", "mountedCount", "registerLocale"];
const INIT = ["default", "initSync"];

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
  ["cognito-confirm", "cognito_confirm.js", [...FORM, ...INIT]],
  ["cognito-confirm/bundler", "bundler/cognito_confirm.js", FORM],
  ["cognito-confirm/headless", "headless/cognito_confirm.js", [...HEADLESS, ...INIT]],
];

for (const [entry, file, expected] of entries) {
  test(`${entry} exports exactly its own API`, () => {
    assert.deepEqual(exportedNames(readFileSync(join(pkg, file), "utf8")), [...expected].sort());
    const dts = readFileSync(join(pkg, file.replace(/\.js$/, ".d.ts")), "utf8");
    for (const name of expected.filter((n) => !INIT.includes(n))) {
      assert.match(dts, new RegExp(`export (?:function|class|interface) ${name}\\b`), `${name} is typed`);
    }
    const functions = [...dts.matchAll(/export function ([\w$]+)/g)].map((m) => m[1]);
    assert.deepEqual(functions.filter((f) => !expected.includes(f) && !INIT.includes(f)), [], "no typings for functions it lacks");
    if (!expected.includes("adminConfirmSignUp")) assert.doesNotMatch(dts, /credentials|Credentials|Admin/, "no admin typings");
    const classes = [...dts.matchAll(/export class ([\w$]+)/g)].map((m) => m[1]);
    assert.deepEqual(classes.filter((c) => !expected.includes(c)), [], "no classes of other crates in the typings");
  });
}

// scripts/optimize.sh runs wasm-opt with --low-memory-unused, which assumes nothing lives in
// the first KiB of memory. That holds for Rust's wasm32 layout: the stack first, its pointer
// starting at 1 MiB and growing down, the data above it. This pins that layout in each build.
const LOW_MEMORY = 1024;
function layout(bytes) {
  const out = { globals: [], segments: [] };
  for (const { id, reader: r } of sections(bytes)) {
    const constI32 = () => {
      assert.equal(r.byte(), 0x41, "an i32.const initialiser");
      const value = r.i32();
      assert.equal(r.byte(), 0x0b, "end of the initialiser");
      return value;
    };
    if (id === 6) {
      for (let n = r.u32(); n > 0; n--) {
        const type = r.byte();
        r.byte(); // mutability
        if (type !== 0x7f) break; // only the leading i32 globals are read here
        out.globals.push(constI32());
      }
    } else if (id === 11) {
      for (let n = r.u32(); n > 0; n--) {
        const flags = r.u32();
        if (flags !== 1) {
          if (flags === 2) r.u32(); // the memory index
          out.segments.push(constI32()); // a passive segment (flags 1) has no address
        }
        const length = r.u32();
        r.pos += length;
      }
    }
  }
  return out;
}

for (const wasm of ["cognito_confirm_bg.wasm", "bundler/cognito_confirm_bg.wasm", "headless/cognito_confirm_bg.wasm"]) {
  test(`${wasm} keeps its first KiB of memory unused (stack first, data above it)`, () => {
    const { globals, segments } = layout(readFileSync(join(pkg, wasm)));
    assert.ok(segments.length > 0, "the module has data");
    for (const offset of segments) assert.ok(offset >= LOW_MEMORY, `a data segment at ${offset}`);
    const stackPointer = globals[0];
    assert.ok(stackPointer >= 64 * 1024, `the stack pointer starts at ${stackPointer}`);
    assert.ok(segments.every((offset) => offset >= stackPointer), "the data lies above the stack");
  });
}
