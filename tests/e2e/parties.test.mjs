// The parties module as a reader uses it: search that forgives, filters, sorting, details opened
// by keyboard, the candidate pairs, and the results tables' figures; axe in both themes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, launch, newPage, waitReady, axe, addWidgets, events } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function open(opts) {
  const page = await newPage(browser, opts);
  await page.goto(`${server.base}/parties.html`);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 2);
  return page;
}

/** The party rows' visible names (abbreviations) in a widget. */
const rows = (w) => w.locator(".pw-prow strong").allInnerTexts();

test("search narrows the list by number, abbreviation or any word of the name", async () => {
  const page = await open();
  const w = page.locator("#p-id");
  const search = w.getByRole("searchbox", { name: "Cari partai" });
  assert.deepEqual(await rows(w), ["PKB", "Gerindra", "PDI-P", "Golkar", "NasDem", "Buruh", "Gelora", "PKS"]);
  // The module says how current its data is.
  assert.equal(await w.locator("[data-module=parties] .pw-asof").innerText(), "Data per 20 Okt 2024");
  for (const q of ["pdip", "PDI-P", "perjuangan", "3"]) {
    await search.fill(q);
    assert.deepEqual(await rows(w), ["PDI-P"], q);
  }
  assert.equal(await w.getByRole("status").innerText(), "1 dari 24 partai");
  await search.fill("aceh");
  assert.deepEqual(await rows(w), ["PNA", "PDA", "PA", "PAS Aceh", "SIRA"]);
  await search.fill("kebangkitan");
  assert.deepEqual(await rows(w), ["PKB", "PKN"]);
  await search.fill("xyz");
  assert.equal(await w.locator(".pw-prow").count(), 0);
  assert.match(await w.getByText("Tidak ada partai yang cocok").innerText(), /Coba nama lain/);
  for (const q of ["PKB 🙂", "pkb™", "  P.K.B. "]) {
    await search.fill(q);
    assert.deepEqual(await rows(w), ["PKB"], q);
  }
  await search.fill("");
  await w.getByRole("button", { name: "Tampilkan semua 24 partai" }).click();
  assert.equal(await w.locator(".pw-prow").count(), 24);
  // The button is gone: keyboard focus moves to the first newly shown row.
  const focused = await page.evaluate(() => document.getElementById("p-id").shadowRoot.activeElement?.textContent ?? "");
  assert.match(focused, /PKN/);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("filters and sorting", async () => {
  const page = await open();
  const w = page.locator("#p-en");
  await w.getByLabel("Contesting").selectOption({ label: "Aceh local parties" });
  assert.deepEqual(await rows(w), ["PNA", "Gabthat", "PDA", "PA", "PAS Aceh", "SIRA"]);
  await w.getByLabel("Contesting").selectOption({ label: "All parties" });
  await w.getByLabel("Backing").selectOption({ label: "Pair 01" });
  assert.deepEqual(await rows(w), ["PKB", "NasDem", "PKS", "Ummat"]);
  await w.getByLabel("Backing").selectOption({ label: "Pair 03" });
  assert.deepEqual(await rows(w), ["PDI-P", "Hanura", "Perindo", "PPP"]);
  await w.getByLabel("Backing").selectOption({ label: "Any pair" });
  await w.getByLabel("Sort by").selectOption({ label: "DPR vote share" });
  assert.deepEqual((await rows(w)).slice(0, 3), ["PDI-P", "Golkar", "Gerindra"]);
  await w.getByLabel("Sort by").selectOption({ label: "Name" });
  assert.equal((await rows(w))[0], "Buruh");
  await page.context().close();
});

test("a party's details open in place with the keyboard", async () => {
  const page = await open();
  const w = page.locator("#p-id");
  const row = w.getByRole("button", { name: /Nomor urut 3 PDI-P/ });
  await row.focus();
  await page.keyboard.press("Enter");
  assert.equal(await row.getAttribute("aria-expanded"), "true");
  const details = w.locator("#pw-pd-3");
  const text = await details.innerText();
  assert.match(text, /Partai Demokrasi Indonesia Perjuangan/);
  assert.match(text, /Mengusulkan pasangan 03 \(Ganjar Pranowo – Mahfud MD\)\./);
  assert.match(text, /DPR: 25\.387\.279 suara \(16,72%, per 20 Mar 2024\), 110 kursi \(per 25 Agu 2024\)\. Lolos ambang batas parlemen 4%\./);
  assert.deepEqual(await details.getByRole("link").evaluateAll((as) => as.map((a) => [a.target, a.rel, a.href.startsWith("https://")])),
    [["_blank", "noopener noreferrer", true], ["_blank", "noopener noreferrer", true]]);
  await page.keyboard.press("Space");
  assert.equal(await row.getAttribute("aria-expanded"), "false");
  // The conflict on Partai Garuda's name stays visible to the reader.
  await w.getByRole("searchbox").fill("garuda");
  await w.getByRole("button", { name: /Garuda/ }).click();
  assert.match(await w.locator("#pw-pd-11").innerText(), /Partai Garda Republik Indonesia[\s\S]*Catatan: [\s\S]*Garda Perubahan Indonesia/);
  // An Aceh local party says where it stands.
  await w.getByRole("searchbox").fill("19");
  await w.getByRole("button", { name: /Gabthat/ }).click();
  assert.match(await w.locator("#pw-pd-19").innerText(), /hanya ikut pemilihan DPRA dan DPRK di Aceh[\s\S]*Tidak ikut pemilihan DPR\./);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("tabs by keyboard: the pairs with equal weight, and the results tables", async () => {
  const page = await open({ colorScheme: "dark" });
  const w = page.locator("#p-en");
  await w.getByRole("tab", { name: "Parties" }).focus();
  await page.keyboard.press("ArrowRight");
  const pairsTab = w.getByRole("tab", { name: "Candidates" });
  assert.equal(await pairsTab.getAttribute("aria-selected"), "true");
  assert.equal(await page.evaluate(() => document.getElementById("p-en").shadowRoot.activeElement.textContent), "Candidates");
  const cards = w.locator(".pw-pair");
  assert.equal(await cards.count(), 3);
  const texts = await cards.allInnerTexts();
  assert.match(texts[0], /^01[\s\S]*Anies Rasyid Baswedan – A\. Muhaimin Iskandar[\s\S]*Nominating parties: PKB \(1\), NasDem \(5\), PKS \(8\)\.[\s\S]*Result: 40,971,906 votes \(24\.95%, as of 20 Mar 2024\)\./);
  assert.match(texts[1], /^02[\s\S]*Prabowo Subianto – Gibran Rakabuming Raka[\s\S]*Nominating parties: Gerindra \(2\), Golkar \(4\), Garuda \(11\), PAN \(12\), PBB \(13\), Demokrat \(14\), PSI \(15\)\.[\s\S]*Result: 96,214,691 votes \(58\.59%, as of 20 Mar 2024\)\./);
  assert.match(texts[2], /^03[\s\S]*Ganjar Pranowo – Mahfud MD[\s\S]*Nominating parties: PDI-P \(3\), Hanura \(10\), Perindo \(16\), PPP \(17\)\.[\s\S]*Result: 27,040,878 votes \(16\.47%, as of 20 Mar 2024\)\./);
  for (const t of texts) assert.match(t, /Candidate pair source/);
  const pair2 = await cards.nth(1).getByRole("link").evaluateAll((as) => as.map((a) => a.href));
  assert.equal(pair2.length, 4);
  assert.ok(pair2.every((h) => !/beritaantara|jaleswari/.test(h)), pair2.join(" "));
  assert.deepEqual(await axe(page), []);

  await page.keyboard.press("ArrowRight");
  assert.equal(await w.getByRole("tab", { name: "Results" }).getAttribute("aria-selected"), "true");
  const pres = w.getByRole("table", { name: /Presidential election result/ });
  assert.match(await pres.innerText(), /02 Prabowo Subianto – Gibran Rakabuming Raka\s+96,214,691\s+58\.59%/);
  const dpr = w.getByRole("table", { name: /DPR votes/ });
  const dprText = await dpr.innerText();
  assert.match(dprText, /3 PDI-P\s*✓\s*passed\s+25,387,279\s+16\.72%\s+110/);
  assert.match(dprText, /17 PPP\s+5,878,777\s+3\.87%\s+0/);
  assert.equal(await dpr.locator("tbody tr").count(), 18);
  assert.equal(await dpr.getByText("passed").count(), 8);
  // No published figure matches the stored total, so the vote count is labelled as computed.
  assert.match(await w.locator(".pw").innerText(), /Parliamentary threshold: 4% of valid national votes \(6,071,866 of 151,796,631 votes, computed\)\. 8 parties passed \(marked ✓\)/);
  await w.getByRole("button", { name: "Sort by votes" }).click();
  assert.match(await dpr.locator("tbody tr").first().innerText(), /^3 PDI-P/);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("every tab fits 320 px without horizontal overflow, in both languages", async () => {
  const page = await open({ width: 320 });
  for (const id of ["p-id", "p-en"]) {
    const w = page.locator(`#${id}`);
    for (const tab of await w.getByRole("tab").all()) {
      await tab.click();
      const over = await page.evaluate((i) => {
        const pw = document.getElementById(i).shadowRoot.querySelector(".pw");
        return [...pw.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > pw.getBoundingClientRect().right + 0.5).map((e) => e.className || e.tagName);
      }, id);
      assert.deepEqual(over, [], `${id} ${await tab.innerText()}`);
    }
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("a long list from a newsroom's file: a search shows 30 matches and Show all; 101 parties are refused", async () => {
  const data = JSON.parse(readFileSync(new URL("../../data/pemilu-2024.json", import.meta.url), "utf8"));
  const base = data.parties[0];
  const file = (n) => JSON.stringify({ ...data, parties: Array.from({ length: n }, (_, i) => ({ ...base, number: i + 1, abbr: `P${i + 1}`, name: `Partai Contoh ${i + 1}`, aliases: [] })) });
  const page = await newPage(browser, { locale: "en-GB" });
  await page.route("**/long/*.json", (r) => r.fulfill({ body: file(Number(/(\d+)\.json$/.exec(r.request().url())[1])), contentType: "application/json" }));
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, [
    { id: "sixty", attrs: { "data-modules": "parties", "data-lang": "en", "data-data-src": "/long/60.json" } },
    { id: "over", attrs: { "data-modules": "parties", "data-lang": "en", "data-data-src": "/long/101.json" } },
  ]);
  await waitReady(page, 2);
  const w = page.locator("#sixty");
  await w.getByRole("button", { name: "Show all 60 parties" }).waitFor();
  assert.equal(await w.locator(".pw-prow").count(), 8);
  await w.getByRole("searchbox", { name: "Search parties" }).fill("contoh");
  assert.equal(await w.locator(".pw-prow").count(), 30);
  assert.equal(await w.getByRole("status").innerText(), "60 of 60 parties");
  await w.getByRole("button", { name: "Show all 60 parties" }).click();
  assert.equal(await w.locator(".pw-prow").count(), 60);
  const focused = await page.evaluate(() => document.getElementById("sixty").shadowRoot.activeElement?.textContent ?? "");
  assert.match(focused, /Partai Contoh 31$/, "focus moves to the first newly shown row");
  const errors = await events(page, "pemilu:error");
  assert.deepEqual(errors.map((e) => [e.id, e.detail.code]), [["over", "data-invalid"]]);
  assert.match(errors[0].detail.message, /parties = “more than 100 items”/);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});
