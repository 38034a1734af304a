use yew::prelude::*;

use crate::app::persist::{key_for, AUTOSAVE_KEY, LIBRARY_KEY};
use crate::app::state::{Action, AppState, Notice};
use crate::share::{encode_file, encode_library};
use crate::web;

/// Saves the working scenario and the library in the browser as they
/// change. A failure (storage full or disabled) is said once, and the
/// scenario on screen is untouched.
#[hook]
pub fn use_autosave(state: UseReducerHandle<AppState>) {
    let warned = use_mut_ref(|| false);
    let first_library = use_mut_ref(|| true);
    {
        let state = state.clone();
        let warned = warned.clone();
        use_effect_with(state.shared_parts(), move |_| {
            let json = encode_file(&state.plan, &state.share_state());
            if web::storage_set(
                &key_for(AUTOSAVE_KEY, &state.plan, &state.embedded_id),
                &json,
            )
            .is_err()
                && !*warned.borrow()
            {
                *warned.borrow_mut() = true;
                state.dispatch(Action::Notify(storage_notice()));
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(state.library.clone(), move |library| {
            // The library read at start-up needs no writing back.
            if std::mem::replace(&mut *first_library.borrow_mut(), false) {
                return;
            }
            let json = encode_library(&state.plan, library);
            if web::storage_set(
                &key_for(LIBRARY_KEY, &state.plan, &state.embedded_id),
                &json,
            )
            .is_err()
            {
                state.dispatch(Action::Notify(storage_notice()));
            }
        });
    }
}

fn storage_notice() -> Notice {
    Notice::problem(
        "浏览器存储已满或不可用,情景未能保存到浏览器;屏幕上的情景不受影响,可用“导出 JSON”另存。",
        "The browser's storage is full or unavailable, so the scenario was not saved there; the scenario on screen is unaffected — use “Export JSON” to keep it.",
    )
}
