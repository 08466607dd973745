// Print tests: every 7-minute briefing of each site given prints on exactly one A4 page
// (portrait), without the site's header, navigation, search or footer; so does each briefing's
// team action sheet. Usage: node tests/browser/print.test.mjs SITE_DIR...  (built sites: the
// example site, and tests/fixtures/print-limit, a briefing written to the `briefing/too-long`
// word limit). Prints `N passed, M failed`.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, runner, serveSite } from './lib.mjs';
import fs from 'node:fs';
import path from 'node:path';

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const context = await browser.newContext();
const { test, summary } = runner(context, {});
function assert(c, msg) { if (!c) throw new Error(msg); }

/// Pages of the PDF Chromium prints for `url` on A4.
async function printedPages(page, url) {
  await page.goto(url);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

const HIDDEN = ['.site-header', '.site-nav', '.site-search', '.site-footer', '.quick-exit', '.breadcrumbs'];

const servers = [];
for (const dir of process.argv.slice(2)) {
  const site = path.resolve(dir);
  const server = await serveSite(site);
  servers.push(server);
  const briefings = fs.existsSync(path.join(site, 'briefings'))
    ? fs.readdirSync(path.join(site, 'briefings')).filter((b) => fs.existsSync(path.join(site, 'briefings', b, 'index.html')))
    : [];
  await test(`${path.basename(site)} has 7-minute briefings to print`, async () => {
    assert(briefings.length > 0, `no briefings under ${site}/briefings`);
  });
  for (const b of briefings) {
    const pages = [`briefings/${b}/index.html`];
    if (fs.existsSync(path.join(site, 'briefings', b, 'action-sheet', 'index.html'))) pages.push(`briefings/${b}/action-sheet/index.html`);
    for (const p of pages) {
      await test(`${p} prints on exactly one A4 page, without header, navigation, search or footer`, async (page) => {
        const n = await printedPages(page, `${server.origin}/${p}`);
        assert(n === 1, `printed pages: ${n}`);
        const shown = await page.evaluate((sel) => sel.filter((s) => [...document.querySelectorAll(s)].some((e) => getComputedStyle(e).display !== 'none')), HIDDEN);
        assert(shown.length === 0, `printed: ${shown.join(', ')}`);
        const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.prose p, .prose li')).fontSize));
        // 10pt = 13.33 CSS px: the smallest type of the body text on paper.
        assert(size >= 13.3, `body text prints at ${size}px, under 10pt`);
      });
    }
  }
  // The action tracker, printed for a monitoring subgroup after choosing a status: the paper
  // shows the recommendations and which were chosen, not the filter links, menus and buttons.
  const tracker = path.join(site, 'actions', 'index.html');
  if (fs.existsSync(tracker) && fs.readFileSync(tracker, 'utf8').includes('data-status=')) {
    await test(`${path.basename(site)} actions/ prints the chosen recommendations without the filter controls`, async (page) => {
      await page.goto(`${server.origin}/actions/index.html`);
      const status = page.locator('select[data-filter="status"]');
      const value = await status.locator('option').nth(1).getAttribute('value');
      await status.selectOption(value);
      const shownRows = await page.locator('tr[data-status]:visible').count();
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const seen = (e) => e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
        return {
          controls: ['.tracker-filters', '.tracker-filter select', '.tracker-links a', '.tracker-filter h2'].filter((s) => [...document.querySelectorAll(s)].some(seen)),
          count: seen(document.querySelector('[data-tracker-count]')) ? document.querySelector('[data-tracker-count]').textContent : '',
          rows: [...document.querySelectorAll('tr[data-status]')].filter(seen).length,
        };
      });
      assert(printed.controls.length === 0, `printed: ${printed.controls.join(', ')}`);
      assert(printed.rows === shownRows && shownRows > 0, `printed ${printed.rows} rows, ${shownRows} on screen`);
      assert(/Showing \d+ of \d+ recommendations? \(Status: [^)]+\)\./.test(printed.count), `the printed count says: "${printed.count}"`);
    });
  }
}

await browser.close();
for (const s of servers) s.close();
const { failed, line } = summary();
console.log(line);
process.exit(failed ? 1 : 0);
