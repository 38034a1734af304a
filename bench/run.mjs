// Benchmark: Shouguang Pathways against a reference page drawing the same
// series and goal markers with Apache ECharts, in Debian's headless Chromium.
//
//   node bench/run.mjs            # builds the release bundle, then measures
//   node bench/run.mjs --no-build # measures the last build in bench/.out/dist
//
// Options: --loads N (fresh page loads for the first-chart time, default 12),
// --moves N (slider moves for input-to-redraw, default 200), --mc N (scenario
// changes for the Monte Carlo time, default 12).
//
// The release bundle is built with `trunk build --release --dist
// bench/.out/dist` (the tools of scripts/env.sh): the same build as dist/,
// into a directory nobody else rebuilds while we measure. The reference page
// is bench/echarts/: at bench time this script copies
// node_modules/echarts/dist/echarts.min.js next to it and exports the app's
// default projection (its data table, slider values and the plan's goals) to
// bench/echarts/data.json. Both pages are served from 127.0.0.1 by the same
// static server, uncompressed; compressed sizes are computed here with
// node:zlib (gzip -9, brotli quality 11) over every file the server served.
//
// Prints a Markdown table and writes it, with the machine, to
// bench/.out/results.md.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { launchBrowser, percentile, recordFirstDraw, watchPage } from '../tests/e2e/support.mjs';
import { exportReferenceData } from './reference-data.mjs';

const repo = resolve(fileURLToPath(import.meta.url), '../..');
const out = join(repo, 'bench/.out');
const appRoot = join(out, 'dist');
const referenceRoot = join(repo, 'bench/echarts');
const VIEWPORT = { width: 1366, height: 768 };
const SLIDER = '[data-testid="slider-growth-chemicals-0"]';
const CHART = '[data-testid="industry-chart-canvas"]';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const LOADS = option('--loads', 12);
const MOVES = option('--moves', 200);
const MONTE_CARLO_CHANGES = option('--mc', 12);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A static server over `root` that records every file it served. */
async function serve(root) {
  const served = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      served.push({ path, file, bytes: body.length });
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
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    served,
    close: () => new Promise((done) => server.close(done)),
  };
}

function build() {
  for (let attempt = 1; ; attempt += 1) {
    console.log(`building the release bundle into ${appRoot} (attempt ${attempt})`);
    const result = spawnSync('bash', ['-c', `source scripts/env.sh && trunk build --release --dist "${appRoot}"`], {
      cwd: repo,
      stdio: 'inherit',
    });
    if (result.status === 0) return;
    if (attempt === 4) throw new Error('trunk build --release failed four times');
    // Someone's Rust may be mid-edit: wait a minute and try again.
    console.log('build failed; retrying in 60 s');
    spawnSync('sleep', ['60']);
  }
}

/** Opens a page in a fresh context; resolves once a chart has been drawn. */
async function open(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const problems = watchPage(page, url.replace(/\/$/, ''));
  // The first draw, recorded before any page script runs.
  await page.addInitScript(recordFirstDraw);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstDrawAt !== undefined, null, { timeout: 30_000 });
  return { context, page, problems };
}

/** (a) Navigation start to the first chart drawn, over fresh loads. */
async function firstChart(browser, url) {
  const { context, page } = await open(browser, url);
  const at = await page.evaluate(() => window.__firstDrawAt);
  await context.close();
  return at;
}

/** (b) Input-to-redraw over slider moves, paced by animation frames. */
async function inputToRedraw(browser, url) {
  const { context, page } = await open(browser, url);
  await page.waitForFunction((selector) => document.querySelector(selector)?.dataset.drawCount, CHART, { timeout: 30_000 });
  const durations = await page.evaluate(
    async ({ slider: sliderSelector, chart, moves }) => {
      const slider = document.querySelector(sliderSelector);
      const canvas = document.querySelector(chart);
      const results = [];
      for (let move = 0; move < moves; move += 1) {
        const drawsBefore = Number(canvas.dataset.drawCount);
        const redrawn = new Promise((resolve, reject) => {
          const deadline = setTimeout(() => reject(new Error(`no redraw after move ${move}`)), 10_000);
          const observer = new MutationObserver(() => {
            if (Number(canvas.dataset.drawCount) > drawsBefore) {
              observer.disconnect();
              clearTimeout(deadline);
              resolve(Number(canvas.dataset.drawnAt));
            }
          });
          observer.observe(canvas, { attributes: true, attributeFilter: ['data-draw-count'] });
        });
        // 5, 5.5, … 14.5, then again: every move changes the value.
        slider.value = String(5 + (move % 20) * 0.5);
        const started = performance.now();
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        results.push((await redrawn) - started);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return results;
    },
    { slider: SLIDER, chart: CHART, moves: MOVES },
  );
  await context.close();
  return durations;
}

/** (c) The Monte Carlo time the page reports, over scenario changes. */
async function monteCarlo(browser, url) {
  const { context, page } = await open(browser, url);
  const sequence = () => page.evaluate(() => document.querySelector('[data-testid=app]').dataset.monteCarloSequence);
  const waitForRun = (previous) =>
    page.waitForFunction(
      (before) => {
        const now = document.querySelector('[data-testid=app]').dataset.monteCarloSequence;
        return now !== undefined && now !== before;
      },
      previous,
      { timeout: 30_000 },
    );
  await waitForRun(undefined);
  const read = () => page.evaluate(() => Number(document.querySelector('[data-testid=app]').dataset.monteCarloMs));
  const samples = [await read()];
  for (let change = 0; change < MONTE_CARLO_CHANGES; change += 1) {
    const before = await sequence();
    await page.evaluate(
      ({ selector, value }) => {
        const slider = document.querySelector(selector);
        slider.value = String(value);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      },
      { selector: SLIDER, value: 6 + change * 0.5 },
    );
    await waitForRun(before);
    samples.push(await read());
  }
  await context.close();
  return samples;
}

/** (d) Every file a load served, with its gzip -9 and brotli sizes. */
async function transfer(browser, server) {
  server.served.length = 0;
  const { context, page, problems } = await open(browser, server.url);
  await page.waitForLoadState('networkidle');
  await context.close();
  const files = new Map();
  for (const { path, file } of server.served) files.set(path, file);
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  const rows = [];
  for (const [path, file] of files) {
    const body = await readFile(file);
    const gz = gzipSync(body, { level: 9 }).length;
    const br = brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length;
    raw += body.length;
    gzip += gz;
    brotli += br;
    rows.push({ path, raw: body.length, gzip: gz, brotli: br });
  }
  return { requests: files.size, raw, gzip, brotli, rows, problems };
}

function machine() {
  const cpuinfo = spawnSync('cat', ['/proc/cpuinfo'], { encoding: 'utf8' }).stdout;
  const model = cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const chromium = spawnSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
  return { nproc: availableParallelism(), model, chromium, node: process.version, load: loadavg().map((value) => value.toFixed(2)).join(' ') };
}

const median = (values) => percentile([...values].sort((a, b) => a - b), 0.5);
const p95 = (values) => percentile([...values].sort((a, b) => a - b), 0.95);
const ms = (value) => `${value.toFixed(1)} ms`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  if (!args.includes('--no-build')) build();
  await stat(join(appRoot, 'index.html')).catch(() => {
    throw new Error(`${appRoot}/index.html is missing: run without --no-build`);
  });
  await copyFile(join(repo, 'node_modules/echarts/dist/echarts.min.js'), join(referenceRoot, 'echarts.min.js'));
  const echartsVersion = JSON.parse(await readFile(join(repo, 'node_modules/echarts/package.json'), 'utf8')).version;

  const app = await serve(appRoot);
  const reference = await serve(referenceRoot);
  const browser = await launchBrowser();
  const loadBefore = machine().load;
  try {
    const data = await exportReferenceData(browser, app.url);
    await writeFile(join(referenceRoot, 'data.json'), `${JSON.stringify(data, null, 1)}\n`);
    const pages = [
      { name: 'Shouguang Pathways', server: app },
      { name: `ECharts ${echartsVersion} reference`, server: reference },
    ];

    // (d) first, on a load of its own, so `served` holds exactly one load.
    for (const page of pages) {
      page.transfer = await transfer(browser, page.server);
      const { foreignRequests, pageErrors, consoleErrors, failedRequests } = page.transfer.problems;
      if (foreignRequests.length) throw new Error(`${page.name} asked another origin for ${foreignRequests.join(', ')}`);
      if (pageErrors.length || consoleErrors.length || failedRequests.length) {
        throw new Error(`${page.name}: ${[...pageErrors, ...consoleErrors, ...failedRequests].join('; ')}`);
      }
    }
    // (a) one discarded warm-up load each, then fresh contexts, interleaved.
    for (const page of pages) await firstChart(browser, page.server.url);
    for (const page of pages) page.firstChart = [];
    for (let load = 0; load < LOADS; load += 1) {
      for (const page of pages) page.firstChart.push(await firstChart(browser, page.server.url));
    }
    // (b) and (c).
    for (const page of pages) page.redraw = await inputToRedraw(browser, page.server.url);
    for (const page of pages) page.monteCarlo = await monteCarlo(browser, page.server.url);

    const [ours, theirs] = pages;
    const rows = [
      [`First chart drawn after navigation start, median of ${LOADS} fresh loads`, (p) => median(p.firstChart), ms],
      [`Input → redraw p50, ${MOVES} slider moves`, (p) => median(p.redraw), ms],
      [`Input → redraw p95, ${MOVES} slider moves`, (p) => p95(p.redraw), ms],
      [`10,000 Monte Carlo runs, median of ${MONTE_CARLO_CHANGES + 1} scenarios`, (p) => median(p.monteCarlo), ms],
      ['Transfer, gzip -9 (all files the page loads)', (p) => p.transfer.gzip, kib],
      ['Transfer, brotli q11', (p) => p.transfer.brotli, kib],
      ['Transfer, uncompressed', (p) => p.transfer.raw, kib],
      ['Requests', (p) => p.transfer.requests, String],
    ];
    const table = [
      '| metric | Shouguang Pathways | ECharts reference | ratio |',
      '|---|---:|---:|---:|',
      ...rows.map(([label, get, format]) => {
        const a = get(ours);
        const b = get(theirs);
        return `| ${label} | ${format(a)} | ${format(b)} | ${(a / b).toFixed(2)} |`;
      }),
    ].join('\n');
    const files = pages
      .map((page) => `${page.name}: ${page.transfer.rows.map((row) => `${row.path} ${row.raw} B → gzip ${row.gzip} B, br ${row.brotli} B`).join('; ')}`)
      .join('\n');
    const host = machine();
    const report = [
      `Date: ${new Date().toISOString().slice(0, 10)}`,
      `Machine: ${host.nproc} cores (nproc), ${host.model}; ${host.chromium}; Node ${host.node}; load average before/after: ${loadBefore} / ${host.load}`,
      `Command: node bench/run.mjs${args.length ? ` ${args.join(' ')}` : ''}`,
      '',
      table,
      '',
      files,
      '',
      `Spreads: first chart ${pages.map((p) => `${p.name} min ${Math.min(...p.firstChart).toFixed(1)} / max ${Math.max(...p.firstChart).toFixed(1)} ms`).join(', ')}; ` +
        `Monte Carlo ${pages.map((p) => `${p.name} min ${Math.min(...p.monteCarlo).toFixed(1)} / p95 ${p95(p.monteCarlo).toFixed(1)} ms`).join(', ')}.`,
    ].join('\n');
    console.log(`\n${report}`);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'results.md'), `${report}\n`);
    console.log(`\nwritten to ${join(out, 'results.md')}`);
  } finally {
    await browser.close();
    await app.close();
    await reference.close();
  }
}

await main();
