use yew::prelude::*;

use super::use_library_sync::storage_problem;
use crate::app::i18n::Lang;
use crate::app::persist::{key_for, AUTOSAVE_KEY};
use crate::app::state::{Action, AppState, Notice};
use crate::share::encode_file;
use crate::web;

/// Saves the working scenario in the browser as it changes, and keeps the
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
    {
        let state = state.clone();
        use_effect_with(state.shared_parts(), move |_| {
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
        });
    }
    super::use_library_sync(state);
}
