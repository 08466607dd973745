// The search page: one app per page (`[data-ls-search]`); `ui` holds its elements and what it
// shows. The page's parts are drawn by ui_results.js (results and the status line) and
// ui_filters.js (the filter panel and the chips of the filters chosen).

var PAGE = 10;
var ui = null;

function init() {
  var app = document.querySelector('[data-ls-search]');
  if (!app) return;
  var q = function (sel) { return app.querySelector(sel); };
  ui = {
    app: app, form: q('.ls-search__form'), input: q('#search-q'), status: q('#ls-status'),
    chipsEl: q('.ls-chips'), facetsEl: q('.ls-facets'), resultsEl: q('.ls-results'), moreBtn: q('.ls-more'),
    sortSel: q('#ls-sort'), noteEl: q('.ls-note'), filterBtn: q('.ls-filter-toggle'), filterCount: q('.ls-filter-count'),
    // On a narrow screen the filters wait behind a "Filter" button so the results come first
    // (the GOV.UK disclosure pattern: the button says whether they are open). On a wide screen,
    // or when the button is missing from the page, they are always shown.
    filtersOpen: false, narrowMq: window.matchMedia ? window.matchMedia('(max-width: 40rem)') : null,
    // What is shown: the state, the results (`current`), which run of the search is the latest
    // (`seq`), how many results are on screen, the results with a quoted phrase (`verified`),
    // which filter groups are open and which show all their values.
    state: readState(), current: null, seq: 0, shown: 0, verified: null, openFacets: {}, expanded: {},
    // Excerpts: each result's text is fetched when the result comes near the screen.
    observer: ('IntersectionObserver' in window) ? new IntersectionObserver(onVisible, { rootMargin: '100px 0px' }) : null,
    typingTimer: null
  };
  app.querySelectorAll('.ls-nojs').forEach(function (el) { el.hidden = true; });
  app.querySelectorAll('.ls-app').forEach(function (el) { el.hidden = false; });
  if (ui.filterBtn) {
    ui.filterBtn.addEventListener('click', function () { ui.filtersOpen = !ui.filtersOpen; fitFilters(); });
    if (ui.narrowMq && ui.narrowMq.addEventListener) ui.narrowMq.addEventListener('change', fitFilters);
    else if (ui.narrowMq && ui.narrowMq.addListener) ui.narrowMq.addListener(fitFilters);
    fitFilters();
  }
  ui.input.value = ui.state.q;
  listen();
  run();
}
function fitFilters() {
  if (!ui.filterBtn) return;
  var narrow = !!(ui.narrowMq && ui.narrowMq.matches);
  ui.filterBtn.hidden = !narrow;
  ui.app.classList.toggle('ls-narrow', narrow);
  ui.filterBtn.setAttribute('aria-expanded', String(!narrow || ui.filtersOpen));
  ui.facetsEl.hidden = narrow && !ui.filtersOpen;
  // The filters' counts need the facets' files: they are loaded once the filters are shown.
  if (!ui.facetsEl.hidden && ui.current && !ui.current.counts) showFacets(ui.current, ui.seq);
}

function onVisible(entries) {
  entries.forEach(function (e) {
    if (!e.isIntersecting || !e.target._ls) return;
    var o = e.target._ls;
    ui.observer.unobserve(e.target);
    e.target._ls = null;
    loadExcerpt(e.target, o.d, o.hl, o.run);
  });
}

// Typing searches as you type (the address follows without a history entry); Enter, a sort or
// a filter adds one; Back and Forward show the searches again; `/` and the arrow keys move
// between the search box and the results.
function listen() {
  ui.input.addEventListener('input', function () {
    ui.state.q = ui.input.value;
    clearTimeout(ui.typingTimer);
    ui.typingTimer = setTimeout(function () { commit(ui.state, false); run(); }, 120);
  });
  ui.form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(ui.typingTimer);
    ui.state.q = ui.input.value;
    commit(ui.state, true);
    run();
  });
  ui.sortSel.addEventListener('change', function () { ui.state.sort = ui.sortSel.value; changed(true); });
  ui.moreBtn.addEventListener('click', function () { more(ui.seq, false); });
  window.addEventListener('popstate', function () {
    ui.state = readState();
    ui.input.value = ui.state.q;
    run();
  });
  document.addEventListener('keydown', onKey);
}
function onKey(e) {
  var t = e.target, tag = t && t.tagName;
  if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !(tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable))) {
    e.preventDefault(); ui.input.focus(); ui.input.select();
    return;
  }
  var links = Array.from(ui.resultsEl.querySelectorAll('.ls-result__title a'));
  if (!links.length) return;
  var at = links.indexOf(t);
  if (e.key === 'ArrowDown' && (t === ui.input || at >= 0)) {
    e.preventDefault(); links[Math.min(links.length - 1, at + 1)].focus();
  } else if (e.key === 'ArrowUp' && at >= 0) {
    e.preventDefault(); if (at === 0) ui.input.focus(); else links[at - 1].focus();
  } else if (e.key === 'Escape' && at >= 0) {
    e.preventDefault(); ui.input.focus();
  }
}

// Exposed for tests and the page-highlighting script.
window.learnsiteSearch = { fold: fold, tokens: tokens, search: search, parseQuery: parseQuery, ready: ready, sameState: sameState };

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
