// The iframe form (embed.html): the same options as query parameters
// (?lang=en&modules=quiz&quiz-count=5), one widget filling the frame, and its height posted to
// the parent on first render and on every change: { type: "pemilu-widget:resize", height }, and
// AMP's { sentinel: "amp", type: "embed-size", height } for amp-iframe. Every pemilu:* event the
// widget fires is posted too, as { type: "pemilu-widget:event", name, detail }, for pemilu-embed.js
// to dispatch on the <iframe> element.
import "./pemilu-widget.js";

const el = document.getElementById("w");
const params = new URLSearchParams(location.search);
const names = ["lang", "modules", "theme", "accent", "timezone", "election-date", "election-name",
  "data-src", "quiz-src", "quiz-count", "seed", "now", "share-url"];
// Data files must come from this site: otherwise anyone could link to this page with their own
// "fact-checks" shown on the newsroom's origin.
const sameOrigin = (v) => { try { return new URL(v, location.href).origin === location.origin; } catch { return false; } };
for (const n of names) {
  if (!params.has(n)) continue;
  const v = params.get(n);
  if ((n === "data-src" || n === "quiz-src") && !sameOrigin(v)) { console.warn(`[pemilu-widget] ${n} ignored: not on this site`); continue; }
  el.setAttribute("data-" + n, v);
}
if ((params.get("lang") || "").trim().toLowerCase() === "en") {
  document.documentElement.lang = "en";
  document.title = document.querySelector("h1").textContent = "Election widget";
}
let last = -1;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && parent !== window) {
    last = height;
    parent.postMessage({ type: "pemilu-widget:resize", height }, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
  }
};
for (const name of ["pemilu:ready", "pemilu:error", "pemilu:quiz-start", "pemilu:quiz-answer", "pemilu:quiz-complete"]) {
  el.addEventListener(name, (e) => {
    if (parent !== window) parent.postMessage({ type: "pemilu-widget:event", name, detail: JSON.parse(JSON.stringify(e.detail || {})) }, "*");
  });
}
// The article's address from pemilu-embed.js on the parent page, for the quiz's Share (unless a
// share-url was given).
window.addEventListener("message", (e) => {
  const d = e.data;
  if (e.source !== parent || parent === window || !d || d.type !== "pemilu-widget:page" || params.has("share-url")) return;
  if (typeof d.url === "string" && /^https?:\/\/[^/]/.test(d.url) && d.url !== el.getAttribute("data-share-url")) el.setAttribute("data-share-url", d.url);
});
new ResizeObserver(post).observe(document.body);
el.addEventListener("pemilu:ready", post);
el.setAttribute("data-pemilu-widget", "");
window.PemiluWidget.mount(el);
