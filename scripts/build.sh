#!/usr/bin/env bash
# Builds dist/: the release Wasm (LTO, wasm-opt -Oz, short import names), the minified JS glue, the entry script, the demo,
# the iframe form and the data files. Prints the size of what a reader downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
# Cargo-installed tools (wasm-bindgen) live here, even where a login shell did not add it to PATH.
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh

version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
target=target/wasm32-unknown-unknown/release/pemilu_widget.wasm

# --crate-type cdylib here so LTO is not skipped (the manifest also lists rlib for native tests).
cargo rustc -q --lib --release --target wasm32-unknown-unknown --crate-type cdylib

rm -rf dist && mkdir -p dist/data
wasm-bindgen --target web --no-typescript --out-dir dist --out-name pemilu-core "$target"

reserve=$(node scripts/reserve.mjs shadow)
sed -e "s/__PEMILU_VERSION__/$version/" -e "s/__PEMILU_RESERVE_CSS__/$reserve/" web/pemilu-widget.js > dist/pemilu-widget.js
# wasm-opt -Oz with short import/export names, the glue rewritten to match, glue and entry minified.
node scripts/pack.mjs dist pemilu-widget.js
node scripts/reserve.mjs host > dist/pemilu-widget.css
cp web/pemilu-embed.js web/embed.html web/pemilu-frame.js web/pemilu-frame.css dist/
cp index.html dist/index.html && cp web/demo.css dist/
cp data/pemilu-2024.json data/quiz-id.json data/quiz-en.json data/election.schema.json data/quiz.schema.json dist/data/

node scripts/sizes.mjs
