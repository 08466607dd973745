// Browser tests of the example site as a reader meets it: accessibility (axe-core, WCAG 2.2
// A/AA rules), search over the real content from http:// and file://, quick exit. (Printing:
// print.test.mjs.)
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
  'briefings/adult-d-self-neglect/index.html', 'briefings/adult-d-self-neglect/action-sheet/index.html', 'digest/index.html',
  'digest/2025-06/index.html',
  'learning-summaries/jay/index.html', 'themes/index.html', 'themes/self-neglect/index.html', 'about/index.html', 'search/index.html',
  'actions/index.html', 'actions/exceptions/index.html', 'actions/status/in-progress/index.html',
  'quality-markers/index.html'];
for (const p of PAGES) {
  await test(`no WCAG 2.2 AA violations (axe) on ${p}`, async (page) => {
    await page.goto(`${ORIGIN}/${p}`);
    const v = await axe(page);
    assert(v.length === 0, v.join('\n'));
  });
}

// A screen reader lists landmarks and headings to move around a page: each landmark needs a
// name of its own (a table's scroll box is not named like its section), and a list's cards
// sit under a heading one level below the page's title.
const STRUCTURE = ['reviews/index.html', 'reviews/adult-d/index.html', 'review-types/dhr/index.html',
  'actions/index.html', 'actions/exceptions/index.html', 'actions/review/adult-d/index.html', 'themes/self-neglect/index.html'];
for (const p of STRUCTURE) {
  await test(`landmarks named apart and headings in order (axe landmark-unique, heading-order) on ${p}`, async (page) => {
    await page.goto(`${ORIGIN}/${p}`);
    await page.addScriptTag({ content: AXE });
    const v = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique', 'heading-order'] } }))
      .violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
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

const topOf = (page, sel) => page.evaluate((s) => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().top + scrollY : null; }, sel);

for (const vp of [{ width: 1280, height: 800 }, { width: 375, height: 740 }]) {
  await test(`a review opens with its learning and the links to its briefing and learning summary, above the chronology (${vp.width}px)`, async (page) => {
    await page.goto(`${ORIGIN}/reviews/adult-d/index.html`);
    const learning = await topOf(page, '#areas-for-learning');
    const briefing = await topOf(page, '.key-learning a[href*="briefings/adult-d-self-neglect"]');
    const summary = await topOf(page, '.key-learning a[href*="learning-summaries/adult-d"]');
    const chronology = await topOf(page, '#what-happened');
    assert(learning !== null && briefing !== null && summary !== null, `learning ${learning}, briefing ${briefing}, summary ${summary}`);
    assert(learning < chronology && briefing < chronology && summary < chronology, `learning ${learning}, links ${briefing}/${summary}, chronology ${chronology}`);
    // On a phone the learning starts on the second screen at the latest, not 4,100 px down.
    assert(learning < 2 * vp.height, `"Areas for learning" starts ${learning}px down`);
  }, { viewport: vp });
}

await test('the home page shows the latest briefings before the introduction\'s sections', async (page) => {
  await page.goto(`${ORIGIN}/index.html`);
  const briefings = await topOf(page, '#latest-briefings');
  const intro = await topOf(page, '.intro h2');
  assert(briefings !== null && intro !== null && briefings < intro, `briefings ${briefings}, first introduction section ${intro}`);
  assert(briefings < 800, `latest briefings start ${briefings}px down`);
});

await test('no white strip above the header, and at 1280px the sticky exit button covers no text as the page scrolls', async (page) => {
  await page.goto(`${ORIGIN}/reviews/adult-d/index.html`);
  assert(await topOf(page, '.site-header') === 0, `header starts ${await topOf(page, '.site-header')}px down`);
  await page.evaluate(() => window.scrollTo(0, 1500));
  const [button, right] = await page.evaluate(() => [document.querySelector('.quick-exit__button').getBoundingClientRect().left,
    Math.max(...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().right))]);
  assert(button > right, `exit button starts at ${button}px, page content reaches ${right}px`);
}, { viewport: { width: 1280, height: 800 } });

await test('quality markers say they carry the official marker numbers', async (page) => {
  await page.goto(`${ORIGIN}/reviews/adult-d/index.html`);
  const text = await page.textContent('#quality-markers + p');
  assert(/Numbered as in the SAR Quality Markers/.test(text) && /11 of 15/.test(text), text);
});

await test('a theme page opens with what the theme covers and its latest briefing, then everything on it', async (page) => {
  await page.goto(`${ORIGIN}/themes/self-neglect/index.html`);
  const lead = await page.textContent('main .lead');
  assert(/does not look after their own health/.test(lead), `description: ${lead}`);
  const latest = await topOf(page, '#latest-briefing + .doc-list a[href*="briefings/"]');
  const all = await topOf(page, '#all-documents');
  assert(latest !== null && all !== null && latest < all, `latest briefing ${latest}, the list ${all}`);
});

await test('themes are shown as links, not as GOV.UK tags (which are never links); the feed link says what it is for', async (page) => {
  await page.goto(`${ORIGIN}/reviews/index.html`);
  assert(await page.locator('a.tag').count() === 0, 'a theme link styled as a tag');
  const deco = await page.evaluate(() => getComputedStyle(document.querySelector('.theme-links a')).textDecorationLine);
  assert(deco === 'underline', `theme link decoration ${deco}`);
  await page.goto(`${ORIGIN}/themes/self-neglect/index.html`);
  assert(/feed reader/.test(await page.textContent('.feed-link')), 'feed link not explained');
});

await test('the search page has one search form (no second one in the header)', async (page) => {
  await page.goto(`${ORIGIN}/search/index.html`);
  assert(await page.locator('[role="search"], search').count() === 1, 'more than one search landmark');
});

await test('action tracker: the in-page filter works by keyboard and says how many rows it shows', async (page) => {
  await page.goto(`${ORIGIN}/actions/index.html`);
  const rows = () => page.$$eval('tr[data-status]', (els) => els.map((e) => ({ status: e.dataset.status, review: e.dataset.review, shown: !e.hidden && e.offsetParent !== null })));
  const all = await rows();
  assert(all.length > 5 && all.every((r) => r.shown), 'every row shown before filtering');
  // Tab to the status filter (the form is shown only with JavaScript).
  let at = '';
  for (let i = 0; i < 200 && at !== 'filter-status'; i++) {
    await page.keyboard.press('Tab');
    at = await page.evaluate(() => document.activeElement && document.activeElement.id);
  }
  assert(at === 'filter-status', 'Tab reaches the status filter');
  await page.keyboard.press('ArrowDown'); // "All" → "Not started"
  let now = await rows();
  const want = all.filter((r) => r.status === 'not-started').length;
  assert(want > 0 && now.filter((r) => r.shown).length === want, `shows ${now.filter((r) => r.shown).length}, want ${want}`);
  assert(now.filter((r) => r.shown).every((r) => r.status === 'not-started'), 'only not-started rows shown');
  const said = await page.textContent('[data-tracker-count]');
  assert(said.includes(`Showing ${want} of ${all.length}`), `status says: ${said}`);
  // Tab on to the review filter and pick the first review: both filters apply together.
  for (let i = 0; i < 10 && at !== 'filter-review'; i++) {
    await page.keyboard.press('Tab');
    at = await page.evaluate(() => document.activeElement.id);
  }
  assert(at === 'filter-review', 'Tab reaches the review filter');
  await page.keyboard.press('ArrowDown');
  const review = await page.$eval('#filter-review', (s) => s.value);
  now = await rows();
  const both = all.filter((r) => r.status === 'not-started' && r.review === review).length;
  assert(now.filter((r) => r.shown).length === both, `both filters: ${now.filter((r) => r.shown).length}, want ${both}`);
  // Back to "All" reveals every row again.
  await page.keyboard.press('Home');
  await page.focus('#filter-status');
  await page.keyboard.press('Home');
  now = await rows();
  assert(now.every((r) => r.shown), 'every row shown again');
});

await test('action tracker without JavaScript: the filter pages are links and the form stays hidden', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${ORIGIN}/actions/index.html`);
  assert(await page.$eval('[data-tracker-filter]', (f) => f.hidden), 'the in-page filter is hidden');
  await page.click('summary:has-text("Status")');
  await page.click('a:has-text("Not started")');
  const statuses = await page.$$eval('tr[data-status]', (els) => els.map((e) => e.dataset.status));
  assert(statuses.length > 0 && statuses.every((s) => s === 'not-started'), statuses.join(','));
  await ctx.close();
});

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

await test('a synonym search highlights the synonym: "safe sleep" marks "safer" in the results and on the page opened', async (page) => {
  await page.goto(`${ORIGIN}/search/index.html?q=${encodeURIComponent('safe sleep')}`);
  await page.waitForFunction(() => document.querySelector('[data-ls-search]')?.getAttribute('data-ls-done') !== null, null, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector('.ls-result[data-ls-excerpt="done"]'), null, { timeout: 10000 });
  const marks = await page.$$eval('.ls-results mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert(marks.includes('safer'), 'marked: ' + marks.join(', '));
  const href = await page.getAttribute('.ls-result__title a', 'href');
  const hl = new URL(href, page.url()).searchParams.get('highlight') || '';
  assert(/\bsafer\b/.test(hl) && !/[\u0000-\u001f]/.test(hl), 'highlight: ' + JSON.stringify(hl));
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

// Quick exit. People type capitals with Shift held, and some let go of Shift before the letter:
// neither may ever count towards the three presses. Only three Shift presses with nothing
// between them leave the page.
async function typeLikeAPerson(page, text, shiftFirst) {
  for (const ch of text) {
    if (/[A-Z]/.test(ch)) {
      const key = `Key${ch}`;
      await page.keyboard.down('Shift');
      await page.keyboard.down(key);
      if (shiftFirst) { await page.keyboard.up('Shift'); await page.keyboard.up(key); }
      else { await page.keyboard.up(key); await page.keyboard.up('Shift'); }
    } else {
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    }
  }
}
const FIELDS = 'input[type=search], input[type=text], input:not([type]), textarea';
const REGION = process.argv[3] ? path.resolve(process.argv[3]) : '';
const regionServer = REGION ? await serveSite(REGION) : null;
const TYPING_PAGES = [`${ORIGIN}/index.html`, `${ORIGIN}/search/index.html`, `${ORIGIN}/reviews/ella/index.html`]
  .concat(regionServer ? [`${regionServer.origin}/index.html`, `${regionServer.origin}/search/index.html`] : []);
for (const url of TYPING_PAGES) {
  await test(`quick exit: typing capitals in every text field never leaves ${url.replace(/^http:\/\/[^/]+/, '')}`, async (page) => {
    await page.goto(url);
    const n = await page.locator(FIELDS).count();
    assert(n > 0, 'no text field on the page');
    for (let i = 0; i < n; i++) {
      const field = page.locator(FIELDS).nth(i);
      if (!(await field.isVisible())) continue;
      for (const shiftFirst of [false, true]) {
        await field.fill('');
        await field.focus();
        await typeLikeAPerson(page, 'SAR Adult D DHR CSPR MAPPA', shiftFirst);
        await page.waitForTimeout(300);
        // (the search page keeps its query in the address: compare the page, not the query)
        assert(page.url().split('?')[0] === url, `left the page while typing (field ${i}): ${page.url()}`);
        const v = await field.inputValue();
        assert(v === 'SAR Adult D DHR CSPR MAPPA', `field ${i} holds "${v}"`);
      }
    }
  });
}

await test('quick exit: Shift, a letter, Shift, Shift does not leave; three Shifts in a row do', async (page) => {
  await page.goto(`${ORIGIN}/reviews/ella/index.html`);
  await page.keyboard.press('Shift');
  await page.keyboard.press('KeyA');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForTimeout(300);
  assert(/\/reviews\/ella\//.test(page.url()), `left after an interrupted sequence: ${page.url()}`);
  await page.keyboard.press('Shift');
  await page.waitForURL(/bbc\.co\.uk/, { timeout: 5000 });
});

await test('quick exit: a screen reader hears how many more presses are needed', async (page) => {
  await page.goto(`${ORIGIN}/reviews/ella/index.html`);
  await page.keyboard.press('Shift');
  const said = await page.textContent('.quick-exit [role=status]');
  assert(/press 2 more times/.test(said || ''), `status: ${said}`);
});

await test('quick exit: after leaving, Back returns to the page, shown again', async (page) => {
  await page.goto(`${ORIGIN}/reviews/ella/index.html`);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForURL(/bbc\.co\.uk/, { timeout: 5000 });
  await page.goBack();
  await page.waitForURL(/\/reviews\/ella\//, { timeout: 5000 });
  const hidden = await page.evaluate(() => getComputedStyle(document.body).visibility === 'hidden');
  assert(!hidden, 'page still hidden after Back');
});

await test('quick exit button is the first thing on the page and works with one click', async (page) => {
  await page.goto(`${ORIGIN}/index.html`);
  await page.click('text=Exit this page');
  await page.waitForURL(/bbc\.co\.uk/, { timeout: 5000 });
});

if (regionServer) {
  // The regional site shares the board theme's frame and stylesheet, with its own tables and charts.
  const REGION_PAGES = ['index.html', 'themes/self-neglect/index.html', 'boards/index.html', 'recommendations/index.html',
    'recommendations/self-neglect/index.html', 'search/index.html', 'uptake/index.html', 'quality-markers/index.html',
    'impact/index.html', 'people/index.html'];
  for (const p of REGION_PAGES) {
    await test(`regional site: no WCAG 2.2 AA violations (axe), no sideways scrolling on a phone, on ${p}`, async (page) => {
      await page.goto(`${regionServer.origin}/${p}`);
      const v = await axe(page);
      assert(v.length === 0, v.join('\n'));
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(wide <= 1, `page scrolls sideways by ${wide}px`);
    }, { viewport: { width: 360, height: 740 } });
  }
  await test('quick exit on the regional site: three Shifts leave, the button works', async (page) => {
    await page.goto(`${regionServer.origin}/index.html`);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL(/bbc\.co\.uk/, { timeout: 5000 });
  });
}

await test('quick exit without JavaScript: the button is a plain link to the neutral site', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  await ctx.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }));
  const page = await ctx.newPage();
  await page.goto(`${ORIGIN}/index.html`);
  await page.click('text=Exit this page');
  await page.waitForURL(/bbc\.co\.uk/, { timeout: 5000 });
  await ctx.close();
});

// The annual report section (`learnsite report`): a standalone page in the same theme.
const REPORT = process.argv[4] ? path.resolve(process.argv[4]) : '';
const reportServer = REPORT ? await serveSite(REPORT) : null;
if (reportServer) {
  const file = fs.readdirSync(REPORT).find((f) => f.endsWith('.html'));
  for (const [name, viewport] of [['on a desktop', undefined], ['on a phone, with no sideways scrolling', { width: 360, height: 740 }]]) {
    await test(`the annual report page: no WCAG 2.2 AA violations (axe) ${name}`, async (page) => {
      await page.goto(`${reportServer.origin}/${file}`);
      assert(await page.locator('h1').count() === 1, 'one h1');
      assert(await page.locator('table caption').count() > 3, 'tables have captions');
      const v = await axe(page);
      assert(v.length === 0, v.join('\n'));
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(wide <= 1, `page scrolls sideways by ${wide}px`);
    }, viewport ? { viewport } : {});
  }
}

await test('the site makes no request to any other host', async () => {
  const real = outside.filter((u) => !u.startsWith('https://www.bbc.co.uk/') && !(regionServer && u.startsWith(regionServer.origin))
    && !(reportServer && u.startsWith(reportServer.origin)));
  assert(real.length === 0, real.join('\n'));
});

await browser.close();
server.close();
if (regionServer) regionServer.close();
if (reportServer) reportServer.close();
const { failed, line } = summary();
console.log(line);
process.exit(failed ? 1 : 0);
