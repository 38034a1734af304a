// End-to-end: links, autosave, the library, files, and hostile input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage, chartsDrawn, useBrowserSuite, watchPage } from './support.mjs';

const suite = useBrowserSuite();

async function openApp(url = suite.server.url, viewport = { width: 1366, height: 768 }) {
  const context = await suite.browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = watchPage(page, suite.server.url.replace(/\/$/, ''));
  const app = new AppPage(page);
  await page.goto(url);
  await page.getByTestId('app').waitFor({ timeout: 15_000 });
  return { context, page, app, problems };
}

/** Every exact growth field, in order. */
function growthValues(page) {
  return page.locator('input[data-testid^="field-growth-"]').evaluateAll((inputs) => inputs.map((input) => input.value));
}

/**
 * Waits until the address bar's fragment satisfies `predicate` and has settled:
 * the app writes the address at most every 150 ms with a trailing write, so a
 * fragment that has not changed for 400 ms is the one for the latest state.
 */
async function waitForFragment(page, predicate) {
  await page.waitForFunction(predicate, null, { timeout: 10_000 });
  await page.waitForFunction(
    () => {
      const now = performance.now();
      if (window.__fragmentSeen !== location.hash) {
        window.__fragmentSeen = location.hash;
        window.__fragmentSince = now;
      }
      return now - window.__fragmentSince >= 400;
    },
    null,
    { timeout: 10_000, polling: 50 },
  );
}

describe('sharing and saving', () => {
  test('a link reproduces the scenario, view and language in a fresh browser', async () => {
    const { context, page, app, problems } = await openApp();
    const [first, second] = await app.industryIds();
    await app.field(first).fill('12.25');
    await app.field(first).press('Enter');
    await page.getByTestId('phase-1').click();
    await app.field(second, 1).fill('3.5');
    await app.field(second, 1).press('Enter');
    await page.getByTestId('phase-0').click();
    await app.toggleLanguage();
    await app.openView('industries');
    await waitForFragment(page, () => location.hash.includes('en'));
    const address = page.url();
    const fragment = address.split('#')[1];
    console.log(`link for two changed inputs, industries view, English: ${fragment.length} characters after the address (#${fragment})`);
    const inputs = await growthValues(page);
    await app.openView('overview');
    // The scorecard shows each goal's chance once the Monte Carlo bands of
    // this scenario are in; both pages are read with them.
    const withBands = (target) => target.waitForFunction(() => document.querySelector('[data-testid=scorecard]')?.textContent.includes('chance'), null, { timeout: 15_000 });
    await withBands(page);
    const scorecard = await page.getByTestId('scorecard').textContent();
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();

    const fresh = await openApp(address);
    await fresh.page.getByTestId('view-industries').waitFor();
    assert.equal(await fresh.page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(await growthValues(fresh.page), inputs);
    await fresh.app.openView('overview');
    await withBands(fresh.page);
    assert.equal(await fresh.page.getByTestId('scorecard').textContent(), scorecard);
    assert.equal(await fresh.page.getByTestId('notice').count(), 0);
    await fresh.context.close();
  });

  test('a link changing both phases of all eight industries stays short', async () => {
    const { context, page, app } = await openApp();
    const ids = await app.industryIds();
    for (const phase of [0, 1]) {
      await page.getByTestId(`phase-${phase}`).click();
      for (const [index, id] of ids.entries()) {
        await app.field(id, phase).fill(String(4 + index * 1.25 + phase));
        await app.field(id, phase).press('Enter');
      }
    }
    await page.getByTestId('phase-0').click();
    await waitForFragment(page, () => location.hash.length > 20);
    const fragment = page.url().split('#')[1];
    console.log(`link for all 16 growth rates: ${fragment.length} characters after the address`);
    assert.ok(fragment.length <= 100, `${fragment.length} characters`);
    await context.close();
  });

  for (const [what, fragment] of [
    ['malformed', '#this-is-not-a-link'],
    ['truncated', null],
    ['tampered', null],
    ['future-version', '#9~g__6~XXXX'],
  ]) {
    test(`a ${what} link opens the default scenario with a clear notice`, async () => {
      let url = suite.server.url + (fragment ?? '');
      if (fragment === null) {
        // Make a real link, then damage it.
        const maker = await openApp();
        const [id] = await maker.app.industryIds();
        await maker.app.field(id).fill('14');
        await maker.app.field(id).press('Enter');
        await waitForFragment(maker.page, () => location.hash.length > 3);
        const good = maker.page.url();
        await maker.context.close();
        // Damage only the fragment: the server's random port may contain "14".
        const [address, link] = good.split('#');
        url = what === 'truncated' ? good.slice(0, -3) : `${address}#${link.replace('14', '19')}`;
      }
      const { context, page, problems } = await openApp(url);
      const notice = page.getByTestId('notice');
      await notice.waitFor({ timeout: 10_000 });
      assert.match(await notice.textContent(), /链接/);
      const defaults = await openApp();
      assert.deepEqual(await growthValues(page), await growthValues(defaults.page));
      assert.deepEqual(problems.pageErrors, []);
      await page.getByTestId('dismiss-notice').click();
      assert.equal(await page.getByTestId('notice').count(), 0);
      await defaults.context.close();
      await context.close();
    });
  }

  test('autosave restores the scenario on reload; corrupt storage gives a notice, not a crash', async () => {
    const { context, page, app, problems } = await openApp();
    const [id] = await app.industryIds();
    await app.field(id).fill('15.5');
    await app.field(id).press('Enter');
    await page.waitForFunction(() => (localStorage.getItem('shouguang-pathways.autosave') ?? '').includes('15.5'), null, { timeout: 10_000 });
    await page.goto(suite.server.url);
    await page.getByTestId('app').waitFor();
    assert.equal(await app.field(id).inputValue(), '15.5');
    await page.evaluate(() => {
      localStorage.setItem('shouguang-pathways.autosave', '{"format": "shouguang-pathways-scenario", "version": 1, "state": {"scenario": 42');
      localStorage.setItem('shouguang-pathways.library', 'not json at all');
    });
    await page.goto(suite.server.url);
    const notice = page.getByTestId('notice');
    await notice.waitFor({ timeout: 10_000 });
    assert.match(await notice.textContent(), /自动保存|情景库/);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('the library saves, renames, duplicates, opens and deletes scenarios', async () => {
    const { context, page, app } = await openApp();
    const [id] = await app.industryIds();
    await app.field(id).fill('11');
    await app.field(id).press('Enter');
    await app.openView('share');
    await page.getByTestId('library-new-name').fill('化工加速');
    await page.getByTestId('library-save').click();
    const entry = page.locator('[data-testid^="library-name-"]').first();
    await entry.waitFor();
    assert.equal(await entry.inputValue(), '化工加速');
    await entry.fill('化工加速(改)');
    await entry.press('Enter');
    await page.locator('[data-testid^="library-duplicate-"]').first().click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="library-name-"]').length === 2);
    const names = await page.locator('[data-testid^="library-name-"]').evaluateAll((inputs) => inputs.map((input) => input.value));
    assert.deepEqual(names, ['化工加速(改)', '化工加速(改) (2)']);
    // Change the scenario, then open the saved one.
    await page.getByTestId('reset-all').click();
    await page.locator('[data-testid^="library-open-"]').first().click();
    await page.waitForFunction((industry) => document.querySelector(`[data-testid="field-growth-${industry}-0"]`).value === '11.0', id);
    // The library survives a reload.
    await page.reload();
    await page.getByTestId('app').waitFor();
    await app.openView('share');
    assert.equal(await page.locator('[data-testid^="library-name-"]').count(), 2);
    await page.locator('[data-testid^="library-delete-"]').last().click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="library-name-"]').length === 1);
    await context.close();
  });

  test('JSON export imports elsewhere; CSV has a BOM and Chinese names; a bad file is refused', async () => {
    const { context, page, app } = await openApp();
    const [id] = await app.industryIds();
    await app.field(id).fill('13.75');
    await app.field(id).press('Enter');
    await app.openView('share');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    // Keep the file: a download's own path goes with its browser context.
    const jsonPath = join(await mkdtemp(join(tmpdir(), 'pathways-')), jsonDownload.suggestedFilename());
    await jsonDownload.saveAs(jsonPath);
    const json = JSON.parse(await readFile(jsonPath, 'utf8'));
    assert.equal(json.format, 'shouguang-pathways-scenario');
    assert.equal(json.version, 1);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = await readFile(await csvDownload.path());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    assert.match(csv.toString('utf8'), /高端化工/);
    await context.close();

    const fresh = await openApp();
    await fresh.app.openView('share');
    await fresh.page.getByTestId('import-json').setInputFiles(jsonPath);
    await fresh.page.waitForFunction((industry) => document.querySelector(`[data-testid="field-growth-${industry}-0"]`).value === '13.8' || document.querySelector(`[data-testid="field-growth-${industry}-0"]`).value === '13.75', id, { timeout: 10_000 });
    const dir = await mkdtemp(join(tmpdir(), 'pathways-'));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...json, version: 99 }));
    const before = await growthValues(fresh.page);
    await fresh.page.getByTestId('import-json').setInputFiles(bad);
    const notice = fresh.page.getByTestId('notice');
    await fresh.page.waitForFunction(() => /无法导入/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''), null, { timeout: 10_000 });
    assert.match(await notice.textContent(), /无法导入/);
    assert.deepEqual(await growthValues(fresh.page), before, 'the scenario on screen is kept');
    await fresh.context.close();
  });

  test('a name with HTML and script travels in the link and shows as text', async () => {
    const { context, page, app } = await openApp();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>计划';
    await app.openView('share');
    await page.getByTestId('scenario-name').fill(hostile);
    await page.getByTestId('scenario-note').fill(`${hostile} note`);
    await waitForFragment(page, () => location.hash.length > 10);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const hostileFile = join(await mkdtemp(join(tmpdir(), 'pathways-')), 'hostile.json');
    await download.saveAs(hostileFile);
    const address = page.url();
    await context.close();
    const fresh = await openApp(address);
    assert.equal(await fresh.page.getByTestId('scenario-name').inputValue(), hostile);
    assert.equal(await fresh.page.getByTestId('scenario-note').inputValue(), `${hostile} note`);
    assert.equal(await fresh.page.evaluate(() => window.__pwned ?? null), null);
    // The same payload through an imported file, in a third suite.browser.
    const third = await openApp();
    await third.app.openView('share');
    await third.page.getByTestId('import-json').setInputFiles(hostileFile);
    await third.page.waitForFunction((name) => document.querySelector('[data-testid=scenario-name]').value === name, hostile, { timeout: 10_000 });
    assert.equal(await third.page.evaluate(() => window.__pwned ?? null), null);
    assert.equal(await third.page.locator('img[src=x]').count(), 0);
    await third.context.close();
    assert.equal(await fresh.page.locator('img[src=x]').count(), 0);
    assert.deepEqual(fresh.problems.foreignRequests, []);
    await fresh.context.close();
  });

  test('Back and Forward move between views and scenario steps', async () => {
    const { context, page, app } = await openApp();
    // A change of view adds its history entry in a task after the frame that
    // shows it; Back before that entry exists would skip a step, so each
    // click waits for its entry (a person's Back comes far later).
    for (const view of ['industries', 'indicators']) {
      const entries = await page.evaluate(() => history.length);
      await app.openView(view);
      await page.waitForFunction((before) => history.length > before, entries, { timeout: 10_000 });
    }
    await page.goBack();
    await page.getByTestId('view-industries').waitFor({ timeout: 10_000 });
    await page.goBack();
    await page.getByTestId('view-overview').waitFor({ timeout: 10_000 });
    await page.goForward();
    await page.getByTestId('view-industries').waitFor({ timeout: 10_000 });
    await context.close();
  });

  test('the QR code of the link is drawn in the page', async () => {
    const { context, page, app } = await openApp();
    await app.openView('share');
    const qr = page.getByTestId('qr-code');
    await qr.waitFor();
    const size = await qr.evaluate((image) => (image.complete ? image.naturalWidth : 0));
    assert.ok(size >= 100, `the QR image decodes (${size}px)`);
    await context.close();
  });
});

describe('comparison', () => {
  test('presets and links join the comparison; differences, side-by-side goals and overlays show; the link carries them', async () => {
    const { context, page, app, problems } = await openApp();
    await app.openView('compare');
    await page.getByTestId('compare-preset-trend').click();
    await page.getByTestId('compare-preset-stress').click();
    await page.getByTestId('compare-scorecard').waitFor();
    assert.equal(await page.locator('[data-testid=compare-scorecard] thead th').count(), 6, 'goal, year, target + three scenarios');
    assert.match(await page.getByTestId('compare-differs-0').textContent(), /高端化工/);
    assert.equal(await chartsDrawn(page, '[data-testid^="compare-panel-"] canvas'), 8);
    // A link pasted by a colleague joins too; a broken one says why.
    await page.getByTestId('compare-link').fill('#1~g__6~len~sESt');
    await page.getByTestId('compare-add-link').click();
    await page.getByTestId('compare-entry-3').waitFor({ timeout: 10_000 });
    await page.getByTestId('compare-link').fill('#1~g__6~len~XXXX');
    await page.getByTestId('compare-add-link').click();
    await page.locator('[data-testid=view-compare] [role=alert]').waitFor({ timeout: 10_000 });
    await page.getByTestId('compare-remove-2').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=compare-entry-3]'), null, { timeout: 10_000 });
    // The address bar is written at most every 150 ms, so wait for the write
    // that carries exactly the two compared scenarios left after the removal.
    await waitForFragment(page, () => (location.hash.match(/~[cC]/g) || []).length === 2);
    const address = page.url();
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();

    const fresh = await openApp(address);
    await fresh.page.getByTestId('view-compare').waitFor({ timeout: 10_000 });
    assert.equal(await fresh.page.locator('[data-testid^="compare-entry-"]').count(), 3, 'current + two compared');
    await fresh.context.close();
  });
});
