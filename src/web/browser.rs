//! Every way the widget touches the browser, in one place: the clock, `Intl` formatting,
//! CSS checks, JSON, loading files (through the entry script's loader), events and console
//! warnings.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

use crate::domain::election::TimeUnit;
use crate::domain::i18n::Lang;
use crate::domain::json::Json;

/// The current instant, in milliseconds since the epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Whether the page is hidden (background tab): no ticking then.
pub fn page_hidden() -> bool {
    gloo_utils_document().map(|d| d.hidden()).unwrap_or(false)
}

fn gloo_utils_document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// `CSS.supports("color", value)`.
pub fn is_css_color(value: &str) -> bool {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).ok();
    let supports = css.as_ref().and_then(|c| Reflect::get(c, &"supports".into()).ok()).and_then(|f| f.dyn_into::<Function>().ok());
    match (css, supports) {
        (Some(css), Some(f)) => f.call2(&css, &"color".into(), &value.into()).map(|v| v.is_truthy()).unwrap_or(false),
        _ => false,
    }
}

fn obj(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

/// Formats `v` through the entry script's `fmt` (`Intl`, one cached formatter per language, kind
/// and zone, and plain text where the browser lacks a formatter): see web/pemilu-widget.js for the
/// kinds.
fn fmt(lang: Lang, kind: &str, tz: Option<&str>, v: JsValue, unit: &str) -> String {
    SERVICES
        .with(|s| {
            let f = Reflect::get(&s.borrow(), &"fmt".into()).ok()?.dyn_into::<Function>().ok()?;
            let args = Array::of5(&lang.locale().into(), &kind.into(), &tz.unwrap_or_default().into(), &v, &unit.into());
            f.apply(&JsValue::NULL, &args).ok()?.as_string()
        })
        .unwrap_or_default()
}

/// How an instant or date is written.
#[derive(Clone, Copy)]
pub enum DateStyle {
    /// "Rabu, 14 Februari 2024".
    WeekdayDate,
    /// "14 Feb 2024".
    ShortDate,
    /// "07.00" (id) / "07:00" (en), 24-hour.
    Time,
}

/// Formats an instant in `tz` (an IANA zone; `None` is the reader's own zone).
pub fn format_instant(lang: Lang, style: DateStyle, tz: Option<&'static str>, ms: i64) -> String {
    let kind = match style {
        DateStyle::WeekdayDate => "w",
        DateStyle::ShortDate => "d",
        DateStyle::Time => "t",
    };
    fmt(lang, kind, tz, (ms as f64).into(), "")
}

/// Formats a civil date (days since 1970-01-01), independent of any zone.
pub fn format_day(lang: Lang, style: DateStyle, day: i64) -> String {
    format_instant(lang, style, Some("UTC"), day * crate::domain::time::DAY_MS)
}

/// Formats a whole number with the language's grouping ("1.019" / "1,019").
pub fn format_int(lang: Lang, n: i64) -> String {
    fmt(lang, "n", None, (n as f64).into(), "")
}

/// A large number as a reader says it: "204,8 juta" / "204.8 million"; small ones in full.
pub fn format_compact(lang: Lang, n: u64) -> String {
    fmt(lang, if n < 10_000 { "n" } else { "c" }, None, (n as f64).into(), "")
}

/// A percentage with two decimals ("16,72%" / "16.72%"), from a value in percent.
pub fn format_percent(lang: Lang, percent: f64) -> String {
    fmt(lang, "p", None, (percent / 100.0).into(), "")
}

/// A percentage with at most two decimals ("4%", "81,78%").
pub fn format_percent_short(lang: Lang, percent: f64) -> String {
    fmt(lang, "q", None, (percent / 100.0).into(), "")
}

/// "kemarin", "3 bulan yang lalu", "dalam 2 tahun" / "yesterday", "3 months ago", "in 2 years":
/// `n` units from now (negative: in the past).
pub fn format_relative(lang: Lang, n: i64, unit: TimeUnit) -> String {
    fmt(lang, "r", None, (n as f64).into(), unit.name())
}

/// The reader's own IANA time zone, e.g. "Europe/Berlin".
pub fn reader_time_zone() -> String {
    fmt(Lang::En, "z", None, JsValue::UNDEFINED, "")
}

/// A value parsed by the browser's `JSON.parse`, read through the domain's [`Json`] view.
pub struct JsJson(JsValue);

impl Json for JsJson {
    fn field(&self, key: &str) -> Option<Self> {
        if !self.0.is_object() || Array::is_array(&self.0) {
            return None;
        }
        let v = Reflect::get(&self.0, &key.into()).ok()?;
        (!v.is_undefined() && !v.is_null()).then_some(JsJson(v))
    }
    fn string(&self) -> Option<String> {
        self.0.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn array(&self) -> Option<Vec<Self>> {
        Array::is_array(&self.0).then(|| Array::from(&self.0).iter().map(JsJson).collect())
    }
    fn boolean(&self) -> Option<bool> {
        // Compared with the constants (an import the glue already has), not `as_bool`.
        let is_true = self.0 == JsValue::TRUE;
        (is_true || self.0 == JsValue::FALSE).then_some(is_true)
    }
}

/// Parses JSON text with the browser's `JSON.parse`.
pub fn parse_json(text: &str) -> Result<JsJson, String> {
    JSON::parse(text).map(JsJson).map_err(|e| js_error_text(&e))
}

thread_local! {
    /// The entry script's services, handed over with every mount: `emit` (dispatches a widget's
    /// event), and `load` and `share` (web/pemilu-services.js, imported on first use).
    static SERVICES: RefCell<JsValue> = const { RefCell::new(JsValue::UNDEFINED) };
}

/// Keeps the entry script's services for [`load_checked`] and [`share`].
pub fn set_services(s: JsValue) {
    SERVICES.with(|v| *v.borrow_mut() = s);
}

/// Calls service `name` with `args` and waits for its answer (`None` if it is missing or failed).
async fn service(name: &str, args: &Array) -> Option<JsValue> {
    let promise = SERVICES.with(|s| {
        let f = Reflect::get(&s.borrow(), &name.into()).ok()?.dyn_into::<Function>().ok()?;
        f.apply(&JsValue::NULL, args).ok()
    })?;
    JsFuture::from(js_sys::Promise::from(promise)).await.ok()
}

/// Loads a JSON file through web/pemilu-services.js (one request per URL per page, a time limit,
/// a size cap, the last good copy in `localStorage`) and hands each candidate to `check`: the
/// fresh file, then, if it fails, its last good copy. Returns whether `check` accepted one and,
/// when the fresh file failed, the `pemilu:error` code and the translated message (which says so
/// when the saved copy is shown, with its date). The loader has told the console what was wrong.
pub async fn load_checked(
    url: &str,
    lang: Lang,
    quiz: bool,
    check: &mut dyn FnMut(&JsJson) -> Result<(), String>,
) -> (bool, Option<(String, String)>) {
    let mut got = service("load", &Array::of3(&url.into(), &lang.code().into(), &quiz.into())).await.unwrap_or_default();
    let get = |o: &JsValue, k: &str| Reflect::get(o, &k.into()).ok().filter(|v| !v.is_undefined() && !v.is_null());
    let method = |o: &JsValue, k: &str| get(o, k).and_then(|f| f.dyn_into::<Function>().ok());
    let ok = loop {
        let Some(json) = get(&got, "json") else { break false };
        match check(&JsJson(json)) {
            Ok(()) => {
                let _ = method(&got, "ok").map(|f| f.call0(&got));
                break true;
            }
            Err(detail) => match method(&got, "next").and_then(|f| f.call1(&got, &detail.into()).ok()) {
                Some(next) => got = next,
                None => break false,
            },
        }
    };
    let text = |k: &str| get(&got, k).and_then(|v| v.as_string());
    (ok, text("code").zip(text("message")))
}

fn js_error_text(e: &JsValue) -> String {
    Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| "?".into())
}

/// Dispatches `name` on the host as a bubbling, composed `CustomEvent` whose `detail` is a plain
/// object of the given members.
/// (through the entry script's `emit`: one line of JS instead of the event's bindings here).
pub fn dispatch(host: &HtmlElement, name: &str, detail: &[(&str, JsValue)]) {
    SERVICES.with(|s| {
        if let Some(f) = Reflect::get(&s.borrow(), &"emit".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
            let _ = f.call3(&JsValue::NULL, host, &name.into(), &obj(detail));
        }
    });
}

/// A list of strings for an event's `detail`.
pub fn strs(list: &[&str]) -> JsValue {
    list.iter().map(|s| JsValue::from_str(s)).collect::<Array>().into()
}

/// One `console.warn` line.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("[pemilu-widget] {message}").into());
}

/// Sets a CSS custom property through the CSSOM (allowed under a strict CSP).
pub fn set_css_var(el: &HtmlElement, name: &str, value: Option<&str>) {
    let style = el.style();
    let _ = match value {
        Some(v) => style.set_property(name, v),
        None => style.remove_property(name).map(|_| ()),
    };
}

/// The reader's current offset from UTC, in minutes (east positive).
pub fn reader_offset() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The reader's local calendar day (days since 1970-01-01).
pub fn today() -> i64 {
    crate::domain::time::local_day(now_ms(), reader_offset())
}

/// A random seed (`Math.random`), for rounds without `data-seed`.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A value from `localStorage`; `None` when absent or when storage is unavailable (privacy modes).
pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores a value; silently does nothing where storage is unavailable or full.
pub fn store(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(key, value);
    }
}

/// Where the page is, for storage keys and the share text.
pub fn page_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// Shares `text` and the article's address (web/pemilu-services.js): with the Web Share API where
/// available, else copied to the clipboard. `Ok(true)`: shared (or the reader cancelled);
/// `Ok(false)`: copied; `Err(())`: neither worked.
pub async fn share(title: &str, text: &str) -> Result<bool, ()> {
    match service("share", &Array::of2(&title.into(), &text.into())).await.and_then(|v| v.as_string()).as_deref() {
        Some("shared") => Ok(true),
        Some("copied") => Ok(false),
        _ => Err(()),
    }
}

/// A number for an event's `detail`.
pub fn num(n: usize) -> JsValue {
    JsValue::from_f64(n as f64)
}

/// The host's place among the page's `[data-pemilu-widget]` elements (a stable storage key for a
/// widget without an `id`).
pub fn widget_index(host: &HtmlElement) -> Option<usize> {
    let all = web_sys::window()?.document()?.query_selector_all("[data-pemilu-widget]").ok()?;
    (0..all.length()).find(|i| all.item(*i).is_some_and(|n| n.is_same_node(Some(host)))).map(|i| i as usize)
}
