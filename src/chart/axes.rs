//! Axes shared by the panel, composition and indicator charts: the ranges,
//! the tick positions (chosen here, not by plotters, so the labels' decimals
//! match the step) and the frame every chart is built on.

use std::ops::Range;

use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::ChartStyle;

/// Where a value axis starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AxisStart {
    /// At zero (or below it, if a value is negative): the honest default,
    /// so heights can be compared.
    #[default]
    Zero,
    /// Just below the smallest value, for indicators that move a few tenths
    /// of a point on a large level (e.g. R&D share 2.3 → 3.2 %).
    Data,
}

/// The coordinates of every chart but the plain line chart: years across,
/// values up, both with ticks chosen in this module.
pub(crate) type YearValue = Cartesian2d<WithKeyPoints<RangedCoordi32>, ValueAxis>;

/// The year axis: its ends and the years labelled.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct YearAxis {
    pub first: i32,
    pub last: i32,
    pub ticks: Vec<i32>,
}

impl YearAxis {
    /// The axis over every year given, or `None` if there is none. A single
    /// year gets a year of room on either side so its marks are visible.
    pub fn over(years: impl IntoIterator<Item = u16>, max_labels: usize) -> Option<YearAxis> {
        let (first, last) = years.into_iter().fold(None, |range, year| {
            let year = i32::from(year);
            match range {
                None => Some((year, year)),
                Some((first, last)) => Some((i32::min(first, year), i32::max(last, year))),
            }
        })?;
        let ticks = year_ticks(first, last, max_labels);
        let (first, last) = if first == last {
            (first - 1, last + 1)
        } else {
            (first, last)
        };
        Some(YearAxis { first, last, ticks })
    }

    /// Whether `year` is in the right half, where a label goes to its left.
    pub fn is_right_half(&self, year: i32) -> bool {
        2 * (year - self.first) > self.last - self.first
    }
}

/// At most `max_labels` years, counted back from the last one in steps of
/// 1, 2, 3, 5, 10… so the final (test) year is always labelled.
pub(crate) fn year_ticks(first: i32, last: i32, max_labels: usize) -> Vec<i32> {
    let max_labels = max_labels.max(2) as i64;
    let span = i64::from(last) - i64::from(first);
    let step = [
        1_i64, 2, 3, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000,
        100000,
    ]
    .into_iter()
    .find(|step| span / step < max_labels)
    .unwrap_or(span.max(1));
    let mut ticks: Vec<i32> = (0..=span / step)
        .map(|tick_idx| (i64::from(last) - tick_idx * step) as i32)
        .collect();
    ticks.reverse();
    ticks
}

/// The value axis: its ends, the values labelled and their decimals.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ValueAxis {
    pub low: f64,
    pub high: f64,
    pub ticks: Vec<f64>,
    pub decimals: usize,
}

impl ValueAxis {
    /// An axis holding every finite value with a little headroom, ending on
    /// ticks at 1, 2 or 5 times a power of ten. Non-finite values are
    /// ignored; no finite value at all gives 0…1.
    pub fn over(
        values: impl IntoIterator<Item = f64>,
        start: AxisStart,
        max_labels: usize,
    ) -> ValueAxis {
        let (data_low, data_high) = values
            .into_iter()
            .filter(|value| value.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| {
                (low.min(value), high.max(value))
            });
        if data_low > data_high {
            return ValueAxis::fixed(0.0, 1.0, max_labels);
        }
        let (mut low, mut high) = match start {
            AxisStart::Zero => (data_low.min(0.0), data_high.max(0.0)),
            AxisStart::Data => (data_low, data_high),
        };
        let span = high - low;
        if !span.is_finite() {
            return ValueAxis::fixed(0.0, 1.0, max_labels);
        }
        if span == 0.0 {
            let pad = if low == 0.0 { 1.0 } else { low.abs() * 0.1 };
            high += pad;
            if start == AxisStart::Data || low < 0.0 {
                low -= pad;
            }
        } else {
            high += span * 0.05;
            if start == AxisStart::Data || low < 0.0 {
                low -= span * 0.05;
            }
            if start == AxisStart::Data && data_low >= 0.0 {
                low = low.max(0.0);
            }
        }
        ValueAxis::fixed(low, high, max_labels)
    }

    /// An axis from `low` to `high` rounded outwards to whole ticks.
    pub fn fixed(low: f64, high: f64, max_labels: usize) -> ValueAxis {
        let intervals = max_labels.clamp(2, 12) - 1;
        let step = nice_step((high - low) / intervals as f64);
        let low_tick = (low / step).floor();
        let high_tick = (high / step).ceil();
        let n_ticks = high_tick - low_tick;
        if !step.is_finite()
            || step <= 0.0
            || !n_ticks.is_finite()
            || !(1.0..=40.0).contains(&n_ticks)
        {
            return ValueAxis {
                low: 0.0,
                high: 1.0,
                ticks: vec![0.0, 0.5, 1.0],
                decimals: 1,
            };
        }
        let ticks: Vec<f64> = (0..=n_ticks as i64)
            .map(|tick_idx| (low_tick + tick_idx as f64) * step + 0.0)
            .collect();
        let decimals = (-step.log10().floor()).clamp(0.0, 6.0) as usize;
        ValueAxis {
            low: low_tick * step,
            high: high_tick * step,
            ticks,
            decimals,
        }
    }

    /// A tick label: as many decimals as the step needs, never "-0".
    pub fn format(&self, value: f64) -> String {
        let text = format!("{:.*}", self.decimals, value + 0.0);
        if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
            text.trim_start_matches('-').to_string()
        } else {
            text
        }
    }
}

/// A value axis is its own plotters coordinate, so the mesh labels exactly
/// its ticks (plotters' own `f64` coordinate cannot take custom ticks and
/// still be labelled).
impl Ranged for ValueAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let value = clamp_near(*value, self.low, self.high);
        RangedCoordf64::from(self.low..self.high).map(&value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.low..self.high
    }
}

/// `value` held within four axis lengths of the axis: far enough to be
/// off the chart, near enough that plotters' pixel arithmetic (`i32`, which
/// overflows and panics in debug builds) stays in range.
pub(crate) fn clamp_near(value: f64, low: f64, high: f64) -> f64 {
    let span = high - low;
    if !span.is_finite() || span <= 0.0 || value.is_nan() {
        return value;
    }
    value.clamp(low - 4.0 * span, high + 4.0 * span)
}

/// The smallest step of 1, 2 or 5 times a power of ten at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return f64::NAN;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let mantissa = raw / magnitude;
    let nice = if mantissa <= 1.0 + 1e-9 {
        1.0
    } else if mantissa <= 2.0 + 1e-9 {
        2.0
    } else if mantissa <= 5.0 + 1e-9 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// How many labels fit: one year per 56 CSS pixels across, one value per
/// 36 CSS pixels up.
pub(crate) fn label_counts(size_px: (u32, u32), style: &ChartStyle) -> (usize, usize) {
    let css_width = f64::from(size_px.0) / style.scale_factor();
    let css_height = f64::from(size_px.1) / style.scale_factor();
    (
        ((css_width / 56.0) as usize).max(2),
        ((css_height / 36.0) as usize).clamp(2, 7),
    )
}

/// Margins and label areas in CSS pixels.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout {
    pub margin: f64,
    pub margin_right: f64,
    /// Room for the year labels; a year axis description adds a line.
    pub x_label_area: f64,
    pub y_label_area: f64,
    /// Font size of tick labels and axis descriptions.
    pub font: f64,
}

impl Layout {
    /// Tight for small multiples (under 480 CSS pixels wide), roomier for
    /// a full-width chart.
    pub fn for_width(width_px: u32, style: &ChartStyle) -> Layout {
        if f64::from(width_px) / style.scale_factor() < 480.0 {
            Layout {
                margin: 6.0,
                margin_right: 14.0,
                x_label_area: 24.0,
                y_label_area: 60.0,
                font: 13.0,
            }
        } else {
            Layout {
                margin: 12.0,
                margin_right: 28.0,
                x_label_area: 28.0,
                y_label_area: 64.0,
                font: 13.0,
            }
        }
    }
}

/// What the axes of one chart say.
pub(crate) struct AxisText<'a> {
    pub x_desc: &'a str,
    pub y_desc: &'a str,
    /// Whether the years are labelled (not on a chart stacked above another).
    pub x_labels: bool,
}

impl AxisText<'_> {
    /// The height under the plot, in CSS px: the years and their
    /// description, if shown.
    fn x_label_area(&self, layout: &Layout) -> f64 {
        match (self.x_labels, self.x_desc.is_empty()) {
            (false, _) => 0.0,
            (true, true) => layout.x_label_area,
            (true, false) => layout.x_label_area + layout.font + 6.0,
        }
    }

    /// Whether the value axis's description, which runs up the side centred
    /// on the plot, fits beside a plot in an area `height_css` tall: it may
    /// reach into the top margin, no farther (a longer one would run into a
    /// title above). A short panel keeps its numbers instead.
    pub(crate) fn y_desc_fits(&self, height_css: f64, layout: &Layout) -> bool {
        !self.y_desc.is_empty()
            && super::waterfall::text_width_css(self.y_desc, layout.font)
                <= height_css - self.x_label_area(layout)
    }
}

/// Builds a chart over `area` and draws its grid and axes.
pub(crate) fn frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    layout: &Layout,
    years: &YearAxis,
    values: &ValueAxis,
    text: &AxisText<'_>,
    style: &ChartStyle,
) -> Result<ChartContext<'a, DB, YearValue>, DrawingAreaErrorKind<DB::ErrorType>> {
    let x_label_area = text.x_label_area(layout);
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(layout.margin))
        .margin_right(style.px(layout.margin_right))
        .x_label_area_size(style.px(x_label_area))
        .y_label_area_size(style.px(layout.y_label_area))
        .build_cartesian_2d(
            (years.first..years.last).with_key_points(years.ticks.clone()),
            values.clone(),
        )?;
    let year_formatter = |year: &i32| year.to_string();
    let value_formatter = |value: &f64| values.format(*value);
    let label_font = style.font(layout.font).color(&TEXT_GREY);
    let mut mesh = chart.configure_mesh();
    mesh.x_label_formatter(&year_formatter)
        .y_label_formatter(&value_formatter)
        .label_style(label_font.clone())
        .axis_desc_style(label_font)
        .bold_line_style(GRID_GREY.stroke_width(style.width(1.0)))
        .axis_style(AXIS_GREY.stroke_width(style.width(1.0)));
    if text.x_labels && !text.x_desc.is_empty() {
        mesh.x_desc(text.x_desc);
    }
    if text.y_desc_fits(f64::from(area.dim_in_pixel().1) / style.px(1.0), layout) {
        mesh.y_desc(text.y_desc);
    }
    mesh.draw()?;
    Ok(chart)
}

pub(crate) const TEXT_GREY: RGBColor = RGBColor(51, 51, 51);
pub(crate) const AXIS_GREY: RGBColor = RGBColor(120, 120, 120);
pub(crate) const GRID_GREY: RGBColor = RGBColor(228, 228, 228);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_ticks_count_back_from_the_last_year() {
        assert_eq!(
            year_ticks(2017, 2028, 12),
            (2017..=2028).collect::<Vec<_>>()
        );
        assert_eq!(year_ticks(2017, 2028, 5), vec![2019, 2022, 2025, 2028]);
        assert_eq!(year_ticks(2017, 2028, 2), vec![2018, 2028]);
        assert_eq!(year_ticks(2020, 2020, 5), vec![2020]);
    }

    #[test]
    fn value_axis_starts_at_zero_unless_asked() {
        let zero = ValueAxis::over([600.0, 1180.0], AxisStart::Zero, 6);
        assert_eq!((zero.low, zero.high), (0.0, 1500.0));
        assert_eq!(zero.ticks, vec![0.0, 500.0, 1000.0, 1500.0]);
        assert_eq!(zero.format(200.0), "200");
        let data = ValueAxis::over([2.3, 2.8, 3.1], AxisStart::Data, 6);
        assert!(data.low > 2.0 && data.low <= 2.3, "{data:?}");
        assert!(data.high >= 3.1 && data.high < 3.5, "{data:?}");
        assert_eq!(data.format(2.4), "2.4");
    }

    #[test]
    fn value_axis_survives_degenerate_input() {
        for values in [
            vec![],
            vec![f64::NAN, f64::INFINITY],
            vec![0.0],
            vec![5.0, 5.0],
            vec![-3.0],
            vec![f64::MAX, -f64::MAX],
            vec![1e-300, 2e-300],
        ] {
            let axis = ValueAxis::over(values.clone(), AxisStart::Data, 6);
            assert!(axis.low < axis.high, "{values:?}: {axis:?}");
            assert!(axis.ticks.len() >= 2, "{values:?}: {axis:?}");
        }
        assert_eq!(ValueAxis::fixed(-0.4, 0.4, 3).format(-0.0), "0.0");
    }
}
