//! The reducer's callbacks: each turns a child's argument into an
//! [`Action`]. Built once per page (the dispatcher is stable), so children
//! whose props did not change are not re-rendered on every slider move.

use yew::prelude::*;

use crate::app::inputs::Input;
use crate::app::state::{Action, AppState, Flag, View};
use crate::model::{Scenario, Shock};
use crate::share::NamedScenario;
use crate::web;

/// The callbacks the simulator hands to its children, each turning its
/// argument into an [`Action`].
#[derive(Clone)]
pub struct Callbacks {
    pub on_toggle_lang: Callback<()>,
    pub on_set: Callback<(Input, f64)>,
    pub on_reset: Callback<Input>,
    pub on_seek: Callback<usize>,
    pub on_phase: Callback<usize>,
    pub on_preset: Callback<String>,
    pub on_reset_all: Callback<()>,
    pub on_set_tracked: Callback<(String, Option<f64>)>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_shock: Callback<(usize, Option<Shock>)>,
    pub on_flag: Callback<(Flag, bool)>,
    pub on_seed: Callback<u64>,
    pub on_lock: Callback<Input>,
    pub on_solve_apply: Callback<Scenario>,
    pub on_present: Callback<()>,
    pub on_step_slide: Callback<isize>,
    pub on_stop_presenting: Callback<()>,
    pub on_view: Callback<View>,
    pub on_compare_add: Callback<NamedScenario>,
    pub on_compare_remove: Callback<usize>,
    pub on_dismiss_notice: Callback<()>,
    pub on_set_name: Callback<String>,
    pub on_set_note: Callback<String>,
    pub on_library_open: Callback<String>,
    pub on_library_rename: Callback<(String, String)>,
    pub on_library_delete: Callback<String>,
}

impl Callbacks {
    pub fn new(dispatcher: UseReducerDispatcher<AppState>) -> Self {
        fn to<T: 'static>(
            dispatcher: &UseReducerDispatcher<AppState>,
            make: fn(T) -> Action,
        ) -> Callback<T> {
            let dispatcher = dispatcher.clone();
            Callback::from(move |value| dispatcher.dispatch(make(value)))
        }
        Callbacks {
            on_toggle_lang: to(&dispatcher, |_| Action::ToggleLang),
            on_set: to(&dispatcher, |(input, value)| Action::Set { input, value }),
            on_reset: to(&dispatcher, Action::ResetInput),
            on_seek: to(&dispatcher, |industry_idx| Action::SeekGoal {
                industry_idx,
            }),
            on_phase: to(&dispatcher, Action::SetPhase),
            on_preset: to(&dispatcher, Action::ApplyPreset),
            on_reset_all: to(&dispatcher, |_| Action::Reset),
            on_set_tracked: to(&dispatcher, |(goal_id, count)| Action::SetTracked {
                goal_id,
                count,
            }),
            on_undo: to(&dispatcher, |_| Action::Undo),
            on_redo: to(&dispatcher, |_| Action::Redo),
            on_shock: to(&dispatcher, |(idx, shock)| Action::SetShock { idx, shock }),
            on_flag: to(&dispatcher, |(flag, on)| Action::SetFlag { flag, on }),
            on_seed: to(&dispatcher, Action::SetSeed),
            on_lock: to(&dispatcher, Action::ToggleLock),
            on_solve_apply: to(&dispatcher, |scenario| {
                Action::ApplySolved(Box::new(scenario))
            }),
            on_present: {
                let dispatcher = dispatcher.clone();
                Callback::from(move |_: ()| {
                    web::request_fullscreen();
                    dispatcher.dispatch(Action::StartPresenting);
                })
            },
            on_step_slide: to(&dispatcher, Action::StepSlide),
            on_view: to(&dispatcher, Action::SetView),
            on_compare_add: to(&dispatcher, |named| Action::CompareAdd(Box::new(named))),
            on_compare_remove: to(&dispatcher, Action::CompareRemove),
            on_dismiss_notice: to(&dispatcher, |_| Action::DismissNotice),
            on_set_name: to(&dispatcher, Action::SetName),
            on_set_note: to(&dispatcher, Action::SetNote),
            on_library_open: to(&dispatcher, |id| Action::LibraryOpen { id }),
            on_library_rename: to(&dispatcher, |(id, name)| Action::LibraryRename { id, name }),
            on_library_delete: to(&dispatcher, |id| Action::LibraryDelete { id }),
            on_stop_presenting: {
                let dispatcher = dispatcher.clone();
                Callback::from(move |_: ()| {
                    web::exit_fullscreen();
                    dispatcher.dispatch(Action::StopPresenting);
                })
            },
        }
    }
}
