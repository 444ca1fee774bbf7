//! The public contract, defined once: module names, attribute names (and their iframe parameter
//! and `mount()` option forms), `pemilu:*` events with their details, and error codes. The JS
//! files and the README are checked against these lists by this module's tests.

use crate::domain::i18n::{Lang, Msg};

/// A widget module, in the order the reader sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Module {
    /// Countdown to voting day and the election timeline.
    Countdown,
    /// Parties and candidate pairs.
    Parties,
    /// The "is this a hoax?" quiz.
    Quiz,
    /// The voter's guide from the dataset (not shown unless asked for).
    Guide,
}

impl Module {
    /// Every module a widget can show.
    pub const ALL: [Module; 4] = [Module::Countdown, Module::Parties, Module::Quiz, Module::Guide];
    /// The modules a widget shows when `data-modules` names none, in display order.
    pub const DEFAULT: [Module; 3] = [Module::Countdown, Module::Parties, Module::Quiz];

    /// The name used in `data-modules` and in event details.
    pub fn name(self) -> &'static str {
        match self {
            Module::Countdown => "countdown",
            Module::Parties => "parties",
            Module::Quiz => "quiz",
            Module::Guide => "guide",
        }
    }

    /// The module's reader-visible title.
    pub fn title(self) -> Msg {
        match self {
            Module::Countdown => Msg::ModuleCountdown,
            Module::Parties => Msg::ModuleParties,
            Module::Quiz => Msg::ModuleQuiz,
            Module::Guide => Msg::ModuleGuide,
        }
    }
}

/// Every configuration attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Attr {
    Lang,
    Modules,
    Theme,
    Accent,
    Timezone,
    ElectionDate,
    ElectionName,
    DataSrc,
    QuizSrc,
    QuizCount,
    Seed,
    Now,
    ShareUrl,
}

impl Attr {
    /// Every attribute.
    pub const ALL: [Attr; 13] = [
        Attr::Lang,
        Attr::Modules,
        Attr::Theme,
        Attr::Accent,
        Attr::Timezone,
        Attr::ElectionDate,
        Attr::ElectionName,
        Attr::DataSrc,
        Attr::QuizSrc,
        Attr::QuizCount,
        Attr::Seed,
        Attr::Now,
        Attr::ShareUrl,
    ];

    /// The attribute as written in a page, e.g. `data-quiz-count`.
    pub fn name(self) -> &'static str {
        match self {
            Attr::Lang => "data-lang",
            Attr::Modules => "data-modules",
            Attr::Theme => "data-theme",
            Attr::Accent => "data-accent",
            Attr::Timezone => "data-timezone",
            Attr::ElectionDate => "data-election-date",
            Attr::ElectionName => "data-election-name",
            Attr::DataSrc => "data-data-src",
            Attr::QuizSrc => "data-quiz-src",
            Attr::QuizCount => "data-quiz-count",
            Attr::Seed => "data-seed",
            Attr::Now => "data-now",
            Attr::ShareUrl => "data-share-url",
        }
    }

    #[cfg(any(test, feature = "studio"))]
    /// The iframe query parameter: the attribute without `data-` (`quiz-count`).
    pub fn param(self) -> &'static str {
        &self.name()[5..]
    }

    #[cfg(any(test, feature = "studio"))]
    /// The `mount()` option key: the parameter in camelCase (`quizCount`).
    pub fn option_key(self) -> &'static str {
        match self {
            Attr::ElectionDate => "electionDate",
            Attr::ElectionName => "electionName",
            Attr::DataSrc => "dataSrc",
            Attr::QuizSrc => "quizSrc",
            Attr::QuizCount => "quizCount",
            Attr::ShareUrl => "shareUrl",
            other => other.param(),
        }
    }

    /// The modules this attribute's invalid value replaces by the message (none: a notice only).
    pub fn blocks(self) -> &'static [Module] {
        match self {
            Attr::Timezone | Attr::ElectionDate | Attr::Now => &[Module::Countdown],
            Attr::QuizSrc => &[Module::Quiz],
            Attr::DataSrc => &[Module::Countdown, Module::Parties, Module::Guide],
            _ => &[],
        }
    }
}

/// Every `pemilu:*` event the widget dispatches on its host element (bubbling and composed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventName {
    Ready,
    Error,
    QuizStart,
    QuizAnswer,
    QuizComplete,
}

impl EventName {
    /// Every event, in the README's order.
    #[cfg(test)]
    pub const ALL: [EventName; 5] =
        [EventName::Ready, EventName::Error, EventName::QuizStart, EventName::QuizAnswer, EventName::QuizComplete];

    /// The event's type, e.g. `pemilu:quiz-answer`.
    pub fn name(self) -> &'static str {
        match self {
            EventName::Ready => "pemilu:ready",
            EventName::Error => "pemilu:error",
            EventName::QuizStart => "pemilu:quiz-start",
            EventName::QuizAnswer => "pemilu:quiz-answer",
            EventName::QuizComplete => "pemilu:quiz-complete",
        }
    }
}

/// The `code` of a `pemilu:error` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// An attribute's value could not be used (`attribute` names it).
    InvalidAttribute,
    /// A file could not be fetched: network, HTTP status, CORS, time limit, cut-off download.
    DataFetchFailed,
    /// A file was fetched but is not a valid dataset or question bank.
    DataInvalid,
    /// The module can no longer run (raised by the entry script after a trap; listed here so
    /// that the tests hold the script to the same names).
    #[allow(dead_code)]
    Crashed,
    /// The browser cannot run the widget: no WebAssembly, or an engine that cannot compile the
    /// module (raised by the entry script; listed for the tests only, as the Wasm never runs there).
    #[cfg(test)]
    Unsupported,
}

impl ErrorCode {
    /// Every code.
    #[cfg(test)]
    pub const ALL: [ErrorCode; 5] =
        [ErrorCode::InvalidAttribute, ErrorCode::DataFetchFailed, ErrorCode::DataInvalid, ErrorCode::Crashed, ErrorCode::Unsupported];

    /// The code as it appears in the event's detail.
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::InvalidAttribute => "invalid-attribute",
            ErrorCode::DataFetchFailed => "data-fetch-failed",
            ErrorCode::DataInvalid => "data-invalid",
            ErrorCode::Crashed => "crashed",
            #[cfg(test)]
            ErrorCode::Unsupported => "unsupported",
        }
    }

    /// The code named by the file loader (web/pemilu-services.js); anything else is a fetch failure.
    pub fn of_loader(s: &str) -> ErrorCode {
        if s == ErrorCode::DataInvalid.name() {
            ErrorCode::DataInvalid
        } else {
            ErrorCode::DataFetchFailed
        }
    }
}

/// A `pemilu:*` event with its detail, as the domain decides it; the browser layer dispatches it.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The modules show real content: which ones, in which language.
    Ready { modules: Vec<Module>, lang: Lang },
    /// A problem, also visible in the widget.
    Error { code: ErrorCode, message: String, attribute: Option<Attr> },
    /// A new quiz round of `total` questions.
    QuizStart { total: usize },
    /// An answer: the item's id, `hoax` or `fact`, whether it was right, its 0-based index.
    QuizAnswer { id: String, answer: &'static str, correct: bool, index: usize, total: usize },
    /// The round's result.
    QuizComplete { score: usize, total: usize, hoaxes_caught: usize, hoaxes_total: usize, facts_trusted: usize, facts_total: usize },
}

impl Event {
    /// The event's type.
    pub fn name(&self) -> EventName {
        match self {
            Event::Ready { .. } => EventName::Ready,
            Event::Error { .. } => EventName::Error,
            Event::QuizStart { .. } => EventName::QuizStart,
            Event::QuizAnswer { .. } => EventName::QuizAnswer,
            Event::QuizComplete { .. } => EventName::QuizComplete,
        }
    }
}

#[cfg(test)]
mod tests {
    //! The JS files, the reserved-height table and the README hold the same names as this module:
    //! a name added, renamed or removed in one place and not the others fails here.
    use super::*;

    fn file(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The string literals of the JS array that follows `start` (e.g. `const ATTRS = [`).
    fn js_list(src: &str, start: &str) -> Vec<String> {
        let from = src.find(start).unwrap_or_else(|| panic!("no `{start}`")) + start.len();
        let body = &src[from..from + src[from..].find(']').unwrap()];
        body.split('"').skip(1).step_by(2).map(String::from).collect()
    }

    /// Every distinct match of `prefix` followed by `[a-z-]` characters, e.g. `pemilu:` names.
    fn words_after(src: &str, prefix: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, _) in src.match_indices(prefix) {
            let rest = &src[i + prefix.len()..];
            let w: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '-').collect();
            if !w.is_empty() && !out.contains(&w) {
                out.push(w);
            }
        }
        out
    }

    const WEB: [&str; 5] =
        ["web/pemilu-widget.js", "web/pemilu-frame.js", "web/pemilu-embed.js", "web/pemilu-services.js", "web/pemilu-runtime.js"];

    fn params() -> Vec<String> {
        Attr::ALL.iter().map(|a| a.param().to_string()).collect()
    }

    #[test]
    fn attribute_names_in_both_js_lists_are_the_rust_ones_in_order() {
        assert_eq!(js_list(&file("web/pemilu-widget.js"), "const ATTRS = ["), params());
        assert_eq!(js_list(&file("web/pemilu-frame.js"), "const names = ["), params());
        for a in Attr::ALL {
            assert_eq!(a.name(), ["data-", a.param()].concat());
            // The entry script turns an option key into the attribute: camelCase → kebab-case.
            let kebab: String = a
                .option_key()
                .chars()
                .flat_map(|c| if c.is_ascii_uppercase() { vec!['-', c.to_ascii_lowercase()] } else { vec![c] })
                .collect();
            assert_eq!(kebab, a.param());
        }
    }

    #[test]
    fn module_names_in_the_entry_script_and_the_reserved_heights_are_the_rust_ones() {
        let names: Vec<String> = Module::ALL.iter().map(|m| m.name().to_string()).collect();
        assert_eq!(js_list(&file("web/pemilu-widget.js"), "const MODULES = ["), names);
        // The entry script's default list is the first three.
        assert!(file("web/pemilu-widget.js").contains(&format!("DEFAULT_MODULES = MODULES.slice(0, {})", Module::DEFAULT.len())));
        assert_eq!(Module::DEFAULT, Module::ALL[..Module::DEFAULT.len()]);
        let reserve = file("scripts/reserve.mjs");
        let table = &reserve[reserve.find("export const MODULES = {").unwrap()..];
        let table = &table[..table.find("\n};").unwrap()];
        let keys: Vec<String> =
            table.lines().filter_map(|l| l.trim().split_once(": {").map(|(k, _)| k.to_string())).filter(|k| !k.starts_with("//")).collect();
        assert_eq!(keys, names);
    }

    #[test]
    fn every_event_the_js_names_is_a_rust_event_and_the_frame_relays_them_all() {
        let names: Vec<String> = EventName::ALL.iter().map(|e| e.name()["pemilu:".len()..].to_string()).collect();
        for f in WEB {
            for w in words_after(&file(f), "pemilu:") {
                assert!(names.contains(&w), "{f} names pemilu:{w}, which src/domain/contract.rs does not define");
            }
        }
        let relayed = js_list(&file("web/pemilu-frame.js"), "for (const name of [");
        let all: Vec<&str> = EventName::ALL.iter().map(|e| e.name()).collect();
        assert_eq!(relayed, all, "the iframe relays every event");
    }

    #[test]
    fn every_error_code_the_js_raises_is_a_rust_code() {
        let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.name()).collect();
        let mut raised = Vec::new();
        for f in WEB {
            for w in words_after(&file(f), "code: \"") {
                assert!(codes.contains(&w.as_str()), "{f} raises code {w}");
                raised.push(w);
            }
        }
        // The loader and the entry script raise these three; the Wasm raises invalid-attribute.
        for c in [ErrorCode::DataFetchFailed, ErrorCode::DataInvalid, ErrorCode::Crashed] {
            assert!(raised.iter().any(|r| r == c.name()), "no JS raises {}", c.name());
        }
        assert_eq!(ErrorCode::of_loader("data-invalid"), ErrorCode::DataInvalid);
        assert_eq!(ErrorCode::of_loader("anything else"), ErrorCode::DataFetchFailed);
    }

    #[test]
    fn the_readme_documents_every_attribute_event_code_and_module() {
        let readme = file("README.md");
        for a in Attr::ALL {
            let row = format!("| `{}` | `{}` · `{}` |", a.name(), a.option_key(), a.param());
            assert!(readme.contains(&row), "README: no row {row}");
        }
        for e in EventName::ALL {
            assert!(readme.contains(&format!("| `{}` |", e.name())), "README: no row for {}", e.name());
        }
        for c in ErrorCode::ALL {
            assert!(readme.contains(&format!("`{}`", c.name())), "README: no mention of code {}", c.name());
        }
        for m in Module::ALL {
            assert!(readme.contains(&format!("`{}`", m.name())), "README: no mention of module {}", m.name());
        }
        // Nothing documented that Rust does not define.
        for w in words_after(&readme, "| `data-") {
            assert!(Attr::ALL.iter().any(|a| a.param() == w), "README documents data-{w}, which is not an attribute");
        }
        for w in words_after(&readme, "`pemilu:") {
            assert!(EventName::ALL.iter().any(|e| e.name() == ["pemilu:", &w].concat()), "README documents pemilu:{w}");
        }
    }

    /// Yew is patched so that `on…` props register nothing (vendor/yew/PATCHED.md): one in the
    /// view would silently do nothing. Modules listen through `use_module_root`.
    #[test]
    fn no_yew_listener_props() {
        let dir = format!("{}/src/web", env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![];
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    files.push(p);
                }
            }
        }
        assert!(files.len() > 5);
        for f in files {
            let src = std::fs::read_to_string(&f).unwrap();
            for (i, _) in src.match_indices(" on") {
                let rest = &src[i + 3..];
                let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase()).collect();
                let after = &rest[name.len()..];
                assert!(
                    name.is_empty() || !(after.starts_with("={") || after.starts_with("=\"")),
                    "{}: `on{name}=` in a view does nothing here (Yew's registry is patched out); use use_module_root",
                    f.display()
                );
            }
        }
    }
}
