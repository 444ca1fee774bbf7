// Bad attributes and bad data never break a widget or its neighbours: each gives a visible,
// translated message naming the attribute and quoting the value, one console.warn, and one
// pemilu:error event, while the unaffected modules and widgets render normally.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, events, waitReady, widgetText, addWidgets, axe, clock } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function withWidgets(widgets, opts) {
  const page = await newPage(browser, opts);
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, widgets);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, widgets.length);
  return page;
}

test("notices: the widget goes on with the default and says what was wrong", async () => {
  const page = await withWidgets([
    { id: "count", attrs: { "data-lang": "en", "data-modules": "countdown", "data-quiz-count": "abc", "data-now": "2024-02-10T12:00:00+07:00", "data-timezone": "WIB" } },
    { id: "lang", attrs: { "data-lang": "klingon", "data-modules": "countdown", "data-theme": "sepia", "data-now": "2024-02-10T12:00:00+07:00", "data-timezone": "WIB" } },
    { id: "mods", attrs: { "data-lang": "en", "data-modules": "countdown,weather", "data-accent": "url(x)", "data-now": "2024-02-10T12:00:00+07:00", "data-timezone": "WIB" } },
    { id: "ok", attrs: { "data-lang": "en", "data-modules": "countdown", "data-now": "2024-02-10T12:00:00+07:00", "data-timezone": "WIB" } },
  ]);
  const count = await widgetText(page, "count");
  assert.match(count, /Invalid data-quiz-count value: “abc”\. Use a whole number from 1 to 50; the quiz uses 10\./);
  assert.deepEqual(await clock(page, "count"), [3, 19, 0, 0], "the countdown still renders");
  const lang = await widgetText(page, "lang");
  assert.match(lang, /Nilai data-lang tidak valid: “klingon”\. Gunakan id atau en; widget memakai bahasa Indonesia\./);
  assert.match(lang, /Nilai data-theme tidak valid: “sepia”/);
  assert.match(lang, /Menuju Pemilu 2024/, "Indonesian when data-lang is invalid");
  const mods = await widgetText(page, "mods");
  assert.match(mods, /Invalid data-modules value: “countdown,weather”\. Known modules: countdown, parties, quiz, guide./);
  assert.match(mods, /Invalid data-accent value: “url\(x\)”/);
  assert.doesNotMatch(await widgetText(page, "ok"), /Invalid/);

  const errors = await events(page, "pemilu:error");
  assert.deepEqual(errors.map((e) => [e.id, e.detail.code, e.detail.attribute]).sort(), [
    ["count", "invalid-attribute", "data-quiz-count"],
    ["lang", "invalid-attribute", "data-lang"],
    ["lang", "invalid-attribute", "data-theme"],
    ["mods", "invalid-attribute", "data-accent"],
    ["mods", "invalid-attribute", "data-modules"],
  ]);
  for (const e of errors) assert.match(e.detail.message, new RegExp(e.detail.attribute));
  assert.equal(page.warnings.filter((w) => w.includes("[pemilu-widget]")).length, 5, "one console.warn per invalid attribute");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("values that decide what the countdown shows replace it by the message; other modules render", async () => {
  const page = await withWidgets([
    { id: "tz", attrs: { "data-lang": "en", "data-timezone": "Mars" } },
    { id: "date", attrs: { "data-modules": "countdown", "data-election-date": "14/02/2029" } },
    { id: "now", attrs: { "data-lang": "en", "data-modules": "countdown", "data-now": "yesterday" } },
    { id: "fine", attrs: { "data-lang": "en", "data-modules": "countdown", "data-now": "2024-02-10T12:00:00+07:00", "data-timezone": "WIB" } },
    { id: "both", attrs: { "data-lang": "en", "data-modules": "countdown", "data-timezone": "UTC", "data-now": "yesterday" } },
  ]);
  // Every problem that stops the countdown is shown, not only the first.
  assert.match(await page.locator("#both").getByRole("alert").innerText(), /Invalid data-timezone value: “UTC”[^]*Invalid data-now value: “yesterday”/);
  const tz = page.locator("#tz");
  assert.match(await tz.getByRole("alert").innerText(), /The countdown cannot be shown\.\s*Invalid data-timezone value: “Mars”\. Use WIB, WITA, WIT or auto\./);
  assert.match(await widgetText(page, "tz"), /Parties and candidates/, "the other modules still render");
  assert.match(await page.locator("#date").getByRole("alert").innerText(), /Hitung mundur tidak dapat ditampilkan\.\s*Nilai data-election-date tidak valid: “14\/02\/2029”/);
  assert.match(await page.locator("#now").getByRole("alert").innerText(), /Invalid data-now value: “yesterday”/);
  assert.deepEqual(await clock(page, "fine"), [3, 19, 0, 0]);
  const codes = (await events(page, "pemilu:error")).map((e) => e.detail.attribute).sort();
  assert.deepEqual(codes, ["data-election-date", "data-now", "data-now", "data-timezone", "data-timezone"]);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("data-data-src: a newsroom's own dataset, a missing file, and a malformed one", async () => {
  const page = await withWidgets([
    { id: "own", attrs: { "data-lang": "en", "data-modules": "countdown", "data-data-src": "/test-election.json", "data-timezone": "WIB", "data-now": "2030-05-02T08:00:00+07:00" } },
    { id: "missing", attrs: { "data-lang": "en", "data-modules": "countdown,quiz", "data-data-src": "/nope.json" } },
    { id: "invalid", attrs: { "data-modules": "countdown", "data-data-src": "/bad-election.json" } },
    { id: "notjson", attrs: { "data-lang": "en", "data-modules": "countdown", "data-data-src": "/not-json.json" } },
    { id: "badurl", attrs: { "data-lang": "en", "data-modules": "countdown", "data-data-src": "javascript:alert(1)" } },
  ]);
  const own = await widgetText(page, "own");
  assert.match(own, /Countdown to Test election/);
  assert.match(own, /Polls open on Wednesday, 5 June 2030 at 08:00 WIB/);
  assert.match(own, /Current stage: Test campaign \(1 May 2030 – 1 Jun 2030\)/);
  assert.deepEqual(await clock(page, "own"), [34, 0, 0, 0]);
  // A file that cannot be used: the bundled data, and a visible notice of what failed and what is
  // shown instead, as of when (no saved copy exists on a first visit).
  const missing = await widgetText(page, "missing");
  assert.match(missing, /The election data at \/nope\.json could not be loaded\. Showing the widget's built-in data: Indonesia's 2024 general election, as of 20 Oct 2024\./);
  assert.match(missing, /Voting took place on Wednesday, 14 February 2024/);
  assert.match(missing, /Hoax or fact quiz/, "the quiz does not depend on the dataset");
  const invalid = await widgetText(page, "invalid");
  assert.match(invalid, /Data pemilu dari \/bad-election\.json tidak sesuai format: votingDay = “2029-02-30”[^\n]*Yang ditampilkan adalah data bawaan widget: Pemilu 2024, per 20 Okt 2024\./);
  assert.match(await widgetText(page, "notjson"), /The election data at \/not-json\.json does not follow the format: .* Showing the widget's built-in data/);
  assert.match(await page.locator("#badurl").getByRole("alert").innerText(), /Invalid data-data-src value: “javascript:alert\(1\)”/);
  const errs = (await events(page, "pemilu:error")).map((e) => [e.id, e.detail.code]).sort();
  assert.deepEqual(errs, [["badurl", "invalid-attribute"], ["invalid", "data-invalid"], ["missing", "data-fetch-failed"], ["notjson", "data-invalid"]]);
  assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), []);
  await page.context().close();
});
