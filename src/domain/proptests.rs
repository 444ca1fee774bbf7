//! Property-based tests: whatever a page or a data file hands the widget, its parsers and
//! validators answer with a value or an error, never a panic (a panic in the Wasm stops every
//! widget on the page). Test builds keep overflow checks on, so arithmetic on data that could
//! overflow fails here too.
//!
//! The normal run tries a few hundred cases per property; `scripts/fuzz.sh` runs the same
//! properties with `PROPTEST_CASES` raised (the README gives the figures).

use std::collections::HashMap;

use crate::domain::config::Config;
use crate::domain::contract::Attr;
use crate::domain::data::parse_dataset;
use crate::domain::json::Json;
use crate::domain::num::{parse_i64, parse_u64};
use crate::domain::quiz::parse_bank;
use crate::domain::text::normalize;
use crate::domain::time::{parse_date, DateTimeOffset};
use proptest::prelude::*;
use serde_json::{json, Value};

const ELECTION: &str = include_str!("../../data/pemilu-2024.json");
const PILKADA: &str = include_str!("../../data/pilkada-jakarta-2024.json");
const BANK: &str = include_str!("../../data/quiz-id.json");

/// A parsed JSON value seen through the domain's reader, as the browser's `JSON.parse` result is.
#[derive(Clone)]
struct J(Value);

impl Json for J {
    fn field(&self, key: &str) -> Option<Self> {
        self.0.as_object()?.get(key).filter(|v| !v.is_null()).cloned().map(J)
    }
    fn string(&self) -> Option<String> {
        self.0.as_str().map(String::from)
    }
    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn array(&self) -> Option<Vec<Self>> {
        self.0.as_array().map(|a| a.iter().cloned().map(J).collect())
    }
    fn boolean(&self) -> Option<bool> {
        self.0.as_bool()
    }
}

/// Strings a hostile page or file might hold: empty, huge, control characters, markup, numbers at
/// their limits, dates near the edges.
fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[0-9:T+\\-Z .]{0,40}",
        Just(String::new()),
        Just("x".repeat(5000)),
        Just("<script>alert(1)</script>".into()),
        Just("javascript:alert(1)".into()),
        Just("9999999999999999999999".into()),
        Just("-9223372036854775808".into()),
        Just("0000-01-01".into()),
        Just("9999-12-31T23:59:59+14:00".into()),
        Just("2024-02-30".into()),
        Just("\u{0}\u{202e}\u{feff}".into()),
    ]
}

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("JSON has no NaN or infinity", |f| f.is_finite()).prop_map(|f| json!(f)),
        hostile_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::hash_map("[a-zA-Z]{1,12}", inner, 0..8).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path (object keys and array indices) in a value.
fn paths(v: &Value, here: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                here.push(k.clone());
                paths(c, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                here.push(i.to_string());
                paths(c, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Object(m) => m.get_mut(k).expect("path exists"),
        Value::Array(a) => &mut a[k.parse::<usize>().expect("index")],
        _ => unreachable!("paths only go through objects and arrays"),
    })
}

/// A real file with up to four of its values replaced (or removed) at random: near-valid input,
/// which reaches deep into the validators, unlike random JSON.
fn mutated(text: &'static str) -> impl Strategy<Value = Value> {
    let base: Value = serde_json::from_str(text).expect("bundled file is JSON");
    let mut all = Vec::new();
    paths(&base, &mut Vec::new(), &mut all);
    let n = all.len();
    prop::collection::vec((0..n, any_json(), any::<bool>()), 1..5).prop_map(move |edits| {
        let mut v = base.clone();
        for (i, value, remove) in edits {
            let path = &all[i];
            if path.is_empty() {
                continue;
            }
            let (last, parent) = path.split_last().expect("not empty");
            // Earlier edits may have replaced a parent: skip paths that are gone.
            let mut ok = true;
            let mut cur = &v;
            for k in parent {
                cur = match cur {
                    Value::Object(m) => match m.get(k) {
                        Some(c) => c,
                        None => {
                            ok = false;
                            break;
                        }
                    },
                    Value::Array(a) => match k.parse::<usize>().ok().and_then(|i| a.get(i)) {
                        Some(c) => c,
                        None => {
                            ok = false;
                            break;
                        }
                    },
                    _ => {
                        ok = false;
                        break;
                    }
                };
            }
            if !ok {
                continue;
            }
            match at(&mut v, parent) {
                Value::Object(m) => {
                    if remove {
                        m.remove(last);
                    } else {
                        m.insert(last.clone(), value);
                    }
                }
                Value::Array(a) => {
                    if let Some(i) = last.parse::<usize>().ok().filter(|i| *i < a.len()) {
                        if remove {
                            a.remove(i);
                        } else {
                            a[i] = value;
                        }
                    }
                }
                _ => {}
            }
        }
        v
    })
}

proptest! {
    #[test]
    fn any_attributes_give_a_config(values in prop::collection::vec(prop::option::of(hostile_string()), Attr::ALL.len())) {
        let map: HashMap<&str, String> = Attr::ALL.iter().zip(values).filter_map(|(a, v)| v.map(|v| (a.name(), v))).collect();
        let c = Config::parse(|a| map.get(a.name()).cloned(), |v| v.starts_with('#'));
        prop_assert!((1..=50).contains(&c.quiz_count));
        prop_assert!(!c.modules.is_empty());
        for e in &c.errors {
            prop_assert!(map.contains_key(e.attr.name()));
            let _ = e.message(c.lang);
        }
    }

    #[test]
    fn any_text_through_the_small_parsers(s in hostile_string()) {
        let _ = parse_u64(&s);
        let _ = parse_i64(&s);
        let _ = parse_date(&s);
        if let Some(d) = DateTimeOffset::parse(&s) {
            let _ = d.instant_ms();
        }
        let _ = normalize(&s);
    }

    #[test]
    fn any_json_as_a_dataset_or_a_bank(v in any_json()) {
        let _ = parse_dataset(&J(v.clone()));
        let _ = parse_bank(&J(v));
    }

    #[test]
    fn a_mutated_election_file(v in mutated(ELECTION)) {
        if let Ok(d) = parse_dataset(&J(v)) {
            // What the views compute from a valid file stays computable.
            let _ = d.parties.view("a", Default::default(), Default::default());
            let _ = d.election.stages.len();
        }
    }

    #[test]
    fn a_mutated_pilkada_file(v in mutated(PILKADA)) {
        let _ = parse_dataset(&J(v));
    }

    #[test]
    fn a_mutated_question_bank(v in mutated(BANK)) {
        let _ = parse_bank(&J(v));
    }
}
