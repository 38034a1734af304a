use std::rc::Rc;

use yew::prelude::*;

use crate::app::hooks::use_css_size;
use crate::app::i18n::Lang;
use crate::chart::{
    to_svg, AnyChart, ChartStyle, CompositionSpec, IndicatorSpec, LineChartSpec, PanelSpec,
    TornadoSpec, WaterfallSpec,
};
use crate::web;

/// A chart of any kind, owned and cheap to clone, for props.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartData {
    Line(Rc<LineChartSpec>),
    Panel(Rc<PanelSpec>),
    Composition(Rc<CompositionSpec>),
    Indicator(Rc<IndicatorSpec>),
    Waterfall(Rc<WaterfallSpec>),
    Tornado(Rc<TornadoSpec>),
}

impl ChartData {
    /// The chart borrowed as the drawing module's [`AnyChart`].
    pub fn as_any(&self) -> AnyChart<'_> {
        match self {
            ChartData::Line(spec) => AnyChart::Line { spec, looks: &[] },
            ChartData::Panel(spec) => AnyChart::Panel(spec),
            ChartData::Composition(spec) => AnyChart::Composition(spec),
            ChartData::Indicator(spec) => AnyChart::Indicator(spec),
            ChartData::Waterfall(spec) => AnyChart::Waterfall(spec),
            ChartData::Tornado(spec) => AnyChart::Tornado(spec),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub chart: ChartData,
    /// What the chart shows, for screen readers (`aria-label`).
    pub description: AttrValue,
    pub testid: AttrValue,
    /// When set, offers PNG (2×) and SVG downloads named after it.
    #[prop_or_default]
    pub export_name: Option<AttrValue>,
    #[prop_or_default]
    pub lang: Lang,
}

/// A chart drawn on a canvas at the device pixel ratio (recorded once as a
/// display list and replayed, `web::canvas`), redrawn when its data or its
/// size changes (drawn first when it is first laid out).
///
/// After every draw the canvas carries `data-drawn-at` (the time the draw
/// finished, from `performance.now()`) and `data-draw-count`, so the e2e
/// suite measures input-to-redraw time without guessing; `data-draw-ms`
/// is the time the drawing itself took, and `data-min-text-px` the size of
/// its smallest text on screen (CSS px).
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let draw_count = use_mut_ref(|| 0_u64);
    // Its size, read when it mounted and then as the page's one resize
    // observer reports it: a redraw on input reads no layout; a new size
    // redraws.
    let css_size = use_css_size(canvas_ref.clone());
    let size_now = *css_size.borrow();
    {
        let canvas_ref = canvas_ref.clone();
        use_effect_with((props.chart.clone(), size_now), move |(chart, _)| {
            let Some(canvas) = canvas_ref.get().and_then(web::as_canvas) else {
                return;
            };
            // Read here, not from the render: on mount it is filled only
            // by the size hook's effect, which runs before this one.
            let Some(ratio) = css_size
                .borrow()
                .and_then(|size| web::fit_canvas_to_css_box(&canvas, size))
            else {
                return;
            };
            let scale = ratio * web::chart_zoom(&canvas);
            let started_ms = web::now_ms();
            match web::canvas::draw_chart_on(&canvas, chart.as_any(), scale) {
                Ok(smallest_text) => {
                    // The smallest chart type as it reads on screen, in CSS px.
                    if smallest_text.is_finite() {
                        let _ = canvas.set_attribute(
                            "data-min-text-px",
                            &format!("{:.1}", smallest_text / ratio),
                        );
                    }
                    *draw_count.borrow_mut() += 1;
                    let _ =
                        canvas.set_attribute("data-draw-count", &draw_count.borrow().to_string());
                    let finished_ms = web::now_ms();
                    let _ = canvas.set_attribute("data-drawn-at", &format!("{finished_ms:.3}"));
                    let _ = canvas
                        .set_attribute("data-draw-ms", &format!("{:.3}", finished_ms - started_ms));
                }
                Err(error) => gloo::console::error!(format!("chart drawing failed: {error}")),
            }
        });
    }
    let export = props.export_name.clone().map(|name| {
        let strings = props.lang.strings();
        let css_size = {
            let canvas_ref = canvas_ref.clone();
            move || {
                canvas_ref
                    .get()
                    .and_then(web::as_canvas)
                    .map(|canvas| {
                        (
                            canvas.client_width().max(1) as u32,
                            canvas.client_height().max(1) as u32,
                        )
                    })
                    .unwrap_or((960, 540))
            }
        };
        let on_png = {
            let (chart, name, css_size) = (props.chart.clone(), name.clone(), css_size.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(url) = web::chart_png_data_url(chart.as_any(), css_size(), 2.0) {
                    web::download_data_url(&format!("{name}.png"), &url);
                }
            })
        };
        let on_svg = {
            let (chart, name) = (props.chart.clone(), name.clone());
            Callback::from(move |_: MouseEvent| {
                if let Ok(svg) = to_svg(chart.as_any(), css_size(), &ChartStyle::default()) {
                    web::download_text(&format!("{name}.svg"), "image/svg+xml", &svg);
                }
            })
        };
        html! {
            <div class="chart-export">
                <button type="button" class="link-button" onclick={on_png}
                    data-testid={format!("{}-png", props.testid)}>{ strings.download_png }</button>
                <button type="button" class="link-button" onclick={on_svg}
                    data-testid={format!("{}-svg", props.testid)}>{ strings.download_svg }</button>
            </div>
        }
    });
    html! {
        <>
            <canvas
                ref={canvas_ref}
                class="chart-canvas"
                role="img"
                aria-label={props.description.clone()}
                data-testid={props.testid.clone()}
            />
            { for export }
        </>
    }
}
