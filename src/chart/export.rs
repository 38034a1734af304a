//! Any chart by value, and drawing it to an SVG string (for export, and
//! for the native tests): recorded once ([`record`]) and written out.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::record::{approximate_text_width, display_list_to_svg, record};
use super::{
    draw_composition, draw_indicator, draw_line_chart_with_looks, draw_panel, draw_tornado,
    draw_waterfall, ChartStyle, CompositionSpec, IndicatorSpec, LineChartSpec, PanelSpec,
    SeriesLook, TornadoSpec, WaterfallSpec,
};

/// One chart of any kind, borrowed, so one function draws or exports it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AnyChart<'a> {
    /// A line chart; `looks` may be empty for the default colours.
    Line {
        spec: &'a LineChartSpec,
        looks: &'a [SeriesLook],
    },
    Panel(&'a PanelSpec),
    Composition(&'a CompositionSpec),
    Indicator(&'a IndicatorSpec),
    Waterfall(&'a WaterfallSpec),
    Tornado(&'a TornadoSpec),
}

/// Draws `chart` with the function of its kind.
///
/// ```
/// use pathways::chart::{draw_chart, AnyChart, ChartStyle, PanelSpec};
/// use pathways::chart::{approximate_text_width, display_list_to_svg, DisplayList, Recorder};
/// use plotters::prelude::*;
///
/// let spec = PanelSpec { title: "生态造纸".into(), ..PanelSpec::default() };
/// let mut list = DisplayList::default();
/// {
///     let root = Recorder::new(&mut list, (300, 200), &approximate_text_width).into_drawing_area();
///     draw_chart(&root, AnyChart::Panel(&spec), &ChartStyle::default())?;
/// }
/// let svg = display_list_to_svg(&list);
/// assert!(svg.contains("生态造纸"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn draw_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: AnyChart<'_>,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match chart {
        AnyChart::Line { spec, looks } => draw_line_chart_with_looks(root, spec, looks, style),
        AnyChart::Panel(spec) => draw_panel(root, spec, style),
        AnyChart::Composition(spec) => draw_composition(root, spec, style),
        AnyChart::Indicator(spec) => draw_indicator(root, spec, style),
        AnyChart::Waterfall(spec) => draw_waterfall(root, spec, style),
        AnyChart::Tornado(spec) => draw_tornado(root, spec, style),
    }
}

/// Draws `chart` into a standalone SVG document of `size` (width, height)
/// pixels, measuring text with [`approximate_text_width`]. For an export, pass a style with `scale: 1.0` and the size in
/// CSS pixels: SVG scales by itself.
///
/// ```
/// use pathways::chart::{to_svg, AnyChart, ChartStyle, IndicatorSpec};
///
/// let spec = IndicatorSpec {
///     years: (2017..=2028).collect(),
///     projected: (0..12).map(|year_idx| 2.3 + 0.08 * f64::from(year_idx)).collect(),
///     y_label: "研发投入占比(%)".into(),
///     ..IndicatorSpec::default()
/// };
/// let svg = to_svg(AnyChart::Indicator(&spec), (640, 360), &ChartStyle::default())?;
/// assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
/// # Ok::<(), String>(())
/// ```
pub fn to_svg(chart: AnyChart<'_>, size: (u32, u32), style: &ChartStyle) -> Result<String, String> {
    let list = record(chart, size, style, &approximate_text_width)?;
    Ok(display_list_to_svg(&list))
}
