//! The one derivation follows every input: walking the table of scenario
//! inputs and the interpretation switches, a change to each one changes
//! exactly the derived results that depend on it.

#![cfg(not(target_arch = "wasm32"))]

use pathways::app::derive::Derivation;
use pathways::app::i18n::Lang;
use pathways::app::inputs::Input;
use pathways::model::{Plan, Scenario};

/// What a change to an input must change in the derivation.
#[derive(Debug, PartialEq)]
enum Affects {
    /// The projection (and so everything after it).
    Projection,
    /// The targets only: evaluations and the composition's threshold line.
    Targets,
    /// Nothing here: Monte Carlo settings.
    MonteCarloOnly,
}

fn affects(input: Input, scenario: &Scenario) -> Affects {
    match input {
        Input::Sigma(_) | Input::Correlation | Input::Runs => Affects::MonteCarloOnly,
        // The high-tech fraction of an industry with no above-scale
        // industrial output (vegetables) has nothing to act on.
        Input::HighTechFraction(idx) | Input::HighTechUpgrade(idx)
            if scenario.industries[idx].industrial_fraction == 0.0 =>
        {
            Affects::MonteCarloOnly
        }
        Input::LeadRatio => Affects::Targets,
        _ => Affects::Projection,
    }
}

/// A different value of the input, inside its range.
fn moved(input: Input, scenario: &Scenario) -> f64 {
    let value = input.get(scenario);
    let range = input.slider_range();
    let step = (range.end() - range.start()) / 10.0;
    if value + step <= *range.end() {
        value + step
    } else {
        value - step
    }
}

fn check(before: &Derivation, after: &Derivation, expected: &Affects, what: &str) {
    match expected {
        Affects::Projection => {
            assert!(before.projection != after.projection, "{what}: projection");
            assert!(
                before.evaluations != after.evaluations,
                "{what}: evaluations"
            );
        }
        Affects::Targets => {
            assert!(before.projection == after.projection, "{what}: projection");
            assert!(
                before.evaluations != after.evaluations,
                "{what}: evaluations"
            );
        }
        Affects::MonteCarloOnly => assert!(before == after, "{what}: derivation"),
    }
}

#[test]
fn every_input_changes_what_depends_on_it() {
    let plan = Plan::shouguang_2018().unwrap();
    let defaults = pathways::model::plan_defaults(&plan);
    for lang in [Lang::Zh, Lang::En] {
        let before = Derivation::new(&plan, &defaults, lang);
        for input in Input::all(&plan) {
            let value = moved(input, &defaults);
            let changed = input
                .apply(&plan, &defaults, value)
                .unwrap_or_else(|error| panic!("{input:?} = {value}: {error}"));
            let after = Derivation::new(&plan, &changed, lang);
            check(
                &before,
                &after,
                &affects(input, &defaults),
                &format!("{input:?}"),
            );
        }
    }
}

#[test]
fn the_lead_threshold_moves_the_lead_test_and_the_threshold_line() {
    let plan = Plan::shouguang_2018().unwrap();
    let defaults = pathways::model::plan_defaults(&plan);
    let before = Derivation::new(&plan, &defaults, Lang::Zh);
    let changed = Input::LeadRatio.apply(&plan, &defaults, 0.5).unwrap();
    let after = Derivation::new(&plan, &changed, Lang::Zh);
    let lead = |derivation: &Derivation| {
        derivation
            .evaluations
            .iter()
            .find(|evaluation| evaluation.goal_id == plan.interpretation.goal)
            .map(|evaluation| evaluation.target)
    };
    assert_eq!(lead(&before), Some(1.0));
    assert_eq!(lead(&after), Some(0.5));
    let threshold = |derivation: &Derivation| {
        derivation
            .composition
            .share
            .as_ref()
            .and_then(|strip| strip.threshold_pct)
    };
    assert_ne!(threshold(&before), threshold(&after));
}

/// A switch's name, how to flip it, and whether it moves the projection.
type Switch = (&'static str, fn(&mut Scenario), bool);

#[test]
fn each_interpretation_switch_changes_the_evaluations() {
    let plan = Plan::shouguang_2018().unwrap();
    let defaults = pathways::model::plan_defaults(&plan);
    let before = Derivation::new(&plan, &defaults, Lang::En);
    let switches: [Switch; 3] = [
        (
            "include vegetables",
            |scenario| scenario.interpretation.include_vegetables ^= true,
            true,
        ),
        (
            "continue increments",
            |scenario| scenario.interpretation.continue_increments ^= true,
            false,
        ),
        (
            "continue productivity growth",
            |scenario| scenario.interpretation.continue_productivity_growth ^= true,
            false,
        ),
    ];
    for (what, toggle, moves_projection) in switches {
        let mut changed = defaults.clone();
        toggle(&mut changed);
        let after = Derivation::new(&plan, &changed, Lang::En);
        assert_ne!(before.evaluations, after.evaluations, "{what}: evaluations");
        assert_eq!(
            before.projection != after.projection,
            moves_projection,
            "{what}: projection"
        );
    }
}
