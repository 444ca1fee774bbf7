#!/usr/bin/env bash
# The benchmark: builds dist/, then measures sizes, first render, layout shift and blocking time
# with and without the widgets, work per countdown tick, and memory after mount/unmount cycles.
# RUNS=5 TICKS=31 scripts/bench.sh. Writes bench/report.json. Takes about 90 s per run.
# `scripts/bench.sh worst`: the worst data files within the caps instead (bench/worst.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
# Cargo-installed tools (wasm-bindgen) live here, even where a login shell did not add it to PATH.
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh --test
scripts/build.sh
if [ "${1:-}" = worst ]; then exec node bench/worst.mjs; fi
exec node bench/bench.mjs
