use crate::app::components::class_list;
use std::collections::HashMap;

use yew::prelude::*;

use super::{
    interpretation_switches, shock_editor, InterpretationSwitchesProps, ShockEditorProps,
    SolvePanel,
};
use crate::app::components::{provenance_badge, track_open, InputSlider, NumberField};
use crate::app::i18n::Lang;
use crate::app::inputs::Input;
use crate::app::shared::Shared;
use crate::app::state::Flag;
use crate::model::{required_growth_pct, Group, Measure, Plan, Provenance, Scenario, Shock};

#[derive(Properties, PartialEq)]
pub struct AssumptionsPanelProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub defaults: Shared<Scenario>,
    pub lang: Lang,
    /// Which growth phase the industry sliders show (0 = 2018–2022).
    pub phase: usize,
    pub on_set: Callback<(Input, f64)>,
    pub on_reset: Callback<Input>,
    pub on_seek: Callback<usize>,
    pub on_phase: Callback<usize>,
    pub on_preset: Callback<String>,
    pub on_reset_all: Callback<()>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub on_shock: Callback<(usize, Option<Shock>)>,
    pub on_flag: Callback<(Flag, bool)>,
    pub on_seed: Callback<u64>,
    /// The input whose last value was refused, and why.
    #[prop_or_default]
    pub refusal: Option<(Input, AttrValue)>,
    /// Inputs the solver must not change, and the toggle of one.
    pub locked: Shared<Vec<Input>>,
    pub on_lock: Callback<Input>,
    /// Applies a solved scenario.
    pub on_solve_apply: Callback<Scenario>,
}

/// Every scenario input as a slider plus an exact field, grouped
/// traditional / emerging / economy / uncertainty.
#[function_component(AssumptionsPanel)]
pub fn assumptions_panel(props: &AssumptionsPanelProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let plan = &*props.plan;
    let scenario = &*props.scenario;

    // One stable pair of callbacks per input, so moving one slider
    // re-renders that slider only.
    let input_callbacks = use_memo(
        (
            props.on_set.clone(),
            props.on_reset.clone(),
            props.plan.clone(),
        ),
        |(on_set, on_reset, plan)| {
            Input::all(plan)
                .into_iter()
                .map(|input| {
                    let on_change = on_set.reform(move |value: f64| (input, value));
                    let on_reset = on_reset.reform(move |_: ()| input);
                    (input, (on_change, on_reset))
                })
                .collect::<HashMap<Input, (Callback<f64>, Callback<()>)>>()
        },
    );
    let lock_callbacks = use_memo(
        (props.on_lock.clone(), props.plan.clone()),
        |(on_lock, plan)| {
            crate::model::solve::variables(plan)
                .into_iter()
                .map(|input| (input, on_lock.reform(move |_: ()| input)))
                .collect::<HashMap<Input, Callback<()>>>()
        },
    );
    let seek_callbacks = use_memo(
        (props.on_seek.clone(), props.plan.clone()),
        |(on_seek, plan)| {
            (0..plan.industries.len())
                .map(|industry_idx| on_seek.reform(move |_: ()| industry_idx))
                .collect::<Vec<Callback<()>>>()
        },
    );

    let slider = |input: Input,
                  mark: Option<f64>,
                  note: Option<String>,
                  seek: Option<Callback<()>>|
     -> Html {
        let value = input.get(scenario);
        let default = input.get(&props.defaults);
        let range = input.range();
        let slider_range = input.slider_range();
        let Some((on_change, on_reset)) = input_callbacks.get(&input).cloned() else {
            return Html::default();
        };
        // Only the inputs the solver may move have a lock.
        let locked = lock_callbacks
            .contains_key(&input)
            .then(|| props.locked.contains(&input));
        let on_lock = lock_callbacks.get(&input).cloned();
        let badge = input
            .provenance(plan)
            .and_then(|provenance| match provenance {
                Provenance::Assumption { .. } => Some(html! {
                    { provenance_badge(provenance, lang, false) }
                }),
                _ => None,
            });
        html! {
            <InputSlider
                key={input.id(plan)}
                id={input.id(plan)}
                label={lang.input_label(input, plan)}
                unit={lang.unit(input.unit())}
                {value}
                slider_min={*slider_range.start()}
                slider_max={*slider_range.end()}
                step={input.step()}
                min={*range.start()}
                max={*range.end()}
                decimals={input.decimals()}
                {lang}
                {on_change}
                on_reset={Some(on_reset)}
                changed={(value - default).abs() > 1e-12}
                {mark}
                note={note.map(AttrValue::from)}
                on_seek={seek}
                {badge}
                refusal={props.refusal.as_ref().filter(|(refused, _)| *refused == input).map(|(_, message)| message.clone())}
                {locked}
                {on_lock}
            />
        }
    };

    // The groups under a closed `<details>` (the economy, shocks and
    // uncertainty) build their inputs only while open, as a chart's data
    // table does: closed, as they are when the page opens, they cost the
    // first render 15 sliders and two editors, and every input their diff.
    let economy_open = use_state_eq(|| false);
    let shocks_open = use_state_eq(|| false);
    let uncertainty_open = use_state_eq(|| false);

    let phase = props.phase.min(1);
    let industry_sliders = |group: Group| -> Html {
        plan.industries
            .iter()
            .enumerate()
            .filter(|(_, industry)| industry.group == group)
            .map(|(industry_idx, industry)| {
                let input = Input::Growth {
                    industry_idx,
                    phase,
                };
                // The mark and goal seek concern the 2022 goal, so phase 1.
                let required = (phase == 0)
                    .then(|| required_growth_pct(plan, scenario, industry_idx))
                    .flatten();
                let note = match (phase, required) {
                    (0, Some(required)) => Some(format!(
                        "{} {} {}",
                        strings.goal_needs,
                        lang.number(required, 1),
                        strings.unit_pct_per_year
                    )),
                    (0, None) if industry.measure == Measure::OutputValue => {
                        Some(strings.no_revenue_goal.to_string())
                    }
                    _ => None,
                };
                let seek = required.and_then(|_| seek_callbacks.get(industry_idx).cloned());
                slider(input, required, note, seek)
            })
            .collect()
    };

    let phase_buttons = (0..2).map(|candidate| {
        let on_click = props.on_phase.reform(move |_: MouseEvent| candidate);
        html! {
            <button type="button" role="radio"
                class={class_list(&["segment", if candidate == phase { "active" } else { "" }])}
                aria-checked={(candidate == phase).to_string()}
                data-testid={format!("phase-{candidate}")}
                onclick={on_click}>
                { lang.fill(plan, strings.phase_names[candidate]) }
            </button>
        }
    });
    let presets = plan.presets.iter().map(|preset| {
        let preset_id = preset.id.clone();
        let on_click = props
            .on_preset
            .reform(move |_: MouseEvent| preset_id.clone());
        html! {
            <button type="button" class="preset" onclick={on_click}
                title={lang.pick(&preset.description.zh, &preset.description.en).to_string()}
                data-testid={format!("preset-{}", preset.id)}>
                { lang.pick(&preset.name.zh, &preset.name.en) }
            </button>
        }
    });
    let on_reset_all = props.on_reset_all.reform(|_: MouseEvent| ());

    let economy_inputs = [
        Input::RestOfEconomyGrowth(0),
        Input::RestOfEconomyGrowth(1),
        Input::EmploymentGrowth,
        Input::RdIntensityChange,
        Input::LeadRatio,
    ];
    let n_industries = plan.industries.len();

    html! {
        <section class="panel assumptions" aria-labelledby="assumptions-heading" data-testid="assumptions">
            <div class="panel-head">
                <h2 id="assumptions-heading">{ strings.growth_heading }</h2>
                <span class="history-buttons">
                    <button type="button" class="icon-button" data-testid="undo"
                        disabled={!props.can_undo} title={strings.undo_hint} aria-label={strings.undo}
                        onclick={props.on_undo.reform(|_: MouseEvent| ())}>
                        { "↶ " }{ strings.undo }
                    </button>
                    <button type="button" class="icon-button" data-testid="redo"
                        disabled={!props.can_redo} title={strings.redo_hint} aria-label={strings.redo}
                        onclick={props.on_redo.reform(|_: MouseEvent| ())}>
                        { "↷ " }{ strings.redo }
                    </button>
                </span>
            </div>
            <div class="preset-row" role="group" aria-label={strings.presets}>
                <span class="preset-label">{ strings.presets }</span>
                { for presets }
            </div>
            <SolvePanel plan={props.plan.clone()} scenario={props.scenario.clone()} {lang}
                locked={props.locked.clone()} on_apply={props.on_solve_apply.clone()} />
            <div class="segmented" role="radiogroup" aria-label={strings.phase_choice}>
                { for phase_buttons }
            </div>
            <fieldset class="group group-traditional">
                <legend>{ strings.traditional }</legend>
                { industry_sliders(Group::Traditional) }
            </fieldset>
            <fieldset class="group group-emerging">
                <legend>{ strings.emerging }</legend>
                { industry_sliders(Group::Emerging) }
            </fieldset>
            <details class="group group-economy" open={*economy_open} ontoggle={track_open(&economy_open)}>
                <summary>{ strings.economy }</summary>
                if *economy_open {
                    { for economy_inputs.iter().map(|input| slider(*input, None, None, None)) }
                    { interpretation_switches(&InterpretationSwitchesProps { plan: props.plan.clone(), scenario: props.scenario.clone(), lang, on_flag: props.on_flag.clone() }) }
                }
            </details>
            <details class="group group-shocks" open={*shocks_open} ontoggle={track_open(&shocks_open)}>
                <summary>{ strings.shocks_heading }{ format!("({})", scenario.shocks.len()) }</summary>
                if *shocks_open {
                    { shock_editor(&ShockEditorProps { plan: props.plan.clone(), scenario: props.scenario.clone(), lang, on_shock: props.on_shock.clone() }) }
                }
            </details>
            <details class="group group-uncertainty" open={*uncertainty_open} ontoggle={track_open(&uncertainty_open)}>
                <summary>{ strings.uncertainty }</summary>
                if *uncertainty_open {
                    { slider(Input::Correlation, None, None, None) }
                    { slider(Input::Runs, None, None, None) }
                    <div class="input-slider seed-row">
                        <label for="field-seed">{ strings.seed_label }</label>
                        <NumberField id="field-seed" label={strings.seed_label}
                            value={scenario.uncertainty.seed as f64} decimals={0}
                            min={0.0} max={9_007_199_254_740_991.0} {lang}
                            on_change={props.on_seed.reform(|seed: f64| seed as u64)}
                            testid="field-seed" />
                    </div>
                    <p class="subheading">{ strings.sigma_heading }</p>
                    { for (0..n_industries).map(|idx| slider(Input::Sigma(idx), None, None, None)) }
                }
            </details>
            <button type="button" class="reset" data-testid="reset-all" onclick={on_reset_all}>
                { strings.reset }
            </button>
        </section>
    }
}
