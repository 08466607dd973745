// Browser tests of the example site as a reader meets it: accessibility (axe-core, WCAG 2.2
// A/AA rules), search over the real content from http:// and file://, quick exit, print.
// Usage: node tests/browser/site.test.mjs SITE_DIR   (a built example site). Prints `N passed, M failed`.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, runner, serveSite } from './lib.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SITE = path.resolve(process.argv[2]);

const server = await serveSite(SITE);
const ORIGIN = server.origin;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const context = await browser.newContext();
const outside = [];
context.on('request', (r) => {
  const u = r.url();
  if (!(u.startsWith(ORIGIN) || u.startsWith('file:') || u.startsWith('data:'))) outside.push(u);
});
// The quick-exit target is a real outside site: answer it locally instead.
await context.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>neutral</p>' }));

const { test, summary } = runner(context, {});
function assert(c, msg) { if (!c) throw new Error(msg); }

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const PAGES = ['index.html', 'reviews/index.html', 'reviews/adult-d/index.html', 'briefings/baby-l-safer-sleep/index.html',
  'learning-summaries/jay/index.html', 'themes/index.html', 'themes/self-neglect/index.html', 'about/index.html', 'search/index.html'];
for (const p of PAGES) {
  await test(`no WCAG 2.2 AA violations (axe) on ${p}`, async (page) => {
    await page.goto(`${ORIGIN}/${p}`);
    const v = await axe(page);
    assert(v.length === 0, v.join('\n'));
  });
}

await test('axe on a phone-sized review page, and no sideways scrolling', async (page) => {
  await page.goto(`${ORIGIN}/reviews/adult-d/index.html`);
  const v = await axe(page);
  assert(v.length === 0, v.join('\n'));
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(wide <= 1, `page scrolls sideways by ${wide}px`);
}, { viewport: { width: 360, height: 740 } });

await test('keyboard: first Tab reaches the skip link, which moves focus to main', async (page) => {
  await page.goto(`${ORIGIN}/reviews/adult-d/index.html`);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.textContent.trim());
  assert(first === 'Skip to main content', `first focus: ${first}`);
  await page.keyboard.press('Enter');
  const id = await page.evaluate(() => document.activeElement.id);
  assert(id === 'main', `focus after skip link: ${id}`);
});

// Type a query and wait until a result matching `want` is listed (the page lists everything
// before a query is typed, so waiting for any result is not enough).
async function searchFor(page, url, q, want) {
  await page.goto(url);
  await page.fill('#search-q', q);
  await page.waitForFunction((re) => [...document.querySelectorAll('.ls-results li')].some((e) => new RegExp(re, 'i').test(e.textContent)),
    want.source, { timeout: 10000 }).catch(() => {});
  const status = await page.textContent('#ls-status');
  const items = await page.$$eval('.ls-results li', (els) => els.map((e) => e.textContent));
  return { status, items };
}

await test('search over the real example site finds a review over http://', async (page) => {
  const { status, items } = await searchFor(page, `${ORIGIN}/search/index.html`, 'hoarding', /Adult D/);
  assert(items.some((t) => t.includes('Adult D')), status + ': ' + items.join(' | '));
  assert(!items.some((t) => t.includes('Child Safeguarding Practice Review: Jay')), 'AND/relevance: unrelated review listed: ' + status);
});

await test('a theme is searchable by its name: "professional curiosity" finds the documents filed under it', async (page) => {
  const { status, items } = await searchFor(page, `${ORIGIN}/search/index.html`, 'professional curiosity', /Domestic Homicide Review: Ella/);
  assert(items.some((t) => t.includes('Domestic Homicide Review: Ella')), status + ': ' + items.join(' | '));
});

await test('search works when the site is opened from disk (file://)', async (page) => {
  const url = pathToFileURL(path.join(SITE, 'search/index.html')).href;
  const { status, items } = await searchFor(page, url, 'safer sleep', /safer sleep/);
  assert(items.some((t) => /safer sleep/i.test(t)), status + ': ' + items.join(' | '));
});

await test('a partners-only review is not found by the public search', async (page) => {
  await page.goto(`${ORIGIN}/search/index.html`);
  await page.fill('#search-q', 'homelessness');
  await page.waitForFunction(() => document.querySelector('#ls-status') && document.querySelector('#ls-status').textContent.length > 0);
  const text = await page.textContent('.ls-results');
  assert(!/Adult R/.test(text || ''), 'partners-only review in public search: ' + text);
});

await test('quick exit: pressing Shift three times leaves the page', async (page) => {
  await page.goto(`${ORIGIN}/reviews/ella/index.html`);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForURL(/bbc\.co\.uk/, { timeout: 5000 });
});

await test('quick exit button is the first thing on the page and works with one click', async (page) => {
  await page.goto(`${ORIGIN}/index.html`);
  await page.click('text=Exit this page');
  await page.waitForURL(/bbc\.co\.uk/, { timeout: 5000 });
});

await test('a 7-minute briefing prints on at most two A4 pages, without the site header', async (page) => {
  await page.goto(`${ORIGIN}/briefings/baby-l-safer-sleep/index.html`);
  await page.emulateMedia({ media: 'print' });
  const headerShown = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).display !== 'none');
  assert(!headerShown, 'site header printed');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert(pages >= 1 && pages <= 2, `printed pages: ${pages}`);
});

await test('the site makes no request to any other host', async () => {
  const real = outside.filter((u) => !u.startsWith('https://www.bbc.co.uk/'));
  assert(real.length === 0, real.join('\n'));
});

await browser.close();
server.close();
const { failed, line } = summary();
console.log(line);
process.exit(failed ? 1 : 0);
