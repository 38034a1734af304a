//! Reading a file: the JSON walker [`Reader`], which collects every problem
//! with its path, the envelope check, and [`decode_file`].

use serde_json::{Map, Value};

use super::error::{join, text, FileError, FileProblem};
use super::v1::{
    industry_slots, keys, switches, ShockV1, Slot, ECONOMY, FILE_FORMAT, FILE_VERSION, ID,
    INTERPRETATION, SEED, SWITCHES, UNCERTAINTY,
};
use crate::model::{Plan, Scenario, Shock, Text};
use crate::share::{NamedScenario, ShareState};

fn an_object() -> Text {
    text("对象 {…}", "an object {…}")
}

fn a_number() -> Text {
    text("数字", "a number")
}

/// A JSON value, shortened for a message.
fn show(value: &Value) -> String {
    let shown = match value {
        Value::Array(_) => "[…]".to_string(),
        Value::Object(_) => "{…}".to_string(),
        other => other.to_string(),
    };
    if shown.chars().count() > 40 {
        let mut short: String = shown.chars().take(39).collect();
        short.push('…');
        short
    } else {
        shown
    }
}

/// A scenario as read, before it is checked against the plan: the values in
/// a scenario of the plan's shape (without its shocks), and the industry
/// ids and shocks as the file names them.
pub(super) struct ScenarioRead {
    scenario: Scenario,
    ids: Vec<String>,
    shocks: Vec<ShockV1>,
}

/// A state as read, before its scenarios are checked against the plan.
pub(super) struct StateRead {
    scenario: ScenarioRead,
    view: String,
    lang: String,
    name: String,
    note: String,
    compare: Vec<(String, ScenarioRead)>,
}

/// Walks a JSON value, collecting every problem with its path.
pub(super) struct Reader<'p> {
    plan: &'p Plan,
    pub problems: Vec<FileProblem>,
}

impl<'p> Reader<'p> {
    pub(super) fn new(plan: &'p Plan) -> Reader<'p> {
        Reader {
            plan,
            problems: Vec::new(),
        }
    }

    fn wrong(&mut self, path: &str, expected: Text, found: &Value) {
        self.problems
            .push(FileProblem::wrong(path, expected, show(found)));
    }

    /// An object with exactly these keys (missing ones are reported when
    /// read; unknown ones here).
    pub(super) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        keys: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.wrong(path, an_object(), value);
            return None;
        };
        for key in map.keys() {
            if !keys.contains(&key.as_str()) {
                self.problems.push(FileProblem::unknown(join(path, key)));
            }
        }
        Some(map)
    }

    pub(super) fn get<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
        expected: impl FnOnce() -> Text,
    ) -> Option<&'v Value> {
        let value = map.get(key);
        if value.is_none() {
            self.problems
                .push(FileProblem::missing(join(path, key), expected()));
        }
        value
    }

    /// The value at `key` as `read` takes it; a problem saying `expected`
    /// when it is missing or `read` refuses it.
    fn typed<'v, T>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
        expected: impl Fn() -> Text,
        read: impl FnOnce(&'v Value) -> Option<T>,
    ) -> Option<T> {
        let value = self.get(map, path, key, &expected)?;
        let typed = read(value);
        if typed.is_none() {
            self.wrong(&join(path, key), expected(), value);
        }
        typed
    }

    fn number_value(&mut self, value: &Value, path: &str) -> Option<f64> {
        let number = value.as_f64();
        if number.is_none() {
            self.wrong(path, a_number(), value);
        }
        number
    }

    fn number(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<f64> {
        self.typed(map, path, key, a_number, Value::as_f64)
    }

    /// A number that older files leave out: `Some(None)` when absent,
    /// `None` (with a problem) when present but not a number.
    fn optional_number(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Option<f64>> {
        match map.get(key) {
            None => Some(None),
            Some(value) => self.number_value(value, &join(path, key)).map(Some),
        }
    }

    fn whole<T: TryFrom<u64>>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        max: u64,
    ) -> Option<T> {
        let expected = || {
            text(
                format!("0 到 {max} 的整数"),
                format!("a whole number 0..={max}"),
            )
        };
        self.typed(map, path, key, expected, |value| {
            value
                .as_u64()
                .filter(|&whole| whole <= max)
                .and_then(|whole| T::try_from(whole).ok())
        })
    }

    fn boolean(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<bool> {
        let expected = || text("true 或 false", "true or false");
        self.typed(map, path, key, expected, Value::as_bool)
    }

    pub(super) fn string(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<String> {
        let expected = || text("字符串", "a string");
        self.typed(map, path, key, expected, |value| {
            value.as_str().map(str::to_string)
        })
    }

    pub(super) fn array<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Vec<Value>> {
        let expected = || text("数组 […]", "an array […]");
        self.typed(map, path, key, expected, Value::as_array)
    }

    fn numbers(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<Vec<f64>> {
        let array = self.array(map, path, key)?;
        let path = join(path, key);
        let numbers: Vec<Option<f64>> = array
            .iter()
            .enumerate()
            .map(|(idx, value)| self.number_value(value, &format!("{path}[{idx}]")))
            .collect();
        numbers.into_iter().collect()
    }

    fn pair(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<[f64; 2]> {
        let numbers = self.numbers(map, path, key)?;
        match numbers.as_slice() {
            [first, second] => Some([*first, *second]),
            _ => {
                self.problems.push(FileProblem::wrong(
                    join(path, key),
                    text("两个数字(两个阶段)", "two numbers (one per phase)"),
                    format!("{} numbers", numbers.len()),
                ));
                None
            }
        }
    }

    /// Reads the fields of `slots` from `map` into `scenario`; false when
    /// one could not be read. A field the scenario lacks (of an industry
    /// beyond the plan's) is read and checked but not kept: the number of
    /// industries is then wrong, which [`Reader::scenario_of`] reports.
    fn fields(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        slots: &[Slot],
        scenario: &mut Scenario,
    ) -> bool {
        let mut read = true;
        for slot in slots {
            let key = slot.key();
            let done = match *slot {
                Slot::One(field) => {
                    let value = if field.file_optional() {
                        self.optional_number(map, path, key).map(|value| {
                            value.unwrap_or_else(|| field.plan_value(self.plan).unwrap_or(0.0))
                        })
                    } else if field.is_whole() {
                        self.whole::<u32>(map, path, key, u64::from(u32::MAX))
                            .map(f64::from)
                    } else {
                        self.number(map, path, key)
                    };
                    value.map(|value| field.set(scenario, value))
                }
                Slot::Phases(fields) => self.pair(map, path, key).map(|values| {
                    for (field, value) in fields.into_iter().zip(values) {
                        field.set(scenario, value);
                    }
                    true
                }),
                Slot::Sigma => self.numbers(map, path, key).map(|sigma_pp| {
                    scenario.uncertainty.sigma_pp = sigma_pp;
                    true
                }),
            };
            read &= done.is_some();
        }
        read
    }

    /// The industries into `scenario`; their ids.
    fn industries(
        &mut self,
        parent: &Map<String, Value>,
        path: &str,
        scenario: &mut Scenario,
    ) -> Option<Vec<String>> {
        let array = self.array(parent, path, "industries")?;
        let path = join(path, "industries");
        let ids: Vec<Option<String>> = array
            .iter()
            .enumerate()
            .map(|(idx, value)| self.industry(value, &format!("{path}[{idx}]"), idx, scenario))
            .collect();
        ids.into_iter().collect()
    }

    /// Industry `idx` into `scenario`; its id.
    fn industry(
        &mut self,
        value: &Value,
        path: &str,
        idx: usize,
        scenario: &mut Scenario,
    ) -> Option<String> {
        let slots = industry_slots(idx);
        let map = self.object(value, path, &keys(&[ID], &slots, &[]))?;
        let id = self.string(map, path, ID);
        let read = self.fields(map, path, &slots, scenario);
        id.filter(|_| read)
    }

    fn shock(&mut self, value: &Value, path: &str) -> Option<ShockV1> {
        let map = self.object(value, path, &["year", "industry", "pct"])?;
        let year = self.whole(map, path, "year", u64::from(u16::MAX));
        let expected = || text("产业 id 或 null", "an industry id or null");
        let industry = match self.get(map, path, "industry", expected) {
            Some(Value::Null) => Some(None),
            Some(Value::String(id)) => Some(Some(id.clone())),
            Some(other) => {
                self.wrong(&join(path, "industry"), expected(), other);
                None
            }
            None => None,
        };
        let pct = self.number(map, path, "pct");
        Some(ShockV1 {
            year: year?,
            industry: industry?,
            pct: pct?,
        })
    }

    fn list<T>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        mut read: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let array = self.array(map, path, key)?;
        let path = join(path, key);
        let items: Vec<Option<T>> = array
            .iter()
            .enumerate()
            .map(|(idx, value)| read(self, value, &format!("{path}[{idx}]")))
            .collect();
        items.into_iter().collect()
    }

    fn sub_object<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
        keys: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let value = self.get(map, path, key, an_object)?;
        self.object(value, &join(path, key), keys)
    }

    fn scenario(&mut self, value: &Value, path: &str) -> Option<ScenarioRead> {
        let map = self.object(
            value,
            path,
            &[
                "industries",
                "shocks",
                "economy",
                "uncertainty",
                "interpretation",
            ],
        )?;
        let mut scenario = Scenario::from_plan_values(self.plan);
        let ids = self.industries(map, path, &mut scenario);
        let shocks = self.list(map, path, "shocks", Self::shock);
        let economy = self.economy(map, path, &mut scenario);
        let uncertainty = self.uncertainty(map, path, &mut scenario);
        let interpretation = self.interpretation(map, path, &mut scenario);
        (economy && uncertainty && interpretation).then_some(())?;
        Some(ScenarioRead {
            scenario,
            ids: ids?,
            shocks: shocks?,
        })
    }

    fn economy(&mut self, parent: &Map<String, Value>, path: &str, into: &mut Scenario) -> bool {
        let keys = keys(&[], &ECONOMY, &[]);
        let Some(map) = self.sub_object(parent, path, "economy", &keys) else {
            return false;
        };
        self.fields(map, &join(path, "economy"), &ECONOMY, into)
    }

    fn uncertainty(
        &mut self,
        parent: &Map<String, Value>,
        path: &str,
        into: &mut Scenario,
    ) -> bool {
        let keys = keys(&[], &UNCERTAINTY, &[SEED]);
        let Some(map) = self.sub_object(parent, path, "uncertainty", &keys) else {
            return false;
        };
        let path = join(path, "uncertainty");
        let read = self.fields(map, &path, &UNCERTAINTY, into);
        let seed = self.whole(map, &path, SEED, u64::MAX);
        if let Some(seed) = seed {
            into.uncertainty.seed = seed;
        }
        read && seed.is_some()
    }

    fn interpretation(
        &mut self,
        parent: &Map<String, Value>,
        path: &str,
        into: &mut Scenario,
    ) -> bool {
        let keys = keys(&[], &INTERPRETATION, &SWITCHES);
        let Some(map) = self.sub_object(parent, path, "interpretation", &keys) else {
            return false;
        };
        let path = join(path, "interpretation");
        let mut read = self.fields(map, &path, &INTERPRETATION, into);
        for (key, on) in SWITCHES.into_iter().zip(switches(&mut into.interpretation)) {
            match self.boolean(map, &path, key) {
                Some(value) => *on = value,
                None => read = false,
            }
        }
        read
    }

    fn named(&mut self, value: &Value, path: &str) -> Option<(String, ScenarioRead)> {
        let map = self.object(value, path, &["name", "scenario"])?;
        let name = self.string(map, path, "name");
        let scenario = self
            .get(map, path, "scenario", an_object)
            .and_then(|value| self.scenario(value, &join(path, "scenario")));
        Some((name?, scenario?))
    }

    pub(super) fn state(&mut self, value: &Value, path: &str) -> Option<StateRead> {
        let map = self.object(
            value,
            path,
            &["scenario", "view", "lang", "name", "note", "compare"],
        )?;
        let scenario = self
            .get(map, path, "scenario", an_object)
            .and_then(|value| self.scenario(value, &join(path, "scenario")));
        let view = self.string(map, path, "view");
        let lang = self.string(map, path, "lang");
        let name = self.string(map, path, "name");
        let note = self.string(map, path, "note");
        let compare = self.list(map, path, "compare", Self::named);
        Some(StateRead {
            scenario: scenario?,
            view: view?,
            lang: lang?,
            name: name?,
            note: note?,
            compare: compare?,
        })
    }

    /// The object at `key` of `map`, read as a state (`path` is the map's).
    pub(super) fn state_at(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<StateRead> {
        self.get(map, path, key, an_object)
            .and_then(|value| self.state(value, &join(path, key)))
    }

    /// The scenario as read, checked against the plan: its industries in
    /// the plan's order, its shocks naming the plan's industries.
    fn scenario_of(&mut self, read: ScenarioRead, path: &str) -> Option<Scenario> {
        let plan = self.plan;
        let n_industries = plan.industries.len();
        let industries_path = join(path, "industries");
        let ids: Vec<&str> = plan
            .industries
            .iter()
            .map(|industry| industry.id.as_str())
            .collect();
        let mut fits = true;
        if read.ids.len() != n_industries {
            self.problems.push(FileProblem::wrong(
                industries_path.clone(),
                text(
                    format!("{n_industries} 个产业,按规划顺序({})", ids.join(", ")),
                    format!(
                        "{n_industries} industries in the plan's order ({})",
                        ids.join(", ")
                    ),
                ),
                format!("{} entries", read.ids.len()),
            ));
            fits = false;
        }
        for (idx, (id, expected_id)) in read.ids.iter().zip(&ids).enumerate() {
            if id != expected_id {
                self.problems.push(FileProblem::wrong(
                    format!("{industries_path}[{idx}].id"),
                    text(
                        format!("“{expected_id}”(规划中第 {} 个产业)", idx + 1),
                        format!("“{expected_id}” (industry {} of the plan)", idx + 1),
                    ),
                    format!("“{id}”"),
                ));
                fits = false;
            }
        }
        let mut shocks = Vec::with_capacity(read.shocks.len());
        for (idx, shock) in read.shocks.into_iter().enumerate() {
            let industry = match &shock.industry {
                None => None,
                Some(id) => match plan.industry_idx(id) {
                    Some(industry_idx) => Some(industry_idx),
                    None => {
                        self.problems.push(FileProblem::wrong(
                            format!("{path}.shocks[{idx}].industry"),
                            text(
                                format!("规划中的产业 id({})或 null", ids.join(", ")),
                                format!("an industry id of the plan ({}) or null", ids.join(", ")),
                            ),
                            format!("“{id}”"),
                        ));
                        fits = false;
                        None
                    }
                },
            };
            shocks.push(Shock {
                year: shock.year,
                industry,
                pct: shock.pct,
            });
        }
        fits.then_some(Scenario {
            shocks,
            ..read.scenario
        })
    }

    /// The state as read as a [`ShareState`], validated; problems carry
    /// `path`.
    pub(super) fn state_of(&mut self, read: StateRead, path: &str) -> Option<ShareState> {
        let scenario = self.scenario_of(read.scenario, &join(path, "scenario"));
        let compare: Vec<Option<NamedScenario>> = read
            .compare
            .into_iter()
            .enumerate()
            .map(|(idx, (name, scenario))| {
                let scenario_path = join(path, &format!("compare[{idx}].scenario"));
                self.scenario_of(scenario, &scenario_path)
                    .map(|scenario| NamedScenario { name, scenario })
            })
            .collect();
        let state = ShareState {
            scenario: scenario?,
            view: read.view,
            lang: read.lang,
            name: read.name,
            note: read.note,
            compare: compare.into_iter().collect::<Option<Vec<_>>>()?,
        };
        if let Err(problems) = state.validate(self.plan) {
            self.problems.extend(
                problems
                    .into_iter()
                    .map(|problem| FileProblem::validation(path, problem)),
            );
            return None;
        }
        Some(state)
    }
}

/// Parses the JSON and checks `format`, `version` and `plan`.
pub(super) fn envelope<'v>(
    root: &'v Value,
    format: &str,
    plan: &Plan,
) -> Result<&'v Map<String, Value>, FileError> {
    let wrong_format = |found: Option<&Value>| FileError::WrongFormat {
        expected: format.to_string(),
        found: found.map(|value| value.as_str().map_or_else(|| show(value), str::to_string)),
    };
    let Some(map) = root.as_object() else {
        return Err(wrong_format(None));
    };
    let found_format = map.get("format");
    if found_format.and_then(Value::as_str) != Some(format) {
        return Err(wrong_format(found_format));
    }
    let expected_version = || {
        text(
            format!("格式版本号,1 到 {FILE_VERSION} 的整数"),
            format!("the format version, a whole number 1..={FILE_VERSION}"),
        )
    };
    let one = |problem| FileError::Fields {
        problems: vec![problem],
    };
    match map.get("version") {
        None => return Err(one(FileProblem::missing("version", expected_version()))),
        Some(value) => match value.as_u64() {
            Some(version) if version > FILE_VERSION => {
                return Err(FileError::FutureVersion { version })
            }
            Some(version) if version >= 1 => {}
            _ => {
                return Err(one(FileProblem::wrong(
                    "version",
                    expected_version(),
                    show(value),
                )))
            }
        },
    }
    let expected_plan = || {
        text(
            format!("规划 id “{}”", plan.id),
            format!("the plan id “{}”", plan.id),
        )
    };
    match map.get("plan") {
        Some(Value::String(found)) if *found == plan.id => Ok(map),
        Some(Value::String(found)) => Err(FileError::PlanMismatch {
            expected: plan.id.clone(),
            found: found.clone(),
        }),
        Some(other) => Err(one(FileProblem::wrong(
            "plan",
            expected_plan(),
            show(other),
        ))),
        None => Err(one(FileProblem::missing("plan", expected_plan()))),
    }
}

pub(super) fn parse_json(json: &str) -> Result<Value, FileError> {
    serde_json::from_str(json).map_err(|error| FileError::NotJson {
        line: error.line(),
        column: error.column(),
    })
}

/// Reads a scenario file. Every problem is reported with its JSON path and
/// what was expected; the result is a whole state that passes
/// [`ShareState::validate`] or an error, and this never panics.
///
/// ```
/// use pathways::model::Plan;
/// use pathways::share::{decode_file, encode_file, FileError, ShareState};
/// let plan = Plan::shouguang_2018().unwrap();
/// let json = encode_file(&plan, &ShareState::defaults(&plan))
///     .replacen("\"growth_pct\": [", "\"growth_pct\": [\"fast\", ", 1);
/// let Err(FileError::Fields { problems }) = decode_file(&plan, &json) else { panic!() };
/// assert_eq!(
///     problems[0].message(false),
///     "state.scenario.industries[0].growth_pct[0]: expected a number, found \"fast\""
/// );
/// ```
pub fn decode_file(plan: &Plan, json: &str) -> Result<ShareState, FileError> {
    let root = parse_json(json)?;
    let map = envelope(&root, FILE_FORMAT, plan)?;
    let mut reader = Reader::new(plan);
    reader.object(&root, "", &["format", "version", "plan", "state"]);
    let state = reader.state_at(map, "", "state");
    let state = match state {
        Some(read) if reader.problems.is_empty() => reader.state_of(read, "state"),
        _ => None,
    };
    match state {
        Some(state) if reader.problems.is_empty() => Ok(state),
        _ => Err(FileError::Fields {
            problems: reader.problems,
        }),
    }
}
