// The demo article (dist/index.html): every widget shows what its attributes asked for, in both
// colour schemes, at desktop width and at 320 px, with no console error, no layout shift and no
// axe violation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, events, waitReady, axe, widgetText, clock } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Opens the demo and scrolls through it so every lazily mounted widget renders. */
async function openDemo(opts) {
  const page = await newPage(browser, opts);
  await page.goto(`${server.base}/`);
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (let y = 0; y < document.documentElement.scrollHeight; y += 400) { window.scrollTo(0, y); await frame(); await frame(); }
  });
  await waitReady(page, 8);
  await page.evaluate(() => window.scrollTo(0, 0));
  return page;
}

for (const [name, opts] of [["desktop, light", { width: 1280 }], ["320 px, dark", { width: 320, colorScheme: "dark" }]]) {
  test(`demo article, ${name}: each widget as configured`, async () => {
    const page = await openDemo(opts);
    const ready = await events(page, "pemilu:ready");
    assert.deepEqual(ready.map((e) => e.id).sort(), ["demo-custom", "demo-default", "demo-full", "demo-guide", "demo-pilkada", "demo-quiz", "demo-sidebar", "demo-wit"]);
    assert.deepEqual(ready.find((e) => e.id === "demo-full").detail, { modules: ["countdown", "parties", "quiz"], lang: "en" });
    assert.deepEqual(ready.find((e) => e.id === "demo-wit").detail, { modules: ["countdown"], lang: "id" });

    // Default: Indonesian, the reader's zone, years after the election: past tense, what comes next.
    const def = await widgetText(page, "demo-default");
    assert.match(def, /^Pemilu 2024\n/);
    assert.match(def, /Pemungutan suara digelar Rabu, 14 Februari 2024 \(\d+ (bulan|tahun) yang lalu\)\./);
    assert.match(def, /Berikutnya: Pemilu nasional 2029; tanggal pemungutan suara belum ditetapkan\./);
    assert.doesNotMatch(def, /Menuju|Zona waktu/);

    // The voter's guide, read from the served data file.
    await page.waitForFunction(() => document.getElementById("demo-guide").shadowRoot.querySelector(".pw-facts"));
    assert.match(await widgetText(page, "demo-guide"), /Panduan pemilih: Pemilu 2024\s+Sekilas Pemilu 2024\s+204,8 juta pemilih terdaftar/);

    // WIT, frozen at 09.15 WIT on voting day: polls open, 3 h 45 min left.
    const wit = await widgetText(page, "demo-wit");
    assert.match(wit, /TPS sedang dibuka: pemungutan suara berlangsung hingga pukul 13\.00 WIT\./);
    assert.deepEqual(await clock(page, "demo-wit"), [0, 3, 45, 0]);

    // WITA sidebar, English, frozen at noon on 10 February: 3 days 19 hours to 07.00 WITA on the 14th.
    const side = await widgetText(page, "demo-sidebar");
    assert.match(side, /Polls open on Wednesday, 14 February 2024 at 07:00 WITA/);
    assert.match(side, /Current stage: Campaign period \(28 Nov 2023 – 10 Feb 2024\)/);
    assert.deepEqual(await clock(page, "demo-sidebar"), [3, 19, 0, 0]);

    // Custom date and name.
    const custom = await widgetText(page, "demo-custom");
    assert.match(custom, /Menuju Simulasi: pemilu berikutnya \(tanggal contoh\)/);
    assert.match(custom, /TPS dibuka Rabu, 14 Februari 2029 pukul 07\.00 WIB/);

    // Full widget in English: all three modules.
    const full = await widgetText(page, "demo-full");
    assert.match(full, /Voting took place on Wednesday, 14 February 2024/);
    assert.match(full, /Parties and candidates\s+Parties\s+Candidates\s+Results\s+Search parties/);
    assert.match(full, /Hoax or fact quiz\s+Guess: is each claim from this election a hoax or a fact\?/);

    // The Pilkada dataset, fetched: its own name, no DPR, its pairs.
    const pk = await widgetText(page, "demo-pilkada");
    assert.match(pk, /^Pilkada Jakarta 2024\n/);
    assert.match(pk, /Partai pengusul: tidak ada \(jalur perseorangan\)\./);
    assert.doesNotMatch(pk, /\bDPR\b/);
    assert.match(pk, /Berikutnya: Pilkada serentak;/);

    // Dark sidebar really is dark; host CSS did not leak in.
    const look = await page.evaluate(() => {
      const pw = document.getElementById("demo-sidebar").shadowRoot.querySelector(".pw");
      const cs = getComputedStyle(pw);
      return { bg: cs.backgroundColor, font: cs.fontFamily, transform: getComputedStyle(pw.querySelector("h2")).textTransform };
    });
    assert.equal(look.bg, "rgb(23, 25, 29)");
    assert.doesNotMatch(look.font, /Georgia/);
    assert.equal(look.transform, "none");

    assert.deepEqual(page.errors.filter((e) => !/favicon/.test(e)), []);
    assert.deepEqual(await axe(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
    assert.equal(await page.evaluate(() => window.__shift), 0, "layout shift caused while widgets rendered");
    await page.context().close();
  });
}

test("demo article: the timeline opens by keyboard and lists every stage with its source", async () => {
  const page = await openDemo({ width: 1280 });
  const widget = page.locator("#demo-wit");
  await widget.getByText("Tahapan pemilihan").focus();
  await page.keyboard.press("Enter");
  const items = widget.getByRole("listitem");
  assert.equal(await items.count(), 8);
  const current = widget.locator('[aria-current="step"]');
  assert.match(await current.innerText(), /Pemungutan suara\s*\(tahap saat ini\)/);
  const links = widget.getByRole("link", { name: /^Sumber: / });
  assert.equal(await links.count(), 8);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.href))) assert.match(href, /^https?:\/\//);
  assert.match(await widgetText(page, "demo-wit"), /Data per 20 Okt 2024/);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});
