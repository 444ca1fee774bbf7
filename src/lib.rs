//! Pemilu Widget: an embeddable Indonesian election widget (countdown, parties, hoax quiz).
//!
//! `domain` is plain Rust, tested natively; `web` (only on `wasm32`) is the embed layer and the
//! Yew view over it.

// Crate-private, so that code nothing uses is reported. Natively (tests only) the browser layer
// is absent and everything would look unused: the wasm32 build and clippy run report dead code.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod domain;

#[cfg(target_arch = "wasm32")]
mod web;

/// Talc instead of the default dlmalloc: smaller in Wasm, and the widget is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
