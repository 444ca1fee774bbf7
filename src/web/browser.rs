//! Every way the widget touches the browser, in one place: the clock, `Intl` formatting,
//! CSS checks, JSON, loading files (through the entry script's loader), events and console
//! warnings.

use js_sys::{Array, Function, Object, Promise, Reflect, JSON};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

use crate::domain::contract::Event;
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

/// `CSS.supports("color", value)` (false where the browser cannot tell).
pub fn is_css_color(value: &str) -> bool {
    js_is_color(value)
}

fn obj(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

/// Formats `v` through the runtime's `fmt` (`Intl`, one cached formatter per language, kind and
/// zone, and plain text where the browser lacks a formatter).
fn fmt(lang: Lang, kind: &str, tz: Option<&str>, v: f64, unit: &str) -> String {
    js_fmt(lang.locale(), kind, tz.unwrap_or_default(), v, unit)
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
    fmt(lang, kind, tz, ms as f64, "")
}

/// Formats a civil date (days since 1970-01-01), independent of any zone.
pub fn format_day(lang: Lang, style: DateStyle, day: i64) -> String {
    format_instant(lang, style, Some("UTC"), day * crate::domain::time::DAY_MS)
}

/// Formats a whole number with the language's grouping ("1.019" / "1,019").
pub fn format_int(lang: Lang, n: i64) -> String {
    fmt(lang, "n", None, n as f64, "")
}

/// A large number as a reader says it: "204,8 juta" / "204.8 million"; small ones in full.
pub fn format_compact(lang: Lang, n: u64) -> String {
    fmt(lang, if n < 10_000 { "n" } else { "c" }, None, n as f64, "")
}

/// A percentage with two decimals ("16,72%" / "16.72%"), from a value in percent.
pub fn format_percent(lang: Lang, percent: f64) -> String {
    fmt(lang, "p", None, percent / 100.0, "")
}

/// A percentage with at most two decimals ("4%", "81,78%").
pub fn format_percent_short(lang: Lang, percent: f64) -> String {
    fmt(lang, "q", None, percent / 100.0, "")
}

/// "kemarin", "3 bulan yang lalu", "dalam 2 tahun" / "yesterday", "3 months ago", "in 2 years":
/// `n` units from now (negative: in the past).
pub fn format_relative(lang: Lang, n: i64, unit: TimeUnit) -> String {
    fmt(lang, "r", None, n as f64, unit.name())
}

/// The reader's own IANA time zone, e.g. "Europe/Berlin".
pub fn reader_time_zone() -> String {
    fmt(Lang::En, "z", None, 0.0, "")
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

// Every signature here needs a conversion (a string, an `Option`), so that wasm-bindgen routes
// the call through the glue, into which scripts/pack.mjs inlines the runtime; pack fails otherwise.
#[wasm_bindgen(module = "/web/pemilu-runtime.js")]
extern "C" {
    /// `Intl` formatting (see web/pemilu-runtime.js for the kinds).
    #[wasm_bindgen(js_name = fmt)]
    fn js_fmt(locale: &str, kind: &str, zone: &str, v: f64, unit: &str) -> String;
    /// Dispatches a widget's event on its host.
    #[wasm_bindgen(js_name = emit)]
    fn js_emit(host: &HtmlElement, name: &str, detail: &Object);
    /// Gives a shadow root the widget's stylesheet; its text comes with the first call only.
    #[wasm_bindgen(js_name = style)]
    pub fn js_style(shadow: &web_sys::ShadowRoot, css: Option<String>);
    /// Loads a file: a promise of the first candidate (web/pemilu-services.js).
    #[wasm_bindgen(js_name = load)]
    fn js_load(url: &str, lang: &str, quiz: bool, instead: Option<String>, instead_day: f64) -> js_sys::Promise;
    /// Shares a text and a link: a promise of "shared", "copied" or "failed".
    #[wasm_bindgen(js_name = share)]
    fn js_share(title: &str, text: &str, url: Option<String>) -> js_sys::Promise;
    /// `CSS.supports("color", value)`.
    #[wasm_bindgen(js_name = isColor)]
    fn js_is_color(value: &str) -> bool;
    /// Sets (or, without a value, removes) a CSS custom property.
    #[wasm_bindgen(js_name = cssVar)]
    fn js_css_var(el: &HtmlElement, name: &str, value: Option<String>);
    /// Reads (`value` absent) or writes `localStorage`, never throwing.
    #[wasm_bindgen(js_name = store)]
    fn js_store(key: &str, value: Option<String>) -> Option<String>;
    /// The page's path.
    #[wasm_bindgen(js_name = path)]
    fn js_path() -> String;
    /// The host's index among the page's widgets.
    #[wasm_bindgen(js_name = index)]
    fn js_index(host: &HtmlElement) -> Option<u32>;
}

/// Loads a JSON file through web/pemilu-services.js (one request per URL per page, a time limit,
/// a size cap, the last good copy in `localStorage`) and hands each candidate to `check`: the
/// fresh file, then, if it fails, its last good copy. Returns whether `check` accepted one and,
/// when the fresh file failed, the `pemilu:error` code and the translated message (which says so
/// when the saved copy is shown, with its date; without a copy, `instead` names the bundled data
/// shown, with its as-of day). The loader has told the console what was wrong.
pub async fn load_checked(
    url: &str,
    lang: Lang,
    quiz: bool,
    instead: Option<(String, i64)>,
    check: &mut dyn FnMut(&JsJson) -> Result<(), String>,
) -> (bool, Option<(String, String)>) {
    let day = instead.as_ref().map_or(f64::NAN, |(_, d)| *d as f64);
    let mut got = JsFuture::from(js_load(url, lang.code(), quiz, instead.map(|(n, _)| n), day)).await.unwrap_or_default();
    let get = |o: &JsValue, k: &str| Reflect::get(o, &k.into()).ok().filter(|v| !v.is_undefined() && !v.is_null());
    let method = |o: &JsValue, k: &str| get(o, k).and_then(|f| f.dyn_into::<Function>().ok());
    let ok = loop {
        let Some(json) = get(&got, "json") else { break false };
        match check(&JsJson(json)) {
            Ok(()) => {
                // A fresh file: ok() keeps it and answers in a new task, where it is shown (a
                // large file's check and its first render would block the page as one task).
                if let Some(next_task) = method(&got, "ok").and_then(|f| f.call0(&got).ok()).and_then(|p| p.dyn_into::<Promise>().ok()) {
                    let _ = JsFuture::from(next_task).await;
                }
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

/// Dispatches a `pemilu:*` event on the host, bubbling and composed, its `detail` a plain object.
pub fn emit(host: &HtmlElement, event: &Event) {
    let n = |n: usize| JsValue::from_f64(n as f64);
    let detail: Vec<(&str, JsValue)> = match event {
        Event::Ready { modules, lang } => {
            let list: Array = modules.iter().map(|m| JsValue::from_str(m.name())).collect();
            vec![("modules", list.into()), ("lang", lang.code().into())]
        }
        Event::Error { code, message, attribute } => {
            let mut d = vec![("code", code.name().into()), ("message", message.as_str().into())];
            if let Some(a) = attribute {
                d.push(("attribute", a.name().into()));
            }
            d
        }
        Event::QuizStart { total } => vec![("total", n(*total))],
        Event::QuizAnswer { id, answer, correct, index, total } => vec![
            ("id", id.as_str().into()),
            ("answer", (*answer).into()),
            ("correct", (*correct).into()),
            ("index", n(*index)),
            ("total", n(*total)),
        ],
        Event::QuizComplete { score, total, hoaxes_caught, hoaxes_total, facts_trusted, facts_total } => vec![
            ("score", n(*score)),
            ("total", n(*total)),
            ("hoaxesCaught", n(*hoaxes_caught)),
            ("hoaxesTotal", n(*hoaxes_total)),
            ("factsTrusted", n(*facts_trusted)),
            ("factsTotal", n(*facts_total)),
        ],
    };
    js_emit(host, event.name().name(), &obj(&detail));
}

/// One `console.warn` line.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&["[pemilu-widget] ", message].concat().into());
}

/// Sets a CSS custom property through the CSSOM (allowed under a strict CSP); `None` removes it.
pub fn set_css_var(el: &HtmlElement, name: &str, value: Option<&str>) {
    js_css_var(el, name, value.map(Into::into));
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

/// A value from `localStorage`; `None` when absent or when storage is unavailable (privacy modes).
pub fn load(key: &str) -> Option<String> {
    js_store(key, None)
}

/// Stores a value; silently does nothing where storage is unavailable or full.
pub fn store(key: &str, value: &str) {
    js_store(key, Some(value.into()));
}

/// Where the page is, for storage keys.
pub fn page_path() -> String {
    js_path()
}

/// Shares `text` and a link (web/pemilu-services.js): `url`, or the article's own address (its
/// canonical URL, else its address without query), with the Web Share API where available, else
/// copied to the clipboard. `Ok(true)`: shared (or the reader cancelled); `Ok(false)`: copied;
/// `Err(())`: neither worked.
pub async fn share(title: &str, text: &str, url: Option<&str>) -> Result<bool, ()> {
    match JsFuture::from(js_share(title, text, url.map(Into::into))).await.ok().and_then(|v| v.as_string()).as_deref() {
        Some("shared") => Ok(true),
        Some("copied") => Ok(false),
        _ => Err(()),
    }
}

/// The host's place among the page's `[data-pemilu-widget]` elements (a stable storage key for a
/// widget without an `id`).
pub fn widget_index(host: &HtmlElement) -> Option<usize> {
    js_index(host).map(|i| i as usize)
}
