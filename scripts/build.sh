#!/usr/bin/env bash
# Builds dist/: the release Wasm (LTO, wasm-opt -Oz, short import names), the minified JS glue, the entry script, the demo,
# the iframe form and the data files. Prints the size of what a reader downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
# Cargo-installed tools (wasm-bindgen) live here, even where a login shell did not add it to PATH.
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh

version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
target=target/release-wasm/wasm32-unknown-unknown/release/pemilu_widget.wasm

# The release Wasm: LTO, opt-level z, and --crate-type cdylib so that LTO is not skipped (the
# manifest also lists rlib for native tests). It is built by the pinned nightly named in
# scripts/nightly-toolchain, with -Zbuild-std (and std's optimize_for_size feature) so that the
# standard library is compiled for size along with the widget, and with -Cpanic=immediate-abort so
# that a panic is a bare trap instead of a message formatter. Together: about 12 KB brotli less for
# every reader (measured on 2026-11-29: the Wasm went from 109.7 to 98.0 KB brotli). A panic aborts
# the module in either build; the widget's code is written not to panic. The build has its own
# target directory, so the stable builds (clippy, tests) do not invalidate it.
# If the nightly cannot build (a toolchain that no longer installs, a flag renamed) or the glue
# rewrite fails (a wasm-bindgen change), the build falls back to the plain route: larger but
# working. It says so on stderr, writes dist/BUILD-FALLBACK, and the size check reports it.
# PEMILU_FORCE_FALLBACK=nightly,pack tries the fallbacks on purpose.
force="${PEMILU_FORCE_FALLBACK:-}"
fallback=()
loud() { printf '\n!!! build.sh: %s\n\n' "$1" >&2; }
if [[ "$force" == *nightly* ]] || ! RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none" \
  cargo +"$(cat scripts/nightly-toolchain)" rustc -q --lib --release --target wasm32-unknown-unknown --crate-type cdylib \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --target-dir target/release-wasm; then
  loud "the pinned nightly ($(cat scripts/nightly-toolchain)) did not build the Wasm: FALLING BACK to stable, without build-std (about 12 KB brotli larger). Update scripts/nightly-toolchain."
  cargo rustc -q --lib --release --target wasm32-unknown-unknown --crate-type cdylib --target-dir target/release-wasm-stable
  target=target/release-wasm-stable/wasm32-unknown-unknown/release/pemilu_widget.wasm
  fallback+=("stable toolchain instead of the pinned nightly")
fi

bindgen() {
  rm -rf dist && mkdir -p dist/data
  wasm-bindgen --target web --no-typescript --out-dir dist --out-name pemilu-core "$target"
  reserve=$(node scripts/reserve.mjs shadow)
  sed -e "s/__PEMILU_VERSION__/$version/" -e "s/__PEMILU_RESERVE_CSS__/$reserve/" web/pemilu-widget.js > dist/pemilu-widget.js
}
bindgen
# wasm-opt -Oz with short import/export names, the glue rewritten to match, glue and entry minified.
if [[ "$force" == *pack* ]] || ! node scripts/pack.mjs dist pemilu-widget.js; then
  loud "scripts/pack.mjs failed: FALLING BACK to wasm-bindgen's own glue and an unoptimised Wasm (larger, one more request for the runtime). Fix the pack step."
  bindgen
  cp web/pemilu-services.js dist/
  # The runtime stays a snippet file; it imports the services next to itself.
  for d in dist/snippets/*/web; do cp web/pemilu-services.js "$d/"; done
  fallback+=("wasm-bindgen's glue instead of the packed one")
fi
# Content-hashed names for the glue, the Wasm and the services (the entry script keeps its name).
if ((${#fallback[@]} == 0)); then node scripts/hash.mjs dist; fi
node scripts/reserve.mjs host > dist/pemilu-widget.css
cp web/pemilu-embed.js web/embed.html web/pemilu-frame.js web/pemilu-frame.css dist/
cp index.html dist/index.html && cp web/demo.css dist/
cp data/pemilu-2024.json data/pilkada-jakarta-2024.json data/quiz-id.json data/quiz-en.json \
  data/quiz-pilkada-jakarta-2024-id.json data/quiz-pilkada-jakarta-2024-en.json data/election.schema.json data/quiz.schema.json dist/data/
if ((${#fallback[@]})); then
  printf '%s\n' "${fallback[@]}" > dist/BUILD-FALLBACK
fi

# The studio (dist/studio.html): the same crate with the `studio` feature, its own Wasm, built by
# stable Rust into its own target directory. Nothing a reader downloads refers to it.
RUSTFLAGS="--cfg pemilu_studio" cargo build -q --lib --release --target wasm32-unknown-unknown --features studio --target-dir target/release-studio
wasm-bindgen --target web --no-typescript --out-dir dist --out-name pemilu-studio \
  target/release-studio/wasm32-unknown-unknown/release/pemilu_widget.wasm
# -Oz: 205 → 151 KB brotli (measured on 2026-12-06), ten seconds.
node_modules/.bin/wasm-opt --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types -Oz dist/pemilu-studio_bg.wasm -o dist/pemilu-studio_bg.wasm
cp web/studio.html web/studio.css web/pemilu-studio-start.js dist/

node scripts/sizes.mjs
