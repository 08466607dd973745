// Text analysis: the words of a text and of a query, folded as the index folds them (mirrors
// src/index/search/text.rs).

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

var HYPHENS = /^[-\u2010\u2011]$/;
// Words joined by one hyphen form one token: [{parts: [...]}] (mirrors text::tokens).
// Each token keeps where it was typed (start, end), for messages in the reader's own letters.
function tokensOf(text) {
  var out = [], prevEnd = -1;
  tokens(text, M.maxWord).forEach(function (t) {
    var joined = prevEnd >= 0 && HYPHENS.test(text.slice(prevEnd, t.start));
    if (joined && out.length) { out[out.length - 1].parts.push(t.w); out[out.length - 1].end = t.end; }
    else out.push({ parts: [t.w], start: t.start, end: t.end });
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
