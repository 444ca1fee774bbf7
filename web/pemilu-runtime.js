// Pemilu Widget's runtime: the browser services the Wasm imports directly (wasm-bindgen's
// `module = "/web/pemilu-runtime.js"`). scripts/pack.mjs inlines this file into the glue
// (pemilu-core.js), so it costs no request of its own. JavaScript does these in far fewer bytes
// than Rust bindings would.

// Intl formatting: fmt(locale, kind, zone, value, unit), one cached formatter per locale, kind and
// zone. Kinds: w(eekday date), d(ate, short), t(ime), n(umber), p(ercent), q (percent, short),
// c(ompact number), r(elative time; `unit` is day, month or year), z (the reader's own time zone).
// Where a browser lacks a formatter or an option: plain text, never an exception.
const OPTS = {
  w: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  d: { day: "numeric", month: "short", year: "numeric" },
  t: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  p: { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 },
  q: { style: "percent", maximumFractionDigits: 2 },
  c: { notation: "compact", compactDisplay: "long", maximumFractionDigits: 1 },
};
const fmts = new Map();
export function fmt(locale, kind, zone, v, unit) {
  const key = locale + kind + zone;
  let f = fmts.get(key);
  try {
    if (f === undefined) {
      fmts.set(key, null); // a formatter the browser cannot make is not tried again
      const I = Intl, o = { ...OPTS[kind] };
      if (zone) o.timeZone = zone;
      fmts.set(key, (f = kind === "r" ? new I.RelativeTimeFormat(locale, { numeric: "auto" })
        : "wdtz".includes(kind) ? new I.DateTimeFormat(locale, o) : new I.NumberFormat(locale, o)));
    }
    return kind === "z" ? f.resolvedOptions().timeZone : f.format(kind === "r" ? v : "wdt".includes(kind) ? new Date(v) : v, unit);
  } catch (e) {
    if (kind === "z") return "UTC";
    const id = locale[0] === "i";
    if (kind === "r") {
      const n = Math.abs(v), u = id ? { day: "hari", month: "bulan", year: "tahun" }[unit] : unit + (n === 1 ? "" : "s");
      return v < 0 ? (id ? `${n} ${u} yang lalu` : `${n} ${u} ago`) : (id ? `dalam ${n} ${u}` : `in ${n} ${u}`);
    }
    if ("wdt".includes(kind)) return new Date(v).toISOString().slice(0, 16).replace("T", " ") + " UTC";
    return "pq".includes(kind) ? (v * 100).toFixed(2) + "%" : String(v);
  }
}

// A widget's event, on its host element, bubbling out of the shadow root.
export function emit(el, type, detail) {
  el.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
}

// The widget's stylesheet (its text is compiled into the Wasm and comes with the first call): one
// constructed sheet shared by every shadow root (allowed under a strict CSP), or, in browsers
// without constructable stylesheets (Safari before 16.4), a <style> element in each shadow root.
let css, sheet;
export function style(sr, text) {
  if (text) css = text;
  guard(sr);
  if (!sr.adoptedStyleSheets || !CSSStyleSheet.prototype.replaceSync) {
    if (!sr.querySelector("style[data-pw]")) {
      const s = document.createElement("style");
      s.setAttribute("data-pw", "");
      s.textContent = css;
      sr.prepend(s);
    }
    return;
  }
  if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(css); }
  if (!sr.adoptedStyleSheets.includes(sheet)) sr.adoptedStyleSheets = [...sr.adoptedStyleSheets, sheet];
}

// Tamper-proofing. A host script or an extension may remove or move nodes inside a widget; the view
// library, when it next updates, removes and inserts nodes where it left them, and a node that is
// gone must not stop the module (a trap stops every widget on the page). Every element in the
// shadow root gets a removeChild that ignores a node no longer there and an insertBefore that
// appends when its reference node has gone; either then asks the entry script to start that widget
// again on a clean slate (the internal "pemilu-internal:restart" event), so nothing stale stays.
const restart = (el) => {
  const host = el.getRootNode().host;
  if (!host || host.__pwRestart) return;
  host.__pwRestart = true;
  queueMicrotask(() => { host.__pwRestart = false; host.dispatchEvent(new Event("pemilu-internal:restart", { bubbles: true })); });
};
function remove(n) {
  if (n.parentNode === this) return Node.prototype.removeChild.call(this, n);
  restart(this);
  return n;
}
function insert(n, ref) {
  if (ref && ref.parentNode !== this) { restart(this); ref = null; }
  return Node.prototype.insertBefore.call(this, n, ref);
}
const tolerant = (el) => {
  if (el.nodeType !== 1 || el.removeChild === remove) return;
  el.removeChild = remove;
  el.insertBefore = insert;
  for (const c of el.children) tolerant(c);
};
function guard(sr) {
  if (sr.__pwGuard) return;
  sr.__pwGuard = new MutationObserver((records) => { for (const r of records) { tolerant(r.target); r.addedNodes.forEach(tolerant); } });
  sr.__pwGuard.observe(sr, { childList: true, subtree: true });
  for (const c of sr.children) tolerant(c);
}

// CSS.supports("color", v), where the browser can tell.
// Trusted Types: the view's markup (built by src/web/markup.rs, every text escaped) reaches
// innerHTML through this named policy, so a page that enforces Trusted Types
// (require-trusted-types-for 'script') works, and one that lists its policies allows "pemilu-widget".
// scripts/pack.mjs routes the glue's innerHTML setter through it.
let policy;
export function html(s) {
  if (policy === undefined) try { policy = trustedTypes.createPolicy("pemilu-widget", { createHTML: (s) => s }); } catch (e) { policy = null; }
  return policy ? policy.createHTML(s) : s;
}

export function isColor(v) { try { return CSS.supports("color", v); } catch (e) { return false; } }

// A CSS custom property through the CSSOM (allowed under a strict CSP); no value removes it.
export function cssVar(el, name, value) { if (value == null) el.style.removeProperty(name); else el.style.setProperty(name, value); }

// localStorage, read (no value) or written; nothing where storage is refused or full.
export function store(key, value) {
  try { if (value == null) return localStorage.getItem(key); localStorage.setItem(key, value); } catch (e) { /* refused or full */ }
}

// The page's path (storage keys), and a widget's place among the page's widgets.
export function path() { return location.pathname; }
export function index(host) { const i = [...document.querySelectorAll("[data-pemilu-widget]")].indexOf(host); return i < 0 ? undefined : i; }

// Files and sharing live in pemilu-services.js, imported the first time one is needed.
const services = () => import(new URL("pemilu-services.js", import.meta.url).href);
export function load(...args) { return services().then((m) => m.load(...args)); }
export function share(...args) { return services().then((m) => m.share(...args)); }
