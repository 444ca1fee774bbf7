/* Pemilu Widget iframe resizer (classic script, no Wasm). Sets the height of every
   iframe[data-pemilu-iframe] from its own "pemilu-widget:resize" messages, and dispatches the
   widget's pemilu:* events (posted as "pemilu-widget:event") on that <iframe> element, bubbling,
   with the same detail; a message is accepted only when event.source is that iframe's
   contentWindow. It tells each frame, once, the article's address (its canonical URL, else its
   address without query), which the quiz's Share links to unless the frame has a share-url.
   Safe to load twice. */
(function () {
  if (window.__pemiluEmbed) return;
  window.__pemiluEmbed = true;
  var told = typeof WeakSet === "function" ? new WeakSet() : null;
  var page = function () {
    var c = document.querySelector('link[rel="canonical"]');
    return c && /^https?:/.test(c.href) ? c.href : location.origin + location.pathname;
  };
  window.addEventListener("message", function (event) {
    var d = event.data;
    if (!d) return;
    var resize = d.type === "pemilu-widget:resize" && typeof d.height === "number" && isFinite(d.height);
    var forward = d.type === "pemilu-widget:event" && typeof d.name === "string" && /^pemilu:[a-z-]+$/.test(d.name);
    if (!resize && !forward) return;
    var frames = document.querySelectorAll("iframe[data-pemilu-iframe]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      if (told && !told.has(event.source)) {
        told.add(event.source);
        event.source.postMessage({ type: "pemilu-widget:page", url: page() }, event.origin === "null" ? "*" : event.origin);
      }
      if (resize) frames[i].style.height = Math.max(0, Math.min(20000, Math.round(d.height))) + "px";
      else frames[i].dispatchEvent(new CustomEvent(d.name, { detail: d.detail || {}, bubbles: true, composed: true }));
    }
  });
})();
