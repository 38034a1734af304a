//! Messages about keeping work in the browser: a full storage, a library
//! another tab changed at the same time, a backup that could or could not
//! be made. Each says what actually happened and what is kept.

use super::Lang;
use crate::share::MergeConflict;

/// What happened to a write to the browser's storage, for its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// The storage is full.
    Full,
    /// The storage is disabled or failed for another reason.
    Unavailable,
}

impl Lang {
    /// The library could not be written: what is kept and what to do.
    pub fn library_not_saved(self, problem: StorageProblem) -> String {
        match (self, problem) {
            (Lang::Zh, StorageProblem::Full) => "浏览器的存储空间已满,情景库的这次更改没有保存到浏览器。本页中的情景库仍然完整;关闭或刷新本页之前,请用“导出情景(JSON)”另存需要保留的情景,或删除不再需要的情景后再保存。".to_string(),
            (Lang::En, StorageProblem::Full) => "The browser's storage is full, so this change to the scenario library was not saved in the browser. The library on this page is complete; before closing or reloading the page, use “Export scenario (JSON)” to keep the scenarios you need, or delete ones you no longer need and save again.".to_string(),
            (Lang::Zh, StorageProblem::Unavailable) => "浏览器存储不可用,情景库的这次更改没有保存到浏览器。本页中的情景库仍然完整;关闭或刷新本页之前,请用“导出情景(JSON)”另存需要保留的情景。".to_string(),
            (Lang::En, StorageProblem::Unavailable) => "The browser's storage is unavailable, so this change to the scenario library was not saved in the browser. The library on this page is complete; before closing or reloading the page, use “Export scenario (JSON)” to keep the scenarios you need.".to_string(),
        }
    }

    /// The working scenario could not be autosaved.
    pub fn autosave_failed(self, problem: StorageProblem) -> String {
        match (self, problem) {
            (Lang::Zh, StorageProblem::Full) => "浏览器的存储空间已满,当前情景没有自动保存到浏览器;屏幕上的情景不受影响,它仍在本页的链接中,也可用“导出情景(JSON)”另存。".to_string(),
            (Lang::En, StorageProblem::Full) => "The browser's storage is full, so the current scenario was not autosaved in the browser; the scenario on screen is unaffected, it is still in this page's link, and “Export scenario (JSON)” keeps it as a file.".to_string(),
            (Lang::Zh, StorageProblem::Unavailable) => "浏览器存储不可用,当前情景没有自动保存到浏览器;屏幕上的情景不受影响,它仍在本页的链接中,也可用“导出情景(JSON)”另存。".to_string(),
            (Lang::En, StorageProblem::Unavailable) => "The browser's storage is unavailable, so the current scenario was not autosaved in the browser; the scenario on screen is unaffected, it is still in this page's link, and “Export scenario (JSON)” keeps it as a file.".to_string(),
        }
    }

    /// The library in storage could not be read at all; `backed_up` says
    /// whether its original text was copied aside.
    pub fn library_unreadable(self, backed_up: bool, detail: &str) -> String {
        match (self, backed_up) {
            (Lang::Zh, true) => format!("浏览器中的情景库无法读取,原数据已另存一份备份,不会丢失。{detail}"),
            (Lang::En, true) => format!("The scenario library in this browser could not be read; the original data was copied to a backup and is not lost. {detail}"),
            (Lang::Zh, false) => format!("浏览器中的情景库无法读取,而且原数据未能另存备份(浏览器存储已满或不可用)。原数据仍原样留在浏览器中:在能够备份之前,本页不会把情景库写入浏览器,以免覆盖它。请用“导出情景(JSON)”另存需要保留的情景。{detail}"),
            (Lang::En, false) => format!("The scenario library in this browser could not be read, and the original data could not be copied to a backup (the browser's storage is full or unavailable). The original is still in the browser, unchanged: until a backup succeeds, this page will not write the library there, so nothing overwrites it. Use “Export scenario (JSON)” to keep the scenarios you need. {detail}"),
        }
    }

    /// Some entries of the stored library are damaged; the others opened.
    pub fn library_damaged(self, count: usize, backed_up: bool) -> String {
        match (self, backed_up) {
            (Lang::Zh, true) => format!("情景库中有 {count} 个情景已损坏,无法打开;其余情景完好。损坏的原数据已另存一份备份。"),
            (Lang::En, true) => format!("{count} saved scenario(s) in the library are damaged and could not be opened; the others are fine. The damaged original was copied to a backup."),
            (Lang::Zh, false) => format!("情景库中有 {count} 个情景已损坏,无法打开;其余情景完好。损坏的原数据未能另存备份(浏览器存储已满或不可用),仍原样留在浏览器中:在能够备份之前,本页不会把情景库写入浏览器。请用“导出情景(JSON)”另存需要保留的情景。"),
            (Lang::En, false) => format!("{count} saved scenario(s) in the library are damaged and could not be opened; the others are fine. The damaged original could not be copied to a backup (the browser's storage is full or unavailable) and is still in the browser, unchanged: until a backup succeeds, this page will not write the library there. Use “Export scenario (JSON)” to keep the scenarios you need."),
        }
    }

    /// A library change was not written because the unreadable original
    /// could not be backed up first.
    pub fn library_not_saved_no_backup(self) -> String {
        match self {
            Lang::Zh => "情景库的这次更改没有保存到浏览器:浏览器中原有的情景库有无法读取的内容,而备份它失败了(存储已满或不可用),为了不覆盖它,本页暂不写入。本页中的情景库仍然完整;请用“导出情景(JSON)”另存需要保留的情景。".to_string(),
            Lang::En => "This change to the scenario library was not saved in the browser: the library kept there has content that cannot be read, and backing it up failed (storage is full or unavailable), so this page does not write over it. The library on this page is complete; use “Export scenario (JSON)” to keep the scenarios you need.".to_string(),
        }
    }

    /// Another tab wrote a library this tab cannot read.
    pub fn library_from_other_tab_unreadable(self) -> String {
        match self {
            Lang::Zh => "另一个标签页保存的情景库无法读取;本页的情景库没有改动。".to_string(),
            Lang::En => "The scenario library saved by another tab could not be read; the library on this page is unchanged.".to_string(),
        }
    }

    /// The library was changed in this tab and in another at the same time;
    /// everything was kept.
    pub fn library_merged(self, conflicts: &[MergeConflict]) -> String {
        let zh = self == Lang::Zh;
        let parts: Vec<String> = conflicts
            .iter()
            .map(|conflict| match conflict {
                MergeConflict::BothChanged {
                    name, other_name, ..
                } => {
                    if zh {
                        format!("“{other_name}”在两个标签页中都被修改,两个版本都已保留(本页的版本为“{name}”)")
                    } else {
                        format!("“{other_name}” was changed in both tabs; both versions are kept (this tab's is “{name}”)")
                    }
                }
                MergeConflict::DeletedThere { name } => {
                    if zh {
                        format!("“{name}”在另一个标签页中被删除,但本页修改过它,因此仍保留")
                    } else {
                        format!("“{name}” was deleted in another tab but changed in this one, so it is kept")
                    }
                }
                MergeConflict::DeletedHere { name } => {
                    if zh {
                        format!("“{name}”在本页被删除,但另一个标签页修改过它,因此仍保留")
                    } else {
                        format!("“{name}” was deleted in this tab but changed in another, so it is kept")
                    }
                }
            })
            .collect();
        if zh {
            format!(
                "情景库同时在另一个标签页中被修改,已合并,没有丢失任何情景:{}。",
                parts.join(";")
            )
        } else {
            format!(
                "The scenario library was changed in another tab at the same time and has been merged; no scenario was lost: {}.",
                parts.join("; ")
            )
        }
    }
}
