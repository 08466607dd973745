// Browser tests of the example board site and a collated region on a phone, 320 and 375 px
// wide, as a practitioner meets them: no page scrolls sideways; tables stack or scroll inside
// their own labelled box that says so; charts keep readable text; the search filters and the
// navigation wait behind buttons that open them (and are simply shown without JavaScript).
// Usage: node tests/browser/phone.test.mjs SITE_DIR REGION_DIR. Prints `N passed, M failed`.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, runner, serveSite } from './lib.mjs';
import fs from 'node:fs';
import path from 'node:path';

const SITE = path.resolve(process.argv[2]);
const REGION = path.resolve(process.argv[3]);
const site = await serveSite(SITE);
const region = await serveSite(REGION);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const context = await browser.newContext();
const { test, summary } = runner(context, {});
function assert(c, msg) { if (!c) throw new Error(msg); }

const WIDTHS = [320, 375];
// One page of every kind. Search pages carry a query and wait until its results are listed.
const BOARD_PAGES = ['index.html', 'reviews/adult-d/index.html', 'briefings/baby-l-safer-sleep/index.html',
  'learning-summaries/jay/index.html', 'briefings/adult-d-self-neglect/action-sheet/index.html', 'about/index.html',
  'reviews/index.html', 'briefings/index.html', 'learning-summaries/index.html', 'themes/index.html',
  'themes/self-neglect/index.html', 'review-types/index.html', 'boards/index.html', 'years/index.html',
  'search/index.html?q=neglect', 'actions/index.html', 'actions/exceptions/index.html', 'actions/status/in-progress/index.html',
  'digest/index.html', 'digest/2025-06/index.html', 'quality-markers/index.html', '404.html'];
const REGION_PAGES = ['index.html', 'themes/index.html', 'themes/self-neglect/index.html', 'boards/index.html',
  `boards/${firstFolder(REGION, 'boards')}/index.html`, 'years/index.html', 'review-types/index.html',
  'methodologies/index.html', 'recommendations/index.html', 'recommendations/self-neglect/index.html',
  'uptake/index.html', 'quality-markers/index.html', 'impact/index.html', 'people/index.html', 'search/index.html?q=SAR'];

function firstFolder(root, dir) {
  return fs.readdirSync(path.join(root, dir)).filter((f) => fs.statSync(path.join(root, dir, f)).isDirectory()).sort()[0];
}

async function open(page, url) {
  const res = await page.goto(url);
  assert(res && (res.ok() || url.endsWith('404.html')), `${url}: HTTP ${res && res.status()}`);
  if (url.includes('search/index.html?q=')) await page.waitForSelector('[data-ls-done] .ls-result', { timeout: 10000 });
}

// How far the page scrolls sideways, and what sticks out past the window's right edge.
const sideways = (page) => page.evaluate(() => {
  const over = document.scrollingElement.scrollWidth - window.innerWidth;
  const out = over > 0 ? [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
    .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`) : [];
  return { over, out };
});

// A box that scrolls must be reachable by keyboard, be a labelled region and say that it scrolls.
const scrollBoxes = (page) => page.evaluate(() => [...document.querySelectorAll('main *')]
  .filter((e) => { const s = getComputedStyle(e); return /auto|scroll/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1; })
  .map((e) => {
    const label = e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '').split(' ')
      .map((id) => document.getElementById(id)).filter(Boolean).map((x) => x.textContent.trim()).join(' ');
    const hint = e.previousElementSibling;
    return { what: `${e.tagName.toLowerCase()}.${e.className}`, tabindex: e.getAttribute('tabindex'), role: e.getAttribute('role'),
      label, hint: hint && !hint.hidden && hint.classList.contains('table-hint') ? hint.textContent : '' };
  }));

for (const [name, server, pages] of [['board site', site, BOARD_PAGES], ['regional site', region, REGION_PAGES]]) {
  for (const width of WIDTHS) {
    for (const p of pages) {
      await test(`${name} at ${width}px: ${p} does not scroll sideways, and what scrolls inside it says so`, async (page) => {
        await open(page, `${server.origin}/${p}`);
        const { over, out } = await sideways(page);
        assert(over <= 0, `the page is ${over}px wider than the screen: ${out.join(', ')}`);
        for (const b of await scrollBoxes(page)) {
          assert(b.tabindex === '0' && b.role === 'region' && b.label, `scrolling box ${b.what} not a focusable, labelled region: ${JSON.stringify(b)}`);
          assert(/Scroll sideways/.test(b.hint), `scrolling box ${b.what} ("${b.label}") has no line saying it scrolls`);
        }
      }, { viewport: { width, height: 700 } });
    }
  }
}

// Every other page of both sites, at the narrowest width.
function allPages(root) {
  const out = [];
  (function walk(d) {
    for (const f of fs.readdirSync(d)) {
      const p = path.join(d, f);
      if (fs.statSync(p).isDirectory()) { if (f !== 'assets') walk(p); } else if (f.endsWith('.html')) out.push(path.relative(root, p));
    }
  })(root);
  return out.sort();
}
for (const [name, server, root] of [['board site', site, SITE], ['regional site', region, REGION]]) {
  await test(`${name} at 320px: none of its pages scrolls sideways`, async (page) => {
    const wide = [];
    const pages = allPages(root);
    assert(pages.length > 50, `only ${pages.length} pages`);
    for (const p of pages) {
      await page.goto(`${server.origin}/${p}`);
      const { over, out } = await sideways(page);
      if (over > 0) wide.push(`${p} (${over}px: ${out.join(', ')})`);
    }
    assert(wide.length === 0, wide.join('\n'));
  }, { viewport: { width: 320, height: 700 } });
}

for (const width of WIDTHS) {
  await test(`recommendations stack on a ${width}px phone: nothing to scroll, and each value says what it is`, async (page) => {
    await open(page, `${site.origin}/reviews/adult-d/index.html`);
    const r = await page.evaluate(() => {
      const wrap = document.querySelector('table.recommendations').closest('.table-wrap');
      const row = document.querySelector('table.recommendations tbody tr');
      return { scrolls: wrap.scrollWidth > wrap.clientWidth + 1, text: row.innerText, tab: wrap.getAttribute('tabindex') };
    });
    assert(!r.scrolls, 'the recommendations table scrolls sideways');
    assert(/Owner: /.test(r.text) && /Due: /.test(r.text) && /Status: /.test(r.text), `a card reads: ${r.text}`);
    assert(r.tab === null, 'a table that does not scroll is still a stop for the Tab key');
  }, { viewport: { width, height: 700 } });
}

await test('on a wide screen recommendations are a table again, with its column headings and no card labels', async (page) => {
  await open(page, `${site.origin}/reviews/adult-d/index.html`);
  const r = await page.evaluate(() => ({
    head: getComputedStyle(document.querySelector('table.recommendations thead')).display,
    label: getComputedStyle(document.querySelector('table.recommendations .stack-label')).display,
  }));
  assert(r.head === 'table-header-group' && r.label === 'none', JSON.stringify(r));
}, { viewport: { width: 1280, height: 800 } });

await test('tracker filter on a phone: rows it hides stay hidden in the stacked layout', async (page) => {
  await open(page, `${site.origin}/actions/index.html`);
  await page.selectOption('#filter-status', 'complete');
  const shown = await page.$$eval('tr[data-status]', (els) => els.filter((e) => e.getBoundingClientRect().height > 0).map((e) => e.dataset.status));
  assert(shown.length > 0 && shown.every((s) => s === 'complete'), shown.join(','));
}, { viewport: { width: 375, height: 700 } });

for (const width of WIDTHS) {
  await test(`regional charts keep readable text at ${width}px (12px or more), scrolling inside their box if they must`, async (page) => {
    await open(page, `${region.origin}/index.html`);
    const charts = await page.evaluate(() => [...document.querySelectorAll('figure.chart svg')].map((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size') || svg.getAttribute('font-size')));
      return { id: svg.getAttribute('aria-labelledby'), smallest: Math.min(...sizes) * scale };
    }));
    assert(charts.length >= 2, `${charts.length} charts`);
    for (const c of charts) assert(c.smallest >= 11.5, `${c.id}: smallest text ${c.smallest.toFixed(1)}px`);
  }, { viewport: { width, height: 700 } });
}

for (const [name, server, q] of [['board site', site, 'neglect'], ['regional site', region, 'SAR']]) {
  for (const width of WIDTHS) {
    await test(`${name} search at ${width}px: results come first; the Filter button opens and closes the filters`, async (page) => {
      await open(page, `${server.origin}/search/index.html?q=${q}`);
      const btn = page.locator('button.ls-filter-toggle');
      assert(await btn.isVisible(), 'no Filter button');
      assert(await btn.getAttribute('aria-expanded') === 'false', 'Filter button says the filters are open');
      assert(!(await page.locator('.ls-facets').isVisible()), 'filters shown before the button is pressed');
      // The first result starts on the first screen.
      const top = await page.evaluate(() => document.querySelector('.ls-result').getBoundingClientRect().top);
      assert(top < 700, `first result starts ${Math.round(top)}px down`);
      // By keyboard: Tab to the button, Enter opens the filters, which hold the facets.
      await btn.focus();
      await page.keyboard.press('Enter');
      assert(await btn.getAttribute('aria-expanded') === 'true', 'aria-expanded not true after opening');
      assert(await page.locator('.ls-facets').isVisible(), 'filters not shown after pressing Filter');
      // Their counts load once they are opened.
      await page.waitForSelector('.ls-facets details.ls-facet', { timeout: 10000 });
      assert(await page.locator('.ls-facets details.ls-facet').count() >= 3, 'no facets in the opened filters');
      // A filter chosen there applies, the filters stay open, and the button counts it.
      await page.locator('.ls-facets summary').first().click();
      await page.locator('.ls-facets input[type=checkbox]').first().check();
      await page.waitForFunction(() => /selected/.test(document.querySelector('.ls-filter-toggle').textContent));
      assert(await page.locator('.ls-facets').isVisible(), 'filters closed after choosing one');
      assert(/\(1 selected\)/.test(await btn.textContent()), `button says: ${await btn.textContent()}`);
      await btn.click();
      assert(await btn.getAttribute('aria-expanded') === 'false' && !(await page.locator('.ls-facets').isVisible()), 'Filter does not close');
    }, { viewport: { width, height: 700 } });
  }
  await test(`${name} search on a wide screen: no Filter button, the filters are shown`, async (page) => {
    await open(page, `${server.origin}/search/index.html?q=${q}`);
    assert(!(await page.locator('button.ls-filter-toggle').isVisible()), 'Filter button on a wide screen');
    assert(await page.locator('.ls-facets').isVisible(), 'filters hidden on a wide screen');
  }, { viewport: { width: 1280, height: 800 } });
}

for (const [name, server, p] of [['board site', site, 'reviews/index.html'], ['regional site', region, 'themes/index.html']]) {
  await test(`${name} on a phone: the Menu button opens the navigation, and says so`, async (page) => {
    await open(page, `${server.origin}/${p}`);
    const btn = page.locator('button.site-nav__toggle');
    const link = page.locator('#site-nav-list a').first();
    assert(await btn.isVisible() && !(await link.isVisible()), 'navigation not behind a Menu button');
    await btn.click();
    assert(await btn.getAttribute('aria-expanded') === 'true' && await link.isVisible(), 'Menu does not open the navigation');
    const target = await link.evaluate((a) => a.getBoundingClientRect().height);
    assert(target >= 24, `navigation link ${target}px high, under 24px`);
    await btn.click();
    assert(!(await link.isVisible()), 'Menu does not close the navigation');
  }, { viewport: { width: 375, height: 700 } });
}

await test('without JavaScript on a phone: no Menu or Filter button; the navigation is shown and no page scrolls sideways', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 700 } });
  const page = await ctx.newPage();
  for (const url of [`${site.origin}/reviews/adult-d/index.html`, `${site.origin}/search/index.html`, `${region.origin}/index.html`]) {
    await page.goto(url);
    assert(!(await page.locator('button.site-nav__toggle').isVisible()), `${url}: Menu button without JavaScript`);
    assert(await page.locator('#site-nav-list a').first().isVisible(), `${url}: navigation hidden without JavaScript`);
    assert(!(await page.locator('button.ls-filter-toggle').isVisible()), `${url}: Filter button without JavaScript`);
    const { over } = await sideways(page);
    assert(over <= 0, `${url}: ${over}px wider than the screen`);
  }
  await ctx.close();
});

await browser.close();
site.close();
region.close();
const { failed, line } = summary();
console.log(line);
process.exit(failed ? 1 : 0);
