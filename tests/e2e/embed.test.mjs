// Embedding as a newsroom does it: elements added and removed later, the script loaded twice,
// the JS API, lazy loading, the iframe form with its resizer, and a strict CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, events, waitReady, widgetText, addWidgets, axe, built } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const mountedCount = (page) => page.evaluate(async (core) => (await import(core)).mountedCount(), built().core);

test("elements added later mount by themselves; removed ones unmount and free their timers", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, [{ id: "a", attrs: { "data-modules": "countdown", "data-lang": "en" } }, { id: "b", attrs: { "data-modules": "countdown" } }]);
  await waitReady(page, 2);
  assert.match(await widgetText(page, "a"), /Indonesia.s 2024 general election/);
  assert.deepEqual(await axe(page), []);
  assert.equal(await mountedCount(page), 2);
  // Removing a parent with a widget inside unmounts it too.
  await page.evaluate(() => { const w = document.createElement("div"); w.id = "wrap"; w.append(document.getElementById("b")); document.getElementById("slot").append(w); });
  await page.waitForTimeout(50);
  assert.equal(await mountedCount(page), 2, "moving an element does not unmount it");
  await page.evaluate(() => { document.getElementById("a").remove(); document.getElementById("wrap").remove(); });
  await page.waitForFunction(async (core) => (await import(core)).mountedCount() === 0, built().core);
  // Timers were dropped: no more DOM work for the removed widgets.
  const mutations = await page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement("div");
    let n = 0;
    const mo = new MutationObserver((r) => { n += r.length; });
    mo.observe(document, { subtree: true, childList: true, characterData: true });
    setTimeout(() => { mo.disconnect(); resolve(n + el.childElementCount); }, 1300);
  }));
  assert.equal(mutations, 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the script loaded twice and scan() called twice never mount an element twice", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, [{ id: "one", attrs: { "data-modules": "countdown", "data-lang": "en" } }]);
  await page.evaluate(() => new Promise((resolve) => {
    const s = document.createElement("script");
    s.type = "module";
    s.src = "/pemilu-widget.js?copy=2";
    s.onload = resolve;
    document.head.append(s);
  }));
  await page.evaluate(() => { window.PemiluWidget.scan(); window.PemiluWidget.scan(document.getElementById("slot")); });
  await waitReady(page, 1);
  await page.waitForTimeout(300);
  assert.equal((await events(page, "pemilu:ready")).length, 1);
  assert.equal((await events(page, "pemilu:error")).length, 0);
  assert.equal(await mountedCount(page), 1);
  assert.equal(await page.evaluate(() => document.getElementById("one").shadowRoot.querySelectorAll(".pw").length), 1);
  assert.match(await page.evaluate(() => window.PemiluWidget.version), /^\d+\.\d+\.\d+$/);
  await page.context().close();
});

test("mount() with options re-configures; unmount() restores the fallback", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/article.html`);
  await page.evaluate(() => {
    const el = document.createElement("section");
    el.id = "api";
    el.innerHTML = '<a href="https://www.kpu.go.id/">Fallback link</a>';
    document.getElementById("slot").append(el);
    window.PemiluWidget.mount(el, { modules: "countdown", timezone: "WIT", now: "2024-02-14T09:15:00+09:00" });
  });
  await waitReady(page, 1);
  assert.match(await widgetText(page, "api"), /TPS sedang dibuka/);
  await page.evaluate(() => window.PemiluWidget.mount(document.getElementById("api"), { lang: "en" }));
  await waitReady(page, 2);
  const text = await widgetText(page, "api");
  assert.match(text, /Polls are open: voting continues until 13:00 WIT\./, "options merge: earlier ones are kept");
  assert.deepEqual((await events(page, "pemilu:ready")).map((e) => e.detail.lang), ["id", "en"]);
  assert.equal(await mountedCount(page), 1, "re-configured, not mounted again");
  await page.evaluate(() => window.PemiluWidget.unmount(document.getElementById("api")));
  await page.waitForFunction(async (core) => (await import(core)).mountedCount() === 0, built().core);
  assert.equal(await page.getByRole("link", { name: "Fallback link" }).isVisible(), true);
  const err = await page.evaluate(() => { try { window.PemiluWidget.mount(null); return "no error"; } catch (e) { return e.name; } });
  assert.equal(err, "TypeError");
  await page.context().close();
});

test("a widget several screens down does not download the Wasm until the reader nears it", async () => {
  const page = await newPage(browser, { width: 390, height: 800 });
  const wasm = [];
  page.on("request", (r) => { if (r.url().endsWith(".wasm")) wasm.push(r.url()); });
  await page.goto(`${server.base}/lazy.html`);
  await page.waitForTimeout(600);
  assert.deepEqual(wasm, []);
  const placeholder = await page.evaluate(() => document.getElementById("far").getBoundingClientRect().height);
  assert.ok(placeholder > 250, `the placeholder reserves the widget's height (${placeholder}px)`);
  await page.evaluate(() => window.scrollTo(0, 4300));
  await waitReady(page, 1);
  assert.equal(wasm.length, 1);
  const rendered = await page.evaluate(() => document.getElementById("far").getBoundingClientRect().height);
  assert.equal(rendered, placeholder, "rendering does not change the reserved height");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await axe(page), []);
  const type = await page.evaluate(async (wasm) => (await fetch(wasm)).headers.get("content-type"), built().wasm);
  assert.equal(type, "application/wasm");
  await page.context().close();
});

test("the iframe form renders one widget and its host resizes it from its own messages only", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/iframe.html`);
  await page.waitForFunction(() => document.getElementById("frame").getBoundingClientRect().height > 200, null, { timeout: 15000 });
  const frame = page.frameLocator("#frame");
  await frame.getByText("Polls open on Wednesday, 14 February 2024 at 07:00 WITA").waitFor();
  const frameHeight = await page.evaluate(() => document.getElementById("frame").getBoundingClientRect().height);
  const contentHeight = await page.frame({ url: /lang=en/ }).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.equal(frameHeight, contentHeight);
  // The iframe without data-pemilu-iframe keeps its own height; a spoofed message is ignored.
  assert.equal(await page.evaluate(() => document.getElementById("other").getBoundingClientRect().height), 40);
  await page.evaluate(() => window.postMessage({ type: "pemilu-widget:resize", height: 7 }, "*"));
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.getElementById("frame").getBoundingClientRect().height), frameHeight);
  // The widget's events reach the host page on the <iframe> element, with the same detail; a
  // spoofed event from the page itself is not dispatched.
  const ready = (await events(page, "pemilu:ready")).filter((e) => e.id === "frame");
  assert.deepEqual(ready.map((e) => e.detail), [{ modules: ["countdown"], lang: "en" }]);
  await page.evaluate(() => window.postMessage({ type: "pemilu-widget:event", name: "pemilu:error", detail: { code: "x" } }, "*"));
  await page.waitForTimeout(100);
  assert.deepEqual((await events(page, "pemilu:error")).filter((e) => e.id === "frame"), []);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("under a strict CSP (style-src 'self') the widget is styled and causes no violation", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/__csp/csp.html`);
  await waitReady(page, 1);
  const look = await page.evaluate(() => {
    const pw = document.getElementById("csp").shadowRoot.querySelector(".pw");
    const cs = getComputedStyle(pw);
    return { top: cs.borderTopWidth, accent: cs.borderTopColor };
  });
  assert.deepEqual(look, { top: "4px", accent: "rgb(0, 105, 92)" });
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.match(await widgetText(page, "csp"), /Indonesia.s 2024 general election/);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], "axe itself aside, nothing was refused");
  await page.context().close();
});

test("with Trusted Types enforced (require-trusted-types-for 'script'; trusted-types pemilu-widget): every module works, no violation", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/__tt/csp.html`);
  await waitReady(page, 1);
  await page.evaluate(() => {
    const el = document.createElement("div");
    el.id = "all";
    el.setAttribute("data-pemilu-widget", "");
    el.setAttribute("data-lang", "en");
    el.setAttribute("data-modules", "countdown,parties,quiz,guide");
    document.getElementById("csp").after(el);
  });
  await waitReady(page, 2);
  const all = page.locator("#all");
  await all.getByRole("tab", { name: "Results" }).click();
  await all.getByRole("button", { name: "Start the quiz" }).click();
  await all.getByRole("button", { name: "Hoax" }).click();
  await page.waitForFunction(() => document.getElementById("all").shadowRoot.querySelector(".pw").innerText.includes("Where to report"));
  assert.match(await widgetText(page, "csp"), /Indonesia.s 2024 general election/);
  assert.match(await widgetText(page, "all"), /Source/);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await events(page, "pemilu:error"), []);
  await page.context().close();
});

test("mount() on an element not yet in the page mounts it once it is added, with its options", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/article.html`);
  await page.evaluate(() => {
    window.__el = document.createElement("div");
    window.__el.id = "later";
    window.PemiluWidget.mount(window.__el, { modules: "countdown", lang: "en", timezone: "WIB", now: "2024-02-10T12:00:00+07:00" });
  });
  await page.waitForTimeout(300);
  assert.equal((await events(page, "pemilu:ready")).length, 0);
  await page.evaluate(() => document.getElementById("slot").append(window.__el));
  await waitReady(page, 1);
  assert.match(await widgetText(page, "later"), /Indonesia.s 2024 general election/);
  await page.waitForTimeout(200);
  assert.equal((await events(page, "pemilu:ready")).length, 1);
  await page.context().close();
});

test("mount() while the Wasm is still loading mounts once, with the latest options", async () => {
  const page = await newPage(browser);
  await page.route(/pemilu-core_bg\.[0-9a-f]+\.wasm/, async (route) => { await new Promise((r) => setTimeout(r, 400)); await route.continue(); });
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, [{ id: "w", attrs: { "data-modules": "countdown", "data-quiz-count": "x" } }]);
  await page.evaluate(() => { window.PemiluWidget.scan(); window.PemiluWidget.mount(document.getElementById("w"), { lang: "en" }); });
  await waitReady(page, 1);
  await page.waitForTimeout(300);
  assert.deepEqual((await events(page, "pemilu:ready")).map((e) => e.detail.lang), ["en"]);
  assert.equal((await events(page, "pemilu:error")).length, 1, "one event per invalid attribute");
  // The invalid value of a module that is not displayed is still shown, as a notice.
  assert.match(await widgetText(page, "w"), /Invalid data-quiz-count value: “x”/);
  await page.context().close();
});

test("the iframe form answers amp-iframe's embed-size protocol", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/article.html`);
  const got = await page.evaluate(() => new Promise((done) => {
    const f = document.createElement("iframe");
    f.title = "AMP-style frame";
    window.addEventListener("message", (e) => { if (e.source === f.contentWindow && e.data && e.data.sentinel === "amp") done(e.data); });
    f.src = "/embed.html?modules=countdown&lang=en";
    document.getElementById("slot").append(f);
  }));
  assert.equal(got.type, "embed-size");
  assert.ok(Number.isInteger(got.height) && got.height > 100, JSON.stringify(got));
  await page.context().close();
});

test("the iframe form ignores data files from other sites", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/embed.html?lang=en&modules=countdown&data-src=https://attacker.example/fake.json`);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 1);
  assert.match(await widgetText(page, "w"), /Indonesia.s 2024 general election/);
  assert.ok(page.warnings.some((w) => /data-src ignored/.test(w)));
  assert.deepEqual(await axe(page), [], "the iframe page itself");
  await page.context().close();
});

test("a default widget downloads the entry script, the glue and the Wasm, nothing else, within 100 KB brotli", async () => {
  const { sizes, BUDGET_TOTAL, fallback } = await import("../../scripts/sizes.mjs");
  const page = await newPage(browser, { width: 390, height: 800 });
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${server.base}/default.html`);
  await waitReady(page, 1);
  // All three modules rendered, from the compiled-in data and styles.
  for (const name of ["Pemilu 2024", "Partai dan calon", "Kuis hoaks atau fakta"]) {
    await page.getByRole("heading", { name, exact: true }).waitFor();
  }
  await page.waitForTimeout(300);
  const widgetFiles = requested.filter((p) => !["/default.html", "/tests-article.css"].includes(p));
  const b = built();
  assert.deepEqual(widgetFiles.sort(), [b.core, b.wasm, b.entry].sort());
  assert.match(b.core + b.wasm, /^\/pemilu-core\.[0-9a-f]{10}\.js\/pemilu-core_bg\.[0-9a-f]{10}\.wasm$/, "content-hashed names");
  const brotli = widgetFiles.reduce((n, p) => n + sizes(p.slice(1)).brotli, 0);
  assert.ok(brotli <= BUDGET_TOTAL && BUDGET_TOTAL === 100 * 1024, `a default widget costs ${brotli} B brotli${fallback() ? ` (a FALLBACK build: ${fallback()})` : ""}`);
  assert.equal(fallback(), null, "dist/ was built by the fallback route (dist/BUILD-FALLBACK)");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("the iframe page is kept out of search results; the demo article describes itself", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/embed.html?modules=countdown`);
  assert.equal(await page.locator('meta[name="robots"]').getAttribute("content"), "noindex");
  await page.goto(`${server.base}/`);
  assert.match(await page.locator('meta[name="description"]').getAttribute("content"), /Widget Pemilu/);
  await page.context().close();
});
