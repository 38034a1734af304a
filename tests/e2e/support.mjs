// Shared machinery of the end-to-end suite: a static server for the release
// build, a Chromium launcher, and a page object with stable selectors.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const repo = resolve(fileURLToPath(import.meta.url), '../../..');
// PATHWAYS_DIST serves another build folder (e.g. while a benchmark rebuilds dist/).
export const dist = process.env.PATHWAYS_DIST ?? join(repo, 'dist');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/**
 * Serves dist/ on 127.0.0.1 at a free port; resolves to { url, close, served }.
 * `dir` serves another folder instead (read per request, so a test may change
 * its files while it is served, e.g. to publish a new release).
 */
export async function serveDist({ dir = dist } = {}) {
  await stat(join(dir, 'index.html')).catch(() => {
    throw new Error(`${join(dir, 'index.html')} is missing: run \`trunk build --release\` first`);
  });
  const served = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      served.push({ path, bytes: body.length });
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    served,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Debian's Chromium, headless, as root, with nothing reaching the network. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Everything the page said or asked for that a test may complain about. */
export function watchPage(page, origin) {
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], badResponses: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.foreignRequests.push(url);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.badResponses.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

/** The simulator screen, by stable selectors. */
export class AppPage {
  constructor(page) {
    this.page = page;
  }

  async goto(url) {
    await this.page.goto(url);
    await this.waitForChartDraws(1);
  }

  title() {
    return this.page.getByTestId('app-title').textContent();
  }

  /** The growth sliders of the phase shown (2018–2022 by default). */
  sliders(phase = 0) {
    return this.page.locator(`input[type=range][data-testid^="slider-growth-"][data-testid$="-${phase}"]`);
  }

  async industryIds(phase = 0) {
    const ids = await this.sliders(phase).evaluateAll((inputs) => inputs.map((input) => input.dataset.testid));
    return ids.map((id) => id.replace(/^slider-growth-/, '').replace(/-\d$/, ''));
  }

  slider(id, phase = 0) {
    return this.page.getByTestId(`slider-growth-${id}-${phase}`);
  }

  field(id, phase = 0) {
    return this.page.getByTestId(`field-growth-${id}-${phase}`);
  }

  label(id, phase = 0) {
    return this.page.locator(`label[for="slider-growth-${id}-${phase}"]`).textContent();
  }

  openView(id) {
    return this.page.getByTestId(`tab-${id}`).click();
  }

  canvas() {
    return this.page.getByTestId('industry-chart-canvas');
  }

  drawCount() {
    return this.canvas().evaluate((canvas) => Number(canvas.dataset.drawCount ?? 0));
  }

  /** Waits (with a deadline) until the chart has been drawn at least `count` times. */
  waitForChartDraws(count) {
    return this.page.waitForFunction(
      (wanted) => Number(document.querySelector('[data-testid="industry-chart-canvas"]')?.dataset.drawCount ?? 0) >= wanted,
      count,
      { timeout: 15_000 },
    );
  }

  canvasPixels() {
    return this.canvas().evaluate((canvas) => canvas.toDataURL());
  }

  /** The chart's data table, as { rowLabel: [values per year] }; opens its
   * disclosure first (the table is built only while it is open). */
  async tableRows() {
    await this.page.getByTestId('industry-chart-table-details').evaluate((details) => { details.open = true; });
    return this.page.getByTestId('industry-chart-table').evaluate((table) => {
      const rows = {};
      for (const row of table.querySelectorAll('tbody tr')) {
        const label = row.querySelector('th').textContent;
        rows[label] = [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent));
      }
      return rows;
    });
  }

  toggleLanguage() {
    return this.page.getByTestId('lang-toggle').click();
  }
}

/**
 * A fresh context at `viewport` (more context options in `options`), the app
 * opened from `url` and drawn, in `lang` ('zh' or 'en').
 */
export async function openApp(browser, url, viewport, lang = 'zh', options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const problems = watchPage(page, url.replace(/\/$/, ''));
  const app = new AppPage(page);
  await app.goto(url);
  if (lang === 'en') {
    await app.toggleLanguage();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10_000 });
  }
  return { context, page, problems, app };
}

/** The values of attribute `name` in `html`, quoted or not (Trunk's
 * minified index.html drops the quotes where it can). */
export function attributeValues(html, name) {
  return [...html.matchAll(new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s"'>]+))`, 'g'))].map(([, quoted, bare]) => quoted ?? bare);
}

/** For `page.addInitScript`, before any page script runs: records the first
 * chart drawn, the first canvas whose data-draw-count reaches 1, as
 * `window.__firstDrawAt` (its data-drawn-at: performance.now(), so ms since
 * navigation start), and the next animation frame after it as
 * `window.__frameAfterFirstDraw`. */
export function recordFirstDraw() {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target;
      if (Number(target.dataset?.drawCount ?? 0) >= 1 && window.__firstDrawAt === undefined) {
        window.__firstDrawAt = Number(target.dataset.drawnAt ?? performance.now());
        requestAnimationFrame(() => { window.__frameAfterFirstDraw = performance.now(); });
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-draw-count'] });
}

/** Every canvas on screen drawn at least once (with a deadline). A canvas
 * that is hidden has no size to draw at; one off screen draws when it comes
 * near the viewport (`chartsDrawn` scrolls to them). */
export function visibleChartsDrawn(page) {
  return page.waitForFunction(
    () => [...document.querySelectorAll('canvas')]
      .filter((canvas) => {
        const rect = canvas.getBoundingClientRect();
        return canvas.getClientRects().length > 0 && rect.bottom > 0 && rect.top < innerHeight;
      })
      .every((canvas) => Number(canvas.dataset.drawCount ?? 0) > 0),
    null,
    { timeout: 15_000 },
  );
}

/**
 * Opens `url` on `view` and waits until it is settled for a clock: the
 * charts on screen drawn and the first scenario's Monte Carlo bands in.
 * Shared by bench/views.mjs, bench/ab.mjs and bench/profile.mjs.
 */
export async function openSettledView(page, url, view) {
  await page.goto(url);
  await page.getByTestId(`tab-${view}`).click();
  await page.getByTestId(`view-${view}`).waitFor();
  await visibleChartsDrawn(page);
  await page.waitForFunction(() => document.querySelector('[data-testid=app]')?.dataset.monteCarloMs, null, { timeout: 30_000 });
}

/** Scrolls to each canvas matching `selector` in turn (a chart off screen
 * draws only when it comes near the viewport) and waits until each has been
 * drawn more than `times` times; returns how many there are. */
export async function chartsDrawn(page, selector, times = 0) {
  const canvases = await page.locator(selector).all();
  for (const canvas of canvases) {
    await canvas.scrollIntoViewIfNeeded();
    await canvas.evaluate((node, wanted) => new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`${node.dataset.testid} not drawn ${wanted + 1} times`)), 15_000);
      const check = () => {
        if (Number(node.dataset.drawCount ?? 0) > wanted) {
          clearTimeout(deadline);
          resolve();
        } else {
          requestAnimationFrame(check);
        }
      };
      check();
    }), times);
  }
  return canvases.length;
}

/**
 * Input → every visible view updated (issue 12's clock), run in the page:
 * `rounds` inputs of `kind` (`slider`: a growth slider's `input`; `field`:
 * its exact field, typed and committed; `preset`: a preset button), the
 * next one `gap` frames after an input's next frame (1: every other frame,
 * as in a drag). Each input's clock starts at its dispatch and stops (a)
 * at the end of the task that updated the page — a MessageChannel message
 * posted right after dispatch is delivered only after that task, where yew
 * renders every view and draws every chart near the screen — and (b) at
 * the next animation frame. Returns `{ results: [[task end, next frame] ms…], longTasks }`,
 * long tasks (> 50 ms) seen meanwhile. Used by bench/views.mjs and the
 * end-to-end suite, so both print the same figures. With `marks`, each
 * round also leaves the User Timing marks `input-dispatch` and
 * `input-task-end` for a trace (bench/input-window.mjs).
 */
export async function measureUpdates(page, kind, rounds, gap = 1, marks = false) {
  return page.evaluate(async ({ kind: inputKind, rounds: count, gap: frames, marks: marking }) => {
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
      if (marking) performance.mark('input-dispatch');
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
      if (marking) performance.mark('input-task-end');
      const frame = await nextFrame();
      results.push([ended - started, frame - started]);
      for (let wait = 0; wait < frames; wait += 1) await nextFrame();
    }
    observer.disconnect();
    return { results, longTasks };
  }, { kind, rounds, gap, marks });
}

/** Percentile of a sorted array, nearest rank. */
export function percentile(sorted, fraction) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

/**
 * One static server and one browser for a test file: registers the hooks
 * that start them before its tests and close them after. Read
 * `suite.server` and `suite.browser` inside the tests.
 */
export function useBrowserSuite() {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await serveDist();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
