// Input → every visible view updated, per view and per kind of input, on the
// release build in Debian's headless Chromium (issue 12's clock):
//
//   node bench/views.mjs [--dist DIR] [--against DIR] [--moves N] [--rounds N] [--views a,b]
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
// counted with a PerformanceObserver during the slider drag.
//
// --dist is the build to measure (default dist/); --against a second build
// measured the same way, interleaved by view, for a paired comparison (e.g.
// a worktree of an earlier commit built with `trunk build --release`).
// Prints a Markdown table; figures are this machine's, quote them with it.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, percentile, serveDist, visibleChartsDrawn } from '../tests/e2e/support.mjs';

const repo = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const MOVES = Number(option('--moves', 200));
const ROUNDS = Number(option('--rounds', 30));
const builds = [['this build', resolve(option('--dist', join(repo, 'dist')))]];
if (option('--against', null)) builds.push(['against', resolve(option('--against', ''))]);
const VIEWS = option('--views', 'overview,industries,indicators').split(',');

/** Runs in the page: dispatches `rounds` inputs made by `act(round)`, one
 * per animation frame, and returns [task end, next frame] times in ms. */
async function measure(page, kind, rounds) {
  return page.evaluate(async ({ kind: inputKind, rounds: count }) => {
    const slider = document.querySelector('[data-testid="slider-growth-chemicals-0"]');
    const field = document.querySelector('[data-testid="field-growth-chemicals-0"]');
    const presets = [...document.querySelectorAll('[data-testid^="preset-"]')];
    const taskEnd = () => new Promise((done) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(0);
    });
    const nextFrame = () => new Promise((done) => requestAnimationFrame(() => done(performance.now())));
    const longTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const results = [];
    for (let round = 0; round < count; round += 1) {
      const value = String(5 + (round % 20) * 0.5);
      const started = performance.now();
      if (inputKind === 'slider') {
        slider.value = value;
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      } else if (inputKind === 'field') {
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        presets[round % presets.length].click();
      }
      const ended = await taskEnd();
      const frame = await nextFrame();
      results.push([ended - started, frame - started]);
      await nextFrame();
    }
    observer.disconnect();
    return { results, longTasks };
  }, { kind, rounds });
}

async function run(browser, url, view) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId(`tab-${view}`).click();
  await page.getByTestId(`view-${view}`).waitFor();
  await visibleChartsDrawn(page);
  // The Monte Carlo bands of the first scenario are in before the clock runs.
  await page.waitForFunction(() => document.querySelector('[data-testid=app]')?.dataset.monteCarloMs, null, { timeout: 30_000 });
  const out = {};
  out.slider = await measure(page, 'slider', MOVES);
  out.field = await measure(page, 'field', ROUNDS);
  out.preset = await measure(page, 'preset', ROUNDS);
  await context.close();
  return out;
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
  for (const view of VIEWS) {
    for (const [idx] of builds.entries()) measured[idx][view] = await run(browser, servers[idx].url, view);
  }
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
  for (const [idx, [name]] of builds.entries()) {
    const drags = VIEWS.map((view) => {
      const long = measured[idx][view].slider.longTasks;
      return `${view} ${long.length}${long.length ? ` (longest ${f(Math.max(...long))} ms)` : ''}`;
    });
    lines.push(`Long tasks (> 50 ms) during a ${MOVES}-move drag, ${name}: ${drags.join(', ')}.`);
  }
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
