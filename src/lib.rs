//! # Shouguang Pathways (寿光新旧动能转换情景模拟器)
//!
//! An in-browser scenario simulator for Shouguang City's 2018 plan to replace
//! old growth drivers with new ones. See `ARCHITECTURE.md` for the map.
//!
//! - [`model`]: the plan as data, scenarios, projection, goal evaluation,
//!   goal seek and Monte Carlo. Pure Rust: no browser, no IO.
//! - [`chart`]: drawing over any plotters backend (canvas in the app, SVG in
//!   native tests). Pure.
//! - [`app`]: the yew interface (state, components, hooks, strings).
//! - [`web`]: the only code that touches browser APIs directly.
#![forbid(unsafe_code)]

pub mod app;
pub mod chart;
pub mod explain;
pub mod model;
pub mod share;
pub mod web;
