//! The widget's stylesheet, compiled in: its text goes to the entry script's `style`, which shares
//! one constructed `CSSStyleSheet` among every shadow root on the page (allowed under
//! `style-src 'self'`), or, in browsers without constructable stylesheets, adds a `<style>`
//! element to each.

use std::cell::RefCell;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::ShadowRoot;

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    /// The sheet's text as a JS string, converted once.
    static TEXT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Gives `shadow` the widget's rules (once; the entry script checks).
pub fn adopt(shadow: &ShadowRoot, services: &JsValue) {
    let text = TEXT.with(|t| t.borrow_mut().get_or_insert_with(|| CSS.into()).clone());
    if let Some(f) = Reflect::get(services, &"style".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = f.call2(&JsValue::NULL, shadow, &text);
    }
}
