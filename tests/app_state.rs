//! The reducer, tested natively: it is pure, so no browser is needed.

use std::rc::Rc;

use pathways::app::i18n::Lang;
use pathways::app::inputs::Input;
use pathways::app::state::{Action, AppState, View};
use pathways::model::Plan;
use yew::Reducible;

fn fresh() -> Rc<AppState> {
    let plan = Plan::shouguang_2018().expect("the embedded plan loads");
    Rc::new(AppState::new(Rc::new(plan)))
}

fn growth(industry_idx: usize) -> Input {
    Input::Growth {
        industry_idx,
        phase: 0,
    }
}

fn set(state: Rc<AppState>, input: Input, value: f64) -> Rc<AppState> {
    state.reduce(Action::Set { input, value })
}

#[test]
fn opens_on_the_plan_defaults_in_chinese() {
    let state = fresh();
    assert_eq!(*state.scenario, *state.defaults);
    assert_eq!(
        (state.lang, state.view, state.phase),
        (Lang::Zh, View::Overview, 0)
    );
    assert!(!state.history.can_undo() && !state.history.can_redo());
}

#[test]
fn a_valid_value_is_applied_and_an_invalid_one_refused() {
    let state = set(fresh(), growth(1), 12.5);
    assert_eq!(growth(1).get(&state.scenario), 12.5);
    for bad in [f64::NAN, f64::INFINITY, 1000.0, -99.0] {
        let after = set(state.clone(), growth(1), bad);
        assert!(
            Rc::ptr_eq(&after, &state),
            "{bad} must leave the state untouched"
        );
    }
    let missing = set(state.clone(), growth(42), 5.0);
    assert!(Rc::ptr_eq(&missing, &state));
}

#[test]
fn a_drag_of_one_slider_is_one_undo_step() {
    let start = fresh();
    let mut state = start.clone();
    for value in [9.5, 10.0, 10.5, 11.0] {
        state = set(state, growth(1), value);
    }
    state = set(state, growth(2), 7.0);
    let undone = state.clone().reduce(Action::Undo);
    assert_eq!(
        growth(2).get(&undone.scenario),
        growth(2).get(&start.scenario)
    );
    assert_eq!(growth(1).get(&undone.scenario), 11.0);
    let undone_twice = undone.reduce(Action::Undo);
    assert_eq!(
        *undone_twice.scenario, *start.scenario,
        "the whole drag undone at once"
    );
    assert!(!undone_twice.history.can_undo());
    let redone = undone_twice.reduce(Action::Redo).reduce(Action::Redo);
    assert_eq!(*redone.scenario, *state.scenario);
    assert!(!redone.history.can_redo());
}

#[test]
fn a_new_change_clears_redo() {
    let state = set(fresh(), growth(1), 12.0).reduce(Action::Undo);
    assert!(state.history.can_redo());
    let state = set(state, growth(3), 4.0);
    assert!(!state.history.can_redo());
}

#[test]
fn reset_and_reset_input_return_to_defaults_and_can_be_undone() {
    let changed = set(set(fresh(), growth(1), 12.0), Input::GdpBase, 950.0);
    let one_reset = changed.clone().reduce(Action::ResetInput(Input::GdpBase));
    assert_eq!(
        Input::GdpBase.get(&one_reset.scenario),
        Input::GdpBase.get(&one_reset.defaults)
    );
    assert_eq!(growth(1).get(&one_reset.scenario), 12.0);
    let all_reset = changed.clone().reduce(Action::Reset);
    assert_eq!(*all_reset.scenario, *all_reset.defaults);
    assert_eq!(*all_reset.reduce(Action::Undo).scenario, *changed.scenario);
}

#[test]
fn goal_seek_meets_the_industry_goal_exactly() {
    let state = set(fresh(), growth(1), 3.0).reduce(Action::SeekGoal { industry_idx: 1 });
    let sought = growth(1).get(&state.scenario);
    assert!(
        (sought - growth(1).get(&state.defaults)).abs() < 1e-9,
        "plan pace is the sought growth"
    );
    let vegetables = state.clone().reduce(Action::SeekGoal { industry_idx: 0 });
    assert!(
        Rc::ptr_eq(&vegetables, &state),
        "no revenue goal, nothing to seek"
    );
}

#[test]
fn presets_language_view_phase_and_tracked_counts() {
    let state = fresh().reduce(Action::ApplyPreset("stress".into()));
    assert_ne!(*state.scenario, *state.defaults);
    let unknown = state
        .clone()
        .reduce(Action::ApplyPreset("no-such-preset".into()));
    assert!(Rc::ptr_eq(&unknown, &state));
    let state = state
        .reduce(Action::ToggleLang)
        .reduce(Action::SetView(View::Sources));
    assert_eq!((state.lang, state.view), (Lang::En, View::Sources));
    assert_eq!(
        state.clone().reduce(Action::SetPhase(7)).phase,
        0,
        "no phase 7"
    );
    assert_eq!(state.clone().reduce(Action::SetPhase(1)).phase, 1);
    let goal_id = state
        .plan
        .goals
        .iter()
        .find(|goal| goal.series_id.is_none())
        .map(|goal| goal.id.clone())
        .expect("a goal tracked by hand");
    let counted = state.clone().reduce(Action::SetTracked {
        goal_id: goal_id.clone(),
        count: Some(6.0),
    });
    assert_eq!(counted.tracked.get(&goal_id), Some(&6.0));
    let negative = counted.clone().reduce(Action::SetTracked {
        goal_id: goal_id.clone(),
        count: Some(-1.0),
    });
    assert!(Rc::ptr_eq(&negative, &counted));
    let cleared = counted.reduce(Action::SetTracked {
        goal_id: goal_id.clone(),
        count: None,
    });
    assert!(!cleared.tracked.contains_key(&goal_id));
}

#[test]
fn shocks_flags_and_seed_are_validated_and_undoable() {
    use pathways::app::state::Flag;
    use pathways::model::Shock;
    let state = fresh();
    let shock = Shock {
        year: 2020,
        industry: Some(2),
        pct: -10.0,
    };
    let shocked = state.clone().reduce(Action::SetShock {
        idx: 0,
        shock: Some(shock.clone()),
    });
    assert_eq!(shocked.scenario.shocks, vec![shock.clone()]);
    let bad_year = shocked.clone().reduce(Action::SetShock {
        idx: 0,
        shock: Some(Shock {
            year: 1999,
            ..shock.clone()
        }),
    });
    assert!(
        Rc::ptr_eq(&bad_year, &shocked),
        "a shock outside the years is refused"
    );
    let bad_pct = shocked.clone().reduce(Action::SetShock {
        idx: 1,
        shock: Some(Shock {
            pct: 500.0,
            ..shock
        }),
    });
    assert!(Rc::ptr_eq(&bad_pct, &shocked));
    let removed = shocked.clone().reduce(Action::SetShock {
        idx: 0,
        shock: None,
    });
    assert!(removed.scenario.shocks.is_empty());
    assert_eq!(removed.reduce(Action::Undo).scenario.shocks.len(), 1);

    let flagged = state.clone().reduce(Action::SetFlag {
        flag: Flag::IncludeVegetables,
        on: true,
    });
    assert!(flagged.scenario.interpretation.include_vegetables);
    let seeded = flagged.reduce(Action::SetSeed(7));
    assert_eq!(seeded.scenario.uncertainty.seed, 7);
    assert_eq!(
        *seeded.reduce(Action::Undo).reduce(Action::Undo).scenario,
        *state.scenario
    );
}
