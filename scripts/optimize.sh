#!/usr/bin/env bash
# The size steps after wasm-bindgen, shared by the package build (scripts/build.sh) and the bench's
# floors, so all are built exactly alike.
#   scripts/optimize.sh wasm FILE       binaryen's wasm-opt -Oz in place (npm's binaryen: Debian's
#                                       is too old and breaks the module)
#   scripts/optimize.sh glue DIR NAME   for a --target web build: short names for the imports
#                                       and wasm-bindgen's own exports in DIR/NAME_bg.wasm and its
#                                       glue (scripts/short-imports.mjs);
#                                       then DIR/NAME.js bundled into one minified module in place,
#                                       its snippets folded in (DIR/snippets is then removed). The
#                                       exported names and import.meta.url are kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$here/../node_modules/.bin"
case "${1:-}" in
  wasm)
    # --converge repeats the passes while they still shrink the module. --low-memory-unused lets
    # binaryen fold added constants into load and store offsets, assuming nothing lives in the
    # first 1 KiB of memory: Rust lays out a wasm32 module stack first (the stack pointer starts
    # at 1 MiB and grows down; data and heap lie above it), so that memory is only reached by a
    # stack about to overflow its 1 MiB.
    "$bin/wasm-opt" --merge-similar-functions --low-memory-unused --converge -Oz \
      --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
      --strip-debug --strip-producers --strip-target-features "$2" -o "$2"
    ;;
  glue)
    node "$here/short-imports.mjs" "$2" "$3"
    "$bin/esbuild" "$2/$3.js" --bundle --minify --format=esm --target=es2022 \
      --outfile="$2/$3.js" --allow-overwrite --log-level=warning
    rm -rf "$2/snippets"
    ;;
  *)
    echo "usage: $0 wasm FILE | glue DIR NAME" >&2
    exit 2
    ;;
esac
