//! Random action sequences through the app's one reducer (`app::state`),
//! natively: it is pure, so no browser is needed. After every action:
//!
//! * nothing panicked;
//! * the state's scenario, its compared scenarios, names and notes validate
//!   (`ShareState::validate`);
//! * the state's link decodes back to the same state, and writes the same
//!   link again (bit for bit);
//! * undo then redo (and redo then undo) restores the state exactly.
//!
//! At the end of each sequence the library the app built reads back whole.
//! Actions are drawn from everything a user (or a link, a file, the library)
//! can do, valid and not: values out of range, NaN, unknown ids, too-long
//! names, another plan.
//!
//! `APP_FUZZ_SEQUENCES` (default 10 000 in a release build, 50 in a debug
//! one) sets the number of sequences, each of 1–40 actions; `APP_FUZZ_SEED`
//! the seed. CI's run (`scripts/test.sh`): `APP_FUZZ_SEQUENCES=10000 cargo
//! test --release --locked --test app_fuzz -- --nocapture`.

#![cfg(not(target_arch = "wasm32"))]

mod share_support;

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::time::Instant;

use pathways::app::i18n::Lang;
use pathways::app::inputs::Input;
use pathways::app::state::{Action, AppState, Flag, Notice, View};
use pathways::model::{Plan, Shock};
use pathways::share::{decode_library, decode_link, encode_library, encode_link, NamedScenario};
use pathways::share::{Library, ShareState};
use proptest::strategy::{Strategy, ValueTree};
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;
use share_support::{runner, share_state, PLAN};
use yew::Reducible;

const DEMO: &str = include_str!("fixtures/plan-demo-county.json");

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(default)
}

fn pick<'a, T>(rng: &mut Pcg64Mcg, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// What the actions draw on: both plans and valid states of the first.
struct Pool {
    plans: Vec<Rc<Plan>>,
    states: Vec<ShareState>,
}

fn text(rng: &mut Pcg64Mcg) -> String {
    match rng.random_range(0..6) {
        0 => String::new(),
        1 => "寿光 ~ 100% _低增长_".to_string(),
        2 => "<script>alert(1)</script>".to_string(),
        3 => "x".repeat(rng.random_range(190..260)),
        4 => "注".repeat(rng.random_range(3990..4100)),
        _ => format!("scenario {}", rng.random_range(0..100)),
    }
}

fn value_for(rng: &mut Pcg64Mcg, input: Input, state: &AppState) -> f64 {
    let range = input.range();
    let slider = input.slider_range();
    let value = match rng.random_range(0..10) {
        0..=3 => rng.random_range(*slider.start()..=*slider.end()),
        4 | 5 => {
            let step = input.step();
            let steps = ((slider.end() - slider.start()) / step).floor().max(0.0) as u64;
            slider.start() + step * rng.random_range(0..=steps) as f64
        }
        6 => *pick(rng, &[*range.start(), *range.end()]),
        7 => input.get(&state.defaults),
        8 => *pick(
            rng,
            &[f64::NAN, f64::INFINITY, -1e9, 1e9, -0.0, range.end() + 1.0],
        ),
        _ => input.get(&state.scenario) + rng.random_range(-1.0..1.0),
    };
    if input.is_whole() && rng.random_bool(0.8) {
        value.round()
    } else {
        value
    }
}

fn action(rng: &mut Pcg64Mcg, state: &AppState, pool: &Pool) -> Action {
    let plan = &state.plan;
    let inputs = Input::all(plan);
    let n_industries = plan.industries.len();
    let entry_id = |rng: &mut Pcg64Mcg| match state.library.entries.len() {
        0 => "none".to_string(),
        n => state.library.entries[rng.random_range(0..n)].id.clone(),
    };
    match rng.random_range(0..40) {
        0..=11 => {
            let input = *pick(rng, &inputs);
            Action::Set {
                input,
                value: value_for(rng, input, state),
            }
        }
        12 => Action::Set {
            input: Input::Growth {
                industry_idx: n_industries + 3,
                phase: 0,
            },
            value: 5.0,
        },
        13..=15 => Action::EndGesture,
        16 => Action::ResetInput(*pick(rng, &inputs)),
        17 => Action::SeekGoal {
            industry_idx: rng.random_range(0..=n_industries),
        },
        18 => Action::ApplyPreset(match plan.presets.len() {
            0 => "none".to_string(),
            n if rng.random_bool(0.9) => plan.presets[rng.random_range(0..n)].id.clone(),
            _ => "no-such-preset".to_string(),
        }),
        19 => pick(
            rng,
            &[
                Action::SetLang(Lang::Zh),
                Action::SetLang(Lang::En),
                Action::ToggleLang,
            ],
        )
        .clone(),
        20 => Action::SetView(*pick(rng, &View::ALL)),
        21 => Action::SetPhase(rng.random_range(0..3)),
        22 => Action::SetTracked {
            goal_id: match plan.goals.len() {
                0 => "none".to_string(),
                n => plan.goals[rng.random_range(0..n)].id.clone(),
            },
            count: *pick(rng, &[None, Some(3.0), Some(-1.0), Some(f64::NAN)]),
        },
        23 => Action::Reset,
        24 => {
            let mut loaded = pick(rng, &pool.states).clone();
            if rng.random_bool(0.2) {
                loaded.scenario.uncertainty.correlation = 7.0;
            }
            Action::Load(Box::new(loaded))
        }
        25 => Action::SetName(text(rng)),
        26 => Action::SetNote(text(rng)),
        27 => Action::LibrarySave {
            id: format!("e{}", rng.random_range(0..1_000_000)),
            name: text(rng),
            saved_at: "2025-01-01T00:00:00Z".to_string(),
        },
        28 => Action::LibraryRename {
            id: entry_id(rng),
            name: text(rng),
        },
        29 => Action::LibraryDuplicate {
            id: entry_id(rng),
            new_id: format!("d{}", rng.random_range(0..1_000_000)),
            saved_at: "2025-01-02T00:00:00Z".to_string(),
        },
        30 => match rng.random_range(0..3) {
            0 => Action::LibraryDelete { id: entry_id(rng) },
            _ => Action::LibraryOpen { id: entry_id(rng) },
        },
        31 => pick(
            rng,
            &[
                Action::Notify(Notice::info("提示", "note")),
                Action::DismissNotice,
            ],
        )
        .clone(),
        32 => Action::SetShock {
            idx: rng.random_range(0..4),
            shock: rng.random_bool(0.7).then(|| Shock {
                year: rng.random_range(2010..2040),
                industry: rng
                    .random_bool(0.7)
                    .then(|| rng.random_range(0..=n_industries)),
                pct: rng.random_range(-120.0..120.0),
            }),
        },
        33 => Action::SetFlag {
            flag: *pick(
                rng,
                &[
                    Flag::IncludeVegetables,
                    Flag::ContinueIncrements,
                    Flag::ContinueProductivity,
                ],
            ),
            on: rng.random(),
        },
        34 => Action::SetSeed(rng.random()),
        35 => {
            let mut scenario = pick(rng, &pool.states).scenario.clone();
            if rng.random_bool(0.2) {
                scenario.uncertainty.runs = 0;
            }
            // Any name, however long: the reducer bounds it.
            Action::CompareAdd(Box::new(NamedScenario {
                name: text(rng),
                scenario,
            }))
        }
        36 => Action::CompareRemove(rng.random_range(0..5)),
        37 => Action::LoadPlan {
            plan: pick(rng, &pool.plans).clone(),
            library: Library::default(),
        },
        38 => pick(
            rng,
            &[
                Action::StartPresenting,
                Action::StopPresenting,
                Action::StepSlide(1),
                Action::StepSlide(-1),
                Action::StepSlide(isize::MAX),
                Action::StepSlide(isize::MIN),
            ],
        )
        .clone(),
        _ => pick(rng, &[Action::Undo, Action::Redo]).clone(),
    }
}

/// Everything that must survive an undo and a redo: the shared state, bit
/// for bit (its link), and what the link does not carry.
#[derive(PartialEq)]
struct Snapshot {
    shared: ShareState,
    link: String,
    phase: usize,
    tracked: Rc<BTreeMap<String, f64>>,
    library: Rc<Library>,
    slide: Option<usize>,
    undo_depth: usize,
    can_redo: bool,
}

fn snapshot(state: &AppState) -> Snapshot {
    let shared = state.share_state();
    Snapshot {
        link: encode_link(&state.plan, &shared),
        shared,
        phase: state.phase,
        tracked: state.tracked.clone(),
        library: state.library.clone(),
        slide: state.slide,
        undo_depth: state.history.undo_depth(),
        can_redo: state.history.can_redo(),
    }
}

/// The checks after one action; an error says what broke.
fn check(state: &Rc<AppState>) -> Result<(), String> {
    let plan = &state.plan;
    let shared = state.share_state();
    shared
        .validate(plan)
        .map_err(|problems| format!("the state does not validate: {problems:?}"))?;
    let link = encode_link(plan, &shared);
    match decode_link(plan, &link) {
        Ok(decoded) if decoded == shared => {}
        other => return Err(format!("its link {link:?} decodes to {other:?}")),
    }
    if let Ok(decoded) = decode_link(plan, &link) {
        let again = encode_link(plan, &decoded);
        if again != link {
            return Err(format!("its link {link:?} writes again as {again:?}"));
        }
    }
    let before = snapshot(state);
    if state.history.can_undo() {
        let back = state.clone().reduce(Action::Undo).reduce(Action::Redo);
        if snapshot(&back) != before || *back.scenario != *state.scenario {
            return Err("undo then redo changed the state".to_string());
        }
    }
    if state.history.can_redo() {
        let back = state.clone().reduce(Action::Redo).reduce(Action::Undo);
        if snapshot(&back) != before || *back.scenario != *state.scenario {
            return Err("redo then undo changed the state".to_string());
        }
    }
    Ok(())
}

/// The library the app built must read back whole.
fn check_library(state: &AppState) -> Result<(), String> {
    let written = encode_library(&state.plan, &state.library);
    let decoded = decode_library(&state.plan, &written).map_err(|error| error.to_string())?;
    if decoded.library != *state.library || !decoded.skipped.is_empty() {
        return Err(format!(
            "the library reads back as {:?}, skipped {:?}",
            decoded.library, decoded.skipped
        ));
    }
    Ok(())
}

#[test]
fn random_action_sequences_keep_every_invariant() {
    let default_sequences = if cfg!(debug_assertions) { 50 } else { 10_000 };
    let sequences = env_number("APP_FUZZ_SEQUENCES", default_sequences);
    let seed = env_number("APP_FUZZ_SEED", 2018);
    let demo = Plan::from_json(DEMO).unwrap_or_else(|error| panic!("{error}"));
    let mut runner = runner(1);
    let strategy = share_state();
    let states: Vec<ShareState> = (0..32)
        .filter_map(|_| strategy.new_tree(&mut runner).ok())
        .map(|tree| tree.current())
        .collect();
    let pool = Pool {
        plans: vec![Rc::new(PLAN.clone()), Rc::new(demo)],
        states,
    };
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let mut failures: Vec<String> = Vec::new();
    let (mut actions, mut undoable) = (0u64, 0u64);
    let started = Instant::now();
    for sequence in 0..sequences {
        let mut state = Rc::new(AppState::new(pool.plans[0].clone()));
        let mut done: Vec<Action> = Vec::new();
        for _ in 0..rng.random_range(1..=40) {
            let next = action(&mut rng, &state, &pool);
            done.push(next.clone());
            actions += 1;
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let after = state.clone().reduce(next);
                check(&after).map(|()| after)
            }));
            let problem = match outcome {
                Ok(Ok(after)) => {
                    undoable += u64::from(after.history.can_undo());
                    state = after;
                    None
                }
                Ok(Err(problem)) => Some(problem),
                Err(_) => Some("PANIC".to_string()),
            };
            if let Some(problem) = problem {
                failures.push(format!(
                    "sequence {sequence} (seed {seed}): {problem}\n  actions: {done:?}"
                ));
                break;
            }
        }
        if let Err(problem) = check_library(&state) {
            failures.push(format!("sequence {sequence} (seed {seed}): {problem}"));
        }
    }
    println!(
        "reducer fuzz seed {seed}, {} build: {sequences} sequences, {actions} actions ({undoable} with undo to check) in {:.1} s; failures: {}",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        started.elapsed().as_secs_f64(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures, the first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(3)
            .map(|failure| failure.chars().take(4000).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
