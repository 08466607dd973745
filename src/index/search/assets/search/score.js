// Scoring: each query word's posting lists (the word, words it begins or shares a root with,
// misspellings, synonyms), added up by clause; then the matches, in the order asked for
// (mirrors SearchIndex::search in src/index/search/query.rs).

// The most common words of the index one letter away from `word` (a misspelling), from the
// spelling chunks of words beginning with its first two letters.
async function typos(word) {
  if (chars(word) < M.relatedMin || !/^\p{Alphabetic}+$/u.test(word)) return [];
  var head = Array.from(word).slice(0, 2).join('');
  var ss = await Promise.all(chunksFrom(M.spellKeys, head, M.spellChunks).map(spellChunk)), cands = [];
  ss.forEach(function (s) {
    s.words.forEach(function (w, j) {
      if (w.startsWith(head) && oneEdit(word, w)) cands.push({ w: w, df: VAL[s.d.charCodeAt(j)] });
    });
  });
  cands.sort(function (a, b) { return b.df - a.df || cmp(a.w, b.w); });
  return cands.slice(0, M.typoWords).map(function (x) { return x.w; });
}
async function resolve(t, exactOnly) {
  var lists = [], hl = [], seen = new Set();
  function push(c, li, w) {
    var key = c.p[li];
    if (!seen.has(key)) { seen.add(key); lists.push({ p: plist(c, li), w: w }); }
  }
  var ex = await lookup(t.word);
  if (ex) { push(ex.c, ex.li, 1); hl = hl.concat(ex.hl); }
  if (exactOnly) return { lists: lists, hl: hl };
  var more = [];
  if (t.prefix) more = more.concat(await withPrefix(t.word));
  var r = root(t.word);
  if (r) {
    (await withPrefix(r)).forEach(function (x) {
      if (!more.some(function (m) { return m.w === x.w; })) more.push(x);
    });
  }
  more.forEach(function (x) { x.df = postingCount(x.c.p[x.li]); });
  more.sort(function (a, b) { return b.df - a.df || cmp(a.w, b.w); });
  more.slice(0, M.prefixWords).forEach(function (x) { hl.push(x.w); push(x.c, x.li, M.related); });
  var typo = null;
  if (!lists.length) {
    var ts = await typos(t.word);
    for (var i = 0; i < ts.length; i++) {
      var f = await lookup(ts[i]);
      if (f) { push(f.c, f.li, M.typo); hl = hl.concat(f.hl); (typo = typo || { word: t.word, as: [] }).as.push(ts[i]); }
    }
  }
  return { lists: lists, hl: hl, typo: typo };
}
// Each document's best score for one word.
function wordScores(r, n) {
  var best = new Float64Array(n);
  r.lists.forEach(function (l) {
    var ids = l.p.ids, imp = l.p.imp;
    for (var j = 0; j < ids.length; j++) {
      var v = l.w * M.impact[imp[j]];
      if (v > best[ids[j]]) best[ids[j]] = v;
    }
  });
  return best;
}
async function clauseScores(c, cache, res, n) {
  var out = new Float64Array(n);
  for (var a = 0; a < c.alts.length; a++) {
    var alt = c.alts[a], sum = new Float64Array(n), all = new Uint8Array(n).fill(1);
    for (var k = 0; k < alt.words.length; k++) {
      var w = alt.words[k], key = (c.exact ? '1' : '0') + (w.prefix ? '1' : '0') + w.word;
      if (!cache.has(key)) {
        var r = await resolve(w, c.exact);
        r.hl.forEach(function (h) { if (res.hl.indexOf(h) < 0) res.hl.push(h); });
        if (r.typo && alt.weight === 1) res.typos.push(r.typo);
        cache.set(key, wordScores(r, n));
      }
      var ws = cache.get(key);
      for (var d = 0; d < n; d++) { if (ws[d] > 0) sum[d] += ws[d]; else all[d] = 0; }
    }
    if (!alt.words.length) continue;
    for (var d2 = 0; d2 < n; d2++) {
      if (all[d2]) { var v = alt.weight * sum[d2]; if (v > out[d2]) out[d2] = v; }
    }
  }
  return out;
}

async function search(state) {
  await ready();
  var n = M.n, pq = parseQuery(state.q), res = { pq: pq, unmatched: [], relax: [], hl: [], typos: [] };
  var hasQuery = pq.clauses.length > 0;
  var score = null, full = null;
  if (hasQuery) {
    // Words are looked up in parallel (their files load at once), then scored in order.
    await Promise.all(pq.clauses.map(function (c) {
      return Promise.all(c.alts.map(function (a) {
        return Promise.all(a.words.map(function (w) {
          return c.exact ? lookup(w.word) : Promise.all([lookup(w.word), w.prefix ? withPrefix(w.word) : null, root(w.word) ? withPrefix(root(w.word)) : null]);
        }));
      }));
    }));
    var cache = new Map(), acc = new Float64Array(n), hits = new Uint32Array(n), live = 0;
    for (var ci = 0; ci < pq.clauses.length; ci++) {
      var cs = await clauseScores(pq.clauses[ci], cache, res, n);
      if (cs.every(function (v) { return v === 0; })) { res.unmatched.push(pq.clauses[ci].typed || pq.clauses[ci].text); continue; }
      live++;
      for (var d = 0; d < n; d++) if (cs[d] > 0) { acc[d] += cs[d]; hits[d]++; }
    }
    var nfull = 0;
    for (var d1 = 0; d1 < n; d1++) if (live > 0 && hits[d1] === live) nfull++;
    var withPartial = nfull < M.partialBelow;
    score = acc;
    full = new Uint8Array(n);
    for (var d3 = 0; d3 < n; d3++) if (live > 0 && hits[d3] === live) full[d3] = 1;
    res.match = function (d) { return (live > 0 && hits[d] === live) || (withPartial && hits[d] > 0); };
  } else {
    res.match = function () { return true; };
  }
  // The facets filtered by are loaded first; the others (for the counts) may follow.
  var by = filtering(state);
  if (by.length) await loadFacets(by);
  var fr = applyFilters(state, res), matched = fr.matched;
  res.counts = fr.counts;
  if (!matched.length) fr.relax.forEach(function (c, fi) { if (c) res.relax.push([F.facets[fi].id, c]); });
  var sort = state.sort || (hasQuery ? 'relevance' : 'newest');
  if (!hasQuery && sort === 'relevance') sort = 'newest';
  var dated = M.dated;
  // Documents that meet every clause first, then those that meet some.
  function group(d) { return full && !full[d] ? 1 : 0; }
  if (sort === 'relevance') matched.sort(function (a, b) { return (group(a) - group(b)) || (score[b] - score[a]) || (a - b); });
  else if (sort === 'oldest') {
    matched.sort(function (a, b) {
      var ka = a < dated ? dated - a : dated + a, kb = b < dated ? dated - b : dated + b;
      return (group(a) - group(b)) || (ka - kb);
    });
  } else matched.sort(function (a, b) { return (group(a) - group(b)) || (a - b); });
  res.full = matched.filter(function (d) { return !group(d); }).length;
  res.isFull = function (d) { return !group(d); };
  res.ids = matched;
  res.scores = matched.map(function (d) { return score ? score[d] : 0; });
  res.sort = sort;
  return res;
}
