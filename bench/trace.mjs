// A Chromium trace over the DevTools protocol, for the bench scripts that
// read the browser's own events (input-window, load-trace, profile, views).

/**
 * Starts tracing `categories` on the CDP session `cdp`; resolves to a
 * function that ends the trace and resolves to its events.
 */
export async function startTrace(cdp, categories) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.end');
    await traced;
    return events;
  };
}
