// The contract's less travelled paths: attributes changed in place, data-share-url (script and
// iframe forms), and the JS API given what a real page gives it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, addWidgets, waitReady, widgetText, events, axe, playRound } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function page(widgets, opts) {
  const p = await newPage(browser, opts);
  await p.goto(`${server.base}/article.html`);
  await addWidgets(p, widgets);
  await p.evaluate(() => window.PemiluWidget.scan());
  await waitReady(p, widgets.length);
  return p;
}

test("attributes changed in place (as React or Vue do) take effect without a remount", async () => {
  const p = await page([{ id: "w", attrs: { "data-modules": "countdown", "data-now": "2024-02-10T12:00:00+07:00", "data-timezone": "WIB" } }]);
  assert.match(await widgetText(p, "w"), /^Menuju Pemilu 2024/);
  await p.evaluate(() => document.getElementById("w").setAttribute("data-lang", "en"));
  await p.waitForFunction(() => /^Countdown to/.test(document.getElementById("w").shadowRoot.querySelector(".pw").innerText));
  await p.evaluate(() => { const el = document.getElementById("w"); el.setAttribute("data-modules", "countdown,quiz"); el.setAttribute("data-theme", "dark"); });
  await p.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector('[data-module="quiz"]'));
  assert.equal(await p.evaluate(() => document.getElementById("w").shadowRoot.querySelector(".pw").dataset.theme), "dark");
  // An invalid value set later is reported like one written in the page.
  await p.evaluate(() => document.getElementById("w").setAttribute("data-quiz-count", "lots"));
  await p.waitForFunction(() => window.__events.some((e) => e.type === "pemilu:error" && e.detail.attribute === "data-quiz-count"));
  assert.match(await widgetText(p, "w"), /data-quiz-count/);
  await p.context().close();
});

test("data-share-url: the quiz's Share links there; an invalid one is reported and the article's address is used", async () => {
  const p = await newPage(browser);
  await p.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(navigator, "share", { value: async (data) => { window.__shared.push(data); } });
  });
  await p.goto(`${server.base}/article.html?utm_campaign=x`);
  await addWidgets(p, [
    { id: "set", attrs: { "data-lang": "en", "data-modules": "quiz", "data-quiz-count": "1", "data-seed": "3", "data-share-url": "https://news.example.id/pemilu/kuis" } },
    { id: "bad", attrs: { "data-lang": "en", "data-modules": "quiz", "data-quiz-count": "1", "data-seed": "3", "data-share-url": "/relative" } },
  ]);
  await p.evaluate(() => window.PemiluWidget.scan());
  await waitReady(p, 2);
  assert.deepEqual((await events(p, "pemilu:error")).map((e) => [e.id, e.detail.code, e.detail.attribute]), [["bad", "invalid-attribute", "data-share-url"]]);
  assert.match(await widgetText(p, "bad"), /Invalid data-share-url value: “\/relative”/);
  for (const id of ["set", "bad"]) {
    const q = await playRound(p, id, "Fact");
    const share = q.getByRole("button", { name: "Share your result" });
    await share.focus();
    await p.keyboard.press("Enter");
  }
  await p.waitForFunction(() => window.__shared.length === 2);
  assert.deepEqual((await p.evaluate(() => window.__shared)).map((d) => d.url), ["https://news.example.id/pemilu/kuis", `${server.base}/article.html`]);
  await p.context().close();
});

test("the quiz's result: next actions before the references, links named after where they go, focus kept on Share, one status", async () => {
  const p = await newPage(browser);
  await p.addInitScript(() => { Object.defineProperty(navigator, "share", { value: undefined }); });
  await p.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await p.goto(`${server.base}/article.html`);
  await addWidgets(p, [{ id: "q", attrs: { "data-lang": "en", "data-modules": "quiz", "data-quiz-count": "1", "data-seed": "5" } }]);
  await p.evaluate(() => window.PemiluWidget.scan());
  const q = await playRound(p, "q");
  // Reading order: Play again and Share come before the first reference link.
  const order = await p.evaluate(() => {
    const sr = document.getElementById("q").shadowRoot;
    const all = [...sr.querySelectorAll("button, a")];
    return { again: all.findIndex((e) => /Play again/.test(e.textContent)), share: all.findIndex((e) => /Share your result/.test(e.textContent)), firstLink: all.findIndex((e) => e.localName === "a") };
  });
  assert.ok(order.again < order.firstLink && order.share < order.firstLink, JSON.stringify(order));
  const names = await q.getByRole("link").allInnerTexts();
  assert.ok(names.length > 3);
  for (const n of names) assert.doesNotMatch(n, /^Source$/, "a link named only “Source”");
  assert.ok(names.some((n) => /^Source: [a-z0-9.-]+\.[a-z]{2,}$/.test(n)), names.join(" | "));
  // Share by keyboard: focus stays on the button; the confirmation is in exactly one live region.
  const share = q.getByRole("button", { name: "Share your result" });
  await share.focus();
  await p.keyboard.press("Enter");
  await p.waitForFunction(() => /copied/.test(document.getElementById("q").shadowRoot.textContent));
  assert.equal(await p.evaluate(() => document.getElementById("q").shadowRoot.activeElement?.textContent), "Share your result");
  const regions = await p.evaluate(() => [...document.getElementById("q").shadowRoot.querySelectorAll('[role="status"], [aria-live]')].filter((e) => /copied/.test(e.textContent)).length);
  assert.equal(regions, 1);
  assert.deepEqual(await axe(p), []);
  await p.context().close();
});

test("the iframe form's Share links to the article that embeds it, not to embed.html or its query", async () => {
  const p = await newPage(browser);
  await p.goto(`${server.base}/iframe.html?fbclid=1`);
  const f = await (await p.locator("#frame").elementHandle()).contentFrame();
  await f.waitForFunction(() => document.getElementById("w").getAttribute("data-share-url"));
  assert.equal(await f.evaluate(() => document.getElementById("w").getAttribute("data-share-url")), `${server.base}/iframe.html`);
  // A frame not marked data-pemilu-iframe is not told anything.
  const other = await (await p.locator("#other").elementHandle()).contentFrame();
  await p.waitForTimeout(300);
  assert.equal(await other.evaluate(() => document.getElementById("w").getAttribute("data-share-url")), null);
  await p.context().close();
});

test("the JS API given what real pages give it", async () => {
  const p = await newPage(browser);
  await p.goto(`${server.base}/article.html`);
  const r = await p.evaluate(async () => {
    const out = {};
    const tryIt = (f) => { try { f(); return "ok"; } catch (e) { return e.constructor.name + ": " + e.message; } };
    out.body = tryIt(() => window.PemiluWidget.mount(document.body));
    out.html = tryIt(() => window.PemiluWidget.mount(document.documentElement));
    const other = document.implementation.createHTMLDocument("x").createElement("div");
    out.other = tryIt(() => window.PemiluWidget.mount(other));
    out.none = tryIt(() => window.PemiluWidget.mount(null));
    // An option without a toString: reported like a bad attribute, never a silent skeleton.
    const el = document.createElement("div");
    el.id = "odd";
    document.getElementById("slot").append(el);
    out.odd = tryIt(() => window.PemiluWidget.mount(el, { lang: Object.create(null), modules: "countdown" }));
    // An element that cannot have a shadow root, with English asked for in the options.
    const a = document.createElement("a");
    a.id = "link";
    a.href = "https://www.kpu.go.id/";
    document.getElementById("slot").append(a);
    out.link = tryIt(() => window.PemiluWidget.mount(a, { lang: "en" }));
    return out;
  });
  assert.match(r.body, /^TypeError: .*a <div> of this document is required, not <body>/);
  assert.match(r.html, /^TypeError: .*not <html>/);
  assert.match(r.other, /^TypeError: .*of this document is required, not <div>/);
  assert.match(r.none, /^TypeError: .*is required, not null/);
  assert.equal(r.odd, "ok");
  assert.equal(r.link, "ok");
  await p.waitForFunction(() => window.__events.filter((e) => e.type === "pemilu:error").length >= 2);
  const errs = await events(p, "pemilu:error");
  assert.deepEqual(errs.find((e) => e.id === "odd").detail.attribute, "data-lang");
  assert.equal(errs.find((e) => e.id === "link").detail.message, "The election widget could not load.");
  assert.ok(await p.evaluate(() => !document.body.shadowRoot), "the article is never hidden");
  await p.context().close();
});

test("a widget inside another component's shadow root is unmounted when removed there", async () => {
  const p = await newPage(browser);
  await p.goto(`${server.base}/article.html`);
  await p.evaluate(() => {
    const host = document.createElement("div");
    host.id = "component";
    document.getElementById("slot").append(host);
    const sr = host.attachShadow({ mode: "open" });
    const w = document.createElement("div");
    w.id = "inner";
    w.setAttribute("data-modules", "countdown");
    sr.append(w);
    window.__inner = w;
    window.PemiluWidget.mount(w);
  });
  await waitReady(p, 1);
  await p.evaluate(() => window.__inner.remove());
  // Unmounted: the shadow root holds the fallback slot again, not the widget.
  await p.waitForFunction(() => !window.__inner.shadowRoot.querySelector(".pw"));
  await p.context().close();
});
