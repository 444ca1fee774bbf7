// No layout shift: at every width, in every countdown state and both languages, the height the
// placeholder reserves before the Wasm loads is exactly the height of the rendered widget.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, waitReady, addWidgets, axe } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const STATES = {
  campaign: { "data-timezone": "WITA", "data-now": "2024-02-10T12:00:00+08:00" },
  open: { "data-timezone": "WIT", "data-now": "2024-02-14T09:15:00+09:00" },
  recap: { "data-timezone": "WIB", "data-now": "2024-03-01T09:15:00+07:00" },
  // Between two stages: the sentence names the last one and the next, each with its dates.
  between: { "data-timezone": "WIB", "data-now": "2024-06-01T09:15:00+07:00" },
  done: {},
  custom: { "data-timezone": "WIB", "data-election-date": "2029-02-14T07:00:00+07:00", "data-election-name": "Simulasi: pemilu berikutnya (tanggal contoh)" },
  all: { "data-modules": "countdown,parties,quiz", "data-now": "2024-02-14T09:15:00+09:00", "data-timezone": "WIT" },
  parties: { "data-modules": "parties" },
  partiesFirst: { "data-modules": "parties,countdown", "data-theme": "dark" },
  quiz: { "data-modules": "quiz,countdown" },
  // The voter's guide, and after it the countdown: the guide's height holds while its data loads.
  guide: { "data-modules": "guide,countdown" },
  // A fetched dataset (the bundled Pilkada file): its height holds while it loads and once it is shown.
  pilkada: { "data-data-src": "data/pilkada-jakarta-2024.json" },
  pilkadaAll: { "data-modules": "countdown,parties,quiz", "data-data-src": "data/pilkada-jakarta-2024.json" },
  pilkadaCampaign: { "data-data-src": "data/pilkada-jakarta-2024.json", "data-now": "2024-11-20T12:00:00+07:00" },
};

for (const width of [290, 320, 360, 414, 460, 600, 768, 1280]) {
  test(`reserved height equals rendered height at ${width}px`, async () => {
    const page = await newPage(browser, { width, timezoneId: "Asia/Jakarta" });
    await page.goto(`${server.base}/article.html`);
    const widgets = [];
    for (const lang of ["id", "en"]) for (const [name, attrs] of Object.entries(STATES)) {
      widgets.push({ id: `${name}-${lang}`, attrs: { "data-modules": "countdown", "data-lang": lang, ...attrs } });
    }
    await addWidgets(page, widgets);
    await page.waitForFunction((n) => document.querySelectorAll("#slot [data-pemilu-widget]").length === n
      && [...document.querySelectorAll("#slot [data-pemilu-widget]")].every((e) => e.shadowRoot), widgets.length);
    const heights = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll("#slot [data-pemilu-widget]")]
      .map((e) => [e.id, e.getBoundingClientRect().height])));
    const reserved = await heights();
    await page.evaluate(() => window.PemiluWidget.scan());
    await waitReady(page, widgets.length);
    const rendered = await heights();
    assert.deepEqual(rendered, reserved);
    await page.context().close();
  });
}

// dist/pemilu-widget.css reserves the same height before any script has run.
const COMBOS = ["countdown", "countdown,parties,quiz", null, "quiz", "parties,countdown", "QUIZ,countdown", "guide"];
for (const width of [320, 414, 768, 1280]) {
  test(`the host stylesheet reserves the rendered height before the script runs, at ${width}px`, async () => {
    const page = await newPage(browser, { width });
    await page.goto(`${server.base}/reserve.html`);
    await addWidgets(page, COMBOS.map((modules, i) => ({ id: `w${i}`, attrs: { "data-lang": "en", ...(modules ? { "data-modules": modules } : {}), "data-now": "2024-02-14T09:15:00+09:00", "data-timezone": "WIT" } })));
    const heights = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll("#slot [data-pemilu-widget]")]
      .map((e) => [e.id, e.getBoundingClientRect().height])));
    const before = await heights();
    await page.evaluate(() => import("/pemilu-widget.js").then(() => window.PemiluWidget.scan()));
    await waitReady(page, COMBOS.length);
    assert.deepEqual(await heights(), before);
    if (width === 320) assert.deepEqual(await axe(page), []);
    await page.context().close();
  });
}

// The reserve is no taller than the content either (else an empty band under the module): at
// content widths across every step of scripts/reserve.mjs, the parties and quiz modules' content,
// in the language that needs more room there, ends within 0.125em of rounding (2px) and the
// module's own last margin of its reserved height. (One reserve serves both languages.)
test("parties and quiz: the reserved height is the content's, not taller, at every width step", async () => {
  const page = await newPage(browser, { width: 1280, height: 900 });
  await page.goto(`${server.base}/article.html`);
  const ws = [];
  for (const lang of ["id", "en"]) for (const modules of ["parties", "quiz"]) for (let c = 236; c <= 560; c += 3) ws.push({ lang, modules, c });
  await page.evaluate((ws) => {
    const slot = document.getElementById("slot");
    // Side by side, so that every widget is in view and mounts.
    slot.style.cssText = "display:flex;flex-wrap:wrap;align-items:flex-start;gap:2px;width:200000px;max-width:none";
    for (const { lang, modules, c } of ws) {
      const el = document.createElement("div");
      el.id = `${modules}-${lang}-${c}`;
      el.setAttribute("data-pemilu-widget", "");
      el.setAttribute("data-modules", modules);
      el.setAttribute("data-lang", lang);
      el.style.cssText = `box-sizing:border-box;width:calc(${c}px + 2em + 2px)`;
      slot.append(el);
    }
    window.PemiluWidget.scan();
  }, ws);
  await waitReady(page, ws.length);
  const gaps = await page.evaluate((ws) => ws.map(({ lang, modules, c }) => {
    const m = document.getElementById(`${modules}-${lang}-${c}`).shadowRoot.querySelector(`[data-module=${modules}]`);
    const box = m.getBoundingClientRect();
    const end = Math.max(...[...m.children].map((k) => k.getBoundingClientRect().bottom + parseFloat(getComputedStyle(k).marginBottom)));
    return [`${modules} at ${c}px`, box.bottom - parseFloat(getComputedStyle(m).paddingBottom) - end];
  }), ws);
  const least = {};
  for (const [k, gap] of gaps) least[k] = Math.min(least[k] ?? Infinity, gap);
  const tall = Object.entries(least).filter(([, gap]) => gap > 4).map(([k, gap]) => [k, Math.round(gap)]);
  assert.deepEqual(tall, [], `reserved more than the content (px): ${JSON.stringify(tall)}`);
  await page.context().close();
});
