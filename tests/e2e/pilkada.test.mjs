// A second election in the same format: the Jakarta governor race (data/pilkada-jakarta-2024.json)
// fetched through data-data-src. Every module must read right for an election with no national
// party list: the countdown's names and stages, the parties tab naming each pair's nominating
// parties, the independent pair in the same structure as the others, one result table with its
// caption and no DPR table or threshold; axe in both themes, and 320 px without overflow.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, waitReady, axe, widgetText, clock } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function open(opts) {
  const page = await newPage(browser, opts);
  page.requested = [];
  page.on("request", (r) => page.requested.push(new URL(r.url()).pathname));
  await page.goto(`${server.base}/pilkada.html`);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 2);
  return page;
}

const PAIRS_ID = [
  /^01\s+Ridwan Kamil – Suswono\s+Partai pengusul: Gerindra, Golkar, PAN, Demokrat, PSI, PKS, NasDem, PKB, Gelora, Garuda, Perindo, PPP\.$/,
  /^02\s+Dharma Pongrekun – Kun Wardana\s+Partai pengusul: tidak ada \(jalur perseorangan\)\.$/,
  /^03\s+Pramono Anung – Rano Karno\s+Partai pengusul: PDI-P, Hanura\.$/,
];

test("countdown: the Pilkada's name, polling day and stages, in both languages", async () => {
  const page = await open();
  const id = await widgetText(page, "pk-id");
  // Years after: its name, the past tense, and what comes next (no date set yet).
  assert.match(id, /^Pilkada Jakarta 2024\n/);
  assert.match(id, /Pemungutan suara digelar Rabu, 27 November 2024 \(\d+ (bulan|tahun) yang lalu\)\./);
  assert.match(id, /Berikutnya: Pilkada serentak; tanggal pemungutan suara belum ditetapkan\.\s+Putusan MK 135\/PUU-XXII\/2024: 2 sampai 2,5 tahun setelah pelantikan hasil pemilu nasional\./);
  assert.match(id, /Sumber: hukamanews\.com, per 26 Jun 2025/);
  // (The quiz's own wording comes with its question bank, another change.)
  const countdown = await page.locator("#pk-id .pw-module[data-module=countdown]").innerText();
  assert.doesNotMatch(countdown, /Pemilu 2024|presiden/i);

  const en = await widgetText(page, "pk-en");
  assert.match(en, /Countdown to Jakarta's 2024 gubernatorial election/);
  assert.match(en, /Polls open on Wednesday, 27 November 2024 at 07:00 WIB/);
  assert.match(en, /Current stage: Campaign period \(25 Sept? 2024 – 23 Nov 2024\)/);
  assert.deepEqual(await clock(page, "pk-en"), [6, 19, 0, 0]);

  // The timeline: every stage with its source, quiet period 24–26 Nov, governor-elect 9 Jan 2025.
  const w = page.locator("#pk-id");
  await w.getByText("Tahapan pemilihan").click();
  const stages = await w.locator(".pw-module[data-module=countdown]").getByRole("listitem").allInnerTexts();
  assert.equal(stages.length, 9);
  assert.match(stages.join("\n"), /Masa tenang[\s\S]*24[\s\S]*26 Nov 2024[\s\S]*Penetapan gubernur terpilih[\s\S]*9 Jan 2025/);
  const links = w.locator(".pw-stages").getByRole("link", { name: /^Sumber: / });
  assert.equal(await links.count(), 9);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.href))) assert.match(href, /^https:\/\//);
  assert.match(await widgetText(page, "pk-id"), /Data per 20 Feb 2025/);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("parties tab: no party list, so each pair's nominating parties; nothing about the DPR", async () => {
  const page = await open();
  const w = page.locator("#pk-id");
  assert.deepEqual(await w.getByRole("tab").allInnerTexts(), ["Partai", "Pasangan calon", "Hasil"]);
  assert.equal(await w.getByRole("tab", { name: "Partai" }).getAttribute("aria-selected"), "true");
  const panel = w.getByRole("tabpanel");
  assert.match(await panel.innerText(), /^Partai tidak ada di surat suara pemilihan ini dan tidak bernomor urut; partai mengusung pasangan calon:/);
  const items = await panel.getByRole("listitem").allInnerTexts();
  assert.equal(items.length, 3);
  items.forEach((t, i) => assert.match(t.trim(), PAIRS_ID[i]));
  // The same structure for every pair, the independent one included: badge, heading, one line.
  assert.equal(await panel.getByRole("heading", { level: 3 }).count(), 3);
  assert.deepEqual(await panel.getByRole("img").evaluateAll((b) => b.map((x) => x.getAttribute("aria-label"))), ["Nomor urut 01", "Nomor urut 02", "Nomor urut 03"]);
  assert.equal(await w.getByRole("searchbox").count(), 0, "no party search without a party list");
  // Nothing about the national parliament (the countdown's "what comes next" names the DPRD).
  const all = await w.locator(".pw-module[data-module=parties]").innerText();
  assert.doesNotMatch(all, /\bDPR\b|ambang batas|Aceh/);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("candidates tab: three pairs with equal weight, the independent pair in the same structure", async () => {
  const page = await open({ colorScheme: "dark" });
  const w = page.locator("#pk-en");
  await w.getByRole("tab", { name: "Parties" }).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await w.getByRole("tab", { name: "Candidates" }).getAttribute("aria-selected"), "true");
  const cards = w.locator(".pw-pair");
  assert.equal(await cards.count(), 3);
  const texts = await cards.allInnerTexts();
  assert.match(texts[0], /^01\s+Ridwan Kamil – Suswono\s+Nominating parties: Gerindra, Golkar, PAN, Demokrat, PSI, PKS, NasDem, PKB, Gelora, Garuda, Perindo, PPP\.\s+Result: 1,718,160 votes \(39\.40%, as of 8 Dec 2024\)\./);
  assert.match(texts[1], /^02\s+Dharma Pongrekun – Kun Wardana\s+Nominating parties: none \(independent pair\)\.\s+Result: 459,230 votes \(10\.53%, as of 8 Dec 2024\)\./);
  assert.match(texts[2], /^03\s+Pramono Anung – Rano Karno\s+Nominating parties: PDI-P, Hanura\.\s+Result: 2,183,239 votes \(50\.07%, as of 8 Dec 2024\)\./);
  for (let i = 0; i < 3; i++) {
    const names = await cards.nth(i).getByRole("link").allInnerTexts();
    assert.deepEqual(names.map((n) => n.replace(/\s+/g, " ").trim()), ["Candidate pair source", "Ballot number source"], `pair ${i + 1}`);
  }
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("results tab: one captioned table of the pairs' result, invalid votes, computed turnout; no DPR, no threshold", async () => {
  const page = await open();
  const en = page.locator("#pk-en");
  await en.getByRole("tab", { name: "Results" }).click();
  assert.equal(await en.getByRole("table").count(), 1);
  const table = en.getByRole("table", { name: "Gubernatorial election result, set by KPU DKI Jakarta on 8 Dec 2024" });
  assert.deepEqual(await table.getByRole("columnheader").allInnerTexts(), ["Pair", "Votes", "Share"]);
  const rows = (await table.locator("tbody tr").allInnerTexts()).map((r) => r.replace(/\s+/g, " ").trim());
  assert.deepEqual(rows, [
    "01 Ridwan Kamil – Suswono 1,718,160 39.40%",
    "02 Dharma Pongrekun – Kun Wardana 459,230 10.53%",
    "03 Pramono Anung – Rano Karno 2,183,239 50.07%",
  ]);
  const panel = await en.getByRole("tabpanel").innerText();
  assert.match(panel, /Total valid votes: 4,360,629\. Invalid votes: 363,764; ballots cast: 4,724,393\. Turnout: 57\.52% \(computed from 8,214,007 registered voters\)\./);
  assert.match(panel, /Decided in one round: pair 03 won more than 50% of valid votes/);
  assert.doesNotMatch(panel, /DPR|threshold|seats|Presidential/i);
  assert.equal(await en.getByRole("button", { name: /Sort by/ }).count(), 0);
  assert.deepEqual(await en.getByRole("tabpanel").getByRole("link").allInnerTexts(), ["Results source", "Turnout source", "Result confirmation source"]);

  const id = page.locator("#pk-id");
  await id.getByRole("tab", { name: "Hasil" }).click();
  assert.match(await id.getByRole("table").evaluate((t) => t.caption.textContent), /^Hasil pemilihan gubernur, ditetapkan KPU DKI Jakarta 8 Des 2024$/);
  assert.match(await id.getByRole("tabpanel").innerText(), /Suara tidak sah: 363\.764; suara sah dan tidak sah: 4\.724\.393\. Partisipasi pemilih: 57,52% \(dihitung dari 8\.214\.007 pemilih dalam DPT\)\./);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("the dataset is fetched by the widgets that name it; the quiz bank only when a reader starts", async () => {
  const page = await open({ width: 320 });
  assert.ok(page.requested.includes("/data/pilkada-jakarta-2024.json"));
  assert.ok(!page.requested.some((p) => /quiz/.test(p)), page.requested.join(" "));
  assert.match(await widgetText(page, "pk-id"), /Kuis hoaks atau fakta/);
  for (const id of ["pk-id", "pk-en"]) {
    const w = page.locator(`#${id}`);
    for (const tab of await w.getByRole("tab").all()) {
      await tab.click();
      const over = await page.evaluate((i) => {
        // The parties module (the countdown's own layout is tested elsewhere).
        const pw = document.getElementById(i).shadowRoot.querySelector(".pw");
        return [...pw.querySelectorAll("[data-module=parties] *")].filter((e) => e.getBoundingClientRect().right > pw.getBoundingClientRect().right + 0.5).map((e) => e.className || e.tagName);
      }, id);
      assert.deepEqual(over, [], `${id} ${await tab.innerText()}`);
    }
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});
