//! Sensitivity: how far a headline result moves when each assumption moves
//! by a stated step, by re-projecting the scenario with the assumption
//! stepped down and up ([`crate::model::project`]).
//!
//! The result is the goal's projected value in the year, read against the
//! goal's target: for the one lever that also moves a target (an
//! indicator's own 2017 base, since its target is base + increments), the
//! value is shown net of the target's move, so every bar reads against the
//! same target.
//!
//! # Cost
//!
//! [`Field::levers`] has 56 levers for the eight industries, so one goal costs
//! 112 projections (each a few microseconds natively); [`headline_sensitivities`]
//! shares them among the five headline goals. `tests/explain_sensitivity.rs`
//! prints the measured time. Compute it only while its view is visible.

use crate::chart::{TornadoBar, TornadoSpec};
use crate::model::{
    project, target_in_year, Field, Goal, Plan, Projection, Scenario, SeriesId, Tracking,
};

use super::format::{decimals_for, number, unit_text};
use crate::model::order::sort_stable_by;

/// At most this many bars per goal: the largest effects.
pub const MAX_BARS: usize = 10;

/// One assumption's effect on one goal's projected value.
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityBar {
    pub lever: Field,
    pub label_zh: String,
    pub label_en: String,
    /// The step, e.g. "±1个百分点" / "±1 pp".
    pub step_zh: &'static str,
    pub step_en: &'static str,
    /// The value under the current scenario.
    pub baseline: f64,
    /// The value with the lever one step down.
    pub low_value: f64,
    /// The value with the lever one step up.
    pub high_value: f64,
}

impl SensitivityBar {
    /// How far the value moves between the two steps.
    pub fn effect(&self) -> f64 {
        (self.high_value - self.low_value).abs()
    }

    /// The label with its step, e.g. "高端化工2018—2022年增速 ±1个百分点".
    pub fn label(&self, zh: bool) -> String {
        if zh {
            format!("{} {}", self.label_zh, self.step_zh)
        } else {
            format!("{} {}", self.label_en, self.step_en)
        }
    }
}

/// The headline goals and years: the plan's economy-wide indicator goals
/// (SEI share, high-tech share, R&D share, labour productivity) at their
/// deadlines, then the 2028 lead ratio in the interpretation year.
///
/// ```
/// let plan = pathways::model::Plan::shouguang_2018().unwrap();
/// let headline = pathways::explain::headline_goals(&plan);
/// assert_eq!(headline.len(), 5);
/// assert_eq!(headline[4], ("aim.2028".to_string(), 2028));
/// ```
pub fn headline_goals(plan: &Plan) -> Vec<(String, u16)> {
    let mut goals: Vec<(String, u16)> = plan
        .goals
        .iter()
        .filter(|goal| {
            goal.tracking == Tracking::Projected
                && goal.id != plan.interpretation.goal
                && matches!(
                    goal.series_id,
                    Some(
                        SeriesId::SeiShare
                            | SeriesId::HighTechShare
                            | SeriesId::RdShare
                            | SeriesId::Productivity
                            | SeriesId::Gdp
                    )
                )
        })
        .map(|goal| (goal.id.clone(), goal.deadline))
        .collect();
    if plan.goal(&plan.interpretation.goal).is_some() {
        goals.push((plan.interpretation.goal.clone(), plan.interpretation.year));
    }
    goals
}

/// The value a goal is read at: projected in `year`, less the move of its
/// target from `reference_target`.
fn read(
    plan: &Plan,
    scenario: &Scenario,
    projection: &Projection,
    goal: &Goal,
    year: u16,
    reference_target: Option<f64>,
) -> Option<f64> {
    let value = projection.value(goal.series_id?, year)?;
    let target_move = match (reference_target, target_in_year(plan, scenario, goal, year)) {
        (Some(reference), Some((target, _))) => target - reference,
        _ => 0.0,
    };
    Some(value - target_move)
}

/// A goal asked about, with its value and target under the scenario.
struct Resolved<'a> {
    goal: &'a Goal,
    year: u16,
    baseline: f64,
    target: Option<f64>,
}

/// Sensitivities of several goals at once, sharing the re-projections:
/// for each `(goal_id, year)`, the bars of its largest effects (at most
/// [`MAX_BARS`], sorted by effect, largest first; levers without effect
/// left out). An unknown or unprojected goal gets no bars.
pub fn sensitivities(
    plan: &Plan,
    scenario: &Scenario,
    goals: &[(String, u16)],
) -> Vec<Vec<SensitivityBar>> {
    let baseline_projection = project(plan, scenario);
    let resolved: Vec<Option<Resolved<'_>>> = goals
        .iter()
        .map(|(goal_id, year)| {
            let goal = plan.goal(goal_id)?;
            let target = target_in_year(plan, scenario, goal, *year).map(|(target, _)| target);
            let baseline = read(plan, scenario, &baseline_projection, goal, *year, target)?;
            Some(Resolved {
                goal,
                year: *year,
                baseline,
                target,
            })
        })
        .collect();
    let mut bars: Vec<Vec<SensitivityBar>> = vec![Vec::new(); goals.len()];
    if resolved.iter().all(Option::is_none) {
        return bars;
    }
    for lever in Field::levers(plan) {
        let (Some(low), Some(high)) = (
            lever.stepped(scenario, false),
            lever.stepped(scenario, true),
        ) else {
            continue;
        };
        let low_projection = project(plan, &low);
        let high_projection = project(plan, &high);
        for (slot, goal) in bars.iter_mut().zip(&resolved) {
            let Some(Resolved {
                goal,
                year,
                baseline,
                target,
            }) = goal
            else {
                continue;
            };
            let (Some(low_value), Some(high_value)) = (
                read(plan, &low, &low_projection, goal, *year, *target),
                read(plan, &high, &high_projection, goal, *year, *target),
            ) else {
                continue;
            };
            let effect = (high_value - low_value).abs();
            if !effect.is_finite() || effect <= 1e-12 * baseline.abs().max(1.0) {
                continue;
            }
            slot.push(SensitivityBar {
                lever,
                label_zh: lever.label(plan, true),
                label_en: lever.label(plan, false),
                step_zh: lever.step_text(true),
                step_en: lever.step_text(false),
                baseline: *baseline,
                low_value,
                high_value,
            });
        }
    }
    for slot in &mut bars {
        sort_stable_by(slot, |a, b| b.effect().total_cmp(&a.effect()));
        slot.truncate(MAX_BARS);
    }
    bars
}

/// How far one goal's projected value in `year` moves when each assumption
/// moves by its step: the largest effects first, at most [`MAX_BARS`].
///
/// ```
/// use pathways::explain::sensitivity;
/// use pathways::model::Field;
/// use pathways::model::{Plan, Scenario};
///
/// let plan = Plan::shouguang_2018().unwrap();
/// let scenario = pathways::model::plan_defaults(&plan);
/// let bars = sensitivity(&plan, &scenario, "aim.2028", 2028);
/// assert!(!bars.is_empty() && bars.len() <= 10);
/// assert!(bars.windows(2).all(|pair| pair[0].effect() >= pair[1].effect()));
/// // Faster growth of an emerging industry raises the lead ratio.
/// let materials = bars
///     .iter()
///     .find(|bar| bar.lever == Field::Growth { industry_idx: 4, phase: 1 })
///     .unwrap();
/// assert!(materials.low_value < materials.baseline && materials.baseline < materials.high_value);
/// ```
pub fn sensitivity(
    plan: &Plan,
    scenario: &Scenario,
    goal_id: &str,
    year: u16,
) -> Vec<SensitivityBar> {
    sensitivities(plan, scenario, &[(goal_id.to_string(), year)])
        .pop()
        .unwrap_or_default()
}

/// Every headline goal's sensitivity ([`headline_goals`]), sharing the
/// re-projections: `(goal_id, year, bars)`.
pub fn headline_sensitivities(
    plan: &Plan,
    scenario: &Scenario,
) -> Vec<(String, u16, Vec<SensitivityBar>)> {
    let goals = headline_goals(plan);
    let bars = sensitivities(plan, scenario, &goals);
    goals
        .into_iter()
        .zip(bars)
        .map(|((goal_id, year), bars)| (goal_id, year, bars))
        .collect()
}

/// The tornado chart of one goal's bars (from [`sensitivity`]): the
/// baseline, the goal's target in `year` as the reference line, labels
/// with their steps, in one language.
///
/// ```
/// use pathways::explain::{sensitivity, tornado_spec};
/// use pathways::model::{Plan, Scenario};
///
/// let plan = Plan::shouguang_2018().unwrap();
/// let scenario = pathways::model::plan_defaults(&plan);
/// let bars = sensitivity(&plan, &scenario, "indicator.rd_share", 2022);
/// let spec = tornado_spec(&plan, &scenario, "indicator.rd_share", 2022, &bars, true);
/// assert_eq!(spec.bars.len(), bars.len());
/// assert!(spec.title.contains("研发投入"));
/// assert!(spec.target.is_some());
/// ```
pub fn tornado_spec(
    plan: &Plan,
    scenario: &Scenario,
    goal_id: &str,
    year: u16,
    bars: &[SensitivityBar],
    zh: bool,
) -> TornadoSpec {
    let goal = plan.goal(goal_id);
    let series = goal.and_then(|goal| goal.series_id);
    let target = goal
        .and_then(|goal| target_in_year(plan, scenario, goal, year))
        .map(|(target, _)| target);
    let baseline = match (goal, bars.first()) {
        (_, Some(bar)) => bar.baseline,
        (Some(goal), None) => {
            read(plan, scenario, &project(plan, scenario), goal, year, target).unwrap_or(f64::NAN)
        }
        (None, None) => f64::NAN,
    };
    let decimals = match series {
        Some(SeriesId::SeiShare | SeriesId::HighTechShare | SeriesId::RdShare) => 2,
        Some(SeriesId::Productivity | SeriesId::LeadRatio) => 2,
        _ => decimals_for(baseline),
    };
    let name = goal.map_or_else(String::new, |goal| {
        if zh {
            goal.name.zh.clone()
        } else {
            goal.name.en.clone()
        }
    });
    let unit = series.map_or("", |series| unit_text(series, zh));
    let value_text = |value: f64| number(value, decimals, zh);
    if zh {
        TornadoSpec {
            title: format!("{name}({year}年):各项假设变动一步的影响"),
            value_label: if unit.is_empty() {
                format!("{year}年预测值")
            } else {
                format!("{year}年预测值({unit})")
            },
            baseline,
            baseline_label: format!("当前{}", value_text(baseline)),
            target,
            target_label: target.map_or_else(String::new, |t| format!("目标{}", value_text(t))),
            down_label: "假设调低一步".into(),
            up_label: "假设调高一步".into(),
            bars: bars
                .iter()
                .map(|bar| TornadoBar {
                    label: bar.label(true),
                    low: bar.low_value,
                    high: bar.high_value,
                })
                .collect(),
            decimals,
        }
    } else {
        TornadoSpec {
            title: format!("{name}, {year}: what one step moves it"),
            value_label: if unit.is_empty() {
                format!("projected {year}")
            } else {
                format!("projected {year} ({unit})")
            },
            baseline,
            baseline_label: format!("now {}", value_text(baseline)),
            target,
            target_label: target.map_or_else(String::new, |t| format!("goal {}", value_text(t))),
            down_label: "assumption one step down".into(),
            up_label: "assumption one step up".into(),
            bars: bars
                .iter()
                .map(|bar| TornadoBar {
                    label: bar.label(false),
                    low: bar.low_value,
                    high: bar.high_value,
                })
                .collect(),
            decimals,
        }
    }
}
