//! The bundled dataset and the validation of any election file, bundled or fetched.
//!
//! The file is deserialised (by `JSON.parse` + serde in the browser, `serde_json` in tests) into
//! plain `*File` structs, then [`validate`] checks every value and builds the typed [`Election`].

use serde::Deserialize;

use crate::domain::election::{Election, Localized, Stage};
use crate::domain::time::{parse_date, parse_hm};

/// The Pemilu 2024 dataset, exactly as served at `dist/data/pemilu-2024.json`.
pub const BUNDLED_ELECTION_JSON: &str = include_str!("../../data/pemilu-2024.json");

/// The only schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A text in both languages, as written in a file (either may be missing; one is required).
#[derive(Deserialize, Debug, Clone, Default)]
pub struct LocalizedFile {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub en: Option<String>,
}

/// One timeline stage, as written.
#[derive(Deserialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct StageFile {
    pub id: String,
    pub name: LocalizedFile,
    pub start: String,
    #[serde(default)]
    pub start_time: Option<String>,
    pub end: String,
    pub source: String,
}

/// An election file, as written (see `data/election.schema.json`). Unknown keys are ignored.
#[derive(Deserialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ElectionFile {
    pub schema_version: u32,
    pub name: LocalizedFile,
    #[serde(default)]
    pub as_of: Option<String>,
    pub voting_day: String,
    pub polls_open: String,
    pub polls_close: String,
    #[serde(default)]
    pub voting_day_source: Option<String>,
    #[serde(default)]
    pub stages: Vec<StageFile>,
}

/// What is wrong with a file: the field's path and the offending value. Shown to the reader
/// inside a translated sentence, so it stays language-neutral.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError(pub String);

impl DataError {
    fn at(path: &str, value: &str) -> DataError {
        let v: String = value.chars().take(60).collect();
        DataError(format!("{path} = \u{201c}{v}\u{201d}"))
    }
}

fn localized(path: &str, l: &LocalizedFile) -> Result<Localized, DataError> {
    let clean = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    match (clean(&l.id), clean(&l.en)) {
        (Some(id), Some(en)) => Ok(Localized { id, en }),
        (Some(one), None) | (None, Some(one)) => Ok(Localized { id: one.clone(), en: one }),
        (None, None) => Err(DataError::at(path, "")),
    }
}

/// Whether `s` is an absolute `http(s)` URL (sources must be checkable by an editor).
pub fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && s.len() > 10 && !s.chars().any(char::is_whitespace)
}

/// Checks every value of an election file and builds the typed election.
pub fn validate(f: &ElectionFile) -> Result<Election, DataError> {
    if f.schema_version != SCHEMA_VERSION {
        return Err(DataError::at("schemaVersion", &f.schema_version.to_string()));
    }
    let name = localized("name", &f.name)?;
    let voting_day = parse_date(&f.voting_day).ok_or_else(|| DataError::at("votingDay", &f.voting_day))?;
    let polls_open = parse_hm(&f.polls_open).ok_or_else(|| DataError::at("pollsOpen", &f.polls_open))?;
    let polls_close = parse_hm(&f.polls_close).ok_or_else(|| DataError::at("pollsClose", &f.polls_close))?;
    if polls_close <= polls_open {
        return Err(DataError::at("pollsClose", &f.polls_close));
    }
    let as_of = match &f.as_of {
        Some(d) => Some(parse_date(d).ok_or_else(|| DataError::at("asOf", d))?),
        None => None,
    };
    let source = f.voting_day_source.clone().unwrap_or_default();
    if !source.is_empty() && !is_http_url(&source) {
        return Err(DataError::at("votingDaySource", &source));
    }
    let mut stages: Vec<Stage> = Vec::with_capacity(f.stages.len());
    for (i, s) in f.stages.iter().enumerate() {
        let p = |field: &str| format!("stages[{i}].{field}");
        if s.id.trim().is_empty() {
            return Err(DataError::at(&p("id"), &s.id));
        }
        let start_day = parse_date(&s.start).ok_or_else(|| DataError::at(&p("start"), &s.start))?;
        let end_day = parse_date(&s.end).ok_or_else(|| DataError::at(&p("end"), &s.end))?;
        let start_minutes = match &s.start_time {
            Some(t) => parse_hm(t).ok_or_else(|| DataError::at(&p("startTime"), t))?,
            None => 0,
        };
        if end_day < start_day {
            return Err(DataError::at(&p("end"), &s.end));
        }
        if !is_http_url(&s.source) {
            return Err(DataError::at(&p("source"), &s.source));
        }
        let stage = Stage {
            id: s.id.trim().to_string(),
            name: localized(&p("name"), &s.name)?,
            start_day,
            start_minutes,
            end_day,
            source: s.source.clone(),
        };
        if let Some(prev) = stages.last() {
            if (stage.start_day, stage.start_minutes) < (prev.start_day, prev.start_minutes) {
                return Err(DataError::at(&p("start"), &s.start));
            }
        }
        stages.push(stage);
    }
    Ok(Election {
        name,
        voting_day,
        polls_open: i64::from(polls_open) * 60_000,
        polls_close: i64::from(polls_close) * 60_000,
        base_offset: crate::domain::time::Zone::Wib.offset_minutes(),
        stages,
        as_of,
        source,
    })
}

/// The bundled election, parsed natively (tests only; the browser parses with `JSON.parse`).
#[cfg(test)]
pub fn bundled_election() -> Result<Election, DataError> {
    let f: ElectionFile = serde_json::from_str(BUNDLED_ELECTION_JSON).map_err(|e| DataError(e.to_string()))?;
    validate(&f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::Lang;
    use crate::domain::time::days_from_civil;

    fn file() -> ElectionFile {
        serde_json::from_str(BUNDLED_ELECTION_JSON).unwrap()
    }

    #[test]
    fn bundled_dataset_is_valid_and_sourced() {
        let e = bundled_election().unwrap();
        assert_eq!(e.voting_day, days_from_civil(2024, 2, 14));
        assert_eq!((e.polls_open, e.polls_close), (7 * 3_600_000, 13 * 3_600_000));
        assert_eq!(e.name.get(Lang::Id), "Pemilu 2024");
        let ids: Vec<&str> = e.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["campaign", "quiet", "voting", "counting", "recapitulation", "results", "president-elect", "inauguration"]);
        assert!(e.stages.iter().all(|s| is_http_url(&s.source)));
        assert!(is_http_url(&e.source));
        assert_eq!(e.as_of, Some(days_from_civil(2024, 10, 20)));
        let inauguration = e.stages.last().unwrap();
        assert_eq!(inauguration.start_day, days_from_civil(2024, 10, 20));
    }

    #[test]
    fn each_bad_value_is_named() {
        type Breaker = fn(&mut ElectionFile);
        let cases: Vec<(Breaker, &str)> = vec![
            (|f| f.schema_version = 2, "schemaVersion"),
            (|f| f.voting_day = "2024-02-30".into(), "votingDay"),
            (|f| f.polls_open = "7".into(), "pollsOpen"),
            (|f| f.polls_close = "06:00".into(), "pollsClose"),
            (|f| f.name = LocalizedFile::default(), "name"),
            (|f| f.stages[1].start = "2024-02-40".into(), "stages[1].start"),
            (|f| f.stages[2].start_time = Some("25:00".into()), "stages[2].startTime"),
            (|f| f.stages[0].end = "2023-01-01".into(), "stages[0].end"),
            (|f| f.stages[3].source = "kpu.go.id".into(), "stages[3].source"),
            (|f| f.stages.swap(0, 1), "stages[1].start"),
            (|f| f.as_of = Some("kemarin".into()), "asOf"),
        ];
        for (break_it, path) in cases {
            let mut f = file();
            break_it(&mut f);
            let err = validate(&f).unwrap_err();
            assert!(err.0.starts_with(path), "{path}: {err:?}");
        }
    }

    #[test]
    fn one_language_is_enough() {
        let mut f = file();
        f.name = LocalizedFile { id: Some("Pilkada".into()), en: None };
        assert_eq!(validate(&f).unwrap().name.get(Lang::En), "Pilkada");
    }

    #[test]
    fn wrong_shapes_are_refused_by_the_parser() {
        assert!(serde_json::from_str::<ElectionFile>("{}").is_err());
        assert!(serde_json::from_str::<ElectionFile>("[1,2]").is_err());
        assert!(serde_json::from_str::<ElectionFile>(r#"{"schemaVersion":"1"}"#).is_err());
    }
}
