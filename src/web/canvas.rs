//! Charts on a 2D canvas: text measured with the canvas's `measureText`
//! (cached by font and text, so no label forces a layout), and a chart's
//! display list replayed as plotters-canvas drew it (half-pixel shifted
//! axis-parallel lines, `start`/`center`/`end` alignment, `top`/`middle`/
//! `bottom` baselines, rotation about the anchor).

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::{record, AnyChart, ChartStyle, DisplayList, HAnchor, Primitive, Rgba, VAnchor};

/// Widths measured so far, by font and text; emptied when it grows past
/// this many entries (labels repeat, so it rarely does).
const MEASURED_MAX: usize = 4096;

thread_local! {
    static MEASURED: RefCell<HashMap<(String, String), f64>> = RefCell::new(HashMap::new());
    /// A detached canvas's context, for measuring only.
    static PROBE: Option<CanvasRenderingContext2d> = context_2d(&detached_canvas()?);
    /// The font last set on the probe, as this module wrote it (the
    /// context's own `font` reads back in another spelling, so comparing
    /// with it would set the font, a parse, on every measurement).
    static PROBE_FONT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A canvas not in the document.
pub fn detached_canvas() -> Option<HtmlCanvasElement> {
    web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()
}

/// The canvas's 2D context.
pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// The width of `text` in `font` (a CSS font shorthand) in pixels, by the
/// canvas's `measureText`, cached; the chart module's estimate when the
/// browser cannot measure.
pub fn measure_text(font: &str, size_px: f64, text: &str) -> f64 {
    let key = (font.to_owned(), text.to_owned());
    if let Some(width) = MEASURED.with(|measured| measured.borrow().get(&key).copied()) {
        return width;
    }
    let measured = PROBE.with(|probe| {
        let probe = probe.as_ref()?;
        PROBE_FONT.with(|last| {
            let mut last = last.borrow_mut();
            if *last != font {
                probe.set_font(font);
                font.clone_into(&mut last);
            }
        });
        probe.measure_text(text).ok().map(|metrics| metrics.width())
    });
    let Some(width) = measured else {
        return crate::chart::approximate_text_width(font, size_px, text);
    };
    MEASURED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MEASURED_MAX {
            cache.clear();
        }
        cache.insert(key, width);
    });
    width
}

/// Draws `chart` on `canvas` (already sized in device pixels) at `scale`:
/// recorded once, then replayed. Returns the size of its smallest text in
/// device pixels (infinite when it has none), so the page can say how large
/// its chart type is.
pub fn draw_chart_on(
    canvas: &HtmlCanvasElement,
    chart: AnyChart<'_>,
    scale: f64,
) -> Result<f64, String> {
    let context = context_2d(canvas).ok_or("no 2D context")?;
    let style = ChartStyle {
        scale,
        ..ChartStyle::default()
    };
    let list = record(
        chart,
        (canvas.width(), canvas.height()),
        &style,
        &measure_text,
    )?;
    replay(&context, &list).map_err(|error| format!("canvas refused a drawing: {error:?}"))?;
    Ok(list
        .texts()
        .map(|text| text.size)
        .fold(f64::INFINITY, f64::min))
}

/// The last colours, width and font set on the context, so a long list sets
/// each only when it changes.
#[derive(Default)]
struct Pen {
    stroke: Option<Rgba>,
    fill: Option<Rgba>,
    width: Option<u32>,
    font: String,
    align: &'static str,
    baseline: &'static str,
}

impl Pen {
    fn stroke(&mut self, context: &CanvasRenderingContext2d, colour: Rgba, width: u32) {
        if self.stroke != Some(colour) {
            context.set_stroke_style_str(&colour.css());
            self.stroke = Some(colour);
        }
        if self.width != Some(width) {
            context.set_line_width(f64::from(width));
            self.width = Some(width);
        }
    }

    fn fill(&mut self, context: &CanvasRenderingContext2d, colour: Rgba) {
        if self.fill != Some(colour) {
            context.set_fill_style_str(&colour.css());
            self.fill = Some(colour);
        }
    }
}

fn trace(context: &CanvasRenderingContext2d, points: &[(i32, i32)]) -> bool {
    let Some(((x0, y0), rest)) = points.split_first() else {
        return false;
    };
    context.move_to(f64::from(*x0), f64::from(*y0));
    for (x, y) in rest {
        context.line_to(f64::from(*x), f64::from(*y));
    }
    true
}

/// Replays a display list on a 2D context, drawing as plotters-canvas did.
pub fn replay(context: &CanvasRenderingContext2d, list: &DisplayList) -> Result<(), JsValue> {
    let mut pen = Pen::default();
    for item in &list.items {
        match item {
            Primitive::Pixel { at: (x, y), colour } => {
                pen.fill(context, *colour);
                context.fill_rect(f64::from(*x), f64::from(*y), 1.0, 1.0);
            }
            Primitive::Line {
                from,
                to,
                colour,
                width,
            } => {
                let (mut from, mut to) = (
                    (f64::from(from.0), f64::from(from.1)),
                    (f64::from(to.0), f64::from(to.1)),
                );
                // Half a pixel off an axis-parallel line keeps it sharp.
                if from.0 == to.0 {
                    from.0 -= 0.5;
                    to.0 -= 0.5;
                }
                if from.1 == to.1 {
                    from.1 -= 0.5;
                    to.1 -= 0.5;
                }
                pen.stroke(context, *colour, *width);
                context.begin_path();
                context.move_to(from.0, from.1);
                context.line_to(to.0, to.1);
                context.stroke();
            }
            Primitive::Rect {
                upper_left: (x0, y0),
                bottom_right: (x1, y1),
                colour,
                width,
                fill,
            } => {
                let (x, y) = (f64::from(*x0), f64::from(*y0));
                let (w, h) = (f64::from(x1 - x0), f64::from(y1 - y0));
                if *fill {
                    pen.fill(context, *colour);
                    context.fill_rect(x, y, w, h);
                } else {
                    pen.stroke(context, *colour, *width);
                    context.stroke_rect(x, y, w, h);
                }
            }
            Primitive::Path {
                points,
                colour,
                width,
            } => {
                context.begin_path();
                if trace(context, points) {
                    pen.stroke(context, *colour, *width);
                }
                context.stroke();
            }
            Primitive::Polygon { points, colour } => {
                context.begin_path();
                if trace(context, points) {
                    pen.fill(context, *colour);
                    context.close_path();
                }
                context.fill();
            }
            Primitive::Circle {
                centre: (x, y),
                radius,
                colour,
                width,
                fill,
            } => {
                if *fill {
                    pen.fill(context, *colour);
                } else {
                    pen.stroke(context, *colour, *width);
                }
                context.begin_path();
                context.arc(
                    f64::from(*x),
                    f64::from(*y),
                    f64::from(*radius),
                    0.0,
                    std::f64::consts::TAU,
                )?;
                if *fill {
                    context.fill();
                } else {
                    context.stroke();
                }
            }
            Primitive::Text(text) => {
                let (mut x, mut y) = (f64::from(text.at.0), f64::from(text.at.1));
                let rotated = text.rotation != 0;
                if rotated {
                    context.save();
                    context.translate(x, y)?;
                    context.rotate(f64::from(text.rotation).to_radians())?;
                    (x, y) = (0.0, 0.0);
                }
                let baseline = match text.v {
                    VAnchor::Top => "top",
                    VAnchor::Center => "middle",
                    VAnchor::Bottom => "bottom",
                };
                let align = match text.h {
                    HAnchor::Left => "start",
                    HAnchor::Center => "center",
                    HAnchor::Right => "end",
                };
                if pen.baseline != baseline {
                    context.set_text_baseline(baseline);
                    pen.baseline = baseline;
                }
                if pen.align != align {
                    context.set_text_align(align);
                    pen.align = align;
                }
                pen.fill(context, text.colour);
                let font = text.font_css();
                if pen.font != font {
                    context.set_font(&font);
                    pen.font = font;
                }
                context.fill_text(&text.text, x, y)?;
                if rotated {
                    // restore() undoes what was set since save(): forget it.
                    context.restore();
                    pen = Pen::default();
                }
            }
        }
    }
    Ok(())
}
