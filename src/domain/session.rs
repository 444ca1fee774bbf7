//! The quiz session as a pure state machine: [`Session::update`] applies one reader action (with
//! the few inputs it needs from outside, in [`Env`]) and returns the effects for the view to run
//! (save progress, dispatch an event, fetch the bank) as data. Nothing here touches the browser.

use std::rc::Rc;

use crate::domain::contract::{ErrorCode, Event};
use crate::domain::i18n::{tr, Lang, Msg};
use crate::domain::quiz::{Answer, Bank, Given, Round, Saved, Step};

/// The screen the quiz shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// Start (or continue, or review) buttons.
    Intro,
    /// The bank is being fetched.
    Loading,
    /// The bank could not be loaded: the translated message.
    Failed(String),
    /// A round: a question, its feedback or the result.
    Playing,
}

/// What the reader asked for when the bank was not loaded yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    /// A new round.
    New,
    /// The unfinished round saved from an earlier visit.
    Continue,
    /// The items answered wrongly on an earlier day.
    Review,
}

/// A file that failed: its error code and the translated message.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub code: ErrorCode,
    pub message: String,
}

/// Everything that can happen to a quiz.
#[derive(Clone, Debug)]
pub enum Action {
    /// A start button.
    Start(Intent),
    /// "Try again" after the bank failed: what the reader asked for last.
    Retry,
    /// The bank arrived; when it is the last good copy of a file that failed, that failure.
    Loaded(Rc<Bank>, Intent, Option<Problem>),
    /// The bank could not be loaded.
    Failed(Problem),
    /// How sure the reader is (1–3).
    Confidence(u8),
    /// An answer to the current question.
    Answer(Answer),
    /// Past the feedback: the next question, or the result.
    Next,
    /// The share button's outcome: a status line to show, or none (shared, or cancelled).
    Shared(Option<String>),
}

/// What an update reads from outside: the reader's local day, a random number for rounds without
/// a seed, and this widget's saved progress (empty when none).
#[derive(Clone, Debug, Default)]
pub struct Env<'a> {
    pub today: i64,
    pub random: u64,
    pub saved: &'a str,
}

/// What the view must do after an update, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Store this progress in the widget's slot.
    Save(String),
    /// Dispatch this event on the host.
    Emit(Event),
    /// Fetch the bank, then send [`Action::Loaded`] or [`Action::Failed`] with this intent.
    Fetch(Intent),
}

/// One widget's quiz, between actions.
#[derive(Clone, Debug)]
pub struct Session {
    pub lang: Lang,
    /// Questions per new round.
    pub count: u8,
    /// `data-seed`: fixes the first round of every page view.
    pub seed: Option<i64>,
    pub screen: Screen,
    pub bank: Option<Rc<Bank>>,
    pub saved: Saved,
    pub round: Option<Round>,
    pub confidence: Option<u8>,
    pub share_status: Option<String>,
    /// Grows on every transition that moves focus (the view focuses its marked element).
    pub focus: u32,
    /// What the live region says about the last answer.
    pub announce: String,
    /// Why the questions shown are the last good copy of their file, with its date.
    pub stale: Option<String>,
    last_intent: Intent,
    /// Rounds started in this page view: "play again" draws from `seed + n`.
    rounds: u32,
}

impl Session {
    /// A quiz on its intro screen.
    pub fn new(lang: Lang, count: u8, seed: Option<i64>) -> Session {
        Session {
            lang,
            count,
            seed,
            screen: Screen::Intro,
            bank: None,
            saved: Saved::default(),
            round: None,
            confidence: None,
            share_status: None,
            focus: 0,
            announce: String::new(),
            stale: None,
            last_intent: Intent::New,
            rounds: 0,
        }
    }

    /// Applies `action`; returns what the view must do.
    pub fn update(&mut self, action: Action, env: &Env) -> Vec<Effect> {
        let mut fx = Vec::new();
        match action {
            Action::Start(intent) => self.start(intent, env, &mut fx),
            Action::Retry => self.start(self.last_intent, env, &mut fx),
            Action::Loaded(bank, intent, problem) => {
                if let Some(p) = problem {
                    fx.push(error(&p));
                    self.stale = Some(p.message);
                }
                self.bank = Some(bank);
                self.begin(intent, env, &mut fx);
            }
            Action::Failed(p) => {
                fx.push(error(&p));
                self.screen = Screen::Failed(p.message);
                self.focus += 1;
            }
            Action::Confidence(c) => self.confidence = Some(c.clamp(1, 3)),
            Action::Answer(a) => self.answer(a, env, &mut fx),
            Action::Next => self.next(env, &mut fx),
            Action::Shared(status) => self.share_status = status,
        }
        fx
    }

    /// The text a reader shares from the result screen.
    pub fn share_text(&self) -> Option<String> {
        let (bank, round) = (self.bank.as_ref()?, self.round.as_ref()?);
        let score = round.score(bank).correct.to_string();
        Some(tr(self.lang, Msg::ShareText, &[("score", &score), ("total", &round.total().to_string())]))
    }

    fn start(&mut self, intent: Intent, env: &Env, fx: &mut Vec<Effect>) {
        self.last_intent = intent;
        if self.bank.is_some() {
            self.begin(intent, env, fx);
        } else {
            self.screen = Screen::Loading;
            fx.push(Effect::Fetch(intent));
        }
    }

    /// Starts (or resumes) a round with the loaded bank, saving and announcing it.
    fn begin(&mut self, intent: Intent, env: &Env, fx: &mut Vec<Effect>) {
        let Some(bank) = self.bank.clone() else { return };
        // Progress that does not fit this bank (corrupt, another version) is started afresh.
        let mut saved = Saved::decode(env.saved, &bank).unwrap_or_default();
        let round = match intent {
            Intent::Continue => saved.round.clone(),
            Intent::Review => saved.review(env.today).map(|ids| Round::of(ids, env.random)),
            Intent::New => None,
        };
        let round = round.unwrap_or_else(|| {
            let base = self.seed.map_or(env.random, |s| s as u64);
            let seed = base.wrapping_add(u64::from(self.rounds).wrapping_mul(0x9E37_79B9));
            let avoid = self.round.as_ref().map(|r| r.ids.clone()).unwrap_or_default();
            self.rounds += 1;
            Round::new(&bank, usize::from(self.count), seed, &avoid)
        });
        saved.round = Some(round.clone());
        fx.push(Effect::Save(saved.encode()));
        if round.given.is_empty() {
            fx.push(Effect::Emit(Event::QuizStart { total: round.total() }));
        }
        self.saved = saved;
        self.round = Some(round);
        self.screen = Screen::Playing;
        self.confidence = None;
        self.share_status = None;
        self.focus += 1;
    }

    fn answer(&mut self, a: Answer, env: &Env, fx: &mut Vec<Effect>) {
        let (Some(bank), Some(round)) = (&self.bank, self.round.as_mut()) else { return };
        let index = round.given.len();
        let Some(correct) = round.answer(bank, Given { answer: a, confidence: self.confidence }) else { return };
        let event = Event::QuizAnswer { id: round.ids[index].clone(), answer: a.name(), correct, index, total: round.total() };
        self.saved.round = Some(round.clone());
        self.saved.last_day = env.today;
        fx.push(Effect::Save(self.saved.encode()));
        fx.push(Effect::Emit(event));
        let hoax = (a == Answer::Hoax) == correct;
        self.announce = [
            if correct { Msg::Correct } else { Msg::Incorrect }.text(self.lang),
            " ",
            if hoax { Msg::ItIsHoax } else { Msg::ItIsFact }.text(self.lang),
        ]
        .concat();
        self.confidence = None;
        self.focus += 1;
    }

    fn next(&mut self, env: &Env, fx: &mut Vec<Effect>) {
        let (Some(bank), Some(round)) = (&self.bank, self.round.as_mut()) else { return };
        if !matches!(round.step(), Step::Feedback(_)) {
            return;
        }
        self.announce.clear();
        round.next();
        if round.step() == Step::Done {
            let s = round.score(bank);
            self.saved.finish(round, bank, env.today);
            fx.push(Effect::Save(self.saved.encode()));
            fx.push(Effect::Emit(Event::QuizComplete {
                score: s.correct,
                total: round.total(),
                hoaxes_caught: s.hoaxes_caught,
                hoaxes_total: s.hoaxes,
                facts_trusted: s.facts_trusted,
                facts_total: s.facts,
            }));
        } else {
            self.saved.round = Some(round.clone());
            fx.push(Effect::Save(self.saved.encode()));
        }
        self.focus += 1;
    }
}

fn error(p: &Problem) -> Effect {
    Effect::Emit(Event::Error { code: p.code, message: p.message.clone(), attribute: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quiz::parse_bank;

    const DAY: i64 = 20_000;

    fn bank() -> Rc<Bank> {
        let v: serde_json::Value = serde_json::from_str(include_str!("../../data/quiz-en.json")).unwrap();
        Rc::new(parse_bank(&v).unwrap())
    }

    fn env(saved: &str) -> Env<'_> {
        Env { today: DAY, random: 7, saved }
    }

    fn saves(fx: &[Effect]) -> Vec<&str> {
        fx.iter().filter_map(|e| if let Effect::Save(s) = e { Some(s.as_str()) } else { None }).collect()
    }

    fn events(fx: &[Effect]) -> Vec<&Event> {
        fx.iter().filter_map(|e| if let Effect::Emit(ev) = e { Some(ev) } else { None }).collect()
    }

    /// A session with the bank loaded and a new round of `n` started (seed 1).
    fn playing(n: u8) -> Session {
        let mut s = Session::new(Lang::En, n, Some(1));
        s.update(Action::Start(Intent::New), &env(""));
        s.update(Action::Loaded(bank(), Intent::New, None), &env(""));
        s
    }

    /// The right answer to the current question.
    fn right(s: &Session) -> Answer {
        let round = s.round.as_ref().unwrap();
        s.bank.as_ref().unwrap().item(&round.ids[round.given.len()]).unwrap().answer
    }

    fn wrong(s: &Session) -> Answer {
        if right(s) == Answer::Hoax {
            Answer::Fact
        } else {
            Answer::Hoax
        }
    }

    #[test]
    fn start_without_the_bank_asks_for_it_and_waits() {
        let mut s = Session::new(Lang::Id, 5, None);
        assert_eq!(s.screen, Screen::Intro);
        let fx = s.update(Action::Start(Intent::Continue), &env(""));
        assert_eq!(fx, vec![Effect::Fetch(Intent::Continue)]);
        assert_eq!(s.screen, Screen::Loading);
        assert!(s.round.is_none());
    }

    #[test]
    fn loaded_bank_starts_a_round_saves_it_and_announces_it() {
        let mut s = Session::new(Lang::En, 5, Some(1));
        s.update(Action::Start(Intent::New), &env(""));
        let focus = s.focus;
        let fx = s.update(Action::Loaded(bank(), Intent::New, None), &env(""));
        assert_eq!(s.screen, Screen::Playing);
        assert_eq!(s.focus, focus + 1);
        let round = s.round.clone().unwrap();
        assert_eq!(round.total(), 5);
        assert_eq!(round.step(), Step::Question(0));
        // Saved first, then announced: a host listener sees the stored progress.
        assert!(matches!(fx[0], Effect::Save(_)));
        assert_eq!(events(&fx), vec![&Event::QuizStart { total: 5 }]);
        let saved = Saved::decode(saves(&fx)[0], &bank()).unwrap();
        assert_eq!(saved.round, Some(round));
        // The same seed draws the same round in another page view.
        assert_eq!(playing(5).round.unwrap().ids, s.round.unwrap().ids);
    }

    #[test]
    fn a_stale_copy_is_reported_once_and_shown() {
        let mut s = Session::new(Lang::En, 3, Some(1));
        let p = Problem { code: ErrorCode::DataFetchFailed, message: "Showing the copy saved on 6 Dec 2026.".into() };
        let fx = s.update(Action::Loaded(bank(), Intent::New, Some(p.clone())), &env(""));
        assert_eq!(events(&fx)[0], &Event::Error { code: ErrorCode::DataFetchFailed, message: p.message.clone(), attribute: None });
        assert_eq!(s.stale.as_deref(), Some(p.message.as_str()));
        assert_eq!(s.screen, Screen::Playing);
    }

    #[test]
    fn a_failed_bank_shows_its_message_and_retry_asks_again_for_the_same_thing() {
        let mut s = Session::new(Lang::En, 3, None);
        s.update(Action::Start(Intent::Review), &env(""));
        let p = Problem { code: ErrorCode::DataInvalid, message: "not a question bank".into() };
        let fx = s.update(Action::Failed(p), &env(""));
        assert_eq!(s.screen, Screen::Failed("not a question bank".into()));
        assert!(matches!(events(&fx)[0], Event::Error { code: ErrorCode::DataInvalid, .. }));
        assert_eq!(s.update(Action::Retry, &env("")), vec![Effect::Fetch(Intent::Review)]);
        assert_eq!(s.screen, Screen::Loading);
    }

    #[test]
    fn an_answer_with_confidence_is_saved_explained_and_announced() {
        let mut s = playing(3);
        s.update(Action::Confidence(3), &env(""));
        assert_eq!(s.confidence, Some(3));
        let a = wrong(&s);
        let id = s.round.as_ref().unwrap().ids[0].clone();
        let fx = s.update(Action::Answer(a), &env(""));
        assert_eq!(events(&fx), vec![&Event::QuizAnswer { id, answer: a.name(), correct: false, index: 0, total: 3 }]);
        let round = s.round.as_ref().unwrap();
        assert_eq!(round.step(), Step::Feedback(0));
        assert_eq!(round.given[0].confidence, Some(3));
        assert_eq!(s.confidence, None, "the next question starts unsure");
        assert!(s.announce.starts_with(Msg::Incorrect.text(Lang::En)));
        assert_eq!(Saved::decode(saves(&fx)[0], &bank()).unwrap().last_day, DAY);
        // A second answer to the same question is ignored.
        assert!(s.update(Action::Answer(a), &env("")).is_empty());
    }

    #[test]
    fn next_moves_on_then_the_last_one_completes_the_round() {
        let mut s = playing(2);
        // Next without an answer does nothing.
        assert!(s.update(Action::Next, &env("")).is_empty());
        let a = right(&s);
        s.update(Action::Answer(a), &env(""));
        let fx = s.update(Action::Next, &env(""));
        assert!(events(&fx).is_empty());
        assert!(s.announce.is_empty());
        assert_eq!(s.round.as_ref().unwrap().step(), Step::Question(1));
        let a = wrong(&s);
        s.update(Action::Answer(a), &env(""));
        let fx = s.update(Action::Next, &env(""));
        let Event::QuizComplete { score, total, hoaxes_total, facts_total, .. } = events(&fx)[0].clone() else { panic!("{fx:?}") };
        assert_eq!((score, total, hoaxes_total + facts_total), (1, 2, 2));
        assert_eq!(s.round.as_ref().unwrap().step(), Step::Done);
        let saved = Saved::decode(saves(&fx)[0], &bank()).unwrap();
        assert_eq!((saved.round, saved.rounds, saved.missed.len()), (None, 1, 1));
        assert_eq!(s.share_text().unwrap(), tr(Lang::En, Msg::ShareText, &[("score", "1"), ("total", "2")]));
    }

    #[test]
    fn play_again_draws_other_items_without_a_fetch() {
        let mut s = playing(4);
        let first = s.round.clone().unwrap().ids;
        s.update(Action::Shared(Some("Copied".into())), &env(""));
        let fx = s.update(Action::Start(Intent::New), &env(""));
        assert!(!fx.contains(&Effect::Fetch(Intent::New)));
        assert_eq!(events(&fx), vec![&Event::QuizStart { total: 4 }]);
        let second = s.round.clone().unwrap().ids;
        assert!(second.iter().all(|id| !first.contains(id)), "{first:?} then {second:?}");
        assert_eq!(s.share_status, None, "a new round clears the share status");
    }

    #[test]
    fn booster_round_reviews_missed_items_on_a_later_day() {
        let mut s = playing(2);
        for _ in 0..2 {
            let a = wrong(&s);
            s.update(Action::Answer(a), &env(""));
            s.update(Action::Next, &env(""));
        }
        let saved = s.saved.encode();
        let missed = s.saved.missed.clone();
        // Not on the same day.
        let mut same_day = Session::new(Lang::En, 2, None);
        same_day.update(Action::Loaded(bank(), Intent::Review, None), &env(&saved));
        assert_ne!(same_day.round.as_ref().unwrap().ids, missed);
        // The next day: the missed items, and a new round starts (an event).
        let mut later = Session::new(Lang::En, 2, None);
        let next_day = Env { today: DAY + 1, random: 3, saved: &saved };
        let fx = later.update(Action::Loaded(bank(), Intent::Review, None), &next_day);
        let mut ids = later.round.as_ref().unwrap().ids.clone();
        ids.sort();
        let mut want = missed.clone();
        want.sort();
        assert_eq!(ids, want);
        assert_eq!(events(&fx), vec![&Event::QuizStart { total: 2 }]);
    }

    #[test]
    fn continue_restores_saved_progress_without_announcing_a_start() {
        let mut s = playing(3);
        let a = right(&s);
        s.update(Action::Answer(a), &env(""));
        s.update(Action::Next, &env(""));
        let saved = s.saved.encode();
        let mut back = Session::new(Lang::En, 3, None);
        let fx = back.update(Action::Loaded(bank(), Intent::Continue, None), &env(&saved));
        assert_eq!(back.round, s.round);
        assert_eq!(back.round.as_ref().unwrap().step(), Step::Question(1));
        assert!(events(&fx).is_empty(), "a resumed round is not a new start");
    }

    #[test]
    fn corrupt_or_foreign_saved_progress_starts_afresh() {
        for saved in ["garbage", "pq1|x|y|z|a|b|c|d", "pq1|0|0||nope,nada|hf|1|5", "pq0|0|0||||1|5"] {
            let mut s = Session::new(Lang::En, 3, Some(1));
            let fx = s.update(Action::Loaded(bank(), Intent::Continue, None), &env(saved));
            assert_eq!(s.round.as_ref().unwrap().step(), Step::Question(0), "{saved}");
            assert_eq!(s.round.as_ref().unwrap().total(), 3);
            assert_eq!(events(&fx), vec![&Event::QuizStart { total: 3 }], "{saved}");
            assert!(Saved::decode(saves(&fx)[0], &bank()).is_some(), "the fresh progress replaces it");
        }
    }

    #[test]
    fn share_outcome_is_kept_until_the_next_round() {
        let mut s = playing(1);
        assert!(s.update(Action::Shared(Some("Copied".into())), &env("")).is_empty());
        assert_eq!(s.share_status.as_deref(), Some("Copied"));
        s.update(Action::Shared(None), &env(""));
        assert_eq!(s.share_status, None);
    }
}
