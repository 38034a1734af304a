//! Shared by the share tests: the plan, and bounded proptest strategies over
//! every input of a [`ShareState`] within its validated range.

#![allow(dead_code)]

use std::ops::RangeInclusive;
use std::sync::LazyLock;

use pathways::model::{bounds, Plan, Scenario, Shock};
use pathways::share::{NamedScenario, ShareState, MAX_COMPARE};
use proptest::prelude::*;

pub static PLAN: LazyLock<Plan> = LazyLock::new(|| match Plan::shouguang_2018() {
    Ok(plan) => plan,
    Err(error) => panic!("{error}"),
});

pub static DEFAULTS: LazyLock<Scenario> = LazyLock::new(|| pathways::model::plan_defaults(&PLAN));

pub fn industry_idx(id: &str) -> usize {
    PLAN.industry_idx(id)
        .unwrap_or_else(|| panic!("no industry {id}"))
}

/// A number in `range`: anything, a "typed" value (a multiple of 0.25), an
/// end of the range, or `None` for "keep the default".
pub fn number(range: RangeInclusive<f64>) -> impl Strategy<Value = Option<f64>> {
    let (start, end) = (*range.start(), *range.end());
    let typed = ((start * 4.0).ceil() as i64..=(end * 4.0).floor() as i64)
        .prop_map(|quarters| quarters as f64 / 4.0);
    prop_oneof![
        3 => Just(None),
        2 => range.prop_map(Some),
        2 => typed.prop_map(Some),
        1 => prop_oneof![Just(start), Just(end)].prop_map(Some),
    ]
}

fn set(slot: &mut f64, value: Option<f64>) {
    if let Some(value) = value {
        *slot = value;
    }
}

/// A valid scenario: each input either the plan's default or a value in its
/// range; GDP raised where the industries' value added would exceed it.
pub fn scenario() -> BoxedStrategy<Scenario> {
    let n = PLAN.industries.len();
    let industry = (
        number(bounds::BASE_YI_YUAN),
        number(bounds::GROWTH_PCT),
        number(bounds::GROWTH_PCT),
        number(bounds::RATIO),
        number(bounds::RATIO),
        number(bounds::RATIO),
        number(bounds::SIGMA_PP),
    );
    let shock = (2018u16..=2028, prop::option::of(0..n), bounds::SHOCK_PCT).prop_map(
        |(year, industry, pct)| Shock {
            year,
            industry,
            pct,
        },
    );
    let shocks = prop_oneof![
        2 => Just(None),
        1 => prop::collection::vec(shock, 0..4).prop_map(Some),
    ];
    let economy = (
        number(bounds::GDP_YI_YUAN),
        number(bounds::PRODUCTIVITY_WAN_YUAN),
        number(bounds::SHARE_PCT),
        number(bounds::SHARE_PCT),
        number(bounds::SHARE_PCT),
        number(bounds::GROWTH_PCT),
        number(bounds::GROWTH_PCT),
        number(bounds::EMPLOYMENT_GROWTH_PCT),
        number(bounds::RD_INTENSITY_CHANGE_PCT),
    );
    let settings = (
        number(bounds::CORRELATION),
        prop::option::of(bounds::RUNS),
        prop::option::of(any::<u64>()),
        number(bounds::LEAD_RATIO),
        prop::option::of(any::<[bool; 3]>()),
    );
    (
        prop::collection::vec(industry, n),
        shocks,
        economy,
        settings,
    )
        .prop_map(|(industries, shocks, economy, settings)| {
            let mut scenario = DEFAULTS.clone();
            for (idx, (base, g0, g1, va, ind, ht, sigma)) in industries.into_iter().enumerate() {
                let assumptions = &mut scenario.industries[idx];
                set(&mut assumptions.base_yi_yuan, base);
                set(&mut assumptions.growth_pct[0], g0);
                set(&mut assumptions.growth_pct[1], g1);
                set(&mut assumptions.value_added_ratio, va);
                set(&mut assumptions.industrial_fraction, ind);
                set(&mut assumptions.high_tech_fraction, ht);
                set(&mut scenario.uncertainty.sigma_pp[idx], sigma);
            }
            if let Some(shocks) = shocks {
                scenario.shocks = shocks;
            }
            let e = &mut scenario.economy;
            set(&mut e.gdp_base_yi_yuan, economy.0);
            set(&mut e.productivity_base_wan_yuan, economy.1);
            set(&mut e.sei_share_base_pct, economy.2);
            set(&mut e.high_tech_share_base_pct, economy.3);
            set(&mut e.rd_share_base_pct, economy.4);
            set(&mut e.rest_of_economy_growth_pct[0], economy.5);
            set(&mut e.rest_of_economy_growth_pct[1], economy.6);
            set(&mut e.employment_growth_pct, economy.7);
            set(&mut e.rd_intensity_change_pct, economy.8);
            let (correlation, runs, seed, ratio, flags) = settings;
            set(&mut scenario.uncertainty.correlation, correlation);
            if let Some(runs) = runs {
                scenario.uncertainty.runs = runs;
            }
            if let Some(seed) = seed {
                scenario.uncertainty.seed = seed;
            }
            let interpretation = &mut scenario.interpretation;
            set(&mut interpretation.emerging_to_traditional_min_ratio, ratio);
            if let Some([vegetables, increments, productivity]) = flags {
                interpretation.include_vegetables = vegetables;
                interpretation.continue_increments = increments;
                interpretation.continue_productivity_growth = productivity;
            }
            let value_added: f64 = scenario
                .industries
                .iter()
                .map(|industry| industry.base_yi_yuan * industry.value_added_ratio)
                .sum();
            if value_added > scenario.economy.gdp_base_yi_yuan {
                scenario.economy.gdp_base_yi_yuan = value_added;
            }
            scenario
        })
        .prop_filter("valid", |scenario| scenario.validate(&PLAN).is_ok())
        .boxed()
}

/// Any text a user might type: arbitrary Unicode, markup, and the link's own
/// punctuation.
pub fn text(max_chars: usize) -> impl Strategy<Value = String> {
    let special = prop_oneof![
        Just("<script>alert('x')</script>".to_string()),
        Just("计划节奏 ~ 100% _低增长_ a.b-c".to_string()),
        Just("%7E%25~~__".to_string()),
        Just("\u{0}\u{7f}\n\t\"'&<>".to_string()),
        Just("寿光🥬🏭".to_string()),
    ];
    prop_oneof![
        2 => Just(String::new()),
        3 => proptest::string::string_regex(&format!("\\PC{{0,{max_chars}}}"))
            .unwrap_or_else(|error| panic!("{error}")),
        2 => proptest::string::string_regex(&format!("[a-z0-9 ._~-]{{0,{max_chars}}}"))
            .unwrap_or_else(|error| panic!("{error}")),
        1 => prop::collection::vec(any::<char>(), 0..max_chars)
            .prop_map(|chars| chars.into_iter().collect()),
        1 => special,
    ]
}

pub fn share_state() -> BoxedStrategy<ShareState> {
    let view = prop_oneof![
        2 => Just("overview".to_string()),
        2 => prop_oneof![Just("industries"), Just("indicators"), Just("register"), Just("sources")]
            .prop_map(str::to_string),
        1 => text(32),
    ];
    let lang = prop_oneof![
        2 => Just("zh".to_string()),
        2 => Just("en".to_string()),
        1 => text(32),
    ];
    let compare = prop::collection::vec(
        (text(40), scenario()).prop_map(|(name, scenario)| NamedScenario { name, scenario }),
        0..=MAX_COMPARE,
    );
    (scenario(), view, lang, text(60), text(200), compare)
        .prop_map(|(scenario, view, lang, name, note, compare)| ShareState {
            scenario,
            view,
            lang,
            name,
            note,
            compare,
        })
        .boxed()
}

/// A state for the length requirement: both phases of all eight industries
/// changed, to values like 9.5, 12 and 4.25.
pub fn all_growth_changed() -> ShareState {
    let mut state = ShareState::defaults(&PLAN);
    let growth = [
        [5.5, 4.0],
        [9.5, 8.0],
        [4.25, 3.0],
        [12.0, 10.0],
        [10.0, 9.5],
        [22.5, 18.0],
        [9.0, 8.75],
        [13.0, 11.5],
    ];
    for (industry, rates) in state.scenario.industries.iter_mut().zip(growth) {
        industry.growth_pct = rates;
    }
    state
}

/// A deterministic proptest runner (no persistence files, fixed seed).
pub fn runner(cases: u32) -> proptest::test_runner::TestRunner {
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &[11; 32]),
    )
}

/// The states of the frozen v1 fixtures (`tests/fixtures/links-v1.txt` and
/// `scenario-file-v1.json`), by name: the link text is frozen; this is what
/// it must keep decoding to.
pub fn fixture_state(name: &str) -> Option<ShareState> {
    let mut state = ShareState::defaults(&PLAN);
    let chemicals = industry_idx("chemicals");
    let paper = industry_idx("paper");
    let health = industry_idx("health");
    match name {
        "defaults" => {}
        "chemicals-6-en" => {
            state.scenario.industries[chemicals].growth_pct[0] = 6.0;
            state.lang = "en".to_string();
        }
        "all-growth" => state = all_growth_changed(),
        "view-and-name" => {
            state.view = "industries".to_string();
            state.name = "Plan pace, slow paper".to_string();
            state.scenario.industries[paper].growth_pct = [2.5, -0.0];
        }
        "everything" => {
            let scenario = &mut state.scenario;
            scenario.industries[chemicals].base_yi_yuan = 700.0;
            scenario.industries[chemicals].value_added_ratio = 0.18;
            scenario.industries[paper].industrial_fraction = 0.95;
            scenario.industries[health].high_tech_fraction = 1e-7;
            scenario.uncertainty.sigma_pp[0] = 0.0;
            scenario.uncertainty.sigma_pp[7] = 7.5;
            scenario.shocks = vec![
                Shock {
                    year: 2020,
                    industry: None,
                    pct: -8.5,
                },
                Shock {
                    year: 2021,
                    industry: Some(chemicals),
                    pct: 3.0,
                },
            ];
            scenario.economy.gdp_base_yi_yuan = 950.0;
            scenario.economy.rest_of_economy_growth_pct = [5.0, 4.5];
            scenario.economy.rd_intensity_change_pct = 1.25;
            scenario.uncertainty.correlation = 0.3;
            scenario.uncertainty.runs = 2000;
            scenario.uncertainty.seed = 18_446_744_073_709_551_615;
            scenario.interpretation.emerging_to_traditional_min_ratio = 1.2;
            scenario.interpretation.include_vegetables = true;
            state.view = "indicators".to_string();
            state.lang = "en".to_string();
            state.name = "寿光 2022 <b>stress</b>".to_string();
            state.note = "<script>alert(1)</script> 注:化工 ~ 受油价影响".to_string();
            let mut stress = DEFAULTS.clone();
            stress.industries[chemicals].growth_pct = [4.0, 3.5];
            stress.shocks = vec![Shock {
                year: 2019,
                industry: Some(paper),
                pct: -20.0,
            }];
            let mut fast = DEFAULTS.clone();
            fast.uncertainty.seed = 7;
            state.compare = vec![
                NamedScenario {
                    name: "压力情景".to_string(),
                    scenario: stress,
                },
                NamedScenario {
                    name: String::new(),
                    scenario: fast,
                },
            ];
        }
        "compare-only" => {
            state.compare = vec![NamedScenario {
                name: "trend".to_string(),
                scenario: DEFAULTS.clone(),
            }];
        }
        _ => return None,
    }
    Some(state)
}
