//! The widget's stylesheet, compiled in: its text goes once to the runtime's `style`
//! (web/pemilu-runtime.js), which shares one constructed `CSSStyleSheet` among every shadow root on
//! the page (allowed under `style-src 'self'`), or, in browsers without constructable stylesheets,
//! adds a `<style>` element to each.

use std::cell::Cell;

use web_sys::ShadowRoot;

use crate::web::browser::js_style;

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    /// Whether the runtime has the sheet's text already.
    static SENT: Cell<bool> = const { Cell::new(false) };
}

/// Gives `shadow` the widget's rules (once; the runtime checks).
pub fn adopt(shadow: &ShadowRoot) {
    js_style(shadow, (!SENT.with(|s| s.replace(true))).then(|| CSS.to_string()));
}
