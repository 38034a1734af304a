//! The named scenario library, as kept in the browser's storage: its types
//! and its reader, which recovers every entry it can.

use std::collections::HashSet;

use serde_json::Value;

use super::error::{join, text, FileError, FileProblem};
use super::reader::{envelope, parse_json, Reader};
use super::v1::{
    state_v1, to_pretty_json, LibraryEntryV1, LibraryFileV1, FILE_VERSION, LIBRARY_FORMAT,
};
use crate::model::Plan;
use crate::share::{bounded, ShareState, MAX_NAME_CHARS};

/// The named scenario library, as kept in the browser's storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    pub entries: Vec<LibraryEntry>,
}

/// One saved scenario. Its name and note are its state's.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryEntry {
    /// Unique within the library; the app chooses it.
    pub id: String,
    /// When it was saved, as the app wrote it (e.g. ISO 8601); not parsed.
    pub saved_at: String,
    pub state: ShareState,
}

impl LibraryEntry {
    /// The entry's name: its state's.
    pub fn name(&self) -> &str {
        &self.state.name
    }

    /// The entry's note: its state's.
    pub fn note(&self) -> &str {
        &self.state.note
    }
}

/// The library as pretty-printed JSON, format version 1. Each entry's
/// `name` and `note` are written from its state.
///
/// ```
/// use pathways::model::Plan;
/// use pathways::share::{decode_library, encode_library, Library, LibraryEntry, ShareState};
/// let plan = Plan::shouguang_2018().unwrap();
/// let mut state = ShareState::defaults(&plan);
/// state.name = "计划节奏".to_string();
/// let library = Library {
///     entries: vec![LibraryEntry {
///         id: "a1".to_string(),
///         saved_at: "2025-01-02T03:04:05Z".to_string(),
///         state,
///     }],
/// };
/// let decoded = decode_library(&plan, &encode_library(&plan, &library)).unwrap();
/// assert_eq!(decoded.library, library);
/// assert_eq!(decoded.library.entries[0].name(), "计划节奏");
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
                id: &entry.id,
                name: entry.name(),
                note: entry.note(),
                saved_at: &entry.saved_at,
                state: state_v1(plan, &entry.state),
            })
            .collect(),
    })
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
    let mut top = Reader::new(plan);
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
        let mut reader = Reader::new(plan);
        let entry = read_entry(&mut reader, value, &path);
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
                        problems: vec![FileProblem::wrong(
                            format!("{path}.id"),
                            text("库中唯一的 id", "an id no other entry has"),
                            format!("“{}”", entry.id),
                        )],
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

/// One entry. Its `name` and `note` are also in its state: the entry's
/// `name` is the one the library showed (in its list and the comparison),
/// so it wins, cut to what a state allows; the entry's `note` was never
/// shown, so the state's wins. The app writes them equal.
fn read_entry(reader: &mut Reader, value: &Value, path: &str) -> Option<LibraryEntry> {
    let map = reader.object(value, path, &["id", "name", "note", "saved_at", "state"])?;
    let id = reader.string(map, path, "id");
    let name = reader.string(map, path, "name");
    let note = reader.string(map, path, "note");
    let saved_at = reader.string(map, path, "saved_at");
    let state = reader.state_at(map, path, "state");
    if !reader.problems.is_empty() {
        return None;
    }
    let mut state = reader.state_of(state?, &join(path, "state"))?;
    state.name = bounded(&name?, MAX_NAME_CHARS);
    note?;
    Some(LibraryEntry {
        id: id?,
        saved_at: saved_at?,
        state,
    })
}
