// Browsers readers really use, simulated in Chromium by removing what older engines lack: every
// widget still renders, styled and readable, with no exception; and the quiz's share link points
// at the article, not at a URL full of tracking parameters.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, addWidgets, waitReady, widgetText, axe, playRound } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const heights = (page) => page.evaluate(() => [...document.querySelectorAll("#slot [data-pemilu-widget]")].map((e) => e.getBoundingClientRect().height));

async function open(setup, widgets, opts) {
  const page = await newPage(browser, opts);
  if (setup) await page.addInitScript(setup);
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, widgets);
  await page.waitForFunction(() => [...document.querySelectorAll("#slot [data-pemilu-widget]")].every((e) => e.shadowRoot));
  page.reserved = await heights(page);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, widgets.length);
  return page;
}

test("without constructable stylesheets (Safari before 16.4): <style> elements, a styled widget, the same reserved height", async () => {
  const page = await open(() => {
    delete ShadowRoot.prototype.adoptedStyleSheets;
    delete Document.prototype.adoptedStyleSheets;
    delete CSSStyleSheet.prototype.replaceSync;
    window.CSSStyleSheet = function CSSStyleSheet() { throw new TypeError("Illegal constructor"); };
  }, [
    { id: "dark", attrs: { "data-lang": "en", "data-theme": "dark", "data-now": "2024-02-10T12:00:00+07:00", "data-timezone": "WIB" } },
    { id: "light", attrs: { "data-modules": "countdown", "data-now": "2024-02-10T12:00:00+07:00", "data-timezone": "WIB" } },
  ]);
  const look = await page.evaluate(() => {
    const sr = document.getElementById("dark").shadowRoot;
    const pw = sr.querySelector(".pw");
    return { styles: sr.querySelectorAll("style").length, bg: getComputedStyle(pw).backgroundColor, border: getComputedStyle(pw).borderTopWidth };
  });
  assert.equal(look.styles, 2, "the host rules and the widget's rules");
  assert.deepEqual(await heights(page), page.reserved, "the placeholder reserved the rendered height");
  assert.equal(look.bg, "rgb(23, 25, 29)");
  assert.equal(look.border, "4px");
  assert.match(await widgetText(page, "dark"), /Countdown to Indonesia's 2024 general election/);
  assert.deepEqual(page.errors, []);
  // Unmount and mount again: the rules come back with the widget.
  await page.evaluate(() => { const el = document.getElementById("light"); window.PemiluWidget.unmount(el); window.PemiluWidget.mount(el); });
  await waitReady(page, 3);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("light").shadowRoot.querySelector(".pw")).borderTopWidth), "4px");
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("without Intl.RelativeTimeFormat: plain words for the distance, and every widget keeps working", async () => {
  const page = await open(() => { delete Intl.RelativeTimeFormat; }, [
    { id: "id", attrs: { "data-modules": "countdown" } },
    { id: "en", attrs: { "data-lang": "en", "data-modules": "countdown" } },
    { id: "clock", attrs: { "data-lang": "en", "data-modules": "countdown", "data-election-date": "2099-02-14T07:00:00+07:00" } },
  ], { timezoneId: "Asia/Jakarta" });
  assert.match(await widgetText(page, "id"), /Pemungutan suara digelar Rabu, 14 Februari 2024 \(\d+ tahun yang lalu\)\./);
  assert.match(await widgetText(page, "en"), /Voting took place on Wednesday, 14 February 2024 \(\d+ years ago\)\./);
  const before = await page.evaluate(() => document.getElementById("clock").shadowRoot.querySelector('[role="timer"]').textContent);
  await page.waitForTimeout(1200);
  const after = await page.evaluate(() => document.getElementById("clock").shadowRoot.querySelector('[role="timer"]').textContent);
  assert.notEqual(after, before, "the clock still ticks");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const [name, canonical, expected] of [
  ["the page's canonical URL", "https://news.example.id/2026/12/pemilu", "https://news.example.id/2026/12/pemilu"],
  ["without one, the address without its query", null, "/article.html"],
]) {
  test(`sharing a quiz result links to the article: ${name}`, async () => {
    const page = await newPage(browser);
    await page.addInitScript(() => {
      window.__shared = [];
      Object.defineProperty(navigator, "share", { value: async (data) => { window.__shared.push(data); } });
    });
    await page.goto(`${server.base}/article.html?utm_source=wa&fbclid=abc#top`);
    if (canonical) await page.evaluate((href) => { const l = document.createElement("link"); l.rel = "canonical"; l.href = href; document.head.append(l); }, canonical);
    await addWidgets(page, [{ id: "q", attrs: { "data-lang": "en", "data-modules": "quiz", "data-quiz-count": "1", "data-seed": "1" } }]);
    await page.evaluate(() => window.PemiluWidget.scan());
    const quiz = await playRound(page, "q");
    await quiz.getByRole("button", { name: "Share your result" }).click();
    await page.waitForFunction(() => window.__shared.length === 1);
    const [data] = await page.evaluate(() => window.__shared);
    assert.equal(data.url, canonical ? expected : `${server.base}${expected}`);
    assert.doesNotMatch(data.url, /utm_|fbclid|#/);
    assert.match(data.text, /\d+ of 1|\d+ dari 1|1/);
    await page.context().close();
  });
}

for (const scheme of ["light", "dark"]) {
  test(`forced colours (Windows high contrast), ${scheme}: the selected tab and the current stage stand out in system colours`, async () => {
    const page = await newPage(browser, { colorScheme: scheme });
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(`${server.base}/article.html`);
    await addWidgets(page, [{ id: "w", attrs: { "data-lang": "en", "data-now": "2024-02-12T12:00:00+07:00", "data-timezone": "WIB" } }]);
    await page.evaluate(() => window.PemiluWidget.scan());
    await waitReady(page, 1);
    const r = await page.evaluate(() => {
      const sr = document.getElementById("w").shadowRoot;
      const tabs = [...sr.querySelectorAll("[role=tab]")].map((t) => [t.getAttribute("aria-selected"), getComputedStyle(t).borderBottomColor]);
      const steps = [...sr.querySelectorAll(".pw-step")].map((s) => [s.dataset.state, getComputedStyle(s).backgroundColor, getComputedStyle(s).borderTopWidth]);
      return { tabs, steps, canvas: getComputedStyle(sr.querySelector(".pw")).backgroundColor };
    });
    const selected = r.tabs.filter(([s]) => s === "true").map(([, c]) => c);
    const others = r.tabs.filter(([s]) => s !== "true").map(([, c]) => c);
    assert.equal(selected.length, 1);
    for (const c of others) assert.notEqual(c, selected[0], "the selected tab's underline differs");
    const bg = (state) => r.steps.filter(([s]) => s === state).map(([, c]) => c);
    assert.equal(new Set(bg("current")).size, 1);
    for (const state of ["done", "todo"]) for (const c of bg(state)) assert.notEqual(c, bg("current")[0], `${state} differs from the current stage`);
    assert.notEqual(bg("done")[0], bg("todo")[0], "done differs from to-do");
    for (const [, , border] of r.steps) assert.equal(border, "1px", "every stage is outlined, so the strip stays visible");
    // (No axe audit here: in forced colours the reader's own theme sets every colour, and axe's
    // contrast check then measures the emulation, on the host page as on the widget.)
    await page.context().close();
  });
}

for (const [name, setup] of [
  ["without WebAssembly", () => { delete window.WebAssembly; }],
  ["with an engine that cannot compile the module", () => {
    const no = () => Promise.reject(new WebAssembly.CompileError("unknown instruction"));
    WebAssembly.instantiateStreaming = no;
    WebAssembly.instantiate = no;
    WebAssembly.compileStreaming = no;
    WebAssembly.compile = no;
  }],
]) {
  test(`${name}: the fallback content stays, and pemilu:error says unsupported, in the widget's language`, async () => {
    const page = await newPage(browser);
    await page.addInitScript(setup);
    await page.goto(`${server.base}/article.html`);
    await addWidgets(page, [{ id: "en", attrs: { "data-lang": "en" } }, { id: "id", attrs: { "data-modules": "quiz" } }]);
    await page.evaluate(() => window.PemiluWidget.scan());
    await page.waitForFunction(() => window.__events.filter((e) => e.type === "pemilu:error").length === 2, null, { timeout: 15000 });
    const errors = await page.evaluate(() => window.__events.filter((e) => e.type === "pemilu:error").map((e) => [e.id, e.detail.code, e.detail.message]));
    assert.deepEqual(errors.sort(), [
      ["en", "unsupported", "The election widget could not load."],
      ["id", "unsupported", "Widget pemilu tidak dapat dimuat."],
    ]);
    // The reader sees the host element's own fallback (the KPU link), not a blank box.
    await page.locator("#en").getByRole("link", { name: "KPU" }).waitFor();
    assert.ok(await page.locator("#en").getByRole("link", { name: "KPU" }).isVisible());
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
