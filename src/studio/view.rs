//! The studio's page: the options form, the live preview (the real widget, through the entry
//! script, on the edited data), the embed codes, and the data editor with its problem list.
//! The logic it shows is in `model` and `check`; this is the view and the browser calls.

use js_sys::{Array, Function, Promise, Reflect};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, DragEvent, Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement, Url};
use yew::prelude::*;

use super::check::{check, get, locate, set, Kind, Problem, Report, What};
use super::model::Options;
use super::words::{help, label, W};
use crate::domain::contract::{Attr, Module};
use crate::domain::i18n::Lang;

/// Renders the studio into `#studio`.
#[wasm_bindgen(start)]
pub fn start() {
    if let Some(root) = document().and_then(|d| d.get_element_by_id("studio")) {
        yew::Renderer::<Studio>::with_root(root).render();
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The id of the form field that edits `path`.
fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    id.extend(path.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }));
    id
}

/// The form of embed code.
#[derive(Clone, Copy, PartialEq)]
pub enum Form {
    Script,
    Iframe,
    Amp,
}

pub enum Msg {
    Ui(Lang),
    Set(Attr, String),
    Show(Module, bool),
    Move(Module, bool),
    Width(Option<u32>),
    Dark(bool),
    Copy(Form),
    Copied(Form, bool),
    Kind(Kind),
    Text(String),
    Field(String, Value),
    Loaded(String, Result<String, String>),
    Fetch,
    FetchUrl(String),
    Bundled,
    Open(web_sys::File),
    Item(usize),
    AddItem,
    Download,
    Jump(String),
    Recheck,
}

pub struct Studio {
    ui: Lang,
    opts: Options,
    width: Option<u32>,
    dark: bool,
    copied: Option<(Form, bool)>,
    kind: Kind,
    name: String,
    text: String,
    doc: Option<Value>,
    report: Option<Report>,
    status: Option<String>,
    url: String,
    item: usize,
    /// Where the preview's widget reads the edited file (served by this page).
    preview_src: Option<String>,
    version: u32,
    focus: Option<String>,
    /// Whether a file was opened (its text may then be emptied while editing).
    loaded: bool,
    /// The check waiting for typing to pause.
    pending: Option<gloo_timers::callback::Timeout>,
    /// Whether the file was changed since it was opened: leaving the page then asks first.
    edited: std::rc::Rc<std::cell::Cell<bool>>,
    _leave: Option<gloo_events::EventListener>,
    preview: NodeRef,
    raw: NodeRef,
    script_code: NodeRef,
    iframe_code: NodeRef,
    amp_code: NodeRef,
}

impl Studio {
    fn base() -> String {
        web_sys::window().and_then(|w| w.location().href().ok()).map_or_else(String::new, |h| {
            let h = h.split(['#', '?']).next().unwrap_or("").to_string();
            h.rfind('/').map_or(h.clone(), |i| h[..=i].to_string())
        })
    }

    /// Keeps the configuration in the page's address.
    fn remember(&self) {
        let q = self.opts.query();
        let ui = if self.ui == Lang::En { "ui=en" } else { "" };
        let hash = [ui, q.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("&");
        if let Some(w) = web_sys::window() {
            if let Ok(h) = w.history() {
                let url = if hash.is_empty() { Self::base() + "studio.html" } else { format!("#{hash}") };
                let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        }
        if let Some(el) = document().and_then(|d| d.document_element()) {
            let _ = el.set_attribute("lang", self.ui.code());
        }
    }

    /// Checks the text, and makes it the preview's file when the widget can use it.
    fn recheck(&mut self) {
        let mut report = check(self.kind, &self.text);
        self.doc = report.doc.take();
        self.preview_src = None;
        if report.problems.is_empty() {
            // A new address for each version: the widget fetches a URL once per page.
            self.version += 1;
            let kind = if self.kind == Kind::Dataset { "data" } else { "quiz" };
            let path = format!("studio-preview/{kind}/{}/{kind}.json", self.version);
            let serve = web_sys::window()
                .and_then(|w| Reflect::get(&w, &"pemiluStudio".into()).ok())
                .and_then(|s| Some((Reflect::get(&s, &"serve".into()).ok()?.dyn_into::<Function>().ok()?, s)));
            if let Some((f, this)) = serve {
                if f.call3(&this, &kind.into(), &path.as_str().into(), &self.text.as_str().into()).is_ok() {
                    self.preview_src = Some(path);
                }
            }
        }
        if let Some(Value::Array(items)) = self.doc.as_ref().and_then(|d| d.get("items")) {
            self.item = self.item.min(items.len().saturating_sub(1));
        }
        self.report = Some(report);
    }

    fn load(&mut self, name: String, text: String) {
        let kind = match serde_json::from_str::<Value>(&text) {
            Ok(v) if v.get("items").is_some() => Kind::Bank,
            Ok(v) if v.get("parties").is_some() || v.get("stages").is_some() => Kind::Dataset,
            _ => self.kind,
        };
        self.kind = kind;
        // A name to save under: the last part of a path or URL, without its query.
        let name = name.split(['?', '#']).next().unwrap_or("").rsplit('/').next().unwrap_or("").to_string();
        self.name = if name.is_empty() { "data.json".into() } else { name };
        self.text = text;
        self.loaded = true;
        self.pending = None;
        self.edited.set(false);
        self.item = 0;
        self.recheck();
    }

    /// The attributes the preview's host element carries: the options, the edited file instead of
    /// the configured URL, and the preview's colours when the theme follows the reader.
    fn preview_attrs(&self) -> Vec<(Attr, String)> {
        let mut out: Vec<(Attr, String)> = self.opts.entries().map(|(a, v)| (a, v.to_string())).collect();
        if let Some(src) = &self.preview_src {
            let attr = if self.kind == Kind::Dataset { Attr::DataSrc } else { Attr::QuizSrc };
            out.retain(|(a, _)| *a != attr);
            out.push((attr, src.clone()));
        }
        if self.opts.get(Attr::Theme).is_empty() || self.opts.get(Attr::Theme).eq_ignore_ascii_case("auto") {
            out.retain(|(a, _)| *a != Attr::Theme);
            out.push((Attr::Theme, if self.dark { "dark" } else { "light" }.into()));
        }
        out
    }

    fn sync_preview(&self) {
        let Some(el) = self.preview.cast::<Element>() else { return };
        let want = self.preview_attrs();
        for a in Attr::ALL {
            let new = want.iter().find(|(x, _)| *x == a).map(|(_, v)| v.as_str());
            if el.get_attribute(a.name()).as_deref() != new {
                let _ = match new {
                    Some(v) => el.set_attribute(a.name(), v),
                    None => el.remove_attribute(a.name()),
                };
            }
        }
        if !el.has_attribute("data-pemilu-widget") {
            let _ = el.set_attribute("data-pemilu-widget", "");
        }
    }

    fn jump(&self, path: &str) {
        let Some(doc) = document() else { return };
        if let Some(el) = doc.get_element_by_id(&field_id(path)).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            // A field inside a closed <details> (the DPR figures): open it first.
            if let Ok(Some(d)) = el.closest("details") {
                let _ = d.set_attribute("open", "");
            }
            let _ = el.focus();
            return;
        }
        let Some(area) = self.raw.cast::<HtmlTextAreaElement>() else { return };
        // The value selected when it is there; otherwise only the caret, at the nearest enclosing
        // value or at the syntax error, so that a keystroke cannot replace the whole file.
        let syntax = self.report.as_ref().and_then(|r| {
            r.problems.iter().find_map(|p| match p.what {
                What::Syntax(line, col, _) if path.is_empty() => Some((line, col)),
                _ => None,
            })
        });
        let (s, e) = match syntax {
            Some((line, col)) => {
                let start: usize = self.text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
                let at = (start + col.saturating_sub(1)).min(self.text.len());
                (at, at)
            }
            None => {
                let (s, e) = locate(&self.text, path).unwrap_or((0, 0));
                let exact = self.doc.as_ref().and_then(|d| get(d, path)).is_some() && !path.is_empty();
                if exact {
                    (s, e)
                } else {
                    (s, s)
                }
            }
        };
        let utf16 = |b: usize| self.text.get(..b).map_or(0, |t| t.encode_utf16().count()) as u32;
        let _ = area.focus();
        let _ = area.set_selection_range(utf16(s), utf16(e));
        let line = self.text.get(..s).map_or(0, |t| t.matches('\n').count());
        area.set_scroll_top((line as i32 - 3).max(0) * 20);
    }

    /// The embed code in `form`, for files at `base`.
    fn code(&self, form: Form, base: &str) -> String {
        match form {
            Form::Script => self.opts.script_code(base),
            Form::Iframe => self.opts.iframe_code(base),
            Form::Amp => self.opts.amp_code(base, W::ShowAll.t(self.ui)),
        }
    }

    /// The text area that shows the code in `form`.
    fn code_ref(&self, form: Form) -> &NodeRef {
        match form {
            Form::Script => &self.script_code,
            Form::Iframe => &self.iframe_code,
            Form::Amp => &self.amp_code,
        }
    }

    fn value(&self, path: &str) -> String {
        match self.doc.as_ref().and_then(|d| get(d, path)) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(Value::Array(a)) => a.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", "),
            Some(v) => v.to_string(),
        }
    }
}

/// A problem in words, without its path.
fn problem_text(p: &Problem, ui: Lang) -> String {
    let t = |w: W| w.t(ui);
    match &p.what {
        What::Syntax(l, c, m) => format!("{} {l}, {} {c}: {m}", t(W::Syntax), t(W::Column)),
        What::Missing => t(W::Missing).to_string(),
        What::Rejected(v) => format!("\u{201c}{v}\u{201d} {}", t(W::Rejected)),
        What::Twice(v, other) => format!("{v} {} {other}", t(W::Twice)),
        What::Order(v) => format!("{v} {}", t(W::Order)),
        What::OtherKind => t(W::OtherKind).to_string(),
        What::TooLarge(bytes, cap) => format!("{} KB > {cap} {}", bytes.div_ceil(1024), t(W::TooLarge)),
    }
}

/// A whole number as an editor may type it: `40.971.906`, `40,971,906` or `40 971 906`.
fn whole_number(v: &str) -> Option<i64> {
    let v = v.trim();
    let digits: String = v.chars().filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}')).collect();
    let grouped = v.split(['.', ',', ' ', '\u{a0}']).skip(1).all(|g| g.len() == 3);
    (grouped && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok()).flatten()
}

/// An input's or text area's value, from its event.
fn input_value(e: &Event) -> String {
    let t = e.target();
    if let Some(i) = t.as_ref().and_then(|t| t.dyn_ref::<HtmlInputElement>()) {
        return i.value();
    }
    if let Some(a) = t.as_ref().and_then(|t| t.dyn_ref::<HtmlTextAreaElement>()) {
        return a.value();
    }
    t.and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map_or_else(String::new, |s| s.value())
}

async fn text_of(promise: Result<Promise, JsValue>) -> Result<String, String> {
    let p = promise.map_err(|e| format!("{e:?}"))?;
    let v =
        JsFuture::from(p).await.map_err(|e| e.as_string().or_else(|| js_sys::Error::from(e).message().as_string()).unwrap_or_default())?;
    v.as_string().ok_or_else(|| "?".into())
}

async fn fetch_text(url: String) -> Result<String, String> {
    let w = web_sys::window().ok_or("no window")?;
    let res = JsFuture::from(w.fetch_with_str(&url)).await.map_err(|e| js_sys::Error::from(e).message().as_string().unwrap_or_default())?;
    let res: web_sys::Response = res.dyn_into().map_err(|_| "?")?;
    if !res.ok() {
        return Err(format!("HTTP {}", res.status()));
    }
    text_of(res.text()).await
}

impl Component for Studio {
    type Message = Msg;
    type Properties = ();

    fn create(_: &Context<Self>) -> Self {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        let ui = if hash.trim_start_matches('#').split('&').any(|p| p == "ui=en") { Lang::En } else { Lang::Id };
        let s = Studio {
            ui,
            opts: Options::from_query(&hash),
            width: None,
            dark: false,
            copied: None,
            kind: Kind::Dataset,
            name: String::new(),
            text: String::new(),
            doc: None,
            report: None,
            status: None,
            url: String::new(),
            item: 0,
            preview_src: None,
            version: 0,
            focus: None,
            loaded: false,
            pending: None,
            edited: Default::default(),
            _leave: None,
            preview: NodeRef::default(),
            raw: NodeRef::default(),
            script_code: NodeRef::default(),
            iframe_code: NodeRef::default(),
            amp_code: NodeRef::default(),
        };
        let mut s = s;
        let edited = s.edited.clone();
        s._leave = web_sys::window().map(|w| {
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            gloo_events::EventListener::new_with_options(&w, "beforeunload", options, move |e| {
                if edited.get() {
                    e.prevent_default();
                    let _ = Reflect::set(e, &"returnValue".into(), &"".into());
                }
            })
        });
        s.remember();
        s
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Ui(l) => self.ui = l,
            Msg::Set(a, v) => self.opts.set(a, &v),
            Msg::Show(m, on) => {
                let mut list = self.opts.modules();
                list.retain(|x| *x != m);
                if on {
                    list.push(m);
                }
                self.opts.set_modules(&list);
            }
            Msg::Move(m, up) => {
                let mut list = self.opts.modules();
                if let Some(i) = list.iter().position(|x| *x == m) {
                    let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|j| *j < list.len()) };
                    if let Some(j) = j {
                        list.swap(i, j);
                        self.opts.set_modules(&list);
                        self.focus = Some(format!("move-{}-{}", m.name(), if up { "up" } else { "down" }));
                    }
                }
            }
            Msg::Width(w) => self.width = w,
            Msg::Dark(d) => self.dark = d,
            Msg::Copy(form) => {
                let code = self.code(form, &Self::base());
                let written = web_sys::window().and_then(|w| {
                    let clip = Reflect::get(&w.navigator(), &"clipboard".into()).ok().filter(|c| !c.is_undefined())?;
                    let write: Function = Reflect::get(&clip, &"writeText".into()).ok()?.dyn_into().ok()?;
                    write.call1(&clip, &code.into()).ok()?.dyn_into::<Promise>().ok()
                });
                match written {
                    Some(p) => ctx.link().send_future(async move { Msg::Copied(form, JsFuture::from(p).await.is_ok()) }),
                    None => ctx.link().send_message(Msg::Copied(form, false)),
                }
                return false;
            }
            Msg::Copied(form, ok) => {
                self.copied = Some((form, ok));
                if !ok {
                    if let Some(a) = self.code_ref(form).cast::<HtmlTextAreaElement>() {
                        let _ = a.focus();
                        a.select();
                    }
                }
            }
            Msg::Kind(k) => {
                self.kind = k;
                if !self.text.is_empty() {
                    self.recheck();
                }
            }
            Msg::Text(t) => {
                // Checked once typing pauses (a check of a large file takes tens of milliseconds).
                self.text = t;
                self.edited.set(true);
                let link = ctx.link().clone();
                self.pending = Some(gloo_timers::callback::Timeout::new(300, move || link.send_message(Msg::Recheck)));
                return false;
            }
            Msg::Recheck => {
                self.pending = None;
                self.recheck();
            }
            Msg::Field(path, v) => {
                if let Some(doc) = self.doc.as_mut() {
                    if set(doc, &path, v) {
                        self.edited.set(true);
                        self.text = serde_json::to_string_pretty(doc).unwrap_or_default();
                        self.recheck();
                    }
                }
            }
            Msg::Loaded(name, r) => match r {
                Ok(text) => {
                    self.status = Some(format!("{} {name}", W::Loaded.t(self.ui)));
                    self.load(name, text);
                }
                Err(e) => self.status = Some(format!("{} {e}. {}", W::LoadFailed.t(self.ui), W::LoadHint.t(self.ui))),
            },
            Msg::FetchUrl(u) => {
                self.url = u;
                return false;
            }
            Msg::Fetch => {
                let url = self.url.trim().to_string();
                if url.is_empty() {
                    return false;
                }
                self.status = Some(W::Loading.t(self.ui).into());
                ctx.link().send_future(async move {
                    let r = fetch_text(url.clone()).await;
                    Msg::Loaded(url.rsplit('/').next().unwrap_or("data.json").to_string(), r)
                });
            }
            Msg::Bundled => {
                let file = match (self.kind, self.opts.lang()) {
                    (Kind::Dataset, _) => "pemilu-2024.json",
                    (Kind::Bank, Lang::En) => "quiz-en.json",
                    (Kind::Bank, Lang::Id) => "quiz-id.json",
                };
                self.status = Some(W::Loading.t(self.ui).into());
                ctx.link().send_future(async move { Msg::Loaded(file.into(), fetch_text(format!("data/{file}")).await) });
            }
            Msg::Open(file) => {
                let name = file.name();
                let p = file.text();
                ctx.link().send_future(async move { Msg::Loaded(name, text_of(Ok(p)).await) });
                return false;
            }
            Msg::Item(i) => self.item = i,
            Msg::AddItem => {
                if let Some(Value::Array(items)) = self.doc.as_mut().and_then(|d| d.get_mut("items")) {
                    let id = (items.len() + 1..).map(|n| format!("new-{n}")).find(|id| !items.iter().any(|i| i["id"] == id.as_str()));
                    items.push(serde_json::json!({
                        "id": id, "claim": "", "circulated": "", "answer": "hoax", "verdict": "",
                        "technique": "none", "explanation": "", "source": { "checker": "", "date": "", "url": "" },
                        "about": [], "direction": "neutral"
                    }));
                    self.item = items.len() - 1;
                    self.edited.set(true);
                    self.text = self.doc.as_ref().and_then(|d| serde_json::to_string_pretty(d).ok()).unwrap_or_default();
                    self.recheck();
                    self.focus = Some(format!("items[{}].claim", self.item));
                }
            }
            Msg::Download => {
                let Some(doc) = document() else { return false };
                let parts = Array::of1(&JsValue::from_str(&self.text));
                let bag = BlobPropertyBag::new();
                bag.set_type("application/json");
                if let Some(url) =
                    Blob::new_with_str_sequence_and_options(&parts, &bag).ok().and_then(|b| Url::create_object_url_with_blob(&b).ok())
                {
                    if let Ok(a) = doc.create_element("a").map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()) {
                        a.set_href(&url);
                        a.set_download(if self.name.is_empty() { "pemilu-data.json" } else { &self.name });
                        a.click();
                        self.edited.set(false);
                    }
                    let _ = Url::revoke_object_url(&url);
                }
                return false;
            }
            Msg::Jump(path) => {
                if let Some(i) = path.strip_prefix("items[").and_then(|r| r.split(']').next()).and_then(|n| n.parse().ok()) {
                    self.item = i;
                }
                self.focus = Some(path);
            }
        }
        self.remember();
        true
    }

    fn rendered(&mut self, _: &Context<Self>, _first: bool) {
        self.sync_preview();
        if let Some(f) = self.focus.take() {
            match document().and_then(|d| d.get_element_by_id(&f)).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                Some(el) => {
                    let _ = el.focus();
                }
                None => self.jump(&f),
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let ui = self.ui;
        let link = ctx.link();
        let t = |w: W| w.t(ui);
        html! {
            <>
            <header class="st-head">
                <h1>{ t(W::Title) }</h1>
                <p>{ t(W::Intro) }</p>
                <div role="group" aria-label={t(W::UiLang)} class="st-row">
                    <button type="button" lang="id" aria-pressed={(ui == Lang::Id).to_string()} onclick={link.callback(|_| Msg::Ui(Lang::Id))}>{ "Bahasa Indonesia" }</button>
                    <button type="button" lang="en" aria-pressed={(ui == Lang::En).to_string()} onclick={link.callback(|_| Msg::Ui(Lang::En))}>{ "English" }</button>
                </div>
            </header>
            // A file dropped anywhere on the studio is opened (not shown by the browser instead).
            <main class="st-main" ondragover={Callback::from(|e: DragEvent| e.prevent_default())}
                ondrop={link.batch_callback(|e: DragEvent| {
                    e.prevent_default();
                    e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)).map(Msg::Open)
                })}>
                { self.configure(ctx) }
                { self.preview_and_code(ctx) }
                { self.data(ctx) }
            </main>
            </>
        }
    }
}

impl Studio {
    fn configure(&self, ctx: &Context<Self>) -> Html {
        let ui = self.ui;
        let link = ctx.link();
        let t = |w: W| w.t(ui);
        let modules = self.opts.modules();
        let mut order = modules.clone();
        order.extend(Module::ALL.iter().filter(|m| !modules.contains(m)));
        let config = self.opts.config(is_css_color);
        let field = |a: Attr, input: Html| {
            html! {
                <div class="st-field">
                    <label for={format!("opt-{}", a.param())}>{ label(a, ui) }</label>
                    { input }
                    <p class="st-help" id={format!("help-{}", a.param())}>{ help(a, ui) }</p>
                </div>
            }
        };
        let text = |a: Attr, kind: &'static str, placeholder: &'static str| {
            let onchange = link.callback(move |e: Event| Msg::Set(a, input_value(&e)));
            html! {
                <input id={format!("opt-{}", a.param())} type={kind} value={self.opts.get(a).to_string()} placeholder={placeholder}
                    aria-describedby={format!("help-{}", a.param())} autocomplete="off" spellcheck="false" {onchange} />
            }
        };
        let select = |a: Attr, choices: &[(&'static str, &'static str)]| {
            let onchange = link.callback(move |e: Event| Msg::Set(a, input_value(&e)));
            let current = self.opts.get(a).to_ascii_lowercase();
            html! {
                <select id={format!("opt-{}", a.param())} aria-describedby={format!("help-{}", a.param())} {onchange}>
                    { for choices.iter().map(|(v, l)| html! { <option value={*v} selected={current == v.to_ascii_lowercase()}>{ *l }</option> }) }
                </select>
            }
        };
        let auto = t(W::Auto);
        html! {
            <section class="st-config" aria-labelledby="st-config-h">
                <h2 id="st-config-h">{ t(W::Configure) }</h2>
                <p class="st-help">{ t(W::ShareHint) }</p>
                <fieldset class="st-modules" aria-describedby="help-modules">
                    <legend>{ t(W::Modules) }</legend>
                    <ul>
                    { for order.iter().map(|m| {
                        let m = *m;
                        let shown = modules.contains(&m);
                        let name = m.title().text(ui);
                        let id = format!("mod-{}", m.name());
                        let pos = modules.iter().position(|x| *x == m);
                        html! {
                            <li key={m.name()}>
                                <input type="checkbox" id={id.clone()} checked={shown} disabled={shown && modules.len() == 1} onchange={link.callback(move |e: Event| {
                                    let on = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked());
                                    Msg::Show(m, on)
                                })} />
                                <label for={id}>{ name }</label>
                                if shown {
                                    <button type="button" id={format!("move-{}-up", m.name())} aria-label={format!("{}: {}", t(W::Up), name)} disabled={pos == Some(0)}
                                        onclick={link.callback(move |_| Msg::Move(m, true))}>{ "↑" }</button>
                                    <button type="button" id={format!("move-{}-down", m.name())} aria-label={format!("{}: {}", t(W::Down), name)} disabled={pos == Some(modules.len() - 1)}
                                        onclick={link.callback(move |_| Msg::Move(m, false))}>{ "↓" }</button>
                                }
                            </li>
                        }
                    }) }
                    </ul>
                    <p class="st-help" id="help-modules">{ help(Attr::Modules, ui) }</p>
                </fieldset>
                { field(Attr::Lang, select(Attr::Lang, &[("", t(W::Default)), ("id", "Bahasa Indonesia (id)"), ("en", "English (en)")])) }
                { field(Attr::Theme, select(Attr::Theme, &[("", auto), ("light", t(W::Light)), ("dark", t(W::Dark))])) }
                { field(Attr::Accent, text(Attr::Accent, "text", "#b00020")) }
                { field(Attr::Timezone, select(Attr::Timezone, &[("", auto), ("WIB", "WIB (UTC+7)"), ("WITA", "WITA (UTC+8)"), ("WIT", "WIT (UTC+9)")])) }
                { field(Attr::QuizCount, text(Attr::QuizCount, "number", "10")) }
                { field(Attr::Seed, text(Attr::Seed, "number", "")) }
                { field(Attr::ElectionDate, text(Attr::ElectionDate, "text", "2029-02-14T07:00:00+07:00")) }
                { field(Attr::ElectionName, text(Attr::ElectionName, "text", "")) }
                { field(Attr::DataSrc, text(Attr::DataSrc, "url", "https://")) }
                { field(Attr::QuizSrc, text(Attr::QuizSrc, "url", "https://")) }
                { field(Attr::ShareUrl, text(Attr::ShareUrl, "url", "https://")) }
                { field(Attr::Now, text(Attr::Now, "text", "2024-02-10T12:00:00+07:00")) }
                if !config.errors.is_empty() {
                    <div class="st-errors" role="status">
                        <p>{ t(W::InvalidOptions) }</p>
                        <ul>{ for config.errors.iter().map(|e| html! { <li>{ e.message(ui) }</li> }) }</ul>
                    </div>
                }
            </section>
        }
    }

    fn preview_and_code(&self, ctx: &Context<Self>) -> Html {
        let ui = self.ui;
        let link = ctx.link();
        let t = |w: W| w.t(ui);
        let base = Self::base();
        let widths: [(Option<u32>, String); 4] =
            [(Some(320), "320 px".into()), (Some(375), "375 px".into()), (Some(768), "768 px".into()), (None, t(W::FullWidth).into())];
        let style = self.width.map(|w| format!("width:{w}px"));
        let copied = self.copied.map(|(_, ok)| t(if ok { W::Copied } else { W::CopyFailed }));
        // One embed code: its label, the code (read-only) and its copy button.
        let code = |form: Form, id: &'static str, title: W, copy: W, rows: &'static str| {
            html! {
                <>
                <label for={id}>{ t(title) }</label>
                <textarea {id} ref={self.code_ref(form).clone()} readonly=true {rows} spellcheck="false" value={self.code(form, &base)} />
                <button type="button" onclick={link.callback(move |_| Msg::Copy(form))}>{ t(copy) }</button>
                </>
            }
        };
        html! {
            <div class="st-side">
            <section class="st-preview" aria-labelledby="st-preview-h">
                <h2 id="st-preview-h">{ t(W::Preview) }</h2>
                <p class="st-help">{ t(W::PreviewHint) }</p>
                <div class="st-row" role="group" aria-label={t(W::Width)}>
                    { for widths.into_iter().map(|(w, l)| html! {
                        <button type="button" aria-pressed={(self.width == w).to_string()} onclick={link.callback(move |_| Msg::Width(w))}>{ l }</button>
                    }) }
                </div>
                <div class="st-row" role="group" aria-label={t(W::Background)}>
                    <button type="button" aria-pressed={(!self.dark).to_string()} onclick={link.callback(|_| Msg::Dark(false))}>{ t(W::Light) }</button>
                    <button type="button" aria-pressed={self.dark.to_string()} onclick={link.callback(|_| Msg::Dark(true))}>{ t(W::Dark) }</button>
                </div>
                if self.preview_src.is_some() {
                    <p class="st-note">{ t(W::PreviewEdited) }</p>
                }
                <div class={classes!("st-frame", self.dark.then_some("st-dark"))} {style}>
                    <div ref={self.preview.clone()} id="st-preview-widget" data-pemilu-widget=""></div>
                </div>
            </section>
            <section class="st-code" aria-labelledby="st-code-h">
                <h2 id="st-code-h">{ t(W::Code) }</h2>
                <p class="st-help">{ t(W::CodeHostsFile) }</p>
                { code(Form::Script, "st-code-script", W::ScriptForm, W::CopyScript, "5") }
                { code(Form::Iframe, "st-code-iframe", W::IframeForm, W::CopyIframe, "4") }
                { code(Form::Amp, "st-code-amp", W::AmpForm, W::CopyAmp, "5") }
                <p role="status" class="st-status">{ copied.unwrap_or_default() }</p>
            </section>
            </div>
        }
    }

    fn data(&self, ctx: &Context<Self>) -> Html {
        let ui = self.ui;
        let link = ctx.link();
        let t = |w: W| w.t(ui);
        let onfile = link.batch_callback(|e: Event| {
            e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).and_then(|i| i.files()).and_then(|f| f.get(0)).map(Msg::Open)
        });
        html! {
            <section class="st-data" aria-labelledby="st-data-h">
                <h2 id="st-data-h">{ t(W::Data) }</h2>
                <p class="st-help">{ t(W::DataIntro) }</p>
                <fieldset class="st-row">
                    <legend>{ t(W::Kind) }</legend>
                    { for [(Kind::Dataset, W::KindDataset), (Kind::Bank, W::KindBank)].into_iter().map(|(k, w)| html! {
                        <label class="st-choice">
                            <input type="radio" name="st-kind" checked={self.kind == k} onchange={link.callback(move |_| Msg::Kind(k))} />
                            { t(w) }
                        </label>
                    }) }
                </fieldset>
                <div class="st-field">
                    <label for="st-file">{ t(W::OpenFile) }</label>
                    <input id="st-file" type="file" accept=".json,application/json" aria-describedby="st-drop" onchange={onfile} />
                    <p class="st-help" id="st-drop">{ t(W::DropHint) }</p>
                </div>
                <div class="st-field">
                    <label for="st-url">{ t(W::FromUrl) }</label>
                    <div class="st-row">
                        <input id="st-url" type="url" value={self.url.clone()} placeholder="https://" oninput={link.callback(|e: InputEvent| Msg::FetchUrl(input_value(&e)))}
                            onkeydown={link.batch_callback(|e: KeyboardEvent| (e.key() == "Enter").then(|| { e.prevent_default(); Msg::Fetch }))} />
                        <button type="button" onclick={link.callback(|_| Msg::Fetch)}>{ t(W::Load) }</button>
                    </div>
                </div>
                <button type="button" onclick={link.callback(|_| Msg::Bundled)}>{ t(if self.kind == Kind::Bank { W::BundledBank } else { W::Bundled }) }</button>
                <p role="status" class="st-status">{ self.status.clone().unwrap_or_default() }</p>
                if !self.loaded {
                    <p>{ t(W::NoFile) }</p>
                } else {
                    { self.problems(ctx) }
                    { self.balance() }
                    { self.form(ctx) }
                    <div class="st-field">
                        <label for="st-raw">{ t(W::Raw) }</label>
                        <p class="st-help" id="st-raw-help">{ t(W::RawHint) }</p>
                        <textarea id="st-raw" ref={self.raw.clone()} rows="16" spellcheck="false" aria-describedby="st-raw-help" value={self.text.clone()}
                            oninput={link.callback(|e: InputEvent| Msg::Text(input_value(&e)))} />
                    </div>
                    if self.report.as_ref().is_some_and(|r| !r.problems.is_empty()) {
                        <p class="st-note" id="st-download-warn">{ t(W::DownloadWarn) }</p>
                    }
                    <button type="button" aria-describedby={self.report.as_ref().is_some_and(|r| !r.problems.is_empty()).then_some("st-download-warn")}
                        onclick={link.callback(|_| Msg::Download)}>{ t(W::Download) }</button>
                }
            </section>
        }
    }

    fn problems(&self, ctx: &Context<Self>) -> Html {
        let ui = self.ui;
        let t = |w: W| w.t(ui);
        let Some(report) = &self.report else { return Html::default() };
        let count = report.problems.len();
        html! {
            <div class="st-problems">
                <h3 id="st-problems-h">{ t(W::Problems) }</h3>
                <p role="status">
                    { match count { 0 => t(W::NoProblems).to_string(), 1 => t(W::OneProblem).to_string(), n => format!("{n} {}", t(W::ProblemsFound)) } }
                    if let Some((id, en)) = report.summary.as_ref().filter(|_| count == 0) { { " " } <span>{ format!("({})", if ui == Lang::Id { id } else { en }) }</span> }
                </p>
                if count > 0 {
                    <ol aria-labelledby="st-problems-h">
                    { for report.problems.iter().map(|p| {
                        let what = problem_text(p, ui);
                        let path = p.path.clone();
                        html! {
                            <li>
                                <button type="button" class="st-jump" onclick={ctx.link().callback(move |_| Msg::Jump(path.clone()))}>
                                    if !p.path.is_empty() { <code>{ &p.path }</code>{ ": " } }
                                    { what }
                                </button>
                                if let Some(h) = &p.help { <p class="st-help">{ t(W::Format) }{ " " }{ h }</p> }
                            </li>
                        }
                    }) }
                    </ol>
                    if !report.complete { <p>{ t(W::Incomplete) }</p> }
                }
            </div>
        }
    }

    fn balance(&self) -> Html {
        let ui = self.ui;
        let t = |w: W| w.t(ui);
        let Some((rows, facts, total)) = self.report.as_ref().and_then(|r| r.balance.as_ref()) else { return Html::default() };
        let pct = if *total == 0 { 0 } else { facts * 100 / total };
        html! {
            <div class="st-balance">
                <h3>{ t(W::Balance) }</h3>
                <p>{ format!("{} {facts} {} {total} ({pct}%)", t(W::TrueShare), t(W::Of)) }</p>
                <div class="st-scroll" role="region" tabindex="0" aria-label={t(W::Balance)}>
                <table>
                    <thead><tr>
                        <th scope="col">{ t(W::Pair) }</th><th scope="col">{ t(W::Hoaxes) }</th><th scope="col">{ t(W::Facts) }</th>
                        <th scope="col">{ t(W::Helps) }</th><th scope="col">{ t(W::Hurts) }</th><th scope="col">{ t(W::Neutral) }</th>
                    </tr></thead>
                    <tbody>
                    { for rows.iter().map(|(pair, b)| html! {
                        <tr>
                            <th scope="row">{ pair.map_or_else(|| t(W::NoPair).to_string(), |p| p.to_string()) }</th>
                            <td>{ b.hoaxes }</td><td>{ b.facts }</td><td>{ b.helps }</td><td>{ b.hurts }</td><td>{ b.neutral }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                </div>
            </div>
        }
    }

    /// One form field bound to `path`; `kind` is the input type, or "textarea".
    /// The problem at `path`, in words, for the field that edits it.
    fn field_problem(&self, path: &str) -> Option<String> {
        self.report.as_ref()?.problems.iter().find(|p| p.path == path).map(|p| problem_text(p, self.ui))
    }

    /// One form field bound to `path`; `kind` is "text", "url", "number" (a whole number, typed
    /// with or without thousands separators), "date" (YYYY-MM-DD, as text, so that a wrong date
    /// stays visible), "list" (whole numbers, comma-separated) or "textarea".
    fn bound(&self, ctx: &Context<Self>, path: String, text: String, kind: &'static str) -> Html {
        let id = field_id(&path);
        let p = path.clone();
        let onchange = ctx.link().callback(move |e: Event| {
            let v = input_value(&e);
            let value = match kind {
                "list" => Value::Array(
                    v.split(',')
                        .filter(|x| !x.trim().is_empty())
                        .map(|x| whole_number(x).map_or_else(|| Value::from(x.trim()), Value::from))
                        .collect(),
                ),
                _ if v.trim().is_empty() => Value::Null,
                "number" => whole_number(&v).map_or_else(|| Value::from(v.trim()), Value::from),
                _ => Value::from(v),
            };
            Msg::Field(p.clone(), value)
        });
        let problem = self.field_problem(&path);
        let described = problem.as_ref().map(|_| format!("{id}-problem"));
        let invalid = problem.as_ref().map(|_| "true");
        let (input_type, mode, placeholder) = match kind {
            "number" | "list" => ("text", Some("numeric"), None),
            "date" => ("text", Some("numeric"), Some("YYYY-MM-DD")),
            other => (other, None, None),
        };
        html! {
            <div class="st-field">
                <label for={id.clone()}>{ text }</label>
                if kind == "textarea" {
                    <textarea id={id.clone()} rows="3" value={self.value(&path)} aria-invalid={invalid} aria-describedby={described.clone()} {onchange} />
                } else {
                    <input id={id.clone()} type={input_type} inputmode={mode} placeholder={placeholder} value={self.value(&path)}
                        aria-invalid={invalid} aria-describedby={described.clone()} spellcheck="false" {onchange} />
                }
                if let Some(pr) = problem { <p class="st-field-problem" id={described}>{ pr }</p> }
            </div>
        }
    }

    fn choice(&self, ctx: &Context<Self>, path: String, text: String, mut choices: Vec<(String, String)>) -> Html {
        let id = field_id(&path);
        let current = self.value(&path);
        // A value the list does not offer (a typo, or none yet) is shown as it is, to be replaced.
        if !choices.iter().any(|(v, _)| *v == current) {
            choices.insert(0, (current.clone(), if current.is_empty() { "—".into() } else { format!("\u{201c}{current}\u{201d}") }));
        }
        let p = path.clone();
        let onchange = ctx.link().callback(move |e: Event| Msg::Field(p.clone(), Value::from(input_value(&e))));
        html! {
            <div class="st-field">
                <label for={id.clone()}>{ text }</label>
                <select {id} {onchange}>
                    { for choices.into_iter().map(|(v, l)| html! { <option selected={v == current} value={v.clone()}>{ l }</option> }) }
                </select>
            </div>
        }
    }

    fn form(&self, ctx: &Context<Self>) -> Html {
        let Some(doc) = &self.doc else { return Html::default() };
        let ui = self.ui;
        let t = |w: W| w.t(ui);
        let body = match self.kind {
            Kind::Dataset => {
                let stages = doc.get("stages").and_then(Value::as_array).map_or(0, Vec::len);
                let results = if doc.pointer("/results/pairs").is_some() { "results.pairs" } else { "results.presidential" };
                let pair_rows = get(doc, &format!("{results}.votes")).and_then(Value::as_array).map_or(0, Vec::len);
                let dpr_rows = get(doc, "results.dpr.votes").and_then(Value::as_array).map_or(0, Vec::len);
                html! {
                    <>
                    { self.bound(ctx, "votingDay".into(), t(W::VotingDay).into(), "date") }
                    <fieldset>
                        <legend>{ t(W::Stages) }</legend>
                        { for (0..stages).map(|i| {
                            let name = self.value(&format!("stages[{i}].name.{}", ui.code()));
                            html! {
                                <div class="st-pair">
                                    { self.bound(ctx, format!("stages[{i}].start"), format!("{name}: {}", t(W::Starts)), "date") }
                                    { self.bound(ctx, format!("stages[{i}].end"), format!("{name}: {}", t(W::Ends)), "date") }
                                </div>
                            }
                        }) }
                    </fieldset>
                    if pair_rows > 0 || dpr_rows > 0 {
                        <fieldset>
                            <legend>{ t(W::Results) }</legend>
                            { for (0..pair_rows).map(|i| {
                                let n = self.value(&format!("{results}.votes[{i}].pair"));
                                self.bound(ctx, format!("{results}.votes[{i}].votes"), format!("{} {n}", t(W::PairVotes)), "number")
                            }) }
                            if pair_rows > 0 { { self.bound(ctx, format!("{results}.totalValid"), t(W::TotalValid).into(), "number") } }
                            if dpr_rows > 0 {
                                <details>
                                    <summary>{ t(W::DprResults) }</summary>
                                    { for (0..dpr_rows).map(|i| {
                                        let n = self.value(&format!("results.dpr.votes[{i}].party"));
                                        html! {
                                            <div class="st-pair">
                                                { self.bound(ctx, format!("results.dpr.votes[{i}].votes"), format!("{} {n}", t(W::PartyVotes)), "number") }
                                                { self.bound(ctx, format!("results.dpr.votes[{i}].seats"), format!("{} {n}", t(W::PartySeats)), "number") }
                                            </div>
                                        }
                                    }) }
                                    { self.bound(ctx, "results.dpr.totalValid".into(), t(W::TotalValid).into(), "number") }
                                    { self.bound(ctx, "results.dpr.seatsTotal".into(), t(W::SeatsTotal).into(), "number") }
                                </details>
                            }
                        </fieldset>
                    }
                    </>
                }
            }
            Kind::Bank => {
                let items = doc.get("items").and_then(Value::as_array).cloned().unwrap_or_default();
                let mut techniques: Vec<(String, String)> = std::iter::empty()
                    .chain(doc.get("techniques").and_then(Value::as_array).into_iter().flatten().filter_map(|x| {
                        let id = x.get("id")?.as_str()?.to_string();
                        let name = x.get("name").and_then(Value::as_str).unwrap_or(&id).to_string();
                        Some((id, name))
                    }))
                    .collect();
                // "none" (for true claims) is a value of the format, whether or not the bank names it.
                if !techniques.iter().any(|(id, _)| id == "none") {
                    techniques.push(("none".into(), t(W::None).into()));
                }
                let i = self.item;
                let p = |k: &str| format!("items[{i}].{k}");
                let onselect = ctx.link().callback(|e: Event| Msg::Item(input_value(&e).parse().unwrap_or(0)));
                html! {
                    <>
                    <div class="st-field">
                        <label for="st-item">{ t(W::Item) }</label>
                        <div class="st-row">
                            <select id="st-item" onchange={onselect}>
                                { for items.iter().enumerate().map(|(k, it)| {
                                    let claim: String = it.get("claim").and_then(Value::as_str).unwrap_or("").chars().take(70).collect();
                                    let id = it.get("id").and_then(Value::as_str).unwrap_or("");
                                    html! { <option value={k.to_string()} selected={k == i}>{ format!("{}. {id}: {claim}", k + 1) }</option> }
                                }) }
                            </select>
                            <button type="button" onclick={ctx.link().callback(|_| Msg::AddItem)}>{ t(W::AddItem) }</button>
                        </div>
                    </div>
                    if i < items.len() {
                        <fieldset>
                            <legend>{ format!("{} {}", t(W::Item), i + 1) }</legend>
                            { self.bound(ctx, p("claim"), t(W::Claim).into(), "textarea") }
                            { self.choice(ctx, p("answer"), t(W::Answer).into(), vec![("hoax".into(), t(W::Hoax).into()), ("fact".into(), t(W::Fact).into())]) }
                            { self.bound(ctx, p("verdict"), t(W::Verdict).into(), "text") }
                            { self.choice(ctx, p("technique"), t(W::Technique).into(), techniques) }
                            { self.bound(ctx, p("explanation"), t(W::Explanation).into(), "textarea") }
                            { self.bound(ctx, p("circulated"), t(W::Circulated).into(), "text") }
                            { self.bound(ctx, p("source.checker"), t(W::Checker).into(), "text") }
                            { self.bound(ctx, p("source.url"), t(W::SourceUrl).into(), "url") }
                            { self.bound(ctx, p("source.date"), t(W::SourceDate).into(), "date") }
                            { self.bound(ctx, p("about"), t(W::About).into(), "list") }
                            { self.choice(ctx, p("direction"), t(W::Direction).into(), vec![
                                ("neutral".into(), t(W::Neutral).into()), ("helps".into(), t(W::Helps).into()), ("hurts".into(), t(W::Hurts).into())]) }
                        </fieldset>
                    }
                    </>
                }
            }
        };
        html! {
            <div class="st-form">
                <h3>{ t(W::Form) }</h3>
                { body }
            </div>
        }
    }
}

/// Whether the browser takes `v` as a colour (`CSS.supports`), as the widget asks.
fn is_css_color(v: &str) -> bool {
    let css = web_sys::window().and_then(|w| Reflect::get(&w, &"CSS".into()).ok());
    let f = css.as_ref().and_then(|c| Reflect::get(c, &"supports".into()).ok()).and_then(|f| f.dyn_into::<Function>().ok());
    match (css, f) {
        (Some(c), Some(f)) => f.call2(&c, &"color".into(), &v.into()).ok().and_then(|r| r.as_bool()).unwrap_or(false),
        _ => true,
    }
}
