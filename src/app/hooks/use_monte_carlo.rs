use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::model::{monte_carlo_with, Bands, Plan, Scenario, Workspace};
use crate::web;

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
    /// Counts the simulations run since the app started (1 for the first).
    pub sequence: u64,
}

/// Monte Carlo bands for the current scenario, computed off the input path:
/// after the scenario has been still for [`MONTE_CARLO_DEBOUNCE_MS`], and
/// only while `enabled` (a view that shows them is open). Returns `None`
/// until the bands of the *current* scenario exist, never stale bands.
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
            let timeout = (*enabled && !up_to_date).then(|| {
                let scenario = scenario.clone();
                Timeout::new(MONTE_CARLO_DEBOUNCE_MS, move || {
                    let started_ms = web::now_ms();
                    let bands = run(&plan, &scenario, &workspace);
                    let elapsed_ms = web::now_ms() - started_ms;
                    *sequence.borrow_mut() += 1;
                    let sequence = *sequence.borrow();
                    result.set(Some((
                        scenario,
                        MonteCarloRun {
                            bands: Rc::new(bands),
                            elapsed_ms,
                            sequence,
                        },
                    )));
                })
            });
            move || drop(timeout)
        });
    }
    result
        .as_ref()
        .filter(|(for_scenario, _)| Rc::ptr_eq(for_scenario, &scenario))
        .map(|(_, run)| run.clone())
}

fn run(plan: &Plan, scenario: &Scenario, workspace: &RefCell<Workspace>) -> Bands {
    monte_carlo_with(plan, scenario, &mut workspace.borrow_mut())
}
