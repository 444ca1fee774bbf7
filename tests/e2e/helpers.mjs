// Shared set-up for the browser tests: a static server over dist/ (plus tests/hosts/), one
// headless Debian Chromium, pages that record console errors and widget events, axe-core audits.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { files } from "../../scripts/sizes.mjs";

/** The paths of what the entry script loads, content-hashed by the build: { entry, core, wasm, services }. */
export const built = () => Object.fromEntries(Object.entries(files()).map(([k, v]) => [k, "/" + v]));

const repo = fileURLToPath(new URL("../../", import.meta.url));

/** Starts scripts/serve.mjs on a free port over `folders` (repository paths, searched in order);
 * resolves to { base, close }. The bench shares it. */
export function startServer(folders = ["dist", "tests/hosts", "node_modules/axe-core"]) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/serve.mjs", ...folders.map((f) => `${repo}${f}`)], {
      cwd: repo, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.on("data", (d) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(d));
      if (m) resolve({ base: `http://127.0.0.1:${m[1]}`, close: () => child.kill() });
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
}

/** Debian's headless Chromium, quiet on a closed network; `extra` adds flags (the bench's memory
 * figures). The bench and the screenshot script share it. */
export async function launch(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage", ...extra],
  });
}

/** Everything a page records before any script of its own runs. */
const RECORDER = () => {
  window.__events = [];
  for (const type of ["pemilu:ready", "pemilu:error", "pemilu:quiz-start", "pemilu:quiz-answer", "pemilu:quiz-complete"]) {
    document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) }));
  }
  window.__shift = 0;
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
    .observe({ type: "layout-shift", buffered: true });
};

/** A new page (own context) that collects console errors, warnings and page errors. */
export async function newPage(browser, { width = 1280, height = 900, colorScheme = "light", timezoneId = "UTC", locale = "id-ID" } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, timezoneId, locale });
  const page = await context.newPage();
  page.errors = [];
  page.warnings = [];
  page.on("console", (m) => {
    if (m.type() === "error") page.errors.push(m.text());
    if (m.type() === "warning") page.warnings.push(m.text());
  });
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.addInitScript(RECORDER);
  return page;
}

/** Events recorded so far, optionally of one type. */
export const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => !t || e.type === t), type);

/** Waits until `n` `pemilu:ready` events have fired. */
export async function waitReady(page, n = 1) {
  await page.waitForFunction((k) => window.__events.filter((e) => e.type === "pemilu:ready").length >= k, n, { timeout: 15000 });
}

/** Runs axe-core over the whole page (open shadow roots included); returns readable violations. */
export async function axe(page) {
  // Loaded from the test server (not inlined), so pages under a strict CSP can be audited too.
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ url: "/axe.min.js" });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The visible text of a widget's shadow root. */
export const widgetText = (page, id) => page.evaluate((i) => document.getElementById(i).shadowRoot.querySelector(".pw").innerText, id);

/** Adds widgets to the test article's slot: [{ id, attrs: { "data-lang": "en", … } }]. */
export async function addWidgets(page, widgets) {
  await page.evaluate((ws) => {
    const slot = document.getElementById("slot");
    for (const w of ws) {
      const el = document.createElement("div");
      el.id = w.id;
      el.setAttribute("data-pemilu-widget", "");
      for (const [k, v] of Object.entries(w.attrs || {})) el.setAttribute(k, v);
      el.innerHTML = '<a href="https://www.kpu.go.id/">KPU</a>';
      slot.append(el);
    }
  }, widgets);
}

/** The clock cells of a widget as numbers: [days, hours, minutes, seconds]. */
export const clock = (page, id) => page.evaluate((i) => [...document.getElementById(i).shadowRoot.querySelectorAll('[role="timer"] .pw-num')]
  .map((n) => Number(n.textContent.replace(/[.,]/g, ""))), id);

/** Plays a one-question English quiz round in widget `id` to its result screen, answering `answer`. */
export async function playRound(page, id, answer = "Hoax") {
  const quiz = page.locator("#" + id);
  await quiz.getByRole("button", { name: "Start the quiz" }).click();
  await quiz.getByRole("button", { name: answer }).click();
  await quiz.getByRole("button", { name: "See your result" }).click();
  return quiz;
}

// AMP's runtime cannot be fetched here (no network beyond the package registries). The AMP snippet
// runs with this stand-in for amp-iframe, which does what AMP documents for a `resizable`
// amp-iframe: it loads its src in an iframe and resizes to the height the frame asks for in an
// { sentinel: "amp", type: "embed-size", height } message from that frame only.
export const AMP_IFRAME = `customElements.define("amp-iframe", class extends HTMLElement {
  connectedCallback() {
    const f = document.createElement("iframe");
    for (const a of ["src", "title", "sandbox", "frameborder"]) if (this.hasAttribute(a)) f.setAttribute(a, this.getAttribute(a));
    f.style.cssText = "display:block;width:100%;border:0;height:" + this.getAttribute("height") + "px";
    this.style.display = "block";
    this.prepend(f);
    addEventListener("message", (e) => {
      if (e.source !== f.contentWindow || !e.data || e.data.sentinel !== "amp" || e.data.type !== "embed-size") return;
      f.style.height = e.data.height + "px";
      const o = this.querySelector("[overflow]");
      if (o) o.hidden = true;
    });
  }
});`;
