//! The bundled dataset and the validation of any election file, bundled or fetched: the same
//! code reads both, through the [`Json`] view, and checks every value and their integrity
//! (unique ballot numbers, known references, totals that add up).

use std::rc::Rc;

use crate::domain::election::{Election, NextElection, Stage};
use crate::domain::guide::{Guide, Item, Section};
use crate::domain::json::{
    at_most, join, localized, opt_arr, opt_bool, opt_localized, opt_num, opt_str, req_arr, req_int, req_str, DataError, Json, MAX_CHARS,
};
use crate::domain::parties::{share, DprResult, DprRow, Office, Pair, PairResult, Party, PartyData, Scope};
use crate::domain::text::{is_http_url, Localized};
use crate::domain::time::{parse_date, parse_hm, Zone, MINUTE_MS};

/// The Pemilu 2024 dataset served at `dist/data/pemilu-2024.json`, minified by `build.rs`.
pub const BUNDLED_ELECTION_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pemilu-2024.json"));

/// The only schema version this build reads.
pub const SCHEMA_VERSION: i64 = 1;

/// A validated election file.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub election: Rc<Election>,
    pub parties: Rc<PartyData>,
    /// The voter's guide. The compiled-in copy leaves it out (only the guide module shows it,
    /// and it fetches the served file); a file fetched from `data-data-src` carries its own.
    pub guide: Option<Rc<Guide>>,
}

fn url<J: Json>(v: &J, path: &str, key: &str) -> Result<String, DataError> {
    let s = req_str(v, path, key)?;
    if is_http_url(&s) {
        Ok(s)
    } else {
        Err(DataError::at(&join(path, key), &s))
    }
}

fn opt_url<J: Json>(v: &J, path: &str, key: &str) -> Result<Option<String>, DataError> {
    match opt_str(v, path, key)? {
        Some(s) if !is_http_url(&s) => Err(DataError::at(&join(path, key), &s)),
        other => Ok(other),
    }
}

/// Most items per list, by what it lists: several times what any real election needs (Pemilu
/// 2024: 8 stages, 24 parties, 3 pairs, a guide of 5 sections of 5 items), small enough that a
/// file at every bound is checked and shown without blocking the page (`bench/worst.mjs`). The
/// JSON Schema's `maxItems` say the same (a test holds them together).
pub mod most {
    /// Stages of the timeline.
    pub const STAGES: usize = 40;
    /// Parties; also the most ballot numbers in a pair's party lists and rows of the DPR result.
    pub const PARTIES: usize = 100;
    /// Search aliases of one party.
    pub const ALIASES: usize = 20;
    /// Characters of one alias, of a party's abbreviation, and of its name (the longest real
    /// name has 37): they are searched at every keystroke and shown in every row. Candidates'
    /// names, stage names, the next election's name and guide section titles have the same bound
    /// as party names.
    pub const ALIAS_CHARS: usize = 60;
    /// See [`ALIAS_CHARS`].
    pub const ABBR_CHARS: usize = 30;
    /// See [`ALIAS_CHARS`].
    pub const NAME_CHARS: usize = 200;
    /// Candidate pairs; also the rows of their result.
    pub const PAIRS: usize = 20;
    /// Further source links of one fact (`noteSources`, `otherSupporters.sources`).
    pub const LINKS: usize = 10;
    /// Sections of the voter's guide, and items in one section: a guide is a page, not a database.
    pub const GUIDE: usize = 12;
    /// Characters of one guide item's text in each language (the longest real one has 305).
    pub const GUIDE_CHARS: usize = 600;
}

/// A list of at most `max` strings of at most `chars` characters that pass `ok`, each named by
/// its index when it does not.
fn strings<J: Json>(v: &J, path: &str, key: &str, max: usize, chars: usize, ok: fn(&str) -> bool) -> Result<Vec<String>, DataError> {
    let p = join(path, key);
    opt_arr(v, path, key, max)?
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let at = || format!("{p}[{i}]");
            u.string().filter(|s| ok(s)).ok_or_else(|| DataError::missing(&at())).and_then(|s| at_most(s, chars, &at))
        })
        .collect()
}

fn urls<J: Json>(v: &J, path: &str, key: &str) -> Result<Vec<String>, DataError> {
    strings(v, path, key, most::LINKS, MAX_CHARS, is_http_url)
}

fn date<J: Json>(v: &J, path: &str, key: &str) -> Result<i64, DataError> {
    let s = req_str(v, path, key)?;
    parse_date(&s).filter(|d| sane_day(*d)).ok_or_else(|| DataError::at(&join(path, key), &s))
}

fn opt_date<J: Json>(v: &J, path: &str, key: &str) -> Result<Option<i64>, DataError> {
    match opt_str(v, path, key)? {
        Some(_) => date(v, path, key).map(Some),
        None => Ok(None),
    }
}

fn time<J: Json>(v: &J, path: &str, key: &str) -> Result<i32, DataError> {
    let s = req_str(v, path, key)?;
    parse_hm(&s).ok_or_else(|| DataError::at(&join(path, key), &s))
}

fn numbers<J: Json>(v: &J, path: &str, key: &str, known: &[u8]) -> Result<Vec<u8>, DataError> {
    let p = join(path, key);
    opt_arr(v, path, key, most::PARTIES)?
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let n = n.number().filter(|n| n.fract() == 0.0 && known.contains(&(*n as u8)) && *n >= 0.0 && *n < 256.0);
            n.map(|n| n as u8).ok_or_else(|| DataError::missing(&format!("{p}[{i}]")))
        })
        .collect()
}

fn stages<J: Json>(root: &J) -> Result<Vec<Stage>, DataError> {
    let mut out: Vec<Stage> = Vec::new();
    for (i, s) in req_arr(root, "", "stages", most::STAGES)?.iter().enumerate() {
        let p = format!("stages[{i}]");
        let id = req_str(s, &p, "id")?.trim().to_string();
        if id.is_empty() {
            return Err(DataError::at(&join(&p, "id"), &id));
        }
        let start_day = date(s, &p, "start")?;
        let end_day = date(s, &p, "end")?;
        let start_minutes = match opt_str(s, &p, "startTime")? {
            Some(t) => parse_hm(&t).ok_or_else(|| DataError::at(&join(&p, "startTime"), &t))?,
            None => 0,
        };
        if end_day < start_day {
            return Err(DataError::at(&join(&p, "end"), &req_str(s, &p, "end")?));
        }
        let name = short(localized(s, &p, "name")?, &p, "name", most::NAME_CHARS)?;
        let stage = Stage { id, name, start_day, start_minutes, end_day, source: url(s, &p, "source")? };
        if out.last().is_some_and(|prev| (stage.start_day, stage.start_minutes) < (prev.start_day, prev.start_minutes)) {
            return Err(DataError::at(&join(&p, "start"), &req_str(s, &p, "start")?));
        }
        out.push(stage);
    }
    Ok(out)
}

fn parties<J: Json>(root: &J) -> Result<Vec<Party>, DataError> {
    let mut out: Vec<Party> = Vec::new();
    for (i, v) in opt_arr(root, "", "parties", most::PARTIES)?.iter().enumerate() {
        let p = format!("parties[{i}]");
        let number = req_int(v, &p, "number", 1, 255)? as u8;
        // Unique and in ballot order: each number above the one before.
        if out.last().is_some_and(|q| q.number >= number) {
            return Err(DataError::at(&join(&p, "number"), &number.to_string()));
        }
        let scope = match req_str(v, &p, "scope")?.as_str() {
            "national" => Scope::National,
            "aceh" => Scope::Aceh,
            other => return Err(DataError::at(&join(&p, "scope"), other)),
        };
        let aliases = strings(v, &p, "aliases", most::ALIASES, most::ALIAS_CHARS, |_| true)?;
        let abbr = req_str(v, &p, "abbr")?;
        let name = req_str(v, &p, "name")?;
        let abbr = at_most(abbr, most::ABBR_CHARS, &|| join(&p, "abbr"))?;
        let name = at_most(name, most::NAME_CHARS, &|| join(&p, "name"))?;
        for (key, s) in [("abbr", &abbr), ("name", &name)] {
            if s.trim().is_empty() {
                return Err(DataError::at(&join(&p, key), s));
            }
        }
        out.push(Party::new(
            number,
            abbr,
            aliases,
            name,
            scope,
            url(v, &p, "source")?,
            opt_localized(v, &p, "note")?,
            urls(v, &p, "noteSources")?,
        ));
    }
    Ok(out)
}

fn pairs<J: Json>(root: &J, known: &[u8]) -> Result<Vec<Pair>, DataError> {
    let mut out: Vec<Pair> = Vec::new();
    for (i, v) in opt_arr(root, "", "pairs", most::PAIRS)?.iter().enumerate() {
        let p = format!("pairs[{i}]");
        let number = req_int(v, &p, "number", 1, 99)? as u8;
        // Unique and in ballot order: each number above the one before.
        if out.last().is_some_and(|q| q.number >= number) {
            return Err(DataError::at(&join(&p, "number"), &number.to_string()));
        }
        // `candidate` and `runningMate`, or their older names `president` and `vicePresident`.
        let name = |keys: [&str; 2]| {
            let s = keys.iter().find_map(|k| v.field(k)).and_then(|s| s.string()).ok_or_else(|| DataError::missing(&join(&p, keys[0])))?;
            at_most(s, most::NAME_CHARS, &|| join(&p, keys[0]))
        };
        // Nominating parties by ballot number, or by name in a file without a party list.
        let key = "nominatingParties";
        let (nominating, nominating_names) = if known.is_empty() {
            (Vec::new(), strings(v, &p, key, most::PARTIES, most::NAME_CHARS, |s| !s.trim().is_empty())?)
        } else {
            (numbers(v, &p, key, known)?, Vec::new())
        };
        // An independent pair has no nominating party; any other pair has at least one.
        let independent = opt_bool(v, &p, "independent")?;
        if independent != (nominating.is_empty() && nominating_names.is_empty()) {
            return Err(if independent { DataError::at(&join(&p, "independent"), "true") } else { DataError::missing(&join(&p, key)) });
        }
        let (supporters, supporters_note, supporters_sources) = match v.field("otherSupporters") {
            Some(o) => {
                let op = join(&p, "otherSupporters");
                (numbers(&o, &op, "parties", known)?, opt_localized(&o, &op, "note")?, urls(&o, &op, "sources")?)
            }
            None => (Vec::new(), None, Vec::new()),
        };
        out.push(Pair {
            number,
            candidate: name(["candidate", "president"])?,
            running_mate: name(["runningMate", "vicePresident"])?,
            nominating,
            nominating_names,
            independent,
            supporters,
            supporters_note,
            supporters_sources,
            source: url(v, &p, "source")?,
            number_source: opt_url(v, &p, "numberSource")?,
        });
    }
    // A party nominates at most one pair.
    for (i, a) in out.iter().enumerate() {
        for b in &out[i + 1..] {
            let by_number = a.nominating.iter().find(|n| b.nominating.contains(n)).map(u8::to_string);
            let by_name = || a.nominating_names.iter().find(|n| b.nominating_names.contains(n)).cloned();
            if let Some(n) = by_number.or_else(by_name) {
                return Err(DataError::at(&format!("pairs[{i}].nominatingParties"), &n));
            }
        }
    }
    Ok(out)
}

/// Dates a dataset may hold: 1945 (the republic's founding) to 2200. A date outside
/// is a typing error, not an election.
fn sane_day(day: i64) -> bool {
    (-9131..=84000).contains(&day)
}

/// The next election; its voting day, when set, comes after this one's.
fn next<J: Json>(v: &J, after: i64) -> Result<NextElection, DataError> {
    let p = "next";
    let voting_day = opt_date(v, p, "votingDay")?;
    if voting_day.is_some_and(|d| d <= after) {
        return Err(DataError::at("next.votingDay", &req_str(v, p, "votingDay")?));
    }
    Ok(NextElection {
        name: short(localized(v, p, "name")?, p, "name", most::NAME_CHARS)?,
        voting_day,
        note: opt_localized(v, p, "note")?,
        as_of: date(v, p, "asOf")?,
        source: url(v, p, "source")?,
    })
}

/// `text` when it has at most `max` characters in each language.
fn short(text: Localized, path: &str, key: &str, max: usize) -> Result<Localized, DataError> {
    let p = || join(path, key);
    Ok(Localized { id: at_most(text.id, max, &p)?, en: at_most(text.en, max, &p)? })
}

fn guide<J: Json>(v: &J) -> Result<Guide, DataError> {
    let mut sections = Vec::new();
    let list = req_arr(v, "guide", "sections", most::GUIDE)?;
    if list.is_empty() {
        return Err(DataError::at("guide.sections", &list.len().to_string()));
    }
    for (i, s) in list.iter().enumerate() {
        let p = format!("guide.sections[{i}]");
        let raw = req_arr(s, &p, "items", most::GUIDE)?;
        if raw.is_empty() {
            return Err(DataError::at(&join(&p, "items"), &raw.len().to_string()));
        }
        let mut items = Vec::new();
        for (k, it) in raw.iter().enumerate() {
            let ip = format!("{p}.items[{k}]");
            let figure = match it.field("figure") {
                Some(_) => Some(req_int(it, &ip, "figure", 0, MAX_VOTES)? as u64),
                None => None,
            };
            let text = short(localized(it, &ip, "text")?, &ip, "text", most::GUIDE_CHARS)?;
            items.push(Item { figure, text, source: url(it, &ip, "source")?, as_of: date(it, &ip, "asOf")? });
        }
        sections.push(Section { title: short(localized(s, &p, "title")?, &p, "title", most::NAME_CHARS)?, items });
    }
    Ok(Guide { sections })
}

const MAX_VOTES: i64 = 10_000_000_000;

/// The pairs' result at `p` (`results.pairs`, or `results.presidential` in older files).
fn pair_result<J: Json>(r: &J, p: &str, pairs: &[Pair]) -> Result<PairResult, DataError> {
    // Optional counts (the schema also requires whole numbers).
    let count = |key: &str| opt_num(r, p, key, 0.0, MAX_VOTES as f64).map(|n| n.map(|n| n as u64));
    let total_valid = req_int(r, p, "totalValid", 0, MAX_VOTES)? as u64;
    let mut votes = Vec::new();
    for (i, v) in req_arr(r, p, "votes", most::PAIRS)?.iter().enumerate() {
        let vp = format!("{p}.votes[{i}]");
        let pair = req_int(v, &vp, "pair", 1, 99)? as u8;
        if !pairs.iter().any(|x| x.number == pair) || votes.last().is_some_and(|(n, _)| *n >= pair) {
            return Err(DataError::at(&join(&vp, "pair"), &pair.to_string()));
        }
        let n = req_int(v, &vp, "votes", 0, MAX_VOTES)? as u64;
        // A published share must match the count to within its rounding (two decimals): this
        // catches a mistyped or swapped count that still adds up.
        if opt_num(v, &vp, "percent", 0.0, 100.0)?.is_some_and(|pc| (share(n, total_valid) - pc).abs() > 0.005 + 1e-9) {
            return Err(DataError::missing(&join(&vp, "percent")));
        }
        votes.push((pair, n));
    }
    if votes.iter().map(|(_, v)| v).sum::<u64>() != total_valid {
        return Err(DataError::at(&join(p, "totalValid"), &total_valid.to_string()));
    }
    // Valid + invalid = ballots cast (both or neither), and no more ballots than registered voters.
    let (bad, cast) = (count("totalInvalid")?, count("ballotsCast")?);
    if bad.map(|b| b + total_valid) != cast {
        return Err(DataError::missing(&join(p, "ballotsCast")));
    }
    // Turnout as published, or else computed from ballots cast and registered voters (DPT).
    let (mut turnout_percent, mut turnout_source) = (opt_num(r, p, "turnoutPercent", 0.0, 100.0)?, opt_url(r, p, "turnoutSource")?);
    let mut turnout_voters = 0;
    match (count("registeredVoters")?, cast) {
        (None, _) => {}
        (Some(n), Some(c)) if c <= n => {
            let source = url(r, p, "registeredVotersSource")?;
            if turnout_percent.is_none() {
                (turnout_percent, turnout_source, turnout_voters) = (Some(share(c, n)), Some(source), n);
            }
        }
        _ => return Err(DataError::missing(&join(p, "registeredVoters"))),
    }
    Ok(PairResult {
        as_of: date(r, p, "asOf")?,
        decree: opt_str(r, p, "decree")?,
        set_by: opt_str(r, p, "setBy")?,
        total_valid,
        votes,
        invalid: bad.zip(cast),
        turnout_percent,
        turnout_source,
        turnout_voters,
        source: url(r, p, "source")?,
        confirmed_by: opt_localized(r, p, "confirmedBy")?,
        confirmed_source: opt_url(r, p, "confirmedSource")?,
    })
}

fn dpr<J: Json>(r: &J, parties: &[Party]) -> Result<DprResult, DataError> {
    let p = "results.dpr";
    let total_valid = req_int(r, p, "totalValid", 0, MAX_VOTES)? as u64;
    let seats_total = req_int(r, p, "seatsTotal", 0, 100_000)? as u32;
    let mut rows: Vec<DprRow> = Vec::new();
    for (i, v) in req_arr(r, p, "votes", most::PARTIES)?.iter().enumerate() {
        let vp = format!("{p}.votes[{i}]");
        let party = req_int(v, &vp, "party", 1, 255)? as u8;
        let known = parties.iter().any(|x| x.number == party && x.scope == Scope::National);
        if !known || rows.last().is_some_and(|r| r.party >= party) {
            return Err(DataError::at(&join(&vp, "party"), &party.to_string()));
        }
        rows.push(DprRow {
            party,
            votes: req_int(v, &vp, "votes", 0, MAX_VOTES)? as u64,
            seats: req_int(v, &vp, "seats", 0, 100_000)? as u32,
        });
    }
    if rows.iter().map(|r| r.votes).sum::<u64>() != total_valid {
        return Err(DataError::at(&join(p, "totalValid"), &total_valid.to_string()));
    }
    if rows.iter().map(|r| r.seats).sum::<u32>() != seats_total {
        return Err(DataError::at(&join(p, "seatsTotal"), &seats_total.to_string()));
    }
    let threshold_percent =
        opt_num(r, p, "thresholdPercent", 0.0, 100.0)?.ok_or_else(|| DataError::missing(&join(p, "thresholdPercent")))?;
    Ok(DprResult {
        as_of: date(r, p, "asOf")?,
        votes_as_of: opt_date(r, p, "votesAsOf")?.map_or_else(|| date(r, p, "asOf"), Ok)?,
        votes_decree: opt_str(r, p, "votesDecree")?,
        seats_decree: opt_str(r, p, "seatsDecree")?,
        threshold_percent,
        threshold_source: opt_url(r, p, "thresholdSource")?,
        seats_total,
        total_valid,
        rows,
        votes_source: url(r, p, "votesSource")?,
        seats_source: opt_url(r, p, "seatsSource")?,
    })
}

/// Checks every value of an election file and builds the typed dataset.
pub fn parse_dataset<J: Json>(root: &J) -> Result<Dataset, DataError> {
    let version = req_int(root, "", "schemaVersion", 0, 1000)?;
    if version != SCHEMA_VERSION {
        return Err(DataError::at("schemaVersion", &version.to_string()));
    }
    let name = localized(root, "", "name")?;
    let voting_day = date(root, "", "votingDay")?;
    let polls_open = time(root, "", "pollsOpen")?;
    let polls_close = time(root, "", "pollsClose")?;
    if polls_close <= polls_open {
        return Err(DataError::at("pollsClose", &req_str(root, "", "pollsClose")?));
    }
    let election = Election {
        name,
        voting_day,
        polls_open: i64::from(polls_open) * MINUTE_MS,
        polls_close: i64::from(polls_close) * MINUTE_MS,
        base_offset: Zone::Wib.offset_minutes(),
        stages: stages(root)?,
        as_of: opt_date(root, "", "asOf")?,
        source: opt_url(root, "", "votingDaySource")?.unwrap_or_default(),
        next: root.field("next").map(|v| next(&v, voting_day)).transpose()?,
    };
    // A voting day outside its own timeline is a typing error.
    if let (Some(first), Some(last)) = (election.stages.first(), election.stages.last()) {
        if voting_day < first.start_day || voting_day > last.end_day {
            return Err(DataError::at("votingDay", &req_str(root, "", "votingDay")?));
        }
    }

    let parties = parties(root)?;
    let known: Vec<u8> = parties.iter().map(|p| p.number).collect();
    let pairs = pairs(root, &known)?;
    let office = match opt_str(root, "", "office")? {
        None => Office::President,
        Some(s) => Office::parse(&s).ok_or_else(|| DataError::at("office", &s))?,
    };
    let (pair_result, dpr) = match root.field("results") {
        Some(r) => {
            // The pairs' result as `pairs`, or by its older name `presidential`; not both.
            let (new, old) = (r.field("pairs"), r.field("presidential"));
            if new.is_some() && old.is_some() {
                return Err(DataError::at("results", "pairs, presidential"));
            }
            let p = if new.is_some() { "results.pairs" } else { "results.presidential" };
            let pair_result = new.or(old).map(|x| pair_result(&x, p, &pairs)).transpose()?;
            (pair_result, r.field("dpr").map(|x| dpr(&x, &parties)).transpose()?)
        }
        None => (None, None),
    };
    let guide = root.field("guide").map(|g| guide(&g)).transpose()?.map(Rc::new);
    Ok(Dataset {
        parties: Rc::new(PartyData { as_of: election.as_of, office, parties, pairs, pair_result, dpr }),
        election: Rc::new(election),
        guide,
    })
}

/// The bundled dataset, parsed natively (tests only; the browser parses with `JSON.parse`).
#[cfg(test)]
pub fn bundled_dataset() -> Result<Dataset, DataError> {
    let v: serde_json::Value = serde_json::from_str(BUNDLED_ELECTION_JSON).map_err(|e| DataError(e.to_string()))?;
    parse_dataset(&v)
}

/// The bundled election (tests only).
#[cfg(test)]
pub fn bundled_election() -> Result<Election, DataError> {
    bundled_dataset().map(|d| (*d.election).clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_copy_reads_as_the_full_file() {
        let full: serde_json::Value = serde_json::from_str(include_str!("../../data/pemilu-2024.json")).unwrap();
        let served = parse_dataset(&full).unwrap();
        assert!(served.guide.is_some(), "the served file carries the guide");
        let bundled = bundled_dataset().unwrap();
        assert!(bundled.guide.is_none(), "the guide is fetched, not compiled in");
        assert!(bundled == Dataset { guide: None, ..served }, "the compiled-in copy lost a member the widget reads");
        assert!(!BUNDLED_ELECTION_JSON.contains("coalition") && full.get("sources").is_some());
    }
    use crate::domain::i18n::Lang;
    use crate::domain::time::days_from_civil;
    use serde_json::{json, Value};

    fn file() -> Value {
        serde_json::from_str(BUNDLED_ELECTION_JSON).unwrap()
    }

    #[test]
    fn bundled_timeline_is_valid_and_sourced() {
        let e = bundled_election().unwrap();
        assert_eq!(e.voting_day, days_from_civil(2024, 2, 14));
        assert_eq!((e.polls_open, e.polls_close), (7 * 3_600_000, 13 * 3_600_000));
        assert_eq!(e.name.get(Lang::Id), "Pemilu 2024");
        let ids: Vec<&str> = e.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["campaign", "quiet", "voting", "counting", "recapitulation", "results", "president-elect", "inauguration"]);
        assert!(e.stages.iter().all(|s| is_http_url(&s.source)));
        assert!(is_http_url(&e.source));
        assert_eq!(e.as_of, Some(days_from_civil(2024, 10, 20)));
    }

    #[test]
    fn bundled_parties_integrity() {
        let d = bundled_dataset().unwrap().parties;
        let numbers: Vec<u8> = d.parties.iter().map(|p| p.number).collect();
        assert_eq!(numbers, (1..=24).collect::<Vec<u8>>(), "24 unique ballot numbers");
        assert_eq!(d.parties.iter().filter(|p| p.scope == Scope::National).count(), 18);
        let aceh: Vec<u8> = d.parties.iter().filter(|p| p.scope == Scope::Aceh).map(|p| p.number).collect();
        assert_eq!(aceh, vec![18, 19, 20, 21, 22, 23]);
        assert!(d.parties.iter().all(|p| is_http_url(&p.source)));
        assert_eq!(d.party(11).unwrap().name, "Partai Garda Republik Indonesia", "the form KPU uses");
        assert!(d.party(11).unwrap().note.as_ref().unwrap().en.contains("Garda Perubahan"), "the conflict stays noted");
        assert_eq!(d.pairs.len(), 3);
        assert!(d.pairs.iter().all(|p| is_http_url(&p.source) && !p.nominating.is_empty()));
        let dpr = d.dpr.as_ref().unwrap();
        assert_eq!(dpr.rows.len(), 18);
        assert_eq!(dpr.rows.iter().map(|r| r.votes).sum::<u64>(), 151_796_631);
        assert_eq!(dpr.rows.iter().map(|r| r.seats).sum::<u32>(), 580);
        assert_eq!(dpr.threshold_percent, 4.0);
        let pres = d.pair_result.as_ref().unwrap();
        assert_eq!(pres.votes, vec![(1, 40_971_906), (2, 96_214_691), (3, 27_040_878)]);
        assert_eq!(pres.total_valid, 164_227_475);
        assert!(is_http_url(&pres.source) && is_http_url(&dpr.votes_source));
    }

    fn broken(edit: impl Fn(&mut Value)) -> String {
        let mut f = file();
        edit(&mut f);
        parse_dataset(&f).unwrap_err().0
    }

    #[test]
    fn each_bad_value_is_named() {
        assert!(broken(|f| f["schemaVersion"] = json!(2)).starts_with("schemaVersion"));
        assert!(broken(|f| f["votingDay"] = json!("2024-02-30")).starts_with("votingDay = \u{201c}2024-02-30"));
        assert!(broken(|f| f["pollsOpen"] = json!("7")).starts_with("pollsOpen"));
        assert!(broken(|f| f["pollsClose"] = json!("06:00")).starts_with("pollsClose"));
        assert!(broken(|f| f["name"] = json!({})).starts_with("name"));
        assert!(broken(|f| f["stages"][1]["start"] = json!("2024-02-40")).starts_with("stages[1].start"));
        assert!(broken(|f| f["stages"][2]["startTime"] = json!("25:00")).starts_with("stages[2].startTime"));
        assert!(broken(|f| f["stages"][0]["end"] = json!("2023-01-01")).starts_with("stages[0].end"));
        assert!(broken(|f| f["stages"][3]["source"] = json!("kpu.go.id")).starts_with("stages[3].source"));
        assert!(broken(|f| f["stages"].as_array_mut().unwrap().swap(0, 1)).starts_with("stages[1].start"));
        assert!(broken(|f| f["asOf"] = json!("kemarin")).starts_with("asOf"));
        assert!(broken(|f| f["stages"] = json!("none")).starts_with("stages"));
    }

    #[test]
    fn integrity_failures_are_named() {
        assert!(broken(|f| f["parties"][1]["number"] = json!(1)).starts_with("parties[1].number = \u{201c}1"));
        assert!(broken(|f| f["parties"][0]["scope"] = json!("local")).starts_with("parties[0].scope"));
        assert!(broken(|f| f["parties"].as_array_mut().unwrap().swap(0, 1)).starts_with("parties[1].number = \u{201c}1"), "ballot order");
        assert!(broken(|f| f["pairs"][2]["number"] = json!(2)).starts_with("pairs[2].number = \u{201c}2"));
        assert!(broken(|f| f["results"]["presidential"]["votes"].as_array_mut().unwrap().swap(0, 2))
            .starts_with("results.presidential.votes[1].pair"));
        assert!(broken(|f| f["results"]["dpr"]["votes"].as_array_mut().unwrap().swap(3, 4)).starts_with("results.dpr.votes[4].party"));
        assert!(broken(|f| f["parties"][0]["source"] = json!("")).starts_with("parties[0].source"));
        // Searched at every keystroke and shown in every row: short texts.
        let over = |n: usize| format!(" = \u{201c}more than {n} characters\u{201d}");
        let e = broken(|f| f["parties"][2]["aliases"] = json!(["ok", "x".repeat(most::ALIAS_CHARS + 1)]));
        assert_eq!(e, format!("parties[2].aliases[1]{}", over(most::ALIAS_CHARS)));
        let e = broken(|f| f["parties"][2]["name"] = json!("x".repeat(most::NAME_CHARS + 1)));
        assert_eq!(e, format!("parties[2].name{}", over(most::NAME_CHARS)));
        let e = broken(|f| f["parties"][2]["abbr"] = json!("x".repeat(most::ABBR_CHARS + 1)));
        assert_eq!(e, format!("parties[2].abbr{}", over(most::ABBR_CHARS)));
        let e = broken(|f| f["parties"][2]["noteSources"] = json!([format!("https://x.id/{}", "x".repeat(MAX_CHARS))]));
        assert_eq!(e, format!("parties[2].noteSources[0]{}", over(MAX_CHARS)));
        assert!(broken(|f| f["parties"][2]["abbr"] = json!(" ")).starts_with("parties[2].abbr"));
        let mut f = file();
        f["parties"][2]["aliases"] = json!(["y".repeat(most::ALIAS_CHARS)]);
        f["parties"][2]["name"] = json!("é".repeat(most::NAME_CHARS));
        f["parties"][2]["abbr"] = json!("x".repeat(most::ABBR_CHARS));
        assert!(parse_dataset(&f).is_ok(), "the bounds themselves are accepted (in characters, not bytes)");
        assert!(broken(|f| f["pairs"][0]["nominatingParties"][0] = json!(99)).starts_with("pairs[0].nominatingParties[0]"));
        assert!(broken(|f| f["pairs"][1]["nominatingParties"][0] = json!(1)).starts_with("pairs[0].nominatingParties"));
        assert!(broken(|f| f["results"]["dpr"]["votes"][0]["votes"] = json!(1)).starts_with("results.dpr.totalValid"));
        assert!(broken(|f| f["results"]["dpr"]["votes"][0]["seats"] = json!(0)).starts_with("results.dpr.seatsTotal"));
        assert!(broken(|f| f["results"]["dpr"]["votes"][0]["party"] = json!(18)).starts_with("results.dpr.votes[0].party"));
        assert!(broken(|f| f["results"]["presidential"]["votes"][0]["votes"] = json!(5)).starts_with("results.presidential.totalValid"));
        assert!(broken(|f| f["results"]["presidential"]["votes"][0]["pair"] = json!(7)).starts_with("results.presidential.votes[0].pair"));
        assert!(broken(|f| f["results"]["dpr"]["votes"][0]["votes"] = json!(1.5)).starts_with("results.dpr.votes[0].votes"));
        assert!(broken(|f| {
            f["results"]["dpr"].as_object_mut().unwrap().remove("thresholdPercent");
        })
        .starts_with("results.dpr.thresholdPercent"));
    }

    /// The Jakarta governor race (fetched when a page names it, never compiled in).
    const PILKADA_JSON: &str = include_str!("../../data/pilkada-jakarta-2024.json");

    fn pilkada() -> Value {
        serde_json::from_str(PILKADA_JSON).unwrap()
    }

    fn pilkada_broken(edit: &dyn Fn(&mut Value)) -> String {
        let mut f = pilkada();
        edit(&mut f);
        parse_dataset(&f).unwrap_err().0
    }

    #[test]
    fn pilkada_jakarta_reads_with_its_integrity() {
        let d = parse_dataset(&pilkada()).unwrap();
        let e = &d.election;
        assert_eq!(e.name.get(Lang::Id), "Pilkada Jakarta 2024");
        assert_eq!(e.name.get(Lang::En), "Jakarta's 2024 gubernatorial election");
        assert_eq!(e.voting_day, days_from_civil(2024, 11, 27));
        assert_eq!((e.polls_open, e.polls_close), (7 * 3_600_000, 13 * 3_600_000));
        let ids: Vec<&str> = e.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            ["registration", "determination", "campaign", "quiet", "voting", "counting", "results", "governor-elect", "inauguration"]
        );
        let quiet = &e.stages[3];
        assert_eq!((quiet.start_day, quiet.end_day), (days_from_civil(2024, 11, 24), days_from_civil(2024, 11, 26)));
        assert_eq!(e.stages[7].start_day, days_from_civil(2025, 1, 9));
        assert_eq!(e.stages[8].start_day, days_from_civil(2025, 2, 20));
        assert!(e.stages.iter().all(|s| is_http_url(&s.source)) && is_http_url(&e.source));

        let d = &d.parties;
        assert_eq!(d.office, Office::Governor);
        assert!(d.parties.is_empty() && d.dpr.is_none(), "no national party list, no DPR result");
        let names: Vec<String> = d.pairs.iter().map(|p| format!("{} {} \u{2013} {}", p.number, p.candidate, p.running_mate)).collect();
        assert_eq!(
            names,
            ["1 Ridwan Kamil \u{2013} Suswono", "2 Dharma Pongrekun \u{2013} Kun Wardana", "3 Pramono Anung \u{2013} Rano Karno"]
        );
        assert_eq!(d.pairs[0].nominating_names.len(), 12);
        assert!(d.pairs[1].independent && d.pairs[1].nominating_names.is_empty() && d.pairs[1].nominating.is_empty());
        assert_eq!(d.pairs[2].nominating_names, ["PDI-P", "Hanura"]);
        assert!(d.pairs.iter().all(|p| !p.independent || p.number == 2));
        assert!(d.pairs.iter().all(|p| is_http_url(&p.source) && p.number_source.as_deref().is_some_and(is_http_url)));

        let r = d.pair_result.as_ref().unwrap();
        assert_eq!(r.votes, vec![(1, 1_718_160), (2, 459_230), (3, 2_183_239)]);
        assert_eq!(r.votes.iter().map(|(_, v)| v).sum::<u64>(), r.total_valid);
        assert_eq!(r.total_valid, 4_360_629);
        assert_eq!(r.invalid, Some((363_764, 4_724_393)));
        assert_eq!(r.total_valid + 363_764, 4_724_393, "valid + invalid = ballots cast");
        // KPU DKI's published shares, independently of the file's own `percent` fields.
        for ((_, v), published) in r.votes.iter().zip([39.40, 10.53, 50.07]) {
            assert!((share(*v, r.total_valid) - published).abs() < 0.005, "{v}: {published}");
        }
        assert!(share(r.votes[2].1, r.total_valid) > 50.0, "one round: more than half the valid votes");
        let turnout = r.turnout_percent.unwrap();
        assert!(r.turnout_voters == 8_214_007 && (turnout - 57.52).abs() < 0.005, "computed: {turnout}");
        assert!(r.turnout_source.as_deref().is_some_and(|s| s.contains("golput")), "the source of the registered voters");
        assert_eq!(r.set_by.as_deref(), Some("KPU DKI Jakarta"));
        assert!(is_http_url(&r.source) && r.confirmed_source.as_deref().is_some_and(is_http_url));
    }

    #[test]
    fn pilkada_integrity_failures_are_named() {
        let b = |edit: &dyn Fn(&mut Value)| pilkada_broken(edit);
        assert!(b(&|f: &mut Value| f["pairs"][1]["nominatingParties"] = json!(["PKB"])).starts_with("pairs[1].independent"));
        assert!(b(&|f: &mut Value| f["pairs"][0]["nominatingParties"] = json!([])).starts_with("pairs[0].nominatingParties = ?"));
        assert!(
            b(&|f: &mut Value| f["pairs"][0]["nominatingParties"] = json!([2])).starts_with("pairs[0].nominatingParties[0]"),
            "no party list: names only"
        );
        assert!(b(&|f: &mut Value| f["pairs"][0]["nominatingParties"][0] = json!(" ")).starts_with("pairs[0].nominatingParties[0]"));
        assert!(b(&|f: &mut Value| f["pairs"][0]["nominatingParties"][0] = json!("PDI-P"))
            .starts_with("pairs[0].nominatingParties = \u{201c}PDI-P"));
        assert!(b(&|f: &mut Value| f["pairs"][1]["independent"] = json!("yes")).starts_with("pairs[1].independent"));
        assert!(b(&|f: &mut Value| {
            f["pairs"][0].as_object_mut().unwrap().remove("candidate");
        })
        .starts_with("pairs[0].candidate = ?"));
        assert!(b(&|f: &mut Value| {
            f["pairs"][2].as_object_mut().unwrap().remove("runningMate");
        })
        .starts_with("pairs[2].runningMate"));
        assert!(b(&|f: &mut Value| f["pairs"][0]["numberSource"] = json!("okezone")).starts_with("pairs[0].numberSource"));
        let r = |f: &mut Value| f["results"]["pairs"].clone();
        assert!(b(&|f: &mut Value| f["results"]["pairs"]["votes"][0]["votes"] = json!(1_718_161)).starts_with("results.pairs.totalValid"));
        assert!(b(&|f: &mut Value| f["results"]["pairs"]["votes"][0]["percent"] = json!(39.5))
            .starts_with("results.pairs.votes[0].percent = ?"));
        assert!(
            b(&|f: &mut Value| f["results"]["pairs"]["votes"][2]["percent"] = json!(50.06)).starts_with("results.pairs.votes[2].percent"),
            "Okezone's 50.06"
        );
        // Counts swapped between pairs still add up; the published shares catch it.
        assert!(b(&|f: &mut Value| {
            f["results"]["pairs"]["votes"][0]["votes"] = json!(459_230);
            f["results"]["pairs"]["votes"][1]["votes"] = json!(1_718_160);
        })
        .starts_with("results.pairs.votes[0].percent = ?"));
        assert!(b(&|f: &mut Value| f["results"]["pairs"]["totalInvalid"] = json!(363_765)).starts_with("results.pairs.ballotsCast = ?"));
        assert!(b(&|f: &mut Value| {
            f["results"]["pairs"].as_object_mut().unwrap().remove("ballotsCast");
        })
        .starts_with("results.pairs.ballotsCast = ?"));
        assert!(
            b(&|f: &mut Value| f["results"]["pairs"]["registeredVoters"] = json!(4_000_000)).starts_with("results.pairs.registeredVoters")
        );
        assert!(b(&|f: &mut Value| {
            f["results"]["pairs"].as_object_mut().unwrap().remove("registeredVotersSource");
        })
        .starts_with("results.pairs.registeredVotersSource"));
        assert!(b(&|f: &mut Value| f["results"]["presidential"] = r(f)).starts_with("results = "), "one name for the pairs' result");
        assert!(b(&|f: &mut Value| f["office"] = json!("king")).starts_with("office"));
        for (i, name) in Office::NAMES.iter().enumerate() {
            let mut f = pilkada();
            f["office"] = json!(name);
            assert_eq!(parse_dataset(&f).unwrap().parties.office as usize, i, "{name}");
        }
    }

    #[test]
    fn the_pairs_result_may_use_either_name() {
        let mut f = pilkada();
        f["results"]["presidential"] = f["results"]["pairs"].take();
        f["results"].as_object_mut().unwrap().remove("pairs");
        let d = parse_dataset(&f).unwrap();
        assert_eq!(d.parties.pair_result, parse_dataset(&pilkada()).unwrap().parties.pair_result);
        let mut f = file();
        f["results"]["presidential"]["votes"][0]["percent"] = json!(24.95);
        assert!(parse_dataset(&f).is_ok(), "24.95 is pair 01's share to two decimals");
        assert!(broken(|f| f["results"]["presidential"]["votes"][0]["percent"] = json!(24.9))
            .starts_with("results.presidential.votes[0].percent"));
        // The 2024 file: names as president/vicePresident; parties by ballot number only.
        let d = bundled_dataset().unwrap().parties;
        assert_eq!(
            (d.office, d.pairs[1].candidate.as_str(), d.pairs[1].running_mate.as_str()),
            (Office::President, "Prabowo Subianto", "Gibran Rakabuming Raka")
        );
        assert!(broken(|f| f["pairs"][0]["nominatingParties"][0] = json!("PKB")).starts_with("pairs[0].nominatingParties[0]"));
        assert!(broken(|f| f["pairs"][0]["independent"] = json!(true)).starts_with("pairs[0].independent"));
    }

    #[test]
    fn optional_parts_may_be_missing() {
        let mut f = file();
        let o = f.as_object_mut().unwrap();
        o.remove("parties");
        o.remove("pairs");
        o.remove("results");
        o.remove("asOf");
        f["name"] = json!({ "id": "Pilkada" });
        let d = parse_dataset(&f).unwrap();
        assert_eq!(d.election.name.get(Lang::En), "Pilkada");
        assert!(d.parties.parties.is_empty() && !d.parties.has_results());
    }

    #[test]
    fn wrong_shapes_are_refused() {
        assert!(parse_dataset(&json!({})).is_err());
        assert!(parse_dataset(&json!([1, 2])).is_err());
        assert!(parse_dataset(&json!({ "schemaVersion": "1" })).is_err());
    }

    fn full() -> Value {
        serde_json::from_str(include_str!("../../data/pemilu-2024.json")).unwrap()
    }

    #[test]
    fn the_next_election_is_dated_and_sourced() {
        let n = parse_dataset(&full()).unwrap().election.next.clone().expect("the 2024 file names what comes next");
        assert_eq!(n.voting_day, None, "no official date has been set (reference, Feb 2026)");
        assert!(n.note.is_some() && is_http_url(&n.source));
        assert_eq!(n.as_of, days_from_civil(2026, 2, 23));
        // A set date must come after this election's voting day.
        let mut f = full();
        f["next"]["votingDay"] = json!("2024-02-14");
        assert_eq!(parse_dataset(&f).unwrap_err().0, "next.votingDay = \u{201c}2024-02-14\u{201d}");
        f["next"]["votingDay"] = json!("2029-02-14");
        assert_eq!(parse_dataset(&f).unwrap().election.next.as_ref().unwrap().voting_day, Some(days_from_civil(2029, 2, 14)));
        f["next"]["asOf"] = json!("soon");
        assert!(parse_dataset(&f).unwrap_err().0.starts_with("next.asOf"));
    }

    #[test]
    fn dates_outside_a_sane_range_or_the_timeline_are_errors() {
        let mut f = full();
        f["votingDay"] = json!("0000-01-01");
        assert!(parse_dataset(&f).unwrap_err().0.starts_with("votingDay"));
        let mut f = full();
        f["votingDay"] = json!("9999-02-14");
        assert!(parse_dataset(&f).unwrap_err().0.starts_with("votingDay"));
        // A plausible year, but outside the file's own stages.
        let mut f = full();
        f["votingDay"] = json!("2029-02-14");
        assert_eq!(parse_dataset(&f).unwrap_err().0, "votingDay = \u{201c}2029-02-14\u{201d}");
        let mut f = full();
        f["stages"][0]["start"] = json!("1900-01-01");
        assert!(parse_dataset(&f).unwrap_err().0.starts_with("stages[0].start"));
    }

    #[test]
    fn the_guide_is_complete_dated_and_sourced() {
        let g = parse_dataset(&full()).unwrap().guide.unwrap();
        assert_eq!(g.sections.len(), 5);
        let figures: Vec<u64> = g.sections[0].items.iter().filter_map(|i| i.figure).collect();
        assert_eq!(figures, [204_807_222, 823_220, 24, 3, 580]);
        // 820,161 at home plus 3,059 abroad; voters split as the text says.
        assert_eq!(820_161 + 3_059, 823_220);
        assert_eq!(203_056_748 + 1_750_474, 204_807_222);
        assert!(g.sections[0].items[0].text.get(Lang::Id).contains("1.750.474"));
        assert!(g.sections[0].items[0].text.get(Lang::En).contains("1,750,474"));
        let items: Vec<_> = g.sections.iter().flat_map(|s| &s.items).collect();
        assert!(items.iter().all(|i| is_http_url(&i.source) && i.as_of > days_from_civil(2017, 1, 1)));
        let law = g.sections[3].items.iter().map(|i| i.text.get(Lang::Id)).collect::<Vec<_>>().join(" ");
        for needle in ["Pasal 515", "Pasal 523", "187A", "Hajar Serangan Fajar", "Rp36 juta", "Rp48 juta", "Rp1 miliar"] {
            assert!(law.contains(needle), "{needle}");
        }
        assert!(g.sections[4].items.iter().any(|i| i.text.get(Lang::En).contains("Komdigi")));
    }

    #[test]
    fn guide_errors_name_the_field() {
        let mut f = full();
        f["guide"]["sections"][1]["items"][2]["source"] = json!("javascript:alert(1)");
        assert_eq!(parse_dataset(&f).unwrap_err().0, "guide.sections[1].items[2].source = \u{201c}javascript:alert(1)\u{201d}");
        let mut f = full();
        f["guide"]["sections"][0]["items"][0]["figure"] = json!(-5);
        assert!(parse_dataset(&f).unwrap_err().0.starts_with("guide.sections[0].items[0].figure"));
        let mut f = full();
        f["guide"]["sections"][2]["items"][0].as_object_mut().unwrap().remove("asOf");
        assert!(parse_dataset(&f).unwrap_err().0.contains("guide.sections[2].items[0].asOf"));
        let mut f = full();
        f["guide"]["sections"] = json!([]);
        assert!(parse_dataset(&f).unwrap_err().0.starts_with("guide.sections"));
        // Short texts, in each language; a text over the general bound is refused in every
        // localized field.
        let long = |n| "x".repeat(n);
        let refused = |edit: &dyn Fn(&mut Value)| {
            let mut f = full();
            edit(&mut f);
            parse_dataset(&f).unwrap_err().0
        };
        let e = refused(&|f| f["guide"]["sections"][1]["items"][0]["text"]["en"] = json!(long(most::GUIDE_CHARS + 1)));
        assert_eq!(e, "guide.sections[1].items[0].text = \u{201c}more than 600 characters\u{201d}");
        let e = refused(&|f| f["guide"]["sections"][1]["title"]["id"] = json!(long(most::NAME_CHARS + 1)));
        assert_eq!(e, "guide.sections[1].title = \u{201c}more than 200 characters\u{201d}");
        let e = refused(&|f| f["pairs"][1]["president"] = json!(long(most::NAME_CHARS + 1)));
        assert_eq!(e, "pairs[1].candidate = \u{201c}more than 200 characters\u{201d}");
        let e = refused(&|f| f["next"]["note"]["en"] = json!(long(MAX_CHARS + 1)));
        assert_eq!(e, "next.note = \u{201c}more than 5000 characters\u{201d}");
        let mut f = full();
        f["guide"]["sections"][1]["items"][0]["text"]["en"] = json!(long(most::GUIDE_CHARS));
        f["guide"]["sections"][1]["title"]["id"] = json!(long(most::NAME_CHARS));
        f["pairs"][1]["president"] = json!(long(most::NAME_CHARS));
        assert!(parse_dataset(&f).is_ok(), "the bounds themselves are accepted");
        // A file without a guide is valid: the module says so.
        let mut f = full();
        f.as_object_mut().unwrap().remove("guide");
        assert!(parse_dataset(&f).unwrap().guide.is_none());
    }

    #[test]
    fn every_source_url_in_the_election_files_is_in_the_references() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/reference/");
        let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}"));
        // The references live beside the repository (as in CI); a clone on its own has nothing to
        // compare with, and says so rather than passing in silence.
        let (Ok(a), Ok(b)) = (read("pemilu2024-facts.md"), read("pilkada2024-and-beyond.md")) else {
            eprintln!("skipped: ../shared/reference is not beside the repository");
            return;
        };
        let reference = a + &b;
        for (name, text) in [
            ("pemilu-2024", include_str!("../../data/pemilu-2024.json")),
            ("pilkada", include_str!("../../data/pilkada-jakarta-2024.json")),
        ] {
            let mut rest = text;
            while let Some(i) = rest.find("http") {
                let url: String = rest[i..].chars().take_while(|c| *c != '"').collect();
                assert!(reference.contains(&url), "{name}: {url} is not in the references");
                rest = &rest[i + url.len()..];
            }
        }
    }
}
