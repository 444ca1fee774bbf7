//! The voter's guide: the election at a glance (voters, polling stations, ballots, hours), vote
//! buying and where to report, read from the dataset's `guide` section. Every item is dated and
//! sourced; the view only formats numbers and dates.

use crate::domain::text::Localized;

/// A dataset's guide: sections in reading order; the first is the at-a-glance summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guide {
    pub sections: Vec<Section>,
}

/// One heading and its items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: Localized,
    pub items: Vec<Item>,
}

/// One fact: an optional headline figure (formatted per language, "204,8 juta"), the text that
/// follows it, where it comes from, and the date the fact holds for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub figure: Option<u64>,
    pub text: Localized,
    pub source: String,
    pub as_of: i64,
}

/// The site a source link goes to, for its accessible name: "kompas.com" for
/// `https://www.kompas.com/cekfakta/…` (a leading `www.`, `m.` or `amp.` dropped).
pub fn site_of(url: &str) -> &str {
    let b = url.as_bytes();
    let rest = (0..b.len().saturating_sub(2)).find(|&i| &b[i..i + 3] == b"://").map_or(url, |i| &url[i + 3..]);
    // The host ends at the first '/', '?', '#' or ':' (a port); byte scanning, no char patterns.
    let end = rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#' | b':')).unwrap_or(rest.len());
    let host = &rest[..end];
    let host = host.rfind('@').map_or(host, |i| &host[i + 1..]);
    for p in ["www.", "m.", "amp."] {
        if let Some(h) = host.strip_prefix(p) {
            return h;
        }
    }
    host
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_say_where_a_link_goes() {
        assert_eq!(site_of("https://www.kompas.com/cekfakta/read/2023/09/15/x"), "kompas.com");
        assert_eq!(site_of("https://m.tribunnews.com/mata-lokal-memilih/2023/07/02/x?page=2"), "tribunnews.com");
        assert_eq!(site_of("https://amp.suara.com/news/x"), "suara.com");
        assert_eq!(site_of("http://news.okezone.com:443/read/x"), "news.okezone.com");
        assert_eq!(site_of("https://sigaplapor.bawaslu.go.id/penanganan"), "sigaplapor.bawaslu.go.id");
        assert_eq!(site_of("https://user@example.org#x"), "example.org");
    }
}
