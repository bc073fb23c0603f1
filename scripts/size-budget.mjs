// Byte budgets (gzip -9) for the form (pkg/), the headless build (target/pkg-headless/) and
// pkg/element.js,
// from bench/budgets.json. Sizes are deterministic, so this can gate a change; timings stay in
// `make bench`.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const budgets = JSON.parse(readFileSync("bench/budgets.json", "utf8"));
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
function total(dir) {
  let sum = gz(join(dir, "cognito_confirm_bg.wasm")) + gz(join(dir, "cognito_confirm.js"));
  // A build whose glue still imports snippet modules (scripts/optimize.sh folds them in).
  const snippets = join(dir, "snippets");
  if (existsSync(snippets)) {
    for (const f of readdirSync(snippets, { recursive: true })) if (f.endsWith(".js")) sum += gz(join(snippets, f));
  }
  return sum;
}
let failed = false;
for (const [name, dir] of [["form", "pkg"], ["headless", "target/pkg-headless"]]) {
  const size = total(dir);
  const ok = size <= budgets[name];
  failed ||= !ok;
  console.log(`size: ${name.padEnd(8)} ${String(size).padStart(7)} bytes gzip (budget ${budgets[name]}) ${ok ? "ok" : "OVER BUDGET"}`);
}
// element.js, which every page using it loads before anything else.
const element = gz("pkg/element.js");
failed ||= element > budgets.element;
console.log(`size: element  ${String(element).padStart(7)} bytes gzip (budget ${budgets.element}) ${element <= budgets.element ? "ok" : "OVER BUDGET"}`);
process.exit(failed ? 1 : 0);
