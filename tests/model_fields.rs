//! The field table ([`Field`]) walked whole: every field round-trips
//! through the link, the scenario file and validation, and its
//! description is consistent with itself.

use pathways::model::{plan_defaults, Field, Plan, Scenario};
use pathways::share::{decode_file, decode_link, encode_file, encode_link, ShareState};
use serde_json::Value;

fn plans() -> Vec<Plan> {
    let demo = Plan::from_json(include_str!("fixtures/plan-demo-county.json"))
        .expect("the demo plan loads");
    vec![
        Plan::shouguang_2018().expect("the embedded plan loads"),
        demo,
    ]
}

/// A value off the default and inside the slider range, keeping the
/// cross-field rule (GDP base ≥ the industries' value added).
fn moved_value(field: Field, defaults: &Scenario) -> f64 {
    if field.is_whole() {
        return 1234.0;
    }
    if matches!(field, Field::IndustryBase(_)) {
        return field.get(defaults) * 0.9;
    }
    let range = field.slider_range();
    let step = (range.end() - range.start()) / 8.0;
    let default = field.get(defaults);
    let down = default - step;
    if down >= *range.start() && field != Field::GdpBase {
        down
    } else {
        default + step
    }
}

/// A path in a scenario (`industries[1].growth_pct[0]`) as a JSON pointer
/// into a scenario file.
fn pointer(path: &str) -> String {
    let path = path.replace(['.', '['], "/").replace(']', "");
    format!("/state/scenario/{path}")
        .trim_end_matches('/')
        .to_string()
}

/// The field is written under its file key at its path, and that key is
/// what the reader reads: without it, a required field is missing (named
/// by its path) and an optional one reads as the plan's value.
fn file_key_round_trips(plan: &Plan, field: Field, file: &str, value: f64) {
    let key = field.file_key();
    let path = field.path();
    let (object_path, last) = path.rsplit_once('.').unwrap_or(("", &path));
    assert!(last.starts_with(key), "{field:?}: {key} in {path}");
    let mut json: Value = serde_json::from_str(file).expect("the file is JSON");
    let written = json.pointer(&pointer(&path)).and_then(Value::as_f64);
    assert_eq!(written, Some(value), "{field:?} written at {path}");
    json.pointer_mut(&pointer(object_path))
        .and_then(Value::as_object_mut)
        .and_then(|object| object.remove(key))
        .unwrap_or_else(|| panic!("{field:?}: {object_path} holds {key}"));
    match decode_file(plan, &json.to_string()) {
        Ok(state) => {
            assert!(field.file_optional(), "{field:?} read without {key}");
            assert_eq!(
                Some(field.get(&state.scenario)),
                field.plan_value(plan),
                "{field:?} without {key}"
            );
        }
        Err(error) => {
            assert!(!field.file_optional(), "{field:?}: {error}");
            let missing = format!("state.scenario.{object_path}.{key}: missing");
            assert!(error.to_string().contains(&missing), "{field:?}: {error}");
        }
    }
}

#[test]
fn every_field_round_trips_through_link_file_and_validation() {
    for plan in plans() {
        let defaults = plan_defaults(&plan);
        let fields = Field::all(&plan);
        assert_eq!(fields.len(), 9 * plan.industries.len() + 12);
        for field in fields {
            let value = moved_value(field, &defaults);
            let scenario = field
                .apply(&plan, &defaults, value)
                .unwrap_or_else(|error| panic!("{field:?} = {value}: {error}"));
            assert_eq!(field.get(&scenario), value, "{field:?}");
            // Only this field differs.
            for other in Field::all(&plan)
                .into_iter()
                .filter(|other| *other != field)
            {
                assert_eq!(
                    other.get(&scenario),
                    other.get(&defaults),
                    "{field:?} moved {other:?}"
                );
            }
            let state = ShareState::with_scenario(scenario.clone());

            let link = encode_link(&plan, &state);
            let (key, position) = field.link_slot();
            assert!(link.contains(&format!("~{key}")), "{field:?}: {link}");
            assert_eq!(
                Field::at_link_slot(key, position, plan.industries.len()),
                Some(field)
            );
            let from_link = decode_link(&plan, &link)
                .unwrap_or_else(|error| panic!("{field:?}: {link}: {error}"));
            assert_eq!(from_link.scenario, scenario, "{field:?} through the link");

            let file = encode_file(&plan, &state);
            let from_file = decode_file(&plan, &file)
                .unwrap_or_else(|error| panic!("{field:?} through the file: {error}"));
            assert_eq!(from_file.scenario, scenario, "{field:?} through the file");
            file_key_round_trips(&plan, field, &file, value);

            // Out of range: refused, naming the field's path.
            let too_big = field.range().end() * 2.0 + 1.0;
            let mut bad = defaults.clone();
            assert!(field.set(&mut bad, too_big), "{field:?}");
            let error = bad.validate(&plan).expect_err("out of range");
            assert!(
                error
                    .problems
                    .iter()
                    .any(|problem| problem.field == field.path()),
                "{field:?}: {error}"
            );
            assert!(field.apply(&plan, &defaults, f64::NAN).is_err());
        }
    }
}

#[test]
fn every_field_is_described_in_both_languages_and_consistently() {
    for plan in plans() {
        let defaults = plan_defaults(&plan);
        let mut ids = Vec::new();
        for field in Field::all(&plan) {
            let range = field.range();
            let slider = field.slider_range();
            assert!(range.contains(slider.start()) && range.contains(slider.end()));
            assert!(range.contains(&field.get(&defaults)), "{field:?}");
            assert!(field.step() > 0.0);
            for zh in [true, false] {
                let label = field.label(&plan, zh);
                assert!(!label.trim().is_empty(), "{field:?}");
                if let Some(idx) = field.industry() {
                    let name = &plan.industries[idx].name;
                    assert!(label.contains(if zh { &name.zh } else { &name.en }));
                }
                assert_eq!(
                    field.sensitivity().is_some(),
                    !field.step_text(zh).is_empty()
                );
            }
            if let Some(value) = field.plan_value(&plan) {
                assert_eq!(
                    field.get(&Scenario::from_plan_values(&plan)),
                    value,
                    "{field:?}"
                );
            }
            ids.push(field.id(&plan));
        }
        let n_ids = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n_ids, "field ids are unique");
        // Every lever steps within its range, both ways.
        for field in Field::levers(&plan) {
            for up in [false, true] {
                let stepped = field.stepped(&defaults, up).expect("a lever steps");
                assert!(field.range().contains(&field.get(&stepped)));
            }
        }
    }
}
