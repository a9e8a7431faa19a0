// Reform Metrics embeds size themselves (as Datawrapper's do): put this after
// the iframe(s) on your page.
//   <iframe src="…/embed/cases/<slug>" height="720" …></iframe>
//   <script src="…/embed.js" async></script>
// Each embed posts its content's height (embed-frame.js inside it); this
// script gives the matching iframe that height. Without JavaScript the
// iframe keeps its height attribute and scrolls.
(function () {
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src).origin : null;
  if (!origin || window.__reformMetricsEmbeds) return;
  window.__reformMetricsEmbeds = true;
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "reform-metrics:embed-height" || typeof data.height !== "number") return;
    var height = Math.max(100, Math.min(20000, Math.ceil(data.height)));
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + "px";
        frames[i].setAttribute("height", String(height));
      }
    }
  });
})();
