//! One `ResizeObserver` for every element whose size matters (the chart
//! canvases), instead of a resize listener per canvas and a layout read per
//! draw. The browser reports a size after its own layout, before paint, so
//! reading it forces no layout; a redraw on input uses the size last
//! reported.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};

/// What is told an element's new CSS size (`clientWidth`, `clientHeight`).
type OnSize = Rc<dyn Fn((i32, i32))>;

struct Observer {
    observer: ResizeObserver,
    watched: Vec<(Element, OnSize)>,
    // Kept alive as long as the observer.
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

thread_local! {
    static OBSERVER: RefCell<Option<Observer>> = const { RefCell::new(None) };
}

/// Watches `element` until the returned guard is dropped: `on_size` is
/// called with its CSS size when it is first laid out and whenever that
/// size changes (a resized window, an opened drawer, a slide). `None` when
/// the browser has no `ResizeObserver`.
pub fn watch_size(element: &Element, on_size: impl Fn((i32, i32)) + 'static) -> Option<SizeWatch> {
    OBSERVER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(new_observer()?);
        }
        let observer = slot.as_mut()?;
        observer.watched.push((element.clone(), Rc::new(on_size)));
        observer.observer.observe(element);
        Some(SizeWatch(element.clone()))
    })
}

/// Stops watching its element when dropped.
pub struct SizeWatch(Element);

impl Drop for SizeWatch {
    fn drop(&mut self) {
        let element = &self.0;
        OBSERVER.with(|cell| {
            if let Ok(mut slot) = cell.try_borrow_mut() {
                if let Some(observer) = slot.as_mut() {
                    observer.observer.unobserve(element);
                    observer.watched.retain(|(watched, _)| watched != element);
                }
            }
        });
    }
}

fn new_observer() -> Option<Observer> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        // Who to tell is collected first, so a callback may watch or unwatch.
        let calls: Vec<(OnSize, (i32, i32))> = OBSERVER.with(|cell| {
            let slot = cell.borrow();
            let Some(observer) = slot.as_ref() else {
                return Vec::new();
            };
            entries
                .iter()
                .filter_map(|entry| entry.dyn_into::<ResizeObserverEntry>().ok())
                .filter_map(|entry| {
                    let target = entry.target();
                    let (_, on_size) = observer
                        .watched
                        .iter()
                        .find(|(watched, _)| *watched == target)?;
                    // Layout is clean inside the observer's callback.
                    Some((
                        on_size.clone(),
                        (target.client_width(), target.client_height()),
                    ))
                })
                .collect()
        });
        for (on_size, size) in calls {
            on_size(size);
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    Some(Observer {
        observer,
        watched: Vec::new(),
        _callback: callback,
    })
}
