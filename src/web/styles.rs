//! The widget's stylesheet: one constructed `CSSStyleSheet` shared by every shadow root on the
//! page (allowed under `style-src 'self'`, unlike `<style>` elements).

use std::cell::RefCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn sheet() -> Option<CssStyleSheet> {
    SHEET.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_none() {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            *s = Some(sheet);
        }
        s.clone()
    })
}

/// Adds the widget sheet to `shadow.adoptedStyleSheets`, once.
pub fn adopt(shadow: &ShadowRoot) {
    let Some(sheet) = sheet() else { return };
    let key = JsValue::from_str("adoptedStyleSheets");
    let current: Array = Reflect::get(shadow, &key).ok().map(|v| Array::from(&v)).unwrap_or_default();
    if current.includes(&sheet, 0) {
        return;
    }
    let next = current.slice(0, current.length());
    next.push(&sheet);
    let _ = Reflect::set(shadow, &key, &next);
}
