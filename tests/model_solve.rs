//! The solver (issue 15): the closest scenario that meets every projected
//! goal of the milestone year, within the bounds and the locks.

#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use pathways::model::solve::{scale, variables};
use pathways::model::{
    apply_preset, evaluate, project, solve, Binding, Field, Plan, Scenario, SolveError,
    SolveOptions, Status,
};

fn plan() -> Plan {
    Plan::shouguang_2018().expect("the embedded plan loads")
}

/// Every projected goal scored in `years` is met.
fn all_met(plan: &Plan, scenario: &Scenario, years: &[u16]) -> Result<(), String> {
    let evaluations = evaluate(plan, scenario, &project(plan, scenario));
    let short: Vec<String> = evaluations
        .iter()
        .filter(|evaluation| years.contains(&evaluation.year))
        .filter(|evaluation| evaluation.status != Status::Met)
        .filter(|evaluation| {
            // "As many as possible" is never a verdict against the scenario.
            plan.goals[evaluation.goal_idx].comparison != pathways::model::Comparison::UpTo
        })
        .map(|evaluation| {
            format!(
                "{} {}: {} vs {} ({:?})",
                evaluation.goal_id,
                evaluation.year,
                evaluation.projected,
                evaluation.target,
                evaluation.status
            )
        })
        .collect();
    if short.is_empty() {
        Ok(())
    } else {
        Err(short.join("; "))
    }
}

fn distance(plan: &Plan, start: &Scenario, scenario: &Scenario) -> f64 {
    variables(plan)
        .into_iter()
        .map(|field| ((field.get(scenario) - field.get(start)) / scale(field, start)).powi(2))
        .sum()
}

#[test]
fn every_preset_solves_to_a_scenario_meeting_every_milestone_goal() {
    let plan = plan();
    for preset in &plan.presets {
        let start = apply_preset(&plan, &preset.id).unwrap();
        let began = Instant::now();
        let solution = solve(&plan, &start, &SolveOptions::default()).unwrap();
        println!(
            "{}: {} iterations, {} moves, distance {:.4}, {:?} native debug",
            preset.id,
            solution.iterations,
            solution.moves.len(),
            solution.distance,
            began.elapsed()
        );
        assert!(solution.feasible, "{}: {:?}", preset.id, solution.unmet);
        assert_eq!(solution.scenario.validate(&plan), Ok(()));
        if let Err(short) = all_met(&plan, &solution.scenario, &[plan.milestone_year()]) {
            panic!("{}: {short}", preset.id);
        }
        assert!((distance(&plan, &start, &solution.scenario) - solution.distance).abs() < 1e-9);
        // The start is not changed, and every move is listed.
        for field in Field::all(&plan) {
            let moved = solution.moves.iter().find(|entry| entry.field == field);
            match moved {
                Some(entry) => {
                    assert_eq!(entry.from, field.get(&start));
                    assert_eq!(entry.to, field.get(&solution.scenario));
                }
                None => assert_eq!(
                    field.get(&start),
                    field.get(&solution.scenario),
                    "{field:?}"
                ),
            }
        }
    }
}

#[test]
fn no_small_feasible_perturbation_is_closer_to_the_start() {
    let plan = plan();
    let start = apply_preset(&plan, "trend").unwrap();
    let solution = solve(&plan, &start, &SolveOptions::default()).unwrap();
    assert!(solution.feasible);
    let free = variables(&plan);
    let best = distance(&plan, &start, &solution.scenario);
    // Deterministic perturbations: each variable alone both ways, and pairs.
    let mut tried = 0;
    let mut feasible = 0;
    for (a, first) in free.iter().enumerate() {
        for second in free.iter().skip(a) {
            for (da, db) in [
                (1.0, 0.0),
                (-1.0, 0.0),
                (1.0, 1.0),
                (1.0, -1.0),
                (-1.0, 1.0),
            ] {
                let mut moved = solution.scenario.clone();
                let step_a = 1e-3 * scale(*first, &start) * da;
                let step_b = 1e-3 * scale(*second, &start) * db;
                let value = first.get(&moved) + step_a;
                first.set(&mut moved, value);
                if first != second {
                    let value = second.get(&moved) + step_b;
                    second.set(&mut moved, value);
                }
                if moved.validate(&plan).is_err() {
                    continue;
                }
                tried += 1;
                if all_met(&plan, &moved, &[plan.milestone_year()]).is_ok() {
                    feasible += 1;
                    let closer = distance(&plan, &start, &moved);
                    assert!(
                        closer >= best - 1e-9,
                        "{first:?}{da:+} {second:?}{db:+}: {closer} < {best}"
                    );
                }
            }
        }
    }
    println!("minimality: {tried} perturbations tried, {feasible} feasible, none closer");
    assert!(feasible > 0, "some perturbations stay feasible");
}

#[test]
fn locked_inputs_never_move() {
    let plan = plan();
    let start = apply_preset(&plan, "trend").unwrap();
    let chemicals = plan.industry_idx("chemicals").unwrap();
    let locked = vec![
        Field::Growth {
            industry_idx: chemicals,
            phase: 0,
        },
        Field::RestOfEconomyGrowth(0),
    ];
    let options = SolveOptions {
        locked: locked.clone(),
        with_interpretation: false,
    };
    let solution = solve(&plan, &start, &options).unwrap();
    for field in &locked {
        assert_eq!(
            field.get(&solution.scenario),
            field.get(&start),
            "{field:?}"
        );
        assert!(solution.moves.iter().all(|entry| entry.field != *field));
    }
    // The chemicals goal still needs its growth: locked below what it needs,
    // the solve cannot meet it and says so, naming the lock.
    assert!(
        !solution.feasible,
        "chemicals at trend growth misses its goal"
    );
    assert!(solution
        .unmet
        .iter()
        .any(|shortfall| shortfall.goal_id == "revenue.chemicals"));
    assert!(
        solution.binding.contains(&Binding::Locked(locked[0])),
        "{:?}",
        solution.binding
    );
}

#[test]
fn an_infeasible_case_names_the_conflicting_goals_and_the_binding_bound() {
    let plan = plan();
    let mut start = apply_preset(&plan, "plan_pace").unwrap();
    // Lock every growth but leave the upgrading levers: the revenue goals of
    // the industries whose growth is locked short stay unmet.
    let mut locked: Vec<Field> = variables(&plan)
        .into_iter()
        .filter(|field| matches!(field, Field::Growth { .. }))
        .collect();
    let health = plan.industry_idx("health").unwrap();
    start.industries[health].growth_pct[0] = 2.0;
    locked.push(Field::RdIntensityChange);
    let solution = solve(
        &plan,
        &start,
        &SolveOptions {
            locked,
            with_interpretation: false,
        },
    )
    .unwrap();
    assert!(!solution.feasible);
    assert!(solution
        .unmet
        .iter()
        .any(|shortfall| shortfall.goal_id == "revenue.health" && shortfall.shortfall > 0.0));
    assert!(solution.binding.contains(&Binding::Locked(Field::Growth {
        industry_idx: health,
        phase: 0
    })));
    // The closest achievable scenario still validates and keeps the locks.
    assert_eq!(solution.scenario.validate(&plan), Ok(()));
    assert_eq!(solution.scenario.industries[health].growth_pct[0], 2.0);
}

#[test]
fn the_interpretation_year_can_be_met_too() {
    let plan = plan();
    let start = apply_preset(&plan, "plan_pace").unwrap();
    let options = SolveOptions {
        locked: Vec::new(),
        with_interpretation: true,
    };
    let solution = solve(&plan, &start, &options).unwrap();
    assert!(solution.feasible, "{:?}", solution.unmet);
    all_met(
        &plan,
        &solution.scenario,
        &[plan.milestone_year(), plan.interpretation.year],
    )
    .unwrap();
}

#[test]
fn bad_starts_get_an_error_and_no_solve() {
    let plan = plan();
    let mut invalid = pathways::model::plan_defaults(&plan);
    invalid.industries[0].growth_pct[0] = f64::NAN;
    assert!(matches!(
        solve(&plan, &invalid, &SolveOptions::default()),
        Err(SolveError::InvalidScenario(_))
    ));
    let mut no_goals = plan.clone();
    no_goals.goals.retain(|goal| goal.series_id.is_none());
    let defaults = pathways::model::plan_defaults(&no_goals);
    assert_eq!(
        solve(&no_goals, &defaults, &SolveOptions::default()),
        Err(SolveError::NoGoals)
    );
    let everything = SolveOptions {
        locked: variables(&plan),
        with_interpretation: false,
    };
    assert_eq!(
        solve(&plan, &defaults, &everything),
        Err(SolveError::NothingToMove)
    );
}

#[test]
fn a_solve_is_deterministic() {
    let plan = plan();
    let start = apply_preset(&plan, "stress").unwrap();
    let first = solve(&plan, &start, &SolveOptions::default()).unwrap();
    let second = solve(&plan, &start, &SolveOptions::default()).unwrap();
    assert_eq!(first, second);
}

#[test]
fn any_plan_in_the_schema_solves() {
    let demo = Plan::from_json(include_str!("fixtures/plan-demo-county.json"))
        .expect("the demo plan loads");
    let start = pathways::model::plan_defaults(&demo);
    let solution = solve(&demo, &start, &SolveOptions::default()).unwrap();
    assert!(solution.feasible, "{:?}", solution.unmet);
    all_met(&demo, &solution.scenario, &[demo.milestone_year()]).unwrap();
    assert_eq!(solution.scenario.validate(&demo), Ok(()));
}
