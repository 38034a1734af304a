use yew::prelude::*;

use crate::app::components::NumberField;
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::app::state::Flag;
use crate::model::bounds::{MAX_SHOCKS, SHOCK_PCT};
use crate::model::{Plan, Scenario, Shock};

#[derive(PartialEq)]
pub struct ShockEditorProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub lang: Lang,
    /// Sets shock `idx` (an index past the end adds one); `None` removes it.
    pub on_shock: Callback<(usize, Option<Shock>)>,
}

/// One-year shocks: a year, an industry (or all), and percentage points
/// added to that year's growth.
/// A plain function of its props, not a component: what it shows changes
/// with the inputs, so a component boundary would save no work.
pub fn shock_editor(props: &ShockEditorProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let plan = &*props.plan;
    let shocks = &props.scenario.shocks;
    let years: Vec<u16> = (plan.base_year() + 1..=plan.end_year()).collect();

    let rows = shocks.iter().enumerate().map(|(idx, shock)| {
        let on_year = {
            let (on_shock, shock) = (props.on_shock.clone(), shock.clone());
            Callback::from(move |event: Event| {
                let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
                if let Ok(year) = select.value().parse::<u16>() {
                    on_shock.emit((idx, Some(Shock { year, ..shock.clone() })));
                }
            })
        };
        let on_industry = {
            let (on_shock, shock) = (props.on_shock.clone(), shock.clone());
            Callback::from(move |event: Event| {
                let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
                let industry = select.value().parse::<usize>().ok();
                on_shock.emit((idx, Some(Shock { industry, ..shock.clone() })));
            })
        };
        let on_pct = {
            let (on_shock, shock) = (props.on_shock.clone(), shock.clone());
            Callback::from(move |pct: f64| on_shock.emit((idx, Some(Shock { pct, ..shock.clone() }))))
        };
        let on_remove = props.on_shock.reform(move |_: MouseEvent| (idx, None));
        let year_options = years.iter().map(|year| {
            html! { <option value={year.to_string()} selected={*year == shock.year}>{ year }</option> }
        });
        let industry_options = plan.industries.iter().enumerate().map(|(industry_idx, industry)| {
            html! {
                <option value={industry_idx.to_string()} selected={shock.industry == Some(industry_idx)}>
                    { lang.pick(&industry.name.zh, &industry.name.en) }
                </option>
            }
        });
        html! {
            <div class="shock-row" data-testid={format!("shock-{idx}")}>
                <select aria-label={strings.shock_year} onchange={on_year} data-testid={format!("shock-{idx}-year")}>
                    { for year_options }
                </select>
                <select aria-label={strings.shock_industry} onchange={on_industry} data-testid={format!("shock-{idx}-industry")}>
                    <option value="all" selected={shock.industry.is_none()}>{ strings.all_industries }</option>
                    { for industry_options }
                </select>
                <NumberField
                    id={format!("shock-{idx}-pct")}
                    label={format!("{}({})", strings.shock_pct, strings.unit_pp)}
                    value={shock.pct}
                    decimals={1}
                    min={*SHOCK_PCT.start()}
                    max={*SHOCK_PCT.end()}
                    {lang}
                    on_change={on_pct}
                    testid={format!("shock-{idx}-pct")}
                />
                <span class="unit">{ strings.unit_pp }</span>
                <button type="button" class="link-button danger" onclick={on_remove}
                    data-testid={format!("shock-{idx}-remove")}>{ strings.remove }</button>
            </div>
        }
    });
    let n_shocks = shocks.len();
    let default_year = plan.milestone_year().min(plan.base_year() + 3);
    let on_add = props.on_shock.reform(move |_: MouseEvent| {
        (
            n_shocks,
            Some(Shock {
                year: default_year,
                industry: None,
                pct: -5.0,
            }),
        )
    });
    html! {
        <div class="shock-editor">
            <p class="panel-note">{ strings.shocks_note }</p>
            { for rows }
            if n_shocks < MAX_SHOCKS {
                <button type="button" class="link-button" onclick={on_add} data-testid="add-shock">
                    { strings.add_shock }
                </button>
            }
        </div>
    }
}

#[derive(PartialEq)]
pub struct InterpretationSwitchesProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub lang: Lang,
    pub on_flag: Callback<(Flag, bool)>,
}

/// The switches of the app's interpretation of the plan's aim for its test
/// year.
/// A plain function of its props, not a component: what it shows changes
/// with the inputs, so a component boundary would save no work.
pub fn interpretation_switches(props: &InterpretationSwitchesProps) -> Html {
    let strings = props.lang.strings();
    let fill = |template: &str| props.lang.fill(&props.plan, template);
    let interpretation = &props.scenario.interpretation;
    let switch = |flag: Flag, on: bool, label: String, testid: &'static str| {
        let on_change = props.on_flag.reform(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            (flag, input.checked())
        });
        html! {
            <label class="switch">
                <input type="checkbox" checked={on} onchange={on_change} data-testid={testid} />
                { label }
            </label>
        }
    };
    html! {
        <div class="interpretation-switches" role="group" aria-label={fill(strings.interpretation_heading)}>
            <p class="subheading">{ fill(strings.interpretation_heading) }</p>
            // Only a plan with an industry measured by output value has
            // something to include.
            if !props.lang.output_value_industries(&props.plan).is_empty() {
                { switch(Flag::IncludeVegetables, interpretation.include_vegetables, fill(strings.flag_vegetables), "flag-vegetables") }
            }
            { switch(Flag::ContinueIncrements, interpretation.continue_increments, fill(strings.flag_increments), "flag-increments") }
            { switch(Flag::ContinueProductivity, interpretation.continue_productivity_growth, fill(strings.flag_productivity), "flag-productivity") }
        </div>
    }
}
