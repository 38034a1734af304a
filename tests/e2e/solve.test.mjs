// End-to-end: the solver. "What would it take?" — solve from each preset,
// preview (moves, scorecards, time), apply as one undo step, share as a link;
// a lock is kept, and a locked conflict is explained. Times are printed as the
// solve benchmark (performance.now() around the solve, in the release wasm).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowserSuite } from './support.mjs';

const suite = useBrowserSuite();

const open = (viewport, lang) => openApp(suite.browser, suite.server.url, viewport, lang);

/** The ms figure the preview shows. */
async function solveTime(page) {
  const text = await page.getByTestId('solve-time').textContent();
  const match = text.match(/([\d.,]+)/);
  assert.ok(match, `a time in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}

describe('the solver', () => {
  test('from each preset it previews a scenario meeting every milestone goal; apply is one undo step and a link', async () => {
    const { context, page, problems, app } = await open({ width: 1366, height: 768 }, 'zh');
    const times = {};
    for (const preset of ['plan_pace', 'trend', 'stress']) {
      await page.getByTestId(`preset-${preset}`).click();
      await page.getByTestId('solve').click();
      await page.getByTestId('solve-preview').waitFor({ timeout: 10_000 });
      assert.equal(await page.getByTestId('solve-feasible').count(), 1, `${preset}: feasible`);
      times[preset] = await solveTime(page);
      // Every milestone goal is met in the solved column.
      const solved = await page.locator('[data-testid=solve-scorecard] tbody tr').evaluateAll((rows) =>
        rows.map((row) => row.lastElementChild.className));
      assert.ok(solved.length >= 11, `${preset}: ${solved.length} goals`);
      assert.ok(solved.every((name) => name.includes('status-met')), `${preset}: ${solved}`);
      assert.ok(await page.locator('[data-testid=solve-moves] tbody tr').count() > 0, `${preset}: moves listed`);
    }
    console.log(`solve time in the release wasm (headless Chromium, this machine): ${Object.entries(times).map(([preset, ms]) => `${preset} ${ms} ms`).join(', ')}`);

    // Apply the stress preset's solve: every milestone goal on the scorecard
    // is met, one undo brings the preset back.
    const [first] = await app.industryIds();
    const before = await app.field(first).inputValue();
    const hashBefore = await page.evaluate(() => location.hash);
    await page.getByTestId('solve-apply').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=solve-preview]'), null, { timeout: 10_000 });
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('[data-testid^="score-"][data-testid$="-2022"]')];
        return rows.length > 0 && rows.every((row) => row.dataset.status === 'met');
      },
      null,
      { timeout: 10_000 },
    );
    await page.waitForFunction((old) => location.hash !== old && location.hash.length > 3, hashBefore, { timeout: 10_000 });
    await page.getByTestId('undo').click();
    await page.waitForFunction(
      ([id, value]) => document.querySelector(`[data-testid="field-growth-${id}-0"]`).value === value,
      [first, before],
      { timeout: 10_000 },
    );
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a locked input stays, and a locked conflict names the goals and the lock (English, phone)', async () => {
    const { context, page, problems } = await open({ width: 390, height: 844 }, 'en');
    // On a phone the assumptions open from the sticky button.
    await page.getByTestId('drawer-toggle').click();
    await page.getByTestId('preset-trend').click();
    const lock = page.getByTestId('lock-growth-chemicals-0');
    await lock.click();
    assert.equal(await lock.getAttribute('aria-pressed'), 'true');
    const box = await lock.boundingBox();
    assert.ok(box.height >= 40, `touch target ${box.height}px`);
    const locked = await page.getByTestId('field-growth-chemicals-0').inputValue();
    await page.getByTestId('solve').click();
    await page.getByTestId('solve-infeasible').waitFor({ timeout: 10_000 });
    assert.match(await page.getByTestId('solve-conflicts').textContent(), /chemicals/i);
    assert.match(await page.getByTestId('solve-binding').textContent(), /locked/);
    assert.equal(await page.getByTestId('solve-move-growth-chemicals-0').count(), 0, 'the locked input does not move');
    // Nothing changed yet; cancel closes the preview.
    assert.equal(await page.getByTestId('field-growth-chemicals-0').inputValue(), locked);
    await page.getByTestId('solve-cancel').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=solve-preview]'), null, { timeout: 10_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
