use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::{ChartCanvas, ChartData};
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::chart::{TornadoSpec, WaterfallSpec};
use crate::explain::{
    headline_sensitivities, lead_test_waterfall, revenue_gap_waterfall, tornado_spec,
};
use crate::model::{Plan, Projection, Scenario};

#[derive(Properties, PartialEq)]
pub struct AnalysisViewProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub projection: Shared<Projection>,
    pub lang: Lang,
}

/// Which industries open or close the gaps (waterfalls), and which
/// assumptions move the headline goals most (tornados). Computed only while
/// this view is open: the component exists only then.
#[function_component(AnalysisView)]
pub fn analysis_view(props: &AnalysisViewProps) -> Html {
    let lang = props.lang;
    let zh = lang == Lang::Zh;
    let strings = lang.strings();
    let waterfalls = {
        let plan = props.plan.clone();
        let scenario = props.scenario.clone();
        use_memo((props.projection.clone(), lang), move |(projection, _)| {
            [
                Rc::new(revenue_gap_waterfall(&plan, projection, zh)),
                Rc::new(lead_test_waterfall(&plan, &scenario, projection, zh)),
            ]
        })
    };
    let tornados = {
        let plan = props.plan.clone();
        use_memo((props.scenario.clone(), lang), move |(scenario, _)| {
            headline_sensitivities(&plan, scenario)
                .into_iter()
                .map(|(goal_id, year, bars)| {
                    (
                        goal_id.clone(),
                        Rc::new(tornado_spec(&plan, scenario, &goal_id, year, &bars, zh)),
                    )
                })
                .collect::<Vec<(String, Rc<TornadoSpec>)>>()
        })
    };

    let waterfall_html = |idx: usize, spec: &Rc<WaterfallSpec>| {
        let rows = spec.bars.iter().map(|bar| {
            html! { <tr><th scope="row">{ bar.label.clone() }</th><td>{ lang.number(bar.value, spec.decimals) }</td></tr> }
        });
        html! {
            <figure class="chart analysis-figure" data-testid={format!("waterfall-{idx}")}>
                <ChartCanvas chart={ChartData::Waterfall(spec.clone())}
                    description={spec.title.clone()}
                    testid={format!("waterfall-{idx}-canvas")}
                    export_name={Some(AttrValue::from(format!("pathways-gap-{idx}")))} {lang} />
                <details class="chart-table">
                    <summary>{ strings.chart_table_summary }</summary>
                    <table data-testid={format!("waterfall-{idx}-table")}>
                        <thead><tr><th scope="col">{ strings.table_series }</th><th scope="col">{ spec.value_label.clone() }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </details>
            </figure>
        }
    };
    let tornado_html = |goal_id: &str, spec: &Rc<TornadoSpec>| {
        let rows = spec.bars.iter().map(|bar| {
            html! {
                <tr>
                    <th scope="row">{ bar.label.clone() }</th>
                    <td>{ lang.number(bar.low, spec.decimals) }</td>
                    <td>{ lang.number(bar.high, spec.decimals) }</td>
                </tr>
            }
        });
        let id = goal_id.replace('.', "-");
        html! {
            <figure class="chart analysis-figure" key={id.clone()} data-testid={format!("tornado-{id}")}>
                <ChartCanvas chart={ChartData::Tornado(spec.clone())}
                    description={spec.title.clone()}
                    testid={format!("tornado-{id}-canvas")}
                    export_name={Some(AttrValue::from(format!("pathways-sensitivity-{id}")))} {lang} />
                <details class="chart-table">
                    <summary>{ strings.chart_table_summary }</summary>
                    <table data-testid={format!("tornado-{id}-table")}>
                        <thead><tr>
                            <th scope="col">{ strings.table_series }</th>
                            <th scope="col">{ spec.down_label.clone() }</th>
                            <th scope="col">{ spec.up_label.clone() }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </details>
            </figure>
        }
    };

    html! {
        <div class="view-stack" data-testid="view-analysis">
            <section class="panel" aria-labelledby="gap-heading">
                <h2 id="gap-heading">{ strings.gap_heading }</h2>
                <p class="panel-note">{ lang.fill(&props.plan, strings.gap_note) }</p>
                <div class="analysis-grid">
                    { for waterfalls.iter().enumerate().map(|(idx, spec)| waterfall_html(idx, spec)) }
                </div>
            </section>
            <section class="panel" aria-labelledby="sensitivity-heading">
                <h2 id="sensitivity-heading">{ strings.sensitivity_heading }</h2>
                <p class="panel-note">{ strings.sensitivity_note }</p>
                <div class="analysis-grid tornado-grid">
                    { for tornados.iter().map(|(goal_id, spec)| tornado_html(goal_id, spec)) }
                </div>
            </section>
        </div>
    }
}
