//! The "hoax or fact?" quiz: the question bank (parsed and validated from JSON), the selection
//! of a round (seeded, mixing true claims and hoaxes), the round as a state machine, scoring with
//! discernment, and the saved progress that survives a reload.

use crate::domain::json::{join, opt_arr, opt_str, req_arr, req_str, DataError, Json};
use crate::domain::num::{parse_i64, parse_u64};
use crate::domain::parties::sort_small;

/// The reader's answer, and the truth of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Hoax,
    Fact,
}

impl Answer {
    /// `"hoax"` or `"fact"`, as in the bank and in events.
    pub fn name(self) -> &'static str {
        match self {
            Answer::Hoax => "hoax",
            Answer::Fact => "fact",
        }
    }
    fn parse(s: &str) -> Option<Answer> {
        match s {
            "hoax" => Some(Answer::Hoax),
            "fact" => Some(Answer::Fact),
            _ => None,
        }
    }
}

/// A manipulation technique of the bank's vocabulary.
#[derive(Clone, Debug, PartialEq)]
pub struct Technique {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// An official tip for spotting hoaxes.
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    pub text: String,
    pub source: String,
}

/// Where to report hoaxes and violations.
#[derive(Clone, Debug, PartialEq)]
pub struct Channel {
    pub name: String,
    pub detail: String,
    pub url: Option<String>,
    pub source: String,
}

/// One fact-checked claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: String,
    pub claim: String,
    pub answer: Answer,
    /// The checker's label as published (`None` where the source published none).
    pub verdict: Option<String>,
    pub technique: String,
    pub explanation: String,
    pub checker: String,
    pub date: Option<String>,
    pub url: String,
    pub also_see: Vec<String>,
    /// Presidential pairs the claim is about.
    pub targets: Vec<u8>,
}

/// A question bank in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Bank {
    pub lang: String,
    pub title: String,
    pub as_of: Option<String>,
    pub techniques: Vec<Technique>,
    pub tips: Vec<Tip>,
    pub report: Vec<Channel>,
    pub items: Vec<Item>,
}

impl Bank {
    /// A technique by id.
    pub fn technique(&self, id: &str) -> Option<&Technique> {
        self.techniques.iter().find(|t| t.id == id)
    }

    /// An item's index by id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    /// An item by id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }
}

fn http(v: String, path: &str) -> Result<String, DataError> {
    if crate::domain::data::is_http_url(&v) {
        Ok(v)
    } else {
        Err(DataError::at(path, &v))
    }
}

/// Checks every value of a question bank: unique ids, techniques from the bank's vocabulary,
/// answers `hoax`/`fact`, `http(s)` sources, and at least one item of each answer.
pub fn parse_bank<J: Json>(root: &J) -> Result<Bank, DataError> {
    let version = root.field("schemaVersion").and_then(|v| v.number());
    if version != Some(1.0) {
        return Err(DataError::missing("schemaVersion"));
    }
    let mut techniques = Vec::new();
    for (i, t) in req_arr(root, "", "techniques")?.iter().enumerate() {
        let p = format!("techniques[{i}]");
        techniques.push(Technique {
            id: req_str(t, &p, "id")?,
            name: req_str(t, &p, "name")?,
            description: req_str(t, &p, "description")?,
        });
    }
    let mut tips = Vec::new();
    for (i, t) in opt_arr(root, "", "tips")?.iter().enumerate() {
        let p = format!("tips[{i}]");
        tips.push(Tip { text: req_str(t, &p, "text")?, source: http(req_str(t, &p, "source")?, &join(&p, "source"))? });
    }
    let mut report = Vec::new();
    for (i, c) in opt_arr(root, "", "report")?.iter().enumerate() {
        let p = format!("report[{i}]");
        let url = match opt_str(c, &p, "url")? {
            Some(u) => Some(http(u, &join(&p, "url"))?),
            None => None,
        };
        report.push(Channel {
            name: req_str(c, &p, "name")?,
            detail: req_str(c, &p, "detail")?,
            url,
            source: http(req_str(c, &p, "source")?, &join(&p, "source"))?,
        });
    }
    let mut items: Vec<Item> = Vec::new();
    for (i, it) in req_arr(root, "", "items")?.iter().enumerate() {
        let p = format!("items[{i}]");
        let id = req_str(it, &p, "id")?;
        // Ids are stored in saved progress, separated by `,` and `|`.
        if id.trim().is_empty() || id.contains([',', '|']) || items.iter().any(|x| x.id == id) {
            return Err(DataError::at(&join(&p, "id"), &id));
        }
        let answer_text = req_str(it, &p, "answer")?;
        let answer = Answer::parse(&answer_text).ok_or_else(|| DataError::at(&join(&p, "answer"), &answer_text))?;
        let technique = req_str(it, &p, "technique")?;
        if !techniques.iter().any(|t| t.id == technique) {
            return Err(DataError::at(&join(&p, "technique"), &technique));
        }
        let sp = join(&p, "source");
        let source = it.field("source").ok_or_else(|| DataError::missing(&sp))?;
        let also_see = opt_arr(&source, &sp, "alsoSee")?
            .iter()
            .enumerate()
            .map(|(k, u)| u.string().ok_or_else(|| DataError::missing(&format!("{sp}.alsoSee[{k}]"))).and_then(|u| http(u, &sp)))
            .collect::<Result<Vec<_>, _>>()?;
        let targets = opt_arr(it, &p, "targets")?.iter().filter_map(|t| t.number()).map(|n| n as u8).collect();
        items.push(Item {
            id,
            claim: req_str(it, &p, "claim")?,
            answer,
            verdict: opt_str(it, &p, "verdict")?,
            technique,
            explanation: req_str(it, &p, "explanation")?,
            checker: req_str(&source, &sp, "checker")?,
            date: opt_str(&source, &sp, "date")?,
            url: http(req_str(&source, &sp, "url")?, &join(&sp, "url"))?,
            also_see,
            targets,
        });
    }
    if !items.iter().any(|i| i.answer == Answer::Hoax) || !items.iter().any(|i| i.answer == Answer::Fact) {
        return Err(DataError::missing("items"));
    }
    Ok(Bank {
        lang: req_str(root, "", "lang")?,
        title: req_str(root, "", "title")?,
        as_of: opt_str(root, "", "asOf")?,
        techniques,
        tips,
        report,
        items,
    })
}

/// A small deterministic generator (SplitMix64): the same seed gives the same round everywhere.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A value in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Picks `count` items for a round: true claims and hoaxes in the bank's proportion (at least one
/// of each when `count ≥ 2`), items in `avoid` only when the rest run out, in a shuffled order.
pub fn select(bank: &Bank, count: usize, seed: u64, avoid: &[String]) -> Vec<usize> {
    let mut rng = Rng::new(seed);
    let count = count.min(bank.items.len());
    let pool = |answer: Answer, rng: &mut Rng| {
        let mut fresh: Vec<usize> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        for (i, it) in bank.items.iter().enumerate().filter(|(_, it)| it.answer == answer) {
            if avoid.contains(&it.id) {
                seen.push(i)
            } else {
                fresh.push(i)
            }
        }
        rng.shuffle(&mut fresh);
        rng.shuffle(&mut seen);
        fresh.extend(seen);
        fresh
    };
    let facts = pool(Answer::Fact, &mut rng);
    let hoaxes = pool(Answer::Hoax, &mut rng);
    let ratio = facts.len() as f64 / bank.items.len() as f64;
    let mut want_facts = (count as f64 * ratio).round() as usize;
    if count >= 2 {
        want_facts = want_facts.clamp(1, count - 1);
    }
    want_facts = want_facts.min(facts.len()).max(count.saturating_sub(hoaxes.len()));
    let mut chosen: Vec<usize> = facts[..want_facts].to_vec();
    chosen.extend_from_slice(&hoaxes[..count - want_facts]);
    rng.shuffle(&mut chosen);
    chosen
}

/// One answer given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Given {
    pub answer: Answer,
    /// How sure the reader was: 1 (unsure) to 3 (very sure), if they said.
    pub confidence: Option<u8>,
}

/// A round in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    /// Item ids, in the order asked.
    pub ids: Vec<String>,
    /// Answers so far, one per asked item.
    pub given: Vec<Given>,
    /// Whether the feedback of the last answer has been dismissed.
    pub advanced: bool,
    /// The seed this round was drawn with (the next round draws with another).
    pub seed: u64,
}

/// Where the round stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Question `n` (0-based) is waiting for an answer.
    Question(usize),
    /// The answer to question `n` is being explained.
    Feedback(usize),
    /// Every question has been answered and explained.
    Done,
}

impl Round {
    /// A new round of `count` items.
    pub fn new(bank: &Bank, count: usize, seed: u64, avoid: &[String]) -> Round {
        let ids = select(bank, count, seed, avoid).into_iter().map(|i| bank.items[i].id.clone()).collect();
        Round { ids, given: Vec::new(), advanced: true, seed }
    }

    /// A round of the given items, in order (the "items you missed" round).
    pub fn of(ids: Vec<String>, seed: u64) -> Round {
        Round { ids, given: Vec::new(), advanced: true, seed }
    }

    pub fn total(&self) -> usize {
        self.ids.len()
    }

    pub fn step(&self) -> Step {
        let n = self.given.len();
        if !self.advanced {
            Step::Feedback(n - 1)
        } else if n < self.ids.len() {
            Step::Question(n)
        } else {
            Step::Done
        }
    }

    /// Records an answer to the current question; returns whether it was correct. Ignored (None)
    /// unless a question is waiting.
    pub fn answer(&mut self, bank: &Bank, given: Given) -> Option<bool> {
        let Step::Question(n) = self.step() else { return None };
        let item = bank.item(&self.ids[n])?;
        self.given.push(given);
        self.advanced = false;
        Some(item.answer == given.answer)
    }

    /// Dismisses the feedback.
    pub fn next(&mut self) {
        self.advanced = true;
    }

    /// The scores so far.
    pub fn score(&self, bank: &Bank) -> Score {
        let mut s = Score::default();
        for (id, g) in self.ids.iter().zip(&self.given) {
            let Some(item) = bank.item(id) else { continue };
            let correct = item.answer == g.answer;
            s.correct += usize::from(correct);
            match item.answer {
                Answer::Hoax => {
                    s.hoaxes += 1;
                    s.hoaxes_caught += usize::from(correct);
                    if !correct && !s.fooled_by.contains(&item.technique) {
                        s.fooled_by.push(item.technique.clone());
                    }
                }
                Answer::Fact => {
                    s.facts += 1;
                    s.facts_trusted += usize::from(correct);
                }
            }
            if !correct {
                s.missed.push(item.id.clone());
                s.sure_but_wrong += usize::from(g.confidence == Some(3));
            }
        }
        s.answered = self.given.len();
        s
    }
}

/// Scores with discernment: hoaxes caught versus true claims trusted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub answered: usize,
    pub correct: usize,
    pub hoaxes: usize,
    pub hoaxes_caught: usize,
    pub facts: usize,
    pub facts_trusted: usize,
    /// Techniques of the hoaxes that were taken for facts, in order of first appearance.
    pub fooled_by: Vec<String>,
    /// Ids of the items answered wrongly.
    pub missed: Vec<String>,
    /// Wrong answers the reader was very sure of (a lesson in itself).
    pub sure_but_wrong: usize,
}

/// What is saved between visits, per widget.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    /// The unfinished round, if any.
    pub round: Option<Round>,
    /// Items answered wrongly in earlier rounds, to offer again on a later day.
    pub missed: Vec<String>,
    /// The local day (days since 1970-01-01) of the last answer.
    pub last_day: i64,
    /// Rounds completed (varies the next seed).
    pub rounds: u32,
}

/// The storage format's version; anything else is ignored.
pub const SAVE_VERSION: &str = "pq1";

impl Saved {
    /// `pq1|rounds|last_day|missed ids|round ids|answers|advanced|seed`; ids are comma-separated,
    /// answers are `h`/`f` followed by a confidence digit or `-`.
    pub fn encode(&self) -> String {
        let (ids, answers, advanced, seed) = match &self.round {
            Some(r) => (
                r.ids.join(","),
                r.given
                    .iter()
                    .map(|g| {
                        let a = if g.answer == Answer::Hoax { 'h' } else { 'f' };
                        let c = g.confidence.map_or('-', |c| char::from(b'0' + c.min(9)));
                        format!("{a}{c}")
                    })
                    .collect::<String>(),
                if r.advanced { "1" } else { "0" },
                r.seed.to_string(),
            ),
            None => (String::new(), String::new(), "1", String::new()),
        };
        format!("{SAVE_VERSION}|{}|{}|{}|{ids}|{answers}|{advanced}|{seed}", self.rounds, self.last_day, self.missed.join(","))
    }

    /// Reads a saved value; `None` when it is from another version, corrupt, or names items the
    /// bank does not have (a newer bank), so a bad value never breaks the quiz.
    pub fn decode(s: &str, bank: &Bank) -> Option<Saved> {
        let parts: Vec<&str> = s.split('|').collect();
        if parts.len() != 8 || parts[0] != SAVE_VERSION || !matches!(parts[6], "0" | "1") {
            return None;
        }
        let list = |p: &str| -> Option<Vec<String>> {
            if p.is_empty() {
                return Some(Vec::new());
            }
            let v: Vec<String> = p.split(',').map(String::from).collect();
            v.iter().all(|id| bank.index_of(id).is_some()).then_some(v)
        };
        let rounds = u32::try_from(parse_u64(parts[1])?).ok()?;
        let last_day = parse_i64(parts[2])?;
        let missed = list(parts[3])?;
        let ids = list(parts[4])?;
        let round = if ids.is_empty() {
            None
        } else {
            let b = parts[5].as_bytes();
            if b.len() % 2 != 0 || b.len() / 2 > ids.len() {
                return None;
            }
            let mut given = Vec::new();
            for pair in b.chunks(2) {
                let answer = match pair[0] {
                    b'h' => Answer::Hoax,
                    b'f' => Answer::Fact,
                    _ => return None,
                };
                let confidence = match pair[1] {
                    b'-' => None,
                    d @ b'1'..=b'3' => Some(d - b'0'),
                    _ => return None,
                };
                given.push(Given { answer, confidence });
            }
            let advanced = match parts[6] {
                "1" => true,
                "0" if !given.is_empty() => false,
                _ => return None,
            };
            Some(Round { ids, given, advanced, seed: parse_u64(parts[7])? })
        };
        Some(Saved { round, missed, last_day, rounds })
    }

    /// Records a finished round: its missed items join the list (newest first, at most 20);
    /// items answered right this time leave it.
    pub fn finish(&mut self, round: &Round, bank: &Bank, today: i64) {
        let score = round.score(bank);
        self.missed.retain(|id| !round.ids.contains(id) || score.missed.contains(id));
        for id in score.missed.iter().rev() {
            if !self.missed.contains(id) {
                self.missed.insert(0, id.clone());
            }
        }
        self.missed.truncate(20);
        self.round = None;
        self.rounds += 1;
        self.last_day = today;
    }

    /// The short review round offered to a reader returning on a later day: up to 5 missed items.
    pub fn review(&self, today: i64) -> Option<Vec<String>> {
        (self.round.is_none() && !self.missed.is_empty() && today > self.last_day).then(|| self.missed.iter().take(5).cloned().collect())
    }
}

/// What the intro screen can tell from a saved value before the bank is loaded: the unfinished
/// round's `(answered, total)`, and how many missed items a review round would hold today.
pub fn peek(s: &str, today: i64) -> (Option<(usize, usize)>, usize) {
    let parts: Vec<&str> = s.split('|').collect();
    if parts.len() != 8 || parts[0] != SAVE_VERSION {
        return (None, 0);
    }
    let count = |p: &str| if p.is_empty() { 0 } else { p.split(',').count() };
    let total = count(parts[4]);
    let round = (total > 0).then(|| ((parts[5].len() / 2).min(total), total));
    let last_day = parse_i64(parts[2]).unwrap_or(i64::MAX);
    let review = if round.is_none() && today > last_day { count(parts[3]).min(5) } else { 0 };
    (round, review)
}

/// Counts per answer and per targeted pair, for balance checks: (facts, hoaxes, hoaxes per pair 1..=3).
pub fn balance(bank: &Bank) -> (usize, usize, [usize; 3]) {
    let facts = bank.items.iter().filter(|i| i.answer == Answer::Fact).count();
    let mut per_pair = [0; 3];
    for i in bank.items.iter().filter(|i| i.answer == Answer::Hoax) {
        for t in &i.targets {
            if (1..=3).contains(t) {
                per_pair[usize::from(*t) - 1] += 1;
            }
        }
    }
    (facts, bank.items.len() - facts, per_pair)
}

/// Item ids sorted, for comparisons in tests and checks.
pub fn sorted_ids(bank: &Bank) -> Vec<String> {
    let mut v: Vec<String> = bank.items.iter().map(|i| i.id.clone()).collect();
    sort_small(&mut v, |s| s.clone());
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const ID: &str = include_str!("../../data/quiz-id.json");
    const EN: &str = include_str!("../../data/quiz-en.json");

    fn bank(text: &str) -> Bank {
        let v: Value = serde_json::from_str(text).unwrap();
        parse_bank(&v).unwrap()
    }

    #[test]
    fn banks_are_valid_balanced_and_parallel() {
        let (id, en) = (bank(ID), bank(EN));
        assert_eq!((id.lang.as_str(), en.lang.as_str()), ("id", "en"));
        assert!(id.items.len() >= 24 && en.items.len() >= 24);
        let ids: Vec<&str> = id.items.iter().map(|i| i.id.as_str()).collect();
        let ens: Vec<&str> = en.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ens, "both languages carry the same items in the same order");
        for (a, b) in id.items.iter().zip(&en.items) {
            assert_eq!(
                (a.answer, &a.technique, &a.url, &a.targets, &a.verdict),
                (b.answer, &b.technique, &b.url, &b.targets, &b.verdict),
                "{}",
                a.id
            );
            assert_ne!(a.claim, b.claim, "{} is translated", a.id);
        }
        let (facts, hoaxes, per_pair) = balance(&id);
        let ratio = facts as f64 / (facts + hoaxes) as f64;
        assert!((0.35..=0.5).contains(&ratio), "about 40% true claims, got {facts}/{}", facts + hoaxes);
        let (lo, hi) = (per_pair.iter().min().unwrap(), per_pair.iter().max().unwrap());
        assert!(hi - lo <= 1, "no pair is the target of noticeably more hoax items: {per_pair:?}");
        for it in &id.items {
            assert!(it.url.starts_with("http"), "{}", it.id);
            assert!(id.technique(&it.technique).is_some());
            assert!(!it.explanation.is_empty() && !it.checker.is_empty());
        }
        assert!(!id.tips.is_empty() && !id.report.is_empty());
        assert_eq!(sorted_ids(&id), sorted_ids(&en));
    }

    #[test]
    fn every_source_url_is_in_the_reference() {
        let reference = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/reference/pemilu2024-facts.md"));
        let Ok(reference) = reference else { return }; // the reference lives beside the repository
        for b in [bank(ID), bank(EN)] {
            for it in &b.items {
                for u in std::iter::once(&it.url).chain(&it.also_see) {
                    assert!(reference.contains(u.as_str()), "{}: {u} is not in the reference", it.id);
                }
            }
        }
    }

    #[test]
    fn bad_banks_are_refused_with_the_path() {
        let mut v: Value = serde_json::from_str(ID).unwrap();
        v["items"][1]["id"] = v["items"][0]["id"].clone();
        assert!(parse_bank(&v).unwrap_err().0.starts_with("items[1].id"));
        let mut v: Value = serde_json::from_str(ID).unwrap();
        let mut w = v.clone();
        v["items"][2]["technique"] = json!("hypnosis");
        w["items"][5]["id"] = json!("a,b");
        assert!(parse_bank(&w).unwrap_err().0.starts_with("items[5].id"));
        assert!(parse_bank(&v).unwrap_err().0.starts_with("items[2].technique"));
        let mut v: Value = serde_json::from_str(ID).unwrap();
        v["items"][3]["answer"] = json!("maybe");
        assert!(parse_bank(&v).unwrap_err().0.starts_with("items[3].answer"));
        let mut v: Value = serde_json::from_str(ID).unwrap();
        v["items"][4]["source"]["url"] = json!("turnbackhoax.id");
        assert!(parse_bank(&v).unwrap_err().0.starts_with("items[4].source.url"));
        assert!(parse_bank(&json!({ "schemaVersion": 2 })).is_err());
        assert!(parse_bank(&json!([])).is_err());
    }

    #[test]
    fn selection_is_seeded_mixed_and_complete() {
        let b = bank(ID);
        let a = select(&b, 10, 42, &[]);
        assert_eq!(a, select(&b, 10, 42, &[]), "same seed, same round");
        assert_ne!(a, select(&b, 10, 43, &[]), "another seed, another round");
        assert_eq!(a.len(), 10);
        let mut uniq = a.clone();
        sort_small(&mut uniq, |i| *i);
        uniq.dedup();
        assert_eq!(uniq.len(), 10, "no item twice");
        for seed in 0..200 {
            let r = select(&b, 10, seed, &[]);
            let facts = r.iter().filter(|i| b.items[**i].answer == Answer::Fact).count();
            assert!((3..=5).contains(&facts), "seed {seed}: {facts} true claims of 10");
        }
        for count in [1, 2, 3, 25, 50] {
            let r = select(&b, count, 7, &[]);
            assert_eq!(r.len(), count.min(b.items.len()));
            if count >= 2 {
                assert!(r.iter().any(|i| b.items[*i].answer == Answer::Fact) && r.iter().any(|i| b.items[*i].answer == Answer::Hoax));
            }
        }
    }

    #[test]
    fn play_again_prefers_new_items() {
        let b = bank(ID);
        let first: Vec<String> = select(&b, 10, 1, &[]).into_iter().map(|i| b.items[i].id.clone()).collect();
        let second: Vec<String> = select(&b, 10, 2, &first).into_iter().map(|i| b.items[i].id.clone()).collect();
        let repeated = second.iter().filter(|id| first.contains(id)).count();
        assert_eq!(repeated, 0, "25 items leave room for 10 new ones");
    }

    fn play(b: &Bank, r: &mut Round, answers: &[Answer]) -> Vec<bool> {
        let mut out = Vec::new();
        for a in answers {
            assert!(matches!(r.step(), Step::Question(_)));
            out.push(r.answer(b, Given { answer: *a, confidence: Some(2) }).unwrap());
            assert!(matches!(r.step(), Step::Feedback(_)));
            assert_eq!(r.answer(b, Given { answer: *a, confidence: None }), None, "no second answer during feedback");
            r.next();
        }
        out
    }

    #[test]
    fn a_round_scores_with_discernment() {
        let b = bank(ID);
        let mut r = Round::new(&b, 10, 42, &[]);
        let truth: Vec<Answer> = r.ids.iter().map(|id| b.items[b.index_of(id).unwrap()].answer).collect();
        // Always answer "hoax": every hoax caught, no true claim trusted.
        let correct = play(&b, &mut r, &[Answer::Hoax; 10]);
        assert_eq!(r.step(), Step::Done);
        let s = r.score(&b);
        let hoaxes = truth.iter().filter(|a| **a == Answer::Hoax).count();
        assert_eq!(s.correct, hoaxes);
        assert_eq!(correct.iter().filter(|c| **c).count(), hoaxes);
        assert_eq!((s.hoaxes_caught, s.hoaxes, s.facts_trusted, s.facts), (hoaxes, hoaxes, 0, 10 - hoaxes));
        assert!(s.fooled_by.is_empty());
        assert_eq!(s.missed.len(), 10 - hoaxes);
        // Always "fact": every hoax's technique fooled the reader.
        let mut r = Round::new(&b, 10, 42, &[]);
        play(&b, &mut r, &[Answer::Fact; 10]);
        let s = r.score(&b);
        assert_eq!((s.hoaxes_caught, s.facts_trusted), (0, 10 - hoaxes));
        assert!(!s.fooled_by.is_empty());
        let mut techniques = s.fooled_by.clone();
        sort_small(&mut techniques, |t| t.clone());
        techniques.dedup();
        assert_eq!(techniques.len(), s.fooled_by.len(), "each technique once");
    }

    #[test]
    fn confidence_is_recorded_and_very_sure_mistakes_counted() {
        let b = bank(ID);
        let mut r = Round::new(&b, 4, 11, &[]);
        for id in r.ids.clone() {
            let truth = b.items[b.index_of(&id).unwrap()].answer;
            let wrong = if truth == Answer::Hoax { Answer::Fact } else { Answer::Hoax };
            r.answer(&b, Given { answer: wrong, confidence: Some(3) });
            r.next();
        }
        assert_eq!(r.score(&b).sure_but_wrong, 4);
        assert_eq!(r.score(&b).correct, 0);
    }

    #[test]
    fn progress_round_trips_and_corruption_is_ignored() {
        let b = bank(ID);
        let mut r = Round::new(&b, 5, 9, &[]);
        play(&b, &mut r, &[Answer::Hoax, Answer::Fact]);
        r.answer(&b, Given { answer: Answer::Hoax, confidence: None });
        let saved = Saved { round: Some(r.clone()), missed: vec![b.items[0].id.clone()], last_day: 20_000, rounds: 2 };
        let text = saved.encode();
        assert!(text.starts_with("pq1|2|20000|"));
        assert_eq!(Saved::decode(&text, &b), Some(saved.clone()));
        assert_eq!(Saved::decode(&text, &b).unwrap().round.unwrap().step(), Step::Feedback(2));
        for bad in [
            "",
            "garbage",
            "pq0|2|20000||||1|",
            &text.replace("pq1|2", "pq1|x"),
            &text.replacen(&b.items[0].id, "no-such-item", 1),
            &text.replace("h2f2h-", "hXf2h-"),
            &text.replace("h2f2h-", "h2f2h-h-h-h-h-"),
            "pq1|0|0|||||",
            "pq1|0|0||a|b|c|d|e",
        ] {
            assert_eq!(Saved::decode(bad, &b), None, "{bad}");
        }
        assert_eq!(Saved::decode(&Saved::default().encode(), &b), Some(Saved::default()));
    }

    #[test]
    fn peek_reads_what_the_intro_needs() {
        let b = bank(ID);
        let mut r = Round::new(&b, 4, 1, &[]);
        play(&b, &mut r, &[Answer::Hoax]);
        let saved = Saved { round: Some(r), missed: vec![], last_day: 10, rounds: 0 };
        assert_eq!(peek(&saved.encode(), 11), (Some((1, 4)), 0));
        let done = Saved { round: None, missed: vec![b.items[0].id.clone(), b.items[1].id.clone()], last_day: 10, rounds: 1 };
        assert_eq!(peek(&done.encode(), 10), (None, 0));
        assert_eq!(peek(&done.encode(), 11), (None, 2));
        assert_eq!(peek("junk", 11), (None, 0));
    }

    #[test]
    fn missed_items_are_offered_on_a_later_day() {
        let b = bank(ID);
        let mut r = Round::new(&b, 6, 3, &[]);
        play(&b, &mut r, &[Answer::Fact; 6]);
        let mut saved = Saved::default();
        saved.finish(&r, &b, 100);
        let missed = r.score(&b).missed;
        assert!(!missed.is_empty());
        assert_eq!(saved.missed.len(), missed.len());
        assert_eq!(saved.review(100), None, "not on the same day");
        let review = saved.review(101).unwrap();
        assert!(review.len() <= 5 && review.iter().all(|id| missed.contains(id)));
        // Answering them right clears them.
        let mut again = Round::of(review.clone(), 5);
        let right: Vec<Answer> = review.iter().map(|id| b.items[b.index_of(id).unwrap()].answer).collect();
        play(&b, &mut again, &right);
        saved.finish(&again, &b, 101);
        assert!(review.iter().all(|id| !saved.missed.contains(id)));
        assert_eq!(saved.rounds, 2);
    }
}
