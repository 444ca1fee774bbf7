//! The countdown module: time to polls opening in the chosen zone, polls-open and after-voting
//! states, the current stage, and a polite live region that speaks only meaningful changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::config::ZoneChoice;
use crate::domain::election::{days_between, status, zone_label, Announcement, Election, Phase, Remaining, Status};
use crate::domain::i18n::{tr, Lang, Msg};
use crate::web::browser::{format_days_ago, format_instant, format_int, reader_offset, reader_time_zone, DateStyle};
use crate::web::components::timeline::Timeline;
use crate::web::components::Same;
use crate::web::hooks::use_wall_clock;

#[derive(Properties, PartialEq, Clone)]
pub struct CountdownProps {
    pub election: Rc<Election>,
    pub zone: ZoneChoice,
    /// `data-now`: a frozen clock.
    pub frozen: Option<i64>,
    pub lang: Lang,
}

/// The IANA zone used for formatting (`None`: the reader's own).
fn tz(zone: ZoneChoice) -> Option<&'static str> {
    match zone {
        ZoneChoice::Fixed(z) => Some(z.iana()),
        ZoneChoice::Auto => None,
    }
}

/// "13.00 WIB" in a fixed zone, "13.00" in the reader's own.
fn clock_time(lang: Lang, zone: ZoneChoice, ms: i64) -> String {
    let t = format_instant(lang, DateStyle::Time, tz(zone), ms);
    match zone {
        ZoneChoice::Fixed(z) => format!("{t} {}", z.abbr()),
        ZoneChoice::Auto => t,
    }
}

fn unit(lang: Lang, n: i64, one: Msg, many: Msg) -> &'static str {
    if n == 1 { one } else { many }.text(lang)
}

/// "3 hari 18 jam" / "3 days 18 hours": the coarse time left, for the live region.
fn spoken_left(lang: Lang, days: i64, hours: i64, minutes: Option<i64>) -> String {
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{} {}", format_int(lang, days), unit(lang, days, Msg::Day, Msg::Days)));
    }
    if days > 0 || hours > 0 {
        parts.push(format!("{hours} {}", unit(lang, hours, Msg::Hour, Msg::Hours)));
    }
    if let Some(m) = minutes {
        parts.push(format!("{m} {}", unit(lang, m, Msg::Minute, Msg::Minutes)));
    }
    parts.join(" ")
}

fn stage_sentence(lang: Lang, e: &Election, current: Option<usize>, done: bool) -> Option<String> {
    let stage = &e.stages[current?];
    let dates = Timeline::dates(lang, stage);
    let msg = if done { Msg::AllStagesDone } else { Msg::CurrentStage };
    Some(tr(lang, msg, &[("stage", stage.name.get(lang)), ("dates", &dates)]))
}

/// An election compared by pointer: memo dependencies are checked on every tick.
#[derive(Clone)]
/// The live-region memory: what was last announced, its text, and when.
#[derive(Default)]
struct Spoken {
    last: Option<Announcement>,
    text: String,
    at_ms: i64,
}

#[function_component(Countdown)]
pub fn countdown(props: &CountdownProps) -> Html {
    let CountdownProps { election: e, zone, frozen, lang } = props.clone();
    let now = use_wall_clock(frozen);
    let st = status(&e, zone, now);

    // Text that changes only with the configuration, not every second.
    let header = use_memo((Same(e.clone()), zone, lang), |(Same(e), zone, lang)| {
        let (lang, zone) = (*lang, *zone);
        let (open, close) = e.polls(zone);
        let date = format_instant(lang, DateStyle::WeekdayDate, tz(zone), open);
        let when = match zone {
            ZoneChoice::Auto if !e.stages.is_empty() => {
                tr(lang, Msg::PollsOpenAtAuto, &[("date", &date), ("time", &clock_time(lang, zone, open))])
            }
            _ => tr(lang, Msg::PollsOpenAt, &[("date", &date), ("time", &clock_time(lang, zone, open))]),
        };
        let zone_line = match zone {
            ZoneChoice::Fixed(z) => {
                let (abbr, hours) = zone_label(z);
                tr(lang, Msg::ZoneFixed, &[("zone", abbr), ("hours", &hours.to_string())])
            }
            ZoneChoice::Auto => tr(lang, Msg::ZoneAuto, &[("tz", &reader_time_zone())]),
        };
        (tr(lang, Msg::CountdownHeading, &[("name", e.name.get(lang))]), when, zone_line, clock_time(lang, zone, close), date)
    });
    let (heading, when, zone_line, close_time, voting_date) = &*header;
    // The stage sentence changes with the stage, not with every tick.
    let sentence = use_memo((Same(e.clone()), lang, st.current_stage, st.timeline_done), |(Same(e), lang, current, done)| {
        stage_sentence(*lang, e, *current, *done)
    });

    // The live region: milestones at once, other changes at most once a minute.
    let spoken = use_mut_ref(Spoken::default);
    {
        let ann = st.announcement();
        let mut sp = spoken.borrow_mut();
        match &sp.last {
            None => sp.last = Some(ann),
            Some(prev) if *prev != ann && (Status::is_milestone(prev, &ann) || now - sp.at_ms >= 60_000) => {
                sp.text = match &ann {
                    Announcement::Left { days, hours, minutes } => {
                        tr(lang, Msg::AnnounceLeft, &[("left", &spoken_left(lang, *days, *hours, *minutes))])
                    }
                    Announcement::Open => tr(lang, Msg::AnnounceOpen, &[("time", close_time)]),
                    Announcement::After { .. } => tr(lang, Msg::AnnounceClosed, &[("stage", sentence.as_deref().unwrap_or_default())]),
                };
                sp.at_ms = now;
                sp.last = Some(ann);
            }
            _ => {}
        }
    }
    let live = spoken.borrow().text.clone();

    let clock = |label: Html, left: Remaining| {
        let cells = [
            (format_int(lang, left.days), unit(lang, left.days, Msg::Day, Msg::Days)),
            (format!("{:02}", left.hours), unit(lang, left.hours, Msg::Hour, Msg::Hours)),
            (format!("{:02}", left.minutes), unit(lang, left.minutes, Msg::Minute, Msg::Minutes)),
            (format!("{:02}", left.seconds), unit(lang, left.seconds, Msg::Second, Msg::Seconds)),
        ];
        html! {
            <div class="pw-clock-wrap">
                <p class="pw-label" id="pw-clock-label">{ label }</p>
                <div class="pw-clock" role="timer" aria-labelledby="pw-clock-label">
                    { for cells.into_iter().map(|(n, u)| html! {
                        <div class="pw-cell"><span class="pw-num">{ n }</span><span class="pw-unit">{ u }</span></div>
                    }) }
                </div>
            </div>
        }
    };

    let body = match st.phase {
        Phase::Before { left } => clock(html! { Msg::UntilPollsOpen.text(lang) }, left),
        Phase::Open { left } => clock(
            html! { <span class="pw-status-open"><span class="pw-dot" aria-hidden="true"></span>{ tr(lang, Msg::PollsAreOpen, &[("time", close_time)]) }</span> },
            left,
        ),
        Phase::After { days_since } => {
            // With `auto` the date is shown in the reader's zone; count the days there too.
            let days_since = if zone == ZoneChoice::Auto { days_between(st.open_ms, now, reader_offset()) } else { days_since };
            html! {
            <div class="pw-after">
                <p class="pw-status">{ Msg::VotingClosed.text(lang) }</p>
                <p>{ tr(lang, Msg::VotingDayWas, &[("date", voting_date), ("relative", &format_days_ago(lang, days_since))]) }</p>
            </div>
            }
        }
    };

    html! {
        <div class="pw-countdown">
            <h2 class="pw-title">{ heading }</h2>
            <p class="pw-when">{ when }<span class="pw-sep" aria-hidden="true">{ " \u{b7} " }</span><span class="pw-zone">{ zone_line }</span></p>
            { body }
            if let Some(sentence) = (*sentence).clone() {
                <p class="pw-stage">{ sentence }</p>
            }
            if !e.stages.is_empty() {
                <Timeline election={e.clone()} {lang} current={st.current_stage} done={st.timeline_done} />
            }
            <p class="pw-sr" aria-live="polite" aria-atomic="true">{ live }</p>
        </div>
    }
}
