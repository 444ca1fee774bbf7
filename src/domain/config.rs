//! Attribute strings → one typed [`Config`] plus the list of invalid values.
//!
//! The same parser serves `data-*` attributes, `PemiluWidget.mount` options and the iframe's
//! query parameters: each source is turned into a lookup `Attr → Option<String>` first.

use crate::domain::contract::{Attr, Module};
use crate::domain::i18n::{tr, Lang, Msg};
use crate::domain::num::parse_i64;
use crate::domain::time::{DateTimeOffset, Zone, ZoneChoice};

/// Colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    /// The value used in the markup (`data-theme` inside the shadow root).
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// An attribute whose value could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// Which attribute.
    pub attr: Attr,
    /// The value as written.
    pub value: String,
}

impl ConfigError {
    /// The reader-visible, translated message naming the attribute and quoting the value.
    pub fn message(&self, lang: Lang) -> String {
        let value: String = self.value.chars().take(80).collect();
        let hint = hint(self.attr).text(lang);
        tr(lang, Msg::InvalidAttribute, &[("attr", self.attr.name()), ("value", &value), ("hint", hint)])
    }
}

/// The one-line hint shown after an invalid value of `attr`.
fn hint(attr: Attr) -> Msg {
    match attr {
        Attr::Lang => Msg::HintLang,
        Attr::Modules => Msg::HintModules,
        Attr::Theme => Msg::HintTheme,
        Attr::Accent => Msg::HintAccent,
        Attr::Timezone => Msg::HintTimezone,
        Attr::ElectionDate => Msg::HintElectionDate,
        Attr::ElectionName => Msg::HintElectionName,
        Attr::DataSrc | Attr::QuizSrc => Msg::HintSrc,
        Attr::QuizCount => Msg::HintQuizCount,
        Attr::Seed => Msg::HintSeed,
        Attr::Now => Msg::HintNow,
        Attr::ShareUrl => Msg::HintShareUrl,
    }
}

/// Longest `data-election-name` accepted.
pub const MAX_NAME_CHARS: usize = 120;
/// Default questions per quiz round.
pub const DEFAULT_QUIZ_COUNT: u8 = 10;

/// One widget's configuration. Built once per mount; invalid values fall back to defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub lang: Lang,
    pub modules: Vec<Module>,
    pub theme: Theme,
    /// A CSS colour, validated.
    pub accent: Option<String>,
    pub timezone: ZoneChoice,
    pub election_date: Option<DateTimeOffset>,
    pub election_name: Option<String>,
    pub data_src: Option<String>,
    pub quiz_src: Option<String>,
    pub quiz_count: u8,
    pub seed: Option<i64>,
    /// Frozen clock, in milliseconds since the epoch.
    pub now: Option<i64>,
    /// The absolute `http(s)` URL the quiz's Share links to (default: the article's, found by
    /// the browser layer).
    pub share_url: Option<String>,
    /// Values that could not be used, in attribute order.
    pub errors: Vec<ConfigError>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: Lang::Id,
            modules: Module::DEFAULT.to_vec(),
            theme: Theme::Auto,
            accent: None,
            timezone: ZoneChoice::Auto,
            election_date: None,
            election_name: None,
            data_src: None,
            quiz_src: None,
            quiz_count: DEFAULT_QUIZ_COUNT,
            seed: None,
            now: None,
            share_url: None,
            errors: Vec::new(),
        }
    }
}

impl Config {
    /// Parses every attribute through `get`. `is_css_color` confirms a syntactically plausible
    /// colour (the browser's `CSS.supports("color", v)`); the parser itself refuses anything that
    /// could escape a custom property value.
    pub fn parse(get: impl Fn(Attr) -> Option<String>, is_css_color: impl Fn(&str) -> bool) -> Config {
        let mut c = Config::default();
        for attr in Attr::ALL {
            let Some(raw) = get(attr) else { continue };
            let v = raw.trim();
            let ok = match attr {
                Attr::Lang => Lang::parse(v).map(|l| c.lang = l).is_some(),
                Attr::Modules => {
                    parse_modules(v).map(|(m, all_known)| {
                        c.modules = m;
                        all_known
                    }) == Some(true)
                }
                Attr::Theme => match v.to_ascii_lowercase().as_str() {
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    "auto" => Some(Theme::Auto),
                    _ => None,
                }
                .map(|t| c.theme = t)
                .is_some(),
                Attr::Accent => (plausible_color(v) && is_css_color(v)).then(|| c.accent = Some(v.to_string())).is_some(),
                Attr::Timezone => {
                    let z = if v.eq_ignore_ascii_case("auto") { Some(ZoneChoice::Auto) } else { Zone::parse(v).map(ZoneChoice::Fixed) };
                    z.map(|z| c.timezone = z).is_some()
                }
                Attr::ElectionDate => DateTimeOffset::parse(v).map(|d| c.election_date = Some(d)).is_some(),
                Attr::ElectionName => {
                    let n: String = v.chars().filter(|ch| !ch.is_control()).collect();
                    if n.chars().count() > MAX_NAME_CHARS {
                        false
                    } else {
                        c.election_name = (!n.is_empty()).then_some(n);
                        true
                    }
                }
                Attr::DataSrc => valid_src(v).then(|| c.data_src = Some(v.to_string())).is_some(),
                Attr::QuizSrc => valid_src(v).then(|| c.quiz_src = Some(v.to_string())).is_some(),
                Attr::QuizCount => parse_i64(v).filter(|n| (1..=50).contains(n)).map(|n| c.quiz_count = n as u8).is_some(),
                Attr::Seed => parse_i64(v).map(|s| c.seed = Some(s)).is_some(),
                Attr::Now => DateTimeOffset::parse(v).map(|d| c.now = Some(d.instant_ms())).is_some(),
                Attr::ShareUrl => absolute_http(v).then(|| c.share_url = Some(v.to_string())).is_some(),
            };
            if !ok {
                c.errors.push(ConfigError { attr, value: raw });
            }
        }
        c
    }

    /// The errors that replace `module` by a message (all of them are shown), in attribute order.
    pub fn blocking(&self, module: Module) -> impl Iterator<Item = &ConfigError> {
        self.errors.iter().filter(move |e| e.attr.blocks().contains(&module))
    }

    /// Errors shown as a small notice: the widget went on with a default, or the value concerns
    /// only modules that are not displayed (every invalid value stays visible somewhere).
    pub fn notices(&self) -> impl Iterator<Item = &ConfigError> {
        self.errors.iter().filter(|e| e.attr.blocks().iter().all(|m| !self.modules.contains(m)))
    }
}

/// Parses a module list; returns the known modules (deduplicated, in the order written) and
/// whether every name was known. An empty or all-unknown list gives the default set.
fn parse_modules(v: &str) -> Option<(Vec<Module>, bool)> {
    let mut out = Vec::new();
    let mut all_known = true;
    for name in v.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match Module::ALL.into_iter().find(|m| m.name().eq_ignore_ascii_case(name)) {
            Some(m) if !out.contains(&m) => out.push(m),
            Some(_) => {}
            None => all_known = false,
        }
    }
    if out.is_empty() {
        return Some((Module::DEFAULT.to_vec(), false));
    }
    Some((out, all_known))
}

/// A colour value that cannot break out of a custom property: hex, a name, or one functional
/// notation (`rgb(…)`, `hsl(…)`, `oklch(…)` …) with only numbers, units and separators inside.
fn plausible_color(v: &str) -> bool {
    if v.is_empty() || v.len() > 64 {
        return false;
    }
    if let Some(hex) = v.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    if v.bytes().all(|b| b.is_ascii_alphabetic()) {
        return true;
    }
    let Some((func, rest)) = v.split_once('(') else { return false };
    let Some(args) = rest.strip_suffix(')') else { return false };
    const FUNCS: [&str; 10] = ["rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color"];
    FUNCS.iter().any(|f| f.eq_ignore_ascii_case(func)) && args.bytes().all(|b| b.is_ascii_alphanumeric() || b" .,%/+-".contains(&b))
}

/// An `http(s)` URL or a relative path, without whitespace or control characters.
/// An absolute `http(s)` URL (what a reader can open from a shared message). Byte comparisons:
/// no string search machinery in the Wasm.
fn absolute_http(v: &str) -> bool {
    let b = v.as_bytes();
    let scheme = |s: &[u8]| b.len() > s.len() && b[..s.len()].eq_ignore_ascii_case(s) && b[s.len()] != b'/';
    valid_src(v) && (scheme(b"https://") || scheme(b"http://"))
}

fn valid_src(v: &str) -> bool {
    if v.is_empty() || v.len() > 2048 || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    match v.split_once(':') {
        // A colon before any '/', '?' or '#' means a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> Config {
        let map: HashMap<&str, &str> = pairs.iter().copied().collect();
        Config::parse(|a| map.get(a.name()).map(|v| v.to_string()), |v| v != "notacolour")
    }

    fn error_attrs(c: &Config) -> Vec<&'static str> {
        c.errors.iter().map(|e| e.attr.name()).collect()
    }

    #[test]
    fn defaults_when_no_attribute_is_given() {
        let c = parse(&[]);
        assert_eq!(c, Config::default());
        assert_eq!(c.modules, vec![Module::Countdown, Module::Parties, Module::Quiz]);
        assert_eq!(c.quiz_count, 10);
        assert_eq!(c.timezone, ZoneChoice::Auto);
    }

    #[test]
    fn every_attribute_valid() {
        let c = parse(&[
            ("data-lang", "EN"),
            ("data-modules", "quiz, countdown"),
            ("data-theme", "dark"),
            ("data-accent", "#0a7"),
            ("data-timezone", "wita"),
            ("data-election-date", "2029-02-14T07:00:00+07:00"),
            ("data-election-name", "  Pemilu 2029  "),
            ("data-data-src", "/data/pemilu-2029.json"),
            ("data-quiz-src", "https://example.org/quiz.json"),
            ("data-quiz-count", "5"),
            ("data-seed", "-42"),
            ("data-now", "2024-02-14T06:59:59+07:00"),
            ("data-share-url", "https://news.example.id/2026/12/pemilu"),
        ]);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert_eq!(c.share_url.as_deref(), Some("https://news.example.id/2026/12/pemilu"));
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.modules, vec![Module::Quiz, Module::Countdown]);
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.accent.as_deref(), Some("#0a7"));
        assert_eq!(c.timezone, ZoneChoice::Fixed(Zone::Wita));
        assert_eq!(c.election_date.unwrap().instant_ms(), DateTimeOffset::parse("2029-02-14T00:00:00Z").unwrap().instant_ms());
        assert_eq!(c.election_name.as_deref(), Some("Pemilu 2029"));
        assert_eq!(c.data_src.as_deref(), Some("/data/pemilu-2029.json"));
        assert_eq!(c.quiz_src.as_deref(), Some("https://example.org/quiz.json"));
        assert_eq!(c.quiz_count, 5);
        assert_eq!(c.seed, Some(-42));
        assert_eq!(c.now, Some(1_707_868_799_000));
    }

    #[test]
    fn each_invalid_value_is_reported_and_defaulted() {
        let cases: &[(&str, &str)] = &[
            ("data-lang", "fr"),
            ("data-modules", "countdown,weather"),
            ("data-theme", "sepia"),
            ("data-accent", "red;background:url(x)"),
            ("data-accent", "notacolour"),
            ("data-accent", "var(--x)"),
            ("data-timezone", "UTC+7"),
            ("data-election-date", "14/02/2029"),
            ("data-election-date", "2029-02-14T07:00:00"),
            ("data-election-name", &"x".repeat(121)),
            ("data-data-src", "javascript:alert(1)"),
            ("data-data-src", "data.json with space"),
            ("data-quiz-src", "ftp://example.org/q.json"),
            ("data-quiz-count", "0"),
            ("data-quiz-count", "51"),
            ("data-quiz-count", "abc"),
            ("data-quiz-count", "5.5"),
            ("data-seed", "12a"),
            ("data-seed", ""),
            ("data-now", "yesterday"),
            ("data-share-url", "/relative/article"),
            ("data-share-url", "javascript:alert(1)"),
            ("data-share-url", "https:///nohost"),
            ("data-share-url", "//news.example.id/a"),
        ];
        for (attr, value) in cases {
            let c = parse(&[(attr, value)]);
            assert_eq!(error_attrs(&c), vec![*attr], "{attr}={value}");
            assert_eq!(c.errors[0].value, *value);
            let defaults = Config { errors: c.errors.clone(), modules: c.modules.clone(), ..Config::default() };
            assert_eq!(c, defaults, "{attr}={value} must fall back to defaults");
        }
    }

    #[test]
    fn the_guide_is_a_module_but_not_a_default_one() {
        let c = parse(&[("data-modules", "Guide, countdown")]);
        assert_eq!(c.modules, vec![Module::Guide, Module::Countdown]);
        assert!(c.errors.is_empty());
        assert!(!parse(&[]).modules.contains(&Module::Guide));
    }

    #[test]
    fn unknown_module_keeps_the_known_ones() {
        let c = parse(&[("data-modules", "countdown,weather,countdown")]);
        assert_eq!(c.modules, vec![Module::Countdown]);
        assert_eq!(error_attrs(&c), vec!["data-modules"]);
        let c = parse(&[("data-modules", "weather")]);
        assert_eq!(c.modules, Module::DEFAULT.to_vec());
        assert_eq!(error_attrs(&c), vec!["data-modules"]);
    }

    #[test]
    fn empty_name_means_default_and_controls_are_dropped() {
        assert_eq!(parse(&[("data-election-name", "   ")]).election_name, None);
        assert_eq!(parse(&[("data-election-name", "A\u{0007}B")]).election_name.as_deref(), Some("AB"));
    }

    #[test]
    fn accents() {
        for ok in ["#b3261e", "#B3261E80", "rebeccapurple", "rgb(10 20 30 / 50%)", "hsl(120deg, 50%, 40%)", "oklch(0.6 0.2 30)"] {
            assert!(parse(&[("data-accent", ok)]).errors.is_empty(), "{ok}");
        }
        for bad in ["#12", "#ggg", "url(x)", "rgb(1,2,3);x", "rgb(1,2,3", "red blue", "expression(alert(1))", ""] {
            assert_eq!(parse(&[("data-accent", bad)]).errors.len(), 1, "{bad}");
        }
    }

    #[test]
    fn sources() {
        for ok in ["data.json", "/a/b.json?v=2", "https://cdn.example.id/p.json", "HTTP://x.id/a", "../d.json#x", "//cdn.example.id/x.json"]
        {
            assert!(valid_src(ok), "{ok}");
        }
        for bad in ["", "javascript:alert(1)", "data:application/json,{}", "file:///etc/passwd", "a b", "x\ny"] {
            assert!(!valid_src(bad), "{bad}");
        }
    }

    #[test]
    fn every_blocking_error_is_listed_not_only_the_first() {
        let c = parse(&[("data-timezone", "UTC"), ("data-now", "yesterday")]);
        let attrs: Vec<&str> = c.blocking(Module::Countdown).map(|e| e.attr.name()).collect();
        assert_eq!(attrs, vec!["data-timezone", "data-now"]);
    }

    #[test]
    fn which_errors_block_which_modules() {
        let c = parse(&[("data-timezone", "Mars"), ("data-quiz-src", "ftp://x"), ("data-lang", "xx"), ("data-seed", "s")]);
        assert_eq!(c.blocking(Module::Countdown).next().map(|e| e.attr), Some(Attr::Timezone));
        assert_eq!(c.blocking(Module::Quiz).next().map(|e| e.attr), Some(Attr::QuizSrc));
        assert_eq!(c.blocking(Module::Parties).next(), None);
        let notices: Vec<_> = c.notices().map(|e| e.attr).collect();
        assert_eq!(notices, vec![Attr::Lang, Attr::Seed]);
        // A value for a module that is not displayed is still shown, as a notice.
        let c = parse(&[("data-modules", "countdown"), ("data-quiz-src", "ftp://x")]);
        assert_eq!(c.notices().map(|e| e.attr).collect::<Vec<_>>(), vec![Attr::QuizSrc]);
        let c = parse(&[("data-data-src", "javascript:x")]);
        assert!(c.blocking(Module::Countdown).next().is_some() && c.blocking(Module::Parties).next().is_some());
        assert!(c.blocking(Module::Quiz).next().is_none());
    }

    #[test]
    fn messages_name_the_attribute_and_quote_the_value_in_both_languages() {
        let c = parse(&[("data-quiz-count", "banyak")]);
        let id = c.errors[0].message(Lang::Id);
        let en = c.errors[0].message(Lang::En);
        assert!(id.contains("data-quiz-count") && id.contains("\u{201c}banyak\u{201d}") && id.contains("1\u{2013}50"), "{id}");
        assert!(en.contains("data-quiz-count") && en.contains("\u{201c}banyak\u{201d}") && en.contains("1 to 50"), "{en}");
        assert_ne!(id, en);
    }

    #[test]
    fn names_params_and_option_keys() {
        assert_eq!(Attr::QuizCount.param(), "quiz-count");
        assert_eq!(Attr::QuizCount.option_key(), "quizCount");
        assert_eq!(Attr::DataSrc.option_key(), "dataSrc");
        assert_eq!(Attr::Lang.option_key(), "lang");
        assert_eq!(Attr::ShareUrl.option_key(), "shareUrl");
        for a in Attr::ALL {
            assert!(a.name().starts_with("data-"));
            assert!(!a.option_key().contains('-'));
        }
    }
}
