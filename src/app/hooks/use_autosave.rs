use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::use_library_sync::storage_problem;
use crate::app::i18n::Lang;
use crate::app::persist::{key_for, AUTOSAVE_KEY};
use crate::app::state::{Action, AppState, Notice};
use crate::share::encode_file;
use crate::web;

/// Saves the working scenario in the browser once it has rested for
/// [`AUTOSAVE_DELAY_MS`] (and at once when the page is left), and keeps the
/// library in step with storage and other tabs ([`super::use_library_sync`]).
/// A failed autosave (storage full or disabled) is said once, and the
/// scenario on screen is untouched.
///
/// Two tabs: the autosave is one key per plan and the last tab to open or
/// change its scenario wins it — it is what a freshly opened page starts
/// with. Each tab
/// keeps its own scenario in its own address bar, so reloading a tab
/// restores that tab's scenario, whatever another tab autosaved; another
/// tab's autosave never changes this tab's screen, and the autosave never
/// touches the library.
#[hook]
pub fn use_autosave(state: UseReducerHandle<AppState>) {
    let warned = use_mut_ref(|| false);
    let warned_on_hide = warned.clone();
    // The state waiting to be written, and the timer that will write it.
    let pending = use_mut_ref(|| None::<(UseReducerHandle<AppState>, Timeout)>);
    {
        let state = state.clone();
        let pending = pending.clone();
        let opened = use_mut_ref(|| false);
        use_effect_with(state.shared_parts(), move |_| {
            // Opening the page writes at once (the last tab to open wins);
            // after that a drag changes the scenario every frame: write
            // once it rests.
            if !std::mem::replace(&mut *opened.borrow_mut(), true) {
                save(&state, &warned);
                return;
            }
            let timer = {
                let pending = pending.clone();
                let warned = warned.clone();
                Timeout::new(AUTOSAVE_DELAY_MS, move || {
                    if let Some((state, _)) = pending.borrow_mut().take() {
                        save(&state, &warned);
                    }
                })
            };
            *pending.borrow_mut() = Some((state, timer));
        });
    }
    {
        // Leaving the page writes what is waiting.
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "pagehide", move |_| {
                    if let Some((state, timer)) = pending.borrow_mut().take() {
                        timer.cancel();
                        save(&state, &warned_on_hide);
                    }
                })
            });
            move || drop(listener)
        });
    }
    super::use_library_sync(state);
}

/// How long the scenario must rest before it is written to storage.
pub const AUTOSAVE_DELAY_MS: u32 = 300;

/// Writes the state's file to its autosave key; the first failure is said.
fn save(state: &UseReducerHandle<AppState>, warned: &Rc<RefCell<bool>>) {
    let json = encode_file(&state.plan, &state.share_state());
    if let Err(error) = web::storage_set(
        &key_for(AUTOSAVE_KEY, &state.plan, &state.embedded_id),
        &json,
    ) {
        if !std::mem::replace(&mut *warned.borrow_mut(), true) {
            let problem = storage_problem(&error);
            state.dispatch(Action::Notify(Notice::problem(
                Lang::Zh.autosave_failed(problem),
                Lang::En.autosave_failed(problem),
            )));
        }
    }
}
