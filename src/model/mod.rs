//! The pure model of Shouguang Pathways: the 2018 plan as data, the user's
//! scenario, the projection to 2028, goal evaluation, goal seek and Monte
//! Carlo uncertainty.
//!
//! **Architecture invariant:** this module imports nothing from yew,
//! web-sys, gloo, wasm-bindgen, js-sys or plotters, does no IO and never
//! panics on user or file input. It builds and is tested natively. The only
//! file it reads is the plan, embedded at compile time.
//!
//! # Inputs → outputs
//!
//! * [`Plan`] (`assets/plan/shouguang-2018.json`, validated on load by
//!   [`Plan::from_json`]): the eight industries with base-year (2017) values
//!   and their links to the economy, economy-wide baselines, the goal
//!   register (every quantitative goal with its clause quoted verbatim,
//!   section, deadline, unit, kind, comparison and tracking), published
//!   figures, the close tolerance, the interpretation of the 2028 aim and
//!   the presets. Every number carries a [`Provenance`]: `plan` (with the
//!   clause), `published` (source and quote) or `assumption` (rationale).
//! * [`Scenario`]: the user's assumptions — growth per industry per phase
//!   (phase 0 = 2018–2022, phase 1 = 2023–2028), one-year shocks (pp added
//!   to a year's growth), the economy links, uncertainty (σ per industry,
//!   common-shock correlation, runs, seed) and the 2028 interpretation.
//!   Ranges are named constants ([`GROWTH_PCT`] …); [`Scenario::validate`]
//!   names every bad field.
//! * [`project`] → [`Projection`]: every series per year 2017..=2028.
//! * [`evaluate`] → [`GoalEvaluation`]s at 2022 and 2028; [`new_drivers_test`]
//!   for the 2028 aim.
//! * [`required_growth_pct`] / [`seek_growth_pct`]: goal seek.
//! * [`monte_carlo`] → [`Bands`]: P10/P50/P90 and goal probabilities.
//!
//! # Formulas
//!
//! (Also in [`FORMULAS`], in Chinese and English, for the UI.) For year t
//! (0 = 2017), industry i and phase p(t):
//!
//! * revenue: R_i(t) = R_i(t−1) × max(1 + (g_i,p(t) + shock_i(t))/100, 0.01);
//! * GDP(t) = Σ_i va_i R_i(t) + rest(t), where rest(0) = GDP(0) − Σ_i va_i R_i(0)
//!   grows at the rest-of-economy rate: GDP responds to the industries
//!   through their value added;
//! * employment L(t) = [GDP(0)/productivity(0)] × (1 + e)^t, with the plan's
//!   12.3 万元 as productivity(0); productivity(t) = GDP(t)/L(t);
//! * SEI share(t) = share(0) × [E(t)/E(0)] / [GDP(t)/GDP(0)], E = the
//!   emerging industries' value added: the share rises when the emerging
//!   industries outgrow GDP;
//! * high-tech share(t) = share(0) × [X(t)/X(0)] / [Y(t)/Y(0)], X = Σ h_i m_i
//!   R_i (high-tech industrial revenue), Y = Σ m_i R_i (industrial revenue);
//! * R&D share(t) = share(0) × [X(t)/X(0)] × (1 + c)^t / [GDP(t)/GDP(0)]: R&D
//!   follows high-tech revenue, with an optional intensity change c;
//! * lead ratio = emerging revenue / traditional revenue (industries measured
//!   by output value — vegetables — only if the interpretation includes
//!   them).
//!
//! Goals of kind `increment_per_year` reach base + increment × years by their
//! deadline; past it, the interpretation may continue the increments.
//! Money is nominal 亿元.
//!
//! # Example
//!
//! ```
//! use pathways::model::{evaluate, project, required_growth_pct, Plan, Scenario, Status};
//!
//! let plan = Plan::shouguang_2018().expect("the embedded plan is valid");
//! let mut scenario = pathways::model::plan_defaults(&plan);
//! // If high-end chemicals (industry 1) grows only 6 % a year to 2022…
//! scenario.set_growth_pct(1, 0, 6.0).unwrap();
//! let projection = project(&plan, &scenario);
//! let evaluations = evaluate(&plan, &scenario, &projection);
//! let chemicals = evaluations
//!     .iter()
//!     .find(|e| e.goal_id == "revenue.chemicals" && e.year == 2022)
//!     .unwrap();
//! assert_eq!(chemicals.status, Status::Missed); // 650 × 1.06^5 ≈ 870 < 1000
//! // … what would it need?
//! let needed = required_growth_pct(&plan, &scenario, 1).unwrap();
//! assert!((needed - 9.0).abs() < 0.01); // (1000 / 650)^(1/5) − 1 ≈ 9.0 %
//! ```

pub mod bounds;
pub mod calibration;
pub mod field;
pub mod goals;
pub mod monte_carlo;
pub mod order;
pub mod plan;
pub mod presets;
pub mod projection;
pub mod scenario;
pub mod seek;
pub mod solve;
pub mod validate;

pub use bounds::{
    BASE_YI_YUAN, CORRELATION, EMPLOYMENT_GROWTH_PCT, GDP_YI_YUAN, GROWTH_PCT, LEAD_RATIO,
    PRODUCTIVITY_WAN_YUAN, RATIO, RD_INTENSITY_CHANGE_PCT, RUNS, SHARE_PCT, SHOCK_PCT, SIGMA_PP,
};
pub use calibration::{fit_gdp, FitPoint, GdpFit};
pub use field::{Field, Step, Unit};
pub use goals::{
    checkpoints, evaluate, meets, new_drivers_test, required_path, tally, target_in_year,
    years_without_target, GoalEvaluation, NewDriversTest, Status, YearlyRise, STRICT_MARGIN,
};
pub use monte_carlo::{
    monte_carlo, monte_carlo_sliced, monte_carlo_with, Band, Bands, GoalProbability, Workspace,
};
pub use plan::{
    Comparison, Economy, Goal, GoalKind, Group, Industry, Measure, Plan, PlanError, PresetSpec,
    Provenance, PublishedFigure, SeriesId, SeriesRef, Sourced, Text, Tracking, SHOUGUANG_2018_JSON,
};
pub use presets::{apply_preset, default_gdp_fit, plan_defaults};
pub use projection::{formula, project, tracked_series, Formula, Projection, FORMULAS};
pub use scenario::{
    EconomyAssumptions, FieldProblem, IndustryAssumptions, Interpretation, Scenario, ScenarioError,
    Shock, Uncertainty,
};
pub use seek::{required_growth_pct, seek_growth_pct, SeekError};
pub use solve::{solve, Binding, Move, Shortfall, Solution, SolveError, SolveOptions};
