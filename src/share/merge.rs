//! Merging two versions of the scenario library by entry id, so that two
//! tabs of the app (or two windows) never overwrite each other's entries.
//!
//! Each tab remembers the library as it last read it from, or wrote it to,
//! the browser's storage: the **base**. When storage changes under it (the
//! other tab wrote), the tab merges three versions — the base, its own
//! (**ours**) and the one now in storage (**theirs**) — entry by entry:
//!
//! * an entry only one side changed (added, renamed, deleted) takes that
//!   side's version;
//! * an entry both sides changed the same way is kept once;
//! * an entry both sides changed differently is kept **twice**: theirs under
//!   its id, ours under a new id (`id-2`, `id-3`…), and reported;
//! * an entry one side deleted and the other changed is **kept** (the
//!   change wins over the deletion) and reported.
//!
//! So a merge never drops an entry either side still has unchanged or
//! changed. Order: theirs' order, then the entries only ours has, in ours'
//! order. Pure: no storage, no browser.
//!
//! ```
//! use pathways::model::Plan;
//! use pathways::share::{merge_libraries, Library, LibraryEntry, ShareState};
//! let plan = Plan::shouguang_2018().unwrap();
//! let entry = |id: &str, name: &str| LibraryEntry {
//!     id: id.to_string(),
//!     saved_at: String::new(),
//!     state: ShareState {
//!         name: name.to_string(),
//!         ..ShareState::defaults(&plan)
//!     },
//! };
//! let base = Library { entries: vec![entry("a", "A")] };
//! let ours = Library { entries: vec![entry("a", "A"), entry("b", "saved here")] };
//! let theirs = Library { entries: vec![entry("a", "A renamed there")] };
//! let merged = merge_libraries(&base, &ours, &theirs);
//! let names: Vec<&str> = merged.library.entries.iter().map(|e| e.name()).collect();
//! assert_eq!(names, ["A renamed there", "saved here"]);
//! assert!(merged.conflicts.is_empty());
//! ```

use std::collections::HashSet;

use super::{Library, LibraryEntry};

/// An entry the two sides changed in ways that could not both be taken; the
/// merge kept everything and says what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeConflict {
    /// Both sides changed (or both added, under one id) the entry
    /// differently: theirs kept its id, ours is kept as `kept_as`.
    BothChanged {
        name: String,
        other_name: String,
        kept_as: String,
    },
    /// The other side deleted an entry this side changed: ours is kept.
    DeletedThere { name: String },
    /// This side deleted an entry the other side changed: theirs is kept.
    DeletedHere { name: String },
}

/// What [`merge_libraries`] made.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryMerge {
    pub library: Library,
    pub conflicts: Vec<MergeConflict>,
}

/// Merges `ours` and `theirs`, both changed from `base`, entry by entry (see
/// the module documentation). Ids stay unique, as the loader requires.
pub fn merge_libraries(base: &Library, ours: &Library, theirs: &Library) -> LibraryMerge {
    let find = |library: &'_ Library, id: &str| -> Option<LibraryEntry> {
        library.entries.iter().find(|entry| entry.id == id).cloned()
    };
    let mut taken: HashSet<String> = theirs
        .entries
        .iter()
        .chain(&ours.entries)
        .map(|entry| entry.id.clone())
        .collect();
    let mut merged = LibraryMerge::default();
    let mut seen: HashSet<&str> = HashSet::new();
    for their in &theirs.entries {
        if !seen.insert(their.id.as_str()) {
            continue; // a repeated id: the loader never gives one, keep the first
        }
        let old = find(base, &their.id);
        match (old, find(ours, &their.id)) {
            (old, Some(our)) => {
                let unchanged_here = old.as_ref() == Some(&our);
                let unchanged_there = old.as_ref() == Some(their);
                if unchanged_here || our == *their {
                    merged.library.entries.push(their.clone());
                } else if unchanged_there {
                    merged.library.entries.push(our);
                } else {
                    let kept_as = fresh_id(&their.id, &mut taken);
                    merged.conflicts.push(MergeConflict::BothChanged {
                        name: our.name().to_string(),
                        other_name: their.name().to_string(),
                        kept_as: kept_as.clone(),
                    });
                    merged.library.entries.push(their.clone());
                    merged
                        .library
                        .entries
                        .push(LibraryEntry { id: kept_as, ..our });
                }
            }
            (Some(old), None) => {
                // Deleted here: gone, unless the other side changed it since.
                if old != *their {
                    merged.conflicts.push(MergeConflict::DeletedHere {
                        name: their.name().to_string(),
                    });
                    merged.library.entries.push(their.clone());
                }
            }
            (None, None) => merged.library.entries.push(their.clone()),
        }
    }
    for our in &ours.entries {
        if !seen.insert(our.id.as_str()) {
            continue;
        }
        match find(base, &our.id) {
            // Deleted there: gone, unless this side changed it since.
            Some(old) if old == *our => {}
            Some(_) => {
                merged.conflicts.push(MergeConflict::DeletedThere {
                    name: our.name().to_string(),
                });
                merged.library.entries.push(our.clone());
            }
            None => merged.library.entries.push(our.clone()),
        }
    }
    merged
}

/// `id-2`, `id-3`… the first no entry has; recorded as taken.
fn fresh_id(id: &str, taken: &mut HashSet<String>) -> String {
    let mut n = 2u64;
    loop {
        let candidate = format!("{id}-{n}");
        if taken.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}
