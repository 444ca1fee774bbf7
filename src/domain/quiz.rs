//! The "hoax or fact?" quiz: the question bank (parsed and validated from JSON), the selection
//! of a round (seeded, mixing true claims and hoaxes), the round as a state machine, scoring with
//! discernment, and the saved progress that survives a reload.

use crate::domain::i18n::{Lang, Msg};
use crate::domain::json::{at_most, join, opt_arr, opt_str, req_arr, req_str, DataError, Json, MAX_CHARS};
use crate::domain::num::{parse_i64, parse_u64};
#[cfg(any(test, feature = "studio"))]
use crate::domain::text::sort_small;

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

/// What a claim as worded does to the pairs it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Hurts,
    Helps,
    /// Neither, or one pair hurt and another helped at once.
    Neutral,
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
    /// When the source last confirmed the channel: `YYYY-MM` or `YYYY`.
    pub as_of: String,
}

/// One fact-checked claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: String,
    pub claim: String,
    /// When the claim circulated: `YYYY-MM` or `YYYY`.
    pub circulated: String,
    pub answer: Answer,
    /// The checker's label for this claim (`None` where the source published none).
    pub verdict: Option<String>,
    /// Why the label published for this content is disputed; such an item has no `verdict`.
    pub contested: Option<String>,
    pub technique: String,
    pub explanation: String,
    pub checker: String,
    pub date: Option<String>,
    pub url: String,
    pub also_see: Vec<String>,
    /// Ballot numbers of the pairs the claim is about (for balance).
    pub about: Vec<u8>,
    pub direction: Direction,
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
    if crate::domain::text::is_http_url(&v) {
        Ok(v)
    } else {
        Err(DataError::at(path, &v))
    }
}

/// The month (1–12) of a `YYYY-MM` date, 0 for a bare `YYYY`; `None` for anything else.
#[inline(never)]
pub fn year_month(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    match b[4..] {
        [] => Some(0),
        [b'-', t @ b'0'..=b'1', u @ b'0'..=b'9'] => {
            Some(usize::from(t - b'0') * 10 + usize::from(u - b'0')).filter(|m| (1..=12).contains(m))
        }
        _ => None,
    }
}

/// A `YYYY-MM` or `YYYY` date as the reader reads it: "Feb 2024", or "2024".
pub fn month_year(lang: Lang, s: &str) -> String {
    // Month names are three letters each in both languages.
    match (year_month(s), s.get(..4)) {
        (Some(m @ 1..), Some(year)) => {
            let mut out = Msg::Months.text(lang).get(m * 3 - 3..m * 3).unwrap_or_default().to_string();
            out.push(' ');
            out + year
        }
        _ => s.to_string(),
    }
}

#[inline(never)]
fn month(v: String, path: &str) -> Result<String, DataError> {
    match year_month(&v) {
        Some(_) => Ok(v),
        None => Err(DataError::at(path, &v)),
    }
}

/// Most items per list of a bank, by what it lists (the bundled banks: 30 questions, 8
/// techniques, 9 tips, 3 reporting channels, one further link): a bank at every bound is checked
/// and shown without blocking the page (`bench/worst.mjs`; 300 questions with 10 links each took
/// 50-90 ms). The JSON Schema's `maxItems` say the same (a test holds them together).
pub mod most {
    /// Questions: two rounds of the longest (`data-quiz-count` 50).
    pub const ITEMS: usize = 100;
    /// Manipulation techniques, and hoax-spotting tips.
    pub const TECHNIQUES: usize = 30;
    /// Reporting channels.
    pub const REPORT: usize = 20;
    /// Further source links of one question.
    pub const LINKS: usize = 10;
    /// Ballot numbers a question is about.
    pub const ABOUT: usize = 20;
}

/// Checks every value of a question bank: unique ids, techniques from the bank's vocabulary,
/// answers `hoax`/`fact`, `http(s)` sources, circulation and as-of dates, `about` and `direction`
/// tags, no verdict on a contested item, and at least one item of each answer.
pub fn parse_bank<J: Json>(root: &J) -> Result<Bank, DataError> {
    let version = root.field("schemaVersion").and_then(|v| v.number());
    if version != Some(2.0) {
        return Err(DataError::missing("schemaVersion"));
    }
    let mut techniques = Vec::new();
    for (i, t) in req_arr(root, "", "techniques", most::TECHNIQUES)?.iter().enumerate() {
        let p = format!("techniques[{i}]");
        techniques.push(Technique {
            id: req_str(t, &p, "id")?,
            name: req_str(t, &p, "name")?,
            description: req_str(t, &p, "description")?,
        });
    }
    let mut tips = Vec::new();
    for (i, t) in opt_arr(root, "", "tips", most::TECHNIQUES)?.iter().enumerate() {
        let p = format!("tips[{i}]");
        tips.push(Tip { text: req_str(t, &p, "text")?, source: http(req_str(t, &p, "source")?, &join(&p, "source"))? });
    }
    let mut report = Vec::new();
    for (i, c) in opt_arr(root, "", "report", most::REPORT)?.iter().enumerate() {
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
            as_of: month(req_str(c, &p, "asOf")?, &join(&p, "asOf"))?,
        });
    }
    let mut items: Vec<Item> = Vec::new();
    for (i, it) in req_arr(root, "", "items", most::ITEMS)?.iter().enumerate() {
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
        let mut also_see = Vec::new();
        for u in opt_arr(&source, &sp, "alsoSee", most::LINKS)? {
            let link = at_most(u.string().unwrap_or_default(), MAX_CHARS, &|| join(&sp, "alsoSee"))?;
            also_see.push(http(link, &join(&sp, "alsoSee"))?);
        }
        // Distinct ballot numbers 1–99.
        let mut about: Vec<u8> = Vec::new();
        for n in req_arr(it, &p, "about", most::ABOUT)? {
            let n = n.number().unwrap_or(0.0);
            let b = n as u8;
            if f64::from(b) != n || !(1..100).contains(&b) || about.contains(&b) {
                return Err(DataError::missing(&join(&p, "about")));
            }
            about.push(b);
        }
        let d = req_str(it, &p, "direction")?;
        let direction = match (d.as_str(), about.is_empty()) {
            ("neutral", _) => Direction::Neutral,
            ("hurts", false) => Direction::Hurts,
            ("helps", false) => Direction::Helps,
            _ => return Err(DataError::at(&join(&p, "direction"), &d)),
        };
        let verdict = opt_str(it, &p, "verdict")?;
        let contested = opt_str(it, &p, "contested")?;
        if let (Some(c), Some(_)) = (&contested, &verdict) {
            return Err(DataError::at(&join(&p, "contested"), c));
        }
        items.push(Item {
            id,
            claim: req_str(it, &p, "claim")?,
            circulated: month(req_str(it, &p, "circulated")?, &join(&p, "circulated"))?,
            answer,
            verdict,
            contested,
            technique,
            explanation: req_str(it, &p, "explanation")?,
            checker: req_str(&source, &sp, "checker")?,
            date: opt_str(&source, &sp, "date")?,
            url: http(req_str(&source, &sp, "url")?, &join(&sp, "url"))?,
            also_see,
            about,
            direction,
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

/// The `localStorage` key of one widget's progress: the page's path, the widget (`who`: the host's
/// id, or its place among the page's widgets) and the bank's URL, so that two quizzes never share
/// progress and a reload finds its own.
pub fn progress_slot(path: &str, who: &str, bank_url: &str) -> String {
    ["pemilu-widget:quiz:", path, "#", who, ":", bank_url].concat()
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

#[cfg(any(test, feature = "studio"))]
/// One row of a bank's balance table: the items about one pair, or about none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    pub hoaxes: usize,
    pub facts: usize,
    pub hurts: usize,
    pub helps: usize,
    pub neutral: usize,
}

#[cfg(any(test, feature = "studio"))]
/// The balance table of a bank: one row per pair named in any item's `about` (ascending), then
/// the items about no pair (`None`; their directions are all neutral).
pub fn balance(bank: &Bank) -> Vec<(Option<u8>, Balance)> {
    let mut pairs: Vec<u8> = bank.items.iter().flat_map(|i| i.about.iter().copied()).collect();
    sort_small(&mut pairs, |p| *p);
    pairs.dedup();
    let row = |of: &dyn Fn(&Item) -> bool| {
        let mut b = Balance::default();
        for i in bank.items.iter().filter(|i| of(i)) {
            *if i.answer == Answer::Hoax { &mut b.hoaxes } else { &mut b.facts } += 1;
            *match i.direction {
                Direction::Hurts => &mut b.hurts,
                Direction::Helps => &mut b.helps,
                Direction::Neutral => &mut b.neutral,
            } += 1;
        }
        b
    };
    let mut rows: Vec<(Option<u8>, Balance)> = pairs.iter().map(|p| (Some(*p), row(&|i: &Item| i.about.contains(p)))).collect();
    rows.push((None, row(&|i: &Item| i.about.is_empty())));
    rows
}

#[cfg(test)]
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

    fn bank(text: &str) -> Bank {
        let v: Value = serde_json::from_str(text).unwrap();
        parse_bank(&v).unwrap()
    }

    fn data(name: &str) -> String {
        std::fs::read_to_string(format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    /// Every question bank in `data/`: (file name, bank), sorted by name.
    fn every_bank() -> Vec<(String, Bank)> {
        let mut names: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with("quiz-") && n.ends_with(".json"))
            .collect();
        sort_small(&mut names, |n| n.clone());
        names.into_iter().map(|n| (n.clone(), bank(&data(&n)))).collect()
    }

    #[test]
    fn every_bank_is_valid_balanced_and_parallel_in_both_languages() {
        let banks = every_bank();
        assert!(banks.len() >= 4, "the Pemilu and Pilkada banks, each in two languages");
        for (name, id) in banks.iter().filter(|(n, _)| n.ends_with("-id.json")) {
            let en_name = name.replace("-id.json", "-en.json");
            let (_, en) = banks.iter().find(|(n, _)| *n == en_name).unwrap_or_else(|| panic!("{name} has no English bank"));
            assert_eq!((id.lang.as_str(), en.lang.as_str()), ("id", "en"), "{name}");
            let ids: Vec<&str> = id.items.iter().map(|i| i.id.as_str()).collect();
            let ens: Vec<&str> = en.items.iter().map(|i| i.id.as_str()).collect();
            assert_eq!(ids, ens, "{name}: both languages carry the same items in the same order");
            for (a, b) in id.items.iter().zip(&en.items) {
                assert_eq!(
                    (a.answer, &a.technique, &a.url, &a.also_see, &a.date, &a.circulated, &a.about, a.direction),
                    (b.answer, &b.technique, &b.url, &b.also_see, &b.date, &b.circulated, &b.about, b.direction),
                    "{}",
                    a.id
                );
                assert_eq!((a.verdict.is_some(), a.contested.is_some()), (b.verdict.is_some(), b.contested.is_some()), "{}", a.id);
                assert_ne!(a.claim, b.claim, "{} is translated", a.id);
                assert_ne!(a.explanation, b.explanation, "{} is translated", a.id);
                // An English label in the Indonesian bank comes only after its translation.
                if let Some(v) = &a.verdict {
                    assert!(!["False", "True", "Misleading"].contains(&v.as_str()), "{}: untranslated label {v}", a.id);
                }
            }
            let as_of = |b: &Bank| b.report.iter().map(|c| c.as_of.clone()).collect::<Vec<_>>();
            assert_eq!(as_of(id), as_of(en), "{name}: report channels");
            let facts = id.items.iter().filter(|i| i.answer == Answer::Fact).count();
            let ratio = facts as f64 / id.items.len() as f64;
            assert!((0.35..=0.5).contains(&ratio), "{name}: 35-50% true claims, got {facts}/{}", id.items.len());
            for (pair, row) in balance(id) {
                if pair.is_some() {
                    assert!(row.hurts.abs_diff(row.helps) <= 1, "{name}: pair {pair:?} is hurt and helped unevenly: {row:?}");
                } else {
                    assert_eq!((row.hurts, row.helps), (0, 0), "{name}: an item about no pair hurts or helps none");
                }
            }
            for it in &id.items {
                assert!(id.technique(&it.technique).is_some());
                assert!(!it.explanation.is_empty() && !it.checker.is_empty());
                assert_eq!(it.answer == Answer::Fact, it.technique == "none", "{}: true claims, and only they, use no technique", it.id);
            }
            assert!(!id.tips.is_empty() && !id.report.is_empty());
            assert_eq!(sorted_ids(id), sorted_ids(en));
        }
        // The default (Pemilu) banks are exactly even between the three pairs.
        let rows = balance(&bank(ID));
        assert_eq!(rows.iter().filter_map(|(p, _)| *p).collect::<Vec<_>>(), [1, 2, 3]);
        let even = |r: &Balance| (r.hoaxes, r.facts, r.hurts, r.helps, r.neutral);
        assert!(rows[..3].iter().all(|(_, r)| even(r) == even(&rows[0].1)), "{rows:?}");
        assert!(rows[0].1.hoaxes > 0 && rows[0].1.hurts > 0 && rows[0].1.helps > 0);
    }

    /// The rows of the balance table that follows `<!-- balance: … file … -->` in the docs: the
    /// first cell's first word ("01" read as "1"), and the other cells as numbers or empty.
    fn docs_table(docs: &str, file: &str) -> Vec<(String, Vec<Option<usize>>)> {
        let mut lines = docs.lines();
        lines.find(|l| l.starts_with("<!-- balance:") && l.split_whitespace().any(|w| w == file));
        lines
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                let mut cells = l.trim().trim_matches('|').split('|').map(str::trim);
                let head = cells.next().unwrap_or_default().split(' ').next().unwrap_or_default();
                let head = if head.bytes().all(|b| b.is_ascii_digit()) { head.trim_start_matches('0') } else { head };
                (head.to_string(), cells.map(|c| (!c.is_empty()).then(|| c.parse().unwrap())).collect())
            })
            .collect()
    }

    #[test]
    fn the_docs_balance_tables_match_the_tags() {
        let docs = data("../docs/quiz-data.md");
        for (name, b) in every_bank() {
            let mut expected: Vec<(String, Vec<Option<usize>>)> = balance(&b)
                .into_iter()
                .map(|(pair, r)| match pair {
                    Some(p) => (p.to_string(), vec![Some(r.hoaxes), Some(r.facts), Some(r.hurts), Some(r.helps), Some(r.neutral)]),
                    None => ("none".to_string(), vec![Some(r.hoaxes), Some(r.facts), None, None, None]),
                })
                .collect();
            let hoaxes = b.items.iter().filter(|i| i.answer == Answer::Hoax).count();
            expected.push(("all".to_string(), vec![Some(hoaxes), Some(b.items.len() - hoaxes), None, None, None]));
            // A pair that no item is about may stand in the table with zeros.
            let zero = vec![Some(0); 5];
            let table = docs_table(&docs, &name);
            assert!(!table.is_empty(), "docs/quiz-data.md has no balance table for {name}");
            let got: Vec<_> = table.into_iter().filter(|(h, cells)| *cells != zero || expected.iter().any(|(e, _)| e == h)).collect();
            assert_eq!(got, expected, "docs/quiz-data.md's balance table for {name}");
        }
    }

    #[test]
    fn every_source_url_is_in_the_references() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/reference/");
        let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}"));
        let (Ok(a), Ok(b)) = (read("pemilu2024-facts.md"), read("pilkada2024-and-beyond.md")) else { return }; // they live beside the repository
        let reference = a + &b;
        for (name, b) in every_bank() {
            let mut urls: Vec<(&str, &String)> = Vec::new();
            urls.extend(b.tips.iter().map(|t| ("tip", &t.source)));
            urls.extend(b.report.iter().map(|c| ("report", &c.source)));
            for it in &b.items {
                urls.extend(std::iter::once(&it.url).chain(&it.also_see).map(|u| (it.id.as_str(), u)));
            }
            for (what, u) in urls {
                assert!(reference.contains(u.as_str()), "{name} {what}: {u} is not in the references");
            }
        }
    }

    #[test]
    fn dates_read_as_month_and_year() {
        assert_eq!(year_month("2024-02"), Some(2));
        assert_eq!(year_month("2024-12"), Some(12));
        assert_eq!(year_month("2024"), Some(0));
        for bad in
            ["2024-00", "2024-13", "2024-2", "24-02", "2024-02-14", "", "abcd", "2024-", "-2024", "+024", "2024-1a", "2024x02", "Feb 2024"]
        {
            assert_eq!(year_month(bad), None, "{bad}");
        }
        assert_eq!(month_year(Lang::Id, "2024-08"), "Agu 2024");
        assert_eq!(month_year(Lang::En, "2024-08"), "Aug 2024");
        assert_eq!(month_year(Lang::Id, "2023-12"), "Des 2023");
        assert_eq!(month_year(Lang::Id, "2024-05"), "Mei 2024");
        assert_eq!(month_year(Lang::En, "2024-01"), "Jan 2024");
        assert_eq!(month_year(Lang::En, "2024"), "2024");
        for lang in [Lang::Id, Lang::En] {
            let months = Msg::Months.text(lang);
            assert!(months.len() == 36 && months.is_ascii(), "twelve names of three letters: {months}");
        }
    }

    #[test]
    fn a_contested_item_has_no_verdict_and_scores_by_its_answer() {
        let b = bank(ID);
        let hx1 = b.item("hx1-overseas-exit-poll-as-official").unwrap();
        assert!(hx1.contested.is_some() && hx1.verdict.is_none());
        assert_eq!(hx1.answer, Answer::Hoax);
        let mut r = Round::of(vec![hx1.id.clone()], 1);
        assert_eq!(r.answer(&b, Given { answer: Answer::Hoax, confidence: None }), Some(true));
        r.next();
        assert_eq!((r.score(&b).hoaxes_caught, r.score(&b).hoaxes), (1, 1));
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
        let err = |edit: &dyn Fn(&mut Value)| {
            let mut v: Value = serde_json::from_str(ID).unwrap();
            edit(&mut v);
            parse_bank(&v).unwrap_err().0
        };
        let remove = |v: &mut Value, key: &str| drop(v.as_object_mut().unwrap().remove(key));
        // Circulation and as-of dates: `YYYY-MM` or `YYYY`, required.
        assert_eq!(err(&|v| v["items"][0]["circulated"] = json!("Feb 2024")), "items[0].circulated = \u{201c}Feb 2024\u{201d}");
        assert_eq!(err(&|v| v["items"][0]["circulated"] = json!("2024-13")), "items[0].circulated = \u{201c}2024-13\u{201d}");
        assert_eq!(err(&|v| remove(&mut v["items"][1], "circulated")), "items[1].circulated = ?");
        assert_eq!(err(&|v| v["report"][0]["asOf"] = json!("2024/03")), "report[0].asOf = \u{201c}2024/03\u{201d}");
        assert_eq!(err(&|v| remove(&mut v["report"][1], "asOf")), "report[1].asOf = ?");
        // Balance tags: distinct ballot numbers; a direction from the list, neutral without a pair.
        assert_eq!(err(&|v| v["items"][0]["about"] = json!([2, 2])), "items[0].about = ?");
        assert_eq!(err(&|v| v["items"][0]["about"] = json!([0])), "items[0].about = ?");
        assert_eq!(err(&|v| v["items"][0]["about"] = json!([1.5])), "items[0].about = ?");
        assert_eq!(err(&|v| v["items"][0]["about"] = json!(["01"])), "items[0].about = ?");
        assert_eq!(err(&|v| remove(&mut v["items"][0], "about")), "items[0].about = ?");
        assert_eq!(err(&|v| v["items"][0]["direction"] = json!("attacks")), "items[0].direction = \u{201c}attacks\u{201d}");
        assert_eq!(err(&|v| v["items"][1]["direction"] = json!("helps")), "items[1].direction = \u{201c}helps\u{201d}");
        // A contested item carries no verdict.
        let hx1 = bank(ID).index_of("hx1-overseas-exit-poll-as-official").unwrap();
        assert!(err(&|v| v["items"][hx1]["verdict"] = json!("[HOAKS]")).starts_with(&format!("items[{hx1}].contested = ")));
        assert_eq!(err(&|v| v["items"][3]["source"]["alsoSee"] = json!(["x"])), "items[3].source.alsoSee = \u{201c}x\u{201d}");
        assert_eq!(err(&|v| v["items"][3]["source"]["alsoSee"] = json!([7])), "items[3].source.alsoSee = \u{201c}\u{201d}");
        // The previous version of the format is refused.
        assert_eq!(err(&|v| v["schemaVersion"] = json!(1)), "schemaVersion = ?");
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
        assert_eq!(repeated, 0, "30 items leave room for 10 new ones");
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
