// Where a fresh page load's time goes before the first chart, from the
// browser's own trace (no CPU profiler attached, so nothing is inflated):
// the release build, a new browser context per load (cold HTTP cache, no
// cached compiled code).
//
//   node bench/load-trace.mjs [--dist DIR] [--loads N] [--timeline]
//
// Prints the median first-chart time and, per load on average, the trace
// events summed by name, main thread apart from the others: the wasm
// module's lazy compilation (`wasm.CompileLazy`: a function is compiled on
// its first call, on the main thread), the first render (`FunctionCall`),
// style and layout, the effects task that draws the charts (`TimerFire`).
// --timeline also lists the main thread's events over 0.7 ms of one load,
// in ms from its first event. Figures are this machine's; quote them with it.
import { resolve } from 'node:path';
import { launchBrowser, serveDist } from '../tests/e2e/support.mjs';
import { startTrace } from './trace.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const dir = resolve(option('--dist', 'dist'));
const loads = Number(option('--loads', 6));

const browser = await launchBrowser();
const server = await serveDist({ dir });
const sums = new Map();
const firsts = [];
try {
  // One load first, not counted (the server's and the browser's warm-up).
  for (let round = 0; round <= loads; round += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const stopTrace = await startTrace(cdp, 'devtools.timeline,v8.wasm');
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('canvas[data-draw-count]'), null, { timeout: 30_000 });
    const first = await page.evaluate(() => Number(document.querySelector('canvas[data-draw-count]').dataset.drawnAt));
    const events = await stopTrace();
    await context.close();
    if (round === 0) continue;
    firsts.push(first);
    const parse = events.find((event) => event.name === 'ParseHTML');
    const onMain = (event) => event.pid === parse?.pid && event.tid === parse?.tid;
    if (round === 1 && args.includes('--timeline')) {
      const start = Math.min(...events.filter((event) => event.ts > 0 && onMain(event)).map((event) => event.ts));
      console.log('main thread, one load (ms from its first event, duration, event)');
      for (const event of events) {
        if (event.ph === 'X' && event.dur > 700 && onMain(event)) {
          const objects = event.name === 'Layout' && event.args?.beginData ? ` (${event.args.beginData.dirtyObjects} of ${event.args.beginData.totalObjects} objects)` : '';
          console.log(`${((event.ts - start) / 1000).toFixed(1).padStart(8)} ${(event.dur / 1000).toFixed(1).padStart(6)}  ${event.name}${objects}`);
        }
      }
    }
    for (const event of events) {
      if (event.ph !== 'X' || !event.dur) continue;
      const key = `${onMain(event) ? 'main ' : 'other'}  ${event.name}`;
      sums.set(key, (sums.get(key) ?? 0) + event.dur / 1000);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
firsts.sort((a, b) => a - b);
console.log(`first chart drawn, median of ${loads} fresh loads: ${firsts[Math.floor(firsts.length / 2)].toFixed(1)} ms (${firsts.map((ms) => ms.toFixed(0)).join(', ')})`);
console.log('trace events, ms per load (nested events overlap)');
for (const [key, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 24)) {
  console.log(`${(ms / loads).toFixed(1).padStart(8)}  ${key}`);
}
