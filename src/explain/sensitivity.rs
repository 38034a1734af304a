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
//! [`Lever::all`] has 56 levers for the eight industries, so one goal costs
//! 112 projections (each a few microseconds natively); [`headline_sensitivities`]
//! shares them among the five headline goals. `tests/explain_sensitivity.rs`
//! prints the measured time. Compute it only while its view is visible.

use crate::chart::{TornadoBar, TornadoSpec};
use crate::model::{
    project, target_in_year, Goal, Plan, Projection, Scenario, SeriesId, Tracking, BASE_YI_YUAN,
    EMPLOYMENT_GROWTH_PCT, GDP_YI_YUAN, GROWTH_PCT, RATIO, RD_INTENSITY_CHANGE_PCT, SHARE_PCT,
};

use super::format::{decimals_for, number, unit_text};

/// At most this many bars per goal: the largest effects.
pub const MAX_BARS: usize = 10;

/// One assumption that can be stepped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lever {
    /// An industry's growth in phase 0 (2018–2022) or 1 (2023–2028), ±1 pp.
    Growth { industry_idx: usize, phase: usize },
    /// An industry's 2017 revenue (output value), ±10 %.
    Base(usize),
    /// An industry's value added per yuan of revenue, ±0.05.
    ValueAddedRatio(usize),
    /// An industry's above-scale industrial share, ±0.05.
    IndustrialFraction(usize),
    /// The high-tech share of an industry's industrial part, ±0.05.
    HighTechFraction(usize),
    /// 2017 GDP, ±10 %.
    GdpBase,
    /// 2017 strategic emerging industries' share of GDP, ±1 pp.
    SeiShareBase,
    /// 2017 high-tech share of industrial output, ±1 pp.
    HighTechShareBase,
    /// 2017 R&D spending over GDP, ±0.1 pp.
    RdShareBase,
    /// Growth of the rest of the economy in a phase, ±1 pp.
    RestOfEconomyGrowth(usize),
    /// Employment growth, ±0.5 pp.
    EmploymentGrowth,
    /// Yearly change of R&D intensity, ±1 pp.
    RdIntensityChange,
}

impl Lever {
    /// Every lever of a plan: growth per industry and phase, then each
    /// industry's base value and links, then the economy.
    pub fn all(plan: &Plan) -> Vec<Lever> {
        let n_industries = plan.industries.len();
        let mut levers = Vec::new();
        for industry_idx in 0..n_industries {
            for phase in 0..2 {
                levers.push(Lever::Growth {
                    industry_idx,
                    phase,
                });
            }
        }
        levers.extend((0..n_industries).map(Lever::Base));
        levers.extend((0..n_industries).map(Lever::ValueAddedRatio));
        levers.extend((0..n_industries).map(Lever::IndustrialFraction));
        levers.extend((0..n_industries).map(Lever::HighTechFraction));
        levers.extend([
            Lever::GdpBase,
            Lever::SeiShareBase,
            Lever::HighTechShareBase,
            Lever::RdShareBase,
            Lever::RestOfEconomyGrowth(0),
            Lever::RestOfEconomyGrowth(1),
            Lever::EmploymentGrowth,
            Lever::RdIntensityChange,
        ]);
        levers
    }

    /// A copy of `scenario` with the lever moved one step down
    /// (`up == false`) or up, held within the validated range. `None` when
    /// the lever does not exist in the scenario.
    ///
    /// ```
    /// use pathways::explain::Lever;
    /// use pathways::model::{Plan, Scenario};
    ///
    /// let plan = Plan::shouguang_2018().unwrap();
    /// let scenario = Scenario::plan_defaults(&plan);
    /// let up = Lever::Base(1).stepped(&scenario, true).unwrap();
    /// assert!((up.industries[1].base_yi_yuan - 650.0 * 1.1).abs() < 1e-9);
    /// ```
    pub fn stepped(self, scenario: &Scenario, up: bool) -> Option<Scenario> {
        let sign = if up { 1.0 } else { -1.0 };
        let mut changed = scenario.clone();
        let add = |slot: &mut f64, step: f64, range: std::ops::RangeInclusive<f64>| {
            *slot = (*slot + sign * step).clamp(*range.start(), *range.end());
        };
        let scale = |slot: &mut f64, range: std::ops::RangeInclusive<f64>| {
            *slot = (*slot * (1.0 + sign * 0.1)).clamp(*range.start(), *range.end());
        };
        let economy = &mut changed.economy;
        match self {
            Lever::Growth {
                industry_idx,
                phase,
            } => add(
                changed
                    .industries
                    .get_mut(industry_idx)?
                    .growth_pct
                    .get_mut(phase)?,
                1.0,
                GROWTH_PCT,
            ),
            Lever::Base(idx) => scale(
                &mut changed.industries.get_mut(idx)?.base_yi_yuan,
                BASE_YI_YUAN,
            ),
            Lever::ValueAddedRatio(idx) => add(
                &mut changed.industries.get_mut(idx)?.value_added_ratio,
                0.05,
                RATIO,
            ),
            Lever::IndustrialFraction(idx) => add(
                &mut changed.industries.get_mut(idx)?.industrial_fraction,
                0.05,
                RATIO,
            ),
            Lever::HighTechFraction(idx) => add(
                &mut changed.industries.get_mut(idx)?.high_tech_fraction,
                0.05,
                RATIO,
            ),
            Lever::GdpBase => scale(&mut economy.gdp_base_yi_yuan, GDP_YI_YUAN),
            Lever::SeiShareBase => add(&mut economy.sei_share_base_pct, 1.0, SHARE_PCT),
            Lever::HighTechShareBase => add(&mut economy.high_tech_share_base_pct, 1.0, SHARE_PCT),
            Lever::RdShareBase => add(&mut economy.rd_share_base_pct, 0.1, SHARE_PCT),
            Lever::RestOfEconomyGrowth(phase) => add(
                economy.rest_of_economy_growth_pct.get_mut(phase)?,
                1.0,
                GROWTH_PCT,
            ),
            Lever::EmploymentGrowth => add(
                &mut economy.employment_growth_pct,
                0.5,
                EMPLOYMENT_GROWTH_PCT,
            ),
            Lever::RdIntensityChange => add(
                &mut economy.rd_intensity_change_pct,
                1.0,
                RD_INTENSITY_CHANGE_PCT,
            ),
        }
        Some(changed)
    }

    /// The stated step: "±1个百分点" / "±1 pp", "±10%", "±0.05".
    pub fn step_text(self, zh: bool) -> &'static str {
        match (self, zh) {
            (
                Lever::Growth { .. }
                | Lever::RestOfEconomyGrowth(_)
                | Lever::SeiShareBase
                | Lever::HighTechShareBase
                | Lever::RdIntensityChange,
                true,
            ) => "±1个百分点",
            (
                Lever::Growth { .. }
                | Lever::RestOfEconomyGrowth(_)
                | Lever::SeiShareBase
                | Lever::HighTechShareBase
                | Lever::RdIntensityChange,
                false,
            ) => "±1 pp",
            (Lever::RdShareBase, true) => "±0.1个百分点",
            (Lever::RdShareBase, false) => "±0.1 pp",
            (Lever::EmploymentGrowth, true) => "±0.5个百分点",
            (Lever::EmploymentGrowth, false) => "±0.5 pp",
            (Lever::Base(_) | Lever::GdpBase, _) => "±10%",
            (
                Lever::ValueAddedRatio(_)
                | Lever::IndustrialFraction(_)
                | Lever::HighTechFraction(_),
                _,
            ) => "±0.05",
        }
    }

    /// What the lever is, e.g. "高端化工2018—2022年增速" / "High-end
    /// chemicals growth 2018–2022".
    pub fn label(self, plan: &Plan, zh: bool) -> String {
        let industry = |idx: usize| {
            plan.industries
                .get(idx)
                .map_or_else(String::new, |industry| {
                    if zh {
                        industry.name.zh.clone()
                    } else {
                        industry.name.en.clone()
                    }
                })
        };
        let phase_text = |phase: usize| -> String {
            let first = if phase == 0 {
                plan.base_year() + 1
            } else {
                plan.milestone_year() + 1
            };
            let last = if phase == 0 {
                plan.milestone_year()
            } else {
                plan.end_year()
            };
            if zh {
                format!("{first}—{last}年")
            } else {
                format!("{first}–{last}")
            }
        };
        let base_year = plan.base_year();
        match (self, zh) {
            (
                Lever::Growth {
                    industry_idx,
                    phase,
                },
                true,
            ) => format!("{}{}增速", industry(industry_idx), phase_text(phase)),
            (
                Lever::Growth {
                    industry_idx,
                    phase,
                },
                false,
            ) => format!("{} growth {}", industry(industry_idx), phase_text(phase)),
            (Lever::Base(idx), true) => format!("{}{base_year}年基数", industry(idx)),
            (Lever::Base(idx), false) => format!("{} {base_year} base", industry(idx)),
            (Lever::ValueAddedRatio(idx), true) => format!("{}增加值率", industry(idx)),
            (Lever::ValueAddedRatio(idx), false) => {
                format!("{} value-added ratio", industry(idx))
            }
            (Lever::IndustrialFraction(idx), true) => format!("{}规上工业占比", industry(idx)),
            (Lever::IndustrialFraction(idx), false) => {
                format!("{} above-scale industrial share", industry(idx))
            }
            (Lever::HighTechFraction(idx), true) => format!("{}高新技术占比", industry(idx)),
            (Lever::HighTechFraction(idx), false) => {
                format!("{} high-tech share", industry(idx))
            }
            (Lever::GdpBase, true) => format!("{base_year}年GDP"),
            (Lever::GdpBase, false) => format!("GDP {base_year}"),
            (Lever::SeiShareBase, true) => format!("{base_year}年战略性新兴产业增加值占比"),
            (Lever::SeiShareBase, false) => {
                format!("Strategic emerging industries' share of GDP {base_year}")
            }
            (Lever::HighTechShareBase, true) => format!("{base_year}年高新技术产业产值占比"),
            (Lever::HighTechShareBase, false) => {
                format!("High-tech share of industrial output {base_year}")
            }
            (Lever::RdShareBase, true) => format!("{base_year}年研发投入占GDP比重"),
            (Lever::RdShareBase, false) => format!("R&D spending over GDP {base_year}"),
            (Lever::RestOfEconomyGrowth(phase), true) => {
                format!("{}其他经济增速", phase_text(phase))
            }
            (Lever::RestOfEconomyGrowth(phase), false) => {
                format!("Rest-of-economy growth {}", phase_text(phase))
            }
            (Lever::EmploymentGrowth, true) => "从业人员年增长".into(),
            (Lever::EmploymentGrowth, false) => "Employment growth".into(),
            (Lever::RdIntensityChange, true) => "研发强度年变化".into(),
            (Lever::RdIntensityChange, false) => "Yearly change of R&D intensity".into(),
        }
    }
}

/// One assumption's effect on one goal's projected value.
#[derive(Clone, Debug, PartialEq)]
pub struct SensitivityBar {
    pub lever: Lever,
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
    for lever in Lever::all(plan) {
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
        slot.sort_by(|a, b| b.effect().total_cmp(&a.effect()));
        slot.truncate(MAX_BARS);
    }
    bars
}

/// How far one goal's projected value in `year` moves when each assumption
/// moves by its step: the largest effects first, at most [`MAX_BARS`].
///
/// ```
/// use pathways::explain::{sensitivity, Lever};
/// use pathways::model::{Plan, Scenario};
///
/// let plan = Plan::shouguang_2018().unwrap();
/// let scenario = Scenario::plan_defaults(&plan);
/// let bars = sensitivity(&plan, &scenario, "aim.2028", 2028);
/// assert!(!bars.is_empty() && bars.len() <= 10);
/// assert!(bars.windows(2).all(|pair| pair[0].effect() >= pair[1].effect()));
/// // Faster growth of an emerging industry raises the lead ratio.
/// let materials = bars
///     .iter()
///     .find(|bar| bar.lever == Lever::Growth { industry_idx: 4, phase: 1 })
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
/// let scenario = Scenario::plan_defaults(&plan);
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
            title: format!("{name}, {year}: effect of one step in each assumption"),
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
