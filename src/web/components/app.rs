//! The widget shell: theme and accent, configuration notices, the election data, and the
//! modules in the order asked for (or the message that replaces one).

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::domain::config::Config;
use crate::domain::contract::{Event, Module};
use crate::domain::i18n::Msg;
use crate::domain::quiz::progress_slot;
use crate::web::browser;
use crate::web::components::countdown::Countdown;
use crate::web::components::guide;
use crate::web::components::parties::Parties;
use crate::web::components::quiz::Quiz;
use crate::web::components::Same;
use crate::web::dataset::{use_dataset, Data};
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

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let lang = config.lang;
    let root = use_node_ref();
    let data = use_dataset(&config, &props.base, &props.host);

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
                    // A new bank, language or round size starts a fresh quiz component.
                    let seed = config.seed.map_or_else(String::new, |n| n.to_string());
                    let key = [&*src, "|", lang.code(), "|", &config.quiz_count.to_string(), "|", &seed].concat();
                    // Stable across reloads: the host's id, else its place among the page's widgets.
                    let who = match props.host.id() {
                        id if id.is_empty() => browser::widget_index(&props.host).map_or_else(|| props.id.to_string(), |i| ["n", &i.to_string()].concat()),
                        id => id,
                    };
                    let slot: Rc<str> = progress_slot(&browser::page_path(), &who, &src).into();
                    let share_url: Option<Rc<str>> = config.share_url.as_deref().map(Into::into);
                    html! { <Quiz {key} host={props.host.clone()} {slot} {lang} {src} count={config.quiz_count} seed={config.seed} {share_url} /> }
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
