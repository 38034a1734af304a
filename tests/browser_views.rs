//! Browser tests of the goal register and the data-and-sources views: each
//! mounted into a fresh element in headless Chromium with the real plan.
//! Native `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use pathways::app::i18n::Lang;
use pathways::app::inputs::Input;
use pathways::app::shared::Shared;
use pathways::app::views::{data_sources, DataSourcesProps, GoalRegister, GoalRegisterProps};
use yew::{function_component, Html};

/// The data-and-sources view is a plain function in the app; mounted alone
/// it needs a component around it.
#[function_component(DataSources)]
fn data_sources_host(props: &DataSourcesProps) -> Html {
    data_sources(props)
}
use pathways::model::{evaluate, project, Plan, Scenario, Tracking};
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::{by_testid, click, fresh_root, input, query, type_into, wait_for};

fn plan() -> Rc<Plan> {
    Rc::new(Plan::shouguang_2018().expect("the embedded plan loads"))
}

type TrackedLog = Rc<RefCell<Vec<(String, Option<f64>)>>>;

fn register_props(
    plan: &Rc<Plan>,
    lang: Lang,
    tracked: BTreeMap<String, f64>,
    log: &TrackedLog,
) -> GoalRegisterProps {
    let scenario = pathways::model::plan_defaults(plan);
    let projection = project(plan, &scenario);
    let evaluations = evaluate(plan, &scenario, &projection);
    GoalRegisterProps {
        plan: Shared(plan.clone()),
        evaluations: Shared(Rc::new(evaluations)),
        tracked: Shared(Rc::new(tracked)),
        lang,
        on_set_tracked: {
            let log = log.clone();
            Callback::from(move |entry| log.borrow_mut().push(entry))
        },
    }
}

#[wasm_bindgen_test]
async fn register_shows_every_goal_with_its_clause_and_status() {
    let plan = plan();
    for lang in [Lang::Zh, Lang::En] {
        let root = fresh_root();
        let log = TrackedLog::default();
        let props = register_props(&plan, lang, BTreeMap::new(), &log);
        yew::Renderer::<GoalRegister>::with_root_and_props(root.clone(), props).render();
        wait_for("the register", 5_000.0, || {
            by_testid(&root, "view-register").is_some()
        })
        .await;

        for goal in &plan.goals {
            let card = by_testid(&root, &format!("goal-{}", goal.id))
                .unwrap_or_else(|| panic!("no card for {} ({lang:?})", goal.id));
            let text = card.text_content().unwrap_or_default();
            assert!(
                text.contains(&format!("「{}」", goal.clause)),
                "the card of {} quotes its clause verbatim",
                goal.id
            );
            match goal.tracking {
                Tracking::Projected => {
                    let status = by_testid(&root, &format!("status-{}-2022", goal.id))
                        .or_else(|| by_testid(&root, &format!("status-{}-2028", goal.id)));
                    let status = status.unwrap_or_else(|| panic!("{} shows no status", goal.id));
                    assert!(status.get_attribute("data-status").is_some());
                    // Never colour alone: the status has words.
                    assert!(!status.text_content().unwrap_or_default().trim().is_empty());
                }
                Tracking::TrackedByHand => {
                    let has_field = by_testid(&root, &format!("field-goal-{}", goal.id)).is_some();
                    let qualitative =
                        by_testid(&root, &format!("qualitative-{}", goal.id)).is_some();
                    assert!(
                        has_field || qualitative,
                        "{} has neither a count field nor a note",
                        goal.id
                    );
                }
            }
            if !goal.deadline_in_text {
                assert!(
                    by_testid(&root, &format!("deadline-assumed-{}", goal.id)).is_some(),
                    "{} marks its assumed deadline",
                    goal.id
                );
            }
        }
        let n_cards = root
            .query_selector_all("[data-testid^=\"goal-\"]")
            .map(|list| list.length())
            .unwrap_or(0);
        assert_eq!(n_cards as usize, plan.goals.len());

        // The plan pace meets the chemicals goal exactly in 2022.
        let chemicals = by_testid(&root, "status-revenue.chemicals-2022").expect("chemicals 2022");
        assert_eq!(
            chemicals.get_attribute("data-status").as_deref(),
            Some("met")
        );
    }
}

#[wasm_bindgen_test]
async fn register_filters_to_goals_tracked_by_hand() {
    let plan = plan();
    let root = fresh_root();
    let log = TrackedLog::default();
    let props = register_props(&plan, Lang::Zh, BTreeMap::new(), &log);
    yew::Renderer::<GoalRegister>::with_root_and_props(root.clone(), props).render();
    wait_for("the register", 5_000.0, || {
        by_testid(&root, "goal-revenue.chemicals").is_some()
    })
    .await;

    click(&root, "register-filter-tracked");
    wait_for("the projected goals to go", 5_000.0, || {
        by_testid(&root, "goal-revenue.chemicals").is_none()
    })
    .await;
    assert!(by_testid(&root, "goal-firms.listed").is_some());
    let pressed = by_testid(&root, "register-filter-tracked")
        .and_then(|button| button.get_attribute("aria-pressed"));
    assert_eq!(pressed.as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn typing_a_count_reports_it_and_a_bad_entry_does_not() {
    let plan = plan();
    let root = fresh_root();
    let log = TrackedLog::default();
    let props = register_props(&plan, Lang::Zh, BTreeMap::new(), &log);
    yew::Renderer::<GoalRegister>::with_root_and_props(root.clone(), props).render();
    wait_for("the count field", 5_000.0, || {
        by_testid(&root, "field-goal-firms.over_50").is_some()
    })
    .await;

    let field = input(&root, "field-goal-firms.over_50");
    assert_eq!(field.value(), "", "no count yet: the field is empty");
    type_into(&field, "7");
    assert_eq!(
        *log.borrow(),
        vec![("firms.over_50".to_string(), Some(7.0))]
    );

    type_into(&field, "abc");
    let card = by_testid(&root, "goal-firms.over_50").expect("the card");
    wait_for("the inline error", 5_000.0, || {
        query(&card, "[role=alert]").is_some()
    })
    .await;
    assert_eq!(log.borrow().len(), 1, "a bad entry changes nothing");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn an_entered_count_is_judged_against_the_target_and_can_be_cleared() {
    let plan = plan();
    let root = fresh_root();
    let log = TrackedLog::default();
    let tracked = BTreeMap::from([
        ("firms.listed".to_string(), 6.0),
        ("firms.over_50".to_string(), 12.0),
    ]);
    let props = register_props(&plan, Lang::En, tracked, &log);
    yew::Renderer::<GoalRegister>::with_root_and_props(root.clone(), props).render();
    wait_for("the verdicts", 5_000.0, || {
        by_testid(&root, "tracked-verdict-firms.listed").is_some()
    })
    .await;

    let verdict = |goal_id: &str| {
        by_testid(&root, &format!("tracked-verdict-{goal_id}"))
            .and_then(|verdict| verdict.get_attribute("data-status"))
    };
    assert_eq!(
        verdict("firms.listed").as_deref(),
        Some("not-met"),
        "6 of 10 listed firms"
    );
    assert_eq!(
        verdict("firms.over_50").as_deref(),
        Some("met"),
        "12 of 10 firms over 50 亿"
    );
    assert_eq!(input(&root, "field-goal-firms.listed").value(), "6");

    click(&root, "clear-firms.listed");
    assert_eq!(*log.borrow(), vec![("firms.listed".to_string(), None)]);
}

type SetLog = Rc<RefCell<Vec<(Input, f64)>>>;

fn sources_props(
    plan: &Rc<Plan>,
    scenario: Scenario,
    set_log: &SetLog,
    reset_log: &Rc<RefCell<Vec<Input>>>,
) -> DataSourcesProps {
    DataSourcesProps {
        plan: Shared(plan.clone()),
        scenario: Shared(Rc::new(scenario)),
        defaults: Shared(Rc::new(pathways::model::plan_defaults(plan))),
        lang: Lang::Zh,
        on_set: {
            let set_log = set_log.clone();
            Callback::from(move |entry| set_log.borrow_mut().push(entry))
        },
        on_reset: {
            let reset_log = reset_log.clone();
            Callback::from(move |input| reset_log.borrow_mut().push(input))
        },
        refusal: None,
    }
}

fn base_inputs(plan: &Plan) -> Vec<Input> {
    let mut inputs = vec![
        Input::GdpBase,
        Input::ProductivityBase,
        Input::SeiShareBase,
        Input::HighTechShareBase,
        Input::RdShareBase,
    ];
    for idx in 0..plan.industries.len() {
        inputs.extend([
            Input::IndustryBase(idx),
            Input::ValueAddedRatio(idx),
            Input::IndustrialFraction(idx),
            Input::HighTechFraction(idx),
            Input::HighTechUpgrade(idx),
            Input::SeiFraction(idx),
        ]);
    }
    inputs
}

#[wasm_bindgen_test]
async fn sources_badge_every_base_value_and_refuse_a_bad_entry() {
    let plan = plan();
    let root = fresh_root();
    let set_log = SetLog::default();
    let reset_log = Rc::new(RefCell::new(Vec::new()));
    let props = sources_props(
        &plan,
        pathways::model::plan_defaults(&plan),
        &set_log,
        &reset_log,
    );
    yew::Renderer::<DataSources>::with_root_and_props(root.clone(), props).render();
    wait_for("the sources view", 5_000.0, || {
        by_testid(&root, "view-sources").is_some()
    })
    .await;

    for input in base_inputs(&plan) {
        let dom_id = input.id(&plan);
        let row = by_testid(&root, &format!("row-{dom_id}"))
            .unwrap_or_else(|| panic!("no row for {dom_id}"));
        let badge =
            query(&row, ".badge").unwrap_or_else(|| panic!("{dom_id} has no provenance badge"));
        assert!(badge.get_attribute("data-provenance").is_some());
        assert!(
            query(&row, ".provenance-detail").is_some(),
            "{dom_id} shows its rationale or source"
        );
        assert!(
            by_testid(&root, &format!("field-{dom_id}")).is_some(),
            "{dom_id} is editable"
        );
        assert!(
            by_testid(&root, &format!("reset-{dom_id}")).is_none(),
            "{dom_id} is unchanged"
        );
    }
    assert!(by_testid(&root, "published-table").is_some());
    let plan_facts = by_testid(&root, "sources-plan")
        .and_then(|facts| facts.text_content())
        .unwrap_or_default();
    assert!(plan_facts.contains(&plan.title.zh) && plan_facts.contains(&plan.published_on));

    let field = input(&root, "field-gdp-base");
    type_into(&field, "abc");
    let row = by_testid(&root, "row-gdp-base").expect("the GDP row");
    wait_for("the inline error", 5_000.0, || {
        query(&row, "[role=alert]").is_some()
    })
    .await;
    assert!(set_log.borrow().is_empty(), "a bad entry calls nothing");

    type_into(&field, "950");
    assert_eq!(*set_log.borrow(), vec![(Input::GdpBase, 950.0)]);
}

#[wasm_bindgen_test]
async fn a_changed_base_value_offers_a_reset() {
    let plan = plan();
    let root = fresh_root();
    let set_log = SetLog::default();
    let reset_log = Rc::new(RefCell::new(Vec::new()));
    let mut scenario = pathways::model::plan_defaults(&plan);
    assert!(Input::IndustryBase(1).set(&mut scenario, 700.0));
    let props = sources_props(&plan, scenario, &set_log, &reset_log);
    yew::Renderer::<DataSources>::with_root_and_props(root.clone(), props).render();
    let testid = format!("reset-{}", Input::IndustryBase(1).id(&plan));
    wait_for("the reset button", 5_000.0, || {
        by_testid(&root, &testid).is_some()
    })
    .await;
    assert!(by_testid(&root, "reset-gdp-base").is_none());

    click(&root, &testid);
    assert_eq!(*reset_log.borrow(), vec![Input::IndustryBase(1)]);
}
