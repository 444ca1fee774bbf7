//! The election timeline: a compact progress strip, and the full list of stages with their
//! dates and sources behind a disclosure. Re-renders only when the current stage changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::election::{Election, Stage};
use crate::domain::i18n::{tr, Lang, Msg};
use crate::web::browser::{format_day, DateStyle};

#[derive(Properties, Clone)]
pub struct TimelineProps {
    pub election: Rc<Election>,
    pub lang: Lang,
    pub current: Option<usize>,
    pub done: bool,
}

// Compared on every tick of the countdown: the election by pointer, not by content.
impl PartialEq for TimelineProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.election, &o.election) && self.lang == o.lang && self.current == o.current && self.done == o.done
    }
}

pub struct Timeline;

impl Timeline {
    /// "28 Nov 2023 – 10 Feb 2024", or one date for a one-day stage.
    pub fn dates(lang: Lang, s: &Stage) -> String {
        let start = format_day(lang, DateStyle::ShortDate, s.start_day);
        if s.end_day == s.start_day {
            start
        } else {
            format!("{start} \u{2013} {}", format_day(lang, DateStyle::ShortDate, s.end_day))
        }
    }
}

impl Component for Timeline {
    type Message = ();
    type Properties = TimelineProps;

    fn create(_: &Context<Self>) -> Self {
        Timeline
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let TimelineProps { election, lang, current, done } = ctx.props().clone();
        let state = |i: usize| match current {
            Some(c) if i < c || (i == c && done) => "done",
            Some(c) if i == c => "current",
            _ => "todo",
        };
        html! {
            <div class="pw-timeline">
                <ol class="pw-strip" aria-hidden="true">
                    { for election.stages.iter().enumerate().map(|(i, _)| html! { <li class="pw-step" data-state={state(i)}></li> }) }
                </ol>
                <details class="pw-details">
                    <summary>{ Msg::TimelineHeading.text(lang) }</summary>
                    <ol class="pw-stages">
                        { for election.stages.iter().enumerate().map(|(i, s)| {
                            let st = state(i);
                            let mark = match st {
                                "current" => Some(Msg::StageCurrentMark),
                                "done" => Some(Msg::StageDoneMark),
                                _ => None,
                            };
                            html! {
                                <li class="pw-stage-item" data-state={st} aria-current={(st == "current").then_some("step")}>
                                    <span class="pw-stage-name">{ s.name.get(lang) }</span>
                                    if let Some(m) = mark { <span class="pw-mark">{ format!(" ({})", m.text(lang)) }</span> }
                                    <span class="pw-stage-dates">{ Timeline::dates(lang, s) }</span>
                                    <a class="pw-src" href={s.source.clone()} target="_blank" rel="noopener noreferrer"
                                        aria-label={format!("{}: {}", Msg::Source.text(lang), s.name.get(lang))}>{ Msg::Source.text(lang) }</a>
                                </li>
                            }
                        }) }
                    </ol>
                    if let Some(d) = election.as_of {
                        <p class="pw-asof">{ tr(lang, Msg::AsOf, &[("date", &format_day(lang, DateStyle::ShortDate, d))]) }</p>
                    }
                </details>
            </div>
        }
    }
}
