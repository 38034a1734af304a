// End-to-end: undo/redo by button and keyboard; chart downloads.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { AppPage, useBrowserSuite, watchPage } from './support.mjs';

const suite = useBrowserSuite();

async function openApp() {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const problems = watchPage(page, suite.server.url.replace(/\/$/, ''));
  const app = new AppPage(page);
  await app.goto(suite.server.url);
  return { context, page, app, problems };
}

describe('history and downloads', () => {
  test('a slider drag is one undo step; redo brings it back; Ctrl+Z works too', async () => {
    const { context, page, app, problems } = await openApp();
    const [first, second] = await app.industryIds();
    const original = await app.field(first).inputValue();
    assert.equal(await page.getByTestId('undo').isDisabled(), true);
    await app.slider(first).focus();
    for (let press = 0; press < 5; press += 1) await app.slider(first).press('ArrowRight');
    const dragged = await app.field(first).inputValue();
    assert.notEqual(dragged, original);
    await page.getByTestId('undo').click();
    await page.waitForFunction(
      ([id, value]) => document.querySelector(`[data-testid="field-growth-${id}-0"]`).value === value,
      [first, original],
      { timeout: 10_000 },
    );
    await page.getByTestId('redo').click();
    await page.waitForFunction(
      ([id, value]) => document.querySelector(`[data-testid="field-growth-${id}-0"]`).value === value,
      [first, dragged],
      { timeout: 10_000 },
    );
    // Keyboard: change another industry, then Ctrl+Z from the page.
    const secondOriginal = await app.field(second).inputValue();
    await app.slider(second).focus();
    await app.slider(second).press('ArrowLeft');
    await page.getByTestId('app-title').click();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      ([id, value]) => document.querySelector(`[data-testid="field-growth-${id}-0"]`).value === value,
      [second, secondOriginal],
      { timeout: 10_000 },
    );
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(
      ([id, value]) => document.querySelector(`[data-testid="field-growth-${id}-0"]`).value !== value,
      [second, secondOriginal],
      { timeout: 10_000 },
    );
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  test('the Back entry of a preset is written after the frame that shows the preset', async () => {
    // A pushState costs milliseconds; it must not hold up the frame that
    // shows the input (use_url_sync waits with web::after_next_frame).
    const { context, page, problems } = await openApp();
    // The click runs inside an animation-frame callback, as a real input
    // is dispatched at the start of a frame, counted by the same callback.
    await page.evaluate(() => {
      window.frames_seen = 0;
      window.pushed_at_frames = [];
      const push = history.pushState.bind(history);
      history.pushState = (...args) => { window.pushed_at_frames.push(window.frames_seen); return push(...args); };
      const tick = () => {
        window.frames_seen += 1;
        if (window.click_now) {
          window.click_now = false;
          window.clicked_at = window.frames_seen;
          document.querySelectorAll('[data-testid^="preset-"]')[1].click();
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const presets = await page.locator('[data-testid^="preset-"]').count();
    assert.ok(presets >= 2, 'the drawer offers presets');
    await page.evaluate(() => { window.click_now = true; });
    await page.waitForFunction(() => window.pushed_at_frames.length > 0, null, { timeout: 10_000 });
    const [pushedAt] = await page.evaluate(() => window.pushed_at_frames);
    const clickedAt = await page.evaluate(() => window.clicked_at);
    assert.ok(pushedAt > clickedAt, `pushState ran at frame ${pushedAt}, the click at ${clickedAt}`);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('two separate drags of one slider are two undo steps and two Back entries', async () => {
    // Two mouse drags of one slider; returns the values before, between and after.
    const twoDrags = async ({ page, app }) => {
      const [first] = await app.industryIds();
      const values = [await app.field(first).inputValue()];
      const box = await app.slider(first).boundingBox();
      const y = box.y + box.height / 2;
      for (const [from, to] of [[0.5, 0.7], [0.7, 0.9]]) {
        const before = await page.evaluate(() => location.hash);
        await page.mouse.move(box.x + box.width * from, y);
        await page.mouse.down();
        for (let step = 1; step <= 5; step += 1) {
          await page.mouse.move(box.x + box.width * (from + ((to - from) * step) / 5), y);
        }
        await page.mouse.up();
        values.push(await app.field(first).inputValue());
        // The last replace of a drag may wait for the throttle; it lands.
        await page.waitForFunction((link) => location.hash !== link, before, { timeout: 10_000 });
      }
      assert.equal(new Set(values).size, 3, `each drag moves the value: ${values}`);
      const fieldIs = (value) =>
        page.waitForFunction(
          ([id, expected]) => document.querySelector(`[data-testid="field-growth-${id}-0"]`).value === expected,
          [first, value],
          { timeout: 10_000 },
        );
      return { values, fieldIs };
    };

    const back = await openApp();
    const { values, fieldIs } = await twoDrags(back);
    await back.page.goBack();
    await fieldIs(values[1]);
    await back.page.goBack();
    await fieldIs(values[0]);
    assert.deepEqual(back.problems.consoleErrors, []);
    await back.context.close();

    const undo = await openApp();
    const second = await twoDrags(undo);
    assert.deepEqual(second.values, values);
    await undo.page.getByTestId('undo').click();
    await second.fieldIs(values[1]);
    await undo.page.getByTestId('undo').click();
    await second.fieldIs(values[0]);
    assert.deepEqual(undo.problems.consoleErrors, []);
    await undo.context.close();
  });

  test('a chart downloads as SVG and as a 2x PNG', async () => {
    const { context, page } = await openApp();
    const canvasWidth = await page.getByTestId('industry-chart-canvas').evaluate((canvas) => canvas.clientWidth);
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('industry-chart-canvas-svg').click()]);
    assert.equal(svgDownload.suggestedFilename(), 'pathways-industries.svg');
    const svg = await readFile(await svgDownload.path(), 'utf8');
    assert.match(svg, /^<svg/);
    assert.match(svg, /主营业务收入/);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('industry-chart-canvas-png').click()]);
    assert.equal(pngDownload.suggestedFilename(), 'pathways-industries.png');
    const png = await readFile(await pngDownload.path());
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), canvasWidth * 2, 'the PNG is twice the CSS width');
    await context.close();
  });
});

describe('more assumptions', () => {
  test('a one-year shock moves its industry only; the interpretation switches change the lead test', async () => {
    const { context, page, app, problems } = await openApp();
    const rowsBefore = await app.tableRows();
    await page.locator('details.group-shocks > summary').click();
    await page.getByTestId('add-shock').click();
    await page.getByTestId('shock-0-industry').selectOption('2');
    await page.getByTestId('shock-0-pct').fill('-20');
    await page.getByTestId('shock-0-pct').press('Enter');
    await page.waitForFunction(
      (before) => {
        const cells = [...document.querySelectorAll('[data-testid=industry-chart-table] tbody tr')][2].querySelectorAll('td');
        return cells[cells.length - 1].textContent !== before;
      },
      rowsBefore[Object.keys(rowsBefore)[2]].at(-1).toFixed(1),
      { timeout: 10_000 },
    );
    const rowsAfter = await app.tableRows();
    const labels = Object.keys(rowsBefore);
    assert.ok(rowsAfter[labels[2]].at(-1) < rowsBefore[labels[2]].at(-1), 'the shocked industry ends lower');
    assert.deepEqual(rowsAfter[labels[1]], rowsBefore[labels[1]], 'another industry is untouched');
    const leadBefore = await page.getByTestId('lead-test').textContent();
    await page.locator('details.group-economy > summary').click();
    await page.getByTestId('flag-vegetables').check();
    await page.waitForFunction((before) => document.querySelector('[data-testid=lead-test]').textContent !== before, leadBefore, { timeout: 10_000 });
    await page.getByTestId('shock-0-remove').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=shock-0]'), null, { timeout: 10_000 });
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  test('full storage gives a notice and the scenario on screen is kept', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('quota', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    const problems = watchPage(page, suite.server.url.replace(/\/$/, ''));
    const app = new AppPage(page);
    await app.goto(suite.server.url);
    const [id] = await app.industryIds();
    await app.field(id).fill('7.5');
    await app.field(id).press('Enter');
    await page.getByTestId('notice').waitFor({ timeout: 10_000 });
    assert.match(await page.getByTestId('notice').textContent(), /存储/);
    assert.equal(await app.field(id).inputValue(), '7.5');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});

describe('presentation mode', () => {
  test('steps through the views with arrow and clicker keys, ends on the QR code, Esc leaves', async () => {
    const { context, page, app, problems } = await openApp();
    await page.getByTestId('present').click();
    await page.getByTestId('presentation-bar').waitFor();
    assert.equal(await page.locator('.assumptions').isVisible(), false, 'controls hidden');
    assert.equal(await page.getByTestId('slide-number').textContent(), '1/6');
    // One message per slide: the headline and scorecard, the composition,
    // the industries, the indicators, the lead test, the QR code.
    await page.getByTestId('slide-headline').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('slide-composition').waitFor({ timeout: 10_000 });
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('view-industries').waitFor({ timeout: 10_000 });
    await page.keyboard.press('PageDown');
    await page.getByTestId('view-indicators').waitFor({ timeout: 10_000 });
    await page.keyboard.press('PageUp');
    await page.getByTestId('view-industries').waitFor({ timeout: 10_000 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('slide-lead').waitFor({ timeout: 10_000 });
    for (let press = 0; press < 5; press += 1) await page.keyboard.press('ArrowRight');
    await page.getByTestId('closing-slide').waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('slide-number').textContent(), '6/6');
    await page.getByTestId('qr-code').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation-bar').waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await page.locator('.assumptions').isVisible(), true);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});

describe('presentation with compared scenarios', () => {
  test('every chart of industries and indicators overlays the compared scenarios; the slides step through them', async () => {
    const { context, page, app, problems } = await openApp();
    await app.openView('compare');
    await page.getByTestId('compare-preset-trend').click();
    await page.getByTestId('compare-preset-stress').click();
    await app.openView('industries');
    await page.getByTestId('compared-legend').waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('[data-testid=compared-legend] li').count(), 3, 'title + two scenarios');
    await app.openView('indicators');
    await page.getByTestId('compared-legend').waitFor({ timeout: 10_000 });
    await page.getByTestId('present').click();
    await page.getByTestId('presentation-bar').waitFor();
    assert.equal(await page.getByTestId('slide-number').textContent(), '1/9', '5 slides of the scenario, 2 compared, the comparison, the QR');
    for (let press = 0; press < 5; press += 1) await page.keyboard.press('ArrowRight');
    await page.getByTestId('compared-slide').waitFor({ timeout: 10_000 });
    assert.match(await page.getByTestId('compared-slide').textContent(), /趋势/);
    await page.keyboard.press('ArrowRight');
    assert.match(await page.getByTestId('compared-slide').textContent(), /压力/);
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('view-compare').waitFor({ timeout: 10_000 });
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('closing-slide').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
