#!/usr/bin/env bash
# Runs every fuzz target of the core for N executions each (default 10 million) and prints the
# figures. libFuzzer through cargo-fuzz on the stable toolchain: RUSTC_BOOTSTRAP allows the
# coverage flags, and --sanitizer none needs no nightly sanitizer runtime (safe Rust only).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
runs=${1:-10000000}
export RUSTC_BOOTSTRAP=1
targets=$(cargo fuzz list)
for target in $targets; do
  mkdir -p "corpus/$target"
  start=$SECONDS
  log=$(mktemp)
  if ! cargo fuzz run --sanitizer none "$target" "corpus/$target" "seeds/$target" -- -runs="$runs" -seed=1 -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target FAILED (artifacts in fuzz/artifacts/$target)"
    exit 1
  fi
  done_runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' || echo "?")
  printf 'fuzz: %-16s %12s executions, no crash, %ss\n' "$target" "$done_runs" $((SECONDS - start))
  rm -f "$log"
done
