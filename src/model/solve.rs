//! "What would it take?": the scenario closest to the current one that meets
//! every projected goal of the milestone year (and, if asked, the
//! interpretation year), within the bounds and the planner's locks.
//!
//! **Variables** (those not locked): each industry's growth in both phases,
//! the rest-of-economy growth in both phases, each industry's high-tech
//! upgrading lever and the yearly change of R&D intensity.
//!
//! **Closest** is a weighted least-squares distance from the current values,
//! each variable measured in its plausible range ([`scale`]): an industry's
//! growth in its own σ (the Monte Carlo setting, at least 1 pp), the
//! rest-of-economy growth in 2 pp, an upgrading lever in 1 pp a year, the
//! R&D intensity change in 2 % a year.
//!
//! **Goals** are judged as [`super::goals::evaluate`] judges them: a level at
//! the year, strict for "突破" (more than), and for "每年提高" every year's
//! rise as well; "as many as possible" is never a constraint.
//!
//! **Method**: sequential quadratic programming. At each iterate the goals
//! are linearised (forward differences of the projection), and the
//! quadratic subproblem — distance plus an exact L1 penalty on each goal's
//! shortfall, within the bounds and a trust region — is solved in its dual
//! by Hildreth's coordinate ascent. The L1 penalty makes an infeasible case
//! end at the least total shortfall instead of failing: the goals still
//! short there are the ones that conflict, and the locks and bounds that
//! hold a helpful variable back are the ones that bind. Deterministic: no
//! randomness, a fixed iteration order.

use super::field::Field;
use super::goals::{evaluate, target_in_year, Status};
use super::plan::{Comparison, GoalKind, Plan, SeriesId};
use super::projection::{project, Projection};
use super::scenario::{Scenario, ScenarioError};

/// What the solver may not change, and what it must also meet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SolveOptions {
    /// Inputs the planner locked: they never move.
    pub locked: Vec<Field>,
    /// Also meet the interpretation year's goals (the 2028 test).
    pub with_interpretation: bool,
}

/// One input the solve moves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Move {
    pub field: Field,
    pub from: f64,
    pub to: f64,
}

/// A goal (in a year) the solve cannot meet, with its remaining shortfall
/// relative to its target (0.05: 5 % short).
#[derive(Clone, Debug, PartialEq)]
pub struct Shortfall {
    pub goal_id: String,
    pub year: u16,
    pub shortfall: f64,
}

/// The result of a solve.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    /// The solved scenario: every goal met when `feasible`, else the least
    /// total shortfall within the bounds and locks.
    pub scenario: Scenario,
    pub feasible: bool,
    /// Every input that moves, in [`Field::all`] order.
    pub moves: Vec<Move>,
    /// The weighted squared distance from the start.
    pub distance: f64,
    /// When not feasible: the goals still short (they conflict).
    pub unmet: Vec<Shortfall>,
    /// When not feasible: the locked inputs and bounds that hold back an
    /// input that would reduce a shortfall.
    pub binding: Vec<Binding>,
    pub iterations: usize,
}

/// What holds an input back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Binding {
    Locked(Field),
    /// The input sits at the lower (`false`) or upper (`true`) end of its
    /// allowed range.
    Bound {
        field: Field,
        upper: bool,
    },
}

/// Why no solve was run.
#[derive(Clone, Debug, PartialEq)]
pub enum SolveError {
    /// The scenario is invalid to begin with.
    InvalidScenario(ScenarioError),
    /// The plan has no projected goal in the years asked for.
    NoGoals,
    /// Every variable is locked.
    NothingToMove,
}

/// The plausible range of a variable, its unit of distance.
pub fn scale(field: Field, scenario: &Scenario) -> f64 {
    match field {
        Field::Growth { industry_idx, .. } => scenario
            .uncertainty
            .sigma_pp
            .get(industry_idx)
            .copied()
            .unwrap_or(1.0)
            .max(1.0),
        Field::RestOfEconomyGrowth(_) | Field::RdIntensityChange => 2.0,
        _ => 1.0,
    }
}

/// The solver's variables for a plan, in [`Field::all`] order.
pub fn variables(plan: &Plan) -> Vec<Field> {
    Field::all(plan)
        .into_iter()
        .filter(|field| {
            matches!(
                field,
                Field::Growth { .. }
                    | Field::RestOfEconomyGrowth(_)
                    | Field::HighTechUpgrade(_)
                    | Field::RdIntensityChange
            )
        })
        .collect()
}

/// One goal condition: `sign × (value − target) / scale − margin ≥ 0`.
#[derive(Clone, Debug)]
struct Condition {
    goal_id: String,
    year: u16,
    series: SeriesId,
    /// Compared with the target, or (yearly) the rise into `at_year`.
    kind: ConditionKind,
    target: f64,
    sign: f64,
    scale: f64,
    margin: f64,
}

#[derive(Clone, Copy, Debug)]
enum ConditionKind {
    Level,
    /// The rise from the year before into this year.
    Rise {
        at_year: u16,
    },
}

/// Relative margin every condition keeps: clears the strict margin of
/// "more than" and the boundary slack of the scorecard.
const MARGIN: f64 = 3e-7;
/// The L1 price of one unit of relative shortfall, in units of squared
/// distance: far above any multiplier of a feasible solve.
const PENALTY: f64 = 1e5;
const MAX_ITERATIONS: usize = 60;
const FD_STEP: f64 = 1e-6;

fn conditions(plan: &Plan, scenario: &Scenario, years: &[u16]) -> Vec<Condition> {
    let mut conditions = Vec::new();
    let base_year = plan.base_year();
    for goal in &plan.goals {
        let Some(series) = goal.series_id else {
            continue;
        };
        let sign = match goal.comparison {
            Comparison::AtLeast | Comparison::MoreThan => 1.0,
            Comparison::AtMost | Comparison::LessThan => -1.0,
            Comparison::UpTo | Comparison::Qualitative => continue,
        };
        for &year in years {
            let Some((target, _)) = target_in_year(plan, scenario, goal, year) else {
                continue;
            };
            let strict = matches!(goal.comparison, Comparison::MoreThan | Comparison::LessThan);
            let level_scale = target.abs().max(1e-9);
            conditions.push(Condition {
                goal_id: goal.id.clone(),
                year,
                series,
                kind: ConditionKind::Level,
                target,
                sign,
                scale: level_scale,
                margin: if strict { 2.0 * MARGIN } else { MARGIN },
            });
            if goal.kind == GoalKind::IncrementPerYear {
                if let Some(step) = goal.target {
                    for at_year in base_year + 1..=year {
                        conditions.push(Condition {
                            goal_id: goal.id.clone(),
                            year,
                            series,
                            kind: ConditionKind::Rise { at_year },
                            target: step,
                            sign: 1.0,
                            scale: step.abs().max(1e-9),
                            margin: MARGIN,
                        });
                    }
                }
            }
        }
    }
    conditions
}

/// Each condition's value for a projection (≥ 0: met with the margin).
fn values(conditions: &[Condition], projection: &Projection, out: &mut Vec<f64>) {
    out.clear();
    out.extend(conditions.iter().map(|condition| {
        let value = match condition.kind {
            ConditionKind::Level => projection.value(condition.series, condition.year),
            ConditionKind::Rise { at_year } => projection
                .value(condition.series, at_year)
                .zip(projection.value(condition.series, at_year - 1))
                .map(|(now, before)| now - before),
        }
        .unwrap_or(f64::NAN);
        let value =
            condition.sign * (value - condition.target) / condition.scale - condition.margin;
        if value.is_finite() {
            value
        } else {
            -1.0
        }
    }));
}

/// The scenario with the free variables at `x` (their own units).
fn with_values(start: &Scenario, free: &[Field], x: &[f64]) -> Scenario {
    let mut scenario = start.clone();
    for (field, value) in free.iter().zip(x) {
        field.set(&mut scenario, *value);
    }
    scenario
}

fn penalised(u: &[f64], g: &[f64]) -> f64 {
    u.iter().map(|value| value * value).sum::<f64>()
        + PENALTY * g.iter().map(|value| (-value).max(0.0)).sum::<f64>()
}

/// Finds the closest scenario meeting every projected goal of the milestone
/// year (and of the interpretation year when asked). Never changes
/// `scenario`; the result validates.
pub fn solve(
    plan: &Plan,
    scenario: &Scenario,
    options: &SolveOptions,
) -> Result<Solution, SolveError> {
    scenario
        .validate(plan)
        .map_err(SolveError::InvalidScenario)?;
    let mut years = vec![plan.milestone_year()];
    if options.with_interpretation && plan.interpretation.year != plan.milestone_year() {
        years.push(plan.interpretation.year);
    }
    let conditions = conditions(plan, scenario, &years);
    if conditions.is_empty() {
        return Err(SolveError::NoGoals);
    }
    let all_variables = variables(plan);
    let free: Vec<Field> = all_variables
        .iter()
        .copied()
        .filter(|field| !options.locked.contains(field))
        .collect();
    if free.is_empty() {
        return Err(SolveError::NothingToMove);
    }
    let n = free.len();
    let m = conditions.len();
    let x0: Vec<f64> = free.iter().map(|field| field.get(scenario)).collect();
    let s: Vec<f64> = free.iter().map(|field| scale(*field, scenario)).collect();
    // Scaled variables u = (x − x0) / s, with their bounds.
    let (lo, hi): (Vec<f64>, Vec<f64>) = free
        .iter()
        .zip(&x0)
        .zip(&s)
        .map(|((field, start), scale)| {
            let range = field.range();
            (
                (range.start() - start) / scale,
                (range.end() - start) / scale,
            )
        })
        .unzip();
    let to_x = |u: &[f64]| -> Vec<f64> {
        u.iter()
            .zip(&x0)
            .zip(&s)
            .map(|((u, start), scale)| start + u * scale)
            .collect()
    };
    let evaluate_at = |u: &[f64], out: &mut Vec<f64>| {
        let candidate = with_values(scenario, &free, &to_x(u));
        values(&conditions, &project(plan, &candidate), out);
    };

    let mut u = vec![0.0; n];
    let mut g = Vec::with_capacity(m);
    evaluate_at(&u, &mut g);
    let mut jacobian = vec![0.0; m * n];
    let mut shifted = Vec::with_capacity(m);
    let mut trust = 4.0_f64;
    let mut iterations = 0;
    let mut qp = Hildreth::new(n, m);
    while iterations < MAX_ITERATIONS {
        iterations += 1;
        for j in 0..n {
            let mut moved = u.clone();
            // Step inward at an upper bound.
            let step = if u[j] + FD_STEP <= hi[j] {
                FD_STEP
            } else {
                -FD_STEP
            };
            moved[j] += step;
            evaluate_at(&moved, &mut shifted);
            for i in 0..m {
                jacobian[i * n + j] = (shifted[i] - g[i]) / step;
            }
        }
        let current = penalised(&u, &g);
        let mut accepted = false;
        while trust > 1e-10 {
            let step = qp.solve(&u, &g, &jacobian, &lo, &hi, trust);
            let candidate: Vec<f64> = u
                .iter()
                .zip(&step)
                .zip(lo.iter().zip(&hi))
                .map(|((u, d), (lo, hi))| (u + d).clamp(*lo, *hi))
                .collect();
            evaluate_at(&candidate, &mut shifted);
            let value = penalised(&candidate, &shifted);
            let size = step.iter().fold(0.0_f64, |max, d| max.max(d.abs()));
            if value < current - 1e-12 * current.abs().max(1.0) {
                u = candidate;
                std::mem::swap(&mut g, &mut shifted);
                accepted = true;
                if size >= 0.5 * trust {
                    trust = (trust * 2.0).min(64.0);
                }
                break;
            }
            if size < 1e-10 {
                break;
            }
            trust = size * 0.25;
        }
        if !accepted {
            break;
        }
    }

    let solved_x = to_x(&u);
    let solved = with_values(scenario, &free, &solved_x);
    let feasible = g.iter().all(|value| *value >= -1e-12) && {
        let evaluations = evaluate(plan, &solved, &project(plan, &solved));
        evaluations
            .iter()
            .filter(|evaluation| years.contains(&evaluation.year))
            .filter(|evaluation| {
                conditions
                    .iter()
                    .any(|condition| condition.goal_id == evaluation.goal_id)
            })
            .all(|evaluation| evaluation.status == Status::Met)
    };
    let moves = free
        .iter()
        .zip(x0.iter().zip(&solved_x))
        .filter(|(_, (from, to))| (*to - *from).abs() > 1e-12 * from.abs().max(1.0))
        .map(|(field, (from, to))| Move {
            field: *field,
            from: *from,
            to: *to,
        })
        .collect();
    let distance = u.iter().map(|value| value * value).sum();
    let (unmet, binding) = if feasible {
        (Vec::new(), Vec::new())
    } else {
        why_short(
            plan,
            scenario,
            &solved,
            &conditions,
            &g,
            &free,
            &u,
            (&lo, &hi),
            options,
        )
    };
    Ok(Solution {
        scenario: solved,
        feasible,
        moves,
        distance,
        unmet,
        binding,
        iterations,
    })
}

/// The goals still short at the least-shortfall scenario, and what holds
/// back an input that would reduce a shortfall.
#[allow(clippy::too_many_arguments)]
fn why_short(
    plan: &Plan,
    start: &Scenario,
    solved: &Scenario,
    conditions: &[Condition],
    g: &[f64],
    free: &[Field],
    u: &[f64],
    (lo, hi): (&[f64], &[f64]),
    options: &SolveOptions,
) -> (Vec<Shortfall>, Vec<Binding>) {
    let mut unmet: Vec<Shortfall> = Vec::new();
    let short: Vec<usize> = (0..conditions.len()).filter(|i| g[*i] < -1e-9).collect();
    for &i in &short {
        let condition = &conditions[i];
        let shortfall = -g[i] * condition.scale / condition.target.abs().max(1e-9);
        match unmet
            .iter_mut()
            .find(|entry| entry.goal_id == condition.goal_id && entry.year == condition.year)
        {
            Some(entry) => entry.shortfall = entry.shortfall.max(shortfall),
            None => unmet.push(Shortfall {
                goal_id: condition.goal_id.clone(),
                year: condition.year,
                shortfall,
            }),
        }
    }
    // Which way would each input reduce the total shortfall?
    let total_short = |scenario: &Scenario| -> f64 {
        let mut out = Vec::new();
        values(conditions, &project(plan, scenario), &mut out);
        short.iter().map(|i| (-out[*i]).max(0.0)).sum()
    };
    let here = total_short(solved);
    let mut binding = Vec::new();
    for field in variables(plan) {
        let value = field.get(solved);
        let step = 1e-3 * scale(field, start);
        let helps = |delta: f64| {
            let mut moved = solved.clone();
            field.set(&mut moved, value + delta) && total_short(&moved) < here - 1e-12
        };
        if options.locked.contains(&field) {
            if helps(step) || helps(-step) {
                binding.push(Binding::Locked(field));
            }
        } else if let Some(j) = free.iter().position(|free_field| *free_field == field) {
            if u[j] >= hi[j] - 1e-9 && helps(step) {
                binding.push(Binding::Bound { field, upper: true });
            } else if u[j] <= lo[j] + 1e-9 && helps(-step) {
                binding.push(Binding::Bound {
                    field,
                    upper: false,
                });
            }
        }
    }
    (unmet, binding)
}

/// The quadratic subproblem in the step `d`: minimise
/// Σ (u + d)² + PENALTY Σ max(0, −(g + J d)) subject to lo ≤ u + d ≤ hi and
/// |d| ≤ trust. Its dual has the goal multipliers in [0, PENALTY] (the
/// exact penalty) and the box multipliers in [0, ∞); Hildreth's coordinate
/// ascent solves it, touching every row in a fixed order (deterministic),
/// warm-started from the last iterate's multipliers.
struct Hildreth {
    n: usize,
    m: usize,
    /// Multipliers: goal rows, then the upper and lower box rows.
    lambda: Vec<f64>,
    d: Vec<f64>,
}

impl Hildreth {
    fn new(n: usize, m: usize) -> Hildreth {
        Hildreth {
            n,
            m,
            lambda: vec![0.0; m + 2 * n],
            d: vec![0.0; n],
        }
    }

    fn solve(
        &mut self,
        u: &[f64],
        g: &[f64],
        jacobian: &[f64],
        lo: &[f64],
        hi: &[f64],
        trust: f64,
    ) -> Vec<f64> {
        let (n, m) = (self.n, self.m);
        // Hessian 2·I: d(λ) = −u + (Σ λ_i J_i − λ_upper + λ_lower) / 2.
        let upper: Vec<f64> = (0..n).map(|j| (hi[j] - u[j]).min(trust)).collect();
        let lower: Vec<f64> = (0..n).map(|j| (u[j] - lo[j]).min(trust)).collect();
        let goal_norm: Vec<f64> = (0..m)
            .map(|i| {
                jacobian[i * n..(i + 1) * n]
                    .iter()
                    .map(|a| a * a / 2.0)
                    .sum::<f64>()
                    .max(1e-300)
            })
            .collect();
        for (d, u) in self.d.iter_mut().zip(u) {
            *d = -u;
        }
        for i in 0..m {
            let row = &jacobian[i * n..(i + 1) * n];
            for (d, a) in self.d.iter_mut().zip(row) {
                *d += self.lambda[i] * a / 2.0;
            }
        }
        for j in 0..n {
            self.d[j] += (self.lambda[m + n + j] - self.lambda[m + j]) / 2.0;
        }
        for _sweep in 0..20_000 {
            let mut largest_change = 0.0_f64;
            // Goal rows: −J_i d ≤ g_i, multiplier within [0, PENALTY].
            for i in 0..m {
                let row = &jacobian[i * n..(i + 1) * n];
                let lhs: f64 = -row.iter().zip(&self.d).map(|(a, d)| a * d).sum::<f64>();
                let lambda = &mut self.lambda[i];
                let new = (*lambda + (lhs - g[i]) / goal_norm[i]).clamp(0.0, PENALTY);
                let delta = new - *lambda;
                if delta != 0.0 {
                    *lambda = new;
                    for (d, a) in self.d.iter_mut().zip(row) {
                        *d += delta * a / 2.0;
                    }
                    largest_change = largest_change.max((delta * delta * goal_norm[i]).sqrt());
                }
            }
            // Box rows: d_j ≤ upper_j and −d_j ≤ lower_j.
            for j in 0..n {
                let lambda = &mut self.lambda[m + j];
                let new = (*lambda + (self.d[j] - upper[j]) * 2.0).max(0.0);
                let delta = new - *lambda;
                if delta != 0.0 {
                    *lambda = new;
                    self.d[j] -= delta / 2.0;
                    largest_change = largest_change.max(delta.abs() / 2.0);
                }
                let lambda = &mut self.lambda[m + n + j];
                let new = (*lambda + (-self.d[j] - lower[j]) * 2.0).max(0.0);
                let delta = new - *lambda;
                if delta != 0.0 {
                    *lambda = new;
                    self.d[j] += delta / 2.0;
                    largest_change = largest_change.max(delta.abs() / 2.0);
                }
            }
            if largest_change < 1e-12 {
                break;
            }
        }
        (0..n)
            .map(|j| self.d[j].clamp(-lower[j], upper[j]))
            .collect()
    }
}
