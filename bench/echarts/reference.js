// The ECharts reference page of the benchmark (bench/run.mjs): the app's
// default 2017–2028 projection of the eight industries with their 2022
// revenue goals, one growth slider that recomputes its industry's line in
// JS, and a Monte Carlo of the same shape as the app's (10,000 runs × 8
// industries × 11 years, P10/P50/P90, goal probabilities), run 120 ms after
// the slider rests. `?view=industries` shows the app's industries view
// instead: eight small multiples, each with its P10–P90 band from the last
// Monte Carlo and its goal, redrawn whole on every input (as the app's
// panels are). It carries the same data attributes as the app, so the
// benchmark measures both pages with the same code:
//   chart container: data-draw-count, data-drawn-at, data-draw-ms
//   [data-testid=app]: data-monte-carlo-ms, data-monte-carlo-sequence
'use strict';

(async () => {
  const MONTE_CARLO_DEBOUNCE_MS = 120;
  // Okabe–Ito, as the app's charts.
  const PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];

  const data = await (await fetch('data.json')).json();
  const view = new URLSearchParams(location.search).get('view') === 'industries' ? 'industries' : 'overview';
  // The last Monte Carlo's P10 and P90 per industry (projected years), for the industries view.
  let bands = null;
  const root = document.querySelector('[data-testid="app"]');
  const container = document.getElementById('chart');
  const slider = document.getElementById('slider-growth');
  const output = document.getElementById('growth-value');
  const sliderIdx = data.industries.findIndex((industry) => industry.id === data.sliderIndustry);
  const years = data.years.map(String);
  const milestoneIdx = data.years.indexOf(data.milestoneYear);
  // Projection values per industry; the slider's industry is recomputed.
  const values = data.industries.map((industry) => industry.values.slice());
  const growth = data.industries.map((industry) => industry.growth.slice());
  slider.value = String(growth[sliderIdx][0]);
  output.textContent = slider.value;

  /** revenue[t] = revenue[t−1] × (1 + g/100), g of the phase of year t. */
  function recompute(industryIdx) {
    const line = values[industryIdx];
    for (let t = 1; t < line.length; t += 1) {
      const g = growth[industryIdx][t <= milestoneIdx ? 0 : 1];
      line[t] = line[t - 1] * (1 + g / 100);
    }
  }

  function seriesOption() {
    return data.industries.map((industry, industryIdx) => ({
      name: industry.name,
      type: 'line',
      data: values[industryIdx].map((value) => Math.round(value * 10) / 10),
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 2, color: PALETTE[industryIdx] },
      itemStyle: { color: PALETTE[industryIdx] },
      markPoint: industry.goal
        ? {
            symbol: 'diamond',
            symbolSize: 12,
            label: { show: false },
            data: [{ coord: [String(industry.goal.year), industry.goal.target] }],
          }
        : undefined,
    }));
  }

  /** Eight small multiples (4 rows × 2), each: band, projection, goal. */
  function industriesOption() {
    const grid = [];
    const xAxis = [];
    const yAxis = [];
    const series = [];
    data.industries.forEach((industry, idx) => {
      const column = idx % 2;
      const row = Math.floor(idx / 2);
      grid.push({ left: `${column * 50 + 8}%`, width: '38%', top: `${row * 25 + 4}%`, height: '17%' });
      xAxis.push({ gridIndex: idx, type: 'category', data: years, boundaryGap: false });
      yAxis.push({ gridIndex: idx, type: 'value', name: industry.name, nameTextStyle: { fontSize: 12 } });
      const band = bands?.[idx];
      if (band) {
        const low = [values[idx][0], ...band.p10];
        const high = [values[idx][0], ...band.p90];
        const common = { type: 'line', xAxisIndex: idx, yAxisIndex: idx, stack: `band-${idx}`, symbol: 'none', lineStyle: { opacity: 0 } };
        series.push({ ...common, data: low });
        series.push({ ...common, data: high.map((value, t) => value - low[t]), areaStyle: { color: PALETTE[idx], opacity: 0.2 } });
      }
      series.push({
        type: 'line',
        xAxisIndex: idx,
        yAxisIndex: idx,
        data: values[idx].map((value) => Math.round(value * 10) / 10),
        symbol: 'none',
        lineStyle: { type: 'dashed', width: 2, color: PALETTE[idx] },
        markPoint: industry.goal
          ? { symbol: 'diamond', symbolSize: 10, label: { show: false }, data: [{ coord: [String(industry.goal.year), industry.goal.target] }] }
          : undefined,
      });
    });
    return { animation: false, color: PALETTE, grid, xAxis, yAxis, series };
  }

  if (view === 'industries') container.style.height = '1100px';
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  let drawCount = 0;
  /** setOption renders synchronously with animation off; then mark the draw. */
  function draw(option) {
    const started = performance.now();
    chart.setOption(option, { notMerge: view === 'industries' });
    const finished = performance.now();
    drawCount += 1;
    container.setAttribute('data-draw-count', String(drawCount));
    container.setAttribute('data-drawn-at', finished.toFixed(3));
    container.setAttribute('data-draw-ms', (finished - started).toFixed(3));
  }

  if (view === 'industries') draw(industriesOption());
  else draw({
    animation: false,
    color: PALETTE,
    title: { text: '八大产业收入(亿元)', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 60, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: years, name: '年份', boundaryGap: false },
    yAxis: { type: 'value', name: '亿元' },
    series: seriesOption(),
  });

  // ---- Monte Carlo -------------------------------------------------------
  // Per run, per phase: one common shock z_p and one idiosyncratic shock
  // η_i,p per industry (normals by Box–Muller), deviation
  // δ_i,p = σ_i/100 × (√ρ z_p + √(1−ρ) η_i,p) added to every year's growth
  // factor of the phase, floored at 0.01 — the app's model for revenues.
  let seed = data.seed >>> 0;
  function random() {
    // mulberry32: seeded, so a scenario gives the same numbers every time.
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  let spare = null;
  function normal() {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    let u = 0;
    while (u === 0) u = random();
    const v = random();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  function percentileOfSorted(sorted, fraction) {
    const position = fraction * (sorted.length - 1);
    const lower = Math.floor(position);
    const upper = Math.min(sorted.length - 1, lower + 1);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
  }

  function monteCarlo() {
    seed = data.seed >>> 0;
    spare = null;
    const runs = data.runs;
    const nIndustries = data.industries.length;
    const nYears = data.years.length - 1; // projected years, 2018–2028
    const rho = data.correlation;
    const common = Math.sqrt(rho);
    const own = Math.sqrt(1 - rho);
    // [industry][year][run], so each series-year is one contiguous run of values.
    const samples = new Float64Array(nIndustries * nYears * runs);
    const deviation = new Float64Array(nIndustries * 2);
    for (let run = 0; run < runs; run += 1) {
      const z0 = normal();
      const z1 = normal();
      for (let i = 0; i < nIndustries; i += 1) {
        const sigma = data.industries[i].sigma / 100;
        deviation[2 * i] = sigma * (common * z0 + own * normal());
        deviation[2 * i + 1] = sigma * (common * z1 + own * normal());
      }
      for (let i = 0; i < nIndustries; i += 1) {
        let revenue = values[i][0];
        const g = growth[i];
        for (let t = 0; t < nYears; t += 1) {
          const phase = t + 1 <= milestoneIdx ? 0 : 1;
          revenue *= Math.max(1 + g[phase] / 100 + deviation[2 * i + phase], 0.01);
          samples[(i * nYears + t) * runs + run] = revenue;
        }
      }
    }
    const bands = [];
    const probabilities = [];
    for (let i = 0; i < nIndustries; i += 1) {
      const band = { p10: [], p50: [], p90: [] };
      for (let t = 0; t < nYears; t += 1) {
        const slice = samples.subarray((i * nYears + t) * runs, (i * nYears + t + 1) * runs);
        const goal = data.industries[i].goal;
        if (goal && data.years[t + 1] === goal.year) {
          let met = 0;
          for (let run = 0; run < runs; run += 1) {
            if (goal.strict ? slice[run] > goal.target : slice[run] >= goal.target) met += 1;
          }
          probabilities.push({ industry: data.industries[i].name, probability: met / runs });
        }
        slice.sort();
        band.p10.push(percentileOfSorted(slice, 0.1));
        band.p50.push(percentileOfSorted(slice, 0.5));
        band.p90.push(percentileOfSorted(slice, 0.9));
      }
      bands.push(band);
    }
    return { bands, probabilities };
  }

  let sequence = 0;
  let timer = null;
  function scheduleMonteCarlo() {
    clearTimeout(timer);
    delete root.dataset.monteCarloSequence;
    timer = setTimeout(() => {
      const started = performance.now();
      const result = monteCarlo();
      const { probabilities } = result;
      const elapsed = performance.now() - started;
      bands = result.bands;
      if (view === 'industries') draw(industriesOption());
      sequence += 1;
      document.querySelector('[data-testid="probabilities"]').textContent =
        '2022 年达标概率:' + probabilities.map((p) => `${p.industry} ${Math.round(p.probability * 100)}%`).join(',');
      root.dataset.monteCarloMs = elapsed.toFixed(3);
      root.dataset.monteCarloSequence = String(sequence);
    }, MONTE_CARLO_DEBOUNCE_MS);
  }

  slider.addEventListener('input', () => {
    const g = Number(slider.value);
    if (!Number.isFinite(g)) return;
    growth[sliderIdx][0] = g;
    output.textContent = slider.value;
    // Like the app, no band is shown for a scenario it was not computed for.
    bands = null;
    recompute(sliderIdx);
    draw(view === 'industries' ? industriesOption() : { series: seriesOption() });
    scheduleMonteCarlo();
  });
  scheduleMonteCarlo();
})();
