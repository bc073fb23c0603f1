#!/usr/bin/env bash
# Builds pkg/ (wasm-pack, --target web by default) and runs the size steps of scripts/optimize.sh.
# Usage: scripts/build.sh [target] [out-dir] [extra cargo args...]
# Without extra args this is the npm build: the form (admin mode included) with English built in,
# and every other translation written to <out-dir>/locales/ as a module for registerLocale().
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-web}
out=${2:-pkg}
shift $(( $# > 2 ? 2 : $# ))
npm_build=false
if [ $# -eq 0 ]; then
  npm_build=true
  set -- --no-default-features --features csr,admin
fi
# The builder's paths (the cargo registry, this checkout) would reach the module through panic
# locations: remapped, so that the same commit gives the same bytes on every machine
# (scripts/check-paths.mjs, in make test, looks for any that remain).
cargo_home=${CARGO_HOME:-$HOME/.cargo}
remaps="--remap-path-prefix=$cargo_home=/cargo --remap-path-prefix=$PWD=/cognito-confirm"
# Each crate's sources as crate-version/…, without the registry's directory in front.
for index in "$cargo_home"/registry/src/*/; do
  remaps="$remaps --remap-path-prefix=${index%/}="
done
export RUSTFLAGS="${RUSTFLAGS:-} $remaps"
# --mode no-install: use the pinned local wasm-bindgen; never download tools.
wasm-pack --quiet build --release --target "$target" --out-dir "$out" --mode no-install "$@" >/dev/null
# The module before wasm-opt, with its function names: what bench/where-bytes.mjs reads.
cp "$out/cognito_confirm_bg.wasm" "target/$(basename "$out").pre-opt.wasm"
scripts/optimize.sh wasm "$out/cognito_confirm_bg.wasm"
if $npm_build; then
  rm -rf "$out/locales"
  cargo run --quiet --locked --example locales -- "$out/locales"
fi
if [ "$target" = web ]; then
  # The web build is loaded as is by plain pages: ship its JS glue as one minified module, the
  # custom element's snippet folded in, so the browser fetches no second module after parsing
  # the first (bundlers minify their own builds). The .d.ts documents the API.
  scripts/optimize.sh glue "$out" cognito_confirm
  if $npm_build; then
    # element.js: the custom element with the form rendered at build time by the Leptos
    # component (examples/prerender.rs), shown before the wasm arrives; and the same HTML as
    # declarative shadow root snippets with the stylesheet they link.
    rm -rf target/element && mkdir -p target/element
    cargo run --quiet --locked --example prerender --features ssr -- target/element "$out/locales"
    cp src/web/element.js src/web/element-loader.js target/element/
    scripts/optimize.sh element target/element/element-loader.js "$out/element.js"
    cp target/element/cognito-confirm.css target/element/form.html target/element/form-username.html "$out/"
    printf '%s\n' "// Defines <cognito-confirm-sign-up> and draws its form before the wasm arrives." "export {};" >"$out/element.d.ts"
  fi
  node scripts/package-json.mjs "$out"
fi
