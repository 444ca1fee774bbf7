//! The newsroom studio (`dist/studio.html`): configure a widget and copy its embed code, author and
//! check a dataset or a question bank. Built with the `studio` feature into its own Wasm, so
//! readers never download it; the checks are the widget's own readers from `domain`.

pub(crate) mod check;
pub(crate) mod model;
pub(crate) mod words;

#[cfg(all(target_arch = "wasm32", feature = "studio"))]
mod view;
