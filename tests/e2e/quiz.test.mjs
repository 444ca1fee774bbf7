// The quiz as a reader plays it: a full round by keyboard alone, the events and their details,
// the result screen's figures for a known seed and known answers, resuming after a reload,
// corrupt storage, the review round on a later day, sharing, and axe on every screen; what each
// post and answer says (circulation dates, contested labels, translated labels, dated report
// channels); the Pilkada bank.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, launch, newPage, events, waitReady, axe, addWidgets } from "./helpers.mjs";

const BANK = JSON.parse(readFileSync(new URL("../../data/quiz-id.json", import.meta.url)));
const truth = (id) => BANK.items.find((i) => i.id === id).answer;

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function open(page) {
  await page.goto(`${server.base}/quiz.html`);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 2);
}
const focused = (page, id) => page.evaluate((i) => {
  const a = document.getElementById(i).shadowRoot.activeElement;
  return a ? a.textContent.trim() : null;
}, id);

/** Presses Tab until the focused element's text is `text` (at most 12 times). */
async function tabTo(page, id, text) {
  for (let i = 0; i < 12; i++) {
    if ((await focused(page, id)) === text) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach "${text}" with Tab`);
}

test("a full round by keyboard alone, with events, feedback and the result's figures", async () => {
  const page = await newPage(browser, { width: 390 });
  await page.addInitScript(() => { window.__shared = []; navigator.share = async (d) => { window.__shared.push(d); }; });
  await open(page);
  const w = page.locator("#quiz-id");
  await w.getByRole("button", { name: "Mulai kuis" }).focus();
  await page.keyboard.press("Enter");
  await w.getByText("Pertanyaan 1 dari 4").waitFor();
  assert.deepEqual((await events(page, "pemilu:quiz-start")).map((e) => e.detail), [{ total: 4 }]);
  assert.equal(await focused(page, "quiz-id"), "Pertanyaan 1 dari 4", "focus on the new question");
  assert.deepEqual(await axe(page), [], "question screen");

  for (let i = 0; i < 4; i++) {
    await tabTo(page, "quiz-id", "Hoaks");
    await page.keyboard.press("Enter");
    await w.locator(".pw-fb").waitFor();
    assert.match(await w.locator('[aria-live="polite"]').innerText(), /^(Benar!|Kurang tepat\.) Klaim ini (hoaks|fakta)\.$/, "the feedback is announced");
    const next = i < 3 ? "Pertanyaan berikutnya" : "Lihat hasil";
    assert.equal(await focused(page, "quiz-id"), next, "focus on the next action after answering");
    if (i === 0) assert.deepEqual(await axe(page), [], "feedback screen");
    const fb = await w.locator(".pw-fb").innerText();
    const answer = (await events(page, "pemilu:quiz-answer"))[i].detail;
    assert.deepEqual(Object.keys(answer).sort(), ["answer", "correct", "id", "index", "total"]);
    assert.equal(answer.answer, "hoax");
    assert.equal(answer.index, i);
    assert.equal(answer.total, 4);
    assert.equal(answer.correct, truth(answer.id) === "hoax");
    assert.match(fb, answer.correct ? /^✓\s*Benar!/ : /^✗\s*Kurang tepat\./, "right or wrong is said in words and a symbol, not colour alone");
    const item = BANK.items.find((x) => x.id === answer.id);
    if (item.verdict) assert.ok(fb.includes(item.verdict), "the verdict label as published");
    const by = item.contested ? "Sumber: " : "Diperiksa oleh ";
    const source = w.getByRole("link", { name: new RegExp(`^${by}${item.source.checker.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
    assert.equal(await source.getAttribute("href"), item.source.url);
    assert.match(await source.getAttribute("rel"), /noopener/);
    await page.keyboard.press("Enter");
  }
  const answers = (await events(page, "pemilu:quiz-answer")).map((e) => e.detail);
  const hoaxes = answers.filter((a) => truth(a.id) === "hoax").length;
  const complete = (await events(page, "pemilu:quiz-complete"))[0].detail;
  assert.deepEqual(complete, { score: hoaxes, total: 4, hoaxesCaught: hoaxes, hoaxesTotal: hoaxes, factsTrusted: 0, factsTotal: 4 - hoaxes });
  assert.ok(hoaxes >= 1 && hoaxes <= 3, "a round mixes hoaxes and true claims");
  assert.equal(await focused(page, "quiz-id"), "Hasil Anda");
  const result = await w.locator(".pw-quiz").innerText();
  assert.match(result, new RegExp(`${hoaxes} dari 4 jawaban benar\\.`));
  assert.match(result, new RegExp(`Anda mengenali ${hoaxes} dari ${hoaxes} hoaks dan memercayai 0 dari ${4 - hoaxes} klaim yang benar\\.`));
  assert.match(result, /Tidak ada hoaks yang lolos dari Anda di ronde ini\./);
  assert.match(result, /Tips resmi mengenali hoaks/);
  assert.match(result, /0811-9810-123/);
  assert.deepEqual(await axe(page), [], "result screen");

  // Share: the score and the lesson, never the answers; focus stays on the button.
  await w.getByRole("button", { name: "Bagikan hasil" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.__shared.length === 1);
  const shared = (await page.evaluate(() => window.__shared))[0];
  assert.match(shared.text, new RegExp(`^Saya menjawab ${hoaxes} dari 4 soal`));
  assert.match(shared.text, /saring sebelum sharing/);
  for (const a of answers) assert.ok(!shared.text.includes(a.id));
  assert.equal(await focused(page, "quiz-id"), "Bagikan hasil");

  // The same seed draws the same items for a new reader.
  const other = await newPage(browser);
  await open(other);
  await other.locator("#quiz-id").getByRole("button", { name: "Mulai kuis" }).click();
  for (let i = 0; i < 4; i++) {
    await other.locator("#quiz-id").getByRole("radio", { name: "Sangat yakin" }).check();
    await other.locator("#quiz-id").getByRole("button", { name: "Fakta" }).click();
    await other.locator("#quiz-id").getByRole("button", { name: /berikutnya|Lihat hasil/ }).click();
  }
  assert.deepEqual((await events(other, "pemilu:quiz-answer")).map((e) => e.detail.id), answers.map((a) => a.id));
  const complete2 = (await events(other, "pemilu:quiz-complete"))[0].detail;
  assert.deepEqual([complete2.score, complete2.factsTrusted, complete2.hoaxesCaught], [4 - hoaxes, 4 - hoaxes, 0]);
  const otherResult = await other.locator("#quiz-id .pw-quiz").innerText();
  assert.match(otherResult, /Teknik yang mengecoh Anda/);
  assert.match(otherResult, new RegExp(`Anda merasa sangat yakin pada ${hoaxes} jawaban yang ternyata keliru\\.`), "confidence feeds the lesson");

  // Play again: new items.
  await w.getByRole("button", { name: "Main lagi dengan soal baru" }).click();
  await w.getByText("Pertanyaan 1 dari 4").waitFor();
  assert.equal((await events(page, "pemilu:quiz-start")).length, 2);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await other.context().close();
});

test("progress survives a reload; corrupt storage is ignored; a later day offers the missed items", async () => {
  const page = await newPage(browser);
  await open(page);
  const w = () => page.locator("#quiz-en");
  await w().getByRole("button", { name: "Start the quiz" }).click();
  await w().getByRole("button", { name: "Fact" }).click();
  const first = (await events(page, "pemilu:quiz-answer"))[0].detail.id;
  await w().getByRole("button", { name: "Next question" }).click();
  await w().getByText("Question 2 of 3").waitFor();
  await page.reload();
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 2);
  await w().getByRole("button", { name: "Continue the quiz (question 2 of 3)" }).click();
  await w().getByText("Question 2 of 3").waitFor();
  assert.equal((await events(page, "pemilu:quiz-start")).length, 0, "a resumed round does not start again");
  await w().getByRole("button", { name: "Fact" }).click();
  await w().getByRole("button", { name: "Next question" }).click();
  await w().getByRole("button", { name: "Fact" }).click();
  await w().getByRole("button", { name: "See your result" }).click();
  const done = (await events(page, "pemilu:quiz-complete"))[0].detail;
  assert.equal(done.total, 3);
  assert.deepEqual(await axe(page), []);

  // A reader returning the next day: pretend the last answer was yesterday.
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes("#quiz-en:")));
  await page.evaluate((k) => {
    const parts = localStorage.getItem(k).split("|");
    parts[2] = String(Number(parts[2]) - 1);
    localStorage.setItem(k, parts.join("|"));
  }, key);
  const missed = 3 - done.score;
  await page.reload();
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 2);
  if (missed > 0) {
    await w().getByRole("button", { name: `Retry ${missed} questions you missed before` }).click();
    await w().getByText(`Question 1 of ${missed}`).waitFor();
    assert.notEqual(first, undefined);
  }

  // Corrupt storage: ignored, the quiz starts fresh.
  await page.evaluate((k) => localStorage.setItem(k, "pq1|garbage|||"), key);
  await page.reload();
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 2);
  await w().getByRole("button", { name: "Start the quiz" }).click();
  await w().getByText("Question 1 of 3").waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a question bank that cannot be loaded gives a message, an event and a retry", async () => {
  const page = await newPage(browser, { colorScheme: "dark" });
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, [{ id: "badquiz", attrs: { "data-modules": "quiz", "data-lang": "en", "data-quiz-src": "/missing-bank.json" } }]);
  await waitReady(page, 1);
  const w = page.locator("#badquiz");
  await w.getByRole("button", { name: "Start the quiz" }).click();
  assert.match(await w.getByRole("alert").innerText(), /The quiz questions at \/missing-bank\.json could not be loaded\./);
  assert.deepEqual((await events(page, "pemilu:error")).map((e) => e.detail.code), ["data-fetch-failed"]);
  assert.equal(await w.getByRole("button", { name: "Try again" }).count(), 1);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("nothing fires for a widget that is gone: a bank, good or bad, that arrives after unmount", async () => {
  const page = await newPage(browser);
  const en = readFileSync(new URL("../../data/quiz-en.json", import.meta.url), "utf8");
  // Each answer waits until the test lets it go.
  const waiting = [];
  await page.route("**/slow/*.json", (r) => waiting.push(r));
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, [
    { id: "good", attrs: { "data-modules": "quiz", "data-lang": "en", "data-quiz-src": "/slow/good.json" } },
    { id: "bad", attrs: { "data-modules": "quiz", "data-lang": "en", "data-quiz-src": "/slow/bad.json" } },
  ]);
  await waitReady(page, 2);
  for (const id of ["good", "bad"]) await page.locator(`#${id}`).getByRole("button", { name: "Start the quiz" }).click();
  while (waiting.length < 2) await page.waitForTimeout(50);
  await page.evaluate(() => ["good", "bad"].forEach((id) => window.PemiluWidget.unmount(document.getElementById(id))));
  for (const r of waiting) await r.fulfill(r.request().url().endsWith("good.json") ? { body: en, contentType: "application/json" } : { status: 404 });
  await page.waitForTimeout(1500);
  assert.deepEqual((await events(page)).filter((e) => e.type !== "pemilu:ready"), []);
  // (The browser's own line for the 404 is the only one.)
  assert.deepEqual(page.errors.filter((e) => !e.startsWith("Failed to load resource")), []);
  // Mounted again, the good widget starts from the beginning: no round was saved for it meanwhile.
  await page.evaluate(() => window.PemiluWidget.mount(document.getElementById("good")));
  await page.locator("#good").getByRole("button", { name: "Start the quiz" }).waitFor();
  await page.context().close();
});

test("a host listener acting on the quiz from inside an event never breaks the module", async () => {
  const page = await newPage(browser);
  await open(page);
  // Auto-advance: answer "Fact" from inside every pemilu:quiz-start / quiz-answer listener.
  await page.evaluate(() => {
    const host = document.getElementById("quiz-en");
    const click = (sel) => host.shadowRoot.querySelector(sel)?.click();
    host.addEventListener("pemilu:quiz-start", () => click('[data-act="fact"]'));
    host.addEventListener("pemilu:quiz-answer", () => click('[data-act="next"]'));
  });
  const w = page.locator("#quiz-en");
  await w.getByRole("button", { name: "Start the quiz" }).click();
  await w.getByText("Question 1 of 3").waitFor();
  await w.getByRole("button", { name: "Fact" }).click();
  await w.getByRole("button", { name: /Next question/ }).click();
  await w.getByText("Question 2 of 3").waitFor();
  assert.deepEqual(page.errors, []);
  // Re-configured to another language: a fresh quiz in that language.
  await page.evaluate(() => window.PemiluWidget.mount(document.getElementById("quiz-en"), { lang: "id" }));
  await w.getByRole("button", { name: "Mulai kuis" }).click();
  await w.getByText("Pertanyaan 1 dari 3").waitFor();
  const claim = await w.locator(".pw-claim").innerText();
  const bank = JSON.parse(readFileSync(new URL("../../data/quiz-id.json", import.meta.url)));
  assert.ok(bank.items.some((i) => i.claim === claim), "the claim comes from the Indonesian bank");
  await page.context().close();
});

/** Serves the bundled bank of `lang` cut down to the items `ids` (a bank needs a hoax and a true claim). */
async function onlyItems(page, lang, ids) {
  const bank = JSON.parse(readFileSync(new URL(`../../data/quiz-${lang}.json`, import.meta.url)));
  bank.items = ids.map((id) => bank.items.find((i) => i.id === id));
  await page.route(`**/data/quiz-${lang}.json`, (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(bank) }));
  return bank;
}

/** Plays a round of `bank`'s items by clicking `answer` for each, calling `check(item, feedback)`. */
async function playAll(w, bank, labels, check) {
  await w.getByRole("button", { name: labels.start }).click();
  for (let i = 0; i < bank.items.length; i++) {
    const post = w.getByRole("figure", { name: labels.post });
    const claim = await post.locator("blockquote").innerText();
    const item = bank.items.find((x) => x.claim === claim);
    assert.ok(item, `the claim comes from the bank: ${claim}`);
    await check.card(item, post);
    await w.getByRole("button", { name: labels.answer, exact: true }).click();
    await check.feedback(item, w.locator(".pw-fb"));
    await w.getByRole("button", { name: i + 1 < bank.items.length ? labels.next : labels.result }).click();
  }
}

test("each post says when it circulated; a contested label is no verdict; labels are translated; channels are dated", async () => {
  const page = await newPage(browser);
  const id = await onlyItems(page, "id", ["hx1-overseas-exit-poll-as-official", "h01-overseas-results-video", "t03-taipei-early-ballots"]);
  const en = await onlyItems(page, "en", ["hx1-overseas-exit-poll-as-official", "h12-disqualified-after-dkpp", "t01-sampang-children-ballots"]);
  await open(page);
  const circulated = { id: { "2024-02": "Beredar Feb 2024", "2023-12": "Beredar Des 2023" }, en: { "2024-02": "Circulated Feb 2024" } };
  const seen = { id: [], en: [] };
  for (const [lang, bank, labels] of [
    ["id", id, { start: "Mulai kuis", post: "Pesan yang beredar di media sosial", answer: "Hoaks", next: "Pertanyaan berikutnya", result: "Lihat hasil", verdict: "Label pemeriksa fakta: ", contested: "Label diperdebatkan: ", by: "Diperiksa oleh ", source: "Sumber: " }],
    ["en", en, { start: "Start the quiz", post: "A post going around on social media", answer: "Hoax", next: "Next question", result: "See your result", verdict: "Fact-checker's label: ", contested: "Contested label: ", by: "Checked by ", source: "Source: " }],
  ]) {
    const w = page.locator(`#quiz-${lang}`);
    await playAll(w, bank, labels, {
      card: async (item, post) => {
        const when = circulated[lang][item.circulated];
        assert.ok(when, `${item.id}: a known month`);
        await post.getByText(when, { exact: true }).waitFor();
        seen[lang].push(item.id);
      },
      feedback: async (item, fb) => {
        const text = await fb.innerText();
        const link = w.getByRole("link", { name: new RegExp(`^(${labels.by}|${labels.source})`) }).first();
        if (item.contested) {
          assert.ok(text.includes(labels.contested + item.contested), `${item.id}: shown as contested`);
          assert.ok(!text.includes(labels.verdict), `${item.id}: no checker's verdict`);
          assert.ok(!text.includes("[HOAKS]"), `${item.id}: the disputed label is not shown as a verdict`);
          assert.equal(await link.innerText(), labels.source + item.source.checker, "the source, not a checker");
        } else {
          assert.ok(text.includes(labels.verdict + item.verdict) === Boolean(item.verdict), `${item.id}: the label`);
          assert.ok((await link.innerText()).startsWith(labels.by + item.source.checker));
        }
        assert.equal(await link.getAttribute("href"), item.source.url);
      },
    });
    const result = await w.locator(".pw-quiz").innerText();
    if (lang === "id") {
      assert.match(result, /Hotline hoaks Bawaslu: .*0811-9810-123.* \(info per Mar 2024\)/);
      assert.match(result, /aduankonten\.id \(Komdigi\): .* \(info per Mar 2025\)/);
    } else {
      assert.match(result, /Bawaslu hoax hotline: .*0811-9810-123.* \(as of Mar 2024\)/);
      assert.match(result, /aduankonten\.id \(Komdigi\): .* \(as of Mar 2025\)/);
    }
  }
  assert.deepEqual(seen.id.sort(), id.items.map((i) => i.id).sort(), "every item was asked");
  assert.deepEqual(seen.en.sort(), en.items.map((i) => i.id).sort());
  // The translated labels, as a reader sees them.
  assert.equal(id.items.find((i) => i.id === "h01-overseas-results-video").verdict, "Salah (“False”)");
  assert.equal(en.items.find((i) => i.id === "h12-disqualified-after-dkpp").verdict, "Hoax (“[HOAKS]”)");
  assert.equal(en.items.find((i) => i.id === "t01-sampang-children-ballots").verdict, "True (“Benar”)");
  assert.deepEqual(await axe(page), [], "result screens");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the Pilkada 2024 bank loads from dist/data through data-quiz-src", async () => {
  const bank = JSON.parse(readFileSync(new URL("../../data/quiz-pilkada-jakarta-2024-en.json", import.meta.url)));
  const page = await newPage(browser);
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, [{ id: "pilkada", attrs: { "data-modules": "quiz", "data-lang": "en", "data-quiz-count": "10", "data-quiz-src": "/data/quiz-pilkada-jakarta-2024-en.json" } }]);
  await waitReady(page, 1);
  const w = page.locator("#pilkada");
  await w.getByRole("button", { name: "Start the quiz" }).click();
  await w.getByText("Question 1 of 10").waitFor();
  const claim = await w.locator(".pw-claim").innerText();
  const item = bank.items.find((i) => i.claim === claim);
  assert.ok(item, "the claim comes from the Pilkada bank");
  assert.equal(await w.getByRole("figure").getByText(/^Circulated /).innerText(), `Circulated ${{ "2024-08": "Aug 2024", "2024-11": "Nov 2024", "2024-12": "Dec 2024", "2024": "2024" }[item.circulated]}`);
  assert.deepEqual((await events(page, "pemilu:error")), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
