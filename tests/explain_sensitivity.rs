//! Sensitivity: bars sorted by effect, monotone levers straddling the
//! baseline, agreement with a direct re-projection, and the native cost.

use std::time::Instant;

use pathways::explain::{
    headline_goals, headline_sensitivities, sensitivity, tornado_spec, SensitivityBar, MAX_BARS,
};
use pathways::model::{apply_preset, project, Field, Plan, SeriesId};

fn plan() -> Plan {
    Plan::shouguang_2018().expect("the embedded plan loads")
}

fn straddles(bar: &SensitivityBar) -> bool {
    let (low, high) = (
        bar.low_value.min(bar.high_value),
        bar.low_value.max(bar.high_value),
    );
    low <= bar.baseline + 1e-12 && bar.baseline <= high + 1e-12
}

#[test]
fn bars_are_sorted_by_effect_and_at_most_ten() {
    let plan = plan();
    for preset in ["plan_pace", "trend", "stress"] {
        let scenario = apply_preset(&plan, preset).expect("the preset exists");
        for (goal_id, year, bars) in headline_sensitivities(&plan, &scenario) {
            assert!(!bars.is_empty(), "{goal_id} {year}");
            assert!(bars.len() <= MAX_BARS);
            assert!(
                bars.windows(2)
                    .all(|pair| pair[0].effect() >= pair[1].effect()),
                "{goal_id}: {bars:#?}"
            );
            assert!(bars.iter().all(|bar| bar.effect() > 0.0));
            // The same as asking for one goal alone.
            assert_eq!(bars, sensitivity(&plan, &scenario, &goal_id, year));
        }
    }
}

#[test]
fn growth_and_base_levers_straddle_the_baseline() {
    let plan = plan();
    let scenario = pathways::model::plan_defaults(&plan);
    for (goal_id, year, bars) in headline_sensitivities(&plan, &scenario) {
        for bar in &bars {
            if matches!(
                bar.lever,
                Field::Growth { .. }
                    | Field::IndustryBase(_)
                    | Field::GdpBase
                    | Field::RestOfEconomyGrowth(_)
            ) {
                assert!(straddles(bar), "{goal_id} {year}: {bar:#?}");
            }
        }
    }
}

#[test]
fn a_bar_is_a_re_projection_with_the_lever_stepped() {
    let plan = plan();
    let scenario = pathways::model::plan_defaults(&plan);
    let bars = sensitivity(&plan, &scenario, "aim.2028", 2028);
    let chemicals = Field::Growth {
        industry_idx: 1,
        phase: 1,
    };
    let bar = bars
        .iter()
        .find(|bar| bar.lever == chemicals)
        .expect("chemicals' growth after 2022 matters for the 2028 ratio");
    let mut up = scenario.clone();
    up.industries[1].growth_pct[1] += 1.0;
    let direct = project(&plan, &up)
        .value(SeriesId::LeadRatio, 2028)
        .expect("projected");
    assert!((bar.high_value - direct).abs() < 1e-12);
    assert!(
        bar.high_value < bar.baseline,
        "traditional growth lowers the ratio"
    );
    assert_eq!(bar.label(true), "高端化工2023—2028年增速 ±1个百分点");
    assert_eq!(
        bar.label(false),
        "High-end chemicals growth 2023–2028 ±1 pp"
    );
    // Growth after 2022 cannot move a 2022 goal.
    let rd = sensitivity(&plan, &scenario, "indicator.rd_share", 2022);
    assert!(rd
        .iter()
        .all(|bar| !matches!(bar.lever, Field::Growth { phase: 1, .. })));
}

#[test]
fn an_indicators_own_base_is_read_against_its_moving_target() {
    let plan = plan();
    let scenario = pathways::model::plan_defaults(&plan);
    let bars = sensitivity(&plan, &scenario, "indicator.sei_share", 2022);
    if let Some(bar) = bars.iter().find(|bar| bar.lever == Field::SeiShareBase) {
        // share(t) = base × k: +1 pp of base moves the projection by k pp
        // and the target by 1 pp, so the bar shows k − 1.
        let k = project(&plan, &scenario)
            .value(SeriesId::SeiShare, 2022)
            .expect("projected")
            / scenario.economy.sei_share_base_pct;
        assert!(
            ((bar.high_value - bar.baseline) - (k - 1.0)).abs() < 1e-9,
            "{bar:?}"
        );
    }
}

#[test]
fn unknown_goals_have_no_bars_and_a_tornado_still_builds() {
    let plan = plan();
    let scenario = pathways::model::plan_defaults(&plan);
    assert!(sensitivity(&plan, &scenario, "no.such.goal", 2022).is_empty());
    assert!(sensitivity(&plan, &scenario, "firms.over_50", 2022).is_empty());
    let spec = tornado_spec(&plan, &scenario, "no.such.goal", 2022, &[], false);
    assert!(spec.bars.is_empty() && spec.baseline.is_nan());
}

#[test]
fn the_tornado_spec_carries_labels_baseline_and_target() {
    let plan = plan();
    let scenario = pathways::model::plan_defaults(&plan);
    for (goal_id, year) in headline_goals(&plan) {
        let bars = sensitivity(&plan, &scenario, &goal_id, year);
        for zh in [true, false] {
            let spec = tornado_spec(&plan, &scenario, &goal_id, year, &bars, zh);
            assert_eq!(spec.bars.len(), bars.len());
            assert!(spec.target.is_some_and(f64::is_finite), "{goal_id}");
            assert!(spec.baseline.is_finite());
            for (drawn, bar) in spec.bars.iter().zip(&bars) {
                assert_eq!(drawn.label, bar.label(zh));
                assert_eq!((drawn.low, drawn.high), (bar.low_value, bar.high_value));
            }
        }
    }
}

/// The native cost of the sensitivity of all five headline goals (shared
/// re-projections) and of one goal alone. Printed; run with
/// `cargo test --release --test explain_sensitivity -- --nocapture` for
/// the optimised figure.
#[test]
fn sensitivity_cost_is_printed() {
    let plan = plan();
    let scenario = pathways::model::plan_defaults(&plan);
    let repetitions = 20;
    let time_ms = |work: &dyn Fn()| {
        work();
        let mut samples: Vec<f64> = (0..repetitions)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        samples[samples.len() / 2]
    };
    let all = time_ms(&|| {
        std::hint::black_box(headline_sensitivities(&plan, &scenario));
    });
    let one = time_ms(&|| {
        std::hint::black_box(sensitivity(&plan, &scenario, "aim.2028", 2028));
    });
    let projection = time_ms(&|| {
        std::hint::black_box(project(&plan, &scenario));
    });
    println!(
        "sensitivity ({} levers × 2 re-projections): all five headline goals {all:.3} ms, \
         one goal {one:.3} ms, one projection {projection:.4} ms (median of {repetitions}, {} build)",
        Field::levers(&plan).len(),
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );
    assert!(all < 2000.0, "far too slow: {all} ms");
}
