//! The studio's configuration: the widget's options as an editor sets them, their URL form (the
//! iframe form's query parameters, which the studio also keeps in its own address so that a
//! configuration can be shared) and the two embed codes.

use crate::domain::config::Config;
use crate::domain::contract::{Attr, Module};
use crate::domain::i18n::Lang;

/// The options an editor has set: attribute and value as typed, only non-empty ones, in
/// [`Attr::ALL`] order, so the generated code is stable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    values: Vec<(Attr, String)>,
}

impl Options {
    /// The value set for `attr`, or `""`.
    pub fn get(&self, attr: Attr) -> &str {
        self.values.iter().find(|(a, _)| *a == attr).map_or("", |(_, v)| v.as_str())
    }

    /// Sets `attr` to `value`; an empty (or blank) value removes it: the widget's default applies.
    pub fn set(&mut self, attr: Attr, value: &str) {
        self.values.retain(|(a, _)| *a != attr);
        if !value.trim().is_empty() {
            self.values.push((attr, value.to_string()));
            self.values.sort_by_key(|(a, _)| Attr::ALL.iter().position(|x| x == a));
        }
    }

    /// The options that are set, in order.
    pub fn entries(&self) -> impl Iterator<Item = (Attr, &str)> {
        self.values.iter().map(|(a, v)| (*a, v.as_str()))
    }

    /// The modules shown, in order: those named (known ones), else the default.
    pub fn modules(&self) -> Vec<Module> {
        let named: Vec<Module> = self
            .get(Attr::Modules)
            .split(',')
            .filter_map(|n| Module::ALL.iter().copied().find(|m| m.name() == n.trim().to_ascii_lowercase()))
            .fold(Vec::new(), |mut v, m| {
                if !v.contains(&m) {
                    v.push(m);
                }
                v
            });
        if named.is_empty() {
            Module::DEFAULT.to_vec()
        } else {
            named
        }
    }

    /// Shows `modules` in that order; the default list is left unwritten.
    pub fn set_modules(&mut self, modules: &[Module]) {
        let names: Vec<&str> = modules.iter().map(|m| m.name()).collect();
        let v = if modules == Module::DEFAULT { String::new() } else { names.join(",") };
        self.set(Attr::Modules, &v);
    }

    /// The widget's language as configured (Indonesian unless `en` is set).
    pub fn lang(&self) -> Lang {
        Lang::parse(self.get(Attr::Lang)).unwrap_or_default()
    }

    /// The widget's own reading of these options: what it would show, and each invalid value.
    pub fn config(&self, is_css_color: impl Fn(&str) -> bool) -> Config {
        Config::parse(|a| Some(self.get(a)).filter(|v| !v.is_empty()).map(String::from), is_css_color)
    }

    /// Reads the options from a query string (`lang=en&quiz-count=5`, with or without `?`/`#`):
    /// the iframe form's parameters. Unknown names are ignored.
    pub fn from_query(q: &str) -> Options {
        let mut o = Options::default();
        for pair in q.trim_start_matches(['?', '#']).split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            if let Some(a) = Attr::ALL.iter().find(|a| a.param() == decode(k)) {
                o.set(*a, &decode(v));
            }
        }
        o
    }

    /// The options as a query string, without `?`; empty when every option is at its default.
    pub fn query(&self) -> String {
        self.entries().map(|(a, v)| format!("{}={}", a.param(), encode(v.trim()))).collect::<Vec<_>>().join("&")
    }

    /// The script form: the entry script and one `<div>`, with fallback content for readers
    /// without JavaScript. `base` is the URL of the folder that holds the widget's files.
    pub fn script_code(&self, base: &str) -> String {
        let attrs: String = self.entries().map(|(a, v)| format!(" {}=\"{}\"", a.name(), escape(v.trim()))).collect();
        let lang = self.lang();
        format!(
            "<script type=\"module\" src=\"{base}pemilu-widget.js\"></script>\n<div data-pemilu-widget{attrs}>\n  <a href=\"https://www.kpu.go.id/\">{}</a>\n</div>",
            fallback_text(lang)
        )
    }

    /// The iframe form: the frame (with a title in the widget's language) and the script that
    /// sets its height.
    pub fn iframe_code(&self, base: &str) -> String {
        let src = self.frame_src(base);
        format!(
            "<iframe data-pemilu-iframe title=\"{}\" style=\"width:100%;border:0\"\n  src=\"{}\"></iframe>\n<script src=\"{base}pemilu-embed.js\" async></script>",
            escape(&self.title()),
            escape(&src)
        )
    }

    /// The AMP form: `amp-iframe` with the sandbox, `resizable` and `overflow` element AMP asks
    /// for (the page also loads AMP's amp-iframe component; the README shows the whole snippet).
    /// `show_all` labels the overflow button.
    pub fn amp_code(&self, base: &str, show_all: &str) -> String {
        let src = self.frame_src(base);
        format!(
            "<amp-iframe title=\"{}\" width=\"360\" height=\"480\" layout=\"responsive\" resizable\n  sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" frameborder=\"0\"\n  src=\"{}\">\n  <div overflow tabindex=\"0\" role=\"button\" aria-label=\"{2}\">{2}</div>\n</amp-iframe>",
            escape(&self.title()),
            escape(&src),
            escape(show_all)
        )
    }

    /// The iframe form's address: `embed.html` with the options as its query.
    fn frame_src(&self, base: &str) -> String {
        let q = self.query();
        if q.is_empty() {
            format!("{base}embed.html")
        } else {
            format!("{base}embed.html?{q}")
        }
    }

    /// A title for the frame: the modules' names in the widget's language.
    pub fn title(&self) -> String {
        let lang = self.lang();
        self.modules().iter().map(|m| m.title().text(lang)).collect::<Vec<_>>().join(" · ")
    }
}

fn fallback_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Informasi pemilu dari KPU",
        Lang::En => "Election information from KPU",
    }
}

/// Escapes a value for a double-quoted HTML attribute.
pub fn escape(v: &str) -> String {
    v.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Percent-encodes a query value, leaving the characters that read well in a URL (`,`, `:`, `/`).
pub fn encode(v: &str) -> String {
    let mut out = String::new();
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~,:/@!".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a query value (`+` is a space, `%XX` a byte); invalid escapes are kept as written.
pub fn decode(v: &str) -> String {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_round_trip_through_the_query() {
        let mut o = Options::default();
        o.set(Attr::QuizCount, "5");
        o.set(Attr::Lang, "en");
        o.set(Attr::ElectionDate, "2029-02-14T07:00:00+07:00");
        o.set(Attr::ElectionName, "Pemilu 2029 & \"next\"");
        assert_eq!(
            o.query(),
            "lang=en&election-date=2029-02-14T07:00:00%2B07:00&election-name=Pemilu%202029%20%26%20%22next%22&quiz-count=5"
        );
        assert_eq!(Options::from_query(&format!("#{}", o.query())), o);
        assert_eq!(Options::from_query("?lang=en&bogus=1&seed=&quiz-count=3+"), {
            let mut e = Options::default();
            e.set(Attr::Lang, "en");
            e.set(Attr::QuizCount, "3 ");
            e
        });
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%E2%80%9C"), "\u{201c}");
    }

    #[test]
    fn an_empty_value_means_the_default() {
        let mut o = Options::default();
        o.set(Attr::Theme, "dark");
        o.set(Attr::Theme, " ");
        assert_eq!(o, Options::default());
        o.set_modules(&Module::DEFAULT);
        assert_eq!(o.get(Attr::Modules), "");
        o.set_modules(&[Module::Quiz, Module::Countdown]);
        assert_eq!(o.get(Attr::Modules), "quiz,countdown");
        assert_eq!(o.modules(), vec![Module::Quiz, Module::Countdown]);
        o.set(Attr::Modules, "nope, QUIZ,quiz");
        assert_eq!(o.modules(), vec![Module::Quiz]);
    }

    #[test]
    fn both_embed_codes_carry_every_option_escaped() {
        let mut o = Options::default();
        o.set(Attr::Lang, "en");
        o.set(Attr::Modules, "countdown,quiz");
        o.set(Attr::ElectionName, "A \"quoted\" <name>");
        let base = "https://cdn.example.id/pw/";
        assert_eq!(
            o.script_code(base),
            "<script type=\"module\" src=\"https://cdn.example.id/pw/pemilu-widget.js\"></script>\n<div data-pemilu-widget data-lang=\"en\" data-modules=\"countdown,quiz\" data-election-name=\"A &quot;quoted&quot; &lt;name&gt;\">\n  <a href=\"https://www.kpu.go.id/\">Election information from KPU</a>\n</div>"
        );
        let frame = o.iframe_code(base);
        assert!(frame.contains("title=\"Countdown · Hoax or fact quiz\""), "{frame}");
        assert!(frame.contains("src=\"https://cdn.example.id/pw/embed.html?lang=en&amp;modules=countdown,quiz&amp;election-name=A%20%22quoted%22%20%3Cname%3E\""), "{frame}");
        assert!(frame.ends_with("<script src=\"https://cdn.example.id/pw/pemilu-embed.js\" async></script>"));
        let amp = o.amp_code(base, "Show the whole widget");
        assert!(amp.starts_with("<amp-iframe title=\"Countdown · Hoax or fact quiz\""), "{amp}");
        assert!(
            amp.contains("resizable") && amp.contains("<div overflow tabindex=\"0\" role=\"button\" aria-label=\"Show the whole widget\">")
        );
        assert!(amp.contains("src=\"https://cdn.example.id/pw/embed.html?lang=en&amp;modules=countdown,quiz"), "{amp}");
        assert_eq!(Options::default().iframe_code(base).lines().nth(1), Some("  src=\"https://cdn.example.id/pw/embed.html\"></iframe>"));
    }

    #[test]
    fn the_widget_reads_the_options_as_the_studio_shows_them() {
        let mut o = Options::default();
        o.set(Attr::QuizCount, "99");
        o.set(Attr::Timezone, "WITA");
        let c = o.config(|_| true);
        assert_eq!(c.errors.iter().map(|e| e.attr).collect::<Vec<_>>(), vec![Attr::QuizCount]);
    }
}
