// The index in the browser: the manifest, the facets, term and spelling chunks, records and
// texts, each loaded once, when first needed.

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

// The chunk that holds `w` if any does: the last whose first word (`keys`) is not after it.
function keyIndex(keys, w) {
  var lo = 0, hi = keys.length; // first index with key > w
  while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] <= w) lo = mid + 1; else hi = mid; }
  return Math.max(0, lo - 1);
}
// The chunks that may hold words beginning with `head`: the one it would be in and those after
// it whose first word begins with it, `most` at the most.
function chunksFrom(keys, head, most) {
  var i0 = keyIndex(keys, head), idx = [i0];
  while (idx.length < most && i0 + idx.length < keys.length && keys[i0 + idx.length].startsWith(head)) idx.push(i0 + idx.length);
  return idx;
}
function chunkFor(w) { return keyIndex(M.keys, w); }

// Resolution of one query word: its chunk, its posting list there and the words to highlight
// (every word of the index with the same stem).
async function lookup(word) {
  var c = await chunk(chunkFor(word));
  var li = c.map.get(word), hl = [];
  if (li === undefined) return null;
  if (word.charCodeAt(0) === 1) hl = conceptHighlights(word);
  else c.words.forEach(function (w, j) { if (c.refs[j] === li) hl.push(w); });
  return { c: c, li: li, hl: hl };
}
// A synonym group's words, to highlight what its word found (mirrors concept_highlights).
function conceptHighlights(word) {
  var out = [];
  (synonymGroups()[+word.slice(1)] || []).forEach(function (e) {
    e.toks.forEach(function (t) {
      t.parts.concat([joined(t)]).forEach(function (w) { if (out.indexOf(w) < 0) out.push(w); });
    });
  });
  return out;
}
// Every word of the index that begins with `prefix` (in the first few chunks that hold them).
async function withPrefix(prefix) {
  var cs = await Promise.all(chunksFrom(M.keys, prefix, M.prefixChunks).map(chunk)), out = [];
  cs.forEach(function (c) {
    c.words.forEach(function (w, j) {
      if (w.startsWith(prefix)) out.push({ w: w, c: c, li: c.refs[j] });
    });
  });
  return out;
}
async function spellChunk(i) {
  var s = await load('s' + i, 'spell/' + i + '.js');
  if (!s.words) s.words = s.w ? s.w.split(' ') : [];
  return s;
}

// A result's record ([title, url, date, [values per facet]]) and its text (for its excerpt).
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
