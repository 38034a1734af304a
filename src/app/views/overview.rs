use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::{ChartCanvas, ChartData, DataRow, DataTable};
use crate::chart::{
    emerging_share_pct, series_colour_css, CompositionSpec, EMERGING_PALETTE_IDX,
    TRADITIONAL_PALETTE_IDX,
};

use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::explain::summary;
use crate::model::{
    checkpoints, new_drivers_test, tally, years_without_target, Bands, GoalEvaluation, GoalKind,
    Plan, Scenario, Status,
};

#[derive(Properties, PartialEq)]
pub struct ScorecardProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub evaluations: Shared<Vec<GoalEvaluation>>,
    /// Monte Carlo results, when computed: adds the chance of meeting each goal.
    #[prop_or_default]
    pub bands: Option<Shared<Bands>>,
    pub lang: Lang,
}

/// Decimals for a goal's unit: shares and productivity need two.
fn decimals_for(value: f64) -> usize {
    if value.abs() >= 100.0 {
        1
    } else {
        2
    }
}

/// The status of a goal as a word with an icon (never colour alone).
pub fn status_html(status: Status, lang: Lang) -> Html {
    let (class, icon, word) = lang.status_parts(status);
    html! {
        <span class={classes!("status", class)}>
            <span aria-hidden="true">{ icon }</span>{ " " }{ word }
        </span>
    }
}

/// Every projected goal at every checkpoint: projected, goal, gap, status,
/// the growth needed and the first year reached.
#[function_component(Scorecard)]
pub fn scorecard(props: &ScorecardProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let plan = &*props.plan;
    let rows = props.evaluations.iter().map(|evaluation| {
        let Some(goal) = plan.goals.get(evaluation.goal_idx) else {
            return Html::default();
        };
        let decimals = decimals_for(evaluation.target);
        // An increment goal is judged on the level it implies: a share in %.
        let unit = if goal.kind == GoalKind::IncrementPerYear {
            strings.unit_share_pct
        } else {
            lang.pick(&goal.unit.zh, &goal.unit.en)
        };
        let gap_sign = if evaluation.gap_abs > 0.0 { "+" } else { "" };
        let probability = props
            .bands
            .as_ref()
            .and_then(|bands| bands.probability(&evaluation.goal_id, evaluation.year));
        html! {
            <tr data-testid={format!("score-{}-{}", evaluation.goal_id, evaluation.year)}
                data-status={format!("{:?}", evaluation.status).to_lowercase()}>
                <th scope="row">
                    { lang.pick(&goal.name.zh, &goal.name.en) }
                    if evaluation.interpretation {
                        <span class="interpretation">{ strings.interpretation_mark }</span>
                    }
                    <span class="unit-note">{ unit }</span>
                </th>
                <td data-label={strings.col_year}>{ evaluation.year }</td>
                <td class="num" data-col="projected" data-label={strings.col_projected}>{ lang.number(evaluation.projected, decimals) }</td>
                <td class="num" data-label={strings.col_target}>{ lang.number(evaluation.target, decimals) }</td>
                <td class="num" data-label={strings.col_gap}>{ format!("{gap_sign}{}", lang.number(evaluation.gap_abs, decimals)) }</td>
                <td class="num" data-label={strings.col_gap_pct}>{ format!("{gap_sign}{}%", lang.number(evaluation.gap_pct, 1)) }</td>
                <td data-label={strings.col_status}>
                    { status_html(evaluation.status, lang) }
                    if let Some(yearly) = evaluation.yearly {
                        <span class="yearly-check" data-testid={format!("yearly-{}-{}", evaluation.goal_id, evaluation.year)}>
                            { format!("{} {} ({})", strings.smallest_rise, lang.number(yearly.smallest, 2), yearly.smallest_year) }
                            if let Some(year) = yearly.first_short_year {
                                { format!(" · {} {year}", strings.short_in_year) }
                            }
                        </span>
                    }
                </td>
                <td class="num" data-label={strings.col_required}>{
                    if evaluation.met_at_base {
                        format!("0{} · {}", strings.unit_pct_per_year, strings.already_met)
                    } else {
                        evaluation.required_growth_pct
                            .map(|growth| format!("{}{}", lang.number(growth, 1), strings.unit_pct_per_year))
                            .unwrap_or_else(|| "—".into())
                    }
                }</td>
                <td data-label={strings.col_reached}>{
                    evaluation.first_year_reached
                        .map(|year| year.to_string())
                        .unwrap_or_else(|| strings.not_reached.into())
                }</td>
                if props.bands.is_some() {
                    <td class="num" data-label={strings.col_probability}>{
                        probability.map(|p| format!("{}%", lang.number(p * 100.0, 0))).unwrap_or_else(|| "—".into())
                    }</td>
                }
            </tr>
        }
    });
    let years = checkpoints(plan);
    let tallies = years.iter().map(|&year| {
        let (met, close, missed) = tally(&props.evaluations, year);
        let total = met + close + missed;
        html! {
            <div class="tally" data-testid={format!("tally-{year}")}
                data-met={met.to_string()} data-close={close.to_string()} data-missed={missed.to_string()}>
                <span class="tally-year">{ year }</span>
                <span class="tally-count">{ format!("{met}/{total}") }</span>
                <span class="tally-word">{ strings.status_met }</span>
                <span class="tally-detail">{ format!("{} {close} · {} {missed}", strings.status_close, strings.status_missed) }</span>
            </div>
        }
    });
    // Goals with no target in a checkpoint year: said once, not counted.
    let unscored = years.iter().filter_map(|&year| {
        let names: Vec<&str> = plan
            .goals
            .iter()
            .filter(|goal| years_without_target(plan, &props.scenario, goal).contains(&year))
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
            <p class="panel-note">{ lang.fill(plan, strings.scorecard_summary) }</p>
            <div class="tallies">{ for tallies }</div>
            <div class="table-scroll">
                <table class="score-table" data-testid="scorecard">
                    <thead>
                        <tr>
                            <th scope="col">{ strings.col_goal }</th>
                            <th scope="col">{ strings.col_year }</th>
                            <th scope="col">{ strings.col_projected }</th>
                            <th scope="col">{ strings.col_target }</th>
                            <th scope="col">{ strings.col_gap }</th>
                            <th scope="col">{ strings.col_gap_pct }</th>
                            <th scope="col">{ strings.col_status }</th>
                            <th scope="col">{ strings.col_required }</th>
                            <th scope="col">{ strings.col_reached }</th>
                            if props.bands.is_some() {
                                <th scope="col">{ strings.col_probability }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <ul class="unscored-list">{ for unscored }</ul>
            <details class="scoring-rules" data-testid="scoring-rules">
                <summary>{ strings.scoring_rules_heading }</summary>
                <ul>{ for strings.scoring_rules.iter().map(|rule| html! { <li>{ lang.fill(plan, rule) }</li> }) }</ul>
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct LeadTestProps {
    pub plan: Shared<Plan>,
    pub evaluations: Shared<Vec<GoalEvaluation>>,
    pub lang: Lang,
}

/// The 2028 "new drivers lead" test: passed or not, its criteria, and how
/// the app quantifies the plan's qualitative words.
#[function_component(LeadTest)]
pub fn lead_test(props: &LeadTestProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let plan = &*props.plan;
    let test = new_drivers_test(plan, &props.evaluations);
    let criteria = test.criteria.iter().filter_map(|idx| props.evaluations.get(*idx)).map(|evaluation| {
        let name = plan
            .goals
            .get(evaluation.goal_idx)
            .map(|goal| lang.pick(&goal.name.zh, &goal.name.en).to_string())
            .unwrap_or_default();
        let decimals = decimals_for(evaluation.target);
        html! {
            <li>
                { status_html(evaluation.status, lang) }{ " " }
                <strong>{ name }</strong>{ ":" }
                { format!(" {} {} / {} {}", strings.col_projected, lang.number(evaluation.projected, decimals), strings.col_target, lang.number(evaluation.target, decimals)) }
            </li>
        }
    });
    let aim = plan.goal(&plan.interpretation.goal);
    html! {
        <section class={classes!("panel", "lead-test", if test.met { "passed" } else { "failed" })}
            aria-labelledby="lead-heading" data-testid="lead-test" data-passed={test.met.to_string()}>
            <h2 id="lead-heading">
                { lang.fill(plan, strings.lead_heading) }{ ":" }
                <span class="lead-verdict">{ if test.met { strings.lead_passed } else { strings.lead_failed } }</span>
            </h2>
            if let Some(goal) = aim {
                <blockquote class="clause">{ format!("「{}」", goal.clause) }</blockquote>
            }
            <p class="panel-note">{ strings.lead_how }</p>
            <p class="interpretation-note">{ lang.pick(&plan.interpretation.note.zh, &plan.interpretation.note.en) }</p>
            <ul class="criteria">{ for criteria }</ul>
        </section>
    }
}

/// The composition chart described with its own first and last year.
fn composition_description(lang: Lang, spec: &CompositionSpec) -> String {
    let year = |year: Option<&u16>| year.map_or_else(String::new, u16::to_string);
    lang.strings()
        .composition_description
        .replace("{base}", &year(spec.years.first()))
        .replace("{end}", &year(spec.years.last()))
}

#[derive(Properties, PartialEq)]
pub struct CompositionPanelProps {
    pub spec: Rc<CompositionSpec>,
    pub lang: Lang,
}

/// Traditional against emerging revenue over time, with its legend and the
/// same numbers as a table.
#[function_component(CompositionPanel)]
pub fn composition_panel(props: &CompositionPanelProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let spec = &props.spec;
    let share = emerging_share_pct(&spec.traditional, &spec.emerging);
    let cells = |values: &[f64], decimals: usize| {
        values
            .iter()
            .map(|value| lang.number(*value, decimals))
            .collect()
    };
    let rows = vec![
        DataRow {
            label: strings.traditional.to_string(),
            cells: cells(&spec.traditional, 1),
        },
        DataRow {
            label: strings.emerging.to_string(),
            cells: cells(&spec.emerging, 1),
        },
        DataRow {
            label: strings.emerging_share_axis.to_string(),
            cells: cells(&share, 1),
        },
    ];
    html! {
        <section class="panel" aria-labelledby="composition-heading">
            <h2 id="composition-heading">{ strings.composition_heading }</h2>
            <ChartCanvas
                chart={ChartData::Composition(props.spec.clone())}
                description={composition_description(lang, spec)}
                testid="composition-canvas"
                export_name={Some(AttrValue::from("pathways-composition"))}
                {lang}
            />
            <ul class="chart-legend">
                <li>
                    <span class="legend-swatch" style={format!("background: {}", series_colour_css(TRADITIONAL_PALETTE_IDX))} />
                    { strings.traditional }
                </li>
                <li>
                    <span class="legend-swatch" style={format!("background: {}", series_colour_css(EMERGING_PALETTE_IDX))} />
                    { strings.emerging }
                </li>
            </ul>
            <DataTable
                summary={strings.chart_table_summary}
                first_column={strings.table_series}
                years={Rc::new(spec.years.clone())}
                rows={Rc::new(rows)}
                testid="composition-table"
            />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryPanelProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub defaults: Shared<Scenario>,
    pub evaluations: Shared<Vec<GoalEvaluation>>,
    #[prop_or_default]
    pub bands: Option<Shared<Bands>>,
    pub lang: Lang,
}

/// The scenario in words, regenerated from the evaluation on every change.
#[function_component(SummaryPanel)]
pub fn summary_panel(props: &SummaryPanelProps) -> Html {
    let lang = props.lang;
    let paragraphs = {
        let (plan, scenario, defaults) = (
            props.plan.clone(),
            props.scenario.clone(),
            props.defaults.clone(),
        );
        use_memo(
            (props.evaluations.clone(), props.bands.clone(), lang),
            move |(evaluations, bands, lang)| {
                summary(
                    &plan,
                    &scenario,
                    &defaults,
                    evaluations,
                    bands.as_deref(),
                    *lang == Lang::Zh,
                )
            },
        )
    };
    html! {
        <section class="panel summary" aria-labelledby="summary-heading" data-testid="summary">
            <h2 id="summary-heading">{ lang.strings().summary_heading }</h2>
            { for paragraphs.iter().map(|paragraph| html! { <p>{ paragraph.clone() }</p> }) }
        </section>
    }
}
