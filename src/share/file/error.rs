//! What can be wrong with a file: [`FileError`] for the file as a whole,
//! [`FileProblem`] for one field.

use std::fmt;

use super::v1::FILE_VERSION;
use crate::model::{FieldProblem, Text};

/// Text in Chinese and English.
pub(super) fn text(zh: impl Into<String>, en: impl Into<String>) -> Text {
    Text {
        zh: zh.into(),
        en: en.into(),
    }
}

/// The path of `key` inside the object at `path`.
pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// One problem in a file: the model's [`FieldProblem`] (`field`: the JSON
/// path, e.g. `state.scenario.industries[2].growth_pct[0]`; `allowed`: what
/// the field must be, in both languages; `value`: what the file had, as JSON
/// and shortened) and whether the field was there at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub problem: FieldProblem,
    pub found: Found,
}

/// What a file had where a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// The field is missing (`value` is empty).
    Missing,
    /// A field that format version 1 does not have (`value` and `allowed`
    /// are empty).
    UnknownField,
    /// The value in `problem.value`.
    Value,
}

impl FileProblem {
    /// `path` holds `found`, where `expected` was wanted.
    pub(super) fn wrong(path: impl Into<String>, expected: Text, found: String) -> FileProblem {
        FileProblem::new(path, expected, found, Found::Value)
    }

    /// `path` is missing; it must be `expected`.
    pub(super) fn missing(path: impl Into<String>, expected: Text) -> FileProblem {
        FileProblem::new(path, expected, String::new(), Found::Missing)
    }

    /// `path` is not a field of the format.
    pub(super) fn unknown(path: impl Into<String>) -> FileProblem {
        FileProblem::new(path, text("", ""), String::new(), Found::UnknownField)
    }

    /// A problem validation found, in the part of the file at `path`.
    pub(super) fn validation(path: &str, problem: FieldProblem) -> FileProblem {
        FileProblem {
            problem: FieldProblem {
                field: join(path, &problem.field),
                ..problem
            },
            found: Found::Value,
        }
    }

    fn new(path: impl Into<String>, allowed: Text, value: String, found: Found) -> FileProblem {
        FileProblem {
            problem: FieldProblem {
                field: path.into(),
                value,
                allowed,
            },
            found,
        }
    }

    /// One line for the user.
    pub fn message(&self, lang_is_zh: bool) -> String {
        let path = if self.problem.field.is_empty() {
            "(root)"
        } else {
            &self.problem.field
        };
        let expected = self.problem.allowed(lang_is_zh);
        let found = &self.problem.value;
        match (self.found, lang_is_zh) {
            (Found::Missing, true) => format!("{path}:缺少此字段,应为{expected}"),
            (Found::Missing, false) => format!("{path}: missing; expected {expected}"),
            (Found::UnknownField, true) => format!("{path}:格式版本 1 中没有此字段"),
            (Found::UnknownField, false) => format!("{path}: not a field of format version 1"),
            (Found::Value, true) => format!("{path}:应为{expected},实为 {found}"),
            (Found::Value, false) => format!("{path}: expected {expected}, found {found}"),
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
