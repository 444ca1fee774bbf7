// Worst cases within the caps: data files built to the limits the widget accepts (the file size
// cap in web/pemilu-services.js, each list's `maxItems` and each name's `maxLength` in the JSON
// Schemas, 5,000 characters for any other text), each loaded into
// a widget on the test article and used as a reader would (search, tabs, a quiz round). Prints the
// longest main-thread task of each case over RUNS runs; the goal is none over 50 ms.
// `node bench/worst.mjs` after a build (scripts/bench.sh worst builds first). Not part of the tests.
import { readFileSync, writeFileSync } from "node:fs";
import { startServer, launch, newPage, addWidgets } from "../tests/e2e/helpers.mjs";

const RUNS = Number(process.env.RUNS || 3);
const ONLY = process.env.CASE || "";
const services = readFileSync(new URL("../web/pemilu-services.js", import.meta.url), "utf8");
const [, m, shift] = /MAX = (\d+) << (\d+)/.exec(services);
const CAP = Number(process.env.CAP_KB || 0) * 1024 || Number(m) * 2 ** Number(shift);
const data = JSON.parse(readFileSync(new URL("../dist/data/pemilu-2024.json", import.meta.url), "utf8"));
const bank = JSON.parse(readFileSync(new URL("../dist/data/quiz-en.json", import.meta.url), "utf8"));
const clone = (v) => JSON.parse(JSON.stringify(v));
const size = (v) => Buffer.byteLength(JSON.stringify(v));
const words = (n, seed) => Array.from({ length: n }, (_, i) => `w${((seed * 31 + i * 7) % 997).toString(36)}x${i % 13}`).join(" ");

/** Adds `make(i)` to `list` while the file stays under `cap` and the list within `max` items. */
function fill(root, list, make, max, cap = CAP) {
  const budget = cap - 4096 - size(root);
  let used = 0;
  for (let i = list.length; i < max; i++) {
    const v = make(i);
    const s = size(v) + 1;
    if (used + s > budget) break;
    list.push(v);
    used += s;
  }
  return root;
}

const schema = (f) => JSON.parse(readFileSync(new URL(`../data/${f}.schema.json`, import.meta.url), "utf8"));
const [es, qs] = [schema("election"), schema("quiz")];
/** The schema's bound at a pointer into it. */
const most = (s, ptr) => ptr.split("/").slice(1).reduce((v, k) => v[k], s).maxItems;
const M = {
  stages: most(es, "/properties/stages"), parties: most(es, "/properties/parties"), aliases: most(es, "/$defs/party/properties/aliases"),
  pairs: most(es, "/properties/pairs"), guide: most(es, "/properties/guide/properties/sections"), items: most(qs, "/properties/items"),
  links: most(qs, "/properties/items/items/properties/source/properties/alsoSee"), techniques: most(qs, "/properties/techniques"), tips: most(qs, "/properties/tips"),
};
/** Text of at most `n` characters (the readers' bound is 5,000). */
const text = (n, seed) => words(Math.ceil(n / 6), seed).slice(0, Math.min(n, 4900));

const CASES = {
  "dataset: the bundled file (baseline)": () => clone(data),
  [`dataset: ${M.parties} parties × ${M.aliases} aliases, the longest texts`]: () => {
    const d = clone(data);
    const base = d.parties[0];
    const [abbr, alias, name] = ["abbr", "aliases", "name"].map((k) => {
      const v = es.$defs.party.properties[k];
      return (v.items || v).maxLength;
    });
    d.parties = Array.from({ length: M.parties }, (_, i) => ({
      ...base, number: i + 1, abbr: `P${i + 1}${"x".repeat(abbr)}`.slice(0, abbr), name: text(name, i),
      aliases: Array.from({ length: M.aliases }, (_, k) => text(alias, i * 100 + k)),
    }));
    return d;
  },
  [`dataset: ${M.stages} stages, the longest names`]: () => {
    const d = clone(data);
    const st = d.stages[d.stages.length - 1];
    return fill(d, d.stages, (i) => ({ ...st, id: `s${i}`, name: { id: text(es.$defs.stage.properties.name.properties.id.maxLength, i), en: text(es.$defs.stage.properties.name.properties.en.maxLength, i + 1) } }), M.stages);
  },
  [`dataset: ${M.pairs} pairs, the longest names`]: () => {
    const d = clone(data);
    const pr = d.pairs[0];
    delete d.results;
    d.pairs = [];
    return fill(d, d.pairs, (i) => ({ ...pr, number: i + 1, candidate: text(es.$defs.pair.properties.candidate.maxLength, i), runningMate: text(es.$defs.pair.properties.runningMate.maxLength, i + 7), president: undefined, vicePresident: undefined, nominatingParties: [], independent: true, otherSupporters: undefined }), M.pairs);
  },
  [`dataset: guide of ${M.guide} × ${M.guide} items, the longest texts`]: () => {
    const d = clone(data);
    const item = d.guide.sections[0].items[0];
    d.guide.sections = [];
    const longest = es.properties.guide.properties.sections.items.properties.items.items.properties.text.properties.en.maxLength;
    const per = Math.min(longest, Math.floor((CAP - size(d) - 8192) / M.guide / M.guide / 2) - 80);
    return fill(d, d.guide.sections, (i) => ({ title: { id: `Bagian ${i}`, en: `Section ${i}` }, items: Array.from({ length: M.guide }, (_, k) => ({ ...item, text: { id: text(per, i * 50 + k), en: text(per, i * 50 + k + 1) } })) }), M.guide);
  },
  "bank: the bundled bank (baseline)": () => clone(bank),
  [`bank: ${M.items} items, long explanations, to the cap`]: () => {
    const b = clone(bank);
    const items = b.items;
    b.items = [];
    const per = Math.floor((CAP - size(b) - 8192) / M.items) - size(items[0]) + items[0].explanation.length;
    return fill(b, b.items, (i) => ({ ...items[i % items.length], id: `x${i}`, explanation: text(per, i) }), M.items);
  },
  [`bank: ${M.items} items × ${M.links} further links, to the cap`]: () => {
    const b = clone(bank);
    const items = b.items;
    b.items = [];
    return fill(b, b.items, (i) => {
      const it = clone(items[i % items.length]);
      it.id = `y${i}`;
      it.source.alsoSee = Array.from({ length: M.links }, (_, k) => `https://cekfakta.example.id/${"p".repeat(100)}/${i}/${k}`);
      return it;
    }, M.items);
  },
  [`bank: ${M.techniques} techniques and ${M.tips} tips, long, to the cap`]: () => {
    const b = clone(bank);
    const t = b.techniques, tips = b.tips;
    b.techniques = [];
    b.tips = [];
    fill(b, b.techniques, (i) => ({ ...t[i % t.length], id: i < t.length ? t[i].id : `t${i}`, description: text(4900, i) }), M.techniques, CAP / 2);
    return fill(b, b.tips, (i) => ({ ...tips[i % tips.length], text: text(4900, i) }), M.tips);
  },
};

const server = await startServer(["dist", "tests/hosts"]);
const browser = await launch();

/** The longest task (ms) on the page's main thread (Chromium's `CrRendererMain`) in a trace. */
function longestTask(trace) {
  const events = trace.traceEvents || trace;
  const main = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`);
  const tasks = events.filter((e) => e.ph === "X" && e.name === "RunTask" && main.includes(`${e.pid}:${e.tid}`));
  return Math.round(Math.max(0, ...tasks.map((e) => e.dur / 1000)));
}

/** One run of one case: the longest task (ms) from adding the widget to the end of the reader's steps. */
async function run(name, file) {
  const page = await newPage(browser, { width: 414, height: 900, locale: "en-GB" });
  const body = JSON.stringify(file);
  await page.route("**/worst/file.json", (r) => r.fulfill({ body, contentType: "application/json" }));
  await page.goto(`${server.base}/article.html`);
  // A default widget first, so the Wasm's download and compilation are not counted.
  await addWidgets(page, [{ id: "warm", attrs: { "data-modules": "countdown", "data-lang": "en" } }]);
  await page.waitForFunction(() => window.__events.some((e) => e.type === "pemilu:ready" && e.id === "warm"));
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, Math.round(e.duration)]); }).observe({ type: "longtask" });
  });
  const isBank = name.startsWith("bank");
  const attrs = isBank
    ? { "data-modules": "quiz", "data-quiz-src": "/worst/file.json", "data-lang": "en", "data-quiz-count": "3" }
    : { "data-modules": "countdown,parties,guide", "data-data-src": "/worst/file.json", "data-lang": "en" };
  const steps = [];
  const step = async (label) => steps.push([label, await page.evaluate(() => performance.now())]);
  // A trace (TASKS=1) gives every task's length, also those under 50 ms that the Long Tasks API
  // leaves out; off by default, since tracing itself slows the page down. TRACE=file keeps it.
  const tracing = process.env.TRACE || process.env.TASKS;
  const categories = ["disabled-by-default-devtools.timeline", ...(process.env.TRACE ? ["devtools.timeline", "v8", "blink"] : [])];
  if (tracing) await browser.startTracing(page, { path: process.env.TRACE, categories });
  let cdp;
  if (process.env.PROFILE) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
  }
  await step("load");
  await addWidgets(page, [{ id: "w", attrs }]);
  await page.waitForFunction(() => window.__events.some((e) => e.id === "w" && e.type === "pemilu:ready"), null, { timeout: 30000 });
  const w = page.locator("#w");
  if (isBank) {
    await step("start");
    await w.getByRole("button", { name: "Start the quiz" }).click();
    await step("answer");
    await w.getByRole("button", { name: "Hoax" }).first().click();
    await step("next");
    await w.getByRole("button", { name: /Next question/ }).click();
  } else {
    await step("search");
    const search = w.getByRole("searchbox");
    await search.pressSequentially("w1", { delay: 30 });
    await search.fill("");
    await step("tabs");
    await w.getByRole("tab", { name: "Candidates" }).click();
    const results = w.getByRole("tab", { name: "Results" });
    if (await results.count()) await results.click();
  }
  await page.waitForTimeout(500);
  const trace = tracing ? JSON.parse(String(await browser.stopTracing())) : [];
  if (cdp) writeFileSync(process.env.PROFILE, JSON.stringify((await cdp.send("Profiler.stop")).profile));
  const r = await page.evaluate(() => ({ long: window.__long, errors: window.__events.filter((e) => e.type === "pemilu:error") }));
  await page.context().close();
  if (r.errors.length) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  if (process.env.STEPS) {
    const at = (t) => steps.filter(([, s]) => s <= t).pop()?.[0];
    console.log(`  ${r.long.map(([t, d]) => `${at(t)} ${d}`).join(", ")}`);
  }
  return Math.max(r.long.reduce((m, [, d]) => Math.max(m, d), 0), longestTask(trace));
}

process.on("exit", () => server.close());
console.log(`Worst cases within the caps (file cap ${CAP >> 10} KB), longest task in ms over ${RUNS} runs\n`);
for (const [name, make] of Object.entries(CASES)) {
  if (ONLY && !name.includes(ONLY)) continue;
  const file = make();
  const longest = [];
  for (let i = 0; i < RUNS; i++) longest.push(await run(name, file));
  console.log(`${name.padEnd(50)} ${(size(file) / 1024).toFixed(0).padStart(5)} KB  longest: ${longest.join(", ")}  ${Math.max(...longest) > 50 ? "OVER 50" : "ok"}`);
}
await browser.close();
server.close();
