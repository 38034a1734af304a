// The data of the ECharts reference page (bench/echarts/data.json): the
// app's default projection of the eight industries (from its data table),
// its slider values, and the plan's 2022 revenue goals. Shared by
// bench/run.mjs and bench/views.mjs.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(import.meta.url), '../..');

/** The app's default projection, sliders and goals, for the reference page. */
export async function exportReferenceData(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url);
  // The table is built when its disclosure opens (builds before 2026-12-07
  // had it in the page from the start).
  await page.getByTestId('industry-chart').waitFor();
  await page.evaluate(() => {
    const details = document.querySelector('[data-testid="industry-chart-table-details"]');
    if (details) details.open = true;
  });
  await page.getByTestId('industry-chart-table').waitFor({ state: 'attached' });
  // So are the uncertainty inputs, in the drawer's closed group (builds
  // before 2026-12-07's second session had them in the page from the start).
  await page.evaluate(() => { document.querySelector('details.group-uncertainty').open = true; });
  await page.getByTestId('slider-runs').waitFor({ state: 'attached' });
  const dom = await page.evaluate(() => {
    const table = document.querySelector('[data-testid="industry-chart-table"]');
    const years = [...table.querySelectorAll('thead th')].slice(1).map((cell) => Number(cell.textContent));
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => ({
      name: row.querySelector('th').textContent,
      values: [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent)),
    }));
    const value = (testid) => Number(document.querySelector(`[data-testid="${testid}"]`).value);
    const ids = [...document.querySelectorAll('input[type=range][data-testid^="slider-growth-"][data-testid$="-0"]')].map((input) =>
      input.dataset.testid.replace(/^slider-growth-/, '').replace(/-0$/, ''),
    );
    return {
      years,
      rows,
      industries: ids.map((id) => ({ id, growth0: value(`slider-growth-${id}-0`), sigma: value(`slider-sigma-${id}`) })),
      correlation: value('slider-correlation'),
      runs: value('slider-runs'),
    };
  });
  await context.close();
  const plan = JSON.parse(await readFile(join(repo, 'assets/plan/shouguang-2018.json'), 'utf8'));
  const milestoneIdx = dom.years.indexOf(plan.milestone_year);
  const industries = dom.industries.map((industry, industryIdx) => {
    const { name, values } = dom.rows[industryIdx];
    const goal = plan.goals.find(
      (candidate) =>
        candidate.series?.industry === industry.id &&
        candidate.kind === 'level' &&
        candidate.deadline === plan.milestone_year &&
        candidate.target != null,
    );
    // The second phase's rate as the table implies it (the first is the slider's).
    const last = values.length - 1;
    const growth1 = ((values[last] / values[milestoneIdx]) ** (1 / (last - milestoneIdx)) - 1) * 100;
    return {
      id: industry.id,
      name,
      values,
      growth: [industry.growth0, Math.round(growth1 * 1000) / 1000],
      sigma: industry.sigma,
      goal: goal ? { year: goal.deadline, target: goal.target, strict: goal.comparison === 'more_than' } : null,
    };
  });
  if (industries.length !== 8 || dom.years.length !== 12) {
    throw new Error(`unexpected app data: ${industries.length} industries, ${dom.years.length} years`);
  }
  return {
    note: 'Exported by bench/run.mjs from the app (data table, slider values) and assets/plan (goals).',
    years: dom.years,
    milestoneYear: plan.milestone_year,
    sliderIndustry: 'chemicals',
    correlation: dom.correlation,
    runs: dom.runs,
    seed: plan.uncertainty.seed,
    industries,
  };
}

