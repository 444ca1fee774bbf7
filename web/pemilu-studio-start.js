// Starts the studio's Wasm (built with the `studio` feature); its start function renders into #studio.
//
// The preview runs the real widget on the file being edited. The widget fetches its files by URL
// (one request per URL per page), so each checked version of the file gets a new address under
// studio-preview/, and this page answers requests for those addresses itself: the file never
// leaves the browser, and nothing changes in what a reader downloads.
import init from "./pemilu-studio.js";

const files = new Map();
const fetch0 = window.fetch.bind(window);
window.fetch = (input, init) => {
  const href = new URL(input instanceof Request ? input.url : String(input), document.baseURI).href;
  const text = files.get(href);
  if (text === undefined) return fetch0(input, init);
  return Promise.resolve(new Response(text, { headers: { "content-type": "application/json" } }));
};
window.pemiluStudio = {
  /** Serves `text` at `path` (relative to this page), in place of the earlier version of `kind`. */
  serve(kind, path, text) {
    for (const k of files.keys()) if (k.includes(`/studio-preview/${kind}/`)) files.delete(k);
    files.set(new URL(path, document.baseURI).href, text);
  },
};

init().then(() => document.getElementById("st-loading")?.remove(), (e) => {
  const p = document.getElementById("st-loading");
  if (p) p.textContent = "Studio tidak dapat dimuat. / The studio could not load: " + e;
});
