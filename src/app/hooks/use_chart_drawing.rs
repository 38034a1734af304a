use std::cell::{Cell, RefCell};

use yew::prelude::*;

use crate::app::components::ChartData;
use crate::web::{self, Seen};

/// Draws `chart` on the canvas behind `canvas` at the device pixel ratio,
/// when the chart or the canvas's size changes, if the canvas is near the
/// screen (on it or within half a viewport). A chart farther away is kept
/// as pending and drawn when the canvas comes near, or before the page
/// prints; the brief, a page to print, draws on every change.
///
/// The size is read once when the canvas mounts (a layout, so a new chart
/// draws in the task that mounted it), then kept by the page's one
/// `ResizeObserver` (`web::watch_box`), which re-renders the component
/// only when the size changes; no redraw reads layout.
///
/// After every draw the canvas carries `data-drawn-at` (the time the draw
/// finished, from `performance.now()`) and `data-draw-count`, so the e2e
/// suite measures input-to-redraw time without guessing; `data-draw-ms`
/// is the time the drawing itself took, and `data-min-text-px` the size of
/// its smallest text on screen (CSS px).
#[hook]
pub fn use_chart_drawing(canvas: NodeRef, chart: ChartData) {
    let drawing = use_memo((), {
        let canvas = canvas.clone();
        move |_| Drawing {
            canvas,
            size: Cell::new(None),
            near: Cell::new(true),
            pending: RefCell::new(None),
            draws: Cell::new(0),
        }
    });
    let update = use_force_update();
    let size_now = drawing.size.get();
    {
        let drawing = drawing.clone();
        use_effect_with(canvas, move |canvas| {
            let watch = canvas.cast::<web_sys::Element>().and_then(|element| {
                drawing.read_size();
                let brief = web::in_brief(&element);
                drawing.near.set(brief || web::is_near_viewport(&element));
                let drawing = drawing.clone();
                web::watch_box(&element, move |seen| match seen {
                    Seen::Size(size) => {
                        if drawing.size.get() != Some(size) {
                            drawing.size.set(Some(size));
                            update.force_update();
                        }
                    }
                    Seen::Near => {
                        drawing.near.set(true);
                        drawing.draw();
                    }
                    Seen::Away => drawing.near.set(brief),
                    Seen::Printing => {
                        // A print may show a chart never laid out on screen.
                        drawing.read_size();
                        drawing.draw();
                    }
                })
            });
            if watch.is_none() {
                drawing.near.set(true);
            }
            move || drop(watch)
        });
    }
    use_effect_with((chart, size_now), move |(chart, _)| {
        drawing.pending.replace(Some(chart.clone()));
        if drawing.near.get() {
            drawing.draw();
        }
    });
}

/// One canvas's drawing state, shared by its effects and its watcher.
struct Drawing {
    canvas: NodeRef,
    /// The CSS size last read or reported.
    size: Cell<Option<(i32, i32)>>,
    /// Near the screen, or in the brief.
    near: Cell<bool>,
    /// The chart not drawn yet.
    pending: RefCell<Option<ChartData>>,
    draws: Cell<u64>,
}

impl Drawing {
    /// Reads the canvas's CSS size from layout (forcing one if the DOM
    /// changed): when it mounts, and before a print. Keeps the last size
    /// while the canvas is not laid out.
    fn read_size(&self) {
        if let Some(element) = self.canvas.cast::<web_sys::Element>() {
            let laid_out = web::css_size(&element);
            if laid_out.0 > 0 && laid_out.1 > 0 {
                self.size.set(Some(laid_out));
            }
        }
    }

    /// Draws the pending chart, if any, at the size last known, and stamps
    /// the canvas. Nothing while the canvas is not laid out: the size, when
    /// it comes, redraws.
    fn draw(&self) {
        let Some(canvas) = self.canvas.get().and_then(web::as_canvas) else {
            return;
        };
        let Some(ratio) = self
            .size
            .get()
            .and_then(|size| web::fit_canvas_to_css_box(&canvas, size))
        else {
            return;
        };
        let Some(chart) = self.pending.take() else {
            return;
        };
        let scale = ratio * web::chart_zoom(&canvas);
        let started_ms = web::now_ms();
        match web::canvas::draw_chart_on(&canvas, chart.as_any(), scale) {
            Ok(smallest_text) => {
                // The smallest chart type as it reads on screen, in CSS px.
                if smallest_text.is_finite() {
                    let _ = canvas.set_attribute(
                        "data-min-text-px",
                        &format!("{:.1}", smallest_text / ratio),
                    );
                }
                self.draws.set(self.draws.get() + 1);
                let _ = canvas.set_attribute("data-draw-count", &self.draws.get().to_string());
                let finished_ms = web::now_ms();
                let _ = canvas.set_attribute("data-drawn-at", &format!("{finished_ms:.3}"));
                let _ = canvas
                    .set_attribute("data-draw-ms", &format!("{:.3}", finished_ms - started_ms));
            }
            Err(error) => gloo::console::error!(format!("chart drawing failed: {error}")),
        }
    }
}
