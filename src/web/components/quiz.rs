//! The quiz module: intro, one claim at a time shown like a social-media post, feedback that names
//! the verdict and the technique with its source, and a result screen that teaches. Progress is
//! saved per widget in `localStorage`; the bank is fetched when the reader starts.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::domain::guide::site_of;
use crate::domain::i18n::{tr, Lang, Msg};
use crate::domain::num::parse_u64;
use crate::domain::quiz::{month_year, parse_bank, peek, Answer, Bank, Given, Item, Round, Saved, Step};
use crate::domain::time::parse_date;
use crate::web::browser::{self, format_day, num, DateStyle};
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
    /// The `localStorage` key of this widget's progress.
    pub store_key: Rc<str>,
    /// What Share links to (`data-share-url`); `None`: the article's own address.
    pub share_url: Option<Rc<str>>,
}

impl PartialEq for QuizProps {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang
            && self.src == o.src
            && self.count == o.count
            && self.seed == o.seed
            && self.store_key == o.store_key
            && self.share_url == o.share_url
    }
}

#[derive(Clone, PartialEq)]
enum Screen {
    Intro,
    Loading,
    Failed(String),
    Playing,
}

/// What the reader wants to do once the bank is loaded.
#[derive(Clone, Copy, PartialEq)]
enum Intent {
    New,
    Continue,
    Review,
}

struct State {
    screen: Screen,
    bank: Option<Rc<Bank>>,
    saved: Saved,
    round: Option<Round>,
    confidence: Option<u8>,
    share_status: Option<String>,
    /// Grows on every transition that moves focus.
    focus: u32,
    last_intent: Intent,
    /// Rounds started in this page view: "play again" draws from `seed + n`.
    session_rounds: u32,
    /// Events to dispatch once the state is no longer borrowed (a host listener may act on the
    /// widget synchronously).
    outbox: Vec<(&'static str, Vec<(&'static str, JsValue)>)>,
    /// What the live region says about the last answer.
    announce: String,
    /// Why the questions shown are the last good copy of their file, with its date.
    stale: Option<String>,
}

fn event(s: &mut State, name: &'static str, detail: Vec<(&'static str, JsValue)>) {
    s.outbox.push((name, detail));
}

/// Starts (or resumes) a round with a loaded bank, saving and announcing it.
fn begin(props: &QuizProps, s: &mut State, bank: Rc<Bank>, intent: Intent) {
    let raw = browser::load(&props.store_key).unwrap_or_default();
    let mut saved = Saved::decode(&raw, &bank).unwrap_or_default();
    let today = browser::today();
    let round = match intent {
        Intent::Continue if saved.round.is_some() => saved.round.clone(),
        Intent::Review => saved.review(today).map(|ids| Round::of(ids, browser::random_seed())),
        _ => None,
    };
    let round = round.unwrap_or_else(|| {
        // `data-seed` fixes the first round of every page view; "play again" moves on from it.
        let base = props.seed.map(|s| s as u64).unwrap_or_else(browser::random_seed);
        let seed = base.wrapping_add(u64::from(s.session_rounds).wrapping_mul(0x9E37_79B9));
        let avoid = s.round.as_ref().map(|r| r.ids.clone()).unwrap_or_default();
        s.session_rounds += 1;
        Round::new(&bank, usize::from(props.count), seed, &avoid)
    });
    if round.given.is_empty() {
        event(s, "pemilu:quiz-start", vec![("total", num(round.total()))]);
    }
    saved.round = Some(round.clone());
    browser::store(&props.store_key, &saved.encode());
    s.saved = saved;
    s.round = Some(round);
    s.bank = Some(bank);
    s.screen = Screen::Playing;
    s.confidence = None;
    s.share_status = None;
    s.focus += 1;
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

/// A file that failed: the `pemilu:error` code and the translated message.
type Problem = (String, String);

/// Queues `pemilu:error` for a problem (the console has heard of it already).
fn report(s: &mut State, (code, message): &Problem) {
    event(s, "pemilu:error", vec![("code", code.as_str().into()), ("message", message.as_str().into())]);
}

/// Everything a reader can do; one handler applies them all.
#[derive(Clone)]
enum Action {
    Start(Intent),
    /// The bank; when it is the last good copy of a file that failed, that failure.
    Loaded(Rc<Bank>, Intent, Option<Problem>),
    Failed(Problem),
    Confidence(u8),
    Answer(Answer),
    Next,
    Shared(Option<String>),
}

/// Applies an action to a copy of the state, with its side effects (storage, events). Returns
/// whether the bank must be fetched first.
fn apply(props: &QuizProps, s: &mut State, action: Action) -> bool {
    let lang = props.lang;
    match action {
        Action::Start(intent) => match s.bank.clone() {
            Some(bank) => begin(props, s, bank, intent),
            None => {
                s.screen = Screen::Loading;
                s.last_intent = intent;
                return true;
            }
        },
        Action::Loaded(bank, intent, problem) => {
            if let Some(p) = problem {
                report(s, &p);
                s.stale = Some(p.1);
            }
            begin(props, s, bank, intent);
        }
        Action::Failed(p) => {
            report(s, &p);
            s.screen = Screen::Failed(p.1);
            s.focus += 1;
        }
        Action::Confidence(c) => s.confidence = Some(c),
        Action::Answer(a) => {
            let (Some(bank), Some(round)) = (s.bank.clone(), s.round.as_mut()) else { return false };
            let index = round.given.len();
            let Some(correct) = round.answer(&bank, Given { answer: a, confidence: s.confidence }) else { return false };
            let detail = vec![
                ("id", round.ids[index].as_str().into()),
                ("answer", a.name().into()),
                ("correct", correct.into()),
                ("index", num(index)),
                ("total", num(round.total())),
            ];
            s.saved.round = Some(round.clone());
            s.saved.last_day = browser::today();
            browser::store(&props.store_key, &s.saved.encode());
            event(s, "pemilu:quiz-answer", detail);
            let truth = if a == Answer::Hoax { correct } else { !correct };
            s.announce = format!(
                "{} {}",
                if correct { Msg::Correct } else { Msg::Incorrect }.text(lang),
                if truth { Msg::ItIsHoax } else { Msg::ItIsFact }.text(lang)
            );
            s.confidence = None;
            s.focus += 1;
        }
        Action::Next => {
            s.announce.clear();
            let (Some(bank), Some(round)) = (s.bank.clone(), s.round.as_mut()) else { return false };
            round.next();
            let round = round.clone();
            if round.step() == Step::Done {
                let score = round.score(&bank);
                s.saved.finish(&round, &bank, browser::today());
                let detail = vec![
                    ("score", num(score.correct)),
                    ("total", num(round.total())),
                    ("hoaxesCaught", num(score.hoaxes_caught)),
                    ("hoaxesTotal", num(score.hoaxes)),
                    ("factsTrusted", num(score.facts_trusted)),
                    ("factsTotal", num(score.facts)),
                ];
                event(s, "pemilu:quiz-complete", detail);
            } else {
                s.saved.round = Some(round);
            }
            browser::store(&props.store_key, &s.saved.encode());
            s.focus += 1;
        }
        Action::Shared(status) => s.share_status = status,
    }
    false
}

/// Applies an action, then dispatches its events once the state is released (a host's listener
/// may act on the widget synchronously) and re-renders. An action arriving while another is being
/// applied is dropped rather than allowed to break the module.
fn run(props: &QuizProps, state: &std::cell::RefCell<State>, update: &UseForceUpdateHandle, action: Action) -> bool {
    let Ok(mut s) = state.try_borrow_mut() else { return false };
    let fetch = apply(props, &mut s, action);
    let outbox = std::mem::take(&mut s.outbox);
    drop(s);
    for (name, detail) in outbox {
        browser::dispatch(&props.host, name, &detail);
    }
    update.force_update();
    fetch
}

/// Fetches and checks the bank, then reports back through `act`.
fn fetch_bank(props: &QuizProps, act: Callback<Action>, intent: Intent) {
    let (url, lang) = (props.src.to_string(), props.lang);
    wasm_bindgen_futures::spawn_local(async move {
        // `None`: not fetched; `Some`: fetched but not a valid bank (not JSON, or what is wrong).
        let mut checked = None;
        let (_, problem) =
            browser::load_checked(&url, lang, true, None, &mut |j| parse_bank(j).map(|b| checked = Some(b)).map_err(|e| e.0)).await;
        act.emit(match (checked, problem) {
            // The bank, or its last good copy (the message says so).
            (Some(bank), problem) => Action::Loaded(Rc::new(bank), intent, problem),
            (None, Some(p)) => Action::Failed(p),
            (None, None) => return,
        });
    });
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
    let state = use_mut_ref(|| State {
        screen: Screen::Intro,
        bank: None,
        saved: Saved::default(),
        round: None,
        confidence: None,
        share_status: None,
        focus: 0,
        last_intent: Intent::New,
        session_rounds: 0,
        outbox: Vec::new(),
        announce: String::new(),
        stale: None,
    });
    let update = use_force_update();

    // One handler for every action (the state lives in a ref; the view re-renders after each).
    let act: Callback<Action> = {
        let state = state.clone();
        use_callback(props.clone(), move |action: Action, props: &QuizProps| {
            let intent = if let Action::Start(i) = &action { Some(*i) } else { None };
            if let (true, Some(intent)) = (run(props, &state, &update, action), intent) {
                // The fetch reports back through a sender of its own (`act` is being defined here).
                let (state, p, update) = (state.clone(), props.clone(), update.clone());
                let back = Callback::from(move |a: Action| {
                    run(&p, &state, &update, a);
                });
                fetch_bank(props, back, intent);
            }
        })
    };

    let s = state.borrow();
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
            let (unfinished, review) = peek(&browser::load(&props.store_key).unwrap_or_default(), browser::today());
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
        let (act, state, url) = (act.clone(), state.clone(), props.share_url.clone());
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
                "retry" => Action::Start(state.borrow().last_intent),
                "hoax" => Action::Answer(Answer::Hoax),
                "fact" => Action::Answer(Answer::Fact),
                "next" => Action::Next,
                "share" => {
                    let s = state.borrow();
                    if let (Some(bank), Some(round)) = (&s.bank, &s.round) {
                        let score = round.score(bank).correct.to_string();
                        let text = tr(lang, Msg::ShareText, &[("score", &score), ("total", &round.total().to_string())]);
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
