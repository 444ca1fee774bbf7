// Cross-engine smoke test: the demo article in Firefox (Debian's firefox-esr, driven over WebDriver
// BiDi by puppeteer-core) and in WebKit (WebKitGTK's MiniBrowser, driven by Debian's
// WebKitWebDriver over classic WebDriver, in a virtual display). In each: every widget renders,
// none shows the crash message, and a reader can start the quiz (the services module is imported,
// the bank fetched and checked) and answer. The full suite runs in Chromium (tests/e2e/); this
// catches what only another engine would break. Run by scripts/test.sh; alone:
//   node tests/engines/smoke.mjs [firefox|webkit]
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { startServer } from "../e2e/helpers.mjs";

const FIREFOX = "/usr/bin/firefox-esr";
const WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver";
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** Every widget on the page: its text length, and whether it shows the crash message. */
const WIDGETS = `(() => {
  const els = [...document.querySelectorAll("[data-pemilu-widget]")];
  return els.map((e) => {
    const pw = e.shadowRoot && e.shadowRoot.querySelector(".pw");
    const text = pw ? pw.innerText : "";
    return { id: e.id, length: text.length, crashed: /stopped|berhenti/.test(e.shadowRoot ? e.shadowRoot.textContent : "") };
  });
})()`;

/** Clicks the first quiz's `data-act` button named `act` and returns the quiz's visible text. */
const QUIZ = (act) => `(() => {
  const host = [...document.querySelectorAll("[data-pemilu-widget]")].find((e) => e.shadowRoot && e.shadowRoot.querySelector(".pw-quiz"));
  const quiz = host.shadowRoot.querySelector(".pw-quiz");
  ${act ? `const b = quiz.querySelector('[data-act="${act}"]'); if (b) b.click();` : ""}
  return quiz.innerText;
})()`;

/** Polls `expr` in the page until `ok(value)`, or fails after `ms`. */
async function until(evaluate, expr, ok, what, ms = 30000) {
  const t0 = Date.now();
  let last;
  while (Date.now() - t0 < ms) {
    try { last = await evaluate(expr); if (ok(last)) return last; } catch (e) { last = String(e); }
    await sleep(250);
  }
  throw new Error(`${what}: gave up after ${ms} ms; last value ${JSON.stringify(last).slice(0, 400)}`);
}

async function check(name, evaluate, goto, base) {
  await goto(`${base}/index.html`);
  await until(evaluate, "typeof PemiluWidget", (v) => v === "object", `${name}: the entry script`);
  await evaluate("(PemiluWidget.scan(), 1)");
  const widgets = await until(evaluate, WIDGETS, (ws) => ws.length > 0 && ws.every((w) => w.length > 40 || w.crashed), `${name}: every widget renders`);
  const crashed = widgets.filter((w) => w.crashed);
  if (crashed.length) throw new Error(`${name}: crashed widgets ${JSON.stringify(crashed)}`);
  await evaluate(QUIZ("new"));
  const question = await until(evaluate, QUIZ(), (t) => /(Pertanyaan|Question) 1 (dari|of)/.test(t), `${name}: the quiz starts`);
  await evaluate(QUIZ("hoax"));
  await until(evaluate, QUIZ(), (t) => /(Benar|Kurang tepat|Correct|Not quite)/.test(t), `${name}: an answer is explained`);
  console.log(`ok ${name}: ${widgets.length} widgets rendered; the quiz started (${question.split("\n").find((l) => /1 (dari|of)/.test(l))}) and explained an answer`);
}

async function firefox(base) {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true, args: ["--no-remote"] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await check("firefox " + (await browser.version()), (expr) => page.evaluate(expr), (url) => page.goto(url), base);
    if (errors.length) throw new Error(`firefox: page errors ${JSON.stringify(errors)}`);
  } finally {
    await browser.close();
  }
}

async function webkit(base) {
  const port = 4400 + Math.floor(Math.random() * 500);
  const driver = spawn("xvfb-run", ["-a", WEBKIT_DRIVER, `--port=${port}`], { stdio: "ignore", detached: true });
  const url = `http://127.0.0.1:${port}`;
  const wd = async (method, path, body) => {
    const r = await fetch(url + path, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
    const j = await r.json();
    if (j.value && j.value.error) throw new Error(`${j.value.error}: ${j.value.message}`);
    return j.value;
  };
  let session;
  try {
    await until(async () => (await fetch(url + "/status")).ok, null, (ok) => ok, "webkit: the driver starts", 15000);
    session = await wd("POST", "/session", { capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } } } });
    const id = session.sessionId;
    const evaluate = (expr) => wd("POST", `/session/${id}/execute/sync`, { script: `return ${expr};`, args: [] });
    await check(`webkit ${session.capabilities.browserVersion}`, evaluate, (u) => wd("POST", `/session/${id}/url`, { url: u }), base);
  } finally {
    if (session) await wd("DELETE", `/session/${session.sessionId}`).catch(() => {});
    try { process.kill(-driver.pid); } catch { /* gone */ }
  }
}

const only = process.argv[2];
const engines = { firefox: [FIREFOX, firefox], webkit: [WEBKIT_DRIVER, webkit] };
const server = await startServer();
let failed = false;
try {
  for (const [name, [binary, run]] of Object.entries(engines)) {
    if (only && only !== name) continue;
    if (!existsSync(binary)) {
      console.error(`engines: ${binary} is missing (scripts/setup.sh --test installs it)`);
      failed = true;
      continue;
    }
    try { await run(server.base); } catch (e) { console.error(`FAIL ${e.message}`); failed = true; }
  }
} finally {
  server.close();
}
process.exit(failed ? 1 : 0);
