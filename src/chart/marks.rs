//! The marks every chart shares, one convention each: projections dashed,
//! published actuals as filled circles, goals as filled diamonds, the
//! uncertainty band as a translucent fill of the series colour.

use std::ops::Range;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axes::{YearAxis, YearValue, TEXT_GREY};
use super::waterfall::wrap_two_lines;
use super::{ChartStyle, LineKind};

/// The P10–P90 band of a Monte Carlo run, one value each per year of the
/// chart's `years`. A year where either end is not finite leaves a gap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Band {
    pub p10: Vec<f64>,
    pub p90: Vec<f64>,
}

/// Another scenario's path over the same years, drawn dotted in its own
/// palette colour (scenario comparison).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    pub values: Vec<f64>,
    pub palette_idx: usize,
}

/// A goal drawn as a filled diamond, with a short label beside it (e.g.
/// "2022 目标"); an empty label draws the diamond alone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoalMarker {
    pub year: u16,
    pub value: f64,
    pub label: String,
}

pub(crate) type Chart<'a, DB> = ChartContext<'a, DB, YearValue>;
type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The runs of consecutive indices below `len` for which `keep` holds.
fn index_runs(len: usize, keep: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for idx in 0..len {
        match (keep(idx), start) {
            (true, None) => start = Some(idx),
            (false, Some(run_start)) => {
                runs.push(run_start..idx);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(run_start) = start {
        runs.push(run_start..len);
    }
    runs
}

/// The runs of consecutive years whose value is finite: a missing value
/// breaks a line instead of being bridged.
pub(crate) fn finite_runs(years: &[u16], values: &[f64]) -> Vec<Vec<(i32, f64)>> {
    let len = years.len().min(values.len());
    index_runs(len, |idx| values[idx].is_finite())
        .into_iter()
        .map(|run| {
            run.map(|idx| (i32::from(years[idx]), values[idx]))
                .collect()
        })
        .collect()
}

/// A line through each run: dashed for projections, solid for the plan's
/// required path, dotted to tell a fourth scenario apart.
pub(crate) fn draw_line<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    runs: Vec<Vec<(i32, f64)>>,
    colour: RGBColor,
    kind: LineKind,
    width_css: f64,
    style: &ChartStyle,
) -> DrawResult<DB> {
    let line_style = colour.stroke_width(style.width(width_css));
    // A run of one year is a point, not a line: no stroke to draw.
    for run in runs.into_iter().filter(|run| run.len() > 1) {
        match kind {
            LineKind::Solid => {
                chart.draw_series(LineSeries::new(run, line_style))?;
            }
            LineKind::Dashed => {
                chart.draw_series(DashedLineSeries::new(
                    run,
                    style.width(7.0),
                    style.width(4.0),
                    line_style,
                ))?;
            }
            LineKind::Dotted => {
                chart.draw_series(DashedLineSeries::new(
                    run,
                    style.width(2.0),
                    style.width(4.0),
                    line_style,
                ))?;
            }
        }
    }
    Ok(())
}

/// The band between two paths as one translucent polygon per run of years
/// where both are finite.
pub(crate) fn draw_fill_between<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    years: &[u16],
    lower: &[f64],
    upper: &[f64],
    fill: RGBAColor,
) -> DrawResult<DB> {
    let len = years.len().min(lower.len()).min(upper.len());
    let runs = index_runs(len, |idx| lower[idx].is_finite() && upper[idx].is_finite());
    for run in runs {
        let mut outline: Vec<(i32, f64)> = run
            .clone()
            .map(|idx| (i32::from(years[idx]), upper[idx]))
            .collect();
        outline.extend(run.rev().map(|idx| (i32::from(years[idx]), lower[idx])));
        chart.draw_series(std::iter::once(Polygon::new(outline, fill.filled())))?;
    }
    Ok(())
}

/// Published actuals: filled circles, the surest marks on the chart.
pub(crate) fn draw_actuals<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    actuals: &[(u16, f64)],
    colour: RGBColor,
    style: &ChartStyle,
) -> DrawResult<DB> {
    let radius = style.px(3.5).round().max(1.0) as i32;
    chart.draw_series(
        actuals
            .iter()
            .filter(|(_, value)| value.is_finite())
            .map(|(year, value)| Circle::new((i32::from(*year), *value), radius, colour.filled())),
    )?;
    Ok(())
}

/// Goals: filled diamonds with their labels beside them, to the left of a
/// goal in the right half of the chart so the label stays inside.
pub(crate) fn draw_goals<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    goals: &[GoalMarker],
    colour: RGBColor,
    years: &YearAxis,
    font_css: f64,
    style: &ChartStyle,
) -> DrawResult<DB> {
    let size = style.px(6.0).round().max(2.0) as i32;
    let gap = style.px(3.0).round() as i32;
    for goal in goals.iter().filter(|goal| goal.value.is_finite()) {
        let year = i32::from(goal.year);
        chart.draw_series(std::iter::once(
            EmptyElement::at((year, goal.value))
                + Polygon::new(
                    vec![(0, -size), (size, 0), (0, size), (-size, 0)],
                    colour.filled(),
                ),
        ))?;
        if goal.label.is_empty() {
            continue;
        }
        let right = years.is_right_half(year);
        let (h_pos, dx) = if right {
            (HPos::Right, -size - gap)
        } else {
            (HPos::Left, size + gap)
        };
        let font = style
            .font(font_css)
            .color(&TEXT_GREY)
            .pos(Pos::new(h_pos, VPos::Bottom));
        // On a white tag, as the overview's goal values are: the projection,
        // the required path and the band run under the label.
        let (width, height) = chart
            .plotting_area()
            .estimate_text_size(&goal.label, &font)?;
        let (width, height) = (width as i32, height as i32);
        let left = if right { dx - width } else { dx };
        chart.draw_series(std::iter::once(
            EmptyElement::at((year, goal.value))
                + label_tag([(left, -gap - height), (left + width, -gap)], style)
                + Text::new(goal.label.clone(), (dx, -gap), font),
        ))?;
    }
    Ok(())
}

/// The white tag under a label written over lines, so they do not blur
/// it: the text's box (upper left, bottom right, in pixels) with 2 CSS px
/// around it, filled mostly opaque. The overview's goal values and the
/// small charts' goal labels both sit on one.
pub(crate) fn label_tag(
    [(left, top), (right, bottom)]: [(i32, i32); 2],
    style: &ChartStyle,
) -> Rectangle<(i32, i32)> {
    let pad = style.px(2.0).round() as i32;
    Rectangle::new(
        [(left - pad, top - pad), (right + pad, bottom + pad)],
        WHITE.mix(0.85).filled(),
    )
}

/// A vertical line at `year` across the whole value range.
pub(crate) fn draw_year_line<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    year: i32,
    low: f64,
    high: f64,
    colour: RGBColor,
    style: &ChartStyle,
) -> DrawResult<DB> {
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(year, low), (year, high)],
        colour.stroke_width(style.width(1.5)),
    )))?;
    Ok(())
}

/// A title at the top left of `area`, in the chart's font, a little bolder,
/// on two lines when one is too narrow for it (the second cut with an
/// ellipsis if need be); returns the height it took, in CSS px.
pub(crate) fn draw_title<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    title: &str,
    font_css: f64,
    style: &ChartStyle,
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let font = style
        .font(font_css)
        .style(FontStyle::Bold)
        .color(&TEXT_GREY)
        .pos(Pos::new(HPos::Left, VPos::Top));
    let inset = style.px(6.0).round() as i32;
    let lines = title_lines(title, area.dim_in_pixel().0, font_css, style);
    for (idx, line) in lines.iter().enumerate() {
        let y = style.px(4.0 + line_step_css(font_css) * idx as f64).round() as i32;
        area.draw_text(line, &font, (inset, y))?;
    }
    Ok(title_height_css(lines.len(), font_css))
}

/// The lines [`draw_title`] draws a title in, over an area `width_px` wide.
pub(crate) fn title_lines(
    title: &str,
    width_px: u32,
    font_css: f64,
    style: &ChartStyle,
) -> Vec<String> {
    let width_css = f64::from(width_px) / style.px(1.0);
    wrap_two_lines(title, width_css - 12.0, font_css)
}

/// How much height a title of `lines` lines takes, in CSS pixels.
pub(crate) fn title_height_css(lines: usize, font_css: f64) -> f64 {
    line_step_css(font_css) * lines as f64 + 6.0
}

/// From one line of wrapped chart text (a title, a note) to the next, in
/// CSS pixels.
pub(crate) fn line_step_css(font_css: f64) -> f64 {
    font_css + 4.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_value_breaks_the_line() {
        let runs = finite_runs(
            &[2017, 2018, 2019, 2020, 2021],
            &[1.0, 2.0, f64::NAN, 4.0, 5.0],
        );
        assert_eq!(
            runs,
            vec![
                vec![(2017, 1.0), (2018, 2.0)],
                vec![(2020, 4.0), (2021, 5.0)]
            ]
        );
        assert!(finite_runs(&[2017], &[f64::INFINITY]).is_empty());
        assert_eq!(finite_runs(&[2017, 2018], &[1.0]), vec![vec![(2017, 1.0)]]);
    }
}
