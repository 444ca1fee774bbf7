//! The Rust readers are the definition of the data formats; the JSON Schemas in `data/` describe
//! them for editors and their tools. These tests hold the two together: every member the readers
//! ask for is in the schema at the same place and vice versa, each with the same JSON type, and a
//! member the schema requires is one without which the reader refuses the file (and the reverse).
//! They read every dataset and bank in `data/` through a recording view of the parsed JSON.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use serde_json::Value;

use crate::domain::data::parse_dataset;
use crate::domain::json::Json;
use crate::domain::quiz::parse_bank;

/// What the readers asked of each place in a file (array indices written `*`).
#[derive(Default)]
struct Log {
    /// Object place → the member names asked for (present or not).
    asked: BTreeMap<String, BTreeSet<String>>,
    /// Value place → the JSON types read there.
    kinds: BTreeMap<String, BTreeSet<&'static str>>,
}

#[derive(Clone)]
struct Rec {
    v: Value,
    at: String,
    log: Rc<RefCell<Log>>,
}

impl Rec {
    fn kind(&self, k: &'static str) {
        self.log.borrow_mut().kinds.entry(self.at.clone()).or_default().insert(k);
    }
}

impl Json for Rec {
    fn field(&self, key: &str) -> Option<Self> {
        self.log.borrow_mut().asked.entry(self.at.clone()).or_default().insert(key.to_string());
        self.kind("object");
        let child = self.v.as_object()?.get(key).filter(|c| !c.is_null())?;
        Some(Rec { v: child.clone(), at: format!("{}/{key}", self.at), log: self.log.clone() })
    }
    fn string(&self) -> Option<String> {
        self.kind("string");
        self.v.as_str().map(String::from)
    }
    fn number(&self) -> Option<f64> {
        self.kind("number");
        self.v.as_f64()
    }
    fn array(&self) -> Option<Vec<Self>> {
        self.kind("array");
        let at = format!("{}/*", self.at);
        Some(self.v.as_array()?.iter().map(|c| Rec { v: c.clone(), at: at.clone(), log: self.log.clone() }).collect())
    }
    fn boolean(&self) -> Option<bool> {
        self.kind("boolean");
        self.v.as_bool()
    }
}

fn data(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap()
}

/// A format: its schema, its files, and whether its reader accepts a value.
type Format = (&'static str, Vec<String>, fn(&Value) -> bool);

/// The files of each format.
fn formats() -> Vec<Format> {
    let mut names: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json") && !n.ends_with(".schema.json"))
        .collect();
    names.sort();
    let (banks, sets): (Vec<String>, Vec<String>) = names.into_iter().partition(|n| n.starts_with("quiz-"));
    assert!(sets.len() >= 2 && banks.len() >= 4, "{sets:?} {banks:?}");
    vec![("election.schema.json", sets, |v| parse_dataset(v).is_ok()), ("quiz.schema.json", banks, |v| parse_bank(v).is_ok())]
}

/// What the reader of `schema_name`'s format asks of every file in `files` (each must be valid).
fn recorded(schema_name: &str, files: &[String]) -> Log {
    let log = Rc::new(RefCell::new(Log::default()));
    for f in files {
        let rec = Rec { v: data(f), at: String::new(), log: log.clone() };
        let ok = if schema_name.starts_with("quiz") { parse_bank(&rec).is_ok() } else { parse_dataset(&rec).is_ok() };
        assert!(ok, "{f} reads through the recorder");
    }
    Rc::try_unwrap(log).ok().expect("no recorder outlives the reads").into_inner()
}

/// The subschemas that apply at a place: `$ref` resolved, and every branch of `oneOf`, `anyOf`,
/// `allOf`, `if`/`then`/`else` and `dependentSchemas` included (a member allowed in any branch
/// is allowed).
fn branches<'a>(root: &'a Value, node: &'a Value, out: &mut Vec<&'a Value>) {
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("unexpected $ref {r}"));
        branches(root, &root["$defs"][name], out);
    }
    out.push(node);
    for k in ["oneOf", "anyOf", "allOf"] {
        for b in node.get(k).and_then(Value::as_array).into_iter().flatten() {
            branches(root, b, out);
        }
    }
    for k in ["then", "else"] {
        if let Some(b) = node.get(k) {
            branches(root, b, out);
        }
    }
    for b in node.get("dependentSchemas").and_then(Value::as_object).into_iter().flat_map(|m| m.values()) {
        branches(root, b, out);
    }
}

/// The subschemas at a place written like the log's (`/parties/*/name`).
fn at<'a>(root: &'a Value, place: &str) -> Vec<&'a Value> {
    let mut here = Vec::new();
    branches(root, root, &mut here);
    for step in place.split('/').skip(1) {
        let mut next = Vec::new();
        for n in here {
            let child = if step == "*" { n.get("items") } else { n.get("properties").and_then(|p| p.get(step)) };
            if let Some(c) = child {
                branches(root, c, &mut next);
            }
        }
        here = next;
    }
    here
}

/// The schema's mark on a member the widget does not read (kept for editors and their tools).
const EDITORS_ONLY: &str = "Not read by the widget";

/// Whether the member at `place`, or one it belongs to, carries that mark.
fn editors_only(root: &Value, place: &str) -> bool {
    let marked =
        |p: &str| at(root, p).iter().any(|n| n.get("$comment").and_then(Value::as_str).is_some_and(|c| c.starts_with(EDITORS_ONLY)));
    place.match_indices('/').map(|(i, _)| &place[..i]).filter(|p| !p.is_empty()).any(marked) || marked(place)
}

fn schema_keys(nodes: &[&Value]) -> BTreeSet<String> {
    nodes.iter().filter_map(|n| n.get("properties").and_then(Value::as_object)).flat_map(|p| p.keys().cloned()).collect()
}

fn schema_types(nodes: &[&Value]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for n in nodes {
        match n.get("type") {
            Some(Value::String(t)) => {
                out.insert(t.clone());
            }
            Some(Value::Array(ts)) => out.extend(ts.iter().filter_map(Value::as_str).map(String::from)),
            _ => {}
        }
    }
    out
}

/// Members required at a place, unconditionally (the node itself and its `$ref`, `allOf`).
fn required(root: &Value, place: &str) -> BTreeSet<String> {
    let mut here = vec![root];
    for step in place.split('/').skip(1) {
        let mut next = Vec::new();
        for n in here {
            let mut all = Vec::new();
            branches(root, n, &mut all);
            for b in all {
                let child = if step == "*" { b.get("items") } else { b.get("properties").and_then(|p| p.get(step)) };
                next.extend(child);
            }
        }
        here = next;
    }
    let mut out = BTreeSet::new();
    let mut stack: Vec<&Value> = here;
    while let Some(n) = stack.pop() {
        out.extend(n.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).map(String::from));
        if let Some(r) = n.get("$ref").and_then(Value::as_str) {
            stack.push(&root["$defs"][r.trim_start_matches("#/$defs/")]);
        }
        stack.extend(n.get("allOf").and_then(Value::as_array).into_iter().flatten());
    }
    out
}

/// Members required only under a condition (`if`/`then`, `oneOf`, `dependentRequired`): the
/// reader may require them in the files at hand, or not.
fn conditionally_required(root: &Value, place: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for n in at(root, place) {
        out.extend(n.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).map(String::from));
        for deps in n.get("dependentRequired").and_then(Value::as_object).into_iter().flat_map(|m| m.values()) {
            out.extend(deps.as_array().into_iter().flatten().filter_map(Value::as_str).map(String::from));
        }
    }
    out
}

/// Every object of a file, once per place: (place, pointer to its first occurrence).
fn objects(v: &Value, place: &str, pointer: &str, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(m) => {
            out.entry(place.to_string()).or_insert_with(|| pointer.to_string());
            for (k, c) in m {
                objects(c, &format!("{place}/{k}"), &format!("{pointer}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                objects(c, &format!("{place}/*"), &format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Members whose reading depends on the file, so that the files at hand cannot show the reader's
/// rule by taking one member away: (place, why).
const DATA_DEPENDENT: [(&str, &str); 2] = [
    ("/results/presidential/registeredVotersSource", "read only with registeredVoters, which the Pemilu 2024 file does not give"),
    ("/items/*/verdict", "null and absent are the same to the reader; the schema asks editors to write null for a contested item"),
];

#[test]
fn every_member_the_readers_ask_for_is_in_the_schema_at_the_same_place_with_its_type() {
    for (schema_name, files, accepts) in formats() {
        let schema = data(schema_name);
        for f in &files {
            assert!(accepts(&data(f)), "{f} is valid");
        }
        let log = recorded(schema_name, &files);
        let mut problems = Vec::new();
        for (place, asked) in &log.asked {
            let nodes = at(&schema, place);
            let declared = schema_keys(&nodes);
            for k in asked.difference(&declared) {
                // (A member marked for editors only must not be read either: checked below.)
                problems.push(format!("{schema_name}: {place}/{k} is read but not in the schema"));
            }
            let skip = |k: &String| {
                let p = format!("{place}/{k}");
                editors_only(&schema, &p) || DATA_DEPENDENT.iter().any(|(d, _)| *d == p)
            };
            for k in declared.difference(asked).filter(|k| !skip(k)) {
                problems.push(format!("{schema_name}: {place}/{k} is in the schema but never read"));
            }
        }
        for (place, kinds) in &log.kinds {
            let types = schema_types(&at(&schema, place));
            if types.is_empty() {
                continue;
            }
            for k in kinds {
                let ok = types.contains(*k) || (*k == "number" && types.contains("integer"));
                if !ok {
                    problems.push(format!("{schema_name}: {place} is read as {k}; the schema says {types:?}"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[test]
fn a_member_the_schema_requires_is_one_the_reader_cannot_do_without() {
    for (schema_name, files, accepts) in formats() {
        let schema = data(schema_name);
        let mut problems = BTreeSet::new();
        for f in &files {
            let v = data(f);
            let mut places = BTreeMap::new();
            objects(&v, "", "", &mut places);
            for (place, pointer) in places {
                let req = required(&schema, &place);
                let maybe = conditionally_required(&schema, &place);
                let members: Vec<String> = v.pointer(&pointer).unwrap().as_object().unwrap().keys().cloned().collect();
                for k in members {
                    let mut without = v.clone();
                    without.pointer_mut(&pointer).unwrap().as_object_mut().unwrap().remove(&k);
                    let needed = !accepts(&without);
                    if needed && !req.contains(&k) && !maybe.contains(&k) {
                        problems.insert(format!("{schema_name}: {place}/{k} is required by the reader (in {f}), not by the schema"));
                    }
                    let p = format!("{place}/{k}");
                    if !needed && req.contains(&k) && !editors_only(&schema, &p) && !DATA_DEPENDENT.iter().any(|(d, _)| *d == p) {
                        problems.insert(format!("{schema_name}: {place}/{k} is required by the schema, not by the reader (in {f})"));
                    }
                }
            }
        }
        let problems: Vec<String> = problems.into_iter().collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[test]
fn members_marked_for_editors_only_are_not_read() {
    for (schema_name, files, _) in formats() {
        let schema = data(schema_name);
        for (place, asked) in &recorded(schema_name, &files).asked {
            for k in asked {
                let p = format!("{place}/{k}");
                assert!(!editors_only(&schema, &p), "{schema_name}: {p} is marked \"{EDITORS_ONLY}\" but the reader reads it");
            }
        }
    }
}

/// Every concrete JSON pointer in `v` that matches a log place (`/parties/*/aliases`).
fn instances(v: &Value, steps: &[&str], here: String, out: &mut Vec<String>) {
    let Some((step, rest)) = steps.split_first() else {
        out.push(here);
        return;
    };
    if *step == "*" {
        for (i, c) in v.as_array().into_iter().flatten().enumerate() {
            instances(c, rest, format!("{here}/{i}"), out);
        }
    } else if let Some(c) = v.get(*step) {
        instances(c, rest, format!("{here}/{step}"), out);
    }
}

/// A reader's path for a JSON pointer: `/parties/3/aliases` → `parties[3].aliases`.
fn reader_path(pointer: &str) -> String {
    pointer.split('/').skip(1).fold(String::new(), |p, s| match s.parse::<usize>() {
        Ok(i) => format!("{p}[{i}]"),
        Err(_) if p.is_empty() => s.to_string(),
        Err(_) => format!("{p}.{s}"),
    })
}

#[test]
fn every_list_the_readers_read_is_bounded_as_its_schema_says() {
    for (schema_name, files, _) in formats() {
        let schema = data(schema_name);
        let log = recorded(schema_name, &files);
        let lists: Vec<&String> = log.kinds.iter().filter(|(_, k)| k.contains("array")).map(|(p, _)| p).collect();
        assert!(lists.len() >= 6, "{schema_name}: {lists:?}");
        for place in lists {
            let max = at(&schema, place).iter().find_map(|n| n.get("maxItems").and_then(Value::as_u64));
            let max = max.unwrap_or_else(|| panic!("{schema_name}: {place} has no maxItems")) as usize;
            // The first file that has this list: one item over the bound is refused, naming the list.
            let steps: Vec<&str> = place.split('/').skip(1).collect();
            let found = files.iter().find_map(|f| {
                let v = data(f);
                let mut out = Vec::new();
                instances(&v, &steps, String::new(), &mut out);
                out.into_iter().find(|p| v.pointer(p).is_some_and(Value::is_array)).map(|p| (v, p))
            });
            let (mut v, pointer) = found.unwrap_or_else(|| panic!("{schema_name}: no file has a list at {place}"));
            let list = v.pointer_mut(&pointer).and_then(Value::as_array_mut).unwrap();
            let filler = list.last().cloned().unwrap_or(Value::from("x"));
            list.resize(max + 1, filler);
            let err = if schema_name.starts_with("quiz") { parse_bank(&v).err() } else { parse_dataset(&v).err() };
            let want = format!("{} = \u{201c}more than {max} items\u{201d}", reader_path(&pointer));
            assert_eq!(err.map(|e| e.0), Some(want), "{schema_name}: {place}");
        }
    }
}

#[test]
fn every_text_the_schema_bounds_is_bounded_by_the_reader_in_characters() {
    let mut checked = 0;
    for (schema_name, files, accepts) in formats() {
        let schema = data(schema_name);
        let log = recorded(schema_name, &files);
        for (place, kinds) in &log.kinds {
            let max = at(&schema, place).iter().find_map(|n| n.get("maxLength").and_then(Value::as_u64));
            let (Some(max), true) = (max, kinds.contains("string")) else { continue };
            let max = max as usize;
            // The first file with a text there; for a list of texts, one added to the first list.
            let steps: Vec<&str> = place.split('/').skip(1).collect();
            let found = files.iter().find_map(|f| {
                let mut v = data(f);
                let mut out = Vec::new();
                instances(&v, &steps, String::new(), &mut out);
                if let Some(p) = out.into_iter().find(|p| v.pointer(p).is_some_and(Value::is_string)) {
                    return Some((v, p));
                }
                let (list, _) = place.rsplit_once("/*").filter(|(_, rest)| rest.is_empty())?;
                let mut lists = Vec::new();
                instances(&v, &list.split('/').skip(1).collect::<Vec<_>>(), String::new(), &mut lists);
                let list = lists.into_iter().find(|p| v.pointer(p).is_some_and(Value::is_array))?;
                v.pointer_mut(&list)?.as_array_mut()?.push(Value::from("x"));
                let at = format!("{list}/{}", v.pointer(&list)?.as_array()?.len() - 1);
                Some((v, at))
            });
            let (mut v, pointer) = found.unwrap_or_else(|| panic!("{schema_name}: no file has a text at {place}"));
            // Two-byte letters: the bound counts characters, as JSON Schema does.
            *v.pointer_mut(&pointer).unwrap() = Value::from("\u{e9}".repeat(max));
            assert!(accepts(&v), "{schema_name}: {place} at {max} characters");
            *v.pointer_mut(&pointer).unwrap() = Value::from("\u{e9}".repeat(max + 1));
            // A bilingual text is named without its language; the older pair keys by the newer.
            let named = pointer.strip_suffix("/id").or_else(|| pointer.strip_suffix("/en")).unwrap_or(&pointer);
            let path = reader_path(named).replace(".president", ".candidate").replace(".vicePresident", ".runningMate");
            let err = if schema_name.starts_with("quiz") { parse_bank(&v).err() } else { parse_dataset(&v).err() };
            assert_eq!(err.map(|e| e.0), Some(format!("{path} = \u{201c}more than {max} characters\u{201d}")), "{schema_name}: {place}");
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked} bounded texts");
}
