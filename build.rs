//! Build script: minified copies of the stylesheet and the bundled dataset, compiled into the
//! module (the readable files stay the source of truth and are what `dist/` serves).

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

/// JSON without the whitespace between tokens (strings are left as they are).
fn minify_json(s: &str) -> String {
    let (mut out, mut in_str, mut escaped) = (String::with_capacity(s.len()), false, false);
    for c in s.chars() {
        if in_str {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                _ => {}
            }
        } else if c == '"' {
            in_str = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// CSS without comments, with runs of white space folded and dropped next to `{`, `}`, `;`, `,`
/// and `:` outside parentheses (never inside `calc()`, where spaces around `+` and `-` matter).
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
