// Decoding the index files' compact encodings (written by src/index/search/encode.rs,
// postings.rs and facets.rs).

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
