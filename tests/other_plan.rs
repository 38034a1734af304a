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

const FIVE: &str = include_str!("fixtures/plan-five-industries.json");

fn five() -> Plan {
    Plan::from_json(FIVE).unwrap_or_else(|error| panic!("{error}"))
}

/// A plan of another shape: five industries in groups of two and three,
/// base year 2020, milestone 2025, end year 2035, checkpoints 2025 and 2035.
#[test]
fn the_five_industry_plan_projects_evaluates_and_shares() {
    let plan = five();
    assert_eq!(plan.industries.len(), 5);
    assert_eq!(
        (plan.base_year(), plan.milestone_year(), plan.end_year()),
        (2020, 2025, 2035)
    );
    assert_eq!(plan.evaluation.checkpoints, vec![2025, 2035]);
    let traditional = plan
        .industries
        .iter()
        .filter(|industry| industry.group == pathways::model::Group::Traditional)
        .count();
    assert_eq!((traditional, plan.industries.len() - traditional), (2, 3));
    assert_eq!(
        plan.city.as_ref().map(|city| city.zh.as_str()),
        Some("乌有县")
    );

    let scenario = pathways::model::plan_defaults(&plan);
    scenario.validate(&plan).expect("its defaults are valid");
    let projection = project(&plan, &scenario);
    assert_eq!(projection.years().first(), Some(&2020));
    assert_eq!(projection.years().last(), Some(&2035));
    for idx in 0..5 {
        assert!(
            projection
                .industry(idx)
                .iter()
                .all(|value| value.is_finite()),
            "industry {idx}"
        );
    }
    let evaluations = evaluate(&plan, &scenario, &projection);
    // Plan pace seeks every milestone revenue goal, so each is met in 2025.
    for id in [
        "revenue.textiles",
        "revenue.building_materials",
        "revenue.biomedicine",
        "revenue.new_energy",
        "revenue.digital_economy",
    ] {
        let evaluation = evaluations
            .iter()
            .find(|evaluation| evaluation.goal_id == id && evaluation.year == 2025)
            .unwrap_or_else(|| panic!("{id} is judged in 2025: {evaluations:?}"));
        assert_eq!(evaluation.status, pathways::model::Status::Met, "{id}");
    }
    assert!(
        evaluations
            .iter()
            .any(|evaluation| evaluation.goal_id == "aim.2035" && evaluation.year == 2035),
        "the lead test is judged in the plan's own test year"
    );
    assert!(
        evaluations
            .iter()
            .all(|evaluation| [2025, 2035].contains(&evaluation.year)),
        "only the plan's checkpoints are judged"
    );
    let bands = monte_carlo(&plan, &scenario);
    let text = summary(
        &plan,
        &scenario,
        &scenario,
        &evaluations,
        Some(&bands),
        true,
    );
    let joined = text.join("\n");
    for foreign in ["2022", "2028", "八大", "寿光"] {
        assert!(!joined.contains(foreign), "{foreign:?} in {joined}");
    }
    let english = summary(
        &plan,
        &scenario,
        &scenario,
        &evaluations,
        Some(&bands),
        false,
    )
    .join("\n");
    for foreign in ["2022", "2028", "eight", "Shouguang"] {
        assert!(!english.contains(foreign), "{foreign:?} in {english}");
    }
    assert!(!headline_sensitivities(&plan, &scenario).is_empty());
    let csv = projection_csv(&plan, &projection, true);
    assert!(csv.contains("industry.digital_economy,数字经济"));
    assert!(!csv.contains("八大"));

    // The link and the file round-trip, and stay with their plan.
    let mut state = ShareState::defaults(&plan);
    state.scenario.set_growth_pct(4, 1, 7.5).expect("in range");
    let link = encode_link(&plan, &state);
    assert_eq!(decode_link(&plan, &link), Ok(state.clone()));
    assert_eq!(
        decode_file(&plan, &encode_file(&plan, &state)),
        Ok(state.clone())
    );
    assert!(decode_link(&demo(), &link).is_err());
}

/// True when `text` has at least one Chinese character.
fn has_chinese(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
}

/// Every kind of plan-file problem, each said in Chinese and in English:
/// no Chinese message is Latin only.
#[test]
fn every_plan_problem_is_said_in_chinese_and_english() {
    use serde_json::{json, Value};
    let base: Value = serde_json::from_str(FIVE).expect("the fixture is JSON");
    type Mutation = fn(&mut Value);
    let mutations: Vec<(&str, Mutation)> = vec![
        ("schema", |v| v["schema_version"] = json!(9)),
        ("years order", |v| v["milestone_year"] = json!(2040)),
        ("too many years", |v| v["end_year"] = json!(2090)),
        ("tolerance", |v| {
            v["evaluation"]["close_tolerance_pct"] = json!(-1.0)
        }),
        ("rationale", |v| {
            v["evaluation"]["rationale"]["zh"] = json!(" ")
        }),
        ("checkpoint", |v| {
            v["evaluation"]["checkpoints"] = json!([2019, 2035])
        }),
        ("no industries", |v| v["industries"] = json!([])),
        ("empty id", |v| v["industries"][0]["id"] = json!("")),
        ("duplicate id", |v| {
            v["industries"][1]["id"] = json!("textiles")
        }),
        ("ratio", |v| {
            v["industries"][1]["value_added_ratio"]["value"] = json!(1.5)
        }),
        ("group", |v| v["industries"][3]["group"] = json!("ancient")),
        ("measure", |v| {
            v["industries"][0]["measure"] = json!("output_value");
            v["industries"][1]["measure"] = json!("output_value");
        }),
        ("type", |v| v["industries"][2]["base_value"] = json!("lots")),
        ("missing field", |v| {
            v["industries"][2]
                .as_object_mut()
                .map(|industry| industry.remove("name"));
        }),
        ("missing section", |v| {
            v.as_object_mut().map(|root| root.remove("economy"));
        }),
        ("not an array", |v| v["goals"] = json!("none")),
        ("city", |v| v["city"] = json!({ "zh": "", "en": "X" })),
        ("city type", |v| v["city"] = json!(3)),
        ("gdp", |v| {
            v["economy"]["gdp_base_yi_yuan"]["value"] = json!(1.0)
        }),
        ("runs", |v| v["uncertainty"]["runs"] = json!(u32::MAX)),
        ("interpretation year", |v| {
            v["interpretation"]["year"] = json!(2050)
        }),
        ("interpretation goal", |v| {
            v["interpretation"]["goal"] = json!("nope")
        }),
        ("published goal", |v| {
            v["published"][3]["goal"] = json!("nope")
        }),
        ("published source", |v| {
            v["published"][0]["provenance"]["source"] = json!("")
        }),
        ("plan clause", |v| {
            v["economy"]["productivity_base_wan_yuan"]["provenance"]["clause"] = json!("")
        }),
        ("goal deadline", |v| v["goals"][0]["deadline"] = json!(2040)),
        ("goal clause", |v| v["goals"][0]["clause"] = json!("")),
        ("goal section", |v| v["goals"][0]["section"] = json!("")),
        ("goal target", |v| v["goals"][4]["target"] = Value::Null),
        ("goal series", |v| v["goals"][4]["series"] = Value::Null),
        ("goal industry", |v| {
            v["goals"][4]["series"] = json!({ "industry": "steel" })
        }),
        ("goal duplicate", |v| {
            v["goals"][5]["id"] = json!("revenue.textiles")
        }),
        ("count projected", |v| {
            v["goals"][9]["tracking"] = json!("projected");
            v["goals"][9]["series"] = json!("gdp");
        }),
        ("increment series", |v| {
            v["goals"][0]["series"] = json!("gdp")
        }),
        ("default preset", |v| v["default_preset"] = json!("nope")),
        ("preset duplicate", |v| {
            v["presets"][1]["id"] = json!("plan_pace")
        }),
        ("preset growth", |v| {
            v["presets"][1]["growth_pct"]["textiles"] = json!([4.0, 99.0])
        }),
        ("preset unknown", |v| {
            v["presets"][1]["growth_pct"]["steel"] = json!([4.0, 4.0])
        }),
        ("preset missing", |v| {
            v["presets"][1]["growth_pct"]
                .as_object_mut()
                .map(|growth| growth.remove("textiles"));
        }),
        (
            "shock",
            |v| {
                v["presets"][2]["shocks"] =
                    json!([{ "year": 2050, "industry": "steel", "pct": -99.0 }])
            },
        ),
    ];
    let mut seen = 0;
    let mut check = |label: &str, json: &str| {
        let Err(error) = Plan::from_json(json) else {
            panic!("{label}: the broken plan was accepted");
        };
        assert!(!error.problems.is_empty(), "{label}");
        for problem in &error.problems {
            seen += 1;
            let (zh, en) = (&problem.allowed.zh, &problem.allowed.en);
            assert!(!problem.field.trim().is_empty(), "{label}: {problem:?}");
            assert!(!en.trim().is_empty(), "{label}: {problem:?}");
            assert!(
                !zh.trim().is_empty() && has_chinese(zh),
                "{label}: the Chinese message is Latin only: {problem:?}"
            );
        }
        let (zh, en) = (error.message(true), error.message(false));
        assert!(zh.starts_with("规划文件有"), "{zh}");
        assert!(en.starts_with("the plan file has"), "{en}");
    };
    check("not JSON", "{ not json");
    check("not an object", "[]");
    check("empty", "{}");
    for (label, mutate) in mutations {
        let mut value = base.clone();
        mutate(&mut value);
        check(label, &value.to_string());
    }
    assert!(seen >= 45, "{seen} problems checked");

    // The Chinese message names the problem in Chinese.
    let mut value = base.clone();
    value["industries"][1]["id"] = json!("textiles");
    value["goals"][4]["series"] = json!({ "industry": "steel" });
    let message = Plan::from_json(&value.to_string())
        .expect_err("broken")
        .message(true);
    assert!(
        message.contains("industries[1] (textiles).id:id 重复"),
        "{message}"
    );
    assert!(message.contains("没有 id 为 \"steel\" 的产业"), "{message}");
    let message = Plan::from_json(r#"{"schema_version": 1, "industries": "none"}"#)
        .expect_err("broken")
        .message(true);
    assert!(message.contains("industries:须为数组"), "{message}");
    assert!(message.contains("economy:缺少此项"), "{message}");
}

/// A number's provenance in a plan file: what each wrong one is told, in
/// serde's words and in Chinese. `Provenance` reads its fields as one object
/// and then checks them against `kind`; these are the messages serde's own
/// tagged-enum reader gave.
#[test]
fn a_wrong_provenance_is_named() {
    use serde_json::{json, Value};
    let base: Value = serde_json::from_str(FIVE).expect("the fixture is JSON");
    // A key taken out of the object at `path`.
    fn without(value: &mut Value, path: &[&str], key: &str) {
        let mut at = value;
        for step in path {
            at = match step.parse::<usize>() {
                Ok(index) => &mut at[index],
                Err(_) => &mut at[*step],
            };
        }
        at.as_object_mut().map(|object| object.remove(key));
    }
    const PLAN: [&str; 3] = ["economy", "productivity_base_wan_yuan", "provenance"];
    const PUBLISHED: [&str; 3] = ["published", "0", "provenance"];
    type Mutation = fn(&mut Value);
    let cases: [(Mutation, &str, &str); 6] = [
        (
            |v| v["economy"]["productivity_base_wan_yuan"]["provenance"]["kind"] = json!("rumour"),
            "unknown variant `rumour`, expected one of `plan`, `published`, `assumption`",
            "“rumour”不是可选的取值",
        ),
        (
            |v| without(v, &PLAN, "clause"),
            "missing field `clause`",
            "缺少字段 clause",
        ),
        (
            |v| without(v, &PLAN, "kind"),
            "missing field `kind`",
            "缺少字段 kind",
        ),
        (
            |v| without(v, &PUBLISHED, "quote"),
            "missing field `quote`",
            "缺少字段 quote",
        ),
        (
            |v| v["economy"]["gdp_base_yi_yuan"]["provenance"]["rationale"] = json!("short"),
            "invalid type: string \"short\", expected struct Text",
            "类型不对,须为对象 {…}",
        ),
        (
            |v| v["published"][0]["provenance"]["source"] = json!(7),
            "invalid type: integer `7`, expected a string",
            "类型不对,须为文字(字符串)",
        ),
    ];
    for (mutate, en, zh) in cases {
        let mut value = base.clone();
        mutate(&mut value);
        let error = Plan::from_json(&value.to_string()).expect_err("a wrong provenance");
        let (message_en, message_zh) = (error.message(false), error.message(true));
        assert!(message_en.contains(en), "{message_en}");
        assert!(message_zh.contains(zh), "{message_zh}");
    }
    // `secondary` may be left out of a published figure: it is false.
    let mut value = base.clone();
    without(&mut value, &PUBLISHED, "secondary");
    assert!(Plan::from_json(&value.to_string()).is_ok());
}

/// A plan file's parts are read by hand (`model/plan/read.rs`) with the
/// rules serde's derived readers had, and errors in serde's words: unknown
/// keys are ignored, a left-out optional or defaulted field takes its
/// default, whole numbers are checked for range and for fractions, and a
/// name that should be a string says so.
#[test]
fn plan_parts_are_read_by_serdes_rules() {
    use serde_json::{json, Value};
    let base: Value = serde_json::from_str(FIVE).expect("the fixture is JSON");
    let read = |mutate: fn(&mut Value)| {
        let mut value = base.clone();
        mutate(&mut value);
        Plan::from_json(&value.to_string()).map_err(|error| error.message(false))
    };
    let plan = read(|v| {
        v["industries"][0]["colour"] = json!("green");
        v["published"][0]
            .as_object_mut()
            .map(|figure| figure.remove("note"));
        v["industries"][1]
            .as_object_mut()
            .map(|industry| industry.remove("high_tech_upgrade_pp"));
    })
    .expect("unknown keys ignored, defaults taken");
    assert_eq!(plan.published[0].note, None);
    assert_eq!(plan.industries[1].high_tech_upgrade_pp.value, 0.0);
    type Mutation = fn(&mut Value);
    let cases: [(Mutation, &str); 6] = [
        (
            |v| v["goals"][0]["deadline"] = json!(2022.5),
            "invalid type: floating point `2022.5`, expected u16",
        ),
        (
            |v| v["goals"][0]["deadline"] = json!(70000),
            "invalid value: integer `70000`, expected u16",
        ),
        (
            |v| v["uncertainty"]["seed"] = json!(-1),
            "invalid value: integer `-1`, expected u64",
        ),
        (
            |v| v["industries"][0]["group"] = json!(3),
            "invalid type: integer `3`, expected a string",
        ),
        (
            |v| v["goals"][4]["series"] = json!({ "industry": "textiles", "gdp": 1 }),
            "invalid value: map, expected map with a single key",
        ),
        (
            |v| v["presets"][1]["growth_pct"]["textiles"] = json!([4.0]),
            "invalid length 1, expected an array of length 2",
        ),
    ];
    for (mutate, expected) in cases {
        let message = read(mutate).expect_err(expected);
        assert!(message.contains(expected), "{message}");
    }
}
