//! A tornado chart: for each assumption, how far one result moves when the
//! assumption steps down and up, as bars left and right of the current
//! value, largest effect at the top.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{AxisStart, AXIS_GREY, TEXT_GREY};
use super::waterfall::{text_width_css, unsigned, Frame, RowFrame};
use super::{ChartStyle, PALETTE};

/// The colour of the result when an assumption steps down (Okabe–Ito
/// orange).
pub const TORNADO_DOWN: RGBColor = PALETTE[1];
/// The colour of the result when an assumption steps up (Okabe–Ito blue).
pub const TORNADO_UP: RGBColor = PALETTE[0];

/// One assumption's effect.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TornadoBar {
    /// The assumption and its step, e.g. "高端化工增速 2018—2022 ±1 个百分点".
    pub label: String,
    /// The result with the assumption stepped down.
    pub low: f64,
    /// The result with the assumption stepped up.
    pub high: f64,
}

/// What a tornado chart shows. Bars are drawn in the order given (sort
/// them by effect first); non-finite values draw no bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TornadoSpec {
    /// Drawn at the top when not empty.
    pub title: String,
    /// The value axis' description with its unit, e.g. "研发投入占比(%)".
    pub value_label: String,
    /// The result under the current assumptions: the bars' common origin.
    pub baseline: f64,
    /// Drawn at the top of the baseline line, e.g. "当前 2.85".
    pub baseline_label: String,
    /// The goal, drawn as a dashed grey line when given.
    pub target: Option<f64>,
    /// Drawn at the top of the target line, e.g. "目标 3.00".
    pub target_label: String,
    /// Legend text of the two colours, e.g. "假设调低" and "假设调高".
    pub down_label: String,
    pub up_label: String,
    /// Top to bottom.
    pub bars: Vec<TornadoBar>,
    /// Decimals of the value labels.
    pub decimals: usize,
}

/// Draws a tornado: per row, a bar from the baseline to the result with the
/// assumption stepped down ([`TORNADO_DOWN`]) and one to the result with it
/// stepped up ([`TORNADO_UP`]), each end labelled with its value; the
/// baseline as a dark line, the target as a dashed grey line, a legend of
/// the two colours. Every size is multiplied by [`ChartStyle::scale`].
///
/// Errors from the backend are returned; non-finite values and an empty
/// spec draw what they can, never panic.
///
/// ```
/// use pathways::chart::{to_svg, AnyChart, ChartStyle, TornadoBar, TornadoSpec};
///
/// let spec = TornadoSpec {
///     title: "研发投入占比 2022".into(),
///     value_label: "%".into(),
///     baseline: 2.5,
///     baseline_label: "当前 2.50".into(),
///     target: Some(2.5),
///     target_label: "目标 2.50".into(),
///     down_label: "假设调低".into(),
///     up_label: "假设调高".into(),
///     bars: vec![
///         TornadoBar { label: "新材料增速 ±1 个百分点".into(), low: 2.4, high: 2.61 },
///         TornadoBar { label: "GDP 基数 ±10%".into(), low: 2.56, high: 2.45 },
///     ],
///     decimals: 2,
/// };
/// let svg = to_svg(AnyChart::Tornado(&spec), (640, 300), &ChartStyle::default())?;
/// assert!(svg.contains("新材料增速") && svg.contains("2.61"));
/// # Ok::<(), String>(())
/// ```
pub fn draw_tornado<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &TornadoSpec,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let labels: Vec<&str> = spec.bars.iter().map(|bar| bar.label.as_str()).collect();
    let legend = [
        (TORNADO_DOWN, spec.down_label.as_str()),
        (TORNADO_UP, spec.up_label.as_str()),
    ];
    let legend: Vec<(RGBColor, &str)> = legend
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .collect();
    let values: Vec<f64> = spec
        .bars
        .iter()
        .flat_map(|bar| [bar.low, bar.high])
        .chain([spec.baseline])
        .chain(spec.target)
        .collect();
    let rows = RowFrame::new(
        root,
        &Frame {
            title: &spec.title,
            note: "",
            value_label: &spec.value_label,
            labels: &labels,
            values,
            axis_start: AxisStart::Data,
            legend: &legend,
            top_labels: true,
            value_label_css: spec
                .bars
                .iter()
                .flat_map(|bar| [bar.low, bar.high])
                .map(|value| text_width_css(&unsigned(value, spec.decimals), 13.0))
                .fold(0.0, f64::max),
        },
        style,
    )?;
    let Some(rows) = rows else {
        root.present()?;
        return Ok(());
    };
    let baseline = spec.baseline;
    let thickness = rows.bar_thickness();
    for (row_idx, bar) in spec.bars.iter().enumerate() {
        rows.draw_row_label(root, row_idx, &bar.label, false, style)?;
        if !baseline.is_finite() {
            continue;
        }
        let centre = rows.row_centre(row_idx);
        let x_base = rows.x(baseline);
        // The farther end first, so a nearer one on the same side shows.
        let mut ends = [(bar.low, TORNADO_DOWN), (bar.high, TORNADO_UP)];
        let distance = |value: f64| (value - baseline).abs();
        if distance(ends[1].0).total_cmp(&distance(ends[0].0)).is_gt() {
            ends.swap(0, 1);
        }
        for (value, colour) in ends {
            if !value.is_finite() {
                continue;
            }
            let x_end = rows.x(value);
            let (left, right) = (x_base.min(x_end), x_base.max(x_end));
            root.draw(&Rectangle::new(
                [
                    (left, centre - thickness / 2),
                    (right.max(left + 1), centre + thickness / 2),
                ],
                colour.filled(),
            ))?;
        }
        for value in [bar.low, bar.high] {
            if !value.is_finite() || (value - baseline).abs() <= f64::EPSILON * baseline.abs() {
                continue;
            }
            let x_end = rows.x(value);
            rows.draw_value_label(
                root,
                row_idx,
                x_end,
                value > baseline,
                &unsigned(value, spec.decimals),
                style,
            )?;
        }
    }
    let target = spec.target.filter(|target| target.is_finite());
    // Each line's label on the side away from the other line.
    let target_right_of_baseline = target.is_some_and(|target| target >= baseline);
    if let Some(target) = target {
        let x = rows.x(target);
        let dash = style.width(5.0);
        root.draw(&plotters::element::DashedPathElement::new(
            vec![(x, rows.top), (x, rows.bottom)],
            dash,
            dash,
            AXIS_GREY.stroke_width(style.width(1.5)),
        ))?;
        draw_line_label(
            root,
            &rows,
            x,
            &spec.target_label,
            target_right_of_baseline || !baseline.is_finite(),
            style,
        )?;
    }
    if baseline.is_finite() {
        rows.draw_zero_line(root, baseline, TEXT_GREY, 2.0, style)?;
        draw_line_label(
            root,
            &rows,
            rows.x(baseline),
            &spec.baseline_label,
            target.is_none() || !target_right_of_baseline,
            style,
        )?;
    }
    root.present()?;
    Ok(())
}

/// A label at the top of a vertical line, to its right or left.
fn draw_line_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &RowFrame,
    x: i32,
    text: &str,
    towards_right: bool,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    if text.is_empty() {
        return Ok(());
    }
    let gap = style.px(3.0).round() as i32;
    let (h_pos, dx) = if towards_right {
        (HPos::Left, gap)
    } else {
        (HPos::Right, -gap)
    };
    let font = style
        .font(rows.font_css)
        .color(&TEXT_GREY)
        .pos(Pos::new(h_pos, VPos::Bottom));
    root.draw_text(text, &font, (x + dx, rows.top - gap))
}
