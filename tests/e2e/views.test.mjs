// End-to-end: every view, in both languages, at projector, laptop and phone
// sizes — content present, nothing scrolls sideways, no console error.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, chartsDrawn, useBrowserSuite, watchPage } from './support.mjs';

const SIZES = {
  projector: { width: 1920, height: 1080 },
  laptop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
};

/** What each view must show, checked in the page. */
const VIEWS = {
  overview: async (page) => {
    await page.getByTestId('scorecard').waitFor();
    assert.ok((await page.locator('[data-testid=scorecard] tbody tr').count()) >= 10, 'scorecard rows');
    await page.getByTestId('lead-test').waitFor();
  },
  industries: async (page) => {
    assert.equal(await chartsDrawn(page, '[data-testid^="industry-panel-"] canvas'), 8);
  },
  indicators: async (page) => {
    assert.equal(await chartsDrawn(page, '[data-testid^="indicator-panel-"] canvas'), 4);
  },
  analysis: async (page) => {
    assert.ok(await chartsDrawn(page, '[data-testid=view-analysis] canvas') >= 7);
  },
  share: async (page) => {
    await page.getByTestId('qr-code').waitFor();
    assert.match(await page.getByTestId('share-link').inputValue(), /^http:\/\/127\.0\.0\.1:\d+\/#/);
  },
  compare: async (page) => {
    await page.getByTestId('compare-add-current').waitFor();
  },
  brief: async (page) => {
    await page.getByTestId('view-brief').getByTestId('summary').waitFor();
    await page.getByTestId('print').waitFor();
  },
  register: async (page) => {
    await page.getByTestId('view-register').waitFor();
    assert.ok((await page.locator('[data-testid^="goal-"]').count()) >= 25, 'every goal of the plan has a card');
  },
  sources: async (page) => {
    await page.getByTestId('view-sources').waitFor();
    assert.ok((await page.locator('[data-testid=view-sources] [data-provenance=assumption]').count()) >= 8, 'assumption badges');
    assert.ok((await page.locator('[data-testid=view-sources] [data-provenance=published]').count()) >= 1, 'published figures');
  },
};

const suite = useBrowserSuite();

for (const [sizeName, viewport] of Object.entries(SIZES)) {
  for (const lang of ['zh', 'en']) {
    describe(`${sizeName} ${lang}`, () => {
      test('every view shows its content without sideways scrolling or console errors', async () => {
        const context = await suite.browser.newContext({ viewport });
        const page = await context.newPage();
        const problems = watchPage(page, suite.server.url.replace(/\/$/, ''));
        const app = new AppPage(page);
        await app.goto(suite.server.url);
        if (lang === 'en') {
          await app.toggleLanguage();
          await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10_000 });
        }
        for (const [view, check] of Object.entries(VIEWS)) {
          await app.openView(view);
          await page.getByTestId(`view-${view}`).waitFor({ timeout: 10_000 });
          await check(page);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${view}: the page scrolls sideways by ${overflow}px`);
          const tabSelected = await page.getByTestId(`tab-${view}`).getAttribute('aria-selected');
          assert.equal(tabSelected, 'true');
        }
        assert.deepEqual(problems.consoleErrors, []);
        assert.deepEqual(problems.pageErrors, []);
        assert.deepEqual(problems.foreignRequests, [], 'no request leaves the origin');
        assert.deepEqual(problems.failedRequests, []);
        await context.close();
      });
    });
  }
}
