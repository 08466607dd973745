// Filters and quoted phrases: which results pass the filters (with each facet's counts), and
// whether a result holds a phrase in its text or its labels (mirrors query.rs).

// The documents of `res` that pass the filters of `state` (their facets loaded), how many
// more each filter alone keeps out, and, once every facet is loaded, each facet's counts (with
// the other filters applied; else null).
function applyFilters(state, res) {
  var facets = F.facets, nf = facets.length, sel = [], yearFi = -1;
  facets.forEach(function (f, fi) {
    if (f.id === 'year') { yearFi = fi; sel.push(null); return; }
    // Values this index does not know (an old shared link) are ignored, as in query.rs.
    var known = (state.filters[f.id] || []).filter(function (s) { return f.index[s] !== undefined; });
    sel.push(known.length ? new Set(known.map(function (s) { return f.index[s]; })) : null);
  });
  var yf = state.from ? +state.from : null, yt = state.to ? +state.to : null;
  var yearRange = yf !== null || yt !== null;
  function passes(fi, d) {
    var f = facets[fi], v;
    if (fi === yearFi) {
      if (!yearRange) return true;
      v = f.docs[d];
      if (!v.length) return false;
      var y = +f.values[v[0]][0];
      return (yf === null || y >= yf) && (yt === null || y <= yt);
    }
    var s = sel[fi];
    if (!s) return true;
    v = f.docs[d];
    for (var k = 0; k < v.length; k++) if (s.has(v[k])) return true;
    return false;
  }
  var counts = F.loaded ? facets.map(function (f) { return new Uint32Array(f.values.length); }) : null;
  var relax = new Array(nf).fill(0), matched = [];
  for (var d = 0; d < M.n; d++) {
    if (!res.match(d)) continue;
    var failing = -1, nfail = 0;
    for (var fi = 0; fi < nf && nfail < 2; fi++) if (!passes(fi, d)) { failing = fi; nfail++; }
    if (nfail === 0) {
      matched.push(d);
      if (counts) for (var g = 0; g < nf; g++) { var vs = facets[g].docs[d]; for (var k = 0; k < vs.length; k++) counts[g][vs[k]]++; }
    } else if (nfail === 1) {
      relax[failing]++;
      if (!counts) continue;
      var fv = facets[failing].docs[d];
      for (var k2 = 0; k2 < fv.length; k2++) counts[failing][fv[k2]]++;
    }
  }
  return { matched: matched, counts: counts, relax: relax };
}

// A record's values of facet `fi` (a record is [title, url, date, [values per facet]]).
function recordValues(rec, fi) { return (rec[3] && rec[3][fi]) || []; }
// True when one of the document's labels, or their other names, holds the phrase.
function labelPhrase(rec, phrase) {
  return F.facets.some(function (f, fi) {
    return recordValues(rec, fi).some(function (v) {
      var names = [f.values[v][1]].concat(f.values[v][2] || []);
      return names.some(function (l) { return hasPhrase(words(l, M.maxWord), phrase); });
    });
  });
}
function hasPhrase(toks, phrase) {
  outer: for (var i = 0; i + phrase.length <= toks.length; i++) {
    for (var j = 0; j < phrase.length; j++) {
      var t = toks[i + j], p = phrase[j];
      if (!(t === p || (t.length === p.length + 2 && t.startsWith(p) && t.endsWith("'s")))) continue outer;
    }
    return true;
  }
  return false;
}
