// Parsing a query into clauses (mirrors parse_query in src/index/search/query.rs and the
// synonym groups of synonyms.rs).

var SYN = null;
function synonymGroups() {
  if (!SYN) {
    SYN = (M.syn || []).map(function (g) {
      return g.map(function (e) {
        var toks = e.split(' ').map(function (t) { return { parts: t.split('-') }; });
        return { toks: toks, key: toks.map(joined).join(' ') };
      });
    });
  }
  return SYN;
}
// The longest entry that toks[j..] starts with: its length and the groups that hold it.
function synonymAt(toks, j) {
  var best = null;
  synonymGroups().forEach(function (g, gi) {
    g.forEach(function (e) {
      var k = e.toks.length;
      if (j + k > toks.length || (best && best.k > k)) return;
      if (e.key !== toks.slice(j, j + k).map(joined).join(' ')) return;
      if (!best || best.k < k) best = { k: k, groups: [] };
      if (best.groups.indexOf(gi) < 0) best.groups.push(gi);
    });
  });
  return best;
}
function term(w) { return { word: w, prefix: false }; }
// Mirrors query::alternatives: the words (hyphenated ones joined), then with their parts.
function alternatives(toks, weight) {
  var out = [{ words: toks.map(function (t) { return term(joined(t)); }), weight: weight }];
  if (toks.some(function (t) { return t.parts.length > 1; })) {
    var parts = [];
    toks.forEach(function (t) { t.parts.forEach(function (p) { if (!M.stopSet.has(p)) parts.push(term(p)); }); });
    out.push({ words: parts, weight: weight });
  }
  return out;
}
function tokenText(toks) { return toks.map(function (t) { return t.parts.join('-'); }).join(' '); }
function parseQuery(text) {
  var pq = { clauses: [], phrases: [] };
  var segs = text.split('"');
  var closed = segs.length % 2 === 1 ? segs.length : segs.length - 1;
  var endsInWord = /[\p{L}\p{N}\p{M}]$/u.test(text);
  var last = -1;
  function add(c) {
    if (pq.clauses.some(function (x) { return x.text === c.text; })) return -1;
    pq.clauses.push(c);
    return pq.clauses.length - 1;
  }
  segs.forEach(function (seg, i) {
    var inside = i % 2 === 1 && i < closed;
    if (inside) {
      var ws = words(seg, M.maxWord);
      if (ws.length) pq.phrases.push(ws);
      ws.forEach(function (w) {
        if (!M.stopSet.has(w)) add({ text: w, alts: [{ words: [term(w)], weight: 1 }], exact: true });
      });
      last = -1;
      return;
    }
    var all = tokensOf(seg);
    var endsInStop = all.length > 0 && isStop(all[all.length - 1]);
    var toks = all.filter(function (t) { return !isStop(t); });
    last = -1;
    var j = 0;
    while (j < toks.length) {
      var syn = synonymAt(toks, j), len = syn ? syn.k : 1;
      var typed = toks.slice(j, j + len), alts = alternatives(typed, 1);
      // A synonym group is one word of the index (mirrors synonyms::concept_word).
      if (syn) syn.groups.forEach(function (gi) { alts.push({ words: [term('\u0001' + gi)], weight: M.synonym }); });
      // `typed`: as the reader wrote it ("DoLS", not "dols"), for messages.
      var clause = { text: tokenText(typed), typed: seg.slice(typed[0].start, typed[typed.length - 1].end), alts: alts, exact: false };
      last = add(clause);
      j += len;
    }
    if (endsInStop) last = -1;
  });
  if (endsInWord && last >= 0 && last === pq.clauses.length - 1) {
    pq.clauses[last].alts.forEach(function (a) {
      if (a.weight !== 1 || !a.words.length) return;
      var w = a.words[a.words.length - 1];
      if (chars(w.word) >= M.prefixMin) w.prefix = true;
    });
  }
  return pq;
}
