//! One economy-wide indicator: the projected path against the path the
//! plan requires.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::AxisStart;
use super::marks::Overlay;
use super::marks::{Band, GoalMarker};
use super::single::{draw_single, SingleChart};
use super::ChartStyle;

/// The colour of the plan's required path: a neutral grey, so the
/// projection keeps the colour.
pub const REQUIRED_PATH_GREY: RGBColor = RGBColor(110, 110, 110);

/// What an indicator chart shows. Vectors of values hold one value per year
/// of `years`; a non-finite value leaves a gap (e.g. `required` before the
/// plan's base year).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorSpec {
    /// Drawn at the top when not empty.
    pub title: String,
    pub years: Vec<u16>,
    /// The projected path, drawn dashed in the indicator's colour.
    pub projected: Vec<f64>,
    /// The plan's required path (e.g. +0.1 pp a year from the base), drawn
    /// solid in [`REQUIRED_PATH_GREY`]; empty for none.
    pub required: Vec<f64>,
    /// The P10–P90 band, drawn as a translucent fill when given.
    pub band: Option<Band>,
    /// Published figures (year, value), drawn as filled circles.
    pub actuals: Vec<(u16, f64)>,
    /// The goal at its deadline, drawn as a filled diamond.
    pub goal: Option<GoalMarker>,
    /// The value axis' description with its unit, e.g. "研发投入占比(%)".
    pub y_label: String,
    /// The year axis' description; empty draws none.
    pub x_label: String,
    pub palette_idx: usize,
    /// Where the value axis starts: [`AxisStart::Data`] shows a change of
    /// tenths of a point, and the axis labels make the cut visible.
    pub axis_start: AxisStart,
    /// Compared scenarios' projections, drawn dotted.
    pub overlays: Vec<Overlay>,
}

/// Draws an indicator: the band, the plan's required path (solid grey),
/// the projection (dashed), actuals (circles) and the goal (diamond).
///
/// Errors from the backend are returned; non-finite values are skipped.
///
/// ```
/// use pathways::chart::{draw_indicator, AxisStart, ChartStyle, GoalMarker, IndicatorSpec};
/// use pathways::chart::{approximate_text_width, display_list_to_svg, DisplayList, Recorder};
/// use plotters::prelude::*;
///
/// let spec = IndicatorSpec {
///     title: "研发经费占GDP比重".into(),
///     years: (2017..=2022).collect(),
///     projected: vec![2.3, 2.36, 2.42, 2.48, 2.54, 2.6],
///     required: vec![2.3, 2.4, 2.5, 2.6, 2.7, 2.8],
///     actuals: vec![(2017, 2.3)],
///     goal: Some(GoalMarker { year: 2022, value: 2.8, label: "2022 目标".into() }),
///     y_label: "占比(%)".into(),
///     x_label: "年份".into(),
///     axis_start: AxisStart::Data,
///     ..IndicatorSpec::default()
/// };
/// let mut list = DisplayList::default();
/// {
///     let root = Recorder::new(&mut list, (640, 360), &approximate_text_width).into_drawing_area();
///     draw_indicator(&root, &spec, &ChartStyle::default())?;
/// }
/// let svg = display_list_to_svg(&list);
/// assert!(svg.contains("#6E6E6E"), "the required path is grey");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn draw_indicator<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &IndicatorSpec,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let single = SingleChart {
        title: &spec.title,
        years: &spec.years,
        projection: &spec.projected,
        reference: Some((&spec.required, REQUIRED_PATH_GREY)),
        band: spec.band.as_ref(),
        goals: spec.goal.as_slice(),
        actuals: &spec.actuals,
        y_label: &spec.y_label,
        x_label: &spec.x_label,
        palette_idx: spec.palette_idx,
        axis_start: spec.axis_start,
        overlays: &spec.overlays,
    };
    draw_single(root, &single, style)
}
