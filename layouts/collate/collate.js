/* Quick exit: pressing Shift three times within two seconds leaves the page (the button works without this). */
(function () {
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var presses = [];
  function leave(e) {
    if (e) e.preventDefault();
    document.body.innerHTML = "";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  document.addEventListener("keyup", function (e) {
    if (e.key !== "Shift") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
