//! The file: a [`ShareState`] as JSON, for export, import and the browser's
//! storage, and the named scenario [`Library`].
//!
//! # Format version 1 (frozen)
//!
//! ```text
//! { "format": "shouguang-pathways-scenario", "version": 1, "plan": "shouguang-2018",
//!   "state": {
//!     "scenario": {
//!       "industries": [ { "id": "vegetables", "base_yi_yuan": 120.0, "growth_pct": [5.0, 4.0],
//!                         "value_added_ratio": 0.6, "industrial_fraction": 0.0,
//!                         "high_tech_fraction": 0.0,
//!                         "high_tech_upgrade_pp": 1.0, "sei_fraction": 0.5 }, … one per
//!                         industry, in the plan's order; the last two only when they
//!                         differ from the plan's (added later; absent: the plan's) ],
//!       "shocks": [ { "year": 2020, "industry": "chemicals" | null, "pct": -5.0 } ],
//!       "economy": { "gdp_base_yi_yuan", "productivity_base_wan_yuan", "sei_share_base_pct",
//!                    "high_tech_share_base_pct", "rd_share_base_pct",
//!                    "rest_of_economy_growth_pct": [p1, p2], "employment_growth_pct",
//!                    "rd_intensity_change_pct" },
//!       "uncertainty": { "sigma_pp": [ … one per industry ], "correlation", "runs", "seed" },
//!       "interpretation": { "emerging_to_traditional_min_ratio", "include_vegetables",
//!                           "continue_increments", "continue_productivity_growth" } },
//!     "view": "overview", "lang": "zh", "name": "", "note": "",
//!     "compare": [ { "name": "…", "scenario": { … as above } } ] } }
//! ```
//!
//! The library: `{ "format": "shouguang-pathways-library", "version": 1,
//! "plan": "…", "entries": [ { "id", "name", "note", "saved_at", "state" } ] }`
//! with `state` as above.
//!
//! Every field is required and no other field is allowed, so a typo is an
//! error at its path rather than a silently ignored value. Numbers are
//! written shortest-round-trip (serde_json with `float_roundtrip`), so a file
//! reads back bit for bit. The `…V1` types below are the frozen counterpart
//! of the internal types: the model may change; these may not (a new format
//! is a new version beside them).

use std::collections::HashSet;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{NamedScenario, ShareState};
use crate::model::{
    EconomyAssumptions, FieldProblem, IndustryAssumptions, Interpretation, Plan, Scenario, Shock,
    Text, Uncertainty,
};

/// The `format` of a scenario file.
pub const FILE_FORMAT: &str = "shouguang-pathways-scenario";
/// The `format` of the stored scenario library.
pub const LIBRARY_FORMAT: &str = "shouguang-pathways-library";
/// The file format version this code writes; it reads every version up to it.
pub const FILE_VERSION: u64 = 1;

// ------------------------------------------------------ the frozen v1 types

#[derive(Serialize)]
struct ScenarioFileV1<'a> {
    format: &'a str,
    version: u64,
    plan: &'a str,
    state: StateV1,
}

#[derive(Serialize)]
struct LibraryFileV1<'a> {
    format: &'a str,
    version: u64,
    plan: &'a str,
    entries: Vec<LibraryEntryV1>,
}

#[derive(Serialize)]
struct LibraryEntryV1 {
    id: String,
    name: String,
    note: String,
    saved_at: String,
    state: StateV1,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct StateV1 {
    scenario: ScenarioV1,
    view: String,
    lang: String,
    name: String,
    note: String,
    compare: Vec<NamedScenarioV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct NamedScenarioV1 {
    name: String,
    scenario: ScenarioV1,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct ScenarioV1 {
    industries: Vec<IndustryV1>,
    shocks: Vec<ShockV1>,
    economy: EconomyV1,
    uncertainty: UncertaintyV1,
    interpretation: InterpretationV1,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct IndustryV1 {
    /// The plan's industry id; the list is in the plan's order.
    id: String,
    base_yi_yuan: f64,
    growth_pct: [f64; 2],
    value_added_ratio: f64,
    industrial_fraction: f64,
    high_tech_fraction: f64,
    /// Added after the first files: a file without it keeps the plan's.
    #[serde(skip_serializing_if = "Option::is_none")]
    high_tech_upgrade_pp: Option<f64>,
    /// Added after the first files: a file without it keeps the plan's.
    #[serde(skip_serializing_if = "Option::is_none")]
    sei_fraction: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct ShockV1 {
    year: u16,
    /// An industry id, or `null` for every industry.
    industry: Option<String>,
    pct: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct EconomyV1 {
    gdp_base_yi_yuan: f64,
    productivity_base_wan_yuan: f64,
    sei_share_base_pct: f64,
    high_tech_share_base_pct: f64,
    rd_share_base_pct: f64,
    rest_of_economy_growth_pct: [f64; 2],
    employment_growth_pct: f64,
    rd_intensity_change_pct: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct UncertaintyV1 {
    sigma_pp: Vec<f64>,
    correlation: f64,
    runs: u32,
    seed: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
struct InterpretationV1 {
    emerging_to_traditional_min_ratio: f64,
    include_vegetables: bool,
    continue_increments: bool,
    continue_productivity_growth: bool,
}

// ------------------------------------------------------------------ errors

/// One problem in a file: where, what was expected, what was there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    /// JSON path, e.g. `state.scenario.industries[2].growth_pct[0]`.
    pub path: String,
    /// What the field must be, in both languages.
    pub expected: Text,
    pub found: Found,
}

/// What a file had where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// The field is missing.
    Missing,
    /// A field that format version 1 does not have.
    UnknownField,
    /// This value (as JSON, shortened).
    Value(String),
}

impl FileProblem {
    /// One line for the user.
    pub fn message(&self, lang_is_zh: bool) -> String {
        let path = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        let expected = if lang_is_zh {
            &self.expected.zh
        } else {
            &self.expected.en
        };
        match (&self.found, lang_is_zh) {
            (Found::Missing, true) => format!("{path}:缺少此字段,应为{expected}"),
            (Found::Missing, false) => format!("{path}: missing; expected {expected}"),
            (Found::UnknownField, true) => format!("{path}:格式版本 1 中没有此字段"),
            (Found::UnknownField, false) => format!("{path}: not a field of format version 1"),
            (Found::Value(found), true) => format!("{path}:应为{expected},实为 {found}"),
            (Found::Value(found), false) => {
                format!("{path}: expected {expected}, found {found}")
            }
        }
    }
}

/// Why a file (or the library as a whole) could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON at all.
    NotJson { line: usize, column: usize },
    /// Not this app's file of this kind (`found`: its `format`, if any).
    WrongFormat {
        expected: String,
        found: Option<String>,
    },
    /// Saved by a newer version of the app.
    FutureVersion { version: u64 },
    /// Made for another plan.
    PlanMismatch { expected: String, found: String },
    /// Every field that is wrong.
    Fields { problems: Vec<FileProblem> },
}

impl FileError {
    /// The message for the user, in Chinese (`lang_is_zh`) or English.
    ///
    /// ```
    /// use pathways::model::Plan;
    /// use pathways::share::decode_file;
    /// let plan = Plan::shouguang_2018().unwrap();
    /// let json = r#"{ "format": "shouguang-pathways-scenario", "version": 3,
    ///                 "plan": "shouguang-2018", "state": {} }"#;
    /// let error = decode_file(&plan, json).unwrap_err();
    /// assert!(error.message(false).contains("newer version of the app"));
    /// assert!(error.message(true).contains("更新版本"));
    /// ```
    pub fn message(&self, lang_is_zh: bool) -> String {
        match (self, lang_is_zh) {
            (FileError::NotJson { line, column }, true) => {
                format!("文件不是有效的 JSON(第 {line} 行第 {column} 列出错)。")
            }
            (FileError::NotJson { line, column }, false) => {
                format!("The file is not valid JSON (error at line {line}, column {column}).")
            }
            (FileError::WrongFormat { expected, found }, true) => format!(
                "这不是本应用的此类文件:format 应为“{expected}”,实为{}。",
                found
                    .as_deref()
                    .map_or("空".to_string(), |found| format!("“{found}”"))
            ),
            (FileError::WrongFormat { expected, found }, false) => format!(
                "This is not this app's file of that kind: format should be “{expected}”, found {}.",
                found
                    .as_deref()
                    .map_or("none".to_string(), |found| format!("“{found}”"))
            ),
            (FileError::FutureVersion { version }, true) => format!(
                "此文件由更新版本的应用保存(格式版本 {version}),本版本只能读取版本 {FILE_VERSION} 及以前;请使用最新版本。"
            ),
            (FileError::FutureVersion { version }, false) => format!(
                "This file was saved by a newer version of the app (format version {version}); this version reads versions up to {FILE_VERSION}. Please use the latest version."
            ),
            (FileError::PlanMismatch { expected, found }, true) => format!(
                "此文件属于另一份规划(“{found}”),当前规划为“{expected}”。"
            ),
            (FileError::PlanMismatch { expected, found }, false) => format!(
                "This file belongs to another plan (“{found}”); the plan open is “{expected}”."
            ),
            (FileError::Fields { problems }, zh) => {
                let lines: Vec<String> =
                    problems.iter().map(|problem| problem.message(zh)).collect();
                if zh {
                    format!("文件中有 {} 处问题:{}。", problems.len(), lines.join(";"))
                } else {
                    format!(
                        "The file has {} problem(s): {}.",
                        problems.len(),
                        lines.join("; ")
                    )
                }
            }
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(false))
    }
}

impl std::error::Error for FileError {}

// --------------------------------------------------------------- encoding

/// `Some(value)` unless it is bit for bit the plan's: the fields added to
/// version 1 later are written only when they differ, so a file that does
/// not use them reads as it always did (and older apps still open it).
fn differs(value: f64, plan_value: Option<f64>) -> Option<f64> {
    (plan_value.map(f64::to_bits) != Some(value.to_bits())).then_some(value)
}

fn scenario_v1(plan: &Plan, scenario: &Scenario) -> ScenarioV1 {
    let industry_id = |idx: usize| {
        plan.industries
            .get(idx)
            .map_or_else(|| format!("#{idx}"), |industry| industry.id.clone())
    };
    let economy = &scenario.economy;
    ScenarioV1 {
        industries: scenario
            .industries
            .iter()
            .enumerate()
            .map(|(idx, industry)| IndustryV1 {
                id: industry_id(idx),
                base_yi_yuan: industry.base_yi_yuan,
                growth_pct: industry.growth_pct,
                value_added_ratio: industry.value_added_ratio,
                industrial_fraction: industry.industrial_fraction,
                high_tech_fraction: industry.high_tech_fraction,
                high_tech_upgrade_pp: differs(
                    industry.high_tech_upgrade_pp,
                    plan.industries
                        .get(idx)
                        .map(|i| i.high_tech_upgrade_pp.value),
                ),
                sei_fraction: differs(
                    industry.sei_fraction,
                    plan.industries.get(idx).map(|i| i.sei_fraction.value),
                ),
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
        economy: EconomyV1 {
            gdp_base_yi_yuan: economy.gdp_base_yi_yuan,
            productivity_base_wan_yuan: economy.productivity_base_wan_yuan,
            sei_share_base_pct: economy.sei_share_base_pct,
            high_tech_share_base_pct: economy.high_tech_share_base_pct,
            rd_share_base_pct: economy.rd_share_base_pct,
            rest_of_economy_growth_pct: economy.rest_of_economy_growth_pct,
            employment_growth_pct: economy.employment_growth_pct,
            rd_intensity_change_pct: economy.rd_intensity_change_pct,
        },
        uncertainty: UncertaintyV1 {
            sigma_pp: scenario.uncertainty.sigma_pp.clone(),
            correlation: scenario.uncertainty.correlation,
            runs: scenario.uncertainty.runs,
            seed: scenario.uncertainty.seed,
        },
        interpretation: InterpretationV1 {
            emerging_to_traditional_min_ratio: scenario
                .interpretation
                .emerging_to_traditional_min_ratio,
            include_vegetables: scenario.interpretation.include_vegetables,
            continue_increments: scenario.interpretation.continue_increments,
            continue_productivity_growth: scenario.interpretation.continue_productivity_growth,
        },
    }
}

fn state_v1(plan: &Plan, state: &ShareState) -> StateV1 {
    StateV1 {
        scenario: scenario_v1(plan, &state.scenario),
        view: state.view.clone(),
        lang: state.lang.clone(),
        name: state.name.clone(),
        note: state.note.clone(),
        compare: state
            .compare
            .iter()
            .map(|named| NamedScenarioV1 {
                name: named.name.clone(),
                scenario: scenario_v1(plan, &named.scenario),
            })
            .collect(),
    }
}

fn to_pretty_json(value: &impl Serialize) -> String {
    // Serialising these plain structs cannot fail (string keys, no maps with
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

/// The named scenario library, as kept in the browser's storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    pub entries: Vec<LibraryEntry>,
}

/// One saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryEntry {
    /// Unique within the library; the app chooses it.
    pub id: String,
    pub name: String,
    pub note: String,
    /// When it was saved, as the app wrote it (e.g. ISO 8601); not parsed.
    pub saved_at: String,
    pub state: ShareState,
}

/// The library as pretty-printed JSON, format version 1.
///
/// ```
/// use pathways::model::Plan;
/// use pathways::share::{decode_library, encode_library, Library, LibraryEntry, ShareState};
/// let plan = Plan::shouguang_2018().unwrap();
/// let library = Library {
///     entries: vec![LibraryEntry {
///         id: "a1".to_string(),
///         name: "计划节奏".to_string(),
///         note: String::new(),
///         saved_at: "2025-01-02T03:04:05Z".to_string(),
///         state: ShareState::defaults(&plan),
///     }],
/// };
/// let decoded = decode_library(&plan, &encode_library(&plan, &library)).unwrap();
/// assert_eq!(decoded.library, library);
/// assert!(decoded.skipped.is_empty());
/// ```
pub fn encode_library(plan: &Plan, library: &Library) -> String {
    to_pretty_json(&LibraryFileV1 {
        format: LIBRARY_FORMAT,
        version: FILE_VERSION,
        plan: &plan.id,
        entries: library
            .entries
            .iter()
            .map(|entry| LibraryEntryV1 {
                id: entry.id.clone(),
                name: entry.name.clone(),
                note: entry.note.clone(),
                saved_at: entry.saved_at.clone(),
                state: state_v1(plan, &entry.state),
            })
            .collect(),
    })
}

// --------------------------------------------------------------- decoding

fn text(zh: impl Into<String>, en: impl Into<String>) -> Text {
    Text {
        zh: zh.into(),
        en: en.into(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
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

/// Walks a JSON value, collecting every problem with its path.
#[derive(Default)]
struct Reader {
    problems: Vec<FileProblem>,
}

impl Reader {
    fn wrong(&mut self, path: &str, expected: Text, found: &Value) {
        self.problems.push(FileProblem {
            path: path.to_string(),
            expected,
            found: Found::Value(show(found)),
        });
    }

    /// An object with exactly these keys (missing ones are reported when
    /// read; unknown ones here).
    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        keys: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.wrong(path, text("对象 {…}", "an object {…}"), value);
            return None;
        };
        for key in map.keys() {
            if !keys.contains(&key.as_str()) {
                self.problems.push(FileProblem {
                    path: join(path, key),
                    expected: text("", ""),
                    found: Found::UnknownField,
                });
            }
        }
        Some(map)
    }

    fn get<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
        expected: impl FnOnce() -> Text,
    ) -> Option<&'v Value> {
        let value = map.get(key);
        if value.is_none() {
            self.problems.push(FileProblem {
                path: join(path, key),
                expected: expected(),
                found: Found::Missing,
            });
        }
        value
    }

    fn number_value(&mut self, value: &Value, path: &str) -> Option<f64> {
        let number = value.as_f64();
        if number.is_none() {
            self.wrong(path, text("数字", "a number"), value);
        }
        number
    }

    fn number(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<f64> {
        let value = self.get(map, path, key, || text("数字", "a number"))?;
        self.number_value(value, &join(path, key))
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
        let value = self.get(map, path, key, expected)?;
        let whole = value
            .as_u64()
            .filter(|&whole| whole <= max)
            .and_then(|whole| T::try_from(whole).ok());
        if whole.is_none() {
            self.wrong(&join(path, key), expected(), value);
        }
        whole
    }

    fn boolean(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<bool> {
        let expected = || text("true 或 false", "true or false");
        let value = self.get(map, path, key, expected)?;
        let flag = value.as_bool();
        if flag.is_none() {
            self.wrong(&join(path, key), expected(), value);
        }
        flag
    }

    fn string(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let expected = || text("字符串", "a string");
        let value = self.get(map, path, key, expected)?;
        let string = value.as_str().map(str::to_string);
        if string.is_none() {
            self.wrong(&join(path, key), expected(), value);
        }
        string
    }

    fn array<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Vec<Value>> {
        let expected = || text("数组 […]", "an array […]");
        let value = self.get(map, path, key, expected)?;
        let array = value.as_array();
        if array.is_none() {
            self.wrong(&join(path, key), expected(), value);
        }
        array
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
                self.problems.push(FileProblem {
                    path: join(path, key),
                    expected: text("两个数字(两个阶段)", "two numbers (one per phase)"),
                    found: Found::Value(format!("{} numbers", numbers.len())),
                });
                None
            }
        }
    }

    fn industry(&mut self, value: &Value, path: &str) -> Option<IndustryV1> {
        let map = self.object(
            value,
            path,
            &[
                "id",
                "base_yi_yuan",
                "growth_pct",
                "value_added_ratio",
                "industrial_fraction",
                "high_tech_fraction",
                "high_tech_upgrade_pp",
                "sei_fraction",
            ],
        )?;
        let id = self.string(map, path, "id");
        let base_yi_yuan = self.number(map, path, "base_yi_yuan");
        let growth_pct = self.pair(map, path, "growth_pct");
        let value_added_ratio = self.number(map, path, "value_added_ratio");
        let industrial_fraction = self.number(map, path, "industrial_fraction");
        let high_tech_fraction = self.number(map, path, "high_tech_fraction");
        let high_tech_upgrade_pp = self.optional_number(map, path, "high_tech_upgrade_pp");
        let sei_fraction = self.optional_number(map, path, "sei_fraction");
        Some(IndustryV1 {
            id: id?,
            base_yi_yuan: base_yi_yuan?,
            growth_pct: growth_pct?,
            value_added_ratio: value_added_ratio?,
            industrial_fraction: industrial_fraction?,
            high_tech_fraction: high_tech_fraction?,
            high_tech_upgrade_pp: high_tech_upgrade_pp?,
            sei_fraction: sei_fraction?,
        })
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
        let value = self.get(map, path, key, || text("对象 {…}", "an object {…}"))?;
        self.object(value, &join(path, key), keys)
    }

    fn scenario(&mut self, value: &Value, path: &str) -> Option<ScenarioV1> {
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
        let industries = self.list(map, path, "industries", Self::industry);
        let shocks = self.list(map, path, "shocks", Self::shock);
        let economy = self.economy(map, path);
        let uncertainty = self.uncertainty(map, path);
        let interpretation = self.interpretation(map, path);
        Some(ScenarioV1 {
            industries: industries?,
            shocks: shocks?,
            economy: economy?,
            uncertainty: uncertainty?,
            interpretation: interpretation?,
        })
    }

    fn economy(&mut self, parent: &Map<String, Value>, path: &str) -> Option<EconomyV1> {
        let map = self.sub_object(
            parent,
            path,
            "economy",
            &[
                "gdp_base_yi_yuan",
                "productivity_base_wan_yuan",
                "sei_share_base_pct",
                "high_tech_share_base_pct",
                "rd_share_base_pct",
                "rest_of_economy_growth_pct",
                "employment_growth_pct",
                "rd_intensity_change_pct",
            ],
        )?;
        let path = join(path, "economy");
        let path = path.as_str();
        let gdp_base_yi_yuan = self.number(map, path, "gdp_base_yi_yuan");
        let productivity_base_wan_yuan = self.number(map, path, "productivity_base_wan_yuan");
        let sei_share_base_pct = self.number(map, path, "sei_share_base_pct");
        let high_tech_share_base_pct = self.number(map, path, "high_tech_share_base_pct");
        let rd_share_base_pct = self.number(map, path, "rd_share_base_pct");
        let rest_of_economy_growth_pct = self.pair(map, path, "rest_of_economy_growth_pct");
        let employment_growth_pct = self.number(map, path, "employment_growth_pct");
        let rd_intensity_change_pct = self.number(map, path, "rd_intensity_change_pct");
        Some(EconomyV1 {
            gdp_base_yi_yuan: gdp_base_yi_yuan?,
            productivity_base_wan_yuan: productivity_base_wan_yuan?,
            sei_share_base_pct: sei_share_base_pct?,
            high_tech_share_base_pct: high_tech_share_base_pct?,
            rd_share_base_pct: rd_share_base_pct?,
            rest_of_economy_growth_pct: rest_of_economy_growth_pct?,
            employment_growth_pct: employment_growth_pct?,
            rd_intensity_change_pct: rd_intensity_change_pct?,
        })
    }

    fn uncertainty(&mut self, parent: &Map<String, Value>, path: &str) -> Option<UncertaintyV1> {
        let map = self.sub_object(
            parent,
            path,
            "uncertainty",
            &["sigma_pp", "correlation", "runs", "seed"],
        )?;
        let path = join(path, "uncertainty");
        let path = path.as_str();
        let sigma_pp = self.numbers(map, path, "sigma_pp");
        let correlation = self.number(map, path, "correlation");
        let runs = self.whole(map, path, "runs", u64::from(u32::MAX));
        let seed = self.whole(map, path, "seed", u64::MAX);
        Some(UncertaintyV1 {
            sigma_pp: sigma_pp?,
            correlation: correlation?,
            runs: runs?,
            seed: seed?,
        })
    }

    fn interpretation(
        &mut self,
        parent: &Map<String, Value>,
        path: &str,
    ) -> Option<InterpretationV1> {
        let map = self.sub_object(
            parent,
            path,
            "interpretation",
            &[
                "emerging_to_traditional_min_ratio",
                "include_vegetables",
                "continue_increments",
                "continue_productivity_growth",
            ],
        )?;
        let path = join(path, "interpretation");
        let path = path.as_str();
        let ratio = self.number(map, path, "emerging_to_traditional_min_ratio");
        let include_vegetables = self.boolean(map, path, "include_vegetables");
        let continue_increments = self.boolean(map, path, "continue_increments");
        let continue_productivity_growth = self.boolean(map, path, "continue_productivity_growth");
        Some(InterpretationV1 {
            emerging_to_traditional_min_ratio: ratio?,
            include_vegetables: include_vegetables?,
            continue_increments: continue_increments?,
            continue_productivity_growth: continue_productivity_growth?,
        })
    }

    fn named(&mut self, value: &Value, path: &str) -> Option<NamedScenarioV1> {
        let map = self.object(value, path, &["name", "scenario"])?;
        let name = self.string(map, path, "name");
        let scenario = self
            .get(map, path, "scenario", || text("对象 {…}", "an object {…}"))
            .and_then(|value| self.scenario(value, &join(path, "scenario")));
        Some(NamedScenarioV1 {
            name: name?,
            scenario: scenario?,
        })
    }

    fn state(&mut self, value: &Value, path: &str) -> Option<StateV1> {
        let map = self.object(
            value,
            path,
            &["scenario", "view", "lang", "name", "note", "compare"],
        )?;
        let scenario = self
            .get(map, path, "scenario", || text("对象 {…}", "an object {…}"))
            .and_then(|value| self.scenario(value, &join(path, "scenario")));
        let view = self.string(map, path, "view");
        let lang = self.string(map, path, "lang");
        let name = self.string(map, path, "name");
        let note = self.string(map, path, "note");
        let compare = self.list(map, path, "compare", Self::named);
        Some(StateV1 {
            scenario: scenario?,
            view: view?,
            lang: lang?,
            name: name?,
            note: note?,
            compare: compare?,
        })
    }

    /// The v1 scenario as the model's type, checking industry ids against
    /// the plan.
    fn scenario_of(&mut self, plan: &Plan, v1: ScenarioV1, path: &str) -> Option<Scenario> {
        let n_industries = plan.industries.len();
        let industries_path = join(path, "industries");
        let ids: Vec<&str> = plan
            .industries
            .iter()
            .map(|industry| industry.id.as_str())
            .collect();
        let mut fits = true;
        if v1.industries.len() != n_industries {
            self.problems.push(FileProblem {
                path: industries_path.clone(),
                expected: text(
                    format!("{n_industries} 个产业,按规划顺序({})", ids.join(", ")),
                    format!(
                        "{n_industries} industries in the plan's order ({})",
                        ids.join(", ")
                    ),
                ),
                found: Found::Value(format!("{} entries", v1.industries.len())),
            });
            fits = false;
        }
        for (idx, (industry, expected_id)) in v1.industries.iter().zip(&ids).enumerate() {
            if industry.id != *expected_id {
                self.problems.push(FileProblem {
                    path: format!("{industries_path}[{idx}].id"),
                    expected: text(
                        format!("“{expected_id}”(规划中第 {} 个产业)", idx + 1),
                        format!("“{expected_id}” (industry {} of the plan)", idx + 1),
                    ),
                    found: Found::Value(format!("“{}”", industry.id)),
                });
                fits = false;
            }
        }
        let mut shocks = Vec::with_capacity(v1.shocks.len());
        for (idx, shock) in v1.shocks.iter().enumerate() {
            let industry = match &shock.industry {
                None => None,
                Some(id) => match plan.industry_idx(id) {
                    Some(industry_idx) => Some(industry_idx),
                    None => {
                        self.problems.push(FileProblem {
                            path: format!("{path}.shocks[{idx}].industry"),
                            expected: text(
                                format!("规划中的产业 id({})或 null", ids.join(", ")),
                                format!("an industry id of the plan ({}) or null", ids.join(", ")),
                            ),
                            found: Found::Value(format!("“{id}”")),
                        });
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
        if !fits {
            return None;
        }
        let economy = v1.economy;
        let interpretation = v1.interpretation;
        Some(Scenario {
            industries: v1
                .industries
                .into_iter()
                .enumerate()
                .map(|(idx, industry)| {
                    // Files written before these two fields keep the plan's.
                    let plan_industry = plan.industries.get(idx);
                    IndustryAssumptions {
                        base_yi_yuan: industry.base_yi_yuan,
                        growth_pct: industry.growth_pct,
                        value_added_ratio: industry.value_added_ratio,
                        industrial_fraction: industry.industrial_fraction,
                        high_tech_fraction: industry.high_tech_fraction,
                        high_tech_upgrade_pp: industry.high_tech_upgrade_pp.unwrap_or_else(|| {
                            plan_industry.map_or(0.0, |i| i.high_tech_upgrade_pp.value)
                        }),
                        sei_fraction: industry
                            .sei_fraction
                            .unwrap_or_else(|| plan_industry.map_or(0.0, |i| i.sei_fraction.value)),
                    }
                })
                .collect(),
            shocks,
            economy: EconomyAssumptions {
                gdp_base_yi_yuan: economy.gdp_base_yi_yuan,
                productivity_base_wan_yuan: economy.productivity_base_wan_yuan,
                sei_share_base_pct: economy.sei_share_base_pct,
                high_tech_share_base_pct: economy.high_tech_share_base_pct,
                rd_share_base_pct: economy.rd_share_base_pct,
                rest_of_economy_growth_pct: economy.rest_of_economy_growth_pct,
                employment_growth_pct: economy.employment_growth_pct,
                rd_intensity_change_pct: economy.rd_intensity_change_pct,
            },
            uncertainty: Uncertainty {
                sigma_pp: v1.uncertainty.sigma_pp,
                correlation: v1.uncertainty.correlation,
                runs: v1.uncertainty.runs,
                seed: v1.uncertainty.seed,
            },
            interpretation: Interpretation {
                emerging_to_traditional_min_ratio: interpretation.emerging_to_traditional_min_ratio,
                include_vegetables: interpretation.include_vegetables,
                continue_increments: interpretation.continue_increments,
                continue_productivity_growth: interpretation.continue_productivity_growth,
            },
        })
    }

    /// The v1 state as a [`ShareState`], validated; problems carry `path`.
    fn state_of(&mut self, plan: &Plan, v1: StateV1, path: &str) -> Option<ShareState> {
        let scenario = self.scenario_of(plan, v1.scenario, &join(path, "scenario"));
        let compare: Vec<Option<NamedScenario>> = v1
            .compare
            .into_iter()
            .enumerate()
            .map(|(idx, named)| {
                let scenario_path = join(path, &format!("compare[{idx}].scenario"));
                self.scenario_of(plan, named.scenario, &scenario_path)
                    .map(|scenario| NamedScenario {
                        name: named.name,
                        scenario,
                    })
            })
            .collect();
        let state = ShareState {
            scenario: scenario?,
            view: v1.view,
            lang: v1.lang,
            name: v1.name,
            note: v1.note,
            compare: compare.into_iter().collect::<Option<Vec<_>>>()?,
        };
        if let Err(problems) = state.validate(plan) {
            self.problems.extend(
                problems
                    .into_iter()
                    .map(|problem| range_problem(path, problem)),
            );
            return None;
        }
        Some(state)
    }
}

fn range_problem(path: &str, problem: FieldProblem) -> FileProblem {
    FileProblem {
        path: join(path, &problem.field),
        expected: problem.allowed,
        found: Found::Value(problem.value),
    }
}

/// Parses the JSON and checks `format`, `version` and `plan`.
fn envelope<'v>(
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
    match map.get("version") {
        None => {
            return Err(FileError::Fields {
                problems: vec![FileProblem {
                    path: "version".to_string(),
                    expected: expected_version(),
                    found: Found::Missing,
                }],
            })
        }
        Some(value) => match value.as_u64() {
            Some(version) if version > FILE_VERSION => {
                return Err(FileError::FutureVersion { version })
            }
            Some(version) if version >= 1 => {}
            _ => {
                return Err(FileError::Fields {
                    problems: vec![FileProblem {
                        path: "version".to_string(),
                        expected: expected_version(),
                        found: Found::Value(show(value)),
                    }],
                })
            }
        },
    }
    match map.get("plan") {
        Some(Value::String(found)) if *found == plan.id => Ok(map),
        Some(Value::String(found)) => Err(FileError::PlanMismatch {
            expected: plan.id.clone(),
            found: found.clone(),
        }),
        other => Err(FileError::Fields {
            problems: vec![FileProblem {
                path: "plan".to_string(),
                expected: text(
                    format!("规划 id “{}”", plan.id),
                    format!("the plan id “{}”", plan.id),
                ),
                found: other.map_or(Found::Missing, |value| Found::Value(show(value))),
            }],
        }),
    }
}

fn parse_json(json: &str) -> Result<Value, FileError> {
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
    let mut reader = Reader::default();
    reader.object(&root, "", &["format", "version", "plan", "state"]);
    let state = reader
        .get(map, "", "state", || text("对象 {…}", "an object {…}"))
        .and_then(|value| reader.state(value, "state"));
    let state = match state {
        Some(v1) if reader.problems.is_empty() => reader.state_of(plan, v1, "state"),
        _ => None,
    };
    match state {
        Some(state) if reader.problems.is_empty() => Ok(state),
        _ => Err(FileError::Fields {
            problems: reader.problems,
        }),
    }
}

/// An entry of the library that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedEntry {
    /// Its position in the stored list.
    pub index: usize,
    /// Its id and name, when they could be read.
    pub id: Option<String>,
    pub name: Option<String>,
    pub problems: Vec<FileProblem>,
}

/// What [`decode_library`] recovered.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryDecoded {
    /// Every entry that could be read.
    pub library: Library,
    /// Every entry that could not, with its problems.
    pub skipped: Vec<SkippedEntry>,
    /// Problems outside the entries that did not stop the reading (a field
    /// the format does not have).
    pub problems: Vec<FileProblem>,
}

/// Reads the stored library, recovering every entry it can: a corrupt entry
/// is skipped and reported, not a reason to lose the others. The whole
/// library fails only when nothing can be trusted: not JSON, another format,
/// a newer version, another plan, or no list of entries.
///
/// ```
/// use pathways::model::Plan;
/// use pathways::share::decode_library;
/// let plan = Plan::shouguang_2018().unwrap();
/// let json = r#"{ "format": "shouguang-pathways-library", "version": 1,
///                 "plan": "shouguang-2018", "entries": [ { "id": "x" } ] }"#;
/// let decoded = decode_library(&plan, json).unwrap();
/// assert!(decoded.library.entries.is_empty());
/// assert_eq!(decoded.skipped[0].id.as_deref(), Some("x"));
/// ```
pub fn decode_library(plan: &Plan, json: &str) -> Result<LibraryDecoded, FileError> {
    let root = parse_json(json)?;
    let map = envelope(&root, LIBRARY_FORMAT, plan)?;
    let mut top = Reader::default();
    top.object(&root, "", &["format", "version", "plan", "entries"]);
    let Some(entries) = top.array(map, "", "entries") else {
        return Err(FileError::Fields {
            problems: top.problems,
        });
    };
    let mut decoded = LibraryDecoded {
        library: Library::default(),
        skipped: Vec::new(),
        problems: top.problems,
    };
    let mut ids: HashSet<String> = HashSet::new();
    for (index, value) in entries.iter().enumerate() {
        let path = format!("entries[{index}]");
        let mut reader = Reader::default();
        let entry = read_entry(&mut reader, plan, value, &path);
        let id = value.get("id").and_then(Value::as_str).map(str::to_string);
        let name = value
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string);
        match entry {
            Some(entry) if reader.problems.is_empty() => {
                if ids.insert(entry.id.clone()) {
                    decoded.library.entries.push(entry);
                } else {
                    decoded.skipped.push(SkippedEntry {
                        index,
                        id,
                        name,
                        problems: vec![FileProblem {
                            path: format!("{path}.id"),
                            expected: text("库中唯一的 id", "an id no other entry has"),
                            found: Found::Value(format!("“{}”", entry.id)),
                        }],
                    });
                }
            }
            _ => decoded.skipped.push(SkippedEntry {
                index,
                id,
                name,
                problems: reader.problems,
            }),
        }
    }
    Ok(decoded)
}

fn read_entry(reader: &mut Reader, plan: &Plan, value: &Value, path: &str) -> Option<LibraryEntry> {
    let map = reader.object(value, path, &["id", "name", "note", "saved_at", "state"])?;
    let id = reader.string(map, path, "id");
    let name = reader.string(map, path, "name");
    let note = reader.string(map, path, "note");
    let saved_at = reader.string(map, path, "saved_at");
    let state_path = join(path, "state");
    let state = reader
        .get(map, path, "state", || text("对象 {…}", "an object {…}"))
        .and_then(|value| reader.state(value, &state_path));
    if !reader.problems.is_empty() {
        return None;
    }
    let state = reader.state_of(plan, state?, &state_path)?;
    Some(LibraryEntry {
        id: id?,
        name: name?,
        note: note?,
        saved_at: saved_at?,
        state,
    })
}
