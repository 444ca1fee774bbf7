//! Pemilu Widget: an embeddable Indonesian election widget (countdown, parties, hoax quiz).
//!
//! `domain` is plain Rust, tested natively; `web` (only on `wasm32`) is the embed layer and the
//! Yew view over it.

pub mod domain;

#[cfg(target_arch = "wasm32")]
mod web;
