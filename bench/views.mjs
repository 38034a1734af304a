// Input → every visible view updated, per view and per kind of input, on the
// release build in Debian's headless Chromium (issue 12's clock):
//
//   node bench/views.mjs [--dist DIR] [--against DIR] [--moves N] [--rounds N] [--views a,b] [--gap FRAMES]
//
// The clock starts at the input event's dispatch and stops (a) at the end
// of the task that updated the page — a MessageChannel message posted right
// after dispatch is delivered only after that task and its microtasks, where
// yew renders every view and draws every chart — and (b) at the next
// animation frame after it. It is not the first chart's draw stamp.
//
// Views: overview, industries (8 panels with bands), indicators; inputs: a
// growth slider (`input`, one per frame), its exact field (a typed value
// committed with `change`) and a preset click. Long tasks (> 50 ms) are
// counted with a PerformanceObserver during the slider drag. Then the Monte
// Carlo at 100,000 runs while the slider moves in bursts: its slices (the
// main thread's timer tasks, from a trace) and the longest of them.
//
// --dist is the build to measure (default dist/); --against a second build
// measured the same way, interleaved by view (which goes first alternates),
// for a paired comparison (e.g.
// a worktree of an earlier commit built with `trunk build --release`).
// Prints a Markdown table; figures are this machine's, quote them with it.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyFile, writeFile } from 'node:fs/promises';
import { launchBrowser, measureUpdates as measure, openSettledView, percentile, serveDist } from '../tests/e2e/support.mjs';
import { exportReferenceData } from './reference-data.mjs';
import { startTrace } from './trace.mjs';

const repo = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const MOVES = Number(option('--moves', 200));
// Frames waited after each input's next frame before the next input (1: an
// input every other frame, a drag; more, inputs as a planner types them,
// so work an input leaves for later does not fall in the next one's task).
const GAP = Number(option('--gap', 1));
const ROUNDS = Number(option('--rounds', 30));
const builds = [['this build', resolve(option('--dist', join(repo, 'dist')))]];
if (option('--against', null)) builds.push(['against', resolve(option('--against', ''))]);
const VIEWS = option('--views', 'overview,industries,indicators').split(',');

/** The ECharts reference page (bench/echarts) in the same view, the same
 * slider and the same clock: its update task ends after ECharts has drawn
 * synchronously (animation off). */
async function runReference(browser, url, view) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${url}?view=${view}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=app]')?.dataset.monteCarloSequence, null, { timeout: 30_000 });
  const slider = await measure(page, 'slider', MOVES);
  await context.close();
  return slider;
}

async function run(browser, url, view) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  // The Monte Carlo bands of the first scenario are in before the clock runs.
  await openSettledView(page, url, view);
  const out = {};
  out.slider = await measure(page, 'slider', MOVES);
  out.field = await measure(page, 'field', ROUNDS, GAP);
  out.preset = await measure(page, 'preset', ROUNDS, GAP);
  await context.close();
  return out;
}

/** The Monte Carlo at its largest setting (100,000 runs) while a hand
 * drags and rests: the slider moves in bursts of 10 (one per frame) with
 * 250 ms rests, so simulations start and are cut off. Returns the
 * durations (ms) of the main thread's timer tasks from a trace (the
 * simulation's slices among them), and the time and longest slice of the
 * last complete simulation as the app reports them. */
async function monteCarloSlices(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url);
  const app = '[data-testid=app]';
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.monteCarloSequence, app, { timeout: 30_000 });
  const sequence = () => page.evaluate((sel) => document.querySelector(sel).dataset.monteCarloSequence, app);
  const before = await sequence();
  // The runs field is built once its group (a closed disclosure) opens.
  await page.evaluate(() => { document.querySelector('details.group-uncertainty').open = true; });
  await page.waitForSelector('[data-testid=field-runs]');
  await page.evaluate(() => {
    const field = document.querySelector('[data-testid=field-runs]');
    field.value = '100000';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(([sel, seen]) => document.querySelector(sel).dataset.monteCarloSequence !== seen, [app, before], { timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  const stopTrace = await startTrace(cdp, '__metadata,toplevel,devtools.timeline,disabled-by-default-devtools.timeline');
  await page.evaluate(async () => {
    const slider = document.querySelector('[data-testid="slider-growth-chemicals-0"]');
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    for (let burst = 0; burst < 8; burst += 1) {
      for (let move = 0; move < 10; move += 1) {
        slider.value = String(5 + ((burst * 10 + move) % 20) * 0.5);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
      }
      await new Promise((done) => setTimeout(done, 250));
    }
  });
  const last = await sequence();
  await page.waitForFunction(([sel, seen]) => document.querySelector(sel).dataset.monteCarloSequence !== seen, [app, last], { timeout: 60_000 }).catch(() => {});
  const events = await stopTrace();
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => e.tid));
  const tasks = events.filter((e) => mains.has(e.tid) && e.ph === 'X' && e.name === 'RunTask' && e.dur);
  const timers = events.filter((e) => mains.has(e.tid) && e.name === 'TimerFire');
  const slices = tasks
    .filter((task) => timers.some((timer) => timer.tid === task.tid && timer.ts >= task.ts && timer.ts <= task.ts + task.dur))
    .map((task) => task.dur / 1000);
  const { monteCarloMs, monteCarloSliceMs } = await page.evaluate((sel) => document.querySelector(sel).dataset, app);
  await context.close();
  return { slices, simulationMs: Number(monteCarloMs), longestSliceMs: Number(monteCarloSliceMs) };
}

const stats = (pairs, idx) => {
  const values = pairs.map((pair) => pair[idx]).sort((a, b) => a - b);
  return [percentile(values, 0.5), percentile(values, 0.95)];
};
const f = (value) => value.toFixed(1);

const browser = await launchBrowser();
const servers = [];
try {
  for (const [, dir] of builds) servers.push(await serveDist({ dir }));
  const measured = builds.map(() => ({}));
  // The page measured second in a pair tends to come out slower on this
  // machine, so the order alternates from view to view.
  for (const [viewIdx, view] of VIEWS.entries()) {
    const order = [...builds.keys()];
    if (viewIdx % 2 === 1) order.reverse();
    for (const idx of order) measured[idx][view] = await run(browser, servers[idx].url, view);
  }
  const monteCarlo = [];
  for (const [idx] of builds.entries()) monteCarlo.push(await monteCarloSlices(browser, servers[idx].url));
  // The reference page: ECharts from node_modules, the data exported from this build.
  const referenceRoot = join(repo, 'bench/echarts');
  await copyFile(join(repo, 'node_modules/echarts/dist/echarts.min.js'), join(referenceRoot, 'echarts.min.js'));
  await writeFile(join(referenceRoot, 'data.json'), `${JSON.stringify(await exportReferenceData(browser, servers[0].url), null, 1)}\n`);
  const reference = await serveDist({ dir: referenceRoot });
  servers.push(reference);
  const referenceViews = VIEWS.filter((view) => view === 'overview' || view === 'industries');
  const referenceMeasured = {};
  for (const view of referenceViews) referenceMeasured[view] = await runReference(browser, reference.url, view);
  const lines = [
    `Date: ${new Date().toISOString().slice(0, 10)}; machine: ${availableParallelism()} cores, ${cpus()[0]?.model}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    `Command: node bench/views.mjs ${args.join(' ')}`.trim(),
    '',
    `| view | input | ${builds.map(([name]) => `${name}: task end p50 / p95 | next frame p50 / p95`).join(' | ')} |`,
    `|---|---|${builds.map(() => '---:|---:').join('|')}|`,
  ];
  for (const view of VIEWS) {
    for (const kind of ['slider', 'field', 'preset']) {
      const cells = measured.map((byView) => {
        const { results } = byView[view][kind];
        const [taskP50, taskP95] = stats(results, 0);
        const [frameP50, frameP95] = stats(results, 1);
        return `${f(taskP50)} / ${f(taskP95)} ms | ${f(frameP50)} / ${f(frameP95)} ms`;
      });
      lines.push(`| ${view} | ${kind} | ${cells.join(' | ')} |`);
    }
  }
  lines.push('');
  // The clock dispatches each input inside an animation-frame callback, so
  // the next frame is one refresh (16.7 ms) away at best: the p95 above
  // sits just over it. What matters is whether the update made that frame.
  for (const [idx, [name]] of builds.entries()) {
    const late = VIEWS.flatMap((view) => ['slider', 'field', 'preset'].map((kind) => {
      const { results } = measured[idx][view][kind];
      return `${view} ${kind} ${results.filter(([, frame]) => frame > 25).length}/${results.length}`;
    }));
    lines.push(`Inputs whose next frame came over 25 ms after them (a frame skipped), ${name}: ${late.join(', ')}.`);
  }
  for (const [idx, [name]] of builds.entries()) {
    const drags = VIEWS.map((view) => {
      const long = measured[idx][view].slider.longTasks;
      return `${view} ${long.length}${long.length ? ` (longest ${f(Math.max(...long))} ms)` : ''}`;
    });
    lines.push(`Long tasks (> 50 ms) during a ${MOVES}-move drag, ${name}: ${drags.join(', ')}.`);
  }
  if (referenceViews.length) {
    lines.push('', 'Against the ECharts reference page (bench/echarts, the same slider, the same clock; its overview is the one line chart, its industries view eight small multiples with bands; it has no indicators view):', '');
    lines.push(`| view | ECharts: task end p50 / p95 | next frame p50 / p95 | ${builds.map(([name]) => `${name} ÷ ECharts, task end p50 / p95`).join(' | ')} |`);
    lines.push(`|---|---:|---:|${builds.map(() => '---:').join('|')}|`);
    for (const view of referenceViews) {
      const [refP50, refP95] = stats(referenceMeasured[view].results, 0);
      const [refFrameP50, refFrameP95] = stats(referenceMeasured[view].results, 1);
      const ratios = measured.map((byView) => {
        const [p50, p95] = stats(byView[view].slider.results, 0);
        return `${(p50 / refP50).toFixed(2)} / ${(p95 / refP95).toFixed(2)}`;
      });
      lines.push(`| ${view} | ${f(refP50)} / ${f(refP95)} ms | ${f(refFrameP50)} / ${f(refFrameP95)} ms | ${ratios.join(' | ')} |`);
    }
  }
  lines.push('');
  for (const [idx, [name]] of builds.entries()) {
    const { slices, simulationMs, longestSliceMs } = monteCarlo[idx];
    const sorted = [...slices].sort((a, b) => a - b);
    lines.push(`Monte Carlo at 100,000 runs while the slider moves in 8 bursts of 10 with 250 ms rests, ${name}: a whole simulation ${f(simulationMs)} ms, its longest slice ${Number.isFinite(longestSliceMs) ? `${f(longestSliceMs)} ms` : 'not reported'} (data-monte-carlo-slice-ms); the main thread's timer tasks (the slices, the page showing new bands, the address bar's trailing write) ${slices.length}, p50 ${f(percentile(sorted, 0.5))} ms, longest ${f(sorted.at(-1) ?? 0)} ms, ${slices.filter((ms) => ms > 8).length} over 8 ms.`);
  }
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
