use std::rc::Rc;

use yew::prelude::*;

use crate::app::hooks::use_chart_drawing;
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
    /// The very same chart (the same shared spec), without comparing
    /// contents.
    pub fn same(&self, other: &ChartData) -> bool {
        std::ptr::eq(self.spec(), other.spec())
    }

    fn spec(&self) -> *const () {
        match self {
            ChartData::Line(spec) => Rc::as_ptr(spec).cast(),
            ChartData::Panel(spec) => Rc::as_ptr(spec).cast(),
            ChartData::Composition(spec) => Rc::as_ptr(spec).cast(),
            ChartData::Indicator(spec) => Rc::as_ptr(spec).cast(),
            ChartData::Waterfall(spec) => Rc::as_ptr(spec).cast(),
            ChartData::Tornado(spec) => Rc::as_ptr(spec).cast(),
        }
    }

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
/// size changes while it is near the screen (`use_chart_drawing`), with
/// PNG and SVG downloads when it has an export name.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    use_chart_drawing(canvas_ref.clone(), props.chart.clone());
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
