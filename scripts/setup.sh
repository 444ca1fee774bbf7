#!/usr/bin/env bash
# Installs what the build (and, with --test, the browser tests) needs on a fresh Debian machine.
# Quiet and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
# Cargo-installed tools (wasm-bindgen) live here, even where a login shell did not add it to PATH.
export PATH="$HOME/.cargo/bin:$PATH"

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >/dev/null
fi

# The release Wasm is built by a pinned nightly that rebuilds the standard library for size, with
# panics compiled to a bare trap (scripts/build.sh says why). Native tests and clippy use stable.
nightly=$(cat scripts/nightly-toolchain)
# (Checked in this order so that rustup never auto-installs the toolchain with its default profile.)
if ! rustup toolchain list 2>/dev/null | grep -q "^$nightly-" \
  || ! rustup +"$nightly" component list --installed 2>/dev/null | grep -qx rust-src \
  || ! rustup +"$nightly" target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "setup: installing $nightly with rust-src and the wasm32 target (once, about 20 s)"
  rustup toolchain install "$nightly" --profile minimal --component rust-src --target wasm32-unknown-unknown >/dev/null \
    || echo "setup: could not install $nightly; scripts/build.sh will fall back to stable (a larger Wasm)" >&2
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wb=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb" ]; then
  echo "setup: installing wasm-bindgen-cli $wb (about 2 minutes, once)"
  cargo install -q wasm-bindgen-cli --version "=$wb" --locked 2>/dev/null \
    || cargo install -q wasm-bindgen-cli --version "=$wb"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/terser ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm tooling (binaryen, terser, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

# The browser tests run in Debian's Chromium; the cross-engine smoke test (tests/engines/) in
# Debian's Firefox ESR and WebKitGTK (its WebDriver, in a virtual display).
if [ "$want_test" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
  || ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null; }; then
  echo "setup: installing Debian's chromium, firefox-esr, webkit2gtk-driver and xvfb (once)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium chromium-driver firefox-esr webkit2gtk-driver xvfb xauth >/dev/null
fi
