// What the main thread does between an input's dispatch and the end of the
// task that updated the page (issue 12's clock), from the browser's own
// trace, summed by event name. No CPU profiler is attached, so nothing is
// inflated; the clock's figures come out higher than bench/views.mjs's
// because tracing has a cost, so compare builds with this, not with those.
//
//   node bench/input-window.mjs [--dist DIR] [--view overview] [--input slider|field|preset] [--rounds N] [--top N]
//
// The inputs are bench/views.mjs's (`measureUpdates` in
// tests/e2e/support.mjs, one input every other frame, each dispatched from
// an animation frame's callback as in a drag), with User Timing marks at
// each dispatch and task end. An event counts for the part of it inside a
// window. It shows, for example, that the clock includes the style, layout
// and paint of the frame that shows the input (they run before the clock's
// message), and which elements were laid out (`Layout` lists the objects it
// found dirty).
import { viewInputOptions } from './options.mjs';
import { startTrace } from './trace.mjs';
import { launchBrowser, measureUpdates, openSettledView, percentile, serveDist } from '../tests/e2e/support.mjs';

const { dir, view, input, rounds, top } = viewInputOptions({ rounds: 60, top: 20 });

const browser = await launchBrowser();
const server = await serveDist({ dir });
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await openSettledView(page, server.url, view);
  const cdp = await context.newCDPSession(page);
  const stopTrace = await startTrace(cdp, 'toplevel,devtools.timeline,blink.user_timing');
  const { results } = await measureUpdates(page, input, rounds, 1, true);
  const events = await stopTrace();
  report(events, results.map(([taskEnd]) => taskEnd));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

function report(events, clock) {
  const marks = events
    .filter((event) => event.name === 'input-dispatch' || event.name === 'input-task-end')
    .sort((a, b) => a.ts - b.ts);
  if (marks.length === 0) throw new Error('no User Timing marks in the trace');
  const { pid, tid } = marks[0];
  const main = events.filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X' && event.dur);
  const windows = [];
  for (let at = 0; at + 1 < marks.length; at += 1) {
    if (marks[at].name === 'input-dispatch' && marks[at + 1].name === 'input-task-end') {
      windows.push([marks[at].ts, marks[at + 1].ts]);
    }
  }
  const sums = new Map();
  for (const [from, to] of windows) {
    for (const event of main) {
      const overlap = Math.min(event.ts + event.dur, to) - Math.max(event.ts, from);
      if (overlap <= 0 || /RunTask$/.test(event.name)) continue;
      sums.set(event.name, (sums.get(event.name) ?? 0) + overlap / 1000);
    }
  }
  const sorted = [...clock].sort((a, b) => a - b);
  console.log(
    `${windows.length} ${input} inputs on ${view}, traced: task end p50 ${percentile(sorted, 0.5).toFixed(1)} ms, ` +
      `p95 ${percentile(sorted, 0.95).toFixed(1)} ms`,
  );
  console.log('main thread inside [dispatch, task end], ms per input (nested events overlap):');
  for (const [name, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(ms / windows.length).toFixed(2).padStart(8)}  ${name}`);
  }
  // Style and layout inside script (a FunctionCall's span) were forced by
  // the page reading them; the rest are the frame's own.
  const scripts = main.filter((event) => event.name === 'FunctionCall');
  const forced = (event) =>
    scripts.some((script) => script.ts <= event.ts && event.ts + event.dur <= script.ts + script.dur);
  for (const name of ['UpdateLayoutTree', 'Layout']) {
    const inside = [];
    for (const [from, to] of windows) {
      inside.push(...main.filter((event) => event.name === name && event.ts >= from && event.ts < to));
    }
    if (inside.length === 0) continue;
    const forcedMs = inside.filter(forced).reduce((sum, event) => sum + event.dur / 1000, 0);
    let line =
      `${name}: ${inside.length} in ${windows.length} windows, ${inside.filter(forced).length} forced by script ` +
      `(${(forcedMs / windows.length).toFixed(2)} ms per input)`;
    if (name === 'Layout') {
      const dirty = inside.map((event) => event.args?.beginData?.dirtyObjects ?? 0).sort((a, b) => a - b);
      const total = inside.map((event) => event.args?.beginData?.totalObjects ?? 0).sort((a, b) => a - b);
      line += `; dirty objects per layout median ${percentile(dirty, 0.5)} of ${percentile(total, 0.5)}`;
    }
    console.log(line);
  }
}
