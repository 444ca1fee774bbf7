// Hostile data proven harmless: a dataset and a question bank whose every text carries injection
// payloads (an XSS filter-evasion corpus) render as text. Nothing executes, no element from the
// data appears, nothing outside the widget changes; a link that is not http(s) makes the file
// invalid (reported), never a link.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, launch, newPage, addWidgets, waitReady, events, axe } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const PAYLOADS = [
  `<img src=x onerror="window.__xss=1">`,
  `"><script>window.__xss=2</script>`,
  `'><svg onload=window.__xss=3>`,
  `<a href="javascript:window.__xss=4">x</a>`,
  `<iframe srcdoc="<script>parent.__xss=5</script>">`,
  `&lt;img src=x onerror=window.__xss=6&gt;`,
  `<style>*{display:none!important}</style>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=7>`,
  `{{constructor.constructor('window.__xss=8')()}}`,
  `\u202e<b onmouseover=window.__xss=9>`,
];
let n = 0;
const poison = (s) => `${s} ${PAYLOADS[n++ % PAYLOADS.length]}`;

/** Every string in `v` (but ids, dates, URLs and enumerations) with a payload appended. */
function poisonAll(v, key = "") {
  if (typeof v === "string") return /^(id|url|source|votingDay|pollsOpen|pollsClose|start|end|startTime|asOf|date|circulated|answer|technique|direction|scope|office|lang|schemaVersion|votesSource|numberSource|votingDaySource)$/.test(key) || /^https?:/.test(v) ? v : poison(v);
  if (Array.isArray(v)) return v.map((x) => poisonAll(x, key === "alsoSee" || key === "noteSources" ? "url" : key));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poisonAll(x, k)]));
  return v;
}

const election = poisonAll(JSON.parse(readFileSync(new URL("../../data/pilkada-jakarta-2024.json", import.meta.url), "utf8")));
const bank = poisonAll(JSON.parse(readFileSync(new URL("../../data/quiz-pilkada-jakarta-2024-en.json", import.meta.url), "utf8")));
const badLink = JSON.parse(readFileSync(new URL("../hosts/test-election.json", import.meta.url), "utf8"));
badLink.stages[0].source = "javascript:window.__xss=10";

test("a dataset and a bank full of injection payloads: shown as text, nothing runs, nothing outside changes", async () => {
  const page = await newPage(browser);
  await page.route("**/xss-election.json", (r) => r.fulfill({ contentType: "application/json", body: JSON.stringify(election) }));
  await page.route("**/xss-bank.json", (r) => r.fulfill({ contentType: "application/json", body: JSON.stringify(bank) }));
  await page.route("**/bad-link.json", (r) => r.fulfill({ contentType: "application/json", body: JSON.stringify(badLink) }));
  await page.goto(`${server.base}/article.html`);
  const outside = await page.evaluate(() => document.body.innerHTML.length);
  await addWidgets(page, [
    { id: "data", attrs: { "data-lang": "en", "data-modules": "countdown,parties,guide", "data-data-src": "/xss-election.json" } },
    { id: "quiz", attrs: { "data-lang": "en", "data-modules": "quiz", "data-quiz-src": "/xss-bank.json", "data-quiz-count": "3", "data-seed": "1" } },
    { id: "bad", attrs: { "data-lang": "en", "data-modules": "countdown", "data-data-src": "/bad-link.json" } },
    { id: "name", attrs: { "data-lang": "en", "data-modules": "countdown", "data-election-name": PAYLOADS[0] } },
  ]);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 4);
  // Open everything there is to open, and play the quiz to its result.
  await page.evaluate(() => document.getElementById("data").shadowRoot.querySelectorAll("details").forEach((d) => { d.open = true; }));
  for (const tab of ["Candidates", "Results", "Parties"]) {
    const t = page.locator("#data").getByRole("tab", { name: tab });
    if (await t.count()) await t.click();
  }
  const quiz = page.locator("#quiz");
  await quiz.getByRole("button", { name: "Start the quiz" }).click();
  for (let i = 0; i < 3; i++) {
    await quiz.getByRole("button", { name: "Hoax" }).click();
    await quiz.getByRole("button", { name: i < 2 ? "Next question" : "See your result" }).click();
  }
  await quiz.getByRole("button", { name: "Play again" }).waitFor();
  await page.waitForTimeout(300);

  assert.equal(await page.evaluate(() => window.__xss), undefined, "no payload ran");
  const found = await page.evaluate(() => ["data", "quiz", "name"].map((id) => {
    const sr = document.getElementById(id).shadowRoot;
    return {
      text: sr.textContent,
      foreign: sr.querySelectorAll("img, script, svg, iframe, math, b, style:not([data-pw])").length,
      badLinks: [...sr.querySelectorAll("a")].filter((a) => !/^https?:/.test(a.getAttribute("href"))).length,
      handlers: [...sr.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
    };
  }));
  for (const f of found) {
    assert.equal(f.foreign, 0, "no element from the data");
    assert.equal(f.badLinks, 0, "every link is http(s)");
    assert.equal(f.handlers, 0, "no event handler attribute");
  }
  // The payloads are there, as text the reader can see.
  assert.ok(found[0].text.includes(`<img src=x onerror="window.__xss=1">`));
  assert.ok(found[1].text.includes(`"><script>window.__xss=2</script>`) || found[1].text.includes("<img src=x onerror"));
  assert.ok(found[2].text.includes(`<img src=x onerror="window.__xss=1">`));
  // The file with a javascript: link is refused and reported, never linked.
  assert.deepEqual((await events(page, "pemilu:error")).map((e) => [e.id, e.detail.code]), [["bad", "data-invalid"]]);
  // Nothing outside the widgets changed but the widgets themselves.
  await page.evaluate(() => document.querySelectorAll("#slot [data-pemilu-widget]").forEach((e) => e.remove()));
  assert.equal(await page.evaluate(() => document.body.innerHTML.length), outside);
  await page.context().close();
});
