use std::rc::Rc;

use yew::prelude::*;

use super::compare::{compared_legend, overlays, ComparedLegendProps};
use super::scorecard::goal_marker;
use crate::app::components::{data_table, ChartCanvas, ChartData, DataRow, DataTableProps};
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::chart::{AxisStart, Band, IndicatorSpec};
use crate::model::{
    formula, required_path, Bands, GoalEvaluation, GoalKind, Plan, Projection, Scenario, SeriesId,
};

#[derive(PartialEq)]
pub struct IndicatorsViewProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub projection: Shared<Projection>,
    pub evaluations: Shared<Vec<GoalEvaluation>>,
    pub bands: Option<Shared<Bands>>,
    pub lang: Lang,
    /// Compared scenarios' names and projections, overlaid dotted.
    pub compared: Option<Shared<Vec<(String, Projection)>>>,
}

/// The series of the four economy-wide goals, in the plan's order, each
/// with the id its panel carries (`indicator-panel-<id>`).
const INDICATORS: [(SeriesId, &str); 4] = [
    (SeriesId::SeiShare, "seishare"),
    (SeriesId::HighTechShare, "hightechshare"),
    (SeriesId::RdShare, "rdshare"),
    (SeriesId::Productivity, "productivity"),
];

/// The four economy-wide goals: projection against the plan's required
/// path, each with its formula on demand; GDP against published figures.
/// A plain function of its props, not a component: it re-renders with
/// every input anyway.
pub fn indicators_view(props: &IndicatorsViewProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let plan = &*props.plan;
    let projection = &*props.projection;
    let years = projection.years().to_vec();
    let mut rows = Vec::new();

    let band_of = |series: SeriesId| {
        props
            .bands
            .as_ref()
            .and_then(|bands| bands.band(series))
            .map(|band| Band {
                p10: band.p10.clone(),
                p90: band.p90.clone(),
            })
    };
    let formula_html = |series: SeriesId| {
        formula(series).map(|formula| {
            html! {
                <details class="formula-box">
                    <summary>{ strings.show_formula }</summary>
                    <p class="formula">{ lang.pick(formula.zh, formula.en) }</p>
                </details>
            }
        })
    };

    let mut panels: Vec<Html> = INDICATORS
        .iter()
        .enumerate()
        .filter_map(|(palette_idx, &(series, id))| {
            let goal = plan.goals.iter().find(|goal| {
                goal.series_id == Some(series) && goal.kind != GoalKind::Qualitative && goal.deadline <= plan.milestone_year()
            })?;
            let title = lang.pick(&goal.name.zh, &goal.name.en).to_string();
            let projected = projection.series(series).to_vec();
            let required = required_path(plan, &props.scenario, projection, goal).unwrap_or_default();
            let goal_marker = props
                .evaluations
                .iter()
                .find(|evaluation| evaluation.goal_idx < plan.goals.len() && plan.goals[evaluation.goal_idx].id == goal.id && evaluation.at_deadline)
                .map(|evaluation| goal_marker(evaluation, lang));
            let y_label = if series == SeriesId::Productivity { strings.productivity_axis } else { strings.share_axis };
            let decimals = 2;
            rows.push(DataRow {
                label: format!("{title} · {}", strings.table_projection),
                cells: projected.iter().map(|value| lang.number(*value, decimals)).collect(),
            });
            if !required.is_empty() {
                rows.push(DataRow {
                    label: format!("{title} · {}", strings.table_required),
                    cells: required.iter().map(|value| lang.number(*value, decimals)).collect(),
                });
            }
            let spec = IndicatorSpec {
                title: title.clone(),
                years: years.clone(),
                projected,
                required,
                band: band_of(series),
                actuals: Vec::new(),
                goal: goal_marker,
                y_label: y_label.to_string(),
                x_label: String::new(),
                palette_idx,
                axis_start: AxisStart::Data,
                overlays: overlays(props.compared.as_deref(), |projection| projection.series(series).to_vec()),
            };
            Some(html! {
                <figure class="chart panel-figure" key={id} data-testid={format!("indicator-panel-{id}")}>
                    <ChartCanvas chart={ChartData::Indicator(Rc::new(spec))}
                        description={format!("{title}:{}", strings.indicators_note)}
                        testid={format!("indicator-panel-{id}-canvas")}
                        export_name={Some(AttrValue::from(format!("pathways-{id}")))} {lang} />
                    <blockquote class="clause">{ format!("「{}」", goal.clause) }</blockquote>
                    { for formula_html(series) }
                </figure>
            })
        })
        .collect();

    // GDP: no goal in this plan, but the only series with published actuals.
    let gdp = projection.series(SeriesId::Gdp).to_vec();
    let gdp_actuals: Vec<(u16, f64)> = plan
        .published_for("gdp")
        .filter(|figure| years.contains(&figure.year))
        .map(|figure| (figure.year, figure.value))
        .collect();
    rows.push(DataRow {
        label: format!("{} · {}", strings.gdp_title, strings.table_projection),
        cells: gdp.iter().map(|value| lang.number(*value, 1)).collect(),
    });
    let gdp_spec = IndicatorSpec {
        title: strings.gdp_title.to_string(),
        years: years.clone(),
        projected: gdp,
        required: Vec::new(),
        band: band_of(SeriesId::Gdp),
        actuals: gdp_actuals,
        goal: None,
        y_label: strings.gdp_axis.to_string(),
        x_label: String::new(),
        palette_idx: 5,
        axis_start: AxisStart::Zero,
        overlays: overlays(props.compared.as_deref(), |projection| {
            projection.series(SeriesId::Gdp).to_vec()
        }),
    };
    panels.push(html! {
        <figure class="chart panel-figure" key="gdp" data-testid="gdp-panel">
            <ChartCanvas chart={ChartData::Indicator(Rc::new(gdp_spec))}
                description={strings.gdp_title} testid="gdp-panel-canvas"
                export_name={Some(AttrValue::from("pathways-gdp"))} {lang} />
            { for formula_html(SeriesId::Gdp) }
        </figure>
    });

    html! {
        <section class="panel" aria-labelledby="indicators-heading" data-testid="view-indicators">
            <h2 id="indicators-heading">{ strings.indicators_heading }</h2>
            <p class="panel-note">{ strings.indicators_note }</p>
            { compared_legend(&ComparedLegendProps { compared: props.compared.clone(), lang }) }
            <div class="panel-grid">{ for panels }</div>
            { data_table(&DataTableProps { summary: AttrValue::from(strings.chart_table_summary), first_column: AttrValue::from(strings.table_series), years: Rc::new(years.clone()), rows: Rc::new(rows), testid: "indicators-table".into(), open: false }) }
        </section>
    }
}
