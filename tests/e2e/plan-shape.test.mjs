// A plan of another shape (five industries in groups of two and three, base
// year 2020, milestone 2025, end year 2035): every view, presentation mode and
// the brief, in both languages, say only the plan's own years, count and city.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { AppPage, useBrowserSuite, visibleChartsDrawn, watchPage } from './support.mjs';

const fivePlan = fileURLToPath(new URL('../fixtures/plan-five-industries.json', import.meta.url));
const VIEWS = ['overview', 'industries', 'indicators', 'analysis', 'compare', 'register', 'sources', 'share', 'brief'];
// What another plan must never show: Shouguang's years, its count of
// industries and its name.
const FOREIGN = [/2017/, /2018/, /2022/, /2028/, /八大/, /\beight\b/i, /寿光/, /Shouguang/i];

const suite = useBrowserSuite();

/**
 * The visible text of the page (document.body.innerText, the title, and the
 * aria-labels, titles and alt texts where charts and controls are named),
 * each piece that contains a foreign word returned. A cell or option that is
 * a year and nothing else is data (a column of the year range), not a label.
 */
function foreignText(page) {
  return page.evaluate((patterns) => {
    const foreign = patterns.map((source) => new RegExp(source, 'i'));
    const pieces = [document.title];
    for (const line of document.body.innerText.split('\n')) pieces.push(...line.split('\t'));
    for (const element of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) pieces.push(value);
      }
    }
    return pieces
      .map((piece) => piece.trim())
      .filter((piece) => piece && !/^\d{4}( 年)?$/.test(piece) && !/^https?:\/\//.test(piece))
      .filter((piece) => foreign.some((pattern) => pattern.test(piece)));
  }, FOREIGN.map((pattern) => pattern.source));
}

const chartsDrawn = visibleChartsDrawn;

async function setLanguage(page, lang) {
  const tag = lang === 'zh' ? 'zh-CN' : 'en';
  if ((await page.getByTestId('app').getAttribute('data-lang')) !== tag) await page.getByTestId('lang-toggle').click();
  await page.waitForFunction((wanted) => document.querySelector('[data-testid=app]')?.dataset.lang === wanted, tag, { timeout: 10_000 });
}

describe('a plan of another shape', () => {
  test('five industries, 2020–2035: every view, the slides and the brief name only the plan\'s years, count and city, in both languages; the link round-trips', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const problems = watchPage(page, suite.server.url.replace(/\/$/, ''));
    const app = new AppPage(page);
    await app.goto(suite.server.url);
    await app.openView('share');
    await page.getByTestId('load-plan').setInputFiles(fivePlan);
    await page.waitForFunction(() => /乌有县/.test(document.querySelector('[data-testid=plan-title]')?.textContent ?? ''), null, { timeout: 10_000 });
    assert.equal(await app.sliders().count(), 5, 'one growth slider per industry of the loaded plan');
    assert.equal(await app.title(), '乌有县新旧动能转换情景模拟器');
    assert.match(await page.locator('[data-testid=phase-0]').textContent(), /2021—2025 年/);
    assert.match(await page.locator('[data-testid=phase-1]').textContent(), /2026—2035 年/);

    for (const lang of ['zh', 'en']) {
      await setLanguage(page, lang);
      for (const view of VIEWS) {
        await app.openView(view);
        await page.getByTestId(`view-${view}`).waitFor({ timeout: 10_000 });
        await chartsDrawn(page);
        assert.deepEqual(await foreignText(page), [], `${lang} ${view}`);
      }
      // The plan's own words where Shouguang's used to be.
      await app.openView('overview');
      const lead = await page.getByTestId('lead-test').textContent();
      assert.match(lead, lang === 'zh' ? /2035 年“新动能主导”检验/ : /The 2035 “new drivers lead” test/);
      assert.match(await page.locator('#chart-heading').textContent(), lang === 'zh' ? /五大产业/ : /the five industries/);
      assert.equal(await app.title(), lang === 'zh' ? '乌有县新旧动能转换情景模拟器' : 'Wuyou County Pathways');

      // Presentation mode: every slide, to the closing QR code.
      await page.getByTestId('present').click();
      await page.getByTestId('presentation-bar').waitFor();
      const [, total] = (await page.getByTestId('slide-number').textContent()).split('/').map(Number);
      assert.ok(total >= 4, `${total} slides`);
      for (let slide = 1; slide <= total; slide += 1) {
        await page.waitForFunction((wanted) => document.querySelector('[data-testid=slide-number]')?.textContent === wanted, `${slide}/${total}`, { timeout: 10_000 });
        await chartsDrawn(page);
        assert.deepEqual(await foreignText(page), [], `${lang} slide ${slide}`);
        if (slide < total) await page.keyboard.press('ArrowRight');
      }
      await page.getByTestId('closing-slide').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('presentation-bar').waitFor({ state: 'detached', timeout: 10_000 });
    }

    // The link carries a change to a new page of the same browser (the
    // loaded plan is kept), and the exports work on the plan.
    await setLanguage(page, 'zh');
    const [, , biomedicine] = await app.industryIds();
    await app.field(biomedicine).fill('11.5');
    await app.field(biomedicine).press('Enter');
    await page.waitForFunction(() => location.hash.length > 3, null, { timeout: 10_000 });
    await app.openView('share');
    const link = await page.getByTestId('share-link').inputValue();
    assert.ok(link.includes('#'), link);
    const second = await context.newPage();
    const secondApp = new AppPage(second);
    await second.goto(link);
    await second.getByTestId('view-share').waitFor({ timeout: 15_000 });
    assert.equal(await secondApp.sliders().count(), 5);
    assert.match(await second.getByTestId('plan-title').textContent(), /乌有县/);
    assert.equal(await secondApp.field(biomedicine).inputValue(), '11.5');
    assert.equal(await second.evaluate(() => location.href), link, 'the link reads back as it was written');
    await second.close();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    assert.ok(csv.suggestedFilename().endsWith('.csv'));
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    assert.ok(json.suggestedFilename().endsWith('.json'));

    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.foreignRequests, []);
    await context.close();
  });
});
