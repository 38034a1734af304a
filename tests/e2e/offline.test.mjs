// End-to-end: the service worker (assets/sw.js). After one online visit the
// app loads with no network at all; a new release served later replaces the
// cached one on the next online visit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage, attributeValues, dist, launchBrowser, serveDist, watchPage } from './support.mjs';

let browser;

before(async () => {
  await stat(join(dist, 'sw.js')).catch(() => {
    throw new Error(`${join(dist, 'sw.js')} is missing: the build predates the service worker, run \`trunk build --release\``);
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Opens the app online and waits until the service worker controls the page. */
async function openControlled(server) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const problems = watchPage(page, server.url.replace(/\/$/, ''));
  const app = new AppPage(page);
  await app.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  return { context, page, app, problems };
}

/** The paths held in the service worker's caches. */
function cachedPaths(page) {
  return page.evaluate(async () => {
    const paths = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  });
}

async function assertAppRuns(app) {
  assert.equal(await app.title(), '寿光新旧动能转换情景模拟器');
  assert.equal(await app.sliders().count(), 8, 'one growth slider per industry');
  assert.ok((await app.drawCount()) >= 1, 'the chart is drawn');
}

function assertNoProblems(problems) {
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.failedRequests, []);
  assert.deepEqual(problems.badResponses, []);
  assert.deepEqual(problems.foreignRequests, []);
}

test('after one visit the app loads, and opens links, with no network', async () => {
  const server = await serveDist();
  try {
    const { context, page, app, problems } = await openControlled(server);
    // The first visit already cached the page and every file it names.
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    const [wasm] = attributeValues(html, 'data-wasm');
    const cached = await cachedPaths(page);
    for (const path of ['/', '/boot.js', wasm]) assert.ok(cached.includes(path), `${path} cached (${cached.join(', ')})`);

    await context.setOffline(true);
    const servedBefore = server.served.length;
    await page.reload();
    await app.waitForChartDraws(1);
    await assertAppRuns(app);
    // A shared link (state in the fragment, maybe a search part) opens from the cached page.
    await page.goto(`${server.url}?from=wechat#1~g__6~len~sESt`);
    await app.waitForChartDraws(1);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the link was applied');
    assert.equal(await app.sliders().count(), 8);
    assert.equal(server.served.length, servedBefore, 'nothing reached the server while offline');
    await page.waitForLoadState('networkidle');
    assertNoProblems(problems);
    await context.close();
  } finally {
    await server.close();
  }
});

test('a new release replaces the cached one on the next online visit', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pathways-release-'));
  await cp(dist, dir, { recursive: true });
  const server = await serveDist({ dir });
  try {
    const { context, page, app, problems } = await openControlled(server);
    const release = () => page.evaluate(() => document.querySelector('meta[name="pathways-release"]')?.content ?? null);
    assert.equal(await release(), null, 'release 1 has no marker');

    // Publish "release 2": a marker in the page and a new hashed name for the wasm
    // module (the old one is gone from the server, as after a deploy).
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    const oldWasm = attributeValues(html, 'data-wasm')[0].replace(/^\//, '');
    const newWasm = oldWasm.replace(/-[0-9a-f]{8,16}_bg\.wasm$/, '-0123456789abcdef_bg.wasm');
    assert.notEqual(newWasm, oldWasm, `the wasm name has Trunk's hash (${oldWasm})`);
    await cp(join(dir, oldWasm), join(dir, newWasm));
    await unlink(join(dir, oldWasm));
    await writeFile(
      join(dir, 'index.html'),
      html.replaceAll(oldWasm, newWasm).replace('<title>', '<meta name="pathways-release" content="2" /><title>'),
    );
    assert.ok((await readdir(dir)).includes(newWasm));

    await page.reload();
    await app.waitForChartDraws(1);
    assert.equal(await release(), '2', 'the new release, not the cached one');
    await assertAppRuns(app);
    assert.ok(server.served.some(({ path }) => path === `/${newWasm}`), 'the new wasm module came from the server');
    // The cache now holds release 2 and no longer the previous wasm module.
    await page.waitForFunction(
      async ([oldPath, newPath]) => {
        const paths = [];
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
        }
        return paths.includes(newPath) && !paths.includes(oldPath);
      },
      [`/${oldWasm}`, `/${newWasm}`],
      { timeout: 15_000 },
    );

    // And offline, release 2 is what opens.
    await context.setOffline(true);
    await page.reload();
    await app.waitForChartDraws(1);
    assert.equal(await release(), '2');
    await assertAppRuns(app);
    assertNoProblems(problems);
    await context.close();
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
