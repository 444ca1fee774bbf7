//! A small HTML string builder for the read-only parts of the view (details, cards, tables).
//! Far less Wasm than the equivalent `html!` trees; every text and attribute is escaped, so data
//! from a newsroom's file can never inject markup. Buttons in the markup are served by one
//! delegated listener on their container (`target_attr`); form fields stay Yew nodes.

use yew::{AttrValue, Html};

/// Markup under construction.
#[derive(Default)]
pub struct Markup(String);

/// Escapes text for use in element content and quoted attribute values.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

impl Markup {
    /// Whether nothing has been written yet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `<tag a="v" …>`; attribute values are escaped.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (k, v) in attrs {
            self.0.push(' ');
            self.0.push_str(k);
            self.0.push_str("=\"");
            escape_into(&mut self.0, v);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, s: &str) -> &mut Self {
        escape_into(&mut self.0, s);
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// A `<p>` with one class.
    pub fn p(&mut self, class: &str, text: &str) -> &mut Self {
        if class.is_empty() {
            self.el("p", &[], text)
        } else {
            self.el("p", &[("class", class)], text)
        }
    }

    /// A source link that opens in a new tab (the URL was checked to be `http(s)` by the domain).
    pub fn link(&mut self, href: &str, text: &str) -> &mut Self {
        self.el("a", &[("class", "pw-src"), ("href", href), ("target", "_blank"), ("rel", "noopener noreferrer")], text)
    }

    /// The markup as a Yew node (replaced as a whole when the string changes).
    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }
}

/// The value of `attr` on the event's target or its nearest ancestor that has it.
pub fn target_attr(e: &yew::Event, attr: &str) -> Option<String> {
    let el: web_sys::Element = wasm_bindgen::JsCast::dyn_into(e.target()?).ok()?;
    el.closest(&["[", attr, "]"].concat()).ok().flatten()?.get_attribute(attr)
}
