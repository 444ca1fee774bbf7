// Developer aid: screenshots of the demo page and of each widget (not part of the test run).
// node scripts/screenshots.mjs URL OUT_PREFIX WIDTH [light|dark]
import { launch } from "../tests/e2e/helpers.mjs";
const [url, out, width, scheme] = process.argv.slice(2);
const b = await launch();
const p = await b.newPage({ viewport: { width: Number(width || 1280), height: 900 }, colorScheme: scheme || "light" });
p.on("console", (m) => console.log("console:", m.type(), m.text()));
p.on("pageerror", (e) => console.log("pageerror:", e.message));
await p.goto(url);
await p.evaluate(() => window.PemiluWidget.scan());
await p.waitForTimeout(1200);
await p.screenshot({ path: `${out}-page.png`, fullPage: true });
const ids = await p.evaluate(() => [...document.querySelectorAll("[data-pemilu-widget]")].map((e) => e.id));
for (const id of ids) await p.locator(`#${id}`).screenshot({ path: `${out}-${id}.png` });
console.log(ids.join(" "));
await b.close();
