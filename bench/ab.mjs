// A paired comparison of two builds on one view and one kind of input, for
// changes smaller than bench/views.mjs's order effect (the build measured
// first in a pair runs slower by 1–3 ms on this machine): both builds are
// open side by side in one browser, and blocks of inputs alternate between
// them (A B, B A, A B…), so drift in the machine's speed falls on both.
//
//   node bench/ab.mjs DIR_A DIR_B [--view industries] [--input preset|slider|field] [--blocks 20] [--per 5] [--gap 3]
//
// The clock is issue 12's (tests/e2e/support.mjs measureUpdates): input
// event → end of the task that updated the page. Prints p50, p95 and mean
// per build; run it twice with the builds swapped and quote both.
import { resolve } from 'node:path';
import { launchBrowser, measureUpdates, openSettledView, percentile, serveDist } from '../tests/e2e/support.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const dirs = args.filter((arg, idx) => !arg.startsWith('--') && !args[idx - 1]?.startsWith('--'));
if (dirs.length !== 2) {
  console.error('usage: node bench/ab.mjs DIR_A DIR_B [--view V] [--input I] [--blocks N] [--per N] [--gap N]');
  process.exit(2);
}
const view = option('--view', 'industries');
const input = option('--input', 'preset');
const blocks = Number(option('--blocks', 20));
const per = Number(option('--per', 5));
const gap = Number(option('--gap', 3));

const browser = await launchBrowser();
const opened = [];
try {
  for (const dir of dirs) {
    const server = await serveDist({ dir: resolve(dir) });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await openSettledView(page, server.url, view);
    opened.push({ dir, server, page, taskEnds: [] });
  }
  for (let block = 0; block < blocks; block += 1) {
    const order = block % 2 === 0 ? [0, 1] : [1, 0];
    for (const idx of order) {
      const { page, taskEnds } = opened[idx];
      await page.bringToFront();
      const { results } = await measureUpdates(page, input, per, gap);
      taskEnds.push(...results.map(([taskEnd]) => taskEnd));
    }
  }
  console.log(`${new Date().toISOString()}: ${input} on ${view}, ${blocks * per} inputs per build, blocks alternating`);
  for (const [idx, { dir, taskEnds }] of opened.entries()) {
    const sorted = [...taskEnds].sort((a, b) => a - b);
    const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
    console.log(`${'AB'[idx]} ${dir}: task end p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p95 ${percentile(sorted, 0.95).toFixed(2)} ms, mean ${mean.toFixed(2)} ms`);
  }
} finally {
  await browser.close();
  for (const { server } of opened) await server.close();
}
