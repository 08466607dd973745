// The filter panel (each facet's values with their counts, the years) and the chips of the
// filters chosen, each with a button that removes it.

function renderChips() {
  ui.chipsEl.innerHTML = '';
  var any = false;
  F.facets.forEach(function (f) {
    (ui.state.filters[f.id] || []).forEach(function (slug) {
      if (f.index[slug] === undefined) return;
      any = true;
      chip(f.label + ': ' + f.values[f.index[slug]][1], function () {
        ui.state.filters[f.id] = ui.state.filters[f.id].filter(function (s) { return s !== slug; });
        if (!ui.state.filters[f.id].length) delete ui.state.filters[f.id];
      });
    });
  });
  if (ui.state.from || ui.state.to) { any = true; chip('Year: ' + yearLabel(), function () { ui.state.from = ''; ui.state.to = ''; }); }
  if (any) {
    var li = document.createElement('li'), b = document.createElement('button');
    b.type = 'button'; b.className = 'ls-link'; b.textContent = 'Clear all filters';
    b.addEventListener('click', function () { ui.state.filters = {}; ui.state.from = ''; ui.state.to = ''; changed(true, ui.input); });
    li.append(b); ui.chipsEl.append(li);
  }
  ui.chipsEl.hidden = !any;
  if (ui.filterCount) {
    var n = 0;
    Object.keys(ui.state.filters).forEach(function (k) { n += ui.state.filters[k].length; });
    if (ui.state.from || ui.state.to) n++;
    ui.filterCount.textContent = n ? ' (' + n + ' selected)' : '';
  }
}

function chip(text, remove) {
  var li = document.createElement('li'), b = document.createElement('button');
  b.type = 'button'; b.className = 'ls-chip';
  b.setAttribute('aria-label', 'Remove filter ' + text);
  b.innerHTML = esc(text) + ' <span aria-hidden="true">\u00d7</span>';
  b.addEventListener('click', function () { remove(); changed(true, ui.input); });
  li.append(b); ui.chipsEl.append(li);
}

function clearFacet(id) {
  if (id === 'year') { ui.state.from = ''; ui.state.to = ''; } else delete ui.state.filters[id];
  changed(true, ui.input);
}

function renderFacets(res) {
  var focusId = document.activeElement && ui.facetsEl.contains(document.activeElement) ? document.activeElement.id : null;
  ui.facetsEl.querySelectorAll('details').forEach(function (d) { ui.openFacets[d.dataset.facet] = d.open; });
  ui.facetsEl.innerHTML = '';
  if (!res.counts) {
    var wait = document.createElement('p'); wait.className = 'ls-facets__wait'; wait.textContent = 'Loading the filters\u2026';
    ui.facetsEl.append(wait);
    return;
  }
  F.facets.forEach(function (f, fi) {
    var counts = res.counts[fi], selected = new Set(ui.state.filters[f.id] || []);
    var vals = f.values.map(function (v, i) { return { slug: v[0], label: v[1], n: counts[i] }; })
      .filter(function (v) { return v.n > 0 || selected.has(v.slug); });
    if (!vals.length && !(f.id === 'year' && (ui.state.from || ui.state.to))) return;
    var det = document.createElement('details');
    det.className = 'ls-facet'; det.dataset.facet = f.id;
    var narrow = window.matchMedia && window.matchMedia('(max-width: 40rem)').matches;
    det.open = ui.openFacets[f.id] !== undefined ? ui.openFacets[f.id] :
      (selected.size > 0 || (!narrow && fi < 3) || (f.id === 'year' && !!(ui.state.from || ui.state.to)));
    var sum = document.createElement('summary');
    sum.textContent = f.label + (selected.size ? ' (' + selected.size + ' selected)' : '');
    det.append(sum);
    if (f.id === 'year') {
      det.append(yearControls(f, counts));
      ui.facetsEl.append(det);
      return;
    }
    var fs = document.createElement('fieldset');
    var lg = document.createElement('legend'); lg.className = 'ls-visually-hidden'; lg.textContent = f.label;
    fs.append(lg);
    vals.sort(function (a, b) {
      return (selected.has(b.slug) - selected.has(a.slug)) || (b.n - a.n) || a.label.localeCompare(b.label);
    });
    var limit = ui.expanded[f.id] ? vals.length : 8;
    vals.forEach(function (v, i) {
      if (i >= limit && !selected.has(v.slug)) return;
      var id = 'ls-f-' + f.id + '-' + v.slug;
      var wrap = document.createElement('div'); wrap.className = 'ls-check';
      var cb = document.createElement('input'); cb.type = 'checkbox'; cb.id = id; cb.checked = selected.has(v.slug);
      var lab = document.createElement('label'); lab.htmlFor = id;
      lab.innerHTML = esc(v.label) + ' <span class="ls-count">(' + v.n.toLocaleString('en-GB') + ')</span>';
      cb.addEventListener('change', function () {
        var cur = ui.state.filters[f.id] || [];
        cur = cb.checked ? cur.concat([v.slug]) : cur.filter(function (s) { return s !== v.slug; });
        if (cur.length) ui.state.filters[f.id] = cur; else delete ui.state.filters[f.id];
        changed(true, cb);
      });
      wrap.append(cb, lab); fs.append(wrap);
    });
    if (vals.length > limit) {
      var b = document.createElement('button'); b.type = 'button'; b.className = 'ls-link';
      b.id = 'ls-all-' + f.id;
      b.textContent = 'Show all ' + vals.length + ' ' + f.label.toLowerCase() + ' options';
      b.addEventListener('click', function () { ui.expanded[f.id] = true; renderFacets(ui.current); });
      fs.append(b);
    }
    det.append(fs);
    ui.facetsEl.append(det);
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
    s.value = ui.state[p[0]] || '';
    s.addEventListener('change', function () { ui.state[p[0]] = s.value; changed(true, s); });
    var w = document.createElement('div'); w.append(lab, s); div.append(w);
  });
  return div;
}

function changed(push) {
  commit(ui.state, push);
  run();
}
