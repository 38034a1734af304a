//! Format version 1, frozen: the envelope, the keys of each object in the
//! order they are written and read, and the writer.
//!
//! A numeric scenario field's key is the field table's
//! ([`Field::file_key`], [`Field::file_optional`]); which object holds it,
//! the order of the keys, and the keys that are not fields (an industry's
//! `id`, the `seed`, the interpretation's switches, the state's) are this
//! format's. A new format is a new version beside this one.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use crate::model::{Field, Interpretation, Plan, Scenario};
use crate::share::ShareState;

/// The `format` of a scenario file.
pub const FILE_FORMAT: &str = "shouguang-pathways-scenario";
/// The `format` of the stored scenario library.
pub const LIBRARY_FORMAT: &str = "shouguang-pathways-library";
/// The file format version this code writes; it reads every version up to it.
pub const FILE_VERSION: u64 = 1;

/// The numeric fields under one key of an object.
#[derive(Clone, Copy, Debug)]
pub(super) enum Slot {
    /// One number (a whole one for [`Field::is_whole`]). A field that is
    /// [`Field::file_optional`] is written only when it differs from the
    /// plan's value, so a file that does not use it reads as it always did
    /// (and older apps still open it); absent, it reads as the plan's.
    One(Field),
    /// `[phase 0, phase 1]`.
    Phases([Field; 2]),
    /// `uncertainty.sigma_pp`, one number per industry: read at the length
    /// the file has, which validation then checks.
    Sigma,
}

impl Slot {
    pub(super) fn key(self) -> &'static str {
        match self {
            Slot::One(field) | Slot::Phases([field, _]) => field.file_key(),
            Slot::Sigma => Field::Sigma(0).file_key(),
        }
    }
}

/// An industry's key before its fields: the plan's industry id (the list
/// is in the plan's order).
pub(super) const ID: &str = "id";

/// The fields of industry `idx`, after its [`ID`].
pub(super) fn industry_slots(idx: usize) -> [Slot; 7] {
    let growth = |phase| Field::Growth {
        industry_idx: idx,
        phase,
    };
    [
        Slot::One(Field::IndustryBase(idx)),
        Slot::Phases([growth(0), growth(1)]),
        Slot::One(Field::ValueAddedRatio(idx)),
        Slot::One(Field::IndustrialFraction(idx)),
        Slot::One(Field::HighTechFraction(idx)),
        Slot::One(Field::HighTechUpgrade(idx)),
        Slot::One(Field::SeiFraction(idx)),
    ]
}

/// The `economy` object.
pub(super) const ECONOMY: [Slot; 8] = [
    Slot::One(Field::GdpBase),
    Slot::One(Field::ProductivityBase),
    Slot::One(Field::SeiShareBase),
    Slot::One(Field::HighTechShareBase),
    Slot::One(Field::RdShareBase),
    Slot::Phases([Field::RestOfEconomyGrowth(0), Field::RestOfEconomyGrowth(1)]),
    Slot::One(Field::EmploymentGrowth),
    Slot::One(Field::RdIntensityChange),
];

/// The `uncertainty` object's fields, before its [`SEED`].
pub(super) const UNCERTAINTY: [Slot; 3] = [
    Slot::Sigma,
    Slot::One(Field::Correlation),
    Slot::One(Field::Runs),
];

/// The Monte Carlo seed, a whole number `0..=u64::MAX`.
pub(super) const SEED: &str = "seed";

/// The `interpretation` object's fields, before its [`SWITCHES`].
pub(super) const INTERPRETATION: [Slot; 1] = [Slot::One(Field::LeadRatio)];

/// The interpretation's switches, `true` or `false`, after its fields.
pub(super) const SWITCHES: [&str; 3] = [
    "include_vegetables",
    "continue_increments",
    "continue_productivity_growth",
];

/// The switches [`SWITCHES`] names, in its order.
pub(super) fn switches(interpretation: &mut Interpretation) -> [&mut bool; 3] {
    [
        &mut interpretation.include_vegetables,
        &mut interpretation.continue_increments,
        &mut interpretation.continue_productivity_growth,
    ]
}

/// Every key of an object: `before`, the slots' keys, `after`.
pub(super) fn keys(
    before: &[&'static str],
    slots: &[Slot],
    after: &[&'static str],
) -> Vec<&'static str> {
    before
        .iter()
        .copied()
        .chain(slots.iter().map(|slot| slot.key()))
        .chain(after.iter().copied())
        .collect()
}

// ------------------------------------------------------------- the writer

#[derive(Serialize)]
struct ScenarioFileV1<'a> {
    format: &'a str,
    version: u64,
    plan: &'a str,
    state: StateV1<'a>,
}

#[derive(Serialize)]
pub(super) struct LibraryFileV1<'a> {
    pub format: &'a str,
    pub version: u64,
    pub plan: &'a str,
    pub entries: Vec<LibraryEntryV1<'a>>,
}

#[derive(Serialize)]
pub(super) struct LibraryEntryV1<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub note: &'a str,
    pub saved_at: &'a str,
    pub state: StateV1<'a>,
}

#[derive(Serialize)]
pub(super) struct StateV1<'a> {
    scenario: ScenarioV1<'a>,
    view: &'a str,
    lang: &'a str,
    name: &'a str,
    note: &'a str,
    compare: Vec<NamedScenarioV1<'a>>,
}

#[derive(Serialize)]
struct NamedScenarioV1<'a> {
    name: &'a str,
    scenario: ScenarioV1<'a>,
}

#[derive(Serialize)]
struct ScenarioV1<'a> {
    industries: Vec<Object<'a>>,
    shocks: Vec<ShockV1>,
    economy: Object<'a>,
    uncertainty: Object<'a>,
    interpretation: Object<'a>,
}

/// A shock as the file has it (written and read).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct ShockV1 {
    pub year: u16,
    /// An industry id, or `null` for every industry.
    pub industry: Option<String>,
    pub pct: f64,
}

/// An object with numeric fields: `before`, the fields of `slots` as
/// `scenario` has them, `after`.
struct Object<'a> {
    plan: &'a Plan,
    scenario: &'a Scenario,
    before: Vec<(&'static str, Value)>,
    slots: Vec<Slot>,
    after: Vec<(&'static str, Value)>,
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let scenario = self.scenario;
        let mut map = serializer.serialize_map(None)?;
        for (key, value) in &self.before {
            map.serialize_entry(key, value)?;
        }
        for slot in &self.slots {
            let key = slot.key();
            match *slot {
                Slot::One(field) => {
                    let value = field.get(scenario);
                    let plan_value = field.plan_value(self.plan).map(f64::to_bits);
                    if field.file_optional() && plan_value == Some(value.to_bits()) {
                        continue;
                    }
                    if field.is_whole() {
                        // A whole field holds a u32 (the runs), exactly.
                        map.serialize_entry(key, &(value as u64))?;
                    } else {
                        map.serialize_entry(key, &value)?;
                    }
                }
                Slot::Phases(fields) => {
                    map.serialize_entry(key, &fields.map(|field| field.get(scenario)))?;
                }
                Slot::Sigma => map.serialize_entry(key, &scenario.uncertainty.sigma_pp)?,
            }
        }
        for (key, value) in &self.after {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

fn scenario_v1<'a>(plan: &'a Plan, scenario: &'a Scenario) -> ScenarioV1<'a> {
    let industry_id = |idx: usize| {
        plan.industries
            .get(idx)
            .map_or_else(|| format!("#{idx}"), |industry| industry.id.clone())
    };
    let object = |before, slots: &[Slot], after| Object {
        plan,
        scenario,
        before,
        slots: slots.to_vec(),
        after,
    };
    let mut interpretation = scenario.interpretation.clone();
    ScenarioV1 {
        industries: (0..scenario.industries.len())
            .map(|idx| {
                let id = vec![(ID, Value::String(industry_id(idx)))];
                object(id, &industry_slots(idx), Vec::new())
            })
            .collect(),
        shocks: scenario
            .shocks
            .iter()
            .map(|shock| ShockV1 {
                year: shock.year,
                industry: shock.industry.map(industry_id),
                pct: shock.pct,
            })
            .collect(),
        economy: object(Vec::new(), &ECONOMY, Vec::new()),
        uncertainty: object(
            Vec::new(),
            &UNCERTAINTY,
            vec![(SEED, Value::from(scenario.uncertainty.seed))],
        ),
        interpretation: object(
            Vec::new(),
            &INTERPRETATION,
            SWITCHES
                .into_iter()
                .zip(switches(&mut interpretation))
                .map(|(key, on)| (key, Value::Bool(*on)))
                .collect(),
        ),
    }
}

pub(super) fn state_v1<'a>(plan: &'a Plan, state: &'a ShareState) -> StateV1<'a> {
    StateV1 {
        scenario: scenario_v1(plan, &state.scenario),
        view: &state.view,
        lang: &state.lang,
        name: &state.name,
        note: &state.note,
        compare: state
            .compare
            .iter()
            .map(|named| NamedScenarioV1 {
                name: &named.name,
                scenario: scenario_v1(plan, &named.scenario),
            })
            .collect(),
    }
}

pub(super) fn to_pretty_json(value: &impl Serialize) -> String {
    // Serialising these plain values cannot fail (string keys, no maps with
    // other keys); a non-finite number becomes `null` and fails to decode.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// The state as a pretty-printed JSON file, format version 1.
///
/// ```
/// use pathways::model::Plan;
/// use pathways::share::{decode_file, encode_file, ShareState};
/// let plan = Plan::shouguang_2018().unwrap();
/// let mut state = ShareState::defaults(&plan);
/// state.note = "<script>alert(1)</script> is only text".to_string();
/// let json = encode_file(&plan, &state);
/// assert!(json.starts_with("{\n  \"format\": \"shouguang-pathways-scenario\",\n  \"version\": 1,"));
/// assert_eq!(decode_file(&plan, &json), Ok(state));
/// ```
pub fn encode_file(plan: &Plan, state: &ShareState) -> String {
    to_pretty_json(&ScenarioFileV1 {
        format: FILE_FORMAT,
        version: FILE_VERSION,
        plan: &plan.id,
        state: state_v1(plan, state),
    })
}
