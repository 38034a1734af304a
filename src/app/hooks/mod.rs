//! Side effects as hooks: the only places the app reaches the browser,
//! through `crate::web`.

mod use_autosave;
mod use_chart_drawing;
mod use_derivation;
mod use_document_lang;
mod use_file_io;
mod use_library_sync;
mod use_monte_carlo;
mod use_presentation_keys;
mod use_undo_shortcuts;
mod use_url_sync;

pub use use_autosave::use_autosave;
pub use use_chart_drawing::use_chart_drawing;
pub use use_derivation::use_derivation;
pub use use_document_lang::use_document_lang;
pub use use_file_io::{use_file_io, FileActions};
pub use use_library_sync::use_library_sync;
pub use use_monte_carlo::{use_monte_carlo, MonteCarloRun, MONTE_CARLO_DEBOUNCE_MS};
pub use use_presentation_keys::use_presentation_keys;
pub use use_undo_shortcuts::use_undo_shortcuts;
pub use use_url_sync::use_url_sync;
