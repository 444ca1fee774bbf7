// Every reader, every screen: at 200% browser text size (WCAG 1.4.4) and at 400% zoom (320 x 256
// CSS px, WCAG 1.4.10) the article never scrolls sideways in any module or state, in both
// languages and in the reader's own zone; wide results tables scroll inside their own labelled,
// keyboard-focusable region; nothing is lost to an ellipsis without a way to read it; focus stays
// inside the widget after each action; the clock's days are padded like the other units.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, waitReady, addWidgets, axe, clock, playRound } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const TABS = { id: ["Partai", "Pasangan calon", "Hasil"], en: ["Parties", "Candidates", "Results"] };

/** A page with the browser's default text size at `textPx` (16 is 100%). */
async function page({ width, height = 900, textPx = 16, timezoneId = "Asia/Jakarta" }) {
  const p = await newPage(browser, { width, height, timezoneId });
  if (textPx !== 16) {
    const cdp = await p.context().newCDPSession(p);
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: textPx, fixed: Math.round(textPx * 0.8125) } });
  }
  await p.goto(`${server.base}/article.html`);
  return p;
}

const pageWidth = (p) => p.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);

/** Asserts the article does not scroll sideways. */
async function noSideways(p, what) {
  const [scroll, inner] = await pageWidth(p);
  assert.ok(scroll <= inner, `${what}: the page is ${scroll}px wide in a ${inner}px window`);
}

async function mountAll(p, lang, extra = {}) {
  await addWidgets(p, [{ id: "w", attrs: { "data-lang": lang, "data-modules": "countdown,parties,quiz,guide", "data-quiz-count": "1", ...extra } }]);
  await p.evaluate(() => window.PemiluWidget.mount(document.getElementById("w")));
  await waitReady(p);
}

/** Walks every state a reader can reach, checking the page width in each. */
async function everyState(p, lang, what) {
  const w = p.locator("#w");
  await noSideways(p, `${what}, first screen`);
  for (const tab of TABS[lang]) {
    await w.getByRole("tab", { name: tab }).click();
    await noSideways(p, `${what}, tab ${tab}`);
  }
  await w.getByRole("tab", { name: TABS[lang][0] }).click();
  await w.getByRole("button", { name: /PKB/ }).click();
  await noSideways(p, `${what}, a party open`);
  await w.getByText(lang === "id" ? "Tahapan pemilihan" : "Election timeline").click();
  await noSideways(p, `${what}, timeline open`);
  for (const s of await w.locator(".pw-guide summary").all()) await s.click();
  await noSideways(p, `${what}, guide open`);
  await w.getByRole("button", { name: lang === "id" ? "Mulai kuis" : "Start the quiz" }).click();
  await w.getByRole("button", { name: lang === "id" ? "Hoaks" : "Hoax", exact: true }).click();
  await noSideways(p, `${what}, quiz feedback`);
  await w.getByRole("button", { name: lang === "id" ? "Lihat hasil" : "See your result" }).click();
  await noSideways(p, `${what}, quiz result`);
}

for (const width of [320, 1280]) {
  for (const lang of ["id", "en"]) {
    test(`200% text at ${width}px (${lang}): no sideways scroll in any state; tables scroll in their own region`, async () => {
      const p = await page({ width, textPx: 32 });
      await mountAll(p, lang);
      // The widget follows the reader's text size.
      assert.equal(await p.evaluate(() => getComputedStyle(document.getElementById("w").shadowRoot.querySelector(".pw")).fontSize), "32px");
      await p.locator("#w").getByRole("tab", { name: TABS[lang][2] }).click();
      const regions = p.locator("#w").getByRole("region");
      assert.equal(await regions.count(), 2, "the pairs' result and the DPR result");
      for (const r of await regions.all()) {
        const caption = await r.locator("caption").textContent();
        assert.equal(await r.getAttribute("tabindex"), "0", "reachable by keyboard, to scroll it");
        assert.equal(await p.evaluate((el) => el.getAttribute("aria-labelledby") && el.getRootNode().getElementById(el.getAttribute("aria-labelledby")).textContent, await r.elementHandle()), caption);
      }
      // At 320px the DPR table is wider than the card: it scrolls, not the page.
      if (width === 320) {
        const [sw, cw] = await regions.last().evaluate((el) => [el.scrollWidth, el.clientWidth]);
        assert.ok(sw > cw, `the DPR table scrolls in its region (${sw} > ${cw})`);
        await regions.last().focus();
        await p.keyboard.press("ArrowRight");
        // (Scrolling by key may be animated.)
        await assert.doesNotReject(regions.last().evaluate((el) => new Promise((ok, no) => {
          const t0 = Date.now();
          const check = () => (el.scrollLeft > 0 ? ok() : Date.now() - t0 > 3000 ? no(new Error("arrow keys did not scroll the region")) : setTimeout(check, 50));
          check();
        })));
      }
      assert.deepEqual(await axe(p), []);
      await everyState(p, lang, `200% ${width}px ${lang}`);
      assert.deepEqual(p.errors, []);
      await p.context().close();
    });
  }
}

for (const timezoneId of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "America/Argentina/ComodRivadavia"]) {
  test(`200% text at 320px in ${timezoneId}, before and during voting: the countdown wraps, the page does not scroll`, async () => {
    const p = await page({ width: 320, textPx: 32, timezoneId });
    await addWidgets(p, [
      { id: "a", attrs: { "data-modules": "countdown", "data-now": "2024-01-20T10:00:00+07:00" } },
      { id: "b", attrs: { "data-modules": "countdown", "data-lang": "en", "data-now": "2024-02-14T09:00:00+07:00" } },
    ]);
    await p.evaluate(() => window.PemiluWidget.scan());
    await waitReady(p, 2);
    await noSideways(p, timezoneId);
    await p.context().close();
  });
}

test("400% zoom (320 x 256 CSS px): every state reachable without sideways scroll; a truncated party name is readable in full", async () => {
  for (const lang of ["id", "en"]) {
    const p = await page({ width: 320, height: 256 });
    await mountAll(p, lang);
    await everyState(p, lang, `400% ${lang}`);
    // The list shortens long party names with an ellipsis; opening the party shows the name whole.
    const w = p.locator("#w");
    await w.getByRole("tab", { name: TABS[lang][0] }).click();
    const cut = await w.locator(".pw-pfull").evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    assert.ok(cut.length > 0, "at 320px some names are shortened");
    const row = w.getByRole("button", { name: new RegExp(cut[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
    await row.click();
    await assert.doesNotReject(w.locator(".pw-fullname", { hasText: cut[0] }).waitFor({ state: "visible", timeout: 3000 }));
    assert.equal(await w.locator(".pw-fullname").evaluate((e) => e.scrollWidth <= e.clientWidth), true, "the full name wraps, whole");
    await p.context().close();
  }
});

test("focus stays in the widget: after Share (copied), Play again, the timeline, a party, and across clock ticks", async () => {
  const p = await page({ width: 1280 });
  await addWidgets(p, [{ id: "q", attrs: { "data-lang": "en", "data-modules": "quiz,countdown,parties", "data-quiz-count": "1" } }]);
  await p.evaluate(() => window.PemiluWidget.mount(document.getElementById("q")));
  await waitReady(p);
  const active = () => p.evaluate(() => document.getElementById("q").shadowRoot.activeElement?.textContent.trim() ?? `outside: ${document.activeElement.tagName}`);
  const quiz = await playRound(p, "q");
  assert.equal(await active(), "Your result");
  await quiz.getByRole("button", { name: "Share your result" }).focus();
  await p.keyboard.press("Enter");
  await p.locator("#q").getByRole("status").filter({ hasText: /copied|Copy/ }).waitFor();
  assert.equal(await active(), "Share your result", "the status appears beside the button, which keeps focus");
  await quiz.getByRole("button", { name: "Play again" }).focus();
  await p.keyboard.press("Enter");
  assert.equal(await active(), "Question 1 of 1", "a new round puts focus on its first question");
  const summary = p.locator("#q").getByText("Election timeline");
  await summary.focus();
  await p.keyboard.press("Enter");
  await p.waitForTimeout(2100); // two ticks of the live clock re-render the countdown
  assert.equal(await active(), "Election timeline");
  await p.keyboard.press("Enter");
  assert.equal(await active(), "Election timeline");
  await p.locator("#q").getByRole("button", { name: /PKB/ }).focus();
  await p.keyboard.press("Enter");
  assert.match(await active(), /PKB/);
  await p.keyboard.press("Enter");
  assert.match(await active(), /PKB/, "closing keeps focus on the party");
  await p.context().close();
});

test("the clock pads days like the other units: 09 days, not 9", async () => {
  const p = await page({ width: 1280 });
  await addWidgets(p, [{ id: "c", attrs: { "data-lang": "en", "data-modules": "countdown", "data-now": "2024-02-05T07:00:00+07:00", "data-timezone": "WIB" } }]);
  await p.evaluate(() => window.PemiluWidget.scan());
  await waitReady(p);
  assert.deepEqual(await clock(p, "c"), [9, 0, 0, 0]);
  assert.deepEqual(await p.evaluate(() => [...document.getElementById("c").shadowRoot.querySelectorAll('[role="timer"] .pw-num')].map((n) => n.textContent)), ["09", "00", "00", "00"]);
  await p.context().close();
});

test("a host page written right to left does not mirror the widget: the same pixels as on a left-to-right page", async () => {
  const shots = {};
  for (const dir of ["ltr", "rtl"]) {
    const p = await page({ width: 800 });
    await p.evaluate((d) => { document.documentElement.dir = d; document.documentElement.lang = d === "rtl" ? "ar" : "id"; }, dir);
    await addWidgets(p, [{ id: "r", attrs: { "data-lang": "en", "data-modules": "countdown,parties", "data-now": "2024-02-10T12:00:00+07:00", "data-timezone": "WIB" } }]);
    await p.evaluate(() => window.PemiluWidget.scan());
    await waitReady(p);
    assert.equal(await p.evaluate(() => getComputedStyle(document.getElementById("r").shadowRoot.querySelector(".pw")).direction), "ltr");
    shots[dir] = await p.locator("#r").screenshot({ animations: "disabled", caret: "hide" });
    await p.context().close();
  }
  assert.ok(shots.ltr.equals(shots.rtl), "the widget renders identically on an RTL host");
});

test("after the election the countdown card has no empty band: the card with the voting day fills the space kept for the clock", async () => {
  for (const width of [320, 768, 1280]) {
    const p = await page({ width });
    await addWidgets(p, [
      { id: "today", attrs: { "data-lang": "en", "data-modules": "countdown" } },
      { id: "closed", attrs: { "data-lang": "id", "data-modules": "countdown", "data-now": "2024-03-01T09:15:00+07:00", "data-timezone": "WIB" } },
    ]);
    await p.evaluate(() => window.PemiluWidget.scan());
    await waitReady(p, 2);
    for (const id of ["today", "closed"]) {
      const gap = await p.evaluate((i) => {
        const sr = document.getElementById(i).shadowRoot;
        const module = sr.querySelector("[data-module=countdown]").getBoundingClientRect();
        const inFlow = [...sr.querySelectorAll(".pw-countdown > *")].filter((e) => getComputedStyle(e).position !== "absolute");
        return module.bottom - inFlow[inFlow.length - 1].getBoundingClientRect().bottom;
      }, id);
      assert.ok(gap < 1, `${id} at ${width}px: ${gap}px of empty band under the card`);
    }
    await p.context().close();
  }
});
