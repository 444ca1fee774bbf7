//! Build script: minified copies of the stylesheet and the bundled dataset, compiled into the
//! module (the readable files stay the source of truth and are what `dist/` serves). The compiled-in
//! dataset also leaves out the members the widget never reads (a test checks it reads the same).

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    type Minify = fn(&str) -> String;
    let files: [(&str, &str, Minify); 2] =
        [("styles/widget.css", "widget.css", minify_css), ("data/pemilu-2024.json", "pemilu-2024.json", minify_json)];
    for (src, name, minify) in files {
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("{src}: {e}"));
        fs::write(Path::new(&out).join(name), minify(&text)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// Members of the election file that the widget does not read or show, wherever they are: sources
/// and details kept for editors. `dist/data/` serves the full file.
const UNREAD: [&str; 7] =
    ["pollingHoursSource", "nickname", "coalition", "coalitionSource", "totalValidSource", "confirmedOn", "seatsAllocationSource"];
/// The same, only at the top level: the file's own list of sources, and the voter's guide (only
/// the guide module shows it, and it fetches the served file rather than every reader paying for it).
const UNREAD_AT_ROOT: [&str; 2] = ["sources", "guide"];

/// The dataset without [`UNREAD`] members, with no whitespace between tokens.
fn minify_json(s: &str) -> String {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.retain(|k, _| !UNREAD.contains(&k.as_str()));
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(s).expect("data/pemilu-2024.json is valid JSON");
    if let serde_json::Value::Object(m) = &mut v {
        m.retain(|k, _| !UNREAD_AT_ROOT.contains(&k.as_str()));
    }
    strip(&mut v);
    serde_json::to_string(&v).expect("JSON serialises")
}

/// CSS without comments, with runs of white space folded and dropped next to `{`, `}`, `;`, `,`
/// and `:` outside parentheses (never inside `calc()`, where spaces around `+` and `-` matter). So
/// a descendant combinator before a pseudo-class is written with `*` (`.pw *:focus-visible`).
fn minify_css(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("/*") {
        text.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    text.push_str(rest);
    let (mut out, mut depth, mut space) = (String::with_capacity(text.len()), 0usize, false);
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | ':');
        if space && !out.is_empty() && !(depth == 0 && (tight(c) || out.ends_with(tight))) {
            out.push(' ');
        }
        space = false;
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(c);
    }
    out
}
