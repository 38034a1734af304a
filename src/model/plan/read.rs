//! Reading a plan file's parts from parsed JSON, by hand.
//!
//! Each part reads itself from a `serde_json::Value` ([`Read`]), with the
//! rules serde's derived readers had: unknown keys are ignored, a missing
//! `Option` is `None`, a field with a default takes it when missing, and
//! every error is a `serde_json::Error` made by serde's own constructors, so
//! it says what serde said ("missing field `clause`", "invalid type:
//! string \"short\", expected struct Text") and `plan::shape_zh` can say it
//! in Chinese. Written out because the derived readers compiled to about
//! 60 KB of wasm before optimization (a visitor, a field enum and a
//! sequence reader for every type); these share one object and one list
//! reader.

use std::collections::BTreeMap;

use serde::de::{Error as _, Unexpected};
use serde_json::{Error, Map, Value};

use super::{
    Comparison, Economy, EvaluationSettings, Goal, GoalKind, Group, Industry,
    InterpretationDefaults, Measure, PresetShock, PresetSpec, Provenance, PublishedFigure,
    SeriesRef, Sourced, Text, Tracking, UncertaintyDefaults,
};

/// A part of a plan file that reads itself from JSON.
pub(super) trait Read: Sized {
    fn read(value: &Value) -> Result<Self, Error>;

    /// What a missing key gives: an error, except for `Option` (`None`).
    fn missing(key: &'static str) -> Result<Self, Error> {
        Err(Error::missing_field(key))
    }
}

/// How serde names a JSON value in "invalid type: …".
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(flag) => Unexpected::Bool(*flag),
        Value::Number(number) => {
            if let Some(whole) = number.as_u64() {
                Unexpected::Unsigned(whole)
            } else if let Some(whole) = number.as_i64() {
                Unexpected::Signed(whole)
            } else {
                Unexpected::Float(number.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(text) => Unexpected::Str(text),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn wrong_type(value: &Value, expected: &'static str) -> Error {
    Error::invalid_type(unexpected(value), &expected)
}

/// A JSON object read as the struct `name` (for "expected struct …").
struct Object<'a>(&'a Map<String, Value>);

impl<'a> Object<'a> {
    fn of(value: &'a Value, name: &'static str) -> Result<Self, Error> {
        value
            .as_object()
            .map(Object)
            .ok_or_else(|| wrong_type(value, name))
    }

    fn get<T: Read>(&self, key: &'static str) -> Result<T, Error> {
        match self.0.get(key) {
            Some(value) => T::read(value),
            None => T::missing(key),
        }
    }

    /// A field with `#[serde(default = …)]`'s rule: missing is `default()`.
    fn or<T: Read>(&self, key: &'static str, default: fn() -> T) -> Result<T, Error> {
        match self.0.get(key) {
            Some(value) => T::read(value),
            None => Ok(default()),
        }
    }
}

impl Read for String {
    fn read(value: &Value) -> Result<Self, Error> {
        value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| wrong_type(value, "a string"))
    }
}

impl Read for bool {
    fn read(value: &Value) -> Result<Self, Error> {
        value
            .as_bool()
            .ok_or_else(|| wrong_type(value, "a boolean"))
    }
}

impl Read for f64 {
    fn read(value: &Value) -> Result<Self, Error> {
        value.as_f64().ok_or_else(|| wrong_type(value, "f64"))
    }
}

/// A whole number of type `T`: serde's rules and words ("invalid value:
/// integer `70000`, expected u16"; a fraction is of the wrong type).
fn whole<T: TryFrom<u64>>(value: &Value, expected: &'static str) -> Result<T, Error> {
    match value {
        Value::Number(number) if number.is_u64() => {
            let whole = number.as_u64().unwrap_or_default();
            T::try_from(whole)
                .map_err(|_| Error::invalid_value(Unexpected::Unsigned(whole), &expected))
        }
        Value::Number(number) if number.is_i64() => Err(Error::invalid_value(
            Unexpected::Signed(number.as_i64().unwrap_or_default()),
            &expected,
        )),
        other => Err(wrong_type(other, expected)),
    }
}

impl Read for u16 {
    fn read(value: &Value) -> Result<Self, Error> {
        whole(value, "u16")
    }
}

impl Read for u32 {
    fn read(value: &Value) -> Result<Self, Error> {
        whole(value, "u32")
    }
}

impl Read for u64 {
    fn read(value: &Value) -> Result<Self, Error> {
        whole(value, "u64")
    }
}

impl<T: Read> Read for Option<T> {
    fn read(value: &Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            other => T::read(other).map(Some),
        }
    }

    fn missing(_: &'static str) -> Result<Self, Error> {
        Ok(None)
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(value: &Value) -> Result<Self, Error> {
        let elements = value
            .as_array()
            .ok_or_else(|| wrong_type(value, "a sequence"))?;
        elements.iter().map(T::read).collect()
    }
}

impl<T: Read> Read for [T; 2] {
    fn read(value: &Value) -> Result<Self, Error> {
        const PAIR: &str = "an array of length 2";
        match value.as_array().map(Vec::as_slice) {
            Some([first, second]) => Ok([T::read(first)?, T::read(second)?]),
            Some(other) => Err(Error::invalid_length(other.len(), &PAIR)),
            None => Err(wrong_type(value, PAIR)),
        }
    }
}

impl<T: Read> Read for BTreeMap<String, T> {
    fn read(value: &Value) -> Result<Self, Error> {
        let map = value
            .as_object()
            .ok_or_else(|| wrong_type(value, "a map"))?;
        map.iter()
            .map(|(key, value)| Ok((key.clone(), T::read(value)?)))
            .collect()
    }
}

/// A unit variant written as its snake_case name.
fn variant<T: Copy>(
    value: &Value,
    names: &'static [&'static str],
    variants: &[T],
) -> Result<T, Error> {
    let Some(name) = value.as_str() else {
        return Err(wrong_type(value, "a string"));
    };
    names
        .iter()
        .position(|known| *known == name)
        .and_then(|at| variants.get(at).copied())
        .ok_or_else(|| Error::unknown_variant(name, names))
}

impl Read for Group {
    fn read(value: &Value) -> Result<Self, Error> {
        variant(
            value,
            &["traditional", "emerging"],
            &[Group::Traditional, Group::Emerging],
        )
    }
}

impl Read for Measure {
    fn read(value: &Value) -> Result<Self, Error> {
        variant(
            value,
            &["revenue", "output_value"],
            &[Measure::Revenue, Measure::OutputValue],
        )
    }
}

impl Read for GoalKind {
    fn read(value: &Value) -> Result<Self, Error> {
        variant(
            value,
            &["level", "increment_per_year", "count", "qualitative"],
            &[
                GoalKind::Level,
                GoalKind::IncrementPerYear,
                GoalKind::Count,
                GoalKind::Qualitative,
            ],
        )
    }
}

impl Read for Comparison {
    fn read(value: &Value) -> Result<Self, Error> {
        variant(
            value,
            &[
                "at_least",
                "more_than",
                "at_most",
                "less_than",
                "up_to",
                "qualitative",
            ],
            &[
                Comparison::AtLeast,
                Comparison::MoreThan,
                Comparison::AtMost,
                Comparison::LessThan,
                Comparison::UpTo,
                Comparison::Qualitative,
            ],
        )
    }
}

impl Read for Tracking {
    fn read(value: &Value) -> Result<Self, Error> {
        variant(
            value,
            &["projected", "tracked_by_hand"],
            &[Tracking::Projected, Tracking::TrackedByHand],
        )
    }
}

/// A goal's series: a name, or `{"industry": id}`.
impl Read for SeriesRef {
    fn read(value: &Value) -> Result<Self, Error> {
        const NAMES: &[&str] = &[
            "industry",
            "sei_share",
            "high_tech_share",
            "rd_share",
            "productivity",
            "gdp",
            "lead_ratio",
        ];
        if let Value::Object(map) = value {
            let mut entries = map.iter();
            return match (entries.next(), entries.next()) {
                (Some((key, id)), None) if key == "industry" => {
                    String::read(id).map(SeriesRef::Industry)
                }
                (Some((key, _)), None) if NAMES.contains(&key.as_str()) => Err(
                    Error::invalid_type(Unexpected::NewtypeVariant, &"unit variant"),
                ),
                (Some((key, _)), None) => Err(Error::unknown_variant(key, NAMES)),
                _ => Err(Error::invalid_value(
                    Unexpected::Map,
                    &"map with a single key",
                )),
            };
        }
        let units = [
            SeriesRef::SeiShare,
            SeriesRef::HighTechShare,
            SeriesRef::RdShare,
            SeriesRef::Productivity,
            SeriesRef::Gdp,
            SeriesRef::LeadRatio,
        ];
        let Some(name) = value.as_str() else {
            return Err(wrong_type(value, "string or map"));
        };
        match NAMES.iter().position(|known| *known == name) {
            Some(0) => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
            Some(at) => Ok(units[at - 1].clone()),
            None => Err(Error::unknown_variant(name, NAMES)),
        }
    }
}

impl Read for Text {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct Text")?;
        Ok(Text {
            zh: object.get("zh")?,
            en: object.get("en")?,
        })
    }
}

/// A provenance: one object whose `kind` says which fields it needs.
impl Read for Provenance {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct Provenance")?;
        let kind: String = object.get("kind")?;
        let clause: Option<String> = object.get("clause")?;
        let source: Option<String> = object.get("source")?;
        let quote: Option<String> = object.get("quote")?;
        let secondary: Option<bool> = object.get("secondary")?;
        let rationale: Option<Text> = object.get("rationale")?;
        let need = |value: Option<String>, name: &'static str| {
            value.ok_or_else(|| Error::missing_field(name))
        };
        match kind.as_str() {
            "plan" => Ok(Provenance::Plan {
                clause: need(clause, "clause")?,
            }),
            "published" => Ok(Provenance::Published {
                source: need(source, "source")?,
                quote: need(quote, "quote")?,
                secondary: secondary.unwrap_or(false),
            }),
            "assumption" => Ok(Provenance::Assumption {
                rationale: rationale.ok_or_else(|| Error::missing_field("rationale"))?,
            }),
            other => Err(Error::unknown_variant(
                other,
                &["plan", "published", "assumption"],
            )),
        }
    }
}

impl Read for Sourced {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct Sourced")?;
        Ok(Sourced {
            value: object.get("value")?,
            provenance: object.get("provenance")?,
        })
    }
}

impl Read for Industry {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct Industry")?;
        Ok(Industry {
            id: object.get("id")?,
            name: object.get("name")?,
            group: object.get("group")?,
            measure: object.get("measure")?,
            unit: object.get("unit")?,
            base_value: object.get("base_value")?,
            value_added_ratio: object.get("value_added_ratio")?,
            industrial_fraction: object.get("industrial_fraction")?,
            high_tech_fraction: object.get("high_tech_fraction")?,
            high_tech_upgrade_pp: object.or("high_tech_upgrade_pp", Sourced::no_upgrading)?,
            sei_fraction: object.or("sei_fraction", Sourced::unset)?,
            sigma_pp: object.get("sigma_pp")?,
        })
    }
}

impl Read for Economy {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct Economy")?;
        Ok(Economy {
            gdp_base_yi_yuan: object.get("gdp_base_yi_yuan")?,
            productivity_base_wan_yuan: object.get("productivity_base_wan_yuan")?,
            sei_share_base_pct: object.get("sei_share_base_pct")?,
            high_tech_share_base_pct: object.get("high_tech_share_base_pct")?,
            rd_share_base_pct: object.get("rd_share_base_pct")?,
            rest_of_economy_growth_pct: object.get("rest_of_economy_growth_pct")?,
            employment_growth_pct: object.get("employment_growth_pct")?,
            rd_intensity_change_pct: object.get("rd_intensity_change_pct")?,
        })
    }
}

impl Read for UncertaintyDefaults {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct UncertaintyDefaults")?;
        Ok(UncertaintyDefaults {
            correlation: object.get("correlation")?,
            runs: object.get("runs")?,
            seed: object.get("seed")?,
        })
    }
}

impl Read for EvaluationSettings {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct EvaluationSettings")?;
        Ok(EvaluationSettings {
            close_tolerance_pct: object.get("close_tolerance_pct")?,
            checkpoints: object.get("checkpoints")?,
            rationale: object.get("rationale")?,
        })
    }
}

impl Read for InterpretationDefaults {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct InterpretationDefaults")?;
        Ok(InterpretationDefaults {
            goal: object.get("goal")?,
            year: object.get("year")?,
            emerging_to_traditional_min_ratio: object.get("emerging_to_traditional_min_ratio")?,
            include_vegetables: object.get("include_vegetables")?,
            continue_increments: object.get("continue_increments")?,
            continue_productivity_growth: object.get("continue_productivity_growth")?,
            note: object.get("note")?,
        })
    }
}

impl Read for PublishedFigure {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct PublishedFigure")?;
        Ok(PublishedFigure {
            series: object.get("series")?,
            year: object.get("year")?,
            value: object.get("value")?,
            unit: object.get("unit")?,
            goal: object.get("goal")?,
            compare_target: object.get("compare_target")?,
            note: object.get("note")?,
            provenance: object.get("provenance")?,
        })
    }
}

impl Read for Goal {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct Goal")?;
        Ok(Goal {
            id: object.get("id")?,
            name: object.get("name")?,
            clause: object.get("clause")?,
            section: object.get("section")?,
            deadline: object.get("deadline")?,
            deadline_in_text: object.get("deadline_in_text")?,
            target: object.get("target")?,
            kind: object.get("kind")?,
            comparison: object.get("comparison")?,
            unit: object.get("unit")?,
            tracking: object.get("tracking")?,
            series_in_file: object.get("series")?,
            note: object.get("note")?,
            series_id: None,
        })
    }
}

impl Read for PresetShock {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct PresetShock")?;
        Ok(PresetShock {
            year: object.get("year")?,
            industry: object.get("industry")?,
            pct: object.get("pct")?,
        })
    }
}

impl Read for PresetSpec {
    fn read(value: &Value) -> Result<Self, Error> {
        let object = Object::of(value, "struct PresetSpec")?;
        Ok(PresetSpec {
            id: object.get("id")?,
            name: object.get("name")?,
            description: object.get("description")?,
            seek_phase_1: object.get("seek_phase_1")?,
            phase_2_from_phase_1: object.get("phase_2_from_phase_1")?,
            growth_pct: object.get("growth_pct")?,
            shocks: object.get("shocks")?,
        })
    }
}
