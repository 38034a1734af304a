// End-to-end: every verdict follows every input. The 2028 threshold and the
// two continuation switches change targets but not the projection; the lead
// test, the scorecard and the tallies must follow them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, useBrowserSuite, watchPage } from './support.mjs';

const suite = useBrowserSuite();

const tally = (page, year) => page.getByTestId(`tally-${year}`).evaluate((node) => ({
  met: Number(node.dataset.met),
  close: Number(node.dataset.close),
  missed: Number(node.dataset.missed),
}));

describe('verdicts follow the scenario', () => {
  test('the lead threshold and both continuation switches update the lead test, scorecard and tallies', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const problems = watchPage(page, suite.server.url.replace(/\/$/, ''));
    const app = new AppPage(page);
    await app.goto(suite.server.url);
    await page.getByTestId('lead-test').waitFor();
    await page.evaluate(() => document.querySelectorAll('details').forEach((node) => { node.open = true; }));

    // The threshold: 1.00 → 0.50.
    const leadRow = page.getByTestId('score-aim.2028-2028');
    assert.match(await leadRow.textContent(), /1\.00/);
    await page.getByTestId('field-lead-ratio').fill('0.5');
    await page.getByTestId('field-lead-ratio').press('Enter');
    await page.waitForFunction(
      () => /0\.50/.test(document.querySelector('[data-testid=lead-test]').textContent),
      null,
      { timeout: 10_000 },
    );
    assert.match(await leadRow.textContent(), /0\.50/);
    // Plan pace's ratio (≈ 0.68) passes a threshold of 0.5.
    assert.equal(await leadRow.getAttribute('data-status'), 'met');

    // Continue increments off: the three indicators have no 2028 target.
    const before = await tally(page, 2028);
    await page.getByTestId('flag-increments').uncheck();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="score-indicator.sei_share-2028"]'),
      null,
      { timeout: 10_000 },
    );
    const withoutIncrements = await tally(page, 2028);
    const total = (t) => t.met + t.close + t.missed;
    assert.equal(total(withoutIncrements), total(before) - 3);
    assert.match(await page.getByTestId('unscored-2028').textContent(), /研发|R&D/);

    // Continue productivity off: productivity has no 2028 target either.
    await page.getByTestId('flag-productivity').uncheck();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="score-indicator.productivity-2028"]'),
      null,
      { timeout: 10_000 },
    );
    const onlyTheAim = await tally(page, 2028);
    assert.equal(total(onlyTheAim), 1, 'only the 2028 aim is scored in 2028');
    assert.equal(onlyTheAim.met, 1, 'the aim passes at 0.5 once the continuations are off');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=lead-test]').dataset.passed === 'true',
      null,
      { timeout: 10_000 },
    );

    // 2022 is scored on 2022 goals only: the qualitative aim is not in it.
    assert.equal(await page.locator('[data-testid="score-aim.2028-2022"]').count(), 0);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});
