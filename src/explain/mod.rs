//! Explaining a scenario: what its evaluation means in words, where a gap
//! comes from, and which assumptions matter.
//!
//! **Architecture invariant:** pure data, like the model. This module
//! imports nothing from yew, web-sys, gloo, wasm-bindgen, js-sys or
//! plotters (`tests/explain_boundaries.rs` checks), and nothing from the
//! app: it reads [`crate::model`] and fills the plain chart specs of
//! [`crate::chart`] ([`WaterfallSpec`](crate::chart::WaterfallSpec),
//! [`TornadoSpec`](crate::chart::TornadoSpec)), which `chart` draws.
//! Languages are a `zh: bool` (Chinese when true).
//!
//! * [`summary`]: a few paragraphs, regenerated on every change: goals met
//!   in 2022 and 2028, the largest shortfalls, the 2028 "new drivers lead"
//!   test and the industries that decide it, the probabilities of the
//!   headline goals, the inputs changed from the defaults and the numbers
//!   that are still assumptions.
//! * [`revenue_gap_waterfall`] / [`lead_test_waterfall`]: how each
//!   industry adds to or closes the gap to the combined 2022 revenue goals
//!   and to the 2028 test's margin ([`revenue_gaps`],
//!   [`lead_contributions`] give the numbers).
//! * [`sensitivity`] / [`headline_sensitivities`] and [`tornado_spec`]:
//!   how far each headline result moves when each assumption ([`crate::model::Field`] with a sensitivity step)
//!   moves by a stated step. Costs about a hundred projections per goal:
//!   compute it while its view is visible, not on every slider step.
//!
//! # Example
//!
//! ```
//! use pathways::explain::{lead_test_waterfall, summary};
//! use pathways::model::{evaluate, project, Plan, Scenario};
//!
//! let plan = Plan::shouguang_2018().unwrap();
//! let defaults = pathways::model::plan_defaults(&plan);
//! let projection = project(&plan, &defaults);
//! let evaluations = evaluate(&plan, &defaults, &projection);
//! let paragraphs = summary(&plan, &defaults, &defaults, &evaluations, None, false);
//! assert!(paragraphs.iter().any(|p| p == "All inputs are at their defaults."));
//!
//! let waterfall = lead_test_waterfall(&plan, &defaults, &projection, true);
//! let steps: f64 = waterfall.bars[..waterfall.bars.len() - 1].iter().map(|bar| bar.value).sum();
//! assert!((steps - waterfall.bars.last().unwrap().value).abs() < 1e-9);
//! ```

mod format;
mod gap;
mod sensitivity;
mod summary;

pub use format::{
    count_of, join_list, number, probability_text, signed_number, unit_text, yi_yuan,
};
pub use gap::{
    lead_contributions, lead_test_waterfall, revenue_gap_waterfall, revenue_gaps, Contribution,
    GOAL_MET_NOISE,
};
pub use sensitivity::{
    headline_goals, headline_sensitivities, sensitivities, sensitivity, tornado_spec,
    SensitivityBar, MAX_BARS,
};
pub use summary::{
    changed_inputs, summary, MAX_CHANGES_NAMED, MAX_DECIDING_INDUSTRIES, MAX_SHORTFALLS_NAMED,
};
