//! The one reducer that owns the app's state.
//!
//! **Invariant:** the reducer is pure. It never touches the URL, storage or
//! the DOM; hooks in `app/hooks/` observe the state and do that. Derived data
//! (the projection, goal evaluations) is computed from the state with
//! `use_memo`, never stored here.

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::Lang;
use crate::model::{Plan, Scenario};

/// The whole state of the app.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The plan being simulated; immutable for now.
    pub plan: Rc<Plan>,
    /// The user's assumptions.
    pub scenario: Rc<Scenario>,
    pub lang: Lang,
}

impl AppState {
    /// The state the app opens with: the plan's default scenario, in Chinese.
    pub fn new(plan: Rc<Plan>) -> Self {
        let scenario = Rc::new(Scenario::plan_defaults(&plan));
        AppState {
            plan,
            scenario,
            lang: Lang::default(),
        }
    }
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Sets one industry's growth in one phase (0 = 2018–2022, 1 = 2023–2028).
    SetGrowth {
        industry_idx: usize,
        phase: usize,
        growth_pct: f64,
    },
    SetLang(Lang),
    /// Back to the plan's default scenario (the language stays).
    Reset,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetGrowth {
                industry_idx,
                phase,
                growth_pct,
            } => {
                if self.scenario.growth_pct(industry_idx, phase) == growth_pct {
                    return self;
                }
                let mut scenario = (*self.scenario).clone();
                // An invalid value is refused and the last valid scenario kept;
                // the input component has already told the user why.
                match scenario.set_growth_pct(industry_idx, phase, growth_pct) {
                    Ok(()) => Rc::new(AppState {
                        scenario: Rc::new(scenario),
                        ..(*self).clone()
                    }),
                    Err(_) => self,
                }
            }
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return self;
                }
                Rc::new(AppState {
                    lang,
                    ..(*self).clone()
                })
            }
            Action::Reset => Rc::new(AppState {
                scenario: Rc::new(Scenario::plan_defaults(&self.plan)),
                ..(*self).clone()
            }),
        }
    }
}
