use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::ChartData;
use crate::web::{self, Seen};

/// Draws `chart` on the canvas behind `canvas` at the device pixel ratio,
/// when the chart or the canvas's size changes, if the canvas is near the
/// screen (on it or within half a viewport). A canvas on the screen draws
/// in the task of the change; one only near it draws after the next frame
/// (`web::after_next_frame`), so an input's frame waits only for what it
/// shows, and the chart is ready before a scroll brings it in (coming on
/// screen with a chart still pending draws it at once). A chart farther
/// away is kept as pending and drawn when the canvas comes near, or before
/// the page prints; the brief, a page to print, draws on every change.
///
/// The size is read once when the canvas mounts (a layout, so a new chart
/// draws in the task that mounted it), then kept by the page's one
/// `ResizeObserver` (`web::watch_box`), which re-renders the component
/// only when the size changes; no redraw reads layout.
///
/// A new canvas mounts and draws in a microtask queued by its first render,
/// not only in its effects: yew runs effects in a later task when a render
/// has taken over 16 ms, as the page's first render always does, and the
/// browser paints in between, so the first screen was painted once without
/// its charts. The microtask runs once yew has attached the canvas, in the
/// same task, before that paint. Whichever comes first of it and the
/// effects does the work; the other finds it done (the watch is set, the
/// same chart is drawn at the same size).
///
/// After every draw the canvas carries `data-drawn-at` (the time the draw
/// finished, from `performance.now()`) and `data-draw-count`, so the e2e
/// suite measures input-to-redraw time without guessing, and
/// `data-min-text-px` the size of its smallest text on screen (CSS px),
/// written only when it changes: each attribute write costs a little, and
/// a preset redraws up to eight charts.
#[hook]
pub fn use_chart_drawing(canvas: NodeRef, chart: ChartData) {
    let update = use_force_update();
    let drawing = use_memo((), {
        let canvas = canvas.clone();
        move |_| Drawing {
            canvas,
            size: Cell::new(None),
            near: Cell::new(true),
            on_screen: Cell::new(true),
            deferred: Cell::new(false),
            pending: RefCell::new(None),
            drawn: RefCell::new(None),
            watch: RefCell::new(None),
            fresh: Cell::new(true),
            draws: Cell::new(0),
            min_text: RefCell::new(String::new()),
        }
    });
    if drawing.fresh.replace(false) {
        drawing.pending.replace(Some(chart.clone()));
        let drawing = drawing.clone();
        let update = update.clone();
        wasm_bindgen_futures::spawn_local(async move { Drawing::mount_early(&drawing, &update) });
    }
    let size_now = drawing.size.get();
    {
        let drawing = drawing.clone();
        use_effect_with(canvas, move |_| {
            Drawing::mount(&drawing, &update);
            move || drop(drawing.watch.take())
        });
    }
    use_effect_with((chart, size_now), move |(chart, _)| {
        let current = drawing.size.get();
        let done = matches!(&*drawing.drawn.borrow(), Some((drawn, size)) if drawn.same(chart) && Some(*size) == current);
        if !done {
            drawing.pending.replace(Some(chart.clone()));
            Drawing::draw_if_near(&drawing);
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
    /// On the screen, or in the brief.
    on_screen: Cell<bool>,
    /// A draw is queued for after the next frame.
    deferred: Cell<bool>,
    /// The chart not drawn yet.
    pending: RefCell<Option<ChartData>>,
    /// The chart last drawn, and the size it was drawn at.
    drawn: RefCell<Option<(ChartData, (i32, i32))>>,
    /// The page's watch on the canvas's box, once mounted.
    watch: RefCell<Option<web::BoxWatch>>,
    /// Not rendered yet: the first render queues the early mount.
    fresh: Cell<bool>,
    draws: Cell<u64>,
    /// `data-min-text-px` as last written.
    min_text: RefCell<String>,
}

impl Drawing {
    /// The microtask's mount and first draw, before the browser paints; not
    /// if the canvas is already gone (mounted and removed in one run of the
    /// scheduler: its effects never ran, so no cleanup would drop a watch).
    fn mount_early(drawing: &Rc<Self>, update: &UseForceUpdateHandle) {
        if drawing.canvas.get().is_some_and(|node| node.is_connected()) {
            Self::mount(drawing, update);
            Self::draw_if_near(drawing);
        }
    }

    /// Draws now if the canvas is on the screen, after the next frame if it
    /// is only near it; nothing if it is farther away.
    fn draw_if_near(drawing: &Rc<Self>) {
        if drawing.on_screen.get() {
            drawing.draw();
        } else if drawing.near.get() && !drawing.deferred.replace(true) {
            let drawing = drawing.clone();
            web::after_next_frame(move || {
                drawing.deferred.set(false);
                let connected = drawing.canvas.get().is_some_and(|node| node.is_connected());
                if connected && drawing.near.get() {
                    drawing.draw();
                }
            });
        }
    }

    /// Reads the canvas's size and whether it is near the screen, and
    /// starts watching its box; once per mounted canvas (the watch is kept
    /// until the component's cleanup drops it).
    fn mount(drawing: &Rc<Self>, update: &UseForceUpdateHandle) {
        if drawing.watch.borrow().is_some() {
            return;
        }
        let Some(element) = drawing.canvas.cast::<web_sys::Element>() else {
            drawing.near.set(true);
            drawing.on_screen.set(true);
            return;
        };
        drawing.read_size();
        let brief = web::in_brief(&element);
        let (near, on_screen) = web::near_and_on_screen(&element);
        drawing.near.set(brief || near);
        drawing.on_screen.set(brief || on_screen);
        let watcher = drawing.clone();
        let update = update.clone();
        let watch = web::watch_box(&element, move |seen| match seen {
            Seen::Size(size) => {
                if watcher.size.get() != Some(size) {
                    watcher.size.set(Some(size));
                    update.force_update();
                }
            }
            Seen::Near => {
                watcher.near.set(true);
                watcher.draw();
            }
            Seen::Away => watcher.near.set(brief),
            Seen::OnScreen(on_screen) => {
                watcher.on_screen.set(brief || on_screen);
                if on_screen {
                    watcher.draw();
                }
            }
            Seen::Printing => {
                // A print may show a chart never laid out on screen.
                watcher.read_size();
                watcher.draw();
            }
        });
        if watch.is_none() {
            drawing.near.set(true);
            drawing.on_screen.set(true);
        }
        drawing.watch.replace(watch);
    }

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
        let Some(size) = self.size.get() else {
            return;
        };
        let Some(ratio) = web::fit_canvas_to_css_box(&canvas, size) else {
            return;
        };
        let Some(chart) = self.pending.take() else {
            return;
        };
        let scale = ratio * web::chart_zoom(&canvas);
        match web::canvas::draw_chart_on(&canvas, chart.as_any(), scale) {
            Ok(smallest_text) => {
                // The smallest chart type as it reads on screen, in CSS px.
                if smallest_text.is_finite() {
                    let text = format!("{:.1}", smallest_text / ratio);
                    if *self.min_text.borrow() != text {
                        let _ = canvas.set_attribute("data-min-text-px", &text);
                        self.min_text.replace(text);
                    }
                }
                self.drawn.replace(Some((chart.clone(), size)));
                self.draws.set(self.draws.get() + 1);
                let _ = canvas.set_attribute("data-draw-count", &self.draws.get().to_string());
                let _ = canvas.set_attribute("data-drawn-at", &format!("{:.3}", web::now_ms()));
            }
            Err(error) => gloo::console::error!(format!("chart drawing failed: {error}")),
        }
    }
}
