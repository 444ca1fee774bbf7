//! A minimal read-only view of parsed JSON, so the data code needs no serde: the Wasm build
//! implements it over the browser's `JSON.parse` result, native tests over `serde_json::Value`.
//! Readers return [`DataError`]s that name the offending field's path.

use crate::domain::text::Localized;

/// Parsed JSON, read-only.
pub trait Json: Sized {
    /// An object's member; `None` when absent, `null`, or when `self` is not an object.
    fn field(&self, key: &str) -> Option<Self>;
    /// The value as a string, if it is one.
    fn string(&self) -> Option<String>;
    /// The value as a number, if it is one.
    fn number(&self) -> Option<f64>;
    /// The value's items, if it is an array.
    fn array(&self) -> Option<Vec<Self>>;
    /// The value as a boolean, if it is one.
    fn boolean(&self) -> Option<bool>;
}

/// What is wrong with a data file: the field's path and what was found. Shown inside a translated
/// sentence, so it stays language-neutral.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError(pub String);

impl DataError {
    /// A bad value at `path`.
    pub fn at(path: &str, value: &str) -> DataError {
        let v: String = value.chars().take(60).collect();
        DataError(format!("{path} = \u{201c}{v}\u{201d}"))
    }

    /// A missing value, or one of the wrong type, at `path`.
    pub fn missing(path: &str) -> DataError {
        DataError(format!("{path} = ?"))
    }
}

/// `parent.key` as a path.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// A required string member.
pub fn req_str<J: Json>(v: &J, path: &str, key: &str) -> Result<String, DataError> {
    v.field(key).and_then(|s| s.string()).ok_or_else(|| DataError::missing(&join(path, key))).and_then(|s| bounded(s, path, key))
}

/// Longest text a data file may hold in one value (shorter bounds for names are next to their
/// readers): with the lists' bounds (each reader's `max`, several times what any real election
/// needs, also in the JSON Schemas as `maxItems`) and the file size cap, it keeps any file within
/// them quick to check and to show (a list of 10,000 stages took 1.5 s).
pub const MAX_CHARS: usize = 5_000;
/// The largest file the widget fetches (`MAX` in `web/pemilu-services.js`, which refuses a larger
/// one while it downloads), about 15 times the bundled dataset; the studio warns about it too.
#[cfg(any(test, feature = "studio"))]
pub const MAX_FILE_BYTES: usize = 512 << 10;

/// `s` if it has at most `max` characters, else an error at `path()` that says so (the path is
/// only written for an error: every text of a file passes through here).
pub fn at_most(s: String, max: usize, path: &dyn Fn() -> String) -> Result<String, DataError> {
    // Bytes first: a short text in bytes is short in characters (no count needed).
    if s.len() > max && s.chars().count() > max {
        return Err(DataError::at(&path(), &format!("more than {max} characters")));
    }
    Ok(s)
}

fn bounded(s: String, path: &str, key: &str) -> Result<String, DataError> {
    at_most(s, MAX_CHARS, &|| join(path, key))
}

fn few<J>(items: Vec<J>, path: &str, key: &str, max: usize) -> Result<Vec<J>, DataError> {
    if items.len() > max {
        return Err(DataError::at(&join(path, key), &format!("more than {max} items")));
    }
    Ok(items)
}

/// An optional string member (present but not a string is an error).
pub fn opt_str<J: Json>(v: &J, path: &str, key: &str) -> Result<Option<String>, DataError> {
    match v.field(key) {
        None => Ok(None),
        Some(x) => x.string().ok_or_else(|| DataError::missing(&join(path, key))).and_then(|s| bounded(s, path, key)).map(Some),
    }
}

/// A required whole number within `min..=max`.
pub fn req_int<J: Json>(v: &J, path: &str, key: &str, min: i64, max: i64) -> Result<i64, DataError> {
    let p = join(path, key);
    let n = v.field(key).and_then(|x| x.number()).ok_or_else(|| DataError::missing(&p))?;
    if n.fract() != 0.0 || n < min as f64 || n > max as f64 {
        return Err(DataError::at(&p, &(n as i64).to_string()));
    }
    Ok(n as i64)
}

/// An optional number within `min..=max`.
pub fn opt_num<J: Json>(v: &J, path: &str, key: &str, min: f64, max: f64) -> Result<Option<f64>, DataError> {
    match v.field(key) {
        None => Ok(None),
        Some(x) => match x.number() {
            Some(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(DataError::missing(&join(path, key))),
        },
    }
}

/// A required array member of at most `max` items.
pub fn req_arr<J: Json>(v: &J, path: &str, key: &str, max: usize) -> Result<Vec<J>, DataError> {
    v.field(key).and_then(|a| a.array()).ok_or_else(|| DataError::missing(&join(path, key))).and_then(|a| few(a, path, key, max))
}

/// An optional array member of at most `max` items (absent: empty).
pub fn opt_arr<J: Json>(v: &J, path: &str, key: &str, max: usize) -> Result<Vec<J>, DataError> {
    match v.field(key) {
        None => Ok(Vec::new()),
        Some(a) => a.array().ok_or_else(|| DataError::missing(&join(path, key))).and_then(|a| few(a, path, key, max)),
    }
}

/// An optional boolean member (absent: `false`).
pub fn opt_bool<J: Json>(v: &J, path: &str, key: &str) -> Result<bool, DataError> {
    v.field(key).map_or(Ok(false), |b| b.boolean().ok_or_else(|| DataError::missing(&join(path, key))))
}

/// Text in both languages (`{ "id": …, "en": … }`); one language is enough, it stands for both.
pub fn localized<J: Json>(v: &J, path: &str, key: &str) -> Result<Localized, DataError> {
    let p = join(path, key);
    let obj = v.field(key).ok_or_else(|| DataError::missing(&p))?;
    let clean = |lang: &str| obj.field(lang).and_then(|s| s.string()).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let text = match (clean("id"), clean("en")) {
        (Some(id), Some(en)) => Localized { id, en },
        (Some(one), None) | (None, Some(one)) => Localized { id: one.clone(), en: one },
        (None, None) => return Err(DataError::missing(&p)),
    };
    bounded(text.id, path, key).and_then(|id| Ok(Localized { id, en: bounded(text.en, path, key)? }))
}

/// Optional bilingual text.
pub fn opt_localized<J: Json>(v: &J, path: &str, key: &str) -> Result<Option<Localized>, DataError> {
    match v.field(key) {
        None => Ok(None),
        Some(_) => localized(v, path, key).map(Some),
    }
}

#[cfg(any(test, feature = "studio"))]
impl Json for serde_json::Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.get(key).filter(|v| !v.is_null()).cloned()
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(String::from)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn array(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn long_texts_and_long_lists_are_refused() {
        let v = json!({ "s": "x".repeat(MAX_CHARS + 1), "ok": "x".repeat(MAX_CHARS), "a": vec![1; 301], "b": vec![1; 300] });
        assert_eq!(req_str(&v, "root", "s").unwrap_err().0, "root.s = \u{201c}more than 5000 characters\u{201d}");
        assert!(req_str(&v, "root", "ok").is_ok());
        assert_eq!(opt_str(&v, "root", "s").unwrap_err().0, "root.s = \u{201c}more than 5000 characters\u{201d}");
        // Characters, not bytes: 5,000 two-byte letters are within the bound, one more is not.
        let w = json!({ "at": "\u{e9}".repeat(MAX_CHARS), "over": "\u{e9}".repeat(MAX_CHARS + 1) });
        assert!(req_str(&w, "root", "at").is_ok());
        assert_eq!(req_str(&w, "root", "over").unwrap_err().0, "root.over = \u{201c}more than 5000 characters\u{201d}");
        assert_eq!(req_arr(&v, "root", "a", 300).unwrap_err().0, "root.a = \u{201c}more than 300 items\u{201d}");
        assert_eq!(opt_arr(&v, "root", "a", 300).unwrap_err().0, "root.a = \u{201c}more than 300 items\u{201d}");
        assert_eq!(req_arr(&v, "root", "b", 300).unwrap().len(), 300);
        assert_eq!(req_arr(&v, "root", "b", 20).unwrap_err().0, "root.b = \u{201c}more than 20 items\u{201d}");
    }

    #[test]
    fn the_file_cap_is_the_one_the_services_apply() {
        let js = include_str!("../../web/pemilu-services.js");
        let expr = js.split(" MAX = ").nth(1).and_then(|r| r.split(',').next()).expect("web/pemilu-services.js: MAX");
        let (a, b) = expr.split_once(" << ").expect("MAX = a << b");
        assert_eq!(a.parse::<usize>().unwrap() << b.parse::<usize>().unwrap(), MAX_FILE_BYTES);
    }

    #[test]
    fn readers_name_the_path() {
        let v = json!({ "a": "x", "n": 3, "f": 2.5, "arr": [1], "name": { "id": "Satu" }, "nul": null });
        assert_eq!(req_str(&v, "root", "a").unwrap(), "x");
        assert_eq!(req_str(&v, "root", "n").unwrap_err().0, "root.n = ?");
        assert_eq!(opt_str(&v, "", "zzz").unwrap(), None);
        assert_eq!(opt_str(&v, "", "nul").unwrap(), None);
        assert_eq!(req_int(&v, "", "n", 0, 10).unwrap(), 3);
        assert_eq!(req_int(&v, "", "n", 4, 10).unwrap_err().0, "n = \u{201c}3\u{201d}");
        assert!(req_int(&v, "", "f", 0, 10).is_err());
        assert_eq!(opt_num(&v, "", "f", 0.0, 100.0).unwrap(), Some(2.5));
        assert_eq!(req_arr(&v, "", "arr", 1).unwrap().len(), 1);
        assert!(req_arr(&v, "", "a", 1).is_err());
        assert!(opt_arr(&v, "", "missing", 1).unwrap().is_empty());
        assert!(!opt_bool(&v, "", "missing").unwrap());
        assert!(opt_bool(&json!({ "b": true }), "", "b").unwrap());
        assert_eq!(opt_bool(&v, "root", "n").unwrap_err().0, "root.n = ?");
        assert_eq!(localized(&v, "", "name").unwrap().en, "Satu");
        assert!(localized(&v, "", "a").is_err());
        assert_eq!(join("", "k"), "k");
        assert_eq!(join("p[1]", "k"), "p[1].k");
    }
}
