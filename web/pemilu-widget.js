// Pemilu Widget entry (ES module). Finds every [data-pemilu-widget], gives it an open shadow
// root with a placeholder of the widget's final height, and only when a widget comes within
// about one screen of the viewport (or mount()/scan() is called) downloads and compiles the Wasm.
// Safe to load twice: the first copy stays in charge.
const VERSION = "__PEMILU_VERSION__";
const W = window;
if (!W.PemiluWidget) {
  const SEL = "[data-pemilu-widget]";
  const ATTRS = ["lang", "modules", "theme", "accent", "timezone", "election-date", "election-name",
    "data-src", "quiz-src", "quiz-count", "seed", "now", "share-url"];
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
  let sheet;
  const styleEl = () => {
    const s = document.createElement("style");
    s.textContent = HOST_CSS;
    return s;
  };
  // The shadow root's content: the host rules (as a <style> without constructed sheets) and `nodes`.
  // (The widget's own rules come with the Wasm: web/pemilu-runtime.js.)
  const fill = (sr, ...nodes) => sr.replaceChildren(...(adopt ? [] : [styleEl()]), ...nodes);
  const base = import.meta.url;
  // element -> { id, opts, state: "waiting" | "loading" | "mounted", seen, wanted }
  const widgets = new Map();
  const foreign = new WeakSet(); // elements whose shadow root belongs to someone else
  let nextId = 1, core = null;

  // A widget's event, on its host element, bubbling out of the shadow root.
  const emit = (el, type, detail) => el.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));

  // The first Intl date formatter of a page costs 20-30 ms (the browser loads its locale and
  // time-zone data); made here, in a task of its own while the Wasm downloads, it is not added to
  // the first widget's render.
  const loadCore = () => core || (setTimeout(() => { try { Intl.DateTimeFormat().format(); } catch (e) { /* no Intl: plain text later */ } }),
    core = import(new URL("pemilu-core.js", base).href).then(async (m) => {
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
      // Any value becomes text (one without a toString, too): the Wasm reports what it cannot use.
      const v = opts[k];
      if (v !== undefined && v !== null) out[name] = typeof v === "object" ? Object.prototype.toString.call(v) : String(v);
    }
    return out;
  };

  const english = (el, opts) => String((opts && typeof opts.lang === "string" && opts.lang) || el.getAttribute("data-lang") || "").trim().toLowerCase() === "en";
  // `code` "unsupported": a browser without WebAssembly, or one that cannot compile the module.
  const failed = (el, err, opts, code) => {
    const message = english(el, opts) ? "The election widget could not load." : "Widget pemilu tidak dapat dimuat.";
    const sr = el.shadowRoot;
    if (sr && sr.__pemilu) fill(sr, document.createElement("slot")); // show the fallback content again
    widgets.delete(el);
    console.warn("[pemilu-widget] " + message, err);
    emit(el, "pemilu:error", { code: code || "data-fetch-failed", message });
  };

  // Crash containment. A trap in the Wasm (a bug, or memory it can no longer trust) stops the
  // module for the whole page: every widget then says so, shows its fallback content again and
  // fires pemilu:error with code "crashed", instead of freezing; widgets added later do the same.
  let crashed = null;
  const showCrash = (el, w) => {
    const message = english(el, w && w.opts) ? "The election widget stopped. Reload the page to try again."
      : "Widget pemilu berhenti. Muat ulang halaman untuk mencoba lagi.";
    const p = document.createElement("p");
    p.className = "pw-skel"; // the placeholder's frame
    p.setAttribute("role", "alert");
    p.textContent = message;
    if (el.shadowRoot && el.shadowRoot.__pemilu) fill(el.shadowRoot, p, document.createElement("slot"));
    if (w) w.state = "crashed";
    emit(el, "pemilu:error", { code: "crashed", message });
  };
  const crash = (err) => {
    if (crashed) return;
    crashed = err;
    console.warn("[pemilu-widget] internal error; stopped", err);
    for (const [el, w] of widgets) if (w.state !== "waiting") showCrash(el, w);
  };
  // A trap surfaces as a WebAssembly.RuntimeError thrown out of a call into the module: from the
  // entry (mount, unmount), or from a timer, listener or promise job the glue set up.
  const trapped = (e) => !!(W.WebAssembly && e instanceof WebAssembly.RuntimeError && /pemilu-core/.test(String(e.stack)));
  const onTrap = (ev) => {
    const e = ev.error || ev.reason;
    if (trapped(e)) { ev.preventDefault(); crash(e); }
  };
  W.addEventListener("error", onTrap);
  W.addEventListener("unhandledrejection", onTrap);

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
  const prepare = (el, opts) => {
    let w = widgets.get(el);
    if (w) return w;
    if (foreign.has(el)) return null;
    let sr = el.shadowRoot;
    if (!sr) {
      try { sr = el.attachShadow({ mode: "open" }); } catch (e) { foreign.add(el); failed(el, e, opts); return null; }
    } else if (!sr.__pemilu) { foreign.add(el); failed(el, new Error("element already has a shadow root"), opts); return null; }
    sr.__pemilu = true;
    if (adopt) {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(HOST_CSS); }
      sr.adoptedStyleSheets = [sheet];
    }
    w = { id: nextId++, opts: null, state: "waiting", seen: el.isConnected, wanted: false };
    widgets.set(el, w);
    skeleton(el, w);
    // Attributes changed in place (as frameworks do when they reuse an element) take effect.
    attrs.observe(el, { attributes: true, attributeFilter: ATTRS.map((a) => "data-" + a) });
    // A widget inside another component's shadow root: watch that root for its removal too.
    const root = el.getRootNode();
    if (root !== document && W.ShadowRoot && root instanceof ShadowRoot) tree.observe(root, { childList: true, subtree: true });
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
    if (crashed) { if (w.state !== "crashed") showCrash(el, w); return; }
    if (!el.isConnected) { w.wanted = true; return; }
    if (w.state === "loading" || (w.state === "mounted" && !force)) return; // a pending load reads the latest options
    if (w.state === "waiting") w.state = "loading";
    w.wanted = false;
    io && io.unobserve(el);
    loadCore().then((m) => turn(() => {
      if (widgets.get(el) !== w) return;
      if (!el.isConnected) { w.state = w.state === "mounted" ? "mounted" : "waiting"; w.wanted = true; return; }
      if (crashed) return showCrash(el, w);
      try {
        m.mount(w.id, el, attrsOf(el, w.opts), new URL(".", base).href);
        w.state = "mounted";
      } catch (e) { if (trapped(e)) crash(e); else failed(el, e, w.opts); }
    }), (e) => { if (widgets.get(el) === w) failed(el, e, w.opts, (!W.WebAssembly || e instanceof WebAssembly.CompileError) && "unsupported"); });
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
    if (w.state === "mounted" && core && !crashed) core.then((m) => { try { m.unmount(w.id); } catch (e) { if (trapped(e)) crash(e); } });
    if (el.shadowRoot && el.shadowRoot.__pemilu) fill(el.shadowRoot, document.createElement("slot"));
  };

  const tree = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) discover(n, false);
    for (const [el, w] of [...widgets]) {
      if (el.isConnected) {
        w.seen = true;
        if (w.wanted) activate(el, true); // mounted through the API before it was added
      } else if (w.seen) unmount(el); // removed from the document
    }
  });
  tree.observe(document.documentElement, { childList: true, subtree: true });
  const attrs = new MutationObserver((records) => {
    for (const el of new Set(records.map((r) => r.target))) {
      const w = widgets.get(el);
      if (!w) continue;
      if (w.state === "mounted") activate(el, true);
      else if (w.state === "waiting") skeleton(el, w); // data-modules may change the space to reserve
    }
  });

  // A widget whose content the page changed behind its back starts again on a clean slate (see
  // web/pemilu-runtime.js), at most three times per element.
  document.addEventListener("pemilu-internal:restart", (e) => {
    const el = e.target, w = widgets.get(el);
    if (!w || w.state !== "mounted" || (el.__pwRestarts = (el.__pwRestarts || 0) + 1) > 3) return;
    console.warn("[pemilu-widget] content changed by the page; restarted", el);
    unmount(el);
    W.PemiluWidget.mount(el, w.opts);
  });

  W.PemiluWidget = Object.freeze({
    version: VERSION,
    mount(el, options) {
      // An element of this document, not the page itself (its shadow root would hide the article).
      if (!el || el.nodeType !== 1 || el.ownerDocument !== document || el === document.body || el === document.documentElement) {
        throw new TypeError("PemiluWidget.mount: a <div> of this document is required, not " + (el && el.localName ? "<" + el.localName + ">" : el));
      }
      const w = prepare(el, options);
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
