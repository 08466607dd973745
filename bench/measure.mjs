// Bytes a browser really loads for a first query (cold cache), for learnsite's search and,
// when the site has a pagefind/ folder, for Pagefind. Serves SITE on 127.0.0.1 only.
// Usage: node bench/measure.mjs SITE_DIR [query ...]
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, serveSite } from '../tests/browser/lib.mjs';
import fs from 'node:fs';
import path from 'node:path';

const SITE = path.resolve(process.argv[2]);
const QUERIES = process.argv.length > 3 ? process.argv.slice(3) : ['zebrafish', 'practitioners', 'voice of the child'];

let served = [];
const server = await serveSite(SITE, (f) => served.push(f));
const ORIGIN = server.origin;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

function sum(filter) {
  const f = served.filter(filter);
  return { files: f.length, kb: f.reduce((a, b) => a + b.bytes, 0) / 1024 };
}
const pad = (s, n) => String(s).padEnd(n);

if (fs.existsSync(path.join(SITE, 'search/manifest.js'))) {
  console.log('learnsite, in Chromium (1100x900 window; excerpt texts load as results come into view;');
  console.log('the facets load once the results are on screen, for the filter panel):');
  console.log(`  ${pad('query', 22)} ${pad('results', 8)} ${pad('index files', 12)} index KB   (+ filters KB) (+ page, JS, CSS KB)`);
  const INDEX = /^\/search\/(manifest|facets|terms|records|text|spell)/;
  for (const q of QUERIES) {
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await ctx.newPage();
    served = [];
    await page.goto(`${ORIGIN}/search/index.html?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => {
      const app = document.querySelector('[data-ls-search]');
      return app && app.getAttribute('data-ls-results') !== null && app.getAttribute('aria-busy') !== 'true';
    }, null, { timeout: 120000 });
    await page.waitForFunction(() => !document.querySelector('[data-ls-excerpt="loading"]'), null, { timeout: 60000 });
    // What the results on screen took (the facets may already be on their way: left out).
    const first = sum((f) => INDEX.test(f.path) && !f.path.startsWith('/search/facets/'));
    await page.waitForFunction(() => document.querySelector('[data-ls-search]').getAttribute('data-ls-done') !== null, null, { timeout: 120000 });
    await page.waitForTimeout(500);
    const status = await page.textContent('#ls-status');
    const filters = sum((f) => f.path.startsWith('/search/facets/'));
    const rest = sum((f) => !INDEX.test(f.path));
    console.log(`  ${pad(q, 22)} ${pad((status.match(/[\d,]+/) || ['?'])[0], 8)} ${pad(first.files, 12)} ${first.kb.toFixed(1).padStart(8)}   (+ ${filters.kb.toFixed(1)}) (+ ${rest.kb.toFixed(1)})`);
    await ctx.close();
  }
}

if (fs.existsSync(path.join(SITE, 'pagefind/pagefind.js'))) {
  fs.writeFileSync(path.join(SITE, 'pagefind-bench.html'), `<!doctype html><meta charset="utf-8"><title>pf</title>
<script type="module">
  window.runQuery = async (q) => {
    const pagefind = await import('./pagefind/pagefind.js');
    await pagefind.init();
    const search = await pagefind.search(q);
    const shown = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
    return { results: search.results.length, shown: shown.length };
  };
  window.ready = true;
</script>`);
  console.log('Pagefind, in Chromium (its API: search, then data() of the first 5 results as its UI shows):');
  console.log(`  ${pad('query', 22)} ${pad('results', 8)} ${pad('files', 12)} KB`);
  for (const q of QUERIES) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${ORIGIN}/pagefind-bench.html`);
    await page.waitForFunction(() => window.ready);
    served = [];
    const r = await page.evaluate((q) => window.runQuery(q), q);
    const all = sum((f) => f.path.startsWith('/pagefind/'));
    console.log(`  ${pad(q, 22)} ${pad(r.results, 8)} ${pad(all.files, 12)} ${all.kb.toFixed(1).padStart(8)}`);
    await ctx.close();
  }
}

await browser.close();
server.close();
