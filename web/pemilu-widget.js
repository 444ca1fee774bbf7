// Pemilu Widget entry (ES module). Finds every [data-pemilu-widget], gives it an open shadow
// root with a placeholder of the widget's final height, and only when a widget comes within
// about one screen of the viewport (or mount()/scan() is called) downloads and compiles the Wasm.
// Safe to load twice: the first copy stays in charge.
const VERSION = "__PEMILU_VERSION__";
const W = window;
if (!W.PemiluWidget) {
  const SEL = "[data-pemilu-widget]";
  const ATTRS = ["lang", "modules", "theme", "accent", "timezone", "election-date", "election-name",
    "data-src", "quiz-src", "quiz-count", "seed", "now"];
  const MODULES = ["countdown", "parties", "quiz", "guide"];
  const DEFAULT_MODULES = MODULES.slice(0, 3);
  // The host box, and the height each module reserves before and after the Wasm renders (the
  // placeholder .pw-skel and the widget's .pw share padding, borders and container width), so the
  // article never shifts. The widget's own stylesheet is compiled into the Wasm, which hands its
  // text to `style` below.
  const HOST_CSS = ":host{display:block!important;height:auto!important;max-height:none!important;" +
    "overflow:visible!important;float:none!important;visibility:visible!important;opacity:1!important;" +
    "font-size:medium!important;line-height:1.5!important}" +
    ".pw-skel,.pw{container-type:inline-size}" +
    ".pw-root:not(:empty)~.pw-skel{display:none}.pw-skel{border:1px solid #8885;border-top:4px solid #8887;border-radius:8px;padding:1em}" +
    ".pw-skel{box-sizing:border-box}.pw-skel i{display:block;box-sizing:content-box}" +
    ".pw-skel i+i{margin-top:1em;padding-top:1em;border-top:1px solid #8885}" +
    ":host::before,:host::after{display:none!important}" +
    "__PEMILU_RESERVE_CSS__";
  // Constructed stylesheets, shared by every shadow root (allowed under a strict CSP); where the
  // browser has none (Safari before 16.4), a <style> element in each shadow root instead.
  const adopt = !!(W.ShadowRoot && "adoptedStyleSheets" in ShadowRoot.prototype && W.CSSStyleSheet && "replaceSync" in CSSStyleSheet.prototype);
  const sheets = new Map();
  const sheetOf = (css) => {
    let s = sheets.get(css);
    if (!s) { s = new CSSStyleSheet(); s.replaceSync(css); sheets.set(css, s); }
    return s;
  };
  const styleEl = (css, mark) => {
    const s = document.createElement("style");
    s.textContent = css;
    if (mark) s.setAttribute("data-pw", "");
    return s;
  };
  // The shadow root's content: the host rules (as a <style> without constructed sheets) and `nodes`.
  const fill = (sr, ...nodes) => sr.replaceChildren(...(adopt ? [] : [styleEl(HOST_CSS)]), ...nodes);
  // The widget's own rules, added once per shadow root (called by the Wasm at every mount).
  const style = (sr, css) => {
    if (!adopt) return sr.querySelector("style[data-pw]") || sr.prepend(styleEl(css, 1));
    const s = sheetOf(css);
    if (!sr.adoptedStyleSheets.includes(s)) sr.adoptedStyleSheets = [...sr.adoptedStyleSheets, s];
  };
  const base = import.meta.url;
  // element -> { id, opts, state: "waiting" | "loading" | "mounted", seen, wanted }
  const widgets = new Map();
  const foreign = new WeakSet(); // elements whose shadow root belongs to someone else
  let nextId = 1, core = null;

  // Services a widget needs only on demand (fetching a file, sharing a quiz result) live in
  // pemilu-services.js, imported the first time one is used.
  const on = (name) => (...args) => import(new URL("pemilu-services.js", base).href).then((m) => m[name](...args));
  // Every widget event: on the host element, bubbling out of the shadow root.
  const emit = (el, type, detail) => el.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  // Intl formatting for the Wasm: fmt(locale, kind, zone, value, unit), one cached formatter per
  // locale, kind and zone. Kinds: w(eekday date), d(ate, short), t(ime), n(umber), p(ercent),
  // q (percent, short), c(ompact number), r(elative time; `unit` is day, month or year), z (the
  // reader's own time zone). Where a browser lacks a formatter or an option, plain text instead of
  // an exception.
  const OPTS = {
    w: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
    d: { day: "numeric", month: "short", year: "numeric" },
    t: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
    p: { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 },
    q: { style: "percent", maximumFractionDigits: 2 },
    c: { notation: "compact", compactDisplay: "long", maximumFractionDigits: 1 },
  };
  const fmts = new Map();
  const fmt = (locale, kind, zone, v, unit) => {
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
      if ("wdt".includes(kind)) return new Date(v).toISOString().slice(kind === "t" ? 11 : 0, kind === "t" ? 16 : 10) + (kind === "t" ? " UTC" : "");
      return kind === "p" || kind === "q" ? (v * 100).toFixed(kind === "p" ? 2 : 0) + "%" : String(v);
    }
  };
  const services = { load: on("load"), share: on("share"), emit, style, fmt };

  const loadCore = () => core || (core = import(new URL("pemilu-core.js", base).href).then(async (m) => {
    await m.default({ module_or_path: new URL("pemilu-core_bg.wasm", base) });
    return m;
  }).catch((e) => { core = null; throw e; })); // a failed download may be retried later

  const attrsOf = (el, opts) => {
    const out = {};
    for (const a of ATTRS) {
      const v = el.getAttribute("data-" + a);
      if (v !== null) out["data-" + a] = v;
    }
    for (const k in opts || {}) {
      const name = "data-" + k.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
      if (opts[k] !== undefined && opts[k] !== null) out[name] = String(opts[k]);
    }
    return out;
  };

  const failed = (el, err, opts) => {
    const lang = String((opts && opts.lang) || el.getAttribute("data-lang") || "").trim().toLowerCase() === "en" ? "en" : "id";
    const message = lang === "en" ? "The election widget could not load." : "Widget pemilu tidak dapat dimuat.";
    const sr = el.shadowRoot;
    if (sr && sr.__pemilu) fill(sr, document.createElement("slot")); // show the fallback content again
    widgets.delete(el);
    console.warn("[pemilu-widget] " + message, err);
    emit(el, "pemilu:error", { code: "data-fetch-failed", message });
  };

  // The placeholder: one block per module asked for, each of the module's rendered height.
  const skeleton = (el, w) => {
    const asked = w.opts && w.opts.modules != null ? String(w.opts.modules) : el.getAttribute("data-modules") || "";
    const list = asked.split(",").map((s) => s.trim().toLowerCase()).filter((m, i, a) => MODULES.includes(m) && a.indexOf(m) === i);
    const skel = document.createElement("div");
    skel.className = "pw-skel";
    skel.setAttribute("aria-hidden", "true");
    for (const m of list.length ? list : DEFAULT_MODULES) {
      const i = document.createElement("i");
      i.className = m[0]; // "c", "p", "q", "g": the reserved heights of scripts/reserve.mjs
      skel.append(i);
    }
    fill(el.shadowRoot, skel);
  };

  // Attach the shadow root and the placeholder: the article keeps its layout from here on.
  const prepare = (el) => {
    let w = widgets.get(el);
    if (w) return w;
    if (foreign.has(el)) return null;
    let sr = el.shadowRoot;
    if (!sr) {
      try { sr = el.attachShadow({ mode: "open" }); } catch (e) { foreign.add(el); failed(el, e); return null; }
    } else if (!sr.__pemilu) { foreign.add(el); failed(el, new Error("element already has a shadow root")); return null; }
    sr.__pemilu = true;
    if (adopt) sr.adoptedStyleSheets = [sheetOf(HOST_CSS)];
    w = { id: nextId++, opts: null, state: "waiting", seen: el.isConnected, wanted: false };
    widgets.set(el, w);
    skeleton(el, w);
    return w;
  };

  // Widgets mount one per task, so that several coming into view at once never make a long task
  // on the host page's main thread.
  const queue = [];
  const turn = (job) => {
    queue.push(job);
    if (queue.length === 1) setTimeout(function run() { queue.shift()(); if (queue.length) setTimeout(run, 0); }, 0);
  };

  // Loads the Wasm (once per page) and mounts `el`; `force` (from mount()) re-configures a mounted
  // widget. An element not in the document yet is mounted when it is added.
  const activate = (el, force) => {
    const w = widgets.get(el);
    if (!w) return;
    if (!el.isConnected) { w.wanted = true; return; }
    if (w.state === "loading" || (w.state === "mounted" && !force)) return; // a pending load reads the latest options
    if (w.state === "waiting") w.state = "loading";
    w.wanted = false;
    io && io.unobserve(el);
    loadCore().then((m) => turn(() => {
      if (widgets.get(el) !== w) return;
      if (!el.isConnected) { w.state = w.state === "mounted" ? "mounted" : "waiting"; w.wanted = true; return; }
      try {
        m.mount(w.id, el, attrsOf(el, w.opts), new URL(".", base).href, services);
        w.state = "mounted";
      } catch (e) { failed(el, e, w.opts); }
    }), (e) => { if (widgets.get(el) === w) failed(el, e, w.opts); });
  };

  const io = "IntersectionObserver" in W ? new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) activate(e.target);
  }, { rootMargin: "100% 0px" }) : null;

  const discover = (root, eager) => {
    const found = [];
    if (root.matches && root.matches(SEL)) found.push(root);
    if (root.querySelectorAll) found.push(...root.querySelectorAll(SEL));
    for (const el of found) {
      const known = widgets.get(el);
      if (known) { if (eager) activate(el); continue; }
      if (!prepare(el)) continue;
      if (eager || !io) activate(el); else io.observe(el);
    }
  };

  const unmount = (el) => {
    const w = widgets.get(el);
    if (!w) return;
    widgets.delete(el);
    io && io.unobserve(el);
    if (w.state === "mounted" && core) core.then((m) => m.unmount(w.id));
    if (el.shadowRoot && el.shadowRoot.__pemilu) fill(el.shadowRoot, document.createElement("slot"));
  };

  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) discover(n, false);
    for (const [el, w] of [...widgets]) {
      if (el.isConnected) {
        w.seen = true;
        if (w.wanted) activate(el, true); // mounted through the API before it was added
      } else if (w.seen) unmount(el); // removed from the document
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  W.PemiluWidget = Object.freeze({
    version: VERSION,
    mount(el, options) {
      if (!(el instanceof Element)) throw new TypeError("PemiluWidget.mount: an element is required");
      const w = prepare(el);
      if (!w) return;
      w.opts = Object.assign({}, w.opts, options);
      if (w.state !== "mounted") skeleton(el, w);
      activate(el, true);
    },
    unmount,
    scan(root) { discover(root || document, true); },
  });
  discover(document, false);
}
