// The newsroom studio (dist/studio.html): configure and copy, preview, author and check data files.
// Everything through roles and visible text, as a developer or an editor uses it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { startServer, launch, newPage, axe, waitReady, built, addWidgets, AMP_IFRAME } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const NOW = "2026-12-06T10:00:00+07:00";
const ELECTION = JSON.parse(readFileSync(new URL("../../data/pemilu-2024.json", import.meta.url), "utf8"));
const BANK = JSON.parse(readFileSync(new URL("../../data/quiz-en.json", import.meta.url), "utf8"));

/** The studio in English with `query` (the iframe form's parameters) in its address. */
async function studio(query = "", opts = {}) {
  const page = await newPage(browser, opts);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
  await page.goto(`${server.base}/studio.html#ui=en${query ? "&" + query : ""}`);
  await page.getByRole("heading", { name: "Pemilu Widget studio" }).waitFor();
  return page;
}

const previewText = (page) => page.evaluate(() => document.getElementById("st-preview-widget").shadowRoot.querySelector(".pw")?.innerText ?? "");
const waitPreview = (page, text) =>
  page.waitForFunction((t) => (document.getElementById("st-preview-widget").shadowRoot?.querySelector(".pw")?.innerText ?? "").includes(t), text, { timeout: 15000 });
/** Sets an option's field as a person does: type, then leave the field. */
async function setOption(page, name, value) {
  const field = page.getByLabel(name, { exact: true });
  await field.fill(value);
  await field.press("Tab");
}
/** Opens `text` through the file picker, as `name`. */
async function openFile(page, name, text) {
  await page.getByLabel("Open a file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByText(`Loaded: ${name}`).waitFor();
}

test("configure: the preview is the real widget, the code and the address follow every change", async () => {
  const page = await studio(`lang=en&modules=countdown&now=${encodeURIComponent(NOW)}`);
  await waitPreview(page, "Indonesia's 2024 general election");
  const script = page.getByLabel("Script and <div> (for CMSs that allow scripts)");
  assert.match(await script.inputValue(), /<div data-pemilu-widget data-lang="en" data-modules="countdown" data-now="2026-12-06T10:00:00\+07:00">/);
  assert.match(await script.inputValue(), new RegExp(`<script type="module" src="${server.base}/pemilu-widget.js"></script>`));

  await page.getByRole("checkbox", { name: "Hoax or fact quiz" }).check();
  await setOption(page, "Questions per round", "5");
  await waitPreview(page, "Start the quiz");
  assert.match(await script.inputValue(), /data-modules="countdown,quiz" data-quiz-count="5"/);
  const iframe = await page.getByLabel("Iframe (for CMSs that strip scripts, strict CSP)").inputValue();
  assert.match(iframe, /embed\.html\?lang=en&amp;modules=countdown,quiz&amp;quiz-count=5&amp;now=2026-12-06T10:00:00%2B07:00"/);
  assert.match(iframe, /<script src="[^"]+\/pemilu-embed\.js" async><\/script>/);
  assert.match(page.url(), /#ui=en&lang=en&modules=countdown,quiz&quiz-count=5&now=/);
  assert.equal(await page.locator("#st-preview-widget").getAttribute("data-quiz-count"), "5");

  // A phone's width: the widget itself is 320 px wide, and its pressed state says so.
  await page.getByRole("button", { name: "320 px" }).click();
  assert.equal(await page.locator("#st-preview-widget").evaluate((e) => Math.round(e.getBoundingClientRect().width)), 320);
  assert.equal(await page.getByRole("button", { name: "320 px" }).getAttribute("aria-pressed"), "true");
  // Order: the quiz first.
  await page.getByRole("button", { name: "Move up: Hoax or fact quiz" }).click();
  assert.match(await script.inputValue(), /data-modules="quiz,countdown"/);
  // An invalid value: the widget's own message, in the studio and in the preview.
  await setOption(page, "Questions per round", "99");
  await page.getByText("Invalid values (the widget falls back to its default):").waitFor();
  await waitPreview(page, "data-quiz-count");

  // The address carries the configuration: a new visit shows the same.
  const again = await newPage(browser);
  await again.goto(page.url());
  await again.getByRole("heading", { name: "Pemilu Widget studio" }).waitFor();
  assert.equal(await again.getByLabel("Script and <div> (for CMSs that allow scripts)").inputValue(), await script.inputValue());
  assert.deepEqual(page.errors.concat(again.errors), []);
  await page.context().close();
  await again.context().close();
});

test("the generated code, pasted into a blank page, renders the same widget as the preview (script, iframe and AMP)", async () => {
  const page = await studio(`lang=en&modules=countdown,guide&timezone=WITA&now=${encodeURIComponent(NOW)}`);
  await waitPreview(page, "Where to report"); // the guide has loaded the served dataset
  const shown = await previewText(page);
  for (const form of ["Script and <div> (for CMSs that allow scripts)", "Iframe (for CMSs that strip scripts, strict CSP)", "AMP (amp-iframe, for AMP pages)"]) {
    const code = await page.getByLabel(form).inputValue();
    const blank = await newPage(browser);
    // An AMP page loads AMP's amp-iframe component (here a stand-in: no network to AMP's CDN).
    const head = form.startsWith("AMP") ? '<script async custom-element="amp-iframe" src="https://cdn.ampproject.org/v0/amp-iframe-0.1.js"></script>' : "";
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title>${head}</head><body><main><h1>An article</h1>${code}</main></body></html>`;
    await blank.route("https://cdn.ampproject.org/**", (r) => r.fulfill({ contentType: "text/javascript", body: AMP_IFRAME }));
    await blank.route(`${server.base}/pasted.html`, (r) => r.fulfill({ contentType: "text/html", body: html }));
    await blank.goto(`${server.base}/pasted.html`);
    let text;
    if (form.startsWith("Script")) {
      await blank.waitForFunction(() => document.querySelector("[data-pemilu-widget]").shadowRoot?.querySelector(".pw")?.innerText.includes("Where to report"));
      text = await blank.evaluate(() => document.querySelector("[data-pemilu-widget]").shadowRoot.querySelector(".pw").innerText);
    } else {
      const frame = await (await blank.locator("iframe").elementHandle()).contentFrame();
      await frame.waitForFunction(() => document.querySelector("[data-pemilu-widget]")?.shadowRoot?.querySelector(".pw")?.innerText.includes("Where to report"));
      text = await frame.evaluate(() => document.querySelector("[data-pemilu-widget]").shadowRoot.querySelector(".pw").innerText);
      // pemilu-embed.js sized the frame to the widget.
      await blank.waitForFunction(() => document.querySelector("iframe").getBoundingClientRect().height > 200);
    }
    assert.equal(text, shown, form);
    assert.deepEqual(blank.errors, [], form);
    await blank.context().close();
  }
  await page.context().close();
});

test("keyboard only: choose a module, reorder it and copy the code", async () => {
  const page = await studio(`now=${encodeURIComponent(NOW)}`);
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return (e.labels?.[0]?.textContent || e.getAttribute("aria-label") || e.textContent || "").trim();
  });
  const tabTo = async (name) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      if ((await focused()) === name) return;
    }
    assert.fail(`Tab never reached ${name}`);
  };
  await tabTo("Voter's guide");
  await page.keyboard.press("Space");
  await tabTo("Move up: Voter's guide");
  await page.keyboard.press("Enter");
  // Focus stays on the button that moved, so it can be pressed again (once the studio has
  // re-rendered: under a loaded machine that may come after the key press returns).
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Move up: Voter's guide", null, { timeout: 3000 }).catch(() => {});
  assert.equal(await focused(), "Move up: Voter's guide");
  const script = page.getByLabel("Script and <div> (for CMSs that allow scripts)");
  assert.match(await script.inputValue(), /data-modules="countdown,parties,guide,quiz"/);
  await tabTo("Copy the script code");
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "Code copied." }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await script.inputValue());
  await page.context().close();
});

test("a dataset with planted problems: each is listed at its path, in words, and leads to its field", async () => {
  const page = await studio();
  const planted = structuredClone(ELECTION);
  planted.parties[3].number = planted.parties[0].number;
  planted.stages[1].start = "2024-02-30";
  delete planted.parties[7].abbr;
  planted.pairs[0].nominatingParties = planted.pairs[0].nominatingParties.filter((n) => n !== 4);
  planted.pairs[1].nominatingParties = planted.pairs[1].nominatingParties.filter((n) => n !== 4);
  await openFile(page, "planted.json", JSON.stringify(planted, null, 2));
  const problems = page.getByRole("list", { name: "Problems" }).getByRole("button");
  await page.getByText(/problems found/).waitFor();
  const texts = await problems.allInnerTexts();
  assert.ok(texts.some((t) => t === "parties[3].number: 1 is used twice, also at parties[0].number"), texts.join("\n"));
  assert.ok(texts.some((t) => t === "stages[1].start: \u201c2024-02-30\u201d is not accepted here"), texts.join("\n"));
  assert.ok(texts.some((t) => t.startsWith("parties[7].abbr: missing")), texts.join("\n"));
  // The format's own words for the field.
  await page.getByText(/^Format: .*ballot/i).first().waitFor();
  // The stage's date has a form field: the problem leads there.
  await problems.filter({ hasText: "stages[1].start" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-stages-1--start");
  // A party's number has none: the raw JSON, with the value selected.
  await problems.filter({ hasText: "parties[3].number" }).click();
  const selected = await page.evaluate(() => {
    const a = document.activeElement;
    return [a.id, a.value.slice(a.selectionStart, a.selectionEnd)];
  });
  assert.deepEqual(selected, ["st-raw", "1"]);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("an edited quiz item appears in the preview", async () => {
  const page = await studio(`lang=en&modules=quiz&quiz-count=1&seed=7&now=${encodeURIComponent(NOW)}`);
  const preview = page.locator("#st-preview-widget");
  await waitPreview(page, "Start the quiz");
  await preview.getByRole("button", { name: "Start the quiz" }).click();
  await waitPreview(page, "Question 1 of 1");
  const text = await previewText(page);
  const index = BANK.items.findIndex((i) => text.includes(i.claim));
  assert.ok(index >= 0, "the preview shows a claim of the bundled bank");

  await page.getByRole("radio", { name: "Quiz question bank" }).check();
  await page.getByRole("button", { name: "Start from the bundled Pemilu 2024 question bank" }).click();
  await page.getByText("Loaded: quiz-en.json").waitFor();
  await page.getByLabel("Item", { exact: true }).selectOption(String(index));
  const claim = page.getByLabel("Claim", { exact: true });
  await claim.fill("Edited in the studio: a claim the editor has just written.");
  await claim.press("Tab");
  await page.getByText("No problems: the widget can use this file.").waitFor();
  await page.getByText("The preview uses the file being edited.").waitFor();
  // The same seed picks the same item: now with the edited claim.
  await preview.getByRole("button", { name: "Start the quiz" }).click();
  await waitPreview(page, "Edited in the studio: a claim the editor has just written.");
  // The balance follows the bank.
  await page.getByRole("heading", { name: "Quiz balance" }).waitFor();
  const facts = BANK.items.filter((i) => i.answer === "fact").length;
  await page.getByText(`True claims: ${facts} of ${BANK.items.length}`).waitFor();
  await page.context().close();
});

test("an editor adds a debunked hoax through the form alone: a valid bank, balanced as shown", async () => {
  const page = await studio("lang=en");
  await page.getByRole("radio", { name: "Quiz question bank" }).check();
  await page.getByRole("button", { name: "Start from the bundled Pemilu 2024 question bank" }).click();
  await page.getByText("Loaded: quiz-en.json").waitFor();
  await page.getByRole("button", { name: "Add an item" }).click();
  // The new item is listed as incomplete, field by field, and the claim has the focus.
  assert.equal(await page.evaluate(() => document.activeElement.id), `f-items-${BANK.items.length}--claim`);
  await page.getByText(/problems? found/).waitFor();
  const fill = async (label, value) => {
    const f = page.getByLabel(label, { exact: true });
    await f.fill(value);
    await f.press("Tab");
  };
  await fill("Claim", "A viral message says the ballots of one polling station were burnt before counting.");
  await fill("Fact-checker's verdict", "False");
  await page.getByLabel("Technique", { exact: true }).selectOption("false-context");
  await fill("Explanation", "The photo shows a 2019 warehouse fire; the polling station's count was completed and published.");
  await fill("Circulated (YYYY-MM)", "2024-02");
  await fill("Fact-checker", "Example Fact Check");
  await fill("Source URL", "https://cekfakta.example.id/2024/02/ballots-burnt");
  await fill("Source date", "2024-02-16");
  // About no pair: the field stays empty and the direction neutral.
  await page.getByText("No problems: the widget can use this file.").waitFor();
  const facts = BANK.items.filter((i) => i.answer === "fact").length;
  await page.getByText(`True claims: ${facts} of ${BANK.items.length + 1}`).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the file" }).click()]);
  const bank = JSON.parse(readFileSync(await download.path(), "utf8"));
  const added = bank.items.at(-1);
  assert.deepEqual([added.answer, added.technique, added.about, added.direction], ["hoax", "false-context", [], "neutral"]);
  await page.context().close();
});

test("problems are on the form's fields too, and lead everywhere: closed sections, syntax errors", async () => {
  const page = await studio();
  const planted = structuredClone(ELECTION);
  planted.stages[1].start = "2024-02-30";
  planted.results.dpr.votes[2].seats += 1;
  await openFile(page, "planted.json", JSON.stringify(planted, null, 2));
  const field = page.locator("#f-stages-1--start");
  assert.equal(await field.inputValue(), "2024-02-30", "the wrong date stays visible");
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator(`#${await field.getAttribute("aria-describedby")}`).innerText(), "\u201c2024-02-30\u201d is not accepted here");
  // The DPR's figures are in a closed section: the problem opens it.
  const problems = page.getByRole("list", { name: "Problems" }).getByRole("button");
  await problems.filter({ hasText: "results.dpr.seatsTotal" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-results-dpr-seatsTotal");
  assert.ok(await page.evaluate(() => document.activeElement.closest("details").open));
  // Broken JSON: the caret goes to the error, nothing is selected.
  await page.getByLabel("Raw JSON").fill('{\n  "schemaVersion": 1,\n  oops\n}');
  await page.getByText(/Not valid JSON: line 3/).waitFor();
  await problems.first().click();
  const caret = await page.evaluate(() => { const a = document.activeElement; return [a.id, a.selectionStart, a.selectionEnd]; });
  assert.equal(caret[0], "st-raw");
  assert.equal(caret[1], caret[2], "nothing selected");
  assert.ok(caret[1] >= 25 && caret[1] <= 32, `caret at ${caret[1]}`);
  await page.context().close();
});

test("the downloaded file is valid and loads through data-data-src", async () => {
  const page = await studio();
  await page.getByRole("button", { name: "Start from the bundled Pemilu 2024 data" }).click();
  await page.getByText("Loaded: pemilu-2024.json").waitFor();
  // An editor's correction through the form: the last stage ends a day later.
  const last = ELECTION.stages.length - 1;
  const end = page.locator(`#f-stages-${last}--end`);
  await end.fill("2024-10-21");
  await end.press("Tab");
  await page.getByText("No problems: the widget can use this file.").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the file" }).click()]);
  const text = readFileSync(await download.path(), "utf8");
  const file = JSON.parse(text);
  assert.equal(file.stages[last].end, "2024-10-21");
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(new URL("../../data/election.schema.json", import.meta.url), "utf8")));
  assert.ok(validate(file), JSON.stringify(validate.errors));

  const reader = await newPage(browser);
  await reader.route(`${server.base}/edited.json`, (r) => r.fulfill({ contentType: "application/json", body: text }));
  await reader.goto(`${server.base}/article.html`);
  await addWidgets(reader, [{ id: "w", attrs: { "data-lang": "en", "data-modules": "countdown", "data-data-src": "/edited.json" } }]);
  await waitReady(reader);
  assert.deepEqual(await reader.evaluate(() => window.__events.filter((e) => e.type === "pemilu:error")), []);
  await reader.evaluate(() => document.getElementById("w").shadowRoot.querySelector("details")?.setAttribute("open", ""));
  await reader.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector(".pw").innerText.includes("21 Oct 2024"));
  await reader.context().close();
  await page.context().close();
});

test("in Indonesian, at 320 px and in dark preview: readable, nothing wider than the screen, axe clean", async () => {
  const page = await newPage(browser, { width: 320, height: 640 });
  await page.goto(`${server.base}/studio.html`);
  await page.getByRole("heading", { name: "Studio Pemilu Widget" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "id");
  await page.getByRole("button", { name: "Gelap" }).click();
  await page.getByRole("button", { name: "Mulai dari data bawaan Pemilu 2024" }).click();
  await page.getByText("Tidak ada masalah: widget dapat memakai berkas ini.").waitFor();
  await page.waitForFunction(() => document.getElementById("st-preview-widget").shadowRoot?.querySelector(".pw"));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "no sideways scrolling at 320 px");
  assert.deepEqual(await axe(page), []);
  // A question bank, with its balance table.
  await page.getByRole("radio", { name: "Bank soal kuis" }).check();
  await page.getByRole("button", { name: "Mulai dari bank soal bawaan Pemilu 2024" }).click();
  await page.getByRole("heading", { name: "Keseimbangan kuis" }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), "no sideways scrolling at 320 px with a bank");
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("readers pay nothing for the studio: an article never loads it, and the widget's files do not name it", async () => {
  const page = await newPage(browser);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${server.base}/index.html`);
  await waitReady(page);
  assert.deepEqual(requests.filter((u) => /studio/.test(u)), []);
  for (const f of Object.values(built())) {
    assert.doesNotMatch(readFileSync(new URL(`../../dist${f}`, import.meta.url), "utf8"), /studio/i, f);
  }
  // The demo links to the studio.
  await page.getByRole("link", { name: /studio/i }).first().waitFor({ state: "attached" });
  await page.context().close();
});
