// The search's state (words, filters, years, sort) and its address: a filtered search has its
// own URL, and Back and Forward move through searches.

var FACETS_IN_URL = ['kind', 'review_type', 'theme', 'abuse_type', 'methodology', 'board', 'age_band', 'sex', 'ethnicity',
  'disability', 'care_needs', 'relationship'];

function readState() {
  var p = new URLSearchParams(location.search), st = { q: p.get('q') || '', filters: {}, from: p.get('from') || '', to: p.get('to') || '', sort: p.get('sort') || '' };
  FACETS_IN_URL.forEach(function (id) { var v = p.getAll(id).filter(Boolean); if (v.length) st.filters[id] = v; });
  return st;
}
function stateUrl(st) {
  var p = new URLSearchParams();
  if (st.q) p.set('q', st.q);
  FACETS_IN_URL.forEach(function (id) { (st.filters[id] || []).forEach(function (v) { p.append(id, v); }); });
  if (st.from) p.set('from', st.from);
  if (st.to) p.set('to', st.to);
  if (st.sort) p.set('sort', st.sort);
  var s = p.toString();
  return location.pathname + (s ? '?' + s : '');
}
function sameState(a, b) { return stateUrl(a) === stateUrl(b); }
function commit(st, push) {
  var url = stateUrl(st);
  if (url === location.pathname + location.search) return;
  try {
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  } catch (e) { /* some browsers refuse history on file:// */ }
}
