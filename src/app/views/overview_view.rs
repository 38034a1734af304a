//! The overview tab: the summary, the lead test, the scorecard, the
//! composition and the industries chart.

use std::rc::Rc;

use yew::prelude::*;

use super::overview::{composition_panel, lead_test, CompositionPanelProps, SummaryPanelProps};
use super::scorecard::{headline, scorecard};
use crate::app::components::{line_chart, AnyPanel, LineChartProps, NearPanel, WhenNear};
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::chart::{CompositionSpec, LineChartSpec};
use crate::model::{Bands, GoalEvaluation, Plan, Scenario};

#[derive(PartialEq)]
pub struct OverviewViewProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub defaults: Shared<Scenario>,
    pub evaluations: Shared<Vec<GoalEvaluation>>,
    pub composition: Rc<CompositionSpec>,
    pub industries: Rc<LineChartSpec>,
    pub bands: Option<Shared<Bands>>,
    pub lang: Lang,
}

/// The overview: what the scenario means, then the charts.
/// A plain function of its props, not a component: what it shows changes
/// with the inputs, so a component boundary would save no work.
pub fn overview_view(props: &OverviewViewProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let plan = &props.plan;
    html! {
        <div class="view-stack overview" data-testid="view-overview">
        { headline(plan, &props.evaluations, lang) }
        <section class="panel main-chart" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{ lang.fill(plan, strings.chart_heading) }</h2>
            <p class="chart-key">
                <span>{ strings.legend_projection }</span>
                <span>{ strings.legend_goal }</span>
            </p>
            { line_chart(&LineChartProps {
                spec: props.industries.clone(),
                description: lang.fill(plan, strings.chart_description).into(),
                table_summary: strings.chart_table_summary.into(),
                first_column: strings.table_industry.into(),
                testid: "industry-chart".into(),
                decimals: 1,
                export_name: Some(AttrValue::from("pathways-industries")),
                lang,
            }) }
            <p class="provenance-note">
                <span class="badge badge-assumption">{ strings.badge_assumption }</span>
                { lang.fill(plan, strings.baseline_note) }
            </p>
        </section>
        <WhenNear panel={Rc::new(SummaryPanelProps { plan: plan.clone(), scenario: props.scenario.clone(), defaults: props.defaults.clone(),
            evaluations: props.evaluations.clone(), bands: props.bands.clone(), lang }) as Rc<dyn AnyPanel>} />
        <WhenNear panel={Rc::new(ScorecardPanel { plan: plan.clone(), scenario: props.scenario.clone(),
            evaluations: props.evaluations.clone(), bands: props.bands.clone(), lang }) as Rc<dyn AnyPanel>} />
        <WhenNear panel={Rc::new(LeadTestPanel { plan: plan.clone(), evaluations: props.evaluations.clone(), lang }) as Rc<dyn AnyPanel>} />
        { composition_panel(&CompositionPanelProps { spec: props.composition.clone(), lang }) }
        </div>
    }
}

/// The scorecard, below the first screen on a laptop or a phone: it follows
/// the inputs while in sight (`WhenNear`).
#[derive(PartialEq)]
struct ScorecardPanel {
    plan: Shared<Plan>,
    scenario: Shared<Scenario>,
    evaluations: Shared<Vec<GoalEvaluation>>,
    bands: Option<Shared<Bands>>,
    lang: Lang,
}

impl NearPanel for ScorecardPanel {
    fn view(&self) -> Html {
        scorecard(
            &self.plan,
            &self.scenario,
            &self.evaluations,
            self.bands.as_deref(),
            self.lang,
        )
    }
}

/// The 2028 lead test, at the foot of the overview: as the scorecard.
#[derive(PartialEq)]
struct LeadTestPanel {
    plan: Shared<Plan>,
    evaluations: Shared<Vec<GoalEvaluation>>,
    lang: Lang,
}

impl NearPanel for LeadTestPanel {
    fn view(&self) -> Html {
        lead_test(&self.plan, &self.evaluations, self.lang)
    }
}
