//! The answer first: the headline strip (goals met, close and missed in each
//! checkpoint year, and the lead test) and the scorecard, one row per goal
//! with its checkpoint years side by side, grouped economy-wide, industries,
//! the long-term aim.

use crate::app::components::class_list;
use yew::prelude::*;

use crate::app::i18n::Lang;
use crate::chart::GoalMarker;
use crate::model::{
    checkpoints, new_drivers_test, tally, years_without_target, Bands, GoalEvaluation, GoalKind,
    Plan, Scenario, SeriesId, Status,
};

/// The status of a goal as a word with an icon (never colour alone).
pub fn status_html(status: Status, lang: Lang) -> Html {
    let (class, icon, word) = lang.status_parts(status);
    html! {
        <span class={class_list(&["status", class])}>
            <span aria-hidden="true">{ icon }</span>{ " " }{ word }
        </span>
    }
}

/// Decimals for a goal's values: shares and productivity need two.
pub fn goal_decimals(value: f64) -> usize {
    if value.abs() >= 100.0 {
        1
    } else {
        2
    }
}

/// A goal's diamond on a chart, labelled with its value ("目标 1000"):
/// no decimals from 100 up (a revenue goal in 亿元), else as in the tables.
pub fn goal_marker(evaluation: &GoalEvaluation, lang: Lang) -> GoalMarker {
    let target = evaluation.target;
    let decimals = if target.abs() >= 100.0 {
        0
    } else {
        goal_decimals(target)
    };
    GoalMarker {
        year: evaluation.year,
        value: target,
        label: format!(
            "{} {}",
            lang.strings().goal_marker,
            lang.number(target, decimals)
        ),
    }
}

/// A plain function, not a component: it has no state, and what it shows
/// changes with every input anyway.
pub fn headline(plan: &Plan, evaluations: &[GoalEvaluation], lang: Lang) -> Html {
    let words = lang.overview_strings();
    let years = checkpoints(plan).into_iter().map(|year| {
        let (met, close, missed) = tally(evaluations, year);
        html! {
            <div class="headline-year" data-testid={format!("tally-{year}")}
                data-met={met.to_string()} data-close={close.to_string()} data-missed={missed.to_string()}>
                <span class="headline-label">{ words.year_goals.replace("{year}", &year.to_string()) }</span>
                <span class="headline-counts">
                    { for [(Status::Met, met), (Status::Close, close), (Status::Missed, missed)].into_iter().map(|(status, count)| {
                        let (class, icon, word) = lang.status_parts(status);
                        html! {
                            <span class={class_list(&["count", class])}><strong>{ count }</strong>{ " " }<span aria-hidden="true">{ icon }</span>{ word }</span>
                        }
                    }) }
                </span>
            </div>
        }
    });
    let test = new_drivers_test(plan, evaluations);
    let ratio = evaluations.iter().find(|evaluation| {
        evaluation.series == SeriesId::LeadRatio && evaluation.year == plan.interpretation.year
    });
    let strings = lang.strings();
    html! {
        <section class="headline" aria-label={words.headline_label} data-testid="headline">
            { for years }
            <div class={class_list(&["headline-lead", if test.met { "passed" } else { "failed" }])}
                data-testid="headline-lead" data-passed={test.met.to_string()}>
                <span class="headline-label">{ lang.fill(plan, words.lead_label) }</span>
                <span class="headline-verdict">
                    <span aria-hidden="true">{ if test.met { "✓ " } else { "✗ " } }</span>
                    { if test.met { strings.lead_passed } else { strings.lead_failed } }
                </span>
                if let Some(ratio) = ratio {
                    <span class="headline-detail">
                        { format!("{} {} / {}", words.lead_ratio, lang.number(ratio.projected, 2), lang.number(ratio.target, 2)) }
                    </span>
                }
            </div>
        </section>
    }
}

/// The group a goal's row is shown in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Economy,
    Industries,
    Aim,
}

impl Group {
    fn of(series: SeriesId) -> Group {
        match series {
            SeriesId::Industry(_) => Group::Industries,
            SeriesId::LeadRatio => Group::Aim,
            _ => Group::Economy,
        }
    }
}

/// Every projected goal, one row each, its checkpoint years side by side:
/// projected against goal, status, the chance of meeting it (with the
/// bands), the growth it needs and the first year it is reached.
/// A plain function, not a component (see [`headline`]). `bands`, the
/// Monte Carlo results when computed, add the chance of meeting each goal.
pub fn scorecard(
    plan: &Plan,
    scenario: &Scenario,
    evaluations: &[GoalEvaluation],
    bands: Option<&Bands>,
    lang: Lang,
) -> Html {
    let strings = lang.strings();
    let words = lang.overview_strings();
    let years = checkpoints(plan);
    // Goals in plan order, each once, with its evaluations.
    let mut goals: Vec<usize> = Vec::new();
    for evaluation in evaluations {
        if !goals.contains(&evaluation.goal_idx) {
            goals.push(evaluation.goal_idx);
        }
    }
    let row = |goal_idx: usize| -> Html {
        let Some(goal) = plan.goals.get(goal_idx) else {
            return Html::default();
        };
        let evaluations: Vec<&GoalEvaluation> = evaluations
            .iter()
            .filter(|evaluation| evaluation.goal_idx == goal_idx)
            .collect();
        // An increment goal is judged on the level it implies: a share in %.
        let unit = if goal.kind == GoalKind::IncrementPerYear {
            strings.unit_share_pct
        } else {
            lang.pick(&goal.unit.zh, &goal.unit.en)
        };
        let interpretation = evaluations
            .iter()
            .any(|evaluation| evaluation.interpretation);
        let cells = years.iter().map(|&year| {
            let Some(evaluation) = evaluations.iter().find(|evaluation| evaluation.year == year) else {
                return html! {
                    <td class="score-year not-scored" data-label={year.to_string()}>
                        <span aria-hidden="true">{ "—" }</span>
                        <span class="visually-hidden">{ words.not_scored }</span>
                    </td>
                };
            };
            let decimals = goal_decimals(evaluation.target);
            let probability =
                bands.and_then(|bands| bands.probability(&evaluation.goal_id, evaluation.year));
            html! {
                <td class="score-year" data-label={year.to_string()}
                    data-testid={format!("score-{}-{}", evaluation.goal_id, evaluation.year)}
                    data-status={status_id(evaluation.status)}>
                    { status_html(evaluation.status, lang) }
                    <span class="score-values">
                        <span data-col="projected">{ format!("{} {}", words.projected_short, lang.number(evaluation.projected, decimals)) }</span>
                        { " / " }
                        <span>{ format!("{} {}", words.target_short, lang.number(evaluation.target, decimals)) }</span>
                        <span class="score-gap">{ format!(" ({}%)", lang.signed_number(evaluation.gap_pct, 1)) }</span>
                    </span>
                    if let Some(yearly) = evaluation.yearly {
                        <span class="yearly-check" data-testid={format!("yearly-{}-{}", evaluation.goal_id, evaluation.year)}>
                            { format!("{} {} ({})", strings.smallest_rise, lang.number(yearly.smallest, 2), yearly.smallest_year) }
                            if let Some(year) = yearly.first_short_year {
                                { format!(" · {} {year}", strings.short_in_year) }
                            }
                        </span>
                    }
                    if let Some(probability) = probability {
                        <span class="score-probability" data-testid={format!("probability-{}-{}", evaluation.goal_id, evaluation.year)}>
                            { format!("{} {}%", words.probability_short, lang.number(probability * 100.0, 0)) }
                        </span>
                    }
                </td>
            }
        });
        // The growth needed and the first year reached, from the goal's
        // earliest judged year (its deadline).
        let first = evaluations.first();
        let required = first.map_or_else(
            || "—".to_string(),
            |evaluation| {
                if evaluation.met_at_base {
                    format!("0{} · {}", strings.unit_pct_per_year, strings.already_met)
                } else {
                    evaluation
                        .required_growth_pct
                        .map(|growth| {
                            format!("{}{}", lang.number(growth, 1), strings.unit_pct_per_year)
                        })
                        .unwrap_or_else(|| "—".into())
                }
            },
        );
        let reached = evaluations
            .iter()
            .find_map(|evaluation| evaluation.first_year_reached)
            .map_or_else(|| strings.not_reached.to_string(), |year| year.to_string());
        html! {
            <tr data-testid={format!("scorecard-row-{}", goal.id)}>
                <th scope="row">
                    { lang.pick(&goal.name.zh, &goal.name.en) }
                    if interpretation {
                        <span class="interpretation">{ strings.interpretation_mark }</span>
                    }
                    <span class="unit-note">{ unit }</span>
                </th>
                { for cells }
                <td class="num score-extra" data-label={strings.col_required}>{ required }</td>
                <td class="score-extra" data-label={strings.col_reached}>{ reached }</td>
            </tr>
        }
    };
    let n_columns = years.len() + 3;
    let groups = [
        (Group::Economy, words.group_economy),
        (Group::Industries, words.group_industries),
        (Group::Aim, words.group_aim),
    ]
    .into_iter()
    .filter_map(|(group, label)| {
        let in_group: Vec<usize> = goals
            .iter()
            .copied()
            .filter(|&goal_idx| {
                evaluations
                    .iter()
                    .find(|evaluation| evaluation.goal_idx == goal_idx)
                    .is_some_and(|evaluation| Group::of(evaluation.series) == group)
            })
            .collect();
        (!in_group.is_empty()).then(|| {
            html! {
                <tbody>
                    <tr class="group-row"><th scope="colgroup" colspan={n_columns.to_string()}>{ label }</th></tr>
                    { for in_group.into_iter().map(row) }
                </tbody>
            }
        })
    });
    // Goals with no target in a checkpoint year: said once, not counted.
    let unscored = years.iter().filter_map(|&year| {
        let names: Vec<&str> = plan
            .goals
            .iter()
            .filter(|goal| years_without_target(plan, scenario, goal).contains(&year))
            .map(|goal| lang.pick(&goal.name.zh, &goal.name.en))
            .collect();
        (!names.is_empty()).then(|| html! {
            <li data-testid={format!("unscored-{year}")}>
                <strong>{ year }</strong>{ " " }{ strings.no_target_note }{ " " }{ names.join(lang.pick("、", ", ")) }
            </li>
        })
    });
    html! {
        <section class="panel scorecard" aria-labelledby="scorecard-heading">
            <h2 id="scorecard-heading">{ strings.scorecard_heading }</h2>
            <div class="table-scroll" tabindex="0">
                <table class="score-table" data-testid="scorecard">
                    <thead>
                        <tr>
                            <th scope="col">{ strings.col_goal }</th>
                            { for years.iter().map(|year| html! { <th scope="col" class="score-year">{ year }</th> }) }
                            <th scope="col" class="score-extra">{ strings.col_required }</th>
                            <th scope="col" class="score-extra">{ strings.col_reached }</th>
                        </tr>
                    </thead>
                    { for groups }
                </table>
            </div>
            <ul class="unscored-list">{ for unscored }</ul>
            <details class="scoring-rules" data-testid="scoring-rules">
                <summary>{ strings.scoring_rules_heading }</summary>
                <p class="panel-note">{ lang.fill(plan, strings.scorecard_summary) }</p>
                <ul>{ for strings.scoring_rules.iter().map(|rule| html! { <li>{ lang.fill(plan, rule) }</li> }) }</ul>
            </details>
        </section>
    }
}

/// A status as the `data-status` attribute names it.
fn status_id(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::MetInTotal => "metintotal",
        Status::Close => "close",
        Status::Missed => "missed",
    }
}
