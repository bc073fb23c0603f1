#!/usr/bin/env bash
# `make test`: every check in order, stopping at the first failure, with each stage's time.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export GECKODRIVER=${GECKODRIVER:-$(command -v geckodriver || echo "$HOME/.cargo/bin/geckodriver")}
export CARGO_TERM_COLOR=never

summary=()
stage() {
  local name=$1; shift
  local start=$SECONDS
  printf '\n=== %s\n' "$name"
  if ! "$@"; then
    printf '\n=== FAILED: %s (after %ss)\n' "$name" $((SECONDS - start))
    printf '%s\n' "${summary[@]}"
    exit 1
  fi
  summary+=("$(printf '%-28s %4ss' "$name" $((SECONDS - start)))")
}

stage "bootstrap" scripts/bootstrap.sh
stage "cargo fmt --check" cargo fmt --all --check
stage "cargo fmt --check (examples/ssr)" cargo fmt --manifest-path examples/ssr/Cargo.toml --check
stage "endpoint rules match the AWS SDK" node scripts/endpoint-rules.mjs --check
stage "clippy (host)" cargo clippy --all-targets --locked -- -D warnings
stage "clippy (host, ssr)" cargo clippy --all-targets --locked --features ssr -- -D warnings
stage "clippy (wasm32)" cargo clippy --all-targets --locked --features csr --target wasm32-unknown-unknown -- -D warnings
stage "clippy (wasm32, hydrate)" cargo clippy --lib --locked --features hydrate --target wasm32-unknown-unknown -- -D warnings
stage "clippy (wasm32, headless)" cargo clippy --lib --locked --no-default-features --target wasm32-unknown-unknown -- -D warnings
stage "clippy (wasm32, headless + admin)" cargo clippy --lib --locked --no-default-features --features admin --target wasm32-unknown-unknown -- -D warnings
stage "clippy (wasm32, form without admin)" cargo clippy --all-targets --locked --no-default-features --features csr,locales --target wasm32-unknown-unknown -- -D warnings
stage "cargo deny (licenses, bans, sources)" cargo deny --offline check licenses bans sources
stage "cargo test (host)" cargo test --locked
stage "cargo test (host, ssr)" cargo test --locked --features ssr --test ssr
stage "fuzz (brief)" scripts/fuzz.sh 200000
stage "wasm-pack test (Chrome)" wasm-pack test --headless --chrome --mode no-install -- --features csr
stage "wasm-pack test (Chrome, hydrate)" wasm-pack test --headless --chrome --mode no-install -- --features hydrate --test hydrate
stage "wasm-pack test (Firefox)" wasm-pack test --headless --firefox --mode no-install -- --features csr
stage "wasm-pack test (Chrome, form without admin)" wasm-pack test --headless --chrome --mode no-install -- --no-default-features --features csr,locales --test web
stage "build pkg/ (form, bundler, headless) + npm pack" scripts/pack.sh
stage "byte budgets" node scripts/size-budget.mjs
stage "no builder's path in pkg/" node scripts/check-paths.mjs pkg
stage "build examples/ssr (server + hydrate wasm)" scripts/ssr-example.sh
stage "end-to-end (node --test; Chromium, Firefox, WebKit)" node --test tests/e2e/

printf '\n=== stage times\n'
printf '%s\n' "${summary[@]}"
printf 'total %ss\n' "$SECONDS"
