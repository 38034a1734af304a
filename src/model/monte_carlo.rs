//! Monte Carlo uncertainty: P10/P50/P90 per series per year and the
//! probability of meeting each projected goal.
//!
//! # Model
//!
//! σ_i is the uncertainty of industry i's *average* growth rate over a phase
//! (percentage points). Each run draws, for each phase p, one common shock
//! z_p and one idiosyncratic shock η_i,p per industry (standard normals),
//! and sets the deviation
//!
//! δ_i,p = σ_i/100 × (√ρ · z_p + √(1−ρ) · η_i,p),
//!
//! so any two industries' deviations have correlation ρ. The deviation is
//! added to every year's growth factor in the phase:
//! R_i(t) = R_i(t−1) × max(1 + (g_i,p + shock_i(t))/100 + δ_i,p, 0.01).
//! GDP, productivity and the indicators follow from the revenues with the
//! projection's formulas (the rest of the economy and employment are not
//! random). A run with σ = 0 is the deterministic projection.
//!
//! # Cost
//!
//! A run draws 2 × (1 + n_industries) normals (18 for the eight
//! industries) — not one per year — and its arithmetic is additions,
//! multiplications and divisions only, so a seed gives the same numbers on
//! every platform. Nothing is stored per run beyond a pilot: the first
//! [`PILOT_RUNS`] runs are kept, fix each series-year's histogram range
//! (their range widened by a quarter on each side), and every run is then
//! counted into [`HISTOGRAM_BINS`] bins of `u16` (flushed into `u32`
//! totals), small enough for the L1 cache. A percentile is interpolated
//! linearly inside the bin that holds its rank: with 128 bins over about
//! 9 σ the error is about a thousandth of σ, far below the sampling error
//! of 10,000 runs (≈ 0.02 σ at P10). With at most [`PILOT_RUNS`] runs the
//! percentiles are exact order statistics. Labour productivity is GDP over
//! employment, which is not random, so its band is GDP's band scaled. An
//! industry's revenue in a phase-1 year is a non-decreasing function of its
//! phase-1 deviation alone, so its band is its path at the deviation's
//! percentiles (the same order statistics, exactly).
//!
//! # Generator
//!
//! [`rand_pcg::Pcg64Mcg`] seeded with [`rand::SeedableRng::seed_from_u64`]:
//! a named algorithm with a fixed output on 32- and 64-bit targets, unlike
//! `SmallRng`. Normals come from `rand_distr`'s ziggurat `StandardNormal`.

use rand::SeedableRng;
use rand_distr::{Distribution, StandardNormal};
use rand_pcg::Pcg64Mcg;
use serde::Serialize;

use super::bounds::{GROWTH_FACTOR_FLOOR, RUNS};
use super::goals::{checkpoints, meets, target_in_year, BOUNDARY_SLACK};
use super::plan::{Comparison, GoalKind, Plan, SeriesId};
use super::projection::{project, tracked_series, Links, Sums};
use super::scenario::Scenario;

/// The percentiles reported, as fractions.
pub const PERCENTILES: [f64; 3] = [0.1, 0.5, 0.9];

/// P10/P50/P90 of one series, one value per projected year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Band {
    pub series: SeriesId,
    pub p10: Vec<f64>,
    pub p50: Vec<f64>,
    pub p90: Vec<f64>,
}

/// The probability that a projected goal is met in a year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalProbability {
    pub goal_idx: usize,
    pub goal_id: String,
    pub year: u16,
    pub target: f64,
    /// Share of runs meeting the goal, 0..=1; for a "每年提高" goal, the
    /// runs that also rose by the step in every year, as "met" means.
    pub probability: f64,
}

/// The result of a Monte Carlo simulation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bands {
    pub years: Vec<u16>,
    pub runs: u32,
    pub seed: u64,
    pub bands: Vec<Band>,
    pub goal_probabilities: Vec<GoalProbability>,
}

impl Bands {
    /// The band of a series.
    pub fn band(&self, series: SeriesId) -> Option<&Band> {
        self.bands.iter().find(|band| band.series == series)
    }

    /// The band of an industry's revenue.
    pub fn industry(&self, industry_idx: usize) -> Option<&Band> {
        self.band(SeriesId::Industry(industry_idx))
    }

    /// The probability of meeting a goal in a year.
    pub fn probability(&self, goal_id: &str, year: u16) -> Option<f64> {
        self.goal_probabilities
            .iter()
            .find(|probability| probability.goal_id == goal_id && probability.year == year)
            .map(|probability| probability.probability)
    }
}

/// Runs stored in full before the histograms' ranges are fixed. With at
/// most this many runs, percentiles are exact order statistics.
pub const PILOT_RUNS: usize = 512;
/// Bins of each series-year histogram.
pub const HISTOGRAM_BINS: usize = 128;
/// `u16` bin counts are added into `u32` totals after this many runs.
const FLUSH_RUNS: usize = u16::MAX as usize;

/// Buffers reused between simulations, so that moving a slider does not
/// allocate each time.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    pilot: Vec<f64>,
    counts: Vec<u16>,
    totals: Vec<u32>,
    slot_values: Vec<f64>,
}

struct GoalCheck {
    probability_idx: usize,
    /// Index of the goal's series among the binned series.
    series_idx: usize,
    /// Factor applied to the series value (1/employment for productivity).
    scale: f64,
    comparison: Comparison,
    target: f64,
    /// For a "每年提高" goal, its index in the yearly checks: a run meets
    /// the goal only if its level does and it rose by the step every year.
    yearly_idx: Option<usize>,
}

/// The yearly check of one "每年提高" goal, run by run: every rise from
/// one year to the next against the step, as [`super::goals::evaluate`]
/// checks the deterministic path.
struct YearlyCheck {
    series_idx: usize,
    /// The step the plan asks for every year, less the boundary slack.
    min_rise: f64,
    /// The series in the base year (the same in every run).
    base: f64,
}

/// Runs simulated together, structure-of-arrays: every inner loop runs over
/// this many contiguous values.
const BATCH_RUNS: usize = 64;

/// Aggregates binned after the industries, in [`binned_series`] order.
const N_AGGREGATES: usize = 8;

/// The series binned per run: the tracked series without productivity.
fn binned_series(n_industries: usize) -> Vec<SeriesId> {
    tracked_series(n_industries)
        .into_iter()
        .filter(|series| *series != SeriesId::Productivity)
        .collect()
}

/// The aggregates of one year for a batch: per run, the weighted sums over
/// industries ([`Sums`]), then the formulas of [`Links::derive_from`] — the
/// same code the deterministic projection uses.
fn aggregates_of_batch(
    links: &Links,
    year_idx: usize,
    revenue: &[f64],
    aggregates: &mut [f64],
    n_batch: usize,
) {
    let mut outputs = aggregates.chunks_exact_mut(BATCH_RUNS);
    let (
        Some(out_traditional),
        Some(out_emerging),
        Some(out_share),
        Some(out_lead),
        Some(out_gdp),
        Some(out_sei),
        Some(out_high_tech),
        Some(out_rd),
    ) = (
        outputs.next(),
        outputs.next(),
        outputs.next(),
        outputs.next(),
        outputs.next(),
        outputs.next(),
        outputs.next(),
        outputs.next(),
    )
    else {
        return;
    };
    for run in 0..n_batch.min(BATCH_RUNS) {
        let mut sums = Sums::default();
        for ((coefficients, &high_tech_weight), industry_revenue) in links
            .coefficients
            .iter()
            .zip(links.high_tech_weights(year_idx))
            .zip(revenue.chunks_exact(BATCH_RUNS))
        {
            sums.add(
                coefficients,
                high_tech_weight,
                industry_revenue.get(run).copied().unwrap_or(0.0),
            );
        }
        let derived = links.derive_from(year_idx, &sums);
        out_traditional[run] = derived.traditional;
        out_emerging[run] = derived.emerging;
        out_share[run] = derived.emerging_share_pct;
        out_lead[run] = derived.lead_ratio;
        out_gdp[run] = derived.gdp;
        out_sei[run] = derived.sei_share_pct;
        out_high_tech[run] = derived.high_tech_share_pct;
        out_rd[run] = derived.rd_share_pct;
    }
}

/// Fixes each slot's histogram range from its pilot values. A slot whose
/// pilot values are all equal gets a zero-width range: every value lands in
/// bin 0 and every percentile is that value.
fn set_up_histograms(
    pilot: &[f64],
    n_pilot: usize,
    low: &mut [f64],
    scale: &mut [f64],
    width: &mut [f64],
) {
    for (slot, slot_pilot) in pilot.chunks_exact(n_pilot.max(1)).enumerate() {
        let mut min = f64::INFINITY;
        let mut max = f64::NEG_INFINITY;
        for &value in slot_pilot {
            if value < min {
                min = value;
            }
            if value > max {
                max = value;
            }
        }
        let span = max - min;
        if span > 0.0 && span.is_finite() {
            low[slot] = min - 0.25 * span;
            width[slot] = 1.5 * span / HISTOGRAM_BINS as f64;
            scale[slot] = 1.0 / width[slot];
        } else {
            low[slot] = if min.is_finite() { min } else { 0.0 };
            width[slot] = 0.0;
            scale[slot] = 0.0;
        }
    }
}

/// Counts values into one slot's histogram; values outside its range go to
/// the edge bins (the float-to-integer cast saturates, NaN goes to bin 0).
#[inline(always)]
fn bin_values(values: &[f64], low: f64, scale: f64, counts: &mut [u16]) {
    let Ok(counts) = <&mut [u16; HISTOGRAM_BINS]>::try_from(counts) else {
        return;
    };
    for &value in values {
        let bin = (((value - low) * scale) as usize).min(HISTOGRAM_BINS - 1);
        counts[bin] += 1;
    }
}

/// Adds the `u16` counts into the `u32` totals and clears them.
fn flush(counts: &mut [u16], totals: &mut [u32]) {
    for (total, count) in totals.iter_mut().zip(counts.iter_mut()) {
        *total += u32::from(*count);
        *count = 0;
    }
}

/// Runs the simulation with the scenario's runs and seed. Same plan,
/// scenario and seed give the same result on every platform.
///
/// ```
/// use pathways::model::{monte_carlo, Plan, Scenario};
/// let plan = Plan::shouguang_2018().unwrap();
/// let mut scenario = pathways::model::plan_defaults(&plan);
/// scenario.uncertainty.runs = 2_000;
/// let bands = monte_carlo(&plan, &scenario);
/// let chemicals = bands.industry(1).unwrap();
/// assert!(chemicals.p10[5] <= chemicals.p50[5] && chemicals.p50[5] <= chemicals.p90[5]);
/// let p = bands.probability("revenue.chemicals", 2022).unwrap();
/// assert!((0.3..0.7).contains(&p)); // plan pace: about a coin flip
/// assert_eq!(bands, monte_carlo(&plan, &scenario)); // reproducible
/// ```
pub fn monte_carlo(plan: &Plan, scenario: &Scenario) -> Bands {
    monte_carlo_with(plan, scenario, &mut Workspace::default())
}

/// [`monte_carlo`] with a reusable [`Workspace`].
pub fn monte_carlo_with(plan: &Plan, scenario: &Scenario, workspace: &mut Workspace) -> Bands {
    let never_pause = || None::<std::future::Ready<bool>>;
    // Every pause is `None`, so the simulation completes in its first poll.
    match run_ready(monte_carlo_sliced(plan, scenario, workspace, never_pause)) {
        Some(Some(bands)) => bands,
        _ => Bands {
            years: Vec::new(),
            runs: 0,
            seed: scenario.uncertainty.seed,
            bands: Vec::new(),
            goal_probabilities: Vec::new(),
        },
    }
}

/// Polls a future once with a waker that does nothing: its output if it
/// completed, `None` if it is waiting.
fn run_ready<F: std::future::Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(output) => Some(output),
        std::task::Poll::Pending => None,
    }
}

/// [`monte_carlo_with`] in slices: after every batch of runs it asks
/// `pause` whether to yield. `None` goes on at once; `Some(wait)` awaits
/// `wait` (the caller's way to give the browser back to input), which says
/// whether to go on (`false`: stop, the result is `None`). The numbers are
/// the same however it is sliced: the same seed, the same bands. The model
/// stays browser-free: the caller decides when and how to yield.
pub async fn monte_carlo_sliced<P, W>(
    plan: &Plan,
    scenario: &Scenario,
    workspace: &mut Workspace,
    mut pause: P,
) -> Option<Bands>
where
    P: FnMut() -> Option<W>,
    W: std::future::Future<Output = bool>,
{
    let links = Links::new(plan, scenario);
    let n_years = links.n_years;
    let n_industries = links.n_industries;
    let n_runs = scenario.uncertainty.runs.clamp(*RUNS.start(), *RUNS.end()) as usize;
    let seed = scenario.uncertainty.seed;
    let correlation = {
        let rho = scenario.uncertainty.correlation;
        if rho.is_finite() {
            rho.clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let common_weight = correlation.sqrt();
    let own_weight = (1.0 - correlation).sqrt();
    let sigma: Vec<f64> = (0..n_industries)
        .map(|idx| {
            let sigma_pp = scenario
                .uncertainty
                .sigma_pp
                .get(idx)
                .copied()
                .unwrap_or(0.0);
            if sigma_pp.is_finite() {
                sigma_pp.max(0.0) / 100.0
            } else {
                0.0
            }
        })
        .collect();

    let series = binned_series(n_industries);
    let n_series = series.len();
    // Which slot holds a series in a year. Industries in phase-1 years have
    // none: their revenue is a non-decreasing function of their phase-1
    // deviation alone, so their percentiles are the path evaluated at the
    // deviation's percentiles, which take one slot per industry at the end.
    let mut slot_of = vec![None; n_years * n_series];
    let mut n_slots = 0;
    for year_idx in 1..n_years {
        for series_idx in 0..n_series {
            if series_idx >= n_industries || links.phase[year_idx] != 0 {
                slot_of[year_idx * n_series + series_idx] = Some(n_slots);
                n_slots += 1;
            }
        }
    }
    let first_deviation_slot = n_slots;
    n_slots += n_industries;
    let gdp_idx = series
        .iter()
        .position(|tracked| *tracked == SeriesId::Gdp)
        .unwrap_or(0);
    let inverse_employment: Vec<f64> = links
        .yearly
        .iter()
        .map(|yearly| yearly.inverse_employment)
        .collect();

    // The goals to count, by year index.
    let deterministic = project(plan, scenario);
    let mut goal_probabilities = Vec::new();
    let mut checks_by_year: Vec<Vec<GoalCheck>> = (0..n_years).map(|_| Vec::new()).collect();
    for (goal_idx, goal) in plan.goals.iter().enumerate() {
        let Some(goal_series) = goal.series_id else {
            continue;
        };
        for year in checkpoints(plan) {
            let (Some((target, _)), Some(year_idx)) = (
                target_in_year(plan, scenario, goal, year),
                deterministic.year_idx(year),
            ) else {
                continue;
            };
            let (series_idx, scale) = if goal_series == SeriesId::Productivity {
                (
                    gdp_idx,
                    inverse_employment.get(year_idx).copied().unwrap_or(0.0),
                )
            } else {
                match series.iter().position(|tracked| *tracked == goal_series) {
                    Some(series_idx) => (series_idx, 1.0),
                    None => continue,
                }
            };
            if year_idx == 0 {
                continue;
            }
            checks_by_year[year_idx].push(GoalCheck {
                probability_idx: goal_probabilities.len(),
                series_idx,
                scale,
                comparison: goal.comparison,
                target,
                yearly_idx: None,
            });
            goal_probabilities.push(GoalProbability {
                goal_idx,
                goal_id: goal.id.clone(),
                year,
                target,
                probability: 0.0,
            });
        }
    }
    let mut met_counts = vec![0_u32; goal_probabilities.len()];
    // Per-year goals: one yearly check per goal, shared by its checkpoints.
    let mut yearly_checks: Vec<YearlyCheck> = Vec::new();
    for check in checks_by_year.iter_mut().flatten() {
        let goal = &plan.goals[goal_probabilities[check.probability_idx].goal_idx];
        let (Some(step), Some(goal_series)) = (goal.target, goal.series_id) else {
            continue;
        };
        if goal.kind != GoalKind::IncrementPerYear {
            continue;
        }
        let existing = yearly_checks
            .iter()
            .position(|yearly| yearly.series_idx == check.series_idx);
        check.yearly_idx = Some(existing.unwrap_or_else(|| {
            yearly_checks.push(YearlyCheck {
                series_idx: check.series_idx,
                min_rise: step - BOUNDARY_SLACK * step.abs().max(1.0),
                base: deterministic
                    .series(goal_series)
                    .first()
                    .copied()
                    .unwrap_or(0.0),
            });
            yearly_checks.len() - 1
        }));
    }
    // `[yearly_idx * BATCH_RUNS + run]`: last year's value, and whether
    // every rise so far reached the step.
    let mut yearly_previous = vec![0.0_f64; yearly_checks.len() * BATCH_RUNS];
    let mut yearly_ok = vec![true; yearly_checks.len() * BATCH_RUNS];

    let n_pilot = n_runs.min(PILOT_RUNS);
    let Workspace {
        pilot,
        counts,
        totals,
        slot_values,
    } = workspace;
    // The pilot is slot-major: `slot * n_pilot + run_idx`.
    pilot.clear();
    pilot.resize(n_slots * n_pilot, 0.0);
    counts.clear();
    totals.clear();
    let mut n_unflushed = 0_usize;
    let mut histogram_low = vec![0.0_f64; n_slots];
    let mut histogram_scale = vec![0.0_f64; n_slots];
    let mut histogram_width = vec![0.0_f64; n_slots];

    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    // Batch buffers, `[index * BATCH_RUNS + run]`.
    let mut deviation = vec![0.0_f64; 2 * n_industries * BATCH_RUNS];
    let mut revenue = vec![0.0_f64; n_industries * BATCH_RUNS];
    let mut aggregates = vec![0.0_f64; N_AGGREGATES * BATCH_RUNS];
    let mut first_run = 0;
    while first_run < n_runs {
        let n_batch = BATCH_RUNS.min(n_runs - first_run);
        // One deviation per industry per phase and run, drawn run by run.
        for run in 0..n_batch {
            for phase in 0..2 {
                let common: f64 = if common_weight > 0.0 {
                    StandardNormal.sample(&mut rng)
                } else {
                    0.0
                };
                for (industry_idx, &industry_sigma) in sigma.iter().enumerate() {
                    let own: f64 = if industry_sigma > 0.0 && own_weight > 0.0 {
                        StandardNormal.sample(&mut rng)
                    } else {
                        0.0
                    };
                    deviation[(phase * n_industries + industry_idx) * BATCH_RUNS + run] =
                        industry_sigma * (common_weight * common + own_weight * own);
                }
            }
        }
        for (industry_revenue, &base) in revenue
            .chunks_exact_mut(BATCH_RUNS)
            .zip(&links.base_yi_yuan)
        {
            industry_revenue.fill(base);
        }
        for (yearly, (previous, ok)) in yearly_checks.iter().zip(
            yearly_previous
                .chunks_exact_mut(BATCH_RUNS)
                .zip(yearly_ok.chunks_exact_mut(BATCH_RUNS)),
        ) {
            previous.fill(yearly.base);
            ok.fill(true);
        }
        // A pilot-filling batch ends the pilot when it reaches `n_pilot`.
        let in_pilot = first_run < n_pilot;
        let mut keep = |slot: usize, values: &[f64]| {
            if in_pilot {
                let start = slot * n_pilot + first_run;
                let n_stored = values.len().min(n_pilot - first_run);
                pilot[start..start + n_stored].copy_from_slice(&values[..n_stored]);
            } else {
                bin_values(
                    values,
                    histogram_low[slot],
                    histogram_scale[slot],
                    &mut counts[slot * HISTOGRAM_BINS..(slot + 1) * HISTOGRAM_BINS],
                );
            }
        };
        for (industry_idx, industry_deviation) in deviation
            .chunks_exact(BATCH_RUNS)
            .take(n_industries)
            .enumerate()
        {
            keep(
                first_deviation_slot + industry_idx,
                &industry_deviation[..n_batch],
            );
        }
        for year_idx in 1..n_years {
            let phase = links.phase[year_idx];
            let factor_row = &links.factor[year_idx * n_industries..(year_idx + 1) * n_industries];
            let phase_deviation = &deviation
                [phase * n_industries * BATCH_RUNS..(phase + 1) * n_industries * BATCH_RUNS];
            for ((industry_revenue, industry_deviation), &factor) in revenue
                .chunks_exact_mut(BATCH_RUNS)
                .zip(phase_deviation.chunks_exact(BATCH_RUNS))
                .zip(factor_row)
            {
                for (level, &deviation_of_run) in industry_revenue[..n_batch]
                    .iter_mut()
                    .zip(&industry_deviation[..n_batch])
                {
                    let run_factor = factor + deviation_of_run;
                    *level *= if run_factor > GROWTH_FACTOR_FLOOR {
                        run_factor
                    } else {
                        GROWTH_FACTOR_FLOOR
                    };
                }
            }
            aggregates_of_batch(&links, year_idx, &revenue, &mut aggregates, n_batch);
            let series_values = |series_idx: usize| -> &[f64] {
                if series_idx < n_industries {
                    &revenue[series_idx * BATCH_RUNS..series_idx * BATCH_RUNS + n_batch]
                } else {
                    let aggregate_idx = series_idx - n_industries;
                    &aggregates[aggregate_idx * BATCH_RUNS..aggregate_idx * BATCH_RUNS + n_batch]
                }
            };
            for (yearly, (previous, ok)) in yearly_checks.iter().zip(
                yearly_previous
                    .chunks_exact_mut(BATCH_RUNS)
                    .zip(yearly_ok.chunks_exact_mut(BATCH_RUNS)),
            ) {
                for ((value, last), run_ok) in series_values(yearly.series_idx)
                    .iter()
                    .zip(previous.iter_mut())
                    .zip(ok.iter_mut())
                {
                    *run_ok &= value - *last >= yearly.min_rise;
                    *last = *value;
                }
            }
            for check in &checks_by_year[year_idx] {
                let values = series_values(check.series_idx);
                let n_met = match check.yearly_idx {
                    None => values
                        .iter()
                        .filter(|value| {
                            meets(check.comparison, **value * check.scale, check.target)
                        })
                        .count(),
                    Some(yearly_idx) => values
                        .iter()
                        .zip(&yearly_ok[yearly_idx * BATCH_RUNS..])
                        .filter(|(value, ok)| {
                            **ok && meets(check.comparison, **value * check.scale, check.target)
                        })
                        .count(),
                };
                met_counts[check.probability_idx] += n_met as u32;
            }
            for series_idx in 0..n_series {
                if let Some(slot) = slot_of[year_idx * n_series + series_idx] {
                    keep(slot, series_values(series_idx));
                }
            }
        }
        if in_pilot && first_run + n_batch >= n_pilot && n_runs > n_pilot {
            // The pilot is complete: fix the ranges and count the pilot.
            set_up_histograms(
                pilot,
                n_pilot,
                &mut histogram_low,
                &mut histogram_scale,
                &mut histogram_width,
            );
            counts.resize(n_slots * HISTOGRAM_BINS, 0);
            totals.resize(n_slots * HISTOGRAM_BINS, 0);
            for (slot, slot_pilot) in pilot.chunks_exact(n_pilot).enumerate() {
                bin_values(
                    slot_pilot,
                    histogram_low[slot],
                    histogram_scale[slot],
                    &mut counts[slot * HISTOGRAM_BINS..(slot + 1) * HISTOGRAM_BINS],
                );
            }
            n_unflushed = n_pilot;
        } else if !in_pilot {
            n_unflushed += n_batch;
        }
        first_run += n_batch;
        if n_unflushed + BATCH_RUNS > FLUSH_RUNS {
            flush(counts, totals);
            n_unflushed = 0;
        }
        if first_run < n_runs {
            if let Some(wait) = pause() {
                if !wait.await {
                    return None;
                }
            }
        }
    }
    flush(counts, totals);
    for (probability, met_count) in goal_probabilities.iter_mut().zip(&met_counts) {
        probability.probability = f64::from(*met_count) / n_runs as f64;
    }

    // Percentiles per slot.
    let ranks = PERCENTILES
        .map(|fraction| ((fraction * (n_runs - 1) as f64).round() as usize).min(n_runs - 1));
    let mut quantiles = vec![[0.0_f64; 3]; n_slots];
    for (slot, slot_quantiles) in quantiles.iter_mut().enumerate() {
        if n_runs == n_pilot {
            slot_values.clear();
            slot_values.extend_from_slice(&pilot[slot * n_pilot..(slot + 1) * n_pilot]);
            for (quantile, &rank) in slot_quantiles.iter_mut().zip(&ranks) {
                let (_, value, _) = slot_values.select_nth_unstable_by(rank, f64::total_cmp);
                *quantile = *value;
            }
        } else {
            let slot_totals = &totals[slot * HISTOGRAM_BINS..(slot + 1) * HISTOGRAM_BINS];
            let mut cumulative = 0_usize;
            let mut rank_idx = 0;
            for (bin, &count) in slot_totals.iter().enumerate() {
                let count = count as usize;
                while rank_idx < ranks.len() && ranks[rank_idx] < cumulative + count {
                    let position = (ranks[rank_idx] - cumulative) as f64 + 0.5;
                    slot_quantiles[rank_idx] = histogram_low[slot]
                        + (bin as f64 + position / count as f64) * histogram_width[slot];
                    rank_idx += 1;
                }
                cumulative += count;
            }
        }
    }
    let bands = tracked_series(n_industries)
        .into_iter()
        .map(|series_id| {
            let base_value = deterministic
                .series(series_id)
                .first()
                .copied()
                .unwrap_or(0.0);
            let mut band = Band {
                series: series_id,
                p10: vec![base_value; n_years],
                p50: vec![base_value; n_years],
                p90: vec![base_value; n_years],
            };
            let (series_idx, scaled) = if series_id == SeriesId::Productivity {
                (gdp_idx, true)
            } else {
                (
                    series
                        .iter()
                        .position(|binned| *binned == series_id)
                        .unwrap_or(0),
                    false,
                )
            };
            // An industry's path in phase-1 years at its deviation percentiles.
            let mut levels = [base_value; 3];
            let deviation_quantiles = quantiles
                .get(first_deviation_slot + series_idx)
                .copied()
                .unwrap_or([0.0; 3]);
            for year_idx in 1..n_years {
                let [p10, p50, p90] = match slot_of[year_idx * n_series + series_idx] {
                    Some(slot) => {
                        let scale = if scaled {
                            inverse_employment.get(year_idx).copied().unwrap_or(0.0)
                        } else {
                            1.0
                        };
                        quantiles[slot].map(|quantile| quantile * scale)
                    }
                    None => {
                        let factor = links
                            .factor
                            .get(year_idx * n_industries + series_idx)
                            .copied()
                            .unwrap_or(1.0);
                        for (level, deviation_quantile) in
                            levels.iter_mut().zip(deviation_quantiles)
                        {
                            let run_factor = factor + deviation_quantile;
                            *level *= if run_factor > GROWTH_FACTOR_FLOOR {
                                run_factor
                            } else {
                                GROWTH_FACTOR_FLOOR
                            };
                        }
                        levels
                    }
                };
                band.p10[year_idx] = p10;
                band.p50[year_idx] = p50;
                band.p90[year_idx] = p90;
            }
            band
        })
        .collect();

    Some(Bands {
        years: deterministic.years().to_vec(),
        runs: n_runs as u32,
        seed,
        bands,
        goal_probabilities,
    })
}
