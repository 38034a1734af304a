//! Traditional against emerging industries: two stacked areas, and below
//! them (optionally) the emerging share on its own 0–100 % axis.
//!
//! The share gets its own strip, aligned year for year, rather than a
//! second axis on the areas' chart: two scales on one frame invite reading
//! a crossing of lines that means nothing.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axes::{
    frame, label_counts, AxisStart, AxisText, Layout, ValueAxis, YearAxis, AXIS_GREY, TEXT_GREY,
};
use super::marks::{draw_fill_between, draw_line, draw_year_line, finite_runs, Chart};
use super::{series_colour, ChartStyle, LineKind};

/// The palette colour of the traditional industries' area (orange).
pub const TRADITIONAL_PALETTE_IDX: usize = 1;
/// The palette colour of the emerging industries' area and share (blue).
pub const EMERGING_PALETTE_IDX: usize = 0;

/// A vertical line marking one year, e.g. the 2028 "new drivers lead" test.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearMarker {
    pub year: u16,
    /// Drawn beside the line at the top; empty draws none.
    pub label: String,
}

/// The strip under the areas showing the emerging share in percent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareStrip {
    /// The strip's axis description, e.g. "新兴占比(%)".
    pub y_label: String,
    /// A reference line, e.g. 50 for "emerging industries lead".
    pub threshold_pct: Option<f64>,
}

/// What the composition chart shows. `traditional` and `emerging` hold
/// one total each per year of `years`; a non-finite value leaves a gap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompositionSpec {
    pub years: Vec<u16>,
    /// Drawn as the bottom area, from zero.
    pub traditional: Vec<f64>,
    /// Drawn as the area stacked on top of the traditional one.
    pub emerging: Vec<f64>,
    /// The areas' axis description with its unit, e.g. "主营业务收入(亿元)".
    pub y_label: String,
    /// The year axis' description; empty draws none.
    pub x_label: String,
    pub marker: Option<YearMarker>,
    /// The emerging share strip; `None` draws the areas alone.
    pub share: Option<ShareStrip>,
}

/// The emerging share of the total in percent, year by year: NaN where
/// either part is not finite or the total is not positive.
///
/// ```
/// use pathways::chart::emerging_share_pct;
///
/// let share = emerging_share_pct(&[300.0, 0.0, 1.0], &[100.0, 0.0, f64::NAN]);
/// assert_eq!(share[0], 25.0);
/// assert!(share[1].is_nan() && share[2].is_nan());
/// ```
pub fn emerging_share_pct(traditional: &[f64], emerging: &[f64]) -> Vec<f64> {
    traditional
        .iter()
        .zip(emerging)
        .map(|(traditional, emerging)| {
            let total = traditional + emerging;
            if total.is_finite() && total > 0.0 {
                emerging / total * 100.0
            } else {
                f64::NAN
            }
        })
        .collect()
}

/// Draws the traditional area with the emerging area stacked on it (so the
/// top edge is the total), an optional year marker, and optionally the
/// emerging share in a strip below with a reference line and the share's
/// value at the marker year (or the last year). No legend: the page has one
/// in the colours [`TRADITIONAL_PALETTE_IDX`] and [`EMERGING_PALETTE_IDX`].
///
/// Errors from the backend are returned; non-finite values are skipped.
///
/// ```
/// use pathways::chart::{draw_composition, ChartStyle, CompositionSpec, ShareStrip, YearMarker};
/// use pathways::chart::{approximate_text_width, display_list_to_svg, DisplayList, Recorder};
/// use plotters::prelude::*;
///
/// let spec = CompositionSpec {
///     years: (2017..=2028).collect(),
///     traditional: (0..12).map(|year_idx| 3000.0 * 1.03_f64.powi(year_idx)).collect(),
///     emerging: (0..12).map(|year_idx| 1000.0 * 1.15_f64.powi(year_idx)).collect(),
///     y_label: "主营业务收入(亿元)".into(),
///     x_label: "年份".into(),
///     marker: Some(YearMarker { year: 2028, label: "2028 检验".into() }),
///     share: Some(ShareStrip { y_label: "新兴占比(%)".into(), threshold_pct: Some(50.0) }),
/// };
/// let mut list = DisplayList::default();
/// {
///     let root = Recorder::new(&mut list, (640, 420), &approximate_text_width).into_drawing_area();
///     draw_composition(&root, &spec, &ChartStyle::default())?;
/// }
/// let svg = display_list_to_svg(&list);
/// assert!(svg.contains("2028 检验"));
/// assert!(svg.contains("52.8%"), "the 2028 share is labelled");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn draw_composition<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &CompositionSpec,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let size_px = root.dim_in_pixel();
    let layout = Layout::for_width(size_px.0, style);
    let (areas_area, share_area) = match &spec.share {
        Some(_) => {
            let (upper, lower) =
                root.split_vertically((f64::from(size_px.1) * 0.66).round() as u32);
            (upper, Some(lower))
        }
        None => (root.clone(), None),
    };
    let (max_x_labels, max_y_labels) = label_counts(areas_area.dim_in_pixel(), style);
    let years = spec
        .years
        .iter()
        .copied()
        .chain(spec.marker.as_ref().map(|marker| marker.year));
    let Some(year_axis) = YearAxis::over(years, max_x_labels) else {
        root.present()?;
        return Ok(());
    };

    let n_years = spec.years.len();
    let traditional: Vec<f64> = spec.traditional.iter().copied().take(n_years).collect();
    let total: Vec<f64> = traditional
        .iter()
        .zip(&spec.emerging)
        .map(|(traditional, emerging)| traditional + emerging)
        .collect();
    let value_axis = ValueAxis::over(
        traditional.iter().chain(&total).copied(),
        AxisStart::Zero,
        max_y_labels,
    );
    let text = AxisText {
        x_desc: &spec.x_label,
        y_desc: &spec.y_label,
        x_labels: share_area.is_none(),
    };
    let mut chart = frame(&areas_area, &layout, &year_axis, &value_axis, &text, style)?;
    let traditional_colour = series_colour(TRADITIONAL_PALETTE_IDX);
    let emerging_colour = series_colour(EMERGING_PALETTE_IDX);
    let zeros = vec![0.0; traditional.len()];
    draw_fill_between(
        &mut chart,
        &spec.years,
        &zeros,
        &traditional,
        traditional_colour.mix(0.45),
    )?;
    draw_fill_between(
        &mut chart,
        &spec.years,
        &traditional,
        &total,
        emerging_colour.mix(0.45),
    )?;
    let traditional_edge = finite_runs(&spec.years, &traditional);
    draw_line(
        &mut chart,
        traditional_edge,
        traditional_colour,
        LineKind::Solid,
        2.0,
        style,
    )?;
    let total_edge = finite_runs(&spec.years, &total);
    draw_line(
        &mut chart,
        total_edge,
        emerging_colour,
        LineKind::Solid,
        2.0,
        style,
    )?;
    if let Some(marker) = &spec.marker {
        draw_marker(
            &mut chart,
            marker,
            &year_axis,
            &value_axis,
            layout.font,
            style,
        )?;
    }

    if let (Some(strip), Some(share_area)) = (&spec.share, share_area) {
        let share = emerging_share_pct(&traditional, &spec.emerging);
        let share_axis = ValueAxis::fixed(0.0, 100.0, 3);
        let text = AxisText {
            x_desc: &spec.x_label,
            y_desc: &strip.y_label,
            x_labels: true,
        };
        let mut chart = frame(&share_area, &layout, &year_axis, &share_axis, &text, style)?;
        if let Some(threshold) = strip.threshold_pct.filter(|pct| pct.is_finite()) {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(year_axis.first, threshold), (year_axis.last, threshold)],
                AXIS_GREY.stroke_width(style.width(1.0)),
            )))?;
        }
        if let Some(marker) = &spec.marker {
            let unlabelled = YearMarker {
                year: marker.year,
                label: String::new(),
            };
            draw_marker(
                &mut chart,
                &unlabelled,
                &year_axis,
                &share_axis,
                layout.font,
                style,
            )?;
        }
        let runs = finite_runs(&spec.years, &share);
        let labelled = match &spec.marker {
            Some(marker) => runs
                .iter()
                .flatten()
                .find(|(year, _)| *year == i32::from(marker.year))
                .copied(),
            None => runs.last().and_then(|run| run.last()).copied(),
        };
        draw_line(
            &mut chart,
            runs,
            emerging_colour,
            LineKind::Dashed,
            2.0,
            style,
        )?;
        if let Some((year, share_pct)) = labelled {
            draw_share_label(&mut chart, year, share_pct, &year_axis, layout.font, style)?;
        }
    }
    root.present()?;
    Ok(())
}

/// The marker's line, and its label at the top beside it.
fn draw_marker<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    marker: &YearMarker,
    year_axis: &YearAxis,
    value_axis: &ValueAxis,
    font_css: f64,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let year = i32::from(marker.year);
    if year < year_axis.first || year > year_axis.last {
        return Ok(());
    }
    draw_year_line(
        chart,
        year,
        value_axis.low,
        value_axis.high,
        AXIS_GREY,
        style,
    )?;
    if marker.label.is_empty() {
        return Ok(());
    }
    let gap = style.px(4.0).round() as i32;
    let (h_pos, dx) = if year_axis.is_right_half(year) {
        (HPos::Right, -gap)
    } else {
        (HPos::Left, gap)
    };
    let font = style
        .font(font_css)
        .color(&TEXT_GREY)
        .pos(Pos::new(h_pos, VPos::Top));
    chart.draw_series(std::iter::once(
        EmptyElement::at((year, value_axis.high))
            + Text::new(marker.label.clone(), (dx, gap), font),
    ))?;
    Ok(())
}

/// The share's value, with one decimal so 49.6 % does not read as 50 %.
fn draw_share_label<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    year: i32,
    share_pct: f64,
    year_axis: &YearAxis,
    font_css: f64,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let gap = style.px(4.0).round() as i32;
    let (h_pos, dx) = if year_axis.is_right_half(year) {
        (HPos::Right, -gap)
    } else {
        (HPos::Left, gap)
    };
    let font = style
        .font(font_css)
        .style(FontStyle::Bold)
        .color(&TEXT_GREY)
        .pos(Pos::new(h_pos, VPos::Bottom));
    chart.draw_series(std::iter::once(
        EmptyElement::at((year, share_pct))
            + Text::new(format!("{share_pct:.1}%"), (dx, -gap), font),
    ))?;
    Ok(())
}
