// No file of the package holds a path of the machine that built it: the checkout, the home
// directory or the cargo registry (scripts/build.sh remaps them), so every machine builds the
// same bytes from the same commit. Usage: node scripts/check-paths.mjs [dir...] (default: pkg).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { homedir } from "node:os";

const root = resolve(new URL("..", import.meta.url).pathname);
const needles = [root, homedir(), "registry/src/", ".cargo/registry"].filter((n) => n.length > 1);
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ["pkg"];
const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});
let found = 0;
for (const dir of dirs) {
  for (const file of files(dir)) {
    const text = readFileSync(file).toString("latin1");
    for (const needle of needles) {
      const at = text.indexOf(needle);
      if (at >= 0) {
        found++;
        console.log(`${file}: holds "${text.slice(at, at + 80).replace(/[^\x20-\x7e]/g, "?")}"`);
      }
    }
  }
}
console.log(found ? `${found} builder's paths found` : `no builder's path in ${dirs.join(", ")}`);
process.exit(found ? 1 : 0);
