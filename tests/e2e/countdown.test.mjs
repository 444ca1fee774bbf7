// The countdown's exact figures for data-now values before, during and after voting in each
// zone, the reader's own zone, a live clock that ticks, and the stage shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, waitReady, widgetText, clock, addWidgets, axe } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function article(opts) {
  const page = await newPage(browser, opts);
  await page.goto(`${server.base}/article.html`);
  return page;
}

// Polls open 07.00 local: WIB = 00.00 UTC on 14 Feb, WITA = 23.00 UTC and WIT = 22.00 UTC on 13 Feb.
const CASES = [
  // [now, zone, expected clock or phase text]
  ["2024-01-01T00:00:00+07:00", "WIB", [44, 7, 0, 0]],
  ["2024-01-01T00:00:00+07:00", "WITA", [44, 6, 0, 0]],
  ["2024-01-01T00:00:00+07:00", "WIT", [44, 5, 0, 0]],
  ["2024-02-13T22:30:00Z", "WIB", [0, 1, 30, 0]],
  ["2024-02-13T22:30:00Z", "WITA", [0, 0, 30, 0]],
  ["2024-02-13T22:30:00Z", "WIT", "open:5:30"],
  ["2024-02-14T05:30:00Z", "WIB", "open:0:30"],
  ["2024-02-14T05:30:00Z", "WITA", "closed"],
  ["2024-02-14T05:30:00Z", "WIT", "closed"],
  ["2024-02-14T06:59:59.500+07:00", "WIB", [0, 0, 0, 1]],
];

test("exact figures before, during and after voting in WIB, WITA and WIT", async () => {
  const page = await article();
  await addWidgets(page, CASES.map(([now, zone], i) => ({ id: `c${i}`, attrs: { "data-modules": "countdown", "data-lang": "en", "data-now": now, "data-timezone": zone } })));
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, CASES.length);
  for (const [i, [now, zone, want]] of CASES.entries()) {
    const text = await widgetText(page, `c${i}`);
    const zoneLine = new RegExp(`Time zone: ${zone} \\(UTC\\+${{ WIB: 7, WITA: 8, WIT: 9 }[zone]}\\)`);
    // The zone matters while polls are yet to open or open; afterwards the voting day is a date.
    if (want === "closed") assert.doesNotMatch(text, zoneLine);
    else assert.match(text, zoneLine);
    if (Array.isArray(want)) {
      assert.deepEqual(await clock(page, `c${i}`), want, `${now} ${zone}`);
      assert.match(text, /Time until polls open/);
    } else if (want.startsWith("open")) {
      const [, h, m] = want.split(":").map(Number);
      assert.match(text, new RegExp(`Polls are open: voting continues until 13:00 ${zone}\\.`), `${now} ${zone}`);
      assert.deepEqual(await clock(page, `c${i}`), [0, h, m, 0], `${now} ${zone}`);
    } else {
      assert.match(text, /Voting has closed\./, `${now} ${zone}`);
      assert.match(text, /Voting took place on Wednesday, 14 February 2024 \(today\)\./);
      assert.match(text, /Current stage: Vote counting \(14 Feb 2024 – 15 Feb 2024\)\./);
      assert.equal(await clock(page, `c${i}`).then((c) => c.length), 0, "no clock after voting");
    }
  }
  await page.context().close();
});

test("after the election: the stage and how long ago voting day was, never a negative number", async () => {
  const page = await article();
  await addWidgets(page, [
    { id: "recap", attrs: { "data-modules": "countdown", "data-now": "2024-03-01T10:00:00+07:00", "data-timezone": "WIB" } },
    { id: "results", attrs: { "data-modules": "countdown", "data-lang": "en", "data-now": "2024-03-20T10:00:00+07:00", "data-timezone": "WIB" } },
    { id: "done", attrs: { "data-modules": "countdown", "data-lang": "en", "data-now": "2026-11-29T10:00:00+07:00", "data-timezone": "WIT" } },
  ]);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 3);
  assert.match(await widgetText(page, "recap"), /Tahap saat ini: Rekapitulasi hasil \(15 Feb 2024 – 20 Mar 2024\)\./);
  assert.match(await widgetText(page, "recap"), /Pemungutan suara digelar Rabu, 14 Februari 2024 \(16 hari yang lalu\)\./);
  assert.match(await widgetText(page, "results"), /Current stage: Results announced by KPU \(20 Mar 2024\)\./);
  assert.match(await widgetText(page, "results"), /\(35 days ago\)/);
  const done = await widgetText(page, "done");
  // Years after: the election's name, the past tense, a distance a reader would say, what comes next.
  assert.match(done, /^Indonesia's 2024 general election\n/);
  assert.match(done, /Voting took place on Wednesday, 14 February 2024 \(2 years ago\)\./);
  assert.match(done, /Next: the 2029 national election; no voting date has been set yet\./);
  assert.doesNotMatch(done, /Countdown to|days ago|Voting has closed/);
  assert.doesNotMatch(done, /-\d/);
  await page.context().close();
});

test("auto zone: the WIB opening in the reader's own zone, and a custom election's exact instant", async () => {
  const page = await article({ timezoneId: "Asia/Makassar" });
  await addWidgets(page, [
    { id: "auto", attrs: { "data-modules": "countdown", "data-now": "2024-02-13T12:00:00+08:00" } },
    { id: "custom", attrs: { "data-modules": "countdown", "data-lang": "en", "data-election-date": "2029-02-14T07:00:00+07:00", "data-now": "2029-02-13T08:00:00+08:00" } },
    { id: "custom-wit", attrs: { "data-modules": "countdown", "data-lang": "en", "data-timezone": "WIT", "data-election-date": "2029-02-14T07:00:00+07:00", "data-now": "2029-02-13T08:00:00+08:00" } },
  ]);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 3);
  const auto = await widgetText(page, "auto");
  assert.match(auto, /TPS di zona WIB dibuka Rabu, 14 Februari 2024 pukul 08\.00 waktu Anda/);
  assert.match(auto, /waktu setempat Anda \(Asia\/Makassar\)/);
  assert.deepEqual(await clock(page, "auto"), [0, 20, 0, 0]);
  // auto + custom date: exactly the instant written (07.00 WIB = 08.00 in Makassar).
  assert.match(await widgetText(page, "custom"), /Polls open on Wednesday, 14 February 2029 at 08:00/);
  assert.deepEqual(await clock(page, "custom"), [1, 0, 0, 0]);
  // A fixed zone + custom date: 07.00 wall-clock in WIT, two hours before the WIB instant.
  assert.match(await widgetText(page, "custom-wit"), /at 07:00 WIT/);
  assert.deepEqual(await clock(page, "custom-wit"), [0, 22, 0, 0]);
  await page.context().close();
});

test("a live countdown ticks once a second and the timer region is not a live region", async () => {
  const page = await article({ width: 320 });
  await addWidgets(page, [{ id: "live", attrs: { "data-modules": "countdown", "data-election-date": "2099-02-14T07:00:00+07:00", "data-timezone": "WIB" } }]);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 1);
  const read = () => clock(page, "live").then(([d, h, m, s]) => ((d * 24 + h) * 60 + m) * 60 + s);
  const first = await read();
  await page.waitForTimeout(2200);
  const second = await read();
  assert.ok(first - second >= 2 && first - second <= 3, `ticked ${first - second}s in 2.2s`);
  const roles = await page.evaluate(() => {
    const sr = document.getElementById("live").shadowRoot;
    return { timer: sr.querySelector('[role="timer"]').getAttribute("aria-live"), polite: sr.querySelectorAll('[aria-live="polite"]').length };
  });
  assert.equal(roles.timer, null, "role=timer is implicitly aria-live=off");
  assert.equal(roles.polite, 1);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("no work while the tab is hidden; it catches up as soon as it is shown", async () => {
  const page = await article();
  await addWidgets(page, [{ id: "bg", attrs: { "data-modules": "countdown", "data-election-date": "2099-02-14T07:00:00+07:00", "data-timezone": "WIB" } }]);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 1);
  const setHidden = (hidden) => page.evaluate((h) => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => h });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (h ? "hidden" : "visible") });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
  const seconds = () => clock(page, "bg").then((c) => c[3]);
  await setHidden(true);
  await page.waitForTimeout(1100); // let a tick already scheduled run out
  const mutations = await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const mo = new MutationObserver((r) => { n += r.length; });
    mo.observe(document.getElementById("bg").shadowRoot, { subtree: true, childList: true, characterData: true });
    setTimeout(() => { mo.disconnect(); resolve(n); }, 2500);
  }));
  assert.equal(mutations, 0, "nothing re-renders while hidden");
  const before = await seconds();
  await setHidden(false);
  await page.waitForFunction((b) => {
    const n = document.getElementById("bg").shadowRoot.querySelectorAll('[role="timer"] .pw-num')[3];
    return Number(n.textContent) !== b;
  }, before, { timeout: 500 });
  await page.context().close();
});

test("after the polls close the clock wakes once a minute, not every second; before, every second", async () => {
  const run = async (attrs) => {
    const page = await newPage(browser);
    await page.addInitScript(() => {
      window.__timeouts = [];
      const st = window.setTimeout;
      window.setTimeout = function (f, ms, ...rest) { window.__timeouts.push(ms); return st.call(this, f, ms, ...rest); };
    });
    await page.goto(`${server.base}/article.html`);
    await addWidgets(page, [{ id: "w", attrs: { "data-modules": "countdown", ...attrs } }]);
    await page.evaluate(() => window.PemiluWidget.scan());
    await waitReady(page, 1);
    await page.evaluate(() => { window.__timeouts = []; });
    await page.waitForTimeout(3500);
    const t = await page.evaluate(() => window.__timeouts);
    await page.context().close();
    return t;
  };
  // Today the default election is years past: at most the minute's wake-up (and the next one if
  // the minute turned during the wait), never one per second.
  const after = await run({});
  assert.ok(after.length <= 1, `woke ${after.length} times in 3.5 s: ${after}`);
  const before = await run({ "data-election-date": "2099-02-14T07:00:00+07:00", "data-timezone": "WIB" });
  assert.ok(before.length >= 3 && before.every((ms) => ms <= 1004), `ticked ${before.length} times: ${before}`);
});
