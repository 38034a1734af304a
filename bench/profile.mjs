// Where the time of an input goes: a CPU profile of repeated inputs on one
// view, summed by function (self time and inclusive time), from Chromium's
// sampling profiler over the DevTools protocol.
//
//   node bench/profile.mjs [--dist DIR] [--view overview] [--input slider|field|preset] [--rounds N] [--top N]
//   node bench/profile.mjs --load [--dist DIR]   # one fresh page load instead, to its first chart
//   DUMP_PROFILE=/tmp/x.cpuprofile node bench/profile.mjs …   # also write the raw CPU profile
//     (opens in Chromium's DevTools; a call tree shows what each function's time is made of)
//
// Function names need a build that keeps its name section; the release build
// strips it. Build one beside the release build (not committed, not served):
//   sed 's/data-wasm-opt-params="/data-keep-debug data-wasm-opt-params="-g /' index.html > index.profile.html
//   CARGO_TARGET_DIR=target-prof trunk build --dist /tmp/prof-dist --release true index.profile.html
//   node bench/profile.mjs --dist /tmp/prof-dist
import { writeFileSync } from 'node:fs';
import { flag, viewInputOptions } from './options.mjs';
import { startTrace } from './trace.mjs';
import { launchBrowser, measureUpdates, openSettledView, serveDist } from '../tests/e2e/support.mjs';

const { dir, view, input, rounds, top } = viewInputOptions({ rounds: 100, top: 40 });

const browser = await launchBrowser();
const server = await serveDist({ dir });
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  if (flag('--load')) {
    await profileLoad(context, page);
    process.exit(0);
  }
  await openSettledView(page, server.url, view);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  // The browser's own work (style, layout, paint…) from a trace of the same inputs.
  const stopTrace = await startTrace(cdp, 'devtools.timeline,disabled-by-default-devtools.timeline');
  // The same inputs, one per frame, as bench/views.mjs measures.
  await measureUpdates(page, input, rounds);
  const { profile } = await cdp.send('Profiler.stop');
  dumpProfile(profile);
  const traceEvents = await stopTrace();
  report(profile, traceEvents, rounds, `${rounds} ${input} inputs on ${view}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

async function profileLoad(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const stopTrace = await startTrace(cdp, 'devtools.timeline,disabled-by-default-devtools.timeline,v8.wasm');
  await cdp.send('Profiler.start');
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('canvas[data-draw-count]'), null, { timeout: 30_000 });
  const firstDraw = await page.evaluate(() => Number(document.querySelector('canvas[data-draw-count]').dataset.drawnAt));
  const { profile } = await cdp.send('Profiler.stop');
  dumpProfile(profile);
  const traceEvents = await stopTrace();
  console.log(`first chart drawn at ${firstDraw.toFixed(1)} ms after navigation start`);
  report(profile, traceEvents, 1, 'one page load');
  await browser.close();
  await server.close();
}

/** Writes the raw CPU profile where DUMP_PROFILE says, if it says. */
function dumpProfile(profile) {
  if (process.env.DUMP_PROFILE) writeFileSync(process.env.DUMP_PROFILE, JSON.stringify(profile));
}

function report(profile, traceEvents, rounds, what) {
  const browserWork = new Map();
  if (flag('--layout')) {
    const layouts = traceEvents.filter((event) => event.name === 'Layout' && event.ph === 'X');
    const dirty = layouts.map((event) => event.args?.beginData?.dirtyObjects ?? 0);
    const total = layouts.map((event) => event.args?.beginData?.totalObjects ?? 0);
    const mean = (list) => (list.reduce((sum, value) => sum + value, 0) / Math.max(1, list.length)).toFixed(0);
    console.log(`layouts: ${layouts.length}, dirty objects mean ${mean(dirty)} of ${mean(total)}`);
    const paints = traceEvents.filter((event) => event.name === 'Paint' && event.ph === 'X');
    const areas = new Map();
    for (const event of paints) {
      const clip = event.args?.data?.clip ?? [];
      const width = clip.length ? Math.max(clip[0], clip[2], clip[4], clip[6]) - Math.min(clip[0], clip[2], clip[4], clip[6]) : 0;
      const height = clip.length ? Math.max(clip[1], clip[3], clip[5], clip[7]) - Math.min(clip[1], clip[3], clip[5], clip[7]) : 0;
      const key = `${event.args?.data?.nodeId ?? '?'} ${width}x${height}`;
      areas.set(key, (areas.get(key) ?? 0) + 1);
    }
    console.log(`paints: ${paints.length}; by painted node (backend DOM node id: the document, its root element…) and clip: ${[...areas].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([key, count]) => `${key} ×${count}`).join(', ')}`);
  }
  for (const event of traceEvents) {
    if (event.ph !== 'X' || !event.dur) continue;
    browserWork.set(event.name, (browserWork.get(event.name) ?? 0) + event.dur);
  }
  // Self time per node from the samples, then inclusive time per name.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  for (let idx = 0; idx < profile.samples.length; idx += 1) {
    const id = profile.samples[idx];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[idx] ?? 0));
  }
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  const inclusive = new Map();
  const nameOf = (node) => node.callFrame.functionName || `(${node.callFrame.url.split('/').pop() || 'anonymous'})`;
  for (const [id, us] of selfUs) {
    const name = nameOf(byId.get(id));
    self.set(name, (self.get(name) ?? 0) + us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const ancestor = nameOf(byId.get(at));
      if (seen.has(ancestor)) continue;
      seen.add(ancestor);
      inclusive.set(ancestor, (inclusive.get(ancestor) ?? 0) + us);
    }
  }
  const per = (us) => (us / 1000 / rounds).toFixed(3);
  const table = (title, map) => {
    console.log(`\n${title} (ms per round, ${what})`);
    for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${per(us).padStart(8)}  ${name.slice(0, 150)}`);
    }
  };
  table('browser work (trace, complete events; nested ones overlap)', browserWork);
  table('self time', self);
  table('inclusive time', inclusive);
}
