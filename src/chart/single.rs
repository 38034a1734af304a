//! One quantity over the years: what an industry panel and an indicator
//! chart have in common (title, band, projection, actuals, goals).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{frame, label_counts, AxisStart, AxisText, Layout, ValueAxis, YearAxis};
use super::marks::Overlay;
use super::marks::{
    draw_actuals, draw_fill_between, draw_goals, draw_line, draw_title, finite_runs,
    title_height_css, title_lines, Band, GoalMarker,
};
use super::{series_colour, ChartStyle, LineKind};

/// Borrowed parts of a panel or indicator spec.
pub(crate) struct SingleChart<'a> {
    pub title: &'a str,
    pub years: &'a [u16],
    pub projection: &'a [f64],
    /// A solid reference path (the plan's required path), if any.
    pub reference: Option<(&'a [f64], RGBColor)>,
    pub band: Option<&'a Band>,
    pub goals: &'a [GoalMarker],
    pub actuals: &'a [(u16, f64)],
    pub y_label: &'a str,
    pub x_label: &'a str,
    pub palette_idx: usize,
    pub axis_start: AxisStart,
    /// Other scenarios' paths, drawn dotted.
    pub overlays: &'a [Overlay],
}

pub(crate) fn draw_single<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &SingleChart<'_>,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let size_px = root.dim_in_pixel();
    let layout = Layout::for_width(size_px.0, style);
    let mut text = AxisText {
        x_desc: spec.x_label,
        y_desc: spec.y_label,
        x_labels: true,
    };
    let body = if spec.title.is_empty() {
        root.clone()
    } else {
        // A panel too short for the unit up its side (a phone) names the
        // unit in its title instead. The check is made on the body the
        // frame will see, under the title as it wraps (one line or two),
        // so the unit is always in one place or the other.
        let font_css = layout.font + 2.0;
        let lines = title_lines(spec.title, size_px.0, font_css, style).len();
        let title_px = style.px(title_height_css(lines, font_css)).round() as u32;
        let body_css = f64::from(size_px.1.saturating_sub(title_px)) / style.px(1.0);
        let title = if spec.y_label.is_empty() || text.y_desc_fits(body_css, &layout) {
            spec.title.to_string()
        } else {
            text.y_desc = "";
            format!("{} · {}", spec.title, spec.y_label)
        };
        let title_css = draw_title(root, &title, font_css, style)?;
        root.split_vertically(style.px(title_css).round() as u32).1
    };
    let (max_x_labels, max_y_labels) = label_counts(body.dim_in_pixel(), style);
    let years = spec
        .years
        .iter()
        .copied()
        .chain(spec.goals.iter().map(|goal| goal.year))
        .chain(spec.actuals.iter().map(|(year, _)| *year));
    let Some(year_axis) = YearAxis::over(years, max_x_labels) else {
        root.present()?;
        return Ok(());
    };
    let n_years = spec.years.len();
    let band_values = spec.band.into_iter().flat_map(|band| {
        band.p10
            .iter()
            .take(n_years)
            .chain(band.p90.iter().take(n_years))
    });
    let values = spec
        .projection
        .iter()
        .take(n_years)
        .chain(
            spec.reference
                .into_iter()
                .flat_map(|(path, _)| path.iter().take(n_years)),
        )
        .chain(band_values)
        .chain(
            spec.overlays
                .iter()
                .flat_map(|overlay| overlay.values.iter().take(n_years)),
        )
        .copied()
        .chain(spec.goals.iter().map(|goal| goal.value))
        .chain(spec.actuals.iter().map(|(_, value)| *value));
    let value_axis = ValueAxis::over(values, spec.axis_start, max_y_labels);
    let mut chart = frame(&body, &layout, &year_axis, &value_axis, &text, style)?;

    let colour = series_colour(spec.palette_idx);
    if let Some(band) = spec.band {
        draw_fill_between(
            &mut chart,
            spec.years,
            &band.p10,
            &band.p90,
            colour.mix(0.2),
        )?;
    }
    if let Some((path, grey)) = spec.reference {
        draw_line(
            &mut chart,
            finite_runs(spec.years, path),
            grey,
            LineKind::Solid,
            2.0,
            style,
        )?;
    }
    for overlay in spec.overlays {
        draw_line(
            &mut chart,
            finite_runs(spec.years, &overlay.values),
            series_colour(overlay.palette_idx),
            LineKind::Dotted,
            2.0,
            style,
        )?;
    }
    draw_line(
        &mut chart,
        finite_runs(spec.years, spec.projection),
        colour,
        LineKind::Dashed,
        2.5,
        style,
    )?;
    draw_actuals(&mut chart, spec.actuals, colour, style)?;
    draw_goals(
        &mut chart,
        spec.goals,
        colour,
        &year_axis,
        layout.font,
        style,
    )?;
    root.present()?;
    Ok(())
}
