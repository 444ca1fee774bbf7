// The voter's guide module: the bundled guide read from the served file, numbers per language,
// every item with its source and date, sections that open by keyboard, a dataset without a guide,
// a guide that cannot be loaded, and markup in data shown as text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, waitReady, widgetText, addWidgets, axe, events } from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function page(opts) {
  const p = await newPage(browser, opts);
  await p.goto(`${server.base}/article.html`);
  return p;
}
const guideReady = (p, id) => p.waitForFunction((i) => document.getElementById(i).shadowRoot.querySelector(".pw-guide .pw-facts, .pw-guide .pw-error, .pw-guide p:not(.pw-loading)"), id);

for (const [lang, colorScheme, width] of [["id", "light", 320], ["en", "dark", 1280]]) {
  test(`the voter's guide (${lang}, ${colorScheme}, ${width}px): figures, ballots, hours, vote buying, where to report`, async () => {
    const p = await page({ width, colorScheme });
    await addWidgets(p, [{ id: "g", attrs: { "data-modules": "guide", "data-lang": lang } }]);
    await p.evaluate(() => window.PemiluWidget.scan());
    await waitReady(p, 1);
    await guideReady(p, "g");
    const text = await widgetText(p, "g");
    if (lang === "id") {
      assert.match(text, /Panduan pemilih: Pemilu 2024/);
      assert.match(text, /204,8 juta pemilih terdaftar dalam DPT: 203\.056\.748 di dalam negeri dan 1\.750\.474 di luar negeri/);
      assert.match(text, /823,2 ribu tempat pemungutan suara: 820\.161 TPS di dalam negeri dan 3\.059 di luar negeri/);
      assert.match(text, /24 nomor urut partai/);
      assert.match(text, /Sumber: tribunnews\.com, per 2 Jul 2023/);
    } else {
      assert.match(text, /Voter's guide: Indonesia's 2024 general election/);
      assert.match(text, /204\.8 million registered voters/);
      assert.match(text, /823\.2 thousand polling stations: 820,161 in Indonesia and 3,059 abroad/);
      assert.match(text, /580 DPR seats/);
      assert.match(text, /Source: tribunnews\.com, as of 2 Jul 2023/);
    }
    // Every item has a source link that says where it goes and how old the fact is.
    const links = await p.evaluate(() => [...document.getElementById("g").shadowRoot.querySelectorAll(".pw-facts li")].map((li) => {
      const a = li.querySelector("a");
      return a && { href: a.href, text: a.textContent, rel: a.rel, target: a.target };
    }));
    assert.equal(links.length, 31);
    for (const l of links) {
      assert.ok(l && /^https?:\/\//.test(l.href), JSON.stringify(l));
      assert.match(l.text, lang === "id" ? /^Sumber: [a-z0-9.-]+, per \d{1,2} [A-Z][a-z]{2,3} \d{4}$/ : /^Source: [a-z0-9.-]+, as of \d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
      assert.equal(l.rel, "noopener noreferrer");
      assert.equal(l.target, "_blank");
    }
    // The other sections open by keyboard.
    const summaries = await p.evaluate(() => [...document.getElementById("g").shadowRoot.querySelectorAll("summary")].map((s) => s.textContent));
    assert.deepEqual(summaries, lang === "id"
      ? ["Lima surat suara", "Jam TPS", "Tolak serangan fajar (politik uang)", "Ke mana melapor"]
      : ["Five ballots", "Polling hours", "Refuse vote buying (\u201cserangan fajar\u201d)", "Where to report"]);
    await p.evaluate(() => document.getElementById("g").shadowRoot.querySelectorAll("summary")[2].focus());
    await p.keyboard.press("Enter");
    const opened = await widgetText(p, "g");
    assert.match(opened, lang === "id" ? /Pasal 515 UU 7\/2017/ : /Law 7\/2017, Article 515/);
    assert.match(opened, lang === "id" ? /Hajar Serangan Fajar/ : /Hajar Serangan Fajar/);
    assert.match(opened, lang === "id" ? /pemberi dan pemilih yang dengan sengaja menerima/ : /the giver and a voter who knowingly accepts alike/);
    for (const s of [0, 1, 3]) await p.evaluate((i) => { document.getElementById("g").shadowRoot.querySelectorAll("details")[i].open = true; }, s);
    const all = await widgetText(p, "g");
    assert.match(all, lang === "id" ? /Abu-abu: Presiden dan Wakil Presiden/ : /Grey: president and vice-president/);
    assert.match(all, lang === "id" ? /\(DPK\): pukul 12\.00\u201313\.00/ : /\(DPK\): 12\.00\u201313\.00/);
    assert.match(all, /Komdigi/);
    assert.match(all, /0811-9810-123/);
    assert.deepEqual(await axe(p), []);
    const width_ = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width_ <= width, `page is ${width_}px wide at ${width}px`);
    await p.context().close();
  });
}

test("the bundled guide is fetched only by widgets that show it", async () => {
  const p = await newPage(browser);
  const requested = [];
  p.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await p.goto(`${server.base}/article.html`);
  await addWidgets(p, [{ id: "d", attrs: {} }]);
  await p.evaluate(() => window.PemiluWidget.scan());
  await waitReady(p, 1);
  assert.ok(!requested.some((u) => u.endsWith(".json")), requested.join(" "));
  await addWidgets(p, [{ id: "g", attrs: { "data-modules": "countdown,guide" } }]);
  await p.evaluate(() => window.PemiluWidget.scan());
  await waitReady(p, 2);
  await guideReady(p, "g");
  assert.deepEqual(requested.filter((u) => u.endsWith(".json")), ["/data/pemilu-2024.json"]);
  // The countdown of the same widget is unaffected by the load.
  const countdown = await p.locator("#g [data-module=countdown]").innerText();
  assert.match(countdown, /^Pemilu 2024\n[^]*Berikutnya: Pemilu nasional 2029/);
  await p.context().close();
});

test("a dataset without a guide says so; a guide that cannot be loaded says why and fires pemilu:error", async () => {
  const p = await newPage(browser);
  await p.route("**/data/pemilu-2024.json", (r) => r.abort());
  await p.goto(`${server.base}/article.html`);
  await addWidgets(p, [
    { id: "none", attrs: { "data-modules": "guide", "data-lang": "en", "data-data-src": "/test-election.json" } },
    { id: "down", attrs: { "data-modules": "countdown,guide", "data-lang": "en" } },
  ]);
  await p.evaluate(() => window.PemiluWidget.scan());
  await waitReady(p, 2);
  await guideReady(p, "none");
  await guideReady(p, "down");
  assert.match(await widgetText(p, "none"), /Voter's guide: Test election\n+This election data file has no voter's guide\./);
  const down = await widgetText(p, "down");
  assert.match(down, /The election data at .*data\/pemilu-2024\.json could not be loaded\./);
  const countdown = await p.locator("#down [data-module=countdown]").innerText();
  assert.match(countdown, /^Indonesia's 2024 general election\n[^]*Next: the 2029 national election/, "the countdown still shows the bundled data");
  const errs = await events(p, "pemilu:error");
  assert.equal(errs.length, 1);
  assert.equal(errs[0].detail.code, "data-fetch-failed");
  assert.deepEqual(await axe(p), []);
  await p.context().close();
});

test("a newsroom's own guide: its markup is shown as text and its links say where they go", async () => {
  const p = await page();
  await addWidgets(p, [{ id: "own", attrs: { "data-modules": "guide", "data-lang": "en", "data-data-src": "/past-election.json" } }]);
  await p.evaluate(() => window.PemiluWidget.scan());
  await waitReady(p, 1);
  await guideReady(p, "own");
  await p.evaluate(() => { document.getElementById("own").shadowRoot.querySelector("details").open = true; });
  const text = await widgetText(p, "own");
  assert.match(text, /Voter's guide: a past test election/);
  assert.match(text, /1\.2 million test voters\. Source: example\.org, as of 1 Jul 2020/);
  assert.match(text, /Report to the <b>test<\/b> committee\. Source: example\.net, as of 30 Nov 2020/);
  assert.equal(await p.evaluate(() => document.getElementById("own").shadowRoot.querySelectorAll("b").length), 0);
  await p.context().close();
});

test("a widget unmounted while its guide loads fires nothing afterwards", async () => {
  const p = await newPage(browser);
  // The served copy answers late, and then fails.
  let asked = 0;
  await p.route("**/data/pemilu-2024.json", async (r) => { asked += 1; await new Promise((ok) => setTimeout(ok, 800)); await r.abort(); });
  await p.goto(`${server.base}/article.html`);
  // "stay" is the control: it keeps its widget and must hear of the failure, once.
  await addWidgets(p, [{ id: "g", attrs: { "data-modules": "guide", "data-lang": "en" } }, { id: "stay", attrs: { "data-modules": "guide", "data-lang": "en" } }]);
  await p.evaluate(() => window.PemiluWidget.scan());
  await waitReady(p, 2);
  await p.evaluate(() => window.PemiluWidget.unmount(document.getElementById("g")));
  await p.waitForTimeout(1500);
  assert.equal(asked, 1, "one request for the served copy, shared by both widgets");
  assert.deepEqual((await events(p, "pemilu:error")).map((e) => e.id), ["stay"]);
  await p.context().close();
});

test("the Pilkada Jakarta file carries its own guide: one ballot, Pasal 187A for giver and receiver", async () => {
  const p = await page({ width: 360 });
  await addWidgets(p, [{ id: "pk", attrs: { "data-modules": "guide", "data-data-src": "/data/pilkada-jakarta-2024.json" } }]);
  await p.evaluate(() => window.PemiluWidget.scan());
  await waitReady(p, 1);
  await guideReady(p, "pk");
  await p.evaluate(() => document.getElementById("pk").shadowRoot.querySelectorAll("details").forEach((d) => { d.open = true; }));
  const text = await widgetText(p, "pk");
  assert.match(text, /Panduan pemilih: Pilkada Jakarta 2024\s+Sekilas Pilkada Jakarta 2024\s+8,2 juta pemilih dalam DPT Jakarta\./);
  assert.match(text, /hanya menerima satu surat suara/);
  assert.match(text, /Pasal 187A UU 10\/2016[^]*pemilih yang dengan sengaja menerima dikenai pidana yang sama/);
  assert.doesNotMatch(text, /Pemilu 2024/);
  assert.deepEqual(await axe(p), []);
  await p.context().close();
});
