//! Gap breakdowns: the waterfalls' steps add up to their totals, follow
//! the scenario's interpretation, and agree with the model.

use pathways::chart::WaterfallKind;
use pathways::explain::{
    lead_contributions, lead_test_waterfall, revenue_gap_waterfall, revenue_gaps,
};
use pathways::model::{apply_preset, evaluate, project, Group, Plan, Scenario, SeriesId, Status};

fn plan() -> Plan {
    Plan::shouguang_2018().expect("the embedded plan loads")
}

fn scenarios(plan: &Plan) -> Vec<Scenario> {
    let mut scenarios: Vec<Scenario> = ["plan_pace", "trend", "stress"]
        .iter()
        .map(|id| apply_preset(plan, id).expect("the preset exists"))
        .collect();
    let mut odd = pathways::model::plan_defaults(plan);
    odd.interpretation.include_vegetables = true;
    odd.interpretation.emerging_to_traditional_min_ratio = 1.3;
    odd.set_growth_pct(4, 1, 22.0).expect("in range");
    scenarios.push(odd);
    scenarios
}

/// Steps (after an optional start) add up to the last bar, a total.
fn assert_consistent(spec: &pathways::chart::WaterfallSpec) {
    let (last, steps) = spec.bars.split_last().expect("at least the total");
    assert_eq!(last.kind, WaterfallKind::Total);
    let mut running = 0.0;
    for bar in steps {
        match bar.kind {
            WaterfallKind::Start => running = bar.value,
            WaterfallKind::Step => running += bar.value,
            WaterfallKind::Total => panic!("a total before the end: {spec:?}"),
        }
    }
    assert!(
        (running - last.value).abs() <= 1e-9 * last.value.abs().max(1.0),
        "{running} vs {}",
        last.value
    );
    let spans = spec.spans();
    assert_eq!(spans.last().map(|span| span.1), Some(last.value));
}

#[test]
fn revenue_steps_add_up_to_the_combined_gap() {
    let plan = plan();
    for scenario in scenarios(&plan) {
        let projection = project(&plan, &scenario);
        for zh in [true, false] {
            let spec = revenue_gap_waterfall(&plan, &projection, zh);
            assert_consistent(&spec);
            assert_eq!(
                spec.bars.len(),
                8,
                "seven industries with goals and the total"
            );
        }
        // Each step is the industry's own gap in the goal evaluation.
        let evaluations = evaluate(&plan, &scenario, &projection);
        let (gaps, goals_sum) = revenue_gaps(&plan, &projection);
        assert_eq!(goals_sum, 2200.0);
        for gap in gaps {
            let evaluation = evaluations
                .iter()
                .find(|e| e.series == SeriesId::Industry(gap.industry_idx) && e.year == 2022)
                .expect("evaluated");
            // Equal, but for the noise the waterfall rounds to zero (the
            // hair by which a seek clears a strict target).
            assert!(
                (evaluation.gap_abs - gap.value).abs()
                    <= pathways::explain::GOAL_MET_NOISE * evaluation.target.abs().max(1.0)
            );
        }
    }
}

#[test]
fn the_lead_margin_passes_exactly_when_the_ratio_does() {
    let plan = plan();
    for scenario in scenarios(&plan) {
        let projection = project(&plan, &scenario);
        for zh in [true, false] {
            assert_consistent(&lead_test_waterfall(&plan, &scenario, &projection, zh));
        }
        let parts = lead_contributions(&plan, &scenario, &projection);
        let margin: f64 = parts.iter().map(|part| part.value).sum();
        let evaluations = evaluate(&plan, &scenario, &projection);
        let ratio = evaluations
            .iter()
            .find(|e| e.goal_id == "aim.2028" && e.year == 2028)
            .expect("evaluated");
        assert_eq!(
            margin >= 0.0,
            ratio.status == Status::Met,
            "{margin} {ratio:?}"
        );
        // margin = emerging − threshold × traditional, as the ratio says.
        let lead_ratio = projection
            .value(SeriesId::LeadRatio, 2028)
            .expect("projected");
        let traditional: f64 = -parts
            .iter()
            .filter(|part| part.value < 0.0)
            .map(|part| part.value)
            .sum::<f64>()
            / scenario.interpretation.emerging_to_traditional_min_ratio;
        let emerging: f64 = parts
            .iter()
            .filter(|p| p.value > 0.0)
            .map(|p| p.value)
            .sum();
        assert!((emerging / traditional - lead_ratio).abs() < 1e-9);
    }
}

#[test]
fn the_interpretation_decides_who_counts_and_the_threshold_scales_traditional_steps() {
    let plan = plan();
    let mut scenario = pathways::model::plan_defaults(&plan);
    let projection = project(&plan, &scenario);
    let default_parts = lead_contributions(&plan, &scenario, &projection);
    assert!(default_parts.iter().all(|part| part.industry_idx != 0));
    scenario.interpretation.include_vegetables = true;
    scenario.interpretation.emerging_to_traditional_min_ratio = 1.5;
    let projection = project(&plan, &scenario);
    let parts = lead_contributions(&plan, &scenario, &projection);
    assert_eq!(parts.len(), 8);
    for part in &parts {
        let revenue = projection
            .value(SeriesId::Industry(part.industry_idx), 2028)
            .expect("projected");
        let expected = match plan.industries[part.industry_idx].group {
            Group::Emerging => revenue,
            Group::Traditional => -1.5 * revenue,
        };
        assert!((part.value - expected).abs() < 1e-9);
    }
    let spec = lead_test_waterfall(&plan, &scenario, &projection, true);
    assert!(
        spec.bars.iter().any(|bar| bar.label == "高端化工 ×1.50"),
        "{spec:?}"
    );
    assert!(spec.note.contains("1.50倍"), "{}", spec.note);
    let default_spec = lead_test_waterfall(
        &plan,
        &pathways::model::plan_defaults(&plan),
        &project(&plan, &pathways::model::plan_defaults(&plan)),
        false,
    );
    assert!(
        default_spec.note.contains("Quality vegetables left out"),
        "{}",
        default_spec.note
    );
    assert_eq!(
        default_spec.bars.last().map(|bar| bar.label.as_str()),
        Some("Margin (fails)")
    );
}

#[test]
fn plan_pace_closes_every_revenue_gap() {
    let plan = plan();
    let scenario = pathways::model::plan_defaults(&plan);
    let spec = revenue_gap_waterfall(&plan, &project(&plan, &scenario), false);
    assert!(
        spec.bars.iter().all(|bar| bar.value.abs() < 1e-6),
        "{spec:?}"
    );
    assert!(spec.note.contains("2,200"), "{}", spec.note);
}

#[test]
fn goals_met_by_goal_seek_show_no_gap_at_all() {
    let plan = pathways::model::Plan::shouguang_2018().expect("the embedded plan loads");
    let scenario = pathways::model::plan_defaults(&plan);
    let projection = pathways::model::project(&plan, &scenario);
    let (gaps, _) = pathways::explain::revenue_gaps(&plan, &projection);
    assert!(gaps.iter().all(|gap| gap.value == 0.0), "{gaps:?}");
}
