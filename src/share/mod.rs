//! The versioned, pure serialization boundary: what a shared link, a saved
//! file or the browser's scenario library carries, and the CSV export.
//!
//! **Architecture invariant:** this module imports nothing from yew,
//! web-sys, gloo, wasm-bindgen, js-sys or plotters and does no IO; the app
//! hands it strings and gets strings (or a [`ShareState`]) back.
//! `tests/boundaries.rs` holds it to that.
//!
//! The internal [`Scenario`] type is free to change. What leaves the app is
//! frozen:
//!
//! * the **link** ([`encode_link`], [`decode_link`]): format version `1`, a
//!   compact, legible URL fragment that writes only what differs from the
//!   plan's defaults; the grammar is in [`link`];
//! * the **file** ([`encode_file`], [`decode_file`]) and the **library**
//!   ([`encode_library`], [`decode_library`]): a JSON envelope
//!   `{ "format", "version": 1, "plan", … }` around the frozen version-1
//!   layout of the state, whose numeric scenario keys are the field table's
//!   (see [`file`]);
//! * the **CSV** of every projected series ([`projection_csv`]).
//!
//! Old formats keep decoding: `tests/fixtures/links-v1.txt` and
//! `tests/fixtures/scenario-file-v1.json` are frozen, and a change of format
//! is a new version beside the old decoder, never an edit of it.
//!
//! Every decoder validates with [`Scenario::validate`] (through
//! [`ShareState::validate`]) and returns either a whole valid state or an
//! error that says, in Chinese and English, what was wrong. None of them
//! panics on any input; `tests/share_fuzz.rs` feeds them mutated inputs.
//!
//! # Example
//!
//! ```
//! use pathways::model::Plan;
//! use pathways::share::{decode_link, encode_link, ShareState};
//!
//! let plan = Plan::shouguang_2018().unwrap();
//! let mut state = ShareState::defaults(&plan);
//! state.scenario.set_growth_pct(1, 0, 6.0).unwrap(); // chemicals, 2018–2022
//! state.lang = "en".to_string();
//! let link = encode_link(&plan, &state);
//! assert!(link.starts_with("1~g__6~len~"));
//! assert_eq!(link.len(), 15);
//! assert_eq!(decode_link(&plan, &link), Ok(state));
//! ```

mod csv_export;
pub mod file;
pub mod link;
pub mod merge;
mod number;

use crate::model::{FieldProblem, Plan, Scenario, Text};

pub use csv_export::{projection_csv, write_csv_record};
pub use file::{
    decode_file, decode_library, encode_file, encode_library, FileError, FileProblem, Library,
    LibraryDecoded, LibraryEntry, SkippedEntry,
};
pub use link::{decode_link, encode_link, encode_link_from, LinkError, Malformation};
pub use merge::{merge_libraries, LibraryMerge, MergeConflict};
pub use number::parse_decimal;

/// The view a link opens when it names none.
pub const DEFAULT_VIEW: &str = "overview";
/// The language a link opens in when it names none.
pub const DEFAULT_LANG: &str = "zh";
/// At most this many scenarios beside the current one, for comparison.
pub const MAX_COMPARE: usize = 4;
/// Longest scenario name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 4000;

/// `text` cut to at most `max_chars` characters, so that every name and note
/// the app writes is one its own readers accept.
pub fn bounded(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}

/// The name of a copy: "name (2)", the name cut so that the whole stays
/// within [`MAX_NAME_CHARS`].
pub fn copy_name(name: &str) -> String {
    const SUFFIX: &str = " (2)";
    format!(
        "{}{SUFFIX}",
        bounded(name, MAX_NAME_CHARS - SUFFIX.chars().count())
    )
}
/// Longest view or language id, in characters.
pub const MAX_ID_CHARS: usize = 32;

/// A scenario with the name the user gave it, e.g. one of the scenarios
/// compared side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedScenario {
    /// Any text the user typed; data, never markup.
    pub name: String,
    pub scenario: Scenario,
}

/// Everything a link or a file carries. Strings in, strings out: `view` and
/// `lang` are ids the app maps to its own enums (an id it does not know is
/// the app's to replace with its default).
#[derive(Clone, Debug, PartialEq)]
pub struct ShareState {
    pub scenario: Scenario,
    /// A view id such as `"overview"`.
    pub view: String,
    /// `"zh"` or `"en"`.
    pub lang: String,
    /// The scenario's name, empty for none. Any text, HTML included: it is
    /// data, and the UI shows it as text.
    pub name: String,
    /// A note, empty for none; any text, like `name`.
    pub note: String,
    /// Up to [`MAX_COMPARE`] other scenarios, for comparison.
    pub compare: Vec<NamedScenario>,
}

impl ShareState {
    /// The state an empty link opens: the plan's default scenario, the
    /// overview, in Chinese, unnamed, comparing nothing.
    ///
    /// ```
    /// use pathways::model::{Plan, Scenario};
    /// use pathways::share::{decode_link, ShareState};
    /// let plan = Plan::shouguang_2018().unwrap();
    /// let defaults = ShareState::defaults(&plan);
    /// assert_eq!(defaults.scenario, pathways::model::plan_defaults(&plan));
    /// assert_eq!(decode_link(&plan, ""), Ok(defaults));
    /// ```
    pub fn defaults(plan: &Plan) -> ShareState {
        ShareState::with_scenario(crate::model::plan_defaults(plan))
    }

    /// A state with this scenario and every other part at its default.
    pub fn with_scenario(scenario: Scenario) -> ShareState {
        ShareState {
            scenario,
            view: DEFAULT_VIEW.to_string(),
            lang: DEFAULT_LANG.to_string(),
            name: String::new(),
            note: String::new(),
            compare: Vec::new(),
        }
    }

    /// Checks every scenario with [`Scenario::validate`], the number of
    /// compared scenarios and the lengths of the texts. Field names are
    /// paths in this type: `scenario.industries[1].growth_pct[0]`,
    /// `compare[2].name`…
    ///
    /// ```
    /// use pathways::model::Plan;
    /// use pathways::share::ShareState;
    /// let plan = Plan::shouguang_2018().unwrap();
    /// let mut state = ShareState::defaults(&plan);
    /// state.scenario.industries[0].growth_pct[1] = 99.0;
    /// let problems = state.validate(&plan).unwrap_err();
    /// assert_eq!(problems[0].field, "scenario.industries[0].growth_pct[1]");
    /// ```
    pub fn validate(&self, plan: &Plan) -> Result<(), Vec<FieldProblem>> {
        let mut problems = Vec::new();
        scenario_problems(plan, &self.scenario, "scenario", &mut problems);
        text_problem("view", &self.view, MAX_ID_CHARS, &mut problems);
        text_problem("lang", &self.lang, MAX_ID_CHARS, &mut problems);
        text_problem("name", &self.name, MAX_NAME_CHARS, &mut problems);
        text_problem("note", &self.note, MAX_NOTE_CHARS, &mut problems);
        if self.compare.len() > MAX_COMPARE {
            problems.push(FieldProblem {
                field: "compare".to_string(),
                value: format!("{} scenarios", self.compare.len()),
                allowed: Text {
                    zh: format!("0 至 {MAX_COMPARE} 个"),
                    en: format!("0..={MAX_COMPARE}"),
                },
            });
        }
        for (idx, named) in self.compare.iter().enumerate() {
            let path = format!("compare[{idx}]");
            text_problem(
                &format!("{path}.name"),
                &named.name,
                MAX_NAME_CHARS,
                &mut problems,
            );
            scenario_problems(
                plan,
                &named.scenario,
                &format!("{path}.scenario"),
                &mut problems,
            );
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

fn scenario_problems(plan: &Plan, scenario: &Scenario, path: &str, out: &mut Vec<FieldProblem>) {
    if let Err(error) = scenario.validate(plan) {
        out.extend(error.problems.into_iter().map(|problem| FieldProblem {
            field: format!("{path}.{}", problem.field),
            ..problem
        }));
    }
}

fn text_problem(field: &str, text: &str, max_chars: usize, out: &mut Vec<FieldProblem>) {
    let n_chars = text.chars().count();
    if n_chars > max_chars {
        out.push(FieldProblem {
            field: field.to_string(),
            value: format!("{n_chars} characters"),
            allowed: Text {
                zh: format!("最多 {max_chars} 个字符"),
                en: format!("0..={max_chars} characters"),
            },
        });
    }
}

/// The problems of [`ShareState::validate`] as one line per language.
pub(crate) fn describe_problems(problems: &[FieldProblem], lang_is_zh: bool) -> String {
    problems
        .iter()
        .map(|problem| {
            if lang_is_zh {
                format!(
                    "{} = {}(允许范围:{})",
                    problem.field, problem.value, problem.allowed.zh
                )
            } else {
                format!(
                    "{} = {} (allowed: {})",
                    problem.field, problem.value, problem.allowed.en
                )
            }
        })
        .collect::<Vec<_>>()
        .join(if lang_is_zh { ";" } else { "; " })
}
