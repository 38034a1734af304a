//! What the page's chart canvases need to know about their boxes, from one
//! `ResizeObserver` and one `IntersectionObserver` for all of them, instead
//! of a listener per canvas and a layout read per draw:
//! - their CSS size, reported by the browser after its own layout and
//!   before paint, so reading it forces no layout;
//! - whether each is near the screen (on it, or within half a viewport, the
//!   margin Chromium uses for `content-visibility: auto`), so a chart off
//!   screen can skip its redraws and draw when it comes near;
//! - whether each is on the screen itself, so a chart near it but not on it
//!   can redraw after the frame that shows an input instead of before it;
//! - that the page is about to print (`beforeprint`), when every chart
//!   must draw wherever it is.
//!
//! A panel that need not follow every input while off screen
//! (`components::WhenNear`) is watched by a third observer with a tighter
//! margin ([`watch_sight`]): it is told only whether it is on screen or
//! close to it, and that the page is about to print.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
    ResizeObserver, ResizeObserverEntry,
};

/// What a watcher is told about its element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    /// Its CSS size (`clientWidth`, `clientHeight`): when it is first laid
    /// out and whenever that size changes (a resized window, an opened
    /// drawer, a slide).
    Size((i32, i32)),
    /// It came on screen, or within half a viewport of it.
    Near,
    /// It went farther away.
    Away,
    /// It came on screen (`true`) or left it (`false`): once when the
    /// watch starts, then when it changes.
    OnScreen(bool),
    /// The page is about to print.
    Printing,
}

/// How far around the viewport an element counts as near, as a share of
/// the viewport on each side: half, the margin Chromium uses for
/// `content-visibility: auto`.
const NEAR_MARGIN: f64 = 0.5;
/// [`NEAR_MARGIN`] as the observer's CSS root margin.
const NEAR_MARGIN_CSS: &str = "50%";

/// How far around the viewport a panel counts as in sight for
/// [`watch_sight`]: a quarter of the viewport below and above, so a panel
/// scrolled towards is brought up to date before it is on screen, and one
/// farther down than that (still within the layout margin above) follows
/// no input.
const SIGHT_MARGIN_CSS: &str = "25%";

type OnSeen = Rc<dyn Fn(Seen)>;

struct Observers {
    resize: ResizeObserver,
    sight: IntersectionObserver,
    /// For panels: the tighter margin ([`SIGHT_MARGIN_CSS`]).
    panels: IntersectionObserver,
    /// No margin: the screen itself.
    screen: IntersectionObserver,
    watched: Vec<(Element, OnSeen)>,
    // Kept alive as long as the observers.
    _callbacks: [Closure<dyn FnMut(js_sys::Array)>; 3],
    _before_print: Option<EventListener>,
}

thread_local! {
    static OBSERVERS: RefCell<Option<Observers>> = const { RefCell::new(None) };
}

/// Watches `element` until the returned guard is dropped: `on_seen` is told
/// its size, whether it is near the screen (when that changes: read
/// [`near_and_on_screen`] when it mounts), whether it is on the screen, and
/// that the page is about to print. `None` when the browser has neither
/// observer.
pub fn watch_box(element: &Element, on_seen: impl Fn(Seen) + 'static) -> Option<BoxWatch> {
    watch(element, Rc::new(on_seen), |observers| {
        observers.resize.observe(element);
        observers.sight.observe(element);
        observers.screen.observe(element);
    })
}

/// Watches whether `element` is in sight (on screen, or within a quarter
/// of a viewport of it) until the returned guard is dropped: `on_seen` is
/// told [`Seen::Near`] or [`Seen::Away`] and [`Seen::OnScreen`] (once when
/// the watch starts, then when it changes) and [`Seen::Printing`]; never a
/// size. `None` when the browser has no observer.
pub fn watch_sight(element: &Element, on_seen: impl Fn(Seen) + 'static) -> Option<BoxWatch> {
    watch(element, Rc::new(on_seen), |observers| {
        observers.panels.observe(element);
        observers.screen.observe(element);
    })
}

/// Registers `on_seen` for `element` and has `observe` start the
/// observers it needs (made on first use).
fn watch(element: &Element, on_seen: OnSeen, observe: impl FnOnce(&Observers)) -> Option<BoxWatch> {
    OBSERVERS.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(new_observers()?);
        }
        let observers = slot.as_mut()?;
        observers.watched.push((element.clone(), on_seen));
        observe(observers);
        Some(BoxWatch(element.clone()))
    })
}

/// Stops watching its element when dropped.
pub struct BoxWatch(Element);

impl Drop for BoxWatch {
    fn drop(&mut self) {
        let element = &self.0;
        OBSERVERS.with(|cell| {
            if let Ok(mut slot) = cell.try_borrow_mut() {
                if let Some(observers) = slot.as_mut() {
                    observers.resize.unobserve(element);
                    observers.sight.unobserve(element);
                    observers.panels.unobserve(element);
                    observers.screen.unobserve(element);
                    observers.watched.retain(|(watched, _)| watched != element);
                }
            }
        });
    }
}

/// Whether `element` is near the screen now (half a viewport's margin on
/// every side) and whether it is on the screen itself, by the rules the
/// observers apply. Reads layout: for a mount, which reads it anyway.
pub fn near_and_on_screen(element: &Element) -> (bool, bool) {
    let Some(window) = web_sys::window() else {
        return (true, true);
    };
    let length = |value: Result<wasm_bindgen::JsValue, _>| value.ok().and_then(|v| v.as_f64());
    let (Some(width), Some(height)) = (length(window.inner_width()), length(window.inner_height()))
    else {
        return (true, true);
    };
    let rect = element.get_bounding_client_rect();
    let within = |margin: f64| {
        (rect.width() > 0.0 || rect.height() > 0.0)
            && rect.bottom() >= -height * margin
            && rect.top() <= height * (1.0 + margin)
            && rect.right() >= -width * margin
            && rect.left() <= width * (1.0 + margin)
    };
    (within(NEAR_MARGIN), within(0.0))
}

/// Tells each watched element's watcher what `seen` says of it (if
/// anything). Who to tell is collected first, so a watcher may watch or
/// unwatch.
fn tell(seen: impl Fn(&Element) -> Option<Seen>) {
    let calls: Vec<(OnSeen, Seen)> = OBSERVERS.with(|cell| {
        let slot = cell.borrow();
        let Some(observers) = slot.as_ref() else {
            return Vec::new();
        };
        observers
            .watched
            .iter()
            .filter_map(|(element, on_seen)| Some((on_seen.clone(), seen(element)?)))
            .collect()
    });
    for (on_seen, what) in calls {
        on_seen(what);
    }
}

/// Tells the watchers of the elements in `found` what it says of them
/// (the last word per element counting).
fn tell_found(found: Vec<(Element, Seen)>) {
    tell(|element| {
        found
            .iter()
            .rev()
            .find(|(target, _)| target == element)
            .map(|(_, seen)| *seen)
    });
}

fn new_observers() -> Option<Observers> {
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        let mut found = Vec::new();
        for entry in entries.iter() {
            if let Ok(entry) = entry.dyn_into::<ResizeObserverEntry>() {
                let target = entry.target();
                // Layout is clean inside the observer's callback.
                let size = (target.client_width(), target.client_height());
                found.push((target, Seen::Size(size)));
            }
        }
        tell_found(found);
    });
    let intersections = |seen: fn(bool) -> Seen| {
        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let mut found = Vec::new();
            for entry in entries.iter() {
                if let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() {
                    found.push((entry.target(), seen(entry.is_intersecting())));
                }
            }
            tell_found(found);
        })
    };
    let on_sight = intersections(|near| if near { Seen::Near } else { Seen::Away });
    let on_screen = intersections(Seen::OnScreen);
    let resize = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    let options = IntersectionObserverInit::new();
    options.set_root_margin(NEAR_MARGIN_CSS);
    let sight =
        IntersectionObserver::new_with_options(on_sight.as_ref().unchecked_ref(), &options).ok()?;
    options.set_root_margin(SIGHT_MARGIN_CSS);
    let panels =
        IntersectionObserver::new_with_options(on_sight.as_ref().unchecked_ref(), &options).ok()?;
    let screen = IntersectionObserver::new(on_screen.as_ref().unchecked_ref()).ok()?;
    let before_print = web_sys::window().map(|window| {
        EventListener::new(&window, "beforeprint", |_| tell(|_| Some(Seen::Printing)))
    });
    Some(Observers {
        resize,
        sight,
        panels,
        screen,
        watched: Vec::new(),
        _callbacks: [on_resize, on_sight, on_screen],
        _before_print: before_print,
    })
}
