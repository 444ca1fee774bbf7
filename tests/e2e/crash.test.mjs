// Crash containment. If the Wasm ever traps, every widget on the page says so, shows its fallback
// content again and fires pemilu:error with code "crashed"; widgets added later do the same. No
// special build: the test makes the real module trap by overwriting its linear memory (what a
// memory-corrupting bug would do), then lets a ticking countdown call into it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, addWidgets, waitReady, events, axe, built } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("a trap in the Wasm: every widget says so, shows its fallback and fires crashed; later widgets too", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, [
    { id: "ticking", attrs: { "data-lang": "en", "data-modules": "countdown", "data-election-date": "2099-02-14T07:00:00+07:00" } },
    { id: "quiz", attrs: { "data-modules": "quiz" } },
    { id: "full", attrs: { "data-lang": "en" } },
  ]);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 3);
  await page.evaluate(async (core) => {
    const exports = await (await import(core)).default();
    const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
    new Uint8Array(memory.buffer).fill(0xff, 1024);
  }, built().core);
  // The next tick calls into the module and traps.
  await page.waitForFunction(() => window.__events.filter((e) => e.type === "pemilu:error").length >= 3, null, { timeout: 5000 });
  const crashed = (await events(page, "pemilu:error")).map((e) => [e.id, e.detail.code]).sort();
  assert.deepEqual(crashed, [["full", "crashed"], ["quiz", "crashed"], ["ticking", "crashed"]]);
  const shown = await page.evaluate(() => ["ticking", "quiz", "full"].map((id) => {
    const sr = document.getElementById(id).shadowRoot;
    return [sr.querySelector('[role="alert"]').textContent, !!sr.querySelector("slot"), !!sr.querySelector(".pw")];
  }));
  assert.deepEqual(shown, [
    ["The election widget stopped. Reload the page to try again.", true, false],
    ["Widget pemilu berhenti. Muat ulang halaman untuk mencoba lagi.", true, false],
    ["The election widget stopped. Reload the page to try again.", true, false],
  ]);
  // The fallback content is readable again: the host's own link.
  assert.equal(await page.locator("#ticking").getByRole("link", { name: "KPU" }).count(), 1);
  // A widget added afterwards says the same at once, instead of waiting forever.
  await addWidgets(page, [{ id: "later", attrs: { "data-lang": "en" } }]);
  await page.evaluate(() => window.PemiluWidget.scan());
  await page.waitForFunction(() => window.__events.some((e) => e.id === "later" && e.detail.code === "crashed"));
  // The trap itself is reported once as a warning, not as an uncaught error.
  assert.deepEqual(page.errors, []);
  assert.ok(page.warnings.some((w) => /internal error; stopped/.test(w)));
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("a host script that removes nodes inside a widget breaks nothing: the widget goes on, the others too", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, [
    { id: "quiz", attrs: { "data-lang": "en", "data-modules": "quiz", "data-quiz-count": "2", "data-seed": "2" } },
    { id: "parties", attrs: { "data-lang": "en", "data-modules": "parties" } },
    { id: "ticking", attrs: { "data-lang": "en", "data-modules": "countdown", "data-election-date": "2099-02-14T07:00:00+07:00" } },
  ]);
  await page.evaluate(() => window.PemiluWidget.scan());
  await waitReady(page, 3);
  const quiz = page.locator("#quiz");
  await quiz.getByRole("button", { name: "Start the quiz" }).click();
  await quiz.getByRole("button", { name: "Hoax" }).waitFor();
  // What the hostile run did: remove the quiz's title, then answer.
  await page.evaluate(() => document.getElementById("quiz").shadowRoot.querySelector(".pw-quiz > h2").remove());
  await quiz.getByRole("button", { name: "Hoax" }).click();
  // The quiz starts again on a clean slate (its title back) and can be played.
  await quiz.getByRole("heading", { name: "Hoax or fact quiz" }).waitFor();
  // Its progress was saved: it continues where the reader was (the answered question).
  await quiz.getByRole("button", { name: /^Continue the quiz/ }).click();
  await quiz.getByRole("button", { name: "Next question" }).click();
  await quiz.getByRole("button", { name: "Hoax" }).click();
  await quiz.getByRole("button", { name: "See your result" }).waitFor();
  assert.equal(await quiz.getByRole("heading", { name: "Hoax or fact quiz" }).count(), 1);
  // Move and remove nodes in the parties module, then use it.
  await page.evaluate(() => {
    const sr = document.getElementById("parties").shadowRoot;
    sr.querySelector(".pw-tabpanel").firstElementChild.remove();
    document.body.append(sr.querySelector(".pw-parties > h2"));
  });
  await page.locator("#parties").getByRole("tab", { name: "Candidates" }).click();
  await page.waitForFunction(() => document.getElementById("parties").shadowRoot.querySelectorAll('[role="tablist"]').length === 1);
  await page.locator("#parties").getByRole("tab", { name: "Parties" }).click();
  await page.locator("#parties").getByRole("searchbox").fill("golkar");
  await page.waitForFunction(() => /Golongan Karya/.test(document.getElementById("parties").shadowRoot.textContent));
  // The clock of the third widget still ticks; nothing crashed.
  const t0 = await page.evaluate(() => document.getElementById("ticking").shadowRoot.querySelector('[role="timer"]').textContent);
  await page.waitForTimeout(1100);
  assert.notEqual(await page.evaluate(() => document.getElementById("ticking").shadowRoot.querySelector('[role="timer"]').textContent), t0);
  assert.deepEqual((await events(page, "pemilu:error")).map((e) => e.detail.code), []);
  assert.deepEqual(page.errors, []);
  assert.equal(await page.evaluate(() => document.getElementById("parties").shadowRoot.querySelectorAll('[role="tablist"]').length), 1, "nothing stale left");
  await page.context().close();
});
