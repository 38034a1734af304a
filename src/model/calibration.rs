//! Calibration to published figures: the base-year GDP and the phase-1
//! growth of the rest of the economy, fitted by least squares to the
//! published GDP points after the base year (the post-census-revision
//! series), given the default preset's industry paths.
//!
//! The plan gives targets, not baselines, so these two numbers are unknown.
//! Instead of choosing them by hand, the fit picks the pair that makes the
//! projected GDP pass closest (in relative terms) to what was published.
//! Points before or in the base year are left out: the only one (2016) is
//! from the series before the 2018 economic-census revision, which is not
//! comparable. The result, its inputs and its residuals are shown in the
//! data-and-sources view.

use serde::Serialize;

use super::bounds::{GDP_YI_YUAN, GROWTH_FACTOR_FLOOR, GROWTH_PCT};
use super::plan::Plan;
use super::projection::project;
use super::scenario::Scenario;

/// The published series the fit uses.
pub const GDP_SERIES: &str = "gdp";

/// One published point against the fitted projection.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FitPoint {
    pub year: u16,
    pub published: f64,
    pub fitted: f64,
    /// `(fitted − published) / published × 100`.
    pub residual_pct: f64,
}

/// The result of the GDP fit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GdpFit {
    /// Fitted base-year GDP, 亿元.
    pub gdp_base_yi_yuan: f64,
    /// Fitted phase-1 growth of the economy outside the industries, %/year.
    pub rest_growth_pct: f64,
    /// The plan file's values before the fit.
    pub prior_gdp_base_yi_yuan: f64,
    pub prior_rest_growth_pct: f64,
    /// The points fitted, with residuals.
    pub points: Vec<FitPoint>,
}

impl GdpFit {
    /// Writes the fitted values into a scenario.
    pub fn apply(&self, scenario: &mut Scenario) {
        scenario.economy.gdp_base_yi_yuan = self.gdp_base_yi_yuan;
        scenario.economy.rest_of_economy_growth_pct[0] = self.rest_growth_pct;
    }

    /// The largest absolute residual, percent.
    pub fn max_abs_residual_pct(&self) -> f64 {
        self.points
            .iter()
            .map(|point| point.residual_pct.abs())
            .fold(0.0, f64::max)
    }
}

/// The published GDP points after the base year, within the projection.
pub fn published_gdp_points(plan: &Plan) -> Vec<(u16, f64)> {
    plan.published
        .iter()
        .filter(|figure| {
            figure.series == GDP_SERIES
                && figure.year > plan.base_year()
                && figure.year <= plan.end_year()
                && figure.value.is_finite()
                && figure.value > 0.0
        })
        .map(|figure| (figure.year, figure.value))
        .collect()
}

/// Fits base GDP and phase-1 rest-of-economy growth to the published GDP
/// points, with the industries of `reference` (their growth, shocks and
/// value-added ratios). `None` when the plan publishes no GDP after its base
/// year or no phase-1 point constrains the growth.
///
/// ```
/// use pathways::model::{fit_gdp, Plan, Scenario};
/// let plan = Plan::shouguang_2018().unwrap();
/// let fit = fit_gdp(&plan, &pathways::model::plan_defaults(&plan)).unwrap();
/// assert!(fit.max_abs_residual_pct() < 2.0);
/// ```
pub fn fit_gdp(plan: &Plan, reference: &Scenario) -> Option<GdpFit> {
    let points = published_gdp_points(plan);
    if points.is_empty() || !points.iter().any(|(year, _)| plan.phase_of(*year) == 0) {
        return None;
    }
    let projection = project(plan, reference);
    let base_year = plan.base_year();
    let value_added = |year_idx: usize| -> f64 {
        reference
            .industries
            .iter()
            .enumerate()
            .map(|(industry_idx, industry)| {
                industry.value_added_ratio
                    * projection
                        .industry(industry_idx)
                        .get(year_idx)
                        .copied()
                        .unwrap_or(0.0)
            })
            .sum()
    };
    let value_added_base = value_added(0);
    let phase_2_rate = reference.economy.rest_of_economy_growth_pct[1];
    // Per point: its industries' value added and the years in each phase.
    let prepared: Vec<(f64, f64, u32, u32)> = points
        .iter()
        .filter_map(|&(year, published)| {
            let year_idx = projection.year_idx(year)?;
            let mut n_phase_1 = 0;
            let mut n_phase_2 = 0;
            for current in (base_year + 1)..=year {
                if plan.phase_of(current) == 0 {
                    n_phase_1 += 1;
                } else {
                    n_phase_2 += 1;
                }
            }
            Some((published, value_added(year_idx), n_phase_1, n_phase_2))
        })
        .collect();
    let phase_2_factor = (1.0 + phase_2_rate / 100.0).max(GROWTH_FACTOR_FLOOR);
    let lowest_rest = (*GDP_YI_YUAN.start() - value_added_base).max(0.0);
    let highest_rest = (*GDP_YI_YUAN.end() - value_added_base).max(lowest_rest);
    // For a growth rate: the best rest-of-economy base (closed form of a
    // weighted least squares in one unknown) and the relative error.
    let solve = |growth_pct: f64| -> (f64, f64) {
        let factor = (1.0 + growth_pct / 100.0).max(GROWTH_FACTOR_FLOOR);
        let multiplier =
            |n_1: u32, n_2: u32| factor.powi(n_1 as i32) * phase_2_factor.powi(n_2 as i32);
        let (mut numerator, mut denominator) = (0.0, 0.0);
        for &(published, added, n_1, n_2) in &prepared {
            let weight = 1.0 / (published * published);
            let m = multiplier(n_1, n_2);
            numerator += weight * m * (published - added);
            denominator += weight * m * m;
        }
        let rest = if denominator > 0.0 {
            (numerator / denominator).clamp(lowest_rest, highest_rest)
        } else {
            lowest_rest
        };
        let error = prepared
            .iter()
            .map(|&(published, added, n_1, n_2)| {
                let relative = (added + rest * multiplier(n_1, n_2) - published) / published;
                relative * relative
            })
            .sum();
        (rest, error)
    };
    // A coarse scan of the allowed range, then a golden-section refinement
    // around the best grid point.
    let (low, high) = (*GROWTH_PCT.start(), *GROWTH_PCT.end());
    let n_grid = 180;
    let step = (high - low) / f64::from(n_grid);
    let mut best = low;
    let mut best_error = f64::INFINITY;
    for idx in 0..=n_grid {
        let growth_pct = low + step * f64::from(idx);
        let (_, error) = solve(growth_pct);
        if error < best_error {
            best_error = error;
            best = growth_pct;
        }
    }
    let (mut a, mut b) = ((best - step).max(low), (best + step).min(high));
    let ratio = (5.0_f64.sqrt() - 1.0) / 2.0;
    for _ in 0..80 {
        let c = b - ratio * (b - a);
        let d = a + ratio * (b - a);
        if solve(c).1 <= solve(d).1 {
            b = d;
        } else {
            a = c;
        }
    }
    let growth_pct = 0.5 * (a + b);
    let (rest, _) = solve(growth_pct);
    let fit = GdpFit {
        gdp_base_yi_yuan: rest + value_added_base,
        rest_growth_pct: growth_pct,
        prior_gdp_base_yi_yuan: reference.economy.gdp_base_yi_yuan,
        prior_rest_growth_pct: reference.economy.rest_of_economy_growth_pct[0],
        points: Vec::new(),
    };
    let mut fitted_scenario = reference.clone();
    fit.apply(&mut fitted_scenario);
    let fitted_projection = project(plan, &fitted_scenario);
    let points = points
        .iter()
        .filter_map(|&(year, published)| {
            let fitted = fitted_projection.value(super::plan::SeriesId::Gdp, year)?;
            Some(FitPoint {
                year,
                published,
                fitted,
                residual_pct: (fitted - published) / published * 100.0,
            })
        })
        .collect();
    Some(GdpFit { points, ..fit })
}
