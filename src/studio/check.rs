//! Checks an election dataset or a question bank with the widget's own readers (`domain::data`,
//! `domain::quiz`) and lists every problem: the readers stop at the first one, so after each the
//! item that holds it is set aside and the check runs again. Also: paths into a document (to
//! read, change and find a field in the raw text) and the format's own words for a field.

use serde_json::Value;

use crate::domain::data::parse_dataset;
use crate::domain::json::MAX_FILE_BYTES;
use crate::domain::quiz::{balance, parse_bank, Answer, Balance};

/// Which kind of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An election dataset (`data-data-src`).
    Dataset,
    /// A question bank (`data-quiz-src`).
    Bank,
}

impl Kind {
    /// The JSON Schema of this kind of file (served next to the widget, bundled here).
    pub fn schema(self) -> &'static str {
        match self {
            Kind::Dataset => include_str!("../../data/election.schema.json"),
            Kind::Bank => include_str!("../../data/quiz.schema.json"),
        }
    }
}

/// One step of a path: a member name or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Splits a path as the readers write it (`results.dpr.votes[3].party`) into steps.
pub fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    let mut key = String::new();
    let mut chars = path.chars();
    let push_key = |key: &mut String, out: &mut Vec<Step>| {
        if !key.is_empty() {
            out.push(Step::Key(std::mem::take(key)));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '.' => push_key(&mut key, &mut out),
            '[' => {
                push_key(&mut key, &mut out);
                let inner: String = chars.by_ref().take_while(|c| *c != ']').collect();
                out.push(inner.parse().map_or(Step::Key(inner), Step::Index));
            }
            c => key.push(c),
        }
    }
    push_key(&mut key, &mut out);
    out
}

/// The value at `path`, if there is one.
pub fn get<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    steps(path).iter().try_fold(v, |v, s| match s {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(i) => v.get(*i),
    })
}

/// Sets the value at `path`, creating members on the way (`null` removes a member); false when
/// the path cannot exist (an index past the end, a member of a non-object).
pub fn set(v: &mut Value, path: &str, new: Value) -> bool {
    let all = steps(path);
    if let (true, Some((Step::Key(k), parent))) = (new.is_null(), all.split_last()) {
        let parent = write(parent);
        let holder = if parent.is_empty() { Some(v) } else { get_mut(v, &parent) };
        return holder.and_then(Value::as_object_mut).map(|m| m.shift_remove(k)).is_some();
    }
    let mut cur = v;
    for s in all {
        cur = match s {
            Step::Key(k) => {
                if cur.is_null() {
                    *cur = Value::Object(serde_json::Map::new());
                }
                match cur {
                    Value::Object(m) => m.entry(k).or_insert(Value::Null),
                    _ => return false,
                }
            }
            Step::Index(i) => match cur.get_mut(i) {
                Some(x) => x,
                None => return false,
            },
        };
    }
    *cur = new;
    true
}

fn get_mut<'a>(v: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    steps(path).iter().try_fold(v, |v, s| match s {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index(i) => v.get_mut(*i),
    })
}

/// One problem in a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where, as a path (`parties[3].number`); empty for the file as a whole.
    pub path: String,
    /// What is wrong, in the studio's vocabulary.
    pub what: What,
    /// What the format says this field holds (the schema's description), if it says.
    pub help: Option<String>,
}

/// What is wrong with a value.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// The text is not JSON at all (line, column, the parser's words).
    Syntax(usize, usize, String),
    /// Missing, or not the expected kind of value.
    Missing,
    /// Present but not accepted (the value as found).
    Rejected(String),
    /// The same value as another item's (that item's path).
    Twice(String, String),
    /// Out of the list's ascending order (the value).
    Order(String),
    /// The file looks like the other kind (a bank opened as a dataset, or the reverse).
    OtherKind,
    /// The file is larger than the widget accepts (its size in bytes; the cap in KB).
    TooLarge(usize, usize),
}

/// A bank's balance table (one row per pair, then the items about none), its true claims, and
/// its items.
pub type BankBalance = (Vec<(Option<u8>, Balance)>, usize, usize);

/// The outcome of a check.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// False when a problem could not be set aside, so that later ones may be missing.
    pub complete: bool,
    /// For a valid bank: the balance table, and how many items are true claims, of how many.
    pub balance: Option<BankBalance>,
    /// For a valid file: a one-line summary (name, counts), in Indonesian and in English.
    pub summary: Option<(String, String)>,
    /// The file as parsed (when it is JSON), for the form to read and edit.
    pub doc: Option<Value>,
}

/// Checks `text` as a file of `kind`.
pub fn check(kind: Kind, text: &str) -> Report {
    let mut doc: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let words = e.to_string();
            let words = words.split(" at line ").next().unwrap_or("").to_string();
            let problem = Problem { path: String::new(), what: What::Syntax(e.line(), e.column(), words), help: None };
            return Report { problems: vec![problem], ..Report::default() };
        }
    };
    let other = match kind {
        Kind::Dataset => doc.get("items").is_some() && doc.get("parties").is_none() && doc.get("stages").is_none(),
        Kind::Bank => doc.get("items").is_none() && (doc.get("parties").is_some() || doc.get("stages").is_some()),
    };
    if other {
        let problem = Problem { path: String::new(), what: What::OtherKind, help: None };
        return Report { problems: vec![problem], doc: Some(doc), ..Report::default() };
    }
    let original = doc.clone();
    let schema: Value = serde_json::from_str(kind.schema()).unwrap_or(Value::Null);
    let mut report = Report { complete: true, ..Report::default() };
    if text.len() > MAX_FILE_BYTES {
        let what = What::TooLarge(text.len(), MAX_FILE_BYTES / 1024);
        report.problems.push(Problem { path: String::new(), what, help: None });
    }
    // The items set aside so far: their path in the original file, and the item.
    let mut aside: Vec<(String, Value)> = Vec::new();
    // At most one problem per item set aside, and the lists are bounded: this ends (a file with
    // more problems than this is reported as incomplete).
    for _ in 0..2_000 {
        let failed = match kind {
            Kind::Dataset => parse_dataset(&doc).map(|d| {
                if report.problems.is_empty() {
                    let p = &d.parties;
                    let counts = format!("{} · {}", p.parties.len(), p.pairs.len());
                    let n = &d.election.name;
                    report.summary = Some((format!("{} · {counts}", n.id), format!("{} · {counts}", n.en)));
                }
            }),
            Kind::Bank => parse_bank(&doc).map(|b| {
                if report.problems.is_empty() {
                    let facts = b.items.iter().filter(|i| i.answer == Answer::Fact).count();
                    report.balance = Some((balance(&b), facts, b.items.len()));
                    let line = format!("{} · {}", b.title, b.items.len());
                    report.summary = Some((line.clone(), line));
                }
            }),
        }
        .err();
        let Some(e) = failed else { break };
        // The readers write `path = “value”` (a value they refuse) or `path = ?` (missing, or a
        // check that spans several values); a path never contains ` = `.
        let (here, quoted) = match e.0.split_once(" = \u{201c}") {
            Some((p, v)) => (p.to_string(), Some(v.strip_suffix('\u{201d}').unwrap_or(v).to_string())),
            None => (e.0.strip_suffix(" = ?").unwrap_or("").to_string(), None),
        };
        // What is there, when the reader did not quote it.
        let found = quoted.or_else(|| get(&doc, &here).filter(|v| !v.is_null()).map(shown));
        // Where that is in the file as the editor wrote it.
        let mut path = original_path(&here, &aside);
        let mut set_aside_at = here.clone();
        let mut what = match &found {
            None => What::Missing,
            Some(v) => match twin(&original, &path) {
                Some(other) => What::Twice(v.clone(), other),
                None => What::Rejected(v.clone()),
            },
        };
        // Out of order: the item that breaks the order, which may be the one before.
        if let (false, Some((outlier, value))) = (matches!(what, What::Twice(..)), out_of_order(&original, &path)) {
            if outlier != path {
                set_aside_at = current_path(&outlier, &aside).unwrap_or(here.clone());
            }
            path = outlier;
            what = What::Order(value);
        }
        let consequence = aside.iter().any(|(p, item)| follows_from(&path, found.as_deref(), p, item));
        let repeated = report.problems.iter().any(|p| p.path == path);
        if !repeated && !consequence {
            report.problems.push(Problem { help: describe(&schema, &path), path: path.clone(), what });
        }
        match set_aside(&mut doc, &set_aside_at) {
            Some((at, item)) if !repeated => aside.push((original_path(&at, &aside), item)),
            _ => {
                report.complete = false;
                break;
            }
        }
    }
    report.problems.sort_by_key(|p| locate(text, &p.path).map_or(0, |s| s.0));
    report.doc = Some(original);
    report
}

/// Another item of the same list with the same value at the same member (`parties[1].number` for
/// `parties[3].number`), if there is one.
fn twin(doc: &Value, path: &str) -> Option<String> {
    let (list, rest) = path.rsplit_once('[')?;
    let (index, member) = rest.split_once("].")?;
    // Only members that must be unique.
    if !["number", "id"].contains(&member) {
        return None;
    }
    let index: usize = index.parse().ok()?;
    let value = get(doc, path)?;
    let items = get(doc, list)?.as_array()?;
    let j = items.iter().position(|it| get(it, member) == Some(value)).filter(|j| *j != index)?;
    Some(format!("{list}[{j}].{member}"))
}

/// A value as the problem list quotes it (a string without its quotes; anything else as JSON,
/// shortened).
fn shown(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    };
    if s.chars().count() > 60 {
        s.chars().take(59).chain(['\u{2026}']).collect()
    } else {
        s
    }
}

/// For a ballot number (`…[k].number`, `…[k].party`, `…[k].pair`) that breaks its list's
/// ascending order: the item to blame (the one before, when it is the one too large) and its value.
fn out_of_order(doc: &Value, path: &str) -> Option<(String, String)> {
    let (list, rest) = path.rsplit_once('[')?;
    let (index, member) = rest.split_once("].")?;
    if !["number", "party", "pair"].contains(&member) {
        return None;
    }
    let k: usize = index.parse().ok()?;
    let items = get(doc, list)?.as_array()?;
    let n = |i: usize| items.get(i).and_then(|it| it.get(member)).and_then(Value::as_f64);
    let (prev, here) = (n(k.checked_sub(1)?)?, n(k)?);
    if prev < here {
        return None;
    }
    // The one before is the odd one out when the next one still follows it in order.
    let blame = match n(k + 1) {
        Some(next) if here < next && (k < 2 || n(k - 2).is_some_and(|p| p < here)) => k - 1,
        None if k >= 2 && n(k - 2).is_some_and(|p| p < here) => k - 1,
        _ => k,
    };
    let value = n(blame).map(|v| Value::from(v as i64).to_string())?;
    Some((format!("{list}[{blame}].{member}"), value))
}

/// `path` (in the original file) in the checked copy, where items have been set aside; `None`
/// when it is inside one of them.
fn current_path(path: &str, aside: &[(String, Value)]) -> Option<String> {
    let mut out: Vec<Step> = Vec::new();
    let mut original: Vec<Step> = Vec::new();
    for step in steps(path) {
        if let Step::Index(k) = step {
            let list = write(&original);
            let mut n = k;
            for (p, _) in aside {
                let gone: Option<usize> = p.strip_prefix(&list).and_then(|r| r.strip_prefix('[')?.strip_suffix(']')?.parse().ok());
                match gone {
                    Some(g) if g == k => return None,
                    Some(g) if g < k => n -= 1,
                    _ => {}
                }
            }
            original.push(Step::Index(k));
            out.push(Step::Index(n));
        } else {
            original.push(step.clone());
            out.push(step);
        }
    }
    Some(write(&out))
}

/// Removes the item that holds `path` (the innermost list item), or an optional section named
/// at the top level; false when neither applies and the check cannot go on.
fn set_aside(doc: &mut Value, path: &str) -> Option<(String, Value)> {
    let s = steps(path);
    if let Some(i) = s.iter().rposition(|x| matches!(x, Step::Index(_))) {
        let Step::Index(n) = s[i] else { return None };
        let mut cur = &mut *doc;
        for step in &s[..i] {
            cur = match step {
                Step::Key(k) => cur.get_mut(k.as_str())?,
                Step::Index(j) => cur.get_mut(*j)?,
            };
        }
        // An emptied list would only report itself next.
        let a = cur.as_array_mut().filter(|a| a.len() > 1 && n < a.len())?;
        return Some((write(&s[..=i]), a.remove(n)));
    }
    const OPTIONAL: [&str; 6] = ["results", "guide", "next", "sources", "tips", "report"];
    match (s.first(), doc.as_object_mut()) {
        (Some(Step::Key(k)), Some(m)) if OPTIONAL.contains(&k.as_str()) && s.len() > 1 => m.remove(k).map(|v| (k.clone(), v)),
        _ => None,
    }
}

/// Steps written back as a path.
fn write(steps: &[Step]) -> String {
    let mut out = String::new();
    for s in steps {
        match s {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// `path` in the checked copy (items set aside) as a path in the original file.
fn original_path(path: &str, aside: &[(String, Value)]) -> String {
    let mut out: Vec<Step> = Vec::new();
    for step in steps(path) {
        if let Step::Index(k) = step {
            let list = write(&out);
            let mut gone: Vec<usize> =
                aside.iter().filter_map(|(p, _)| p.strip_prefix(&list)?.strip_prefix('[')?.strip_suffix(']')?.parse().ok()).collect();
            gone.sort_unstable();
            let mut n = k;
            for g in gone {
                if g <= n {
                    n += 1;
                }
            }
            out.push(Step::Index(n));
        } else {
            out.push(step);
        }
    }
    write(&out)
}

/// Whether a problem at `path` (with the value `found`) may only come from setting aside `item`
/// (at `item_path`): a total next to a list that lost an item, or a reference to the item's
/// number or id.
fn follows_from(path: &str, found: Option<&str>, item_path: &str, item: &Value) -> bool {
    let parent = path.rsplit_once(['.', '[']).map_or("", |(p, _)| p);
    if !parent.is_empty() && item_path.starts_with(parent) && item_path.len() > parent.len() && !path.starts_with(item_path) {
        return true;
    }
    // What other items refer to it by: its number or id.
    let values: Vec<String> = ["number", "id"].iter().filter_map(|k| item.get(*k)).map(shown).collect();
    let other_list = item_path.split(['.', '[']).next() != path.split(['.', '[']).next();
    found.is_some_and(|f| other_list && values.iter().any(|v| v == f))
}

/// The schema's description of the field at `path` (following `$ref`s and list items).
pub fn describe(schema: &Value, path: &str) -> Option<String> {
    fn follow<'a>(schema: &'a Value, mut node: &'a Value) -> &'a Value {
        for _ in 0..8 {
            match node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/")) {
                Some(r) => match r.split('/').try_fold(schema, |n, k| n.get(k)) {
                    Some(n) => node = n,
                    None => break,
                },
                None => break,
            }
        }
        node
    }
    let resolve = |node| follow(schema, node);
    let mut node = schema;
    let mut said = None;
    for step in steps(path) {
        let here = resolve(node);
        node = match step {
            Step::Key(k) => here.get("properties").and_then(|p| p.get(k.as_str()))?,
            Step::Index(_) => here.get("items")?,
        };
        said = node.get("description").or_else(|| resolve(node).get("description")).and_then(Value::as_str);
    }
    said.map(String::from)
}

/// Where the value at `path` is in `text` (a byte range), or its nearest enclosing value when the
/// member is absent; `None` for text that is not JSON up to there.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut span = value_span(b, &mut 0)?;
    for step in steps(path) {
        let next = match (&step, b[span.0]) {
            (Step::Key(k), b'{') => entry(b, span.0, |_, key| key == Some(k.as_str()))?,
            (Step::Index(n), b'[') => entry(b, span.0, |j, _| j == *n)?,
            _ => None,
        };
        match next {
            Some(v) => span = v,
            None => return Some(span),
        }
    }
    Some(span)
}

/// The span of the first entry of the object or array opening at `start` that `wanted(index,
/// key)` accepts (`key` is `None` in an array): `Some(None)` when there is none, `None` for text
/// that is not JSON up to the entry wanted.
fn entry(b: &[u8], start: usize, wanted: impl Fn(usize, Option<&str>) -> bool) -> Option<Option<(usize, usize)>> {
    let object = b.get(start) == Some(&b'{');
    let mut i = start + 1;
    for n in 0.. {
        ws(b, &mut i);
        let key = if object {
            if b.get(i) != Some(&b'"') {
                break;
            }
            let key_start = i;
            skip_string(b, &mut i)?;
            let key: String = serde_json::from_slice(&b[key_start..i]).ok()?;
            ws(b, &mut i);
            i += 1; // ':'
            Some(key)
        } else {
            if b.get(i).is_none_or(|c| *c == b']') {
                break;
            }
            None
        };
        let v = value_span(b, &mut i)?;
        if wanted(n, key.as_deref()) {
            return Some(Some(v));
        }
        ws(b, &mut i);
        if b.get(i) == Some(&b',') {
            i += 1;
        }
    }
    Some(None)
}

fn ws(b: &[u8], i: &mut usize) {
    while b.get(*i).is_some_and(|c| c.is_ascii_whitespace()) {
        *i += 1;
    }
}

fn skip_string(b: &[u8], i: &mut usize) -> Option<()> {
    *i += 1;
    loop {
        match b.get(*i)? {
            b'\\' => *i += 2,
            b'"' => {
                *i += 1;
                return Some(());
            }
            _ => *i += 1,
        }
    }
}

/// The span of the value starting at `*i` (after whitespace); moves `*i` past it.
fn value_span(b: &[u8], i: &mut usize) -> Option<(usize, usize)> {
    ws(b, i);
    let start = *i;
    match b.get(*i)? {
        b'"' => skip_string(b, i)?,
        b'{' | b'[' => {
            let mut depth = 0usize;
            loop {
                match b.get(*i)? {
                    b'"' => {
                        skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            *i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                *i += 1;
            }
        }
        _ => {
            while b.get(*i).is_some_and(|c| !b",}] \t\r\n".contains(c)) {
                *i += 1;
            }
        }
    }
    Some((start, *i))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ELECTION: &str = include_str!("../../data/pemilu-2024.json");
    const BANK: &str = include_str!("../../data/quiz-en.json");

    fn planted(edits: &[(&str, Value)]) -> String {
        let mut v: Value = serde_json::from_str(ELECTION).unwrap();
        for (p, x) in edits {
            assert!(set(&mut v, p, x.clone()), "{p}");
        }
        serde_json::to_string_pretty(&v).unwrap()
    }

    #[test]
    fn a_file_over_the_widgets_cap_is_a_problem_of_the_whole_file() {
        // Valid in every field, but padded with whitespace past the cap.
        let text = format!("{ELECTION}{}", " ".repeat(MAX_FILE_BYTES));
        let r = check(Kind::Dataset, &text);
        assert_eq!(r.problems, vec![Problem { path: String::new(), what: What::TooLarge(text.len(), 512), help: None }]);
        assert_eq!(r.summary, None);
    }

    #[test]
    fn the_bundled_files_pass() {
        let r = check(Kind::Dataset, ELECTION);
        assert_eq!(r.problems, vec![]);
        let (id, en) = r.summary.unwrap();
        assert!(id.starts_with("Pemilu 2024 ·") && en.contains("· 3"), "{en}");
        let r = check(Kind::Bank, BANK);
        assert_eq!(r.problems, vec![]);
        let (rows, facts, total) = r.balance.unwrap();
        assert!(facts > 0 && facts < total && !rows.is_empty());
    }

    #[test]
    fn every_planted_problem_is_listed_at_its_path() {
        let number_of_first = get(&serde_json::from_str(ELECTION).unwrap(), "parties[0].number").cloned().unwrap();
        let text = planted(&[
            ("parties[3].number", number_of_first),
            ("stages[1].start", Value::from("2024-02-30")),
            ("parties[7].abbr", Value::Null),
        ]);
        let r = check(Kind::Dataset, &text);
        let paths: Vec<&str> = r.problems.iter().map(|p| p.path.as_str()).collect();
        // Party 4 is gone (its number was changed), so the pair and the DPR row that name it are
        // problems too; party 8 (parties[7]) is only set aside, so those naming it are not listed.
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["pairs[1].nominatingParties[1]", "parties[3].number", "parties[7].abbr", "results.dpr.votes[3].party", "stages[1].start"]
        );
        let twice = r.problems.iter().find(|p| p.path == "parties[3].number").unwrap();
        assert_eq!(twice.what, What::Twice("1".into(), "parties[0].number".into()));
        assert!(twice.help.as_deref().unwrap_or("").to_lowercase().contains("ballot"), "{:?}", twice.help);
    }

    #[test]
    fn values_with_separators_and_brackets_never_panic() {
        let text = planted(&[("stages[1].source", Value::from("x.y[a]] = q"))]);
        let r = check(Kind::Dataset, &text);
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert_eq!(r.problems[0].path, "stages[1].source");
        assert_eq!(r.problems[0].what, What::Rejected("x.y[a]] = q".into()));
        for p in ["a[", "a]", "[", "]]", "a[b[c]]d", "..", "a[99999999999999999999]", "[\u{201c}]"] {
            let _ = steps(p);
        }
    }

    #[test]
    fn one_ballot_number_out_of_order_is_one_problem() {
        let r = check(Kind::Dataset, &planted(&[("parties[3].number", Value::from(40))]));
        let paths: Vec<&str> = r.problems.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.contains(&"parties[3].number"), "{paths:?}");
        assert!(!paths.iter().any(|p| p.starts_with("parties[") && *p != "parties[3].number"), "{paths:?}");
        let p = r.problems.iter().find(|p| p.path == "parties[3].number").unwrap();
        assert_eq!(p.what, What::Order("40".into()));
    }

    #[test]
    fn only_unique_members_are_said_to_be_used_twice() {
        let v: Value = serde_json::from_str(ELECTION).unwrap();
        let end = get(&v, "stages[1].end").cloned().unwrap();
        let r = check(Kind::Dataset, &planted(&[("stages[2].end", end), ("stages[2].start", Value::from("2024-12-31"))]));
        assert!(r.problems.iter().all(|p| !matches!(p.what, What::Twice(..))), "{:?}", r.problems);
    }

    #[test]
    fn a_value_that_is_there_is_quoted_not_called_missing() {
        let mut bank: Value = serde_json::from_str(BANK).unwrap();
        set(&mut bank, "items[0].about", serde_json::json!([2, 2]));
        let r = check(Kind::Bank, &serde_json::to_string(&bank).unwrap());
        let p = r.problems.iter().find(|p| p.path.starts_with("items[0]")).expect("items[0]");
        assert!(!matches!(p.what, What::Missing), "{:?}", p);
    }

    #[test]
    fn a_file_of_the_other_kind_says_so() {
        assert_eq!(check(Kind::Dataset, BANK).problems[0].what, What::OtherKind);
        assert_eq!(check(Kind::Bank, ELECTION).problems[0].what, What::OtherKind);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Whatever an editor types, the check, the paths and the locator return; they never panic.
        #[test]
        fn nothing_an_editor_types_panics(text in ".{0,200}", path in "[a-z\\[\\]0-9.\"= ]{0,30}") {
            let _ = check(Kind::Dataset, &text);
            let _ = check(Kind::Bank, &text);
            let _ = steps(&path);
            let _ = locate(&text, &path);
            let _ = locate(ELECTION, &path);
            let mut v: Value = serde_json::from_str(ELECTION).unwrap();
            let _ = set(&mut v, &path, Value::from(1));
            let _ = get(&v, &path);
        }

        /// A real file with one value replaced by anything: listed problems, no panic.
        #[test]
        fn one_value_replaced_by_anything(k in 0usize..24, value in proptest::prelude::any::<String>()) {
            let text = planted(&[(&format!("parties[{k}].abbr"), Value::from(value))]);
            let _ = check(Kind::Dataset, &text);
        }
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let r = check(Kind::Bank, "{\n  \"schemaVersion\": 2,\n  oops\n}");
        assert!(matches!(&r.problems[0].what, What::Syntax(3, _, w) if !w.contains("line")), "{:?}", r.problems);
    }

    #[test]
    fn a_required_top_level_value_stops_the_check_honestly() {
        let r = check(Kind::Dataset, &planted(&[("votingDay", Value::from("soon"))]));
        assert_eq!(r.problems[0].path, "votingDay");
        assert!(!r.complete);
    }

    #[test]
    fn paths_read_write_and_locate() {
        assert_eq!(
            steps("results.dpr.votes[3].party"),
            vec![
                Step::Key("results".into()),
                Step::Key("dpr".into()),
                Step::Key("votes".into()),
                Step::Index(3),
                Step::Key("party".into())
            ]
        );
        let text = "{ \"a\": [1, {\"b\\\"\": \"x\", \"c\": [true, \"y]\"]}], \"d\": null }";
        let (s, e) = locate(text, "a[1].c[1]").unwrap();
        assert_eq!(&text[s..e], "\"y]\"");
        let (s, e) = locate(text, "a[1].zz").unwrap();
        assert!(text[s..e].starts_with("{\"b"));
        let (s, e) = locate(text, "d").unwrap();
        assert_eq!(&text[s..e], "null");
        let mut v: Value = serde_json::from_str(text).unwrap();
        assert!(set(&mut v, "a[1].c[0]", Value::from(false)));
        assert!(!set(&mut v, "a[9]", Value::from(false)));
        assert!(set(&mut v, "e.f.g", Value::from(1)), "members are made on the way");
        assert_eq!(get(&v, "e.f.g"), Some(&Value::from(1)));
        assert!(set(&mut v, "d", Value::Null));
        assert_eq!(get(&v, "d"), None);
        assert!(v.get("d").is_none());
        assert_eq!(get(&v, "a[1].c[0]"), Some(&Value::from(false)));
        // Every path of a real file is found where it is.
        let (s, e) = locate(ELECTION, "stages[2].end").unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&ELECTION[s..e]).ok().as_ref(),
            get(&serde_json::from_str(ELECTION).unwrap(), "stages[2].end")
        );
    }
}
