// The printable A4 brief: printed to PDF by headless Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppPage, useBrowserSuite } from './support.mjs';

const suite = useBrowserSuite();

describe('printable brief', () => {
  test('prints to an A4 PDF with the summary, scorecard and charts', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const app = new AppPage(page);
    await app.goto(suite.server.url);
    await app.openView('share');
    await page.getByTestId('scenario-name').fill('化工加速方案');
    await app.openView('brief');
    await page.getByTestId('view-brief').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=view-brief] canvas')].every((c) => Number(c.dataset.drawCount) > 0), null, { timeout: 15_000 });
    // The probability column appears once the Monte Carlo bands exist.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=view-brief] [data-testid=scorecard] thead th').length === 10, null, { timeout: 15_000 });
    assert.equal(await page.getByTestId('brief-name').textContent(), '化工加速方案');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.assumptions').isVisible(), false, 'the controls are not printed');
    assert.equal(await page.getByTestId('summary').isVisible(), true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    console.log(`brief: ${pages} A4 pages, ${pdf.length} bytes`);
    assert.ok(pages >= 2 && pages <= 8, `${pages} pages`);
    const out = join(import.meta.dirname, 'artifacts');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'brief.pdf'), pdf);
    await context.close();
  });
});
