// First chart after navigation, for builds compared in pairs: fresh browser
// contexts (cold HTTP cache), loads alternating between the builds in both
// orders, on the release build in Debian's headless Chromium.
//
//   node bench/first-chart.mjs DIR [DIR…] [--loads N]
//
// For each load: when the first canvas was drawn (its data-drawn-at, from
// performance.now(), so ms after navigation start) and the next animation
// frame after that draw (when the chart can first be on screen). Prints
// the medians; figures are this machine's, quote them with it.
import { resolve } from 'node:path';
import { launchBrowser, recordFirstDraw, serveDist } from '../tests/e2e/support.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--loads');
const LOADS = at >= 0 ? Number(args[at + 1]) : 16;
const dirs = args.filter((arg, idx) => !arg.startsWith('--') && idx !== at + 1).map((dir) => resolve(dir));
if (dirs.length === 0) throw new Error('usage: node bench/first-chart.mjs DIR [DIR…] [--loads N]');

const browser = await launchBrowser();
const servers = [];
for (const dir of dirs) servers.push(await serveDist({ dir }));

/** One fresh load: [first draw, the frame after it], ms after navigation start. */
async function load(url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(recordFirstDraw);
  await page.goto(url);
  await page.waitForFunction(() => window.__frameAfterFirstDraw !== undefined, null, { timeout: 30_000 });
  const times = await page.evaluate(() => [window.__firstDrawAt, window.__frameAfterFirstDraw]);
  await context.close();
  return times;
}

try {
  // One load each first, not counted (the server's and the browser's warm-up).
  for (const server of servers) await load(server.url);
  const results = dirs.map(() => []);
  for (let round = 0; round < LOADS; round += 1) {
    const order = round % 2 ? [...servers.keys()].reverse() : [...servers.keys()];
    for (const idx of order) results[idx].push(await load(servers[idx].url));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`First chart after navigation, median of ${LOADS} fresh loads per build (alternating):`);
  dirs.forEach((dir, idx) => {
    const drawn = median(results[idx].map(([draw]) => draw));
    const frame = median(results[idx].map(([, next]) => next));
    console.log(`  ${dir}: drawn ${drawn.toFixed(1)} ms, next frame ${frame.toFixed(1)} ms`);
  });
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
