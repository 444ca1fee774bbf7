// The countdown's wording in every phase of the default election, from a year before voting day
// to three years after, in both languages; today's real date in Indonesia's three zones and abroad;
// and what comes next once every stage is over.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, waitReady, widgetText, clock, addWidgets, axe } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const heading = (page, id) => page.evaluate((i) => document.getElementById(i).shadowRoot.querySelector("[data-module=countdown] h2").textContent, id);

// [data-now (WIB), heading, lines that must appear, lines that must not] per language.
const PHASES = [
  ["2023-02-14T07:00:00+07:00", {
    id: ["Menuju Pemilu 2024", [/TPS dibuka Rabu, 14 Februari 2024 pukul 07\.00 WIB/, /Waktu menuju pembukaan TPS/], [/digelar/]],
    en: ["Countdown to Indonesia's 2024 general election", [/Polls open on Wednesday, 14 February 2024 at 07:00 WIB/, /Time until polls open/], [/took place/]],
  }],
  ["2024-02-10T12:00:00+07:00", {
    id: ["Menuju Pemilu 2024", [/Tahap saat ini: Masa kampanye/], []],
    en: ["Countdown to Indonesia's 2024 general election", [/Current stage: Campaign period/], []],
  }],
  ["2024-02-14T09:00:00+07:00", {
    id: ["Pemilu 2024: hari pemungutan suara", [/Hari pemungutan suara: Rabu, 14 Februari 2024, pukul 07\.00\u201313\.00 WIB/, /TPS sedang dibuka/], [/Menuju/]],
    en: ["Indonesia's 2024 general election: voting day", [/Voting day: Wednesday, 14 February 2024, 07:00\u201313:00 WIB/, /Polls are open/], [/Countdown to/]],
  }],
  ["2024-02-14T15:00:00+07:00", {
    id: ["Pemilu 2024", [/Pemungutan suara telah usai\./, /Pemungutan suara digelar Rabu, 14 Februari 2024 \(hari ini\)\./, /Tahap saat ini: Penghitungan suara/], [/Menuju|Zona waktu/]],
    en: ["Indonesia's 2024 general election", [/Voting has closed\./, /Voting took place on Wednesday, 14 February 2024 \(today\)\./, /Current stage: Vote counting/], [/Countdown to|Time zone/]],
  }],
  ["2024-02-15T10:00:00+07:00", {
    id: ["Pemilu 2024", [/\(kemarin\)/, /Rekapitulasi hasil/], []],
    en: ["Indonesia's 2024 general election", [/\(yesterday\)/, /Recapitulation of results/], []],
  }],
  ["2024-06-01T10:00:00+07:00", {
    // Between two stages: the one that ended and the one to come, not a "current" stage long over.
    id: ["Pemilu 2024", [/\(3 bulan yang lalu\)/, /Tahap terakhir: Penetapan presiden terpilih \(24 Apr 2024\)\. Berikutnya: Pelantikan presiden \(20 Okt 2024\)\./], [/hari yang lalu/, /Tahap saat ini/]],
    en: ["Indonesia's 2024 general election", [/\(3 months ago\)/, /Last stage: President-elect confirmed \(24 Apr 2024\)\. Next: Presidential inauguration \(20 Oct 2024\)\./], [/days ago/, /Current stage/]],
  }],
  ["2025-02-14T10:00:00+07:00", {
    id: ["Pemilu 2024", [/\(12 bulan yang lalu\)/, /Berikutnya: Pemilu nasional 2029; tanggal pemungutan suara belum ditetapkan\./, /Sumber: jakarta365\.net, per 23 Feb 2026/],
      [/Pemungutan suara telah usai|Tahap saat ini|Semua tahapan/]],
    en: ["Indonesia's 2024 general election", [/\(12 months ago\)/, /Next: the 2029 national election; no voting date has been set yet\./, /Source: jakarta365\.net, as of 23 Feb 2026/],
      [/Voting has closed|Current stage|All stages/]],
  }],
  ["2026-02-14T10:00:00+07:00", { id: ["Pemilu 2024", [/\(2 tahun yang lalu\)/], [/hari/]], en: ["Indonesia's 2024 general election", [/\(2 years ago\)/], [/days/]] }],
  ["2027-02-14T10:00:00+07:00", { id: ["Pemilu 2024", [/\(3 tahun yang lalu\)/, /Berikutnya:/], []], en: ["Indonesia's 2024 general election", [/\(3 years ago\)/, /Next:/], []] }],
];

test("the default widget reads right in every phase, from a year before to three years after, in both languages", async () => {
  const page = await newPage(browser, { timezoneId: "Asia/Jakarta" });
  await page.goto(`${server.base}/article.html`);
  const widgets = PHASES.flatMap(([now], i) => ["id", "en"].map((lang) => ({ id: `p${i}-${lang}`, attrs: { "data-modules": "countdown", "data-lang": lang, "data-timezone": "WIB", "data-now": now } })));
  await addWidgets(page, widgets);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, widgets.length);
  for (const [i, [now, langs]] of PHASES.entries()) {
    for (const [lang, [title, yes, no]] of Object.entries(langs)) {
      const id = `p${i}-${lang}`;
      assert.equal(await heading(page, id), title, `${now} ${lang}`);
      const text = await widgetText(page, id);
      for (const re of yes) assert.match(text, re, `${now} ${lang}`);
      for (const re of no) assert.doesNotMatch(text, re, `${now} ${lang}`);
      assert.doesNotMatch(text, /-\d|NaN|undefined/, `${now} ${lang}`);
    }
  }
  assert.deepEqual(await clock(page, "p0-en"), [365, 0, 0, 0]);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

// Whole years since 14 Feb 2024 on a day, as the widget says it (months until two years).
function since(now) {
  const [y, m, d] = [now.getFullYear(), now.getMonth() + 1, now.getDate()];
  const months = (y - 2024) * 12 + (m - 2) - (d < 14 ? 1 : 0);
  return months < 24 ? { n: months, id: "bulan", en: "months" } : { n: Math.floor(months / 12), id: "tahun", en: "years" };
}

for (const tz of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "America/New_York"]) {
  test(`today's real date, a reader in ${tz}: the past tense, the distance in years, what comes next`, async () => {
    const page = await newPage(browser, { width: 360, timezoneId: tz });
    await page.goto(`${server.base}/article.html`);
    await addWidgets(page, [{ id: "id", attrs: { "data-modules": "countdown" } }, { id: "en", attrs: { "data-modules": "countdown", "data-lang": "en" } }]);
    await page.evaluate(() => window.PemiluWidget.scan());
    await waitReady(page, 2);
    const today = new Date(await page.evaluate(() => new Date().toLocaleDateString("sv-SE")) + "T12:00:00");
    const s = since(today);
    assert.equal(await heading(page, "id"), "Pemilu 2024");
    assert.equal(await heading(page, "en"), "Indonesia's 2024 general election");
    const id = await widgetText(page, "id"), en = await widgetText(page, "en");
    assert.match(id, new RegExp(`Pemungutan suara digelar Rabu, 14 Februari 2024 \\(${s.n} ${s.id} yang lalu\\)\\.`));
    assert.match(en, new RegExp(`Voting took place on Wednesday, 14 February 2024 \\(${s.n} ${s.en} ago\\)\\.`));
    assert.match(id, /Berikutnya: Pemilu nasional 2029/);
    assert.match(en, /Next: the 2029 national election/);
    assert.doesNotMatch(id + en, /Menuju|Countdown to|hari yang lalu|days ago|Voting has closed/);
    await page.context().close();
  });
}

test("a reader in New York after the polls close: Indonesia's voting day, counted to the reader's own date", async () => {
  const page = await newPage(browser, { timezoneId: "America/New_York" });
  await page.goto(`${server.base}/article.html`);
  // 13.00 WIB on 14 Feb is 01.00 on the 14th in New York; polls closed before the reader's morning.
  await addWidgets(page, [
    { id: "morning", attrs: { "data-modules": "countdown", "data-lang": "en", "data-now": "2024-02-14T10:00:00-05:00" } },
    { id: "evening", attrs: { "data-modules": "countdown", "data-lang": "en", "data-now": "2024-02-13T19:30:00-05:00" } },
    { id: "later", attrs: { "data-modules": "countdown", "data-lang": "en", "data-now": "2024-02-16T10:00:00-05:00" } },
  ]);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 3);
  assert.match(await widgetText(page, "morning"), /Voting took place on Wednesday, 14 February 2024 \(today\)\./);
  // Polls are open then: 07.00 WIB is 19.00 on the 13th in New York.
  assert.match(await widgetText(page, "evening"), /Polls are open/);
  assert.match(await widgetText(page, "later"), /Voting took place on Wednesday, 14 February 2024 \(2 days ago\)\./);
  await page.context().close();
});

test("a dataset that names its next election with a date: the date and how far off it is", async () => {
  const page = await newPage(browser, { timezoneId: "Asia/Jakarta" });
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, [
    { id: "en", attrs: { "data-modules": "countdown", "data-lang": "en", "data-data-src": "/past-election.json", "data-now": "2026-12-06T10:00:00+07:00" } },
    { id: "id", attrs: { "data-modules": "countdown", "data-data-src": "/past-election.json", "data-now": "2028-12-06T10:00:00+07:00" } },
  ]);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 2);
  const en = await widgetText(page, "en");
  assert.match(en, /Voting took place on Wednesday, 9 December 2020 \(5 years ago\)\./);
  assert.match(en, /Next: the next test election, on Wednesday, 14 February 2029 \(in 2 years\)\./);
  assert.match(await widgetText(page, "id"), /Berikutnya: Pemilihan uji berikutnya, Rabu, 14 Februari 2029 \(dalam 2 bulan\)\./);
  const link = await page.evaluate(() => {
    const a = document.getElementById("en").shadowRoot.querySelector(".pw-next a");
    return { href: a.href, text: a.textContent, rel: a.rel, target: a.target };
  });
  assert.deepEqual(link, { href: "https://example.org/next-election", text: "Source: example.org, as of 15 Jan 2026", rel: "noopener noreferrer", target: "_blank" });
  await page.context().close();
});

for (const tz of ["Asia/Makassar", "America/North_Dakota/New_Salem"]) {
  test(`before voting day at 320 px, a reader in ${tz}: the zone line wraps inside the widget`, async () => {
    const page = await newPage(browser, { width: 320, timezoneId: tz });
    await page.goto(`${server.base}/article.html`);
    await addWidgets(page, ["id", "en"].map((lang) => ({ id: lang, attrs: { "data-modules": "countdown", "data-lang": lang, "data-now": "2024-02-10T12:00:00+07:00" } })));
    await page.evaluate(() => window.PemiluWidget.scan());
    await waitReady(page, 2);
    assert.match(await widgetText(page, "id"), new RegExp(`waktu setempat Anda \\(${tz.replace(/\//g, "\\/")}\\)`));
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 320, `the page is ${wide}px wide at 320px`);
    await page.context().close();
  });
}

// The live region at the boundaries, in the default widget (all its modules), with the page's
// clock driven by Playwright: it speaks the opening at 07.00 and the closing at 13.00 local time.
for (const lang of ["en", "id"]) {
  test(`the live region speaks the polls opening and closing at the boundaries (${lang}, default widget)`, async () => {
    const page = await newPage(browser, { width: 1024, timezoneId: "Asia/Jakarta" });
    await page.clock.install({ time: new Date("2024-02-14T06:59:00+07:00") });
    await page.goto(`${server.base}/article.html`);
    await addWidgets(page, [{ id: "d", attrs: { "data-lang": lang } }]);
    await page.evaluate(() => window.PemiluWidget.scan());
    await waitReady(page);
    const live = () => page.evaluate(() => document.getElementById("d").shadowRoot.querySelector('.pw-countdown [aria-live="polite"]').textContent);
    assert.equal(await live(), "", "nothing is spoken for the state the reader sees on arrival");
    await page.clock.runFor(75_000);
    assert.equal(await live(), lang === "en" ? "Polls are now open. Voting continues until 13:00." : "TPS sudah dibuka. Pemungutan suara berlangsung hingga pukul 13.00.");
    await page.clock.runFor(6 * 3600_000); // 13.00.15
    assert.equal(await live(), lang === "en" ? "Voting has closed. Current stage: Vote counting (14 Feb 2024 – 15 Feb 2024)." : "Pemungutan suara telah usai. Tahap saat ini: Penghitungan suara (14 Feb 2024 – 15 Feb 2024).");
    const text = await widgetText(page, "d");
    assert.match(text, lang === "en" ? /Indonesia's 2024 general election/ : /Pemilu 2024/);
    assert.doesNotMatch(text, /0 minutes|0 menit/);
    await page.context().close();
  });
}
