//! Every way the widget touches the browser, in one place: the clock, `Intl` formatting,
//! CSS checks, JSON, fetch, events and console warnings.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Intl, Object, Reflect, JSON};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::domain::i18n::Lang;

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

/// Key of a cached `Intl` formatter: language, kind, time zone.
type FmtKey = (Lang, &'static str, Option<&'static str>);

thread_local! {
    static FORMATTERS: RefCell<HashMap<FmtKey, Function>> = RefCell::new(HashMap::new());
}

/// A cached `Intl` format function (creating one is far costlier than calling it).
fn formatter(lang: Lang, kind: &'static str, tz: Option<&'static str>) -> Function {
    FORMATTERS.with(|cache| {
        cache
            .borrow_mut()
            .entry((lang, kind, tz))
            .or_insert_with(|| {
                let locales = Array::of1(&lang.locale().into());
                let mut opts: Vec<(&str, JsValue)> = match kind {
                    "weekday-date" => {
                        vec![("weekday", "long".into()), ("day", "numeric".into()), ("month", "long".into()), ("year", "numeric".into())]
                    }
                    "short-date" => vec![("day", "numeric".into()), ("month", "short".into()), ("year", "numeric".into())],
                    "time" => vec![("hour", "2-digit".into()), ("minute", "2-digit".into()), ("hourCycle", "h23".into())],
                    _ => vec![],
                };
                if let Some(tz) = tz {
                    opts.push(("timeZone", tz.into()));
                }
                let opts = obj(&opts);
                if kind == "number" {
                    Intl::NumberFormat::new(&locales, &opts).format()
                } else {
                    Intl::DateTimeFormat::new(&locales, &opts).format()
                }
            })
            .clone()
    })
}

fn call_fmt(f: &Function, arg: &JsValue) -> String {
    f.call1(&JsValue::NULL, arg).ok().and_then(|v| v.as_string()).unwrap_or_default()
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
        DateStyle::WeekdayDate => "weekday-date",
        DateStyle::ShortDate => "short-date",
        DateStyle::Time => "time",
    };
    call_fmt(&formatter(lang, kind, tz), &js_sys::Date::new(&(ms as f64).into()))
}

/// Formats a civil date (days since 1970-01-01), independent of any zone.
pub fn format_day(lang: Lang, style: DateStyle, day: i64) -> String {
    format_instant(lang, style, Some("UTC"), day * crate::domain::time::DAY_MS)
}

/// Formats a whole number with the language's grouping ("1.019" / "1,019").
pub fn format_int(lang: Lang, n: i64) -> String {
    call_fmt(&formatter(lang, "number", None), &(n as f64).into())
}

/// "1.019 hari yang lalu" / "1,019 days ago" / "hari ini" / "today".
pub fn format_days_ago(lang: Lang, days: i64) -> String {
    let locales = Array::of1(&lang.locale().into());
    let opts = obj(&[("numeric", "auto".into())]);
    let rtf = Intl::RelativeTimeFormat::new(&locales, &opts);
    rtf.format(-(days as f64), "day").into()
}

/// The reader's own IANA time zone, e.g. "Europe/Berlin".
pub fn reader_time_zone() -> String {
    let dtf = Intl::DateTimeFormat::new(&Array::new(), &Object::new());
    Reflect::get(&dtf.resolved_options(), &"timeZone".into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| "UTC".into())
}

/// Parses JSON text with the browser's `JSON.parse` and deserialises it.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let v = JSON::parse(text).map_err(|e| js_error_text(&e))?;
    serde_wasm_bindgen::from_value(v).map_err(|e| e.to_string())
}

/// Fetches a URL (relative to the page) and deserialises its JSON body.
/// `Err(None)` is a network or HTTP failure; `Err(Some(detail))` is a body of the wrong shape.
pub async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, Option<String>> {
    let window = web_sys::window().ok_or(None)?;
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| None)?.dyn_into().map_err(|_| None)?;
    if !resp.ok() {
        return Err(None);
    }
    let json = JsFuture::from(resp.json().map_err(|_| None)?).await.map_err(|e| Some(js_error_text(&e)))?;
    serde_wasm_bindgen::from_value(json).map_err(|e| Some(e.to_string()))
}

fn js_error_text(e: &JsValue) -> String {
    Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| "?".into())
}

/// A value for an event's `detail`.
pub enum Detail<'a> {
    Str(&'a str),
    Strs(&'a [&'a str]),
}

/// Dispatches `name` on the host as a bubbling, composed `CustomEvent` with a plain-object detail.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &[(&str, Detail<'_>)]) {
    let d = Object::new();
    for (k, v) in detail {
        let value: JsValue = match v {
            Detail::Str(s) => (*s).into(),
            Detail::Strs(list) => list.iter().map(|s| JsValue::from_str(s)).collect::<Array>().into(),
        };
        let _ = Reflect::set(&d, &(*k).into(), &value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&d);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
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
