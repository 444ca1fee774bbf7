//! Shared vocabulary at the bottom of the domain: texts in both languages, search folding, a
//! small stable sort, and the URL check every source goes through. Imports nothing specific.

use crate::domain::i18n::Lang;

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Localized {
    pub id: String,
    pub en: String,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// Whether `s` is an absolute `http(s)` URL (sources must be checkable by an editor).
pub fn is_http_url(s: &str) -> bool {
    let scheme = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    (scheme("https://") || scheme("http://")) && s.len() > 10 && !s.chars().any(char::is_whitespace)
}

/// A stable insertion sort by key: the lists here hold a few dozen items, and this keeps the
/// Wasm free of the standard library's large sort machinery.
pub fn sort_small<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Base letters of U+00C0–U+00FF (Latin-1 letters); a space marks × and ÷, which are dropped.
const LATIN_1: &[u8; 64] = b"aaaaaaaceeeeiiiidnooooo ouuuuytsaaaaaaaceeeeiiiidnooooo ouuuuyty";
/// Base letters of U+0100–U+017F (Latin Extended-A), capitals and small letters alike.
const LATIN_EXT_A: &[u8; 128] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// How one character enters a search key.
enum Fold {
    Keep(char),
    Space,
    Drop,
}

/// Case and accent folding by ranges and two small tables, not `char::to_lowercase` (whose
/// Unicode tables would cost every reader about 5 KB): ASCII, Latin-1 and Latin Extended-A fold to
/// ASCII letters; Greek and Cyrillic capitals to small letters; punctuation, symbols, emoji and
/// combining marks are dropped; letters of other scripts are kept as they are.
fn fold(c: char) -> Fold {
    let u = c as u32;
    let table = |t: &[u8], i: u32| match t[i as usize] {
        b' ' => Fold::Drop,
        b => Fold::Keep(char::from(b)),
    };
    match u {
        _ if c.is_whitespace() => Fold::Space,
        _ if c.is_ascii_alphanumeric() => Fold::Keep(c.to_ascii_lowercase()),
        0..=0xBF => Fold::Drop,
        0xC0..=0xFF => table(LATIN_1, u - 0xC0),
        0x100..=0x17F => table(LATIN_EXT_A, u - 0x100),
        0x300..=0x36F | 0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE00..=0xFE0F | 0x1F000..=0x1FAFF => Fold::Drop,
        0x391..=0x3A9 | 0x410..=0x42F => char::from_u32(u + 0x20).map_or(Fold::Drop, Fold::Keep),
        0x400..=0x40F => char::from_u32(u + 0x50).map_or(Fold::Drop, Fold::Keep),
        _ if c.is_control() => Fold::Drop,
        _ => Fold::Keep(c),
    }
}

/// Lower-case, accents folded, punctuation dropped, runs of spaces collapsed: "PDI-P" → "pdip",
/// "Tha'at" → "thaat", "Ña" → "na".
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold(c) {
            Fold::Keep(c) => out.push(c),
            Fold::Space if !out.is_empty() && !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_sort_is_stable() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small(&mut v, |x| x.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = vec![];
        sort_small(&mut empty, |x| *x);
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalize("PDI-P"), "pdip");
        assert_eq!(normalize("  Partai  Tha'at "), "partai thaat");
        assert_eq!(normalize("Ñusantara Éé"), "nusantara ee");
        assert_eq!(normalize("“Partai” – Ümmat"), "partai ummat");
        assert_eq!(normalize("ŠIAULIAI Łódź Ÿ ŉ"), "siauliai lodz y n");
        assert_eq!(normalize("pkb\u{301}"), "pkb");
        assert_eq!(normalize("PKB 🙂"), "pkb");
        assert_eq!(normalize("pkb™ €5 a×b"), "pkb 5 ab");
        assert_eq!(normalize("ΚΚΕ Ёлка ПАРТИЯ"), "κκε ёлка партия");
        assert_eq!(normalize("政党\u{3000}党"), "政党 党");
    }

    #[test]
    fn sources_are_http_urls() {
        assert!(is_http_url("https://www.kpu.go.id/") && is_http_url("HTTP://example.org/a"));
        assert!(!is_http_url("kpu.go.id") && !is_http_url("ftp://example.org/a") && !is_http_url("https://a b.org/"));
        assert!(!is_http_url("https://") && !is_http_url("https://é"));
    }
}
