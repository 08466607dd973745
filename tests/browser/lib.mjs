// Shared by the browser tests and bench/measure.mjs: Chromium's flags for this machine and a
// static file server for a built site, on 127.0.0.1 only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml', '.wasm': 'application/wasm' };

/// Serve `site` on a free port of 127.0.0.1. `onServe({path, bytes})` sees every file sent.
/// Returns { origin, close }.
export async function serveSite(site, onServe = () => {}) {
  const root = path.resolve(site);
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://127.0.0.1');
    let p = path.join(root, decodeURIComponent(u.pathname));
    if (!p.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, 'index.html');
    fs.readFile(p, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      onServe({ path: u.pathname, bytes: data.length });
      res.writeHead(200, { 'content-type': TYPES[path.extname(p)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/// A tiny test runner: `test(name, fn, {viewport})` opens a fresh page in `context`, fails on
/// any uncaught page error, and (with `shots`) saves a screenshot of a failing page.
/// `summary()` gives the closing line `N passed, M failed` and the counts.
export function runner(context, { shots = '' } = {}) {
  let passed = 0, failed = 0;
  async function test(name, fn, opts = {}) {
    const page = await context.newPage();
    if (opts.viewport) await page.setViewportSize(opts.viewport);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await fn(page);
      if (errors.length) throw new Error('page errors: ' + errors.join('; '));
      passed++;
      console.log(`ok - ${name}`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${name}\n  ${String(e && e.stack || e).split('\n').slice(0, 6).join('\n  ')}`);
      if (shots) await page.screenshot({ path: path.join(shots, name.replace(/\W+/g, '_') + '.png'), fullPage: true }).catch(() => {});
    } finally {
      await page.close();
    }
  }
  const summary = () => ({ passed, failed, line: `${passed} passed, ${failed} failed` });
  return { test, summary };
}
