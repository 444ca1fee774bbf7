// Pemilu Widget's services on demand (ES module), imported by the entry script the first time a
// widget needs one, so that a reader who never needs them never downloads them:
//
// load(): files (a dataset from data-data-src, the served copy for the voter's guide, a question
// bank). For every URL: one request per page, shared by all widgets; no answer within a few
// seconds counts as failed; a size cap; Content-Type and JSON errors named; and the last good copy
// kept in localStorage, shown (with its date) when the network or the file fails.
//
// load(url, lang, quiz) resolves (never rejects) to a candidate { json?, code?, message?, ok(), next(detail) }:
// - `json` without `code`: the fresh file. The Wasm checks it, then calls ok() (it becomes the URL's
//   last good copy, stored in a task of its own) and waits for the promise ok() returns, so that
//   it shows the file in the next task, not in the one that checked it; or it calls next(what is
//   wrong) for the next candidate (a last good copy's ok() only answers in a new task);
// - `json` with `code`: the last good copy, after the fresh file failed; `message` says so, with
//   the copy's date; next() gives up;
// - no `json`: nothing to show; `code` (data-fetch-failed or data-invalid) and `message` say why.
// Messages are translated here, so that their words are not in the Wasm every reader downloads.
const TIMEOUT = 6000, MAX = 512 << 10, KEEP = 200000, FILES = 4, KEY = "pemilu-widget:file:", DEPTH = 32;
const W = window;
const T = {
  id: {
    data: ["Data pemilu dari {url} tidak dapat dimuat.", "Data pemilu dari {url} tidak sesuai format: {detail}"],
    quiz: ["Soal kuis dari {url} tidak dapat dimuat.", "Soal kuis dari {url} tidak sesuai format: {detail}"],
    copy: "Yang ditampilkan adalah salinan tersimpan per {date}.",
    bundled: "Yang ditampilkan adalah data bawaan widget: {name}, per {date}.",
    html: "dikirim sebagai {type}, bukan JSON",
    big: "lebih dari {kb} KB",
    deep: "bersarang lebih dari {n} tingkat",
    locale: "id-ID",
  },
  en: {
    data: ["The election data at {url} could not be loaded.", "The election data at {url} does not follow the format: {detail}"],
    quiz: ["The quiz questions at {url} could not be loaded.", "The quiz questions at {url} do not follow the format: {detail}"],
    copy: "Showing the copy saved on {date}.",
    bundled: "Showing the widget's built-in data: {name}, as of {date}.",
    html: "served as {type}, not JSON",
    big: "larger than {kb} KB",
    deep: "nested more than {n} levels deep",
    locale: "en-GB",
  },
};
const fill = (s, args) => s.replace(/\{(\w+)\}/g, (m, k) => (k in args ? args[k] : m));
const loads = new Map();

const store = () => { try { return W.localStorage; } catch (e) { return null; } };

/** Keeps `text` as the last good copy of `url`; at most FILES copies of at most KEEP characters. */
function keep(url, text) {
  const s = store();
  if (!s || text.length > KEEP) return;
  try {
    let list = JSON.parse(s.getItem(KEY) || "[]");
    list = (Array.isArray(list) ? list : []).filter((u) => u !== url);
    list.push(url);
    while (list.length > FILES) s.removeItem(KEY + list.shift());
    const at = new Date(Date.now() - new Date().getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
    s.setItem(KEY + url, JSON.stringify({ v: 1, at, text }));
    s.setItem(KEY, JSON.stringify(list));
  } catch (e) { /* storage full or refused: no copy */ }
}

/** The last good copy of `url`: { json, at } or null (absent, corrupt, another format version). */
function copy(url) {
  try {
    const c = JSON.parse(store().getItem(KEY + url));
    if (c && c.v === 1 && typeof c.text === "string" && /^\d{4}-\d\d-\d\d$/.test(c.at)) return { json: JSON.parse(c.text), at: c.at };
  } catch (e) { /* absent, corrupt or refused */ }
  return null;
}

/** Whether `text` nests objects and arrays more than DEPTH levels deep (the formats need fewer
 * than ten): such a file is refused before it is parsed, whatever the browser's parser allows. */
function deep(text) {
  // Only the characters that matter, found by the regex engine: a file of mostly text (1.7 MB of
  // party aliases) is checked in a few milliseconds instead of 27 ms for a loop over every character.
  const re = /["\\[\]{}]/g;
  let d = 0, str = false, m;
  while ((m = re.exec(text))) {
    const c = m[0];
    if (str) {
      if (c === "\\") re.lastIndex++; // the escaped character
      else if (c === '"') str = false;
    } else if (c === '"') str = true;
    else if (c === "[" || c === "{") { if (++d > DEPTH) return true; }
    else if (c === "]" || c === "}") d--;
  }
  return false;
}

/** One fetch: { json, text } or { code, detail: [key of T or null, text] }. */
async function get(url) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), TIMEOUT);
  const failed = (e) => ({ code: "data-fetch-failed", detail: ctl.signal.aborted ? `no answer within ${TIMEOUT / 1000} s` : String((e && e.message) || e) });
  const big = { code: "data-invalid", detail: ["big", { kb: MAX >> 10 }] };
  try {
    let res;
    try { res = await fetch(url, { signal: ctl.signal }); } catch (e) { return failed(e); }
    if (!res.ok) return { code: "data-fetch-failed", detail: `HTTP ${res.status}` };
    const type = res.headers.get("content-type") || "";
    if (/html/i.test(type)) return { code: "data-invalid", detail: ["html", { type }] };
    if (+res.headers.get("content-length") > MAX) return big;
    const reader = res.body.getReader(), dec = new TextDecoder();
    let text = "", n = 0;
    for (;;) {
      let r;
      try { r = await reader.read(); } catch (e) { return failed(e); } // cut off, or no answer in time
      if (r.done) break;
      if ((n += r.value.length) > MAX) return big;
      text += dec.decode(r.value, { stream: true });
    }
    text += dec.decode();
    await new Promise((go) => setTimeout(go)); // reading, checking and parsing: separate tasks
    if (deep(text)) return { code: "data-invalid", detail: ["deep", { n: DEPTH }] };
    await new Promise((go) => setTimeout(go));
    try { return { json: JSON.parse(text), text }; } catch (e) { return { code: "data-invalid", detail: e.message }; }
  } finally {
    clearTimeout(timer);
    ctl.abort(); // frees a body not read to its end
  }
}

// `instead` (and `insteadDay`, days since 1970): the bundled data a widget shows when a file of its
// own fails and has no saved copy, for the message.
export function load(url, lang, quiz, instead, insteadDay) {
  const t = T[lang] || T.id;
  const shown = url;
  url = new URL(url, document.baseURI).href;
  let p = loads.get(url);
  if (!p) {
    loads.set(url, (p = get(url)));
    p.then((r) => r.json || loads.delete(url)); // a failure is tried again next time
  }
  // The fresh file failed: its last good copy if there is one (the message says so), else the failure.
  const fallback = (code, detail) => {
    const words = Array.isArray(detail) ? fill(t[detail[0]], detail[1]) : detail;
    const failed = fill((quiz ? t.quiz : t.data)[code === "data-invalid" ? 1 : 0], { url: shown, detail: words }).replace(/[^.!?]$/, "$&.");
    console.warn(`[pemilu-widget] ${failed} (${words})`);
    const day = (d) => new Intl.DateTimeFormat(t.locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(d);
    const failure = { code, message: instead ? failed + " " + fill(t.bundled, { name: instead, date: day(new Date(insteadDay * 864e5)) }) : failed };
    const c = copy(url);
    if (!c) return failure;
    return { json: c.json, code, message: failed + " " + fill(t.copy, { date: day(new Date(c.at)) }), ok: () => new Promise((go) => setTimeout(go)), next: () => failure };
  };
  // Each widget waiting for the same file goes on in a task of its own (a timer), not all in the
  // one microtask checkpoint after the download: ten widgets checking a file in one task would
  // block the page for tens of milliseconds.
  return p.then((r) => new Promise((go) => setTimeout(go, 0, r))).then((r) => (r.json
    ? { json: r.json, ok: () => new Promise((go) => { setTimeout(go); setTimeout(keep, 0, url, r.text); }), next: (detail) => fallback("data-invalid", detail) }
    : fallback(r.code, r.detail)));
}

// share(title, text, url): the quiz's result, with the Web Share API where there is one, else
// copied to the clipboard. The link is `url` (data-share-url), else the article's: its canonical
// URL if the page names one, else the page's address without its query and fragment (no tracking
// parameters). Resolves to "shared" (or cancelled by the reader), "copied" or "failed".
export async function share(title, text, url) {
  if (!url) {
    const canonical = document.querySelector('link[rel="canonical"]');
    const here = new URL(location.href);
    url = canonical && /^https?:/.test(canonical.href) ? canonical.href : here.origin + here.pathname;
  }
  const nav = navigator;
  if (nav.share) {
    try { await nav.share({ title, text, url }); return "shared"; } catch (e) { if (e && e.name === "AbortError") return "shared"; }
  }
  try { await nav.clipboard.writeText(`${text} ${url}`); return "copied"; } catch (e) { return "failed"; }
}
