//! Pemilu Widget: an embeddable Indonesian election widget (countdown, parties, hoax quiz).
//!
//! `domain` is plain Rust, tested natively; `web` (only on `wasm32`) is the embed layer and the
//! Yew view over it. With the `studio` feature the crate builds the newsroom studio instead
//! (`studio`): the same domain, its own Wasm, so that readers never download it.

// Crate-private, so that code nothing uses is reported. Natively (tests only) the browser layer
// is absent and everything would look unused: the wasm32 build and clippy run report dead code.
// The studio uses a part of the domain, so there too.
#[cfg_attr(any(not(target_arch = "wasm32"), feature = "studio"), allow(dead_code))]
mod domain;

#[cfg(all(target_arch = "wasm32", not(feature = "studio")))]
mod web;

#[cfg(any(test, feature = "studio"))]
mod studio;

/// Talc instead of the default dlmalloc: smaller in Wasm, and the widget is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
