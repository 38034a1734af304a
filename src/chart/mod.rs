//! Chart drawing over plotters, through one backend.
//!
//! **Invariant:** this module knows nothing of the browser or of the model.
//! It takes plain specs (years, values, labels) and draws them on a
//! [`DrawingBackend`]; the app and the exports always pass a [`Recorder`],
//! so each chart is drawn once into a [`DisplayList`] that is replayed on
//! the canvas (`web::canvas`) or written as SVG ([`display_list_to_svg`],
//! [`to_svg`]). Text is measured by the caller ([`Measure`]).
//!
//! - [`draw_line_chart`] / [`draw_line_chart_with_looks`]: many series, or
//!   up to four scenarios overlaid ([`LineChartSpec`], [`SeriesLook`]);
//! - [`draw_panel`]: one industry's small multiple ([`PanelSpec`]);
//! - [`draw_composition`]: traditional vs emerging, stacked, with the
//!   emerging share below ([`CompositionSpec`]);
//! - [`draw_indicator`]: projected vs required path ([`IndicatorSpec`]);
//! - [`draw_waterfall`]: a gap broken down into steps ([`WaterfallSpec`]);
//! - [`draw_tornado`]: one result's sensitivity to each assumption
//!   ([`TornadoSpec`]);
//! - [`draw_chart`] and [`to_svg`]: any of them as an [`AnyChart`].
//!
//! Conventions, everywhere: the Okabe–Ito [`PALETTE`]; projections dashed;
//! published actuals filled circles; goals filled diamonds; the P10–P90
//! band a translucent fill of the series colour; every size multiplied by
//! [`ChartStyle::scale`]; a non-finite value is skipped (a gap), never a
//! panic; backend errors are returned.
//!
//! ```
//! use pathways::chart::{draw_line_chart, ChartStyle, LineChartSpec, Series};
//! use pathways::chart::{approximate_text_width, display_list_to_svg, DisplayList, Recorder};
//! use plotters::prelude::*;
//!
//! let spec = LineChartSpec {
//!     years: vec![2017, 2018, 2019],
//!     series: vec![Series {
//!         label: "高端化工".into(),
//!         values: vec![600.0, 660.0, 726.0],
//!         goal: Some((2019, 700.0)),
//!     }],
//!     y_label: "亿元".into(),
//!     x_label: "年份".into(),
//! };
//! let mut list = DisplayList::default();
//! {
//!     let root = Recorder::new(&mut list, (640, 360), &approximate_text_width).into_drawing_area();
//!     draw_line_chart(&root, &spec, &ChartStyle::default()).unwrap();
//! }
//! let svg = display_list_to_svg(&list);
//! assert!(svg.contains("<polyline"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

mod axes;
mod composition;
mod export;
mod indicator;
mod marks;
mod panel;
mod record;
mod single;
mod tornado;
mod waterfall;

pub use axes::AxisStart;
pub use composition::{
    draw_composition, emerging_share_pct, CompositionSpec, ShareStrip, YearMarker,
    EMERGING_PALETTE_IDX, TRADITIONAL_PALETTE_IDX,
};
pub use export::{draw_chart, to_svg, AnyChart};
pub use indicator::{draw_indicator, IndicatorSpec, REQUIRED_PATH_GREY};
pub use marks::{Band, GoalMarker, Overlay};
pub use panel::{draw_panel, PanelSpec};
pub use record::{
    approximate_text_width, display_list_to_svg, record, DisplayList, HAnchor, Measure, Point,
    Primitive, Recorder, Rgba, Text, TextStyle, VAnchor,
};
pub use tornado::{draw_tornado, TornadoBar, TornadoSpec, TORNADO_DOWN, TORNADO_UP};
pub use waterfall::{
    draw_waterfall, WaterfallBar, WaterfallKind, WaterfallSpec, WATERFALL_DOWN, WATERFALL_TOTAL,
    WATERFALL_UP,
};

/// The Okabe–Ito palette: eight colours told apart with every common kind
/// of colour-vision deficiency. Yellow is darkened a little to read on white.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(170, 150, 0),   // dark yellow
    RGBColor(0, 0, 0),       // black
];

/// The colour of series number `series_idx`, cycling through [`PALETTE`].
///
/// ```
/// use pathways::chart::{series_colour, PALETTE};
///
/// assert_eq!(series_colour(1), PALETTE[1]);
/// assert_eq!(series_colour(9), PALETTE[1]);
/// ```
pub fn series_colour(series_idx: usize) -> RGBColor {
    PALETTE[series_idx % PALETTE.len()]
}

/// The colour of series number `series_idx` as a CSS hex string, so legends
/// and tables in HTML use exactly the chart's colours.
///
/// ```
/// assert_eq!(pathways::chart::series_colour_css(1), "#e69f00");
/// ```
pub fn series_colour_css(series_idx: usize) -> String {
    let RGBColor(red, green, blue) = series_colour(series_idx);
    format!("#{red:02x}{green:02x}{blue:02x}")
}

/// One line on a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    /// One value per year of [`LineChartSpec::years`].
    pub values: Vec<f64>,
    /// A goal drawn as a marker: (year, value).
    pub goal: Option<(u16, f64)>,
}

/// What a line chart shows, independent of how it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChartSpec {
    pub years: Vec<u16>,
    pub series: Vec<Series>,
    pub y_label: String,
    pub x_label: String,
}

impl LineChartSpec {
    /// The largest value or goal in the chart, for the y axis.
    pub fn max_value(&self) -> f64 {
        self.series
            .iter()
            .flat_map(|series| {
                series
                    .values
                    .iter()
                    .copied()
                    .chain(series.goal.map(|(_, value)| value))
            })
            .filter(|value| value.is_finite())
            .fold(0.0, f64::max)
    }
}

/// How a chart is drawn: the scale (device pixel ratio) and the font.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartStyle {
    /// Multiplies every font size and line width, so a canvas sized in
    /// device pixels looks the same as one in CSS pixels, only sharper.
    pub scale: f64,
    /// A CSS font-family list. The default names the CJK fonts a Chinese
    /// user's machine is likely to have (Linux, Windows, macOS) and ends
    /// in the generic family, so a missing font falls back gracefully.
    /// The page's `--font` lists them in the same order; Noto first, as
    /// a Linux browser looks each name up in turn, and a machine with
    /// another of them seldom has Noto too.
    pub font_family: String,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            scale: 1.0,
            font_family: "\"Noto Sans CJK SC\", \"Microsoft YaHei\", \"PingFang SC\", \"Source Han Sans SC\", sans-serif".into(),
        }
    }
}

impl ChartStyle {
    /// The scale, or 1 if it is not a positive finite number.
    fn scale_factor(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.0 {
            self.scale
        } else {
            1.0
        }
    }

    fn px(&self, css_px: f64) -> f64 {
        css_px * self.scale_factor()
    }

    fn width(&self, css_px: f64) -> u32 {
        self.px(css_px).round().max(1.0) as u32
    }

    fn font(&self, css_px: f64) -> FontDesc<'_> {
        font_desc(&self.font_family, self.px(css_px))
    }
}

/// A font of `family` (a CSS font-family list) at `size_px`. Named, not
/// parsed: plotters' `From<&str>` lower-cases the name to look for a generic
/// family, which links the standard library's Unicode case tables (about
/// 10 KB gzipped of wasm); a CSS font list means the same either way.
fn font_desc(family: &str, size_px: f64) -> FontDesc<'_> {
    FontDesc::new(FontFamily::Name(family), size_px, FontStyle::Normal)
}

/// How a line is drawn. Projections are dashed; the other kinds tell
/// scenarios apart in an overlay beyond colour (print, colour blindness).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineKind {
    #[default]
    Dashed,
    Solid,
    Dotted,
}

/// How one series of a [`LineChartSpec`] is drawn in an overlay: its
/// palette colour and its line. The default look of series `i` is
/// `SeriesLook { palette_idx: i, line: LineKind::Dashed }`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SeriesLook {
    pub palette_idx: usize,
    pub line: LineKind,
}

/// Draws the projection lines (dashed: they are projections, not actuals)
/// with a diamond at each series' goal. Series `i` has colour `i`.
///
/// Errors from the backend are returned, never swallowed.
///
/// ```
/// use pathways::chart::{draw_line_chart, ChartStyle, LineChartSpec, Series};
/// use pathways::chart::{approximate_text_width, display_list_to_svg, DisplayList, Recorder};
/// use plotters::prelude::*;
///
/// let spec = LineChartSpec {
///     years: (2017..=2022).collect(),
///     series: vec![Series {
///         label: "新材料".into(),
///         values: vec![200.0, 220.0, 242.0, 266.0, 293.0, 322.0],
///         goal: Some((2022, 400.0)),
///     }],
///     y_label: "收入(亿元)".into(),
///     x_label: "年份".into(),
/// };
/// let mut list = DisplayList::default();
/// {
///     let root = Recorder::new(&mut list, (640, 360), &approximate_text_width).into_drawing_area();
///     draw_line_chart(&root, &spec, &ChartStyle::default())?;
/// }
/// let svg = display_list_to_svg(&list);
/// assert_eq!(svg.matches("<polygon").count(), 1, "one goal diamond");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn draw_line_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &LineChartSpec,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_line_chart_with_looks(root, spec, &[], style)
}

/// [`draw_line_chart`] with a chosen colour and line for each series, e.g.
/// to overlay up to four scenarios: `looks[i]` draws `spec.series[i]`; a
/// series without a look gets the default (colour `i`, dashed).
///
/// ```
/// use pathways::chart::{
///     draw_line_chart_with_looks, ChartStyle, LineChartSpec, LineKind, Series, SeriesLook,
/// };
/// use pathways::chart::{approximate_text_width, display_list_to_svg, DisplayList, Recorder};
/// use plotters::prelude::*;
///
/// let scenario = |label: &str, growth: f64| Series {
///     label: label.into(),
///     values: (0..12).map(|year_idx| 600.0 * (1.0 + growth).powi(year_idx)).collect(),
///     goal: None,
/// };
/// let spec = LineChartSpec {
///     years: (2017..=2028).collect(),
///     series: vec![scenario("规划节奏", 0.10), scenario("压力情景", 0.04)],
///     y_label: "高端化工收入(亿元)".into(),
///     x_label: "年份".into(),
/// };
/// let looks = [
///     SeriesLook { palette_idx: 2, line: LineKind::Dashed },
///     SeriesLook { palette_idx: 5, line: LineKind::Dotted },
/// ];
/// let mut list = DisplayList::default();
/// {
///     let root = Recorder::new(&mut list, (640, 360), &approximate_text_width).into_drawing_area();
///     draw_line_chart_with_looks(&root, &spec, &looks, &ChartStyle::default())?;
/// }
/// let svg = display_list_to_svg(&list);
/// assert!(svg.contains("#009E73") && svg.contains("#D55E00"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
// Inline in its one caller (`export::draw_chart`), as LLVM placed it
// before the goal values' sides were added: out of line, the wasm is
// 100 B gzipped larger (434,233 against 434,133 B).
#[inline(always)]
pub fn draw_line_chart_with_looks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &LineChartSpec,
    looks: &[SeriesLook],
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (first_year, last_year) = match (spec.years.first(), spec.years.last()) {
        (Some(first), Some(last)) if last > first => (*first as i32, *last as i32),
        _ => return Ok(()),
    };
    let y_max = nice_ceiling(spec.max_value() * 1.05);
    let label_font = style.font(13.0);
    let axis_font = style.font(14.0);

    // About one year label per 56 CSS pixels, so a phone shows every other
    // year instead of a smear.
    let css_width = f64::from(root.dim_in_pixel().0) / style.scale.max(0.1);
    let n_years = (last_year - first_year) as usize + 1;
    let n_x_labels = ((css_width / 56.0) as usize).clamp(2, n_years);

    let mut chart = ChartBuilder::on(root)
        .margin(style.px(12.0))
        .margin_right(style.px(28.0))
        .x_label_area_size(style.px(42.0))
        .y_label_area_size(style.px(64.0))
        .build_cartesian_2d(first_year..last_year, 0.0..y_max)?;

    let year_formatter = |year: &i32| year.to_string();
    let value_formatter = |value: &f64| format_axis_value(*value);
    chart
        .configure_mesh()
        .x_labels(n_x_labels)
        .max_light_lines(1)
        .x_label_formatter(&year_formatter)
        .y_label_formatter(&value_formatter)
        .y_labels(6)
        .x_desc(spec.x_label.as_str())
        .y_desc(spec.y_label.as_str())
        .label_style(label_font.clone())
        .axis_desc_style(axis_font)
        .light_line_style(RGBColor(236, 236, 236).stroke_width(style.width(1.0)))
        .bold_line_style(RGBColor(214, 214, 214).stroke_width(style.width(1.0)))
        .axis_style(RGBColor(120, 120, 120).stroke_width(style.width(1.0)))
        .draw()?;

    // The goals' values to write, drawn after every line (a later series'
    // line crossed an earlier one's value): where in pixels, the text, the
    // series' colour, and the side of the diamond (1 right, -1 left).
    let mut values: Vec<((i32, i32), f64, RGBColor, i32)> = Vec::new();
    let label_height = style.px(13.0 * 1.2);
    let size = style.width(7.0) as i32;
    for (series_idx, series) in spec.series.iter().enumerate() {
        let look = looks.get(series_idx).copied().unwrap_or(SeriesLook {
            palette_idx: series_idx,
            line: LineKind::Dashed,
        });
        let colour = series_colour(look.palette_idx);
        let line_style = colour.stroke_width(style.width(2.5));
        let points: Vec<(i32, f64)> = spec
            .years
            .iter()
            .zip(series.values.iter())
            .filter(|(_, value)| value.is_finite())
            .map(|(year, value)| (*year as i32, axes::clamp_near(*value, 0.0, y_max)))
            .collect();
        match look.line {
            LineKind::Dashed => {
                chart.draw_series(DashedLineSeries::new(
                    points,
                    style.width(7.0),
                    style.width(4.0),
                    line_style,
                ))?;
            }
            LineKind::Dotted => {
                chart.draw_series(DashedLineSeries::new(
                    points,
                    style.width(2.0),
                    style.width(4.0),
                    line_style,
                ))?;
            }
            LineKind::Solid => {
                chart.draw_series(LineSeries::new(points, line_style))?;
            }
        }
        if let Some((goal_year, goal_value)) = series.goal.filter(|(_, value)| value.is_finite()) {
            let at = (goal_year as i32, axes::clamp_near(goal_value, 0.0, y_max));
            chart.draw_series(std::iter::once(
                EmptyElement::at(at)
                    + Polygon::new(
                        vec![(0, -size), (size, 0), (0, size), (-size, 0)],
                        colour.filled(),
                    ),
            ))?;
            // The goal's value beside its diamond, in the series' colour:
            // on the right, or on the left where it would run into another
            // goal's value (at 1366×768 the overview left out 400 and 200,
            // whose tags would have covered 300's and 100's); left out only
            // when both sides are taken (its value is in the table and the
            // scorecard). Two goals of the same value share one label, in
            // neutral grey: in one series' colour it named the other's
            // diamond, drawn on top.
            let (x, y) = chart.backend_coord(&at);
            if let Some((.., shared, _)) = values
                .iter_mut()
                .find(|(other, value, ..)| *other == (x, y) && *value == goal_value)
            {
                *shared = axes::TEXT_GREY;
                continue;
            }
            let taken = |side: i32| {
                values.iter().any(|((other_x, other_y), _, _, other_side)| {
                    *other_side == side
                        && *other_x == x
                        && f64::from((other_y - y).abs()) < label_height
                })
            };
            if let Some(side) = [1, -1].into_iter().find(|side| !taken(*side)) {
                values.push(((x, y), goal_value, colour, side));
            }
        }
    }
    // Each value on a white tag, so the lines under it do not blur it.
    for ((x, y), value, colour, side) in values {
        let text = format!("{value:.0}");
        let value_font = label_font
            .clone()
            .color(&colour)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let (width, height) = root.estimate_text_size(&text, &value_font)?;
        let gap = size + size / 2;
        let left = if side > 0 {
            x + gap
        } else {
            x - gap - width as i32
        };
        let half = (height / 2) as i32;
        root.draw(&marks::label_tag(
            [(left, y - half), (left + width as i32, y + half)],
            style,
        ))?;
        root.draw_text(&text, &value_font, (left, y))?;
    }
    root.present()?;
    Ok(())
}

/// Rounds an axis maximum up to 1, 2 or 5 times a power of ten.
///
/// ```
/// use pathways::chart::nice_ceiling;
///
/// assert_eq!(nice_ceiling(1050.0), 2000.0);
/// assert_eq!(nice_ceiling(f64::NAN), 1.0);
/// ```
pub fn nice_ceiling(value: f64) -> f64 {
    if !value.is_finite() || value <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    let mantissa = value / magnitude;
    let nice = if mantissa <= 1.0 {
        1.0
    } else if mantissa <= 2.0 {
        2.0
    } else if mantissa <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Axis numbers without needless decimals: 1200, 250, 2.5.
///
/// ```
/// use pathways::chart::format_axis_value;
///
/// assert_eq!(format_axis_value(1200.0), "1200");
/// assert_eq!(format_axis_value(2.5), "2.5");
/// ```
pub fn format_axis_value(value: f64) -> String {
    if value.abs() >= 10.0 || value == value.trunc() {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ceiling_rounds_up_to_one_two_five() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(7.0), 10.0);
        assert_eq!(nice_ceiling(1050.0), 2000.0);
        assert_eq!(nice_ceiling(180.0), 200.0);
        assert_eq!(nice_ceiling(420.0), 500.0);
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
    }

    #[test]
    fn axis_values_drop_needless_decimals() {
        assert_eq!(format_axis_value(1200.0), "1200");
        assert_eq!(format_axis_value(2.5), "2.5");
        assert_eq!(format_axis_value(3.0), "3");
    }

    #[test]
    fn palette_css_matches_rgb() {
        assert_eq!(series_colour_css(0), "#0072b2");
        assert_eq!(series_colour_css(8), "#0072b2");
    }
}
