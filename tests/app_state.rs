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
        assert_eq!(
            *after.scenario, *state.scenario,
            "{bad} must leave the scenario untouched"
        );
        assert!(
            Rc::ptr_eq(&after.history, &state.history),
            "{bad} is no undo step"
        );
        assert_eq!(
            after.refused.as_ref().map(|(input, _)| *input),
            Some(growth(1))
        );
    }
    let missing = set(state.clone(), growth(42), 5.0);
    assert_eq!(*missing.scenario, *state.scenario);
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
fn two_drags_of_one_slider_are_two_undo_steps() {
    let start = fresh();
    let first = set(set(start.clone(), growth(1), 9.5), growth(1), 10.0);
    let ended = first.clone().reduce(Action::EndGesture);
    let second = set(set(ended, growth(1), 11.0), growth(1), 11.5);
    assert_eq!(second.history.steps(), first.history.steps() + 1);
    let undone = second.reduce(Action::Undo);
    assert_eq!(
        growth(1).get(&undone.scenario),
        10.0,
        "the second drag only"
    );
    let undone = undone.reduce(Action::Undo);
    assert_eq!(*undone.scenario, *start.scenario, "then the first");
}

#[test]
fn steps_keep_counting_past_the_history_limit() {
    use pathways::app::state::HISTORY_LIMIT;
    let mut state = fresh();
    let mut steps = vec![state.history.steps()];
    for n in 0..(HISTORY_LIMIT + 20) {
        state = set(state, growth(n % 2), 5.0 + (n % 7) as f64);
        steps.push(state.history.steps());
    }
    assert_eq!(state.history.undo_depth(), HISTORY_LIMIT);
    assert!(
        steps.windows(2).all(|pair| pair[1] == pair[0] + 1),
        "every change past the limit is still a new step (a new Back entry)"
    );
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

#[test]
fn a_value_that_breaks_a_rule_across_fields_is_refused_with_its_reason_at_that_input() {
    let state = fresh();
    // GDP below the industries' base-year value added: refused, and the
    // refusal names the rule in the user's language.
    let refused = set(state.clone(), Input::GdpBase, 100.0);
    assert_eq!(*refused.scenario, *state.scenario);
    let (input, error) = refused.refused.clone().expect("the refusal is kept");
    assert_eq!(input, Input::GdpBase);
    let zh = Lang::Zh.refusal(&refused.plan, &error);
    assert!(
        zh.contains("未采用") && zh.contains("不低于各产业基年增加值之和"),
        "{zh}"
    );
    let en = Lang::En.refusal(&refused.plan, &error);
    assert!(
        en.contains("Not applied") && en.contains("GDP 2017 must be at least"),
        "{en}"
    );
    // The next change clears it.
    let changed = set(refused, growth(0), 7.25);
    assert!(changed.refused.is_none());
}

#[test]
fn every_library_name_the_app_writes_is_one_its_loader_accepts() {
    use pathways::share::{decode_library, encode_library, MAX_NAME_CHARS, MAX_NOTE_CHARS};
    let long = "寿".repeat(MAX_NAME_CHARS + 50);
    let mut state = fresh();
    state = state.reduce(Action::SetName(long.clone()));
    state = state.reduce(Action::SetNote("注".repeat(MAX_NOTE_CHARS + 1)));
    assert_eq!(state.name.chars().count(), MAX_NAME_CHARS);
    assert_eq!(state.note.chars().count(), MAX_NOTE_CHARS);
    let saved_at = "2026-12-04T00:00:00Z".to_string();
    state = state.reduce(Action::LibrarySave {
        id: "a".into(),
        name: long.clone(),
        saved_at: saved_at.clone(),
    });
    state = state.reduce(Action::LibraryRename {
        id: "a".into(),
        name: long.clone(),
    });
    // Duplicating a copy of a copy of a name at the limit.
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "d")] {
        state = state.reduce(Action::LibraryDuplicate {
            id: from.into(),
            new_id: to.into(),
            saved_at: saved_at.clone(),
        });
    }
    assert_eq!(state.library.entries.len(), 4);
    let json = encode_library(&state.plan, &state.library);
    let decoded = decode_library(&state.plan, &json).expect("the library reads back");
    assert_eq!(decoded.skipped.len(), 0, "{:?}", decoded.skipped);
    assert_eq!(decoded.library.entries.len(), 4);
    for entry in &decoded.library.entries {
        assert!(entry.name().chars().count() <= MAX_NAME_CHARS);
    }
}

#[test]
fn a_solve_applied_is_one_undo_step_and_locks_toggle() {
    let state = fresh();
    let rest = Input::RestOfEconomyGrowth(0);
    let locked = state.reduce(Action::ToggleLock(rest));
    assert_eq!(*locked.locked, vec![rest]);
    let unlocked = locked.clone().reduce(Action::ToggleLock(rest));
    assert!(unlocked.locked.is_empty());
    let options = pathways::model::SolveOptions {
        locked: (*locked.locked).clone(),
        with_interpretation: false,
    };
    let solution = pathways::model::solve(&locked.plan, &locked.scenario, &options).unwrap();
    assert!(solution.feasible);
    let before = (*locked.scenario).clone();
    let applied = locked.reduce(Action::ApplySolved(Box::new(solution.scenario.clone())));
    assert_eq!(*applied.scenario, solution.scenario);
    assert_eq!(
        rest.get(&applied.scenario),
        rest.get(&before),
        "the locked input stays"
    );
    let undone = applied.reduce(Action::Undo);
    assert_eq!(*undone.scenario, before, "one step back is the start");
    // An invalid scenario is never applied.
    let mut broken = solution.scenario;
    broken.industries[0].growth_pct[0] = f64::NAN;
    let refused = undone.clone().reduce(Action::ApplySolved(Box::new(broken)));
    assert_eq!(*refused.scenario, before);
}

#[test]
fn the_kept_defaults_are_the_plans_so_the_link_needs_no_seek() {
    // The root encodes the link from `state.defaults` instead of running the
    // plan's goal seeks again on every change: they must be the plan's, on
    // opening and after another plan is loaded.
    let state = fresh();
    assert_eq!(*state.defaults, pathways::model::plan_defaults(&state.plan));
    let other = Plan::from_json(include_str!("fixtures/plan-five-industries.json"))
        .expect("the five-industry plan loads");
    let loaded = state.reduce(Action::LoadPlan {
        plan: Rc::new(other),
        library: pathways::share::Library::default(),
    });
    assert_eq!(
        *loaded.defaults,
        pathways::model::plan_defaults(&loaded.plan)
    );
    let changed = set(loaded, growth(1), 7.25);
    let share = changed.share_state();
    assert_eq!(
        pathways::share::encode_link_from(&changed.plan, &changed.defaults, &share),
        pathways::share::encode_link(&changed.plan, &share)
    );
}
