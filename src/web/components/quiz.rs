//! The quiz module: intro, one claim at a time shown like a social-media post, feedback that names
//! the verdict and the technique with its source, and a result screen that teaches. Progress is
//! saved per widget in `localStorage`; the bank is fetched when the reader starts.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::domain::i18n::{tr, Lang, Msg};
use crate::domain::quiz::{parse_bank, peek, Answer, Bank, Given, Round, Saved, Step};
use crate::domain::time::parse_date;
use crate::web::browser::{self, format_day, num, DateStyle};
use crate::web::markup::Markup;

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
}

impl PartialEq for QuizProps {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang && self.src == o.src && self.count == o.count && self.seed == o.seed && self.store_key == o.store_key
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

#[derive(Clone)]
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
}

fn event(host: &HtmlElement, name: &str, detail: &[(&str, JsValue)]) {
    browser::dispatch_values(host, name, detail);
}

/// Starts (or resumes) a round with a loaded bank, saving and announcing it.
fn begin(props: &QuizProps, mut s: State, bank: Rc<Bank>, intent: Intent) -> State {
    let raw = browser::load(&props.store_key).unwrap_or_default();
    let mut saved = Saved::decode(&raw, &bank).unwrap_or_default();
    let today = browser::today();
    let round = match intent {
        Intent::Continue if saved.round.is_some() => saved.round.clone(),
        Intent::Review => saved.review(today).map(|ids| Round::of(ids, browser::random_seed())),
        _ => None,
    };
    let round = round.unwrap_or_else(|| {
        let base = props.seed.map(|s| s as u64).unwrap_or_else(browser::random_seed);
        let seed = base.wrapping_add(u64::from(saved.rounds).wrapping_mul(0x9E37_79B9));
        let avoid = s.round.as_ref().map(|r| r.ids.clone()).unwrap_or_default();
        Round::new(&bank, usize::from(props.count), seed, &avoid)
    });
    if round.given.is_empty() {
        event(&props.host, "pemilu:quiz-start", &[("total", num(round.total()))]);
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
    s
}

fn post(m: &mut Markup, lang: Lang, claim: &str) {
    m.open("figure", &[("class", "pw-post"), ("aria-label", Msg::PostLabel.text(lang))]);
    m.open("div", &[("class", "pw-post-head"), ("aria-hidden", "true")]).el("span", &[("class", "pw-avatar")], "?");
    m.el("span", &[("class", "pw-post-author")], Msg::PostAuthor.text(lang)).close("div");
    m.el("blockquote", &[("class", "pw-claim")], claim).close("figure");
}

fn feedback(m: &mut Markup, lang: Lang, bank: &Bank, id: &str, given: Given) {
    let Some(item) = bank.index_of(id).map(|i| &bank.items[i]) else { return };
    post(m, lang, &item.claim);
    let correct = item.answer == given.answer;
    m.open("div", &[("class", if correct { "pw-fb pw-fb-ok" } else { "pw-fb pw-fb-no" }), ("role", "status")]);
    m.open("p", &[("class", "pw-fb-head")]).el(
        "span",
        &[("class", "pw-fb-icon"), ("aria-hidden", "true")],
        if correct { "\u{2713}" } else { "\u{2717}" },
    );
    m.text(if correct { Msg::Correct } else { Msg::Incorrect }.text(lang)).text(" ");
    m.text(if item.answer == Answer::Hoax { Msg::ItIsHoax } else { Msg::ItIsFact }.text(lang)).close("p");
    if let Some(v) = &item.verdict {
        m.p("", &tr(lang, Msg::VerdictLabel, &[("verdict", v)]));
    }
    if item.technique != "none" {
        if let Some(t) = bank.technique(&item.technique) {
            m.p("pw-technique", &tr(lang, Msg::TechniqueLine, &[("name", &t.name), ("description", &t.description)]));
        }
    }
    m.close("div");
    m.p("pw-explain", &item.explanation);
    let by = match &item.date {
        Some(d) => {
            let date = parse_date(d).map(|day| format_day(lang, DateStyle::ShortDate, day)).unwrap_or_else(|| d.clone());
            tr(lang, Msg::CheckedByOn, &[("checker", &item.checker), ("date", &date)])
        }
        None => tr(lang, Msg::CheckedBy, &[("checker", &item.checker)]),
    };
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
    m.el("h4", &[], Msg::TipsHeading.text(lang)).open("ul", &[("class", "pw-list")]);
    for tip in &bank.tips {
        m.open("li", &[]).text(&tip.text).text(" ").link(&tip.source, Msg::Source.text(lang)).close("li");
    }
    m.close("ul").el("h4", &[], Msg::ReportHeading.text(lang)).open("ul", &[("class", "pw-list")]);
    for c in &bank.report {
        m.open("li", &[]).el("strong", &[], &c.name).text(": ").text(&c.detail).text(" ");
        if let Some(u) = &c.url {
            m.link(u, &c.name);
        }
        m.link(&c.source, Msg::Source.text(lang)).close("li");
    }
    m.close("ul");
}

#[function_component(Quiz)]
pub fn quiz(props: &QuizProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| State {
        screen: Screen::Intro,
        bank: None,
        saved: Saved::default(),
        round: None,
        confidence: None,
        share_status: None,
        focus: 0,
        last_intent: Intent::New,
    });
    let root = use_node_ref();

    // Move focus to the element marked for it after each transition.
    {
        let root = root.clone();
        use_effect_with(state.focus, move |n| {
            if *n > 0 {
                if let Some(el) = root.cast::<HtmlElement>().and_then(|r| r.query_selector("[data-focus]").ok().flatten()) {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            }
        });
    }

    let start = |intent: Intent| {
        let (state, props) = (state.clone(), props.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(bank) = state.bank.clone() {
                return state.set(begin(&props, (*state).clone(), bank, intent));
            }
            let mut s = (*state).clone();
            s.screen = Screen::Loading;
            s.last_intent = intent;
            state.set(s.clone());
            let (state, props) = (state.clone(), props.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let url = props.src.to_string();
                let (code, message) = match browser::fetch_json(&url).await {
                    Ok(j) => match parse_bank(&j) {
                        Ok(bank) => return state.set(begin(&props, s, Rc::new(bank), intent)),
                        Err(e) => ("data-invalid", tr(lang, Msg::QuizInvalid, &[("url", &url), ("detail", &e.0)])),
                    },
                    Err(None) => ("data-fetch-failed", tr(lang, Msg::QuizFetchFailed, &[("url", &url)])),
                    Err(Some(d)) => ("data-invalid", tr(lang, Msg::QuizInvalid, &[("url", &url), ("detail", &d)])),
                };
                browser::warn(&message);
                event(&props.host, "pemilu:error", &[("code", code.into()), ("message", message.as_str().into())]);
                s.screen = Screen::Failed(message);
                s.focus += 1;
                state.set(s);
            });
        })
    };

    let title = html! { <h2 class="pw-title">{ Msg::ModuleQuiz.text(lang) }</h2> };
    let body = match (&state.screen, &state.bank, &state.round) {
        (Screen::Playing, Some(bank), Some(round)) => {
            let total = round.total();
            match round.step() {
                Step::Question(n) => {
                    let item = bank.index_of(&round.ids[n]).map(|i| &bank.items[i]);
                    let claim = item.map(|i| i.claim.as_str()).unwrap_or_default();
                    let mut m = Markup::default();
                    post(&mut m, lang, claim);
                    let answer = |a: Answer| {
                        let (state, props) = (state.clone(), props.clone());
                        Callback::from(move |_: MouseEvent| {
                            let mut s = (*state).clone();
                            let (Some(bank), Some(round)) = (s.bank.clone(), s.round.as_mut()) else { return };
                            let index = round.given.len();
                            let Some(correct) = round.answer(&bank, Given { answer: a, confidence: s.confidence }) else { return };
                            let id = round.ids[index].clone();
                            s.saved.round = Some(round.clone());
                            s.saved.last_day = browser::today();
                            browser::store(&props.store_key, &s.saved.encode());
                            event(
                                &props.host,
                                "pemilu:quiz-answer",
                                &[
                                    ("id", id.as_str().into()),
                                    ("answer", a.name().into()),
                                    ("correct", correct.into()),
                                    ("index", num(index)),
                                    ("total", num(round.total())),
                                ],
                            );
                            s.confidence = None;
                            s.focus += 1;
                            state.set(s);
                        })
                    };
                    let confidence = |c: u8, label: Msg| {
                        let checked = state.confidence == Some(c);
                        let state = state.clone();
                        let onchange = Callback::from(move |_: Event| {
                            let mut s = (*state).clone();
                            s.confidence = Some(c);
                            state.set(s);
                        });
                        html! {
                            <label class="pw-conf"><input type="radio" name="pw-confidence" {checked} {onchange} />{ label.text(lang) }</label>
                        }
                    };
                    html! {
                        <>
                            <h3 class="pw-progress" tabindex="-1" data-focus="">{ tr(lang, Msg::QuestionOf, &[("n", &(n + 1).to_string()), ("total", &total.to_string())]) }</h3>
                            { m.into_html() }
                            <fieldset class="pw-confs">
                                <legend>{ Msg::ConfidenceLegend.text(lang) }</legend>
                                { confidence(1, Msg::Confidence1) }{ confidence(2, Msg::Confidence2) }{ confidence(3, Msg::Confidence3) }
                            </fieldset>
                            <p class="pw-prompt">{ Msg::AnswerPrompt.text(lang) }</p>
                            <div class="pw-answers">
                                <button type="button" class="pw-btn pw-answer" onclick={answer(Answer::Hoax)}>{ Msg::AnswerHoax.text(lang) }</button>
                                <button type="button" class="pw-btn pw-answer" onclick={answer(Answer::Fact)}>{ Msg::AnswerFact.text(lang) }</button>
                            </div>
                        </>
                    }
                }
                Step::Feedback(n) => {
                    let mut m = Markup::default();
                    feedback(&mut m, lang, bank, &round.ids[n], round.given[n]);
                    let last = n + 1 == total;
                    let onclick = {
                        let (state, props) = (state.clone(), props.clone());
                        Callback::from(move |_: MouseEvent| {
                            let mut s = (*state).clone();
                            let (Some(bank), Some(round)) = (s.bank.clone(), s.round.as_mut()) else { return };
                            round.next();
                            if round.step() == Step::Done {
                                let score = round.score(&bank);
                                let done = round.clone();
                                s.saved.finish(&done, &bank, browser::today());
                                event(
                                    &props.host,
                                    "pemilu:quiz-complete",
                                    &[
                                        ("score", num(score.correct)),
                                        ("total", num(done.total())),
                                        ("hoaxesCaught", num(score.hoaxes_caught)),
                                        ("hoaxesTotal", num(score.hoaxes)),
                                        ("factsTrusted", num(score.facts_trusted)),
                                        ("factsTotal", num(score.facts)),
                                    ],
                                );
                            } else {
                                s.saved.round = Some(round.clone());
                            }
                            browser::store(&props.store_key, &s.saved.encode());
                            s.focus += 1;
                            state.set(s);
                        })
                    };
                    html! {
                        <>
                            <h3 class="pw-progress">{ tr(lang, Msg::QuestionOf, &[("n", &(n + 1).to_string()), ("total", &total.to_string())]) }</h3>
                            { m.into_html() }
                            <button type="button" class="pw-btn pw-primary" data-focus="" {onclick}>
                                { if last { Msg::SeeResult } else { Msg::NextQuestion }.text(lang) }
                            </button>
                        </>
                    }
                }
                Step::Done => {
                    let mut m = Markup::default();
                    result(&mut m, lang, bank, round);
                    let score = round.score(bank).correct;
                    let onshare = {
                        let state = state.clone();
                        let text = tr(lang, Msg::ShareText, &[("score", &score.to_string()), ("total", &total.to_string())]);
                        Callback::from(move |_: MouseEvent| {
                            let (state, text) = (state.clone(), text.clone());
                            wasm_bindgen_futures::spawn_local(async move {
                                let status = match browser::share(Msg::ModuleQuiz.text(lang), &text).await {
                                    Ok(true) => None,
                                    Ok(false) => Some(Msg::Copied.text(lang).to_string()),
                                    Err(()) => Some(tr(lang, Msg::CopyFailed, &[("text", &text)])),
                                };
                                let mut s = (*state).clone();
                                s.share_status = status;
                                state.set(s);
                            });
                        })
                    };
                    html! {
                        <>
                            <h3 class="pw-progress" tabindex="-1" data-focus="">{ Msg::ResultHeading.text(lang) }</h3>
                            { m.into_html() }
                            <div class="pw-answers">
                                <button type="button" class="pw-btn pw-primary" onclick={start(Intent::New)}>{ Msg::PlayAgain.text(lang) }</button>
                                <button type="button" class="pw-btn" onclick={onshare}>{ Msg::Share.text(lang) }</button>
                            </div>
                            <p class="pw-small" role="status">{ state.share_status.clone().unwrap_or_default() }</p>
                        </>
                    }
                }
            }
        }
        (Screen::Loading, _, _) => html! { <p class="pw-loading" role="status">{ Msg::QuizLoading.text(lang) }</p> },
        (Screen::Failed(message), _, _) => html! {
            <div class="pw-error" role="alert">
                <p tabindex="-1" data-focus="">{ message.clone() }</p>
                <button type="button" class="pw-btn" onclick={start(state.last_intent)}>{ Msg::QuizRetry.text(lang) }</button>
            </div>
        },
        _ => {
            let (unfinished, review) = peek(&browser::load(&props.store_key).unwrap_or_default(), browser::today());
            html! {
                <>
                    <p class="pw-intro">{ Msg::QuizIntro.text(lang) }</p>
                    <div class="pw-answers">
                        if let Some((answered, total)) = unfinished {
                            <button type="button" class="pw-btn pw-primary" onclick={start(Intent::Continue)}>
                                { tr(lang, Msg::QuizContinue, &[("n", &(answered + 1).min(total).to_string()), ("total", &total.to_string())]) }
                            </button>
                            <button type="button" class="pw-btn" onclick={start(Intent::New)}>{ Msg::QuizStart.text(lang) }</button>
                        } else {
                            <button type="button" class="pw-btn pw-primary" onclick={start(Intent::New)}>{ Msg::QuizStart.text(lang) }</button>
                        }
                        if review > 0 {
                            <button type="button" class="pw-btn" onclick={start(Intent::Review)}>{ tr(lang, Msg::QuizReview, &[("n", &review.to_string())]) }</button>
                        }
                    </div>
                </>
            }
        }
    };
    html! { <div class="pw-quiz" ref={root}>{ title }{ body }</div> }
}
