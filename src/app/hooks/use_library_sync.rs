use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n::{Lang, StorageProblem};
use crate::app::persist::{
    back_up_library, key_for, read_stored_library, StoredLibrary, LIBRARY_KEY,
};
use crate::app::shared::Shared;
use crate::app::state::{Action, AppState, Notice};
use crate::share::encode_library;
use crate::web;

/// Keeps the library in the browser's storage and in every tab in step,
/// without one tab overwriting another's entries:
///
/// * when another tab writes the library (a `storage` event), this tab
///   reads it and merges it with its own by entry id
///   ([`Action::LibraryFromStorage`]);
/// * before this tab writes its library, it reads storage again: if another
///   tab wrote since this tab last read, it merges first and writes the
///   merged library (the effect runs again on the merged state);
/// * an unreadable or partly damaged library in storage is backed up before
///   it is overwritten, and not overwritten while the backup fails;
/// * a write the browser refuses (storage full) keeps the library on the
///   page and says so; the next change tries again.
#[hook]
pub fn use_library_sync(state: UseReducerHandle<AppState>) {
    let key = key_for(LIBRARY_KEY, &state.plan, &state.embedded_id);
    {
        // Another tab changed storage: merge its library into this one.
        let dispatcher = state.dispatcher();
        let plan = state.plan.clone();
        let embedded_id = state.embedded_id.clone();
        use_effect_with(key.clone(), move |key| {
            let key = key.clone();
            let listener = web::on_storage_change(move |changed| {
                if changed.is_some_and(|changed| changed != key) {
                    return;
                }
                match read_stored_library(&plan, &embedded_id) {
                    StoredLibrary::Absent => {
                        dispatcher.dispatch(Action::LibraryFromStorage(Box::default()));
                    }
                    StoredLibrary::Read { library, .. } => {
                        dispatcher.dispatch(Action::LibraryFromStorage(Box::new(library)));
                    }
                    StoredLibrary::Unreadable { .. } => {
                        dispatcher.dispatch(Action::Notify(Notice::problem(
                            Lang::Zh.library_from_other_tab_unreadable(),
                            Lang::En.library_from_other_tab_unreadable(),
                        )));
                    }
                }
            });
            move || drop(listener)
        });
    }
    {
        // This tab changed its library: write it, merging first if needed.
        let state = state.clone();
        let deps = (
            Shared(state.library.clone()),
            Shared(state.library_stored.clone()),
        );
        use_effect_with(deps, move |(library, stored)| {
            if **library == **stored {
                return;
            }
            let (theirs, to_back_up) = match read_stored_library(&state.plan, &state.embedded_id) {
                StoredLibrary::Absent => (Default::default(), None),
                StoredLibrary::Read {
                    library,
                    damaged,
                    raw,
                } => (library, (damaged > 0).then_some(raw)),
                // Nothing of it can be merged: back it up, then write ours.
                StoredLibrary::Unreadable { raw, .. } => ((**stored).clone(), Some(raw)),
            };
            if let Some(raw) = to_back_up {
                if back_up_library(&state.plan, &state.embedded_id, &raw).is_err() {
                    state.dispatch(Action::Notify(Notice::problem(
                        Lang::Zh.library_not_saved_no_backup(),
                        Lang::En.library_not_saved_no_backup(),
                    )));
                    return;
                }
            }
            if theirs != **stored {
                // Another tab wrote since this one last read: merge first;
                // the merged state runs this effect again.
                state.dispatch(Action::LibraryFromStorage(Box::new(theirs)));
                return;
            }
            let json = encode_library(&state.plan, library);
            match web::storage_set(
                &key_for(LIBRARY_KEY, &state.plan, &state.embedded_id),
                &json,
            ) {
                Ok(()) => state.dispatch(Action::LibraryStored(Rc::clone(&library.0))),
                Err(error) => {
                    let problem = storage_problem(&error);
                    state.dispatch(Action::Notify(Notice::problem(
                        Lang::Zh.library_not_saved(problem),
                        Lang::En.library_not_saved(problem),
                    )));
                }
            }
        });
    }
}

/// The message's word for a storage error.
pub(super) fn storage_problem(error: &web::StorageError) -> StorageProblem {
    match error {
        web::StorageError::QuotaExceeded => StorageProblem::Full,
        web::StorageError::Unavailable | web::StorageError::WriteFailed => {
            StorageProblem::Unavailable
        }
    }
}
