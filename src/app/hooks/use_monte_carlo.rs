use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use gloo::timers::future::TimeoutFuture;
use yew::prelude::*;

use crate::model::{monte_carlo_sliced, Bands, Plan, Scenario, Workspace};
use crate::web;

/// The longest the simulation computes before it gives the browser back to
/// input (a slice of runs), milliseconds: well inside one frame.
pub const MONTE_CARLO_SLICE_MS: f64 = 4.0;

/// How long the scenario must stay still before the simulation runs, so a
/// slider drag redraws the projections every frame and the bands follow
/// when the hand rests.
pub const MONTE_CARLO_DEBOUNCE_MS: u32 = 120;

/// The bands of one scenario and how long the simulation took.
#[derive(Clone, Debug)]
pub struct MonteCarloRun {
    pub bands: Rc<Bands>,
    /// Wall-clock time of the simulation in the browser, milliseconds.
    pub elapsed_ms: f64,
    /// Its longest slice (the longest the browser waited on it), ms.
    pub longest_slice_ms: f64,
    /// Counts the simulations run since the app started (1 for the first).
    pub sequence: u64,
}

/// Monte Carlo bands for the current scenario, computed off the input path:
/// after the scenario has been still for [`MONTE_CARLO_DEBOUNCE_MS`], and
/// only while `enabled` (a view that shows them is open), in slices of at
/// most [`MONTE_CARLO_SLICE_MS`] with the browser free for input between
/// them; a change of scenario stops the old simulation at its next slice.
/// Returns `None` until the bands of the *current* scenario exist, never
/// stale bands.
#[hook]
pub fn use_monte_carlo(
    plan: Rc<Plan>,
    scenario: Rc<Scenario>,
    enabled: bool,
) -> Option<MonteCarloRun> {
    let result = use_state(|| None::<(Rc<Scenario>, MonteCarloRun)>);
    let workspace = use_mut_ref(Workspace::default);
    let sequence = use_mut_ref(|| 0_u64);
    {
        let result = result.clone();
        use_effect_with((scenario.clone(), enabled), move |(scenario, enabled)| {
            let up_to_date = result
                .as_ref()
                .is_some_and(|(for_scenario, _)| Rc::ptr_eq(for_scenario, scenario));
            let cancelled = Rc::new(Cell::new(false));
            let timeout = (*enabled && !up_to_date).then(|| {
                let scenario = scenario.clone();
                let cancelled = cancelled.clone();
                Timeout::new(MONTE_CARLO_DEBOUNCE_MS, move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        let started_ms = web::now_ms();
                        let Some((bands, longest_slice_ms)) =
                            run(&plan, &scenario, &workspace, &cancelled).await
                        else {
                            return;
                        };
                        let elapsed_ms = web::now_ms() - started_ms;
                        // The page shows the bands in a task of its own, not
                        // in the one that ran the last slice.
                        TimeoutFuture::new(0).await;
                        if cancelled.get() {
                            return;
                        }
                        *sequence.borrow_mut() += 1;
                        let sequence = *sequence.borrow();
                        result.set(Some((
                            scenario,
                            MonteCarloRun {
                                bands: Rc::new(bands),
                                elapsed_ms,
                                longest_slice_ms,
                                sequence,
                            },
                        )));
                    });
                })
            });
            move || {
                cancelled.set(true);
                drop(timeout);
            }
        });
    }
    result
        .as_ref()
        .filter(|(for_scenario, _)| Rc::ptr_eq(for_scenario, &scenario))
        .map(|(_, run)| run.clone())
}

/// The simulation in slices: after [`MONTE_CARLO_SLICE_MS`] of work it
/// waits for a zero timeout (the browser handles input meanwhile) and stops
/// if the scenario changed. `None` when stopped; else the bands and the
/// longest slice in ms.
async fn run(
    plan: &Plan,
    scenario: &Scenario,
    workspace: &RefCell<Workspace>,
    cancelled: &Cell<bool>,
) -> Option<(Bands, f64)> {
    let slice_started = Cell::new(web::now_ms());
    let longest_slice = Cell::new(0.0_f64);
    let pause = || {
        let slice_ms = web::now_ms() - slice_started.get();
        if slice_ms < MONTE_CARLO_SLICE_MS {
            return None;
        }
        longest_slice.set(longest_slice.get().max(slice_ms));
        Some(async {
            TimeoutFuture::new(0).await;
            slice_started.set(web::now_ms());
            !cancelled.get()
        })
    };
    // The buffers are taken out while in use, so a simulation still
    // stopping and a new one never share them (the second gets fresh ones).
    let mut buffers = workspace.take();
    let bands = monte_carlo_sliced(plan, scenario, &mut buffers, pause).await;
    workspace.replace(buffers);
    let last_slice = web::now_ms() - slice_started.get();
    bands.map(|bands| (bands, longest_slice.get().max(last_slice)))
}
