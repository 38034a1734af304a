//! The solve action and its preview: what would it take to meet every
//! goal? The solve runs in `model::solve`; this view only asks and shows.
//! Nothing changes until Apply, which is one undo step.

use yew::prelude::*;

use crate::app::i18n::Lang;
use crate::app::inputs::Input;
use crate::app::shared::Shared;
use crate::model::{
    evaluate, project, solve, Binding, GoalEvaluation, Plan, Scenario, Solution, SolveError,
    SolveOptions,
};

#[derive(Properties, PartialEq)]
pub struct SolvePanelProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub lang: Lang,
    /// The inputs the planner locked.
    pub locked: Shared<Vec<Input>>,
    /// Applies a solved scenario (one undo step).
    pub on_apply: Callback<Scenario>,
}

/// A solve and what it was run for.
#[derive(Clone, PartialEq)]
struct Outcome {
    /// The scenario the solve started from: the preview shows only while
    /// it is still the current one.
    start: Shared<Scenario>,
    result: Result<Solution, SolveError>,
    elapsed_ms: f64,
    years: Vec<u16>,
}

fn decimals_for(value: f64) -> usize {
    match value.abs() {
        size if size >= 100.0 => 0,
        size if size >= 10.0 => 1,
        _ => 2,
    }
}

#[function_component(SolvePanel)]
pub fn solve_panel(props: &SolvePanelProps) -> Html {
    let lang = props.lang;
    let strings = lang.solve_strings();
    let plan = &*props.plan;
    let with_test = use_state(|| false);
    let allow_upgrading = use_state(|| true);
    let outcome = use_state(|| None::<Outcome>);

    let on_solve = {
        let plan = props.plan.clone();
        let scenario = props.scenario.clone();
        let locked = props.locked.clone();
        let outcome = outcome.clone();
        let with_test = *with_test;
        let allow_upgrading = *allow_upgrading;
        Callback::from(move |_: MouseEvent| {
            let mut locked: Vec<Input> = (*locked).clone();
            if !allow_upgrading {
                locked.extend((0..plan.industries.len()).map(Input::HighTechUpgrade));
            }
            let options = SolveOptions {
                locked,
                with_interpretation: with_test,
            };
            let began = crate::web::now_ms();
            let result = solve(&plan, &scenario, &options);
            let elapsed_ms = crate::web::now_ms() - began;
            let mut years = vec![plan.milestone_year()];
            if with_test && plan.interpretation.year != plan.milestone_year() {
                years.push(plan.interpretation.year);
            }
            outcome.set(Some(Outcome {
                start: scenario.clone(),
                result,
                elapsed_ms,
                years,
            }));
        })
    };
    let on_cancel = {
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| outcome.set(None))
    };
    let toggle = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |_: Event| state.set(!*state))
    };

    let preview = (*outcome)
        .as_ref()
        .filter(|outcome| outcome.start == props.scenario)
        .map(|outcome| match &outcome.result {
            Err(error) => {
                let message = match error {
                    SolveError::InvalidScenario(_) => strings.invalid,
                    SolveError::NoGoals => strings.no_goals,
                    SolveError::NothingToMove => strings.nothing_to_move,
                };
                html! {
                    <div class="solve-preview" role="alert" data-testid="solve-error">
                        <p>{ message }</p>
                        <button type="button" data-testid="solve-cancel" onclick={on_cancel.clone()}>
                            { strings.cancel }
                        </button>
                    </div>
                }
            }
            Ok(solution) => preview(props, outcome, solution, on_cancel.clone()),
        });

    html! {
        <section class="solve" aria-labelledby="solve-heading" data-testid="solve-panel">
            <h3 id="solve-heading">{ strings.heading }</h3>
            <p class="panel-note">{ lang.fill(plan, strings.intro) }</p>
            <label class="switch-row">
                <input type="checkbox" data-testid="solve-with-test"
                    checked={*with_test} onchange={toggle(&with_test)} />
                { lang.fill(plan, strings.with_test) }
            </label>
            <label class="switch-row">
                <input type="checkbox" data-testid="solve-allow-upgrading"
                    checked={*allow_upgrading} onchange={toggle(&allow_upgrading)} />
                { strings.allow_upgrading }
            </label>
            <button type="button" class="primary" data-testid="solve" onclick={on_solve}>
                { strings.button }
            </button>
            { for preview }
        </section>
    }
}

fn preview(
    props: &SolvePanelProps,
    outcome: &Outcome,
    solution: &Solution,
    on_cancel: Callback<MouseEvent>,
) -> Html {
    let lang = props.lang;
    let strings = lang.solve_strings();
    let plan = &*props.plan;
    let zh = lang == Lang::Zh;
    let goal_name = |goal_id: &str| {
        plan.goals
            .iter()
            .find(|goal| goal.id == goal_id)
            .map_or_else(
                || goal_id.to_string(),
                |goal| lang.pick(&goal.name.zh, &goal.name.en).to_string(),
            )
    };
    let value_text = |input: Input, value: f64| {
        let unit = lang.unit(input.unit());
        format!("{} {unit}", lang.number(value, input.decimals()))
            .trim_end()
            .to_string()
    };
    let bracketed = |what: &str, why: &str| {
        if zh {
            format!("{what}({why})")
        } else {
            format!("{what} ({why})")
        }
    };
    let status = if !solution.feasible {
        let conflicts: Vec<String> = solution
            .unmet
            .iter()
            .map(|shortfall| {
                let percent = lang.number(shortfall.shortfall * 100.0, 1);
                if zh {
                    format!(
                        "{}({}年差 {percent}%)",
                        goal_name(&shortfall.goal_id),
                        shortfall.year
                    )
                } else {
                    format!(
                        "{} ({}, {percent} % short)",
                        goal_name(&shortfall.goal_id),
                        shortfall.year
                    )
                }
            })
            .collect();
        let binding: Vec<String> = solution
            .binding
            .iter()
            .map(|binding| match binding {
                Binding::Locked(input) => {
                    bracketed(&lang.input_label(*input, plan), strings.locked_word)
                }
                Binding::Bound { field, upper } => bracketed(
                    &lang.input_label(*field, plan),
                    if *upper {
                        strings.bound_upper
                    } else {
                        strings.bound_lower
                    },
                ),
            })
            .collect();
        let separator = if zh { "、" } else { "; " };
        html! {
            <div class="solve-status solve-infeasible" role="status" data-testid="solve-infeasible">
                <p>{ strings.infeasible }</p>
                <p>{ strings.conflicts }<span data-testid="solve-conflicts">{ conflicts.join(separator) }</span></p>
                if !binding.is_empty() {
                    <p>{ strings.binds }<span data-testid="solve-binding">{ binding.join(separator) }</span></p>
                }
            </div>
        }
    } else if solution.moves.is_empty() {
        html! { <p class="solve-status" role="status" data-testid="solve-feasible">{ strings.already_met }</p> }
    } else {
        let text = strings
            .feasible
            .replace("{n}", &solution.moves.len().to_string())
            .replace("{d}", &lang.number(solution.distance, 2));
        html! { <p class="solve-status" role="status" data-testid="solve-feasible">{ text }</p> }
    };
    let moves = solution.moves.iter().map(|entry| {
        html! {
            <tr data-testid={format!("solve-move-{}", entry.field.id(plan))}>
                <th scope="row">{ lang.input_label(entry.field, plan) }</th>
                <td>{ value_text(entry.field, entry.from) }</td>
                <td>{ value_text(entry.field, entry.to) }</td>
            </tr>
        }
    });
    let scored = |scenario: &Scenario| -> Vec<GoalEvaluation> {
        evaluate(plan, scenario, &project(plan, scenario))
            .into_iter()
            .filter(|evaluation| outcome.years.contains(&evaluation.year))
            .collect()
    };
    let now = scored(&outcome.start);
    let after = scored(&solution.scenario);
    let status_cell = |evaluation: Option<&GoalEvaluation>| match evaluation {
        Some(evaluation) => {
            let (class, icon, word) = lang.status_parts(evaluation.status);
            html! {
                <td class={class}>
                    { lang.number(evaluation.projected, decimals_for(evaluation.projected)) }
                    { " " }<span aria-hidden="true">{ icon }</span>{ " " }{ word }
                </td>
            }
        }
        None => html! { <td>{ "—" }</td> },
    };
    let rows = now.iter().map(|current| {
        let solved = after
            .iter()
            .find(|other| other.goal_idx == current.goal_idx && other.year == current.year);
        html! {
            <tr data-testid={format!("solve-score-{}-{}", current.goal_id, current.year)}>
                <th scope="row">{ goal_name(&current.goal_id) }</th>
                <td>{ current.year }</td>
                <td>{ lang.number(current.target, decimals_for(current.target)) }</td>
                { status_cell(Some(current)) }
                { status_cell(solved) }
            </tr>
        }
    });
    let on_apply = {
        let on_apply = props.on_apply.clone();
        let scenario = solution.scenario.clone();
        Callback::from(move |_: MouseEvent| on_apply.emit(scenario.clone()))
    };
    let took = strings
        .took
        .replace("{ms}", &lang.number(outcome.elapsed_ms, 1));
    html! {
        <div class="solve-preview" data-testid="solve-preview" aria-labelledby="solve-preview-heading">
            <h4 id="solve-preview-heading">{ strings.preview_heading }</h4>
            { status }
            <p class="panel-note" data-testid="solve-time">{ took }</p>
            if !solution.moves.is_empty() {
                <div class="table-scroll">
                    <table class="data-table solve-moves" data-testid="solve-moves">
                        <caption>{ strings.moves_caption }</caption>
                        <thead><tr>
                            <th scope="col">{ strings.col_input }</th>
                            <th scope="col">{ strings.col_from }</th>
                            <th scope="col">{ strings.col_to }</th>
                        </tr></thead>
                        <tbody>{ for moves }</tbody>
                    </table>
                </div>
            }
            <div class="table-scroll">
                <table class="data-table solve-scorecard" data-testid="solve-scorecard">
                    <caption>{ strings.scorecard_caption }</caption>
                    <thead><tr>
                        <th scope="col">{ strings.col_goal }</th>
                        <th scope="col">{ strings.col_year }</th>
                        <th scope="col">{ strings.col_target }</th>
                        <th scope="col">{ strings.col_current }</th>
                        <th scope="col">{ strings.col_solved }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="panel-note">{ strings.weights }</p>
            <div class="solve-actions">
                <button type="button" class="primary" data-testid="solve-apply"
                    disabled={solution.moves.is_empty()} onclick={on_apply}>
                    { strings.apply }
                </button>
                <button type="button" data-testid="solve-cancel" onclick={on_cancel}>
                    { strings.cancel }
                </button>
            </div>
        </div>
    }
}
