use std::rc::Rc;

use yew::prelude::*;

use super::compare::{compared_legend, overlays, ComparedLegendProps};
use super::scorecard::goal_marker;
use crate::app::components::{data_table, ChartCanvas, ChartData, DataRow, DataTableProps};
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::chart::{Band, PanelSpec};
use crate::model::{Bands, GoalEvaluation, Plan, Projection, SeriesId};

#[derive(PartialEq)]
pub struct IndustriesViewProps {
    pub plan: Shared<Plan>,
    pub projection: Shared<Projection>,
    pub evaluations: Shared<Vec<GoalEvaluation>>,
    /// Monte Carlo bands, once computed for the current scenario.
    pub bands: Option<Shared<Bands>>,
    pub lang: Lang,
    /// Compared scenarios' names and projections, overlaid dotted.
    pub compared: Option<Shared<Vec<(String, Projection)>>>,
}

/// Small multiples, one per industry: projection, P10–P90 band, goal
/// markers and published actuals; the same numbers as a table.
/// A plain function of its props, not a component: it re-renders with
/// every input anyway.
pub fn industries_view(props: &IndustriesViewProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let plan = &*props.plan;
    let projection = &*props.projection;
    let years = Rc::new(projection.years().to_vec());

    let panels = plan.industries.iter().enumerate().map(|(industry_idx, industry)| {
        let name = lang.pick(&industry.name.zh, &industry.name.en).to_string();
        let goals = props
            .evaluations
            .iter()
            .filter(|evaluation| evaluation.series == SeriesId::Industry(industry_idx) && evaluation.at_deadline)
            .map(|evaluation| goal_marker(evaluation, lang))
            .collect();
        let band = props.bands.as_ref().and_then(|bands| bands.industry(industry_idx)).map(|band| Band {
            p10: band.p10.clone(),
            p90: band.p90.clone(),
        });
        let actuals = plan
            .published_for(&industry.id)
            .map(|figure| (figure.year, figure.value))
            .collect();
        let unit = lang.pick(&industry.unit.zh, &industry.unit.en);
        let spec = PanelSpec {
            title: name.clone(),
            years: projection.years().to_vec(),
            projection: projection.industry(industry_idx).to_vec(),
            band,
            goals,
            actuals,
            y_label: unit.to_string(),
            palette_idx: industry_idx,
            overlays: overlays(props.compared.as_deref(), |projection| projection.industry(industry_idx).to_vec()),
        };
        let description = format!("{name}:{}", strings.industries_note);
        html! {
            <figure class="chart panel-figure" key={industry.id.clone()} data-testid={format!("industry-panel-{}", industry.id)}>
                <ChartCanvas chart={ChartData::Panel(Rc::new(spec))} {description}
                    testid={format!("industry-panel-{}-canvas", industry.id)}
                    export_name={Some(AttrValue::from(format!("pathways-{}", industry.id)))} {lang} />
            </figure>
        }
    });

    let mut rows = Vec::new();
    for (industry_idx, industry) in plan.industries.iter().enumerate() {
        let name = lang.pick(&industry.name.zh, &industry.name.en);
        rows.push(DataRow {
            label: format!("{name} · {}", strings.table_projection),
            cells: projection
                .industry(industry_idx)
                .iter()
                .map(|value| lang.number(*value, 1))
                .collect(),
        });
        if let Some(band) = props
            .bands
            .as_ref()
            .and_then(|bands| bands.industry(industry_idx))
        {
            rows.push(DataRow {
                label: format!("{name} · {}", strings.table_band),
                cells: band
                    .p10
                    .iter()
                    .zip(&band.p90)
                    .map(|(p10, p90)| format!("{}–{}", lang.number(*p10, 1), lang.number(*p90, 1)))
                    .collect(),
            });
        }
    }

    html! {
        <section class="panel" aria-labelledby="industries-heading" data-testid="view-industries">
            <h2 id="industries-heading">{ strings.industries_heading }</h2>
            <p class="panel-note">{ strings.industries_note }</p>
            if props.bands.is_none() {
                <p class="pending" role="status">{ strings.bands_pending }</p>
            }
            { compared_legend(&ComparedLegendProps { compared: props.compared.clone(), lang }) }
            <div class="panel-grid">{ for panels }</div>
            { data_table(&DataTableProps { summary: AttrValue::from(strings.chart_table_summary), first_column: AttrValue::from(strings.table_series), years, rows: Rc::new(rows), testid: "industries-table".into(), open: false }) }
        </section>
    }
}
