// Relevance of learnsite's search (its client, in Chromium) and of Pagefind on the same pages,
// over the judged queries of tests/relevance/queries.yaml. Not a test: prints tables per kind of
// query (recall@10, MRR, nDCG@10, precision@5). Run through bench/relevance.sh.
//
// node bench/relevance.mjs RELEVANCE_JSON BOARD_SITE REGION_SITE OUT_DIR INDEX.json...
//  - RELEVANCE_JSON: written by `cargo run --example relevance -- ... --json FILE`;
//  - Pagefind indexes a copy of BOARD_SITE with `data-pagefind-body` on <main> (so it sees what
//    learnsite's index sees: the page's content, not its header and footer), and, for the
//    region, one page per record of the INDEX.json files (title, summary, board, type, review
//    type, themes, methodology, abuse types and recommendations: what a record holds), since
//    a regional site has no page of its own per record. Rankings of both engines are cut to
//    the documents learnsite's index holds (listing pages such as /themes/... are left out).
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serveSite } from '../tests/browser/lib.mjs';
import { Report, docKey, learnsiteRanking, score } from '../tests/browser/relevance-lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [relJson, boardSite, regionSite, outDir, ...indexes] = process.argv.slice(2);
const rel = JSON.parse(fs.readFileSync(relJson, 'utf8'));
const only = process.env.KINDS ? new Set(process.env.KINDS.split(',')) : null;
const showMisses = !!process.env.MISSES;

function copyTree(from, to, edit) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name), b = path.join(to, e.name);
    if (e.isDirectory()) { if (e.name !== 'pagefind') copyTree(a, b, edit); }
    else if (e.name.endsWith('.html')) fs.writeFileSync(b, edit(fs.readFileSync(a, 'utf8')));
    else fs.copyFileSync(a, b);
  }
}
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

// ---------------------------------------------------------------- pages for Pagefind
const pfBoard = path.join(outDir, 'pagefind-board');
const pfRegion = path.join(outDir, 'pagefind-region');
fs.rmSync(pfBoard, { recursive: true, force: true });
fs.rmSync(pfRegion, { recursive: true, force: true });
copyTree(boardSite, pfBoard, (html) => html.replace(/<main\b/, '<main data-pagefind-body'));
for (const file of indexes) {
  const ix = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const r of ix.records) {
    const key = docKey('region', r.url);
    const dir = path.join(pfRegion, key);
    fs.mkdirSync(dir, { recursive: true });
    const list = (label, xs) => (xs && xs.length ? `<dt>${label}</dt><dd>${xs.map(esc).join(', ')}</dd>` : '');
    const recs = (r.recommendations || []).map((x) => `<li>${esc(x.text)}</li>`).join('');
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)}</title></head>
<body><main data-pagefind-body><h1>${esc(r.title)}</h1><dl>${list('Board', [r.board])}${list('Type', [r.kind_label || r.kind])}${list('Review type', r.review_type_label ? [r.review_type_label] : [])}${list('Themes', r.theme_labels)}${list('Methodology', r.methodology_labels)}${list('Abuse types', r.abuse_type_labels || r.abuse_types)}${list('Published', r.published ? [r.published] : [])}</dl>
<p>${esc(r.summary)}</p>${recs ? `<h2>Recommendations</h2><ul>${recs}</ul>` : ''}</main></body></html>`);
  }
}
const pagefindBin = path.join(here, 'node_modules/.bin/pagefind');
for (const d of [pfBoard, pfRegion]) execFileSync(pagefindBin, ['--site', d, '--quiet'], { stdio: 'inherit' });
const pfVersion = execFileSync(pagefindBin, ['--version']).toString().trim();

// ---------------------------------------------------------------- run the queries
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const results = {};

async function runSite(site, dir, engine) {
  const server = await serveSite(dir);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const docs = new Set(rel[`${site}_docs`]);
  const report = new Report();
  if (engine === 'pagefind') {
    fs.writeFileSync(path.join(dir, 'pagefind-bench.html'), `<!doctype html><meta charset="utf-8"><title>pf</title>
<script type="module">
  const pagefind = await import('./pagefind/pagefind.js');
  await pagefind.init();
  window.runQuery = async (q, want) => {
    const s = await pagefind.search(q);
    const urls = [];
    for (const r of s.results.slice(0, want)) urls.push((await r.data()).url);
    return urls;
  };
  window.ready = true;
</script>`);
    await page.goto(`${server.origin}/pagefind-bench.html`);
    await page.waitForFunction(() => window.ready, null, { timeout: 20000 });
  }
  for (const jq of rel.queries) {
    if (only && !only.has(jq.kind)) continue;
    const judged = jq[site];
    if (!judged.some((j) => j.grade >= 2)) continue;
    let ranking;
    if (engine === 'pagefind') {
      const urls = await page.evaluate(([q]) => window.runQuery(q, 60), [jq.q]);
      ranking = urls.map((u) => docKey('board', u)).filter((k) => docs.has(k));
    } else {
      ranking = await learnsiteRanking(page, `${server.origin}/search/index.html`, site, jq.q, server.origin);
    }
    report.add(jq.kind, jq.q, score(ranking, judged), ranking);
  }
  await ctx.close();
  server.close();
  return report;
}

for (const [site, ls, pf] of [['board', boardSite, pfBoard], ['region', regionSite, pfRegion]]) {
  for (const [engine, dir] of [['learnsite', ls], ['pagefind', pf]]) {
    const r = await runSite(site, dir, engine);
    results[`${site} ${engine}`] = r;
    console.log(r.table(`${engine === 'pagefind' ? 'Pagefind ' + pfVersion : 'learnsite (client in Chromium)'}, ${site} site`));
    if (showMisses) for (const m of r.misses) console.log(`    ${JSON.stringify(m.q)}: recall ${m.m.recall.toFixed(2)} rr ${m.m.rr.toFixed(2)}  ${m.top.join(' ')}`);
  }
}

// Side by side: recall@10 and MRR per kind.
console.log('\nlearnsite vs Pagefind (recall@10 / MRR)');
for (const site of ['board', 'region']) {
  const a = results[`${site} learnsite`], b = results[`${site} pagefind`];
  console.log(`  ${site} site`);
  for (const k of [...a.kinds.keys()].sort().concat(['all'])) {
    const x = k === 'all' ? a.all : a.kinds.get(k), y = k === 'all' ? b.all : b.kinds.get(k);
    const ahead = x.recall >= y.recall && x.rr >= y.rr ? 'ahead' : 'BEHIND';
    console.log(`    ${k.padEnd(12)} learnsite ${x.recall.toFixed(2)} / ${x.rr.toFixed(2)}   Pagefind ${y.recall.toFixed(2)} / ${y.rr.toFixed(2)}   ${ahead}`);
  }
}
await browser.close();
