// Where the JS heap growth of mount/unmount cycles goes: two heap snapshots (after forced garbage
// collection), 50 warm-up cycles apart from 200 measured ones, compared by object type and name.
// JS objects (the widget's and the page's) are listed apart from V8's compiled code and Blink's
// native caches (styles, layout, text shaping), which also live on the V8 heap.
// Usage: node scripts/heap-diff.mjs [modules]   (after scripts/build.sh; default: all four)
import { startServer, launch, newPage, addWidgets, waitReady } from "../tests/e2e/helpers.mjs";
const server = await startServer();
const browser = await launch(["--js-flags=--expose-gc"]);
const page = await newPage(browser, { width: 800, height: 900 });
await page.goto(`${server.base}/article.html`);
await addWidgets(page, [{ id: "w", attrs: { "data-modules": process.argv[2] || "countdown,parties,quiz,guide", "data-now": "2024-02-10T12:00:00+07:00" } }]);
await page.evaluate(() => PemiluWidget.mount(document.getElementById("w")));
await waitReady(page);
const cdp = await page.context().newCDPSession(page);
const cycles = (n) => page.evaluate(async (n) => { const el = document.getElementById("w"); for (let i = 0; i < n; i++) { PemiluWidget.unmount(el); PemiluWidget.mount(el); await new Promise((r) => setTimeout(r, 0)); } }, n);
async function snapshot() {
  await cdp.send("HeapProfiler.collectGarbage");
  const chunks = [];
  const on = (e) => chunks.push(e.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", on);
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  cdp.off("HeapProfiler.addHeapSnapshotChunk", on);
  const snap = JSON.parse(chunks.join(""));
  const f = snap.snapshot.meta.node_fields, nf = f.length;
  const ti = f.indexOf("type"), ni = f.indexOf("name"), si = f.indexOf("self_size");
  const types = snap.snapshot.meta.node_types[0];
  const counts = new Map();
  for (let i = 0; i < snap.nodes.length; i += nf) {
    const k = types[snap.nodes[i + ti]] + ":" + String(snap.strings[snap.nodes[i + ni]]).slice(0, 60);
    const c = counts.get(k) || [0, 0]; c[0]++; c[1] += snap.nodes[i + si]; counts.set(k, c);
  }
  return counts;
}
await cycles(50);
const a = await snapshot();
await cycles(200);
const b = await snapshot();
const diff = [...b].map(([k, [n, s]]) => [k, n - (a.get(k)?.[0] || 0), s - (a.get(k)?.[1] || 0)]).filter(([, n, s]) => n !== 0 || s !== 0).sort((x, y) => y[2] - x[2]);
const js = diff.filter(([k]) => !k.startsWith("native:") && !k.startsWith("code:"));
console.log("JS objects:", js.reduce((t, [, , s]) => t + s, 0), "B\n" + js.slice(0, 15).map(([k, n, s]) => `${s}B ${n} ${k}`).join("\n"));
console.log(diff.slice(0, 5).map(([k, n, s]) => `${s}B ${n} ${k}`).join("\n"));
console.log(`total ${diff.reduce((t, [, , s]) => t + s, 0)} B over 200 cycles`);
await browser.close(); server.close();
