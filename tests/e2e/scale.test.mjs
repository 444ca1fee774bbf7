// A long live blog: 200 widgets of mixed modules, most of them far below the fold. Scrolled from top
// to bottom, every widget mounts as it nears the viewport and renders, with no error. The figures
// (longest task, Wasm memory per mounted widget) are printed; the benchmark tracks them, since
// timings asserted in a test would flake on a busy machine.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, built } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const MIX = ["countdown", "parties", "quiz", "countdown,quiz", "guide"];

test("200 widgets on a live blog: each mounts as the reader nears it, none fails", async () => {
  const page = await newPage(browser, { width: 414, height: 800 });
  await page.goto(`${server.base}/article.html`);
  await page.evaluate((mix) => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask" });
    const slot = document.getElementById("slot");
    for (let i = 0; i < 200; i++) {
      const p = document.createElement("p");
      p.textContent = `Update ${i + 1}: the live blog goes on with another paragraph of reporting.`;
      const el = document.createElement("div");
      el.id = `w${i}`;
      el.setAttribute("data-pemilu-widget", "");
      el.setAttribute("data-modules", mix[i % mix.length]);
      if (i % 2) el.setAttribute("data-lang", "en");
      slot.append(p, el);
    }
  }, MIX);
  // Nothing below the fold has loaded yet.
  const early = await page.evaluate(() => window.__events.filter((e) => e.type === "pemilu:ready").length);
  assert.ok(early < 20, `${early} widgets rendered before the reader scrolled`);
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (let y = 0; y < document.documentElement.scrollHeight; y += 600) { window.scrollTo(0, y); await frame(); await frame(); }
  });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === "pemilu:ready").length === 200, null, { timeout: 60000 });
  const errors = await page.evaluate(() => window.__events.filter((e) => e.type === "pemilu:error"));
  assert.deepEqual(errors, []);
  assert.deepEqual(page.errors, []);
  const figures = await page.evaluate(async (core) => {
    const exports = await (await import(core)).default();
    const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
    return { longest: Math.round(Math.max(0, ...window.__long)), longTasks: window.__long.length, wasmKB: memory.buffer.byteLength / 1024 };
  }, built().core);
  console.log(`# 200 widgets: longest task ${figures.longest} ms (${figures.longTasks} long tasks), Wasm memory ${figures.wasmKB} KB (${(figures.wasmKB / 200).toFixed(1)} KB per widget)`);
  await page.context().close();
});
