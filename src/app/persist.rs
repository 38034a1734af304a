//! What the app reads when it opens: the link in the address bar, else the
//! autosaved scenario, and the scenario library — each through the
//! versioned formats of `crate::share`, each failure turned into a notice
//! and never into a lost scenario.

use std::rc::Rc;

use super::i18n::Lang;
use super::state::Notice;
use crate::model::Plan;
use crate::share::{decode_file, decode_library, decode_link, FileError, Library, ShareState};
use crate::web;

/// Where the working scenario is autosaved (the file format, versioned).
pub const AUTOSAVE_KEY: &str = "shouguang-pathways.autosave";
/// Where the named scenario library is kept.
pub const LIBRARY_KEY: &str = "shouguang-pathways.library";
/// Where an unreadable library is moved before a new one is written, so
/// nothing the user saved is overwritten.
pub const LIBRARY_BACKUP_KEY: &str = "shouguang-pathways.library.unreadable";
/// Where a plan file the user loaded is kept, so the app reopens with it.
pub const PLAN_KEY: &str = "shouguang-pathways.plan";

/// The storage key of `base` for a plan: the embedded plan uses the key as
/// it is; a loaded plan gets its own, so plans never overwrite each other.
pub fn key_for(base: &str, plan: &Plan, embedded_id: &str) -> String {
    if plan.id == embedded_id {
        base.to_string()
    } else {
        format!("{base}.{}", plan.id)
    }
}

/// The plan the page opens with: a loaded plan kept in storage, else the
/// embedded one; a stored plan that no longer loads gives a notice.
pub fn read_plan(embedded: Rc<Plan>) -> (Rc<Plan>, Option<Notice>) {
    match web::storage_get(PLAN_KEY) {
        Ok(Some(json)) => match Plan::from_json(&json) {
            Ok(plan) => (Rc::new(plan), None),
            Err(error) => {
                let notice = Notice::problem(
                    format!(
                        "浏览器中保存的规划文件无法读取,已改用内置的{}。{}",
                        super::i18n::Lang::Zh.plan_cited(&embedded),
                        error.message(true)
                    ),
                    format!(
                        "The plan file kept in this browser could not be read; the embedded plan, {}, is used. {}",
                        super::i18n::Lang::En.plan_cited(&embedded),
                        error.message(false)
                    ),
                );
                (embedded, Some(notice))
            }
        },
        Ok(None) | Err(_) => (embedded, None),
    }
}

/// What the page opens with.
pub struct Startup {
    pub opened: Option<ShareState>,
    pub library: Library,
    pub notice: Option<Notice>,
}

/// Reads the link, the autosave and the library.
pub fn read_startup(plan: &Plan, embedded_id: &str) -> Startup {
    let mut notices: Vec<Notice> = Vec::new();
    let autosave_key = key_for(AUTOSAVE_KEY, plan, embedded_id);
    let fragment = web::location_fragment();
    let opened = if !fragment.is_empty() {
        match decode_link(plan, &fragment) {
            Ok(state) => Some(state),
            Err(error) => {
                notices.push(Notice::problem(
                    format!("这个链接无法打开,已显示默认情景。{}", error.message(true)),
                    format!(
                        "This link could not be opened; the default scenario is shown. {}",
                        error.message(false)
                    ),
                ));
                None
            }
        }
    } else {
        match web::storage_get(&autosave_key) {
            Ok(Some(json)) => match decode_file(plan, &json) {
                Ok(state) => Some(state),
                Err(error) => {
                    notices.push(Notice::problem(
                        format!("浏览器中自动保存的情景无法读取,已显示默认情景。{}", error.message(true)),
                        format!("The scenario autosaved in this browser could not be read; the default scenario is shown. {}", error.message(false)),
                    ));
                    None
                }
            },
            Ok(None) | Err(_) => None,
        }
    };
    let library = read_library(plan, embedded_id, &mut notices);
    let notice = match notices.len() {
        0 => None,
        1 => notices.pop(),
        _ => Some(Notice::problem(
            notices
                .iter()
                .map(|notice| notice.zh.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            notices
                .iter()
                .map(|notice| notice.en.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )),
    };
    Startup {
        opened,
        library,
        notice,
    }
}

/// Reads the library of `plan`, recovering what it can; problems become
/// notices. An unreadable library, or one with damaged entries, is backed up
/// before anything could overwrite it, and the notice says whether that
/// worked (when it did not, the hook `use_library_sync` does not write over
/// the original until a backup succeeds).
pub fn read_library(plan: &Plan, embedded_id: &str, notices: &mut Vec<Notice>) -> Library {
    match read_stored_library(plan, embedded_id) {
        StoredLibrary::Absent => Library::default(),
        StoredLibrary::Read {
            library,
            damaged,
            raw,
        } => {
            if damaged > 0 {
                let backed_up = back_up_library(plan, embedded_id, &raw).is_ok();
                notices.push(Notice::problem(
                    Lang::Zh.library_damaged(damaged, backed_up),
                    Lang::En.library_damaged(damaged, backed_up),
                ));
            }
            library
        }
        StoredLibrary::Unreadable { error, raw } => {
            let backed_up = back_up_library(plan, embedded_id, &raw).is_ok();
            notices.push(Notice::problem(
                Lang::Zh.library_unreadable(backed_up, &error.message(true)),
                Lang::En.library_unreadable(backed_up, &error.message(false)),
            ));
            Library::default()
        }
    }
}

/// The library of a plan as it is in storage now.
pub enum StoredLibrary {
    /// None is stored (or there is no storage to read).
    Absent,
    /// It reads; `damaged` entries did not (they are still in `raw`).
    Read {
        library: Library,
        damaged: usize,
        raw: String,
    },
    /// Nothing in it can be trusted (not JSON, another format or plan…).
    Unreadable { error: FileError, raw: String },
}

/// Reads the library of `plan` from storage, without changing anything.
pub fn read_stored_library(plan: &Plan, embedded_id: &str) -> StoredLibrary {
    match web::storage_get(&key_for(LIBRARY_KEY, plan, embedded_id)) {
        Ok(Some(raw)) => match decode_library(plan, &raw) {
            Ok(decoded) => StoredLibrary::Read {
                library: decoded.library,
                damaged: decoded.skipped.len(),
                raw,
            },
            Err(error) => StoredLibrary::Unreadable { error, raw },
        },
        Ok(None) | Err(_) => StoredLibrary::Absent,
    }
}

/// How many backups of unreadable libraries are kept per plan.
const MAX_BACKUPS: usize = 9;

/// Copies the text of an unreadable (or partly damaged) library aside,
/// under [`LIBRARY_BACKUP_KEY`] or, when that holds an earlier, different
/// backup, `….2` to `….9`; an earlier backup is never overwritten. `Ok`
/// when the text is in a backup (already or now), `Err` when it could not
/// be written (storage full or unavailable, or every backup slot taken).
pub fn back_up_library(plan: &Plan, embedded_id: &str, raw: &str) -> Result<(), web::StorageError> {
    let base = key_for(LIBRARY_BACKUP_KEY, plan, embedded_id);
    for slot in 1..=MAX_BACKUPS {
        let key = if slot == 1 {
            base.clone()
        } else {
            format!("{base}.{slot}")
        };
        match web::storage_get(&key)? {
            Some(kept) if kept == raw => return Ok(()),
            Some(_) => continue,
            None => return web::storage_set(&key, raw),
        }
    }
    Err(web::StorageError::WriteFailed)
}
