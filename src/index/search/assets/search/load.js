// Loading the index files. Every index file is a script in this folder that calls back one of
// the window.__ls_* functions below, so the search also works when the site is opened from
// disk (file://): no fetch, no server, no outside request.

var script = document.currentScript;
var BASE = new URL('.', script ? script.src : location.href); // .../search/
var ROOT = new URL('..', BASE); // the site root

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
