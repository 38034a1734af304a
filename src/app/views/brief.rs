use crate::app::components::class_list;
use std::rc::Rc;

use yew::prelude::*;

use super::{
    composition_panel, headline, lead_test, scorecard, summary_panel, CompositionPanelProps,
    SummaryPanelProps,
};
use crate::app::components::{line_chart, provenance_badge, LineChartProps};
use crate::app::i18n::Lang;
use crate::app::inputs::Input;
use crate::app::shared::Shared;
use crate::chart::{CompositionSpec, LineChartSpec};
use crate::model::{Bands, GoalEvaluation, Plan, Provenance, Scenario};
use crate::web;

#[derive(PartialEq)]
pub struct BriefViewProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub defaults: Shared<Scenario>,
    pub evaluations: Shared<Vec<GoalEvaluation>>,
    pub bands: Option<Shared<Bands>>,
    pub composition: Rc<CompositionSpec>,
    pub industries: Rc<LineChartSpec>,
    pub name: Rc<String>,
    pub note: Rc<String>,
    pub link: AttrValue,
    pub lang: Lang,
}

/// A printable A4 brief: title and date, the summary, the settings, the
/// scorecard and 2028 test, the key charts, and the sources and assumptions.
/// The browser's print turns it into paper or PDF (styles in `@media print`).
/// A plain function of its props, not a component: it re-renders with
/// every input anyway.
pub fn brief_view(props: &BriefViewProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let plan = &*props.plan;
    let scenario = &*props.scenario;
    let on_print = Callback::from(|_: MouseEvent| web::print_page());

    let growth_rows = plan.industries.iter().enumerate().map(|(industry_idx, industry)| {
        let cell = |phase: usize| {
            let input = Input::Growth { industry_idx, phase };
            let value = input.get(scenario);
            let changed = (value - input.get(&props.defaults)).abs() > 1e-12;
            html! {
                <td class={class_list(&["num", if changed { "changed-cell" } else { "" }])}>
                    { format!("{}{}", lang.number(value, 2), strings.unit_pct_per_year) }
                </td>
            }
        };
        html! {
            <tr>
                <th scope="row">{ lang.pick(&industry.name.zh, &industry.name.en) }</th>
                { cell(0) }{ cell(1) }
                <td class="num">{ lang.number(scenario.industries.get(industry_idx).map_or(f64::NAN, |i| i.base_yi_yuan), 1) }</td>
            </tr>
        }
    });
    let assumptions = Input::all(plan)
        .into_iter()
        .filter_map(|input| match input.provenance(plan) {
            Some(provenance @ Provenance::Assumption { rationale }) => Some(html! {
                <li>
                    { provenance_badge(provenance, lang, false) }
                    <strong>{ lang.input_label(input, plan) }</strong>
                    { format!(" = {} {}:", lang.number(input.get(scenario), input.decimals()), lang.unit(input.unit())) }
                    { lang.pick(&rationale.zh, &rationale.en) }
                </li>
            }),
            _ => None,
        });
    let published = plan.published.iter().map(|figure| {
        html! {
            <li>
                { provenance_badge(&figure.provenance, lang, true) }
                { format!(" {} {} {}", figure.year, lang.number(figure.value, 1), figure.unit) }
            </li>
        }
    });
    html! {
        <div class="view-stack brief" data-testid="view-brief">
            <section class="panel brief-head">
                <div class="brief-actions no-print">
                    <button type="button" class="reset" onclick={on_print} data-testid="print">{ strings.print }</button>
                    <span class="panel-note">{ strings.print_hint }</span>
                </div>
                <h1 class="brief-title">{ lang.app_title(plan) }</h1>
                if !props.name.is_empty() {
                    <p class="brief-name" data-testid="brief-name">{ (*props.name).clone() }</p>
                }
                <p class="brief-meta">
                    { format!("{} {}", strings.brief_date, web::today()) }
                    { " · " }
                    { lang.pick(&plan.title.zh, &plan.title.en) }
                </p>
                if !props.note.is_empty() {
                    <p class="brief-note">{ (*props.note).clone() }</p>
                }
                <p class="brief-link">{ strings.brief_link }{ props.link.clone() }</p>
            </section>
            { headline(plan, &props.evaluations, lang) }
            { summary_panel(&SummaryPanelProps { plan: props.plan.clone(), scenario: props.scenario.clone(), defaults: props.defaults.clone(),
                evaluations: props.evaluations.clone(), bands: props.bands.clone(), lang }) }
            <div class="brief-charts">
                <section class="panel">
                    <h2>{ lang.fill(plan, strings.chart_heading) }</h2>
                    { line_chart(&LineChartProps { spec: props.industries.clone(), description: lang.fill(plan, strings.chart_description).into(),
                        table_summary: strings.chart_table_summary.into(), first_column: strings.table_industry.into(),
                        testid: "brief-industry-chart".into(), decimals: 1, export_name: None, lang }) }
                </section>
                { composition_panel(&CompositionPanelProps { spec: props.composition.clone(), lang }) }
            </div>
            { scorecard(plan, scenario, &props.evaluations, props.bands.as_deref(), lang) }
            <section class="panel brief-settings">
                <h2>{ lang.fill(plan, strings.brief_settings) }</h2>
                <table class="score-table">
                    <thead><tr>
                        <th scope="col">{ strings.table_industry }</th>
                        <th scope="col">{ lang.fill(plan, strings.phase_names[0]) }</th>
                        <th scope="col">{ lang.fill(plan, strings.phase_names[1]) }</th>
                        <th scope="col">{ format!("{}({})", lang.fill(plan, strings.label_base_suffix).trim_start_matches([',', ' ']), strings.unit_yi_yuan) }</th>
                    </tr></thead>
                    <tbody>{ for growth_rows }</tbody>
                </table>
            </section>
            { lead_test(plan, &props.evaluations, lang) }
            <section class="panel brief-sources">
                <h2>{ strings.brief_sources }</h2>
                <p class="panel-note">{ lang.fill(plan, strings.baseline_note) }</p>
                <ul class="brief-list">{ for published }</ul>
                // Every assumption with its rationale: on screen; on paper
                // the note above says which values are assumptions.
                <div class="no-print">
                    <h3>{ strings.brief_assumptions }</h3>
                    <ul class="brief-list">{ for assumptions }</ul>
                </div>
            </section>
        </div>
    }
}
