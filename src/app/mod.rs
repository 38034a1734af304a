//! The yew app: one reducer at the root (`state`), presentational
//! `components`, side effects in `hooks`, all strings in `i18n`.

pub mod components;
pub mod hooks;
pub mod i18n;
pub mod shared;
pub mod state;

use std::rc::Rc;

use yew::prelude::*;

use crate::chart::{LineChartSpec, Series};
use crate::model::{project, required_growth_pct, Group, Plan, Projection, GROWTH_PCT};
use components::{GrowthSlider, Header, LineChart};
use hooks::use_document_lang;
use i18n::Lang;
use shared::Shared;
use state::{Action, AppState};

/// The root component: loads the embedded plan, then shows the simulator,
/// or a clear message if the plan cannot be loaded.
#[function_component(App)]
pub fn app() -> Html {
    let plan = use_memo((), |_| Plan::shouguang_2018().map(Rc::new));
    match &*plan {
        Ok(plan) => html! { <Simulator plan={Shared(plan.clone())} /> },
        Err(error) => {
            let strings = Lang::default().strings();
            html! {
                <main class="load-error" role="alert">
                    <h1>{ strings.load_error }</h1>
                    <pre>{ error.to_string() }</pre>
                </main>
            }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SimulatorProps {
    pub plan: Shared<Plan>,
}

/// The simulator screen: assumptions on the left, charts on the right.
#[function_component(Simulator)]
pub fn simulator(props: &SimulatorProps) -> Html {
    let state = use_reducer(|| AppState::new(props.plan.0.clone()));
    let lang = state.lang;
    let strings = lang.strings();
    use_document_lang(lang);

    let projection = {
        let plan = state.plan.clone();
        use_memo(state.scenario.clone(), move |scenario| {
            project(&plan, scenario)
        })
    };
    let chart_spec = {
        let plan = state.plan.clone();
        use_memo((projection.clone(), lang), move |(projection, lang)| {
            industry_chart_spec(&plan, projection, *lang)
        })
    };

    let on_toggle_lang = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::SetLang(state.lang.other())))
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Reset))
    };

    let plan = &state.plan;
    let sliders_for = |group: Group| -> Html {
        plan.industries
            .iter()
            .enumerate()
            .filter(|(_, industry)| industry.group == group)
            .map(|(industry_idx, industry)| {
                let on_change = {
                    let state = state.clone();
                    Callback::from(move |growth_pct: f64| {
                        state.dispatch(Action::SetGrowth {
                            industry_idx,
                            phase: 0,
                            growth_pct,
                        })
                    })
                };
                html! {
                    <GrowthSlider
                        key={industry.id.clone()}
                        id={industry.id.clone()}
                        label={lang.pick(&industry.name.zh, &industry.name.en).to_string()}
                        value={state.scenario.growth_pct(industry_idx, 0)}
                        min={*GROWTH_PCT.start()}
                        max={*GROWTH_PCT.end()}
                        step={0.5}
                        required={required_growth_pct(plan, &state.scenario, industry_idx)}
                        {lang}
                        {on_change}
                    />
                }
            })
            .collect()
    };

    html! {
        <div class="app" data-testid="app" data-lang={lang.tag()}>
            <Header {lang} {on_toggle_lang} />
            <main class="layout">
                <section class="panel assumptions" aria-labelledby="assumptions-heading">
                    <h2 id="assumptions-heading">{ strings.growth_heading }</h2>
                    <p class="panel-note">{ strings.growth_phase1 }</p>
                    <fieldset class="group group-traditional">
                        <legend>{ strings.traditional }</legend>
                        { sliders_for(Group::Traditional) }
                    </fieldset>
                    <fieldset class="group group-emerging">
                        <legend>{ strings.emerging }</legend>
                        { sliders_for(Group::Emerging) }
                    </fieldset>
                    <button type="button" class="reset" data-testid="reset-all" onclick={on_reset}>
                        { strings.reset }
                    </button>
                </section>
                <section class="panel charts" aria-labelledby="chart-heading">
                    <h2 id="chart-heading">{ strings.chart_heading }</h2>
                    <p class="chart-key">
                        <span>{ strings.legend_projection }</span>
                        <span>{ strings.legend_goal }</span>
                    </p>
                    <LineChart
                        spec={chart_spec}
                        description={strings.chart_description}
                        table_summary={strings.chart_table_summary}
                        first_column={strings.table_industry}
                        testid="industry-chart"
                    />
                    <p class="provenance-note">
                        <span class="badge badge-assumption">{ strings.assumption_badge }</span>
                        { strings.baseline_note }
                    </p>
                </section>
            </main>
        </div>
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
