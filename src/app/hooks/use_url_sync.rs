use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::app::state::{Action, AppState, Notice};
use crate::share::{decode_link, encode_link};
use crate::web;

/// Keeps the address bar equal to the state's link, and follows the
/// browser's Back and Forward buttons.
///
/// A change that makes a new undo step, or a change of view or language,
/// adds a history entry; the many small changes of one slider drag replace
/// the current entry, so Back does not crawl through a drag.
#[hook]
pub fn use_url_sync(state: UseReducerHandle<AppState>) {
    let last = use_mut_ref(|| None::<(usize, &'static str, &'static str)>);
    {
        let state = state.clone();
        use_effect_with(state.shared_parts(), move |_| {
            let link = encode_link(&state.plan, &state.share_state());
            if link != web::location_fragment() {
                let key = (
                    state.history.undo_depth(),
                    state.view.id(),
                    state.lang.tag(),
                );
                let push = last.borrow().is_some_and(|previous| previous != key);
                web::set_location_fragment(&link, push);
                *last.borrow_mut() = Some(key);
            } else if last.borrow().is_none() {
                *last.borrow_mut() = Some((
                    state.history.undo_depth(),
                    state.view.id(),
                    state.lang.tag(),
                ));
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        // Re-registered when another plan is loaded: links decode against it.
        use_effect_with(state.plan.clone(), move |plan| {
            let plan: Rc<_> = plan.clone();
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "popstate", move |_| {
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
