//! One small-multiple panel: one industry's projection, band, goals and
//! published actuals.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::AxisStart;
use super::marks::Overlay;
use super::marks::{Band, GoalMarker};
use super::single::{draw_single, SingleChart};
use super::ChartStyle;

/// What one industry panel shows. Vectors of values hold one value per year
/// of `years`; a non-finite value leaves a gap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PanelSpec {
    /// The industry's name, drawn at the top of the panel.
    pub title: String,
    pub years: Vec<u16>,
    /// The projection, drawn dashed in the panel's colour.
    pub projection: Vec<f64>,
    /// The P10–P90 band, drawn as a translucent fill when given.
    pub band: Option<Band>,
    /// The plan's goals (e.g. 2022 and 2028), drawn as filled diamonds.
    pub goals: Vec<GoalMarker>,
    /// Published figures (year, value), drawn as filled circles.
    pub actuals: Vec<(u16, f64)>,
    /// The value axis' description with its unit, e.g. "收入(亿元)".
    pub y_label: String,
    /// The panel's colour in [`PALETTE`](super::PALETTE), matching the
    /// industry's colour elsewhere.
    pub palette_idx: usize,
    /// Compared scenarios' projections, drawn dotted.
    pub overlays: Vec<Overlay>,
}

/// Draws one small-multiple panel (made for about 300×200 CSS pixels):
/// the title at the top, the value axis from zero, the band under the
/// dashed projection, actuals as circles and goals as diamonds.
///
/// Errors from the backend are returned; non-finite values are skipped.
///
/// ```
/// use pathways::chart::{draw_panel, Band, ChartStyle, GoalMarker, PanelSpec};
/// use pathways::chart::{approximate_text_width, display_list_to_svg, DisplayList, Recorder};
/// use plotters::prelude::*;
///
/// let years: Vec<u16> = (2017..=2028).collect();
/// let projection: Vec<f64> = (0..12).map(|year_idx| 600.0 * 1.1_f64.powi(year_idx)).collect();
/// let spec = PanelSpec {
///     title: "高端化工".into(),
///     band: Some(Band {
///         p10: projection.iter().map(|value| value * 0.9).collect(),
///         p90: projection.iter().map(|value| value * 1.1).collect(),
///     }),
///     years,
///     projection,
///     goals: vec![GoalMarker { year: 2022, value: 1000.0, label: "2022 目标".into() }],
///     actuals: vec![(2017, 600.0), (2018, 655.0)],
///     y_label: "收入(亿元)".into(),
///     palette_idx: 0,
///     overlays: Vec::new(),
/// };
/// let mut list = DisplayList::default();
/// {
///     let root = Recorder::new(&mut list, (300, 200), &approximate_text_width).into_drawing_area();
///     draw_panel(&root, &spec, &ChartStyle::default())?;
/// }
/// let svg = display_list_to_svg(&list);
/// assert!(svg.contains("高端化工"));
/// assert_eq!(svg.matches("<circle").count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &PanelSpec,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let single = SingleChart {
        title: &spec.title,
        years: &spec.years,
        projection: &spec.projection,
        reference: None,
        band: spec.band.as_ref(),
        goals: &spec.goals,
        actuals: &spec.actuals,
        y_label: &spec.y_label,
        x_label: "",
        palette_idx: spec.palette_idx,
        axis_start: AxisStart::Zero,
        overlays: &spec.overlays,
    };
    draw_single(root, &single, style)
}
