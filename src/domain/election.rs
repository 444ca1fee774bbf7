//! The election's timeline and the countdown arithmetic: given an instant, which phase and
//! stage the election is in and how long until (or since) voting.

use crate::domain::text::Localized;
use crate::domain::time::{civil_from_days, local_day, wall_clock_instant, DateTimeOffset, Zone, ZoneChoice, MINUTE_MS};

/// One stage of the official timeline. Dates are local calendar dates; `start_minutes` is the
/// local wall-clock time at which the stage begins (midnight when the source gives none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    pub id: String,
    pub name: Localized,
    pub start_day: i64,
    pub start_minutes: i32,
    pub end_day: i64,
    pub source: String,
}

/// An election as the countdown needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Election {
    pub name: Localized,
    /// Voting day, as written, in days since 1970-01-01.
    pub voting_day: i64,
    /// Polls open and close, local wall-clock milliseconds after midnight.
    pub polls_open: i64,
    pub polls_close: i64,
    /// The offset at which `voting_day`/`polls_open` denote the instant used with `auto`: WIB for
    /// a dataset, the written offset for `data-election-date`.
    pub base_offset: i32,
    /// Official stages in chronological order (may be empty).
    pub stages: Vec<Stage>,
    pub as_of: Option<i64>,
    pub source: String,
    /// What comes after this election, when the dataset says.
    pub next: Option<NextElection>,
}

/// The election after this one, as the dataset names it: with a voting day once one is set, or
/// without one (then `note` says why), always with the date of the information and its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextElection {
    pub name: Localized,
    pub voting_day: Option<i64>,
    pub note: Option<Localized>,
    pub as_of: i64,
    pub source: String,
}

impl Election {
    /// The same election moved to another voting day and opening time (`data-election-date`).
    /// The dataset's stages belong to its own date, so they are dropped; polling stays as long.
    pub fn with_custom_date(&self, date: DateTimeOffset, name: Option<String>) -> Election {
        let open = date.ms_of_day;
        let length = self.polls_close - self.polls_open;
        Election {
            name: name.map(|n| Localized { id: n.clone(), en: n }).unwrap_or_else(|| self.name.clone()),
            voting_day: date.day,
            polls_open: open,
            polls_close: open + length,
            base_offset: date.offset_minutes,
            stages: Vec::new(),
            as_of: None,
            source: String::new(),
            next: None,
        }
    }

    /// The election a widget shows: this one, moved to `date` and renamed to `name` when those
    /// are configured (`data-election-date`, `data-election-name`); `None` when unchanged.
    pub fn configured(&self, date: Option<DateTimeOffset>, name: Option<&str>) -> Option<Election> {
        match (date, name) {
            (Some(d), n) => Some(self.with_custom_date(d, n.map(String::from))),
            (None, Some(n)) => Some(Election { name: Localized { id: n.to_string(), en: n.to_string() }, ..self.clone() }),
            (None, None) => None,
        }
    }

    /// The UTC offset (minutes) used for arithmetic under `zone`.
    pub fn offset_for(&self, zone: ZoneChoice) -> i32 {
        match zone {
            ZoneChoice::Fixed(z) => z.offset_minutes(),
            ZoneChoice::Auto => self.base_offset,
        }
    }

    /// When polls open and close under `zone`, as instants.
    pub fn polls(&self, zone: ZoneChoice) -> (i64, i64) {
        let off = self.offset_for(zone);
        (wall_clock_instant(self.voting_day, self.polls_open, off), wall_clock_instant(self.voting_day, self.polls_close, off))
    }

    /// The instant a stage starts under `zone`.
    pub fn stage_start(&self, stage: &Stage, zone: ZoneChoice) -> i64 {
        wall_clock_instant(stage.start_day, i64::from(stage.start_minutes) * MINUTE_MS, self.offset_for(zone))
    }

    /// Between two stages on `today`: the current stage `current` ended before today and a later
    /// one has yet to start; its index. (A one-day stage such as the confirmation of the
    /// president-elect is then the last stage, not the current one.)
    pub fn next_stage(&self, current: Option<usize>, today: i64) -> Option<usize> {
        let i = current?;
        (self.stages[i].end_day < today && i + 1 < self.stages.len()).then_some(i + 1)
    }
}

/// A duration split for display; never negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Remaining {
    pub days: i64,
    pub hours: i64,
    pub minutes: i64,
    pub seconds: i64,
}

impl Remaining {
    /// Splits `ms`, rounding up to the next whole second so that a running countdown never
    /// shows all zeros before the moment arrives.
    pub fn from_ms(ms: i64) -> Remaining {
        let s = (ms.max(0) + 999) / 1000;
        Remaining { days: s / 86_400, hours: s / 3600 % 24, minutes: s / 60 % 60, seconds: s % 60 }
    }
}

/// Where the election is, relative to voting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Polls have not opened yet.
    Before { left: Remaining },
    /// Polls are open (until `close_ms`).
    Open { left: Remaining },
    /// Polls have closed; `days_since` whole local calendar days since voting day (0 = today).
    After { days_since: i64 },
}

/// Everything the countdown shows at one instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    pub phase: Phase,
    pub open_ms: i64,
    pub close_ms: i64,
    /// Index of the current stage: the last one that has started.
    pub current_stage: Option<usize>,
    /// Whether the last stage has ended (the whole timeline is complete).
    pub timeline_done: bool,
}

/// The countdown's status at `now_ms`.
pub fn status(e: &Election, zone: ZoneChoice, now_ms: i64) -> Status {
    let (open_ms, close_ms) = e.polls(zone);
    let phase = if now_ms < open_ms {
        Phase::Before { left: Remaining::from_ms(open_ms - now_ms) }
    } else if now_ms < close_ms {
        Phase::Open { left: Remaining::from_ms(close_ms - now_ms) }
    } else {
        let off = e.offset_for(zone);
        Phase::After { days_since: local_day(now_ms, off) - e.voting_day }
    };
    let current_stage = e.stages.iter().rposition(|s| e.stage_start(s, zone) <= now_ms);
    let timeline_done = e.stages.last().is_some_and(|s| {
        let off = e.offset_for(zone);
        now_ms >= wall_clock_instant(s.end_day + 1, 0, off)
    });
    Status { phase, open_ms, close_ms, current_stage, timeline_done }
}

/// Which wording the countdown uses: the tense and the heading follow the reader's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    /// Polls have not opened: "Countdown to …", present tense, a running clock.
    Before,
    /// Polls are open: "… voting day", time left to vote.
    Open,
    /// Polls have closed and the official stages go on: past tense, the current stage.
    Closed,
    /// Every stage is over (or, with no stages, voting day has passed): the election is history;
    /// the heading is its name, and what comes next is shown when the dataset says.
    Over,
}

impl Status {
    /// The wording period of this status for `e`.
    pub fn era(&self, e: &Election) -> Era {
        match self.phase {
            Phase::Before { .. } => Era::Before,
            Phase::Open { .. } => Era::Open,
            Phase::After { days_since } if self.timeline_done || (e.stages.is_empty() && days_since > 0) => Era::Over,
            Phase::After { .. } => Era::Closed,
        }
    }
}

/// The unit of a coarse distance in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Day,
    Month,
    Year,
}

impl TimeUnit {
    /// The unit's name for `Intl.RelativeTimeFormat`.
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Day => "day",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
        }
    }
}

/// The distance from calendar day `from` to `to` as a reader says it: days up to 60 days, then
/// whole calendar months up to two years, then whole years ("1.022 hari" reads as "2 tahun").
/// Negative when `to` is before `from`.
pub fn coarse_distance(from: i64, to: i64) -> (i64, TimeUnit) {
    if to < from {
        let (n, u) = coarse_distance(to, from);
        return (-n, u);
    }
    if to - from < 60 {
        return (to - from, TimeUnit::Day);
    }
    let ((y1, m1, d1), (y2, m2, d2)) = (civil_from_days(from), civil_from_days(to));
    let months = (y2 - y1) * 12 + i64::from(m2) - i64::from(m1) - i64::from(d2 < d1);
    if months < 24 {
        (months, TimeUnit::Month)
    } else {
        (months / 12, TimeUnit::Year)
    }
}

/// What a screen reader should hear, coarsely: it changes at most once an hour while more than a
/// day is left, once a minute in the last day, and on every phase or stage change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Announcement {
    Left { days: i64, hours: i64, minutes: Option<i64> },
    Open,
    After { stage: Option<usize> },
}

impl Status {
    /// The coarse announcement for this status.
    pub fn announcement(&self) -> Announcement {
        match self.phase {
            Phase::Before { left } if left.days > 0 => Announcement::Left { days: left.days, hours: left.hours, minutes: None },
            // The last day, in whole minutes rounded up: never "0 minutes left" while time remains.
            Phase::Before { left } => {
                let m = (left.hours * 3600 + left.minutes * 60 + left.seconds + 59) / 60;
                Announcement::Left { days: 0, hours: m / 60, minutes: Some(m % 60) }
            }
            Phase::Open { .. } => Announcement::Open,
            Phase::After { .. } => Announcement::After { stage: self.current_stage },
        }
    }

    /// Whether a change from `prev` to this announcement is a "meaningful" one that is announced
    /// at once (phase or stage change); other changes wait for the once-a-minute throttle.
    pub fn is_milestone(prev: &Announcement, next: &Announcement) -> bool {
        std::mem::discriminant(prev) != std::mem::discriminant(next)
            || matches!((prev, next), (Announcement::After { stage: a }, Announcement::After { stage: b }) if a != b)
    }
}

/// What the live region last said, and when: a milestone (phase or stage) is spoken at once,
/// other changes at most once a minute, and nothing is spoken for the first state heard (the
/// reader sees it; a live region speaks changes).
#[derive(Clone, Debug, Default)]
pub struct Speaker {
    last: Option<Announcement>,
    at_ms: i64,
}

impl Speaker {
    /// Whether `ann`, heard at `now_ms`, is to be spoken now; if so it becomes the last one said.
    pub fn hear(&mut self, ann: &Announcement, now_ms: i64) -> bool {
        let speak = match &self.last {
            None => {
                self.last = Some(ann.clone());
                return false;
            }
            Some(prev) => prev != ann && (Status::is_milestone(prev, ann) || now_ms - self.at_ms >= 60_000),
        };
        if speak {
            self.last = Some(ann.clone());
            self.at_ms = now_ms;
        }
        speak
    }
}

/// A zone's label parts: abbreviation and whole hours east of UTC.
pub fn zone_label(z: Zone) -> (&'static str, i32) {
    (z.abbr(), z.offset_minutes() / 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::bundled_election;
    use crate::domain::i18n::Lang;
    use crate::domain::time::{days_from_civil, DateTimeOffset};

    fn at(s: &str) -> i64 {
        DateTimeOffset::parse(s).unwrap().instant_ms()
    }
    fn e() -> Election {
        bundled_election().expect("bundled dataset is valid")
    }
    const WIB: ZoneChoice = ZoneChoice::Fixed(Zone::Wib);
    const WITA: ZoneChoice = ZoneChoice::Fixed(Zone::Wita);
    const WIT: ZoneChoice = ZoneChoice::Fixed(Zone::Wit);

    fn stage_id(e: &Election, s: &Status) -> Option<String> {
        s.current_stage.map(|i| e.stages[i].id.clone())
    }

    #[test]
    fn polls_open_at_seven_local_in_every_zone() {
        let e = e();
        assert_eq!(e.polls(WIB), (at("2024-02-14T07:00:00+07:00"), at("2024-02-14T13:00:00+07:00")));
        assert_eq!(e.polls(WITA), (at("2024-02-13T23:00:00Z"), at("2024-02-14T05:00:00Z")));
        assert_eq!(e.polls(WIT), (at("2024-02-13T22:00:00Z"), at("2024-02-14T04:00:00Z")));
        // auto: the WIB opening instant.
        assert_eq!(e.polls(ZoneChoice::Auto), e.polls(WIB));
    }

    #[test]
    fn exact_figures_before_voting() {
        let e = e();
        let s = status(&e, WIB, at("2024-02-10T12:34:56+07:00"));
        assert_eq!(s.phase, Phase::Before { left: Remaining { days: 3, hours: 18, minutes: 25, seconds: 4 } });
        assert_eq!(stage_id(&e, &s).as_deref(), Some("campaign"));
        // The same instant is an hour closer to opening in WITA and two in WIT.
        let s = status(&e, WITA, at("2024-02-10T12:34:56+07:00"));
        assert_eq!(s.phase, Phase::Before { left: Remaining { days: 3, hours: 17, minutes: 25, seconds: 4 } });
        let s = status(&e, WIT, at("2024-02-10T12:34:56+07:00"));
        assert_eq!(s.phase, Phase::Before { left: Remaining { days: 3, hours: 16, minutes: 25, seconds: 4 } });
    }

    #[test]
    fn never_zero_before_open_and_sub_second_rounds_up() {
        let e = e();
        let s = status(&e, WIB, at("2024-02-14T06:59:59.999+07:00"));
        assert_eq!(s.phase, Phase::Before { left: Remaining { seconds: 1, ..Remaining::default() } });
        assert_eq!(stage_id(&e, &s).as_deref(), Some("quiet"));
    }

    #[test]
    fn every_stage_boundary() {
        let e = e();
        let cases = [
            ("2023-11-27T23:59:59+07:00", None),
            ("2023-11-28T00:00:00+07:00", Some("campaign")),
            ("2024-02-10T23:59:59+07:00", Some("campaign")),
            ("2024-02-11T00:00:00+07:00", Some("quiet")),
            ("2024-02-14T06:59:59+07:00", Some("quiet")),
            ("2024-02-14T07:00:00+07:00", Some("voting")),
            ("2024-02-14T12:59:59+07:00", Some("voting")),
            ("2024-02-14T13:00:00+07:00", Some("counting")),
            ("2024-02-15T00:00:00+07:00", Some("recapitulation")),
            ("2024-03-19T23:59:59+07:00", Some("recapitulation")),
            ("2024-03-20T00:00:00+07:00", Some("results")),
            ("2024-04-24T00:00:00+07:00", Some("president-elect")),
            ("2024-10-20T00:00:00+07:00", Some("inauguration")),
            ("2026-11-29T12:00:00+07:00", Some("inauguration")),
        ];
        for (t, want) in cases {
            assert_eq!(stage_id(&e, &status(&e, WIB, at(t))).as_deref(), want, "{t}");
        }
        assert!(!status(&e, WIB, at("2024-10-20T23:59:59+07:00")).timeline_done);
        assert!(status(&e, WIB, at("2024-10-21T00:00:00+07:00")).timeline_done);
    }

    #[test]
    fn stage_boundaries_follow_the_zone() {
        let e = e();
        // 23.30 WIB on 10 Feb is already 11 Feb in WITA: the quiet period has begun there.
        let t = at("2024-02-10T23:30:00+07:00");
        assert_eq!(stage_id(&e, &status(&e, WIB, t)).as_deref(), Some("campaign"));
        assert_eq!(stage_id(&e, &status(&e, WITA, t)).as_deref(), Some("quiet"));
    }

    #[test]
    fn during_voting_in_each_zone() {
        let e = e();
        let t = at("2024-02-14T04:30:00Z"); // 11.30 WIB, 12.30 WITA, 13.30 WIT
        assert_eq!(status(&e, WIB, t).phase, Phase::Open { left: Remaining { days: 0, hours: 1, minutes: 30, seconds: 0 } });
        assert_eq!(status(&e, WITA, t).phase, Phase::Open { left: Remaining { days: 0, hours: 0, minutes: 30, seconds: 0 } });
        assert_eq!(status(&e, WIT, t).phase, Phase::After { days_since: 0 });
        assert_eq!(stage_id(&e, &status(&e, WIT, t)).as_deref(), Some("counting"));
        // WIT opens first: 22.00 UTC on 13 Feb.
        let t = at("2024-02-13T22:00:00Z");
        assert!(matches!(status(&e, WIT, t).phase, Phase::Open { .. }));
        assert!(matches!(status(&e, WITA, t).phase, Phase::Before { .. }));
    }

    #[test]
    fn after_voting_counts_days_never_negative() {
        let e = e();
        assert_eq!(status(&e, WIB, at("2024-02-14T13:00:00+07:00")).phase, Phase::After { days_since: 0 });
        assert_eq!(status(&e, WIB, at("2024-02-15T00:00:00+07:00")).phase, Phase::After { days_since: 1 });
        assert_eq!(status(&e, WIB, at("2024-03-20T10:00:00+07:00")).phase, Phase::After { days_since: 35 });
        let today = at("2026-11-29T12:00:00+07:00");
        assert_eq!(status(&e, WIB, today).phase, Phase::After { days_since: days_from_civil(2026, 11, 29) - days_from_civil(2024, 2, 14) });
    }

    #[test]
    fn custom_date_keeps_wall_clock_per_zone_and_exact_instant_for_auto() {
        let date = DateTimeOffset::parse("2029-02-14T07:00:00+07:00").unwrap();
        let c = e().with_custom_date(date, Some("Pemilu 2029".into()));
        assert!(c.stages.is_empty());
        assert_eq!(c.name.get(Lang::En), "Pemilu 2029");
        assert_eq!(c.polls(ZoneChoice::Auto).0, at("2029-02-14T00:00:00Z"));
        assert_eq!(c.polls(WITA), (at("2029-02-14T07:00:00+08:00"), at("2029-02-14T13:00:00+08:00")));
        assert_eq!(c.polls(WIT).0, at("2029-02-14T07:00:00+09:00"));
        // A non-Indonesian offset with auto: exactly the instant written.
        let d = DateTimeOffset::parse("2029-02-14T01:30:00+01:00").unwrap();
        let c = e().with_custom_date(d, None);
        assert_eq!(c.polls(ZoneChoice::Auto).0, d.instant_ms());
        assert_eq!(c.name, e().name);
        let s = status(&c, ZoneChoice::Auto, at("2029-02-14T00:30:00Z"));
        assert_eq!(s.phase, Phase::Open { left: Remaining { hours: 6, ..Remaining::default() } });
        assert_eq!(s.current_stage, None);
        assert!(!s.timeline_done);
    }

    #[test]
    fn configured_renames_or_moves() {
        let base = e();
        assert_eq!(base.configured(None, None), None);
        let renamed = base.configured(None, Some("Pemilu Serentak")).unwrap();
        assert_eq!(renamed.name.get(Lang::Id), "Pemilu Serentak");
        assert_eq!(renamed.stages, base.stages);
        let moved = base.configured(DateTimeOffset::parse("2029-02-14T07:00:00+07:00"), None).unwrap();
        assert!(moved.stages.is_empty());
        assert_eq!(moved.name, base.name);
    }

    #[test]
    fn announcements_are_coarse() {
        let e = e();
        let a = |t: &str| status(&e, WIB, at(t)).announcement();
        // More than a day left: changes hourly, not every second or minute.
        assert_eq!(a("2024-02-10T12:34:56+07:00"), a("2024-02-10T12:34:01+07:00"));
        assert_eq!(a("2024-02-10T12:34:56+07:00"), Announcement::Left { days: 3, hours: 18, minutes: None });
        // The last day: minutes.
        assert_eq!(a("2024-02-14T06:58:30+07:00"), Announcement::Left { days: 0, hours: 0, minutes: Some(2) });
        // Under a minute is "1 minute", never "0 minutes"; a whole hour stays an hour.
        assert_eq!(a("2024-02-14T06:59:01+07:00"), Announcement::Left { days: 0, hours: 0, minutes: Some(1) });
        assert_eq!(a("2024-02-14T06:59:59.900+07:00"), Announcement::Left { days: 0, hours: 0, minutes: Some(1) });
        assert_eq!(a("2024-02-14T06:00:00+07:00"), Announcement::Left { days: 0, hours: 1, minutes: Some(0) });
        assert_eq!(a("2024-02-14T05:59:30+07:00"), Announcement::Left { days: 0, hours: 1, minutes: Some(1) });
        let before = a("2024-02-14T06:59:59+07:00");
        let open = a("2024-02-14T07:00:00+07:00");
        assert!(Status::is_milestone(&before, &open));
        let counting = a("2024-02-14T13:00:00+07:00");
        let recap = a("2024-02-15T00:00:00+07:00");
        assert!(Status::is_milestone(&counting, &recap));
        assert!(!Status::is_milestone(&a("2024-02-10T12:00:00+07:00"), &a("2024-02-10T13:00:00+07:00")));
    }

    #[test]
    fn remaining_split() {
        assert_eq!(Remaining::from_ms(-5), Remaining::default());
        assert_eq!(Remaining::from_ms(1), Remaining { seconds: 1, ..Remaining::default() });
        assert_eq!(Remaining::from_ms(90_061_000), Remaining { days: 1, hours: 1, minutes: 1, seconds: 1 });
    }

    #[test]
    fn eras_follow_the_readers_date() {
        let e = e();
        let era = |t: &str| status(&e, WIB, at(t)).era(&e);
        assert_eq!(era("2023-02-14T07:00:00+07:00"), Era::Before);
        assert_eq!(era("2024-02-14T06:59:59+07:00"), Era::Before);
        assert_eq!(era("2024-02-14T07:00:00+07:00"), Era::Open);
        assert_eq!(era("2024-02-14T13:00:00+07:00"), Era::Closed);
        assert_eq!(era("2024-10-20T23:59:59+07:00"), Era::Closed);
        assert_eq!(era("2024-10-21T00:00:00+07:00"), Era::Over);
        assert_eq!(era("2027-02-14T07:00:00+07:00"), Era::Over);
        // No stages (a custom date): over from the day after voting day.
        let c = e.with_custom_date(DateTimeOffset::parse("2029-02-14T07:00:00+07:00").unwrap(), None);
        let era = |t: &str| status(&c, WIB, at(t)).era(&c);
        assert_eq!(era("2029-02-14T13:00:00+07:00"), Era::Closed);
        assert_eq!(era("2029-02-15T00:00:00+07:00"), Era::Over);
    }

    #[test]
    fn coarse_distance_reads_like_a_person() {
        let d = |y, m, dd| days_from_civil(y, m, dd);
        let vote = d(2024, 2, 14);
        assert_eq!(coarse_distance(vote, vote), (0, TimeUnit::Day));
        assert_eq!(coarse_distance(vote, d(2024, 4, 13)), (59, TimeUnit::Day));
        assert_eq!(coarse_distance(vote, d(2024, 4, 14)), (2, TimeUnit::Month));
        assert_eq!(coarse_distance(vote, d(2025, 2, 13)), (11, TimeUnit::Month));
        assert_eq!(coarse_distance(vote, d(2026, 2, 13)), (23, TimeUnit::Month));
        assert_eq!(coarse_distance(vote, d(2026, 2, 14)), (2, TimeUnit::Year));
        // Today (6 Dec 2026): 1,026 days, which a reader says as two years.
        assert_eq!(coarse_distance(vote, d(2026, 12, 6)), (2, TimeUnit::Year));
        assert_eq!(coarse_distance(vote, d(2027, 2, 14)), (3, TimeUnit::Year));
        // Towards a later date, and backwards.
        assert_eq!(coarse_distance(d(2026, 12, 6), d(2029, 2, 14)), (2, TimeUnit::Year));
        assert_eq!(coarse_distance(d(2026, 12, 6), d(2026, 12, 20)), (14, TimeUnit::Day));
        assert_eq!(coarse_distance(d(2026, 12, 6), vote), (-2, TimeUnit::Year));
        // Month ends: 31 Jan to 29 Feb is not yet a whole month past 60 days' rule.
        assert_eq!(coarse_distance(d(2024, 1, 31), d(2024, 4, 30)), (2, TimeUnit::Month));
    }

    #[test]
    fn zone_labels() {
        assert_eq!(zone_label(Zone::Wita), ("WITA", 8));
        let _ = days_from_civil(2024, 1, 1);
    }

    #[test]
    fn the_speaker_says_milestones_at_once_and_other_changes_once_a_minute() {
        let left = |minutes| Announcement::Left { days: 0, hours: 1, minutes: Some(minutes) };
        let mut sp = Speaker::default();
        let t = 1_700_000_000_000;
        assert!(!sp.hear(&left(30), t), "the first state is shown, not spoken");
        assert!(!sp.hear(&left(30), t + 1_000), "nothing changed");
        assert!(sp.hear(&left(29), t + 60_000));
        assert!(!sp.hear(&left(28), t + 90_000), "within a minute of the last announcement");
        assert!(sp.hear(&left(28), t + 120_000));
        assert!(sp.hear(&Announcement::Open, t + 121_000), "a phase change at once");
        assert!(sp.hear(&Announcement::After { stage: Some(4) }, t + 122_000));
        assert!(sp.hear(&Announcement::After { stage: Some(5) }, t + 123_000), "a stage change at once");
        assert!(!sp.hear(&Announcement::After { stage: Some(5) }, t + 999_000));
    }

    #[test]
    fn between_stages_the_last_one_and_the_next_are_named() {
        let e = e();
        let idx = |id: &str| e.stages.iter().position(|s| s.id == id);
        let day = |y, m, d| days_from_civil(y, m, d);
        let now = |t: &str| status(&e, WIB, at(t)).current_stage;
        // 1 June 2024: the president-elect was confirmed on 24 April, the inauguration is in October.
        let current = now("2024-06-01T12:00:00+07:00");
        let next = e.next_stage(current, day(2024, 6, 1)).expect("between two stages");
        assert_eq!(e.stages[next].start_day, day(2024, 10, 20));
        assert!(e.stages[current.unwrap()].end_day < day(2024, 6, 1));
        // During a stage, and after the last one: no next stage.
        let campaign = idx("campaign");
        assert_eq!(e.next_stage(campaign, day(2024, 1, 20)), None);
        assert_eq!(e.next_stage(Some(e.stages.len() - 1), day(2026, 12, 6)), None);
        assert_eq!(e.next_stage(None, day(2023, 1, 1)), None);
    }
}
