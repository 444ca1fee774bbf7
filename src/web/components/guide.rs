//! The voter's guide module: the election at a glance, the ballots, polling hours, vote buying
//! and where to report, from the dataset's `guide` section, every item with its source and date.
//! Read-only, so it is markup rather than components; the shell loads the data.

use yew::Html;

use crate::domain::guide::{site_of, Guide};
use crate::domain::i18n::{tr, Lang, Msg};
use crate::web::browser::{format_compact, format_day, DateStyle};
use crate::web::markup::Markup;

/// "Sumber: kompas.com, per 12 Feb 2024": a source link that says where it goes and how old it is.
pub fn source(m: &mut Markup, lang: Lang, url: &str, as_of: i64) {
    let date = format_day(lang, DateStyle::ShortDate, as_of);
    m.link(url, &tr(lang, Msg::SourceAsOf, &[("site", site_of(url)), ("date", &date)]));
}

/// The module: its heading, then the guide's sections (the first, the summary, always shown; the
/// others open on request), or why there is none: still loading the served copy (`pending`), a
/// failed load (`error`), or a dataset without a guide.
pub fn view(lang: Lang, name: &str, guide: Option<&Guide>, pending: bool, error: Option<&str>) -> Html {
    let mut m = Markup::default();
    m.open("div", &[("class", "pw-guide")]).el("h2", &[("class", "pw-title")], &tr(lang, Msg::GuideHeading, &[("name", name)]));
    match (guide, error) {
        (Some(g), _) => sections(&mut m, lang, g),
        (None, Some(msg)) => {
            m.open("div", &[("class", "pw-error"), ("role", "alert")]).p("", msg).close("div");
        }
        (None, None) if pending => {
            m.el("p", &[("class", "pw-loading"), ("role", "status")], Msg::DataLoading.text(lang));
        }
        (None, None) => {
            m.p("", Msg::NoGuide.text(lang));
        }
    }
    m.close("div");
    m.into_html()
}

fn sections(m: &mut Markup, lang: Lang, g: &Guide) {
    for (i, s) in g.sections.iter().enumerate() {
        if i == 0 {
            m.el("h3", &[], s.title.get(lang));
        } else {
            m.open("details", &[("class", "pw-details")]).el("summary", &[], s.title.get(lang));
        }
        m.open("ul", &[("class", "pw-facts")]);
        for it in &s.items {
            m.open("li", &[]);
            if let Some(n) = it.figure {
                m.el("strong", &[("class", "pw-fig")], &format_compact(lang, n)).text(" ");
            }
            m.text(it.text.get(lang)).text(" ");
            source(m, lang, &it.source, it.as_of);
            m.close("li");
        }
        m.close("ul");
        if i > 0 {
            m.close("details");
        }
    }
}
