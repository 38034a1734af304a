//! A waterfall (bridge) chart, drawn across: one row per bar, its label on
//! the left, so long industry names in either language fit; each step starts
//! where the one above ended.
//!
//! Also the row layout the tornado chart shares: a value axis across the
//! bottom, a label column on the left, value labels beside the bars.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axes::{AxisStart, Layout, ValueAxis, AXIS_GREY, GRID_GREY, TEXT_GREY};
use super::marks::{draw_title, line_step_css};
use super::{ChartStyle, PALETTE};

/// The colour of a step that adds (Okabe–Ito blue).
pub const WATERFALL_UP: RGBColor = PALETTE[0];
/// The colour of a step that takes away (Okabe–Ito vermillion): told apart
/// from blue with every common colour-vision deficiency, and each step's
/// value label carries its sign as well.
pub const WATERFALL_DOWN: RGBColor = PALETTE[5];
/// The colour of start and total bars.
pub const WATERFALL_TOTAL: RGBColor = RGBColor(150, 150, 150);

/// What a bar of a waterfall is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WaterfallKind {
    /// An absolute level drawn from zero; the steps below start from it.
    Start,
    /// A change drawn from where the bar above ended.
    #[default]
    Step,
    /// An absolute level drawn from zero (the sum so far, as computed by
    /// whoever built the spec); the steps below start from it.
    Total,
}

/// One bar of a waterfall.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WaterfallBar {
    pub label: String,
    /// The level of a start or total bar, the change of a step.
    pub value: f64,
    pub kind: WaterfallKind,
}

/// What a waterfall shows. A non-finite value draws no bar (its label and
/// a dash stay) and changes nothing below it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WaterfallSpec {
    /// Drawn at the top when not empty.
    pub title: String,
    /// A grey line under the title saying what zero means, e.g.
    /// "0 = 2022 年收入目标合计 2200 亿元"; empty draws none.
    pub note: String,
    /// The value axis' description with its unit, e.g. "亿元".
    pub value_label: String,
    /// Top to bottom.
    pub bars: Vec<WaterfallBar>,
    /// Decimals of the value labels.
    pub decimals: usize,
}

impl WaterfallSpec {
    /// Each bar's (from, to) on the value axis: a start or total bar from
    /// zero to its value, a step from the running level to the running
    /// level plus its change. A non-finite bar spans nothing, at the
    /// running level.
    ///
    /// ```
    /// use pathways::chart::{WaterfallBar, WaterfallKind, WaterfallSpec};
    ///
    /// let bar = |label: &str, value: f64, kind: WaterfallKind| WaterfallBar {
    ///     label: label.into(),
    ///     value,
    ///     kind,
    /// };
    /// let spec = WaterfallSpec {
    ///     bars: vec![
    ///         bar("高端化工", -30.0, WaterfallKind::Step),
    ///         bar("新材料", 10.0, WaterfallKind::Step),
    ///         bar("合计", -20.0, WaterfallKind::Total),
    ///     ],
    ///     ..WaterfallSpec::default()
    /// };
    /// assert_eq!(spec.spans(), vec![(0.0, -30.0), (-30.0, -20.0), (0.0, -20.0)]);
    /// ```
    pub fn spans(&self) -> Vec<(f64, f64)> {
        let mut running = 0.0;
        self.bars
            .iter()
            .map(|bar| {
                if !bar.value.is_finite() {
                    return (running, running);
                }
                match bar.kind {
                    WaterfallKind::Start | WaterfallKind::Total => {
                        running = bar.value;
                        (0.0, bar.value)
                    }
                    WaterfallKind::Step => {
                        let from = running;
                        running += bar.value;
                        (from, running)
                    }
                }
            })
            .collect()
    }
}

/// Draws a waterfall across: steps that add in [`WATERFALL_UP`], steps that
/// take away in [`WATERFALL_DOWN`], start and total bars in
/// [`WATERFALL_TOTAL`], a thin connector from each bar's end to the next
/// bar, the zero line darker than the grid, and each bar's value beside it
/// (steps signed, with a true minus sign). Every size is multiplied by
/// [`ChartStyle::scale`].
///
/// Errors from the backend are returned; non-finite values and an empty
/// spec draw what they can, never panic.
///
/// ```
/// use pathways::chart::{to_svg, AnyChart, ChartStyle, WaterfallBar, WaterfallKind, WaterfallSpec};
///
/// let step = |label: &str, value: f64| WaterfallBar {
///     label: label.into(),
///     value,
///     kind: WaterfallKind::Step,
/// };
/// let spec = WaterfallSpec {
///     title: "2022 年收入:预测减目标".into(),
///     note: "0 = 目标合计".into(),
///     value_label: "亿元".into(),
///     bars: vec![
///         step("高端化工", -130.0),
///         step("新材料", 25.0),
///         WaterfallBar { label: "合计".into(), value: -105.0, kind: WaterfallKind::Total },
///     ],
///     decimals: 1,
/// };
/// let svg = to_svg(AnyChart::Waterfall(&spec), (640, 320), &ChartStyle::default())?;
/// assert!(svg.contains("高端化工") && svg.contains("−130.0") && svg.contains("+25.0"));
/// # Ok::<(), String>(())
/// ```
pub fn draw_waterfall<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &WaterfallSpec,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let spans = spec.spans();
    let labels: Vec<&str> = spec.bars.iter().map(|bar| bar.label.as_str()).collect();
    let rows = RowFrame::new(
        root,
        &Frame {
            title: &spec.title,
            note: &spec.note,
            value_label: &spec.value_label,
            labels: &labels,
            values: spans.iter().flat_map(|(from, to)| [*from, *to]).collect(),
            axis_start: AxisStart::Zero,
            legend: &[],
            top_labels: false,
            value_label_css: spec
                .bars
                .iter()
                .map(|bar| text_width_css(&signed(bar.value, spec.decimals), 13.0))
                .fold(0.0, f64::max),
        },
        style,
    )?;
    let Some(rows) = rows else {
        root.present()?;
        return Ok(());
    };
    rows.draw_zero_line(root, 0.0, AXIS_GREY, 1.5, style)?;

    let thickness = rows.bar_thickness();
    for (row_idx, (bar, (from, to))) in spec.bars.iter().zip(&spans).enumerate() {
        let centre = rows.row_centre(row_idx);
        let bold = bar.kind != WaterfallKind::Step;
        rows.draw_row_label(root, row_idx, &bar.label, bold, style)?;
        if !bar.value.is_finite() {
            rows.draw_value_label(root, row_idx, rows.x(*from), true, "—", style)?;
            continue;
        }
        let colour = match bar.kind {
            WaterfallKind::Start | WaterfallKind::Total => WATERFALL_TOTAL,
            WaterfallKind::Step if bar.value < 0.0 => WATERFALL_DOWN,
            WaterfallKind::Step => WATERFALL_UP,
        };
        let (x_from, x_to) = (rows.x(*from), rows.x(*to));
        let (left, right) = (x_from.min(x_to), x_from.max(x_to).max(x_from.min(x_to) + 1));
        root.draw(&Rectangle::new(
            [
                (left, centre - thickness / 2),
                (right, centre + thickness / 2),
            ],
            colour.filled(),
        ))?;
        // The connector: from this bar's end down to the next bar.
        if row_idx + 1 < spec.bars.len() {
            let next_centre = rows.row_centre(row_idx + 1);
            root.draw(&PathElement::new(
                vec![
                    (x_to, centre + thickness / 2),
                    (x_to, next_centre - thickness / 2),
                ],
                AXIS_GREY.stroke_width(style.width(1.0)),
            ))?;
        }
        let text = match bar.kind {
            WaterfallKind::Step => signed(bar.value, spec.decimals),
            _ => unsigned(bar.value, spec.decimals),
        };
        let towards_right = *to >= *from && bar.value >= 0.0;
        let anchor = if towards_right { right } else { left };
        rows.draw_value_label(root, row_idx, anchor, towards_right, &text, style)?;
    }
    root.present()?;
    Ok(())
}

/// `value` with `decimals` decimals and a sign: "+12.5", "−3.0", "0.0".
pub(crate) fn signed(value: f64, decimals: usize) -> String {
    let text = unsigned(value.abs(), decimals);
    if text.trim_start_matches(['0', '.']).is_empty() {
        text
    } else if value < 0.0 {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

/// `value` with `decimals` decimals, a true minus sign, never "−0".
pub(crate) fn unsigned(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let decimals = decimals.min(6);
    let text = format!("{:.*}", decimals, value.abs());
    if value < 0.0 && !text.trim_start_matches(['0', '.']).is_empty() {
        format!("−{text}")
    } else {
        text
    }
}

/// The width of `text` in CSS pixels at `font_css`, estimated: a CJK
/// character is about one em, anything else about 0.55 em. (The SVG
/// backend cannot measure text; the canvas could, but both must lay out
/// alike.)
pub(crate) fn text_width_css(text: &str, font_css: f64) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { 1.0 } else { 0.55 })
        .sum::<f64>()
        * font_css
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// `text` cut with an ellipsis to fit `max_css` pixels at `font_css`.
pub(crate) fn fit_text(text: &str, max_css: f64, font_css: f64) -> String {
    if text_width_css(text, font_css) <= max_css {
        return text.to_string();
    }
    let ellipsis = text_width_css("…", font_css);
    let mut width = 0.0;
    let mut fitted = String::new();
    for c in text.chars() {
        let char_width = text_width_css(c.encode_utf8(&mut [0; 4]), font_css);
        if width + char_width + ellipsis > max_css {
            break;
        }
        width += char_width;
        fitted.push(c);
    }
    fitted.push('…');
    fitted
}

/// `text` on at most two lines of `max_css` pixels: broken at the last
/// space (or anywhere in Chinese) that fits, the second line cut with an
/// ellipsis if it is still too long.
pub(crate) fn wrap_two_lines(text: &str, max_css: f64, font_css: f64) -> Vec<String> {
    if text_width_css(text, font_css) <= max_css {
        return vec![text.to_string()];
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut width = 0.0;
    let mut last_fit = 0;
    let mut last_space = None;
    for (idx, c) in &chars {
        let char_width = text_width_css(c.encode_utf8(&mut [0; 4]), font_css);
        if width + char_width > max_css {
            if *c == ' ' {
                last_space = Some(*idx);
            }
            break;
        }
        width += char_width;
        last_fit = idx + c.len_utf8();
        if *c == ' ' {
            last_space = Some(*idx);
        }
    }
    let split = match last_space {
        Some(space) if space > 0 => space,
        _ => last_fit,
    };
    if split == 0 {
        return vec![fit_text(text, max_css, font_css)];
    }
    let (first, rest) = text.split_at(split);
    vec![
        first.trim_end().to_string(),
        fit_text(rest.trim_start(), max_css, font_css),
    ]
}

/// What the row frame of a waterfall or tornado needs.
pub(crate) struct Frame<'a> {
    pub title: &'a str,
    pub note: &'a str,
    pub value_label: &'a str,
    pub labels: &'a [&'a str],
    /// Every value the axis must hold.
    pub values: Vec<f64>,
    pub axis_start: AxisStart,
    /// Colour swatches with their text, drawn on the note's line.
    pub legend: &'a [(RGBColor, &'a str)],
    /// Leave a line above the rows for labels of vertical lines.
    pub top_labels: bool,
    /// The widest value label, CSS pixels: room kept on both sides of the
    /// plot so labels beside the bars stay clear of the row labels.
    pub value_label_css: f64,
}

/// The laid-out rows of a chart drawn across, in pixels of the root area.
pub(crate) struct RowFrame {
    pub axis: ValueAxis,
    /// Left and right ends of the plot, pixels.
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
    pub n_rows: usize,
    /// Width of the label column, CSS pixels.
    pub label_css: f64,
    pub font_css: f64,
    /// Room between the label column and the plot, pixels.
    pub value_room_px: i32,
}

impl RowFrame {
    /// Draws the title, the note or legend line, the grid and the value
    /// axis; `None` when there is no row or no room.
    pub fn new<DB: DrawingBackend>(
        root: &DrawingArea<DB, Shift>,
        frame: &Frame<'_>,
        style: &ChartStyle,
    ) -> Result<Option<RowFrame>, DrawingAreaErrorKind<DB::ErrorType>> {
        let (width_px, height_px) = root.dim_in_pixel();
        let layout = Layout::for_width(width_px, style);
        let font_css = layout.font;
        let mut top_css = layout.margin;
        let width_css = f64::from(width_px) / style.scale_factor();
        if !frame.title.is_empty() {
            // On two lines where one is too narrow (draw_title wraps it).
            top_css = draw_title(root, frame.title, font_css + 2.0, style)? + 2.0;
        }
        if !frame.note.is_empty() || !frame.legend.is_empty() {
            let y = style.px(top_css).round() as i32;
            let mut x = style.px(6.0).round() as i32;
            let swatch = style.px(font_css * 0.8).round().max(2.0) as i32;
            let text_font = style
                .font(font_css)
                .color(&TEXT_GREY)
                .pos(Pos::new(HPos::Left, VPos::Top));
            for (colour, text) in frame.legend {
                root.draw(&Rectangle::new(
                    [(x, y + 2), (x + swatch, y + 2 + swatch)],
                    colour.filled(),
                ))?;
                x += swatch + style.px(4.0).round() as i32;
                root.draw_text(text, &text_font, (x, y))?;
                x += style.px(text_width_css(text, font_css) + 14.0).round() as i32;
            }
            let mut extra_lines = 0.0;
            if !frame.note.is_empty() {
                let note_font = style
                    .font(font_css)
                    .color(&AXIS_GREY)
                    .pos(Pos::new(HPos::Left, VPos::Top));
                // On two lines where one is too narrow, the second cut with
                // an ellipsis if need be.
                let room_css = width_css - f64::from(x) / style.scale_factor() - 6.0;
                let lines = wrap_two_lines(frame.note, room_css, font_css);
                for (idx, line) in lines.iter().enumerate() {
                    let line_y = y + style.px(line_step_css(font_css) * idx as f64).round() as i32;
                    root.draw_text(line, &note_font, (x, line_y))?;
                }
                extra_lines = lines.len().saturating_sub(1) as f64;
            }
            top_css += font_css + 10.0 + extra_lines * line_step_css(font_css);
        }
        if frame.top_labels {
            top_css += font_css + 6.0;
        }
        let n_rows = frame.labels.len();
        let height_css = f64::from(height_px) / style.scale_factor();
        let axis_css = font_css
            + 10.0
            + if frame.value_label.is_empty() {
                0.0
            } else {
                font_css + 6.0
            };
        let widest = frame
            .labels
            .iter()
            .map(|label| text_width_css(label, font_css))
            .fold(0.0, f64::max);
        let label_css = (widest + 10.0).clamp(width_css * 0.12, width_css * 0.42);
        let value_room = frame.value_label_css.clamp(0.0, width_css * 0.15) + 6.0;
        let left_css = layout.margin + label_css + value_room;
        let right_css = width_css - layout.margin - value_room;
        let bottom_css = height_css - layout.margin - axis_css;
        if n_rows == 0 || right_css - left_css < 20.0 || bottom_css - top_css < 8.0 {
            return Ok(None);
        }
        let max_labels = ((right_css - left_css) / 70.0).clamp(2.0, 8.0) as usize;
        let axis = ValueAxis::over(frame.values.iter().copied(), frame.axis_start, max_labels);
        let rows = RowFrame {
            axis,
            left: style.px(left_css).round() as i32,
            right: style.px(right_css).round() as i32,
            top: style.px(top_css).round() as i32,
            bottom: style.px(bottom_css).round() as i32,
            n_rows,
            label_css,
            font_css,
            value_room_px: style.px(value_room).round() as i32,
        };
        rows.draw_axis(root, frame.value_label, style)?;
        Ok(Some(rows))
    }

    /// The pixel column of `value`, held within the plot.
    pub fn x(&self, value: f64) -> i32 {
        let span = self.axis.high - self.axis.low;
        if !value.is_finite() || !span.is_finite() || span <= 0.0 {
            return self.left;
        }
        let fraction = ((value - self.axis.low) / span).clamp(0.0, 1.0);
        self.left + (fraction * f64::from(self.right - self.left)).round() as i32
    }

    pub fn row_height(&self) -> f64 {
        f64::from(self.bottom - self.top) / self.n_rows.max(1) as f64
    }

    /// The pixel row of the middle of row `row_idx`.
    pub fn row_centre(&self, row_idx: usize) -> i32 {
        self.top + ((row_idx as f64 + 0.5) * self.row_height()).round() as i32
    }

    /// Bars fill 60 % of a row.
    pub fn bar_thickness(&self) -> i32 {
        (self.row_height() * 0.6).round().max(2.0) as i32
    }

    fn draw_axis<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        value_label: &str,
        style: &ChartStyle,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let grid = GRID_GREY.stroke_width(style.width(1.0));
        let tick_font = style
            .font(self.font_css)
            .color(&TEXT_GREY)
            .pos(Pos::new(HPos::Center, VPos::Top));
        for tick in &self.axis.ticks {
            let x = self.x(*tick);
            root.draw(&PathElement::new(
                vec![(x, self.top), (x, self.bottom)],
                grid,
            ))?;
            root.draw_text(
                &self.axis.format(*tick),
                &tick_font,
                (x, self.bottom + style.px(4.0).round() as i32),
            )?;
        }
        root.draw(&PathElement::new(
            vec![(self.left, self.bottom), (self.right, self.bottom)],
            AXIS_GREY.stroke_width(style.width(1.0)),
        ))?;
        if !value_label.is_empty() {
            let y = self.bottom + style.px(self.font_css + 10.0).round() as i32;
            root.draw_text(value_label, &tick_font, ((self.left + self.right) / 2, y))?;
        }
        Ok(())
    }

    /// A vertical line at `value` across every row.
    pub fn draw_zero_line<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        value: f64,
        colour: RGBColor,
        width_css: f64,
        style: &ChartStyle,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        if !value.is_finite() {
            return Ok(());
        }
        let x = self.x(value);
        root.draw(&PathElement::new(
            vec![(x, self.top), (x, self.bottom)],
            colour.stroke_width(style.width(width_css)),
        ))?;
        Ok(())
    }

    /// A row's label, right-aligned in the label column, cut to fit.
    pub fn draw_row_label<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        row_idx: usize,
        label: &str,
        bold: bool,
        style: &ChartStyle,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let max_css = self.label_css - 10.0;
        let lines = if self.row_height() / style.scale_factor() >= 2.4 * self.font_css {
            wrap_two_lines(label, max_css, self.font_css)
        } else {
            vec![fit_text(label, max_css, self.font_css)]
        };
        let font = style.font(self.font_css);
        let font = if bold {
            font.style(FontStyle::Bold)
        } else {
            font
        };
        let font = font
            .color(&TEXT_GREY)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let line_height = style.px(self.font_css * 1.2);
        let first_offset = -(lines.len() as f64 - 1.0) * line_height / 2.0;
        for (line_idx, line) in lines.iter().enumerate() {
            let dy = (first_offset + line_idx as f64 * line_height).round() as i32;
            root.draw_text(
                line,
                &font,
                (
                    self.left - style.px(6.0).round() as i32 - self.value_room_px,
                    self.row_centre(row_idx) + dy,
                ),
            )?;
        }
        Ok(())
    }

    /// A value label beside `x` in row `row_idx`: to the right of it when
    /// `towards_right`, else to the left.
    pub fn draw_value_label<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        row_idx: usize,
        x: i32,
        towards_right: bool,
        text: &str,
        style: &ChartStyle,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let gap = style.px(4.0).round() as i32;
        let (h_pos, dx) = if towards_right {
            (HPos::Left, gap)
        } else {
            (HPos::Right, -gap)
        };
        let font = style
            .font(self.font_css)
            .color(&TEXT_GREY)
            .pos(Pos::new(h_pos, VPos::Center));
        root.draw_text(text, &font, (x + dx, self.row_centre(row_idx)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_are_true_minus_and_never_negative_zero() {
        assert_eq!(signed(12.345, 1), "+12.3");
        assert_eq!(signed(-3.0, 1), "−3.0");
        assert_eq!(signed(-0.01, 1), "0.0");
        assert_eq!(unsigned(-0.0, 0), "0");
        assert_eq!(unsigned(f64::NAN, 1), "—");
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        assert_eq!(fit_text("新材料", 100.0, 13.0), "新材料");
        let lines = wrap_two_lines(
            "New-generation information technology growth 2023–2028",
            190.0,
            13.0,
        );
        assert_eq!(lines[0], "New-generation information");
        assert!(lines[1].starts_with("technology growth"), "{lines:?}");
        let lines = wrap_two_lines("新一代信息技术2023—2028年增速 ±1个百分点", 120.0, 13.0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let cut = fit_text("New-generation information technology", 100.0, 13.0);
        assert!(
            cut.ends_with('…') && text_width_css(&cut, 13.0) <= 100.0,
            "{cut}"
        );
        assert!(text_width_css("高端化工", 10.0) > text_width_css("abcd", 10.0));
    }
}
