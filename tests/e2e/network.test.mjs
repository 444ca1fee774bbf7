// Real networks fail: every file the widget fetches (a newsroom's dataset, a question bank) goes
// through one loader with a time limit, a size cap, one request per URL per page, and the last good
// copy of each URL in localStorage. A second server, on another origin like a newsroom's CDN,
// hangs, answers slowly, fails, refuses CORS, sends HTML or 20 MB, or works once and then fails.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { startServer, launch, newPage, addWidgets, waitReady, widgetText, events, axe } from "./helpers.mjs";

const ELECTION = readFileSync(new URL("../hosts/test-election.json", import.meta.url));
const BANK = readFileSync(new URL("../../data/quiz-pilkada-jakarta-2024-en.json", import.meta.url));

let server, browser, cdn, cdnBase;
const hits = new Map();
let flaky = true; // /flaky.json works until this turns false
const ROUTES = {
  "/hang.json": () => {}, // never answers
  "/slow.json": (res) => setTimeout(() => json(res, ELECTION), 1500),
  "/404.json": (res) => { res.writeHead(404, cors()); res.end("not found"); },
  "/500.json": (res) => { res.writeHead(500, cors()); res.end("error"); },
  "/nocors.json": (res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(ELECTION); },
  "/html.json": (res) => { res.writeHead(200, cors({ "content-type": "text/html; charset=utf-8" })); res.end("<!doctype html><p>Login"); },
  "/big.json": (res) => {
    // 20 MB, chunked (no length announced), so only a cap while reading can stop it.
    res.writeHead(200, cors({ "content-type": "application/json" }));
    const chunk = Buffer.alloc(1 << 20, 32);
    let sent = 0;
    const more = () => { while (sent < 20) { sent += 1; if (!res.write(chunk)) return res.once("drain", more); } res.end(); };
    res.write("["); more();
    res.on("error", () => {});
  },
  // A valid dataset carrying 100,000 nested arrays in a member the widget does not read.
  "/deep.json": (res) => json(res, String(ELECTION).replace(/^\{/, `{"x":${"[".repeat(100000)}${"]".repeat(100000)},`)),
  "/shared.json": (res) => json(res, ELECTION),
  "/flaky.json": (res) => (flaky ? json(res, ELECTION) : (res.writeHead(503, cors()), res.end())),
  "/flaky-bank.json": (res) => (flaky ? json(res, BANK) : (res.writeHead(503, cors()), res.end())),
};
function cors(h = {}) { return { "access-control-allow-origin": "*", "cache-control": "no-store", ...h }; }
function json(res, body) { res.writeHead(200, cors({ "content-type": "application/json" })); res.end(body); }

before(async () => {
  server = await startServer();
  browser = await launch();
  cdn = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    hits.set(path, (hits.get(path) || 0) + 1);
    (ROUTES[path] || ((r) => { r.writeHead(404, cors()); r.end(); }))(res);
  });
  await new Promise((ok) => cdn.listen(0, "127.0.0.1", ok));
  // "localhost" is another origin than the test server's 127.0.0.1.
  cdnBase = `http://localhost:${cdn.address().port}`;
});
after(async () => { await browser?.close(); server?.close(); cdn?.closeAllConnections(); cdn?.close(); });

/** A page with one countdown widget per [id, path on the CDN]; `context` reuses a browser profile. */
async function open(widgets, { context, lang = "en" } = {}) {
  const page = context ? await context.newPage() : await newPage(browser);
  if (context) {
    page.errors = [];
    page.warnings = [];
    page.on("console", (m) => { if (m.type() === "warning") page.warnings.push(m.text()); if (m.type() === "error") page.errors.push(m.text()); });
    await page.addInitScript(() => {
      window.__events = [];
      for (const t of ["pemilu:ready", "pemilu:error"]) document.addEventListener(t, (e) => window.__events.push({ type: t, id: e.target.id, detail: e.detail }));
    });
  }
  await page.goto(`${server.base}/article.html`);
  await addWidgets(page, widgets.map(([id, path, attrs]) => ({ id, attrs: { "data-lang": lang, "data-modules": "countdown", "data-data-src": cdnBase + path, ...attrs } })));
  await page.evaluate(() => window.PemiluWidget.scan());
  return page;
}

const errorsOf = async (page) => Object.fromEntries((await events(page, "pemilu:error")).map((e) => [e.id, e.detail.code]));

test("no answer within a few seconds, HTTP errors, a refused CORS request: data-fetch-failed, the bundled data and why", async () => {
  const page = await open([["hang", "/hang.json"], ["e404", "/404.json"], ["e500", "/500.json"], ["nocors", "/nocors.json"], ["slow", "/slow.json"]]);
  await waitReady(page, 5);
  assert.deepEqual(await errorsOf(page), { hang: "data-fetch-failed", e404: "data-fetch-failed", e500: "data-fetch-failed", nocors: "data-fetch-failed" });
  for (const id of ["hang", "e404", "e500", "nocors"]) {
    const text = await widgetText(page, id);
    assert.match(text, new RegExp(`The election data at ${cdnBase.replace(/[.:/]/g, "\\$&")}/\\w+\\.json could not be loaded\\. Showing the widget's built-in data: Indonesia's 2024 general election, as of 20 Oct 2024\\.`), id);
    assert.match(text, /Voting took place on Wednesday, 14 February 2024/, id);
  }
  // A slow answer is still an answer.
  assert.match(await widgetText(page, "slow"), /Countdown to Test election/);
  // One clear warning each, naming the URL and what was wrong.
  const warns = page.warnings.filter((w) => w.startsWith("[pemilu-widget]"));
  assert.ok(warns.some((w) => w.includes("/hang.json") && /no answer within 6 s/.test(w)), warns.join("\n"));
  assert.ok(warns.some((w) => w.includes("/404.json") && /HTTP 404/.test(w)));
  assert.ok(warns.some((w) => w.includes("/500.json") && /HTTP 500/.test(w)));
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test("HTML instead of JSON, and 20 MB, are refused as data-invalid without freezing the page", async () => {
  const page = await open([["html", "/html.json"], ["big", "/big.json"]]);
  await page.evaluate(() => {
    window.__long = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long = Math.max(window.__long, e.duration); }).observe({ type: "longtask" });
  });
  await waitReady(page, 2);
  assert.deepEqual(await errorsOf(page), { html: "data-invalid", big: "data-invalid" });
  assert.match(await widgetText(page, "html"), /does not follow the format: served as text\/html; charset=utf-8, not JSON\./);
  assert.match(await widgetText(page, "big"), /does not follow the format: larger than 512 KB\./);
  assert.ok(hits.get("/big.json") === 1);
  assert.ok((await page.evaluate(() => window.__long)) < 200, "no long task while refusing 20 MB");
  await page.context().close();
});

test("a file nested deeper than 32 levels is refused as data-invalid, quickly, whatever the parser allows", async () => {
  const page = await open([["deep", "/deep.json"], ["deep-id", "/deep.json", { "data-lang": "id" }]]);
  await waitReady(page, 2);
  assert.deepEqual(await errorsOf(page), { deep: "data-invalid", "deep-id": "data-invalid" });
  assert.match(await widgetText(page, "deep"), /does not follow the format: nested more than 32 levels deep\./);
  assert.match(await widgetText(page, "deep-id"), /tidak sesuai format: bersarang lebih dari 32 tingkat\./);
  // The widget goes on with its built-in data, and says so.
  assert.match(await widgetText(page, "deep"), /Showing the widget's built-in data/);
  await page.context().close();
});

test("one request per URL per page, shared by every widget that names it", async () => {
  hits.delete("/shared.json");
  const page = await open([["a", "/shared.json"], ["b", "/shared.json"], ["c", "/shared.json", { "data-lang": "id" }]]);
  await waitReady(page, 3);
  assert.equal(hits.get("/shared.json"), 1);
  for (const id of ["a", "b"]) assert.match(await widgetText(page, id), /Countdown to Test election/);
  assert.match(await widgetText(page, "c"), /Menuju Pemilihan uji/);
  await page.context().close();
});

test("the last good copy: shown with its date when the file later fails; corrupt copies are ignored", async () => {
  flaky = true;
  const context = await browser.newContext({ locale: "en-GB" });
  const first = await open([["w", "/flaky.json"]], { context });
  await waitReady(first, 1);
  assert.match(await widgetText(first, "w"), /Countdown to Test election/);
  assert.deepEqual(await errorsOf(first), {});
  await first.close();

  flaky = false;
  const second = await open([["w", "/flaky.json"]], { context });
  await waitReady(second, 1);
  const text = await widgetText(second, "w");
  const today = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(new Date());
  assert.match(text, new RegExp(`could not be loaded\\. Showing the copy saved on ${today}\\.`));
  assert.match(text, /Countdown to Test election/, "the copy, not the bundled data");
  assert.deepEqual(await errorsOf(second), { w: "data-fetch-failed" });
  // The copy is bounded and dated in storage.
  const saved = await second.evaluate((u) => JSON.parse(localStorage.getItem("pemilu-widget:file:" + u)), `${cdnBase}/flaky.json`);
  assert.equal(saved.v, 1);
  assert.match(saved.at, /^\d{4}-\d\d-\d\d$/);

  // A corrupt copy is ignored: the bundled data instead, never an exception.
  await second.evaluate((u) => localStorage.setItem("pemilu-widget:file:" + u, "{not json"), `${cdnBase}/flaky.json`);
  await second.close();
  const third = await open([["w", "/flaky.json"]], { context });
  await waitReady(third, 1);
  assert.match(await widgetText(third, "w"), /Showing the widget's built-in data/);
  assert.deepEqual(third.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});

test("a question bank's last good copy when the bank later fails", async () => {
  flaky = true;
  const context = await browser.newContext({ locale: "en-GB" });
  const start = async () => {
    const page = await context.newPage();
    await page.goto(`${server.base}/article.html`);
    await addWidgets(page, [{ id: "q", attrs: { "data-lang": "en", "data-modules": "quiz", "data-quiz-src": `${cdnBase}/flaky-bank.json` } }]);
    await page.evaluate(() => window.PemiluWidget.scan());
    await page.locator("#q").getByRole("button", { name: "Start the quiz" }).click();
    return page;
  };
  const first = await start();
  await first.locator("#q").getByRole("button", { name: "Hoax" }).waitFor();
  await first.close();
  flaky = false;
  const second = await start();
  await second.locator("#q").getByRole("button", { name: "Hoax" }).waitFor();
  assert.match(await widgetText(second, "q"), /The quiz questions at .*flaky-bank\.json could not be loaded\. Showing the copy saved on/);
  await context.close();
});
