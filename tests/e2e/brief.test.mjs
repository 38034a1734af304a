// The printable A4 brief: printed to PDF by headless Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppPage, useBrowserSuite } from './support.mjs';

const suite = useBrowserSuite();

/** The brief of a fresh page in `lang`, printed to an A4 PDF: its page count. */
async function printBrief(lang, name) {
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.goto(suite.server.url);
  if (lang === 'en') {
    await app.toggleLanguage();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  await app.openView('share');
  await page.getByTestId('scenario-name').fill(name);
  await app.openView('brief');
  await page.getByTestId('view-brief').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=view-brief] canvas')].every((c) => Number(c.dataset.drawCount) > 0), null, { timeout: 15_000 });
  // The chance of meeting each goal appears once the Monte Carlo bands exist.
  await page.waitForFunction(() => document.querySelector('[data-testid=view-brief] [data-testid^=probability-]'), null, { timeout: 15_000 });
  assert.equal(await page.getByTestId('brief-name').textContent(), name);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.assumptions').isVisible(), false, 'the controls are not printed');
  for (const part of ['headline', 'summary', 'scorecard', 'brief-industry-chart-canvas', 'composition-canvas']) {
    assert.equal(await page.getByTestId('view-brief').getByTestId(part).isVisible(), true, `${part} is printed`);
  }
  // No table row and no chart is split by a page break.
  const unsplit = await page.evaluate(() => ['.score-table tr', '.chart-canvas', '.brief-charts'].every((selector) =>
    [...document.querySelectorAll(`[data-testid=view-brief] ${selector}`)].every((node) => getComputedStyle(node).breakInside === 'avoid')));
  assert.ok(unsplit, 'rows and charts avoid page breaks');
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const out = join(import.meta.dirname, 'artifacts');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, `brief-${lang}.pdf`), pdf);
  await context.close();
  return { pages, bytes: pdf.length };
}

describe('printable brief', () => {
  for (const [lang, name] of [['zh', '化工加速方案'], ['en', 'Chemicals first']]) {
    test(`prints on at most two A4 pages with the headline, scorecard, both charts and the settings (${lang})`, async () => {
      const { pages, bytes } = await printBrief(lang, name);
      console.log(`brief (${lang}): ${pages} A4 pages, ${bytes} bytes`);
      assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
    });
  }
});
