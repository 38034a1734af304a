// Accessibility: axe-core on every view in both languages. No serious or
// critical violation; the counts of all violations are printed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { AppPage, useBrowserSuite } from './support.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const VIEWS = ['overview', 'industries', 'indicators', 'analysis', 'register', 'sources', 'share', 'compare', 'brief'];

const suite = useBrowserSuite();

describe('accessibility (axe-core)', () => {
  for (const lang of ['zh', 'en']) {
    test(`every view in ${lang} has no serious or critical violation`, async () => {
      // axe is injected as a script, which the page's CSP rightly forbids:
      // this context alone bypasses the CSP to run the checker.
      const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
      const page = await context.newPage();
      const app = new AppPage(page);
      await app.goto(suite.server.url);
      if (lang === 'en') {
        await app.toggleLanguage();
        await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10_000 });
      }
      await page.addScriptTag({ path: axePath });
      const counts = {};
      const severe = [];
      for (const view of VIEWS) {
        await app.openView(view);
        await page.getByTestId(`view-${view}`).waitFor({ timeout: 10_000 });
        const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        counts[view] = results.violations.length;
        for (const violation of results.violations) {
          if (violation.impact === 'serious' || violation.impact === 'critical') {
            severe.push(`${view}: ${violation.id} (${violation.impact}) × ${violation.nodes.length}: ${violation.nodes[0]?.target}`);
          }
        }
      }
      console.log(`axe violations by view (${lang}): ${JSON.stringify(counts)}; serious or critical: ${severe.length}`);
      assert.deepEqual(severe, []);
      await context.close();
    });
  }
});
