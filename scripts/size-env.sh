#!/usr/bin/env bash
# Runs a wasm build command (wasm-pack, or cargo for the bench's floors) with the size settings
# that Cargo.toml cannot hold, so the package and the floors are built alike:
#   - the standard library is rebuilt with the crate (build-std), so `lto`, `opt-level` and the
#     flags below reach it too, with std's `optimize_for_size` feature;
#   - panic locations carry no file names or lines (-Zlocation-detail=none), which also keeps
#     machine paths out of the module: the bytes no longer depend on where the registry lives;
#   - Debug formatting is compiled out (-Zfmt-debug=none). The wasm formats nothing with `{:?}`
#     for people to read; tests built without this script still run every Debug impl;
#   - a panic aborts at once, without formatting a message or running a hook
#     (-Cpanic=immediate-abort): it is a trap, which src/web/guard.js reports in the glue and in
#     every mounted form (scripts/guard-glue.mjs).
# These are unstable options: RUSTC_BOOTSTRAP=1 lets the machine's stable toolchain accept them
# (rust-src comes from scripts/bootstrap.sh). Only the wasm32 target gets the flags: build
# scripts and proc macros are built as usual. Set COGNITO_CONFIRM_PLAIN_STD=1 to build with
# the prebuilt standard library instead (larger; the byte budgets then fail).
set -euo pipefail
if [ "${COGNITO_CONFIRM_PLAIN_STD:-}" != 1 ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
fi
exec "$@"
