// Completes the package.json wasm-pack wrote: npm metadata the crate manifest cannot carry.
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const dir = process.argv[2] ?? "pkg";
const path = `${dir}/package.json`;
const pkg = JSON.parse(readFileSync(path, "utf8"));
pkg.name = "cognito-confirm";
pkg.sideEffects = pkg.sideEffects ?? ["./snippets/*"];
pkg.keywords = ["cognito", "aws", "amazon-cognito", "sign-up", "confirmation", "webassembly", "web-component", "leptos"];
pkg.files = [...new Set([...(pkg.files ?? []), ...(existsSync(`${dir}/snippets`) ? ["snippets/"] : [])])];
writeFileSync(path, JSON.stringify(pkg, null, 2) + "\n");
