/* learnsite search client. No framework, no outside requests: every index file is a script
 * in this folder that calls back one of the window.__ls_* functions below, so the search also
 * works when the site is opened from disk (file://). The query logic mirrors
 * src/index/search/query.rs; keep them in step. */
(function () {
  'use strict';

  var script = document.currentScript;
  var BASE = new URL('.', script ? script.src : location.href); // .../search/
  var ROOT = new URL('..', BASE); // the site root

  // ---------------------------------------------------------------- loading index files
  var slots = {};
  function slot(key) {
    if (!slots[key]) {
      var s = { done: false };
      s.promise = new Promise(function (res, rej) { s.resolve = res; s.reject = rej; });
      slots[key] = s;
    }
    return slots[key];
  }
  function settle(key, value) {
    var s = slot(key);
    if (!s.done) { s.done = true; s.resolve(value); }
  }
  var version = '';
  function load(key, path) {
    var s = slot(key);
    if (!s.requested) {
      s.requested = true;
      var el = document.createElement('script');
      el.src = new URL(path + (version ? '?v=' + version : ''), BASE).href;
      el.async = true;
      el.onerror = function () {
        if (!s.done) { s.done = true; s.reject(new Error('Could not load ' + path)); }
      };
      document.head.appendChild(el);
    }
    return s.promise;
  }
  window.__ls_m = function (m) { settle('m', m); };
  window.__ls_f = function (id, f) { settle('f' + id, f); };
  window.__ls_t = function (i, c) { settle('t' + i, c); };
  window.__ls_r = function (i, r) { settle('r' + i, r); };
  window.__ls_x = function (i, s) { settle('x' + i, s); };
  window.__ls_s = function (i, w, d) { settle('s' + i, { w: w, d: d }); };

  // ---------------------------------------------------------------- text analysis
  var segmenter = (typeof Intl !== 'undefined' && Intl.Segmenter) ?
    new Intl.Segmenter('en', { granularity: 'word' }) : null;

  function fold(w) {
    return w.normalize('NFKD').replace(/\p{M}/gu, '')
      .replace(/[\u2018\u2019\u02BC]/g, "'").toLowerCase().replace(/^'+|'+$/g, '');
  }
  // Words of a text with their offsets: [{w, start, end}] (w folded).
  function tokens(text, maxWord) {
    var out = [];
    maxWord = maxWord || 32;
    function add(raw, start) {
      var f = fold(raw);
      if (f && Array.from(f).length <= maxWord) out.push({ w: f, start: start, end: start + raw.length });
    }
    if (segmenter) {
      for (var s of segmenter.segment(text)) if (s.isWordLike) add(s.segment, s.index);
    } else {
      var re = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'\u2019]*/gu, m;
      while ((m = re.exec(text))) add(m[0], m.index);
    }
    return out;
  }
  function words(text, maxWord) { return tokens(text, maxWord).map(function (t) { return t.w; }); }

  // ---------------------------------------------------------------- decoding
  var ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var VAL = {};
  for (var i = 0; i < 64; i++) VAL[ALPHA.charCodeAt(i)] = i;
  function Reader(s) { this.s = s; this.pos = 0; }
  Reader.prototype.ch = function () { return VAL[this.s.charCodeAt(this.pos++)]; };
  Reader.prototype.varint = function () {
    var v = 0, mul = 1, c;
    do { c = this.ch(); v += (c & 31) * mul; mul *= 32; } while (c & 32);
    return v;
  };
  function BitReader(s) { this.s = s; this.bit = 0; }
  BitReader.prototype.read = function (bits) {
    var v = 0;
    for (var i = 0; i < bits; i++) {
      var c = VAL[this.s.charCodeAt((this.bit / 6) | 0)];
      v = v * 2 + ((c >> (5 - (this.bit % 6))) & 1);
      this.bit++;
    }
    return v;
  };
  function postingCount(s) { return Math.floor(new Reader(s).varint() / 2); }
  // Mirrors decode_postings() in files.rs: count and mode, impact range, ids, 4-bit impacts.
  function dequantise(lo, hi, step) {
    var span = hi - lo;
    return span <= 15 ? lo + step : lo + Math.floor((step * span + 7) / 15);
  }
  function decodePostings(s) {
    var r = new Reader(s), head = r.varint(), n = Math.floor(head / 2);
    var lo = r.ch(), hi = lo + r.ch();
    var ids = new Uint32Array(n), imp = new Uint8Array(n), k = 0;
    if (!(head & 1)) {
      var prev = -1;
      for (var j = 0; j < n; j++) { prev = prev + 1 + r.varint(); ids[j] = prev; }
    } else {
      var nchars = r.varint(), start = r.pos;
      for (var c = 0; c < nchars; c++) {
        var v = VAL[s.charCodeAt(start + c)];
        for (var b = 0; b < 6; b++) if (v & (32 >> b)) ids[k++] = c * 6 + b;
      }
      r.pos = start + nchars;
    }
    var br = new BitReader(s); br.bit = r.pos * 6;
    for (var q = 0; q < n; q++) imp[q] = dequantise(lo, hi, br.read(4));
    return { ids: ids, imp: imp };
  }
  // Each document's values of facet `f` (from its file, facets/ID.js: `fd`), as f.docs.
  function decodeFacet(f, fd, n) {
    var br = new BitReader(fd.d), nv = f.values.length, vals = new Array(n), binom = null, rankBits = null;
    if (fd.enc === 'c') {
      var maxk = Math.min((1 << fd.cbits) - 1, nv);
      binom = [];
      for (var a = 0; a <= nv; a++) {
        binom.push(new Array(maxk + 1).fill(0)); binom[a][0] = 1;
        for (var b = 1; b <= Math.min(maxk, a); b++) binom[a][b] = binom[a - 1][b - 1] + (b <= a - 1 ? binom[a - 1][b] : 0);
      }
      rankBits = [];
      for (var kq = 0; kq <= maxk; kq++) { var cc = binom[nv][kq] - 1, nb = 0; while (cc >= 1) { nb++; cc = Math.floor(cc / 2); } rankBits.push(nb); }
    }
    for (var d = 0; d < n; d++) {
      var list = [];
      if (fd.enc === 'f') { var x = br.read(fd.bits); if (x) list.push(x - 1); }
      else if (fd.enc === 'm') { for (var v = 0; v < nv; v++) if (br.read(1)) list.push(v); }
      else if (fd.enc === 'l') { var cnt = br.read(fd.cbits); for (var k = 0; k < cnt; k++) list.push(br.read(fd.bits)); }
      else { // 'c': count, then the rank of the subset in the combinatorial number system
        var kk = br.read(fd.cbits), rank = br.read(rankBits[kk]);
        for (var i = kk; i >= 1; i--) {
          var x = nv - 1;
          while (binom[x][i] > rank) x--;
          rank -= binom[x][i];
          list.push(x);
        }
        list.reverse();
      }
      vals[d] = list;
    }
    f.docs = vals;
  }
  async function inflate(b64) {
    var bin = atob(b64), u = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
    var stream = new Blob([u]).stream().pipeThrough(new DecompressionStream('deflate'));
    return await new Response(stream).text();
  }

  // ---------------------------------------------------------------- index access
  // M: the manifest. F.facets: the facets and their values (from the manifest); each
  // document's values of a facet (f.docs) arrive with its file, loaded when a search filters by
  // it or the filter panel shows its counts (all loaded: F.loaded), so a first query does not
  // wait for them.
  var M = null, F = null, readyP = null;
  function ready() {
    if (!readyP) {
      readyP = load('m', 'manifest.js').then(function (m) {
        version = m.v;
        m.stopSet = new Set(m.stop);
        F = { facets: m.facets || [], loaded: false };
        F.facets.forEach(function (f) {
          f.index = {};
          f.values.forEach(function (v, i) { f.index[v[0]] = i; });
        });
        M = m;
      });
    }
    return readyP;
  }
  // Load the files of the facets `ids` (all of them when none are named).
  async function loadFacets(ids) {
    await ready();
    await Promise.all(F.facets.map(function (f) {
      if (f.docs || (ids && ids.indexOf(f.id) < 0)) return null;
      if (!f.values.length) { f.docs = new Array(M.n).fill([]); return null; }
      return load('f' + f.id, 'facets/' + f.id + '.js').then(function (fd) { if (!f.docs) decodeFacet(f, fd, M.n); });
    }));
    F.loaded = F.facets.every(function (f) { return f.docs; });
  }
  // The facets a search filters by.
  function filtering(state) {
    var ids = Object.keys(state.filters).filter(function (k) { return state.filters[k].length; });
    if (state.from || state.to) ids.push('year');
    return ids;
  }
  async function chunk(i) {
    var c = await load('t' + i, 'terms/' + i + '.js');
    if (!c.words) {
      c.words = c.w ? c.w.split(' ') : [];
      var r = new Reader(c.s);
      c.refs = c.words.map(function () { return r.varint(); });
      c.map = new Map();
      c.words.forEach(function (w, j) { c.map.set(w, c.refs[j]); });
      c.dec = [];
    }
    return c;
  }
  function plist(c, li) { return c.dec[li] || (c.dec[li] = decodePostings(c.p[li])); }
  function chunkFor(w) {
    var keys = M.keys, lo = 0, hi = keys.length; // first index with key > w
    while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] <= w) lo = mid + 1; else hi = mid; }
    return Math.max(0, lo - 1);
  }

  // ---------------------------------------------------------------- query (mirrors query.rs)
  var HYPHENS = /^[-\u2010\u2011]$/;
  // Words joined by one hyphen form one token: [{parts: [...]}] (mirrors text::tokens).
  function tokensOf(text) {
    var out = [], prevEnd = -1;
    tokens(text, M.maxWord).forEach(function (t) {
      var joined = prevEnd >= 0 && HYPHENS.test(text.slice(prevEnd, t.start));
      if (joined && out.length) out[out.length - 1].parts.push(t.w);
      else out.push({ parts: [t.w] });
      prevEnd = t.end;
    });
    return out;
  }
  function joined(t) { return t.parts.join(''); }
  function isStop(t) { return t.parts.length === 1 && M.stopSet.has(t.parts[0]); }
  function chars(s) { return Array.from(s).length; }
  // First max(5, length - 3) letters of a word of 5 letters or more (mirrors text::root).
  function root(w) {
    var cs = Array.from(w);
    if (cs.length < M.relatedMin || !/^\p{Alphabetic}+$/u.test(w)) return null;
    return cs.slice(0, Math.max(M.relatedMin, cs.length - 3)).join('');
  }
  // One letter added, dropped, changed, or two neighbours swapped (mirrors text::one_edit).
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var la = a.length, lb = b.length, i = 0;
    while (i < Math.min(la, lb) && a[i] === b[i]) i++;
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  // The synonym list: groups of entries, each entry its tokens (mirrors synonyms::groups).
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
        var clause = { text: tokenText(typed), alts: alts, exact: false };
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

  // Resolution of one query word: [{p: postings, w: weight, key}] and the words to highlight.
  async function lookup(word) {
    var c = await chunk(chunkFor(word));
    var li = c.map.get(word), hl = [];
    if (li === undefined) return null;
    c.words.forEach(function (w, j) { if (c.refs[j] === li) hl.push(w); });
    return { c: c, li: li, hl: hl };
  }
  async function withPrefix(prefix) {
    var i0 = chunkFor(prefix), i1 = i0;
    while (i1 + 1 < M.keys.length && M.keys[i1 + 1].startsWith(prefix) && i1 + 1 < i0 + M.prefixChunks) i1++;
    var idx = [];
    for (var k = i0; k <= i1; k++) idx.push(k);
    var cs = await Promise.all(idx.map(chunk)), out = [];
    cs.forEach(function (c) {
      c.words.forEach(function (w, j) {
        if (w.startsWith(prefix)) out.push({ w: w, c: c, li: c.refs[j] });
      });
    });
    return out;
  }
  function spellFor(w) {
    var keys = M.spellKeys, lo = 0, hi = keys.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] <= w) lo = mid + 1; else hi = mid; }
    return Math.max(0, lo - 1);
  }
  async function spellChunk(i) {
    var s = await load('s' + i, 'spell/' + i + '.js');
    if (!s.words) s.words = s.w ? s.w.split(' ') : [];
    return s;
  }
  async function typos(word) {
    if (chars(word) < M.relatedMin || !/^\p{Alphabetic}+$/u.test(word)) return [];
    var head = Array.from(word).slice(0, 2).join('');
    var i0 = spellFor(head), i1 = i0;
    while (i1 + 1 < M.spellKeys.length && M.spellKeys[i1 + 1].startsWith(head) && i1 + 1 < i0 + M.spellChunks) i1++;
    var idx = [];
    for (var k = i0; k <= i1; k++) idx.push(k);
    var ss = await Promise.all(idx.map(spellChunk)), cands = [];
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

  var FACETS_IN_URL = ['kind', 'review_type', 'theme', 'abuse_type', 'methodology', 'board', 'age_band', 'sex', 'ethnicity',
    'disability', 'care_needs', 'relationship'];

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
        if (cs.every(function (v) { return v === 0; })) { res.unmatched.push(pq.clauses[ci].text); continue; }
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

  async function record(d) {
    var recs = await load('r' + Math.floor(d / M.rpf), 'records/' + Math.floor(d / M.rpf) + '.js');
    return recs[d % M.rpf];
  }
  var textCache = {};
  function docText(d) {
    if (!textCache[d]) {
      var k = Math.floor(d / M.tpf);
      textCache[d] = load('x' + k, 'text/' + k + '.js').then(function (texts) { return inflate(texts[d % M.tpf]); });
    }
    return textCache[d];
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

  // ---------------------------------------------------------------- excerpts and highlighting
  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  // Mark the words of `text` whose folded form is in `set`; returns HTML.
  function markHtml(text, toks, set) {
    var out = '', pos = 0;
    toks.forEach(function (t) {
      if (set.has(t.w)) {
        out += esc(text.slice(pos, t.start)) + '<mark>' + esc(text.slice(t.start, t.end)) + '</mark>';
        pos = t.end;
      }
    });
    return out + esc(text.slice(pos));
  }
  var EXCERPT_WORDS = 32;
  function excerpt(text, set) {
    var toks = tokens(text, M.maxWord);
    if (!toks.length) return '';
    var bestStart = 0, bestScore = -1;
    if (set.size) {
      for (var i = 0; i < toks.length; i++) {
        if (!set.has(toks[i].w)) continue;
        var start = Math.max(0, i - 8), seen = new Set(), total = 0;
        for (var j = start; j < Math.min(toks.length, start + EXCERPT_WORDS); j++) {
          if (set.has(toks[j].w)) { seen.add(toks[j].w); total++; }
        }
        var sc = seen.size * 10 + total;
        if (sc > bestScore) { bestScore = sc; bestStart = start; }
        if (seen.size === set.size && total >= 3) break;
      }
    }
    var endTok = Math.min(toks.length, bestStart + EXCERPT_WORDS) - 1;
    var from = bestStart === 0 ? 0 : toks[bestStart].start, to = toks[endTok].end;
    var slice = text.slice(from, to).replace(/\s+/g, ' ');
    var html = markHtml(slice, tokens(slice, M.maxWord), set);
    return (from > 0 ? '… ' : '') + html + (to < text.length ? ' …' : '');
  }

  // ---------------------------------------------------------------- state and URL
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

  // ---------------------------------------------------------------- UI
  var PAGE = 10;
  function init() {
    var app = document.querySelector('[data-ls-search]');
    if (!app) return;
    var form = app.querySelector('.ls-search__form');
    var input = app.querySelector('#search-q');
    var status = app.querySelector('#ls-status');
    var chipsEl = app.querySelector('.ls-chips');
    var facetsEl = app.querySelector('.ls-facets');
    var resultsEl = app.querySelector('.ls-results');
    var moreBtn = app.querySelector('.ls-more');
    var sortSel = app.querySelector('#ls-sort');
    var noteEl = app.querySelector('.ls-note');
    app.querySelectorAll('.ls-nojs').forEach(function (el) { el.hidden = true; });
    app.querySelectorAll('.ls-app').forEach(function (el) { el.hidden = false; });
    var filterBtn = app.querySelector('.ls-filter-toggle');
    var filterCount = app.querySelector('.ls-filter-count');
    var filtersOpen = false;
    // On a narrow screen the filters wait behind a "Filter" button so the results come first
    // (the GOV.UK disclosure pattern: the button says whether they are open). On a wide screen,
    // or when the button is missing from the page, they are always shown.
    var narrowMq = window.matchMedia ? window.matchMedia('(max-width: 40rem)') : null;
    function fitFilters() {
      if (!filterBtn) return;
      var narrow = !!(narrowMq && narrowMq.matches);
      filterBtn.hidden = !narrow;
      app.classList.toggle('ls-narrow', narrow);
      filterBtn.setAttribute('aria-expanded', String(!narrow || filtersOpen));
      facetsEl.hidden = narrow && !filtersOpen;
      // The filters' counts need the facets file: it is loaded once the filters are shown.
      if (!facetsEl.hidden && current && !current.counts) showFacets(current, seq);
    }
    if (filterBtn) {
      filterBtn.addEventListener('click', function () { filtersOpen = !filtersOpen; fitFilters(); });
      if (narrowMq && narrowMq.addEventListener) narrowMq.addEventListener('change', fitFilters);
      else if (narrowMq && narrowMq.addListener) narrowMq.addListener(fitFilters);
      fitFilters();
    }

    var state = readState(), current = null, seq = 0, shown = 0, verified = null, openFacets = {}, expanded = {};
    input.value = state.q;

    async function run() {
      var my = ++seq;
      app.setAttribute('aria-busy', 'true');
      var res;
      try { res = await search(state); } catch (e) {
        status.textContent = 'Search is not available: ' + e.message;
        app.removeAttribute('aria-busy');
        return;
      }
      if (my !== seq) return;
      current = res; shown = 0; verified = res.pq.phrases.length ? [] : null;
      res.cursor = 0;
      resultsEl.innerHTML = '';
      renderFacets(res);
      renderChips();
      sortSel.value = res.sort;
      await more(my, true);
      if (my !== seq) return;
      app.removeAttribute('aria-busy');
      var shownState = stateUrl(state).split('?')[1] || '';
      // The results are on screen; the filters follow when they are shown (for the benchmark).
      app.setAttribute('data-ls-results', shownState);
      if (!res.counts && !facetsEl.hidden) await showFacets(res, my);
      if (my !== seq) return;
      // What was last shown, complete (for tests and anyone scripting the page).
      app.setAttribute('data-ls-done', shownState);
    }
    // Load the facets (once), count the results by them and show the filters.
    function showFacets(res, my) {
      facetsEl.setAttribute('aria-busy', 'true');
      return loadFacets().then(function () {
        if (my !== seq || current !== res) return;
        if (!res.counts) res.counts = applyFilters(state, res).counts;
        renderFacets(res);
      }, function (e) {
        facetsEl.textContent = 'Filters are not available: ' + e.message;
      }).then(function () { facetsEl.removeAttribute('aria-busy'); });
    }

    function describe() {
      var parts = [];
      if (state.q.trim()) parts.push('for \u2018' + state.q.trim() + '\u2019');
      var nf = 0;
      Object.keys(state.filters).forEach(function (k) { nf += state.filters[k].length; });
      if (state.from || state.to) nf++;
      if (nf) parts.push('with ' + nf + (nf === 1 ? ' filter' : ' filters'));
      return parts.join(' ');
    }
    function plural(n, one, many) { return n.toLocaleString('en-GB') + ' ' + (n === 1 ? one : many); }

    function setStatus(res) {
      var total = res.ids.length, msg, missing = '';
      if (res.unmatched.length) {
        missing = 'No document contains \u2018' + res.unmatched.join('\u2019, \u2018') + '\u2019' +
          (total ? ': showing results for the other words. ' : '. ');
      }
      if (!total && res.unmatched.length) {
        msg = 'No results: ' + missing.charAt(0).toLowerCase() + missing.slice(1).trim();
      } else if (!total) {
        msg = 'No results ' + describe() + '.';
      } else if (verified) {
        msg = plural(total, 'document contains', 'documents contain') + ' these words ' +
          '; showing those with the exact phrase.';
      } else if (res.full < total) {
        var d = describe() ? ' ' + describe() : '';
        msg = missing + (res.full ?
          plural(res.full, 'result', 'results') + d + (res.full === 1 ? ' contains' : ' contain') + ' all your words; ' +
            plural(total - res.full, 'more contains', 'more contain') + ' some of them.' :
          'No document contains all your words: ' + plural(total, 'result', 'results') + d +
            (total === 1 ? ' contains' : ' contain') + ' some of them, best first.');
      } else {
        msg = missing + plural(total, 'result', 'results') + (describe() ? ' ' + describe() : '') + '.';
      }
      // A misspelling that was read as a word the site holds: say which.
      if (total && res.typos.length) {
        msg = res.typos.map(function (t) {
          return 'No document contains \u2018' + t.word + '\u2019: showing results for \u2018' + t.as.join('\u2019 or \u2018') + '\u2019.';
        }).join(' ') + ' ' + msg;
      }
      status.textContent = msg;
      noteEl.innerHTML = '';
      if (!total && res.relax.length) {
        var p = document.createElement('p');
        p.append('Remove a filter to see results: ');
        res.relax.forEach(function (r, i) {
          var f = F.facets.find(function (x) { return x.id === r[0]; });
          var b = document.createElement('button');
          b.type = 'button'; b.className = 'ls-link';
          var names = r[0] === 'year' ? [yearLabel()] : (state.filters[r[0]] || []).filter(function (s) { return f.index[s] !== undefined; }).map(function (s) { return f.values[f.index[s]][1]; });
          b.textContent = 'remove ' + f.label + ': ' + names.join(', ') + ' (' + plural(r[1], 'result', 'results') + ')';
          b.addEventListener('click', function () { clearFacet(r[0]); });
          if (i) p.append('; ');
          p.append(b);
        });
        noteEl.append(p);
      }
    }
    function yearLabel() {
      return state.from && state.to ? state.from + ' to ' + state.to : state.from ? 'from ' + state.from : 'up to ' + state.to;
    }

    async function more(my, first) {
      var res = current, pq = res.pq, hlSet = new Set(res.hl);
      pq.phrases.forEach(function (p) { p.forEach(function (w) { if (!M.stopSet.has(w)) hlSet.add(w); }); });
      var target = shown + PAGE, items = [];
      while (shown < target && res.cursor < res.ids.length) {
        var batch = res.ids.slice(res.cursor, res.cursor + (target - shown));
        res.cursor += batch.length;
        // Texts are loaded here only to check phrases; otherwise when a result comes into view.
        var loaded = await Promise.all(batch.map(async function (d) {
          var rec = await record(d), text = null;
          if (verified) { try { text = await docText(d); } catch (e) { text = ''; } }
          return { d: d, rec: rec, text: text };
        }));
        if (my !== seq) return;
        loaded.forEach(function (x) {
          if (verified) {
            var toks = words(x.rec[0], M.maxWord).concat(words(x.text, M.maxWord));
            if (!pq.phrases.every(function (p) { return labelPhrase(x.rec, p) || hasPhrase(toks, p); })) return;
            verified.push(x.d);
          }
          items.push(x); shown++;
        });
      }
      var firstNew = null;
      items.forEach(function (x) {
        // Where the documents with only some of the words begin, say so.
        if (!res.isFull(x.d) && !resultsEl.querySelector('.ls-partial')) {
          var note = document.createElement('li');
          note.className = 'ls-partial';
          note.textContent = res.full ? 'These results contain some of your words:' : 'No document contains all your words. These contain some of them:';
          resultsEl.append(note);
        }
        var li = renderResult(x, hlSet);
        resultsEl.append(li);
        if (!firstNew) firstNew = li;
        if (x.text !== null) fillExcerpt(li, x.text, hlSet);
        else if (observer) { li._ls = { d: x.d, hl: hlSet, run: my }; observer.observe(li); }
        else loadExcerpt(li, x.d, hlSet, my);
      });
      moreBtn.hidden = res.cursor >= res.ids.length;
      if (first) setStatus(res);
      else if (firstNew) firstNew.querySelector('a').focus();
      if (verified && res.cursor >= res.ids.length) {
        res.ids = verified.slice();
        status.textContent = plural(res.ids.length, 'result', 'results') + ' with the exact phrase' + (describe() ? ' ' + describe() : '') + '.';
      }
    }

    function label(facetId, rec) {
      var fi = F.facets.findIndex(function (x) { return x.id === facetId; });
      return fi < 0 ? [] : recordValues(rec, fi).map(function (i) { return F.facets[fi].values[i][1]; });
    }
    function formatDate(s) {
      if (!s) return '';
      var p = s.split('-'), months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
      return p.length === 3 ? (+p[2]) + ' ' + months[+p[1] - 1] + ' ' + p[0] : s;
    }
    function renderResult(x, hlSet) {
      var li = document.createElement('li');
      li.className = 'ls-result';
      var href = new URL(x.rec[1], ROOT);
      if (current.hl.length && current.pq.clauses.length) {
        href.searchParams.set('highlight', Array.from(hlSet).slice(0, 20).join(' '));
      }
      var meta = [].concat(label('kind', x.rec), label('board', x.rec));
      if (x.rec[2]) meta.push(formatDate(x.rec[2]));
      var themes = label('theme', x.rec);
      li.innerHTML = '<h3 class="ls-result__title"><a href="' + esc(href.href) + '">' +
        markHtml(x.rec[0], tokens(x.rec[0], M.maxWord), hlSet) + '</a></h3>' +
        (meta.length ? '<p class="ls-result__meta">' + esc(meta.join(' \u00b7 ')) + '</p>' : '') +
        '<p class="ls-result__excerpt"></p>' +
        (themes.length ? '<ul class="ls-tags" aria-label="Themes">' + themes.map(function (t) { return '<li>' + markHtml(t, tokens(t, M.maxWord), hlSet) + '</li>'; }).join('') + '</ul>' : '');
      return li;
    }

    // Excerpts: each result's text is fetched when the result comes near the screen.
    var observer = ('IntersectionObserver' in window) ? new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting || !e.target._ls) return;
        var o = e.target._ls;
        observer.unobserve(e.target);
        e.target._ls = null;
        loadExcerpt(e.target, o.d, o.hl, o.run);
      });
    }, { rootMargin: '100px 0px' }) : null;
    function loadExcerpt(li, d, hlSet, my) {
      li.setAttribute('data-ls-excerpt', 'loading');
      docText(d).then(function (text) {
        if (my === seq) fillExcerpt(li, text, hlSet);
      }, function () { li.setAttribute('data-ls-excerpt', 'none'); });
    }
    function fillExcerpt(li, text, hlSet) {
      var p = li.querySelector('.ls-result__excerpt');
      if (p) p.innerHTML = text ? excerpt(text, hlSet) : '';
      li.setAttribute('data-ls-excerpt', 'done');
    }

    function renderChips() {
      chipsEl.innerHTML = '';
      var any = false;
      F.facets.forEach(function (f) {
        (state.filters[f.id] || []).forEach(function (slug) {
          if (f.index[slug] === undefined) return;
          any = true;
          chip(f.label + ': ' + f.values[f.index[slug]][1], function () {
            state.filters[f.id] = state.filters[f.id].filter(function (s) { return s !== slug; });
            if (!state.filters[f.id].length) delete state.filters[f.id];
          });
        });
      });
      if (state.from || state.to) { any = true; chip('Year: ' + yearLabel(), function () { state.from = ''; state.to = ''; }); }
      if (any) {
        var li = document.createElement('li'), b = document.createElement('button');
        b.type = 'button'; b.className = 'ls-link'; b.textContent = 'Clear all filters';
        b.addEventListener('click', function () { state.filters = {}; state.from = ''; state.to = ''; changed(true, input); });
        li.append(b); chipsEl.append(li);
      }
      chipsEl.hidden = !any;
      if (filterCount) {
        var n = 0;
        Object.keys(state.filters).forEach(function (k) { n += state.filters[k].length; });
        if (state.from || state.to) n++;
        filterCount.textContent = n ? ' (' + n + ' selected)' : '';
      }
    }
    function chip(text, remove) {
      var li = document.createElement('li'), b = document.createElement('button');
      b.type = 'button'; b.className = 'ls-chip';
      b.setAttribute('aria-label', 'Remove filter ' + text);
      b.innerHTML = esc(text) + ' <span aria-hidden="true">\u00d7</span>';
      b.addEventListener('click', function () { remove(); changed(true, input); });
      li.append(b); chipsEl.append(li);
    }
    function clearFacet(id) {
      if (id === 'year') { state.from = ''; state.to = ''; } else delete state.filters[id];
      changed(true, input);
    }

    function renderFacets(res) {
      var focusId = document.activeElement && facetsEl.contains(document.activeElement) ? document.activeElement.id : null;
      facetsEl.querySelectorAll('details').forEach(function (d) { openFacets[d.dataset.facet] = d.open; });
      facetsEl.innerHTML = '';
      if (!res.counts) {
        var wait = document.createElement('p'); wait.className = 'ls-facets__wait'; wait.textContent = 'Loading the filters\u2026';
        facetsEl.append(wait);
        return;
      }
      F.facets.forEach(function (f, fi) {
        var counts = res.counts[fi], selected = new Set(state.filters[f.id] || []);
        var vals = f.values.map(function (v, i) { return { slug: v[0], label: v[1], n: counts[i] }; })
          .filter(function (v) { return v.n > 0 || selected.has(v.slug); });
        if (!vals.length && !(f.id === 'year' && (state.from || state.to))) return;
        var det = document.createElement('details');
        det.className = 'ls-facet'; det.dataset.facet = f.id;
        var narrow = window.matchMedia && window.matchMedia('(max-width: 40rem)').matches;
        det.open = openFacets[f.id] !== undefined ? openFacets[f.id] :
          (selected.size > 0 || (!narrow && fi < 3) || (f.id === 'year' && !!(state.from || state.to)));
        var sum = document.createElement('summary');
        sum.textContent = f.label + (selected.size ? ' (' + selected.size + ' selected)' : '');
        det.append(sum);
        if (f.id === 'year') {
          det.append(yearControls(f, counts));
          facetsEl.append(det);
          return;
        }
        var fs = document.createElement('fieldset');
        var lg = document.createElement('legend'); lg.className = 'ls-visually-hidden'; lg.textContent = f.label;
        fs.append(lg);
        vals.sort(function (a, b) {
          return (selected.has(b.slug) - selected.has(a.slug)) || (b.n - a.n) || a.label.localeCompare(b.label);
        });
        var limit = expanded[f.id] ? vals.length : 8;
        vals.forEach(function (v, i) {
          if (i >= limit && !selected.has(v.slug)) return;
          var id = 'ls-f-' + f.id + '-' + v.slug;
          var wrap = document.createElement('div'); wrap.className = 'ls-check';
          var cb = document.createElement('input'); cb.type = 'checkbox'; cb.id = id; cb.checked = selected.has(v.slug);
          var lab = document.createElement('label'); lab.htmlFor = id;
          lab.innerHTML = esc(v.label) + ' <span class="ls-count">(' + v.n.toLocaleString('en-GB') + ')</span>';
          cb.addEventListener('change', function () {
            var cur = state.filters[f.id] || [];
            cur = cb.checked ? cur.concat([v.slug]) : cur.filter(function (s) { return s !== v.slug; });
            if (cur.length) state.filters[f.id] = cur; else delete state.filters[f.id];
            changed(true, cb);
          });
          wrap.append(cb, lab); fs.append(wrap);
        });
        if (vals.length > limit) {
          var b = document.createElement('button'); b.type = 'button'; b.className = 'ls-link';
          b.id = 'ls-all-' + f.id;
          b.textContent = 'Show all ' + vals.length + ' ' + f.label.toLowerCase() + ' options';
          b.addEventListener('click', function () { expanded[f.id] = true; renderFacets(current); });
          fs.append(b);
        }
        det.append(fs);
        facetsEl.append(det);
      });
      if (focusId) { var el = document.getElementById(focusId); if (el) el.focus(); }
    }
    function yearControls(f, counts) {
      var div = document.createElement('div'); div.className = 'ls-years';
      [['from', 'From'], ['to', 'To']].forEach(function (p) {
        var id = 'ls-year-' + p[0];
        var lab = document.createElement('label'); lab.htmlFor = id; lab.textContent = p[1];
        var s = document.createElement('select'); s.id = id;
        var any = document.createElement('option'); any.value = ''; any.textContent = 'Any year'; s.append(any);
        f.values.forEach(function (v, i) {
          var o = document.createElement('option'); o.value = v[0];
          o.textContent = v[1] + ' (' + counts[i] + ')';
          s.append(o);
        });
        s.value = state[p[0]] || '';
        s.addEventListener('change', function () { state[p[0]] = s.value; changed(true, s); });
        var w = document.createElement('div'); w.append(lab, s); div.append(w);
      });
      return div;
    }

    var typingTimer = null;
    function changed(push) {
      commit(state, push);
      run();
    }

    input.addEventListener('input', function () {
      state.q = input.value;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { commit(state, false); run(); }, 120);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(typingTimer);
      state.q = input.value;
      var before = location.search;
      commit(state, true);
      if (location.search === before || !current) run(); else run();
    });
    sortSel.addEventListener('change', function () { state.sort = sortSel.value; changed(true); });
    moreBtn.addEventListener('click', function () { more(seq, false); });
    window.addEventListener('popstate', function () {
      state = readState();
      input.value = state.q;
      run();
    });
    document.addEventListener('keydown', function (e) {
      var t = e.target, tag = t && t.tagName;
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !(tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable))) {
        e.preventDefault(); input.focus(); input.select();
        return;
      }
      var links = Array.from(resultsEl.querySelectorAll('.ls-result__title a'));
      if (!links.length) return;
      var at = links.indexOf(t);
      if (e.key === 'ArrowDown' && (t === input || at >= 0)) {
        e.preventDefault(); links[Math.min(links.length - 1, at + 1)].focus();
      } else if (e.key === 'ArrowUp' && at >= 0) {
        e.preventDefault(); if (at === 0) input.focus(); else links[at - 1].focus();
      } else if (e.key === 'Escape' && at >= 0) {
        e.preventDefault(); input.focus();
      }
    });
    run();
  }

  // Exposed for tests and the page-highlighting script.
  window.learnsiteSearch = { fold: fold, tokens: tokens, search: search, parseQuery: parseQuery, ready: ready, sameState: sameState };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
