// learnsite default theme: small enhancements only. Every page works without this script.
(function () {
  "use strict";
  // Quick exit, as GOV.UK's "Exit this page" behaves: the button, or Shift pressed three times
  // in a row with no other key between them (within five seconds), sends this tab to a
  // neutral site. Capitals typed with Shift never count: a key released while Shift is still
  // held means the next Shift release is part of typing, and any other key starts again.
  // Back returns here with the page shown again (GOV.UK does not replace the history entry).
  var exit = document.querySelector("[data-quick-exit]");
  if (exit) {
    var said = document.createElement("span");
    said.setAttribute("role", "status");
    said.className = "visually-hidden";
    exit.parentNode.appendChild(said);
    var presses = 0, timer = null, lastHeldShift = false;
    var reset = function () {
      presses = 0;
      if (timer) { window.clearTimeout(timer); timer = null; }
      exit.removeAttribute("data-presses");
    };
    var leave = function (ev) {
      if (ev) ev.preventDefault();
      reset();
      said.textContent = "";
      document.documentElement.classList.add("quick-exit--leaving");
      document.title = "Loading";
      window.location.href = exit.href;
    };
    exit.addEventListener("click", leave);
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Shift") reset();
    }, true);
    document.addEventListener("keyup", function (ev) {
      if (ev.key === "Shift" && !lastHeldShift) {
        presses += 1;
        if (presses >= 3) { leave(); return; }
        exit.setAttribute("data-presses", String(presses));
        said.textContent = "Shift, press " + (3 - presses) + " more " + (presses === 1 ? "times" : "time") + " to exit.";
        if (timer) window.clearTimeout(timer);
        timer = window.setTimeout(function () { reset(); said.textContent = "Exit this page expired."; }, 5000);
      } else if (ev.key !== "Shift") {
        reset();
      }
      lastHeldShift = ev.key !== "Shift" && ev.shiftKey;
    }, true);
    window.addEventListener("pageshow", function () {
      document.documentElement.classList.remove("quick-exit--leaving");
      reset();
      said.textContent = "";
    });
  }
  // The navigation on a phone: behind a "Menu" button that says whether it is open. Without
  // this script, or on a wider screen, the links are always shown.
  var navBtn = document.querySelector(".site-nav__toggle");
  var navList = document.getElementById("site-nav-list");
  if (navBtn && navList && window.matchMedia) {
    var navMq = window.matchMedia("(max-width: 40rem)"), navOpen = false;
    var fitNav = function () {
      var narrow = navMq.matches;
      navBtn.hidden = !narrow;
      navBtn.setAttribute("aria-expanded", String(navOpen));
      navList.hidden = narrow && !navOpen;
    };
    navBtn.addEventListener("click", function () { navOpen = !navOpen; fitNav(); });
    if (navMq.addEventListener) navMq.addEventListener("change", fitNav); else if (navMq.addListener) navMq.addListener(fitNav);
    fitNav();
  }
  // Print button on briefings.
  var p = document.querySelector("[data-print]");
  if (p) { p.hidden = false; p.addEventListener("click", function () { window.print(); }); }
  // The action tracker's in-page filter: choosing a status, agency, theme or review hides the
  // rows that do not match and says how many are shown. Without this script the form stays
  // hidden and the filter pages (one per status, agency, theme and review) do the same job.
  var tf = document.querySelector("[data-tracker-filter]");
  if (tf) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-status]"));
    var selects = Array.prototype.slice.call(tf.querySelectorAll("select[data-filter]"));
    var count = tf.querySelector("[data-tracker-count]");
    var apply = function () {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = selects.every(function (sel) {
          var want = sel.value;
          if (!want) return true;
          var have = (row.getAttribute("data-" + sel.getAttribute("data-filter")) || "").split(" ");
          return have.indexOf(want) !== -1;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      // Named with the choices, so that a printed copy (which leaves the form out) says
      // which recommendations it holds.
      var chosen = selects.filter(function (sel) { return sel.value; }).map(function (sel) {
        var label = tf.querySelector("label[for='" + sel.id + "']");
        var text = sel.options[sel.selectedIndex].text.replace(/ \(\d+\)$/, "");
        return (label ? label.textContent + ": " : "") + text;
      });
      count.textContent = chosen.length
        ? "Showing " + shown + " of " + rows.length + " recommendation" + (rows.length === 1 ? "" : "s") + " (" + chosen.join(", ") + ")."
        : "";
    };
    selects.forEach(function (sel) { sel.addEventListener("change", apply); });
    tf.hidden = false;
    apply();
  }
  // Tables (and charts) wider than their box scroll inside it. When one does, a line above it
  // says so and the keyboard can reach the box to scroll it; when it fits, the box is no extra
  // stop for the Tab key. (Without this script every box is a stop, and shadows at its edges
  // show there is more to see.)
  var wraps = Array.prototype.slice.call(document.querySelectorAll(".table-wrap"));
  if (wraps.length) {
    var hints = wraps.map(function (w) {
      var hint = document.createElement("p");
      hint.className = "table-hint no-print";
      hint.hidden = true;
      hint.textContent = "Scroll sideways to see the whole " + (w.getAttribute("data-what") || "table");
      w.parentNode.insertBefore(hint, w);
      return hint;
    });
    var fit = function () {
      wraps.forEach(function (w, i) {
        var scrolls = w.scrollWidth > w.clientWidth + 1;
        hints[i].hidden = !scrolls;
        if (scrolls) w.setAttribute("tabindex", "0"); else w.removeAttribute("tabindex");
      });
    };
    var fitTimer = null;
    window.addEventListener("resize", function () {
      if (fitTimer) window.clearTimeout(fitTimer);
      fitTimer = window.setTimeout(fit, 100);
    });
    fit();
  }
  // "/" focuses the search box (unless typing in a field).
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    var q = document.getElementById("search-q") || document.getElementById("site-search-q");
    if (q) { ev.preventDefault(); q.focus(); }
  });
})();
