// End-to-end: the single-file build (scripts/single-file.mjs) opened from
// file:// in Chromium renders the app and asks for nothing but itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AppPage, dist, launchBrowser } from './support.mjs';

const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const out = join(repo, 'dist-single', 'shouguang-pathways.html');

let browser;

before(async () => {
  // Built from the release build the rest of the suite tests (dist/, or PATHWAYS_DIST).
  await promisify(execFile)(process.execPath, [join(repo, 'scripts/single-file.mjs'), '--dist', dist, '--out', out]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('the single file carries everything and allows only its own inline script', async () => {
  const html = await readFile(out, 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  assert.ok(csp, 'a Content-Security-Policy meta');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'(;|$)/, 'one script hash, nothing else');
  assert.doesNotMatch(csp, /'self'|'unsafe-eval'|https?:|\*/);
  assert.equal(html.match(/<script\b/g).length, 1, 'one script');
  assert.doesNotMatch(html, /<script[^>]*\bsrc=|<link\b[^>]*\brel=["']?(stylesheet|modulepreload|preload)\b|serviceWorker/);
});

test('opened from file://, the app renders with no error and fetches nothing', async () => {
  const url = pathToFileURL(out).href;
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  const requests = [];
  const failedRequests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => failedRequests.push(`${request.url()} ${request.failure()?.errorText}`));
  const app = new AppPage(page);
  await app.goto(url);
  assert.equal(await app.title(), '寿光新旧动能转换情景模拟器');
  assert.equal(await app.sliders().count(), 8, 'one growth slider per industry');
  assert.ok((await app.drawCount()) >= 1, 'the chart is drawn');
  assert.equal(await page.locator('#boot-status').count(), 0, 'the loading notice is gone');
  // A slider still redraws the chart (the wasm runs, not just a first paint).
  const [id] = await app.industryIds();
  const draws = await app.drawCount();
  await app.slider(id).focus();
  await app.slider(id).press('ArrowRight');
  await app.waitForChartDraws(draws + 1);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(failedRequests, []);
  const foreign = requests.filter((request) => request.split('#')[0] !== url && !request.startsWith('data:') && !request.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'no request but the file itself and data:/blob: URLs');
  await context.close();
});
