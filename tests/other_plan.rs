//! A second, small plan of the same schema (a made-up county, for tests):
//! the model, the explanation and the share formats work on it unchanged.

use pathways::explain::{headline_sensitivities, summary};
use pathways::model::{evaluate, monte_carlo, project, Plan};
use pathways::share::{
    decode_file, decode_link, encode_file, encode_link, projection_csv, ShareState,
};

const DEMO: &str = include_str!("fixtures/plan-demo-county.json");

fn demo() -> Plan {
    Plan::from_json(DEMO).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn the_demo_plan_projects_evaluates_and_explains() {
    let plan = demo();
    assert_eq!(plan.industries.len(), 3);
    let scenario = pathways::model::plan_defaults(&plan);
    scenario.validate(&plan).expect("its defaults are valid");
    let projection = project(&plan, &scenario);
    assert!(projection.industry(1).iter().all(|value| value.is_finite()));
    let evaluations = evaluate(&plan, &scenario, &projection);
    assert!(evaluations
        .iter()
        .any(|evaluation| evaluation.goal_id == "revenue.chemicals"));
    let bands = monte_carlo(&plan, &scenario);
    let text = summary(
        &plan,
        &scenario,
        &scenario,
        &evaluations,
        Some(&bands),
        true,
    );
    assert!(
        text.iter().any(|paragraph| paragraph.contains("化工")),
        "{text:?}"
    );
    assert!(!headline_sensitivities(&plan, &scenario).is_empty());
    assert!(projection_csv(&plan, &projection, false).contains("New materials"));
}

#[test]
fn links_and_files_round_trip_on_the_demo_plan_and_not_across_plans() {
    let plan = demo();
    let mut state = ShareState::defaults(&plan);
    state.scenario.set_growth_pct(1, 0, 7.5).expect("in range");
    let link = encode_link(&plan, &state);
    assert_eq!(decode_link(&plan, &link), Ok(state.clone()));
    assert_eq!(
        decode_file(&plan, &encode_file(&plan, &state)),
        Ok(state.clone())
    );
    let shouguang = Plan::shouguang_2018().expect("the embedded plan loads");
    assert!(
        decode_link(&shouguang, &link).is_err(),
        "a link of another plan is refused"
    );
    assert!(decode_file(&shouguang, &encode_file(&plan, &state)).is_err());
}
