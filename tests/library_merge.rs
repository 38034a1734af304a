//! Two tabs, one library: the merge by entry id (`share::merge`) and the
//! reducer's side of it (`Action::LibraryFromStorage`, `LibraryStored`),
//! with storage simulated as the hook uses it.

use std::collections::HashSet;
use std::rc::Rc;

use pathways::app::state::{Action, AppState, NoticeKind};
use pathways::model::Plan;
use pathways::share::{
    decode_library, encode_library, merge_libraries, Library, LibraryEntry, MergeConflict,
    ShareState,
};
use proptest::prelude::*;
use yew::Reducible;

fn plan() -> Plan {
    Plan::shouguang_2018().expect("the embedded plan loads")
}

fn entry(id: &str, name: &str) -> LibraryEntry {
    let mut state = ShareState::defaults(&plan());
    state.name = name.to_string();
    LibraryEntry {
        id: id.to_string(),
        saved_at: "2026-01-01T00:00:00Z".to_string(),
        state,
    }
}

fn library(entries: &[(&str, &str)]) -> Library {
    Library {
        entries: entries.iter().map(|(id, name)| entry(id, name)).collect(),
    }
}

fn pairs(library: &Library) -> Vec<(String, String)> {
    library
        .entries
        .iter()
        .map(|entry| (entry.id.clone(), entry.name().to_string()))
        .collect()
}

fn owned(entries: &[(&str, &str)]) -> Vec<(String, String)> {
    entries
        .iter()
        .map(|(id, name)| (id.to_string(), name.to_string()))
        .collect()
}

#[test]
fn entries_added_in_either_tab_are_both_kept() {
    let base = library(&[("a", "A")]);
    let ours = library(&[("a", "A"), ("b", "B here")]);
    let theirs = library(&[("a", "A"), ("c", "C there")]);
    let merged = merge_libraries(&base, &ours, &theirs);
    assert_eq!(
        pairs(&merged.library),
        owned(&[("a", "A"), ("c", "C there"), ("b", "B here")])
    );
    assert!(merged.conflicts.is_empty());
}

#[test]
fn a_rename_or_delete_on_one_side_is_taken() {
    let base = library(&[("a", "A"), ("b", "B"), ("c", "C")]);
    // There: a renamed, b deleted. Here: c deleted.
    let ours = library(&[("a", "A"), ("b", "B")]);
    let theirs = library(&[("a", "A2"), ("c", "C")]);
    let merged = merge_libraries(&base, &ours, &theirs);
    assert_eq!(pairs(&merged.library), owned(&[("a", "A2")]));
    assert!(merged.conflicts.is_empty());
    // And the other way round.
    let merged = merge_libraries(&base, &theirs, &ours);
    assert_eq!(pairs(&merged.library), owned(&[("a", "A2")]));
}

#[test]
fn a_change_wins_over_a_deletion_and_is_reported() {
    let base = library(&[("a", "A")]);
    let renamed_here = library(&[("a", "A here")]);
    let deleted_there = library(&[]);
    let merged = merge_libraries(&base, &renamed_here, &deleted_there);
    assert_eq!(pairs(&merged.library), owned(&[("a", "A here")]));
    assert_eq!(
        merged.conflicts,
        [MergeConflict::DeletedThere {
            name: "A here".to_string()
        }]
    );
    let merged = merge_libraries(&base, &deleted_there, &renamed_here);
    assert_eq!(pairs(&merged.library), owned(&[("a", "A here")]));
    assert_eq!(
        merged.conflicts,
        [MergeConflict::DeletedHere {
            name: "A here".to_string()
        }]
    );
}

#[test]
fn two_different_changes_of_one_entry_keep_both_versions() {
    let base = library(&[("a", "A"), ("a-2", "taken")]);
    let ours = library(&[("a", "A here"), ("a-2", "taken")]);
    let theirs = library(&[("a", "A there"), ("a-2", "taken")]);
    let merged = merge_libraries(&base, &ours, &theirs);
    assert_eq!(
        pairs(&merged.library),
        owned(&[("a", "A there"), ("a-3", "A here"), ("a-2", "taken")])
    );
    assert_eq!(
        merged.conflicts,
        [MergeConflict::BothChanged {
            name: "A here".to_string(),
            other_name: "A there".to_string(),
            kept_as: "a-3".to_string(),
        }]
    );
    // The same change on both sides is one entry, no conflict.
    let merged = merge_libraries(&base, &theirs, &theirs);
    assert_eq!(merged.library, theirs);
    assert!(merged.conflicts.is_empty());
}

#[test]
fn one_id_added_in_both_tabs_with_different_scenarios_keeps_both() {
    let base = library(&[]);
    let ours = library(&[("s1", "here")]);
    let theirs = library(&[("s1", "there")]);
    let merged = merge_libraries(&base, &ours, &theirs);
    assert_eq!(
        pairs(&merged.library),
        owned(&[("s1", "there"), ("s1-2", "here")])
    );
    assert_eq!(merged.conflicts.len(), 1);
}

#[test]
fn the_merged_library_reads_back_whole() {
    let plan = plan();
    let base = library(&[("a", "A")]);
    let ours = library(&[("a", "A here"), ("x", "X")]);
    let theirs = library(&[("a", "A there"), ("x", "X there")]);
    let merged = merge_libraries(&base, &ours, &theirs);
    let decoded = decode_library(&plan, &encode_library(&plan, &merged.library))
        .expect("the merged library reads back");
    assert!(decoded.skipped.is_empty(), "{:?}", decoded.skipped);
    assert_eq!(decoded.library, merged.library);
}

/// What a tab does to its library.
#[derive(Clone, Debug)]
enum Edit {
    Save(u8),
    Rename(usize, u8),
    Delete(usize),
}

fn edit(library: &mut Library, edit: &Edit, side: &str, counter: &mut u32) {
    let len = library.entries.len();
    match *edit {
        Edit::Save(name) => {
            *counter += 1;
            library
                .entries
                .push(entry(&format!("{side}{counter}"), &format!("n{name}")));
        }
        Edit::Rename(idx, name) if len > 0 => {
            let entry = &mut library.entries[idx % len];
            entry.state.name = format!("{side}-renamed-{name}");
        }
        Edit::Delete(idx) if len > 0 => {
            library.entries.remove(idx % len);
        }
        _ => {}
    }
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        prop_oneof![
            any::<u8>().prop_map(Edit::Save),
            (any::<usize>(), any::<u8>()).prop_map(|(idx, name)| Edit::Rename(idx, name)),
            any::<usize>().prop_map(Edit::Delete),
        ],
        0..8,
    )
}

proptest! {
    /// Whatever the two tabs did, the merge keeps every entry either side
    /// added or changed, drops only what one side deleted and the other left
    /// alone, and gives every entry its own id.
    #[test]
    fn no_tab_loses_the_other_tabs_work(
        start in 0usize..5,
        here in edits(),
        there in edits(),
    ) {
        let mut base = Library::default();
        let mut counter = 0;
        for idx in 0..start {
            edit(&mut base, &Edit::Save(idx as u8), "b", &mut counter);
        }
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let (mut ours_counter, mut theirs_counter) = (0, 0);
        for step in &here {
            edit(&mut ours, step, "o", &mut ours_counter);
        }
        for step in &there {
            edit(&mut theirs, step, "t", &mut theirs_counter);
        }
        let merged = merge_libraries(&base, &ours, &theirs).library;
        let ids: HashSet<&str> = merged.entries.iter().map(|entry| entry.id.as_str()).collect();
        prop_assert_eq!(ids.len(), merged.entries.len(), "ids are unique");
        let kept = |wanted: &LibraryEntry| {
            merged.entries.iter().any(|entry| entry.name() == wanted.name() && entry.state == wanted.state)
        };
        for (side, other) in [(&ours, &theirs), (&theirs, &ours)] {
            for wanted in &side.entries {
                if !base.entries.contains(wanted) {
                    prop_assert!(kept(wanted), "added or changed: {:?}", wanted.name());
                }
            }
            for old in &base.entries {
                let deleted_here = side.entries.iter().all(|entry| entry.id != old.id);
                let untouched_there = other.entries.contains(old);
                if deleted_here && untouched_there {
                    prop_assert!(merged.entries.iter().all(|entry| entry.id != old.id));
                }
            }
        }
        // Nothing changed on one side: the merge is the other side.
        prop_assert_eq!(&merge_libraries(&base, &base, &theirs).library, &theirs);
        prop_assert_eq!(&merge_libraries(&base, &ours, &ours).library, &ours);
    }
}

// ------------------------------------------------------------ the reducer

fn tab() -> Rc<AppState> {
    Rc::new(AppState::open(
        Rc::new(plan()),
        None,
        Library::default(),
        None,
        "shouguang-2018",
    ))
}

/// What `use_library_sync` does after a change: if storage moved since the
/// tab last read it, merge; then write. Returns the tab as it ends.
fn sync(mut tab: Rc<AppState>, storage: &mut Library) -> Rc<AppState> {
    for _ in 0..4 {
        if *tab.library == *tab.library_stored {
            return tab;
        }
        if *storage != *tab.library_stored {
            tab = tab.reduce(Action::LibraryFromStorage(Box::new(storage.clone())));
            continue;
        }
        *storage = (*tab.library).clone();
        let written = tab.library.clone();
        tab = tab.reduce(Action::LibraryStored(written));
    }
    panic!("the library did not settle");
}

fn names(tab: &AppState) -> Vec<String> {
    tab.library
        .entries
        .iter()
        .map(|entry| entry.name().to_string())
        .collect()
}

fn save(tab: Rc<AppState>, id: &str, name: &str) -> Rc<AppState> {
    tab.reduce(Action::LibrarySave {
        id: id.to_string(),
        name: name.to_string(),
        saved_at: "2026-01-01T00:00:00Z".to_string(),
    })
}

#[test]
fn two_tabs_saving_renaming_and_deleting_keep_each_others_entries() {
    let mut storage = Library::default();
    let (a, b) = (tab(), tab());
    let a = sync(save(a, "a1", "A 的方案"), &mut storage);
    // B saves without having heard of A's entry: writing merges first.
    let b = sync(save(b, "b1", "B 的方案"), &mut storage);
    assert_eq!(names(&b), ["A 的方案", "B 的方案"]);
    assert_eq!(storage, *b.library);
    // A hears of B's write (the storage event).
    let a = a.reduce(Action::LibraryFromStorage(Box::new(storage.clone())));
    assert_eq!(names(&a), ["A 的方案", "B 的方案"]);
    assert!(a.notice.is_none(), "a plain merge needs no notice");
    // A renames B's entry while B deletes A's, neither having heard.
    let a = sync(
        a.reduce(Action::LibraryRename {
            id: "b1".to_string(),
            name: "B 的方案(A 改)".to_string(),
        }),
        &mut storage,
    );
    let b = sync(
        b.reduce(Action::LibraryDelete {
            id: "a1".to_string(),
        }),
        &mut storage,
    );
    assert_eq!(names(&b), ["B 的方案(A 改)"]);
    let a = a.reduce(Action::LibraryFromStorage(Box::new(storage.clone())));
    assert_eq!(names(&a), names(&b));
    assert_eq!(*a.library, storage);
}

#[test]
fn a_change_not_yet_in_storage_survives_another_tabs_write() {
    // A's write failed (storage full): its entry is only in memory.
    let a = save(tab(), "a1", "只在本页");
    assert_ne!(*a.library, *a.library_stored);
    // B writes its own entry; A hears of it and keeps both.
    let theirs = library(&[("b1", "另一页")]);
    let a = a.reduce(Action::LibraryFromStorage(Box::new(theirs.clone())));
    assert_eq!(names(&a), ["另一页", "只在本页"]);
    assert_eq!(*a.library_stored, theirs);
    assert_ne!(*a.library, *a.library_stored, "still to be written");
}

#[test]
fn a_conflict_keeps_both_versions_with_a_notice_in_both_languages() {
    let mut storage = Library::default();
    let a = sync(save(tab(), "a1", "原名"), &mut storage);
    let b = tab().reduce(Action::LibraryFromStorage(Box::new(storage.clone())));
    let rename = |tab: Rc<AppState>, name: &str| {
        tab.reduce(Action::LibraryRename {
            id: "a1".to_string(),
            name: name.to_string(),
        })
    };
    let _a = sync(rename(a, "甲改"), &mut storage);
    let b = sync(rename(b, "乙改"), &mut storage);
    let mut got = names(&b);
    got.sort();
    assert_eq!(got, ["乙改", "甲改"]);
    let notice = b.notice.as_ref().expect("the conflict is told");
    assert_eq!(notice.kind, NoticeKind::Info);
    assert!(notice.zh.contains("两个版本都已保留"), "{}", notice.zh);
    assert!(
        notice.en.contains("both versions are kept"),
        "{}",
        notice.en
    );
}
