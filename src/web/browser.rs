//! Every way the widget touches the browser, in one place: the clock, `Intl` formatting,
//! CSS checks, JSON, fetch, events and console warnings.

use std::cell::RefCell;

use js_sys::{Array, Function, Intl, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

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

/// Key of a cached `Intl` formatter: language, kind, time zone.
type FmtKey = (Lang, &'static str, Option<&'static str>);

thread_local! {
    static FORMATTERS: RefCell<Vec<(FmtKey, Function)>> = const { RefCell::new(Vec::new()) };
}

/// A cached `Intl` format function (creating one is far costlier than calling it).
fn formatter(lang: Lang, kind: &'static str, tz: Option<&'static str>) -> Function {
    let key = (lang, kind, tz);
    if let Some(f) = FORMATTERS.with(|c| c.borrow().iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone())) {
        return f;
    }
    let locales = Array::of1(&lang.locale().into());
    let mut opts: Vec<(&str, JsValue)> = match kind {
        "weekday-date" => vec![("weekday", "long".into()), ("day", "numeric".into()), ("month", "long".into()), ("year", "numeric".into())],
        "short-date" => vec![("day", "numeric".into()), ("month", "short".into()), ("year", "numeric".into())],
        "time" => vec![("hour", "2-digit".into()), ("minute", "2-digit".into()), ("hourCycle", "h23".into())],
        "percent" => vec![("style", "percent".into()), ("minimumFractionDigits", 2.into()), ("maximumFractionDigits", 2.into())],
        "percent-short" => vec![("style", "percent".into()), ("maximumFractionDigits", 2.into())],
        "number-compact" => vec![("notation", "compact".into()), ("compactDisplay", "long".into()), ("maximumFractionDigits", 1.into())],
        _ => vec![],
    };
    if let Some(tz) = tz {
        opts.push(("timeZone", tz.into()));
    }
    let opts = obj(&opts);
    let f = if kind.starts_with("number") || kind.starts_with("percent") {
        Intl::NumberFormat::new(&locales, &opts).format()
    } else {
        Intl::DateTimeFormat::new(&locales, &opts).format()
    };
    FORMATTERS.with(|c| c.borrow_mut().push((key, f.clone())));
    f
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

/// A large number as a reader says it: "204,8 juta" / "204.8 million"; small ones in full.
pub fn format_compact(lang: Lang, n: u64) -> String {
    call_fmt(&formatter(lang, if n < 10_000 { "number" } else { "number-compact" }, None), &(n as f64).into())
}

/// A percentage with two decimals ("16,72%" / "16.72%"), from a value in percent.
pub fn format_percent(lang: Lang, percent: f64) -> String {
    call_fmt(&formatter(lang, "percent", None), &(percent / 100.0).into())
}

/// A percentage with at most two decimals ("4%", "81,78%").
pub fn format_percent_short(lang: Lang, percent: f64) -> String {
    call_fmt(&formatter(lang, "percent-short", None), &(percent / 100.0).into())
}

thread_local! {
    static RELATIVE: RefCell<Vec<(Lang, Intl::RelativeTimeFormat)>> = const { RefCell::new(Vec::new()) };
}

/// "kemarin", "3 bulan yang lalu", "dalam 2 tahun" / "yesterday", "3 months ago", "in 2 years":
/// `n` units from now (negative: in the past). The formatter is made once per language: a
/// countdown after voting day asks for this on every tick.
pub fn format_relative(lang: Lang, n: i64, unit: TimeUnit) -> String {
    RELATIVE.with(|c| {
        let mut cache = c.borrow_mut();
        let i = match cache.iter().position(|(l, _)| *l == lang) {
            Some(i) => i,
            None => {
                let locales = Array::of1(&lang.locale().into());
                cache.push((lang, Intl::RelativeTimeFormat::new(&locales, &obj(&[("numeric", "auto".into())]))));
                cache.len() - 1
            }
        };
        cache[i].1.format(n as f64, unit.name()).into()
    })
}

/// The reader's own IANA time zone, e.g. "Europe/Berlin".
pub fn reader_time_zone() -> String {
    let dtf = Intl::DateTimeFormat::new(&Array::new(), &Object::new());
    Reflect::get(&dtf.resolved_options(), &"timeZone".into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| "UTC".into())
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

/// Fetches a URL (relative to the page) and parses its JSON body.
/// `Err(None)` is a network or HTTP failure; `Err(Some(detail))` is a body that is not JSON.
pub async fn fetch_json(url: &str) -> Result<JsJson, Option<String>> {
    let window = web_sys::window().ok_or(None)?;
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| None)?.dyn_into().map_err(|_| None)?;
    if !resp.ok() {
        return Err(None);
    }
    let json = JsFuture::from(resp.json().map_err(|_| None)?).await.map_err(|e| Some(js_error_text(&e)))?;
    Ok(JsJson(json))
}

fn js_error_text(e: &JsValue) -> String {
    Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_else(|| "?".into())
}

/// Dispatches `name` on the host as a bubbling, composed `CustomEvent` whose `detail` is a plain
/// object of the given members.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &[(&str, JsValue)]) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&obj(detail));
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
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

/// Shares `text` (and the page's address) with the Web Share API where available, or copies it to
/// the clipboard. `Ok(true)`: shared; `Ok(false)`: copied; `Err(())`: neither worked.
pub async fn share(title: &str, text: &str) -> Result<bool, ()> {
    let window = web_sys::window().ok_or(())?;
    let nav: JsValue = window.navigator().into();
    let href = window.location().href().unwrap_or_default();
    let share = Reflect::get(&nav, &"share".into()).ok().and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(share) = share {
        let data = obj(&[("title", title.into()), ("text", text.into()), ("url", href.as_str().into())]);
        if let Ok(p) = share.call1(&nav, &data) {
            return match JsFuture::from(js_sys::Promise::from(p)).await {
                Ok(_) => Ok(true),
                // The reader cancelled the share sheet: nothing to report.
                Err(e) if Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError") => Ok(true),
                Err(_) => copy(&nav, &format!("{text} {href}")).await,
            };
        }
    }
    copy(&nav, &format!("{text} {href}")).await
}

async fn copy(nav: &JsValue, text: &str) -> Result<bool, ()> {
    let clipboard = Reflect::get(nav, &"clipboard".into()).map_err(|_| ())?;
    let write = Reflect::get(&clipboard, &"writeText".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()).ok_or(())?;
    let p = write.call1(&clipboard, &text.into()).map_err(|_| ())?;
    JsFuture::from(js_sys::Promise::from(p)).await.map(|_| false).map_err(|_| ())
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
