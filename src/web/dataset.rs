//! The election data a widget shows: the bundled dataset at once, or a newsroom's own file
//! (`data-data-src`) once loaded, or the served copy of the bundled file for the voter's guide; a
//! file that fails is reported (`pemilu:error`) and replaced by its last good copy or the bundled
//! data, with a notice saying so.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::domain::config::Config;
use crate::domain::contract::{ErrorCode, Event, Module};
use crate::domain::data::{parse_dataset, Dataset, BUNDLED_ELECTION_JSON};
use crate::web::browser;

/// Where the election data stands.
#[derive(Clone, PartialEq)]
pub enum Data {
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
    pub fn is_bundled(&self) -> bool {
        matches!((self, BUNDLED.with(|b| b.as_ref().ok().cloned())), (Data::Ready(d, ..), Some(b)) if Rc::ptr_eq(d, &b))
    }
}

fn bundled() -> Data {
    match BUNDLED.with(Clone::clone) {
        Ok(e) => Data::Ready(e, None, None),
        Err(detail) => Data::Failed(detail),
    }
}

/// The dataset for a widget configured by `config`, whose entry script was loaded from `base`.
#[hook]
pub fn use_dataset(config: &Config, base: &str, host: &HtmlElement) -> UseStateHandle<Data> {
    let data = use_state(|| if config.data_src.is_some() { Data::Loading } else { bundled() });
    // Answers to an older request (the source changed meanwhile) are dropped.
    let request = use_mut_ref(|| 0u32);

    // The compiled-in dataset leaves the voter's guide out; a widget that shows the guide reads
    // the served copy of the same file (the other modules show the bundled data meanwhile).
    let served = (config.data_src.is_none() && config.modules.contains(&Module::Guide)).then(|| [&*base, "data/pemilu-2024.json"].concat());

    // Fetch a newsroom's own dataset, or the served copy, when asked to.
    {
        let (data, host, lang, request) = (data.clone(), host.clone(), config.lang, request.clone());
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
    data
}
