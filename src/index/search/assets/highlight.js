/* learnsite: highlight the search words on a page opened from a search result
 * (`page.html?highlight=word1+word2`). Words are matched after the same folding as the
 * search index (case and diacritics), whole words only. No outside requests. */
(function () {
  'use strict';
  function run() {
    var q;
    try { q = new URLSearchParams(location.search).get('highlight'); } catch (e) { return; }
    if (!q) return;
    function fold(w) {
      return w.normalize('NFKD').replace(/\p{M}/gu, '')
        .replace(/[\u2018\u2019\u02BC]/g, "'").toLowerCase().replace(/^'+|'+$/g, '');
    }
    var want = new Set(q.split(/\s+/).map(fold).filter(Boolean).slice(0, 40));
    if (!want.size) return;
    var seg = (typeof Intl !== 'undefined' && Intl.Segmenter) ? new Intl.Segmenter('en', { granularity: 'word' }) : null;
    function spans(text) {
      var out = [];
      if (seg) {
        for (var s of seg.segment(text)) if (s.isWordLike && want.has(fold(s.segment))) out.push([s.index, s.index + s.segment.length]);
      } else {
        var re = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'\u2019]*/gu, m;
        while ((m = re.exec(text))) if (want.has(fold(m[0]))) out.push([m.index, m.index + m[0].length]);
      }
      return out;
    }
    var scope = document.querySelector('main') || document.body;
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        var p = n.parentNode;
        if (!n.nodeValue.trim() || !p) return NodeFilter.FILTER_REJECT;
        if (p.closest('script,style,textarea,noscript,mark,[data-ls-search],.ls-no-highlight')) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [], n;
    while ((n = walker.nextNode())) nodes.push(n);
    var first = null, count = 0;
    nodes.forEach(function (node) {
      var text = node.nodeValue, sp = spans(text);
      if (!sp.length) return;
      var frag = document.createDocumentFragment(), pos = 0;
      sp.forEach(function (s) {
        if (s[0] > pos) frag.append(text.slice(pos, s[0]));
        var m = document.createElement('mark');
        m.className = 'ls-highlight';
        m.textContent = text.slice(s[0], s[1]);
        frag.append(m);
        if (!first) first = m;
        count++;
        pos = s[1];
      });
      if (pos < text.length) frag.append(text.slice(pos));
      node.parentNode.replaceChild(frag, node);
    });
    if (!document.getElementById('ls-highlight-style')) {
      var st = document.createElement('style');
      st.id = 'ls-highlight-style';
      st.textContent = 'mark.ls-highlight{background:#fff7bf;color:#0b0c0c;box-shadow:0 -2px #fff7bf,0 2px #fff7bf}';
      document.head.append(st);
    }
    document.documentElement.setAttribute('data-ls-highlighted', String(count));
    if (first && !location.hash) first.scrollIntoView({ block: 'center' });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();
