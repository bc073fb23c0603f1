#!/usr/bin/env bash
# `make pack`: the npm tarball (cognito-confirm-<version>.tgz) from pkg/. Builds pkg/ first
# unless called with --no-build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--no-build" ] || scripts/build.sh
rm -f cognito-confirm-*.tgz
npm pack ./pkg --pack-destination . --loglevel=error >/dev/null
ls cognito-confirm-*.tgz
