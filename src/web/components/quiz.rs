//! The quiz module: intro, one claim at a time shown like a social-media post, feedback that names
//! the verdict and the technique with its source, and a result screen that teaches. Progress is
//! saved per widget in `localStorage`; the bank is fetched when the reader starts.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::domain::contract::ErrorCode;
use crate::domain::guide::site_of;
use crate::domain::i18n::{tr, Lang, Msg};
use crate::domain::num::parse_u64;
use crate::domain::quiz::{month_year, parse_bank, peek, Answer, Bank, Given, Item, Round, Step};
use crate::domain::session::{Action, Effect, Env, Intent, Problem, Screen, Session};
use crate::domain::time::parse_date;
use crate::web::browser::{self, format_day, DateStyle};
use crate::web::hooks::use_module_root;
use crate::web::markup::{target_attr, Markup};

#[derive(Properties, Clone)]
pub struct QuizProps {
    pub host: HtmlElement,
    pub lang: Lang,
    /// The bank's URL: `data-quiz-src`, or the bundled bank next to the entry script.
    pub src: Rc<str>,
    pub count: u8,
    pub seed: Option<i64>,
    /// The `localStorage` key of this widget's progress (`quiz::progress_slot`).
    pub slot: Rc<str>,
    /// What Share links to (`data-share-url`); `None`: the article's own address.
    pub share_url: Option<Rc<str>>,
}

impl PartialEq for QuizProps {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang
            && self.src == o.src
            && self.count == o.count
            && self.seed == o.seed
            && self.slot == o.slot
            && self.share_url == o.share_url
    }
}

/// The claim as a forwarded post, with when it circulated.
fn post(m: &mut Markup, lang: Lang, item: &Item) {
    m.open("figure", &[("class", "pw-post"), ("aria-label", Msg::PostLabel.text(lang))]);
    m.open("div", &[("class", "pw-post-head")]).el("span", &[("class", "pw-avatar"), ("aria-hidden", "true")], "?");
    m.el("span", &[("aria-hidden", "true")], Msg::PostAuthor.text(lang));
    m.el("span", &[("class", "pw-post-date")], &tr(lang, Msg::Circulated, &[("date", &month_year(lang, &item.circulated))])).close("div");
    m.el("blockquote", &[("class", "pw-claim")], &item.claim).close("figure");
}

fn feedback(m: &mut Markup, lang: Lang, bank: &Bank, id: &str, given: Given) {
    let Some(item) = bank.item(id) else { return };
    post(m, lang, item);
    let correct = item.answer == given.answer;
    m.open("div", &[("class", if correct { "pw-fb pw-fb-ok" } else { "pw-fb pw-fb-no" })]);
    m.open("p", &[("class", "pw-fb-head")]).el(
        "span",
        &[("class", "pw-fb-icon"), ("aria-hidden", "true")],
        if correct { "\u{2713}" } else { "\u{2717}" },
    );
    m.text(if correct { Msg::Correct } else { Msg::Incorrect }.text(lang)).text(" ");
    m.text(if item.answer == Answer::Hoax { Msg::ItIsHoax } else { Msg::ItIsFact }.text(lang)).close("p");
    // A contested label is never shown as a checker's verdict.
    if let Some(note) = &item.contested {
        m.p("", &tr(lang, Msg::Contested, &[("note", note)]));
    } else if let Some(v) = &item.verdict {
        m.p("", &tr(lang, Msg::VerdictLabel, &[("verdict", v)]));
    }
    if item.technique != "none" {
        if let Some(t) = bank.technique(&item.technique) {
            m.p("pw-technique", &tr(lang, Msg::TechniqueLine, &[("name", &t.name), ("description", &t.description)]));
        }
    }
    m.close("div");
    m.p("pw-explain", &item.explanation);
    let mut by = tr(lang, if item.contested.is_some() { Msg::SourceBy } else { Msg::CheckedBy }, &[("checker", &item.checker)]);
    if let Some(d) = &item.date {
        by = [by.as_str(), ", ", &parse_date(d).map_or_else(|| month_year(lang, d), |day| format_day(lang, DateStyle::ShortDate, day))]
            .concat();
    }
    m.open("p", &[("class", "pw-links")]).link(&item.url, &by);
    for (i, u) in item.also_see.iter().enumerate() {
        m.link(u, &tr(lang, Msg::AlsoSee, &[("n", &(i + 2).to_string())]));
    }
    m.close("p");
}

fn result(m: &mut Markup, lang: Lang, bank: &Bank, round: &Round) {
    let s = round.score(bank);
    m.p("pw-score", &tr(lang, Msg::ScoreLine, &[("score", &s.correct.to_string()), ("total", &round.total().to_string())]));
    m.p(
        "",
        &tr(
            lang,
            Msg::Discernment,
            &[
                ("caught", &s.hoaxes_caught.to_string()),
                ("hoaxes", &s.hoaxes.to_string()),
                ("trusted", &s.facts_trusted.to_string()),
                ("facts", &s.facts.to_string()),
            ],
        ),
    );
    if s.sure_but_wrong > 0 {
        m.p("", &tr(lang, Msg::SureButWrong, &[("n", &s.sure_but_wrong.to_string())]));
    }
    m.el("h4", &[], Msg::FooledBy.text(lang));
    if s.fooled_by.is_empty() {
        m.p("", Msg::NotFooled.text(lang));
    } else {
        m.open("ul", &[("class", "pw-list")]);
        for t in s.fooled_by.iter().filter_map(|id| bank.technique(id)) {
            m.open("li", &[]).el("strong", &[], &t.name).text(": ").text(&t.description).close("li");
        }
        m.close("ul");
    }
}

/// The result's references, after the reader's next actions: tips and where to report, each link
/// named after where it goes ("Sumber: turnbackhoax.id").
fn references(m: &mut Markup, lang: Lang, bank: &Bank) {
    let source = |url: &str| [Msg::Source.text(lang), ": ", site_of(url)].concat();
    m.el("h4", &[], Msg::TipsHeading.text(lang)).open("ul", &[("class", "pw-list")]);
    for tip in &bank.tips {
        m.open("li", &[]).text(&tip.text).text(" ").link(&tip.source, &source(&tip.source)).close("li");
    }
    m.close("ul").el("h4", &[], Msg::ReportHeading.text(lang)).open("ul", &[("class", "pw-list")]);
    for c in &bank.report {
        m.open("li", &[]).el("strong", &[], &c.name).text(": ").text(&c.detail).text(" ");
        m.text(&tr(lang, Msg::ChannelAsOf, &[("date", &month_year(lang, &c.as_of))])).text(" ");
        if let Some(u) = &c.url {
            m.link(u, &c.name);
        }
        m.link(&c.source, &source(&c.source)).close("li");
    }
    m.close("ul");
}

/// The session, and whether the module is still there.
type Live = (Rc<RefCell<Session>>, Rc<Cell<bool>>);

/// Applies an action to the session, then runs its effects once the session is released (a
/// host's listener may act on the widget synchronously) and re-renders. An action arriving while
/// another is being applied is dropped rather than allowed to break the module, and so is one
/// arriving after the module is gone (a bank or a share that answers late): nothing is saved and
/// no event fires for a widget that is no longer there.
fn run(props: &QuizProps, session: &Live, update: &UseForceUpdateHandle, action: Action) {
    let (session, alive) = session;
    if !alive.get() {
        return;
    }
    let saved = browser::load(&props.slot).unwrap_or_default();
    let env = Env { today: browser::today(), random: browser::random_seed(), saved: &saved };
    let Ok(mut s) = session.try_borrow_mut() else { return };
    let effects = s.update(action, &env);
    drop(s);
    for effect in effects {
        match effect {
            Effect::Save(value) => browser::store(&props.slot, &value),
            Effect::Emit(event) => browser::emit(&props.host, &event),
            Effect::Fetch(intent) => {
                let (p, session, update) = (props.clone(), (session.clone(), alive.clone()), update.clone());
                fetch_bank(props, intent, Callback::from(move |a| run(&p, &session, &update, a)));
            }
        }
    }
    update.force_update();
}

/// Fetches and checks the bank, then reports back through `act`.
fn fetch_bank(props: &QuizProps, intent: Intent, act: Callback<Action>) {
    let (url, lang) = (props.src.to_string(), props.lang);
    wasm_bindgen_futures::spawn_local(async move {
        // `None`: not fetched; `Some`: fetched but not a valid bank (not JSON, or what is wrong).
        let mut checked = None;
        let (_, failure) =
            browser::load_checked(&url, lang, true, None, &mut |j| parse_bank(j).map(|b| checked = Some(b)).map_err(|e| e.0)).await;
        act.emit(match (checked, failure) {
            // The bank, or its last good copy (the message says so).
            (Some(bank), p) => Action::Loaded(Rc::new(bank), intent, p.map(problem)),
            (None, Some(p)) => Action::Failed(problem(p)),
            (None, None) => return,
        });
    });
}

/// The loader's code and message as a domain problem.
fn problem((code, message): (String, String)) -> Problem {
    Problem { code: ErrorCode::of_loader(&code), message }
}

fn share(lang: Lang, text: String, url: Option<Rc<str>>, act: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        act.emit(Action::Shared(match browser::share(Msg::ModuleQuiz.text(lang), &text, url.as_deref()).await {
            Ok(true) => None,
            Ok(false) => Some(Msg::Copied.text(lang).to_string()),
            Err(()) => Some(tr(lang, Msg::CopyFailed, &[("text", &text)])),
        }));
    });
}

#[function_component(Quiz)]
pub fn quiz(props: &QuizProps) -> Html {
    let lang = props.lang;
    let session = use_mut_ref(|| Session::new(lang, props.count, props.seed));
    let update = use_force_update();
    // Cleared when the module goes: late answers are dropped.
    let alive = use_memo((), |_| Cell::new(true));
    {
        let alive = alive.clone();
        use_effect_with((), move |_| move || alive.set(false));
    }
    // Every action goes through the session; the view re-renders after each.
    let act: Callback<Action> = {
        let session = (session.clone(), alive.clone());
        use_callback(props.clone(), move |action: Action, props: &QuizProps| run(props, &session, &update, action))
    };

    let s = session.borrow();
    let (mut m, mut after) = (Markup::default(), Markup::default());
    m.el("h2", &[("class", "pw-title")], Msg::ModuleQuiz.text(lang));
    if let Some(n) = &s.stale {
        m.p("pw-notice", n);
    }
    let button = |m: &mut Markup, act: &str, class: &str, label: &str, focus: bool| {
        let mut attrs = vec![("type", "button"), ("class", class), ("data-act", act)];
        if focus {
            attrs.push(("data-focus", ""));
        }
        m.el("button", &attrs, label);
    };
    match (&s.screen, &s.bank, &s.round) {
        (Screen::Playing, Some(bank), Some(round)) => {
            let total = round.total();
            let progress = |n: usize| tr(lang, Msg::QuestionOf, &[("n", &(n + 1).to_string()), ("total", &total.to_string())]);
            match round.step() {
                Step::Question(n) => {
                    m.el("h3", &[("class", "pw-progress"), ("tabindex", "-1"), ("data-focus", "")], &progress(n));
                    if let Some(item) = bank.item(&round.ids[n]) {
                        post(&mut m, lang, item);
                    }
                    m.open("fieldset", &[("class", "pw-confs")]).el("legend", &[], Msg::ConfidenceLegend.text(lang));
                    for (c, label) in [("1", Msg::Confidence1), ("2", Msg::Confidence2), ("3", Msg::Confidence3)] {
                        m.open("label", &[("class", "pw-conf")]);
                        m.open("input", &[("type", "radio"), ("name", "pw-confidence"), ("data-conf", c)])
                            .text(label.text(lang))
                            .close("label");
                    }
                    m.close("fieldset").p("pw-prompt", Msg::AnswerPrompt.text(lang)).open("div", &[("class", "pw-answers")]);
                    button(&mut m, "hoax", "pw-btn pw-answer", Msg::AnswerHoax.text(lang), false);
                    button(&mut m, "fact", "pw-btn pw-answer", Msg::AnswerFact.text(lang), false);
                    m.close("div");
                }
                Step::Feedback(n) => {
                    m.el("h3", &[("class", "pw-progress")], &progress(n));
                    feedback(&mut m, lang, bank, &round.ids[n], round.given[n]);
                    let label = if n + 1 == total { Msg::SeeResult } else { Msg::NextQuestion };
                    button(&mut m, "next", "pw-btn pw-primary", label.text(lang), true);
                }
                Step::Done => {
                    m.el("h3", &[("class", "pw-progress"), ("tabindex", "-1"), ("data-focus", "")], Msg::ResultHeading.text(lang));
                    result(&mut m, lang, bank, round);
                    m.open("div", &[("class", "pw-answers")]);
                    button(&mut m, "new", "pw-btn pw-primary", Msg::PlayAgain.text(lang), false);
                    button(&mut m, "share", "pw-btn", Msg::Share.text(lang), false);
                    m.close("div");
                    // After the share status, which sits by its button (one live region).
                    references(&mut after, lang, bank);
                }
            }
        }
        (Screen::Loading, _, _) => {
            m.open("p", &[("class", "pw-loading"), ("role", "status")]).text(Msg::QuizLoading.text(lang)).close("p");
        }
        (Screen::Failed(message), _, _) => {
            m.open("div", &[("class", "pw-error"), ("role", "alert")]).el("p", &[("tabindex", "-1"), ("data-focus", "")], message);
            button(&mut m, "retry", "pw-btn", Msg::QuizRetry.text(lang), false);
            m.close("div");
        }
        _ => {
            let (unfinished, review) = peek(&browser::load(&props.slot).unwrap_or_default(), browser::today());
            m.p("pw-intro", Msg::QuizIntro.text(lang)).open("div", &[("class", "pw-answers")]);
            if let Some((answered, total)) = unfinished {
                let label = tr(lang, Msg::QuizContinue, &[("n", &(answered + 1).min(total).to_string()), ("total", &total.to_string())]);
                button(&mut m, "continue", "pw-btn pw-primary", &label, false);
                button(&mut m, "new", "pw-btn", Msg::QuizStart.text(lang), false);
            } else {
                button(&mut m, "new", "pw-btn pw-primary", Msg::QuizStart.text(lang), false);
            }
            if review > 0 {
                button(&mut m, "review", "pw-btn", &tr(lang, Msg::QuizReview, &[("n", &review.to_string())]), false);
            }
            m.close("div");
        }
    }

    // One delegated handler for every button (click) and radio (change) in the markup.
    let handler = {
        let (act, session, url) = (act.clone(), session.clone(), props.share_url.clone());
        Callback::from(move |e: Event| {
            if e.type_() == "change" {
                act.emit(Action::Confidence(target_attr(&e, "data-conf").and_then(|c| parse_u64(&c)).map_or(0, |c| c.min(9) as u8)));
                return;
            }
            let Some(name) = target_attr(&e, "data-act") else { return };
            let action = match name.as_str() {
                "new" => Action::Start(Intent::New),
                "continue" => Action::Start(Intent::Continue),
                "review" => Action::Start(Intent::Review),
                "retry" => Action::Retry,
                "hoax" => Action::Answer(Answer::Hoax),
                "fact" => Action::Answer(Answer::Fact),
                "next" => Action::Next,
                "share" => {
                    if let Some(text) = session.borrow().share_text() {
                        share(lang, text, url.clone(), act.clone());
                    }
                    return;
                }
                _ => return,
            };
            act.emit(action);
        })
    };
    // Focus moves to the element marked for it after each transition.
    let root = use_module_root(&["click", "change"], handler, s.focus, None);
    // Rendered by Yew, outside the markup, so that screen readers hear each change of their text.
    // Its own node, outside the markup: a new status neither re-creates the Share button (focus
    // stays on it) nor is announced twice.
    let status = s.share_status.clone().unwrap_or_default();
    html! {
        <div class="pw-quiz" ref={root}>
            { m.into_html() }
            <p class="pw-small" role="status">{ status }</p>
            { after.into_html() }
            <p class="pw-sr" aria-live="polite">{ s.announce.clone() }</p>
        </div>
    }
}
