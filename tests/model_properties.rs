//! Properties of the projection, goal seek and Monte Carlo simulation, with
//! named bounded strategies and a deterministic proptest runner.

#![cfg(not(target_arch = "wasm32"))]

use pathways::model::{
    evaluate, monte_carlo, project, required_growth_pct, seek_growth_pct, tracked_series, Plan,
    Scenario, SeriesId, Shock, Status, GROWTH_PCT, SHOCK_PCT, STRICT_MARGIN,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const N_INDUSTRIES: usize = 8;
const SIGMA: std::ops::RangeInclusive<f64> = 0.0..=30.0;
const CORRELATION: std::ops::RangeInclusive<f64> = 0.0..=1.0;

fn plan() -> Plan {
    match Plan::shouguang_2018() {
        Ok(plan) => plan,
        Err(error) => panic!("{error}"),
    }
}

/// A deterministic runner: fixed seed, fixed number of cases.
fn runner(cases: u32) -> TestRunner {
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    )
}

fn growth() -> impl Strategy<Value = f64> {
    GROWTH_PCT
}

fn shocks() -> impl Strategy<Value = Vec<Shock>> {
    prop::collection::vec(
        (
            2018_u16..=2028,
            prop::option::of(0..N_INDUSTRIES),
            SHOCK_PCT,
        )
            .prop_map(|(year, industry, pct)| Shock {
                year,
                industry,
                pct,
            }),
        0..6,
    )
}

/// Any valid scenario: growth, shocks, economy and uncertainty within range.
fn scenario(plan: &Plan) -> impl Strategy<Value = Scenario> {
    let base = pathways::model::plan_defaults(plan);
    (
        prop::collection::vec((growth(), growth()), N_INDUSTRIES),
        shocks(),
        (GROWTH_PCT, GROWTH_PCT, -10.0..=10.0_f64, -20.0..=20.0_f64),
        prop::collection::vec(SIGMA, N_INDUSTRIES),
        CORRELATION,
        any::<u64>(),
        any::<bool>(),
    )
        .prop_map(
            move |(growths, shocks, economy, sigmas, correlation, seed, include_vegetables)| {
                let mut scenario = base.clone();
                for (industry, (phase_1, phase_2)) in scenario.industries.iter_mut().zip(growths) {
                    industry.growth_pct = [phase_1, phase_2];
                }
                scenario.shocks = shocks;
                scenario.economy.rest_of_economy_growth_pct = [economy.0, economy.1];
                scenario.economy.employment_growth_pct = economy.2;
                scenario.economy.rd_intensity_change_pct = economy.3;
                scenario.uncertainty.sigma_pp = sigmas;
                scenario.uncertainty.correlation = correlation;
                scenario.uncertainty.seed = seed;
                scenario.uncertainty.runs = 600;
                scenario.interpretation.include_vegetables = include_vegetables;
                scenario
            },
        )
}

#[test]
fn projections_and_bands_are_finite_for_any_valid_scenario() {
    let plan = plan();
    runner(64)
        .run(&scenario(&plan), |scenario| {
            prop_assert_eq!(scenario.validate(&plan), Ok(()));
            let projection = project(&plan, &scenario);
            for series in tracked_series(N_INDUSTRIES)
                .into_iter()
                .chain([SeriesId::Employment])
            {
                let values = projection.series(series);
                prop_assert_eq!(values.len(), projection.years().len());
                prop_assert!(
                    values
                        .iter()
                        .all(|value| value.is_finite() && *value >= 0.0),
                    "{series:?}"
                );
            }
            for evaluation in evaluate(&plan, &scenario, &projection) {
                prop_assert!(evaluation.gap_abs.is_finite() && evaluation.gap_pct.is_finite());
                prop_assert!(evaluation.required_growth_pct.is_none_or(f64::is_finite));
            }
            let bands = monte_carlo(&plan, &scenario);
            for band in &bands.bands {
                for ((p10, p50), p90) in band.p10.iter().zip(&band.p50).zip(&band.p90) {
                    prop_assert!(p10.is_finite() && p50.is_finite() && p90.is_finite());
                    prop_assert!(
                        p10 <= p50 && p50 <= p90,
                        "{:?}: {p10} {p50} {p90}",
                        band.series
                    );
                }
            }
            for probability in &bands.goal_probabilities {
                prop_assert!((0.0..=1.0).contains(&probability.probability));
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn projections_are_monotone_in_growth() {
    let plan = plan();
    let strategy = (scenario(&plan), 0..N_INDUSTRIES, 0_usize..2, 0.0..=10.0_f64);
    runner(128)
        .run(&strategy, |(scenario, industry_idx, phase, increase_pp)| {
            let mut faster = scenario.clone();
            let growth_pct =
                (scenario.growth_pct(industry_idx, phase) + increase_pp).min(*GROWTH_PCT.end());
            faster
                .set_growth_pct(industry_idx, phase, growth_pct)
                .unwrap();
            let slow = project(&plan, &scenario);
            let fast = project(&plan, &faster);
            for (slow_value, fast_value) in slow
                .industry(industry_idx)
                .iter()
                .zip(fast.industry(industry_idx))
            {
                prop_assert!(fast_value >= slow_value);
            }
            let group_series =
                if plan.industries[industry_idx].group == pathways::model::Group::Emerging {
                    SeriesId::Emerging
                } else {
                    SeriesId::Traditional
                };
            for series in [group_series, SeriesId::Gdp, SeriesId::Productivity] {
                for (slow_value, fast_value) in slow.series(series).iter().zip(fast.series(series))
                {
                    prop_assert!(*fast_value >= *slow_value * (1.0 - 1e-12), "{series:?}");
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn goal_seek_then_projection_lands_on_the_goal() {
    let plan = plan();
    let strategy = (scenario(&plan), 1..N_INDUSTRIES);
    runner(256)
        .run(&strategy, |(mut scenario, industry_idx)| {
            let goal = plan.industry_revenue_goal(industry_idx).unwrap();
            let target = goal.target.unwrap();
            let Some(growth_pct) = required_growth_pct(&plan, &scenario, industry_idx) else {
                // Only when even the growth-factor floor overshoots the target.
                return Ok(());
            };
            // Never a negative rate: a goal met with no growth needs 0 %.
            prop_assert!(growth_pct >= 0.0, "{growth_pct}");
            scenario.industries[industry_idx].growth_pct[0] = growth_pct;
            let projection = project(&plan, &scenario);
            let reached = projection
                .value(SeriesId::Industry(industry_idx), 2022)
                .unwrap();
            if growth_pct > 0.0 {
                // The smallest rate that meets it: on the target, or a hair
                // above it for a strict ("突破") goal.
                prop_assert!(
                    (reached - target).abs() <= (1e-9 + 2.0 * STRICT_MARGIN) * target,
                    "{reached} vs {target}"
                );
            } else {
                prop_assert!(reached >= target * (1.0 - 1e-9), "{reached} vs {target}");
            }
            let evaluation = evaluate(&plan, &scenario, &projection)
                .into_iter()
                .find(|evaluation| evaluation.goal_id == goal.id && evaluation.year == 2022)
                .unwrap();
            prop_assert_eq!(evaluation.status, Status::Met);
            Ok(())
        })
        .unwrap();
}

#[test]
fn phase_2_seek_lands_on_a_2028_level() {
    let plan = plan();
    let strategy = (scenario(&plan), 0..N_INDUSTRIES, 100.0..=3000.0_f64);
    runner(128)
        .run(&strategy, |(mut scenario, industry_idx, target)| {
            let Ok(growth_pct) = seek_growth_pct(&plan, &scenario, industry_idx, 1, 2028, target)
            else {
                return Ok(());
            };
            scenario.industries[industry_idx].growth_pct[1] = growth_pct;
            let reached = project(&plan, &scenario)
                .value(SeriesId::Industry(industry_idx), 2028)
                .unwrap();
            prop_assert!(
                (reached - target).abs() <= 1e-9 * target,
                "{reached} vs {target}"
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn closed_form_and_root_finding_agree() {
    let plan = plan();
    let mut scenario = pathways::model::plan_defaults(&plan);
    let closed_form = required_growth_pct(&plan, &scenario, 1).unwrap();
    // A zero shock forces the root finder without changing the answer.
    scenario.shocks.push(Shock {
        year: 2020,
        industry: Some(1),
        pct: 1e-300,
    });
    let bracketed = required_growth_pct(&plan, &scenario, 1).unwrap();
    assert!(
        (closed_form - bracketed).abs() < 1e-9,
        "{closed_form} vs {bracketed}"
    );
    // A real shock needs more growth in the other years.
    scenario.shocks.push(Shock {
        year: 2020,
        industry: Some(1),
        pct: -10.0,
    });
    assert!(required_growth_pct(&plan, &scenario, 1).unwrap() > closed_form + 1.0);
    assert!(
        seek_growth_pct(&plan, &scenario, 1, 1, 2022, 1000.0).is_err(),
        "phase 2 cannot move 2022"
    );
    assert!(seek_growth_pct(&plan, &scenario, 1, 0, 2022, -5.0).is_err());
    assert!(
        required_growth_pct(&plan, &scenario, 0).is_none(),
        "vegetables have no revenue goal"
    );
}

#[test]
fn monte_carlo_with_zero_uncertainty_is_the_projection() {
    let plan = plan();
    for runs in [300, 5_000] {
        let mut scenario = pathways::model::plan_defaults(&plan);
        scenario.uncertainty.sigma_pp = vec![0.0; N_INDUSTRIES];
        scenario.uncertainty.runs = runs;
        scenario.shocks.push(Shock {
            year: 2021,
            industry: None,
            pct: -5.0,
        });
        let projection = project(&plan, &scenario);
        let bands = monte_carlo(&plan, &scenario);
        for band in &bands.bands {
            for (year_idx, expected) in projection.series(band.series).iter().enumerate() {
                for value in [band.p10[year_idx], band.p50[year_idx], band.p90[year_idx]] {
                    assert!(
                        (value - expected).abs() <= 1e-9 * expected.abs().max(1.0),
                        "{:?} {year_idx}: {value} vs {expected}",
                        band.series
                    );
                }
            }
        }
        let evaluations = evaluate(&plan, &scenario, &projection);
        for probability in &bands.goal_probabilities {
            let evaluation = evaluations
                .iter()
                .find(|evaluation| {
                    evaluation.goal_id == probability.goal_id && evaluation.year == probability.year
                })
                .unwrap();
            let expected = if evaluation.status == Status::Met {
                1.0
            } else {
                0.0
            };
            assert_eq!(
                probability.probability, expected,
                "{} {}",
                probability.goal_id, probability.year
            );
        }
    }
}

#[test]
fn monte_carlo_is_reproducible_and_seed_dependent() {
    let plan = plan();
    let mut scenario = pathways::model::plan_defaults(&plan);
    scenario.uncertainty.runs = 2_000;
    let first = monte_carlo(&plan, &scenario);
    assert_eq!(first, monte_carlo(&plan, &scenario));
    scenario.uncertainty.seed += 1;
    assert_ne!(first, monte_carlo(&plan, &scenario));
}

#[test]
fn monte_carlo_bands_match_the_normal_model() {
    // With one industry's deviation N(0, σ²) held over 2018–2022, its 2022
    // revenue percentiles are base × (f + z_q σ)^5 exactly; the histogram
    // percentiles of 10,000 runs must be within sampling error.
    let plan = plan();
    let mut scenario = pathways::model::plan_defaults(&plan);
    scenario.uncertainty.runs = 10_000;
    let bands = monte_carlo(&plan, &scenario);
    let sigma = scenario.uncertainty.sigma_pp[1] / 100.0;
    let factor = 1.0 + scenario.growth_pct(1, 0) / 100.0;
    let band = bands.industry(1).unwrap();
    for (z, value) in [
        (-1.281_551_6, band.p10[5]),
        (0.0, band.p50[5]),
        (1.281_551_6, band.p90[5]),
    ] {
        let expected = 650.0 * (factor + z * sigma).powi(5);
        let expected_low = 650.0 * (factor + (z - 0.05) * sigma).powi(5);
        let expected_high = 650.0 * (factor + (z + 0.05) * sigma).powi(5);
        assert!(
            (expected_low..=expected_high).contains(&value),
            "z {z}: {value} vs {expected}"
        );
    }
    // A 2028 band (histogram path) is ordered and brackets the projection.
    let gdp = bands.band(SeriesId::Gdp).unwrap();
    let projected = project(&plan, &scenario)
        .value(SeriesId::Gdp, 2028)
        .unwrap();
    assert!(gdp.p10[11] < projected && projected < gdp.p90[11]);
    let probability = bands.probability("revenue.chemicals", 2022).unwrap();
    assert!((0.45..0.55).contains(&probability), "{probability}");
}

/// Any valid scenario with its links varied too: base values, value-added
/// ratios, the industrial, high-tech and strategic-emerging fractions, the
/// upgrading levers, GDP (kept above the industries' value added), the
/// shares' bases, the 2028 threshold, the interpretation switches and the
/// run count.
fn linked_scenario(plan: &Plan) -> impl Strategy<Value = Scenario> {
    let per_industry = (
        1.0..=2_000.0_f64,
        0.0..=1.0_f64,
        0.0..=1.0_f64,
        0.0..=1.0_f64,
        -10.0..=10.0_f64,
        0.0..=1.0_f64,
    );
    (
        scenario(plan),
        prop::collection::vec(per_industry, N_INDUSTRIES),
        1.0..=4.0_f64,
        (0.0..=60.0_f64, 0.0..=60.0_f64, 0.0..=10.0_f64),
        0.1..=10.0_f64,
        (any::<bool>(), any::<bool>()),
        1_u32..=2_000,
    )
        .prop_map(
            |(mut scenario, industries, gdp_multiple, shares, threshold, switches, runs)| {
                for (industry, (base, va, industrial, high_tech, upgrade, sei)) in
                    scenario.industries.iter_mut().zip(industries)
                {
                    industry.base_yi_yuan = base;
                    industry.value_added_ratio = va;
                    industry.industrial_fraction = industrial;
                    industry.high_tech_fraction = high_tech;
                    industry.high_tech_upgrade_pp = upgrade;
                    industry.sei_fraction = sei;
                }
                let value_added: f64 = scenario
                    .industries
                    .iter()
                    .map(|industry| industry.value_added_ratio * industry.base_yi_yuan)
                    .sum();
                scenario.economy.gdp_base_yi_yuan = (value_added * gdp_multiple).max(1.0);
                scenario.economy.sei_share_base_pct = shares.0;
                scenario.economy.high_tech_share_base_pct = shares.1;
                scenario.economy.rd_share_base_pct = shares.2;
                scenario.interpretation.emerging_to_traditional_min_ratio = threshold;
                scenario.interpretation.continue_increments = switches.0;
                scenario.interpretation.continue_productivity_growth = switches.1;
                scenario.uncertainty.runs = runs;
                scenario
            },
        )
}

#[test]
fn any_links_give_finite_verdicts_that_follow_the_threshold_and_the_levers() {
    let plan = plan();
    runner(96)
        .run(&linked_scenario(&plan), |scenario| {
            prop_assert_eq!(scenario.validate(&plan), Ok(()));
            let projection = project(&plan, &scenario);
            for series in tracked_series(N_INDUSTRIES) {
                prop_assert!(
                    projection
                        .series(series)
                        .iter()
                        .all(|value| value.is_finite() && *value >= 0.0),
                    "{series:?}"
                );
            }
            for share in [
                SeriesId::SeiShare,
                SeriesId::HighTechShare,
                SeriesId::RdShare,
            ] {
                prop_assert!(projection.series(share).iter().all(|value| *value <= 100.0));
            }
            let evaluations = evaluate(&plan, &scenario, &projection);
            for evaluation in &evaluations {
                prop_assert!(evaluation.gap_abs.is_finite() && evaluation.gap_pct.is_finite());
                prop_assert!(evaluation
                    .required_growth_pct
                    .is_none_or(|rate| rate >= 0.0));
            }
            // The lead test's target is the threshold, and its verdict follows it.
            let year = plan.interpretation.year;
            let lead = projection.value(SeriesId::LeadRatio, year).unwrap_or(0.0);
            if let Some(test) = evaluations.iter().find(|evaluation| {
                evaluation.series == SeriesId::LeadRatio && evaluation.year == year
            }) {
                let threshold = scenario.interpretation.emerging_to_traditional_min_ratio;
                prop_assert_eq!(test.target, threshold);
                if lead > threshold * 1.001 {
                    prop_assert_eq!(test.status, Status::Met);
                }
                if lead < threshold * 0.999 {
                    prop_assert_ne!(test.status, Status::Met);
                }
            }
            // More upgrading never lowers the high-tech share.
            let mut more = scenario.clone();
            for industry in &mut more.industries {
                industry.high_tech_upgrade_pp = (industry.high_tech_upgrade_pp + 1.0).min(10.0);
            }
            let upgraded = project(&plan, &more);
            for (before, after) in projection
                .series(SeriesId::HighTechShare)
                .iter()
                .zip(upgraded.series(SeriesId::HighTechShare))
            {
                prop_assert!(after + 1e-9 >= *before, "{before} -> {after}");
            }
            // The Monte Carlo runs what it is asked and stays ordered.
            let bands = monte_carlo(&plan, &scenario);
            prop_assert_eq!(bands.runs, scenario.uncertainty.runs);
            for probability in &bands.goal_probabilities {
                prop_assert!((0.0..=1.0).contains(&probability.probability));
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn monte_carlo_counts_a_per_year_goal_met_only_if_every_year_rose() {
    let plan = plan();
    let new_materials = plan.industry_idx("new_materials").unwrap();
    let mut scenario = pathways::model::apply_preset(&plan, "plan_pace").unwrap();
    for industry in &mut scenario.industries {
        industry.high_tech_upgrade_pp = 3.0;
    }
    // A one-year fall of the most high-tech industry dents the share in
    // 2020, while upgrading still brings it past the 2022 target.
    scenario.shocks.push(Shock {
        year: 2020,
        industry: Some(new_materials),
        pct: -40.0,
    });
    scenario.uncertainty.sigma_pp = vec![0.0; N_INDUSTRIES];
    scenario.uncertainty.runs = 500;
    let projection = project(&plan, &scenario);
    let evaluations = evaluate(&plan, &scenario, &projection);
    let in_total = evaluations
        .iter()
        .find(|evaluation| evaluation.status == Status::MetInTotal)
        .expect("the dent leaves a per-year goal met in total only");
    let bands = monte_carlo(&plan, &scenario);
    assert_eq!(
        bands.probability(&in_total.goal_id, in_total.year),
        Some(0.0),
        "{} {}: met in total is not met",
        in_total.goal_id,
        in_total.year
    );
}
