//! Scenario validation: every bad value is named with its allowed range.

#![cfg(not(target_arch = "wasm32"))]

use pathways::model::{Plan, Scenario, Shock};

fn plan() -> Plan {
    match Plan::shouguang_2018() {
        Ok(plan) => plan,
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn defaults_and_presets_validate() {
    let plan = plan();
    assert_eq!(
        pathways::model::plan_defaults(&plan).validate(&plan),
        Ok(())
    );
    for preset in &plan.presets {
        let scenario = pathways::model::apply_preset(&plan, &preset.id).unwrap();
        assert_eq!(scenario.validate(&plan), Ok(()), "{}", preset.id);
    }
}

#[test]
fn set_growth_names_field_and_range() {
    let plan = plan();
    let mut scenario = pathways::model::plan_defaults(&plan);
    let before = scenario.clone();
    let error = scenario.set_growth_pct(2, 1, f64::NAN).unwrap_err();
    assert_eq!(
        error.to_string(),
        "industries[2].growth_pct[1] = NaN is not allowed (allowed: -30..=60)"
    );
    let error = scenario.set_growth_pct(2, 0, 61.0).unwrap_err();
    assert_eq!(
        error.to_string(),
        "industries[2].growth_pct[0] = 61 is not allowed (allowed: -30..=60)"
    );
    assert!(scenario.set_growth_pct(8, 0, 5.0).is_err());
    assert!(scenario.set_growth_pct(0, 2, 5.0).is_err());
    assert_eq!(
        scenario, before,
        "a rejected value leaves the scenario unchanged"
    );
    scenario.set_growth_pct(2, 1, -30.0).unwrap();
    assert_eq!(scenario.growth_pct(2, 1), -30.0);
    assert_eq!(scenario.growth_pct(99, 0), 0.0);
}

#[test]
fn validate_names_every_problem() {
    let plan = plan();
    let mut scenario = pathways::model::plan_defaults(&plan);
    scenario.industries[0].growth_pct[0] = f64::INFINITY;
    scenario.industries[3].value_added_ratio = 1.2;
    scenario.economy.employment_growth_pct = -11.0;
    scenario.uncertainty.correlation = f64::NAN;
    scenario.uncertainty.sigma_pp.pop();
    scenario.uncertainty.runs = 0;
    scenario.shocks.push(Shock {
        year: 2017,
        industry: Some(8),
        pct: -60.0,
    });
    scenario.interpretation.emerging_to_traditional_min_ratio = 0.0;
    let message = scenario.validate(&plan).unwrap_err().to_string();
    for expected in [
        "industries[0].growth_pct[0] = inf is not allowed (allowed: -30..=60)",
        "industries[3].value_added_ratio = 1.2 is not allowed (allowed: 0..=1)",
        "economy.employment_growth_pct = -11 is not allowed (allowed: -10..=10)",
        "uncertainty.correlation = NaN is not allowed (allowed: 0..=1)",
        "uncertainty.sigma_pp = 7 entries is not allowed (allowed: exactly 8, one per industry of the plan)",
        "uncertainty.runs = 0 is not allowed (allowed: 1..=100000)",
        "shocks[0].year = 2017 is not allowed (allowed: 2018..=2028)",
        "shocks[0].industry = 8 is not allowed",
        "shocks[0].pct = -60 is not allowed (allowed: -50..=50)",
        "interpretation.emerging_to_traditional_min_ratio = 0 is not allowed (allowed: 0.1..=10)",
    ] {
        assert!(message.contains(expected), "missing {expected:?} in\n{message}");
    }
}

#[test]
fn gdp_below_the_industries_value_added_is_named() {
    let plan = plan();
    let mut scenario = pathways::model::plan_defaults(&plan);
    scenario.economy.gdp_base_yi_yuan = 100.0;
    let message = scenario.validate(&plan).unwrap_err().to_string();
    assert!(
        message.starts_with("economy.gdp_base_yi_yuan = 100 is not allowed"),
        "{message}"
    );
}

#[test]
fn scenario_json_round_trips_and_bad_json_is_an_error() {
    let plan = plan();
    let scenario = pathways::model::plan_defaults(&plan);
    let json = serde_json::to_string(&scenario).unwrap();
    let read = Scenario::from_json(&json, &plan).unwrap();
    // serde_json without its `float_roundtrip` feature may differ in the
    // last bit of a float; everything else round-trips exactly.
    for (read_industry, industry) in read.industries.iter().zip(&scenario.industries) {
        for (read_growth, growth) in read_industry.growth_pct.iter().zip(&industry.growth_pct) {
            assert!((read_growth - growth).abs() <= 1e-12 * growth.abs().max(1.0));
        }
    }
    assert_eq!(
        (&read.shocks, &read.uncertainty, &read.interpretation),
        (
            &scenario.shocks,
            &scenario.uncertainty,
            &scenario.interpretation
        )
    );
    let error = Scenario::from_json("{\"industries\": 3}", &plan).unwrap_err();
    assert!(
        error.to_string().starts_with("scenario = unreadable JSON"),
        "{error}"
    );
}
