import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const p = await b.newPage({ viewport: { width: 1300, height: 900 } });
await p.goto("http://127.0.0.1:8080/embed.html");
const states = {
  before: 'data-timezone="WITA" data-now="2024-02-10T12:00:00+08:00"',
  open: 'data-timezone="WIT" data-now="2024-02-14T09:15:00+09:00"',
  after: '',
  afterWib: 'data-timezone="WIB" data-now="2024-03-25T09:15:00+07:00"',
  custom: 'data-election-date="2029-02-14T07:00:00+07:00" data-election-name="Simulasi: pemilu berikutnya (tanggal contoh)" data-timezone="WIB"',
  customAuto: 'data-election-date="2029-02-14T07:00:00+07:00"',
  recap: 'data-now="2024-03-01T09:15:00+07:00"',
};
let html = "";
for (const lang of ["id","en"]) for (const [k,v] of Object.entries(states)) html += `<div class="m" data-pemilu-widget data-modules="countdown" data-lang="${lang}" ${v} id="${k}-${lang}"></div>`;
await p.evaluate((h) => { document.body.innerHTML = `<div id="box">${h}</div>`; window.PemiluWidget.scan(); }, html);
await p.waitForTimeout(1500);
for (const w of [280, 300, 320, 360, 400, 440, 480, 520, 560, 600, 700, 900]) {
  const r = await p.evaluate((w) => {
    document.getElementById("box").style.width = w + "px";
    const out = {};
    for (const el of document.querySelectorAll(".m")) {
      const c = el.shadowRoot.querySelector(".pw-countdown");
      const fs = parseFloat(getComputedStyle(c).fontSize);
      out[el.id] = (c.getBoundingClientRect().height / fs).toFixed(1);
    }
    const inner = document.querySelector(".m").shadowRoot.querySelector(".pw").clientWidth;
    return { inner, max: Math.max(...Object.values(out).map(Number)), out };
  }, w);
  console.log(w, r.inner, r.max, JSON.stringify(r.out));
}
await b.close();
