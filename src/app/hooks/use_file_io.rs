use std::rc::Rc;

use yew::prelude::*;

use crate::app::i18n::Lang;
use crate::app::persist;
use crate::app::state::{Action, AppState, Notice};
use crate::model::{project, Plan};
use crate::share::{decode_file, encode_file, projection_csv};
use crate::web;

/// The share view's file, storage and download actions.
#[derive(Clone, PartialEq)]
pub struct FileActions {
    /// Downloads the scenario as a JSON file.
    pub export_json: Callback<()>,
    /// Downloads every projected series as CSV.
    pub export_csv: Callback<()>,
    /// Reads a chosen scenario file (or the browser's error reading it).
    pub import: Callback<Result<String, String>>,
    /// Reads a chosen plan file, keeps it in storage and opens it.
    pub load_plan: Callback<Result<String, String>>,
    /// Forgets a loaded plan and opens the embedded one again.
    pub restore_plan: Callback<()>,
    /// Saves the scenario in the library under a name.
    pub library_save: Callback<String>,
    /// Copies a library entry under a new id.
    pub library_duplicate: Callback<String>,
}

/// The file, storage and download actions of the page, built once: each
/// reads the state as it was last rendered (through a cell the root
/// refreshes on every render), so no callback is rebuilt on a slider move.
#[hook]
pub fn use_file_io(state: UseReducerHandle<AppState>, embedded: Rc<Plan>) -> Rc<FileActions> {
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    use_memo((), move |_| {
        let current = move || latest.borrow().clone();
        let dispatcher = state.dispatcher();
        let notify = {
            let dispatcher = dispatcher.clone();
            move |notice: Notice| dispatcher.dispatch(Action::Notify(notice))
        };
        FileActions {
            export_json: {
                let current = current.clone();
                Callback::from(move |_: ()| {
                    let state = current();
                    let json = encode_file(&state.plan, &state.share_state());
                    web::download_text(
                        &file_stem(&state.name, &state.plan.id, "json"),
                        "application/json",
                        &json,
                    );
                })
            },
            export_csv: {
                let current = current.clone();
                Callback::from(move |_: ()| {
                    let state = current();
                    let projection = project(&state.plan, &state.scenario);
                    let csv = projection_csv(&state.plan, &projection, state.lang == Lang::Zh);
                    web::download_text(
                        &file_stem(&state.name, &state.plan.id, "csv"),
                        "text/csv;charset=utf-8",
                        &csv,
                    );
                })
            },
            import: {
                let current = current.clone();
                let dispatcher = dispatcher.clone();
                let notify = notify.clone();
                Callback::from(move |result: Result<String, String>| {
                    let state = current();
                    let decoded =
                        result
                            .map_err(|error| unreadable_file(&error))
                            .and_then(|text| {
                                decode_file(&state.plan, &text)
                                    .map_err(|error| (error.message(true), error.message(false)))
                            });
                    match decoded {
                        Ok(loaded) => {
                            dispatcher.dispatch(Action::Load(Box::new(loaded)));
                            notify(said(|lang| lang.share_strings().imported));
                        }
                        Err(words) => {
                            notify(failed(|lang| lang.share_strings().import_failed, words))
                        }
                    }
                })
            },
            load_plan: {
                let current = current.clone();
                let dispatcher = dispatcher.clone();
                let notify = notify.clone();
                Callback::from(move |result: Result<String, String>| {
                    let read = |text: String| {
                        Plan::from_json(&text)
                            .map(|plan| (plan, text))
                            .map_err(|error| (error.message(true), error.message(false)))
                    };
                    match result
                        .map_err(|error| unreadable_file(&error))
                        .and_then(read)
                    {
                        Ok((plan, text)) => {
                            let state = current();
                            let mut notices = Vec::new();
                            let library =
                                persist::read_library(&plan, &state.embedded_id, &mut notices);
                            if web::storage_set(persist::PLAN_KEY, &text).is_err() {
                                gloo::console::warn!("the plan file could not be kept in storage");
                            }
                            dispatcher.dispatch(Action::LoadPlan {
                                plan: Rc::new(plan),
                                library,
                            });
                            notify(
                                notices.pop().unwrap_or_else(|| {
                                    said(|lang| lang.share_strings().plan_loaded)
                                }),
                            );
                        }
                        Err(words) => {
                            notify(failed(|lang| lang.share_strings().plan_failed, words))
                        }
                    }
                })
            },
            restore_plan: {
                let current = current.clone();
                let dispatcher = dispatcher.clone();
                Callback::from(move |_: ()| {
                    let _ = web::storage_remove(persist::PLAN_KEY);
                    let mut notices = Vec::new();
                    let library =
                        persist::read_library(&embedded, &current().embedded_id, &mut notices);
                    dispatcher.dispatch(Action::LoadPlan {
                        plan: embedded.clone(),
                        library,
                    });
                })
            },
            library_save: {
                let dispatcher = dispatcher.clone();
                Callback::from(move |name: String| {
                    dispatcher.dispatch(Action::LibrarySave {
                        id: web::unique_id(),
                        name,
                        saved_at: web::now_iso(),
                    })
                })
            },
            library_duplicate: Callback::from(move |id: String| {
                dispatcher.dispatch(Action::LibraryDuplicate {
                    id,
                    new_id: web::unique_id(),
                    saved_at: web::now_iso(),
                })
            }),
        }
    })
}

/// An information notice in both languages.
fn said(words: impl Fn(Lang) -> &'static str) -> Notice {
    Notice::info(words(Lang::Zh), words(Lang::En))
}

/// A problem notice: what failed, then the reader's own words, in both
/// languages.
fn failed(what: impl Fn(Lang) -> &'static str, (zh, en): (String, String)) -> Notice {
    Notice::problem(
        format!("{} {zh}", what(Lang::Zh)),
        format!("{} {en}", what(Lang::En)),
    )
}

/// A file the browser could not read, in Chinese and English (the browser's
/// own words, English only, go to the English message).
fn unreadable_file(error: &str) -> (String, String) {
    (
        Lang::Zh.share_strings().file_unreadable.to_string(),
        format!("{} ({error})", Lang::En.share_strings().file_unreadable),
    )
}

/// A download's file name from the scenario's name: unsafe characters
/// become "-", and an unnamed scenario is "<plan id>-scenario".
fn file_stem(name: &str, plan_id: &str, extension: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|character| {
            if character.is_alphanumeric() || character == '-' || character == '_' {
                character
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    let stem = if cleaned.trim_matches('-').is_empty() {
        format!("{plan_id}-scenario")
    } else {
        cleaned
    };
    format!("{stem}.{extension}")
}
