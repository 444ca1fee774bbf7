#!/usr/bin/env bash
# Builds dist/ and serves the demo article on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
# Cargo-installed tools (wasm-bindgen) live here, even where a login shell did not add it to PATH.
export PATH="$HOME/.cargo/bin:$PATH"
scripts/build.sh
exec node scripts/serve.mjs
