// Relevance scoring in JavaScript, the same definitions as src/index/search/relevance.rs
// (doc_key, score, Report): used by tests/browser/relevance.test.mjs (learnsite's client) and
// bench/relevance.mjs (learnsite's client and Pagefind on the same pages).

export const CUTOFF = 10;
export const PRECISION_AT = 5;

/// Key of a result URL: board site `reviews/adult-d` (home page `index`); region
/// `fellhaven/reviews/adult-f` (second label of the board site's host, then the path).
export function docKey(site, url, origin = '') {
  let host = '', path = url;
  const m = /^[a-z]+:\/\/([^/]*)\/?(.*)$/i.exec(url);
  if (m) { host = m[1]; path = m[2]; }
  if (origin && url.startsWith(origin)) { host = ''; path = url.slice(origin.length).replace(/^\//, ''); }
  path = path.split(/[?#]/)[0].replace(/index\.html$/, '').replace(/^\/+|\/+$/g, '') || 'index';
  if (site === 'board') return path;
  return (host.split('.')[1] || host) + '/' + path;
}

/// Metrics of one ranking (keys, best first) against judgments [{key, grade}]; null when
/// nothing is required.
export function score(ranking, judged) {
  const required = judged.filter((j) => j.grade >= 2).length;
  if (!required) return null;
  const grade = (k) => (judged.find((j) => j.key === k) || { grade: 0 }).grade;
  const top = ranking.slice(0, CUTOFF);
  const found = top.filter((k) => grade(k) >= 2).length;
  const first = top.findIndex((k) => grade(k) > 0);
  const dcg = top.reduce((a, k, i) => a + grade(k) / Math.log2(i + 2), 0);
  const ideal = judged.map((j) => j.grade).sort((a, b) => b - a).slice(0, CUTOFF);
  const idcg = ideal.reduce((a, g, i) => a + g / Math.log2(i + 2), 0);
  const hits5 = ranking.slice(0, PRECISION_AT).filter((k) => grade(k) > 0).length;
  return {
    recall: found / required,
    rr: first < 0 ? 0 : 1 / (first + 1),
    ndcg: idcg > 0 ? dcg / idcg : 0,
    precision: hits5 / Math.min(PRECISION_AT, judged.length),
  };
}

/// Averages per kind of query and over all.
export class Report {
  constructor() { this.kinds = new Map(); this.all = this.blank(); this.misses = []; }
  blank() { return { n: 0, recall: 0, rr: 0, ndcg: 0, precision: 0 }; }
  add(kind, q, m, ranking) {
    if (!this.kinds.has(kind)) this.kinds.set(kind, this.blank());
    for (const acc of [this.kinds.get(kind), this.all]) {
      acc.n++;
      for (const k of ['recall', 'rr', 'ndcg', 'precision']) acc[k] += (m[k] - acc[k]) / acc.n;
    }
    if (m.recall < 1 || m.rr < 1) this.misses.push({ q, m, top: ranking.slice(0, CUTOFF) });
  }
  table(title) {
    const row = (name, a) => `  ${name.padEnd(12)} ${String(a.n).padStart(7)} ${a.recall.toFixed(2).padStart(9)} ${a.rr.toFixed(2).padStart(6)} ${a.ndcg.toFixed(2).padStart(8)} ${a.precision.toFixed(2).padStart(6)}`;
    const lines = [title, `  ${'kind'.padEnd(12)} ${'queries'.padStart(7)} ${'recall@10'.padStart(9)} ${'MRR'.padStart(6)} ${'nDCG@10'.padStart(8)} ${'P@5'.padStart(6)}`];
    for (const k of [...this.kinds.keys()].sort()) lines.push(row(k, this.kinds.get(k)));
    lines.push(row('all', this.all));
    return lines.join('\n');
  }
}

/// learnsite's search page in `page` (already on SEARCH_URL's origin): the first page of
/// result links for `q`, as keys. Waits until the page has finished showing that query.
export async function learnsiteRanking(page, searchUrl, site, q, origin) {
  await page.goto(`${searchUrl}?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => {
    const app = document.querySelector('[data-ls-search]');
    return app && app.getAttribute('data-ls-done') !== null && app.getAttribute('aria-busy') !== 'true';
  }, null, { timeout: 20000 });
  const hrefs = await page.$$eval('.ls-result__title a', (as) => as.map((a) => a.href));
  return hrefs.map((h) => docKey(site, h, site === 'board' ? origin : ''));
}
