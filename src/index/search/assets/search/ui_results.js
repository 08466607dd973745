// The results: a search run and drawn, page by page, with their excerpts; and the status line
// that says what was found.

async function run() {
  var my = ++ui.seq;
  ui.app.setAttribute('aria-busy', 'true');
  var res;
  try { res = await search(ui.state); } catch (e) {
    ui.status.textContent = 'Search is not available: ' + e.message;
    ui.app.removeAttribute('aria-busy');
    return;
  }
  if (my !== ui.seq) return;
  ui.current = res; ui.shown = 0; ui.verified = res.pq.phrases.length ? [] : null;
  res.cursor = 0;
  ui.resultsEl.innerHTML = '';
  renderFacets(res);
  renderChips();
  ui.sortSel.value = res.sort;
  await more(my, true);
  if (my !== ui.seq) return;
  ui.app.removeAttribute('aria-busy');
  var shownState = stateUrl(ui.state).split('?')[1] || '';
  // The results are on screen; the filters follow when they are shown (for the benchmark).
  ui.app.setAttribute('data-ls-results', shownState);
  if (!res.counts && !ui.facetsEl.hidden) await showFacets(res, my);
  if (my !== ui.seq) return;
  // What was last shown, complete (for tests and anyone scripting the page).
  ui.app.setAttribute('data-ls-done', shownState);
}

// Load the facets (once), count the results by them and show the filters.
function showFacets(res, my) {
  ui.facetsEl.setAttribute('aria-busy', 'true');
  return loadFacets().then(function () {
    if (my !== ui.seq || ui.current !== res) return;
    if (!res.counts) res.counts = applyFilters(ui.state, res).counts;
    renderFacets(res);
  }, function (e) {
    ui.facetsEl.textContent = 'Filters are not available: ' + e.message;
  }).then(function () { ui.facetsEl.removeAttribute('aria-busy'); });
}

async function more(my, first) {
  var res = ui.current, pq = res.pq, hlSet = new Set(res.hl);
  pq.phrases.forEach(function (p) { p.forEach(function (w) { if (!M.stopSet.has(w)) hlSet.add(w); }); });
  var target = ui.shown + PAGE, items = [];
  while (ui.shown < target && res.cursor < res.ids.length) {
    var batch = res.ids.slice(res.cursor, res.cursor + (target - ui.shown));
    res.cursor += batch.length;
    // Texts are loaded here only to check phrases; otherwise when a result comes into view.
    var loaded = await Promise.all(batch.map(async function (d) {
      var rec = await record(d), text = null;
      if (ui.verified) { try { text = await docText(d); } catch (e) { text = ''; } }
      return { d: d, rec: rec, text: text };
    }));
    if (my !== ui.seq) return;
    loaded.forEach(function (x) {
      if (ui.verified) {
        var toks = words(x.rec[0], M.maxWord).concat(words(x.text, M.maxWord));
        if (!pq.phrases.every(function (p) { return labelPhrase(x.rec, p) || hasPhrase(toks, p); })) return;
        ui.verified.push(x.d);
      }
      items.push(x); ui.shown++;
    });
  }
  var firstNew = null;
  items.forEach(function (x) {
    // Where the documents with only some of the words begin, say so.
    if (!res.isFull(x.d) && !ui.resultsEl.querySelector('.ls-partial')) {
      var note = document.createElement('li');
      note.className = 'ls-partial';
      note.textContent = res.full ? 'These results contain some of your words:' : 'No document contains all your words. These contain some of them:';
      ui.resultsEl.append(note);
    }
    var li = renderResult(x, hlSet);
    ui.resultsEl.append(li);
    if (!firstNew) firstNew = li;
    if (x.text !== null) fillExcerpt(li, x.text, hlSet);
    else if (ui.observer) { li._ls = { d: x.d, hl: hlSet, run: my }; ui.observer.observe(li); }
    else loadExcerpt(li, x.d, hlSet, my);
  });
  ui.moreBtn.hidden = res.cursor >= res.ids.length;
  if (first) setStatus(res);
  else if (firstNew) firstNew.querySelector('a').focus();
  if (ui.verified && res.cursor >= res.ids.length) {
    res.ids = ui.verified.slice();
    ui.status.textContent = plural(res.ids.length, 'result', 'results') + ' with the exact phrase' + (describe() ? ' ' + describe() : '') + '.';
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
  if (ui.current.hl.length && ui.current.pq.clauses.length) {
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

function loadExcerpt(li, d, hlSet, my) {
  li.setAttribute('data-ls-excerpt', 'loading');
  docText(d).then(function (text) {
    if (my === ui.seq) fillExcerpt(li, text, hlSet);
  }, function () { li.setAttribute('data-ls-excerpt', 'none'); });
}

function fillExcerpt(li, text, hlSet) {
  var p = li.querySelector('.ls-result__excerpt');
  if (p) p.innerHTML = text ? excerpt(text, hlSet) : '';
  li.setAttribute('data-ls-excerpt', 'done');
}

function describe() {
  var parts = [];
  if (ui.state.q.trim()) parts.push('for \u2018' + ui.state.q.trim() + '\u2019');
  var nf = 0;
  Object.keys(ui.state.filters).forEach(function (k) { nf += ui.state.filters[k].length; });
  if (ui.state.from || ui.state.to) nf++;
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
  } else if (ui.verified) {
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
  ui.status.textContent = msg;
  ui.noteEl.innerHTML = '';
  if (!total && res.relax.length) {
    var p = document.createElement('p');
    p.append('Remove a filter to see results: ');
    res.relax.forEach(function (r, i) {
      var f = F.facets.find(function (x) { return x.id === r[0]; });
      var b = document.createElement('button');
      b.type = 'button'; b.className = 'ls-link';
      var names = r[0] === 'year' ? [yearLabel()] : (ui.state.filters[r[0]] || []).filter(function (s) { return f.index[s] !== undefined; }).map(function (s) { return f.values[f.index[s]][1]; });
      b.textContent = 'remove ' + f.label + ': ' + names.join(', ') + ' (' + plural(r[1], 'result', 'results') + ')';
      b.addEventListener('click', function () { clearFacet(r[0]); });
      if (i) p.append('; ');
      p.append(b);
    });
    ui.noteEl.append(p);
  }
}

function yearLabel() {
  return ui.state.from && ui.state.to ? ui.state.from + ' to ' + ui.state.to : ui.state.from ? 'from ' + ui.state.from : 'up to ' + ui.state.to;
}
