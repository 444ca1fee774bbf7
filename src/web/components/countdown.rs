//! The countdown module: time to polls opening in the chosen zone, polls-open and after-voting
//! states, the current stage, and a polite live region that speaks only meaningful changes.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::election::{coarse_distance, status, zone_label, Announcement, Election, Era, Phase, Remaining, Speaker};
use crate::domain::i18n::{tr, Lang, Msg};
use crate::domain::num::two_digits;
use crate::domain::time::local_day;
use crate::domain::time::ZoneChoice;
use crate::web::browser::{format_day, format_instant, format_int, format_relative, reader_offset, reader_time_zone, DateStyle};
use crate::web::components::guide;
use crate::web::components::timeline;
use crate::web::components::Same;
use crate::web::hooks::use_wall_clock;
use crate::web::markup::Markup;

/// Props compared by the election's pointer: the shell hands the same `Rc` on every render
/// unless the configuration changed.
#[derive(Properties, PartialEq, Clone)]
pub struct CountdownProps {
    pub election: Same<Election>,
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
        ZoneChoice::Fixed(z) => [t.as_str(), " ", z.abbr()].concat(),
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
    // "1 jam", not "1 jam 0 menit" (the minutes are rounded up, so never zero on their own).
    if let Some(m) = minutes.filter(|m| *m > 0 || parts.is_empty()) {
        parts.push(format!("{m} {}", unit(lang, m, Msg::Minute, Msg::Minutes)));
    }
    parts.join(" ")
}

fn stage_sentence(lang: Lang, e: &Election, current: Option<usize>, done: bool, today: i64) -> Option<String> {
    let stage = &e.stages[current?];
    let dates = timeline::dates(lang, stage);
    // Between two stages: the one that ended and the one to come, each with its dates.
    if let Some(n) = e.next_stage(current, today) {
        let next = &e.stages[n];
        let vars = [
            ("stage", stage.name.get(lang)),
            ("dates", &dates),
            ("next", next.name.get(lang)),
            ("next_dates", &timeline::dates(lang, next)),
        ];
        return Some(tr(lang, Msg::StageBetween, &vars));
    }
    let msg = if done { Msg::AllStagesDone } else { Msg::CurrentStage };
    Some(tr(lang, msg, &[("stage", stage.name.get(lang)), ("dates", &dates)]))
}

/// The countdown's memory between renders: what the live region last announced, its text and
/// when, and the clock's pace (set once nothing on screen changes by the second).
#[derive(Default)]
struct Spoken {
    speaker: Speaker,
    text: String,
    slow: Rc<Cell<bool>>,
}

/// Everything the countdown shows that does not change every second: rebuilt when the era, the
/// stage, the day or the configuration changes (one memo, so one hook, for all of it).
struct Statics {
    /// Heading, and while polls are yet to close, when they open and the zone.
    top: Html,
    /// After voting: when it took place (and "voting has closed" until the stages are over).
    after: Html,
    /// The current stage, what comes next once every stage is over, and the timeline.
    below: Html,
    /// The stage sentence, also spoken by the live region.
    sentence: Option<String>,
    /// "13.00 WIB": when polls close.
    close_time: String,
}

#[derive(PartialEq)]
struct StaticsKey {
    election: Same<Election>,
    zone: ZoneChoice,
    lang: Lang,
    era: Era,
    days_since: Option<i64>,
    current: Option<usize>,
    done: bool,
    today: i64,
}

fn statics(k: &StaticsKey) -> Statics {
    let StaticsKey { election: Same(e), zone, lang, era, days_since, current, done, today } = k;
    let (lang, zone, era) = (*lang, *zone, *era);
    let (open, close) = e.polls(zone);
    let date = format_instant(lang, DateStyle::WeekdayDate, tz(zone), open);
    let (open_time, close_time) = (clock_time(lang, zone, open), clock_time(lang, zone, close));
    let name = e.name.get(lang);
    let (heading, when) = match era {
        Era::Before if zone == ZoneChoice::Auto && !e.stages.is_empty() => {
            (tr(lang, Msg::CountdownHeading, &[("name", name)]), tr(lang, Msg::PollsOpenAtAuto, &[("date", &date), ("time", &open_time)]))
        }
        Era::Before => {
            (tr(lang, Msg::CountdownHeading, &[("name", name)]), tr(lang, Msg::PollsOpenAt, &[("date", &date), ("time", &open_time)]))
        }
        // "07.00–13.00 WIB": the zone once, after the closing time.
        Era::Open => (
            tr(lang, Msg::HeadingVotingDay, &[("name", name)]),
            tr(
                lang,
                Msg::VotingDayHours,
                &[("date", &date), ("open", &format_instant(lang, DateStyle::Time, tz(zone), open)), ("close", &close_time)],
            ),
        ),
        // After the polls close: the election's name, and the past tense below.
        _ => (name.to_string(), String::new()),
    };
    let mut m = Markup::default();
    m.el("h2", &[("class", "pw-title")], &heading);
    // The zone matters until the polls close; afterwards voting day is a date.
    if !when.is_empty() {
        let zone_line = match zone {
            ZoneChoice::Fixed(z) => {
                let (abbr, hours) = zone_label(z);
                tr(lang, Msg::ZoneFixed, &[("zone", abbr), ("hours", &hours.to_string())])
            }
            ZoneChoice::Auto => tr(lang, Msg::ZoneAuto, &[("tz", &reader_time_zone())]),
        };
        m.open("p", &[("class", "pw-when")]).text(&when).el("span", &[("class", "pw-sep"), ("aria-hidden", "true")], " \u{b7} ");
        m.el("span", &[("class", "pw-zone")], &zone_line).close("p");
    }
    let top = m.into_html();

    // "Voting took place on … (2 years ago)".
    let mut m = Markup::default();
    if let Some(days) = days_since {
        let (n, unit) = coarse_distance(e.voting_day, e.voting_day + days);
        let date = format_day(lang, DateStyle::WeekdayDate, e.voting_day);
        m.open("div", &[("class", "pw-after")]);
        if era == Era::Closed {
            m.p("pw-status", Msg::VotingClosed.text(lang));
        }
        m.p("", &tr(lang, Msg::VotingTookPlace, &[("date", &date), ("relative", &format_relative(lang, -n, unit))])).close("div");
    }
    let after = m.into_html();

    let sentence = stage_sentence(lang, e, *current, *done, *today);
    let mut m = Markup::default();
    match (&e.next, era) {
        // Once every stage is over, the strip and the timeline say so; what comes next matters more.
        // A date already past (a stale file) is no longer "next": nothing rather than a wrong tense.
        (Some(n), Era::Over) if n.voting_day.is_some_and(|d| d < *today) => {}
        (Some(n), Era::Over) => {
            let line = match n.voting_day {
                Some(d) => {
                    let (k, unit) = coarse_distance(*today, d);
                    let date = format_day(lang, DateStyle::WeekdayDate, d);
                    tr(
                        lang,
                        Msg::NextElectionOn,
                        &[("name", n.name.get(lang)), ("date", &date), ("relative", &format_relative(lang, k, unit))],
                    )
                }
                None => tr(lang, Msg::NextElection, &[("name", n.name.get(lang))]),
            };
            m.open("div", &[("class", "pw-next")]).open("p", &[]).el("strong", &[], &line).close("p").open("p", &[]);
            if let Some(note) = &n.note {
                m.text(note.get(lang)).text(" ");
            }
            guide::source(&mut m, lang, &n.source, n.as_of);
            m.close("p").close("div");
        }
        (_, Era::Over) => {}
        _ => {
            if let Some(s) = &sentence {
                m.p("pw-stage", s);
            }
        }
    }
    let below = if e.stages.is_empty() {
        m.into_html()
    } else {
        html! { <>{ m.into_html() }{ timeline::view(lang, e, *current, *done) }</> }
    };
    Statics { top, after, below, sentence, close_time }
}

#[function_component(Countdown)]
pub fn countdown(props: &CountdownProps) -> Html {
    let CountdownProps { election: Same(e), zone, frozen, lang } = props.clone();
    let spoken = use_mut_ref(Spoken::default);
    let slow = spoken.borrow().slow.clone();
    let now = use_wall_clock(frozen, slow.clone());
    let st = status(&e, zone, now);
    // After the polls close nothing changes by the second: stages turn on whole minutes (midnight
    // or a stage's start time), so the clock wakes once a minute.
    slow.set(matches!(st.phase, Phase::After { .. }));
    let era = st.era(&e);
    let today = match zone {
        ZoneChoice::Auto => local_day(now, reader_offset()),
        ZoneChoice::Fixed(z) => local_day(now, z.offset_minutes()),
    };
    // Days since voting day, its Indonesian calendar date, counted to the reader's own date (with
    // `auto`), never below zero: west of Indonesia polls close on the previous local day.
    let days_since = match st.phase {
        Phase::After { .. } if zone == ZoneChoice::Auto => Some((today - e.voting_day).max(0)),
        Phase::After { days_since } => Some(days_since),
        _ => None,
    };
    let key =
        StaticsKey { election: Same(e.clone()), zone, lang, era, days_since, current: st.current_stage, done: st.timeline_done, today };
    let fixed = use_memo(key, statics);
    let Statics { top, after, below, sentence, close_time } = &*fixed;

    // The live region: milestones at once, other changes at most once a minute.
    {
        let ann = st.announcement();
        let mut sp = spoken.borrow_mut();
        if sp.speaker.hear(&ann, now) {
            sp.text = match &ann {
                Announcement::Left { days, hours, minutes } => {
                    tr(lang, Msg::AnnounceLeft, &[("left", &spoken_left(lang, *days, *hours, *minutes))])
                }
                Announcement::Open => tr(lang, Msg::AnnounceOpen, &[("time", close_time)]),
                Announcement::After { .. } => tr(lang, Msg::AnnounceClosed, &[("stage", sentence.as_deref().unwrap_or_default())]),
            };
        }
    }
    let live = spoken.borrow().text.clone();

    // The label changes only with the phase; each cell is its own markup chunk.
    let clock = |open: bool, left: Remaining| {
        let mut label = Markup::default();
        if open {
            label.open("span", &[("class", "pw-status-open")]).el("span", &[("class", "pw-dot"), ("aria-hidden", "true")], "");
            label.text(&tr(lang, Msg::PollsAreOpen, &[("time", close_time)])).close("span");
        } else {
            label.text(Msg::UntilPollsOpen.text(lang));
        }
        // One markup chunk per cell: a tick replaces the cells that changed (the seconds), not the clock.
        let cell = |n: &str, u: &str| {
            let mut m = Markup::default();
            m.open("div", &[("class", "pw-cell")])
                .el("span", &[("class", "pw-num")], n)
                .el("span", &[("class", "pw-unit")], u)
                .close("div");
            m.into_html()
        };
        html! {
            <div class="pw-clock-wrap">
                <p class="pw-label" id="pw-clock-label">{ label.into_html() }</p>
                <div class="pw-clock" role="timer" aria-labelledby="pw-clock-label">
                    // Days padded like the other units ("09"); grouped from a thousand ("1.022").
                    { cell(&if left.days < 1000 { two_digits(left.days as u64) } else { format_int(lang, left.days) }, unit(lang, left.days, Msg::Day, Msg::Days)) }
                    { cell(&two_digits(left.hours as u64), unit(lang, left.hours, Msg::Hour, Msg::Hours)) }
                    { cell(&two_digits(left.minutes as u64), unit(lang, left.minutes, Msg::Minute, Msg::Minutes)) }
                    { cell(&two_digits(left.seconds as u64), unit(lang, left.seconds, Msg::Second, Msg::Seconds)) }
                </div>
            </div>
        }
    };

    let body = match st.phase {
        Phase::Before { left } => clock(false, left),
        Phase::Open { left } => clock(true, left),
        Phase::After { .. } => after.clone(),
    };

    html! {
        <div class="pw-countdown">
            { top.clone() }
            { body }
            { below.clone() }
            <p class="pw-sr" aria-live="polite" aria-atomic="true">{ live }</p>
        </div>
    }
}
