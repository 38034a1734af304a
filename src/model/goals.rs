//! Goal evaluation: every projected goal at every checkpoint year (2022 and
//! 2028), with the gap, a status, the constant growth that would exactly
//! meet it and the first year it is reached.

use serde::Serialize;

use super::order::sort_stable_by;
use super::plan::{Comparison, Goal, GoalKind, Plan, SeriesId, Tracking};
use super::projection::Projection;
use super::scenario::Scenario;

/// Relative slack under which a value on the boundary counts as meeting its
/// target, so that an exact goal-seek result is "met" despite rounding.
/// "More than" (突破) is strict: a value must exceed the target by more than
/// this slack, so exactly the target is not met.
pub const BOUNDARY_SLACK: f64 = 1e-9;

/// How far above the target a goal seek aims for a strict ("more than")
/// goal, relative: enough to clear [`BOUNDARY_SLACK`], invisible at the
/// precision the app shows.
pub const STRICT_MARGIN: f64 = 1e-7;

/// The verdict on one goal in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Met; for a per-year goal, met in every year.
    Met,
    /// A per-year goal whose total rise is reached but whose rise fell short
    /// of the yearly step in at least one year (see
    /// [`GoalEvaluation::yearly`]).
    MetInTotal,
    /// Missed by no more than the close tolerance: of the required rise from
    /// the base for a per-year goal, of the target for a level goal.
    Close,
    Missed,
}

/// The yearly check of a "每年提高" goal: the smallest rise from one year to
/// the next over the years the goal speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct YearlyRise {
    /// The rise the plan asks for every year.
    pub required: f64,
    /// The smallest rise, and the year it ends in.
    pub smallest: f64,
    pub smallest_year: u16,
    /// The first year whose rise fell short of `required`, if any.
    pub first_short_year: Option<u16>,
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
    /// The goal is met by the base-year value already: it needs no growth.
    pub met_at_base: bool,
    /// For per-year goals: the yearly check.
    pub yearly: Option<YearlyRise>,
}

/// Whether `value` meets `target` under `comparison`, with boundary slack.
pub fn meets(comparison: Comparison, value: f64, target: f64) -> bool {
    let slack = BOUNDARY_SLACK * target.abs().max(1.0);
    match comparison {
        Comparison::AtLeast | Comparison::UpTo | Comparison::Qualitative => value >= target - slack,
        Comparison::MoreThan => value > target + slack,
        Comparison::AtMost | Comparison::LessThan => value <= target + slack,
    }
}

/// The target level of a projected goal in `year`, and whether it comes from
/// the interpretation. `None` for goals the model does not project, and for
/// years the goal does not speak of: a goal is scored at its deadline only;
/// the qualitative aim only in the interpretation year; after the deadline
/// only an indicator the interpretation continues (per-year increments,
/// productivity pace) has a target, marked as interpretation.
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
        return (year == plan.interpretation.year)
            .then_some((interpretation.emerging_to_traditional_min_ratio, true));
    }
    if year < goal.deadline || goal.deadline <= base_year {
        return None;
    }
    let past_deadline = year > goal.deadline;
    match goal.kind {
        GoalKind::IncrementPerYear => {
            let base = base_value(scenario, series)?;
            if !past_deadline {
                Some((base + target * f64::from(goal.deadline - base_year), false))
            } else if interpretation.continue_increments {
                Some((base + target * f64::from(year - base_year), true))
            } else {
                None
            }
        }
        GoalKind::Level if past_deadline => {
            let base = base_value(scenario, series)?;
            (series == SeriesId::Productivity
                && interpretation.continue_productivity_growth
                && base > 0.0)
                .then(|| {
                    let years_to_deadline = f64::from(goal.deadline - base_year);
                    let years_past = f64::from(year - goal.deadline);
                    (
                        target * (target / base).powf(years_past / years_to_deadline),
                        true,
                    )
                })
        }
        _ if past_deadline => None,
        _ => Some((target, false)),
    }
}

/// The checkpoint years in which a goal has no target (the plan sets none
/// and the interpretation does not continue it), for "no target" notes.
pub fn years_without_target(plan: &Plan, scenario: &Scenario, goal: &Goal) -> Vec<u16> {
    if goal.tracking != Tracking::Projected {
        return Vec::new();
    }
    checkpoints(plan)
        .into_iter()
        .filter(|&year| target_in_year(plan, scenario, goal, year).is_none())
        .collect()
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
    sort_stable_by(&mut years, Ord::cmp);
    years.dedup();
    years
}

/// Evaluates every projected goal at every checkpoint year. Goals tracked by
/// hand are not evaluated (the model knows nothing of firm counts).
///
/// ```
/// use pathways::model::{evaluate, project, Plan, Scenario, Status};
/// let plan = Plan::shouguang_2018().unwrap();
/// let scenario = pathways::model::plan_defaults(&plan);
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
    let base_year = plan.base_year();
    let mut evaluations = Vec::new();
    for (goal_idx, goal) in plan.goals.iter().enumerate() {
        let Some(series) = goal.series_id else {
            continue;
        };
        let values = projection.series(series);
        let base = values.first().copied().unwrap_or(0.0);
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
            let yearly = (goal.kind == GoalKind::IncrementPerYear)
                .then(|| {
                    goal.target
                        .and_then(|step| yearly_rise(projection, series, year, step))
                })
                .flatten();
            // What "close" is measured against: the rise the plan asks for
            // from the base (per-year goals), or the target (level goals).
            let close_scale = if goal.kind == GoalKind::IncrementPerYear {
                (target - base).abs()
            } else {
                target.abs()
            };
            let status = if meets(goal.comparison, projected, target) {
                match yearly {
                    Some(YearlyRise {
                        first_short_year: Some(_),
                        ..
                    }) => Status::MetInTotal,
                    _ => Status::Met,
                }
            } else if gap_abs.abs() <= tolerance * close_scale {
                Status::Close
            } else {
                Status::Missed
            };
            let met_at_base = meets(goal.comparison, base, target);
            let n_years = f64::from(year.saturating_sub(base_year));
            let required_growth_pct = if met_at_base {
                Some(0.0)
            } else {
                (base > 0.0 && target > 0.0 && n_years > 0.0)
                    .then(|| ((target / base).powf(1.0 / n_years) - 1.0) * 100.0)
            };
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
                met_at_base,
                yearly,
            });
        }
    }
    evaluations
}

/// The yearly check of a per-year goal up to `year`: every rise from one
/// year to the next against the step the plan asks for.
fn yearly_rise(
    projection: &Projection,
    series: SeriesId,
    year: u16,
    step: f64,
) -> Option<YearlyRise> {
    let values = projection.series(series);
    let years = projection.years();
    let slack = BOUNDARY_SLACK * step.abs().max(1.0);
    let mut smallest: Option<(f64, u16)> = None;
    let mut first_short_year = None;
    for (idx, pair) in values.windows(2).enumerate() {
        let Some(&current_year) = years.get(idx + 1) else {
            break;
        };
        if current_year > year {
            break;
        }
        let rise = pair[1] - pair[0];
        if smallest.is_none_or(|(value, _)| rise < value) {
            smallest = Some((rise, current_year));
        }
        if rise < step - slack && first_short_year.is_none() {
            first_short_year = Some(current_year);
        }
    }
    smallest.map(|(smallest, smallest_year)| YearlyRise {
        required: step,
        smallest,
        smallest_year,
        first_short_year,
    })
}

/// Tallies of the goals scored in `year`: (met, close or met in total only,
/// missed). Only goals with a target in that year are counted.
pub fn tally(evaluations: &[GoalEvaluation], year: u16) -> (usize, usize, usize) {
    evaluations
        .iter()
        .filter(|evaluation| evaluation.year == year)
        .fold(
            (0, 0, 0),
            |(met, close, missed), evaluation| match evaluation.status {
                Status::Met => (met + 1, close, missed),
                Status::MetInTotal | Status::Close => (met, close + 1, missed),
                Status::Missed => (met, close, missed + 1),
            },
        )
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
                    GoalKind::IncrementPerYear => {
                        let step = goal.target.unwrap_or(0.0);
                        let continued = scenario.interpretation.continue_increments;
                        let counted_years = if continued {
                            year
                        } else {
                            year.min(goal.deadline)
                        };
                        base + step * f64::from(counted_years.saturating_sub(base_year))
                    }
                    _ if base > 0.0 && target_at_deadline > 0.0 && n_to_deadline > 0.0 => {
                        base * (target_at_deadline / base).powf(t / n_to_deadline)
                    }
                    _ => target_at_deadline,
                }
            })
            .collect(),
    )
}
