/* Pemilu Widget iframe resizer (classic script, no Wasm). Sets the height of every
   iframe[data-pemilu-iframe] from its own "pemilu-widget:resize" messages; a message is accepted
   only when event.source is that iframe's contentWindow. Safe to load twice. */
(function () {
  if (window.__pemiluEmbed) return;
  window.__pemiluEmbed = true;
  window.addEventListener("message", function (event) {
    var d = event.data;
    if (!d || d.type !== "pemilu-widget:resize" || typeof d.height !== "number" || !isFinite(d.height)) return;
    var frames = document.querySelectorAll("iframe[data-pemilu-iframe]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(0, Math.min(20000, Math.round(d.height))) + "px";
      }
    }
  });
})();
