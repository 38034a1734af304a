use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n::Lang;

use super::chart_canvas::{ChartCanvas, ChartData};
use super::data_table::{data_table, DataRow, DataTableProps};
use crate::chart::{series_colour_css, LineChartSpec};

#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    pub spec: Rc<LineChartSpec>,
    /// What the chart shows, for screen readers (`aria-label`).
    pub description: AttrValue,
    /// The label of the table alternative's disclosure.
    pub table_summary: AttrValue,
    pub first_column: AttrValue,
    pub testid: AttrValue,
    /// Formats a value in the table, e.g. with one decimal.
    #[prop_or(1)]
    pub decimals: usize,
    /// The file name (without extension) of the PNG and SVG downloads.
    #[prop_or_default]
    pub export_name: Option<AttrValue>,
    #[prop_or_default]
    pub lang: Lang,
}

/// A line chart (see [`ChartCanvas`]) with an HTML legend and the same data
/// as a table.
/// A plain function of its props: the canvas is a component that skips a
/// redraw when its chart is unchanged, and the legend and table are cheap,
/// so a component boundary here would save no work.
pub fn line_chart(props: &LineChartProps) -> Html {
    let spec = &props.spec;
    let legend = spec.series.iter().enumerate().map(|(series_idx, series)| {
        html! {
            <li>
                <span class="legend-swatch" style={format!("background: {}", series_colour_css(series_idx))} />
                { series.label.clone() }
            </li>
        }
    });
    let rows: Vec<DataRow> = spec
        .series
        .iter()
        .map(|series| DataRow {
            label: series.label.clone(),
            cells: series
                .values
                .iter()
                .map(|value| props.lang.number(*value, props.decimals))
                .collect(),
        })
        .collect();

    html! {
        <figure class="chart" data-testid={props.testid.clone()}>
            <ChartCanvas
                chart={ChartData::Line(props.spec.clone())}
                description={props.description.clone()}
                testid={format!("{}-canvas", props.testid)}
                export_name={props.export_name.clone()}
                lang={props.lang}
            />
            <ul class="chart-legend">{ for legend }</ul>
            { data_table(&DataTableProps { summary: AttrValue::from(props.table_summary.clone()), first_column: AttrValue::from(props.first_column.clone()), years: Rc::new(spec.years.clone()), rows: Rc::new(rows), testid: AttrValue::from(format!("{}-table", props.testid)), open: false }) }
        </figure>
    }
}
