//! Goal seek: the growth rate that makes an industry exactly reach a level.
//!
//! With no shock in the years that the phase's growth moves, the level is
//! `base × C × (1 + g/100)^m` and `g` has a closed form. With shocks (which
//! add percentage points to single years' growth) the level is a polynomial
//! in `g`, solved by bisection on a bracket, in a bounded number of steps.

use std::fmt;

use super::bounds::GROWTH_FACTOR_FLOOR;
use super::goals::STRICT_MARGIN;
use super::plan::{Comparison, Plan};
use super::scenario::Scenario;

/// Bisection steps: enough to shrink any bracket below 1e-12 pp.
pub const MAX_BISECTION_STEPS: usize = 200;

/// Why a growth rate could not be found.
#[derive(Clone, Debug, PartialEq)]
pub enum SeekError {
    NoSuchIndustry(usize),
    /// Phase 0 or 1 only.
    NoSuchPhase(usize),
    /// The year is not a projected year after the base year.
    YearOutOfRange(u16),
    /// The phase has no year up to the target year, so its growth cannot
    /// move the level.
    PhaseDoesNotReach {
        phase: usize,
        year: u16,
    },
    TargetNotPositive(f64),
    /// No growth rate reaches the target (e.g. it needs a fall of more than
    /// the growth-factor floor allows).
    NoRoot,
}

impl fmt::Display for SeekError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeekError::NoSuchIndustry(idx) => write!(f, "no industry with index {idx}"),
            SeekError::NoSuchPhase(phase) => write!(f, "no phase {phase} (phases are 0 and 1)"),
            SeekError::YearOutOfRange(year) => write!(f, "{year} is not a projected year"),
            SeekError::PhaseDoesNotReach { phase, year } => {
                write!(f, "phase {phase} has no year up to {year}")
            }
            SeekError::TargetNotPositive(target) => {
                write!(f, "the target {target} is not positive")
            }
            SeekError::NoRoot => f.write_str("no growth rate reaches the target"),
        }
    }
}

impl std::error::Error for SeekError {}

/// The phase-1 growth (% per year, 2018–2022) that exactly meets the
/// industry's 2022 revenue goal, given the rest of the scenario (shocks
/// included); for a strict ("more than") goal, a level a hair above it. A
/// goal met even with no growth needs 0 % ("already met"), never a
/// negative rate. `None` if the industry has no revenue goal or none can be
/// found. The result may lie outside [`super::GROWTH_PCT`]: the UI can show
/// that the goal needs more than the slider allows.
///
/// ```
/// use pathways::model::{project, required_growth_pct, Plan, Scenario, SeriesId};
/// let plan = Plan::shouguang_2018().unwrap();
/// let mut scenario = pathways::model::plan_defaults(&plan);
/// let growth_pct = required_growth_pct(&plan, &scenario, 2).unwrap(); // paper: 300 亿元
/// scenario.set_growth_pct(2, 0, growth_pct).unwrap();
/// let paper_2022 = project(&plan, &scenario).value(SeriesId::Industry(2), 2022).unwrap();
/// assert!((paper_2022 - 300.0).abs() < 1e-9);
/// assert!(required_growth_pct(&plan, &scenario, 0).is_none()); // vegetables
/// ```
pub fn required_growth_pct(plan: &Plan, scenario: &Scenario, industry_idx: usize) -> Option<f64> {
    let goal = plan.industry_revenue_goal(industry_idx)?;
    let target = goal.target?;
    // A strict goal (突破, more than) needs a level just above its target.
    let aim = if goal.comparison == Comparison::MoreThan {
        target * (1.0 + STRICT_MARGIN)
    } else {
        target
    };
    let growth_pct = seek_growth_pct(plan, scenario, industry_idx, 0, goal.deadline, aim).ok()?;
    // A goal met with no growth at all needs none: never a negative rate.
    Some(growth_pct.max(0.0))
}

/// The growth of `phase` (0 = 2018–2022, 1 = 2023–2028) that makes the
/// industry's level in `year` exactly `target_yi_yuan`, all else as in the
/// scenario.
pub fn seek_growth_pct(
    plan: &Plan,
    scenario: &Scenario,
    industry_idx: usize,
    phase: usize,
    year: u16,
    target_yi_yuan: f64,
) -> Result<f64, SeekError> {
    if industry_idx >= plan.industries.len() {
        return Err(SeekError::NoSuchIndustry(industry_idx));
    }
    if phase > 1 {
        return Err(SeekError::NoSuchPhase(phase));
    }
    let base_year = plan.base_year();
    if year <= base_year || year > plan.end_year() {
        return Err(SeekError::YearOutOfRange(year));
    }
    if !(target_yi_yuan.is_finite() && target_yi_yuan > 0.0) {
        return Err(SeekError::TargetNotPositive(target_yi_yuan));
    }
    let base = scenario
        .industries
        .get(industry_idx)
        .map_or(plan.industries[industry_idx].base_value.value, |industry| {
            industry.base_yi_yuan
        });
    if !(base.is_finite() && base > 0.0) {
        return Err(SeekError::NoRoot);
    }
    // Split the years up to `year` into those the phase's growth moves (with
    // their shocks) and the others (a constant factor).
    let mut constant_factor = 1.0;
    let mut phase_shocks_pp = Vec::new();
    for current in (base_year + 1)..=year {
        let shock_pp = scenario.shock_pp(industry_idx, current);
        let current_phase = plan.phase_of(current);
        if current_phase == phase {
            phase_shocks_pp.push(shock_pp);
        } else {
            let growth_pct = scenario.growth_pct(industry_idx, current_phase) + shock_pp;
            constant_factor *= (1.0 + growth_pct / 100.0).max(GROWTH_FACTOR_FLOOR);
        }
    }
    if phase_shocks_pp.is_empty() {
        return Err(SeekError::PhaseDoesNotReach { phase, year });
    }
    let needed_factor = target_yi_yuan / (base * constant_factor);
    let n_phase_years = phase_shocks_pp.len() as f64;
    if phase_shocks_pp.iter().all(|shock_pp| *shock_pp == 0.0) {
        // Closed form: (1 + g/100)^m = needed_factor.
        let yearly_factor = needed_factor.powf(1.0 / n_phase_years);
        if yearly_factor < GROWTH_FACTOR_FLOOR || !yearly_factor.is_finite() {
            return Err(SeekError::NoRoot);
        }
        return Ok((yearly_factor - 1.0) * 100.0);
    }
    // Root finding on h(g) = Σ ln(max(1 + (g + s)/100, floor)) − ln(needed),
    // which is continuous and non-decreasing in g.
    let log_needed = needed_factor.ln();
    let excess = |growth_pct: f64| -> f64 {
        phase_shocks_pp
            .iter()
            .map(|shock_pp| {
                (1.0 + (growth_pct + shock_pp) / 100.0)
                    .max(GROWTH_FACTOR_FLOOR)
                    .ln()
            })
            .sum::<f64>()
            - log_needed
    };
    let max_shock_pp = phase_shocks_pp
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    // At `low` every year sits on the floor: nothing lower changes the level.
    let low_start = (GROWTH_FACTOR_FLOOR - 1.0) * 100.0 - max_shock_pp;
    let mut low = low_start;
    if excess(low) > 0.0 {
        return Err(SeekError::NoRoot);
    }
    let mut high = 100.0_f64.max(low + 1.0);
    let mut n_expansions = 0;
    while excess(high) < 0.0 {
        high *= 2.0;
        n_expansions += 1;
        if n_expansions > 40 {
            return Err(SeekError::NoRoot);
        }
    }
    for _ in 0..MAX_BISECTION_STEPS {
        let middle = 0.5 * (low + high);
        if middle <= low || middle >= high {
            break;
        }
        if excess(middle) < 0.0 {
            low = middle;
        } else {
            high = middle;
        }
    }
    // `high` is the smallest rate found that reaches the target.
    if high == low_start {
        return Err(SeekError::NoRoot);
    }
    Ok(high)
}
