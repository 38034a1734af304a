use std::rc::Rc;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::app::hooks::use_window_width;
use crate::chart::{draw_line_chart, series_colour_css, ChartStyle, LineChartSpec};
use crate::web;

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
}

/// A plotters chart on a canvas at the device pixel ratio, with a legend and
/// the same data as a table.
///
/// After every draw the canvas carries `data-drawn-at` (the time the draw
/// finished, from `performance.now()`) and `data-draw-count`, so the e2e
/// suite can measure input-to-redraw time without guessing.
#[function_component(LineChart)]
pub fn line_chart(props: &LineChartProps) -> Html {
    let canvas_ref = use_node_ref();
    let draw_count = use_mut_ref(|| 0_u64);
    let window_width = use_window_width();
    {
        let canvas_ref = canvas_ref.clone();
        use_effect_with((props.spec.clone(), window_width), move |(spec, _)| {
            let Some(canvas) = canvas_ref.get().and_then(web::as_canvas) else {
                return;
            };
            let Some(scale) = web::fit_canvas_to_css_box(&canvas) else {
                return;
            };
            let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
                return;
            };
            let style = ChartStyle {
                scale,
                ..ChartStyle::default()
            };
            match draw_line_chart(&backend.into_drawing_area(), spec, &style) {
                Ok(()) => {
                    *draw_count.borrow_mut() += 1;
                    let _ =
                        canvas.set_attribute("data-draw-count", &draw_count.borrow().to_string());
                    let _ = canvas.set_attribute("data-drawn-at", &format!("{:.3}", web::now_ms()));
                }
                Err(error) => gloo::console::error!(format!("chart drawing failed: {error}")),
            }
        });
    }

    let spec = &props.spec;
    let legend = spec.series.iter().enumerate().map(|(series_idx, series)| {
        html! {
            <li>
                <span class="legend-swatch" style={format!("background: {}", series_colour_css(series_idx))} />
                { series.label.clone() }
            </li>
        }
    });
    let header_cells = spec
        .years
        .iter()
        .map(|year| html! { <th scope="col">{ year }</th> });
    let rows = spec.series.iter().map(|series| {
        let cells = series.values.iter().map(|value| {
            html! { <td>{ format!("{value:.prec$}", prec = props.decimals) }</td> }
        });
        html! {
            <tr>
                <th scope="row">{ series.label.clone() }</th>
                { for cells }
            </tr>
        }
    });

    html! {
        <figure class="chart" data-testid={props.testid.clone()}>
            <canvas
                ref={canvas_ref}
                class="chart-canvas"
                role="img"
                aria-label={props.description.clone()}
                data-testid={format!("{}-canvas", props.testid)}
            />
            <ul class="chart-legend">{ for legend }</ul>
            <details class="chart-table">
                <summary>{ props.table_summary.clone() }</summary>
                <div class="table-scroll">
                    <table data-testid={format!("{}-table", props.testid)}>
                        <thead>
                            <tr>
                                <th scope="col">{ props.first_column.clone() }</th>
                                { for header_cells }
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
