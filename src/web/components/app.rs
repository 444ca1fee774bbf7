//! The widget shell: theme and accent, configuration notices, the election data, and the
//! modules in the order asked for (or the message that replaces one).

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::domain::config::Config;
use crate::domain::contract::{ErrorCode, Event, Module};
use crate::domain::data::{parse_dataset, Dataset, BUNDLED_ELECTION_JSON};
use crate::domain::i18n::Msg;
use crate::web::browser;
use crate::web::components::countdown::Countdown;
use crate::web::components::guide;
use crate::web::components::parties::Parties;
use crate::web::components::quiz::Quiz;
use crate::web::components::Same;
use crate::web::markup::Markup;

/// Props handed to the app by the embed layer; `generation` grows on every re-configuration.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub host: HtmlElement,
    pub config: Rc<Config>,
    pub generation: u32,
    /// The URL of the folder the entry script was loaded from (the bundled data files live there).
    pub base: Rc<str>,
    /// The widget's number on the page, for its storage key when the host has no `id`.
    pub id: u32,
}

/// Where the election data stands.
#[derive(Clone, PartialEq)]
enum Data {
    Loading,
    /// The dataset; for the bundled one, why its served copy (read for the voter's guide) could
    /// not be loaded; and what the reader must know about where the data comes from (a file that
    /// failed, replaced by its last good copy or the bundled data).
    Ready(Rc<Dataset>, Option<String>, Option<String>),
    /// The translated message shown in place of the modules that need the data.
    Failed(String),
}

thread_local! {
    static BUNDLED: Result<Rc<Dataset>, String> = browser::parse_json(BUNDLED_ELECTION_JSON)
        .and_then(|f| parse_dataset(&f).map_err(|e| e.0))
        .map(Rc::new);
}

impl Data {
    /// Whether this is the bundled dataset (compared by pointer, not by content).
    fn is_bundled(&self) -> bool {
        matches!((self, BUNDLED.with(|b| b.as_ref().ok().cloned())), (Data::Ready(d, ..), Some(b)) if Rc::ptr_eq(d, &b))
    }
}

fn bundled() -> Data {
    match BUNDLED.with(Clone::clone) {
        Ok(e) => Data::Ready(e, None, None),
        Err(detail) => Data::Failed(detail),
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let lang = config.lang;
    let root = use_node_ref();
    let data = use_state(|| if config.data_src.is_some() { Data::Loading } else { bundled() });
    // Answers to an older request (the source changed meanwhile) are dropped.
    let request = use_mut_ref(|| 0u32);

    // The compiled-in dataset leaves the voter's guide out; a widget that shows the guide reads
    // the served copy of the same file (the other modules show the bundled data meanwhile).
    let served =
        (config.data_src.is_none() && config.modules.contains(&Module::Guide)).then(|| [&*props.base, "data/pemilu-2024.json"].concat());

    // Fetch a newsroom's own dataset, or the served copy, when asked to.
    {
        let (data, host, lang, request) = (data.clone(), props.host.clone(), lang, request.clone());
        use_effect_with((config.data_src.clone(), served), move |(src, served)| {
            *request.borrow_mut() += 1;
            let mine = *request.borrow();
            let own = src.is_some();
            if own {
                data.set(Data::Loading);
            } else if !data.is_bundled() {
                // The first render already shows the bundled data: no second render for it.
                data.set(bundled());
            }
            if let Some(url) = src.clone().or_else(|| served.clone()) {
                let request = request.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let mut checked = None;
                    // What a newsroom's own file that fails is replaced by, for the message.
                    let instead = match bundled() {
                        Data::Ready(d, ..) if own => Some((d.election.name.get(lang).to_string(), d.parties.as_of.unwrap_or_default())),
                        _ => None,
                    };
                    let (_, problem) = browser::load_checked(&url, lang, false, instead, &mut |f| {
                        parse_dataset(f).map(|e| checked = Some(e)).map_err(|e| e.0)
                    })
                    .await;
                    // Dropped: an answer to an older request, or for a widget that is gone.
                    if *request.borrow() != mine {
                        return;
                    }
                    let message = problem.map(|(code, message)| {
                        let code = ErrorCode::of_loader(&code);
                        browser::emit(&host, &Event::Error { code, message: message.clone(), attribute: None });
                        message
                    });
                    data.set(match (checked, bundled()) {
                        // The file, or its last good copy (the message says so).
                        (Some(e), _) => Data::Ready(Rc::new(e), None, message),
                        // A newsroom's own file failed: the bundled data (the message says so).
                        (None, Data::Ready(d, ..)) if own => Data::Ready(d, None, message),
                        // The served copy for the guide failed: the guide says why.
                        (None, Data::Ready(d, ..)) => Data::Ready(d, message, None),
                        (None, failed) => failed,
                    });
                });
            }
            // On unmount (or a new source), any answer still on its way is dropped: no event
            // fires for a widget that is gone.
            move || *request.borrow_mut() += 1
        });
    }

    // On every (re-)configuration: the accent through the CSSOM (CSP-safe), and `pemilu:ready`
    // once the modules show real content; the entry script's placeholder goes at the first render.
    let settled = !matches!(*data, Data::Loading);
    {
        let (host, config, root) = (props.host.clone(), config.clone(), root.clone());
        use_effect_with((props.generation, settled), move |(_, settled)| {
            if let Some(el) = root.cast::<HtmlElement>() {
                browser::set_css_var(&el, "--pemilu-accent", config.accent.as_deref());
            }
            if let Some(shadow) = host.shadow_root() {
                if let Ok(Some(skel)) = shadow.query_selector(".pw-skel") {
                    skel.remove();
                }
            }
            if *settled {
                browser::emit(&host, &Event::Ready { modules: config.modules.clone(), lang: config.lang });
            }
        });
    }

    // Read-only parts as markup (far less code than `html!`): the notices and the error boxes.
    let mut notices = Markup::default();
    for e in config.notices() {
        notices.p("pw-notice", &e.message(lang));
    }
    if let Data::Ready(_, _, Some(n)) = &*data {
        notices.p("pw-notice", n);
    }
    let error_box = |lead: &str, message: &str| {
        let mut m = Markup::default();
        m.open("div", &[("class", "pw-error"), ("role", "alert")])
            .open("p", &[])
            .el("strong", &[], lead)
            .close("p")
            .p("", message)
            .close("div");
        m.into_html()
    };
    let modules: Html = config
        .modules
        .iter()
        .map(|&m| {
            let title = m.title().text(lang);
            // A module replaced by what stops it: every such problem, not only the first.
            let mut stops = String::new();
            for e in config.blocking(m) {
                if !stops.is_empty() {
                    stops.push(' ');
                }
                stops.push_str(&e.message(lang));
            }
            if !stops.is_empty() {
                let lead = if m == Module::Countdown { Msg::CountdownUnavailable.text(lang) } else { title };
                return html! { <div class="pw-module" data-module={m.name()} key={m.name()}>{ error_box(lead, &stops) }</div> };
            }
            let body = match (m, &*data) {
                (Module::Countdown, Data::Ready(e, ..)) => {
                    let configured = e.election.configured(config.election_date, config.election_name.as_deref());
                    let election = Same(configured.map_or_else(|| e.election.clone(), Rc::new));
                    html! { <Countdown {election} zone={config.timezone} frozen={config.now} {lang} /> }
                }
                (Module::Parties, Data::Ready(e, ..)) => html! { <Parties data={e.parties.clone()} {lang} /> },
                (Module::Guide, Data::Ready(e, guide_error, _)) => {
                    let name = config.election_name.as_deref().unwrap_or_else(|| e.election.name.get(lang));
                    guide::view(lang, name, e.guide.as_deref(), data.is_bundled(), guide_error.as_deref())
                }
                (Module::Quiz, _) => {
                    let src: Rc<str> = match &config.quiz_src {
                        Some(s) => s.as_str().into(),
                        None => [&*props.base, "data/quiz-", lang.code(), ".json"].concat().into(),
                    };
                    // Stable across reloads: the host's id, else its place among the page's widgets.
                    let who = match props.host.id() {
                        id if id.is_empty() => browser::widget_index(&props.host).map_or_else(|| props.id.to_string(), |i| ["n", &i.to_string()].concat()),
                        id => id,
                    };
                    let store_key: Rc<str> = ["pemilu-widget:quiz:", &browser::page_path(), "#", &who, ":", &src].concat().into();
                    // A new bank, language or round size starts a fresh quiz component.
                    let seed = config.seed.map_or_else(String::new, |n| n.to_string());
                    let key = [&*src, "|", lang.code(), "|", &config.quiz_count.to_string(), "|", &seed].concat();
                    let share_url: Option<Rc<str>> = config.share_url.as_deref().map(Into::into);
                    html! { <Quiz {key} host={props.host.clone()} {lang} {src} count={config.quiz_count} seed={config.seed} {store_key} {share_url} /> }
                }
                // Every module but the quiz shows the dataset.
                (_, Data::Loading) => html! { <p class="pw-loading" role="status">{ Msg::DataLoading.text(lang) }</p> },
                (_, Data::Failed(msg)) => error_box(title, msg),
            };
            html! { <div class="pw-module" data-module={m.name()} key={m.name()}>{ body }</div> }
        })
        .collect();

    html! {
        <div class="pw" ref={root} lang={lang.code()} data-theme={config.theme.name()}>
            if !notices.is_empty() {
                <div class="pw-notices">{ notices.into_html() }</div>
            }
            { modules }
        </div>
    }
}
