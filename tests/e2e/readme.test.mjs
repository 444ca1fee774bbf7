// The manual cannot rot: every HTML snippet in the README, pasted into a blank page with the built
// files at the snippet's CDN address, works: widgets render, the iframe sizes itself, stylesheets
// load, and nothing logs an error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer, launch, newPage, axe, AMP_IFRAME } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const CDN = "https://cdn.example.id/pemilu-widget/";

/** Every ```html block, indented (inside a list) or not, with its indentation removed. */
const snippets = [...README.matchAll(/^( *)```html\n([^]*?)^\1```/gm)].map((m) => m[2].replace(new RegExp(`^${m[1]}`, "gm"), ""));

test("the README has the snippets a newsroom pastes", () => {
  assert.ok(snippets.some((s) => s.includes("data-pemilu-widget")), "the script form");
  assert.ok(snippets.some((s) => s.includes("data-pemilu-iframe")), "the iframe form");
  assert.ok(snippets.some((s) => s.includes("<amp-iframe")), "the AMP form");
  assert.ok(snippets.every((s) => s.includes(CDN)), "every snippet names its files at the documented CDN address");
});

for (const [i, snippet] of snippets.entries()) {
  test(`README snippet ${i + 1} works pasted into a blank page`, async () => {
    const page = await newPage(browser);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Snippet ${i + 1}</title></head>` +
      `<body><main><h1>Snippet ${i + 1}</h1>\n${snippet.replaceAll(CDN, `${server.base}/`)}\n</main></body></html>`;
    await page.route(`${server.base}/readme-snippet.html`, (r) => r.fulfill({ contentType: "text/html", body: html }));
    await page.route("https://cdn.ampproject.org/**", (r) => r.fulfill({ contentType: "text/javascript", body: AMP_IFRAME }));
    await page.goto(`${server.base}/readme-snippet.html`);
    const widgets = (snippet.match(/data-pemilu-widget/g) || []).length;
    if (widgets) {
      await page.waitForFunction((n) => window.__events.filter((e) => e.type === "pemilu:ready").length >= n, widgets, { timeout: 15000 });
      assert.deepEqual(await page.evaluate(() => window.__events.filter((e) => e.type === "pemilu:error")), []);
    }
    if (snippet.includes("data-pemilu-iframe")) {
      // pemilu-embed.js sizes the frame to its content, far taller than the default 150 px.
      await page.waitForFunction(() => document.querySelector("iframe[data-pemilu-iframe]").getBoundingClientRect().height > 200, null, { timeout: 15000 });
      const frame = await (await page.locator("iframe[data-pemilu-iframe]").elementHandle()).contentFrame();
      await frame.waitForFunction(() => document.getElementById("w").shadowRoot?.querySelector(".pw"));
    }
    if (snippet.includes("<amp-iframe")) {
      // The frame asks AMP for its height: the element grows from 480 px to the widget's height.
      const frame = page.locator("amp-iframe iframe");
      await page.waitForFunction(() => {
        const f = document.querySelector("amp-iframe iframe");
        return f && Math.abs(f.getBoundingClientRect().height - 480) > 20;
      }, null, { timeout: 15000 });
      const inner = await (await frame.elementHandle()).contentFrame();
      await inner.waitForFunction(() => document.getElementById("w").shadowRoot?.querySelector(".pw"));
      const [outer, content] = [await frame.evaluate((f) => f.getBoundingClientRect().height), await inner.evaluate(() => document.documentElement.scrollHeight)];
      assert.ok(Math.abs(outer - content) <= 2, `the frame is as tall as its content (${outer} vs ${content})`);
    }
    for (const href of [...snippet.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1].replace(CDN, `${server.base}/`))) {
      assert.ok(await page.evaluate((h) => [...document.styleSheets].some((s) => s.href === h && s.cssRules.length > 0), href), `${href} loads`);
    }
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  });
}
