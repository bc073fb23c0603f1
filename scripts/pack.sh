#!/usr/bin/env bash
# `make pack`: the npm tarball (cognito-confirm-<version>.tgz). The package root is the
# `--target web` build (plain HTML, and bundlers that understand `new URL(…, import.meta.url)`);
# `cognito-confirm/bundler` is the `--target bundler` build (wasm imported as an ES module, for
# webpack's asyncWebAssembly or Vite with vite-plugin-wasm); `cognito-confirm/headless` is the
# Promise API alone (no Leptos, no form). Builds pkg/ first unless --no-build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--no-build" ] || scripts/build.sh
scripts/build.sh bundler target/pkg-bundler
rm -rf pkg/bundler && mkdir -p pkg/bundler
cp -r target/pkg-bundler/cognito_confirm* target/pkg-bundler/snippets pkg/bundler/
scripts/build.sh web target/pkg-headless --no-default-features
rm -rf pkg/headless && mkdir -p pkg/headless
cp target/pkg-headless/cognito_confirm* pkg/headless/
node scripts/package-json.mjs pkg
rm -f cognito-confirm-*.tgz
npm pack ./pkg --pack-destination . --loglevel=error >/dev/null
ls cognito-confirm-*.tgz
