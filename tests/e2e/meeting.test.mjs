// End-to-end: the screen for the meeting room and the phone. The answer
// (the headline strip) and the main chart are inside the first viewport at
// laptop, projector and phone sizes; chart type is legible; presentation
// slides fill the screen; the phone opens the assumptions from a button.
// Both languages. Sizes are asserted, never timings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, openApp, useBrowserSuite, visibleChartsDrawn } from './support.mjs';

const suite = useBrowserSuite();

const FIRST_SCREENS = {
  laptop: { width: 1366, height: 768 },
  projector: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
};

const open = (viewport, lang) => openApp(suite.browser, suite.server.url, viewport, lang);

/** Whether the element's box lies wholly inside the viewport (with a pixel of slack). */
async function inFirstViewport(page, testid) {
  const { box, width, height } = await page.getByTestId(testid).evaluate((node) => {
    const rect = node.getBoundingClientRect();
    return { box: { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right }, width: innerWidth, height: innerHeight };
  });
  return { inside: box.top >= -1 && box.left >= -1 && box.bottom <= height + 1 && box.right <= width + 1, box, width, height };
}

/** The labels of the view tabs that end past the right edge of the screen. */
function tabsPastTheEdge(page) {
  return page.locator('[data-testid^="tab-"]').evaluateAll((tabs) => tabs
    .filter((tab) => tab.getBoundingClientRect().right > innerWidth)
    .map((tab) => tab.textContent));
}

/** The smallest chart text drawn on each visible canvas, in CSS px. */
function smallestChartText(page) {
  return page.evaluate(() => [...document.querySelectorAll('canvas')]
    .filter((canvas) => canvas.getClientRects().length > 0 && canvas.dataset.minTextPx)
    .map((canvas) => [canvas.dataset.testid, Number(canvas.dataset.minTextPx)]));
}

describe('the first screen', () => {
  for (const lang of ['zh', 'en']) {
    for (const [name, viewport] of Object.entries(FIRST_SCREENS)) {
      test(`${name} ${viewport.width}×${viewport.height} (${lang}): the headline strip and the main chart are in the first viewport`, async () => {
        const { context, page, problems } = await open(viewport, lang);
        await page.getByTestId('headline').waitFor();
        for (const testid of ['headline', 'industry-chart-canvas']) {
          const { inside, box } = await inFirstViewport(page, testid);
          assert.ok(inside, `${testid} at ${JSON.stringify(box)} is not inside ${viewport.width}×${viewport.height}`);
        }
        // The headline says, for each checkpoint year, met / close / missed,
        // and the lead test's verdict.
        const headline = await page.getByTestId('headline').textContent();
        for (const year of ['2022', '2028']) assert.match(headline, new RegExp(year));
        assert.match(headline, lang === 'zh' ? /达标.*接近.*未达标/s : /met.*close.*missed/s);
        assert.match(await page.getByTestId('headline-lead').textContent(), lang === 'zh' ? /通过/ : /passed/);
        // The summary leads with at most two sentences; the rest is one click away.
        const lead = await page.getByTestId('summary-lead').textContent();
        const sentences = lead.split(lang === 'zh' ? /。/ : /\.\s/).filter((piece) => piece.trim()).length;
        assert.ok(sentences <= 2, `${sentences} sentences in the lead: ${lead}`);
        assert.equal(await page.getByTestId('summary-more').evaluate((node) => node.open), false);
        // One row per goal, grouped, the two checkpoint years side by side.
        const groups = await page.locator('[data-testid=scorecard] .group-row').count();
        assert.equal(groups, 3, 'economy-wide, industries, the aim');
        assert.equal(await page.locator('[data-testid^="scorecard-row-"]').count(),
          await page.locator('[data-testid=scorecard] tbody tr:not(.group-row)').count());
        // Chart type at least 13 CSS px.
        for (const [testid, px] of await smallestChartText(page)) assert.ok(px >= 13, `${testid}: ${px}px text`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
        if (name !== 'phone') {
          // Every view's tab is on the screen (a phone scrolls them sideways).
          assert.deepEqual(await tabsPastTheEdge(page), [], 'tabs past the right edge');
        }
        assert.deepEqual(problems.pageErrors, []);
        await context.close();
      });
    }
  }

  test('laptop 1024×768 (zh): every view\'s tab is on the screen', async () => {
    const { context, page } = await open({ width: 1024, height: 768 }, 'zh');
    await page.getByTestId('headline').waitFor();
    assert.deepEqual(await tabsPastTheEdge(page), [], 'tabs past the right edge');
    await context.close();
  });

  for (const lang of ['zh', 'en']) {
    test(`phone (${lang}): the assumptions open from a sticky button; the scorecard is a compact table; touch targets ≥ 40 px`, async () => {
      const { context, page, problems } = await open(FIRST_SCREENS.phone, lang);
      const toggle = page.getByTestId('drawer-toggle');
      assert.equal(await page.getByTestId('assumptions').isVisible(), false, 'the results come first');
      const before = await toggle.boundingBox();
      assert.ok(before.height >= 40 && before.width >= 40, `button ${before.width}×${before.height}`);
      // Sticky: still on screen after scrolling to the bottom.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const after = await toggle.boundingBox();
      assert.ok(after.y >= 0 && after.y + after.height <= 844, 'the button stays on screen');
      await toggle.click();
      await page.getByTestId('assumptions').waitFor();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const [id] = await new AppPage(page).industryIds();
      assert.equal(await page.getByTestId(`slider-growth-${id}-0`).isVisible(), true);
      await toggle.click();
      await page.getByTestId('assumptions').waitFor({ state: 'hidden' });
      // The scorecard is a table that fits the screen.
      const table = await page.getByTestId('scorecard').evaluate((node) => ({ display: getComputedStyle(node).display, right: node.getBoundingClientRect().right }));
      assert.equal(table.display, 'table');
      assert.ok(table.right <= 391, `scorecard ends at ${table.right}px`);
      for (const testid of ['tab-overview', 'lang-toggle', 'present']) {
        const box = await page.getByTestId(testid).boundingBox();
        assert.ok(box.height >= 40, `${testid} ${box.height}px tall`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });
  }
});

/** The part of a slide that carries its message: its charts, its tables, or the lead test. */
function slideCoverage(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('#view-panel');
    const parts = [...panel.querySelectorAll('canvas, table, .lead-test')]
      .filter((node) => node.getClientRects().length > 0 && !node.closest('.chart-table'));
    if (parts.length === 0) return { coverage: 0, parts: 0 };
    const rects = parts.map((node) => node.getBoundingClientRect());
    const top = Math.max(0, Math.min(...rects.map((rect) => rect.top)));
    const left = Math.max(0, Math.min(...rects.map((rect) => rect.left)));
    const bottom = Math.min(innerHeight, Math.max(...rects.map((rect) => rect.bottom)));
    const right = Math.min(innerWidth, Math.max(...rects.map((rect) => rect.right)));
    return { coverage: ((bottom - top) * (right - left)) / (innerWidth * innerHeight), parts: parts.length };
  });
}

describe('presentation mode', () => {
  for (const lang of ['zh', 'en']) {
    test(`1920×1080 (${lang}): one message per slide, each covering at least 70 % of the screen, chart type at least 18 px`, async () => {
      const { context, page, problems } = await open({ width: 1920, height: 1080 }, lang);
      await page.getByTestId('present').click();
      await page.getByTestId('presentation-bar').waitFor();
      const expected = ['slide-headline', 'slide-composition', 'view-industries', 'view-indicators', 'slide-lead', 'closing-slide'];
      assert.equal(await page.getByTestId('slide-number').textContent(), `1/${expected.length}`);
      for (const [idx, testid] of expected.entries()) {
        await page.waitForFunction((wanted) => document.querySelector('[data-testid=slide-number]')?.textContent.startsWith(`${wanted}/`), idx + 1, { timeout: 10_000 });
        await page.getByTestId(testid).waitFor({ timeout: 10_000 });
        await visibleChartsDrawn(page);
        if (testid !== 'closing-slide') {
          const { coverage, parts } = await slideCoverage(page);
          console.log(`slide ${idx + 1} (${testid}, ${lang}): ${(coverage * 100).toFixed(0)} % of the screen, ${parts} parts`);
          assert.ok(coverage >= 0.7, `${testid}: ${(coverage * 100).toFixed(0)} %`);
          for (const [canvas, px] of await smallestChartText(page)) assert.ok(px >= 18, `${testid} ${canvas}: ${px}px text`);
        }
        if (testid === 'view-industries' || testid === 'view-indicators') {
          // The key (dashes, grey line, band) is on the slide, above the charts.
          const key = await page.getByTestId(testid).evaluate((section) => {
            const note = section.querySelector(':scope > .panel-note');
            const rect = note?.getBoundingClientRect();
            const chartTop = Math.min(...[...section.querySelectorAll('canvas')].filter((canvas) => canvas.getClientRects().length > 0).map((canvas) => canvas.getBoundingClientRect().top));
            return rect && { text: note.textContent, height: rect.height, bottom: rect.bottom, chartTop };
          });
          assert.ok(key && key.height > 0, `${testid}: no key on the slide`);
          assert.match(key.text, /P10/, `${testid}: the key does not say what the band is`);
          assert.ok(key.bottom <= key.chartTop, `${testid}: the key (bottom ${key.bottom}) overlaps the charts (top ${key.chartTop})`);
        }
        if (testid === 'view-industries') {
          // 2×4: two rows of four.
          const tops = await page.locator('[data-testid^="industry-panel-"][data-testid$="-canvas"]').evaluateAll((nodes) => nodes.map((node) => Math.round(node.getBoundingClientRect().top)));
          assert.equal(new Set(tops).size, 2, `rows at ${tops}`);
        }
        await page.keyboard.press('ArrowRight');
      }
      await page.getByTestId('qr-code').waitFor();
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });
  }

  test('1920×1080: each compared scenario and the comparison have a slide of their own, covering at least 70 % of the screen', async () => {
    const { context, page, app, problems } = await open({ width: 1920, height: 1080 }, 'zh');
    await app.openView('compare');
    await page.getByTestId('compare-preset-trend').click();
    await page.getByTestId('compare-preset-stress').click();
    await page.getByTestId('present').click();
    await page.getByTestId('presentation-bar').waitFor();
    assert.equal(await page.getByTestId('slide-number').textContent(), '1/9');
    for (let press = 0; press < 5; press += 1) await page.keyboard.press('ArrowRight');
    for (const [slide, testid] of [[6, 'compared-slide'], [7, 'compared-slide'], [8, 'view-compare']]) {
      await page.waitForFunction((wanted) => document.querySelector('[data-testid=slide-number]')?.textContent.startsWith(`${wanted}/`), slide, { timeout: 10_000 });
      await page.getByTestId(testid).waitFor({ timeout: 10_000 });
      await visibleChartsDrawn(page);
      const { coverage, parts } = await slideCoverage(page);
      console.log(`slide ${slide} (${testid}): ${(coverage * 100).toFixed(0)} % of the screen, ${parts} parts`);
      assert.ok(coverage >= 0.7, `slide ${slide}: ${(coverage * 100).toFixed(0)} %`);
      await page.keyboard.press('ArrowRight');
    }
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  for (const viewport of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
    test(`${viewport.width}×${viewport.height}: every slide's charts and tables fit the screen above the bar`, async () => {
      const { context, page, problems } = await open(viewport, 'en');
      await page.getByTestId('present').click();
      await page.getByTestId('presentation-bar').waitFor();
      const [, total] = (await page.getByTestId('slide-number').textContent()).split('/').map(Number);
      for (let slide = 1; slide < total; slide += 1) {
        await visibleChartsDrawn(page);
        const runOver = await page.evaluate(() => {
          const bar = document.querySelector('[data-testid=presentation-bar]').getBoundingClientRect().top;
          // The scorecard's table on the first slide as much as a chart:
          // its last rows under the bar are lost to the room; a slide's key too.
          return [...document.querySelectorAll('#view-panel canvas, #view-panel table, #view-panel .panel-note')]
            .filter((part) => part.getClientRects().length > 0)
            .map((part) => part.getBoundingClientRect())
            .filter((rect) => rect.bottom > bar + 1 || rect.right > innerWidth + 1)
            .map((rect) => `${Math.round(rect.right)}×${Math.round(rect.bottom)} (bar at ${Math.round(bar)})`);
        });
        assert.deepEqual(runOver, [], `slide ${slide}: a chart or table runs under the bar or off the screen`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 1, `slide ${slide}: sideways scrolling (${overflow}px)`);
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction((wanted) => document.querySelector('[data-testid=slide-number]')?.textContent.startsWith(`${wanted}/`), slide + 1, { timeout: 10_000 });
      }
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });
  }
});
