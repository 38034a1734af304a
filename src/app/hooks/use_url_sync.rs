use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::state::{Action, AppState, Notice};
use crate::share::decode_link;
use crate::web;

/// The shortest time between two in-place rewrites of the address bar.
/// Safari refuses more than 100 `replaceState` calls in 30 seconds, so a
/// drag's many small changes are written at most this often, and the last
/// one always lands (a trailing write, flushed at the gesture's end and on
/// `pagehide`).
pub const URL_REPLACE_INTERVAL_MS: u32 = 150;

/// A replace waiting for the throttle, when the last one was written, and
/// the writes due at once, which wait until the page has drawn the update:
/// a `pushState` costs milliseconds (2-4.5 ms measured here, with the icon
/// read again), and the frame that shows an input should not wait for it.
#[derive(Default)]
struct Throttle {
    pending: Option<String>,
    timer: Option<Timeout>,
    last_write_ms: Option<f64>,
    /// Writes to make in order (the link, and whether it is a push).
    queued: Vec<(String, bool)>,
    /// A write of the queue is scheduled.
    soon: bool,
    /// The link last written or queued: what the address bar says, or
    /// will say once the queue is written.
    latest: Option<String>,
}

impl Throttle {
    /// Ends the throttle's wait: the pending replace joins the queue.
    fn flush(&mut self) {
        self.timer = None;
        if let Some(link) = self.pending.take() {
            self.queue(link, false);
        }
    }

    /// The address bar's link, once what is queued is written.
    fn latest(&self) -> String {
        self.latest.clone().unwrap_or_else(web::location_fragment)
    }

    fn queue(&mut self, link: String, push: bool) {
        self.latest = Some(link.clone());
        self.last_write_ms = Some(web::now_ms());
        self.queued.push((link, push));
    }

    /// Writes what is queued, now.
    fn write_queued(&mut self) {
        self.soon = false;
        for (link, push) in self.queued.drain(..) {
            web::set_location_fragment(&link, push);
        }
    }
}

/// Writes the queue once the page has drawn the update (one write for
/// however many join the queue meanwhile); nothing when it is empty.
fn write_soon(throttle: &Rc<RefCell<Throttle>>) {
    let mut guard = throttle.borrow_mut();
    if guard.queued.is_empty() || guard.soon {
        return;
    }
    guard.soon = true;
    let throttle = throttle.clone();
    web::after_next_frame(move || throttle.borrow_mut().write_queued());
}

/// Keeps the address bar equal to the state's link, and follows the
/// browser's Back and Forward buttons.
///
/// A change that makes a new undo step (counted by `History::steps`, which
/// never stops growing), or a change of view or language, adds a history
/// entry at once; the many small changes of one drag replace the current
/// entry, throttled. The end of a gesture (the pointer released, focus
/// leaving a field, a typed value committed) ends the undo step too, so two
/// drags of one slider are two steps and two Back entries.
///
/// `link` is the state's link (the fragment, as `share::encode_link` writes
/// it), encoded once by the root for the address bar and the share view
/// alike.
#[hook]
pub fn use_url_sync(state: UseReducerHandle<AppState>, link: Rc<String>) {
    let last = use_mut_ref(|| None::<(u64, &'static str, &'static str)>);
    let throttle = use_mut_ref(Throttle::default);
    {
        let throttle = throttle.clone();
        let key = (state.history.steps(), state.view.id(), state.lang.tag());
        use_effect_with((link, key), move |(link, key)| {
            let previous = last.replace(Some(*key));
            let push = previous.is_some_and(|previous| previous != *key);
            write(&throttle, (**link).clone(), push);
        });
    }
    {
        let dispatcher = state.dispatcher();
        let throttle = throttle.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|window| {
                // A gesture ends when the pointer is released, when focus
                // leaves a field (a run of arrow-key presses on a slider is
                // one gesture), or when a typed value is committed.
                let ends = ["pointerup", "focusout", "change"].map(|kind| {
                    let dispatcher = dispatcher.clone();
                    let throttle = throttle.clone();
                    EventListener::new(&window, kind, move |event| {
                        if kind == "change" && is_slider(event.target()) {
                            return;
                        }
                        dispatcher.dispatch(Action::EndGesture);
                        throttle.borrow_mut().flush();
                        write_soon(&throttle);
                    })
                });
                let on_hide = EventListener::new(&window, "pagehide", move |_| {
                    let mut guard = throttle.borrow_mut();
                    guard.flush();
                    guard.write_queued();
                });
                (ends, on_hide)
            });
            move || drop(listeners)
        });
    }
    {
        let dispatcher = state.dispatcher();
        let throttle = throttle.clone();
        // Re-registered when another plan is loaded: links decode against it.
        use_effect_with(state.plan.clone(), move |plan| {
            let plan: Rc<_> = plan.clone();
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "popstate", move |_| {
                    // The browser moved the address bar: it says what is
                    // written now.
                    throttle.borrow_mut().latest = None;
                    match decode_link(&plan, &web::location_fragment()) {
                        Ok(loaded) => dispatcher.dispatch(Action::Load(Box::new(loaded))),
                        Err(error) => dispatcher.dispatch(Action::Notify(Notice::problem(
                            format!("这个链接无法打开。{}", error.message(true)),
                            format!("This link could not be opened. {}", error.message(false)),
                        ))),
                    }
                })
            });
            move || drop(listener)
        });
    }
}

/// Whether an event came from a range input, whose `change` fires on every
/// arrow-key step (its gesture ends with the pointer or the focus instead).
fn is_slider(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.type_() == "range")
}

/// Writes `link` to the address bar: a push once the page has drawn the update
/// (after any pending replace, so no step is lost), a replace at most once
/// per [`URL_REPLACE_INTERVAL_MS`].
fn write(throttle: &Rc<RefCell<Throttle>>, link: String, push: bool) {
    {
        let mut guard = throttle.borrow_mut();
        if push {
            guard.flush();
            if link != guard.latest() {
                guard.queue(link, true);
            }
        } else if link == guard.latest() && guard.pending.is_none() {
            return;
        } else {
            let now = web::now_ms();
            let due = guard
                .last_write_ms
                .is_none_or(|at| now - at >= f64::from(URL_REPLACE_INTERVAL_MS));
            guard.pending = Some(link);
            if guard.timer.is_some() {
                // The trailing write already scheduled takes the newest link.
            } else if due {
                guard.flush();
            } else {
                let throttle = throttle.clone();
                guard.timer = Some(Timeout::new(URL_REPLACE_INTERVAL_MS, move || {
                    let mut guard = throttle.borrow_mut();
                    guard.flush();
                    guard.write_queued();
                }));
            }
        }
    }
    write_soon(throttle);
}
