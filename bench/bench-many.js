// Adds 20 live countdown widgets to the benchmark article (?frozen=1 freezes their clocks).
const frozen = new URLSearchParams(location.search).has("frozen");
const article = document.getElementById("article");
for (let i = 0; i < 20; i++) {
  const el = document.createElement("div");
  el.setAttribute("data-pemilu-widget", "");
  el.setAttribute("data-modules", "countdown");
  el.setAttribute("data-election-date", "2099-02-14T07:00:00+07:00");
  el.setAttribute("data-timezone", ["WIB", "WITA", "WIT", "auto"][i % 4]);
  if (frozen) el.setAttribute("data-now", "2098-02-14T07:00:00+07:00");
  el.innerHTML = '<a href="https://www.kpu.go.id/">KPU</a>';
  article.append(el);
}
window.PemiluWidget && window.PemiluWidget.scan();
