//! The parties module: every party by ballot number (searchable, filterable, sortable, with
//! details in place), the candidate pairs with equal weight, and the official results as tables.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::domain::i18n::{tr, Lang, Msg};
use crate::domain::num::{parse_u64, two_digits};
use crate::domain::parties::{hundredths, share, Change, Choices, Focus, Pair, Party, PartyData, Scope, SortBy, Tab};
use crate::domain::text::sort_small;
use crate::web::browser::{format_day, format_int, format_percent, format_percent_short, DateStyle};
use crate::web::hooks::use_module_root;
use crate::web::markup::{target_attr, Markup};

#[derive(Properties, Clone)]
pub struct PartiesProps {
    pub data: Rc<PartyData>,
    pub lang: Lang,
}

impl PartialEq for PartiesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data) && self.lang == other.lang
    }
}

/// The tabs in order of `Tab as usize`: label and id.
const TABS: [(Tab, Msg, &str); 3] = [
    (Tab::Parties, Msg::TabParties, "pw-tab-parties"),
    (Tab::Pairs, Msg::TabPairs, "pw-tab-pairs"),
    (Tab::Results, Msg::TabResults, "pw-tab-results"),
];

/// The reader's choices go through the domain's pure `Choices::apply`.
impl Reducible for Choices {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut v = Rc::unwrap_or_clone(self);
        v.apply(change);
        Rc::new(v)
    }
}

/// `text`, a space and `more`: sentences joined without the formatting machinery of `format!`.
fn then(mut text: String, more: &str) -> String {
    text.push(' ');
    text.push_str(more);
    text
}

/// "01" for pair numbers, as on the ballot.
fn pair_no(n: u8) -> String {
    two_digits(u64::from(n))
}

/// The neutral generated badge: the ballot number in a circle, with an accessible name.
fn badge(m: &mut Markup, lang: Lang, label: &str) {
    m.el("span", &[("class", "pw-badge"), ("role", "img"), ("aria-label", &tr(lang, Msg::BallotNumber, &[("number", label)]))], label);
}

/// "PDI-P (3), Hanura (10)": parties by abbreviation and number, in ballot order.
fn party_names(d: &PartyData, numbers: &[u8]) -> String {
    let mut v = numbers.to_vec();
    sort_small(&mut v, |n| *n);
    let mut out = String::new();
    for p in v.iter().filter_map(|n| d.party(*n)) {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&p.abbr);
        out.push_str(" (");
        out.push_str(&p.number.to_string());
        out.push(')');
    }
    out
}

fn pair_label(p: &Pair) -> String {
    [p.candidate.as_str(), " \u{2013} ", &p.running_mate].concat()
}

/// "Nominating parties: …", by ballot number or by name, or that the pair is independent.
fn nominating_line(d: &PartyData, lang: Lang, p: &Pair) -> String {
    if p.independent {
        return Msg::Independent.text(lang).into();
    }
    let parties = if p.nominating_names.is_empty() { party_names(d, &p.nominating) } else { p.nominating_names.join(", ") };
    tr(lang, Msg::NominatingParties, &[("parties", &parties)])
}

fn pair_names(d: &PartyData, numbers: &[u8]) -> String {
    let mut out = String::new();
    for p in numbers.iter().filter_map(|n| d.pair(*n)) {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&pair_no(p.number));
        out.push_str(" (");
        out.push_str(&pair_label(p));
        out.push(')');
    }
    out
}

fn party_details(m: &mut Markup, d: &PartyData, lang: Lang, p: &Party) {
    let (nominated, backed) = d.pairs_of(p.number);
    m.open("div", &[("class", "pw-pdetail"), ("id", &["pw-pd-", &p.number.to_string()].concat())]);
    m.p("pw-fullname", &p.name);
    m.p("", if p.scope == Scope::Aceh { Msg::ScopeAcehLong } else { Msg::ScopeNationalLong }.text(lang));
    if !nominated.is_empty() {
        m.p("", &tr(lang, Msg::NominatedPair, &[("pairs", &pair_names(d, &nominated))]));
    }
    if !backed.is_empty() {
        m.p("", &tr(lang, Msg::BackedPair, &[("pairs", &pair_names(d, &backed))]));
    }
    if nominated.is_empty() && backed.is_empty() {
        m.p("", Msg::NoPair.text(lang));
    }
    let dpr_row = d.dpr.as_ref().and_then(|r| r.row(p.number).map(|row| (r, row)));
    if p.scope == Scope::Aceh {
        m.p("", Msg::NoDpr.text(lang));
    } else if let Some((r, row)) = dpr_row {
        let votes = format_int(lang, row.votes as i64);
        let pct = format_percent(lang, share(row.votes, r.total_valid));
        let day = |d| format_day(lang, DateStyle::ShortDate, d);
        let vars = [
            ("votes", &*votes),
            ("share", &pct),
            ("votes_date", &day(r.votes_as_of)),
            ("seats", &row.seats.to_string()),
            ("seats_date", &day(r.as_of)),
        ];
        let line = tr(lang, Msg::DprLine, &vars);
        let passed = tr(
            lang,
            if r.passed(row) { Msg::Passed } else { Msg::NotPassed },
            &[("threshold", &format_percent_short(lang, r.threshold_percent))],
        );
        m.p("", &then(line, &passed));
    }
    if let Some(note) = &p.note {
        m.open("p", &[("class", "pw-note")]).el("strong", &[], &[Msg::Note.text(lang), ": "].concat()).text(note.get(lang)).close("p");
    }
    m.open("p", &[("class", "pw-links")]).link(&p.source, Msg::PartySource.text(lang));
    for (i, s) in p.note_sources.iter().enumerate() {
        m.link(s, &then(Msg::Note.text(lang).into(), &(i + 1).to_string()));
    }
    if let Some((r, _)) = dpr_row {
        m.link(&r.votes_source, Msg::ResultSource.text(lang));
    }
    m.close("p").close("div");
}

/// The pairs with equal weight, in one structure: number, names, nominating parties, and unless
/// `brief` (the parties tab of a file without a party list), supporters, result and sources.
fn pair_cards(d: &PartyData, lang: Lang, brief: bool) -> Html {
    let mut m = Markup::default();
    if brief {
        m.p("", Msg::NoPartyList.text(lang));
    }
    m.open("ul", &[("class", "pw-pairs")]);
    for pair in &d.pairs {
        m.open("li", &[("class", "pw-pair")]);
        badge(&mut m, lang, &pair_no(pair.number));
        m.open("div", &[]).el("h3", &[("class", "pw-pair-names")], &pair_label(pair));
        m.p("", &nominating_line(d, lang, pair));
        if brief {
            m.close("div").close("li");
            continue;
        }
        if !pair.supporters.is_empty() {
            let mut line = tr(lang, Msg::OtherSupporters, &[("parties", &party_names(d, &pair.supporters))]);
            if let Some(n) = &pair.supporters_note {
                line = then(line, n.get(lang));
            }
            m.p("", &line);
        }
        let result =
            d.pair_result.as_ref().and_then(|r| r.votes.iter().find(|(n, _)| *n == pair.number).map(|(_, v)| (*v, r.total_valid, r.as_of)));
        if let Some((votes, total, as_of)) = result {
            let vars = [
                ("votes", &*format_int(lang, votes as i64)),
                ("share", &format_percent(lang, share(votes, total))),
                ("date", &format_day(lang, DateStyle::ShortDate, as_of)),
            ];
            m.p("", &tr(lang, Msg::PairResult, &vars));
        }
        m.open("p", &[("class", "pw-links")]).link(&pair.source, Msg::PairSource.text(lang));
        if let Some(s) = &pair.number_source {
            m.link(s, Msg::PartySource.text(lang));
        }
        for (i, s) in pair.supporters_sources.iter().enumerate() {
            m.link(s, &then(Msg::Source.text(lang).into(), &(i + 2).to_string()));
        }
        m.close("p").close("div").close("li");
    }
    m.close("ul");
    m.into_html()
}

/// A results table's caption and column headers, inside its own scrolling region (at large text
/// sizes a table may be wider than the article: it scrolls there, labelled by its caption and
/// reachable by keyboard, never the page); its rows follow (`row`), then [`close_table`].
fn open_table(m: &mut Markup, id: &str, caption: &str, cols: &[&str]) {
    m.open("div", &[("class", "pw-scroll"), ("role", "region"), ("tabindex", "0"), ("aria-labelledby", id)]);
    m.open("table", &[("class", "pw-table")]).el("caption", &[("id", id)], caption).open("thead", &[]).open("tr", &[]);
    for (i, c) in cols.iter().enumerate() {
        m.el("th", &[("scope", "col"), ("class", if i == 0 { "" } else { "pw-num-col" })], c);
    }
    m.close("tr").close("thead").open("tbody", &[]);
}

fn close_table(m: &mut Markup) {
    m.close("tbody").close("table").close("div");
}

/// A table row: its header, a mark if the party passed, and the figures, the second (the share)
/// with its bar out of `max`.
fn row(m: &mut Markup, head: &str, cells: &[&str], bar: f64, max: &str, passed: bool, lang: Lang) {
    m.open("tr", &[("class", if passed { "pw-pass" } else { "" })]).open("th", &[("scope", "row")]).text(head);
    if passed {
        m.open("span", &[("class", "pw-tag")])
            .el("span", &[("aria-hidden", "true")], "\u{2713}")
            .el("span", &[("class", "pw-sr")], Msg::PassedMark.text(lang))
            .close("span");
    }
    m.close("th");
    for (i, c) in cells.iter().enumerate() {
        m.open("td", &[("class", if i == 1 { "pw-num-col pw-share" } else { "pw-num-col" })]).text(c);
        if i == 1 {
            m.open("meter", &[("class", "pw-bar"), ("aria-hidden", "true"), ("min", "0"), ("max", max), ("value", &hundredths(bar))])
                .close("meter");
        }
        m.close("td");
    }
    m.close("tr");
}

fn results(m: &mut Markup, d: &PartyData, lang: Lang, by_votes: bool) {
    let cols = [Msg::ColVotes.text(lang), Msg::ColShare.text(lang)];
    if let Some(r) = &d.pair_result {
        let max = hundredths(r.votes.iter().map(|(_, v)| share(*v, r.total_valid)).fold(0.0, f64::max));
        let office = [Msg::OfficePresident, Msg::OfficeGovernor, Msg::OfficeRegent, Msg::OfficeMayor][d.office as usize];
        let mut caption = tr(
            lang,
            Msg::ResultCaption,
            &[
                ("office", office.text(lang)),
                ("by", r.set_by.as_deref().unwrap_or("KPU")),
                ("date", &format_day(lang, DateStyle::ShortDate, r.as_of)),
            ],
        );
        if let Some(dec) = &r.decree {
            caption = [caption.as_str(), " (", dec, ")"].concat();
        }
        m.open("div", &[("class", "pw-result pw-pres")]);
        open_table(m, "pw-cap-pairs", &caption, &[Msg::ColPair.text(lang), cols[0], cols[1]]);
        for (n, v) in &r.votes {
            let s = share(*v, r.total_valid);
            let name = d.pair(*n).map(pair_label).unwrap_or_default();
            row(m, &then(pair_no(*n), &name), &[&format_int(lang, *v as i64), &format_percent(lang, s)], s, &max, false, lang);
        }
        close_table(m);
        let mut note = tr(lang, Msg::TotalValid, &[("votes", &format_int(lang, r.total_valid as i64))]);
        if let Some((bad, cast)) = r.invalid {
            note = then(
                note,
                &tr(lang, Msg::InvalidVotes, &[("invalid", &format_int(lang, bad as i64)), ("cast", &format_int(lang, cast as i64))]),
            );
        }
        if let Some(t) = r.turnout_percent {
            // Computed from registered voters when the file has no published figure: say so.
            let (msg, voters) = if r.turnout_voters > 0 {
                (Msg::TurnoutComputed, format_int(lang, r.turnout_voters as i64))
            } else {
                (Msg::Turnout, String::new())
            };
            note = then(note, &tr(lang, msg, &[("share", &format_percent(lang, t)), ("voters", &voters)]));
        }
        if let Some(c) = &r.confirmed_by {
            note = then(note, c.get(lang));
        }
        m.p("pw-small", &note).open("p", &[("class", "pw-links")]).link(&r.source, Msg::ResultSource.text(lang));
        if let Some(s) = &r.turnout_source {
            m.link(s, Msg::TurnoutSource.text(lang));
        }
        if let Some(s) = &r.confirmed_source {
            m.link(s, Msg::ConfirmedSource.text(lang));
        }
        m.close("p").close("div");
    }
    if let Some(r) = &d.dpr {
        let mut rows: Vec<_> = r.rows.iter().collect();
        if by_votes {
            sort_small(&mut rows, |row| std::cmp::Reverse(row.votes));
        }
        let max = hundredths(r.max_share());
        let caption = tr(
            lang,
            Msg::DprCaption,
            &[
                ("votes_date", &format_day(lang, DateStyle::ShortDate, r.votes_as_of)),
                ("seats_date", &format_day(lang, DateStyle::ShortDate, r.as_of)),
            ],
        );
        let threshold_votes = (r.total_valid as f64 * r.threshold_percent / 100.0).ceil() as i64;
        let passed = r.rows.iter().filter(|row| r.passed(row)).count();
        m.open("div", &[("class", "pw-result pw-dpr")]);
        open_table(m, "pw-cap-dpr", &caption, &[Msg::ColParty.text(lang), cols[0], cols[1], Msg::ColSeats.text(lang)]);
        for x in rows {
            let s = share(x.votes, r.total_valid);
            let name = d.party(x.party).map(|p| p.abbr.as_str()).unwrap_or_default();
            let cells = [&*format_int(lang, x.votes as i64), &format_percent(lang, s), &x.seats.to_string()];
            row(m, &then(x.party.to_string(), name), &cells, s, &max, r.passed(x), lang);
        }
        close_table(m);
        // No published figure matches the stored total: the widget says it computed the threshold.
        let note = tr(
            lang,
            Msg::ThresholdNote,
            &[
                ("threshold", &format_percent_short(lang, r.threshold_percent)),
                ("total", &format_int(lang, r.total_valid as i64)),
                ("votes", &format_int(lang, threshold_votes)),
                ("passed", &passed.to_string()),
            ],
        );
        let decrees: Vec<&str> = [&r.votes_decree, &r.seats_decree].into_iter().flatten().map(String::as_str).collect();
        m.p("pw-small", &then(note, &decrees.join("; ")))
            .open("p", &[("class", "pw-links")])
            .link(&r.votes_source, Msg::ResultSource.text(lang));
        if let Some(s) = &r.seats_source {
            m.link(s, Msg::SeatsSource.text(lang));
        }
        if let Some(s) = &r.threshold_source {
            m.link(s, Msg::ThresholdSource.text(lang));
        }
        m.close("p").close("div");
    }
    if d.pair_result.is_none() && d.dpr.is_none() {
        m.p("", Msg::NoResults.text(lang));
    }
}

/// A button for the delegated listener: `act` names what it does; `focus` marks it to receive
/// keyboard focus once the markup is replaced.
fn button<'m>(m: &'m mut Markup, attrs: &[(&str, &str)], act: &str, focus: bool) -> &'m mut Markup {
    let mut all = vec![("type", "button")];
    all.extend_from_slice(attrs);
    all.push(("data-act", act));
    if focus {
        all.push(("data-focus", ""));
    }
    m.open("button", &all)
}

/// The rows of the parties list, each a button that opens the party's details in place, and
/// "Show all" when the list is cut short.
fn rows(lang: Lang, d: &PartyData, view: &Choices, list: &[&Party]) -> Html {
    let mut m = Markup::default();
    if list.is_empty() {
        m.p("pw-empty", Msg::NoParty.text(lang));
    }
    m.open("ul", &[("class", "pw-plist")]);
    let shown = &list[..view.shown(list.len())];
    for (i, p) in shown.iter().enumerate() {
        let expanded = view.open == Some(p.number);
        let focus = match view.mark {
            Focus::Row(n) => n == p.number,
            Focus::FirstNew => i == view.limit(),
            _ => false,
        };
        let n = p.number.to_string();
        m.open("li", &[]);
        button(
            &mut m,
            &[
                ("class", "pw-prow"),
                ("aria-expanded", if expanded { "true" } else { "false" }),
                ("aria-controls", &["pw-pd-", &n].concat()),
            ],
            &["p", &n].concat(),
            focus,
        );
        badge(&mut m, lang, &n);
        m.open("span", &[("class", "pw-pname")]).el("strong", &[], &p.abbr).el("span", &[("class", "pw-pfull")], &p.name).close("span");
        m.el("span", &[("class", "pw-chev"), ("aria-hidden", "true")], "").close("button");
        if expanded {
            party_details(&mut m, d, lang, p);
        }
        m.close("li");
    }
    m.close("ul");
    if shown.len() < list.len() {
        button(&mut m, &[("class", "pw-btn pw-more")], "m", false)
            .text(&tr(lang, Msg::ShowAll, &[("total", &list.len().to_string())]))
            .close("button");
    }
    m.into_html()
}

/// A filter: the `<select>` stays a Yew node (it keeps focus while the reader chooses; only its
/// options are replaced), served by the module's delegated `change` listener through `data-f`.
fn select(label: Msg, lang: Lang, field: &'static str, options: Markup) -> Html {
    html! {
        <label class="pw-field"><span>{ label.text(lang) }</span>
            <select data-f={field}>{ options.into_html() }</select>
        </label>
    }
}

/// One `<option>` of a filter.
fn option(m: &mut Markup, value: &str, text: &str, selected: bool) {
    if selected {
        m.el("option", &[("value", value), ("selected", "selected")], text);
    } else {
        m.el("option", &[("value", value)], text);
    }
}

#[function_component(Parties)]
pub fn parties(props: &PartiesProps) -> Html {
    let PartiesProps { data: d, lang } = props.clone();
    let view = use_reducer(Choices::default);
    let act = view.dispatcher().to_callback();
    // The tabs in order (`Tab as usize`); the results tab only when there are results.
    let tabs = &TABS[..if d.has_results() { 3 } else { 2 }];
    // A re-configured dataset may have no results: fall back to the parties tab.
    let current = if view.tab == Tab::Results && !d.has_results() { Tab::Parties } else { view.tab };

    // One delegated handler for the module: the buttons in the markup (tabs, rows, "Show all",
    // the order), the tabs' arrow keys, Home and End (the ARIA tabs pattern, with roving
    // tabindex), the filters (`data-f` on each `<select>`) and the search field.
    let handler = {
        let (act, n) = (act.clone(), tabs.len());
        Callback::from(move |e: Event| {
            let kind = e.type_();
            if kind == "click" {
                let Some(a) = target_attr(&e, "data-act") else { return };
                let i = parse_u64(a.get(1..).unwrap_or_default()).and_then(|i| u8::try_from(i).ok()).unwrap_or(0);
                act.emit(match a.as_bytes().first() {
                    Some(b't') if usize::from(i) < n => Change::Tab(TABS[usize::from(i)].0),
                    Some(b'p') => Change::Toggle(i),
                    Some(b'm') => Change::ShowAll,
                    Some(b'o') => Change::DprOrder,
                    _ => return,
                });
            } else if kind == "keydown" {
                if !target_attr(&e, "data-act").is_some_and(|a| a.starts_with('t')) {
                    return;
                }
                let k = e.unchecked_ref::<KeyboardEvent>();
                let i = current as usize;
                let next = match k.key().as_str() {
                    "ArrowRight" => (i + 1) % n,
                    "ArrowLeft" => (i + n - 1) % n,
                    "Home" => 0,
                    "End" => n - 1,
                    _ => return,
                };
                e.prevent_default();
                act.emit(Change::Tab(TABS[next].0));
            } else if let Some(f) = target_attr(&e, "data-f") {
                // The search field answers `input`, the selects `change` (they fire both).
                if (f == "q") != (kind == "input") {
                    return;
                }
                // `value` of the `<input>` or `<select>` alike.
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                act.emit(match f.as_str() {
                    "q" => Change::Query(v),
                    "s" => Change::Scope(match v.as_str() {
                        "national" => Some(Scope::National),
                        "aceh" => Some(Scope::Aceh),
                        _ => None,
                    }),
                    "p" => Change::Pair(parse_u64(&v).and_then(|n| u8::try_from(n).ok())),
                    _ => Change::Sort(match v.as_str() {
                        "name" => SortBy::Name,
                        "votes" => SortBy::Votes,
                        _ => SortBy::Number,
                    }),
                })
            }
        })
    };
    // The markup is replaced whenever it changes, so the control the reader used is re-created:
    // focus moves to the element marked for it (the toggled row, the first row "Show all"
    // revealed, the selected tab, the order button).
    // The threshold line's position on the DPR bars, as a share of the longest bar.
    let threshold = d.dpr.as_ref().map(|r| (r.threshold_percent * 100.0, r.max_share())).filter(|(_, max)| *max > 0.0);
    let var = threshold.map(|(t, max)| ("--pw-threshold", [hundredths(t / max), "%".into()].concat()));
    let root = use_module_root(&["click", "keydown", "change", "input"], handler, view.focus, var);

    // Without parties and pairs there is nothing to show; a file with pairs but no party list (a
    // Pilkada) gets the same tabs, its parties tab naming each pair's nominating parties.
    if d.parties.is_empty() && d.pairs.is_empty() {
        let mut m = Markup::default();
        m.open("div", &[("class", "pw-parties")]).el("h2", &[("class", "pw-title")], Msg::ModuleParties.text(lang));
        m.p("", Msg::NoPartyData.text(lang)).close("div");
        return m.into_html();
    }

    let title = Msg::ModuleParties.text(lang);
    let mut head = Markup::default();
    head.el("h2", &[("class", "pw-title")], title).open("div", &[("class", "pw-tabs"), ("role", "tablist"), ("aria-label", title)]);
    for (i, (t, label, id)) in tabs.iter().enumerate() {
        let selected = current == *t;
        let (s, index) = if selected { ("true", "0") } else { ("false", "-1") };
        button(
            &mut head,
            &[("role", "tab"), ("id", id), ("aria-selected", s), ("aria-controls", "pw-tabpanel"), ("tabindex", index)],
            ["t0", "t1", "t2"][i],
            selected && view.mark == Focus::Tab,
        )
        .text(label.text(lang))
        .close("button");
    }
    head.close("div");

    let panel = match current {
        Tab::Parties if d.parties.is_empty() => pair_cards(&d, lang, true),
        Tab::Parties => {
            let list = d.view(&view.query, view.filter, view.sort);
            let total = d.parties.len();
            let (f, mut scopes, mut pairs, mut sorts) = (view.filter, Markup::default(), Markup::default(), Markup::default());
            for (v, text, scope) in [
                ("", Msg::ScopeAll, None),
                ("national", Msg::ScopeNational, Some(Scope::National)),
                ("aceh", Msg::ScopeAceh, Some(Scope::Aceh)),
            ] {
                option(&mut scopes, v, text.text(lang), f.scope == scope);
            }
            option(&mut pairs, "", Msg::PairAll.text(lang), f.pair.is_none());
            for p in &d.pairs {
                let label = tr(lang, Msg::PairOption, &[("number", &pair_no(p.number))]);
                option(&mut pairs, &p.number.to_string(), &label, f.pair == Some(p.number));
            }
            for (v, text, by) in [
                ("number", Msg::SortNumber, SortBy::Number),
                ("name", Msg::SortName, SortBy::Name),
                ("votes", Msg::SortVotes, SortBy::Votes),
            ] {
                if by != SortBy::Votes || d.dpr.is_some() {
                    option(&mut sorts, v, text.text(lang), view.sort == by);
                }
            }
            html! {
                <>
                    <div class="pw-controls">
                        <label class="pw-field pw-search"><span>{ Msg::SearchLabel.text(lang) }</span>
                            <input type="search" data-f="q" value={view.query.clone()} placeholder={Msg::SearchHint.text(lang)} autocomplete="off" spellcheck="false" />
                        </label>
                        { select(Msg::ScopeLabel, lang, "s", scopes) }
                        { select(Msg::PairLabel, lang, "p", pairs) }
                        { select(Msg::SortLabel, lang, "o", sorts) }
                    </div>
                    <p class="pw-count" role="status">{ tr(lang, Msg::PartyCount, &[("count", &list.len().to_string()), ("total", &total.to_string())]) }</p>
                    { rows(lang, &d, &view, &list) }
                </>
            }
        }
        Tab::Pairs => pair_cards(&d, lang, false),
        Tab::Results => {
            let mut m = Markup::default();
            m.open("div", &[]);
            if d.dpr.is_some() {
                let label = if view.dpr_by_votes { Msg::SortTableNumber } else { Msg::SortTableVotes };
                button(&mut m, &[("class", "pw-btn pw-btn-quiet")], "o", view.mark == Focus::Order).text(label.text(lang)).close("button");
            }
            results(&mut m, &d, lang, view.dpr_by_votes);
            m.close("div");
            m.into_html()
        }
    };

    html! {
        <div class="pw-parties" ref={root}>
            { head.into_html() }
            <div class="pw-tabpanel" id="pw-tabpanel" role="tabpanel" aria-labelledby={TABS[current as usize].2}>{ panel }</div>
            // Every fact here dates from the file's check: say when that was.
            if let Some(d) = d.as_of {
                <p class="pw-asof">{ tr(lang, Msg::AsOf, &[("date", &format_day(lang, DateStyle::ShortDate, d))]) }</p>
            }
        </div>
    }
}
