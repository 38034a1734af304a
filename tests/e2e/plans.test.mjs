// Another plan of the same schema: load it, use every view, share it, go back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { AppPage, useBrowserSuite, watchPage } from './support.mjs';

const demoPlan = fileURLToPath(new URL('../fixtures/plan-demo-county.json', import.meta.url));
const VIEWS = ['overview', 'industries', 'indicators', 'analysis', 'compare', 'register', 'sources', 'share', 'brief'];

const suite = useBrowserSuite();

describe('other plans', () => {
  test('a second plan loads; every view, the link and the export work on it; the embedded plan comes back', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const problems = watchPage(page, suite.server.url.replace(/\/$/, ''));
    const app = new AppPage(page);
    await app.goto(suite.server.url);
    await app.openView('share');
    await page.getByTestId('load-plan').setInputFiles(demoPlan);
    await page.waitForFunction(() => /示范县/.test(document.querySelector('[data-testid=plan-title]')?.textContent ?? ''), null, { timeout: 10_000 });
    assert.equal(await app.sliders().count(), 3, 'one growth slider per industry of the loaded plan');
    for (const view of VIEWS) {
      await app.openView(view);
      await page.getByTestId(`view-${view}`).waitFor({ timeout: 10_000 });
    }
    // A change travels in the link and survives a reload (the plan is kept).
    const [, chemicals] = await app.industryIds();
    const linkBefore = await page.evaluate(() => location.hash);
    await app.field(chemicals).fill('8.5');
    await app.field(chemicals).press('Enter');
    // The address bar carries the change (not merely some link) before the reload.
    await page.waitForFunction((before) => location.hash.length > 3 && location.hash !== before, linkBefore, { timeout: 10_000 });
    await page.reload();
    await page.getByTestId('app').waitFor();
    assert.equal(await app.sliders().count(), 3);
    assert.equal(await app.field(chemicals).inputValue(), '8.5');
    await app.openView('share');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    assert.equal(csv.suggestedFilename().endsWith('.csv'), true);
    // A broken plan file is refused with the problems named.
    await page.getByTestId('load-plan').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1, "industries": "none"}') });
    await page.waitForFunction(() => /规划文件无法载入/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''), null, { timeout: 10_000 });
    // In the Chinese interface the problems are named in Chinese …
    const refusal = await page.getByTestId('notice').textContent();
    assert.match(refusal, /industries:须为数组/, refusal);
    assert.match(refusal, /economy:缺少此项/, refusal);
    assert.doesNotMatch(refusal, /must be|missing|expected/, refusal);
    // … and in English in the English one.
    await app.toggleLanguage();
    await page.waitForFunction(() => /industries: must be an array/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''), null, { timeout: 10_000 });
    assert.match(await page.getByTestId('notice').textContent(), /economy: missing/);
    await app.toggleLanguage();
    await page.waitForFunction(() => document.querySelector('[data-testid=app]')?.dataset.lang === 'zh-CN', null, { timeout: 10_000 });
    assert.equal(await app.sliders().count(), 3, 'the loaded plan stays');
    await page.getByTestId('restore-plan').click();
    await page.waitForFunction(() => document.querySelectorAll('input[type=range][data-testid^="slider-growth-"][data-testid$="-0"]').length === 8, null, { timeout: 10_000 });
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.foreignRequests, []);
    await context.close();
  });
});
