// The relevance set (tests/relevance/queries.yaml) in Chromium: every judged query is typed
// into learnsite's search page of the example board site and of the collated region, as a
// practitioner would (the query in the page's address, as a link or the form leaves it), and the
// first page of results is scored. Checks that the client ranks exactly as the Rust mirror (the
// rankings in RELEVANCE_JSON, written by `cargo run --example relevance -- ... --json`) and that
// recall@10 and MRR reach the floors of issue 15 on both sites.
// Usage: node relevance.test.mjs BOARD_SITE REGION_SITE RELEVANCE_JSON
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, runner, serveSite } from './lib.mjs';
import { Report, learnsiteRanking, score } from './relevance-lib.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [boardSite, regionSite, relJson] = process.argv.slice(2).map((p) => path.resolve(p));
const rel = JSON.parse(fs.readFileSync(relJson, 'utf8'));
const RECALL_FLOOR = 0.95, MRR_FLOOR = 0.90;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const context = await browser.newContext();
const { test, summary } = runner(context, { shots: process.env.LS_SCREENSHOTS || '' });

for (const [site, dir] of [['board', boardSite], ['region', regionSite]]) {
  const server = await serveSite(dir);
  const report = new Report();
  const differ = [];
  await test(`${site} site: the client ranks every relevance query as the Rust mirror does`, async (page) => {
    const mirror = rel[`${site}_mirror`];
    for (const [i, jq] of rel.queries.entries()) {
      if (!mirror[i]) continue;
      const got = await learnsiteRanking(page, `${server.origin}/search/index.html`, site, jq.q, server.origin);
      const want = mirror[i].slice(0, 10);
      if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${JSON.stringify(jq.q)}:\n      client ${got.join(' ')}\n      mirror ${want.join(' ')}`);
      const m = score(got, jq[site]);
      if (m) report.add(jq.kind, jq.q, m, got);
    }
    if (differ.length) throw new Error(`${differ.length} queries rank differently:\n    ${differ.join('\n    ')}`);
  });
  await test(`${site} site: recall@10 ≥ ${RECALL_FLOOR} and MRR ≥ ${MRR_FLOOR} over ${report.all.n || 'the'} practitioner queries`, async () => {
    console.log(report.table(`  learnsite in Chromium, ${site} site`).replace(/^/gm, '  '));
    if (report.all.n < 100) throw new Error(`only ${report.all.n} queries scored`);
    if (report.all.recall < RECALL_FLOOR || report.all.rr < MRR_FLOOR) {
      throw new Error(`recall@10 ${report.all.recall.toFixed(3)}, MRR ${report.all.rr.toFixed(3)}; misses:\n    ` +
        report.misses.map((x) => `${JSON.stringify(x.q)}: recall ${x.m.recall.toFixed(2)} rr ${x.m.rr.toFixed(2)}: ${x.top.join(' ')}`).join('\n    '));
    }
  });
  server.close();
}

await browser.close();
console.log(summary().line);
process.exit(summary().failed ? 1 : 0);
