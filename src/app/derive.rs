//! One derivation: every result the views show that follows from (plan,
//! scenario, language) alone, computed in one place. The root keeps it with
//! [`use_derivation`](crate::app::hooks::use_derivation), keyed on the
//! identity of the plan and the scenario (the reducer makes a new scenario
//! on every change of any input) and on the language, so a change to any
//! input recomputes it and nothing is compared deeply. Views that derive
//! more (the summary, the waterfalls) key their own memos on the identity
//! of the parts of this they read.
//!
//! Pure: no browser, natively tested (`tests/app_derive.rs`).

use std::rc::Rc;

use crate::app::i18n::Lang;
use crate::chart::{CompositionSpec, LineChartSpec, Series, ShareStrip, YearMarker};
use crate::model::{
    evaluate, new_drivers_test, project, GoalEvaluation, Group, NewDriversTest, Plan, Projection,
    Scenario,
};

/// Everything derived from one (plan, scenario, language).
#[derive(Clone, Debug, PartialEq)]
pub struct Derivation {
    pub projection: Rc<Projection>,
    pub evaluations: Rc<Vec<GoalEvaluation>>,
    pub lead_test: Rc<NewDriversTest>,
    pub industry_chart: Rc<LineChartSpec>,
    pub composition: Rc<CompositionSpec>,
}

impl Derivation {
    /// Derives every result from the plan, the scenario and the language.
    pub fn new(plan: &Plan, scenario: &Scenario, lang: Lang) -> Derivation {
        let projection = project(plan, scenario);
        let evaluations = evaluate(plan, scenario, &projection);
        let lead_test = new_drivers_test(plan, &evaluations);
        let industry_chart = industry_chart_spec(plan, &projection, lang);
        let composition = composition_spec(plan, scenario, &projection, lang);
        Derivation {
            projection: Rc::new(projection),
            evaluations: Rc::new(evaluations),
            lead_test: Rc::new(lead_test),
            industry_chart: Rc::new(industry_chart),
            composition: Rc::new(composition),
        }
    }
}

/// What the industries chart shows: each industry's projected revenue and
/// its 2022 revenue goal, labelled in the interface language.
pub fn industry_chart_spec(plan: &Plan, projection: &Projection, lang: Lang) -> LineChartSpec {
    let strings = lang.strings();
    let series = plan
        .industries
        .iter()
        .enumerate()
        .map(|(industry_idx, industry)| Series {
            label: lang.pick(&industry.name.zh, &industry.name.en).to_string(),
            values: projection.industry(industry_idx).to_vec(),
            goal: plan
                .industry_revenue_goal(industry_idx)
                .and_then(|goal| goal.target.map(|target| (goal.deadline, target))),
        })
        .collect();
    LineChartSpec {
        years: projection.years().to_vec(),
        series,
        y_label: strings.axis_revenue.to_string(),
        x_label: strings.axis_year.to_string(),
    }
}

/// Traditional against emerging revenue, with the 2028 test year marked and
/// the emerging share against the share the test requires. Industries
/// measured by output value (vegetables) count only when the scenario's
/// interpretation says so, as in the test itself.
pub fn composition_spec(
    plan: &Plan,
    scenario: &Scenario,
    projection: &Projection,
    lang: Lang,
) -> CompositionSpec {
    let strings = lang.strings();
    let n_years = projection.years().len();
    let total = |group: Group| -> Vec<f64> {
        let mut sums = vec![0.0; n_years];
        for (industry_idx, industry) in plan.industries.iter().enumerate() {
            if industry.group == group && scenario.counts_in_lead_test(plan, industry_idx) {
                for (sum, value) in sums.iter_mut().zip(projection.industry(industry_idx)) {
                    *sum += value;
                }
            }
        }
        sums
    };
    let ratio = scenario.interpretation.emerging_to_traditional_min_ratio;
    CompositionSpec {
        years: projection.years().to_vec(),
        traditional: total(Group::Traditional),
        emerging: total(Group::Emerging),
        y_label: strings.axis_revenue.to_string(),
        x_label: String::new(),
        marker: Some(YearMarker {
            year: plan.interpretation.year,
            label: format!("{} {}", plan.interpretation.year, strings.test_year_marker),
        }),
        share: Some(ShareStrip {
            y_label: strings.emerging_share_axis.to_string(),
            threshold_pct: Some(ratio / (1.0 + ratio) * 100.0),
        }),
    }
}
