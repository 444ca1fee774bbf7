// The benchmark: builds nothing itself (scripts/bench.sh builds dist/ first), serves dist/, runs
// headless Chromium on the demo article and on an article with 20 widgets, and writes
// bench/report.json and a readable table. Every figure is the median of RUNS runs (default 3),
// with the run-to-run spread (min–max). Not part of the test run.
import { writeFileSync } from "node:fs";
import { startServer, launch, built } from "../tests/e2e/helpers.mjs";
import { measure } from "../scripts/sizes.mjs";

const RUNS = Number(process.env.RUNS || 3);
const TICKS = Number(process.env.TICKS || 31);

const browser = await launch(["--enable-precise-memory-info", "--js-flags=--expose-gc"]);
const server = await startServer(["dist", "bench"]);

// Recorded in every page before its own scripts: layout shifts, long tasks, first widget render.
const OBSERVE = () => {
  window.__b = { cls: 0, long: [], ready: [] };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__b.cls += e.value; }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__b.long.push({ start: e.startTime, duration: e.duration }); }).observe({ type: "longtask", buffered: true });
  document.addEventListener("pemilu:ready", () => window.__b.ready.push(performance.now()));
};

async function page(opts = {}) {
  const context = await browser.newContext({ viewport: { width: opts.width || 1280, height: 900 } });
  const p = await context.newPage();
  await p.addInitScript(OBSERVE);
  if (opts.block) await p.route(/pemilu-widget\.js/, (r) => r.abort());
  return p;
}

/** Total blocking time: the part of each long task beyond 50 ms, after first contentful paint. */
const tbt = (p) => p.evaluate(() => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime || 0;
  return window.__b.long.filter((t) => t.start >= fcp).reduce((a, t) => a + Math.max(0, t.duration - 50), 0);
});

async function article(withWidgets) {
  const p = await page({ block: !withWidgets });
  await p.goto(`${server.base}/`, { waitUntil: "load" });
  // Scroll through, as a reader would, so that lazy widgets render.
  await p.evaluate(async () => {
    const f = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (let y = 0; y < document.documentElement.scrollHeight; y += 300) { scrollTo(0, y); await f(); await f(); }
  });
  await p.waitForTimeout(1500);
  const r = {
    cls: await p.evaluate(() => window.__b.cls),
    tbt: await tbt(p),
    longTasks: await p.evaluate(() => window.__b.long.length),
  };
  if (withWidgets) {
    Object.assign(r, await p.evaluate(() => {
      const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
      const first = Math.min(...window.__b.ready);
      return { firstRender: first, wasmToFirstRender: wasm ? first - wasm.startTime : null, widgets: window.__b.ready.length };
    }));
  }
  await p.context().close();
  return r;
}

/** Main-thread time per tick per widget, from Chromium's own task accounting, minus an idle page. */
async function ticking() {
  const measure = async (frozen) => {
    const p = await page();
    await p.goto(`${server.base}/many.html${frozen ? "?frozen=1" : ""}`);
    await p.waitForFunction(() => window.__b.ready.length === 20, null, { timeout: 20000 });
    await p.waitForTimeout(1200);
    const cdp = await p.context().newCDPSession(p);
    await cdp.send("Performance.enable");
    const metric = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const longBefore = await p.evaluate(() => window.__b.long.length);
    const a = await metric();
    await p.waitForTimeout(TICKS * 1000);
    const b = await metric();
    const longAfter = await p.evaluate(() => window.__b.long.length);
    await p.context().close();
    return { task: (b.TaskDuration - a.TaskDuration) * 1000, script: (b.ScriptDuration - a.ScriptDuration) * 1000, longTasks: longAfter - longBefore };
  };
  const live = await measure(false);
  const idle = await measure(true);
  return {
    msPerTickPerWidget: Math.max(0, live.task - idle.task) / TICKS / 20,
    scriptMsPerTickPerWidget: Math.max(0, live.script - idle.script) / TICKS / 20,
    longTasksWhileTicking: live.longTasks,
  };
}

/** JS heap and Wasm memory after 200 mount/unmount cycles of one element. */
async function cycles() {
  const p = await page();
  await p.goto(`${server.base}/many.html?frozen=1`);
  await p.waitForFunction(() => window.__b.ready.length === 20, null, { timeout: 20000 });
  // The glue's content-hashed name, from dist/files.json.
  const r = await p.evaluate(async (glue) => {
    const core = await import(glue);
    const exports = await core.default();
    // The export names are minified by scripts/pack.mjs: find the memory by its type.
    const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
    const el = document.querySelector("[data-pemilu-widget]");
    const snap = () => { window.gc && window.gc(); return { heap: performance.memory.usedJSHeapSize, wasm: memory.buffer.byteLength }; };
    const before = snap();
    for (let i = 0; i < 200; i++) {
      const ready = new Promise((res) => el.addEventListener("pemilu:ready", res, { once: true }));
      window.PemiluWidget.unmount(el);
      window.PemiluWidget.mount(el);
      await ready;
    }
    await new Promise((r) => setTimeout(r, 300));
    const after = snap();
    return { heapBefore: before.heap, heapAfter: after.heap, wasmBefore: before.wasm, wasmAfter: after.wasm, mounted: core.mountedCount() };
  }, built().core);
  await p.context().close();
  return r;
}

/** Timer wake-ups per minute of one countdown (any setTimeout of 0.5 s or more), over ten minutes
 * of Playwright's fake clock: after the polls close (today's real date, years after the default
 * election) and, for comparison, a live countdown. */
async function wakeups() {
  const count = async (params) => {
    const p = await page();
    await p.clock.install();
    await p.addInitScript(() => {
      window.__wake = 0;
      const st = window.setTimeout;
      window.setTimeout = function (f, ms, ...r) { if (ms >= 500) window.__wake++; return st.call(this, f, ms, ...r); };
    });
    await p.goto(`${server.base}/embed.html?modules=countdown${params}`);
    await p.clock.runFor(3000);
    await p.waitForFunction(() => document.getElementById("w").shadowRoot?.querySelector(".pw"));
    await p.evaluate(() => { window.__wake = 0; });
    await p.clock.runFor(600_000);
    const n = await p.evaluate(() => window.__wake);
    await p.context().close();
    return n / 10;
  };
  return { after: await count(""), live: await count("&election-date=2099-02-14T07:00:00%2B07:00&timezone=WIB") };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const summary = (runs, key) => {
  const xs = runs.map((r) => r[key]).filter((x) => typeof x === "number");
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
};

const sizes = measure();

const runs = { with: [], without: [], tick: [], cycle: [], wake: [] };
for (let i = 0; i < RUNS; i++) {
  runs.with.push(await article(true));
  runs.without.push(await article(false));
  runs.tick.push(await ticking());
  runs.cycle.push(await cycles());
  runs.wake.push(await wakeups());
  process.stderr.write(`run ${i + 1}/${RUNS} done\n`);
}
const report = {
  date: new Date().toISOString(),
  runs: RUNS,
  ticks: TICKS,
  sizes,
  demo: {
    firstWidgetRenderMs: summary(runs.with, "firstRender"),
    wasmStartToFirstRenderMs: summary(runs.with, "wasmToFirstRender"),
    clsWith: summary(runs.with, "cls"),
    clsWithout: summary(runs.without, "cls"),
    tbtWithMs: summary(runs.with, "tbt"),
    tbtWithoutMs: summary(runs.without, "tbt"),
    longTasksWith: summary(runs.with, "longTasks"),
    longTasksWithout: summary(runs.without, "longTasks"),
  },
  twentyWidgets: {
    msPerTickPerWidget: summary(runs.tick, "msPerTickPerWidget"),
    scriptMsPerTickPerWidget: summary(runs.tick, "scriptMsPerTickPerWidget"),
    longTasksWhileTicking: summary(runs.tick, "longTasksWhileTicking"),
  },
  wakeupsPerMinute: { afterThePolls: summary(runs.wake, "after"), live: summary(runs.wake, "live") },
  mountUnmount200: {
    jsHeapGrowthKB: summary(runs.cycle.map((c) => ({ v: (c.heapAfter - c.heapBefore) / 1024 })), "v"),
    wasmMemoryGrowthKB: summary(runs.cycle.map((c) => ({ v: (c.wasmAfter - c.wasmBefore) / 1024 })), "v"),
    wasmMemoryAfterKB: summary(runs.cycle.map((c) => ({ v: c.wasmAfter / 1024 })), "v"),
    mountedAfter: summary(runs.cycle, "mounted"),
  },
};
const ratio = (a, b) => (b.median === 0 ? (a.median === 0 ? 1 : Infinity) : a.median / b.median);
report.demo.clsRatio = ratio(report.demo.clsWith, report.demo.clsWithout);
report.demo.tbtRatio = ratio(report.demo.tbtWithMs, report.demo.tbtWithoutMs);
writeFileSync(new URL("report.json", import.meta.url), JSON.stringify(report, null, 2) + "\n");

const f = (s, d = 1) => `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`;
const kb = (n) => (n / 1024).toFixed(1);
console.log(`Pemilu Widget benchmark — median (min–max) of ${RUNS} runs\n`);
console.log("file                       raw KB   gzip KB  brotli KB");
for (const r of sizes.reader) console.log(`${r.file.padEnd(25)}${kb(r.raw).padStart(7)}  ${kb(r.gzip).padStart(7)}  ${kb(r.brotli).padStart(8)}`);
console.log(`${"default widget total".padEnd(25)}${kb(sizes.total.raw).padStart(7)}  ${kb(sizes.total.gzip).padStart(7)}  ${kb(sizes.total.brotli).padStart(8)}\n`);
const rows = [
  ["demo: navigation → first widget rendered (ms)", f(report.demo.firstWidgetRenderMs)],
  ["demo: Wasm request → first render (ms)", f(report.demo.wasmStartToFirstRenderMs)],
  ["demo: layout shift with / without widgets", `${f(report.demo.clsWith, 4)} / ${f(report.demo.clsWithout, 4)}`],
  ["demo: total blocking time with / without (ms)", `${f(report.demo.tbtWithMs)} / ${f(report.demo.tbtWithoutMs)}; ratio ${report.demo.tbtRatio.toFixed(2)}`],
  ["demo: long tasks with / without", `${f(report.demo.longTasksWith, 0)} / ${f(report.demo.longTasksWithout, 0)}`],
  [`20 widgets: main-thread ms per tick per widget (${TICKS} ticks)`, f(report.twentyWidgets.msPerTickPerWidget, 3)],
  ["20 widgets: script ms per tick per widget", f(report.twentyWidgets.scriptMsPerTickPerWidget, 3)],
  ["20 widgets: long tasks while ticking", f(report.twentyWidgets.longTasksWhileTicking, 0)],
  ["one countdown: timer wake-ups per minute, after the polls / live", `${f(report.wakeupsPerMinute.afterThePolls)} / ${f(report.wakeupsPerMinute.live)}`],
  ["200 mount/unmount cycles: JS heap growth (KB)", f(report.mountUnmount200.jsHeapGrowthKB)],
  ["200 mount/unmount cycles: Wasm memory growth (KB)", f(report.mountUnmount200.wasmMemoryGrowthKB)],
  ["200 mount/unmount cycles: Wasm memory after (KB)", f(report.mountUnmount200.wasmMemoryAfterKB)],
];
for (const [k, v] of rows) console.log(`${k.padEnd(58)} ${v}`);
console.log("\nreport: bench/report.json");
await browser.close();
server.close();
