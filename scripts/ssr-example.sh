#!/usr/bin/env bash
# Builds examples/ssr, a Leptos SSR app using the form: its server (feature ssr) and its client
# wasm (feature hydrate, through the pinned wasm-bindgen-cli) into target/ssr-example/, where
# tests/e2e/ssr.test.mjs runs them. Debug builds: the test is about rendering and hydration.
set -euo pipefail
cd "$(dirname "$0")/../examples/ssr"
out=../../target/ssr-example
cargo build --quiet --locked --features ssr --bin ssr-example --target-dir "$out"
cargo build --quiet --locked --lib --features hydrate --target wasm32-unknown-unknown --target-dir "$out"
wasm-bindgen --target web --out-dir "$out/site/pkg" --out-name ssr_example \
  "$out/wasm32-unknown-unknown/debug/ssr_example.wasm"
