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
//! with `state` as above (an entry's `name` and `note` are its state's).
//!
//! Every field is required and no other field is allowed, so a typo is an
//! error at its path rather than a silently ignored value. Numbers are
//! written shortest-round-trip (serde_json with `float_roundtrip`), so a file
//! reads back bit for bit.
//!
//! The parts:
//!
//! * `v1`: the frozen format: each object's keys in order (a numeric
//!   scenario field's key is the field table's, [`crate::model::Field::file_key`])
//!   and the writer ([`encode_file`]). The model may change; version 1 may
//!   not (a new format is a new version beside it).
//! * `reader`: the JSON walker that collects every problem with its path,
//!   and [`decode_file`].
//! * `error`: [`FileError`] and [`FileProblem`] (the model's
//!   [`crate::model::FieldProblem`] with what was found).
//! * `library`: [`Library`], [`encode_library`] and [`decode_library`].

mod error;
mod library;
mod reader;
mod v1;

pub use error::{FileError, FileProblem, Found};
pub use library::{
    decode_library, encode_library, Library, LibraryDecoded, LibraryEntry, SkippedEntry,
};
pub use reader::decode_file;
pub use v1::{encode_file, FILE_FORMAT, FILE_VERSION, LIBRARY_FORMAT};
