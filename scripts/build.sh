#!/usr/bin/env bash
# Builds pkg/ (wasm-pack, --target web by default) and optimises the wasm with npm's wasm-opt.
# Usage: scripts/build.sh [target] [out-dir] [extra cargo args...]
# Without extra args this is the npm build: the form with English built in, and every other
# translation written to <out-dir>/locales/ as a module for registerLocale().
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-web}
out=${2:-pkg}
shift $(( $# > 2 ? 2 : $# ))
npm_build=false
if [ $# -eq 0 ]; then
  npm_build=true
  set -- --no-default-features --features ui
fi
# --mode no-install: use the pinned local wasm-bindgen; never download tools.
wasm-pack --quiet build --release --target "$target" --out-dir "$out" --mode no-install "$@" >/dev/null
node_modules/.bin/wasm-opt --merge-similar-functions -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers \
  "$out/cognito_confirm_bg.wasm" -o "$out/cognito_confirm_bg.wasm"
if $npm_build; then
  rm -rf "$out/locales"
  cargo run --quiet --locked --example locales -- "$out/locales"
fi
if [ "$target" = web ]; then
  # The web build is loaded as is by plain pages: ship its JS glue as one minified module, the
  # custom element's snippet folded in, so the browser fetches no second module after parsing
  # the first (bundlers minify their own builds). Exported names and import.meta.url are kept;
  # the .d.ts documents the API.
  node_modules/.bin/esbuild "$out/cognito_confirm.js" --bundle --minify --format=esm --target=es2022 \
    --outfile="$out/cognito_confirm.js" --allow-overwrite --log-level=warning
  rm -rf "$out/snippets"
  node scripts/package-json.mjs "$out"
fi
