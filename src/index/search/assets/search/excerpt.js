// Excerpts and highlighting of the words found.

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
