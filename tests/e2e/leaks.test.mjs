// Nothing leaks: after a warm-up, hundreds of unmount + mount cycles of each module (and of all of
// them together), and widgets removed from the page without unmount (an SPA swapping articles),
// leave no DOM node and no event listener behind, counted by Chrome itself after forced garbage
// collection (DevTools Protocol: HeapProfiler.collectGarbage, Performance.getMetrics).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, addWidgets, built } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Chrome's counts after two forced collections. */
async function counts(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const m = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((x) => [x.name, x.value]));
  return { nodes: m.Nodes, listeners: m.JSEventListeners, heap: m.JSHeapUsedSize };
}

async function open() {
  const page = await newPage(browser, { width: 1280 });
  await page.goto(`${server.base}/article.html`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  return { page, cdp };
}

/** `n` unmount + mount cycles of widget #w, each waiting for its pemilu:ready. */
const cycles = (page, n) => page.evaluate(async (n) => {
  const el = document.getElementById("w");
  for (let i = 0; i < n; i++) {
    const seen = window.__events.length;
    window.PemiluWidget.unmount(el);
    window.PemiluWidget.mount(el);
    await new Promise((r) => { const t = () => (window.__events.slice(seen).some((e) => e.type === "pemilu:ready") ? r() : setTimeout(t, 1)); t(); });
  }
  window.__events.length = 0;
}, n);

/** Settled: the voter's guide of widget #w has loaded its data (it is fetched after pemilu:ready). */
const settledGuide = (page) => page.waitForFunction(() => !document.getElementById("w").shadowRoot.textContent.includes("Memuat"));

const CYCLES = 200;

for (const modules of ["countdown", "parties", "quiz", "guide", "countdown,parties,quiz,guide"]) {
  test(`${CYCLES} unmount + mount cycles of ${modules} leave no node and no listener`, async () => {
    const { page, cdp } = await open();
    await addWidgets(page, [{ id: "w", attrs: { "data-modules": modules, "data-now": "2024-02-14T09:15:00+09:00" } }]);
    await page.evaluate(() => window.PemiluWidget.scan());
    const cycle = (n) => cycles(page, n);
    const settled = () => settledGuide(page);
    await cycle(20);
    await settled();
    const a = await counts(cdp);
    await cycle(CYCLES);
    await settled();
    const b = await counts(cdp);
    // The widget is still there and working.
    assert.ok(await page.evaluate(() => document.getElementById("w").shadowRoot.querySelector(".pw")));
    assert.ok(b.nodes - a.nodes <= 0, `${b.nodes - a.nodes} DOM nodes more after ${CYCLES} cycles`);
    assert.ok(b.listeners - a.listeners <= 0, `${b.listeners - a.listeners} event listeners more after ${CYCLES} cycles`);
    console.log(`# ${modules}: JS heap ${Math.round((b.heap - a.heap) / CYCLES)} B per cycle`);
    await page.context().close();
  });
}

// The JS heap: V8 keeps compiling (tiering up) the code these cycles run for a few hundred cycles,
// and Blink fills its caches; measured on 2026-12-06 with all four modules, the heap grew by 263 B
// per cycle over cycles 20-600, then by 17-37 B per cycle over cycles 600-1000 (one module: 17-18).
// So: a warm-up of 600 cycles, then 400 measured ones, under 200 B per cycle; and the Wasm memory
// does not grow at all once warm.
test("after warm-up, 400 unmount + mount cycles of all four modules: JS heap under 200 B per cycle, Wasm memory flat", async () => {
  const { page, cdp } = await open();
  await addWidgets(page, [{ id: "w", attrs: { "data-modules": "countdown,parties,quiz,guide", "data-now": "2024-02-14T09:15:00+09:00" } }]);
  await page.evaluate(() => window.PemiluWidget.scan());
  const cycle = (n) => cycles(page, n);
  const settled = () => settledGuide(page);
  const wasm = () => page.evaluate(async (core) => {
    const exports = await (await import(core)).default();
    return Object.values(exports).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength;
  }, built().core);
  await cycle(600);
  await settled();
  const a = { ...(await counts(cdp)), wasm: await wasm() };
  await cycle(400);
  await settled();
  const b = { ...(await counts(cdp)), wasm: await wasm() };
  const perCycle = Math.round((b.heap - a.heap) / 400);
  console.log(`# all four after warm-up: JS heap ${perCycle} B per cycle, Wasm memory ${a.wasm} -> ${b.wasm} B`);
  assert.ok(perCycle < 200, `the JS heap grew by ${perCycle} B per cycle`);
  assert.equal(b.wasm, a.wasm, "Wasm memory grew");
  assert.ok(b.nodes - a.nodes <= 0 && b.listeners - a.listeners <= 0);
  await page.context().close();
});

test("widgets removed from the page without unmount (an SPA replacing the article) release everything", async () => {
  const { page, cdp } = await open();
  const cycle = (n) => page.evaluate(async (n) => {
    const slot = document.getElementById("slot");
    for (let i = 0; i < n; i++) {
      const seen = window.__events.length;
      const el = document.createElement("div");
      el.setAttribute("data-pemilu-widget", "");
      el.setAttribute("data-now", "2024-02-14T09:15:00+09:00");
      slot.append(el);
      window.PemiluWidget.scan(el);
      await new Promise((r) => { const t = () => (window.__events.slice(seen).some((e) => e.type === "pemilu:ready") ? r() : setTimeout(t, 1)); t(); });
      el.remove();
      await new Promise((r) => setTimeout(r, 0)); // the entry's MutationObserver sees the removal
    }
    window.__events.length = 0;
  }, n);
  await cycle(10);
  const a = await counts(cdp);
  await cycle(100);
  const b = await counts(cdp);
  assert.ok(b.nodes - a.nodes <= 0, `${b.nodes - a.nodes} DOM nodes more after 100 widgets came and went`);
  assert.ok(b.listeners - a.listeners <= 0, `${b.listeners - a.listeners} event listeners more after 100 widgets came and went`);
  await page.context().close();
});
