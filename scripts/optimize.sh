#!/usr/bin/env bash
# The size steps after wasm-pack, shared by the package build (scripts/build.sh) and the bench's
# floor, so both are built exactly alike.
#   scripts/optimize.sh wasm FILE       binaryen's wasm-opt -Oz in place (npm's binaryen: Debian's
#                                       is too old and breaks the module)
#   scripts/optimize.sh named IN OUT    the same optimisation, the function names kept (-g), for
#                                       bench/where-bytes.mjs: the shipped code under its names
#   scripts/optimize.sh glue DIR NAME   for a --target web build: DIR/NAME.js bundled with its
#                                       snippets into one minified module in place (DIR/snippets
#                                       is then removed); exported names and import.meta.url are
#                                       kept.
#   scripts/optimize.sh element ENTRY OUT  the package's element.js (see scripts/build.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$here/../node_modules/.bin"
wasm_opt() {
  # The features rustc's wasm32 target enables by default, which wasm-opt must be told of.
  "$bin/wasm-opt" -Oz --converge \
    --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-producers "$@"
}
case "${1:-}" in
  wasm)
    wasm_opt --strip-debug "$2" -o "$2"
    ;;
  named)
    wasm_opt -g "$2" -o "$3"
    ;;
  glue)
    "$bin/esbuild" "$2/$3.js" --bundle --minify --format=esm --target=es2022 \
      --outfile="$2/$3.js" --allow-overwrite --log-level=warning
    rm -rf "$2/snippets"
    ;;
  element)
    # The package's element.js: the loader bundled with the element class and the generated
    # forms, the wasm's own glue (./cognito_confirm.js) left a separate module.
    "$bin/esbuild" "$2" --bundle --minify --format=esm --target=es2022 \
      --external:./cognito_confirm.js --outfile="$3" --log-level=warning
    ;;
  *)
    echo "usage: $0 wasm FILE | named IN OUT | glue DIR NAME | element ENTRY OUT" >&2
    exit 2
    ;;
esac
