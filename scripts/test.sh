#!/usr/bin/env bash
# Runs every test: formatting, clippy (native and wasm32), native unit tests, the release build
# with its size budgets, the browser tests in headless Chromium against dist/, and a smoke test of
# the demo in Firefox and WebKit.
set -euo pipefail
cd "$(dirname "$0")/.."
# Cargo-installed tools (wasm-bindgen) live here, even where a login shell did not add it to PATH.
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh --test

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy (native, wasm32)"
cargo clippy -q --all-targets -- -D warnings
cargo clippy -q --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy -q --lib --target wasm32-unknown-unknown --features studio -- -D warnings
echo "== native unit tests"
cargo test -q
echo "== build dist/ (with size budgets)"
scripts/build.sh
echo "== browser tests (headless Chromium)"
node --test --test-concurrency=1 --test-reporter=spec tests/e2e/
echo "== cross-engine smoke test (Firefox, WebKit)"
node tests/engines/smoke.mjs
