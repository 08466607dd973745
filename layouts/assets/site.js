// learnsite default theme: small enhancements only. Every page works without this script.
(function () {
  "use strict";
  // Quick exit: the button, or pressing Shift three times within two seconds, replaces this
  // page with a neutral site (and the history entry, so Back does not return here).
  var exit = document.querySelector("[data-quick-exit]");
  if (exit) {
    var leave = function (ev) {
      if (ev) ev.preventDefault();
      document.body.style.display = "none";
      document.title = "Loading";
      try { window.open(exit.href, "_newtab"); } catch (e) { /* pop-up blocked: fine */ }
      window.location.replace(exit.href);
    };
    exit.addEventListener("click", leave);
    var presses = [];
    document.addEventListener("keyup", function (ev) {
      if (ev.key !== "Shift") return;
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < 2000; });
      presses.push(now);
      if (presses.length >= 3) leave();
    });
  }
  // Print button on briefings.
  var p = document.querySelector("[data-print]");
  if (p) { p.hidden = false; p.addEventListener("click", function () { window.print(); }); }
  // "/" focuses the search box (unless typing in a field).
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    var q = document.getElementById("search-q") || document.getElementById("site-search-q");
    if (q) { ev.preventDefault(); q.focus(); }
  });
})();
