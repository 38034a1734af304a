//! Gap breakdowns: how each industry adds to or closes a gap, as numbers
//! ([`Contribution`]) and as a waterfall ([`WaterfallSpec`]) for
//! `chart::draw_waterfall`.
//!
//! * [`revenue_gaps`]: the combined 2022 revenue goals. Zero is the sum of
//!   the industries' goals; each industry with a 2022 revenue goal steps by
//!   projected − goal; the total is the combined gap.
//! * [`lead_contributions`]: the 2028 "new drivers lead" test as a margin,
//!   emerging − threshold × traditional (亿元), under the scenario's
//!   interpretation: each counted emerging industry adds its revenue, each
//!   counted traditional industry takes away its revenue times the
//!   threshold, and industries measured by output value (vegetables) count
//!   only if the interpretation includes them. The margin is ≥ 0 exactly
//!   when the lead ratio reaches the threshold.

use crate::chart::{WaterfallBar, WaterfallKind, WaterfallSpec};
use crate::model::{Group, Plan, Projection, Scenario, SeriesId};

use super::format::{number, yi_yuan};

/// One industry's part of a gap, 亿元.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    pub industry_idx: usize,
    /// Positive adds (more than the goal, or an emerging industry in the
    /// lead test); negative takes away.
    pub value: f64,
}

/// Relative size under which a gap is rounding noise, not a gap: it covers
/// the hair by which a goal seek clears a strict ("突破") target
/// ([`crate::model::STRICT_MARGIN`]).
pub const GOAL_MET_NOISE: f64 = 1e-6;

/// Each industry with a 2022 (milestone-year) revenue goal: its projected
/// revenue minus its goal (0 when they differ only by rounding noise), in
/// plan order, and the sum of the goals.
///
/// ```
/// use pathways::explain::revenue_gaps;
/// use pathways::model::{project, Plan, Scenario};
///
/// let plan = Plan::shouguang_2018().unwrap();
/// let mut scenario = pathways::model::plan_defaults(&plan);
/// scenario.set_growth_pct(1, 0, 6.0).unwrap(); // chemicals, 2018–2022
/// let (gaps, goals_sum) = revenue_gaps(&plan, &project(&plan, &scenario));
/// assert_eq!(gaps.len(), 7, "vegetables have no revenue goal");
/// assert!((gaps[0].value - (650.0 * 1.06_f64.powi(5) - 1000.0)).abs() < 1e-9);
/// assert_eq!(goals_sum, 2200.0);
/// ```
pub fn revenue_gaps(plan: &Plan, projection: &Projection) -> (Vec<Contribution>, f64) {
    let year = plan.milestone_year();
    let mut goals_sum = 0.0;
    let gaps = (0..plan.industries.len())
        .filter_map(|industry_idx| {
            let goal = plan.industry_revenue_goal(industry_idx)?;
            let target = goal.target?;
            let projected = projection.value(SeriesId::Industry(industry_idx), year)?;
            goals_sum += target;
            // A goal met by goal seek differs from it by rounding noise
            // (1e-13); shown as such it would fill the chart's whole axis.
            let gap = projected - target;
            let value = if gap.abs() <= GOAL_MET_NOISE * target.abs().max(1.0) {
                0.0
            } else {
                gap
            };
            Some(Contribution {
                industry_idx,
                value,
            })
        })
        .collect();
    (gaps, goals_sum)
}

/// Each industry counted in the lead test, in the interpretation year:
/// emerging industries first (+ revenue), then traditional ones
/// (− threshold × revenue), each group in plan order. Their sum is the
/// margin by which the test's ratio passes (≥ 0) or fails.
///
/// ```
/// use pathways::explain::lead_contributions;
/// use pathways::model::{project, Plan, Scenario, SeriesId};
///
/// let plan = Plan::shouguang_2018().unwrap();
/// let scenario = pathways::model::plan_defaults(&plan);
/// let projection = project(&plan, &scenario);
/// let parts = lead_contributions(&plan, &scenario, &projection);
/// assert_eq!(parts.len(), 7, "vegetables are left out by default");
/// let margin: f64 = parts.iter().map(|part| part.value).sum();
/// let ratio = projection.value(SeriesId::LeadRatio, 2028).unwrap();
/// assert_eq!(margin >= 0.0, ratio >= 1.0);
/// ```
pub fn lead_contributions(
    plan: &Plan,
    scenario: &Scenario,
    projection: &Projection,
) -> Vec<Contribution> {
    let year = plan.interpretation.year;
    let threshold = scenario.interpretation.emerging_to_traditional_min_ratio;
    let counted = |group: Group| {
        (0..plan.industries.len())
            .filter(move |&idx| {
                Scenario::group_of(plan, idx) == group && scenario.counts_in_lead_test(plan, idx)
            })
            .filter_map(move |industry_idx| {
                let revenue = projection.value(SeriesId::Industry(industry_idx), year)?;
                let value = match group {
                    Group::Emerging => revenue,
                    Group::Traditional => -threshold * revenue,
                };
                Some(Contribution {
                    industry_idx,
                    value,
                })
            })
    };
    counted(Group::Emerging)
        .chain(counted(Group::Traditional))
        .collect()
}

fn industry_name(plan: &Plan, industry_idx: usize, zh: bool) -> String {
    plan.industries
        .get(industry_idx)
        .map_or_else(String::new, |industry| {
            if zh {
                industry.name.zh.clone()
            } else {
                industry.name.en.clone()
            }
        })
}

/// The 2022 revenue gap as a waterfall: one step per industry with a
/// revenue goal (projected − goal), then the total gap. Zero is the sum of
/// the goals, as the note says.
///
/// ```
/// use pathways::chart::WaterfallKind;
/// use pathways::explain::revenue_gap_waterfall;
/// use pathways::model::{project, Plan, Scenario};
///
/// let plan = Plan::shouguang_2018().unwrap();
/// let scenario = pathways::model::plan_defaults(&plan);
/// let spec = revenue_gap_waterfall(&plan, &project(&plan, &scenario), true);
/// assert_eq!(spec.bars.len(), 8);
/// assert_eq!(spec.bars[7].kind, WaterfallKind::Total);
/// assert!(spec.bars[7].value.abs() < 1e-6, "plan pace meets every goal exactly");
/// ```
pub fn revenue_gap_waterfall(plan: &Plan, projection: &Projection, zh: bool) -> WaterfallSpec {
    let year = plan.milestone_year();
    let (gaps, goals_sum) = revenue_gaps(plan, projection);
    let total: f64 = gaps.iter().map(|gap| gap.value).sum();
    let mut bars: Vec<WaterfallBar> = gaps
        .iter()
        .map(|gap| WaterfallBar {
            label: industry_name(plan, gap.industry_idx, zh),
            value: gap.value,
            kind: WaterfallKind::Step,
        })
        .collect();
    let projected_sum = goals_sum + total;
    bars.push(WaterfallBar {
        label: if zh {
            "合计差距".into()
        } else {
            "Combined gap".into()
        },
        value: total,
        kind: WaterfallKind::Total,
    });
    let (title, note, value_label) = if zh {
        (
            format!("{year}年收入目标:各产业预测减目标"),
            format!(
                "0 = {year}年收入目标合计{}(预测合计{})",
                yi_yuan(goals_sum, true),
                yi_yuan(projected_sum, true)
            ),
            "预测减目标(亿元)".to_string(),
        )
    } else {
        (
            format!("{year} revenue goals: projection minus goal, by industry"),
            format!(
                "0 = the {year} goals combined, {} (projected: {})",
                number(goals_sum, 0, false),
                number(projected_sum, 0, false)
            ),
            "projection minus goal (100 million yuan)".to_string(),
        )
    };
    WaterfallSpec {
        title,
        note,
        value_label,
        bars,
        decimals: 1,
    }
}

/// The 2028 "new drivers lead" test as a waterfall: each counted emerging
/// industry adds its revenue, each counted traditional industry takes away
/// its revenue (times the threshold when it is not 1), ending at the
/// margin. Zero is "emerging revenue exactly at the threshold".
///
/// ```
/// use pathways::explain::lead_test_waterfall;
/// use pathways::model::{project, Plan, Scenario};
///
/// let plan = Plan::shouguang_2018().unwrap();
/// let mut scenario = pathways::model::plan_defaults(&plan);
/// scenario.interpretation.include_vegetables = true;
/// let spec = lead_test_waterfall(&plan, &scenario, &project(&plan, &scenario), false);
/// assert!(spec.bars.iter().any(|bar| bar.label == "Quality vegetables"));
/// ```
pub fn lead_test_waterfall(
    plan: &Plan,
    scenario: &Scenario,
    projection: &Projection,
    zh: bool,
) -> WaterfallSpec {
    let year = plan.interpretation.year;
    let threshold = scenario.interpretation.emerging_to_traditional_min_ratio;
    let parts = lead_contributions(plan, scenario, projection);
    let margin: f64 = parts.iter().map(|part| part.value).sum();
    let scaled = (threshold - 1.0).abs() > 1e-12;
    let threshold_text = number(threshold, 2, zh);
    let mut bars: Vec<WaterfallBar> = parts
        .iter()
        .map(|part| {
            let name = industry_name(plan, part.industry_idx, zh);
            let traditional = Scenario::group_of(plan, part.industry_idx) == Group::Traditional;
            WaterfallBar {
                label: if traditional && scaled {
                    format!("{name} ×{threshold_text}")
                } else {
                    name
                },
                value: part.value,
                kind: WaterfallKind::Step,
            }
        })
        .collect();
    let passes = margin >= 0.0;
    bars.push(WaterfallBar {
        label: match (zh, passes) {
            (true, true) => "差额(通过)".into(),
            (true, false) => "差额(未通过)".into(),
            (false, true) => "Margin (passes)".into(),
            (false, false) => "Margin (fails)".into(),
        },
        value: margin,
        kind: WaterfallKind::Total,
    });
    let left_out: Vec<String> = (0..plan.industries.len())
        .filter(|&idx| !scenario.counts_in_lead_test(plan, idx))
        .map(|idx| industry_name(plan, idx, zh))
        .collect();
    let (title, mut note, value_label) = if zh {
        (
            format!("{year}年“新动能主导”检验:新兴产业减传统产业"),
            if scaled {
                format!("0 = 新兴产业收入恰为传统产业的{threshold_text}倍(门槛)")
            } else {
                "0 = 新兴产业收入恰等于传统产业(门槛1倍)".to_string()
            },
            "收入(亿元)".to_string(),
        )
    } else {
        (
            format!("{year} “new drivers lead” test: emerging minus traditional"),
            if scaled {
                format!("0 = emerging revenue exactly {threshold_text} × traditional (threshold)")
            } else {
                "0 = emerging revenue equal to traditional (threshold 1)".to_string()
            },
            "revenue (100 million yuan)".to_string(),
        )
    };
    if !left_out.is_empty() {
        if zh {
            note.push_str(&format!(";不含{}", left_out.join("、")));
        } else {
            note.push_str(&format!("; {} left out", left_out.join(", ")));
        }
    }
    WaterfallSpec {
        title,
        note,
        value_label,
        bars,
        decimals: 1,
    }
}
