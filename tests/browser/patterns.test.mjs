// The theme's components against GOV.UK Frontend's, as a reader meets them: every Tab stop shows
// where focus is; pointer targets are at least 24 by 24 px or spaced as WCAG 2.2's 2.5.8 allows;
// the summary list puts each key above its value on a phone and beside it on a wide screen;
// figures sit under right-aligned headings; pagination shows the first, last and nearby pages,
// the current one marked in more than colour, with 45 px targets.
// Usage: node tests/browser/patterns.test.mjs SITE_DIR REGION_DIR PAGED_SITE_DIR
// (PAGED_SITE_DIR: a built site with a listing of more than three pages). Prints `N passed, M failed`.
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, runner, serveSite } from './lib.mjs';
import path from 'node:path';

const [SITE, REGION, PAGED] = process.argv.slice(2, 5).map((p) => path.resolve(p));
const site = await serveSite(SITE);
const region = await serveSite(REGION);
const paged = await serveSite(PAGED);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const context = await browser.newContext();
const { test, summary } = runner(context, {});
function assert(c, msg) { if (!c) throw new Error(msg); }

const PAGES = [
  [site, 'index.html'], [site, 'reviews/index.html'], [site, 'reviews/adult-d/index.html'],
  [site, 'briefings/baby-l-safer-sleep/index.html'], [site, 'themes/self-neglect/index.html'],
  [site, 'actions/index.html'], [site, 'search/index.html?q=neglect'], [site, 'digest/index.html'],
  [region, 'index.html'], [region, 'themes/index.html'], [region, 'recommendations/index.html'],
  [region, 'search/index.html?q=SAR'], [paged, 'briefings/page/2/index.html'],
];
const WIDTHS = [{ width: 375, height: 740 }, { width: 1280, height: 800 }];

async function open(page, server, p) {
  await page.goto(`${server.origin}/${p}`);
  if (p.includes('?q=')) await page.waitForSelector('[data-ls-done] .ls-result', { timeout: 10000 });
}

// Tab through the page from the top; for each stop, whether its focus can be seen: a focus
// outline of 2 px or more, a box shadow, or the yellow focus background (GOV.UK's focus state).
async function tabStops(page) {
  await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
  const seen = new Set(), stops = [];
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const s = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const cs = getComputedStyle(e);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && cs.outlineColor !== 'rgba(0, 0, 0, 0)';
      const key = [e.tagName, e.id, e.className, e.getAttribute('href'), e.textContent.trim().slice(0, 30)].join('|');
      return { key, shown: outline || cs.boxShadow !== 'none' || cs.backgroundColor === 'rgb(255, 221, 0)',
        what: `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 30)}"` };
    });
    if (!s || seen.has(s.key)) break;
    seen.add(s.key);
    stops.push(s);
  }
  return stops;
}

// Pointer targets under 24 x 24 px that are not spaced as WCAG 2.5.8 allows (a 24 px circle on
// each, clear of every other target), leaving out links inside a sentence (the inline exception).
const smallTargets = (page) => page.evaluate(() => {
  const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, summary')]
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && e.checkVisibility({ visibilityProperty: true }); });
  const inSentence = (e) => {
    if (e.tagName !== 'A') return false;
    const block = e.closest('p, li, td, dd, figcaption, .doc__meta, .rec__meta');
    return !!block && block.textContent.replace(e.textContent, '').trim().length > 15;
  };
  const rects = all.map((e) => e.getBoundingClientRect());
  const small = (r) => r.width < 24 || r.height < 24;
  return all.flatMap((e, i) => {
    const r = rects[i];
    if (!small(r) || inSentence(e)) return [];
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const clash = rects.some((o, j) => j !== i && (
      Math.hypot(Math.max(o.left - cx, 0, cx - o.right), Math.max(o.top - cy, 0, cy - o.bottom)) < 12 ||
      (small(o) && Math.hypot(o.left + o.width / 2 - cx, o.top + o.height / 2 - cy) < 24)));
    return clash ? [`${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`] : [];
  });
});

for (const vp of WIDTHS) {
  for (const [server, p] of PAGES) {
    const where = `${server === region ? 'region' : server === paged ? 'paged site' : 'board site'} ${p} at ${vp.width}px`;
    await test(`${where}: every Tab stop shows its focus, and every target is 24 px or spaced`, async (page) => {
      await open(page, server, p);
      // Open what hides behind buttons on a phone, so its targets are counted too.
      for (const sel of ['button.site-nav__toggle', 'button.ls-filter-toggle']) {
        const b = page.locator(sel);
        if (await b.count() && await b.isVisible()) await b.click();
      }
      const stops = await tabStops(page);
      assert(stops.length >= 5, `only ${stops.length} Tab stops`);
      const unseen = stops.filter((s) => !s.shown).map((s) => s.what);
      assert(unseen.length === 0, `focus not visible on: ${unseen.join('; ')}`);
      const small = await smallTargets(page);
      assert(small.length === 0, `targets under 24px and too close: ${small.join('; ')}`);
    }, { viewport: vp });
  }
}

await test('the summary list puts each key above its value on a phone, beside it on a wide screen', async (page) => {
  const layout = async () => page.evaluate(() => {
    const row = document.querySelector('.summary-list__row');
    const [dt, dd] = [row.querySelector('dt').getBoundingClientRect(), row.querySelector('dd').getBoundingClientRect()];
    return { above: dt.bottom <= dd.top + 1, beside: Math.abs(dt.top - dd.top) < 2 && dt.right <= dd.left };
  });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${site.origin}/reviews/adult-d/index.html`);
  const phone = await layout();
  assert(phone.above, `on a phone: ${JSON.stringify(phone)}`);
  await page.setViewportSize({ width: 1280, height: 800 });
  const wide = await layout();
  assert(wide.beside, `on a wide screen: ${JSON.stringify(wide)}`);
});

await test('in the regional count tables every figure sits under a right-aligned heading', async (page) => {
  await page.goto(`${region.origin}/themes/index.html`);
  const bad = await page.evaluate(() => {
    const table = document.querySelector('table.counts');
    const heads = [...table.querySelectorAll('thead th')];
    const row = table.querySelector('tbody tr');
    return [...row.children].slice(1).flatMap((td, i) => {
      const h = heads[i + 1];
      const [a, b] = [td.getBoundingClientRect(), h.getBoundingClientRect()];
      const text = (el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect(); };
      return Math.abs(text(td).right - text(h).right) > 2 ? [`${h.textContent}: heading ends ${Math.round(text(h).right)}, figure ${Math.round(text(td).right)}`] : [];
    });
  });
  assert(bad.length === 0, bad.join('; '));
}, { viewport: { width: 1280, height: 800 } });

for (const vp of WIDTHS) {
  await test(`pagination at ${vp.width}px: first, last and nearby pages, the current one marked in more than colour, 45 px targets`, async (page) => {
    await page.goto(`${paged.origin}/briefings/page/2/index.html`);
    const p = await page.evaluate(() => {
      const nav = document.querySelector('nav.pagination');
      const links = [...nav.querySelectorAll('a')];
      const current = nav.querySelector('a[aria-current="page"]');
      const cs = getComputedStyle(current), other = getComputedStyle(links.find((a) => a !== current && /^\s*Page/.test(a.textContent)));
      return {
        label: nav.getAttribute('aria-label'),
        texts: links.map((a) => a.textContent.trim()),
        current: current.textContent.trim(),
        currentLook: [cs.backgroundColor, cs.fontWeight, cs.color], otherLook: [other.backgroundColor, other.fontWeight, other.color],
        sizes: links.map((a) => { const r = a.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; }),
        gaps: nav.querySelectorAll('.pagination__gap').length,
      };
    });
    assert(p.label, 'pagination has no label');
    assert(p.current === 'Page 2', `current page reads "${p.current}"`);
    assert(p.texts[0] === '← Previous page' && p.texts[p.texts.length - 1] === 'Next page →', p.texts.join(' | '));
    assert(p.currentLook[0] !== p.otherLook[0] && p.currentLook[1] !== p.otherLook[1], `current ${p.currentLook}, other ${p.otherLook}`);
    assert(p.sizes.every(([w, h]) => w >= 44 && h >= 44), `targets ${JSON.stringify(p.sizes)}`);
    // The paged site's listing has six pages: from page 2, pages 1, 2, 3, a gap, and 6.
    const numbers = p.texts.filter((t) => /^Page \d+$/.test(t)).join(',');
    assert(numbers === 'Page 1,Page 2,Page 3,Page 6' && p.gaps === 1, `${numbers}; ${p.gaps} gaps`);
  }, { viewport: vp });
}

await browser.close();
site.close();
region.close();
paged.close();
const { failed, line } = summary();
console.log(line);
process.exit(failed ? 1 : 0);
