// Makes the glue read the module's exports through `guard()` from src/web/guard.js, so that a
// trap in any call into the module (the package's build aborts on a panic without a hook) is
// reported and shown in the mounted forms before it is thrown on. Fails if the glue does not
// look as expected, rather than shipping an unguarded build.
// Usage: node scripts/guard-glue.mjs DIR NAME web|bundler
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const [dir, name, target] = process.argv.slice(2);
const file = join(dir, target === "bundler" ? `${name}_bg.js` : `${name}.js`);
// Where wasm-bindgen's glue keeps the module's exports, per target.
const ASSIGNMENT = { web: "wasm = instance.exports;", bundler: "wasm = val;" }[target];
if (!ASSIGNMENT) {
  console.error("usage: node scripts/guard-glue.mjs DIR NAME web|bundler");
  process.exit(2);
}
const fail = (why) => {
  console.error(`guard-glue: ${file}: ${why}`);
  process.exit(1);
};

let glue = readFileSync(file, "utf8");
if (glue.split(ASSIGNMENT).length !== 2) fail(`expected "${ASSIGNMENT}" once`);
glue = glue.replace(ASSIGNMENT, ASSIGNMENT.replace(/= (.*);$/, "= guard($1);"));
// The form's build imports guard.js (src/web/panic.rs) already: `guard` joins that import. The
// headless build has no use for the rest of it, and gets the file as a snippet of its own.
const imports = [...glue.matchAll(/import \{([^}]*)\} from '(\.\/snippets\/[^']*\/src\/web\/guard\.js)';/g)];
if (imports.length > 1) fail(`expected at most one import from guard.js, found ${imports.length}`);
if (imports.length === 1) {
  const [line, list, path] = imports[0];
  const names = list.split(",").map((n) => n.trim()).filter(Boolean);
  if (names.includes("guard")) fail("guard is imported already");
  glue = glue.replace(line, `import { ${[...names, "guard"].join(", ")} } from '${path}';`);
} else {
  const own = join(dir, "snippets", "cognito-confirm-guard");
  mkdirSync(own, { recursive: true });
  copyFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "src", "web", "guard.js"), join(own, "guard.js"));
  glue = `import { guard } from './snippets/cognito-confirm-guard/guard.js';\n${glue}`;
}
writeFileSync(file, glue);
