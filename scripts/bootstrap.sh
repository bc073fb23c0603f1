#!/usr/bin/env bash
# Installs every tool the project needs, idempotently, without prompts. Skips what is present.
# Runs as root on Debian 12. Nothing here downloads a prebuilt binary from outside the package
# registries: wasm-pack is told (--mode no-install, wasm-opt = false) never to fetch its own tools.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
log() { printf '[bootstrap] %s\n' "$*"; }
# Runs an install step and says how long it took.
step() {
  local what=$1; shift
  local start=$SECONDS
  log "installing ${what}"
  "$@"
  log "installed ${what} in $((SECONDS - start))s"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "the wasm32-unknown-unknown target" rustup target add wasm32-unknown-unknown
fi

# The three browser engines the tests run in, from Debian's packages: Chromium with its driver,
# Firefox ESR, and WebKitGTK's MiniBrowser with WebKitWebDriver (which needs a display: Xvfb).
# The download and unpacking wait on the network and the disk, so they run beside the cargo
# installs below (which keep both cores busy) and are waited for at the end.
apt_pid=
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
  || ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  (
    step "Debian's package lists" apt-get update -qq
    step "Debian's chromium, chromium-driver, firefox-esr, webkit2gtk-driver and xvfb" \
      sh -c 'apt-get install -y -qq --no-install-recommends chromium chromium-driver firefox-esr webkit2gtk-driver xvfb >/dev/null'
  ) &
  apt_pid=$!
fi

# geckodriver, which drives Firefox over WebDriver, from crates.io.
GECKODRIVER_VERSION=0.37.1
if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver ${GECKODRIVER_VERSION}\b"; then
  step "geckodriver ${GECKODRIVER_VERSION}" cargo install geckodriver --version "${GECKODRIVER_VERSION}" --locked --quiet
fi

if ! wasm-pack --version 2>/dev/null | grep -q " ${WASM_PACK_VERSION}\$"; then
  step "wasm-pack ${WASM_PACK_VERSION}" cargo install wasm-pack --version "${WASM_PACK_VERSION}" --locked --quiet
fi

CARGO_FUZZ_VERSION=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -q " ${CARGO_FUZZ_VERSION}\$"; then
  step "cargo-fuzz ${CARGO_FUZZ_VERSION}" cargo install cargo-fuzz --version "${CARGO_FUZZ_VERSION}" --locked --quiet
fi

CARGO_DENY_VERSION=0.20.2
if ! cargo deny --version 2>/dev/null | grep -q " ${CARGO_DENY_VERSION}\$"; then
  step "cargo-deny ${CARGO_DENY_VERSION}" cargo install cargo-deny --version "${CARGO_DENY_VERSION}" --locked --quiet
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly. Its own lockfile pins a
# crate version the registry lacks, hence no --locked.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WBG_VERSION}\$"; then
  step "wasm-bindgen-cli ${WBG_VERSION}" cargo install wasm-bindgen-cli --version "${WBG_VERSION}" --force --quiet
fi

# Node packages: npm's binaryen (wasm-opt), playwright-core, cognito-local. Debian's binaryen is
# too old and breaks the module (see README), so it must never be on PATH before ours.
if [ -x /usr/bin/wasm-opt ]; then
  log "WARNING: /usr/bin/wasm-opt exists; the build uses node_modules/.bin/wasm-opt explicitly"
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "node packages (npm ci)" npm ci --no-audit --no-fund --loglevel=error
fi
# botocore, the reference for Signature V4 in tests/references.rs, in a project-local venv so the
# machine's own Python packages are left alone.
BOTOCORE_VERSION=1.44.5
if ! .venv/bin/python -c "import botocore, sys; sys.exit(botocore.__version__ != '${BOTOCORE_VERSION}')" 2>/dev/null; then
  step "a Python venv" python3 -m venv .venv
  step "botocore ${BOTOCORE_VERSION} into .venv" .venv/bin/pip install --quiet --disable-pip-version-check "botocore==${BOTOCORE_VERSION}"
fi
# Every crate the builds and `cargo deny --offline` need, into the cargo registry (a no-op when
# they are there already). The fuzz harness has its own lockfile.
step "the locked crates (cargo fetch)" cargo fetch --locked --quiet
step "the fuzz harness's crates (cargo fetch)" cargo fetch --quiet --manifest-path fuzz/Cargo.toml
step "the SSR example's crates (cargo fetch)" cargo fetch --locked --quiet --manifest-path examples/ssr/Cargo.toml
if [ -n "$apt_pid" ]; then
  wait "$apt_pid"
fi
log "ready"
