//! Data and sources: every base value and link parameter with its
//! provenance (editable here), the other assumptions, the published actuals
//! with their sources, and the plan itself.

use crate::app::components::class_list;
use yew::prelude::*;

use crate::app::components::{provenance_badge, NumberField};
use crate::app::i18n::{Lang, SourcesStrings};
use crate::app::inputs::{Input, Unit};
use crate::app::shared::Shared;
use crate::model::{
    default_gdp_fit, project, Group, Measure, Plan, Provenance, PublishedFigure, Scenario, SeriesId,
};

#[derive(Properties, PartialEq)]
pub struct DataSourcesProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub defaults: Shared<Scenario>,
    pub lang: Lang,
    pub on_set: Callback<(Input, f64)>,
    pub on_reset: Callback<Input>,
    /// The input whose last value was refused, and why.
    #[prop_or_default]
    pub refusal: Option<(Input, AttrValue)>,
}

/// The economy-wide base values, in the order the view lists them.
const ECONOMY_BASES: [Input; 5] = [
    Input::GdpBase,
    Input::ProductivityBase,
    Input::SeiShareBase,
    Input::HighTechShareBase,
    Input::RdShareBase,
];

/// The editable inputs of one industry: its base value and its links.
fn industry_inputs(industry_idx: usize) -> [Input; 6] {
    [
        Input::IndustryBase(industry_idx),
        Input::ValueAddedRatio(industry_idx),
        Input::IndustrialFraction(industry_idx),
        Input::HighTechFraction(industry_idx),
        Input::HighTechUpgrade(industry_idx),
        Input::SeiFraction(industry_idx),
    ]
}

/// Every editable input of this view.
fn editable_inputs(plan: &Plan) -> Vec<Input> {
    let mut inputs = ECONOMY_BASES.to_vec();
    inputs.extend((0..plan.industries.len()).flat_map(industry_inputs));
    inputs
}

/// The assumptions edited in the assumptions panel, listed here read-only
/// with their provenance (a second field would duplicate the panel's ids);
/// the growth uncertainty per industry follows under its own heading.
const OTHER_INPUTS: [Input; 5] = [
    Input::RestOfEconomyGrowth(0),
    Input::RestOfEconomyGrowth(1),
    Input::EmploymentGrowth,
    Input::RdIntensityChange,
    Input::Correlation,
];

/// Every base value and link parameter with its provenance and an exact
/// field, the published actuals, and the plan's own details.
/// A plain function of its props: it holds no state and shows the scenario,
/// which changes with every input.
pub fn data_sources(props: &DataSourcesProps) -> Html {
    let lang = props.lang;
    let strings = lang.sources_strings();
    let core = lang.strings();
    let plan = &*props.plan;

    let editable = editable_inputs(plan);
    let n_assumptions = editable
        .iter()
        .filter(|input| matches!(input.provenance(plan), Some(Provenance::Assumption { .. })))
        .count();
    let assumption_count = strings
        .assumption_count
        .replace("{a}", &n_assumptions.to_string())
        .replace("{n}", &editable.len().to_string());

    let legend = [
        (
            Provenance::Plan {
                clause: String::new(),
            },
            core.badge_plan_help,
        ),
        (
            Provenance::Published {
                source: String::new(),
                quote: String::new(),
                secondary: false,
            },
            core.badge_published_help,
        ),
        (
            Provenance::Assumption {
                rationale: crate::model::Text {
                    zh: String::new(),
                    en: String::new(),
                },
            },
            core.badge_assumption_help,
        ),
    ]
    .into_iter()
    .map(|(provenance, help)| {
        html! {
            <li>
                { provenance_badge(&provenance, lang, false) }
                <span>{ help }</span>
            </li>
        }
    });

    let economy_rows = ECONOMY_BASES
        .iter()
        .map(|input| editable_row(props, *input, lang.input_label(*input, plan), None));
    let short_base = lang.fill(plan, strings.short_base);
    let industry_blocks = plan
        .industries
        .iter()
        .enumerate()
        .map(|(industry_idx, industry)| {
            let name = lang.pick(&industry.name.zh, &industry.name.en);
            let group = match industry.group {
                Group::Traditional => core.traditional,
                Group::Emerging => core.emerging,
            };
            let rows = industry_inputs(industry_idx).into_iter().map(|input| {
                let (short, hint) = match input {
                    Input::IndustryBase(_) => (short_base.as_str(), None),
                    Input::ValueAddedRatio(_) => (strings.short_va, Some(strings.hint_va)),
                    Input::IndustrialFraction(_) => {
                        (strings.short_industrial, Some(strings.hint_industrial))
                    }
                    Input::HighTechUpgrade(_) => {
                        (strings.short_upgrade, Some(strings.hint_upgrade))
                    }
                    Input::SeiFraction(_) => (strings.short_sei, Some(strings.hint_sei)),
                    _ => (strings.short_high_tech, Some(strings.hint_high_tech)),
                };
                editable_row(props, input, short.to_string(), hint)
            });
            let group_class = match industry.group {
                Group::Traditional => "source-group-traditional",
                Group::Emerging => "source-group-emerging",
            };
            html! {
                <section class={class_list(&["source-block", group_class])}
                    data-testid={format!("sources-industry-{}", industry.id)}
                    aria-label={name.to_string()}>
                    <h4>{ name }<span class="source-group">{ group }</span></h4>
                    <ul class="source-rows">{ for rows }</ul>
                </section>
            }
        });
    let other_rows = OTHER_INPUTS.iter().map(|input| readonly_row(props, *input));
    let sigma_rows = (0..plan.industries.len()).map(|idx| readonly_row(props, Input::Sigma(idx)));

    let tolerance = lang.number(plan.evaluation.close_tolerance_pct, 0);
    let close_rationale = &plan.evaluation.rationale;
    let currency_note = &plan.currency_note;

    html! {
        <section class="panel sources-view" aria-labelledby="sources-heading" data-testid="view-sources">
            <h2 id="sources-heading">{ strings.heading }</h2>
            <p class="sources-intro">{ strings.intro }</p>
            <p class="sources-intro sources-emphasis">{ lang.fill(plan, strings.targets_not_baselines) }</p>
            <ul class="provenance-legend" aria-label={strings.legend_label}>{ for legend }</ul>

            <section class="source-section" aria-labelledby="sources-plan-heading">
                <h3 id="sources-plan-heading">{ strings.plan_heading }</h3>
                <dl class="plan-facts" data-testid="sources-plan">
                    <div>
                        <dt>{ strings.field_title }</dt>
                        <dd>
                            <cite lang="zh-CN">{ format!("《{}》", plan.title.zh) }</cite>
                            if lang == Lang::En {
                                <span class="plan-title-en">{ format!(" ({})", plan.title.en) }</span>
                            }
                        </dd>
                    </div>
                    <div>
                        <dt>{ strings.field_published_on }</dt>
                        <dd><time datetime={plan.published_on.clone()}>{ plan.published_on.clone() }</time></dd>
                    </div>
                    <div>
                        <dt>{ strings.field_money }</dt>
                        <dd>{ lang.pick(&currency_note.zh, &currency_note.en) }</dd>
                    </div>
                    <div>
                        <dt>{ strings.field_close.replace("{p}", &tolerance) }</dt>
                        <dd>{ lang.pick(&close_rationale.zh, &close_rationale.en) }</dd>
                    </div>
                </dl>
            </section>

            <section class="source-section" aria-labelledby="sources-baselines-heading">
                <h3 id="sources-baselines-heading">{ lang.fill(plan, strings.baselines_heading) }</h3>
                <p class="panel-note">
                    { strings.baselines_note }{ " " }
                    <strong data-testid="sources-assumption-count">{ assumption_count }</strong>
                </p>
                <section class="source-block" data-testid="sources-economy" aria-label={strings.economy_heading}>
                    <h4>{ strings.economy_heading }</h4>
                    <ul class="source-rows">{ for economy_rows }</ul>
                </section>
                { for industry_blocks }
            </section>

            <section class="source-section" aria-labelledby="sources-other-heading">
                <h3 id="sources-other-heading">{ strings.other_heading }</h3>
                <p class="panel-note">{ strings.other_note }</p>
                <ul class="source-rows">{ for other_rows }</ul>
                <section class="source-block" data-testid="sources-sigma" aria-label={core.sigma_heading}>
                    <h4>{ core.sigma_heading }</h4>
                    <ul class="source-rows">{ for sigma_rows }</ul>
                </section>
            </section>

            <section class="source-section" aria-labelledby="sources-fit-heading" data-testid="sources-fit">
                <h3 id="sources-fit-heading">{ strings.fit_heading }</h3>
                { fit_table(plan, &props.scenario, lang) }
            </section>

            <section class="source-section" aria-labelledby="sources-published-heading">
                <h3 id="sources-published-heading">{ strings.published_heading }</h3>
                <p class="panel-note">{ strings.published_note }</p>
                { published_table(plan, lang) }
            </section>
        </section>
    }
}

/// The GDP fit: what was fitted, to what, the residuals, and how far the
/// current scenario is from each published point.
/// How the GDP fit works, with the published figures it leaves out (those
/// of the base year and before) named.
fn fit_note(plan: &Plan, lang: Lang) -> String {
    let early: Vec<String> = plan
        .published_for("gdp")
        .filter(|figure| figure.year <= plan.base_year())
        .map(|figure| {
            let value = lang.number(figure.value, 1);
            match lang {
                Lang::Zh => format!("{}年的{value}亿元", figure.year),
                Lang::En => format!("the {} figure ({value})", figure.year),
            }
        })
        .collect();
    let early = match (lang, early.is_empty()) {
        (_, true) => String::new(),
        (Lang::Zh, false) => format!(";{}早于基年,不参与拟合", early.join("、")),
        (Lang::En, false) => format!(
            "; {} {} before the base year and left out",
            early.join(", "),
            if early.len() == 1 { "is" } else { "are" }
        ),
    };
    lang.fill(plan, lang.sources_strings().fit_note)
        .replace("{early}", &early)
}

fn fit_table(plan: &Plan, scenario: &Scenario, lang: Lang) -> Html {
    let strings = lang.sources_strings();
    let Some(fit) = default_gdp_fit(plan) else {
        return html! { <p class="panel-note">{ strings.fit_none }</p> };
    };
    let current = project(plan, scenario);
    let signed = |value: f64| format!("{}%", lang.signed_number(value, 2));
    let points = fit.points.iter().map(|point| {
        let now = current.value(SeriesId::Gdp, point.year);
        html! {
            <tr data-testid={format!("fit-point-{}", point.year)}>
                <th scope="row">{ point.year }</th>
                <td class="num">{ lang.number(point.published, 1) }</td>
                <td class="num">{ lang.number(point.fitted, 1) }</td>
                <td class="num" data-testid={format!("fit-residual-{}", point.year)}>{ signed(point.residual_pct) }</td>
                <td class="num">{ now.map_or_else(|| "—".to_string(), |value| lang.number(value, 1)) }</td>
                <td class="num" data-testid={format!("fit-deviation-{}", point.year)}>{
                    now.map_or_else(|| "—".to_string(), |value| signed((value - point.published) / point.published * 100.0))
                }</td>
            </tr>
        }
    });
    html! {
        <>
            <p class="panel-note">{ fit_note(plan, lang) }</p>
            <div class="table-scroll" tabindex="0">
                <table class="published-table" data-testid="fit-parameters">
                    <thead><tr>
                        <th scope="col">{ strings.fit_parameter }</th>
                        <th scope="col">{ strings.fit_prior }</th>
                        <th scope="col">{ strings.fit_fitted }</th>
                    </tr></thead>
                    <tbody>
                        <tr>
                            <th scope="row">{ strings.fit_gdp_base }</th>
                            <td class="num">{ lang.number(fit.prior_gdp_base_yi_yuan, 1) }</td>
                            <td class="num" data-testid="fit-gdp-base">{ lang.number(fit.gdp_base_yi_yuan, 1) }</td>
                        </tr>
                        <tr>
                            <th scope="row">{ lang.fill(plan, strings.fit_rest_growth) }</th>
                            <td class="num">{ lang.number(fit.prior_rest_growth_pct, 2) }</td>
                            <td class="num" data-testid="fit-rest-growth">{ lang.number(fit.rest_growth_pct, 2) }</td>
                        </tr>
                    </tbody>
                </table>
                <table class="published-table" data-testid="fit-points">
                    <thead><tr>
                        <th scope="col">{ strings.col_year }</th>
                        <th scope="col">{ strings.fit_col_published }</th>
                        <th scope="col">{ strings.fit_col_fitted }</th>
                        <th scope="col">{ strings.fit_col_residual }</th>
                        <th scope="col">{ strings.fit_col_current }</th>
                        <th scope="col">{ strings.fit_col_deviation }</th>
                    </tr></thead>
                    <tbody>{ for points }</tbody>
                </table>
            </div>
        </>
    }
}

/// The unit an input is shown in here; an industry's base value carries the
/// industry's own unit (vegetables: output value).
fn row_unit(plan: &Plan, lang: Lang, input: Input) -> String {
    match input {
        Input::IndustryBase(idx) => match plan.industries.get(idx) {
            Some(industry) if industry.measure == Measure::OutputValue => format!(
                "{}{}",
                lang.unit(Unit::YiYuan),
                lang.sources_strings().output_value_suffix
            ),
            _ => lang.unit(Unit::YiYuan).to_string(),
        },
        other => lang.unit(other.unit()).to_string(),
    }
}

/// One editable value: label, exact field, unit, reset when changed, and
/// its provenance with the rationale or source.
fn editable_row(
    props: &DataSourcesProps,
    input: Input,
    label: String,
    hint: Option<&'static str>,
) -> Html {
    let lang = props.lang;
    let strings = lang.sources_strings();
    let core = lang.strings();
    let plan = &*props.plan;
    let dom_id = input.id(plan);
    let value = input.get(&props.scenario);
    let default = input.get(&props.defaults);
    let changed = (value - default).abs() > 1e-12;
    let range = input.range();
    let unit = row_unit(plan, lang, input);
    let full_label = lang.input_label(input, plan);
    let field_label = if unit.is_empty() {
        full_label.clone()
    } else {
        format!("{full_label}({unit})")
    };
    let on_change = props.on_set.reform(move |value: f64| (input, value));
    let on_reset = props.on_reset.reform(move |_: MouseEvent| input);
    let field_id = format!("sources-{dom_id}");
    let provenance = input.provenance(plan).map(|provenance| {
        html! {
            <div class="source-provenance">
                { provenance_badge(provenance, lang, true) }
            </div>
        }
    });
    html! {
        <li class={class_list(&["source-row", if changed { "changed" } else { "" }])}
            data-testid={format!("row-{dom_id}")}>
            <div class="source-label">
                <label for={field_id.clone()}>{ label }</label>
                if let Some(hint) = hint {
                    <span class="source-hint">{ hint }</span>
                }
            </div>
            <div class="source-value">
                <NumberField
                    id={field_id}
                    label={field_label}
                    {value}
                    decimals={input.decimals()}
                    min={*range.start()}
                    max={*range.end()}
                    {lang}
                    {on_change}
                    testid={format!("field-{dom_id}")}
                    refusal={props.refusal.as_ref().filter(|(refused, _)| *refused == input).map(|(_, message)| message.clone())}
                />
                if !unit.is_empty() {
                    <span class="unit">{ unit.clone() }</span>
                }
                if changed {
                    <span class="source-default">
                        { format!("{} {}", strings.default_value, lang.number(default, input.decimals())) }
                    </span>
                    <button type="button" class="link-button"
                        aria-label={format!("{full_label}:{}", core.reset_input)}
                        data-testid={format!("reset-{dom_id}")}
                        onclick={on_reset}>
                        { core.reset_input }
                    </button>
                }
            </div>
            { for provenance }
        </li>
    }
}

/// One assumption edited elsewhere: its value and provenance.
fn readonly_row(props: &DataSourcesProps, input: Input) -> Html {
    let lang = props.lang;
    let plan = &*props.plan;
    let dom_id = input.id(plan);
    let value = input.get(&props.scenario);
    let unit = row_unit(plan, lang, input);
    let provenance = input.provenance(plan).map(|provenance| {
        html! {
            <div class="source-provenance">
                { provenance_badge(provenance, lang, true) }
            </div>
        }
    });
    html! {
        <li class="source-row source-row-readonly" data-testid={format!("row-{dom_id}")}>
            <div class="source-label">{ lang.input_label(input, plan) }</div>
            <div class="source-value">
                <span class="source-readonly-value">{ lang.number(value, input.decimals()) }</span>
                if !unit.is_empty() {
                    <span class="unit">{ unit }</span>
                }
            </div>
            { for provenance }
        </li>
    }
}

/// The series name of a published figure: its goal's name, a name this app
/// knows, or the id from the plan file.
fn series_name(
    plan: &Plan,
    lang: Lang,
    strings: &SourcesStrings,
    figure: &PublishedFigure,
) -> String {
    if let Some((_, name)) = strings
        .series_names
        .iter()
        .find(|(series, _)| *series == figure.series)
    {
        return (*name).to_string();
    }
    if let Some(goal) = figure.goal.as_deref().and_then(|id| plan.goal(id)) {
        return lang.pick(&goal.name.zh, &goal.name.en).to_string();
    }
    figure.series.clone()
}

/// The unit of a published figure in the interface language where known.
fn figure_unit(plan: &Plan, lang: Lang, figure: &PublishedFigure) -> String {
    if let Some(goal) = figure.goal.as_deref().and_then(|id| plan.goal(id)) {
        return lang.pick(&goal.unit.zh, &goal.unit.en).to_string();
    }
    match figure.unit.as_str() {
        "亿元" => lang.unit(Unit::YiYuan).to_string(),
        "万元/人" => lang.unit(Unit::WanYuan).to_string(),
        other => other.to_string(),
    }
}

/// The published actuals as a table (cards on a phone).
fn published_table(plan: &Plan, lang: Lang) -> Html {
    let strings = lang.sources_strings();
    if plan.published.is_empty() {
        return html! { <p class="panel-note">{ strings.no_published }</p> };
    }
    let rows = plan.published.iter().enumerate().map(|(figure_idx, figure)| {
        let (source, quote, secondary) = match &figure.provenance {
            Provenance::Published {
                source,
                quote,
                secondary,
            } => (source.clone(), quote.clone(), *secondary),
            Provenance::Plan { clause } => (String::new(), clause.clone(), false),
            Provenance::Assumption { rationale } => (
                String::new(),
                lang.pick(&rationale.zh, &rationale.en).to_string(),
                false,
            ),
        };
        let goal = figure
            .goal
            .as_deref()
            .and_then(|id| plan.goal(id))
            .map_or_else(
                || strings.no_goal.to_string(),
                |goal| lang.pick(&goal.name.zh, &goal.name.en).to_string(),
            );
        let is_published = matches!(figure.provenance, Provenance::Published { .. });
        let decimals = if figure.value.fract() == 0.0 { 0 } else { 1 };
        html! {
            <tr data-testid={format!("published-{figure_idx}")}>
                <th scope="row" data-label={strings.col_series}>{ series_name(plan, lang, strings, figure) }</th>
                <td data-label={strings.col_year}>{ figure.year }</td>
                <td data-label={strings.col_value} class="num">
                    { format!("{} {}", lang.number(figure.value, decimals), figure_unit(plan, lang, figure)) }
                </td>
                <td data-label={strings.col_goal}>{ goal }</td>
                <td data-label={strings.col_kind}>
                    { provenance_badge(&figure.provenance, lang, false) }
                    if is_published {
                        <span class={class_list(&["source-kind", if secondary { "source-secondary" } else { "" }])}>
                            { if secondary { strings.secondary } else { strings.primary } }
                        </span>
                    }
                </td>
                <td data-label={strings.col_source} class="source-cell">{ source }</td>
                <td data-label={strings.col_quote} class="quote-cell">
                    <q lang="zh-CN">{ quote }</q>
                </td>
            </tr>
        }
    });
    html! {
        <div class="published-wrap">
            <table class="published-table" data-testid="published-table">
                <caption class="visually-hidden">{ strings.published_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ strings.col_series }</th>
                        <th scope="col">{ strings.col_year }</th>
                        <th scope="col">{ strings.col_value }</th>
                        <th scope="col">{ strings.col_goal }</th>
                        <th scope="col">{ strings.col_kind }</th>
                        <th scope="col">{ strings.col_source }</th>
                        <th scope="col">{ strings.col_quote }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_editable_input_has_a_provenance_and_a_unique_id() {
        let plan = Plan::shouguang_2018().expect("the embedded plan loads");
        let inputs = editable_inputs(&plan);
        assert_eq!(inputs.len(), 5 + 6 * plan.industries.len());
        let mut ids: Vec<String> = inputs.iter().map(|input| input.id(&plan)).collect();
        for input in &inputs {
            assert!(input.provenance(&plan).is_some(), "{input:?}");
        }
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), inputs.len());
    }

    #[test]
    fn every_published_series_has_a_name_in_both_languages() {
        let plan = Plan::shouguang_2018().expect("the embedded plan loads");
        for lang in [Lang::Zh, Lang::En] {
            let strings = lang.sources_strings();
            for figure in &plan.published {
                let name = series_name(&plan, lang, strings, figure);
                assert_ne!(
                    name, figure.series,
                    "{} has no {lang:?} name",
                    figure.series
                );
            }
        }
    }
}
