//! Goal evaluation: every projected goal at every checkpoint year (2022 and
//! 2028), with the gap, a status, the constant growth that would exactly
//! meet it and the first year it is reached.

use serde::Serialize;

use super::plan::{Comparison, Goal, GoalKind, Plan, SeriesId, Tracking};
use super::projection::Projection;
use super::scenario::Scenario;

/// Relative slack under which a value on the boundary counts as meeting its
/// target, so that an exact goal-seek result is "met" despite rounding. A
/// "more than" goal met exactly on the boundary counts as met for the same
/// reason: any higher growth meets it.
pub const BOUNDARY_SLACK: f64 = 1e-9;

/// The verdict on one goal in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    /// Missed by no more than the plan's close tolerance.
    Close,
    Missed,
}

/// One goal evaluated in one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalEvaluation {
    pub goal_idx: usize,
    pub goal_id: String,
    pub series: SeriesId,
    pub year: u16,
    /// True when `year` is the goal's deadline.
    pub at_deadline: bool,
    /// The level to reach in `year` (for per-year increments: base plus the
    /// increments so far).
    pub target: f64,
    pub projected: f64,
    /// `projected − target`; negative means short.
    pub gap_abs: f64,
    /// `gap_abs / target × 100` (0 when the target is 0).
    pub gap_pct: f64,
    pub status: Status,
    /// The constant yearly growth of the goal's series from the base year
    /// that exactly reaches the target in `year`, percent.
    pub required_growth_pct: Option<f64>,
    /// The first year (base year included) whose projected value meets the
    /// target, if any.
    pub first_year_reached: Option<u16>,
    /// True when the target comes from the app's interpretation (the 2028
    /// aim, or an increment continued past its deadline).
    pub interpretation: bool,
}

/// Whether `value` meets `target` under `comparison`, with boundary slack.
pub fn meets(comparison: Comparison, value: f64, target: f64) -> bool {
    let slack = BOUNDARY_SLACK * target.abs().max(1.0);
    match comparison {
        Comparison::AtLeast | Comparison::MoreThan | Comparison::UpTo | Comparison::Qualitative => {
            value >= target - slack
        }
        Comparison::AtMost | Comparison::LessThan => value <= target + slack,
    }
}

/// The target level of a projected goal in `year`, and whether it comes from
/// the interpretation. `None` for goals the model does not project.
pub fn target_in_year(
    plan: &Plan,
    scenario: &Scenario,
    goal: &Goal,
    year: u16,
) -> Option<(f64, bool)> {
    if goal.tracking != Tracking::Projected {
        return None;
    }
    let series = goal.series_id?;
    let target = goal.target?;
    let base_year = plan.base_year();
    let interpretation = &scenario.interpretation;
    if plan.interpretation.goal == goal.id {
        return Some((interpretation.emerging_to_traditional_min_ratio, true));
    }
    let past_deadline = year > goal.deadline;
    match goal.kind {
        GoalKind::IncrementPerYear => {
            let base = base_value(scenario, series)?;
            if past_deadline && interpretation.continue_increments {
                Some((base + target * f64::from(year - base_year), true))
            } else {
                Some((
                    base + target * f64::from(goal.deadline.min(year).saturating_sub(base_year)),
                    false,
                ))
            }
        }
        GoalKind::Level if series == SeriesId::Productivity && past_deadline => {
            let base = base_value(scenario, series)?;
            if interpretation.continue_productivity_growth
                && base > 0.0
                && goal.deadline > base_year
            {
                let years_to_deadline = f64::from(goal.deadline - base_year);
                let years_past = f64::from(year - goal.deadline);
                Some((
                    target * (target / base).powf(years_past / years_to_deadline),
                    true,
                ))
            } else {
                Some((target, false))
            }
        }
        _ => Some((target, false)),
    }
}

/// The base-year value of the economy-wide series that goals refer to.
fn base_value(scenario: &Scenario, series: SeriesId) -> Option<f64> {
    let economy = &scenario.economy;
    match series {
        SeriesId::SeiShare => Some(economy.sei_share_base_pct),
        SeriesId::HighTechShare => Some(economy.high_tech_share_base_pct),
        SeriesId::RdShare => Some(economy.rd_share_base_pct),
        SeriesId::Productivity => Some(economy.productivity_base_wan_yuan),
        _ => None,
    }
}

/// The years at which goals are evaluated: the plan's checkpoints.
pub fn checkpoints(plan: &Plan) -> Vec<u16> {
    let mut years = plan.evaluation.checkpoints.clone();
    years.sort_unstable();
    years.dedup();
    years
}

/// Evaluates every projected goal at every checkpoint year. Goals tracked by
/// hand are not evaluated (the model knows nothing of firm counts).
///
/// ```
/// use pathways::model::{evaluate, project, Plan, Scenario, Status};
/// let plan = Plan::shouguang_2018().unwrap();
/// let scenario = Scenario::plan_defaults(&plan);
/// let projection = project(&plan, &scenario);
/// let evaluations = evaluate(&plan, &scenario, &projection);
/// let chemicals = evaluations
///     .iter()
///     .find(|e| e.goal_id == "revenue.chemicals" && e.year == 2022)
///     .unwrap();
/// assert_eq!(chemicals.status, Status::Met); // plan pace meets it exactly
/// ```
pub fn evaluate(plan: &Plan, scenario: &Scenario, projection: &Projection) -> Vec<GoalEvaluation> {
    let years = checkpoints(plan);
    let tolerance = plan.evaluation.close_tolerance_pct / 100.0;
    let mut evaluations = Vec::new();
    for (goal_idx, goal) in plan.goals.iter().enumerate() {
        let Some(series) = goal.series_id else {
            continue;
        };
        let values = projection.series(series);
        for &year in &years {
            let Some((target, interpretation)) = target_in_year(plan, scenario, goal, year) else {
                continue;
            };
            let Some(projected) = projection.value(series, year) else {
                continue;
            };
            let gap_abs = projected - target;
            let gap_pct = if target != 0.0 {
                gap_abs / target.abs() * 100.0
            } else {
                0.0
            };
            let status = if meets(goal.comparison, projected, target) {
                Status::Met
            } else if gap_abs.abs() <= tolerance * target.abs() {
                Status::Close
            } else {
                Status::Missed
            };
            let base = values.first().copied().unwrap_or(0.0);
            let n_years = f64::from(year.saturating_sub(plan.base_year()));
            let required_growth_pct = (base > 0.0 && target > 0.0 && n_years > 0.0)
                .then(|| ((target / base).powf(1.0 / n_years) - 1.0) * 100.0);
            let first_year_reached = values
                .iter()
                .zip(projection.years())
                .find(|(value, _)| meets(goal.comparison, **value, target))
                .map(|(_, year)| *year);
            evaluations.push(GoalEvaluation {
                goal_idx,
                goal_id: goal.id.clone(),
                series,
                year,
                at_deadline: year == goal.deadline,
                target,
                projected,
                gap_abs,
                gap_pct,
                status,
                required_growth_pct,
                first_year_reached,
                interpretation,
            });
        }
    }
    evaluations
}

/// The app's test of the 2028 aim: every interpretation-based evaluation in
/// the interpretation year must be met (the lead ratio and, as configured,
/// the continued increments and productivity pace).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewDriversTest {
    pub met: bool,
    /// Indices into the evaluations the test is made of.
    pub criteria: Vec<usize>,
}

/// Applies the 2028 test to a list of evaluations from [`evaluate`].
pub fn new_drivers_test(plan: &Plan, evaluations: &[GoalEvaluation]) -> NewDriversTest {
    let criteria: Vec<usize> = evaluations
        .iter()
        .enumerate()
        .filter(|(_, evaluation)| {
            evaluation.interpretation && evaluation.year == plan.interpretation.year
        })
        .map(|(idx, _)| idx)
        .collect();
    let met = !criteria.is_empty()
        && criteria.iter().all(|idx| {
            evaluations
                .get(*idx)
                .is_some_and(|evaluation| evaluation.status == Status::Met)
        });
    NewDriversTest { met, criteria }
}

/// The required path of a projected goal: its target level in every year
/// from the base year (for increments, base + increment × years; for levels,
/// the constant-growth path from the base value). `None` for goals the
/// model does not project.
pub fn required_path(
    plan: &Plan,
    scenario: &Scenario,
    projection: &Projection,
    goal: &Goal,
) -> Option<Vec<f64>> {
    let series = goal.series_id?;
    let base = projection.series(series).first().copied()?;
    let (target_at_deadline, _) = target_in_year(plan, scenario, goal, goal.deadline)?;
    let base_year = plan.base_year();
    let n_to_deadline = f64::from(goal.deadline.saturating_sub(base_year));
    Some(
        projection
            .years()
            .iter()
            .map(|&year| {
                let t = f64::from(year - base_year);
                match goal.kind {
                    GoalKind::IncrementPerYear => target_in_year(plan, scenario, goal, year)
                        .map_or(target_at_deadline, |(target, _)| target),
                    _ if base > 0.0 && target_at_deadline > 0.0 && n_to_deadline > 0.0 => {
                        base * (target_at_deadline / base).powf(t / n_to_deadline)
                    }
                    _ => target_at_deadline,
                }
            })
            .collect(),
    )
}
