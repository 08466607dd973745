// Browser tests of learnsite's search, in Debian's Chromium driven by playwright-core.
// Usage: node tests/browser/search.test.mjs [SITE_DIR]
// SITE_DIR is a built site with search/ (default: $LEARNSITE_SITE, else the fixture written by
// `cargo run --example search_fixture -- target/search-fixture`). Prints `N passed, M failed`.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, runner, serveSite } from './lib.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SITE = path.resolve(process.argv[2] || process.env.LEARNSITE_SITE || 'target/search-fixture');
const SHOTS = process.env.LS_SCREENSHOTS || '';

const expected = fs.existsSync(path.join(SITE, 'expected.json'))
  ? JSON.parse(fs.readFileSync(path.join(SITE, 'expected.json'), 'utf8')) : [];

const server = await serveSite(SITE);
const ORIGIN = server.origin;
const SEARCH = `${ORIGIN}/search/index.html`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const context = await browser.newContext();
const outside = [];
context.on('request', (r) => {
  const u = r.url();
  if (!(u.startsWith(ORIGIN) || u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:'))) outside.push(u);
});

const { test, summary } = runner(context, { shots: SHOTS });
function assert(cond, msg) { if (!cond) throw new Error(msg || 'assertion failed'); }
function eq(a, b, msg) {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${msg || 'not equal'}:\n    got      ${JSON.stringify(a)}\n    expected ${JSON.stringify(b)}`);
}

// Wait until the page has finished showing the state whose URL query includes `part`.
async function settled(page, part = '') {
  await page.waitForFunction((part) => {
    const app = document.querySelector('[data-ls-search]');
    const done = app && app.getAttribute('data-ls-done');
    return done !== null && app.getAttribute('aria-busy') !== 'true' && done.includes(part);
  }, part, { timeout: 10000 });
}
const titles = (page) => page.$$eval('.ls-result__title a', (as) => as.map((a) => a.textContent));
const statusText = (page) => page.textContent('#ls-status');
async function typeQuery(page, q) {
  await page.fill('#search-q', '');
  await page.type('#search-q', q, { delay: 15 });
  await settled(page, 'q=' + new URLSearchParams({ q }).toString().slice(2));
}

await test('search page: no-JS links hidden, browse shows everything newest first', async (page) => {
  await page.goto(SEARCH);
  await settled(page);
  assert(await page.isHidden('.ls-nojs'), 'no-JS block hidden');
  const s = await statusText(page);
  assert(/^\d[\d,]* results\.$/.test(s), 'status: ' + s);
  eq(await page.getAttribute('#ls-status', 'aria-live'), 'polite');
  const t = await titles(page);
  eq(t.length, 10, 'first page of results');
  eq(t[0], 'Adult A: self-neglect and hoarding', 'newest first');
});

await test('type a query: results with highlighted excerpts', async (page) => {
  await page.goto(SEARCH);
  await settled(page);
  await typeQuery(page, 'neglect');
  const s = await statusText(page);
  assert(/^3 results for ‘neglect’/.test(s), 'status: ' + s);
  await page.waitForSelector('.ls-result__excerpt mark');
  const marks = await page.$$eval('.ls-result__excerpt mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert(marks.length >= 2, 'excerpt marks: ' + marks);
  assert(marks.every((m) => m.startsWith('neglect')), 'marked words: ' + marks);
  assert(page.url().includes('q=neglect'), 'URL has the query: ' + page.url());
});

await test('client ranks exactly as the Rust mirror', async (page) => {
  assert(expected.length > 0, 'expected.json present');
  await page.goto(SEARCH);
  await settled(page);
  for (const e of expected) {
    await page.goto(`${SEARCH}?q=${encodeURIComponent(e.q)}`);
    await settled(page);
    const t = await titles(page);
    eq(t, e.titles, `titles for ${JSON.stringify(e.q)}`);
  }
});

await test('a review is found by its reference, typed as on the report', async (page) => {
  await page.goto(SEARCH);
  await settled(page);
  for (const [typed, title] of [['NS-SAR-2024-01', 'Adult A: self-neglect and hoarding'],
    ['ns-sar-2020-01', 'Adult E: transitions from children\'s to adult services']]) {
    await typeQuery(page, typed);
    const t = await titles(page);
    eq(t[0], title, `first result for ${typed}`);
  }
});

await test('prefix as you type; every word first, then some, said above the results; unknown word named', async (page) => {
  await page.goto(SEARCH);
  await settled(page);
  await typeQuery(page, 'hoar');
  eq(await titles(page), ['Adult A: self-neglect and hoarding']);
  // No document has both words: the documents with one of them are shown, and the page says so.
  await typeQuery(page, 'neglect zebrafish ');
  const t = await titles(page);
  assert(t.includes('Adult E: transitions from children\u2019s to adult services') || t.some((x) => /Adult E/.test(x)), 'zebrafish document: ' + t);
  assert(t.some((x) => /neglect/i.test(x)), 'neglect documents: ' + t);
  let s = await statusText(page);
  assert(/No document contains all your words/.test(s), 'status: ' + s);
  const note = await page.textContent('.ls-partial');
  assert(/some of them/.test(note), 'note in the list: ' + note);
  // Some documents have every word: they come first, the rest after the note.
  await typeQuery(page, 'neglect child ');
  s = await statusText(page);
  assert(/^2 results for ‘neglect child’ contain all your words; \d+ more contains? some of them\.$/.test(s), 'status: ' + s);
  const order = await page.$$eval('.ls-results > li', (lis) => lis.map((li) => li.className));
  const cut = order.indexOf('ls-partial');
  assert(cut > 0 && order.slice(0, cut).every((c) => c === 'ls-result'), 'full matches first: ' + order);
  // A word nothing contains is named; the other words are still searched.
  await typeQuery(page, 'neglect Xylophone ');
  s = await statusText(page);
  assert(/No document contains ‘Xylophone’: showing results for the other words/.test(s), 'names the word as typed: ' + s);
  eq((await titles(page)).length, 3, 'results for neglect');
});

await test('a misspelling finds the word and the page says which word it searched for', async (page) => {
  await page.goto(SEARCH);
  await settled(page);
  await typeQuery(page, 'hording ');
  eq(await titles(page), ['Adult A: self-neglect and hoarding']);
  const s = await statusText(page);
  assert(/^No document contains ‘hording’: showing results for ‘hoarding’\. 1 result for ‘hording’\.$/.test(s), 'status: ' + s);
  // A related form: "curious" finds the curiosity documents, with no such message.
  await typeQuery(page, 'curious ');
  assert((await titles(page)).some((t) => /curiosity/.test(t)), 'curiosity documents');
  assert(!/showing results for/.test(await statusText(page)), 'no misspelling message');
});

await test('quoted phrase is checked against the text', async (page) => {
  await page.goto(`${SEARCH}?q=${encodeURIComponent('"was not brought"')}`);
  await settled(page);
  eq(await titles(page), ['Child D: neglect and missed health appointments']);
  await page.goto(`${SEARCH}?q=${encodeURIComponent('"not brought was"')}`);
  await settled(page);
  eq((await titles(page)).length, 0);
});

await test('apply and remove a facet; chips; counts', async (page) => {
  await page.goto(`${SEARCH}?q=neglect`);
  await settled(page, 'q=neglect');
  const label = await page.textContent('label[for="ls-f-theme-neglect"]');
  assert(label.includes('(2)'), 'count shown: ' + label);
  await page.check('#ls-f-theme-neglect');
  await settled(page, 'theme=neglect');
  eq((await titles(page)).sort(), ['Child B: the voice of the child in neglect cases', 'Child D: neglect and missed health appointments']);
  assert(page.url().includes('theme=neglect'), 'URL keeps the facet');
  const chip = page.locator('.ls-chip', { hasText: 'Theme: Neglect' });
  eq(await chip.count(), 1, 'chip shown');
  // OR within a facet
  await page.check('#ls-f-theme-self-neglect');
  await settled(page, 'theme=self-neglect');
  eq((await titles(page)).length, 3);
  // AND across facets
  await page.check('#ls-f-review_type-cspr');
  await settled(page, 'review_type=cspr');
  eq((await titles(page)).length, 2);
  await chip.click();
  await page.waitForFunction(() => !document.querySelector('[data-ls-search]').getAttribute('data-ls-done').includes('theme=neglect&'));
  await settled(page);
  assert(!page.url().includes('theme=neglect&'), 'facet removed from URL: ' + page.url());
  eq(await page.locator('.ls-chip', { hasText: 'Theme: Neglect' }).count(), 0, 'chip gone');
});

await test('reload keeps the state; back button restores the previous one', async (page) => {
  await page.goto(`${SEARCH}?q=curiosity&kind=review&sort=newest`);
  await settled(page, 'q=curiosity');
  const before = await titles(page);
  eq(before, ['Adult A: self-neglect and hoarding', 'Adult C: domestic abuse and coercive control']);
  await page.reload();
  await settled(page, 'q=curiosity');
  eq(await titles(page), before);
  eq(await page.inputValue('#search-q'), 'curiosity');
  assert(await page.isChecked('#ls-f-kind-review'), 'checkbox checked after reload');
  eq(await page.inputValue('#ls-sort'), 'newest');
  await page.check('#ls-f-kind-briefing');
  await settled(page, 'kind=briefing');
  eq((await titles(page)).length, 3);
  await page.goBack();
  await settled(page);
  await page.waitForFunction(() => !location.search.includes('briefing'));
  await settled(page);
  eq(await titles(page), before, 'back restores');
  assert(!(await page.isChecked('#ls-f-kind-briefing')), 'facet unchecked after back');
});

await test('zero results say which filter to remove', async (page) => {
  await page.goto(`${SEARCH}?q=hoarding&theme=neglect`);
  await settled(page, 'q=hoarding');
  eq((await titles(page)).length, 0);
  const note = await page.textContent('.ls-note');
  assert(/remove Theme: Neglect \(1 result\)/.test(note), 'note: ' + note);
  await page.click('.ls-note button');
  await settled(page);
  await page.waitForFunction(() => !location.search.includes('theme'));
  await settled(page);
  eq(await titles(page), ['Adult A: self-neglect and hoarding']);
});

await test('the filters load after the results, except those a shared link filters by', async (page) => {
  const asked = [];
  page.on('request', (r) => { const m = r.url().match(/\/search\/facets\/(\w+)\.js/); if (m) asked.push(m[1]); });
  // On a phone the filters wait behind the Filter button: a search loads none of them, and
  // each result still shows its type, board and themes (from its record).
  await page.goto(`${SEARCH}?q=neglect`);
  await settled(page, 'q=neglect');
  eq(asked, [], 'facets loaded before the filters were opened');
  eq((await titles(page)).length, 3);
  const meta = await page.$$eval('.ls-result__meta', (ps) => ps.map((p) => p.textContent));
  assert(meta.every((m) => /Review|briefing|summary/i.test(m)), 'types shown: ' + meta.join(' | '));
  const tags = await page.$$eval('.ls-result .ls-tags li', (ls) => ls.map((l) => l.textContent));
  assert(tags.includes('Neglect'), 'themes shown: ' + tags.join(', '));
  await page.click('button.ls-filter-toggle');
  await page.waitForSelector('label[for="ls-f-theme-neglect"]', { state: 'attached', timeout: 10000 });
  assert((await page.textContent('label[for="ls-f-theme-neglect"]')).includes('(2)'), 'count once the filters are open');
  assert(asked.includes('theme') && asked.includes('kind'), 'facets loaded: ' + asked.join(', '));
  // A shared link with a filter: that facet before the results, and right results.
  await page.goto(`${SEARCH}?q=neglect&theme=neglect`);
  asked.length = 0;
  await page.reload();
  await settled(page, 'theme=neglect');
  eq((await titles(page)).sort(), ['Child B: the voice of the child in neglect cases', 'Child D: neglect and missed health appointments']);
  eq(asked, ['theme'], 'only the facet filtered by');
  // A quoted phrase that is a theme label finds the documents that carry it, with no facets.
  await page.goto(`${SEARCH}?q=${encodeURIComponent('"housing and homelessness"')}`);
  asked.length = 0;
  await page.reload();
  await settled(page, 'q=');
  const found = await titles(page);
  assert(found.includes('Adult A: self-neglect and hoarding') && found.includes("Adult E: transitions from children's to adult services"), 'phrase in a label: ' + found.join(' | '));
  eq(asked, [], 'facets loaded for a phrase');
}, { viewport: { width: 375, height: 700 } });

await test('unknown filter values in a shared link are ignored', async (page) => {
  await page.goto(`${SEARCH}?q=hoarding&theme=no-such-theme`);
  await settled(page, 'q=hoarding');
  eq(await titles(page), ['Adult A: self-neglect and hoarding']);
});

await test('year range and sort oldest', async (page) => {
  await page.goto(`${SEARCH}?from=2022&to=2023&sort=oldest&kind=review`);
  await settled(page, 'from=2022');
  eq(await titles(page), ['Adult C: domestic abuse and coercive control', 'Child B: the voice of the child in neglect cases']);
  assert((await page.textContent('.ls-chips')).includes('Year: 2022 to 2023'), 'year chip');
});

await test('keyboard: / focuses search, arrows move through results, focus visible', async (page) => {
  await page.goto(`${SEARCH}?q=neglect`);
  await settled(page, 'q=neglect');
  await page.focus('body');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('/');
  eq(await page.evaluate(() => document.activeElement.id), 'search-q');
  await page.keyboard.press('ArrowDown');
  eq(await page.evaluate(() => document.activeElement.textContent), 'Adult A: self-neglect and hoarding');
  const bg = await page.evaluate(() => getComputedStyle(document.activeElement).backgroundColor);
  eq(bg, 'rgb(255, 221, 0)', 'yellow focus');
  await page.keyboard.press('ArrowDown');
  eq(await page.evaluate(() => document.activeElement.textContent), 'Child D: neglect and missed health appointments');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  eq(await page.evaluate(() => document.activeElement.id), 'search-q');
});

await test('opened page highlights the search words', async (page) => {
  await page.goto(`${SEARCH}?q=hoarding`);
  await settled(page, 'q=hoarding');
  await page.click('.ls-result__title a');
  await page.waitForLoadState('load');
  assert(page.url().includes('highlight='), 'link carries highlight: ' + page.url());
  await page.waitForSelector('mark.ls-highlight');
  const marks = await page.$$eval('mark.ls-highlight', (ms) => ms.map((m) => m.textContent));
  assert(marks.length >= 2 && marks.every((m) => /^hoarding$/i.test(m)), 'marks: ' + marks);
});

await test('works from file://', async (page) => {
  const url = pathToFileURL(path.join(SITE, 'search/index.html')).href;
  await page.goto(url + '?q=curiosity');
  await settled(page, 'q=curiosity');
  const t = await titles(page);
  assert(t.length >= 3, 'results from file://: ' + t);
  await page.waitForSelector('.ls-result__excerpt mark');
  await page.check('#ls-f-kind-briefing');
  await settled(page, 'kind=briefing');
  eq(await titles(page), ['Seven-minute briefing: professional curiosity']);
  await page.click('.ls-result__title a');
  await page.waitForSelector('mark.ls-highlight');
});

await test('show more results loads the next page', async (page) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(`${SEARCH}?board=westshire-safeguarding-adults-board`);
  await settled(page, 'board=');
  eq((await titles(page)).length, 10);
  // Excerpt texts are fetched only for results that come into view.
  await page.waitForSelector('.ls-result[data-ls-excerpt="done"]');
  const early = await page.$$eval('.ls-result[data-ls-excerpt]', (ls) => ls.length);
  assert(early < 10, 'texts of off-screen results not loaded yet: ' + early);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => document.querySelectorAll('.ls-result[data-ls-excerpt="done"]').length === 10);
  await page.click('.ls-more');
  await page.waitForFunction(() => document.querySelectorAll('.ls-result').length === 20);
  const t = await titles(page);
  eq(new Set(t).size, 20, 'no duplicates');
  eq(await page.evaluate(() => document.activeElement.textContent), t[10], 'focus on the first new result');
});

await test('no request leaves the machine', async () => {
  eq(outside, [], 'outside requests');
});

if (SHOTS) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${SEARCH}?q=neglect&theme=neglect`);
  await settled(page, 'q=neglect');
  await page.screenshot({ path: path.join(SHOTS, 'search-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, 'search-phone.png'), fullPage: false });
  await page.close();
}

await browser.close();
server.close();
const { failed, line } = summary();
console.log(line);
process.exit(failed ? 1 : 0);
