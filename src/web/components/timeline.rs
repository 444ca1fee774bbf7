//! The election timeline: a compact progress strip, and the full list of stages with their
//! dates and sources behind a disclosure. Read-only markup, rebuilt only when the stage changes
//! (the countdown memoises it), so a tick never touches it.

use yew::Html;

use crate::domain::election::{Election, Stage};
use crate::domain::i18n::{tr, Lang, Msg};
use crate::web::browser::{format_day, DateStyle};
use crate::web::markup::Markup;

/// "28 Nov 2023 – 10 Feb 2024", or one date for a one-day stage.
pub fn dates(lang: Lang, s: &Stage) -> String {
    let start = format_day(lang, DateStyle::ShortDate, s.start_day);
    if s.end_day == s.start_day {
        start
    } else {
        [start.as_str(), " \u{2013} ", &format_day(lang, DateStyle::ShortDate, s.end_day)].concat()
    }
}

/// The strip and the disclosure for `current` (the index of the current stage) and `done`
/// (the whole timeline is over).
pub fn view(lang: Lang, e: &Election, current: Option<usize>, done: bool) -> Html {
    let state = |i: usize| match current {
        Some(c) if i < c || (i == c && done) => "done",
        Some(c) if i == c => "current",
        _ => "todo",
    };
    let mut m = Markup::default();
    m.open("div", &[("class", "pw-timeline")]).open("ol", &[("class", "pw-strip"), ("aria-hidden", "true")]);
    for i in 0..e.stages.len() {
        m.open("li", &[("class", "pw-step"), ("data-state", state(i))]).close("li");
    }
    m.close("ol").open("details", &[("class", "pw-details")]).el("summary", &[], Msg::TimelineHeading.text(lang));
    m.open("ol", &[("class", "pw-stages")]);
    for (i, s) in e.stages.iter().enumerate() {
        let st = state(i);
        let name = s.name.get(lang);
        if st == "current" {
            m.open("li", &[("class", "pw-stage-item"), ("data-state", st), ("aria-current", "step")]);
        } else {
            m.open("li", &[("class", "pw-stage-item"), ("data-state", st)]);
        }
        m.el("span", &[("class", "pw-stage-name")], name);
        let mark = match st {
            "current" => Msg::StageCurrentMark,
            "done" => Msg::StageDoneMark,
            _ => Msg::Source,
        };
        if mark != Msg::Source {
            m.el("span", &[("class", "pw-mark")], &[" (", mark.text(lang), ")"].concat());
        }
        m.el("span", &[("class", "pw-stage-dates")], &dates(lang, s));
        let label = [Msg::Source.text(lang), ": ", name].concat();
        m.el(
            "a",
            &[("class", "pw-src"), ("href", &s.source), ("target", "_blank"), ("rel", "noopener noreferrer"), ("aria-label", &label)],
            Msg::Source.text(lang),
        );
        m.close("li");
    }
    m.close("ol");
    if let Some(d) = e.as_of {
        m.p("pw-asof", &tr(lang, Msg::AsOf, &[("date", &format_day(lang, DateStyle::ShortDate, d))]));
    }
    m.close("details").close("div");
    m.into_html()
}
