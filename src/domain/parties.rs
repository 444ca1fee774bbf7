//! Parties, candidate pairs and results: the types, and the search, filters and sorting the
//! parties module offers. Ballot-number order is the neutral default.

use crate::domain::num::parse_u64;
use crate::domain::text::{normalize, sort_small, Localized};

/// Where a party stands for election.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A national party (DPR and every regional legislature).
    National,
    /// An Aceh local party: only the DPRA and DPRK in Aceh.
    Aceh,
}

/// One party on the ballot.
#[derive(Clone, Debug, PartialEq)]
pub struct Party {
    pub number: u8,
    pub abbr: String,
    pub aliases: Vec<String>,
    pub name: String,
    pub scope: Scope,
    pub source: String,
    /// A recorded conflict between sources, or other context.
    pub note: Option<Localized>,
    pub note_sources: Vec<String>,
    /// The texts searched, normalised: the abbreviation, each alias and the name. One string per
    /// text, not one per word: a file with thousands of long aliases builds in one allocation per
    /// alias (a 1.7 MB file built 223,000 word keys, 60-130 ms), and words are split only while a
    /// reader searches.
    keys: Vec<String>,
}

impl Party {
    /// Builds a party and its search keys.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        number: u8,
        abbr: String,
        aliases: Vec<String>,
        name: String,
        scope: Scope,
        source: String,
        note: Option<Localized>,
        note_sources: Vec<String>,
    ) -> Party {
        let keys = std::iter::once(&abbr).chain(&aliases).chain(std::iter::once(&name)).map(|t| normalize(t)).collect();
        Party { number, abbr, aliases, name, scope, source, note, note_sources, keys }
    }
}

/// What the candidate pairs run for (the dataset's `office`), in the order of [`Office::NAMES`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Office {
    /// President and vice-president (a Pemilu).
    #[default]
    President,
    /// Governor and vice-governor (a provincial Pilkada).
    Governor,
    /// Regent and vice-regent (a regency Pilkada).
    Regent,
    /// Mayor and vice-mayor (a city Pilkada).
    Mayor,
}

impl Office {
    /// The names in the data file, in declaration order.
    pub const NAMES: [&'static str; 4] = ["president", "governor", "regent", "mayor"];
    const ALL: [Office; 4] = [Office::President, Office::Governor, Office::Regent, Office::Mayor];

    /// The office named `s` in a data file.
    pub fn parse(s: &str) -> Option<Office> {
        Office::NAMES.iter().position(|n| *n == s).map(|i| Office::ALL[i])
    }
}

/// A candidate pair: president and vice-president, or a regional head and deputy.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub number: u8,
    /// The candidate for the office (president, governor, regent or mayor).
    pub candidate: String,
    /// The running mate (vice-president, vice-governor, …).
    pub running_mate: String,
    /// Ballot numbers of the nominating parties (KPU's reading).
    pub nominating: Vec<u8>,
    /// The nominating parties by name, in a file without a party list (a Pilkada).
    pub nominating_names: Vec<String>,
    /// Nominated by no party (jalur perseorangan).
    pub independent: bool,
    /// Ballot numbers of other participating parties also listed as supporters.
    pub supporters: Vec<u8>,
    pub supporters_note: Option<Localized>,
    pub supporters_sources: Vec<String>,
    pub source: String,
    /// A separate source for the ballot number (the draw), when `source` does not give it.
    pub number_source: Option<String>,
}

impl Pair {
    /// Whether `party` nominated or backed this pair.
    pub fn backed_by(&self, party: u8) -> bool {
        self.nominating.contains(&party) || self.supporters.contains(&party)
    }
}

/// The official result of the pairs' vote (presidential, or a regional head's).
#[derive(Clone, Debug, PartialEq)]
pub struct PairResult {
    /// Days since 1970-01-01 of the decision.
    pub as_of: i64,
    pub decree: Option<String>,
    /// Who set the result, when not the national KPU (e.g. "KPU DKI Jakarta").
    pub set_by: Option<String>,
    pub total_valid: u64,
    /// `(pair number, votes)`, in pair order.
    pub votes: Vec<(u8, u64)>,
    /// Invalid votes and all ballots cast (valid + invalid), when published.
    pub invalid: Option<(u64, u64)>,
    /// Turnout as published, or else computed from ballots cast and registered voters.
    pub turnout_percent: Option<f64>,
    /// The source of the published turnout, or of the registered voters it was computed from.
    pub turnout_source: Option<String>,
    /// Registered voters (DPT), when the widget computed the turnout from them (else 0).
    pub turnout_voters: u64,
    pub source: String,
    pub confirmed_by: Option<Localized>,
    pub confirmed_source: Option<String>,
}

/// One party's DPR result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DprRow {
    pub party: u8,
    pub votes: u64,
    pub seats: u32,
}

/// The DPR (national legislature) result.
#[derive(Clone, Debug, PartialEq)]
pub struct DprResult {
    /// Date of the seat allocation.
    pub as_of: i64,
    /// Date of the vote counts.
    pub votes_as_of: i64,
    pub votes_decree: Option<String>,
    pub seats_decree: Option<String>,
    pub threshold_percent: f64,
    pub threshold_source: Option<String>,
    pub seats_total: u32,
    pub total_valid: u64,
    pub rows: Vec<DprRow>,
    pub votes_source: String,
    pub seats_source: Option<String>,
}

impl DprResult {
    /// A party's row, if it stood for the DPR.
    pub fn row(&self, party: u8) -> Option<&DprRow> {
        self.rows.iter().find(|r| r.party == party)
    }

    /// Whether a row reached the parliamentary threshold.
    pub fn passed(&self, row: &DprRow) -> bool {
        share(row.votes, self.total_valid) >= self.threshold_percent
    }

    /// The largest vote share of any party, in percent (the scale of the results' bars).
    pub fn max_share(&self) -> f64 {
        self.rows.iter().map(|row| share(row.votes, self.total_valid)).fold(0.0, f64::max)
    }
}

/// `part` as a percentage of `total` (0 when `total` is 0).
pub fn share(part: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 * 100.0 / total as f64
    }
}

/// A non-negative number with two decimals ("16.72"), for messages, attributes and CSS, without
/// the float-formatting machinery.
pub fn hundredths(v: f64) -> String {
    let n = (v.max(0.0) * 100.0).round() as u64;
    format!("{}.{:02}", n / 100, n % 100)
}

/// Everything the parties module shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PartyData {
    /// The date up to which the file was checked (its `asOf`), shown under the module.
    pub as_of: Option<i64>,
    pub office: Office,
    pub parties: Vec<Party>,
    pub pairs: Vec<Pair>,
    pub pair_result: Option<PairResult>,
    pub dpr: Option<DprResult>,
}

/// Whether a party matches a reader's query: every word of the query must match the ballot
/// number exactly or start one of the party's keys; the whole query without spaces may also
/// start the abbreviation ("pdi p" finds "PDI-P"). An empty query matches everything.
pub fn matches(party: &Party, query: &str) -> bool {
    let q = normalize(query);
    if q.is_empty() {
        return true;
    }
    let compact = q.replace(' ', "");
    if party.keys.iter().any(|k| hit(k, &compact)) {
        return true;
    }
    q.split(' ').all(|w| match parse_u64(w) {
        Some(n) => n == u64::from(party.number),
        None => party.keys.iter().any(|k| hit(k, w)),
    })
}

/// Whether `w` starts a normalised text without its spaces ("pdip" in "pdi p"), or one of its
/// words. Bytes, not chars: a space is one byte in UTF-8 and never part of another character.
fn hit(text: &str, w: &str) -> bool {
    let mut compact = text.bytes().filter(|b| *b != b' ');
    w.bytes().all(|b| compact.next() == Some(b)) || text.split(' ').any(|x| x.starts_with(w))
}

/// The reader's filters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only national or only Aceh local parties.
    pub scope: Option<Scope>,
    /// Only parties that nominated or backed this pair.
    pub pair: Option<u8>,
}

/// How the list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Official ballot number (the neutral default).
    #[default]
    Number,
    /// Common name (abbreviation), alphabetically.
    Name,
    /// DPR vote share, highest first; parties without a DPR result follow in ballot order.
    Votes,
}

impl PartyData {
    /// The parties a reader sees for a query, filters and order.
    pub fn view(&self, query: &str, filter: Filter, sort: SortBy) -> Vec<&Party> {
        let pair = filter.pair.and_then(|n| self.pair(n));
        let mut out: Vec<&Party> = self
            .parties
            .iter()
            .filter(|p| filter.scope.is_none_or(|s| p.scope == s))
            .filter(|p| filter.pair.is_none() || pair.is_some_and(|pair| pair.backed_by(p.number)))
            .filter(|p| matches(p, query))
            .collect();
        match sort {
            SortBy::Number => sort_small(&mut out, |p| p.number),
            SortBy::Name => sort_small(&mut out, |p| (normalize(&p.abbr), p.number)),
            SortBy::Votes => {
                let votes = |p: &Party| self.dpr.as_ref().and_then(|d| d.row(p.number)).map(|r| r.votes);
                sort_small(&mut out, |p| (votes(p).map_or(1, |_| 0), std::cmp::Reverse(votes(p).unwrap_or(0)), p.number));
            }
        }
        out
    }

    /// A party by ballot number.
    pub fn party(&self, number: u8) -> Option<&Party> {
        self.parties.iter().find(|p| p.number == number)
    }

    /// A candidate pair by number.
    pub fn pair(&self, number: u8) -> Option<&Pair> {
        self.pairs.iter().find(|p| p.number == number)
    }

    /// The pairs a party nominated, and those it otherwise backed.
    pub fn pairs_of(&self, party: u8) -> (Vec<u8>, Vec<u8>) {
        let nominated = self.pairs.iter().filter(|p| p.nominating.contains(&party)).map(|p| p.number).collect();
        let backed = self.pairs.iter().filter(|p| p.supporters.contains(&party)).map(|p| p.number).collect();
        (nominated, backed)
    }

    /// Whether results exist (the vote-share sort and the results view are offered).
    pub fn has_results(&self) -> bool {
        self.pair_result.is_some() || self.dpr.is_some()
    }
}

/// The module's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[repr(u8)]
pub enum Tab {
    #[default]
    Parties,
    Pairs,
    Results,
}

/// What the reader has chosen in the parties module (the view holds it in one reducer).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Choices {
    pub tab: Tab,
    pub query: String,
    pub filter: Filter,
    pub sort: SortBy,
    /// The party whose details are open.
    pub open: Option<u8>,
    pub show_all: bool,
    pub dpr_by_votes: bool,
    /// Grows on every change that re-creates the control the reader used (the markup is replaced
    /// whenever it changes); the view marks where focus goes with `data-focus`.
    pub focus: u32,
    pub mark: Focus,
}

/// Where focus goes after the markup is replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    None,
    /// The selected tab.
    Tab,
    /// The row of this party.
    Row(u8),
    /// The first row that "Show all" revealed.
    FirstNew,
    /// The results order button.
    Order,
}

/// What the reader changed.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Tab(Tab),
    Query(String),
    Scope(Option<Scope>),
    Pair(Option<u8>),
    Sort(SortBy),
    Toggle(u8),
    ShowAll,
    DprOrder,
}

/// Parties shown before the reader asks for the whole list.
pub const FIRST_ROWS: usize = 8;
/// Matches shown while the reader searches before "Show all": more than any real list holds
/// (24 parties in 2024), few enough that each keystroke lays out a short list (a file may list
/// 100 parties).
pub const SEARCH_ROWS: usize = 30;

impl Choices {
    /// How many rows the list shows before "Show all": fewer while nothing is searched.
    pub fn limit(&self) -> usize {
        if self.query.trim().is_empty() {
            FIRST_ROWS
        } else {
            SEARCH_ROWS
        }
    }

    /// How many of `matches` rows the list shows.
    pub fn shown(&self, matches: usize) -> usize {
        if self.show_all {
            matches
        } else {
            matches.min(self.limit())
        }
    }

    /// Applies one change; focus moves (`focus` grows) when the control used is re-created.
    pub fn apply(&mut self, change: Change) {
        let v = self;
        let mark = match change {
            Change::Tab(t) => {
                v.tab = t;
                Focus::Tab
            }
            Change::Query(q) => {
                v.query = q;
                Focus::None
            }
            Change::Scope(scope) => {
                v.filter.scope = scope;
                Focus::None
            }
            Change::Pair(pair) => {
                v.filter.pair = pair;
                Focus::None
            }
            Change::Sort(s) => {
                v.sort = s;
                Focus::None
            }
            Change::Toggle(n) => {
                v.open = if v.open == Some(n) { None } else { Some(n) };
                Focus::Row(n)
            }
            Change::ShowAll => {
                v.show_all = true;
                Focus::FirstNew
            }
            Change::DprOrder => {
                v.dpr_by_votes = !v.dpr_by_votes;
                Focus::Order
            }
        };
        if mark != Focus::None {
            v.mark = mark;
            v.focus += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::data::bundled_dataset;

    #[test]
    fn a_long_list_is_cut_short_until_the_reader_asks_for_all_of_it() {
        let mut c = Choices::default();
        assert_eq!((c.shown(24), c.shown(5)), (FIRST_ROWS, 5));
        c.apply(Change::Query("partai".into()));
        assert_eq!((c.shown(24), c.shown(100)), (24, SEARCH_ROWS), "a search shows every real match");
        c.apply(Change::ShowAll);
        assert_eq!((c.shown(100), c.limit(), c.mark), (100, SEARCH_ROWS, Focus::FirstNew));
        c.apply(Change::Query(" ".into()));
        assert_eq!((c.shown(100), c.limit()), (100, FIRST_ROWS));
    }

    fn data() -> PartyData {
        (*bundled_dataset().unwrap().parties).clone()
    }

    fn numbers(v: Vec<&Party>) -> Vec<u8> {
        v.into_iter().map(|p| p.number).collect()
    }

    fn find(d: &PartyData, q: &str) -> Vec<u8> {
        numbers(d.view(q, Filter::default(), SortBy::Number))
    }

    #[test]
    fn a_reader_finds_pdip_by_any_name() {
        let d = data();
        for q in ["pdip", "PDI-P", "pdi p", "perjuangan", "3", "03", "PDI Perjuangan", "demokrasi indonesia", "  Pdi-P "] {
            assert_eq!(find(&d, q), vec![3], "{q}");
        }
    }

    #[test]
    fn search_examples() {
        let d = data();
        assert_eq!(find(&d, "gerindra"), vec![2]);
        assert_eq!(find(&d, "golkar"), vec![4]);
        assert_eq!(find(&d, "nasdem"), vec![5]);
        assert_eq!(find(&d, "24"), vec![24]);
        assert_eq!(find(&d, "ummat"), vec![24]);
        assert_eq!(find(&d, "aceh"), vec![18, 20, 21, 22, 23], "every party with Aceh in its name");
        assert_eq!(find(&d, "tha'at"), vec![19]);
        assert_eq!(find(&d, "taqwa"), vec![19]);
        assert_eq!(find(&d, "keadilan sejahtera"), vec![8]);
        assert_eq!(find(&d, "kebangkitan"), vec![1, 9]);
        assert_eq!(find(&d, "garuda"), vec![11]);
        assert_eq!(find(&d, "persatuan"), vec![16, 17]);
        assert!(find(&d, "zzz").is_empty());
        assert!(find(&d, "99").is_empty());
        assert_eq!(find(&d, "").len(), 24);
        assert_eq!(find(&d, "-").len(), 24, "punctuation alone is an empty query");
    }

    /// The search finds exactly what it found when every word was a stored key (before 2026-12-06):
    /// every prefix of every word, of every text without its spaces, and of every two-word query.
    #[test]
    fn search_matches_the_former_word_keys() {
        let d = data();
        let former = |p: &Party, query: &str| {
            let mut keys = Vec::new();
            for text in std::iter::once(&p.abbr).chain(&p.aliases).chain(std::iter::once(&p.name)) {
                let n = normalize(text);
                keys.push(n.replace(' ', ""));
                keys.extend(n.split(' ').filter(|w| !w.is_empty()).map(String::from));
            }
            let q = normalize(query);
            if q.is_empty() {
                return true;
            }
            let compact = q.replace(' ', "");
            keys.iter().any(|k| k.starts_with(&compact))
                || q.split(' ').all(|w| match parse_u64(w) {
                    Some(n) => n == u64::from(p.number),
                    None => keys.iter().any(|k| k.starts_with(w)),
                })
        };
        let mut queries =
            vec!["pdi p".to_string(), "PDI-P".into(), "pdip".into(), "partai aceh".into(), "ke ad".into(), "12 golkar".into()];
        for p in &d.parties {
            for text in std::iter::once(&p.abbr).chain(&p.aliases).chain(std::iter::once(&p.name)) {
                let n = normalize(text);
                for end in (1..=n.len()).filter(|e| n.is_char_boundary(*e)) {
                    queries.push(n[..end].to_string());
                }
            }
        }
        for q in &queries {
            for p in &d.parties {
                assert_eq!(matches(p, q), former(p, q), "{q:?} on {}", p.abbr);
            }
        }
    }

    #[test]
    fn filters() {
        let d = data();
        let aceh = numbers(d.view("", Filter { scope: Some(Scope::Aceh), pair: None }, SortBy::Number));
        assert_eq!(aceh, vec![18, 19, 20, 21, 22, 23]);
        let national = d.view("", Filter { scope: Some(Scope::National), pair: None }, SortBy::Number);
        assert_eq!(national.len(), 18);
        let by_pair = |n| numbers(d.view("", Filter { scope: None, pair: Some(n) }, SortBy::Number));
        assert_eq!(by_pair(1), vec![1, 5, 8, 24]);
        assert_eq!(by_pair(2), vec![2, 4, 7, 11, 12, 13, 14, 15]);
        assert_eq!(by_pair(3), vec![3, 10, 16, 17]);
        assert!(by_pair(4).is_empty());
        assert_eq!(numbers(d.view("partai", Filter { scope: Some(Scope::National), pair: Some(3) }, SortBy::Number)), vec![3, 10, 16, 17]);
    }

    #[test]
    fn sorting() {
        let d = data();
        let all = |s| numbers(d.view("", Filter::default(), s));
        assert_eq!(all(SortBy::Number), (1..=24).collect::<Vec<u8>>());
        let by_votes = all(SortBy::Votes);
        assert_eq!(&by_votes[..8], &[3, 4, 2, 1, 5, 8, 14, 12]);
        assert_eq!(&by_votes[18..], &[18, 19, 20, 21, 22, 23], "no DPR result: last, in ballot order");
        let by_name = all(SortBy::Name);
        assert_eq!(by_name[0], 6, "Buruh first");
        let names: Vec<String> = by_name.iter().map(|n| normalize(&d.party(*n).unwrap().abbr)).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn pairs_of_a_party_and_threshold() {
        let d = data();
        assert_eq!(d.pairs_of(24), (vec![], vec![1]));
        assert_eq!(d.pairs_of(4), (vec![2], vec![]));
        assert_eq!(d.pairs_of(18), (vec![], vec![]));
        let dpr = d.dpr.as_ref().unwrap();
        let passed: Vec<u8> = dpr.rows.iter().filter(|r| dpr.passed(r)).map(|r| r.party).collect();
        assert_eq!(passed, vec![1, 2, 3, 4, 5, 8, 12, 14]);
        assert!(passed.iter().all(|p| dpr.row(*p).unwrap().seats > 0));
        assert!(dpr.rows.iter().filter(|r| !dpr.passed(r)).all(|r| r.seats == 0));
        assert!((share(dpr.row(3).unwrap().votes, dpr.total_valid) - 16.72).abs() < 0.005);
        assert!(d.has_results());
    }

    #[test]
    fn choices_change_one_thing_and_say_where_focus_goes() {
        let mut c = Choices::default();
        assert_eq!((c.tab, c.focus, c.mark), (Tab::Parties, 0, Focus::None));
        c.apply(Change::Tab(Tab::Results));
        assert_eq!((c.tab, c.focus, c.mark), (Tab::Results, 1, Focus::Tab));
        // Typing, filtering and sorting keep focus where the reader is (the field is not re-created).
        c.apply(Change::Query("pdi".into()));
        c.apply(Change::Scope(Some(Scope::Aceh)));
        c.apply(Change::Pair(Some(2)));
        c.apply(Change::Sort(SortBy::Name));
        assert_eq!(
            (c.query.as_str(), c.filter.scope, c.filter.pair, c.sort, c.focus),
            ("pdi", Some(Scope::Aceh), Some(2), SortBy::Name, 1)
        );
        c.apply(Change::Toggle(3));
        assert_eq!((c.open, c.mark, c.focus), (Some(3), Focus::Row(3), 2));
        c.apply(Change::Toggle(3));
        assert_eq!((c.open, c.mark, c.focus), (None, Focus::Row(3), 3), "closing keeps focus on the row");
        c.apply(Change::Toggle(4));
        c.apply(Change::Toggle(5));
        assert_eq!(c.open, Some(5), "one party open at a time");
        c.apply(Change::ShowAll);
        assert_eq!((c.show_all, c.mark), (true, Focus::FirstNew));
        c.apply(Change::DprOrder);
        c.apply(Change::DprOrder);
        assert_eq!((c.dpr_by_votes, c.mark, c.focus), (false, Focus::Order, 8));
    }
}
