//! The assumptions panel's inputs are the model's field table:
//! [`crate::model::Field`] describes every numeric scenario input once (how
//! to read and write it, bounds, slider range, step, decimals, unit, label,
//! provenance, link slot, sensitivity step). The app calls it `Input`.

pub use crate::model::field::{Field as Input, Unit};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{plan_defaults, Plan};

    fn plan() -> Plan {
        Plan::shouguang_2018().expect("the embedded plan loads")
    }

    #[test]
    fn every_input_round_trips_through_set_and_get() {
        let plan = plan();
        let defaults = plan_defaults(&plan);
        for input in Input::all(&plan) {
            // A value off the default, inside the range, that keeps the
            // cross-field rules (GDP base ≥ the industries' value added).
            let range = input.slider_range();
            let value = if input == Input::Runs {
                1234.0
            } else {
                let step = (range.end() - range.start()) / 8.0;
                let default = input.get(&defaults);
                if default - step >= *range.start() {
                    default - step
                } else {
                    default + step
                }
            };
            let changed = input
                .apply(&plan, &defaults, value)
                .unwrap_or_else(|error| panic!("{input:?} = {value}: {error}"));
            assert_eq!(input.get(&changed), value, "{input:?}");
        }
    }

    #[test]
    fn defaults_lie_within_the_validated_range() {
        let plan = plan();
        let defaults = plan_defaults(&plan);
        for input in Input::all(&plan) {
            assert!(input.range().contains(&input.get(&defaults)), "{input:?}");
            let slider = input.slider_range();
            assert!(
                input.range().contains(slider.start()) && input.range().contains(slider.end()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn bad_values_are_refused_with_the_field_named() {
        let plan = plan();
        let defaults = plan_defaults(&plan);
        let growth = Input::Growth {
            industry_idx: 1,
            phase: 0,
        };
        assert!(growth.apply(&plan, &defaults, f64::NAN).is_err());
        let error = growth
            .apply(&plan, &defaults, 1000.0)
            .expect_err("out of range")
            .to_string();
        assert!(error.contains("growth_pct"), "{error}");
        assert!(Input::IndustryBase(99)
            .apply(&plan, &defaults, 10.0)
            .is_err());
        assert!(Input::Runs.apply(&plan, &defaults, -5.0).is_err());
    }

    #[test]
    fn dom_ids_are_unique() {
        let plan = plan();
        let mut ids: Vec<String> = Input::all(&plan)
            .iter()
            .map(|input| input.id(&plan))
            .collect();
        let n_ids = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n_ids);
    }
}
