//! The embed layer: the Wasm exports the entry script calls (`mount`, `unmount`), one Yew app per
//! host element, the shared stylesheet, and configuration errors turned into warnings and events.

mod browser;
mod components;
mod dataset;
mod hooks;
mod markup;
mod styles;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::domain::config::Config;
use crate::domain::contract::{Attr, ErrorCode, Event};
use components::app::{App, AppProps};

struct Mounted {
    app: yew::AppHandle<App>,
    generation: u32,
}

thread_local! {
    static MOUNTED: RefCell<Vec<(u32, Mounted)>> = const { RefCell::new(Vec::new()) };
}

/// Reads one attribute value from the plain object the entry script passes (attribute names as
/// keys, options already merged over attributes).
fn lookup(attrs: &Object, attr: Attr) -> Option<String> {
    let v = Reflect::get(attrs, &attr.name().into()).ok()?;
    if v.is_undefined() || v.is_null() {
        return None;
    }
    // The entry script passes strings only (it applies `String()` to option values).
    v.as_string()
}

/// Mounts (or re-configures) widget `id` on `host`, whose open shadow root the entry script made.
/// `base` is the URL of the folder the entry script was loaded from.
#[wasm_bindgen]
pub fn mount(id: u32, host: HtmlElement, attrs: Object, base: String) -> Result<(), JsValue> {
    let shadow = host.shadow_root().ok_or_else(|| JsValue::from_str("host has no open shadow root"))?;
    styles::adopt(&shadow);
    let config = Config::parse(|a| lookup(&attrs, a), browser::is_css_color);
    for e in &config.errors {
        let msg = e.message(config.lang);
        browser::warn(&msg);
        browser::emit(&host, &Event::Error { code: ErrorCode::InvalidAttribute, message: msg, attribute: Some(e.attr) });
    }
    let config = Rc::new(config);
    MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        if let Some((_, existing)) = m.iter_mut().find(|(k, _)| *k == id) {
            existing.generation += 1;
            existing.app.update(AppProps { host, config, generation: existing.generation, base: base.into(), id });
            return Ok(());
        }
        let root = shadow.owner_document().ok_or("no document")?.create_element("div")?;
        root.set_class_name("pw-root");
        // Before the placeholder: CSS hides the placeholder as soon as the root has content, in
        // the same frame, so the two never stand one above the other.
        shadow.insert_before(&root, shadow.first_child().as_ref())?;
        let app = yew::Renderer::<App>::with_root_and_props(root, AppProps { host, config, generation: 0, base: base.into(), id }).render();
        m.push((id, Mounted { app, generation: 0 }));
        Ok(())
    })
}

/// Destroys widget `id`: its timers and listeners go with it. The entry script empties the
/// shadow root afterwards.
#[wasm_bindgen]
pub fn unmount(id: u32) {
    let removed = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.iter().position(|(k, _)| *k == id).map(|i| m.swap_remove(i).1)
    });
    if let Some(m) = removed {
        m.app.destroy();
    }
}

/// How many widgets are mounted (for the benchmark and tests).
#[wasm_bindgen(js_name = mountedCount)]
pub fn mounted_count() -> u32 {
    MOUNTED.with(|m| m.borrow().len() as u32)
}
