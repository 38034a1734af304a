//! The plan file: the embedded plan loads, its goal register quotes the plan
//! verbatim, and a bad plan file names every problem.

#![cfg(not(target_arch = "wasm32"))]

use pathways::model::{
    Comparison, GoalKind, Group, Measure, Plan, Provenance, SeriesId, Tracking, SHOUGUANG_2018_JSON,
};

/// A committed copy of the plan's text, so tests never read `../shared`.
const PLAN_TEXT: &str = include_str!("fixtures/shouguang-2018-plan.zh.txt");

fn plan() -> Plan {
    match Plan::shouguang_2018() {
        Ok(plan) => plan,
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn embedded_plan_loads() {
    let plan = plan();
    assert_eq!(
        (plan.base_year(), plan.milestone_year(), plan.end_year()),
        (2017, 2022, 2028)
    );
    assert_eq!(plan.industries.len(), 8);
    let groups: Vec<Group> = plan
        .industries
        .iter()
        .map(|industry| industry.group)
        .collect();
    assert_eq!(
        groups
            .iter()
            .filter(|group| **group == Group::Traditional)
            .count(),
        4
    );
    assert_eq!(
        groups
            .iter()
            .filter(|group| **group == Group::Emerging)
            .count(),
        4
    );
    assert!(plan.goals.len() >= 30, "{} goals", plan.goals.len());
}

#[test]
fn every_clause_is_quoted_verbatim() {
    let plan = plan();
    for goal in &plan.goals {
        assert!(
            PLAN_TEXT.contains(&goal.clause),
            "{}: {:?} is not in the plan text",
            goal.id,
            goal.clause
        );
    }
    let mut clauses = Vec::new();
    for industry in &plan.industries {
        for sourced in [
            &industry.base_value,
            &industry.value_added_ratio,
            &industry.industrial_fraction,
        ] {
            clauses.push(&sourced.provenance);
        }
    }
    clauses.push(&plan.economy.productivity_base_wan_yuan.provenance);
    for provenance in clauses {
        if let Provenance::Plan { clause } = provenance {
            assert!(
                PLAN_TEXT.contains(clause.as_str()),
                "{clause:?} is not in the plan text"
            );
        }
    }
}

#[test]
fn goal_register_is_complete_and_consistent() {
    let plan = plan();
    let ids: Vec<&str> = plan.goals.iter().map(|goal| goal.id.as_str()).collect();
    for expected in [
        "indicator.sei_share",
        "indicator.high_tech_share",
        "indicator.rd_share",
        "indicator.productivity",
        "aim.2028",
        "vegetables.varieties",
        "firms.over_50",
        "firms.over_1000",
        "firms.unicorns",
        "firms.listed",
        "parks.weifang_list",
        "platforms.research_institutes",
        "platforms.public_innovation",
        "firms.pilots",
        "talent.per_year",
        "finance.mother_fund",
        "reform.pilot_tasks",
    ] {
        assert!(ids.contains(&expected), "missing goal {expected}");
    }
    for goal in &plan.goals {
        assert!(!goal.section.is_empty() && !goal.name.zh.is_empty() && !goal.name.en.is_empty());
        if goal.kind == GoalKind::Count {
            assert_eq!(goal.tracking, Tracking::TrackedByHand, "{}", goal.id);
        }
        if goal.tracking == Tracking::Projected {
            assert!(
                goal.series_id.is_some() && goal.target.is_some(),
                "{}",
                goal.id
            );
        }
    }
    // Seven revenue goals, none for vegetables.
    for (industry_idx, industry) in plan.industries.iter().enumerate() {
        let goal = plan.industry_revenue_goal(industry_idx);
        assert_eq!(
            goal.is_some(),
            industry.measure == Measure::Revenue,
            "{}",
            industry.id
        );
        if let Some(goal) = goal {
            assert_eq!(goal.series_id, Some(SeriesId::Industry(industry_idx)));
        }
    }
    let new_materials = plan
        .goal("revenue.new_materials")
        .map(|goal| goal.comparison);
    assert_eq!(new_materials, Some(Comparison::MoreThan));
    let targets: Vec<f64> = (1..8)
        .filter_map(|idx| plan.industry_revenue_goal(idx).and_then(|goal| goal.target))
        .collect();
    assert_eq!(targets, [1000.0, 300.0, 100.0, 400.0, 100.0, 200.0, 100.0]);
}

#[test]
fn every_number_has_provenance() {
    let plan = plan();
    for industry in &plan.industries {
        // No 2017 industry figure is published: each must say it is assumed.
        assert!(
            matches!(
                industry.base_value.provenance,
                Provenance::Assumption { .. }
            ),
            "{}",
            industry.id
        );
    }
    let economy = &plan.economy;
    for sourced in [
        &economy.gdp_base_yi_yuan,
        &economy.sei_share_base_pct,
        &economy.high_tech_share_base_pct,
    ] {
        assert!(matches!(sourced.provenance, Provenance::Assumption { .. }));
    }
    // 12.3 is the plan's number, but the plan gives no year for it: the
    // base year is an assumption, and its rationale quotes the clause.
    match &economy.productivity_base_wan_yuan.provenance {
        Provenance::Assumption { rationale } => {
            assert!(rationale
                .zh
                .contains("全员劳动生产率从人均12.3万元提高到人均15万元"));
        }
        other => panic!("{other:?}"),
    }
    let gdp: Vec<(u16, f64)> = plan
        .published_for("gdp")
        .map(|figure| (figure.year, figure.value))
        .collect();
    assert_eq!(gdp, [(2016, 856.8), (2021, 953.6), (2022, 1002.1)]);
    // Every published figure is from a secondary source; a count the app
    // made from a list (listed firms) is the app's, not a quotation.
    assert!(plan
        .published
        .iter()
        .all(|figure| match &figure.provenance {
            Provenance::Published { secondary, .. } => *secondary,
            Provenance::Assumption { rationale } => rationale.en.contains("not a quotation"),
            Provenance::Plan { .. } => false,
        }));
}

#[test]
fn the_embedded_plan_is_the_plan_file_without_its_spacing() {
    let file = include_str!("../assets/plan/shouguang-2018.json");
    let read = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(read(SHOUGUANG_2018_JSON), read(file));
    assert!(!SHOUGUANG_2018_JSON.contains('\n'));
    assert!(SHOUGUANG_2018_JSON.len() < file.len() * 9 / 10);
    // Spaces inside strings are kept.
    assert!(SHOUGUANG_2018_JSON.contains("\"Quality vegetables\""));
}

#[test]
fn a_bad_plan_file_names_every_problem() {
    let mut value: serde_json::Value = serde_json::from_str(SHOUGUANG_2018_JSON).unwrap();
    value["industries"][1]["value_added_ratio"]["value"] = serde_json::json!(1.5);
    value["industries"][2]["id"] = serde_json::json!("chemicals");
    value["industries"][3]["group"] = serde_json::json!("ancient");
    value["goals"][0]["deadline"] = serde_json::json!(2040);
    value["goals"][7]["series"] = serde_json::json!({ "industry": "steel" });
    value["evaluation"]["close_tolerance_pct"] = serde_json::json!(-1.0);
    value["presets"][1]["growth_pct"]["paper"] = serde_json::json!([4.0, 99.0]);
    value.as_object_mut().unwrap().remove("economy");
    let error = Plan::from_json(&value.to_string()).unwrap_err();
    let message = error.to_string();
    // Shape errors are found section by section, element by element.
    assert!(message.contains("industries[3] (logistics)"), "{message}");
    assert!(message.contains("economy: missing"), "{message}");
    assert_eq!(error.problems.len(), 2, "{message}");

    // With the shape fixed, every semantic problem is listed at once.
    value["industries"][3]["group"] = serde_json::json!("traditional");
    value["economy"] =
        serde_json::from_str::<serde_json::Value>(SHOUGUANG_2018_JSON).unwrap()["economy"].clone();
    let error = Plan::from_json(&value.to_string()).unwrap_err();
    let message = error.to_string();
    for expected in [
        "industries[1] (chemicals).value_added_ratio: 1.5 is outside the allowed range 0..=1",
        "industries[2] (chemicals).id: duplicate id",
        "goals[0] (indicator.sei_share).deadline: 2040 is outside 2018..=2028",
        "goals[7] (revenue.chemicals).series: no industry has the id \"steel\"",
        "evaluation.close_tolerance_pct: -1 is outside the allowed range 0..=50",
        "presets[1] (trend).growth_pct.paper[1]: 99 is outside the allowed range -30..=60",
        "presets[1] (trend).growth_pct: no industry has the id \"paper\"",
        "goals[8] (revenue.paper).series: no industry has the id \"paper\"",
    ] {
        assert!(
            message.contains(expected),
            "missing {expected:?} in\n{message}"
        );
    }
    assert!(error.problems.len() >= 8, "{message}");
}

#[test]
fn not_json_is_one_clear_problem() {
    let error = Plan::from_json("{ not json").unwrap_err();
    assert_eq!(error.problems.len(), 1);
    assert!(error
        .to_string()
        .starts_with("the plan file has 1 problem:\n- JSON: not valid JSON"));
    assert!(error
        .message(true)
        .starts_with("规划文件有 1 处问题:\n- JSON:文件不是有效的 JSON(第 1 行第 3 列出错)"));
    assert!(Plan::from_json("[]").is_err());
}
