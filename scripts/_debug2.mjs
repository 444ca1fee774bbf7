import { startServer, launch, newPage } from "../tests/e2e/helpers.mjs";
const server = await startServer(); const browser = await launch();
for (const width of [320, 1280]) {
const page = await newPage(browser, { width, colorScheme: "dark" });
await page.addInitScript(() => { window.__shifts = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push({ t: Math.round(e.startTime), v: e.value.toFixed(3), src: e.sources.map((s) => (s.node ? (s.node.id || s.node.nodeName + "." + (s.node.className||"")) : "?") + " y" + Math.round(s.previousRect.y) + "h" + Math.round(s.previousRect.height) + "->y" + Math.round(s.currentRect.y) + "h" + Math.round(s.currentRect.height)) }); }).observe({ type: "layout-shift", buffered: true });
  document.addEventListener("pemilu:ready", (e) => window.__shifts.push({ t: Math.round(performance.now()), ready: e.target.id })); });
await page.goto(`${server.base}/`);
await page.waitForTimeout(1500);
console.log(width, JSON.stringify(await page.evaluate(() => window.__shifts)));
const h = await page.evaluate(() => [...document.querySelectorAll("[data-pemilu-widget]")].map((e) => e.id + ":" + Math.round(e.getBoundingClientRect().height) + (e.shadowRoot.querySelector(".pw-skel") ? "(skel)" : "")));
console.log(h.join(" "));
}
await browser.close(); server.close();
