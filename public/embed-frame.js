// Runs inside a Reform Metrics embed (/embed/…). Tells the page around the
// iframe how tall the embed's content is, so /embed.js on that page can size
// the iframe to show all of it, down to the link back to the full figures.
// The height is not a secret, so any parent may read it ("*").
(function () {
  if (window.parent === window) return;
  var last = 0;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "reform-metrics:embed-height", height: height, path: location.pathname }, "*");
  }
  post();
  window.addEventListener("load", post);
  if (typeof ResizeObserver !== "undefined") new ResizeObserver(post).observe(document.documentElement);
  else window.addEventListener("resize", post);
  // Opening "Every figure, with its source" changes the height too.
  document.addEventListener("toggle", post, true);
})();
