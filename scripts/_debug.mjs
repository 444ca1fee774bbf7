import { startServer, launch, newPage, events, addWidgets } from "../tests/e2e/helpers.mjs";
const server = await startServer(); const browser = await launch();
const page = await newPage(browser, { width: 320, colorScheme: "dark" });
await page.addInitScript(() => { window.__shifts = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push({ v: e.value, src: e.sources.map((s) => (s.node ? (s.node.id || s.node.nodeName + "." + (s.node.className||"")) : "?") + " " + JSON.stringify(s.previousRect) + "->" + JSON.stringify(s.currentRect)) }); }).observe({ type: "layout-shift", buffered: true }); });
await page.goto(`${server.base}/`);
for (let y = 0; y < 6000; y += 500) { await page.evaluate((v) => window.scrollTo(0, v), y); }
await page.waitForTimeout(500);
console.log(JSON.stringify(await page.evaluate(() => window.__shifts), null, 1).slice(0, 3000));
const p2 = await newPage(browser, {});
await p2.goto(`${server.base}/article.html`);
const C = [["2024-01-01T00:00:00+07:00", "WIB"],["2024-01-01T00:00:00+07:00", "WITA"],["2024-01-01T00:00:00+07:00", "WIT"],["2024-02-13T22:30:00Z", "WIB"],["2024-02-13T22:30:00Z", "WITA"],["2024-02-13T22:30:00Z", "WIT"],["2024-02-14T05:30:00Z", "WIB"],["2024-02-14T05:30:00Z", "WITA"],["2024-02-14T05:30:00Z", "WIT"]];
await addWidgets(p2, C.map(([n, z], i) => ({ id: "c" + i, attrs: { "data-modules": "countdown", "data-lang": "en", "data-now": n, "data-timezone": z } })));
await p2.evaluate(() => window.PemiluWidget.scan());
await p2.waitForTimeout(1500);
console.log(await events(p2), p2.errors, p2.warnings);
await browser.close(); server.close();
